#!/usr/bin/env bash
# Re-measures the figures quoted in README.md and docs/: every run below is one command a
# reader can repeat. Prints "label: figures" lines; takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {
  local label=$1; shift
  printf '%-44s ' "$label"
  ./rnn4j train --no-progress -Drnn4j.output.dir="$out" "$@" \
    | grep -E 'trained|loss per step|-mse|accuracy|legal|rmse' | sed -E 's/ +/ /g' \
    | awk '/trained/ {match($0, /in [0-9.]+ s/); t = substr($0, RSTART + 3, RLENGTH - 3); next} {printf "%s;", $0} END {printf " time %s\n", t}'
}
for seed in 1 2 3 4 5; do run "default run, seed $seed" -Drnn4j.seed=$seed; done
for t in feedforward elman jordan fully-recurrent; do run "temporal-xor $t" -Drnn4j.topology.type=$t; done
run "temporal-xor partially-recurrent full" -Drnn4j.topology.type=partially-recurrent -Drnn4j.topology.recurrence=full
run "temporal-xor partially-recurrent self" -Drnn4j.topology.type=partially-recurrent -Drnn4j.topology.recurrence=self
for t in feedforward jordan elman; do
  run "sine $t" -Drnn4j.data.type=sine -Drnn4j.topology.type=$t -Drnn4j.topology.output-activation=identity
done
for t in feedforward elman fully-recurrent; do
  for d in 0 1; do run "delayed-xor delay $d $t" -Drnn4j.data.type=delayed-xor -Drnn4j.data.delay=$d -Drnn4j.topology.type=$t; done
done
run "bptt(5, 10)" -Drnn4j.trainer.k1=5 -Drnn4j.trainer.k2=10
for seed in 1 2 3 4 5; do run "rtrl online, seed $seed" -Drnn4j.trainer.type=rtrl -Drnn4j.seed=$seed; done
run "rtrl per sequence, adam 0.01" -Drnn4j.trainer.type=rtrl -Drnn4j.trainer.update=sequence -Drnn4j.trainer.optimizer.learning-rate=0.01
run "sgd" -Drnn4j.trainer.optimizer.type=sgd
run "rmsprop 0.005" -Drnn4j.trainer.optimizer.type=rmsprop -Drnn4j.trainer.optimizer.learning-rate=0.005
run "rprop full batch 300 epochs" -Drnn4j.trainer.optimizer.type=rprop -Drnn4j.trainer.batch-size=400 -Drnn4j.trainer.epochs=300
run "reber elman" -Drnn4j.data.type=reber -Drnn4j.trainer.loss=cross-entropy -Drnn4j.topology.output-activation=identity
run "embedded-reber elman [16]" -Drnn4j.data.type=embedded-reber -Drnn4j.trainer.loss=cross-entropy -Drnn4j.topology.output-activation=identity -Drnn4j.topology.hidden=[16]
run "embedded-reber feedforward" -Drnn4j.data.type=embedded-reber -Drnn4j.trainer.loss=cross-entropy -Drnn4j.topology.output-activation=identity -Drnn4j.topology.type=feedforward
run "airline elman" -Drnn4j.data.type=airline-passengers -Drnn4j.data.normalize=standard -Drnn4j.topology.output-activation=identity -Drnn4j.trainer.epochs=200 -Drnn4j.trainer.batch-size=4
run "adding elman [16]" -Drnn4j.data.type=adding -Drnn4j.topology.output-activation=identity -Drnn4j.topology.hidden=[16]

# docs/writing-a-plugin.md: RTRL with Jacobians derived from backward (gru) against the LSTM's own.
mvn -B -q -Dstyle.color=never -pl plugins-example -am install -DskipTests >/dev/null
for t in "gru -Drnn4j.topology.units=8" "lstm -Drnn4j.topology.hidden=[8]"; do
  printf '%-44s ' "rtrl per step, embedded-reber, ${t%% *}"
  ./rnn4j --plugin-path plugins-example/target train --no-progress -Drnn4j.output.dir="$out" -Drnn4j.data.type=embedded-reber \
    -Drnn4j.data.sequences=100 -Drnn4j.trainer.loss=cross-entropy -Drnn4j.trainer.type=rtrl -Drnn4j.trainer.epochs=2 \
    -Drnn4j.topology.type=$t | head -1
done

