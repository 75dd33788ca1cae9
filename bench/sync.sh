#!/usr/bin/env bash
# bench/sync.sh [PAGES] [PER_PAGE] [PAGE_SIZE] [RUNS]     (defaults 20 500 100 3)
#
# The OParl sync against the local OParl server (tests/sync/oparl-server.py on
# 127.0.0.1), on the generator's data set of PAGES x PER_PAGE papers with their
# organizations, persons and ~1 450 meetings, served in pages of PAGE_SIZE:
#   - baseline, the same data imported from files: `buergerkiosk-ctl import DIR`,
#   - a full sync into an empty database, end to end: `buergerkiosk-ctl sync
#     --no-texts URL` (HTTP, staging, applying; process start included),
#   - an incremental sync with nothing changed: its time and the requests the
#     server saw, per list,
#   - the kiosk's main loop while its background sync runs (bench-sync-ui under
#     Xvfb: frame gaps and a 5 ms probe, beside a baseline without a sync;
#     once more without the kept frame pool of bk-renderer.c, as before it;
#     each frame over 45 ms split into its phases; the machine's own stalls
#     beside it, bench/stall-probe.py),
#     and the same under cage (the kiosk's compositor, headless), once more
#     with the sync worker at nice 10 as before bk_thread_enter_background,
#   - every way the server misbehaves on demand: the exit status, whether
#     `buergerkiosk-ctl check` passes afterwards and the message.
# Quick run: sync.sh 4 250 100 1.  Output: bench/results/sync.txt.
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
PAGES=${1:-20}; PER=${2:-500}; PAGE_SIZE=${3:-100}; RUNS=${4:-3}
N=$((PAGES * PER))
bench_build || exit 1
CTL=$BUILD/src/buergerkiosk-ctl
DATA=$BENCH_TMP/sync-oparl-$PAGES-$PER
DB=$BENCH_TMP/sync.db
SERVER_LOG=$BENCH_TMP/sync-server.log
export GSETTINGS_SCHEMA_DIR=$BUILD/data GSETTINGS_BACKEND=memory

rm -rf "$DATA"
"$BIN/bench-gen" oparl "$DATA" "$PAGES" "$PER" >&2 || exit 1

