# Shared by the shell checks: a temporary folder removed on exit, and
# `expect DESCRIPTION COMMAND...`, which prints ok or FAIL and counts the failures.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
expect() {
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
