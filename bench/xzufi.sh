#!/usr/bin/env bash
# bench/xzufi.sh [SERVICES] [RESPONSIBILITIES] [RUNS]     (defaults 5000 20000 5)
#
# XZuFi import: one message with SERVICES services and offices in 200 towns
# with RESPONSIBILITIES Zuständigkeiten (bench-xzufi.c), imported
#   - in process, bk_xzufi_import_data in one transaction into an empty database,
#   - in process, the same message again (nothing changes),
#   - in process, the same services as the kiosk's JSON (the baseline, same run),
#   - end to end, `buergerkiosk-ctl --db X import FILE.xml`.
# Each run starts from an empty database. Quick run: xzufi.sh 500 2000 1
# Output: bench/results/xzufi.txt.
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
SERVICES=${1:-5000}; RESP=${2:-20000}; RUNS=${3:-5}
bench_build || exit 1
CTL=$BUILD/src/buergerkiosk-ctl
DB=$BENCH_TMP/xzufi.db
XML=$BENCH_TMP/xzufi-$SERVICES-$RESP.xml

fresh() { rm -f "$DB" "$DB-wal" "$DB-shm"; }

{
  echo "# XZuFi import benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null): $SERVICES services, $RESP responsibilities, $RUNS runs"
  echo "## in process: bk_xzufi_import_data, the same again, and the JSON baseline"
  "$BIN/bench-xzufi" "$SERVICES" "$RESP" "$RUNS" "$DB" "$XML"
  echo "## end to end: buergerkiosk-ctl --db X import $XML"
  rates=()
  for i in $(seq 1 "$RUNS"); do
    fresh
    t0=$(bench_time)
    "$CTL" --db "$DB" import "$XML" >/dev/null 2>"$BENCH_TMP/ctl.err"; rc=$?
    t1=$(bench_time)
    rate=$(awk -v a="$t0" -v b="$t1" -v n="$SERVICES" 'BEGIN { printf "%.1f", n / (b - a) }')
    printf 'run %d: %d services in %.3f s = %.0f services/s (exit %d)\n' "$i" "$SERVICES" \
      "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$rate" "$rc"
    [ "$rc" = 0 ] || head -3 "$BENCH_TMP/ctl.err"
    rates+=("$rate")
  done
  printf 'RESULT xzufi.ctl_per_s %.0f\n' "$(printf '%s\n' "${rates[@]}" | bench_median)"
} 2>&1 | tee "$RESULTS/xzufi.txt"
fresh
rm -f "$XML"
