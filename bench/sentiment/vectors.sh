#!/usr/bin/env bash
# Trains the skip-gram vectors the sentiment rows of the README use, from the repo root:
#   bench/sentiment/vectors.sh OUT.bin [REPEAT [extra embeddings-train options, e.g. --dim 300]]
# REPEAT 0: text8 alone (as /tmp/text8.bin in the README); REPEAT N > 0: text8 plus N copies of the
# eng-fra and Multi30k English sentences (bench/sentiment/text8plus.py). Seed 1, one thread (so the
# vectors are the same on every run), seqlab's SGNS defaults otherwise.
set -euo pipefail
out=${1:?usage: bench/sentiment/vectors.sh OUT.bin [REPEAT]}
out=$(realpath -m "$out")   # relative to where the script was called from
cd "$(dirname "$0")/../.."
repeat=${2:-5}
shift $(( $# < 2 ? $# : 2 ))
data=${SEQLAB_DATA:-../shared/data}
[ -f "$data/text8/text8.zip" ] || { echo "vectors.sh: $data/text8/text8.zip is missing (set SEQLAB_DATA)" >&2; exit 2; }
if [ "$repeat" = 0 ]; then
  corpus=$data/text8/text8.zip
else
  corpus=$(mktemp --suffix=.txt)
  trap 'rm -f "$corpus"' EXIT
  python3 bench/sentiment/text8plus.py "$data" "$corpus" "$repeat"
fi
./seqlab embeddings train --corpus "$corpus" --out "$out" --seed 1 --threads 1 --progress-seconds 60 "$@"
