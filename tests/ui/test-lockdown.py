#!/usr/bin/python3
"""No toolkit surface in --kiosk, over real X events (issue 18).

Starts the real kiosk and sends what GTK 4.8 answers with a window or a
popover of its own, as X events (xdotool, XTest): the Inspector's key
bindings Ctrl+Shift+I and Ctrl+Shift+D, GTK_DEBUG=interactive, the emoji
chooser's Ctrl+. and Ctrl+; in a text field, the context menu's Shift+F10
and Menu key, F10, and right and middle clicks over the whole window. After
each it watches the X server for 1.5 s: a mapped window that was not there
before (the Inspector, a popover, a menu) fails the test.

The same run first proves that it can see them: the kiosk without --kiosk
(for development) must open the Inspector on Ctrl+Shift+I and on
GTK_DEBUG=interactive, the emoji chooser on Ctrl+., and a context menu on
some right click. Then --kiosk must open none of them.

Run inside gui-run.sh (meson does this): python3-pyatspi, python3-xlib,
xdotool.
"""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_atspi as K  # noqa: E402
from kiosk_atspi import Failure, check, focused  # noqa: E402

from Xlib import X, display as xdisplay  # noqa: E402

APP_NAME = "buergerkiosk"
WATCH = 1.5

KEYS = ["ctrl+shift+i", "ctrl+shift+d", "ctrl+shift+I", "ctrl+period", "ctrl+semicolon",
        "shift+F10", "Menu", "F10"]


