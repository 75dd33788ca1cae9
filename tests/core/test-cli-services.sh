#!/bin/bash
# End-to-end checks of the catalogue and submission commands of
# buergerkiosk-ctl: import of service JSON (good and bad), services,
# export-submissions (JSON, CSV, marks, --since), purge, retention and check.
set -u
ctl=${1:?usage: test-cli-services.sh PATH-TO-buergerkiosk-ctl SOURCE-ROOT}
src=${2:?usage: test-cli-services.sh PATH-TO-buergerkiosk-ctl SOURCE-ROOT}
. "$(dirname "$0")/cli-test-lib.sh"
py=/usr/bin/python3

"$ctl" --help > "$tmp/out"
for c in services export-submissions purge retention; do
  grep -q "^  $c " "$tmp/out" && ok "help lists $c" || fail "help lists $c"
done

# --- import and list ---------------------------------------------------------
"$ctl" --db "$db" import "$src"/data/demo/services/*.json > "$tmp/out"; expect_status 0 $? "import demo catalogue"
grep -q "services imported" "$tmp/out" && ok "import summary" || fail "import summary"
"$ctl" --db "$db" import "$src"/data/demo/services/*.json > /dev/null; expect_status 0 $? "import again (idempotent)"
"$ctl" --db "$db" services --json > "$tmp/list.json"; expect_status 0 $? "services --json"
$py - "$tmp/list.json" <<'PY' && ok "services JSON shape and count" || fail "services JSON shape and count"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) >= 15, len(rows)
assert len({r["id"] for r in rows}) == len(rows)           # not doubled by the second import
for r in rows:
    assert set(["id", "name", "municipality", "life_situations"]) <= set(r), r
    assert r["municipality"] in ("Landkreis Beispielkreis", "Stadt Auenbach", "Gemeinde Lindental")
    # a suggestion or complaint to a council belongs to no life situation
    assert r["life_situations"] or r["id"].startswith("anregung-beschwerde-"), r
assert sum(r["easy_read"] for r in rows) >= 5
PY
"$ctl" --db "$db" services > "$tmp/out"; expect_status 0 $? "services text"
grep -q "^99115005104000-stadt-auenbach	Wohnsitz anmelden	Stadt Auenbach	moving, housing$" "$tmp/out" \
  && ok "services text line" || fail "services text line"
"$ctl" --db "$db" services --municipality "Gemeinde Lindental" > "$tmp/out"
[ "$(cut -f3 "$tmp/out" | sort -u)" = "Gemeinde Lindental" ] && ok "services --municipality" || fail "services --municipality"
"$ctl" --db "$db" services --life-situation disability-care > "$tmp/out"
grep -q schwerbehindertenausweis "$tmp/out" && ! grep -q reisepass "$tmp/out" \
  && ok "services --life-situation" || fail "services --life-situation"
"$ctl" --db "$db" services --life-situation holidays 2> "$tmp/err"; expect_status 1 $? "unknown life situation"
grep -q "holidays" "$tmp/err" && ok "unknown life situation named" || fail "unknown life situation named"
"$ctl" --db "$db" services --lang en Reisepass > "$tmp/out"
head -1 "$tmp/out" | grep -q "Apply for a passport" && ok "services search in English" || fail "services search in English"

# bad service files: exit 2, file and JSON path named, nothing half-written
before=$("$ctl" --db "$db" services | wc -l)
cat > "$tmp/bad-services.json" <<'JSON'
{"services": [
  {"id": "neu-1", "municipality": "Stadt Auenbach", "name": "Neu", "short": "Gut."},
  {"id": "neu-2", "municipality": "Stadt Auenbach", "name": "Kaputt", "short": "S", "leika": "123"}
]}
JSON
"$ctl" --db "$db" import "$tmp/bad-services.json" 2> "$tmp/err"; expect_status 2 $? "bad service file rejected"
grep -q 'bad-services.json: \$.services\[1\].leika: expected a LeiKa key of 14 digits' "$tmp/err" \
  && ok "bad service file: file, path and problem named" || fail "bad service file: file, path and problem named"
[ "$("$ctl" --db "$db" services | wc -l)" = "$before" ] && ok "nothing half-written" || fail "nothing half-written"
printf '{"type": "buergerkiosk:Service", "name": "X", "short": "S"}' > "$tmp/one.json"
"$ctl" --db "$db" import "$tmp/one.json" 2> "$tmp/err"; expect_status 2 $? "single service without municipality"
grep -q 'one.json: \$.municipality: missing' "$tmp/err" && ok "missing field named" || fail "missing field named"

# --- submissions ---------------------------------------------------------------
"$ctl" --db "$db" export-submissions > "$tmp/none.json"; expect_status 0 $? "export with nothing to export"
$py -c 'import json,sys; assert json.load(open(sys.argv[1])) == []' "$tmp/none.json" \
  && ok "empty export is an empty array" || fail "empty export is an empty array"

# Submissions as the kiosk writes them (the UI is not part of this test).
$py - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
def ref(year, n):   # the check letter, computed independently of the C code
    digits = "%04d%06d" % (year, n)
    total = sum(int(d) * (i % 22 + 1) for i, d in enumerate(digits))
    return "BK-%04d-%06d-%s" % (year, n, "ABCDEFGHJKLMNPQRSTUVWXY"[total % 23])
rows = [
  (1, ref(2026, 1), "defect-report", None, None, "2026-10-01T08:00:00Z",
   '{"place": "Markt 1, Eingang \\"Nord\\"", "description": "Laterne\\naus"}', "de"),
  (2, ref(2026, 2), "appointment", "99115005104000-stadt-auenbach", None,
   "2026-11-15T08:00:00Z", '{"wish": "=1+1"}', "en"),
  (3, ref(2026, 3), "suggestion-complaint", None, None, "2099-01-01T08:00:00Z",
   '{"text": "Mehr Bänke"}', "de"),
]
c.executemany("INSERT INTO submission (id, reference, kind, service_id, motion_id, created_at,"
              " answers, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
c.commit()
PY
"$ctl" --db "$db" export-submissions --format csv > "$tmp/a.csv"; expect_status 0 $? "export csv"
$py - "$tmp/a.csv" <<'PY' && ok "CSV parses with quoting intact" || fail "CSV parses with quoting intact"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == 3, rows
assert rows[0]["answer:place"] == 'Markt 1, Eingang "Nord"', rows[0]
assert rows[0]["answer:description"] == "Laterne\naus", rows[0]
assert rows[1]["answer:wish"] == "'=1+1", rows[1]          # no formula for spreadsheets
assert rows[1]["service_id"] == "99115005104000-stadt-auenbach"
PY
"$ctl" --db "$db" export-submissions --format json > "$tmp/again.json"; expect_status 0 $? "second export"
$py -c 'import json,sys; assert json.load(open(sys.argv[1])) == []' "$tmp/again.json" \
  && ok "exported submissions are marked" || fail "exported submissions are marked"
"$ctl" --db "$db" export-submissions --since 2026-11-01 > "$tmp/since.json"; expect_status 0 $? "export --since"
$py - "$tmp/since.json" <<'PY' && ok "--since exports from that date, marked ones too" || fail "--since exports from that date, marked ones too"
import json, sys
rows = json.load(open(sys.argv[1]))
assert [r["reference"][:15] for r in rows] == ["BK-2026-000002-", "BK-2026-000003-"], rows
assert all(r["exported_at"] for r in rows), rows
assert rows[0]["answers"] == {"wish": "=1+1"}              # JSON keeps the value as it is
PY
for bad in 2026-13-01 2026-02-30 01.11.2026 yesterday 2026-1-1; do
  "$ctl" --db "$db" export-submissions --since "$bad" > /dev/null 2> "$tmp/err"
  expect_status 1 $? "bad --since $bad"
  grep -q "YYYY-MM-DD" "$tmp/err" && ok "bad date $bad explained" || fail "bad date $bad explained"
done
"$ctl" --db "$db" export-submissions --format xml 2> "$tmp/err"; expect_status 1 $? "unknown format"
grep -q "xml" "$tmp/err" && ok "unknown format named" || fail "unknown format named"
# an export that cannot be written marks nothing
$py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE submission SET exported_at = NULL"); c.commit()' "$db"
if [ -w /dev/full ]; then
  "$ctl" --db "$db" export-submissions > /dev/full 2> "$tmp/err"; expect_status 1 $? "export to a full disk fails"
  "$ctl" --db "$db" export-submissions > "$tmp/after-full.json"
  $py -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) == 3' "$tmp/after-full.json" \
    && ok "failed export marked nothing" || fail "failed export marked nothing"
fi
# the export that marks submissions says when (issue 15: it said null)
$py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE submission SET exported_at = NULL"); c.commit()' "$db"
"$ctl" --db "$db" export-submissions > "$tmp/first.json"
$py -c 'import json,sys; rows = json.load(open(sys.argv[1])); assert len(rows) == 3 and all(r["exported_at"] for r in rows), rows' "$tmp/first.json" \
  && ok "the marking export carries exported_at" || fail "the marking export carries exported_at"

"$ctl" --db "$db" retention > "$tmp/out"; expect_status 0 $? "retention"
grep -q "30 days" "$tmp/out" && ok "retention default 30" || fail "retention default 30"
"$ctl" --db "$db" retention 0 2> /dev/null; expect_status 1 $? "retention 0 refused"
"$ctl" --db "$db" retention 45 > "$tmp/out"; expect_status 0 $? "retention set"
grep -q "45 days" "$tmp/out" && ok "retention now 45" || fail "retention now 45"
"$ctl" --db "$db" purge > "$tmp/out"; expect_status 0 $? "purge with the retention setting"
grep -q "^1 submission older than 45 days" "$tmp/out" && ok "purge removed the old one" || fail "purge removed the old one ($(cat "$tmp/out"))"
"$ctl" --db "$db" purge --older-than 0 > "$tmp/out"; expect_status 0 $? "purge --older-than 0"
grep -q "^1 submission" "$tmp/out" && ok "purge --older-than 0 keeps the future one" || fail "purge --older-than 0 ($(cat "$tmp/out"))"
"$ctl" --db "$db" purge --older-than -5 2> /dev/null; expect_status 1 $? "negative days refused"
"$ctl" --db "$db" purge --older-than many 2> /dev/null; expect_status 1 $? "non-number refused"

"$ctl" --db "$db" check > "$tmp/out"; expect_status 0 $? "check"
grep -q "services, 1 submissions" "$tmp/out" && ok "check counts" || fail "check counts ($(cat "$tmp/out"))"
# a service row that bypassed the store has no search entry
$py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("INSERT INTO service (id, municipality, name, short_text) VALUES (\"orphan\", \"M\", \"N\", \"S\")"); c.commit()' "$db"
"$ctl" --db "$db" check > /dev/null 2> "$tmp/err"; expect_status 1 $? "check finds a damaged service index"
grep -q "service orphan is missing from the search index" "$tmp/err" && ok "damage named" || fail "damage named"

echo "# $fails failed"
[ $fails -eq 0 ]
