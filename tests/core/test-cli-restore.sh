#!/bin/bash
# buergerkiosk-ctl after a broken database, on read-only databases and on a
# full disk: no new empty database where the kiosk moved a broken one aside,
# restore (checked, in place, the broken file kept), purge of the backups,
# search and check on a read-only mount and on a 0444 file, exit statuses
# as the README documents them, invalid OParl dates and types refused.
set -u
ctl=${1:?usage: test-cli-restore.sh PATH-TO-buergerkiosk-ctl SOURCE-ROOT}
src=${2:?usage: test-cli-restore.sh PATH-TO-buergerkiosk-ctl SOURCE-ROOT}
. "$(dirname "$0")/cli-test-lib.sh"

paper="$src/tests/parser/fixtures/allris-vorlage.txt"

"$ctl" --help > "$tmp/out"
grep -q "^  restore " "$tmp/out" && ok "help lists restore" || fail "help lists restore"

# A database with a motion and a PIN, and a backup of it as the kiosk makes them.
"$ctl" --db "$db" import "$paper" > /dev/null; expect_status 0 $? "import a paper"
echo 135792 | "$ctl" --db "$db" set-staff-pin > /dev/null; expect_status 0 $? "set a PIN"
mkdir -m 0700 "$tmp/backups"
backup="$tmp/backups/kiosk-20261101-060000.db"
/usr/bin/python3 - "$db" "$backup" <<'PY'
import sqlite3, sys
src = sqlite3.connect(sys.argv[1]); dst = sqlite3.connect(sys.argv[2])
src.backup(dst); dst.close(); src.close()
PY
motions=$("$ctl" --db "$db" search --json Trinkwasserbrunnen | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

# The kiosk found it broken and moved it aside (bk-start.c does this at start).
printf 'garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage\n' > "$db"
rm -f "$db-wal" "$db-shm"
broken="$db.broken-20261201-080000"
mv "$db" "$broken"

"$ctl" --db "$db" search Trinkwasserbrunnen > /dev/null 2> "$tmp/err"
expect_status 1 $? "search while the database is moved aside"
grep -q "kiosk.db.broken-20261201-080000" "$tmp/err" && grep -q "restore" "$tmp/err" \
  && ok "the error names the moved file and restore" || fail "the error names the moved file and restore"
[ ! -e "$db" ] && ok "no new empty database made" || fail "no new empty database made"

"$ctl" --db "$db" purge --older-than 0 > "$tmp/out" 2> "$tmp/err"
expect_status 0 $? "purge while broken"
grep -q "removed from the backups (1 files)" "$tmp/out" && ok "purge reaches the backups" \
  || { fail "purge reaches the backups"; cat "$tmp/out"; }
grep -q "broken-20261201-080000" "$tmp/err" && ok "purge names the broken file it cannot purge" \
  || fail "purge names the broken file it cannot purge"
[ ! -e "$db" ] && ok "purge made no database" || fail "purge made no database"

# restore: refused input is status 2, nothing changes.
"$ctl" --db "$db" restore "$paper" > /dev/null 2> "$tmp/err"
expect_status 2 $? "restore of a text file refused"
grep -q "allris-vorlage.txt" "$tmp/err" && ok "the refused file is named" || fail "the refused file is named"
"$ctl" --db "$db" restore "$tmp/missing.db" > /dev/null 2> "$tmp/err"
expect_status 2 $? "restore of a missing file refused"
[ ! -e "$db" ] && ok "nothing restored" || fail "nothing restored"
"$ctl" --db "$db" restore > /dev/null 2>&1
expect_status 1 $? "restore without a file is a usage error"

"$ctl" --db "$db" restore "$backup" > "$tmp/out" 2> "$tmp/err"
expect_status 0 $? "restore the backup"
[ -f "$db" ] && ok "the database is back" || fail "the database is back"
[ -f "$broken" ] && ok "the broken file is kept" || fail "the broken file is kept"
grep -q "broken-20261201-080000" "$tmp/out" && ok "restore says the broken file is kept" \
  || fail "restore says the broken file is kept"
"$ctl" --db "$db" check > "$tmp/out" 2> "$tmp/err"
expect_status 0 $? "check after restore"
n=$("$ctl" --db "$db" search --json Trinkwasserbrunnen | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n" = "$motions" ] && [ "$n" -gt 0 ] && ok "the motions are back ($n)" || fail "the motions are back ($n, wanted $motions)"

# Again over the restored database: the one it replaces is kept.
"$ctl" --db "$db" restore "$backup" > "$tmp/out"
expect_status 0 $? "restore over an existing database"
ls "$tmp" | grep -q '^kiosk\.db\.replaced-[0-9]\{8\}-[0-9]\{6\}$' && ok "the replaced database is kept" \
  || fail "the replaced database is kept"

# A read-only mount (a private mount namespace; skipped where there is none).
mkdir "$tmp/ro"
cp "$db" "$tmp/ro/kiosk.db"
as_mount_ns=(unshare -m)
[ "$(id -u)" = 0 ] || as_mount_ns=(unshare -rm)
if "${as_mount_ns[@]}" true 2> /dev/null; then
  "${as_mount_ns[@]}" /bin/bash -c '
    set -u
    ctl=$1 dir=$2 paper=$3
    mount --bind "$dir" "$dir" && mount -o remount,ro,bind "$dir" || exit 77
    "$ctl" --db "$dir/kiosk.db" check > "$dir.check" 2>&1; echo "check $?" > "$dir.status"
    "$ctl" --db "$dir/kiosk.db" search --json Trinkwasserbrunnen > "$dir.search" 2>&1; echo "search $?" >> "$dir.status"
    "$ctl" --db "$dir/kiosk.db" import "$paper" > "$dir.import" 2>&1; echo "import $?" >> "$dir.status"
  ' _ "$ctl" "$tmp/ro" "$paper"
  rc=$?
  if [ $rc = 77 ]; then
    ok "read-only mount # SKIP no bind mounts here"
  else
    grep -qx "check 0" "$tmp/ro.status" && ok "check on a read-only mount" \
      || { fail "check on a read-only mount"; cat "$tmp/ro.check"; }
    grep -q "0 problems\|: OK" "$tmp/ro.check" && ok "read-only mount: OK" || fail "read-only mount: OK"
    grep -qx "search 0" "$tmp/ro.status" && grep -q '"subject"' "$tmp/ro.search" \
      && ok "search on a read-only mount" || { fail "search on a read-only mount"; cat "$tmp/ro.search"; }
    grep -qx "import 1" "$tmp/ro.status" && ok "import on a read-only mount: status 1, not 2" \
      || { fail "import on a read-only mount: status 1"; cat "$tmp/ro.status" "$tmp/ro.import"; }
    grep -qi "read-only\|cannot be written" "$tmp/ro.import" && ok "import says read-only" \
      || fail "import says read-only"
  fi
else
  ok "read-only mount # SKIP no mount namespaces here"
fi

# A 0444 file: read-only, and check finds 0 problems. Root may write any
# file, so as root the tool runs as nobody.
mkdir "$tmp/perm"
cp "$db" "$tmp/perm/kiosk.db"
chmod 0444 "$tmp/perm/kiosk.db"
# the paper beside it: nobody may not be able to read the source tree (a
# clone in a 0700 folder), and an unreadable input is status 2, not 1
cp "$paper" "$tmp/perm/paper.txt"
as_user=()
if [ "$(id -u)" = 0 ]; then
  chown -R nobody "$tmp/perm"
  chmod 0755 "$tmp"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
"${as_user[@]}" "$ctl" --db "$tmp/perm/kiosk.db" check > "$tmp/out" 2> "$tmp/err"
expect_status 0 $? "check on a 0444 file"
grep -q ": OK" "$tmp/out" && ok "0444 file: OK" || { fail "0444 file: OK"; cat "$tmp/out" "$tmp/err"; }
"${as_user[@]}" "$ctl" --db "$tmp/perm/kiosk.db" search Trinkwasserbrunnen > "$tmp/out" 2> "$tmp/err"
expect_status 0 $? "search on a 0444 file"
"${as_user[@]}" "$ctl" --db "$tmp/perm/kiosk.db" import "$tmp/perm/paper.txt" > "$tmp/out" 2> "$tmp/err"
expect_status 1 $? "import into a 0444 file: status 1" || cat "$tmp/err"

# A full disk is not a rejected input (status 1): a small tmpfs in a private
# mount namespace fills up during the import.
mkdir "$tmp/full"
"$ctl" --db "$tmp/empty.db" check > /dev/null
if "${as_mount_ns[@]}" true 2> /dev/null; then
  "${as_mount_ns[@]}" /bin/bash -c '
    ctl=$1 dir=$2 empty=$3; shift 3
    size=$(( $(du -k "$empty" | cut -f1) + 256 ))
    mount -t tmpfs -o size=${size}k tmpfs "$dir" || exit 77
    cp "$empty" "$dir/kiosk.db"
    "$ctl" --db "$dir/kiosk.db" import "$@" > /dev/null 2> "$dir.err"
    echo $? > "$dir.status"
  ' _ "$ctl" "$tmp/full" "$tmp/empty.db" "$src"/tests/parser/fixtures/*.txt
  if [ $? = 77 ]; then
    ok "full disk # SKIP no tmpfs mounts here"
  else
    rc=$(cat "$tmp/full.status")
    [ "$rc" = 1 ] && ok "full disk: status 1, not 2" || { fail "full disk: status 1 (got $rc)"; cat "$tmp/full.err"; }
    grep -q "disk is full" "$tmp/full.err" && ok "full disk: said so" || { fail "full disk: said so"; cat "$tmp/full.err"; }
  fi
else
  ok "full disk # SKIP no mount namespaces here"
fi

# OParl: an invalid date and an unknown type are refused, naming the member.
cat > "$tmp/date.json" <<'EOF'
{"data": [{"id": "p1", "type": "https://schema.oparl.org/1.1/Paper", "name": "X", "date": "2026-13-01"}]}
EOF
cat > "$tmp/type.json" <<'EOF'
{"data": [{"id": "p2", "type": "https://schema.oparl.org/1.1/Antrag", "name": "Y"}]}
EOF
"$ctl" --db "$db" import --oparl "$tmp/date.json" > /dev/null 2> "$tmp/err"
expect_status 2 $? "invalid date refused"
grep -q 'date.json: \$.data\[0\].date: .*2026-13-01' "$tmp/err" && ok "the date field is named" \
  || { fail "the date field is named"; cat "$tmp/err"; }
"$ctl" --db "$db" import --oparl "$tmp/type.json" > /dev/null 2> "$tmp/err"
expect_status 2 $? "unknown type refused"
grep -q 'type.json: \$.data\[0\].type: .*Antrag' "$tmp/err" && ok "the type field is named" \
  || { fail "the type field is named"; cat "$tmp/err"; }

exit $((fails > 0))
