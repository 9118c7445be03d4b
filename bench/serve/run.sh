#!/usr/bin/env bash
# Load test of `seqlab serve` on loopback with wrk (Debian: apt-get install -y wrk).
#   bench/serve/run.sh MODELS_DIR            # starts the server on MODELS_DIR, loads each endpoint, stops it
# Environment: CONNECTIONS (32), THREADS (2 wrk threads), DURATION (20s), PORT (18080), WRK_TIMEOUT (30s, the
#   server's own request limit: a slower answer is a failure; wrk's default of 2 s would count queueing as errors),
#   NEAREST_BODY / TRANSLATE_BODY / ANALOGY_BODY (request bodies; endpoints without a model are skipped),
#   CAPTION_IMAGE (PNG posted to /caption; default: a rendered held-out scene), CAPTION_QUERY (?beam=5),
#   SEQLAB (launcher, default ./seqlab), SERVE_THREADS (server workers, default the server's).
# Prints a table and writes bench/results/serve.json (requests/s, latency percentiles, failures).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODELS="${1:?usage: bench/serve/run.sh MODELS_DIR}"
CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"; DURATION="${DURATION:-20s}"; PORT="${PORT:-18080}"
SEQLAB="${SEQLAB:-$ROOT/seqlab}"
# (defaults assigned separately: in "${X:-{...}}" the first "}" would end the expansion)
[ -n "${NEAREST_BODY:-}" ] || NEAREST_BODY='{"word": "paris", "k": 10}'
[ -n "${ANALOGY_BODY:-}" ] || ANALOGY_BODY='{"a": "man", "b": "king", "c": "woman", "k": 5, "restrict": 30000}'
[ -n "${TRANSLATE_BODY:-}" ] || TRANSLATE_BODY='{"text": "Ein Mann mit einem orangefarbenen Hut, der etwas anstarrt.", "beam": 5, "alpha": 0.7}'
WRK_TIMEOUT="${WRK_TIMEOUT:-30s}"
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install -y wrk)" >&2; exit 2; }
LOG=$(mktemp /tmp/seqlab-serve.XXXXXX.log)
extra=()
[ -n "${SERVE_THREADS:-}" ] && extra=(--threads "$SERVE_THREADS")
"$SEQLAB" serve --models "$MODELS" --port "$PORT" "${extra[@]}" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/models" > /tmp/seqlab-serve-models.json
kinds=$(python3 -c 'import json,sys; print(" ".join(sorted({m["kind"] for m in json.load(open(sys.argv[1]))["models"]})))' /tmp/seqlab-serve-models.json)
echo "bench: serving [$kinds] from $MODELS; wrk -t$THREADS -c$CONNECTIONS -d$DURATION" >&2
results=()
run() { # run NAME PATH BODY [FILE]: POSTs BODY as JSON, or FILE's bytes as image/png
  local name=$1 path=$2 body=$3 file=${4:-}
  if [ -n "$file" ]; then
    curl -sf -X POST -H 'Content-Type: image/png' --data-binary "@$file" "http://127.0.0.1:$PORT$path" >/dev/null \
      || { echo "bench: $path refused $file: $(curl -s -X POST -H 'Content-Type: image/png' --data-binary "@$file" "http://127.0.0.1:$PORT$path")" >&2; exit 1; }
    body="@$file"
  else
    curl -sf -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT$path" >/dev/null \
      || { echo "bench: $path refused the benchmark request: $(curl -s -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT$path")" >&2; exit 1; }
  fi
  export BODY_FILE="$file" CONTENT_TYPE=image/png
  BODY="$body" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s --timeout "$WRK_TIMEOUT" -s "$ROOT/bench/serve/post.lua" "http://127.0.0.1:$PORT$path" >/dev/null 2>&1 # warm-up
  local out; out=$(BODY="$body" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency -s "$ROOT/bench/serve/post.lua" "http://127.0.0.1:$PORT$path" 2>&1)
  local json; json=$(echo "$out" | sed -n 's/^JSON //p')
  results+=("\"$name\": {\"path\": \"$path\", \"body\": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$body"), \"wrk\": $json}")
}
case " $kinds " in *" embeddings "*) run nearest /embeddings/nearest "$NEAREST_BODY"; run analogy /embeddings/analogy "$ANALOGY_BODY";; esac
case " $kinds " in *" translation "*) run translate /translate "$TRANSLATE_BODY";; esac
case " $kinds " in *" caption "*)
  IMG="${CAPTION_IMAGE:-}"
  if [ -z "$IMG" ]; then
    "$SEQLAB" caption scenes --split test --count 1 --seed 11 --out "${LOG%.log}-scenes" >/dev/null 2>&1
    IMG="${LOG%.log}-scenes/test-00000.png"
  fi
  run caption "/caption${CAPTION_QUERY:-?beam=5}" "" "$IMG";;
esac
load=$(cut -d' ' -f1 /proc/loadavg)
mkdir -p "$ROOT/bench/results"
{
  echo "{\"measured\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"connections\": $CONNECTIONS, \"wrk_threads\": $THREADS, \"duration\": \"$DURATION\", \"wrk_timeout\": \"$WRK_TIMEOUT\","
  echo " \"load_average_1m_after\": $load, \"cpus\": $(nproc), \"models\": $(cat /tmp/seqlab-serve-models.json),"
  echo " \"endpoints\": {$(IFS=,; echo "${results[*]}")}}"
} | python3 -m json.tool > "$ROOT/bench/results/serve.json"
python3 - "$ROOT/bench/results/serve.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{'endpoint':12} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9} {'failed':>7}   ({r['connections']} connections, {r['duration']})")
for name, e in r["endpoints"].items():
    w = e["wrk"]
    print(f"{name:12} {w['rps']:>10.1f} {w['p50_ms']:>9.2f} {w['p99_ms']:>9.2f} {w['max_ms']:>9.2f} {w['non2xx'] + w['socket_errors']:>7}")
PY
