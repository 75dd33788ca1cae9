#!/bin/bash
# End-to-end checks of buergerkiosk-ctl: options, parse, import (good and bad
# files), search, show and check, against a fresh database.
set -u
ctl=${1:?usage: test-cli.sh PATH-TO-buergerkiosk-ctl}
. "$(dirname "$0")/cli-test-lib.sh"
py=/usr/bin/python3

"$ctl" --version > "$tmp/out"; expect_status 0 $? "--version"
grep -q '^buergerkiosk-ctl [0-9]' "$tmp/out" && ok "version text" || fail "version text"
"$ctl" --help > "$tmp/out"; expect_status 0 $? "--help"
for c in parse import search show check; do
  grep -q "^  $c " "$tmp/out" && ok "help lists $c" || fail "help lists $c"
done
"$ctl" frobnicate 2> "$tmp/err"; expect_status 1 $? "unknown command"
grep -q frobnicate "$tmp/err" && ok "unknown command named" || fail "unknown command named"

cat > "$tmp/motion.txt" <<'TXT'
Antrag der GRÜNE-Fraktion im Gemeinderat Lindental

Datum: 05.10.2026

Betreff: Trinkwasserbrunnen am Spielplatz

Beschlussvorschlag:
1. Die Gemeinde stellt einen Trinkwasserbrunnen am Spielplatz Lindenweg auf.
2. Der Brunnen ist für Rollstuhlfahrende erreichbar.

Begründung:
Im Sommer fehlt Wasser für Kinder und Ältere.

Zusammenfassung in Leichter Sprache:
Am Spielplatz soll es Wasser zum Trinken geben.
TXT
"$ctl" parse "$tmp/motion.txt" > "$tmp/parsed.json"; expect_status 0 $? "parse"
if $py - "$tmp/parsed.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
keys = ["subject", "body", "type", "reference", "date", "public", "addressee", "submitters",
        "signatories", "consultations", "resolution_points", "justification", "related_references"]
missing = [k for k in keys if k not in m]
assert not missing, missing
assert m["date"] == "2026-10-05", m["date"]
assert "Trinkwasserbrunnen" in (m["subject"] or ""), m["subject"]
assert len(m["resolution_points"]) == 2, m["resolution_points"]
assert m["reference"] is None, m["reference"]          # never invented
PY
then ok "parse JSON shape"; else fail "parse JSON shape"; fi

printf '' > "$tmp/empty.txt"
"$ctl" parse "$tmp/empty.txt" 2> "$tmp/err"; expect_status 2 $? "parse empty file"
grep -q "empty.txt" "$tmp/err" && ok "parse error names file" || fail "parse error names file"

printf '{"data": [' > "$tmp/broken.json"
"$ctl" --db "$db" import "$tmp/motion.txt" "$tmp/broken.json" > "$tmp/out" 2> "$tmp/err"
expect_status 2 $? "import with one bad file"
grep -q "broken.json" "$tmp/err" && ok "bad file named" || fail "bad file named"
grep -q "motion.txt" "$tmp/out" && ok "good file reported" || fail "good file reported"

# A folder of papers: each paper on its own; a README among them is refused
# as no council paper, and nothing of it is stored.
mkdir -p "$tmp/papers" "$tmp/nothing"
cat > "$tmp/papers/bank.txt" <<'TXT'
Antrag der Fraktion Beispiel im Ortschaftsrat Lindental

Der Ortschaftsrat möge beschließen:
1. Am Dorfteich wird eine Sitzbank aufgestellt.
TXT
cat > "$tmp/papers/README.md" <<'TXT'
# Ablage

In diesem Ordner liegen die Dateien für den Kiosk. Bitte nichts löschen.
TXT
db_papers="$tmp/papers.db"
"$ctl" --db "$db_papers" import "$tmp/papers" > "$tmp/out" 2> "$tmp/err"
expect_status 2 $? "import a folder of papers with a README"
grep -q "bank.txt: motion" "$tmp/out" && ok "folder: the paper imported" || fail "folder: the paper imported"
grep -q "README.md: this does not look like a council paper" "$tmp/err" \
  && ok "folder: the README refused with its reason" || fail "folder: the README refused with its reason"
"$ctl" --db "$db_papers" search Ablage --json > "$tmp/found.json"
$py -c 'import json,sys; assert json.load(open(sys.argv[1])) == []' "$tmp/found.json" \
  && ok "folder: nothing of the README stored" || fail "folder: nothing of the README stored"
"$ctl" --db "$db_papers" import "$tmp/nothing" 2> "$tmp/err"; expect_status 2 $? "import an empty folder"
grep -q "no OParl .json files, no XZuFi index.txt and no papers" "$tmp/err" \
  && ok "empty folder: says what it looked for" || fail "empty folder: says what it looked for"

