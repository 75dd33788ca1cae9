#!/usr/bin/env bash
# bench/page-cpu.sh [ROUNDS]     (default 5)
#
# Where a page switch spends the kiosk's CPU, page by page (bench-pages.c): the
# page's own work, GTK's measuring of the window, the frame (layout, paint),
# and the labels that cost most to measure. CPU time of the main thread, not
# the wall clock, so the load of a shared machine matters less than for
# page-switch.sh. Under a private Xvfb at 1280x800 with GSK_RENDERER=cairo.
# Output: bench/results/page-cpu.txt.
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
ROUNDS=${1:-5}
bench_build || exit 1
[ -x "$BIN/bench-pages" ] || { bench_log "bench-pages is not built"; exit 1; }
{
  echo "# page-cpu benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $ROUNDS rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  GSK_RENDERER=cairo GSETTINGS_SCHEMA_DIR=$BUILD/data GSETTINGS_BACKEND=memory GUI_RUN_TIMEOUT=1800 \
    "$SRC/tests/ui/gui-run.sh" "$BIN/bench-pages" "$ROUNDS" 2>&1
} | tee "$RESULTS/page-cpu.txt"
