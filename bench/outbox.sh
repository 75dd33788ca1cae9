#!/usr/bin/env bash
# bench/outbox.sh [SUBMISSIONS] [QUEUED] [DOWN_SECONDS]    (default 200 1000 60)
#
# The outbox against the FIT-Connect test server (tests/outbox/bkserver.py,
# its own keys; it decrypts everything and checks hashes and schema):
#
# 1. kill -9: bench-outbox writer submits (a random 1–10 per run, 0–40 ms
#    apart) while its worker delivers, and is killed with SIGKILL after a
#    random 0.05–1.5 s, again and again until SUBMISSIONS were acknowledged
#    (the reference printed after COMMIT); `buergerkiosk-ctl check` after
#    every kill. Then a worker delivers what is left; every acknowledged
#    reference must have reached the server exactly once.
# 2. QUEUED submissions wait while the server is down (connection refused)
#    for DOWN_SECONDS with the worker running (its backoff grows to
#    retry-max, 30 s); then the server comes back: the time until all are
#    delivered, and until all are accepted.
# 3. During that delivery the main loop runs a 10 ms timer and reads the
#    summary every 500 ms (as the staff page does): how late the ticks come,
#    against the same loop for 30 s before the worker starts (baseline), and
#    how long the main loop's own reads take (its share of any stall).
#
# BK_OUTBOX_CONCURRENCY=N sets the delivery file's `concurrency` (the
# kiosk's default, 4, when unset); BK_OUTBOX_SERVER=FILE runs another copy
# of the test server (a comparison with an older one).
#
# Output: bench/results/outbox.txt. Quick run: outbox.sh 20 100 10
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
SUBMISSIONS=${1:-200}
QUEUED=${2:-1000}
DOWN=${3:-60}
bench_build || exit 1
ninja -C "$BUILD" bench/bench-outbox src/buergerkiosk-ctl >>"$BUILD/bench-build.log" 2>&1 || [ -n "${BK_BENCH_PREBUILT:-}" ] \
  || { bench_log "bench-outbox does not build"; exit 1; }
