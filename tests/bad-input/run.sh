#!/usr/bin/env bash
# Bad input must end in a clear positioned diagnostic and the right exit code, never a crash.
# Each case: expected exit code, a regular expression the diagnostics must match (empty: no
# diagnostics at all), a command.
set -uo pipefail
dossier=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
failures=0

# --- inputs -----------------------------------------------------------------------------
: >empty.txt
printf ' \n\t\n\r\n' >blank.txt
python3 -c 'import random; r = random.Random(7); open("random.bin", "wb").write(bytes(r.randrange(256) for _ in range(4096)))'
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10' >image.png
printf 'Title line\n\nGood text, then a bad byte \xff here.\n' >bad-byte.txt
printf 'Title line\n\nA good paragraph.\n' >good.txt
printf 'Title line\n\nEnds inside a sequence \xe2\x80' >truncated.txt
printf 'title: T\nsources:\n  - good.txt\n  - missing.txt\n' >missing-source.yaml
printf 'title: T\nsources: [good.txt\n' >malformed.yaml
printf 'title: T\nsources:\n  - path: good.txt\n    outlet: [not, a, string]\n' >wrong-type.yaml
printf 'title: T\nsources: [good.txt]\nfavourite: blue\n' >unknown-key.yaml
printf 'sources: [good.txt]\n' >no-title.yaml
# Markdown nested deeper than anyone writes: block quotes, lists, emphasis.
python3 -c 'open("deep-quote.md", "w").write("# Deep\n\n" + "> " * 100000 + "text\n")'
python3 -c 'open("deep-list.md", "w").write("# Deep\n\n" + "".join("  " * i + "- item\n" for i in range(2000)))'
python3 -c 'open("deep-emphasis.md", "w").write("# Deep\n\n" + "*" * 50000 + "x" + "*" * 50000 + "\n")'
# 100 MB on one line, no newline at all.
python3 -c '
import itertools
words = itertools.cycle("the grain corridor talks resumed in Istanbul with officials from Kyiv".split())
with open("one-line.txt", "w") as f:
    f.write("A title\n\n")
    written = 0
    while written < 100_000_000:
        chunk = " ".join(next(words) for _ in range(100_000)) + " "
        f.write(chunk)
        written += len(chunk)'
# 1 GB, sparse: no disk space taken.
truncate -s 1G huge.txt
# A YAML alias bomb: each level repeats the one below nine times.
python3 -c '
lines = ["a0: &a0 [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]"]
for i in range(1, 9):
    lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
lines += ["title: T", "sources: *a8"]
open("alias-bomb.yaml", "w").write("\n".join(lines) + "\n")'
# File names with spaces and non-ASCII letters; a symlink loop; a directory that links back up.
cp good.txt "a name with spaces and ç.txt"
ln -s loop.txt loop.txt
mkdir -p tree/sub && cp good.txt tree/sub/a.txt && ln -s .. tree/sub/up
printf 'title: T\nsources:\n  - "a name with spaces and ç.txt"\n  - tree\n' >names.yaml
printf 'title: T\nsources:\n  - good.txt\n  - loop.txt\n' >symlink-loop.yaml

# Text with a NUL byte in it; invalid UTF-8 as the very first and the very last byte.
printf 'Officials met on Monday.\n\000\nTalks resumed.\n' >nul.txt
# (UTF-8 quotes later in the line keep it UTF-8: one bad byte in ASCII reads as Windows-1252.)
printf '\377Officials met on Monday and said \342\200\234yes\342\200\235 after a week.\n' >bad-start.txt
printf 'Officials met on Monday and talks resumed after a week of delays.\n\377' >bad-end.txt

# --- cases ------------------------------------------------------------------------------
check() {  # check NAME EXIT REGEX -- COMMAND...
  local name=$1 want=$2 pattern=$3
  shift 4
  "$@" >"$name.out" 2>"$name.err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL $name: exit $got, expected $want"; cat "$name.err"; failures=$((failures + 1)); return
  fi
  if [[ -z $pattern ]]; then  # no diagnostics expected at all
    if [[ -s $name.err ]]; then
      echo "FAIL $name: unexpected diagnostics:"; cat "$name.err"; failures=$((failures + 1)); return
    fi
    echo "ok $name (exit $got): no diagnostics"
    return
  fi
  if ! grep -Eq -- "$pattern" "$name.err"; then
    echo "FAIL $name: diagnostics do not match /$pattern/:"; cat "$name.err"; failures=$((failures + 1)); return
  fi
  echo "ok $name (exit $got): $(grep -E -m1 -- "$pattern" "$name.err")"
}

