#!/usr/bin/env bash
# Starts the point-of-care service from a fresh clone: the first time (or with REBUILD=1) it builds the
# library and the service jar (tests skipped), then runs the service with the arguments given, e.g.
#   integrations/service/run.sh --port 8080
# Defaults: 127.0.0.1:8080, the embedded store in ./data, the bundled rules. See docs/SERVICE.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/integrations/service/target/sciatica-service.jar"
if [ ! -f "$jar" ] || [ -n "${REBUILD:-}" ]; then
  (cd "$root" && ./mvnw -B -ntp -q install -DskipTests)
  (cd "$root/integrations/service" && ../../mvnw -B -ntp -q package -DskipTests)
fi
exec java -jar "$jar" "$@"
