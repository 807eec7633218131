#!/usr/bin/env bash
# Renders the five sample reports (data/*.txt) into the attachment fixtures that
# tests/formats.rs, tests/scores.rs and tests/hostile/attachments.rs read: PDF and Word 97
# .doc with LibreOffice headless (CJK fonts from the distribution), OFD written by
# scripts/attachment_fixtures.py (no Debian tool writes OFD, nor .wps), an RTF saved as .doc,
# one PDF with a running header, a footer and page numbers on every page, one image-only
# ("scanned") PDF and one password-protected PDF.
#
# Run once by hand, then commit tests/fixtures/attachments/; CI does not run it. Needs:
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk \
#       poppler-utils img2pdf qpdf
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fixtures/attachments
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for src in data/*.txt; do
  stem=$(basename "$src" .txt)
  python3 scripts/attachment_fixtures.py fodt "$src" "$work/$stem.fodt"
  python3 scripts/attachment_fixtures.py ofd "$src" "$out/$stem.ofd"
done
python3 scripts/attachment_fixtures.py fodt data/001_9e571f58bb1199a2.txt "$work/furniture.fodt" --furniture
(cd "$work" && soffice --headless --convert-to pdf ./*.fodt >/dev/null 2>&1)
(cd "$work" && soffice --headless --convert-to 'doc:MS Word 97' ./0*.fodt >/dev/null 2>&1)
cp "$work"/0*.doc "$out/"
# RTF saved under .doc, as sites serve it.
(cd "$work" && soffice --headless --convert-to rtf ./003_acaf490cc139cbb4.fodt >/dev/null 2>&1)
cp "$work/003_acaf490cc139cbb4.rtf" "$out/003_acaf490cc139cbb4_rtf.doc"
# The embedded font programs are most of each PDF's bytes (200 KB of CJK outlines): they are
# dropped to keep the fixtures small. The text layer (content streams, ToUnicode maps,
# widths) is untouched; a viewer substitutes a system font.
strip_fonts() {
  qpdf --qdf --object-streams=disable "$1" "$work/qdf.pdf"
  sed -E '/^\s*\/FontFile[23]? [0-9]+ 0 R\s*$/d' "$work/qdf.pdf" | fix-qdf > "$work/stripped.pdf"
  qpdf --object-streams=generate --compress-streams=y --recompress-flate --compression-level=9 \
    "$work/stripped.pdf" "$2"
}
for f in "$work"/0*.pdf "$work"/furniture.pdf; do
  strip_fonts "$f" "$out/$(basename "$f")"
done
# A scan: the first page as a black-and-white picture, nothing else.
pdftoppm -f 1 -l 1 -r 40 -mono -png "$work/000_77c915a9cc41d1b4.pdf" "$work/scan"
img2pdf "$work"/scan*.png -o "$out/scanned.pdf"
# A password-protected PDF (user password "secret").
qpdf --encrypt secret owner 256 -- "$out/003_acaf490cc139cbb4.pdf" "$out/encrypted.pdf"
ls -l "$out"
du -sh "$out"
