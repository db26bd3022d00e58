#!/usr/bin/env bash
# The Debian package: cpack builds it, dpkg-deb unpacks it into a temporary root (no
# installing on the machine), and the unpacked binary starts a job and builds it from another
# folder, finding its templates and data beside itself.
# Usage: check_package.sh BUILD_DIR PROJECT_DIR   (exit 77: skipped without cpack or dpkg-deb)
set -uo pipefail
build=$1 project=$2
command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "skipped: no cpack/dpkg-deb"; exit 77; }
source "$(dirname "$0")/expect.sh"
export SOURCE_DATE_EPOCH=1747267200

(cd "$build" && cpack -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; exit 1; }
deb=$(ls "$tmp"/pkg/*.deb 2>/dev/null | head -1)
expect "cpack builds a .deb" test -n "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libhpdf libcmark-gfm libpugixml libyaml-cpp libicu libhunspell libhyphen fonts-dejavu-core hyphen-en-us; do
  expect "the package depends on $lib" grep -q "$lib" <<<"$depends"
done
dpkg-deb -x "$deb" "$tmp/root"
bin=$tmp/root/usr/bin/dossier
expect "the binary is in usr/bin" test -x "$bin"
expect "the templates are in usr/share/dossier" test -f "$tmp/root/usr/share/dossier/templates/style.css"
expect "the man page is in usr/share/man/man1" test -f "$tmp/root/usr/share/man/man1/dossier.1"
expect "the bash completion is installed" test -f "$tmp/root/usr/share/bash-completion/completions/dossier"
# Mark the installed words, to see that the unpacked binary reads its own data.
sed -i 's/^contents: Contents$/contents: Contents (installed)/' "$tmp/root/usr/share/dossier/templates/strings.yaml"
mkdir "$tmp/elsewhere"
(cd "$tmp/elsewhere" && "$bin" init job >/dev/null && "$bin" build job/briefing.yaml -o out --quiet 2>/dev/null)
expect "the unpacked binary starts a job and builds it from another folder" test $? -eq 0
expect "all five outputs are written" bash -c "ls '$tmp/elsewhere/out' | grep -c '^briefing\.' | grep -qx 5"
expect "the job was made from the installed templates, not the source tree" \
  grep -q "Contents (installed)" "$tmp/elsewhere/out/briefing.html"
cp -r "$project/config" "$tmp/example"
(cd "$tmp/elsewhere" && "$bin" build "$tmp/example/briefing.yaml" -o example-out --quiet 2>/dev/null)
expect "the unpacked binary builds the example job from another folder" test $? -eq 0
expect "with the installed words" grep -q "Contents (installed)" "$tmp/elsewhere/example-out/briefing.html"

if [[ $failures -gt 0 ]]; then
  echo "$failures package check(s) failed"
  exit 1
fi
echo "all package checks passed"
