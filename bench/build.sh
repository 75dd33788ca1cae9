#!/usr/bin/env bash
# bench/build.sh: builds the project in release mode with the benchmark programs.
#
#   BK_BENCH_BUILD     build dir (default /tmp/build-bench), set up here with
#                      `meson setup -Dbuildtype=release -Dtests=false -Dbenchmarks=true`
#                      (an existing one gets -Dbenchmarks=true)
#   BK_BENCH_PREBUILT  set: BK_BENCH_BUILD is built already (meson test --benchmark
#                      sets both); nothing is set up or built
#
# meson builds the programs (bench/meson.build) into $BK_BENCH_BUILD/bench/. The
# parts that need the UI or speech are built after the core, and a failure there
# only leaves them out with a note (BK_UI_BUILT, BK_LIST_BUILT, BK_SPEECH_BUILT);
# the core programs must build.
# Sourced by the other scripts: defines BUILD, BIN, SRC, BENCH and the helper
# functions; exits non-zero only when the core does not build.
set -uo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$BENCH/.." && pwd)
BUILD=${BK_BENCH_BUILD:-/tmp/build-bench}
BIN=$BUILD/bench
# Debian's python3 (python3-xlib is a Debian package), not a pyenv shim
PY=/usr/bin/python3

bench_log() { printf '[bench] %s\n' "$*" >&2; }

# bench_built FLAG FILE...: FLAG=1 when every FILE is there, else 0
bench_built() {
  local flag=$1 f; shift
  for f in "$@"; do
    [ -e "$f" ] || { printf -v "$flag" 0; return; }
  done
  printf -v "$flag" 1
}

bench_build() {
  local log=$BUILD/bench-build.log
  if [ -z "${BK_BENCH_PREBUILT:-}" ]; then
    if [ ! -f "$BUILD/build.ninja" ]; then
      meson setup "$BUILD" "$SRC" -Dbuildtype=release -Dtests=false -Dbenchmarks=true \
        >"$BUILD.setup.log" 2>&1 \
        || { bench_log "meson setup failed, see $BUILD.setup.log"; return 1; }
    elif ! $PY -c 'import json, sys
sys.exit(not any(o["name"] == "benchmarks" and o["value"] is True for o in json.load(open(sys.argv[1]))))' \
           "$BUILD/meson-info/intro-buildoptions.json" 2>/dev/null; then
      meson configure "$BUILD" -Dbenchmarks=true >"$BUILD.setup.log" 2>&1 \
        || { bench_log "meson configure failed, see $BUILD.setup.log"; return 1; }
    fi
    ninja -C "$BUILD" src/buergerkiosk-ctl bench/bench-gen bench/bench-search bench/bench-import \
      bench/bench-submit bench/bench-pdf bench/bench-xzufi bench/bench-outbox >"$log" 2>&1 \
      || { bench_log "the core does not build, see $log"; tail -20 "$log" >&2; return 1; }
    ninja -C "$BUILD" bench/bench-speech >>"$log" 2>&1 \
      || bench_log "bench-speech (src/speech) does not build right now, see $log"
    ninja -C "$BUILD" src/buergerkiosk data/gschemas.compiled bench/bench-hello >>"$log" 2>&1 \
      || bench_log "the kiosk (src/ui) does not build right now, see $log"
    ninja -C "$BUILD" bench/bench-list bench/bench-sync-ui >>"$log" 2>&1 \
      || bench_log "bench-list does not build, see $log"
  fi
  [ -x "$BIN/bench-gen" ] || { bench_log "$BIN/bench-gen is missing: configure $BUILD with -Dbenchmarks=true"; return 1; }
  bench_built BK_SPEECH_BUILT "$BIN/bench-speech"
  bench_built BK_UI_BUILT "$BUILD/src/buergerkiosk" "$BUILD/data/gschemas.compiled"
  bench_built BK_LIST_BUILT "$BIN/bench-list"
  export BK_UI_BUILT BK_LIST_BUILT BK_SPEECH_BUILT
  return 0
}

# median of numbers on stdin
bench_median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  bench_build && bench_log "built into $BIN (kiosk built: $BK_UI_BUILT, bench-list built: $BK_LIST_BUILT, bench-speech built: $BK_SPEECH_BUILT)"
fi

# Where the generated data goes (databases of 100 000 motions take ~1 GB).
BENCH_TMP=${BENCH_TMP:-/tmp/bk-bench}
RESULTS=${BENCH_RESULTS:-$BENCH/results}
mkdir -p "$BENCH_TMP" "$RESULTS"

# bench_db N: path of a store with N generated motions, made once per generator
# version (the stamp holds a checksum of the first generated motions, the store's
# code and the seed).
bench_db() {
  local n=$1 db="$BENCH_TMP/motions-$1.db"
  local stamp
  stamp="$( ("$BIN/bench-gen" sample 300; cat "$SRC"/src/core/store/bk-store*.c "$SRC/src/core/store/bk-store-schema.h") \
           | md5sum | cut -c1-16)-${BENCH_SEED:-default}"
  if [ ! -f "$db" ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
    bench_log "generating $n motions into $db (bk_store_save_motion, one transaction)"
    rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
    "$BIN/bench-gen" db "$db.tmp" "$n" >&2 || return 1
    mv "$db.tmp" "$db" && echo "$stamp" >"$db.stamp"
  fi
  echo "$db"
}

# seconds since the epoch, with nanoseconds
bench_time() { date +%s.%N; }
