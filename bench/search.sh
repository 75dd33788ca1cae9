#!/usr/bin/env bash
# bench/search.sh [MOTIONS] [QUERIES] [ROUNDS]     (defaults 100000 250 3)
#
# Search latency of bk_store_search over MOTIONS generated motions against a LIKE
# scan of the same database, same queries, same run. Quick run: search.sh 5000 200 1
# Output: bench/results/search.txt (the figures are the RESULT lines).
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
N=${1:-100000}; Q=${2:-250}; R=${3:-3}
bench_build || exit 1
DB=$(bench_db "$N") || exit 1
# the benchmark opens the store read-only, as the kiosk reads it; a stale WAL
# from a writer would be read too, so checkpoint it away first
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null 2>&1
{
  echo "# search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $N motions, $Q queries, $R rounds"
  "$BIN/bench-search" "$DB" "$Q" "$R"
} | tee "$RESULTS/search.txt"
exit "${PIPESTATUS[0]}"