check empty-file 1 '^empty\.txt:1:1: error: file is empty$' -- "$dossier" build --sources empty.txt -o out1
check whitespace-only 1 '^blank\.txt:1:1: error: file holds only whitespace$' -- "$dossier" build --sources blank.txt -o out2
check random-bytes 1 '^random\.bin:1:1: error: looks like a binary file' -- "$dossier" build --sources random.bin -o out3
check png 1 '^image\.png:1:1: error: looks like a binary file' -- "$dossier" normalize image.png
check missing-source 1 '^missing-source\.yaml:4:5: error: source not found: missing\.txt$' -- "$dossier" build missing-source.yaml -o out4
check malformed-yaml 1 '^malformed\.yaml:[0-9]+:[0-9]+: error: malformed YAML' -- "$dossier" build malformed.yaml -o out5
check wrong-type 1 '^wrong-type\.yaml:4:13: error: .outlet. must be a single value$' -- "$dossier" build wrong-type.yaml -o out6
check unknown-key 0 '^unknown-key\.yaml:3:1: warning: unknown key .favourite. ignored$' -- "$dossier" build unknown-key.yaml -o out7 --verify-ledger
check no-title 1 '^no-title\.yaml:1:1: error: the job needs a .title.$' -- "$dossier" build no-title.yaml -o out8
check missing-job 1 "^nope\.yaml: error: cannot read job file$" -- "$dossier" build nope.yaml -o out9
check invalid-byte 0 '^bad-byte\.txt:3:28: warning: invalid UTF-8 bytes \\xFF replaced by U\+FFFD$' -- "$dossier" normalize bad-byte.txt
check nul-bytes 1 '^nul\.txt:1:1: error: looks like a binary file' -- "$dossier" build --sources nul.txt -o out19
check invalid-at-start 0 '^bad-start\.txt:1:1: warning: invalid UTF-8 bytes \\xFF replaced by U\+FFFD$' -- "$dossier" build --sources bad-start.txt -o out20 --verify-ledger
check invalid-at-end 0 '^bad-end\.txt:2:1: warning: invalid UTF-8 bytes \\xFF replaced by U\+FFFD$' -- "$dossier" build --sources bad-end.txt -o out21 --verify-ledger
check truncated-sequence 0 '^truncated\.txt:3:24: warning: invalid truncated UTF-8 sequence at end of file' -- "$dossier" normalize truncated.txt
check unknown-option 2 'unexpected|not expected|extra|following argument' -- "$dossier" build --no-such-option
check strict-warning 1 '^bad-byte\.txt:3:28: warning' -- "$dossier" build --strict --sources bad-byte.txt -o out10 --verify-ledger

# A failing source does not stop the others: outputs are written and list it as failed.
check one-bad-source 1 '^empty\.txt:1:1: error: file is empty$' -- "$dossier" build --sources good.txt empty.txt -o out11 --verify-ledger
if [[ -s out11/briefing.pdf ]] && python3 -c '
import json, sys
d = json.load(open("out11/briefing.json"))
sys.exit(0 if [s["status"] for s in d["sources"]] == ["ok", "failed"] else 1)'; then
  echo "ok one-bad-source: outputs written, the empty source marked failed"
else
  echo "FAIL one-bad-source: outputs missing or statuses wrong"; failures=$((failures + 1))
fi
# --strict replaces no output.
[[ ! -e out10/briefing.html ]] && echo "ok strict-warning wrote nothing" ||
  { echo "FAIL strict-warning wrote outputs"; failures=$((failures + 1)); }
