#!/usr/bin/env bash
# Side-by-side benchmark of seqlab's embedding trainers against gensim 4.2 on a text8-format corpus.
#
#   apt-get install -y python3-gensim time            # reference implementation and /usr/bin/time
#   bash bench/embeddings/run.sh                       # SGNS: gensim then seqlab, 5 epochs, 2 threads
#   GLOVE=1 bash bench/embeddings/run.sh               # also the GloVe pipeline (window 15, x_max 10, 15 iterations)
#   SGNS=0 GLOVE=1 bash bench/embeddings/run.sh        # only GloVe
#   SGNS=0 SPEED_ROUNDS=2 bash bench/embeddings/run.sh # speed only: 1-epoch runs alternating gensim, seqlab
#                                                      # (fairer on a shared machine whose load drifts)
#
# Environment: CORPUS (default ../shared/data/text8/text8.zip), DATA (wordsim dir), THREADS (2), EPOCHS (5),
# GLOVE_DIM (100), GLOVE_ITERATIONS (15), SEQLAB (command running the CLI, default ./seqlab),
# REUSE_GENSIM=1 keeps gensim.* already in WORK. SGNS_JAVA_OPTS / GLOVE_JAVA_OPTS (JVM flags of the seqlab runs; both add the incubating Vector API module,
# which seqlab's row kernels use when present), WORK (scratch dir).
# Each tool trains in its own process under /usr/bin/time -v (wall time, peak RSS); vectors are then
# scored by the same gensim evaluator (bench/embeddings/evaluate.py). Results: bench/results/embeddings.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CORPUS="${CORPUS:-$ROOT/../shared/data/text8/text8.zip}"
DATA="${DATA:-$ROOT/../shared/data/wordsim}"
THREADS="${THREADS:-2}"
EPOCHS="${EPOCHS:-5}"
SGNS="${SGNS:-1}"
GLOVE="${GLOVE:-0}"
GLOVE_DIM="${GLOVE_DIM:-100}"
GLOVE_ITERATIONS="${GLOVE_ITERATIONS:-15}"
SEQLAB="${SEQLAB:-$ROOT/seqlab}"
SGNS_JAVA_OPTS="${SGNS_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC --add-modules jdk.incubator.vector}"
GLOVE_JAVA_OPTS="${GLOVE_JAVA_OPTS:--Xmx8g --add-modules jdk.incubator.vector}"
PY=/usr/bin/python3
WORK="${WORK:-$(mktemp -d /tmp/seqlab-emb-bench.XXXXXX)}"
mkdir -p "$WORK" "$ROOT/bench/results"
echo "bench: corpus $CORPUS, $THREADS threads, work dir $WORK" >&2
"$PY" -c 'import gensim' 2>/dev/null || { echo "bench: needs Debian python3-gensim (apt-get install -y python3-gensim)" >&2; exit 2; }
# build (if sources changed) before anything is timed, so that no run measures Maven
"$SEQLAB" --version >/dev/null 2>&1 || "$SEQLAB" --help >/dev/null

timed() { # timed NAME cmd... : runs under /usr/bin/time -v, output in $WORK/NAME.{log,time}
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.log" 2>&1 || { tail -30 "$WORK/$name.log" >&2; exit 1; }
}

if [ "$SGNS" = 1 ]; then
  if [ "${REUSE_GENSIM:-0}" = 1 ] && [ -f "$WORK/gensim.json" ]; then
    echo "bench: reusing the gensim results in $WORK" >&2
  else
  echo "bench: gensim skip-gram ..." >&2
  timed gensim "$PY" "$ROOT/bench/embeddings/gensim_sgns.py" --corpus "$CORPUS" --out "$WORK/gensim.bin" \
    --stats "$WORK/gensim.json" --workdir "$WORK" --threads "$THREADS" --epochs "$EPOCHS"
  fi
  echo "bench: seqlab skip-gram ..." >&2
  SEQLAB_JAVA_OPTS="$SGNS_JAVA_OPTS" timed seqlab "$SEQLAB" embeddings train --method sgns --corpus "$CORPUS" --out "$WORK/seqlab.bin" \
    --threads "$THREADS" --epochs "$EPOCHS" --seed 1 --progress-seconds 10 --stats-json "$WORK/seqlab.json"
  "$PY" "$ROOT/bench/embeddings/evaluate.py" --vectors "$WORK/gensim.bin" --data "$DATA" > "$WORK/gensim.eval.json"
  "$PY" "$ROOT/bench/embeddings/evaluate.py" --vectors "$WORK/seqlab.bin" --data "$DATA" > "$WORK/seqlab.eval.json"
fi
for round in $(seq 1 "${SPEED_ROUNDS:-0}"); do
  echo "bench: speed round $round: gensim, then seqlab, 1 epoch each ..." >&2
  timed "speed$round-gensim" "$PY" "$ROOT/bench/embeddings/gensim_sgns.py" --corpus "$CORPUS" \
    --out "$WORK/speed-gensim.bin" --stats "$WORK/speed$round-gensim.json" --workdir "$WORK" --threads "$THREADS" --epochs 1
  SEQLAB_JAVA_OPTS="$SGNS_JAVA_OPTS" timed "speed$round-seqlab" "$SEQLAB" embeddings train --method sgns \
    --corpus "$CORPUS" --out "$WORK/speed-seqlab.bin" --threads "$THREADS" --epochs 1 --seed 1 --progress-seconds 60 \
    --stats-json "$WORK/speed$round-seqlab.json"
done
if [ "$GLOVE" = 1 ]; then
  echo "bench: seqlab GloVe pipeline ..." >&2
  SEQLAB_JAVA_OPTS="$GLOVE_JAVA_OPTS" timed glove "$SEQLAB" embeddings train --method glove --corpus "$CORPUS" --out "$WORK/glove.txt" --format glove \
    --dim "$GLOVE_DIM" --window 15 --x-max 10 --iterations "$GLOVE_ITERATIONS" --threads "$THREADS" --seed 1 \
    --progress-seconds 30 --stats-json "$WORK/glove.json"
  "$PY" "$ROOT/bench/embeddings/evaluate.py" --vectors "$WORK/glove.txt" --format glove --data "$DATA" > "$WORK/glove.eval.json"
fi
"$PY" "$ROOT/bench/embeddings/report.py" --work "$WORK" --out "$ROOT/bench/results/embeddings.json" --corpus "$CORPUS"
