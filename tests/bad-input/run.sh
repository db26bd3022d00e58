#!/usr/bin/env bash
# Bad input must end in a clear positioned diagnostic and the right exit code, never a crash.
# Each case: expected exit code, a regular expression the diagnostics must match, a command.
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

# --- cases ------------------------------------------------------------------------------
check() {  # check NAME EXIT REGEX -- COMMAND...
  local name=$1 want=$2 pattern=$3
  shift 4
  "$@" >"$name.out" 2>"$name.err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL $name: exit $got, expected $want"; cat "$name.err"; failures=$((failures + 1)); return
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
check unknown-key 0 '^unknown-key\.yaml:3:1: warning: unknown key .favourite. ignored$' -- "$dossier" build unknown-key.yaml -o out7
check no-title 1 '^no-title\.yaml:1:1: error: the job needs a .title.$' -- "$dossier" build no-title.yaml -o out8
check missing-job 1 "^nope\.yaml: error: cannot read job file$" -- "$dossier" build nope.yaml -o out9
check invalid-byte 0 '^bad-byte\.txt:3:28: warning: invalid UTF-8 bytes \\xFF replaced by U\+FFFD$' -- "$dossier" normalize bad-byte.txt
check truncated-sequence 0 '^truncated\.txt:3:24: warning: invalid truncated UTF-8 sequence at end of file' -- "$dossier" normalize truncated.txt
check unknown-option 2 'unexpected|not expected|extra|following argument' -- "$dossier" build --no-such-option
check strict-warning 1 '^bad-byte\.txt:3:28: warning' -- "$dossier" build --strict --sources bad-byte.txt -o out10

# A failing source does not stop the others: outputs are written and list it as failed.
check one-bad-source 1 '^empty\.txt:1:1: error: file is empty$' -- "$dossier" build --sources good.txt empty.txt -o out11
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
# An output folder that cannot be created (a regular file stands in the way).
: >blocker
check unwritable-output 1 'error: cannot create output folder' -- "$dossier" build --sources good.txt -o blocker/out

if [[ $failures -gt 0 ]]; then
  echo "$failures bad-input case(s) failed"
  exit 1
fi
echo "all bad-input cases passed"
