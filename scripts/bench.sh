#!/usr/bin/env bash
# End-to-end benchmark: generates corpora with `govreport synth` and runs the whole pipeline
# on them, printing MB/s of input, docs/s, peak RSS and the time per stage (from each run's
# manifest.json). Usage: scripts/bench.sh [SIZES...]   (default: 1000 10000 100000)
# Corpora are cached under $BENCH_DIR (default /tmp/govreport-bench) by size, mix and seed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CARGO_TARGET_DIR:-target}/release/govreport
BENCH_DIR=${BENCH_DIR:-/tmp/govreport-bench}
SEED=${SEED:-42}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
mkdir -p "$BENCH_DIR"

corpus() { # size formats -> directory
  local dir="$BENCH_DIR/corpus-$1-${2//,/-}-$SEED"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    "$BIN" synth --docs "$1" --out "$dir" --seed "$SEED" --formats "$2" >&2
    touch "$dir/.done"
  fi
  echo "$dir"
}

run() { # label size formats threads
  local dir out
  dir=$(corpus "$2" "$3")
  out="$BENCH_DIR/out-$1"
  # One worker thread must also mean one core: the table writers have threads of their own,
  # so the 1-thread run is pinned to one CPU (when taskset exists) to measure 1 vs 2 cores.
  local pin=()
  if [ "$4" = 1 ] && command -v taskset >/dev/null; then pin=(taskset -c 0); fi
  # Measure the pipeline, not the disk: the previous output is removed and flushed, and the
  # corpus read once into the page cache, before the clock starts.
  rm -rf "$out"
  find "$dir" -type f -exec cat {} + >/dev/null
  sync
  "${pin[@]}" "$BIN" run --input "$dir" --output "$out" --threads "$4" --quiet
  python3 - "$out/manifest.json" "$1" "$2" "$3" "$4" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
st = m["stage_seconds"]
stages = " ".join(f"{k} {v:.2f}" for k, v in st.items())
print(f"| {sys.argv[2]} | {sys.argv[3]} | {sys.argv[4]} | {sys.argv[5]} | {m['input_bytes']/1e6:.1f} | "
      f"{m['elapsed_seconds']:.2f} | {m['mb_per_second']:.1f} | {m['docs_per_second']:.0f} | "
      f"{m['peak_rss_bytes']/2**20:.0f} | {stages} |")
PY
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(date -u +%F)"
echo
echo "| run | docs | formats | threads | input MB | seconds | MB/s | docs/s | peak RSS MiB | CPU seconds per stage (summed over threads; analysis: wall) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
n=${SIZES[1]:-${SIZES[0]}}
run "text-$n" "$n" txt,md 0
run "html-$n" "$n" html 0
run "text-$n-1thread" "$n" txt,md 1
run "text-$n-2threads" "$n" txt,md 2
for s in "${SIZES[@]}"; do
  run "mix-$s" "$s" txt,md,html,docx 0
done
