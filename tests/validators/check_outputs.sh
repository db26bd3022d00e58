#!/usr/bin/env bash
# Builds a job and checks every output with the real validators:
#   epubcheck 0/0, qpdf --check, pdffonts (all embedded), pdftotext (non-ASCII names back
#   exactly), xmllint (HTML and every EPUB XML file), the JSON keys of DESIGN.md §5,
#   headless Chromium rendering every source title and a non-blank screenshot, paragraphs
#   read back from the PDF in order, every internal link resolving, non-blank PDF pages,
#   and byte-identical rebuilds.
# Usage: check_outputs.sh DOSSIER job JOB.yaml [TEXT...] | sources FOLDER   (exit 77: skipped)
set -uo pipefail
dossier=$1 mode=$2 target=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1747267200
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

build() {  # build OUTDIR [OPTION...]
  local out=$1
  shift
  if [[ $mode == job ]]; then
    "$dossier" build "$target" -o "$out" --quiet --verify-ledger "$@"
  else
    # Named relative to the folder, so the briefing shows the same paths when it moves.
    (cd "$target" && "$dossier" build --sources ./*.txt -o "$out" --quiet --verify-ledger "$@")
  fi
}

if [[ $mode == sources && ! -d $target ]]; then
  echo "skipped: no folder $target"
  exit 77
fi
# Text the PDF must give back exactly: the arguments after the target, else per mode.
names=("${@:4}")
if [[ ${#names[@]} -gt 0 ]]; then
  :
elif [[ $mode == job ]]; then
  names=("Ayşe Yıldırım" "Erdoğan" "İlker Güneş" "Müge Öztürk" "переговоры о коридоре" "Deniz Postası"
         "Premium per voyage" "Odesa – Bosphorus")
else
  names=("Fırtına" "İkbal Dürre" "Erdoğan" "Zelenskyy" "Stanovaya")
fi

out=$tmp/out
build "$out" || fail "build exited $?"
for ext in html epub pdf md json; do
  [[ -s $out/briefing.$ext ]] || fail "briefing.$ext missing or empty"
done
[[ $failures -eq 0 ]] || exit 1  # nothing else can be checked

# EPUB: epubcheck must report no error and no warning at all.
report=$(java -jar /usr/share/java/epubcheck.jar "$out/briefing.epub" 2>&1)
if grep -q "Messages: 0 fatals / 0 errors / 0 warnings" <<<"$report"; then
  pass "epubcheck 0 errors 0 warnings"
else
  fail "epubcheck: $report"
fi

# PDF: structure, fonts, text.
qpdf --check "$out/briefing.pdf" >/dev/null 2>&1 && pass "qpdf --check" || fail "qpdf --check"
fonts=$(pdffonts "$out/briefing.pdf" 2>/dev/null | tail -n +3)
if [[ -n $fonts ]] && ! awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }' <<<"$fonts"; then
  fail "a font is not embedded: $fonts"
else
  pass "pdffonts: $(wc -l <<<"$fonts") fonts, all embedded"
fi
text=$(pdftotext -enc UTF-8 "$out/briefing.pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ')
for name in "${names[@]}"; do
  grep -qF -- "$name" <<<"$text" && pass "pdftotext has '$name'" || fail "pdftotext lacks '$name'"
done
pages=$(pdfinfo "$out/briefing.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[[ ${pages:-0} -ge 3 ]] && pass "PDF has $pages pages" || fail "PDF has ${pages:-no} pages"
outlines=$(python3 "$here/pdf_facts.py" outlines "$out/briefing.pdf")
[[ $outlines -ge 3 ]] && pass "PDF has $outlines bookmarks" || fail "PDF has $outlines bookmarks"
if links=$(python3 "$here/pdf_facts.py" links "$out/briefing.pdf") && [[ $links -ge 1 ]]; then
  pass "PDF has $links link annotations, each with a destination page"
else
  fail "PDF links: $links"
fi

# Reading: the PDF gives back every paragraph in order, every internal link of the HTML and
# EPUB resolves, and the first pages are not blank.
report=$(python3 "$here/check_reading.py" pdf-order "$out/briefing.json" "$out/briefing.pdf" 2>&1) &&
  pass "pdftotext: $report" || fail "pdftotext reading order: $report"
report=$(python3 "$here/check_reading.py" links "$out/briefing.html" "$out/briefing.epub" 2>&1) &&
  pass "links: $report" || fail "links: $report"
pdftoppm -f 1 -l 3 -r 24 -gray "$out/briefing.pdf" "$tmp/page" 2>/dev/null
report=$(python3 "$here/check_reading.py" not-blank "$tmp"/page*.pgm 2>&1) &&
  pass "PDF pages 1-3 are not blank" || fail "blank PDF page: $report"

# HTML and every XML file of the EPUB are well-formed.
xmllint --noout "$out/briefing.html" && pass "xmllint briefing.html" || fail "xmllint briefing.html"
mkdir -p "$tmp/epub"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
  "$out/briefing.epub" "$tmp/epub"
while IFS= read -r -d '' f; do
  xmllint --noout "$f" || fail "xmllint ${f#"$tmp"/epub/}"
done < <(find "$tmp/epub" \( -name '*.xhtml' -o -name '*.opf' -o -name '*.ncx' -o -name '*.xml' \) -print0)
pass "xmllint on the EPUB's XML files"

# JSON keys, and the titles every other check looks for.
python3 "$here/check_json.py" "$out/briefing.json" >"$tmp/titles" && pass "briefing.json keys" ||
  fail "briefing.json: $(cat "$tmp/titles")"

# Markdown: every block's text is in the Markdown file's rendering (cmark-gfm round trip is
# checked in the unit tests); here: the file starts with the briefing title.
head -1 "$out/briefing.md" | grep -q '^# ' && pass "briefing.md starts with a title" || fail "briefing.md"

# Chromium opens the page and shows every source title.
if command -v chromium >/dev/null; then
  profile=$(mktemp -d)
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --dump-dom "file://$out/briefing.html" >"$tmp/dom.html" 2>/dev/null
  if python3 "$here/check_dom.py" "$tmp/dom.html" "$tmp/titles"; then
    pass "Chromium renders every source title"
  else
    fail "Chromium DOM lacks a source title"
  fi
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=800,1000 --screenshot="$tmp/html.png" \
    "file://$out/briefing.html" >/dev/null 2>&1
  rm -rf "$profile"
  report=$(python3 "$here/check_reading.py" not-blank "$tmp/html.png" 2>&1) &&
    pass "Chromium screenshot is not blank" || fail "Chromium screenshot: $report"
else
  fail "chromium is not installed (scripts/install-dependencies --test)"
fi

# Rebuilding gives byte-identical files: later, on one thread instead of one per core, from
# another working directory, with the job (or folder) copied to another place.
before=$failures
if [[ $mode == job ]]; then
  cp -r "$(dirname "$target")" "$tmp/moved"
  target=$tmp/moved/$(basename "$target")
else
  mkdir "$tmp/moved" && cp "$target"/*.txt "$tmp/moved/"
  target=$tmp/moved
fi
(cd / && build "$tmp/again" --jobs 1) || fail "second build exited $?"
for ext in html epub pdf md json; do
  cmp -s "$out/briefing.$ext" "$tmp/again/briefing.$ext" ||
    fail "briefing.$ext differs between builds (one thread, moved job, other directory)"
done
[[ $failures -eq $before ]] && pass "rebuild is byte-identical (one thread, moved job, other directory)"

if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all output checks passed"