CTL=$BUILD/src/buergerkiosk-ctl
OUT=$BENCH_TMP/outbox
mkdir -p "$OUT"
rm -f "$OUT"/*.db "$OUT"/*.db-wal "$OUT"/*.db-shm "$OUT"/outbox-key.pem "$OUT"/server.json
RANDOM=${BENCH_SEED:-13}

# The test server, with keys made once per machine.
"$PY" "${BK_OUTBOX_SERVER:-$SRC/tests/outbox/bkserver.py}" fit-connect --keys "$BENCH_TMP/outbox-keys" \
  --schemas "$SRC/data/schemas/forms" --ready-file "$OUT/server.json" >/dev/null 2>"$OUT/server.log" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 600); do [ -s "$OUT/server.json" ] && break; sleep 0.1; done
[ -s "$OUT/server.json" ] || { bench_log "the test server did not start, see $OUT/server.log"; exit 1; }
base=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["base"])' "$OUT/server.json")
admin=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"])' "$OUT/server.json")
fault() { "$PY" -c 'import sys,urllib.request
urllib.request.urlopen(urllib.request.Request("http://127.0.0.1:%s/fault" % sys.argv[1], data=sys.argv[2].encode(), method="POST")).read()' "$admin" "$1"; }
stats() { "$PY" -c 'import sys,urllib.request
sys.stdout.write(urllib.request.urlopen("http://127.0.0.1:%s/stats" % sys.argv[1]).read().decode())' "$admin"; }
field() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }

printf 's3cret\n' > "$OUT/secret"; chmod 600 "$OUT/secret"
cat > "$OUT/delivery.ini" <<INI
[delivery]
retry-min = 1
retry-max = 30
poll-interval = 5
timeout = 30
${BK_OUTBOX_CONCURRENCY:+concurrency = $BK_OUTBOX_CONCURRENCY}
[transport fit]
type = fit-connect
token-url = $base/token
submission-api = $base
client-id = kiosk-test
client-secret-file = $OUT/secret
trust-anchor = $BENCH_TMP/outbox-keys/ca.pem
tls-ca = $BENCH_TMP/outbox-keys/ca.pem
[service bench-service]
transport = fit
destination-id = 0c438057-ec3e-4ce0-b154-1683b5d3c2e8
recipient = Stadt Auenbach
INI

# ---- 1. kill -9 (SUBMISSIONS 0: left out) ------------------------------------
DB=$OUT/kill9.db
REFS=$OUT/kill9.refs
: > "$REFS"
runs=0; check_failures=0; cut=0
while [ "$SUBMISSIONS" -gt 0 ] && [ "$(grep -c . "$REFS")" -lt "$SUBMISSIONS" ]; do
  left=$((SUBMISSIONS - $(grep -c . "$REFS")))
  quota=$((1 + RANDOM % 10)); [ "$quota" -gt "$left" ] && quota=$left
  "$BIN/bench-outbox" writer "$DB" "$OUT/delivery.ini" "$quota" > "$OUT/run" 2>"$OUT/writer.err" &
  pid=$!
  sleep "$((RANDOM % 2)).$(printf '%03d' $((50 + RANDOM % 950)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  runs=$((runs + 1))
  # a reference cut off by the kill (no newline yet) was never acknowledged
  if [ -s "$OUT/run" ] && [ -n "$(tail -c1 "$OUT/run")" ]; then
    cut=$((cut + 1)); head -n -1 "$OUT/run" >> "$REFS"
  else
    cat "$OUT/run" >> "$REFS"
  fi
  if ! "$CTL" --db "$DB" check > /dev/null 2>"$OUT/check"; then
    check_failures=$((check_failures + 1))
    bench_log "run $runs: check failed: $(cat "$OUT/check")"
  fi
done
"$BIN/bench-outbox" deliver "$DB" "$OUT/delivery.ini" 600 > "$OUT/kill9-deliver.txt"
stats > "$OUT/kill9-stats.json"
{
  echo "# outbox kill -9 test, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $SUBMISSIONS submissions"
  echo "RESULT outbox_kill9_runs $runs"
  echo "RESULT outbox_kill9_cut_lines $cut"
  echo "RESULT outbox_kill9_check_failures $check_failures"
  "$BIN/bench-outbox" verify "$DB" "$REFS" "$OUT/kill9-stats.json"
  echo "RESULT outbox_kill9_announced $(field "$OUT/kill9-stats.json" announced)"
  echo "RESULT outbox_kill9_server_problems $("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["problems"]))' "$OUT/kill9-stats.json")"
} > "$OUT/part1.txt" 2>&1
status=$?

# ---- 2. and 3.: a server down, QUEUED waiting, then back --------------------
DB=$OUT/queue.db
fault '{"name": "reset-counts"}'
fault '{"name": "down"}'
"$BIN/bench-outbox" queue "$DB" "$OUT/delivery.ini" "$QUEUED" > "$OUT/queue.txt"
# CPU seconds (user + system) of a process, from /proc
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
/usr/bin/time -f '%U %S' -o "$OUT/deliver-cpu.txt" \
  "$BIN/bench-outbox" deliver "$DB" "$OUT/delivery.ini" $((DOWN + 900)) 30 > "$OUT/deliver.txt" &
deliver=$!
sleep $((30 + DOWN))
up=$(date +%s%3N)
server_cpu_up=$(cpu_of "$server")
fault '{"name": "up"}'
wait "$deliver"
server_cpu=$(awk -v a="$server_cpu_up" -v b="$(cpu_of "$server")" 'BEGIN { printf "%.2f", b - a }')
stats > "$OUT/queue-stats.json"
delivered=$(sed -n 's/^RESULT outbox_delivered_at //p' "$OUT/deliver.txt")
accepted=$(sed -n 's/^RESULT outbox_accepted_at //p' "$OUT/deliver.txt")
{
  echo "# outbox queue test, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $QUEUED queued, server down ${DOWN} s, concurrency ${BK_OUTBOX_CONCURRENCY:-default}"
  cat "$OUT/queue.txt"
  grep -v "_at " "$OUT/deliver.txt"
  echo "RESULT outbox_queue_all_delivered_s $(( (delivered - up) / 1000 )).$(printf '%03d' $(( (delivered - up) % 1000 )))"
  echo "RESULT outbox_queue_all_accepted_s $(( (accepted - up) / 1000 )).$(printf '%03d' $(( (accepted - up) % 1000 )))"
  "$PY" -c 'import json,sys
s = json.load(open(sys.argv[1]))
print("RESULT outbox_queue_server_received %d" % len(s["submitted"]))
print("RESULT outbox_queue_server_duplicates %d" % s["duplicates"])
print("RESULT outbox_queue_server_problems %d" % len(s["problems"]))
print("RESULT outbox_queue_server_max_in_flight %s" % s.get("max_in_flight", "-"))' "$OUT/queue-stats.json"
  # where the time went: the test server's CPU after it came back, the
  # kiosk's (bench-outbox: the worker, and the main loop's probe) all along
  echo "RESULT outbox_queue_server_cpu_s $server_cpu"
  echo "RESULT outbox_queue_kiosk_cpu_s $(awk '{ printf "%.2f", $1 + $2 }' "$OUT/deliver-cpu.txt")"
} > "$OUT/part2.txt" 2>&1

{
  echo "# machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$OUT/part1.txt" "$OUT/part2.txt"
} | tee "$RESULTS/outbox.txt"
exit $status
