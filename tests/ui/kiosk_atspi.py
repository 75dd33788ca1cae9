"""Small AT-SPI helpers for the kiosk's tests (test-atspi.py, test-idle-reset.py,
screenshots.sh).

Run with Debian's /usr/bin/python3 (python3-pyatspi) inside gui-run.sh.
GTK 4.8 notes: Component.grabFocus() is not implemented, so controls are
operated with Action.doAction() or with key events through the registry;
extents are not reliable.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402
import pyatspi  # noqa: E402

# What GTK 4.8 reads out for a widget without a name: its type name.
TYPE_NAME_RE = re.compile(r"^(Gtk|Adw|Bk|Gdk|Gsk)[A-Z]\w+$")

CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "entry", "text",
    "password text", "combo box", "spin button", "slider", "switch", "menu item",
    "check menu item", "radio menu item", "link", "page tab", "list item",
    "tree item", "table cell", "toggle", "button",
}


class Kiosk:
    """The real kiosk, started for AT-SPI in English on a fresh database in a
    temporary folder, its output in a log; stop() ends it and removes the
    folder."""

    def __init__(self, kiosk, prefix, *args):
        self.workdir = tempfile.mkdtemp(prefix=prefix)
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env["GTK_A11Y"] = "atspi"
        env["LANGUAGE"] = "en"
        if "BK_KIOSK_G_DEBUG" in env:
            env["G_DEBUG"] = env["BK_KIOSK_G_DEBUG"]
        self.log = open(os.path.join(self.workdir, "kiosk.log"), "w+")
        self.proc = subprocess.Popen([kiosk, "--db", os.path.join(self.workdir, "kiosk.db"), *args],
                                     env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def read_log(self):
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


def quiet():
    """GTK 4.8 has no AT-SPI Cache interface; libatspi warns once per app."""
    def _noop(*_args):
        pass
    for domain in ("dbind", "atspi"):
        GLib.log_set_handler(domain, GLib.LogLevelFlags.LEVEL_WARNING
                             | GLib.LogLevelFlags.LEVEL_MESSAGE, _noop, None)


class Failure(Exception):
    """A check of a test script failed."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def focused(app):
    """The node of app that has the keyboard focus, or None."""
    for acc in walk(app):
        if "focused" in states(acc):
            return acc
    return None


def pump(seconds=0.0):
    """Let D-Bus traffic through for a while."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while True:
        while context.iteration(False):
            pass
        if time.monotonic() >= end:
            break
        time.sleep(0.02)


def role(acc):
    try:
        return acc.getRoleName()
    except Exception:
        return "?"


def name(acc):
    try:
        return acc.name or ""
    except Exception:
        return ""


def states(acc):
    try:
        return {pyatspi.stateToString(s) for s in acc.getState().getStates()}
    except Exception:
        return set()


def actions(acc):
    try:
        action = acc.queryAction()
        return [action.getName(i) for i in range(action.nActions)]
    except Exception:
        return []


def children(acc):
    try:
        return [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:
        return []


def walk(acc, only_visible=True, depth=0):
    """Depth-first; skips subtrees that are not visible (other stack pages)."""
    if acc is None:
        return
    if only_visible and depth > 0 and "visible" not in states(acc):
        return
    yield acc
    for child in children(acc):
        yield from walk(child, only_visible, depth + 1)


def find_app(app_name, timeout=30):
    """The application on the registry once it has a window with content."""
    desktop = pyatspi.Registry.getDesktop(0)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for app in children(desktop):
            if name(app) == app_name:
                for window in children(app):
                    if window is not None and window.childCount > 0:
                        return app
        pump(0.2)
    found = ", ".join(name(a) for a in children(desktop))
    raise RuntimeError("%s did not appear on the AT-SPI registry (found: %s)"
                       % (app_name, found or "nothing"))


def find(root, role_name, name_pattern=None, timeout=10):
    """First visible node with this role whose name matches the regex."""
    regex = re.compile(name_pattern) if name_pattern else None
    end = time.monotonic() + timeout
    while True:
        for acc in walk(root):
            if role(acc) != role_name:
                continue
            if regex is None or regex.search(name(acc)):
                return acc
        if time.monotonic() >= end:
            raise LookupError("no %s matching %r" % (role_name, name_pattern))
        pump(0.2)


def activate(acc):
    """Runs the node's first action (click for buttons)."""
    action = acc.queryAction()
    if action.nActions == 0:
        raise RuntimeError("%s %r has no action" % (role(acc), name(acc)))
    action.doAction(0)
    # A clicked GtkButton swallows key presses during its 250 ms animation.
    pump(0.5)


KEYSYMS = {"Tab": 0xff09, "Return": 0xff0d, "Escape": 0xff1b, "Down": 0xff54,
           "Up": 0xff52, "Home": 0xff50, "F1": 0xffbe, "F2": 0xffbf,
           "KP_Down": 0xff99, "KP_Up": 0xff97, "KP_Begin": 0xff9d}


def press(keysym_name):
    """Presses and releases a key through the registry (XTest on X11); it
    goes to the window that has the input focus."""
    Atspi.generate_keyboard_event(KEYSYMS[keysym_name], None, Atspi.KeySynthType.SYM)
    pump(0.3)


def repeats_itself(text):
    words = text.split()
    half = len(words) // 2
    return half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]


def audit(app, screen):
    """Problems on the current screen: unnamed controls, type-name fallbacks
    on any node, role unknown."""
    problems = []
    for acc in walk(app):
        r = role(acc)
        n = name(acc).strip()
        st = states(acc)
        if r == "unknown":
            problems.append("%s: role unknown, name %r" % (screen, n))
            continue
        # Whatever the role (panels, groups, labels, headings too): a screen
        # reader says the name, and a type name is no name ("GtkStackPage
        # panel"). GTK 4.8 names every unnamed node by its type; Orca 43
        # never says a filler (layout only, script_utilities.isLayoutOnly)
        # nor a scroll bar that cannot take the focus, so those two pass.
        silent = r == "filler" or (r == "scroll bar" and "focusable" not in st)
        if TYPE_NAME_RE.match(n) and not silent:
            problems.append("%s: %s named by its type %r" % (screen, r, n))
            continue
        operable = "focusable" in st or (r in CONTROL_ROLES and actions(acc))
        if not operable:
            continue
        if not n:
            problems.append("%s: %s without a name %s" % (screen, r, sorted(st)))
        elif TYPE_NAME_RE.match(n):
            problems.append("%s: %s named by its type %r" % (screen, r, n))
        elif repeats_itself(n):
            # GTK 4.8 joins an accessible label and a labelled-by relation.
            problems.append("%s: %s name says it twice %r" % (screen, r, n))
    return problems


def dump(acc, out=sys.stdout, depth=0):
    for child in [acc]:
        out.write("%s[%s] %r %s %s\n" % ("  " * depth, role(child), name(child),
                                         sorted(states(child) & {"focusable", "focused", "visible", "sensitive"}),
                                         actions(child)[:2]))
    for c in children(acc):
        if "visible" in states(c):
            dump(c, out, depth + 1)
