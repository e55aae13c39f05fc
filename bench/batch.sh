#!/usr/bin/env bash
# CLI batch throughput: N JSON lines (default 1,000,000) through `batch` on all cores, output
# counted and discarded; prints wall time, lines per second and output bytes per line, and checks
# that every line got an answer. MIX is "heavy" (default: 5,000 assessments, half with a condition,
# one in seven with a red flag) or "benchmark" (the 1,000-case benchmark mix).
# Usage: bash bench/batch.sh [N] [heavy|benchmark] [compact]. With "compact", batch --compact
# (decisions and ids; texts from the catalog). Extra JVM options go in JAVA_OPTS.
# Needs: ./mvnw -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
mix=${2:-heavy}
form=()
[ "${3:-}" = compact ] && form=(--compact)
jar=target/sciatica-advisor-cli.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
input=$(mktemp)
rss=$(mktemp)
trap 'rm -f "$input" "$rss"' EXIT
./mvnw -q -Pbench test-compile exec:exec -Dbench.main=org.sciatica.advisor.bench.BatchInput \
  -Dbench.args="$lines $([ "$mix" = heavy ] && echo heavy)" > "$input"
opts=(${JAVA_OPTS:-})
start=$(date +%s%N)
read -r answered bytes < <(/usr/bin/time -f %M -o "$rss" java "${opts[@]}" -jar "$jar" batch "${form[@]}" --quiet "$input" | wc -lc)
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
echo "$answered of $lines lines ($mix mix${form:+, compact}) answered in $(awk -v m="$ms" 'BEGIN{printf "%.1f", m/1000}') s" \
  "($(awk -v n="$lines" -v m="$ms" 'BEGIN{printf "%.0f", n/(m/1000)}') lines/s) on $(nproc) cores;" \
  "$(awk -v b="$bytes" -v n="$answered" 'BEGIN{printf "%.0f", b/n}') bytes of output per line;" \
  "peak memory (RSS) $(( $(cat "$rss") / 1024 )) MB"
[ "$answered" -eq "$lines" ]
