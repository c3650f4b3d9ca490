#!/usr/bin/env bash
# How speed grows with cores in local mode (the figures of docs/scaling.md): the example sweep,
# and data-parallel training of a small and a large run, each with 1 and then 2 cores; the same
# runs in one JVM without Spark for reference. Builds first if needed; about 5 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=spark/target/rnn4j-spark.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
timed() { /usr/bin/time -f '%e s wall, %U s user' "$@" 2>&1 >/dev/null | tail -1; }

for cores in 1 2; do
  printf 'sweep examples/sweep.conf (48 runs), local[%s]: %s\n' "$cores" \
    "$(timed java -jar "$jar" sweep examples/sweep.conf -Drnn4j.spark.master="local[$cores]" -Drnn4j.output.dir="$out")"
done

# Training time only ("trained … in"): Spark's start is not counted, the first epoch's worker set-up is.
trained() { grep -o 'in [0-9.]* s' | head -1; }
for size in "1600 32 40" "6400 64 10"; do
  read -r train hidden epochs <<<"$size"
  run=(-Drnn4j.data.sequences=$((train * 5 / 4)) -Drnn4j.topology.hidden=[$hidden] -Drnn4j.trainer.batch-size=$train
       -Drnn4j.trainer.epochs=$epochs -Drnn4j.trainer.checkpoint-every=0 -Drnn4j.output.dir="$out")
  echo "$train training sequences of 30 steps, elman [$hidden], $epochs full-batch epochs:"
  printf '  one JVM, no Spark:                 trained %s\n' "$(./rnn4j train --no-progress "${run[@]}" | trained)"
  for cores in 1 2; do
    printf '  data-parallel, local[%s], %s part(s): trained %s\n' "$cores" "$cores" \
      "$(java -jar "$jar" train --no-progress "${run[@]}" -Drnn4j.spark.master="local[$cores]" \
          -Drnn4j.spark.partitions=$cores 2>/dev/null | trained)"
  done
done
