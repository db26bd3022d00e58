#!/usr/bin/env bash
# The command-line contract of DESIGN.md §3 and §8.8.
set -uo pipefail
dossier=$1 project=$2
source "$(dirname "$0")/expect.sh"
export SOURCE_DATE_EPOCH=1747267200
src=$project/config/sources

"$dossier" --help >"$tmp/help" 2>&1
expect "--help exits 0 and lists the subcommands" grep -q "normalize" "$tmp/help"
for sub in build normalize inspect init watch; do
  "$dossier" "$sub" --help >/dev/null 2>&1
  expect "$sub --help exits 0" test $? -eq 0
done
expect "--version prints the version" bash -c "'$dossier' --version | grep -Eq '^dossier [0-9]+\.[0-9]+\.[0-9]+$'"
# A build starts dossier again with glibc's huge-page tunable; started through the dynamic
# loader, it must not hand its arguments to the loader.
loader=$(ldd "$dossier" 2>/dev/null | awk '/ld-linux/ {print $1; exit}')
if [ -n "$loader" ] && [ -x "$loader" ]; then
  "$loader" "$dossier" build --sources "$src/port-capacity.txt" --formats json \
    -o "$tmp/through-loader" --quiet
  expect "a build started by naming the dynamic loader is still dossier's" \
    test -s "$tmp/through-loader/briefing.json"
fi

"$dossier" normalize "$src/port-capacity.txt" >"$tmp/one" 2>"$tmp/one.err"
expect "normalize prints the joined headline first" \
  bash -c "head -1 '$tmp/one' | grep -qx 'Why Port Capacity, Not Diplomacy, May Decide the Fate of the Grain Corridor'"
expect "normalize separates paragraphs with one blank line" bash -c "! grep -Pzq '\n\n\n' '$tmp/one'"
expect "normalize without --explain is quiet" test ! -s "$tmp/one.err"

"$dossier" normalize --explain "$src/port-capacity.txt" >/dev/null 2>"$tmp/explain"
expect "--explain lists fixes as path:line:col kind: \"before\" -> \"after\"" \
  grep -Eq '^.*port-capacity\.txt:[0-9]+:[0-9]+ reflow: "U\+000A" -> " "$' "$tmp/explain"
expect "--explain lists removals with their rule" grep -q 'removal (related-article)' "$tmp/explain"

"$dossier" normalize "$src/port-capacity.txt" "$src/insurers-weigh-return.txt" >"$tmp/two"
expect "several files get ==> path <== headers" \
  bash -c "grep -c '^==> .* <==$' '$tmp/two' | grep -qx 2"

"$dossier" normalize - <"$src/insurers-weigh-return.txt" >"$tmp/stdin"
expect "normalize reads standard input" grep -q "Insurers weigh return to Black Sea route" "$tmp/stdin"

(cd "$project" && "$dossier" inspect config/sources/port-capacity.txt >"$tmp/inspect.json")
(cd "$project" && "$dossier" build --sources config/sources/port-capacity.txt --formats json -o "$tmp/built" --quiet)
expect "inspect prints exactly what build --formats json writes" cmp -s "$tmp/inspect.json" "$tmp/built/briefing.json"
expect "paths are written as given, never absolute" grep -q '"path": "config/sources/port-capacity.txt"' "$tmp/inspect.json"
expect "--formats writes only the named formats" test ! -e "$tmp/built/briefing.html"

printf 'Title\n\nBad \xff byte.\n' >"$tmp/bad.txt"
"$dossier" --diagnostics=json normalize "$tmp/bad.txt" >/dev/null 2>"$tmp/diag.json"
expect "--diagnostics=json prints one JSON object per line" python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
d = json.loads(lines[0])
assert len(lines) == 1 and d["severity"] == "warning" and d["line"] == 3 and d["col"] == 5, d
assert d["code"] == "invalid-bytes" and d["path"].endswith("bad.txt")' "$tmp/diag.json"

# The man page and the completion scripts are generated from the same definition as --help.
"$dossier" --generate-man >"$tmp/dossier.1"
man -l "$tmp/dossier.1" >"$tmp/man.txt" 2>"$tmp/man.err"
expect "the man page renders (man -l) without warnings" test $? -eq 0 -a ! -s "$tmp/man.err"
for sub in build normalize inspect init watch; do
  expect "the man page describes $sub" grep -q "^   $sub\$" "$tmp/man.txt"
done
expect "the man page lists build's options as --help does" \
  bash -c "'$dossier' build --help | grep -o -- '--[a-z-]*' | sort -u | while read -r o; do grep -q -- \"\$o\" '$tmp/man.txt' || exit 1; done"
