#!/usr/bin/env bash
# JVM start to first recommendation for the command line, median of N runs (default 10), next to
# the same JVM start with no rules compiled (--version) as the baseline measured in the same run.
# Needs target/sciatica-advisor-cli.jar: ./mvnw -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
jar=target/sciatica-advisor-cli.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
first=(); base=()
for _ in $(seq "$runs"); do
  first+=("$(time_ms java -jar "$jar" examples/chronic-piriformis.json)")
  base+=("$(time_ms java -jar "$jar" --version)")
done
f=$(printf '%s\n' "${first[@]}" | median)
b=$(printf '%s\n' "${base[@]}" | median)
echo "JVM start to first recommendation: median ${f} ms over ${runs} runs"
echo "JVM start to --version (no rules):  median ${b} ms"
echo "Compiling and running the rules adds $(awk -v f="$f" -v b="$b" 'BEGIN{printf "%.0f", f-b}') ms"
