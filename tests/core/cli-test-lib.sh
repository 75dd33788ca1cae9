# cli-test-lib.sh: what the buergerkiosk-ctl end-to-end scripts share, sourced
# after they have read their arguments: a temporary folder removed on exit,
# a database path in it, and TAP-style results counted in $fails.
# shellcheck shell=bash
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/kiosk.db
fails=0

ok()   { echo "ok - $1"; }
fail() { echo "not ok - $1"; fails=$((fails + 1)); }
expect_status() { # expected actual name
  if [ "$1" = "$2" ]; then ok "$3"; else fail "$3 (exit $2, wanted $1)"; fi
}