"$dossier" --generate-completion bash >"$tmp/dossier.bash"
complete_words() {  # complete_words WORD... : what bash offers for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _dossier; echo "${COMPREPLY[*]}"' \
    _ "$tmp/dossier.bash" "$@"
}
expect "bash completion loads" bash -c "source '$tmp/dossier.bash' && complete -p dossier >/dev/null"
expect "bash completes subcommands" test "$(complete_words dossier in)" = "inspect init"
expect "bash completes a subcommand's options" test "$(complete_words dossier build --str)" = "--strict"
expect "bash completes an option's values" test "$(complete_words dossier --diagnostics j)" = "json"
expect "bash completes formats" test "$(complete_words dossier build --formats p)" = "pdf"
mkdir -p "$tmp/zsh"
"$dossier" --generate-completion zsh >"$tmp/zsh/_dossier"
if command -v zsh >/dev/null; then
  expect "the zsh completion parses" zsh -n "$tmp/zsh/_dossier"
  expect "zsh's compinit registers it for dossier" test "$(zsh -fc "fpath=('$tmp/zsh' \$fpath);
    autoload -U compinit; compinit -u -d '$tmp/zsh/.zcompdump'; print -r -- \${_comps[dossier]}")" = _dossier
else
  expect "zsh is installed (scripts/install-dependencies --test)" false
fi

# Progress and the stage summary show on a terminal only (script gives the build a pty).
if command -v script >/dev/null; then
  script -qec "'$dossier' build --sources '$src' -o '$tmp/tty' >/dev/null" "$tmp/typescript" >/dev/null
  expect "on a terminal: a progress bar" grep -q '\] 5/5 sources' "$tmp/typescript"
  expect "on a terminal: the stage summary" grep -q 'cross-reference' "$tmp/typescript"
  script -qec "'$dossier' build --quiet --sources '$src' -o '$tmp/tty' >/dev/null" "$tmp/typescript.quiet" >/dev/null
  expect "on a terminal with --quiet: neither" bash -c "! grep -Eq '\] 5/5|cross-reference' '$tmp/typescript.quiet'"
else
  expect "script (bsdutils) is installed" false
fi
"$dossier" build --sources "$src" -o "$tmp/notty" >/dev/null 2>"$tmp/notty.err"
expect "off a terminal: stderr holds nothing but diagnostics" \
  bash -c "! grep -Ev '^[^:]+:([0-9]+:[0-9]+:)? (error|warning): |^[0-9]+ errors?, [0-9]+ warnings? in ' '$tmp/notty.err'"
"$dossier" build -v --sources "$src" -o "$tmp/notty" >/dev/null 2>"$tmp/verbose.err"
expect "--verbose: the summary and each source's time, also off a terminal" \
  bash -c "grep -q 'per-source stages' '$tmp/verbose.err' && grep -q 'port-capacity.txt' '$tmp/verbose.err'"

"$dossier" init "$tmp/new/job" >"$tmp/init.out" 2>&1
expect "init creates a job folder" test -f "$tmp/new/job/briefing.yaml" -a -d "$tmp/new/job/templates/html"
expect "init writes two example sources and a README" \
  bash -c "ls '$tmp/new/job/sources' | wc -l | grep -qx 2 && test -f '$tmp/new/job/README.md'"
(cd / && "$dossier" build "$tmp/new/job/briefing.yaml" -o "$tmp/new/out" --quiet 2>/dev/null)
expect "the new job builds from another folder (exit 0)" test $? -eq 0
expect "the new job writes all five formats" \
  bash -c "ls '$tmp/new/out' | grep -c '^briefing\.' | grep -qx 5"
"$dossier" init "$tmp/new/job" >/dev/null 2>"$tmp/init.err"
expect "init refuses a folder that is not empty (exit 1)" test $? -eq 1
expect "and says why" grep -q "is not an empty folder" "$tmp/init.err"
mkdir "$tmp/empty"
"$dossier" init "$tmp/empty" >/dev/null 2>&1
expect "init fills an empty folder" test -f "$tmp/empty/briefing.yaml"
expect "init leaves no temporary folder" bash -c "! ls -a '$tmp' | grep -q '\.init'"

# init --report: a templated report that builds as it is, with its data overridable by --set.
"$dossier" init --report "$tmp/report" >/dev/null 2>&1
expect "init --report writes a report job" \
  test -f "$tmp/report/report.yaml" -a -f "$tmp/report/data.yaml" -a -d "$tmp/report/templates"
(cd / && "$dossier" build "$tmp/report/report.yaml" -o "$tmp/report/out" --quiet \
  --verify-ledger --set build.number=9999 2>"$tmp/report.err")
