#!/bin/bash
# End-to-end checks of XZuFi in buergerkiosk-ctl: towns, import of files,
# folders with an index.txt and web addresses (a publication served on
# 127.0.0.1 by serve.py: no internet), service, refused messages.
set -u
ctl=${1:?usage: test-cli-xzufi.sh PATH-TO-buergerkiosk-ctl SOURCE-ROOT}
src=${2:?usage: test-cli-xzufi.sh PATH-TO-buergerkiosk-ctl SOURCE-ROOT}
. "$src/tests/core/cli-test-lib.sh"
py=/usr/bin/python3
fx=$src/tests/xzufi/fixtures
server=

stop_server() {
  if [ -n "$server" ]; then kill "$server" 2> /dev/null; wait "$server" 2> /dev/null; fi
  rm -rf "$tmp"
}
trap stop_server EXIT

"$ctl" --help > "$tmp/out"
for c in towns service; do
  grep -q "^  $c " "$tmp/out" && ok "help lists $c" || fail "help lists $c"
done

# --- towns ----------------------------------------------------------------
"$ctl" --db "$db" towns add 001010001001 Stadt Auenbach; expect_status 0 $? "towns add"
"$ctl" --db "$db" towns add 001010002002 "Gemeinde Lindental"; expect_status 0 $? "towns add (quoted)"
"$ctl" --db "$db" towns add 12345 Kurz 2> "$tmp/err"; expect_status 1 $? "towns add: not an ARS"
grep -q "is not the ARS of a town" "$tmp/err" && ok "towns add names the problem" || fail "towns add names the problem"
"$ctl" --db "$db" towns > "$tmp/out"
[ "$(cat "$tmp/out")" = "$(printf '001010001001\tStadt Auenbach\n001010002002\tGemeinde Lindental')" ] \
  && ok "towns lists them in order" || fail "towns lists them in order"
"$ctl" --db "$db" towns --json | $py -c 'import json,sys; t=json.load(sys.stdin); assert t[1]=={"ars":"001010002002","name":"Gemeinde Lindental"}' \
  && ok "towns --json" || fail "towns --json"

# --- a file ---------------------------------------------------------------------
"$ctl" --db "$db" import "$fx/01-katalog.xml" > "$tmp/out" 2> "$tmp/err"; expect_status 0 $? "import an XZuFi file"
grep -q "XZuFi – services: 2 new, 0 changed, 0 unchanged" "$tmp/out" && ok "import summary" || fail "import summary"
grep -q "note: .*/modulText\[13\]/leikaTextmodul (line 78): unknown text module “99”; left out" "$tmp/err" \
  && ok "note on the unknown text module" || fail "note on the unknown text module"
"$ctl" --db "$db" import "$fx/01-katalog.xml" > "$tmp/out" 2> /dev/null
grep -q "services: 0 new, 0 changed, 2 unchanged" "$tmp/out" && ok "import again changes nothing" || fail "import again changes nothing"
"$ctl" --db "$db" service --town 001010002002 xzufi-L100099:1001 > "$tmp/svc.json"; expect_status 0 $? "service --town"
$py - "$tmp/svc.json" <<'PY' && ok "service JSON: the office of the town" || fail "service JSON: the office of the town"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["name"] == "Wohnsitz anmelden", s["name"]
assert s["leika"] == "99115005104000"
assert len(s["towns"]) == 1 and s["towns"][0]["town"] == "Gemeinde Lindental", s["towns"]
assert s["towns"][0]["office"]["name"] == "Gemeinde Lindental – Bürgerservice"
assert "10,50 Euro" in s["costs"]
assert s["translations"]["en"]["name"] == "Register your address"
PY
"$ctl" --db "$db" services --municipality "Gemeinde Lindental" > "$tmp/out"
[ "$(wc -l < "$tmp/out")" = 2 ] && ok "services --municipality finds the town's services" \
  || fail "services --municipality finds the town's services"
"$ctl" --db "$db" services Ummeldung | grep -q "^xzufi-L100099:1001	" && ok "search finds keywords" || fail "search finds keywords"

# --- refused -------------------------------------------------------------------
cp "$db" "$tmp/before.db"
"$ctl" --db "$db" import "$fx/bad-leika.xml" 2> "$tmp/err"; expect_status 2 $? "a refused message: exit 2"
grep -q "bad-leika.xml: /transferNachricht/schreibe\[2\]/leistung/referenzLeiKa/code (line 19): expected a LeiKa key of 14 digits" "$tmp/err" \
  && ok "file, element path and problem" || fail "file, element path and problem"
