#!/usr/bin/env bash
# bench/import.sh [PAGES] [PER_PAGE] [TEXTS] [RUNS]     (defaults 20 500 2000 3)
#
# OParl import: PAGES list pages of PER_PAGE papers (consultations referring to
# organizations and meetings of other files), imported
#   - in process, bk_import_file on every file (each in its own transaction),
#   - in process, only the first paper page, which reaches the rest by links.next,
#   - end to end, `buergerkiosk-ctl --db X import DIR` (the folder in one transaction),
#   - end to end, the same folder with pages chained by links.next.
# Text import: TEXTS motion texts in the three layouts of data/demo/motions,
#   - in process, bk_text_parser_parse over all of them (5 runs or more),
#   - end to end, `buergerkiosk-ctl --db X import FILES…`.
# Each run starts from an empty database. Quick run: import.sh 4 250 300 2
# Output: bench/results/import.txt.
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
PAGES=${1:-20}; PER=${2:-500}; TEXTS=${3:-2000}; RUNS=${4:-3}
PARSE_RUNS=$(( RUNS > 5 ? RUNS : 5 ))
bench_build || exit 1
CTL=$BUILD/src/buergerkiosk-ctl
FLAT=$BENCH_TMP/oparl-$PAGES-$PER
CHAIN=$BENCH_TMP/oparl-$PAGES-$PER-chain
TXT=$BENCH_TMP/texts-$TEXTS
DB=$BENCH_TMP/import.db
rm -rf "$FLAT" "$CHAIN" "$TXT"
"$BIN/bench-gen" oparl "$FLAT" "$PAGES" "$PER" >&2 || exit 1
"$BIN/bench-gen" oparl "$CHAIN" "$PAGES" "$PER" chain >&2 || exit 1
"$BIN/bench-gen" texts "$TXT" "$TEXTS" >&2 || exit 1

fresh() { rm -f "$DB" "$DB-wal" "$DB-shm"; }

# ctl_runs LABEL UNIT COUNT ARGS…: times `buergerkiosk-ctl --db $DB import ARGS…` RUNS times
ctl_runs() {
  local label=$1 unit=$2 count=$3; shift 3
  local rates=() i t0 t1 rate rc
  for i in $(seq 1 "$RUNS"); do
    fresh
    t0=$(bench_time)
    "$CTL" --db "$DB" import "$@" >/dev/null 2>"$BENCH_TMP/ctl.err"; rc=$?
    t1=$(bench_time)
    rate=$(awk -v a="$t0" -v b="$t1" -v n="$count" 'BEGIN { printf "%.1f", n / (b - a) }')
    printf 'run %d: %d %s in %.3f s = %.0f %s/s (exit %d, %s motions stored)\n' "$i" "$count" "$unit" \
      "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$rate" "$unit" "$rc" \
      "$(sqlite3 "$DB" 'SELECT count(*) FROM paper' 2>/dev/null)"
    [ "$rc" = 0 ] || head -3 "$BENCH_TMP/ctl.err"
    rates+=("$rate")
  done
  printf 'RESULT %s.per_s %.0f\n' "$label" "$(printf '%s\n' "${rates[@]}" | bench_median)"
}

{
  echo "# import benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null): $PAGES pages x $PER papers, $TEXTS texts, $RUNS runs"
  echo "## OParl, in process: bk_import_file on each file of $FLAT"
  "$BIN/bench-import" oparl "$FLAT" "$RUNS" "$DB"
  echo "## OParl, in process: bk_import_file on the first paper page, the rest by links.next"
  "$BIN/bench-import" oparl-chain "$CHAIN" "$RUNS" "$DB"
  echo "## OParl, end to end: buergerkiosk-ctl --db X import $FLAT"
  ctl_runs import.ctl_folder papers $((PAGES * PER)) "$FLAT"
  echo "## OParl, end to end: buergerkiosk-ctl --db X import $CHAIN (pages chained by links.next)"
  ctl_runs import.ctl_folder_chain papers $((PAGES * PER)) "$CHAIN"
  echo "## Text, in process: bk_text_parser_parse over $TXT"
  "$BIN/bench-import" parse "$TXT" "$PARSE_RUNS"
  echo "## Text, end to end: buergerkiosk-ctl --db X import $TXT/* (one transaction per file)"
  ctl_runs import.ctl_text files "$TEXTS" "$TXT"/*
} 2>&1 | tee "$RESULTS/import.txt"
fresh