# docs/forecasting.md: series held out by time, against the naive baselines; one-step figures, then
# RMSE at leads 1, 6 and 12 of forecasts from the model's own predictions (model, persistence, seasonal naive).
forecast() {
  local label=$1; shift
  printf '%-44s ' "$label"
  ./rnn4j train --no-progress -Drnn4j.output.dir="$out" -Drnn4j.data.horizon=12 -Drnn4j.data.normalize=standard \
    -Drnn4j.topology.output-activation=identity -Drnn4j.trainer.batch-size=1 "$@" | awk '
    /^  (rmse|persistence-rmse|seasonal-naive-rmse|transform-naive-rmse|skill-vs-[a-z-]+) / {printf "%s %s; ", $1, $2}
    /^  lead / {for (i = 1; i <= NF; i++) c[$i] = i; n = 1; next}
    n && ($1 == 1 || $1 == 6 || $1 == 12) {printf "lead %s: %s %s %s; ", $1, $c["rmse"] + 0, $c["persistence-rmse"] + 0, $c["seasonal-naive-rmse"] + 0}
    END {print ""}'
}
/usr/bin/python3 - "$out/seasonal.csv" <<'PYTHON'
import math, random, sys
random.seed(7)
with open(sys.argv[1], 'w') as f:
    f.write('t,y\n')
    for t in range(480):
        f.write('%d,%.6f\n' % (t, 10 + 0.02 * t + 2 * math.sin(2 * math.pi * t / 24) + random.gauss(0, 0.3)))
PYTHON
seasonal=(-Drnn4j.data.type=csv "-Drnn4j.data.files=[\"$out/seasonal.csv\"]" "-Drnn4j.data.inputs=[y]" -Drnn4j.data.forecast=true
  -Drnn4j.data.test-steps=96 -Drnn4j.data.season=24)
for seed in 1 2 3; do
  forecast "airline, levels, seed $seed" -Drnn4j.seed=$seed -Drnn4j.data.type=airline-passengers -Drnn4j.trainer.epochs=300
  forecast "airline, log + lag 12, seed $seed" -Drnn4j.seed=$seed -Drnn4j.data.type=airline-passengers \
    -Drnn4j.data.transform.log=true "-Drnn4j.data.transform.difference=[12]" -Drnn4j.data.validation-steps=12 \
    -Drnn4j.trainer.early-stopping.patience=50 -Drnn4j.trainer.epochs=500
  forecast "airline, log + lags 1, 12, seed $seed" -Drnn4j.seed=$seed -Drnn4j.data.type=airline-passengers \
    -Drnn4j.data.transform.log=true "-Drnn4j.data.transform.difference=[1, 12]" -Drnn4j.data.validation-steps=12 \
    -Drnn4j.trainer.early-stopping.patience=50 -Drnn4j.trainer.epochs=500
  forecast "seasonal series, levels, seed $seed" -Drnn4j.seed=$seed "${seasonal[@]}" -Drnn4j.trainer.epochs=200
  forecast "seasonal series, lag 1, seed $seed" -Drnn4j.seed=$seed "${seasonal[@]}" "-Drnn4j.data.transform.difference=[1]" \
    -Drnn4j.trainer.epochs=200
  forecast "seasonal series, lag 24, seed $seed" -Drnn4j.seed=$seed "${seasonal[@]}" "-Drnn4j.data.transform.difference=[24]" \
    -Drnn4j.trainer.epochs=200
done

# docs/online-learning.md: one stream of temporal XOR learned online, one update per step, scored
# on a second stream (xor-mse at the predictable steps; 0.25 is guessing), Elman with 16 hidden units.
for seed in 1 2 3; do
  for trainer in "rtrl" "snap" "uoro" "bptt -Drnn4j.trainer.k1=1 -Drnn4j.trainer.k2=10"; do
    printf '%-44s ' "stream of 20,000 steps, ${trainer%% *}, seed $seed"
    # shellcheck disable=SC2086
    ./rnn4j train --no-progress -Drnn4j.output.dir="$out" -Drnn4j.seed=$seed -Drnn4j.data.sequences=2 \
      -Drnn4j.data.length=20000 -Drnn4j.data.test-fraction=0.5 -Drnn4j.trainer.epochs=1 -Drnn4j.trainer.batch-size=1 \
      "-Drnn4j.topology.hidden=[16]" -Drnn4j.trainer.type=$trainer | grep -E 'epochs in|xor-mse' \
      | sed -E 's/.*epochs in/time/; s/ +/ /g' | tr '\n' ';'; echo
  done
