#!/usr/bin/env bash
# bench/fuzz.sh [SECONDS] [TARGET…]     (defaults 3600, every target)
#
# Every libFuzzer target for SECONDS each, one after the other, with clang's
# -fsanitize=fuzzer,address,undefined, built by tests/fuzz/run-fuzz.sh (the
# same script as the short runs of the test suite):
#   text-parser html-text pdf-text   papers: text, HTML pages, text as
#                                    poppler gives it (tests/parser)
#   oparl                            OParl files (tests/oparl)
#   xzufi oparl-http fit-connect     XZuFi messages, OParl server answers,
#                                    FIT-Connect answers (tests/fuzz)
# The corpora grow in $BENCH_TMP/fuzz (kept between runs, so an hour today
# goes on from yesterday's). A crash, leak, sanitizer report or timeout stops
# that target; the input is left as crash-*/leak-*/timeout-* in its work
# directory: copy it into tests/fuzz/regressions/TARGET (the short runs replay
# those) and fix the cause. Quick run: fuzz.sh 120
# Output: bench/results/fuzz.txt: per target executions, executions per
# second, coverage (cov: edges, ft: features) and corpus size, from
# libFuzzer's last status line; the logs in $BENCH_TMP/fuzz/TARGET.log.
# No meson build is needed: clang compiles the sources itself.
# Beside other work: nice 19 at most, never the idle class (chrt -i): libFuzzer's
# 10-second timeout counts the time a starved target waits for a CPU.
set -uo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$BENCH/.." && pwd)
SECS=${1:-3600}; shift || true
TARGETS=${*:-text-parser html-text pdf-text oparl xzufi oparl-http fit-connect}
WORK=${BENCH_TMP:-/tmp/bk-bench}/fuzz
RESULTS=${BENCH_RESULTS:-$BENCH/results}
mkdir -p "$WORK" "$RESULTS"
command -v clang >/dev/null || { echo "fuzz.sh: needs clang and libclang-rt-14-dev" >&2; exit 1; }

run_target() {
  local t=$1
  "$SRC/tests/fuzz/run-fuzz.sh" "$SRC" "$WORK" "$SECS" "$t"
}

status=0
{
  echo "# fuzzing, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), $SECS s per target; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-12s %6s %12s %8s %7s %8s %7s  %s\n' target rc executions "exec/s" "cov" "ft" corpus result
  for t in $TARGETS; do
    log=$WORK/$t.log
    run_target "$t" >"$log" 2>&1
    rc=$?
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
    [ -n "$done_line" ] || done_line=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1)
    execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$done_line")
    eps=$(grep -o 'exec/s: [0-9]*' <<<"$done_line" | cut -d' ' -f2)
    cov=$(grep -o 'cov: [0-9]*' <<<"$done_line" | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' <<<"$done_line" | cut -d' ' -f2)
    corp=$(grep -o 'corp: [0-9]*' <<<"$done_line" | cut -d' ' -f2)
    case $rc in
      0) result=clean ;;
      77) result=skipped ;;
      *) result="FINDING, see $log"; status=1 ;;
    esac
    printf '%-12s %6s %12s %8s %7s %8s %7s  %s\n' "$t" "$rc" "${execs:--}" "${eps:--}" "${cov:--}" "${ft:--}" "${corp:--}" "$result"
    echo "RESULT fuzz.$t.rc $rc"
    [ -n "$execs" ] && echo "RESULT fuzz.$t.executions $execs"
    [ -n "$eps" ] && echo "RESULT fuzz.$t.exec_per_s $eps"
    [ -n "$cov" ] && echo "RESULT fuzz.$t.cov $cov"
    [ -n "$ft" ] && echo "RESULT fuzz.$t.ft $ft"
  done
  echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit $status
} | tee "$RESULTS/fuzz.txt"
exit "${PIPESTATUS[0]}"
