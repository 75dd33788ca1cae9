#!/bin/sh
# Builds a libFuzzer target straight from the core sources and runs it for
# about 20 seconds, seeded with the fixtures.  Exit 77 = skipped.
# usage: run-fuzz.sh SOURCE_ROOT WORK_DIR [SECONDS] [TARGET]
#   TARGET: text-parser (default), html-text (HTML pages, then the reader)
#   or pdf-text (page texts as poppler gives them, joined, then the reader)
set -eu

src=${1:?source root}
work=${2:?work dir}
secs=${3:-20}
target=${4:-text-parser}
here="$src/tests/parser"

command -v clang >/dev/null 2>&1 || { echo "clang not found: skipping"; exit 77; }
command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config not found: skipping"; exit 77; }

work="$work/$target"
mkdir -p "$work/corpus"
case "$target" in
  html-text)
    cp "$here"/fixtures/*.html "$work/corpus/" 2>/dev/null || true
    extra="$src/src/core/import/bk-html-text.c"
    pkgs="libxml-2.0" ;;
  pdf-text)
    cp "$here"/fixtures/*.txt "$work/corpus/" 2>/dev/null || true
    extra="$src/src/core/import/bk-pdf-text.c $src/src/core/import/bk-ocr.c"
    pkgs="poppler-glib cairo tesseract" ;;
  *)
    cp "$here"/fixtures/*.txt "$here"/fixtures/*.md "$work/corpus/" 2>/dev/null || true
    extra=""
    pkgs="" ;;
esac

# libclang-rt-*-dev provides libFuzzer; probe for it instead of guessing paths
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long s){(void)d;(void)s;return 0;}\n' \
  > "$work/probe.c"
if ! clang -fsanitize=fuzzer "$work/probe.c" -o "$work/probe" >/dev/null 2>&1; then
  echo "libFuzzer (libclang-rt-dev) not available: skipping"
  exit 77
fi

# shellcheck disable=SC2046,SC2086
clang -g -O1 -std=c11 -D_GNU_SOURCE -DGETTEXT_PACKAGE='"buergerkiosk"' \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  $(find "$src/src/core" -type d -printf '-I%p ') \
  "$here/fuzz-$target.c" \
  "$src"/src/core/import/text/*.c $extra \
  "$src/src/core/util/bk-text-util.c" \
  "$src/src/core/model/bk-motion.c" "$src/src/core/model/bk-decision.c" \
  "$src/src/core/util/bk-error.c" "$src/src/core/util/bk-fold.c" \
  $(pkg-config --cflags --libs glib-2.0 gio-2.0 json-glib-1.0 $pkgs) -lm \
  -o "$work/fuzz-$target"

# GLib keeps some one-time allocations (type system, quarks) alive on purpose
export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$work"
exec ./fuzz-"$target" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 corpus
