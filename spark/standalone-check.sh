#!/usr/bin/env bash
# Submits the example sweep, unchanged, to a real Spark standalone cluster started on this
# machine (a master and a worker of 2 cores, executors in JVMs of their own, Spark's jars from
# Maven Central as a cluster would have them), kills the executor with SIGKILL while the sweep
# runs, and checks that every run still gives exactly one row. Needs the built spark jar.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$PWD/spark/target/rnn4j-spark.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
version=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml)
work=$(mktemp -d)
cleanup() { pkill -f "deploy.master.Master --host 127.0.0.1 --port 7177" || true
            pkill -f "deploy.worker.Worker.*spark://127.0.0.1:7177" || true; rm -rf "$work"; }
trap cleanup EXIT

# A Spark "installation": Spark's own jars, nothing of rnn4j's.
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-home</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId>
    <version>$version</version></dependency></dependencies></project>
POM
mvn -B -q -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/home/jars"
mkdir -p "$work/app" && cp "$jar" "$work/app/"   # alone: no lib/ beside it
opens=$(printf -- '--add-opens=java.base/%s=ALL-UNNAMED ' java.lang java.lang.invoke java.lang.reflect java.io java.net \
  java.nio java.util java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
  sun.security.action sun.util.calendar)
export SPARK_HOME=$work/home SPARK_SCALA_VERSION=2.13
spark() { java $opens -cp "$SPARK_HOME/jars/*" "$@"; }

spark org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7177 --webui-port 8177 >"$work/master.log" 2>&1 &
sleep 8
spark org.apache.spark.deploy.worker.Worker --cores 2 --memory 3g --webui-port 8178 spark://127.0.0.1:7177 \
  >"$work/worker.log" 2>&1 &
sleep 8

spark org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:7177 --class org.rnn4j.spark.SparkCommand \
  "$work/app/rnn4j-spark.jar" sweep examples/sweep.conf -Drnn4j.output.dir="$work/out" >"$work/sweep.out" 2>"$work/sweep.err" &
submit=$!
sleep "${KILL_AFTER:-30}"
echo "killing the executor: $(pkill -9 -e -f CoarseGrainedExecutorBackend || echo none running)"
wait $submit
tail -n 2 "$work/sweep.out"
grep -E 'Lost executor|Executor added' "$work/sweep.err" | sed -E 's/^[0-9/]+ [0-9:]+ //' | cut -c1-160
python3 - "$work"/out/*/results.csv/part-*.csv <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
runs = [r["run"] for r in rows]
print(f"{len(rows)} rows, {len(set(runs))} distinct runs, {sum(r['status'] == 'ok' for r in rows)} ok")
sys.exit(0 if len(rows) == len(set(runs)) == 48 else 1)
PY
