#!/usr/bin/env bash
# Word-LSTM LM benchmark: seqlab then PyTorch on the same settings; writes bench/results/lstm.json.
# Usage (from anywhere): bench/lstm/run.sh [--steps 10 --warmup 3 --torch false --python /usr/bin/python3 ...]
# PyTorch: apt-get install -y python3-torch libopenblas0-pthread (the script uses 2 threads).
set -euo pipefail
cd "$(dirname "$0")/../.."
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
./mvnw -q -B -pl sequence -am compile dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
CP="sequence/target/classes:$(cat "$cpfile")"
extra=()
major=$(java -version 2>&1 | head -1 | sed -E 's/[^"]*"([0-9]+).*/\1/')
if [[ "$major" -ge 22 ]]; then
  extra=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
# idle OpenMP workers spin only briefly, as under ./seqlab (README, "Threads"); Python sides keep their defaults
spin=()
if [[ -z "${GOMP_SPINCOUNT:-}" && -z "${OMP_WAIT_POLICY:-}" ]]; then
  spin=(GOMP_SPINCOUNT=1000 SEQLAB_SPIN_DEFAULTED=1)
fi
env "${spin[@]}" java "${extra[@]}" --add-modules jdk.incubator.vector -Xmx4g -cp "$CP" bench/lstm/LstmLmBenchmark.java "$@"
