#!/usr/bin/env bash
# The point-of-care service on loopback, measured from outside: the service runs in its own JVM, started
# as in production (java -jar target/sciatica-service.jar, no extra flags, the embedded store), and the load
# comes from another JVM (integrations/service: LoadClient, plain keep-alive HTTP/1.1 over sockets). In the
# same run, the client JVM times the library answering the same assessments in-process (the baseline).
# Reports POST /advice closed-loop at 1, 8 and 64 clients, POST /advice with 64 connections at a fixed
# 1,500 requests/s (latency from the intended send time), and patient-view with full prefetch at 1, 8 and
# 64 clients. Bounded: SECONDS per measurement (default 3), at most MAX_REQUESTS each (default 20000;
# 3000 for patient-view). The load average is printed before and after. "CPU ms/request" is the CPU time
# the service's process used during a reading over its requests (from /proc; 10 ms ticks), and for the
# in-process rows the measuring thread's: on a shared machine it moves far less than latency does.
#   ./mvnw -q -DskipTests install && bash bench/service.sh [SECONDS] [MAX_REQUESTS]
# JAVA_OPTS: extra flags for the service's JVM (default none, as integrations/service/run.sh).
set -euo pipefail
seconds="${1:-3}"
max="${2:-20000}"
cd "$(dirname "$0")/../integrations/service"
if [ -z "${SKIP_BUILD:-}" ]; then
  ../../mvnw -B -ntp -q package -DskipTests
  ../../mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
work="$(mktemp -d)"
client=(java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.sciatica.advisor.service.LoadClient)
"${client[@]}" keys "$work"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar target/sciatica-service.jar --port 0 --data-dir "$work/data" \
  --trusted-issuer "https://ehr.example.org=$work/ehr-jwks.json" >"$work/service.out" 2>"$work/service.log" &
service=$!
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 600); do
  url="$(sed -n 's/^Sciatica Advisor service on \([^ ]*\) .*/\1/p' "$work/service.out")"
  [ -n "$url" ] && break
  kill -0 "$service" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "the service did not start" >&2; exit 1; }
echo "service: $url (pid $service); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"${client[0]}" -Dservice.pid="$service" "${client[@]:1}" run "$url" "$work" "$seconds" "$max"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
