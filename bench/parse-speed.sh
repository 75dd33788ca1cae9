#!/usr/bin/env bash
# bench/parse-speed.sh [TEXTS] [RUNS] [PDF_RUNS]      (defaults 2000 7 11)
#
# How fast papers are read, against a baseline measured in the same run:
#   - texts: bk_text_parser_parse over TEXTS generated motion texts (the three
#     layouts of data/demo/motions) and over the parser fixtures (every
#     layout the reader knows), RUNS times, taking turns with the same
#     program built against the parser of BK_BASELINE_REF (default: the
#     commit this branch started from), files/s as the median;
#   - PDF: a 20-page paper with a text layer, bk_paper_read_data PDF_RUNS
#     times (median), against poppler's own pdftotext on the same file.
# Output: bench/results/parse-speed.txt (RESULT lines).
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
TEXTS=${1:-2000}; RUNS=${2:-7}; PDF_RUNS=${3:-11}
BASE_REF=${BK_BASELINE_REF:-8b7f998}
bench_build || exit 1
OUT=$RESULTS/parse-speed.txt
TXT=$BENCH_TMP/parse-texts-$TEXTS
FIX=$BENCH_TMP/parse-fixtures
PDF=$BENCH_TMP/paper-20.pdf
BASE_SRC=$BENCH_TMP/baseline-src
BASE_BUILD=$BENCH_TMP/build-baseline

# the baseline: the parser of BASE_REF, built alike, with the same bench program
if [ ! -f "$BASE_BUILD/src/core/libbkcore.a" ] || [ "$(cat "$BASE_BUILD.ref" 2>/dev/null)" != "$BASE_REF" ]; then
  rm -rf "$BASE_SRC" "$BASE_BUILD"
  mkdir -p "$BASE_SRC"
  git -C "$SRC" archive "$BASE_REF" | tar -x -C "$BASE_SRC" || exit 1
  meson setup "$BASE_BUILD" "$BASE_SRC" -Dbuildtype=release -Dtests=false >"$BASE_BUILD.log" 2>&1 \
    && ninja -C "$BASE_BUILD" src/core/libbkcore.a >>"$BASE_BUILD.log" 2>&1 \
    || { bench_log "baseline does not build, see $BASE_BUILD.log"; exit 1; }
  echo "$BASE_REF" >"$BASE_BUILD.ref"
fi
# shellcheck disable=SC2046,SC2086
cc -O2 -g -std=gnu11 -Wall -Wno-unused-parameter -I"$BENCH" $(find "$BASE_SRC/src/core" -type d -printf '-I%p ') \
  -I"$BASE_BUILD" -I"$BASE_BUILD/src/core" $(pkg-config --cflags glib-2.0 gio-2.0 json-glib-1.0 sqlite3) \
  -o "$BIN/bench-import-baseline" "$BENCH/bench-import.c" "$BENCH/bench-gen.c" \
  "$BASE_BUILD/src/core/libbkcore.a" $(pkg-config --libs glib-2.0 gio-2.0 gobject-2.0 json-glib-1.0 sqlite3 libsodium) -lstemmer -lm \
  2>"$BIN/bench-import-baseline.log" || { bench_log "baseline bench does not build"; cat "$BIN/bench-import-baseline.log" >&2; exit 1; }

rm -rf "$TXT" "$FIX"
"$BIN/bench-gen" texts "$TXT" "$TEXTS" >&2 || exit 1
mkdir -p "$FIX"
cp "$SRC"/tests/parser/fixtures/*.txt "$SRC"/tests/parser/fixtures/*.md "$FIX/"
"$BIN/bench-pdf" make "$PDF" 20 >&2 || exit 1

# alternate: one run of each in turn, so that both see the same machine load
turns() {
  local label=$1 dir=$2 i
  for i in $(seq 1 "$RUNS"); do
    "$BIN/bench-import" parse "$dir" 1 | sed -n "s/^RESULT parse.files_per_s /$label.new /p"
    "$BIN/bench-import-baseline" parse "$dir" 1 | sed -n "s/^RESULT parse.files_per_s /$label.baseline /p"
  done
}

{
  echo "# parse-speed, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), baseline $BASE_REF"
  echo "# machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "## texts: $TEXTS generated ($TXT), $RUNS runs each, alternating"
  turns texts "$TXT" | tee "$BENCH_TMP/texts.runs"
  for v in new baseline; do
    printf 'RESULT parse.texts.%s.files_per_s %s\n' "$v" \
      "$(awk -v v="texts.$v" '$1 == v { print $2 }' "$BENCH_TMP/texts.runs" | bench_median)"
  done
  echo "## fixtures: $(ls "$FIX" | wc -l) files of every layout, $RUNS runs each, alternating"
  turns fixtures "$FIX" | tee "$BENCH_TMP/fixtures.runs"
  for v in new baseline; do
    printf 'RESULT parse.fixtures.%s.files_per_s %s\n' "$v" \
      "$(awk -v v="fixtures.$v" '$1 == v { print $2 }' "$BENCH_TMP/fixtures.runs" | bench_median)"
  done
  echo "## PDF: 20 pages with a text layer, $PDF_RUNS runs"
  "$BIN/bench-pdf" read "$PDF" "$PDF_RUNS"
  echo "## baseline: pdftotext (poppler-utils) on the same file, $PDF_RUNS runs"
  for i in $(seq 1 "$PDF_RUNS"); do
    t0=$(bench_time); pdftotext "$PDF" - >/dev/null; t1=$(bench_time)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
  done | tee "$BENCH_TMP/pdftotext.runs"
  printf 'RESULT pdf.pdftotext_median_s %s\n' "$(bench_median <"$BENCH_TMP/pdftotext.runs")"
} | tee "$OUT"
