#!/usr/bin/env bash
# Character-LM quality run on real data (tinyshakespeare or dinos under $SEQLAB_DATA, default ../shared/data).
# Usage: bench/charlm/run.sh [--data tinyshakespeare|dinos --steps 2000 --hidden 256 --layers 2 --seed 1 ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
mvn -o -q -pl sequence -am compile dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
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
env "${spin[@]}" java "${extra[@]}" --add-modules jdk.incubator.vector -Xmx4g -cp "$CP" bench/charlm/CharLmRun.java "$@"
