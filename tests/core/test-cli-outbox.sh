#!/bin/bash
# buergerkiosk-ctl outbox (status, list, retry) and what export-submissions
# says about the outbox, on a database whose outbox rows are written here.
set -u
ctl=${1:?usage: test-cli-outbox.sh PATH-TO-buergerkiosk-ctl}
. "$(dirname "$0")/cli-test-lib.sh"

"$ctl" --help > "$tmp/out"
grep -q "^  outbox " "$tmp/out" && ok "help lists outbox" || fail "help lists outbox"
grep -q -- "--delivery-config" "$tmp/out" && ok "help names --delivery-config" || fail "help names --delivery-config"

# A database of the current schema, with three sealed submissions.
"$ctl" --db "$db" retention > /dev/null; expect_status 0 $? "database made"
now=$(($(date +%s) * 1000))
/usr/bin/python3 - "$db" "$now" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
now = int(sys.argv[2])
rows = [
  (1, "BK-2026-000001-V", "pending", '{"version":1}', None, "unreachable: announce: Connection refused", 0),
  (2, "BK-2026-000002-G", "accepted", None, "accepted", None, now - 1000),
  (3, "BK-2026-000003-S", "failed", '{"version":1}', None, "refused: announce: HTTP 400, Bad request", now - 500),
]
for id_, ref, state, bundle, removed, error, finished in rows:
    c.execute("insert into submission (id, reference, kind, created_at, answers, language, sealed)"
              " values (?, ?, 'defect-report', '2026-12-01T10:00:00Z', '{}', 'de', 1)", (id_, ref))
    c.execute("insert into outbox (id, reference, idempotency_key, kind, route, transport, recipient, state,"
              " sealed_for, remote_id, attempts, next_attempt_at, created_at, updated_at,"
              " finished_at, last_error, bundle_removed)"
              " values (?, ?, ?, 'defect-report', 'service x', 'fit-connect', 'Stadt Auenbach', ?, 'kid',"
              " ?, 2, ?, ?, ?, ?, ?, ?)",
              (id_, ref, "key-%d" % id_, state, "sub-%d" % id_ if state == "accepted" else None,
               now + 30000, now - 3600 * 1000 * id_, now, finished, error, removed))
    if bundle is not None:
        c.execute("insert into outbox_bundle (id, size, bundle) values (?, ?, ?)", (id_, len(bundle), bundle))
c.execute("insert into submission (id, reference, kind, created_at, answers, language)"
          " values (4, 'BK-2026-000004-D', 'defect-report', '2026-12-01T10:00:00Z', '{\"place\":\"x\"}', 'de')")
c.commit()
PY
"$ctl" --db "$db" check > /dev/null 2> "$tmp/err"; expect_status 0 $? "check passes with the outbox"

"$ctl" --db "$db" --delivery-config /nonexistent/delivery.ini outbox status > "$tmp/out" 2> "$tmp/err"
expect_status 1 $? "a missing delivery file named"
grep -q "/nonexistent/delivery.ini" "$tmp/err" && ok "the file is named" || fail "the file is named"
XDG_CONFIG_HOME=$tmp "$ctl" --db "$db" outbox status > "$tmp/out"; expect_status 0 $? "status"
grep -q "^pending *1 " "$tmp/out" && ok "status: pending count" || fail "status: pending count"
grep -q "^accepted *1 " "$tmp/out" && ok "status: accepted count" || fail "status: accepted count"
grep -q "^failed *1 " "$tmp/out" && ok "status: failed count" || fail "status: failed count"
grep -q "Oldest waiting: BK-2026-000001-V" "$tmp/out" && ok "status: oldest waiting" || fail "status: oldest waiting"
grep -q "Last problem .*refused the submission" "$tmp/out" && ok "status: last problem in words" || fail "status: last problem in words"
grep -q "No delivery file" "$tmp/out" && ok "status: no delivery file said" || fail "status: no delivery file said"

"$ctl" --db "$db" outbox list > "$tmp/out"; expect_status 0 $? "list"
[ "$(grep -c '^[0-9]' "$tmp/out")" = 3 ] && ok "list: three entries" || fail "list: three entries"
grep -q "cannot be reached" "$tmp/out" && ok "list: problem in words" || fail "list: problem in words"
"$ctl" --db "$db" outbox list --state failed --json > "$tmp/out"; expect_status 0 $? "list --state --json"
if /usr/bin/python3 - "$tmp/out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
assert [r["reference"] for r in rows] == ["BK-2026-000003-S"], rows
assert rows[0]["state"] == "failed" and rows[0]["bundle_bytes"] > 0, rows
PY
then ok "json: the failed entry"; else fail "json: the failed entry"; fi
"$ctl" --db "$db" outbox list --state lost 2> "$tmp/err"; expect_status 1 $? "unknown state refused"

"$ctl" --db "$db" outbox retry 3 > "$tmp/out"; expect_status 0 $? "retry a failed entry"
state=$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select state, attempts from outbox where id = 3").fetchone())' "$db")
[ "$state" = "('pending', 0)" ] && ok "retried: pending again" || fail "retried: pending again ($state)"
"$ctl" --db "$db" outbox retry 2 2> "$tmp/err"; expect_status 1 $? "an accepted entry cannot be sent again"
grep -q "accepted it" "$tmp/err" && ok "says why" || fail "says why"
"$ctl" --db "$db" outbox retry 99 2> "$tmp/err"; expect_status 1 $? "unknown entry"
"$ctl" --db "$db" outbox retry 2>/dev/null; expect_status 1 $? "retry needs a number"
"$ctl" --db "$db" outbox frobnicate 2> "$tmp/err"; expect_status 1 $? "unknown outbox command"

# Export: only the plain submission; the sealed ones are said to have gone.
XDG_CONFIG_HOME=$tmp "$ctl" --db "$db" export-submissions > "$tmp/out" 2> "$tmp/err"
expect_status 0 $? "export"
grep -q "BK-2026-000004-D" "$tmp/out" && ok "export: the plain one" || fail "export: the plain one"
grep -q "BK-2026-000001-V" "$tmp/out" && fail "export: no sealed one" || ok "export: no sealed one"
grep -q "3 submissions went encrypted" "$tmp/err" && ok "export says what went to destinations" || fail "export says what went to destinations"
grep -q "no delivery file: exporting is how" "$tmp/err" && ok "export: the fallback says so" || fail "export: the fallback says so"

exit $((fails > 0))
