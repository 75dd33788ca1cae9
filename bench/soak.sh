#!/usr/bin/env bash
# bench/soak.sh [MINUTES] [WARMUP_MINUTES]     (defaults 30 5)
#
# The real kiosk (release build, bench/build.sh) on its demo content, --kiosk at
# 1280x800 under a private Xvfb, session bus and accessibility bus
# (tests/ui/gui-run.sh), driven by X key events through every page, the language
# change, a form to its receipt, read-aloud and the idle reset, again and again
# for MINUTES (soak.py). Samples RSS and open fds every SOAK_INTERVAL seconds
# (default 5) and fails when RSS grew by 5 % or more after the warm-up, the fds
# changed, or the kiosk wrote a warning. Quick run: soak.sh 5 1
# Needs xvfb, xauth, dbus, at-spi2-core and python3-xlib (XTest).
# Output: bench/results/soak.txt (samples: soak.raw, "seconds rss_kB fds").
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
MINUTES=${1:-30}; WARMUP=${2:-5}
bench_build || exit 1
[ "$BK_UI_BUILT" = 1 ] || { bench_log "the kiosk does not build right now"; exit 1; }
$PY -c 'import Xlib.ext.xtest' 2>/dev/null || { bench_log "needs python3-xlib: apt-get install python3-xlib"; exit 1; }
DB=$BENCH_TMP/soak.db
rm -f "$DB" "$DB-wal" "$DB-shm"
{
  echo "# soak, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $MINUTES min, warm-up $WARMUP min; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  env -u GSK_RENDERER -u G_DEBUG GSETTINGS_BACKEND=memory GUI_RUN_SIZE=1280x800x24 \
    GUI_RUN_TIMEOUT=$(( (${MINUTES%.*} + 10) * 60 )) \
    "$SRC/tests/ui/gui-run.sh" $PY "$BENCH/soak.py" \
      --kiosk "GSETTINGS_SCHEMA_DIR=$BUILD/data $BUILD/src/buergerkiosk" --db "$DB" \
      --minutes "$MINUTES" --warmup "$WARMUP" --interval "${SOAK_INTERVAL:-5}" --raw "$RESULTS/soak.raw" 2>&1
  rc=$?
  echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit $rc
} | tee "$RESULTS/soak.txt"
exit "${PIPESTATUS[0]}"
