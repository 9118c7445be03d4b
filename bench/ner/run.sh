#!/usr/bin/env bash
# CoNLL-2003 NER quality run: trains one BiLSTM-CRF per seed (6 epochs each, best development epoch
# kept), scores each alone and all of them decoded together (ner eval), and writes the logs under
# bench/results/ner/. Needs ../shared/data/ner (research data, read in place) and word vectors.
# Usage: bench/ner/run.sh VECTORS [SEEDS (default "1 2 3")] [TAGS (iob2|iobes, default iob2)]
#   e.g. ./seqlab embeddings train --corpus ../shared/data/text8/text8.zip --out /tmp/text8.bin --seed 1
#        bench/ner/run.sh /tmp/text8.bin "1 2 3"
# Each seed takes about 18 minutes on the idle 2-core machine (7-8 with --sparse-adam under the
# launcher's GOMP_SPINCOUNT=1000); a rerun resumes from the checkpoints.
# Environment: EPOCHS (default 6), NER_ARGS (more 'ner train' options, e.g. "--sparse-adam", or
# "--train-limit 200" for a smoke test), NER_NAME (file-name prefix, default the tag scheme),
# NER_OUT (logs, default bench/results/ner), SEQLAB_NER_WORK (checkpoints and models, default
# /tmp/seqlab-ner).
set -euo pipefail
cd "$(dirname "$0")/../.."
vectors=${1:?usage: bench/ner/run.sh VECTORS [SEEDS] [TAGS]}
seeds=${2:-1 2 3}
tags=${3:-iob2}
out=${NER_OUT:-bench/results/ner}
work=${SEQLAB_NER_WORK:-/tmp/seqlab-ner}
mkdir -p "$out" "$work"
if [[ ! -f ../shared/data/ner/eng.train && -z "${SEQLAB_DATA:-}" ]]; then
  echo "bench/ner/run.sh: ../shared/data/ner is missing (CoNLL-2003 eng.train, eng.testa, eng.testb); set SEQLAB_DATA" >&2
  exit 2
fi
models=()
for s in $seeds; do
  name="${NER_NAME:-$tags}-s$s"
  # shellcheck disable=SC2206
  cmd=(./seqlab ner train --vectors "$vectors" --epochs "${EPOCHS:-6}" --seed "$s" --tags "$tags"
       --checkpoint "$work/$name.ckpt" --out "$work/$name.seqlab" ${NER_ARGS:-})
  echo "== seed $s: OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} ${cmd[*]}"
  { echo "# OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} GOMP_SPINCOUNT=${GOMP_SPINCOUNT:-1000} ${cmd[*]}   ($(date -u '+%F %H:%M') UTC; per-batch progress lines dropped)"
    OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} "${cmd[@]}" 2>&1 | grep -v -e "Using incubator" -e "batch [0-9]*/[0-9]*  loss [0-9.]*  ETA"
  } | tee "$out/$name.log"
  models+=("$work/$name.seqlab")
done
list=$(IFS=,; echo "${models[*]}")
echo "== ensemble of ${#models[@]}: ./seqlab ner eval --model $list"
{ echo "# ./seqlab ner eval --model $list   ($(date -u '+%F %H:%M') UTC)"
  ./seqlab ner eval --model "$list" 2>&1 | grep -v "Using incubator"
} | tee "$out/${NER_NAME:-$tags}-ensemble-$(echo $seeds | tr ' ' '-').log"
