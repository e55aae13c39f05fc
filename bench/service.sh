#!/usr/bin/env bash
# The point-of-care service on loopback, measured from outside: the service runs in its own JVM, started
# as in production (java -jar target/sciatica-service.jar, no extra flags, the embedded store), and the load
# comes from another process. In the same run, a client JVM times the library answering the same assessments
# in-process (the baseline).
#
# Two load generators:
# - LoadClient (integrations/service test sources, a JVM: plain keep-alive HTTP/1.1 over sockets, one thread per
#   client): the in-process baseline before and after, POST /advice closed-loop at 1, 8 and 64 clients, POST
#   /advice with 64 connections at a fixed 1,500 requests/s (latency from the intended send time), patient-view
#   with full prefetch at 1, 8 and 64 clients.
# - wrk (C, epoll; Debian package "wrk": apt-get install -y wrk), when installed: POST /advice closed-loop at 1,
#   8 and 64 connections, with bench/advice.lua posting LoadClient's 162 assessments in turn. It uses a
#   fraction of a JVM client's CPU per request (both are in the "client CPU ms/request" column), so on 2 cores it
#   leaves more to the service; without wrk those rows are left out, with a note.
#
# Bounded: SECONDS per measurement (default 3), at most MAX_REQUESTS each for LoadClient (default 20000; 3000
# for patient-view; wrk stops at SECONDS). The load average is printed before and after. "CPU ms/request" is the
# CPU time the service's process used during a reading over its requests (from /proc; 10 ms ticks), and for the
# in-process rows the measuring thread's: on a shared machine it moves far less than latency does.
#   ./mvnw -q -DskipTests install && bash bench/service.sh [SECONDS] [MAX_REQUESTS]
# JAVA_OPTS: extra flags for the service's JVM (default none, as integrations/service/run.sh).
# SERVICE_ARGS: extra service options, e.g. SERVICE_ARGS="--advice-audit commit" (default none: the journal).
# WRK_WARMUP: seconds of unmeasured wrk load at 64 connections before the wrk rows (default 30; 0: none).
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
  --trusted-issuer "https://ehr.example.org=$work/ehr-jwks.json" ${SERVICE_ARGS:-} >"$work/service.out" 2>"$work/service.log" &
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

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# One wrk reading as a row of the table above: wrk's own percentiles (--latency), the service's CPU from /proc,
# wrk's CPU from /usr/bin/time (or bash's times when that is missing).
wrk_row() {
  local connections="$1" threads=2 before after out
  [ "$connections" -lt 2 ] && threads=1
  before="$(ticks "$service")"
  out="$( { /usr/bin/time -f "client-cpu %U %S" wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency \
    -s ../../bench/advice.lua "$url"; } 2>&1)"
  after="$(ticks "$service")"
  awk -v c="$connections" -v ticks="$((after - before))" -v seconds="$seconds" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +Latency +[0-9]/ { max = ms($4) }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /requests in/ { n = $1 }
    /Requests\/sec/ { rate = $2 }
    /Non-2xx/ { errors += $5 }
    /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /^client-cpu/ { client = ($2 + $3) * 1000 }
    END { printf "| POST /advice, wrk | %d | closed loop | %d | %.3f | %.3f | %.3f | %.0f | %.3f | %.3f | %d |\n",
      c, n, p50, p99, max, rate, ticks * 10 / n, client / n, errors }' <<<"$out"
}
if command -v wrk >/dev/null && [ -x /usr/bin/time ]; then
  # The service's JIT compiles for about 80 s under load (Drools' generated classes are many): readings in that time
  # run 26 to 35 ms at the 64-connection p99 where steady ones run 19 to 23 ms. WRK_WARMUP seconds of unmeasured load
  # (default 30) come first, after the LoadClient rows' own 40 s or so; WRK_WARMUP=0 measures the warm-up too.
  if [ "${WRK_WARMUP:-30}" -gt 0 ]; then
    wrk -t2 -c64 -d"${WRK_WARMUP:-30}s" -s ../../bench/advice.lua "$url" >/dev/null
  fi
  for connections in 1 8 64; do wrk_row "$connections"; done
else
  echo "(wrk or /usr/bin/time not installed: no wrk rows; apt-get install -y wrk time)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
