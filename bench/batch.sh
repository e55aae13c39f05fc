#!/usr/bin/env bash
# CLI batch throughput: N JSON lines (default 1,000,000, the benchmark mix over and over) through
# --batch on all cores, output discarded; prints wall time and lines per second, and checks that
# every line got an answer. Needs: ./mvnw -q -DskipTests package (and test classes: mvn -q test-compile).
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
jar=target/sciatica-advisor-cli.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
input=$(mktemp)
trap 'rm -f "$input"' EXIT
./mvnw -q -Pbench test-compile exec:exec -Dbench.main=org.sciatica.advisor.bench.BatchInput -Dbench.args="$lines" > "$input"
start=$(date +%s%N)
answered=$(java -jar "$jar" --batch --quiet "$input" | wc -l)
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
echo "$answered of $lines lines answered in $(awk -v m="$ms" 'BEGIN{printf "%.1f", m/1000}') s ($(awk -v n="$lines" -v m="$ms" 'BEGIN{printf "%.0f", n/(m/1000)}') lines/s) on $(nproc) cores"
[ "$answered" -eq "$lines" ]
