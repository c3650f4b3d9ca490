#!/usr/bin/env bash
# How speed grows with cores in local mode (the figures of docs/scaling.md): the example sweep,
# and data-parallel training of one larger run, each with 1 and then 2 cores; the same run in one
# JVM without Spark for reference. Builds first if needed; takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=spark/target/rnn4j-spark.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for cores in 1 2; do
  start=$(date +%s%N)
  java -jar "$jar" sweep examples/sweep.conf -Drnn4j.spark.master="local[$cores]" -Drnn4j.output.dir="$out" \
    >/dev/null 2>&1
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf 'sweep examples/sweep.conf (48 runs), local[%s]: %d.%d s wall\n' "$cores" $((ms / 1000)) $((ms % 1000 / 100))
done

# One run, big enough that an epoch's gradient is worth spreading: 1,600 training sequences of 30 steps.
big=(-Drnn4j.data.sequences=2000 -Drnn4j.topology.hidden=[32] -Drnn4j.trainer.batch-size=2000
     -Drnn4j.trainer.epochs=30 -Drnn4j.trainer.checkpoint-every=0 -Drnn4j.output.dir="$out")
printf 'one JVM, no Spark:              %s\n' \
  "$(./rnn4j train --no-progress "${big[@]}" | grep -o 'in [0-9.]* s' | head -1)"
for cores in 1 2; do
  printf 'data-parallel, local[%s], %s partitions: %s\n' "$cores" "$cores" \
    "$(java -jar "$jar" train --no-progress "${big[@]}" -Drnn4j.spark.master="local[$cores]" \
        -Drnn4j.spark.partitions=$cores 2>/dev/null | grep -o 'in [0-9.]* s' | head -1)"
done
