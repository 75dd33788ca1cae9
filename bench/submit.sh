#!/usr/bin/env bash
# bench/submit.sh [PRELOAD] [COMMITS] [ROUNDS]     (defaults 100000 1000 3)
#
# Commit time of bk_store_add_submission (one transaction per submission, as
# the kiosk makes them) with PRELOAD submissions already stored, synchronous
# FULL (what the store runs) and NORMAL (for comparison), taking turns for
# ROUNDS rounds of COMMITS each. Quick run: submit.sh 5000 200 1
# Output: bench/results/submit.txt (the figures are the RESULT lines of the
# last round; every round's lines are kept).
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
P=${1:-100000}; N=${2:-1000}; R=${3:-3}
bench_build || exit 1
DB=$BENCH_TMP/submissions-$P.db
rm -f "$DB" "$DB-wal" "$DB-shm"
{
  echo "# submission commit benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $(nproc) cores, $(df -T "$BENCH_TMP" | awk 'NR==2 {print $2}') on $BENCH_TMP"
  for r in $(seq 1 "$R"); do
    for mode in full normal; do
      echo "# round $r, $mode"
      "$BIN/bench-submit" commit "$DB" "$P" "$N" "$mode" || exit 1
    done
  done
} > "$RESULTS/submit.tmp"
status=$?
# medians over the rounds, as RESULT lines
{
  grep -v '^RESULT' "$RESULTS/submit.tmp"
  grep '^RESULT' "$RESULTS/submit.tmp" | sed 's/^RESULT/round/'
  for key in $(grep '^RESULT' "$RESULTS/submit.tmp" | awk '{print $2}' | sort -u); do
    echo "RESULT $key $(grep "^RESULT $key " "$RESULTS/submit.tmp" | awk '{print $3}' | bench_median)"
  done
} | tee "$RESULTS/submit.txt"
rm -f "$RESULTS/submit.tmp"
exit $status
