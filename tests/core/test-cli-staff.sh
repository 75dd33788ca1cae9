#!/bin/bash
# buergerkiosk-ctl set-staff-pin and stats: PIN rules, the PIN never stored
# or printed in clear, the statistics in both formats.
set -u
ctl=${1:?usage: test-cli-staff.sh PATH-TO-buergerkiosk-ctl}
. "$(dirname "$0")/cli-test-lib.sh"

"$ctl" --help > "$tmp/out"
for c in set-staff-pin stats; do
  grep -q "^  $c " "$tmp/out" && ok "help lists $c" || fail "help lists $c"
done

echo 12345 | "$ctl" --db "$db" set-staff-pin > "$tmp/out" 2> "$tmp/err"
expect_status 2 $? "five digits refused"
grep -q "at least 6 digits" "$tmp/err" && ok "short PIN: clear error" || fail "short PIN: clear error"
echo 12a456 | "$ctl" --db "$db" set-staff-pin 2> "$tmp/err"
expect_status 2 $? "letters refused"
grep -q "only the digits" "$tmp/err" && ok "non-digit PIN: clear error" || fail "non-digit PIN: clear error"
"$ctl" --db "$db" set-staff-pin < /dev/null 2> "$tmp/err"
expect_status 2 $? "empty input refused"
"$ctl" --db "$db" set-staff-pin 123456 < /dev/null 2> "$tmp/err"
expect_status 1 $? "PIN as argument refused"

echo 86420975 | "$ctl" --db "$db" set-staff-pin > "$tmp/out" 2> "$tmp/err"
expect_status 0 $? "good PIN accepted"
if grep -q 86420975 "$tmp/out" "$tmp/err"; then fail "PIN not echoed"; else ok "PIN not echoed"; fi
hash=$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select hash from staff_pin").fetchone()[0])' "$db")
case "$hash" in
  '$argon2id$'*) ok "stored as an Argon2id hash" ;;
  *) fail "stored as an Argon2id hash ($hash)" ;;
esac
case "$hash" in *86420975*) fail "hash holds the PIN" ;; *) ok "hash does not hold the PIN" ;; esac

/usr/bin/python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executemany("insert into stats values (?, ?, ?, ?)", [
  ("2026-11-30", "session", "all", 4), ("2026-12-01", "session", "all", 2),
  ("2026-12-01", "page-view", "motions", 7), ("2026-12-01", "rating", "5", 1)])
c.commit()
PY
"$ctl" --db "$db" stats > "$tmp/out"; expect_status 0 $? "stats"
head -1 "$tmp/out" | grep -qx "day,category,key,value" && ok "csv header" || fail "csv header"
grep -qx "2026-12-01,page-view,motions,7" "$tmp/out" && ok "csv row" || fail "csv row"
"$ctl" --db "$db" stats --format json --since 2026-12-01 > "$tmp/out"; expect_status 0 $? "stats json"
if /usr/bin/python3 - "$tmp/out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 3, rows
assert {"day": "2026-12-01", "category": "session", "key": "all", "value": 2} in rows
PY
then ok "json rows, since filter"; else fail "json rows, since filter"; fi
"$ctl" --db "$db" stats --format xml 2> "$tmp/err"; expect_status 1 $? "unknown format"
grep -q "xml" "$tmp/err" && ok "unknown format named" || fail "unknown format named"
"$ctl" --db "$db" stats --since yesterday 2> "$tmp/err"; expect_status 1 $? "bad date"
"$ctl" --db "$db" stats --until 2026-02-30 2> "$tmp/err"; expect_status 1 $? "no such date"

exit $((fails > 0))
