#!/usr/bin/env bash
# emojify test accuracy over several seeds with the README's settings (frozen vectors, BiLSTM max-pool,
# one thread): bench/sentiment/emojify_seeds.sh VECTORS [FIRST LAST] [extra train options...]
# Prints one line per seed and the mean, median, min and max; the test set has 56 sentences, so one
# seed's figure moves by several points with the rounding of the arithmetic alone.
set -uo pipefail
vectors=${1:?usage: bench/sentiment/emojify_seeds.sh VECTORS [FIRST LAST] [options...]}
vectors=$(realpath -m "$vectors")   # relative to where the script was called from
cd "$(dirname "$0")/../.."
first=${2:-1}; last=${3:-10}; shift $(( $# < 3 ? $# : 3 ))
accs=()
for s in $(seq "$first" "$last"); do
  a=$(OMP_NUM_THREADS=1 ./seqlab sentiment train --data emojify --vectors "$vectors" --freeze --vocab-from-vectors \
      --seed "$s" "$@" 2>&1 | grep -E "^accuracy +[0-9]" | tail -1 | awk '{print $2}')
  echo "seed $s  ${a:-failed}"
  [ -n "$a" ] && accs+=("$a")
done
printf '%s\n' "${accs[@]}" | sort -n | awk -v v="$vectors" '{a[NR]=$1; s+=$1} END {
  if (NR == 0) exit 1
  m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2
  printf "emojify, %d seeds, vectors %s: mean %.2f %%, median %.2f %%, min %.2f %%, max %.2f %%\n", NR, v, s/NR, m, a[1], a[NR]}'
