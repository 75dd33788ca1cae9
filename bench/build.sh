#!/usr/bin/env bash
# bench/build.sh: builds the project in release mode and the benchmark programs.
#
#   BK_BENCH_BUILD   build dir (default /tmp/build-bench), `meson setup -Dbuildtype=release`
#
# The benchmark programs are compiled with cc against the static libraries of
# that build (libbkcore.a, libbkui.a) into $BK_BENCH_BUILD/bench/. Programs whose
# parts do not build yet (the UI) are skipped with a note; the others still build.
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

bench_build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" "$SRC" -Dbuildtype=release -Dtests=false >"$BUILD.setup.log" 2>&1 \
      || { bench_log "meson setup failed, see $BUILD.setup.log"; return 1; }
  fi
  mkdir -p "$BIN"
  ninja -C "$BUILD" src/core/libbkcore.a src/cli/libbkcli.a src/buergerkiosk-ctl \
    >"$BIN/ninja-core.log" 2>&1 \
    || { bench_log "core does not build, see $BIN/ninja-core.log"; tail -20 "$BIN/ninja-core.log" >&2; return 1; }
  if ninja -C "$BUILD" src/buergerkiosk data/gschemas.compiled >"$BIN/ninja-ui.log" 2>&1 \
     || ninja -C "$BUILD" src/buergerkiosk >>"$BIN/ninja-ui.log" 2>&1; then
    BK_UI_BUILT=1
  else
    BK_UI_BUILT=0
    bench_log "the kiosk (src/ui) does not build right now, see $BIN/ninja-ui.log"
  fi
  # the schema for the kiosk (GSETTINGS_SCHEMA_DIR=$BUILD/data)
  if [ ! -f "$BUILD/data/gschemas.compiled" ] && [ -d "$BUILD/data" ]; then
    cp "$SRC"/data/*.gschema.xml "$BUILD/data/" 2>/dev/null && glib-compile-schemas "$BUILD/data" 2>/dev/null
  fi

  local CFLAGS="-O2 -g -std=gnu11 -Wall -Wno-unused-parameter -I$BENCH $(find "$SRC/src/core" -type d -printf '-I%p ') -I$BUILD -I$BUILD/src/core"
  local CORE_LIBS
  CORE_LIBS="$BUILD/src/core/libbkcore.a $(pkg-config --libs glib-2.0 gio-2.0 gobject-2.0 json-glib-1.0 sqlite3 libsodium libxml-2.0 poppler-glib cairo tesseract) -lm"
  local CORE_CFLAGS
  CORE_CFLAGS=$(pkg-config --cflags glib-2.0 gio-2.0 json-glib-1.0 sqlite3)
  local p
  for p in bench-gen:bench-gen-main.c bench-search:bench-search.c bench-import:bench-import.c \
           bench-submit:bench-submit.c; do
    local name=${p%%:*} file=${p#*:}
    # shellcheck disable=SC2086
    cc $CFLAGS $CORE_CFLAGS -o "$BIN/$name" "$BENCH/$file" "$BENCH/bench-gen.c" $CORE_LIBS \
      2>"$BIN/$name.log" || { bench_log "$name does not build, see $BIN/$name.log"; cat "$BIN/$name.log" >&2; return 1; }
  done
  # shellcheck disable=SC2086
  cc $CFLAGS $CORE_CFLAGS $(pkg-config --cflags cairo-pdf) -o "$BIN/bench-pdf" "$BENCH/bench-pdf.c" \
    "$BENCH/bench-gen.c" $CORE_LIBS $(pkg-config --libs cairo-pdf) 2>"$BIN/bench-pdf.log" \
    || { bench_log "bench-pdf does not build, see $BIN/bench-pdf.log"; cat "$BIN/bench-pdf.log" >&2; return 1; }
  # shellcheck disable=SC2086
  cc -O2 -o "$BIN/bench-hello" "$BENCH/bench-hello.c" $(pkg-config --cflags --libs gtk4 libadwaita-1) \
    2>"$BIN/bench-hello.log" || bench_log "bench-hello does not build, see $BIN/bench-hello.log"
  if [ "$BK_UI_BUILT" = 1 ] && [ -f "$BUILD/src/ui/libbkui.a" ]; then
    # shellcheck disable=SC2086
    if cc $CFLAGS -I"$SRC/src/ui" -I"$BUILD/src/ui" $CORE_CFLAGS $(pkg-config --cflags gtk4 libadwaita-1) \
         -o "$BIN/bench-list" "$BENCH/bench-list.c" "$BENCH/bench-gen.c" \
         -Wl,--whole-archive "$BUILD/src/ui/libbkui.a" -Wl,--no-whole-archive \
         "$BUILD/src/speech/libbkspeech.a" $CORE_LIBS \
         $(pkg-config --libs gtk4 libadwaita-1 libqrencode gstreamer-app-1.0 gstreamer-audio-1.0 espeak-ng) \
         2>"$BIN/bench-list.log"; then
      BK_LIST_BUILT=1
    else
      BK_LIST_BUILT=0
      bench_log "bench-list does not build, see $BIN/bench-list.log"
    fi
  else
    BK_LIST_BUILT=0
  fi
  export BK_UI_BUILT BK_LIST_BUILT
  return 0
}

# median of numbers on stdin
bench_median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  bench_build && bench_log "built into $BIN (kiosk built: $BK_UI_BUILT, bench-list built: $BK_LIST_BUILT)"
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
  stamp="$( ("$BIN/bench-gen" sample 300; cat "$SRC/src/core/bk-store.c" "$SRC/src/core/bk-store-schema.h") \
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
