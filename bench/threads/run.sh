#!/usr/bin/env bash
# How ND4J's idle OpenMP workers wait, measured on two seqlab workloads: a short CoNLL-2003 NER run
# (4,000 training sentences, 1 epoch, --sparse-adam, then scoring the 3,250 development sentences:
# many small ops) and the word-LSTM LM benchmark (bench/lstm, seqlab side only: large gemms).
# Settings: libgomp's default spin (GOMP_SPINCOUNT=300000, what an unset environment gets),
# OMP_WAIT_POLICY=PASSIVE, and GOMP_SPINCOUNT=1000 (what ./seqlab sets when neither is given).
# Usage: bench/threads/run.sh VECTORS [REPS (default 3)]   (needs ../shared/data/ner)
# Writes one line per run to stdout and to bench/results/omp-wait.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
vectors=${1:?usage: bench/threads/run.sh VECTORS [REPS]}
reps=${2:-3}
log=bench/results/omp-wait.log
echo "# bench/threads/run.sh $vectors $reps   ($(date -u '+%F %H:%M') UTC, $(nproc) cores, OMP_NUM_THREADS=2)" | tee "$log"
for rep in $(seq "$reps"); do
  for cfg in "GOMP_SPINCOUNT=300000" "OMP_WAIT_POLICY=PASSIVE" "GOMP_SPINCOUNT=1000"; do
    ner=$(env -u GOMP_SPINCOUNT -u OMP_WAIT_POLICY $cfg OMP_NUM_THREADS=2 ./seqlab ner train --vectors "$vectors" --epochs 1 \
          --train-limit 4000 --seed 1 --sparse-adam 2>&1 | sed -n 's/^trained in *//p')
    lstm=$(env -u GOMP_SPINCOUNT -u OMP_WAIT_POLICY $cfg OMP_NUM_THREADS=2 bench/lstm/run.sh --torch false --out "${TMPDIR:-/tmp}/omp-wait-lstm.json" 2>&1 \
          | awk '/^train/ {t=$2} /^inference/ {i=$2} END {print t " / " i}')
    echo "rep $rep | $cfg | ner 4000-sentence epoch + dev scoring: $ner | lstm LM tokens/s train / inference: $lstm" | tee -a "$log"
  done
done
