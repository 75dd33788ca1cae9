#!/usr/bin/python3
"""The idle reset end to end, over AT-SPI.

Starts the real kiosk with a short idle timeout (--idle-timeout=2, the
warning keeps its minimum of at least 20 s), opens a motion, types into the
motion search field, and then leaves the kiosk alone: the warning must
appear as an alert, then the session ends. Afterwards no entry or text node
anywhere in the tree (visible or not) may hold what was typed, and the
start page must be shown with no Back button. GTK 4.8 does not give a
search entry's text over AT-SPI, so the search is also checked by what it
does: the list is filtered before the reset and whole again after it.

Run inside gui-run.sh (meson does this): python3-pyatspi, Debian's python.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_atspi as K  # noqa: E402
from kiosk_atspi import Failure, check, focused  # noqa: E402

APP_NAME = "buergerkiosk"
TYPED = "wlan"          # matches a demo motion ("Schul-WLAN")
TEXT_ROLES = {"entry", "text", "password text", "spin button", "terminal"}


def wait_for(predicate, timeout, what):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        K.pump(0.2)
    raise Failure("timed out waiting for " + what)


def text_of(acc):
    try:
        text = acc.queryText()
        return text.getText(0, -1) or ""
    except Exception:
        return ""


def type_text(text):
    for ch in text:
        # Latin letters: the keysym is the code point.
        K.Atspi.generate_keyboard_event(ord(ch), None, K.Atspi.KeySynthType.SYM)
        K.pump(0.1)


def list_items(app):
    return [a for a in K.walk(app) if K.role(a) == "list item"]


def entries_holding(app, needle):
    return ["%s %r: %r" % (K.role(acc), K.name(acc), text_of(acc))
            for acc in K.walk(app, only_visible=False)
            if K.role(acc) in TEXT_ROLES and needle.lower() in text_of(acc).lower()]


def main():
    build_root = os.environ.get("BK_BUILD_ROOT")
    if not build_root:
        print("BK_BUILD_ROOT is not set", file=sys.stderr)
        return 2
    kiosk = os.path.join(build_root, "src", "buergerkiosk")
    if not os.environ.get("AT_SPI_BUS_ADDRESS") and not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("run me inside tests/ui/gui-run.sh", file=sys.stderr)
        return 2

    K.quiet()
    kiosk = K.Kiosk(kiosk, "bk-idle-", "--speech-output=memory", "--idle-timeout=2")
    try:
        app = K.find_app(APP_NAME, timeout=60)
        K.pump(1.0)

        # Search for something, then open a motion it finds.
        K.activate(K.find(app, "push button", "^Council motions$"))
        wait_for(lambda: (f := focused(app)) is not None and K.role(f) == "entry", 5,
                 "the search field to have the focus")
        listed = wait_for(lambda: list_items(app), 5, "the motion list")
        type_text(TYPED)
        items = wait_for(lambda: (i := list_items(app)) and len(i) < len(listed) and i, 5,
                         "the list filtered by %r" % TYPED)
        print("# %d motions listed, %d after typing %r" % (len(listed), len(items), TYPED))
        # The keyboard opens it: Tab to the list, Return.
        for _ in range(12):
            K.press("Tab")
            f = focused(app)
            if f is not None and K.role(f) == "list item":
                break
        check(f is not None and K.role(f) == "list item", "Tab did not reach the list")
        subject = K.name(f)
        K.press("Return")
        wait_for(lambda: [a for a in K.walk(app) if K.role(a) == "heading" and K.name(a) == subject],
                 5, "the motion page %r" % subject)
        print("# opened %r with %r in the search field" % (subject, TYPED))

        # Nobody touches the kiosk: the warning, as an alert, with Continue.
        alert = wait_for(lambda: [a for a in K.walk(app) if K.role(a) == "alert"], 20,
                         "the idle warning")
        check(K.name(alert[0]), "the warning has no name")
        K.find(app, "push button", "^Continue$", timeout=2)
        print("# warning: %r" % K.name(alert[0]))

        # Then the reset: the start page, a new window without history.
        wait_for(lambda: not [a for a in K.walk(app) if K.role(a) == "alert"]
                 and [a for a in K.walk(app) if K.role(a) == "heading" and K.name(a) == "Welcome"],
                 60, "the start page after the reset")
        K.pump(1.0)
        left = entries_holding(app, TYPED)
        check(not left, "text entered before the reset remains: %s" % left)
        check(not [a for a in K.walk(app) if K.role(a) == "push button" and K.name(a) == "Back"],
              "a Back button is shown after the reset")
        check(not [a for a in K.walk(app) if K.role(a) == "heading" and K.name(a) == subject],
              "the motion %r is still shown" % subject)
        checked = sum(1 for a in K.walk(app, only_visible=False) if K.role(a) in TEXT_ROLES)
        print("# after the reset: start page, %d text nodes, none holds %r" % (checked, TYPED))
        # The list is whole again: the search was cleared.
        K.activate(K.find(app, "push button", "^Council motions$"))
        again = wait_for(lambda: list_items(app), 5, "the motion list after the reset")
        check(len(again) == len(listed),
              "the list shows %d motions after the reset, %d before the search" % (len(again), len(listed)))
        print("# after the reset the list shows all %d motions again" % len(again))
        check(kiosk.proc.poll() is None, "the kiosk ended")
        print("ok")
        return 0
    except (Failure, LookupError, RuntimeError) as error:
        print("FAIL: %s\n--- kiosk log ---\n%s" % (error, kiosk.read_log()), file=sys.stderr)
        return 1
    finally:
        kiosk.stop()


if __name__ == "__main__":
    sys.exit(main())
