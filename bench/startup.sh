#!/usr/bin/env bash
# bench/startup.sh [RUNS] [MOTIONS]     (defaults 7 1000)
#
# Time from exec to the first mapped window and to its first painted frame, under
# Xvfb (1280x1024, no window manager) with a private D-Bus session bus, for
#   kiosk      build/src/buergerkiosk --db <MOTIONS generated motions>, its own
#              renderer choice (src/ui/shell/bk-renderer.c; here: no GPU, so cairo
#              without GL)
#   kiosk-gl   the same with GSK_RENDERER=gl: what GTK picks by itself (llvmpipe here)
#   kiosk-cairo  the same with GSK_RENDERER=cairo: cairo, but GL still loaded
#   kiosk100k  the kiosk with 100 000 motions (skipped when MOTIONS_LARGE=0)
#   hello      bench-hello: a bare libadwaita window with the same home content
#              (the toolkit's floor), cairo without GL like the kiosk
#   chromium   Chromium in kiosk mode showing bench/home.html, the same home content
#   before     STARTUP_BEFORE=PATH: another kiosk binary (e.g. a copy of an earlier
#              build's src/buergerkiosk, kept inside that build folder so that it
#              finds its catalogues), the same way as kiosk
# taking turns run by run; STARTUP_LABELS="kiosk before chromium" measures only
# those. Needs python3-xlib and chromium (apt-get install
# python3-xlib chromium); without chromium its line is left out.
# Quick run: startup.sh 3
# Output: bench/results/startup.txt.
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
RUNS=${1:-7}; N=${2:-1000}; LARGE=${MOTIONS_LARGE:-100000}
bench_build || exit 1
[ "$BK_UI_BUILT" = 1 ] || { bench_log "the kiosk does not build right now"; exit 1; }
$PY -c 'import Xlib' 2>/dev/null || { bench_log "needs python3-xlib: apt-get install python3-xlib"; exit 1; }
DB=$(bench_db "$N") || exit 1
cmds=(--cmd kiosk "$BUILD/src/buergerkiosk --db $BENCH_TMP/startup.db"
      --cmd kiosk-gl "env GSK_RENDERER=gl $BUILD/src/buergerkiosk --db $BENCH_TMP/startup.db"
      --cmd kiosk-cairo "env GSK_RENDERER=cairo $BUILD/src/buergerkiosk --db $BENCH_TMP/startup.db")
cp "$DB" "$BENCH_TMP/startup.db"
if [ "$LARGE" != 0 ]; then
  DB_LARGE=$(bench_db "$LARGE") || exit 1
  cp "$DB_LARGE" "$BENCH_TMP/startup-large.db"
  cmds+=(--cmd kiosk100k "$BUILD/src/buergerkiosk --db $BENCH_TMP/startup-large.db")
fi
[ -n "${STARTUP_BEFORE:-}" ] && cmds+=(--cmd before "$STARTUP_BEFORE --db $BENCH_TMP/startup.db")
cmds+=(--cmd hello "env GSK_RENDERER=cairo GDK_DEBUG=gl-disable $BIN/bench-hello")
if command -v chromium >/dev/null; then
  cmds+=(--cmd chromium "chromium --kiosk --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --password-store=basic --user-data-dir={TMPDIR} file://$BENCH/home.html")
else
  bench_log "chromium is not installed (apt-get install chromium): measuring the kiosk alone"
fi
if [ -n "${STARTUP_LABELS:-}" ]; then
  picked=()
  for ((i = 0; i < ${#cmds[@]}; i += 3)); do
    [[ " $STARTUP_LABELS " == *" ${cmds[i+1]} "* ]] && picked+=("${cmds[@]:i:3}")
  done
  cmds=("${picked[@]}")
fi
{
  echo "# start-up benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null): $RUNS runs each, kiosk over $N motions"
  GSETTINGS_SCHEMA_DIR=$BUILD/data GSETTINGS_BACKEND=memory GDK_BACKEND=x11 \
    xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
    $PY "$BENCH/startup.py" --runs "$RUNS" "${cmds[@]}" 2>&1 \
    | grep -v -e '^dbus-daemon' -e 'SpiRegistry daemon'
} | tee "$RESULTS/startup.txt"
rm -f "$BENCH_TMP"/startup.db* "$BENCH_TMP"/startup-large.db*