"$ctl" --db "$db" search brunnen --json > "$tmp/found.json"; expect_status 0 $? "search"
id=$($py -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r[0]["id"] if r else "")' "$tmp/found.json")
[ -n "$id" ] && ok "search finds the imported motion" || fail "search finds the imported motion"
"$ctl" --db "$db" search "Trinkwasserbrunnen" > "$tmp/out"; expect_status 0 $? "search text"
grep -q "Trinkwasserbrunnen" "$tmp/out" && ok "search text output" || fail "search text output"

"$ctl" --db "$db" show "${id:-0}" --json > "$tmp/shown.json"; expect_status 0 $? "show --json"
$py -c 'import json,sys; m=json.load(open(sys.argv[1])); assert len(m["resolution_points"])==2' "$tmp/shown.json" \
  && ok "show JSON" || fail "show JSON"
$py -c 'import json,sys; m=json.load(open(sys.argv[1])); assert m["easy_summary"].startswith("Am Spielplatz")' "$tmp/shown.json" \
  && ok "show JSON has the easy-read summary" || fail "show JSON has the easy-read summary"
"$ctl" --db "$db" show "${id:-0}" > "$tmp/out"; expect_status 0 $? "show text"
grep -q "^In easy-read language:" "$tmp/out" && grep -q "^Am Spielplatz soll es Wasser" "$tmp/out" \
  && ok "show text has the easy-read summary" || fail "show text has the easy-read summary"
"$ctl" --db "$db" show 999999 2> /dev/null; expect_status 1 $? "show unknown id"

# Hostile JSON (issue 18): deep nesting hidden from the depth count behind a
# comment or a single-quoted string (json-glib's scanner reads both) crashed
# json-glib's recursion. Refused up front, the file and place named, nothing
# written; for OParl motions and for the service catalogue.
sum_before=$(sha256sum "$db" | cut -d' ' -f1)
for kind in comment line-comment quote; do
  for format in oparl services; do
    f="$tmp/hostile-$kind-$format.json"
    $py - "$f" "$kind" "$format" <<'PY'
import sys
path, kind, fmt = sys.argv[1:]
hide = {"comment": '/* " */', "line-comment": '// "\n', "quote": "'\"'"}[kind]
head = '{"data": [' if fmt == "oparl" else '{"services": ['
with open(path, "w") as f:
    f.write(head + hide + "[" * 200000)
PY
    "$ctl" --db "$db" import "$f" > /dev/null 2> "$tmp/err"; rc=$?
    expect_status 2 $rc "hostile JSON ($kind, $format) refused, no crash"
    grep -q "hostile-$kind-$format.json: line 1, column 1[0-9]" "$tmp/err" \
      && ok "hostile JSON ($kind, $format): file and place named" \
      || fail "hostile JSON ($kind, $format): file and place named: $(head -c 300 "$tmp/err")"
  done
done
grep -q "a comment, which JSON does not allow" "$tmp/err" || grep -q "single quote" "$tmp/err" \
  && ok "hostile JSON: the reason given" || fail "hostile JSON: the reason given: $(head -c 300 "$tmp/err")"
# A string member over the limit (2 Mi characters) is refused by name.
$py - "$tmp/long.json" <<'PY'
import json, sys
json.dump({"data": [{"id": "https://x.example/p/1", "type": "https://schema.oparl.org/1.1/Paper",
                     "name": "x" * (2 * 1024 * 1024 + 1)}]}, open(sys.argv[1], "w"))
PY
"$ctl" --db "$db" import "$tmp/long.json" > /dev/null 2> "$tmp/err"
expect_status 2 $? "an over-long string refused"
grep -q 'long.json: \$.data\[0\].name: too long (more than 2097152 characters)' "$tmp/err" \
  && ok "over-long string: member and limit named" \
  || fail "over-long string: member and limit named: $(head -c 300 "$tmp/err")"
[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$sum_before" ] \
  && ok "hostile JSON: database unchanged" || fail "hostile JSON: database unchanged"

"$ctl" --db "$db" check > "$tmp/out"; expect_status 0 $? "check"
grep -q "OK" "$tmp/out" && ok "check says OK" || fail "check says OK"

# A database from a newer program is refused with a clear message.
$py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version=42"); c.commit()' "$db"
"$ctl" --db "$db" check 2> "$tmp/err"; expect_status 1 $? "newer database refused"
grep -q "42" "$tmp/err" && ok "newer database message" || fail "newer database message"

echo "# $fails failed"
[ $fails -eq 0 ]
