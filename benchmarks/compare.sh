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
echo
# One thread on each side: rnn4j's training runs on one thread, so OpenBLAS, PyTorch and ND4J get one too.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
java -cp benchmarks/target/benchmarks.jar org.rnn4j.benchmarks.Compare

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
