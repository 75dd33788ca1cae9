#!/bin/sh
# Builds the libFuzzer target straight from the core sources and runs it for
# about 20 seconds, seeded with the fixtures.  Exit 77 = skipped.
# usage: run-fuzz.sh SOURCE_ROOT WORK_DIR [SECONDS]
set -eu

src=${1:?source root}
work=${2:?work dir}
secs=${3:-20}
here="$src/tests/parser"

command -v clang >/dev/null 2>&1 || { echo "clang not found: skipping"; exit 77; }
command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config not found: skipping"; exit 77; }

mkdir -p "$work/corpus"
cp "$here"/fixtures/*.txt "$here"/fixtures/*.md "$work/corpus/" 2>/dev/null || true

# libclang-rt-*-dev provides libFuzzer; probe for it instead of guessing paths
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long s){(void)d;(void)s;return 0;}\n' \
  > "$work/probe.c"
if ! clang -fsanitize=fuzzer "$work/probe.c" -o "$work/probe" >/dev/null 2>&1; then
  echo "libFuzzer (libclang-rt-dev) not available: skipping"
  exit 77
fi

# shellcheck disable=SC2046
clang -g -O1 -std=c11 -D_GNU_SOURCE -DGETTEXT_PACKAGE='"buergerkiosk"' \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  $(find "$src/src/core" -type d -printf '-I%p ') \
  "$here/fuzz-text-parser.c" \
  "$src"/src/core/import/text/*.c \
  "$src/src/core/util/bk-text-util.c" \
  "$src/src/core/model/bk-motion.c" "$src/src/core/model/bk-decision.c" \
  "$src/src/core/util/bk-error.c" "$src/src/core/util/bk-fold.c" \
  $(pkg-config --cflags --libs glib-2.0 gio-2.0 json-glib-1.0) \
  -o "$work/fuzz-text-parser"

# GLib keeps some one-time allocations (type system, quarks) alive on purpose
export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$work"
exec ./fuzz-text-parser -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 corpus
