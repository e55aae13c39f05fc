#!/usr/bin/env bash
# JVM start to first recommendation for the command line (the advise subcommand, as the README runs
# it), median of N runs (default 10), each run
# interleaving: a bare "hello world" JVM (the baseline), the same jar printing --version (no rules),
# the first answer with the bundled rules, and the first answer with one added rule directory
# (src/it/clinic-rules/rules, a clinic's vocabulary and rule), and the same rules all compiled from
# DRL (--no-bundled with a copy of rules/ elsewhere: what an added directory cost before the
# bundled rules stayed precompiled beside it); then the same first answers through the launcher
# bin/sciatica-advisor (class-data archive, quick compiler); and the same clinic rules precompiled in
# the build (target/clinic-rules-precompiled, made by PrecompileRules in process-test-classes), with
# java -jar and through the launcher. Extra JVM options go in JAVA_OPTS
# (for example JAVA_OPTS="-XX:SharedArchiveFile=target/app.jsa").
# Needs target/sciatica-advisor-cli.jar and target/clinic-rules-precompiled: ./mvnw -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
jar=target/sciatica-advisor-cli.jar
precompiled=target/clinic-rules-precompiled
[ -f "$jar" ] && [ -f "$precompiled/sciatica-advisor-model.jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
hello=$(mktemp -d)
trap 'rm -rf "$hello"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$hello/Hello.java"
javac -d "$hello" "$hello/Hello.java"
cp -r rules "$hello/rules-copy"
opts=(${JAVA_OPTS:-})
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
bare=(); version=(); bundled=(); added=(); drl=(); lbundled=(); ladded=(); model=(); lmodel=()
for _ in $(seq "$runs"); do
  bare+=("$(time_ms java -cp "$hello" Hello)")
  version+=("$(time_ms java "${opts[@]}" -jar "$jar" --version)")
  bundled+=("$(time_ms java "${opts[@]}" -jar "$jar" advise examples/chronic-piriformis.json)")
  added+=("$(time_ms java "${opts[@]}" -jar "$jar" advise --rules src/it/clinic-rules/rules examples/chronic-piriformis.json)")
  drl+=("$(time_ms java "${opts[@]}" -jar "$jar" advise --no-bundled --rules "$hello/rules-copy" --rules src/it/clinic-rules/rules examples/chronic-piriformis.json)")
  lbundled+=("$(time_ms bin/sciatica-advisor advise examples/chronic-piriformis.json)")
  ladded+=("$(time_ms bin/sciatica-advisor advise --rules src/it/clinic-rules/rules examples/chronic-piriformis.json)")
  model+=("$(time_ms java "${opts[@]}" -jar "$jar" advise --rules "$precompiled" examples/chronic-piriformis.json)")
  lmodel+=("$(time_ms bin/sciatica-advisor advise --rules "$precompiled" examples/chronic-piriformis.json)")
done
b=$(printf '%s\n' "${bare[@]}" | median)
v=$(printf '%s\n' "${version[@]}" | median)
f=$(printf '%s\n' "${bundled[@]}" | median)
a=$(printf '%s\n' "${added[@]}" | median)
d=$(printf '%s\n' "${drl[@]}" | median)
lb=$(printf '%s\n' "${lbundled[@]}" | median)
la=$(printf '%s\n' "${ladded[@]}" | median)
m=$(printf '%s\n' "${model[@]}" | median)
lm=$(printf '%s\n' "${lmodel[@]}" | median)
echo "medians over $runs runs${JAVA_OPTS:+ with JAVA_OPTS=$JAVA_OPTS}; load average before: $load"
echo "  bare JVM (hello world):                      $b ms"
echo "  --version (jar, no rules):                   $v ms"
echo "  first answer, bundled rules:                 $f ms  ($((f - b)) ms over the bare JVM)"
echo "  first answer, bundled + one added directory: $a ms  ($((a - b)) ms over the bare JVM)"
echo "  the same rules, all compiled from DRL:       $d ms  ($((d - b)) ms over the bare JVM)"
echo "  launcher, first answer, bundled rules:       $lb ms  ($((lb - b)) ms over the bare JVM)"
echo "  launcher, bundled + one added directory:     $la ms  ($((la - b)) ms over the bare JVM)"
echo "  bundled + the same directory precompiled:    $m ms  ($((m - b)) ms over the bare JVM)"
echo "  launcher, bundled + the directory precompiled: $lm ms  ($((lm - b)) ms over the bare JVM)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
