#!/usr/bin/env bash
# bench/run-all.sh [--quick]
#
# Builds (release, in $BK_BENCH_BUILD, default /tmp/build-bench), runs every
# benchmark with the sizes the issue asks for and writes the figures into the
# tables of bench/README.md (bench/summarize.py --update-readme). Raw output:
# bench/results/*.txt. Takes 15–25 minutes on 2 cores, most of it generating
# 100 000 motions once (kept in $BENCH_TMP, default /tmp/bk-bench, ~1.2 GB) and
# scrolling through them. --quick: small sizes, a few minutes, README untouched.
# Needs: the build dependencies, xvfb, python3-xlib, chromium (apt-get install
# xvfb python3-xlib chromium); benchmarks whose parts are missing are reported
# as not measured.
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=build.sh
. "$HERE/build.sh"
bench_build || exit 1
status=0
if [ "${1:-}" = "--quick" ]; then
  export BENCH_RESULTS=$BENCH_TMP/results-quick
  mkdir -p "$BENCH_RESULTS"
  bash "$HERE/search.sh" 5000 200 1 || status=1
  bash "$HERE/import.sh" 4 250 300 2 || status=1
  bash "$HERE/list-memory.sh" 1000 5000 3 || status=1
  MOTIONS_LARGE=0 bash "$HERE/startup.sh" 3 || status=1
  bash "$HERE/submit.sh" 5000 200 1 || status=1
  bash "$HERE/kill9.sh" 20 || status=1
  bash "$HERE/outbox.sh" 20 100 10 || status=1
  bash "$HERE/xzufi.sh" 500 2000 1 || status=1
  bash "$HERE/sync.sh" 4 250 100 1 || status=1
  $PY "$HERE/summarize.py"
else
  bash "$HERE/search.sh" 100000 250 3 || status=1
  bash "$HERE/import.sh" 20 500 2000 3 || status=1
  bash "$HERE/list-memory.sh" 1000 100000 1 || status=1
  bash "$HERE/startup.sh" 7 1000 || status=1
  # figures in their own section of bench/README.md ("Submissions"), by hand
  bash "$HERE/submit.sh" 100000 1000 3 || status=1
  bash "$HERE/kill9.sh" 200 || status=1
  # and in "Outbox", by hand
  bash "$HERE/outbox.sh" 200 1000 60 || status=1
  # figures in their own section of bench/README.md ("XZuFi import"), by hand
  bash "$HERE/xzufi.sh" 5000 20000 5 || status=1
  bash "$HERE/sync.sh" 20 500 100 3 || status=1
  $PY "$HERE/summarize.py" --update-readme
fi
exit $status
