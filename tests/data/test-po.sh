#!/bin/bash
# test-po.sh: fails when the German translation (po/de.po) is incomplete.
#
#  1. Every file under src/ and data/ that marks strings for translation
#     (_(), N_(), C_(), NC_(), g_d*gettext, ngettext, translatable="yes",
#     desktop and metainfo templates, GSettings schemas with a gettext-domain)
#     is listed in po/POTFILES.in.
#  2. xgettext extracts the strings of those files into a temporary template,
#     with the keywords of meson's i18n 'glib' preset, and msgcmp checks that
#     po/de.po has a translation (not fuzzy, not empty) for every one of them.
#  3. msgfmt --check accepts po/de.po and reports no fuzzy and no
#     untranslated messages.
#
#   BK_SOURCE_ROOT  source tree (set by tests/meson.build; default: ../.. of
#                   this script)
#   BK_PO_FILE      catalogue to check (default: $BK_SOURCE_ROOT/po/de.po)
set -u

root=${BK_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
po=${BK_PO_FILE:-$root/po/de.po}
potfiles=$root/po/POTFILES.in

for tool in xgettext msgcmp msgfmt; do
  command -v "$tool" >/dev/null 2>&1 || { echo "test-po: $tool is missing (apt install gettext)"; exit 77; }
done

# Messages of the gettext tools in English, whatever the caller's locale.
export LC_ALL=C.UTF-8 LANGUAGE=

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-test-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0

# 1. POTFILES.in is complete and every listed file exists.
grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$potfiles" | sed 's/[[:space:]]*$//' | sort -u > "$tmp/listed"
while read -r f; do
  [ -f "$root/$f" ] || { echo "FAIL: po/POTFILES.in lists $f, which does not exist"; status=1; }
done < "$tmp/listed"

(
  cd "$root" || exit 1
  grep -rlE --include='*.c' --include='*.h' --include='*.ui' \
    '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)[[:space:]]*\(|g_d(c|n|p)?(n|p)?gettext2?[[:space:]]*\(|ngettext[[:space:]]*\(|translatable="yes"' \
    src data
  find data -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.appdata.xml.in'
  grep -rl --include='*.gschema.xml' 'gettext-domain=' data
) 2>/dev/null | sort -u > "$tmp/marked"
comm -23 "$tmp/marked" "$tmp/listed" > "$tmp/unlisted"
if [ -s "$tmp/unlisted" ]; then
  echo "FAIL: these files have translatable strings but are not in po/POTFILES.in:"
  sed 's/^/  /' "$tmp/unlisted"
  status=1
fi

# 2. Every string in the sources has a German translation.
if ! xgettext --directory="$root" --files-from="$tmp/listed" --output="$tmp/buergerkiosk.pot" \
       --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --package-name=buergerkiosk 2> "$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log"
  echo "FAIL: xgettext could not extract the strings"
  exit 1
fi
if ! [ -s "$tmp/buergerkiosk.pot" ]; then
  echo "FAIL: xgettext found no strings"
  exit 1
fi
total=$(msgattrib --no-obsolete "$tmp/buergerkiosk.pot" 2>/dev/null | grep -c '^msgid ')
echo "template: $((total - 1)) messages from $(wc -l < "$tmp/listed") files"

if ! msgcmp "$po" "$tmp/buergerkiosk.pot" 2> "$tmp/msgcmp.log"; then
  sed -e "s|^$root/||" -e "s|^$tmp/||" "$tmp/msgcmp.log" | head -40
  echo "FAIL: ${po#"$root"/} lacks translations for strings in the sources (run ninja buergerkiosk-update-po and translate them)"
  status=1
fi

# 3. The catalogue is valid, and nothing is fuzzy or untranslated.
if ! msgfmt --check --statistics --output-file=/dev/null "$po" 2> "$tmp/msgfmt.log"; then
  cat "$tmp/msgfmt.log"
  echo "FAIL: msgfmt --check rejects ${po#"$root"/}"
  status=1
else
  stats=$(tail -n 1 "$tmp/msgfmt.log")
  echo "${po#"$root"/}: $stats"
  case $stats in
    *fuzzy*|*untranslated*)
      echo "FAIL: ${po#"$root"/} has fuzzy or untranslated messages"
      status=1 ;;
  esac
fi

[ "$status" -eq 0 ] && echo "PASS"
exit "$status"