check deep-block-quotes 0 '^deep-quote\.md:3:1: warning: Markdown nested more than 32 levels deep' -- "$dossier" build --sources deep-quote.md -o out12 --verify-ledger
check deep-lists 0 '^deep-list\.md:[0-9]+:1: warning: Markdown nested more than 32 levels deep' -- "$dossier" build --sources deep-list.md -o out13 --verify-ledger
check deep-emphasis 0 '^deep-emphasis\.md:3:1: warning: Markdown nested more than 32 levels deep' -- "$dossier" build --sources deep-emphasis.md -o out14 --verify-ledger
if [[ $(grep -o 'item' out13/briefing.md | wc -l) -eq 2000 ]]; then
  echo "ok deep-lists: all 2000 items kept"
else
  echo "FAIL deep-lists: items lost"; failures=$((failures + 1))
fi
check one-line-100mb 0 '' -- "$dossier" normalize one-line.txt
if [[ $(wc -c <one-line-100mb.out) -ge 100000000 ]]; then
  echo "ok one-line-100mb: all text printed"
else
  echo "FAIL one-line-100mb: output is $(wc -c <one-line-100mb.out) bytes"; failures=$((failures + 1))
fi
rm -f one-line-100mb.out
check one-gigabyte 1 '^huge\.txt: error: file is 1073741824 bytes, over the limit of 268435456 \(--max-source-size\)$' -- "$dossier" build --sources huge.txt -o out15
check alias-bomb 1 "^alias-bomb\.yaml:[0-9]+:[0-9]+: error: a source must be a path or an entry with 'path'$" -- timeout 20 "$dossier" build alias-bomb.yaml -o out16
check odd-names-and-link-back-up 0 '' -- timeout 20 "$dossier" build names.yaml -o out17 --verify-ledger
if python3 -c '
import json, sys
d = json.load(open("out17/briefing.json"))
sys.exit(0 if [s["path"] for s in d["sources"]] == ["a name with spaces and ç.txt", "tree/sub/a.txt"] else 1)'; then
  echo "ok odd-names-and-link-back-up: both sources read once"
else
  echo "FAIL odd-names-and-link-back-up: wrong sources"; failures=$((failures + 1))
fi
check symlink-loop 1 '^symlink-loop\.yaml:4:5: error: source is a loop of symbolic links: loop\.txt$' -- "$dossier" build symlink-loop.yaml -o out18
# A full disk: standard output that cannot be written is an error, not a silent success.
check full-disk-normalize 1 '^<stdout>: error: cannot write to standard output: No space left on device$' -- bash -c "'$dossier' normalize good.txt >/dev/full"
check full-disk-inspect 1 '^<stdout>: error: cannot write to standard output' -- bash -c "'$dossier' inspect good.txt >/dev/full"

# Killed mid-build (SIGKILL: no chance to clean up), the previous outputs stay as they were.
mkdir -p many
python3 -c '
import random
r = random.Random(5)
words = "grain corridor talks Istanbul officials Kyiv Ankara ceasefire insurers vessels said".split()
for i in range(400):
    paragraphs = [" ".join(r.choice(words) for _ in range(120)) + "." for _ in range(8)]
    open(f"many/a{i:03}.txt", "w").write(f"Article {i}\n\n" + "\n\n".join(paragraphs) + "\n")'
"$dossier" build --sources good.txt -o kept --quiet
md5sum kept/briefing.* >kept.md5
"$dossier" build --sources many -o kept --quiet 2>/dev/null &
victim=$!
sleep 0.4
kill -KILL "$victim" 2>/dev/null
wait "$victim" 2>/dev/null
status=$?
if [[ $status -eq 137 ]]; then
  if md5sum --quiet -c kept.md5 >/dev/null 2>&1; then
    echo "ok sigkill: killed mid-build, previous outputs intact"
  else
    echo "FAIL sigkill: an output changed under a killed build"; failures=$((failures + 1))
  fi
else
  echo "ok sigkill: the build finished before the kill (exit $status); nothing to check"
fi

# An output folder that cannot be created (a regular file stands in the way).
: >blocker
check unwritable-output 1 'error: cannot create output folder' -- "$dossier" build --sources good.txt -o blocker/out

if [[ $failures -gt 0 ]]; then
  echo "$failures bad-input case(s) failed"
  exit 1
fi
echo "all bad-input cases passed"