"$ctl" --db "$db" services > "$tmp/after"; "$ctl" --db "$tmp/before.db" services > "$tmp/before"
cmp -s "$tmp/before" "$tmp/after" && ok "catalogue unchanged" || fail "catalogue unchanged"

# --- a publication on the web -------------------------------------------------
mkdir -p "$tmp/web/pub"
cp "$fx/01-katalog.xml" "$fx/02-aenderung.xml" "$tmp/web/pub/"
printf '01-katalog.xml\n02-aenderung.xml\n' > "$tmp/web/pub/index.txt"
coproc SERVE { exec $py "$src/tests/xzufi/serve.py" "$tmp/web"; }
server=$SERVE_PID
read -r -t 20 port <&"${SERVE[0]}" || port=
if [ -z "$port" ]; then
  fail "local HTTP server started"
else
  ok "local HTTP server on 127.0.0.1:$port"
  url=http://127.0.0.1:$port/pub/
  "$ctl" --db "$db" import "$url" > "$tmp/out" 2> "$tmp/err"; expect_status 0 $? "import a web address"
  grep -q "^$url: XZuFi – services: 1 new, 1 changed, 2 unchanged" "$tmp/out" && ok "web import summary" || { fail "web import summary"; cat "$tmp/out" "$tmp/err"; }
  "$ctl" --db "$db" service xzufi-L100099:1003 > /dev/null; expect_status 0 $? "the new service is there"
  "$ctl" --db "$db" import "${url}index.txt" > "$tmp/out" 2> /dev/null; expect_status 0 $? "the index's address works too"
  grep -q "services: 0 new, 0 changed" "$tmp/out" && ok "web import again changes nothing" || fail "web import again changes nothing"
  # incomplete: a listed file is missing; empty: nothing listed
  cp "$db" "$tmp/before.db"
  printf '01-katalog.xml\nfehlt.xml\n' > "$tmp/web/pub/index.txt"
  "$ctl" --db "$db" import "$url" 2> "$tmp/err"; expect_status 2 $? "incomplete index refused"
  grep -q "fehlt.xml: the server answered 404" "$tmp/err" && ok "names the missing file" || { fail "names the missing file"; cat "$tmp/err"; }
  printf '\n# nichts\n' > "$tmp/web/pub/index.txt"
  "$ctl" --db "$db" import "$url" 2> "$tmp/err"; expect_status 2 $? "empty index refused"
  grep -q "the index lists no files; nothing was changed" "$tmp/err" && ok "says why" || fail "says why"
  "$ctl" --db "$db" services > "$tmp/after"; "$ctl" --db "$tmp/before.db" services > "$tmp/before"
  cmp -s "$tmp/before" "$tmp/after" && ok "catalogue unchanged by a bad index" || fail "catalogue unchanged by a bad index"
  # a complete index without 02: what only it brought goes
  printf '01-katalog.xml\n' > "$tmp/web/pub/index.txt"
  "$ctl" --db "$db" import "$url" > "$tmp/out" 2> /dev/null; expect_status 0 $? "publication without 02"
  "$ctl" --db "$db" service xzufi-L100099:1003 > /dev/null 2>&1; expect_status 1 $? "a service gone from the publication is gone"
  "$ctl" --db "$db" import "http://127.0.0.1:$port/pub/01-katalog.xml" > "$tmp/out" 2> /dev/null; expect_status 0 $? "one message by its address"
  "$ctl" --db "$db" import "http://127.0.0.1:$port/nichts/" 2> "$tmp/err"; expect_status 2 $? "no index there"
fi

# --- a folder --------------------------------------------------------------------
mkdir "$tmp/folder"
cp "$fx/01-katalog.xml" "$tmp/folder/"
printf '01-katalog.xml\n' > "$tmp/folder/index.txt"
"$ctl" --db "$tmp/folder.db" import "$tmp/folder" > "$tmp/out" 2> /dev/null; expect_status 0 $? "import a publishing folder"
grep -q "XZuFi – services: 2 new" "$tmp/out" && ok "folder summary" || fail "folder summary"
"$ctl" --db "$tmp/folder.db" check > /dev/null; expect_status 0 $? "check after the imports"
"$ctl" --db "$db" check > /dev/null; expect_status 0 $? "check after the web imports"

[ "$fails" = 0 ]