class Screen:
    def __init__(self):
        self.dpy = xdisplay.Display()
        self.root = self.dpy.screen().root

    def mapped(self):
        """Mapped children of the root window: id -> (name, geometry)."""
        found = {}
        for win in self.root.query_tree().children:
            try:
                if win.get_attributes().map_state != X.IsViewable:
                    continue
                geo = win.get_geometry()
                name = win.get_wm_name() or ""
                found[win.id] = (str(name), (geo.x, geo.y, geo.width, geo.height))
            except Exception:
                continue
        return found

    def main_window(self):
        """The largest mapped window: the kiosk's."""
        wins = self.mapped()
        check(wins, "no window is mapped")
        return max(wins.values(), key=lambda v: v[1][2] * v[1][3])[1]

    def new_windows(self, before, seconds=WATCH):
        """Windows mapped at any moment within seconds that were not before."""
        seen = {}
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for wid, info in self.mapped().items():
                if wid not in before:
                    seen[wid] = info
            K.pump(0.1)
        return seen

    def settle(self, before, seconds=5):
        """Escape until only the windows before remain."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if not set(self.mapped()) - set(before):
                return True
            xdo("key", "Escape")
            K.pump(0.3)
        return False


def xdo(*args):
    subprocess.run(["xdotool", *args], check=True)


def start(kiosk_bin, *args, gtk_debug=None):
    saved = os.environ.get("GTK_DEBUG")
    if gtk_debug:
        os.environ["GTK_DEBUG"] = gtk_debug
    else:
        os.environ.pop("GTK_DEBUG", None)
    try:
        kiosk = K.Kiosk(kiosk_bin, "bk-lockdown-", "--speech-output=memory", *args)
    finally:
        if saved is None:
            os.environ.pop("GTK_DEBUG", None)
        else:
            os.environ["GTK_DEBUG"] = saved
    app = K.find_app(APP_NAME, timeout=60)
    K.pump(1.5)
    return kiosk, app


def open_search(app):
    """The motion list: its search field has the focus."""
    K.activate(K.find(app, "push button", "^Council motions$"))
    end = time.monotonic() + 5
    while time.monotonic() < end:
        f = focused(app)
        if f is not None and K.role(f) == "entry":
            return
        K.pump(0.2)
    raise Failure("the search field did not get the focus")


def describe(windows):
    return ", ".join("%r %dx%d+%d+%d" % (n, g[2], g[3], g[0], g[1]) for n, g in windows.values())


def grid(geometry, columns=5, rows=5):
    x0, y0, w, h = geometry
    for r in range(rows):
        for c in range(columns):
            yield x0 + int(w * (c + 0.5) / columns), y0 + int(h * (r + 0.5) / rows)


def try_keys(screen, keys):
    """{key: new windows} for each key that made one."""
    found = {}
    for key in keys:
        before = screen.mapped()
        xdo("key", key)
        new = screen.new_windows(before)
        if new:
            found[key] = new
            screen.settle(before)
            print("# %s: %s" % (key, describe(new)))
    return found


def try_clicks(screen, button):
    """{(x, y): new windows} for each click that made one."""
    found = {}
    for x, y in grid(screen.main_window()):
        before = screen.mapped()
        xdo("mousemove", str(x), str(y), "click", str(button))
        new = screen.new_windows(before, 0.6)
        if new:
            found[(x, y)] = new
            screen.settle(before)
            print("# button %d at %d,%d: %s" % (button, x, y, describe(new)))
    # Park the pointer where no tooltip can come.
    xdo("mousemove", "0", "0")
    return found


def control(kiosk_bin, screen):
    """Without --kiosk GTK offers them all: proof that the test sees them."""
    kiosk, app = start(kiosk_bin, "--windowed")
    try:
        found = try_keys(screen, ["ctrl+shift+i"])
        check("ctrl+shift+i" in found,
              "control: Ctrl+Shift+I opened no window without --kiosk; the test cannot see the Inspector")
    finally:
        kiosk.stop()
    K.pump(1.0)

    kiosk, app = start(kiosk_bin, "--windowed")
    try:
        open_search(app)
        found = try_keys(screen, ["ctrl+period", "shift+F10", "Menu"])
        check("shift+F10" in found,
              "control: Shift+F10 in the search field opened no context menu without --kiosk")
        clicks = try_clicks(screen, 3)
        check(clicks, "control: no right click opened a context menu without --kiosk")
        print("# control: the Inspector, %s in the search field and %d right clicks open a window"
              % (", ".join(sorted(found)), len(clicks)))
        menu_points = sorted(clicks)
    finally:
        kiosk.stop()
    K.pump(1.0)

    kiosk, app = start(kiosk_bin, "--windowed", gtk_debug="interactive")
    try:
        wins = screen.mapped()
        check(len(wins) >= 2, "control: GTK_DEBUG=interactive opened no Inspector without --kiosk")
        print("# control: GTK_DEBUG=interactive: %s" % describe(wins))
    finally:
        kiosk.stop()
    K.pump(1.0)
    return menu_points


def try_points(screen, points):
    """Right click, then a long press, where the control opened a menu."""
    found = {}
    for x, y in points:
        for how in (["click", "3"], ["mousedown", "1", "sleep", "1.5", "mouseup", "1"]):
            before = screen.mapped()
            xdo("mousemove", str(x), str(y), *how)
            new = screen.new_windows(before, 0.8)
            if new:
                found[(x, y, how[0])] = new
                screen.settle(before)
    xdo("mousemove", "0", "0")
    return found


def locked(kiosk_bin, screen, menu_points):
    kiosk, app = start(kiosk_bin, "--kiosk", gtk_debug="interactive")
    try:
        wins = screen.mapped()
        check(len(wins) == 1, "GTK_DEBUG=interactive: windows in --kiosk: %s" % describe(wins))
        # the whole screen, also on an X server without a window manager
        # (this one), which does not grant full screen
        root = screen.root.get_geometry()
        check(screen.main_window() == (0, 0, root.width, root.height),
              "--kiosk: the window is %s on a %dx%d screen" % (describe(wins), root.width, root.height))
        problems = []
        found = try_keys(screen, KEYS)
        problems += ["%s opened %s" % (k, describe(v)) for k, v in found.items()]
        open_search(app)
        found = try_keys(screen, KEYS)
        problems += ["%s in the search field opened %s" % (k, describe(v)) for k, v in found.items()]
        found = try_points(screen, menu_points)
        problems += ["%s at %d,%d opened %s" % (how, x, y, describe(v))
                     for (x, y, how), v in found.items()]
        for button in (3, 2):
            found = try_clicks(screen, button)
            problems += ["button %d at %d,%d opened %s" % (button, x, y, describe(v))
                         for (x, y), v in found.items()]
        log = kiosk.read_log()
        closed = [line for line in log.splitlines() if "was closed" in line]
        problems += ["the watch had to close: %s" % line for line in closed]
        check(not problems, "--kiosk: " + "; ".join(problems))
        refused = [line for line in log.splitlines() if "Inspector was refused" in line]
        print("# --kiosk: %d keys twice, right click and long press where the control had menus,"
              " right and middle clicks on a grid: no new window (%d refusals logged)"
              % (len(KEYS), len(refused)))
    finally:
        kiosk.stop()


def main():
    build_root = os.environ.get("BK_BUILD_ROOT")
    if not build_root:
        print("BK_BUILD_ROOT is not set", file=sys.stderr)
        return 2
    if shutil.which("xdotool") is None:
        print("xdotool is missing (apt install xdotool)", file=sys.stderr)
        return 77
    kiosk_bin = os.path.join(build_root, "src", "buergerkiosk")
    K.quiet()
    screen = Screen()
    try:
        menu_points = control(kiosk_bin, screen)
        locked(kiosk_bin, screen, menu_points)
    except (Failure, LookupError, RuntimeError) as e:
        print("FAIL: %s" % e)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
