#!/usr/bin/env bash
# The side-by-side comparison (rnn4j, PyTorch, Encog) and the JMH benchmarks, in one run.
# Installs what it needs: PyTorch 1.13 and OpenBLAS from Debian (root), Encog and JMH from Maven
# Central. Usage: benchmarks/compare.sh [--dl4j] [--jmh]
#   --dl4j  adds Deeplearning4j 1.0.0-M2.1 (downloads about 150 MB the first time)
#   --jmh   adds the JMH step and kernel benchmarks (about half an hour)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "compare: installing python3-torch and libopenblas0-pthread from Debian ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-torch libopenblas0-pthread >&2
fi

echo "compare: building the benchmarks (mvn -Pbenchmarks) ..." >&2
mvn -B -q -Pbenchmarks -pl benchmarks -am install -DskipTests >&2

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
echo "torch: $(/usr/bin/python3 -c 'import torch; print(torch.__version__)' 2>/dev/null || echo none)"
# Which kernels each side's OpenBLAS uses: its choice for this CPU, or the one OPENBLAS_CORETYPE forces on
# both (this machine's environment sets Haswell: AVX2 kernels on a CPU that has AVX-512).
core() { grep -m1 -o 'Core: .*' || echo "Core: unknown"; }
echo "OpenBLAS: rnn4j's $(OPENBLAS_VERBOSE=2 java -cp benchmarks/target/benchmarks.jar org.rnn4j.benchmarks.Compare --kernels 2>&1 | core)," \
  "PyTorch's $(OPENBLAS_VERBOSE=2 /usr/bin/python3 -c 'import torch; torch.ones(64, 64) @ torch.ones(64, 64)' 2>&1 | core)" \
  "(OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset})"
echo
# OpenBLAS computes each product on the calling thread: rnn4j's parallelism is its own threads
# (rnn4j.trainer.threads), each row of the table says how many. Compare runs PyTorch with the
# thread count of each of its rows.
# The JDK's vector API (an incubator module in Java 17, which the JVM announces with a warning) runs
# products of 4,096-16,383 multiply-adds, (d)'s, on every thread at once (docs/training.md).
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.rnn4j.benchmarks.Compare

# (e) End to end, as a user starts it: the default run from the command line (JVM start, data,
# 60 epochs, the held-out figures, the run folder), against PyTorch doing the same run from a
# script (Python start and `import torch` included). Medians of 5, after one untimed run each.
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  runs=$(mktemp -d)
  wall() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk "BEGIN {printf \"%.2f\\n\", $end - $start}"; }
  median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
  ./rnn4j train --no-progress -Drnn4j.output.dir="$runs" >/dev/null 2>&1
  /usr/bin/python3 benchmarks/torch_default_run.py 1 >/dev/null 2>&1
  rnn4j=$(for i in 1 2 3 4 5; do wall ./rnn4j train --no-progress -Drnn4j.output.dir="$runs"; done | median)
  torch1=$(for i in 1 2 3 4 5; do wall /usr/bin/python3 benchmarks/torch_default_run.py 1; done | median)
  cores=$(getconf _NPROCESSORS_ONLN)  # not nproc, which answers OMP_NUM_THREADS
  torchAll=$(for i in 1 2 3 4 5; do OPENBLAS_NUM_THREADS=$cores OMP_NUM_THREADS=$cores \
    wall /usr/bin/python3 benchmarks/torch_default_run.py "$cores"; done | median)
  echo
  echo "(e) the default run end to end (median of 5 wall times): ./rnn4j train ${rnn4j} s;" \
    "PyTorch script, 1 thread ${torch1} s, $cores threads ${torchAll} s"
  rm -rf "$runs"
fi

for option in "$@"; do
  case "$option" in
    --dl4j)
      echo
      mvn -B -q -Pdl4j -pl benchmarks-dl4j install -DskipTests >&2
      mvn -B -q -Pdl4j -pl benchmarks-dl4j exec:java 2>/dev/null | grep -oE '\((a|b)\) .*'
      ;;
    --jmh)
      java -jar benchmarks/target/benchmarks.jar "StepBenchmark|GemmBenchmark" -wi 3 -i 5 -w 1 -r 1 -f 1
      ;;
    *)
      echo "compare: unknown option $option (use --dl4j, --jmh)" >&2
      exit 2
      ;;
  esac
done
