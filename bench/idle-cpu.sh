#!/usr/bin/env bash
# bench/idle-cpu.sh [--quick] [RUNS]      (defaults: 60 s, 3 runs)
#
# CPU time the kiosk uses while nobody touches it (Green IT: an idle kiosk
# must not wake up periodically). Under tests/ui/gui-run.sh (Xvfb, session
# bus, AT-SPI bus) each program is started, waited for until its window is
# mapped (xdotool), left 5 s to settle, and then its utime+stime from
# /proc/PID/stat is read before and after DURATION idle seconds. Taking turns
# run by run:
#   kiosk   $BUILD/src/buergerkiosk --windowed --speech-output=memory on a fresh
#           demo database, showing the start page
#   hello   bench-hello: a bare libadwaita window with the same home content
#   sleep   sleep: the floor of the measurement itself (0)
# --quick measures 10 s instead of 60. The median of the runs is printed
# in ms per DURATION; results go to bench/results/idle-cpu.txt.
#
# The kiosk and bench-hello come from bench/build.sh (BK_BENCH_BUILD).
set -uo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$BENCH/.." && pwd)
DURATION=60
if [ "${1:-}" = "--quick" ]; then DURATION=10; shift; fi
RUNS=${1:-3}

if [ -n "${_BK_IDLE_INNER:-}" ]; then
  # ---- inside gui-run.sh ----------------------------------------------------
  hz=$(getconf CLK_TCK)
  cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }
  measure() {   # NAME COMMAND...
    local name=$1; shift
    "$@" >"$WORK/$name.log" 2>&1 &
    local pid=$!
    if [ "$name" != sleep ]; then
      timeout 60 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1 \
        || { echo "$name: no window appeared" >&2; kill "$pid"; wait "$pid" 2>/dev/null; return 1; }
    fi
    sleep 5
    local before after
    before=$(cpu_ticks "$pid") || return 1
    sleep "$DURATION"
    after=$(cpu_ticks "$pid")
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    echo "$name $(( (after - before) * 1000 / hz ))"
  }
  for run in $(seq "$RUNS"); do
    rm -f "$WORK/kiosk.db"
    measure kiosk "$BUILD/src/buergerkiosk" --windowed --speech-output=memory --db "$WORK/kiosk.db"
    [ -x "$WORK/bench-hello" ] && measure hello "$WORK/bench-hello"
    measure sleep sleep $((DURATION + 10))
  done
  exit 0
fi

# ---- outside: build, run, summarise ------------------------------------------
# shellcheck source=build.sh
. "$BENCH/build.sh"
bench_build || exit 1
[ "$BK_UI_BUILT" = 1 ] || { bench_log "the kiosk does not build right now"; exit 1; }
command -v xdotool >/dev/null || { echo "needs xdotool (apt-get install xdotool)" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bk-idle-cpu.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
[ -x "$BIN/bench-hello" ] && cp "$BIN/bench-hello" "$WORK/bench-hello"

raw=$(BUILD=$BUILD WORK=$WORK RUNS=$RUNS DURATION=$DURATION _BK_IDLE_INNER=1 \
      GSETTINGS_SCHEMA_DIR=$BUILD/data GSETTINGS_BACKEND=memory GSK_RENDERER=cairo LANGUAGE=en \
      GUI_RUN_TIMEOUT=$(( RUNS * (3 * DURATION + 120) )) \
      "$SRC/tests/ui/gui-run.sh" "$BENCH/idle-cpu.sh" $([ "$DURATION" = 10 ] && echo --quick) "$RUNS")
{
  echo "# idle CPU, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# CPU time (utime+stime) over $DURATION idle seconds, $RUNS runs; ms: median (all runs)"
  for name in kiosk hello sleep; do
    values=$(printf '%s\n' "$raw" | awk -v n="$name" '$1 == n { print $2 }' | sort -n)
    [ -n "$values" ] || continue
    count=$(printf '%s\n' "$values" | wc -l)
    median=$(printf '%s\n' "$values" | sed -n "$(( (count + 1) / 2 ))p")
    printf '%-6s %6s ms   (%s)\n' "$name" "$median" "$(echo $values | tr ' ' ',')"
  done
} | tee "$RESULTS/idle-cpu.txt"
