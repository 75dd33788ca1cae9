#!/usr/bin/env bash
# bench/list-memory.sh [SMALL] [LARGE] [STEP_PAGES]     (defaults 1000 100000 1)
#
# Memory of the kiosk's motion list page (bench-list: BkMotionListPage, its
# GtkListView over BkMotionListModel and BkMotionRow rows) scrolled from top to
# bottom, STEP_PAGES page heights per frame, over SMALL and then LARGE generated
# motions, under Xvfb (1280x1024) with GSK_RENDERER=cairo. The figure is the
# difference of the RSS at the end (and of the peaks) between the two.
# Quick run: list-memory.sh 1000 20000 5
# Output: bench/results/list-memory.txt.
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
SMALL=${1:-1000}; LARGE=${2:-100000}; STEP=${3:-1}
bench_build || exit 1
[ "$BK_LIST_BUILT" = 1 ] || { bench_log "bench-list is not built (the UI does not build?)"; exit 1; }
DB_SMALL=$(bench_db "$SMALL") || exit 1
DB_LARGE=$(bench_db "$LARGE") || exit 1

run_list() {
  # a copy, so that the store opening it read-write leaves the shared one alone
  local db=$BENCH_TMP/list-run.db
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$1" "$db"
  GSK_RENDERER=cairo GDK_BACKEND=x11 NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory \
    xvfb-run -a -s "-screen 0 1280x1024x24" "$BIN/bench-list" "$db" "$STEP" 2>&1 \
    | grep -v -e 'Unable to acquire session bus' -e '^$'
  rm -f "$db" "$db-wal" "$db-shm"
}

{
  echo "# list memory benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null): $SMALL vs $LARGE motions, $STEP page(s) per step"
  echo "## $SMALL motions"
  run_list "$DB_SMALL" | sed 's/RESULT list\./RESULT list.small./'
  echo "## $LARGE motions"
  run_list "$DB_LARGE" | sed 's/RESULT list\./RESULT list.large./'
} | tee "$RESULTS/list-memory.txt"
awk '/^RESULT list.small.rss_end_mb/ {s=$3} /^RESULT list.large.rss_end_mb/ {l=$3}
     /^RESULT list.small.rss_peak_mb/ {sp=$3} /^RESULT list.large.rss_peak_mb/ {lp=$3}
     END { printf "RESULT list.diff_end_mb %.1f\nRESULT list.diff_peak_mb %.1f\n", l - s, lp - sp }' \
  "$RESULTS/list-memory.txt" | tee -a "$RESULTS/list-memory.txt"
