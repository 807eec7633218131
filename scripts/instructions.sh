#!/usr/bin/env bash
# Work per input byte, independent of the machine's speed: valgrind's callgrind counts the
# instructions of one whole single-threaded run (reading, every stage, every table, the
# indicators and the report) on a generated corpus. The count is the same on a fast or a
# slow VM, so it judges a change where wall-clock figures drift (see docs/BENCHMARKS.md).
# Usage: scripts/instructions.sh [DOCS] [FORMATS]   (default: 1000 txt,md). Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CARGO_TARGET_DIR:-target}/release/govreport
BENCH_DIR=${BENCH_DIR:-/tmp/govreport-bench}
DOCS=${1:-1000}
FORMATS=${2:-txt,md}
SEED=${SEED:-42}
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }

dir="$BENCH_DIR/corpus-$DOCS-${FORMATS//,/-}-$SEED"
if [ ! -f "$dir/.done" ]; then
  rm -rf "$dir"
  "$BIN" synth --docs "$DOCS" --out "$dir" --seed "$SEED" --formats "$FORMATS" >&2
  touch "$dir/.done"
fi
out="$BENCH_DIR/instructions-out"
profile="$BENCH_DIR/callgrind.out"
rm -rf "$out"
valgrind --tool=callgrind --callgrind-out-file="$profile" \
  "$BIN" run --input "$dir" --output "$out" --threads 1 --quiet 2>"$BENCH_DIR/callgrind.log"
python3 - "$profile" "$out/manifest.json" "$DOCS" "$FORMATS" <<'PY'
import json, re, subprocess, sys
profile, manifest, docs, formats = sys.argv[1:5]
m = json.load(open(manifest))
total = None
for line in open(profile):
    if line.startswith("summary:") or line.startswith("totals:"):
        total = int(line.split()[1])
print(f"corpus: {docs} documents ({formats}), {m['input_bytes'] / 1e6:.1f} MB")
print(f"instructions: {total / 1e9:.3f} G, {total / m['input_bytes']:.0f} per input byte")
print("largest stages (inclusive, % of all instructions):")
ann = subprocess.run(["callgrind_annotate", "--threshold=100", "--inclusive=yes", profile],
                     capture_output=True, text=True).stdout
wanted = [("read and decode", "ingest::read_input"),
          ("all processing stages", "pipeline::document::process_document_timed"),
          ("  clean", "clean::clean_document"),
          ("  structure", "structure::build_sections"),
          ("  metadata and dates", "extract::metadata::extract_metadata"),
          ("  facts", "extract::facts::extract_facts_bounded"),
          ("  indicator taxonomy", "indicators::Taxonomy::assign_in"),
          ("  (facts: metric assembly)", "extract::facts::metric::assemble"),
          ("table writers: rows", "tables::sink::TableSink::append"),
          ("table writers: closing", "tables::sink::TableSink::finish"),
          ("start-up: gazetteer", "gazetteer::Gazetteer::from_rows"),
          ("start-up: taxonomy", "indicators::Taxonomy::parse_named")]
for label, w in wanted:
    for line in ann.splitlines():
        if re.search(r"govreport::" + re.escape(w) + r" \[", line):
            n = int(line.split()[0].replace(",", ""))
            print(f"  {label:26s} {n / 1e6:9.1f} M  {100 * n / total:5.1f}%")
            break
PY
