#!/usr/bin/env bash
# bench/kill9.sh [RUNS]     (default 200)
#
# Crash safety of submissions: RUNS times, a writer (bench-submit writer)
# submits in a loop and prints each reference after bk_store_add_submission
# returned it, and is killed with SIGKILL after a random 20–400 ms. After each
# kill `buergerkiosk-ctl check` must pass; at the end every printed (complete)
# reference must be in the database. Quick run: kill9.sh 20
# Output: bench/results/kill9.txt
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
RUNS=${1:-200}
bench_build || exit 1
CTL=$BUILD/src/buergerkiosk-ctl
DB=$BENCH_TMP/kill9.db
REFS=$BENCH_TMP/kill9.refs
rm -f "$DB" "$DB-wal" "$DB-shm" "$REFS"
: > "$REFS"
check_failures=0
killed=0
cut=0
RANDOM=${BENCH_SEED:-9}
for run in $(seq 1 "$RUNS"); do
  out=$BENCH_TMP/kill9.run
  "$BIN/bench-submit" writer "$DB" > "$out" 2>"$BENCH_TMP/kill9.err" &
  pid=$!
  sleep "0.$(printf '%03d' $((20 + RANDOM % 381)))"
  if kill -KILL "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null
  # a reference cut off by the kill (no newline yet) was never acknowledged
  if [ -s "$out" ] && [ -n "$(tail -c1 "$out")" ]; then
    cut=$((cut + 1))
    head -n -1 "$out" >> "$REFS"
  else
    cat "$out" >> "$REFS"
  fi
  if ! "$CTL" --db "$DB" check > /dev/null 2>"$BENCH_TMP/kill9.check"; then
    check_failures=$((check_failures + 1))
    bench_log "run $run: check failed: $(cat "$BENCH_TMP/kill9.check")"
  fi
done
{
  echo "# kill -9 test, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $RUNS runs, $(df -T "$BENCH_TMP" | awk 'NR==2 {print $2}') on $BENCH_TMP"
  echo "RESULT kill9_runs $RUNS"
  echo "RESULT kill9_killed $killed"
  echo "RESULT kill9_cut_lines $cut"
  echo "RESULT kill9_check_failures $check_failures"
  "$BIN/bench-submit" verify "$DB" "$REFS"
} | tee "$RESULTS/kill9.txt"
[ "${PIPESTATUS[0]}" = 0 ] && [ "$check_failures" = 0 ]
