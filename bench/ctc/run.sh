#!/usr/bin/env bash
# CTC loss + gradient benchmark: seqlab vs PyTorch (same data); writes bench/results/ctc.json.
# Usage (from anywhere): bench/ctc/run.sh [--batch 32 --frames 400 --classes 30 --length 80 --reps 15 --threads 2 ...]
# PyTorch: apt-get install -y python3-torch (the script uses torch.set_num_threads(--threads), default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
./mvnw -o -q -B -pl sequence -am compile dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
CP="sequence/target/classes:core/target/classes:$(cat "$cpfile")"
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
env "${spin[@]}" OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} java "${extra[@]}" -Xmx4g -cp "$CP" bench/ctc/CtcBenchmark.java "$@"
