#!/usr/bin/env bash
# Latency (p50, p99) and requests/s of the point-of-care service on loopback at 1, 8 and 64 concurrent
# clients, for POST /advice and for patient-view with full prefetch, beside the library answering the same
# assessments in-process in the same run (integrations/service: ServiceBench). Bounded: SECONDS per
# measurement (default 3) and at most MAX_REQUESTS (default 20000; 3000 for patient-view).
#   ./mvnw -q -DskipTests install && bash bench/service.sh [SECONDS] [MAX_REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/../integrations/service"
../../mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.sciatica.advisor.service.ServiceBench "$@"
