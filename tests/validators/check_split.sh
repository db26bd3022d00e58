#!/usr/bin/env bash
# Split and incremental builds give the same bytes as one clean build:
#  - the per-source stages run as two shards (--emit-sources --shard K/N), joined by
#    --from-sources;
#  - a rebuild after one source changed, from the cache in OUTPUT/.dossier-cache (its sources,
#    its chapters and the pieces of its reference parts);
#  - a join over results made from other input is refused.
# Usage: check_split.sh DOSSIER PROJECT_DIR
set -uo pipefail
dossier=$1 project=$2
source "$(dirname "$0")/expect.sh"
export SOURCE_DATE_EPOCH=1747267200
cp -r "$project/config" "$tmp/job"
job=$tmp/job/briefing.yaml

same_outputs() {  # same_outputs DIR_A DIR_B
  for ext in html epub pdf md json; do
    cmp -s "$1/briefing.$ext" "$2/briefing.$ext" || { echo "  briefing.$ext differs"; return 1; }
  done
}

"$dossier" build "$job" -o "$tmp/clean" --no-cache --quiet 2>/dev/null
expect "a clean build writes no cache" test ! -e "$tmp/clean/.dossier-cache"

"$dossier" build "$job" --emit-sources "$tmp/parts" --shard 1/2 --quiet 2>/dev/null
"$dossier" build "$job" --emit-sources "$tmp/parts" --shard 2/2 --quiet 2>/dev/null
expect "two shards write one result per source" \
  bash -c "ls '$tmp/parts' | grep -c '^source-.*\.dsrc$' | grep -qx 5"
"$dossier" build "$job" --from-sources "$tmp/parts" -o "$tmp/joined" --quiet --verify-ledger 2>/dev/null
expect "the joined build equals the single build" same_outputs "$tmp/clean" "$tmp/joined"

"$dossier" build "$job" -o "$tmp/incremental" -v --verify-ledger >/dev/null 2>"$tmp/first.err"
expect "a first build processes every source" grep -qx "cache: 0 sources reused, 5 processed" "$tmp/first.err"
expect "and keeps them in one pack" test -s "$tmp/incremental/.dossier-cache/sources.pack"
touch "$tmp/incremental/.dossier-cache/000000000000abcd.dsrc"  # an older version's result
printf '\nA late paragraph: the corridor reopened on Friday, said Ayşe Yıldırım.\n' \
  >>"$tmp/job/sources/port-capacity.txt"
"$dossier" build "$job" -o "$tmp/incremental" -v >/dev/null 2>"$tmp/incremental.err"
"$dossier" build "$job" -o "$tmp/clean2" --no-cache --quiet 2>/dev/null
expect "a rebuild from the cache equals a clean build" same_outputs "$tmp/clean2" "$tmp/incremental"
expect "the rebuild processes only the changed source" \
  grep -qx "cache: 4 sources reused, 1 processed" "$tmp/incremental.err"
expect "and renders only its chapters (HTML, EPUB, PDF, Markdown, JSON)" \
  grep -qx "cache: 20 chapters reused, 5 rendered" "$tmp/incremental.err"
# Its new paragraph quotes someone and names her: the parts that show quotations and names are
# rendered again, the others (the timeline, the figures) copied.
expect "and the reference parts that show its new quotation and name" \
  grep -qx "cache: 4 pieces of reference parts reused, 10 rendered" "$tmp/incremental.err"
expect "the cache holds the two packs alone" \
  bash -c "[[ \$(ls -A '$tmp/incremental/.dossier-cache' | tr '\n' ' ') == 'pieces.pack sources.pack ' ]]"
"$dossier" build "$job" -o "$tmp/incremental" -v >/dev/null 2>"$tmp/again.err"
expect "a rebuild with nothing changed reuses every source" \
  grep -qx "cache: 5 sources reused, 0 processed" "$tmp/again.err"
expect "and every chapter" grep -qx "cache: 25 chapters reused, 0 rendered" "$tmp/again.err"
expect "and every piece of the reference parts" \
  grep -qx "cache: 14 pieces of reference parts reused, 0 rendered" "$tmp/again.err"
expect "and still equals a clean build" same_outputs "$tmp/clean2" "$tmp/incremental"
for pack in sources pieces; do
  head -c 100 "$tmp/incremental/.dossier-cache/$pack.pack" >"$tmp/torn"
  mv "$tmp/torn" "$tmp/incremental/.dossier-cache/$pack.pack"
done
"$dossier" build "$job" -o "$tmp/incremental" -v >/dev/null 2>"$tmp/torn.err"
expect "a torn pack costs misses, not a failed build" test $? -eq 0
expect "and every source it lost is processed again" \
  grep -qx "cache: 0 sources reused, 5 processed" "$tmp/torn.err"
expect "and every chapter rendered again" grep -qx "cache: 0 chapters reused, 25 rendered" "$tmp/torn.err"
expect "and every piece of the reference parts" \
  grep -qx "cache: 0 pieces of reference parts reused, 14 rendered" "$tmp/torn.err"
expect "the build after a torn pack still equals a clean build" same_outputs "$tmp/clean2" "$tmp/incremental"

"$dossier" build "$job" --from-sources "$tmp/parts" -o "$tmp/stale" --quiet 2>"$tmp/stale.err"
expect "joining results made from other input fails (exit 1)" test $? -eq 1
expect "and names the result and the source" \
  grep -q "source-000002.dsrc: error: missing, damaged or made from other input than sources/port-capacity.txt" "$tmp/stale.err"
expect "and writes no output" test ! -e "$tmp/stale/briefing.html"
"$dossier" build "$job" --emit-sources "$tmp/x" --shard 3/2 >/dev/null 2>&1
expect "a bad shard is a usage error (exit 2)" test $? -eq 2

if [[ $failures -gt 0 ]]; then
  echo "$failures split-build check(s) failed"
  exit 1
fi
echo "all split-build checks passed"
