#!/usr/bin/env bash
# The nightly case of issue 24: $NEW new documents (default 100) onto a SIZE-document dataset
# (default 100000) with `run --incremental`, against a full run over the same SIZE documents
# in the same bench run. Targets: the incremental run takes at most 5% of the full run's
# time and peaks no higher in memory. Usage: scripts/bench_incremental.sh [SIZE]
# The corpus is the one `make bench` uses ($BENCH_DIR, seed $SEED), linked, not copied.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CARGO_TARGET_DIR:-target}/release/govreport
BENCH_DIR=${BENCH_DIR:-/tmp/govreport-bench}
SEED=${SEED:-42}
NEW=${NEW:-100}
SIZE=${1:-100000}
FORMATS=txt,md,html,docx
mkdir -p "$BENCH_DIR"

base="$BENCH_DIR/corpus-$SIZE-${FORMATS//,/-}-$SEED"
if [ ! -f "$base/.done" ]; then
  rm -rf "$base"
  "$BIN" synth --docs "$SIZE" --out "$base" --seed "$SEED" --formats "$FORMATS" >&2
  touch "$base/.done"
fi
work="$BENCH_DIR/incremental-$SIZE"
rm -rf "$work" "$work".* "$BENCH_DIR/.incremental-$SIZE".*
mkdir -p "$work"
cp -al "$base" "$work/in"
"$BIN" synth --docs "$NEW" --out "$work/new" --seed "$((SEED + 1))" --formats "$FORMATS" >&2

warm() { find "$1" -type f -exec cat {} + >/dev/null; sync; }
run() { "$BIN" run --input "$work/in" --threads 0 --quiet "$@"; }

warm "$work/in"
run --output "$work/full"
warm "$work/in"
run --output "$work/inc" --incremental
mv "$work/new" "$work/in/new-$NEW"
warm "$work/in"
run --output "$work/inc" --incremental

python3 - "$work/full/manifest.json" "$work/inc/manifest.json" "$SIZE" "$NEW" <<'PY'
import json, sys
full, inc = (json.load(open(p)) for p in sys.argv[1:3])
size, new = sys.argv[3:5]
def row(label, m):
    cpu = m.get("cpu_seconds") or {}
    return (f"| {label} | {m['files']['found']} | {m['elapsed_seconds']:.2f} | "
            f"{m['peak_rss_bytes'] / 2**20:.0f} | {cpu.get('user', 0):.2f} | {cpu.get('system', 0):.2f} |")
print("| run | files in the dataset | seconds | peak RSS MiB | user CPU s | system CPU s |")
print("|---|---|---|---|---|---|")
print(row(f"full-{size}", full))
print(row(f"incremental +{new}", inc))
i = inc["incremental"]
share = inc["elapsed_seconds"] / full["elapsed_seconds"]
print()
print(f"incremental run: {i['added']} added, {i['documents_read']} read, "
      f"{i['parts_written']} parts written, {i['parts_rewritten']} rewritten")
print(f"time: {100 * share:.1f}% of the full run (target at most 5%): "
      f"{'met' if share <= 0.05 else 'NOT met'}")
ok = inc["peak_rss_bytes"] <= full["peak_rss_bytes"]
print(f"peak memory: {inc['peak_rss_bytes'] / 2**20:.0f} MiB against {full['peak_rss_bytes'] / 2**20:.0f} "
      f"MiB for the full run (target no higher): {'met' if ok else 'NOT met'}")
PY