python3 "$SRC/tests/sync/oparl-server.py" --data "$DATA" --page-size "$PAGE_SIZE" >"$SERVER_LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null' EXIT
for _ in $(seq 100); do grep -q '^SYSTEM ' "$SERVER_LOG" && break; sleep 0.1; done
SYSTEM=$(sed -n 's/^SYSTEM //p' "$SERVER_LOG")
ORIGIN=${SYSTEM%/oparl/*}
[ -n "$SYSTEM" ] || { bench_log "the OParl server did not start: $(cat "$SERVER_LOG")"; exit 1; }

fresh() { rm -rf "$DB" "$DB-wal" "$DB-shm" "$DB-files"; }
# The machine's own stalls beside each UI run (bench/stall-probe.py, one
# on each CPU, at real-time priority when root): a frame gap at the time of
# one is the machine's (a virtual CPU the host did not run), not the kiosk's.
stall_probe_start() {
  local rt=() cpu
  if [ "$(id -u)" = 0 ] && command -v chrt >/dev/null 2>&1; then rt=(chrt -f 10); fi
  STALL_PIDS=()
  for cpu in $(seq 0 $(($(nproc) - 1))); do
    taskset -c "$cpu" "${rt[@]}" python3 "$SRC/bench/stall-probe.py" "$1.cpu$cpu" &
    STALL_PIDS+=($!)
  done
}
stall_probe_stop() { kill "${STALL_PIDS[@]}" 2>/dev/null; wait "${STALL_PIDS[@]}" 2>/dev/null; }
control() { curl -s "$ORIGIN/_control?$1" >/dev/null; }
requests() { curl -s "$ORIGIN/_requests" | $PY -c 'import json, sys; print(len([r for r in json.load(sys.stdin) if not r["path"].startswith("/_")]))'; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# CPU seconds (user + system) of the last timed command, from /usr/bin/time
CPU_FILE=$BENCH_TMP/sync-cpu.txt
timed() { /usr/bin/time -f '%U %S' -o "$CPU_FILE" "$@"; }
cpu() { awk '{ printf "%.3f", $1 + $2 }' "$CPU_FILE"; }

{
  echo "# sync benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null): $PAGES x $PER papers, pages of $PAGE_SIZE, $RUNS runs, server $SYSTEM"

  echo "## Baseline: buergerkiosk-ctl --db X import $DATA (the same data from files)"
  rates=(); cpu_rates=()
  for i in $(seq 1 "$RUNS"); do
    fresh
    t0=$(bench_time); timed "$CTL" --db "$DB" import "$DATA" >/dev/null 2>&1; rc=$?; t1=$(bench_time)
    rate=$(awk -v a="$t0" -v b="$t1" -v n="$N" 'BEGIN { printf "%.0f", n / (b - a) }')
    cpu_rate=$(awk -v c="$(cpu)" -v n="$N" 'BEGIN { printf "%.0f", n / c }')
    echo "run $i: $N papers in $(seconds "$t0" "$t1") s = $rate papers/s; $(cpu) s of CPU = $cpu_rate papers per CPU second (exit $rc)"
    rates+=("$rate"); cpu_rates+=("$cpu_rate")
  done
  printf 'RESULT sync.import_baseline.papers_per_s %.0f\n' "$(printf '%s\n' "${rates[@]}" | bench_median)"
  printf 'RESULT sync.import_baseline.papers_per_cpu_s %.0f\n' "$(printf '%s\n' "${cpu_rates[@]}" | bench_median)"

  echo "## Full sync: buergerkiosk-ctl --db X sync --no-texts URL, into an empty database"
  rates=(); cpu_rates=()
  for i in $(seq 1 "$RUNS"); do
    fresh
    control clear
    t0=$(bench_time); out=$(timed "$CTL" --db "$DB" sync --no-texts "$SYSTEM" 2>&1); rc=$?; t1=$(bench_time)
    rate=$(awk -v a="$t0" -v b="$t1" -v n="$N" 'BEGIN { printf "%.0f", n / (b - a) }')
    cpu_rate=$(awk -v c="$(cpu)" -v n="$N" 'BEGIN { printf "%.0f", n / c }')
    echo "run $i: $N papers in $(seconds "$t0" "$t1") s = $rate papers/s; the kiosk's side $(cpu) s of CPU = $cpu_rate papers per CPU second (exit $rc, $(requests) requests, $(sqlite3 "$DB" 'SELECT count(*) FROM paper') motions stored)"
    echo "  $out"
    rates+=("$rate"); cpu_rates+=("$cpu_rate")
  done
  printf 'RESULT sync.full.papers_per_s %.0f\n' "$(printf '%s\n' "${rates[@]}" | bench_median)"
  printf 'RESULT sync.full.papers_per_cpu_s %.0f\n' "$(printf '%s\n' "${cpu_rates[@]}" | bench_median)"

  echo "## Incremental sync with nothing changed (the database of the last full sync)"
  times=(); cpus=(); starts=()
  for i in $(seq 1 $((RUNS > 5 ? RUNS : 5))); do
    control clear
    t0=$(bench_time); timed "$CTL" --db "$DB" sync --no-texts "$SYSTEM" >/dev/null 2>&1; rc=$?; t1=$(bench_time)
    n=$(requests)
    # the process alone: start and stop (the shared libraries loaded)
    s0=$(bench_time); "$CTL" --db "$DB" --version >/dev/null 2>&1; s1=$(bench_time)
    echo "run $i: $(seconds "$t0" "$t1") s ($(cpu) s of CPU), $n requests for 5 lists (the body list and four of the body), exit $rc; buergerkiosk-ctl --version alone $(seconds "$s0" "$s1") s"
    times+=("$(seconds "$t0" "$t1")"); cpus+=("$(cpu)"); starts+=("$(seconds "$s0" "$s1")")
  done
  curl -s "$ORIGIN/_requests" | $PY -c 'import json, sys; [print("  GET", r["path"] + ("?" + r["query"] if r["query"] else "")) for r in json.load(sys.stdin) if not r["path"].startswith("/_")]'
  printf 'RESULT sync.incremental.s %.3f\n' "$(printf '%s\n' "${times[@]}" | bench_median)"
  printf 'RESULT sync.incremental.cpu_s %.3f\n' "$(printf '%s\n' "${cpus[@]}" | bench_median)"
  printf 'RESULT sync.incremental.process_start_s %.3f\n' "$(printf '%s\n' "${starts[@]}" | bench_median)"
  printf 'RESULT sync.incremental.requests_per_list %.1f\n' "$(awk -v n="$n" 'BEGIN { print n / 5 }')"

  echo "## The kiosk's main loop during a background sync (bench-sync-ui, Xvfb, GSK_RENDERER=cairo)"
  if [ "$BK_UI_BUILT" = 1 ] && [ -x "$BIN/bench-sync-ui" ]; then
    fresh
    stall_probe_start machine.sync_ui
    GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x1024x24" env BK_BENCH_FRAME_PHASES=45 \
      "$BIN/bench-sync-ui" "$DB" "$SYSTEM" 10 2>&1 \
      | grep -v -e '^Gtk-Message' -e 'Adwaita-DEBUG'
    stall_probe_stop
    # Baseline in the same run: without the kept shared-memory pool of
    # cairo's X11 frames (bk_renderer_keep_frame_pool), as before it.
    echo "## The same without the kept frame pool (the code before it)"
    fresh
    stall_probe_start machine.sync_ui_nopool
    BK_BENCH_NO_FRAME_POOL=1 BK_BENCH_FRAME_PHASES=45 GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x1024x24" \
      "$BIN/bench-sync-ui" "$DB" "$SYSTEM" 10 2>&1 \
      | grep -v -e '^Gtk-Message' -e 'Adwaita-DEBUG' | sed 's/sync_ui\./sync_ui_nopool./'
    stall_probe_stop
  else
    echo "(not run: the kiosk's UI did not build)"
  fi

  # The same under the compositor the kiosk is deployed with (cage, Wayland;
  # headless with its software renderer here): GTK draws into buffers it
  # keeps, where X11 with cairo uploads each frame through cairo's pool.
  # cage_run NAME [VAR=VALUE...]: one run, its results as sync_ui_NAME.*
  cage_run() {
    local name=$1 as_user=(); shift
    CAGE_DIR=$BENCH_TMP/sync-cage
    rm -rf "$CAGE_DIR"; mkdir -p "$CAGE_DIR/run"; chmod 700 "$CAGE_DIR/run"
    # cage refuses to run as root
    if [ "$(id -u)" = 0 ]; then
      chown -R nobody "$CAGE_DIR"
      as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    fi
    stall_probe_start "machine.sync_ui_$name"
    "${as_user[@]}" env -u DISPLAY -u WAYLAND_DISPLAY HOME="$CAGE_DIR" XDG_RUNTIME_DIR="$CAGE_DIR/run" \
      WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman GDK_BACKEND=wayland GSK_RENDERER=cairo \
      BK_BENCH_FRAME_PHASES=45 "$@" \
      cage -- "$BIN/bench-sync-ui" "$CAGE_DIR/sync.db" "$SYSTEM" 10 2>&1 \
      | grep -v -e '^Gtk-Message' -e 'Adwaita-DEBUG' -e '^[0-9:.]* \[' -e 'glamor' -e 'Wayland events' \
      | sed "s/sync_ui\./sync_ui_$name./"
    stall_probe_stop
    rm -rf "$CAGE_DIR"
  }
  echo "## The same under cage (Wayland, headless, pixman; GSK_RENDERER=cairo)"
  if [ "$BK_UI_BUILT" = 1 ] && [ -x "$BIN/bench-sync-ui" ] && command -v cage >/dev/null 2>&1; then
    cage_run cage
    # Baseline in the same run: the sync worker at nice 10 in the ordinary
    # class, as before bk_thread_enter_background (bk-thread.h).
    echo "## The same under cage, the sync worker at nice 10 (the code before)"
    cage_run cage_nice10 BK_BENCH_WORKER_NICE=10
  else
    echo "(not run: no cage, or the kiosk's UI did not build)"
  fi

  echo "## A misbehaving server: each way, after a good sync (exit status, check, message)"
  fresh
  "$CTL" --db "$DB" sync --no-texts "$SYSTEM" >/dev/null 2>&1
  ok=0; total=0
  for mode in loop repeat endless error500 error500:2 ratelimit:1 drop:2 slow:3 html truncated error-object \
              ignore-filter sdnet somacos allris id-prefix; do
    control "reset&mode=$mode"
    control "touch=$ORIGIN/oparl/v1/paper/7&name=Neu"
    url=$SYSTEM
    [ "$mode" = id-prefix ] && url=${SYSTEM/\/oparl\//\/ris\/oparl\/}
    out=$("$CTL" --db "$DB" sync --full --no-texts --timeout 2 --retries 2 --backoff-ms 50 --page-cap 500 "$url" 2>&1)
    rc=$?
    if "$CTL" --db "$DB" check >/dev/null 2>&1; then check=passes; ok=$((ok + 1)); else check=FAILS; fi
    total=$((total + 1))
    printf '%-14s exit %d, check %s: %s\n' "$mode" "$rc" "$check" "$(echo "$out" | tail -1)"
  done
  control reset
  echo "RESULT sync.misbehaving.checks_passed $ok"
  echo "RESULT sync.misbehaving.cases $total"
} 2>&1 | tee "$RESULTS/sync.txt"
fresh
