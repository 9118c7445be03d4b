#!/usr/bin/env bash
# Reproducibility check of the README's emojify row, usable with `git bisect run`:
# exit 0 when the seed-1 run gives 82.14 % with one thread, 1 for another accuracy, 125 when it
# could not run. Usage: bench/sentiment/emojify_seed1.sh VECTORS (the text8 skip-gram vectors)
set -uo pipefail
cd "$(git rev-parse --show-toplevel)" || exit 125   # the checkout it is run in (a copy may live outside it)
vectors=${1:?usage: bench/sentiment/emojify_seed1.sh VECTORS}
out=$(OMP_NUM_THREADS=1 timeout 600 ./seqlab sentiment train --data emojify --vectors "$vectors" --freeze \
      --vocab-from-vectors --seed 1 2>&1 | grep -E "^accuracy +[0-9]" | tail -1)
echo "$(git rev-parse --short HEAD): ${out:-no result}"
case "$out" in *"82.14"*) exit 0 ;; *"%"*) exit 1 ;; *) exit 125 ;; esac
