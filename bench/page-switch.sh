#!/usr/bin/env bash
# bench/page-switch.sh [TURNS] [ROUNDS]     (defaults 3 4)
#
# Key press to the first frame of every page a citizen reaches (page-switch.py),
# in the real kiosk on its demo content, --kiosk at 1280x800 under a private
# Xvfb, session bus and accessibility bus (tests/ui/gui-run.sh), taking turns:
#   kiosk        this tree (release build, bench/build.sh), its own renderer choice
#   kiosk-gl     the same with GSK_RENDERER=gl (GTK's default where GL works)
#   kiosk-cairo  the same with GSK_RENDERER=cairo
#   base         the kiosk at PAGE_SWITCH_BASE (default: the commit that added the
#                frame log, i.e. before the speed work), built from git archive
# Each label: TURNS kiosk starts, ROUNDS walks per start. PAGE_SWITCH_LABELS
# picks labels (e.g. "kiosk base"). Quick run: page-switch.sh 1 1
# Needs xvfb, xauth, dbus, at-spi2-core and python3-xlib (XTest).
# Output: bench/results/page-switch.txt (raw times in page-switch.raw).
# shellcheck source=build.sh
. "$(dirname "$0")/build.sh"
TURNS=${1:-3}; ROUNDS=${2:-4}
BASE=${PAGE_SWITCH_BASE:-b503764}
LABELS=${PAGE_SWITCH_LABELS:-kiosk kiosk-gl kiosk-cairo base}
bench_build || exit 1
[ "$BK_UI_BUILT" = 1 ] || { bench_log "the kiosk does not build right now"; exit 1; }
$PY -c 'import Xlib.ext.xtest' 2>/dev/null || { bench_log "needs python3-xlib: apt-get install python3-xlib"; exit 1; }

# The baseline kiosk, built once per commit.
base_build() {
  local dir=$BENCH_TMP/page-switch-base commit
  commit=$(git -C "$SRC" rev-parse --verify "$BASE^{commit}") || return 1
  if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$commit" ]; then
    bench_log "building the baseline kiosk at ${commit:0:7} into $dir"
    rm -rf "$dir" && mkdir -p "$dir/src" || return 1
    git -C "$SRC" archive "$commit" | tar -x -C "$dir/src" || return 1
    meson setup "$dir/build" "$dir/src" -Dbuildtype=release -Dtests=false >"$dir/setup.log" 2>&1 \
      && ninja -C "$dir/build" src/buergerkiosk data/gschemas.compiled \
           po/de/LC_MESSAGES/buergerkiosk.mo >"$dir/build.log" 2>&1 \
      || { bench_log "the baseline does not build, see $dir"; return 1; }
    echo "$commit" >"$dir/stamp"
  fi
  echo "$dir/build"
}

configs=()
for label in $LABELS; do
  case $label in
    kiosk) configs+=(--config kiosk "GSETTINGS_SCHEMA_DIR=$BUILD/data $BUILD/src/buergerkiosk") ;;
    kiosk-gl) configs+=(--config kiosk-gl "GSK_RENDERER=gl GSETTINGS_SCHEMA_DIR=$BUILD/data $BUILD/src/buergerkiosk") ;;
    kiosk-cairo) configs+=(--config kiosk-cairo "GSK_RENDERER=cairo GSETTINGS_SCHEMA_DIR=$BUILD/data $BUILD/src/buergerkiosk") ;;
    base)
      BASE_BUILD=$(base_build) || exit 1
      configs+=(--config base "GSETTINGS_SCHEMA_DIR=$BASE_BUILD/data $BASE_BUILD/src/buergerkiosk") ;;
    *) bench_log "unknown label $label"; exit 2 ;;
  esac
done

DBS=$BENCH_TMP/page-switch-db
rm -rf "$DBS" && mkdir -p "$DBS"
rm -f "$RESULTS/page-switch.raw"
{
  echo "# page-switch benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" log -1 --format=%h 2>/dev/null), baseline $BASE: $TURNS starts x $ROUNDS rounds per label; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  env -u GSK_RENDERER GSETTINGS_BACKEND=memory GUI_RUN_SIZE=1280x800x24 GUI_RUN_TIMEOUT=14400 \
    "$SRC/tests/ui/gui-run.sh" $PY "$BENCH/page-switch.py" "${configs[@]}" \
      --db-dir "$DBS" --turns "$TURNS" --rounds "$ROUNDS" --raw "$RESULTS/page-switch.raw" 2>&1
  echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/page-switch.txt"
rm -rf "$DBS"
