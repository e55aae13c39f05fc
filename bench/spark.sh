#!/usr/bin/env bash
# Spark job against the CLI on the same input, in one run: N JSON lines (default 200,000, the
# benchmark mix over and over) answered by `batch --threads 2`, then by the Spark job
# (integrations/spark) in local[2]; prints wall time, lines per second and lines per second per
# core of each (medians of RUNS interleaved runs, default 1), the load average before and after,
# and checks that the two outputs are identical byte for byte.
# Builds what it needs (the CLI jar, the library into target/bench-repo, the Spark job's classes);
# NO_BUILD=1 skips that when a run of this script already built them.
# Run it on a quiet machine: nothing else should be building.
# Usage: [RUNS=3] [NO_BUILD=1] bash bench/spark.sh [N] [compact]: with "compact", both write the
# compact form (batch --compact and the job's --compact).
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-200000}
form=${2:-full}
case $form in
  full) cli_form=(); job_form=() ;;
  compact) cli_form=(--compact); job_form=(--compact) ;;
  *) echo "the form is full or compact, was '$form'" >&2; exit 2 ;;
esac
cores=2
m2=${M2_REPO:-$HOME/.m2/repository}
repo=(-Dmaven.repo.local="$PWD/target/bench-repo" -Dmaven.repo.local.tail="$m2")
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/java.lang.invoke=ALL-UNNAMED"

runs=${RUNS:-1}
if [ -z "${NO_BUILD:-}" ]; then
  ./mvnw -B -q -ntp "${repo[@]}" -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true install
  (cd integrations/spark && ../../mvnw -B -q -ntp "${repo[@]}" -DskipTests compile dependency:build-classpath \
    -Dmdep.includeScope=compile -Dmdep.outputFile=target/classpath.txt)
fi
classpath="integrations/spark/target/classes:$(cat integrations/spark/target/classpath.txt)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./mvnw -B -q -ntp -Pbench test-compile exec:exec -Dbench.main=org.sciatica.advisor.bench.BatchInput -Dbench.args="$lines" \
  > "$work/input.jsonl"

rate() { # lines milliseconds -> "S s, L lines/s, P lines/s per core"
  awk -v n="$1" -v m="$2" -v c="$cores" 'BEGIN{printf "%.1f s, %.0f lines/s, %.0f lines/s per core", m/1000, n/(m/1000), n/(m/1000)/c}'
}

cli() { # input output -> milliseconds
  local start end
  start=$(date +%s%N)
  java -jar target/sciatica-advisor-cli.jar batch "${cli_form[@]}" --quiet --threads "$cores" "$1" > "$2" 2> "$work/cli.log" \
    || { cat "$work/cli.log" >&2; exit 1; }
  [ ! -s "$work/cli.log" ] || { echo "the CLI wrote to standard error:" >&2; cat "$work/cli.log" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
spark() { # input output-folder -> milliseconds
  local start end
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  SPARK_LOCAL_IP=127.0.0.1 java $opens -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -Dspark.ui.enabled=false \
    -Dlog4j2.configurationFile=integrations/spark/log4j2-local.properties -cp "$classpath" org.sciatica.advisor.spark.AdviseJob \
    advise --master "local[$cores]" --input "$1" --json-out "$2" --overwrite "${job_form[@]}" 2> "$work/spark.log" \
    || { cat "$work/spark.log" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { # numbers -> their median (the lower middle one for an even count)
  printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'
}

# The first 1,000 lines alone measure what a run costs whatever its size (JVM, rules, Spark start-up).
head -n 1000 "$work/input.jsonl" > "$work/small.jsonl"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cli_small=(); spark_small=(); cli_all=(); spark_all=()
for ((run = 1; run <= runs; run++)); do
  cli_small+=("$(cli "$work/small.jsonl" "$work/cli-small.jsonl")")
  spark_small+=("$(spark "$work/small.jsonl" "$work/spark-small")")
  cli_all+=("$(cli "$work/input.jsonl" "$work/cli.jsonl")")
  spark_all+=("$(spark "$work/input.jsonl" "$work/spark")")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cli_small_ms=$(median "${cli_small[@]}"); spark_small_ms=$(median "${spark_small[@]}")
cli_ms=$(median "${cli_all[@]}"); spark_ms=$(median "${spark_all[@]}")

cat "$work"/spark/part-* > "$work/spark.jsonl"
answered=$(wc -l < "$work/cli.jsonl")
echo "$(date -u +%F) $(nproc) cores, $lines lines of the benchmark mix, $form form, each side a fresh JVM (start-up included),"
echo "  medians of $runs run(s) (ms: CLI ${cli_all[*]}; Spark ${spark_all[*]}); load average $load_before before, $load_after after:"
echo "  CLI batch ${cli_form[*]} --threads $cores:  $(rate "$lines" "$cli_ms")"
echo "  Spark job ${job_form[*]}, local[$cores]:      $(rate "$lines" "$spark_ms")"
echo "  the same on 1,000 lines (start-up): CLI $(rate 1000 "$cli_small_ms" | cut -d, -f1), Spark $(rate 1000 "$spark_small_ms" | cut -d, -f1)"
echo "  beyond start-up (($lines - 1,000) lines / (time - time for 1,000)):"
echo "    CLI:   $(rate $((lines - 1000)) $((cli_ms - cli_small_ms)) | cut -d, -f2-)"
echo "    Spark: $(rate $((lines - 1000)) $((spark_ms - spark_small_ms)) | cut -d, -f2-)"
echo "  Spark/CLI per core: $(awk -v s="$spark_ms" -v c="$cli_ms" 'BEGIN{printf "%.2fx", s/c}') overall," \
  "$(awk -v s="$((spark_ms - spark_small_ms))" -v c="$((cli_ms - cli_small_ms))" 'BEGIN{printf "%.2fx", s/c}') beyond start-up"
if cmp -s "$work/cli.jsonl" "$work/spark.jsonl"; then
  echo "  outputs identical: $answered lines"
else
  echo "  outputs DIFFER" >&2
  exit 1
fi