expect "the report builds from another folder with --set (exit 0)" test $? -eq 0
expect "the report writes all five formats" \
  bash -c "ls '$tmp/report/out' | grep -c '^briefing\.' | grep -qx 5"
expect "--set reaches the report's text" grep -q 'Build 9999 on release/14' "$tmp/report/out/briefing.md"
expect "the report's image is in the PDF (pdfimages)" \
  bash -c "pdfimages -list '$tmp/report/out/briefing.pdf' 2>/dev/null | grep -q ' 300   120 '"
expect "the report's image is in the EPUB as a file" \
  bash -c "unzip -l '$tmp/report/out/briefing.epub' | grep -q 'EPUB/images/S2-1.png'"
expect "the report's image is in the HTML as a data: URI" grep -q 'src="data:image/png;base64,' \
  "$tmp/report/out/briefing.html"
printf 'Owner: {{nobody}}\n' >>"$tmp/report/sources/summary.md"
"$dossier" build "$tmp/report/report.yaml" -o "$tmp/report/out2" --quiet 2>"$tmp/report.err"
expect "an undefined name fails the report (exit 1)" test $? -eq 1
expect "and is named at its line and column" \
  grep -q "summary.md:20:8: error: 'nobody' is not defined in the job's data" "$tmp/report.err"
printf '\n![A chart that is not there](missing.png)\n' >>"$tmp/report/sources/suites.md"
"$dossier" build "$tmp/report/report.yaml" -o "$tmp/report/out3" --quiet 2>"$tmp/image.err"
expect "a missing image fails the report (exit 1)" test $? -eq 1
expect "and is named at its line and column" grep -q \
  "suites.md:[0-9]*:1: error: image 'missing.png' not found" "$tmp/image.err"

# watch: rebuilds soon after a change to a source or a template (about 0.1 s on an idle
# machine; the bound of 3 s leaves room for a loaded one), reusing the sources that did not
# change, and stops cleanly on SIGINT.
"$dossier" init "$tmp/watched" >/dev/null
(cd "$tmp" && exec "$dossier" watch watched/briefing.yaml -o watch-out --formats html >/dev/null 2>watch.err) &
watcher=$!
reacted() {  # reacted FILE TEXT [SINCE]: seconds from SINCE (epoch) until FILE holds TEXT, or "never"
  python3 -c '
import sys, time
path, text = sys.argv[1], sys.argv[2]
start = float(sys.argv[3]) if len(sys.argv) > 3 else time.time()
while time.time() - start < 10:
    try:
        if text in open(path, encoding="utf-8").read():
            print(f"{time.time() - start:.2f}"); sys.exit(0)
    except FileNotFoundError:
        pass
    time.sleep(0.02)
print("never")' "$@"
}
expect "watch builds at the start" test "$(reacted "$tmp/watch-out/briefing.html" Riverside)" != never
since=$(date +%s.%N)
printf '\nThe zebra crossing on Mill Street closes during the works.\n' >>"$tmp/watched/sources/council-vote.txt"
took=$(reacted "$tmp/watch-out/briefing.html" "zebra crossing" "$since")
expect "watch rebuilds within 3 s of a source change (took $took s)" \
  python3 -c "import sys; sys.exit(0 if '$took' != 'never' and float('$took') <= 3.0 else 1)"
expect "watch reprocessed only the changed source" grep -q "1 sources processed, 1 reused" "$tmp/watch.err"
expect "and rendered only its chapter again" \
  test "$(reacted "$tmp/watch.err" "1 chapters rendered, 1 reused")" != never
since=$(date +%s.%N)
sed -i 's/^contents: Contents$/contents: Contents (edited)/' "$tmp/watched/templates/strings.yaml"
took=$(reacted "$tmp/watch-out/briefing.html" "Contents (edited)" "$since")
expect "watch rebuilds within 3 s of a template change (took $took s)" \
  python3 -c "import sys; sys.exit(0 if '$took' != 'never' and float('$took') <= 3.0 else 1)"
expect "and renders every chapter again with the new words" \
  test "$(reacted "$tmp/watch.err" "2 chapters rendered, 0 reused")" != never
kill -INT "$watcher"
wait "$watcher"
expect "watch stops on SIGINT with exit status 0" test $? -eq 0

"$dossier" build --formats html,nope --sources "$src" -o "$tmp/x" >/dev/null 2>&1
expect "an unknown format is a usage error (exit 2)" test $? -eq 2

(cd "$project" && "$dossier" build -o "$tmp/default" --quiet)
expect "build without a job builds config/briefing.yaml" test -s "$tmp/default/briefing.pdf"

if [[ $failures -gt 0 ]]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "all CLI checks passed"
