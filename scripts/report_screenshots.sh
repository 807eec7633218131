#!/usr/bin/env bash
# Screenshots of the run report at 1280 px wide, for the README and reviews:
#   docs/report-overview.png  summary, field coverage and the top of the document table
#   docs/report-problems.png  warnings by kind, rejects by reason, annual reports per level, years
# The run is over a synthetic corpus made from the sample reports in data/ (`govreport
# synth`), big enough to show the table's cap and some warnings and rejects.
# Needs chromium (headless) and python3. Usage: scripts/report_screenshots.sh [DOCS]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CARGO_TARGET_DIR:-target}/release/govreport
CHROMIUM=${CHROMIUM:-chromium}
DOCS=${1:-3000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BIN" synth --docs "$DOCS" --out "$tmp/corpus" --seed 1 --input data >/dev/null
"$BIN" run --input "$tmp/corpus" --output "$tmp/out" --quiet

# The second picture is of the page without its first sections: a headless browser cannot
# screenshot a page scrolled down.
python3 - "$tmp/out/report.html" "$tmp/problems.html" <<'PY'
import re, sys
keep = {"warnings", "rejects", "levels", "years"}
page = open(sys.argv[1], encoding="utf-8").read()
page = re.sub(r'<section id="([a-z]+)".*?</section>\n',
              lambda m: m.group(0) if m.group(1) in keep else "", page, flags=re.S)
page = re.sub(r"<nav .*?</nav>", "", page, flags=re.S)
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY

shot() { # page.html out.png height
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --hide-scrollbars --window-size="1280,$3" \
    --screenshot="$2" "file://$1" 2>/dev/null
}
shot "$tmp/out/report.html" docs/report-overview.png 2000
shot "$tmp/problems.html" docs/report-problems.png 2000
ls -l docs/report-overview.png docs/report-problems.png
