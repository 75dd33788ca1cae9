#!/bin/sh
# Builds a libFuzzer target of tests/fuzz (clang, -fsanitize=fuzzer,address,
# undefined) against the whole core, replays its seed corpus and regression
# cases, then mutates for SECONDS. Exit 77 = skipped (no clang or libFuzzer).
#
# usage: run-fuzz.sh SOURCE_ROOT WORK_DIR SECONDS TARGET [LIBFUZZER-ARGS…]
#   TARGET: xzufi (XZuFi messages), oparl-http (OParl server answers),
#           fit-connect (FIT-Connect answers, status events as JWS)
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

# bk-config.h is made by meson; the core needs only its names
mkdir -p "$work/include"
[ -f "$work/include/bk-config.h" ] || cat >"$work/include/bk-config.h" <<'H'
#pragma once
#define APP_ID "io.github.buergerkiosk.Kiosk"
#define GETTEXT_PACKAGE "buergerkiosk"
#define LOCALEDIR "/usr/share/locale"
#define BUILD_LOCALEDIR "/nonexistent"
#define PACKAGE_VERSION "fuzz"
#define PKGDATADIR "/nonexistent"
H

incs=$(find "$src/src/core" -type d -printf '-I%p ')
cflags="-g -O1 -std=gnu11 -D_GNU_SOURCE -DGETTEXT_PACKAGE=\"buergerkiosk\" -fno-omit-frame-pointer
        -fsanitize=address,undefined -fno-sanitize-recover=undefined"

# The core archive, once for all targets (the meson tests may run at once).
(
  flock 9
  archive="$work/core/libbkcore-fuzz.a"
  if [ ! -f "$archive" ] || [ -n "$(find "$src/src/core" -newer "$archive" -name '*.[ch]' | head -1)" ]; then
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
  "$here/fuzz-$target.c" "$work/core/libbkcore-fuzz.a" $libs -lstemmer -lm \
  -o "$work/$target/fuzz-$target"

seeds="$here/corpus/$target"
case "$target" in
  xzufi) extra="$src/tests/xzufi/fixtures" ;;
  oparl-http) extra="$src/tests/oparl/fixtures" ;;
  *) extra="" ;;
esac
regressions="$here/regressions/$target"
mkdir -p "$work/$target/extra"
if [ -n "$extra" ]; then
  find "$extra" -type f \( -name '*.json' -o -name '*.xml' \) -exec cp {} "$work/$target/extra/" \;
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export G_DEBUG=
cd "$work/$target"
# 1. every regression case and seed once, by name (a finding fails here first)
find "$regressions" "$seeds" "$work/$target/extra" -type f ! -name README.md -print0 2>/dev/null \
  | xargs -0 ./fuzz-"$target"
# 2. mutation; new inputs go to the first directory (the work dir's)
# shellcheck disable=SC2046
exec ./fuzz-"$target" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 "$@" corpus "$seeds" "$work/$target/extra" \
  $( [ -d "$regressions" ] && echo "$regressions")
