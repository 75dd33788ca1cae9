#!/bin/bash
# screenshots.sh [OUTDIR]
#
# Starts the built kiosk on a fresh demo database at 1280x800 in a private
# headless session (gui-run.sh) and writes home.png, motion-list.png and
# motion-page.png to OUTDIR (default: data/screenshots of the source tree).
#
#   BK_BUILD_ROOT   build directory (default: ./build)
#   BK_SCREENSHOT_DB  use this database instead of a fresh demo one
#   ADW_DEBUG_HIGH_CONTRAST=1  high-contrast look
#   BK_SHOTS_EXTRA=1  also motion-page-2.png and -3.png, further down
#
# Needs xwd (x11-apps) and ImageMagick's /usr/bin/convert besides the
# packages gui-run.sh needs.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
source_root=$(cd "$here/../.." && pwd)
build_root=$(cd "${BK_BUILD_ROOT:-$source_root/build}" && pwd)
outdir=$(mkdir -p "${1:-$source_root/data/screenshots}" && cd "${1:-$source_root/data/screenshots}" && pwd)

for tool in xwd /usr/bin/convert; do
  command -v "$tool" >/dev/null 2>&1 || { echo "screenshots: $tool is missing" >&2; exit 77; }
done

workdir=$(mktemp -d "${TMPDIR:-/tmp}/bk-shots.XXXXXX")
trap 'rm -rf "$workdir"' EXIT
db="${BK_SCREENSHOT_DB:-$workdir/kiosk.db}"

export GSETTINGS_SCHEMA_DIR="$build_root/data" GSETTINGS_BACKEND=memory
export GSK_RENDERER=cairo GTK_A11Y=atspi
export GUI_RUN_SIZE=1280x800x24
export BK_KIOSK="$build_root/src/buergerkiosk" BK_DB="$db" BK_OUTDIR="$outdir" BK_TESTS_DIR="$here"
unset NO_AT_BRIDGE

# gui-run.sh runs the command in the background, where stdin is /dev/null:
# hand the driver over as a file.
cat > "$workdir/drive.py" <<'PY'
import os
import subprocess
import sys
import time

sys.path.insert(0, os.environ["BK_TESTS_DIR"])
import kiosk_atspi as K

K.quiet()
outdir = os.environ["BK_OUTDIR"]
kiosk = subprocess.Popen([os.environ["BK_KIOSK"], "--db", os.environ["BK_DB"]])


def shoot(name):
    K.pump(0.8)
    xwd = os.path.join(outdir, name + ".xwd")
    png = os.path.join(outdir, name + ".png")
    subprocess.run(["xwd", "-root", "-silent", "-out", xwd], check=True)
    subprocess.run(["/usr/bin/convert", xwd, png], check=True)
    os.unlink(xwd)
    print("wrote " + png)


def focused(app):
    for acc in K.walk(app):
        if "focused" in K.states(acc):
            return acc
    return None


try:
    app = K.find_app("buergerkiosk", timeout=60)
    K.pump(1.0)
    shoot("home")

    # the home screen's council motions choice (German: the demo starts so)
    K.activate(K.find(app, "push button", r"^Anträge im Rat"))
    K.find(app, "entry", timeout=5)
    K.pump(0.5)
    # Move the focus to the first motion, so the list shows the focus ring.
    for _ in range(8):
        K.press("Tab")
        acc = focused(app)
        if acc is not None and K.role(acc) == "list item":
            break
    shoot("motion-list")

    K.press("Return")
    K.pump(1.0)
    shoot("motion-page")

    if os.environ.get("BK_SHOTS_EXTRA"):
        # Further down the motion page: move the focus through the texts.
        for i in range(17):
            K.press("Tab")
        shoot("motion-page-2")
        for i in range(3):
            K.press("Tab")
        shoot("motion-page-3")
finally:
    kiosk.terminate()
    kiosk.wait(timeout=10)
PY
"$here/gui-run.sh" /usr/bin/python3 "$workdir/drive.py"
