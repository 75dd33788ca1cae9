#!/bin/sh
# Builds a libFuzzer target (clang, -fsanitize=fuzzer,address,undefined)
# against the whole core, replays its seed corpus and regression cases, then
# mutates for SECONDS. Exit 77 = skipped (no clang or libFuzzer). Every fuzz
# target of the project is built here, so a new core file never needs a list
# of sources kept in step by hand.
#
# usage: run-fuzz.sh SOURCE_ROOT WORK_DIR SECONDS TARGET [LIBFUZZER-ARGS…]
#   TARGET: xzufi (XZuFi messages), oparl-http (OParl server answers),
#           fit-connect (FIT-Connect answers, status events as JWS)
#           — tests/fuzz/fuzz-TARGET.c;
#           text-parser, html-text, pdf-text (a paper's text, HTML, PDF page
#           texts) — tests/parser/fuzz-TARGET.c;
#           oparl (an OParl file through the importer) — tests/oparl/fuzz-oparl.c
# Seeds: tests/fuzz/corpus/TARGET plus the fixtures named below; findings are
# kept in tests/fuzz/regressions/TARGET and replayed on every run. The core is
# compiled once per WORK_DIR (again when a source is newer than the archive).
set -eu

src=${1:?source root}
work=${2:?work dir}
secs=${3:-10}
target=${4:?target}
shift 4 || true
here="$src/tests/fuzz"
program=""
for d in fuzz parser oparl; do
  [ -f "$src/tests/$d/fuzz-$target.c" ] && program="$src/tests/$d/fuzz-$target.c"
done
[ -n "$program" ] || { echo "no fuzz target \"$target\"" >&2; exit 2; }
CC=${FUZZ_CC:-clang}

command -v "$CC" >/dev/null 2>&1 || { echo "SKIP: $CC not found"; exit 77; }
mkdir -p "$work/core" "$work/$target/corpus"
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long s){(void)d;(void)s;return 0;}\n' \
  > "$work/$target/probe.c"
if ! "$CC" -fsanitize=fuzzer "$work/$target/probe.c" -o "$work/$target/probe" >/dev/null 2>&1; then
  echo "SKIP: $CC has no libFuzzer (libclang-rt-dev)"
  exit 77
fi
pkgs="glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0 sqlite3 libxml-2.0 libsoup-3.0 poppler-glib cairo
      tesseract lept openssl libsodium"
# shellcheck disable=SC2086
flags=$(pkg-config --cflags $pkgs) && libs=$(pkg-config --libs $pkgs) || {
  echo "SKIP: development packages missing"; exit 77; }

# bk-config.h is made by meson; the core needs only its names. Written anew
# only when it changes, so the archive below is not rebuilt for nothing.
mkdir -p "$work/include"
tesseract_major=$(pkg-config --modversion tesseract | cut -d. -f1)
cat >"$work/include/bk-config.h.new" <<H
#pragma once
#define APP_ID "io.github.buergerkiosk.Kiosk"
#define GETTEXT_PACKAGE "buergerkiosk"
#define LOCALEDIR "/usr/share/locale"
#define BUILD_LOCALEDIR "/nonexistent"
#define PACKAGE_VERSION "fuzz"
#define PKGDATADIR "/nonexistent"
#define BK_POPPLER_GLIB_SONAME "libpoppler-glib.so.8"
#define BK_TESSERACT_SONAME "libtesseract.so.$tesseract_major"
H
if cmp -s "$work/include/bk-config.h.new" "$work/include/bk-config.h"; then
  rm "$work/include/bk-config.h.new"
else
  mv "$work/include/bk-config.h.new" "$work/include/bk-config.h"
fi

incs=$(find "$src/src/core" -type d -printf '-I%p ')
cflags="-g -O1 -std=gnu11 -D_GNU_SOURCE -DGETTEXT_PACKAGE=\"buergerkiosk\" -fno-omit-frame-pointer
        -fsanitize=address,undefined -fno-sanitize-recover=undefined"

# The core archive, once for all targets (the meson tests may run at once).
(
  flock 9
  archive="$work/core/libbkcore-fuzz.a"
  if [ ! -f "$archive" ] || [ "$work/include/bk-config.h" -nt "$archive" ] \
     || [ -n "$(find "$src/src/core" -newer "$archive" -name '*.[ch]' | head -1)" ]; then
    echo "compiling the core with sanitizers…"
    rm -f "$work"/core/*.o "$archive"
    # the demo content, the glossary and the street list are compiled-in
    # resources that meson generates; no fuzzed input reaches them
    for f in $(find "$src/src/core" -name '*.c' ! -name bk-demo.c ! -name bk-glossary.c \
                 ! -name bk-streets.c | sort); do
      o="$work/core/$(echo "${f#"$src"/src/core/}" | tr / _).o"
      # shellcheck disable=SC2086
      "$CC" $cflags -fsanitize=fuzzer-no-link -I"$work/include" $incs $flags -c "$f" -o "$o"
    done
    ar rcs "$archive" "$work"/core/*.o
  fi
) 9>"$work/core/lock"

# shellcheck disable=SC2086
"$CC" $cflags -fsanitize=fuzzer -I"$work/include" -I"$here" $incs $flags \
  "$program" "$work/core/libbkcore-fuzz.a" $libs -lstemmer -lm \
  -o "$work/$target/fuzz-$target"

seeds="$here/corpus/$target"
[ -d "$seeds" ] || seeds="$work/$target/extra"
# the fixtures of the target's own tests seed it too (every file of these kinds)
case "$target" in
  xzufi) extra="$src/tests/xzufi/fixtures"; kinds="json xml" ;;
  oparl-http|oparl) extra="$src/tests/oparl/fixtures"; kinds="json" ;;
  text-parser) extra="$src/tests/parser/fixtures"; kinds="txt md" ;;
  html-text) extra="$src/tests/parser/fixtures"; kinds="html" ;;
  pdf-text) extra="$src/tests/parser/fixtures"; kinds="txt" ;;
  *) extra=""; kinds="" ;;
esac
regressions="$here/regressions/$target"
mkdir -p "$work/$target/extra"
for kind in $kinds; do
  find "$extra" -type f -name "*.$kind" -exec cp {} "$work/$target/extra/" \;
done

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export G_DEBUG=
cd "$work/$target"
# 1. every regression case and seed once, by name (a finding fails here first)
find "$regressions" "$seeds" "$work/$target/extra" -type f ! -name README.md -print0 2>/dev/null \
  | xargs -0 -r ./fuzz-"$target"
# 2. mutation; new inputs go to the first directory (the work dir's)
# shellcheck disable=SC2046
exec ./fuzz-"$target" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 "$@" corpus "$seeds" "$work/$target/extra" \
  $( [ -d "$regressions" ] && echo "$regressions")