done

# docs/online-learning.md: tasks that need memory, learned online (one update per step, batch 1,
# one pass), Elman with 16 hidden units: delayed XOR (delay 2: the target at t is x[t-2] XOR x[t-3])
# and embedded Reber strings (the share of held-out strings predicted legally at every step).
for seed in 1 2 3; do
  for trainer in rtrl snap uoro; do
    printf '%-44s ' "delayed-xor delay 2, $trainer, seed $seed"
    ./rnn4j train --no-progress -Drnn4j.output.dir="$out" -Drnn4j.seed=$seed -Drnn4j.data.type=delayed-xor \
      -Drnn4j.data.delay=2 -Drnn4j.data.sequences=1000 -Drnn4j.trainer.epochs=1 -Drnn4j.trainer.batch-size=1 \
      "-Drnn4j.topology.hidden=[16]" -Drnn4j.trainer.type=$trainer | grep -E 'epochs in|accuracy' \
      | sed -E 's/.*epochs in/time/; s/ +/ /g' | tr '\n' ';'; echo
    printf '%-44s ' "embedded-reber, $trainer, seed $seed"
    ./rnn4j train --no-progress -Drnn4j.output.dir="$out" -Drnn4j.seed=$seed -Drnn4j.data.type=embedded-reber \
      -Drnn4j.data.sequences=2000 -Drnn4j.trainer.epochs=1 -Drnn4j.trainer.batch-size=1 -Drnn4j.trainer.loss=cross-entropy \
      -Drnn4j.topology.output-activation=identity "-Drnn4j.topology.hidden=[16]" -Drnn4j.trainer.type=$trainer \
      | grep -E 'epochs in|legal' | sed -E 's/.*epochs in/time/; s/ +/ /g' | tr '\n' ';'; echo
  done
done

# docs/training.md: how far single precision moves a network's values and gradients (gradcheck's check).
for h in 8 64; do
  printf '%-44s ' "single precision against double, elman [$h]"
  ./rnn4j gradcheck -Drnn4j.precision=single "-Drnn4j.topology.hidden=[$h]" | grep 'single precision' | sed -E 's/ +/ /g'
done

# docs/embedding.md: the sensor example's loss on later, drifted readings before and after online learning.
mvn -B -q -Dstyle.color=never -pl embedding-example -am install -DskipTests >/dev/null
mvn -B -q -Dstyle.color=never -pl embedding-example dependency:build-classpath -Dmdep.outputFile="$out/classpath" >/dev/null
cp=$(cat "$out/classpath")
printf '%-44s ' "embedding example (before, after)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=info -cp "embedding-example/target/classes:$cp" \
  org.rnn4j.embedding.SensorForecast "$out/sensor.rnn4j" 2>&1 | grep 'before and' | sed -E 's/.*SensorForecast - //'

# docs/security.md: the fuzz test's figures, and a 2 MB model file holding a 2 GB entry.
rm -f cli/target/fuzz-figures.txt
mvn -B -q -Dstyle.color=never -pl cli -am test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
sed 's/^/fuzz test, /' cli/target/fuzz-figures.txt
./rnn4j train --no-progress -Drnn4j.output.dir="$out/bomb" -Drnn4j.trainer.epochs=1 >/dev/null
/usr/bin/python3 - "$(ls "$out"/bomb/*/model.rnn4j)" "$out/bomb.rnn4j" <<'PYTHON'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as bomb:
    for item in source.infolist():
        if item.filename == 'parameters/0.npy':
            with bomb.open(item.filename, 'w', force_zip64=True) as entry:
                for _ in range(128):
                    entry.write(bytes(1 << 24))          # 2 GB of zeros
        else:
            bomb.writestr(item, source.read(item.filename))
PYTHON
printf '%-44s ' "2 GB entry in a $(( $(stat -c %s "$out/bomb.rnn4j") / 1000000 )) MB model, inspect"
/usr/bin/time -o "$out/time" -f '%e s, %M KB resident' ./rnn4j inspect "$out/bomb.rnn4j" >/dev/null 2>"$out/refusal" || true
echo "$(cat "$out/time" | tail -1); $(cat "$out/refusal")"
