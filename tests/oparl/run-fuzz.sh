#!/bin/sh
# Builds tests/oparl/fuzz-oparl.c with libFuzzer + ASan + UBSan straight from
# the core sources and runs it for FUZZ_SECONDS (default 20) seeded with the
# fixtures. Exit 77 (skipped) when clang or libFuzzer is not available.
#
# usage: run-fuzz.sh [work-dir]
set -u

here=$(cd "$(dirname "$0")" && pwd)
src=${BK_SOURCE_ROOT:-$(cd "$here/../.." && pwd)}
work=${1:-${TMPDIR:-/tmp}/bk-fuzz-oparl}
seconds=${FUZZ_SECONDS:-20}
CC=${FUZZ_CC:-clang}

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "SKIP: $CC not found"
  exit 77
fi
mkdir -p "$work/corpus" || exit 1

# Is libFuzzer there?
printf 'int LLVMFuzzerTestOneInput(const char*d,unsigned long s){return 0;}\n' > "$work/probe.c"
if ! "$CC" -fsanitize=fuzzer "$work/probe.c" -o "$work/probe" >/dev/null 2>&1; then
  echo "SKIP: $CC has no libFuzzer"
  exit 77
fi

# a paper's main file in the imported folder is read by the paper reader
flags=$(pkg-config --cflags --libs glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0 sqlite3 \
          libxml-2.0 poppler-glib cairo tesseract) || {
  echo "SKIP: development packages missing"
  exit 77
}

# bk-config.h lives in the build root; a stand-in suffices for the core files.
mkdir -p "$work/include"
if [ -n "${BK_BUILD_ROOT:-}" ] && [ -f "$BK_BUILD_ROOT/bk-config.h" ]; then
  cp "$BK_BUILD_ROOT/bk-config.h" "$work/include/"
fi

# shellcheck disable=SC2086
"$CC" -g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -D_GNU_SOURCE -DGETTEXT_PACKAGE='"buergerkiosk"' \
  -I"$work/include" $(find "$src/src/core" -type d -printf '-I%p ') \
  "$here/fuzz-oparl.c" \
  "$src"/src/core/import/bk-oparl*.c "$src"/src/core/store/bk-store*.c \
  "$src/src/core/import/bk-paper-reader.c" "$src/src/core/import/bk-html-text.c" \
  "$src/src/core/import/bk-pdf-text.c" "$src/src/core/import/bk-ocr.c" "$src"/src/core/import/text/*.c \
  "$src/src/core/store/bk-search-tokenizer.c" \
  "$src/src/core/model/bk-motion.c" "$src/src/core/model/bk-decision.c" "$src/src/core/model/bk-service.c" "$src/src/core/model/bk-submission.c" \
  "$src/src/core/model/bk-outbox-entry.c" \
  "$src/src/core/util/bk-fold.c" "$src/src/core/util/bk-error.c" "$src/src/core/util/bk-text-util.c" \
  "$src/src/core/util/bk-json.c" \
  $flags -lstemmer -lm -o "$work/fuzz-oparl" || exit 1

# Seed corpus: every fixture, good and bad
cp "$here"/fixtures/*.json "$here"/fixtures/bad/*.json "$work/corpus/" 2>/dev/null

cd "$work" || exit 1
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
G_DEBUG= \
  ./fuzz-oparl -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 corpus
