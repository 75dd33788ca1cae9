#!/usr/bin/python3
"""The real kiosk over AT-SPI: every screen's controls have names.

Starts $BK_BUILD_ROOT/src/buergerkiosk on a fresh database (so the demo
content is seeded), waits for it on the accessibility registry and walks its
tree on every screen: home, the service catalogue, a service page, a form,
the form's questions with the on-screen keyboard open, the motion list, a
motion page, the glossary, the accessibility panel, the help, the tutorial,
the meetings, the digital projects, and home in Arabic.
Fails on any focusable or operable node whose name is empty, on any node of
any role named by its GTK type ("GtkToggleButton", "GtkStackPage"), and on
any node with the role "unknown".

Run inside gui-run.sh (meson does this): python3-pyatspi, Debian's python.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_atspi as K  # noqa: E402
from kiosk_atspi import Failure, check, focused  # noqa: E402

APP_NAME = "buergerkiosk"


def wait_focused(app, role, name_pattern=None, timeout=5):
    end = time.monotonic() + timeout
    acc = None
    while time.monotonic() < end:
        acc = focused(app)
        if acc is not None and K.role(acc) == role and \
           (name_pattern is None or re.search(name_pattern, K.name(acc))):
            return acc
        K.pump(0.1)
    raise Failure("expected focus on %s %r, it is on %s" % (
        role, name_pattern,
        "%s %r" % (K.role(acc), K.name(acc)) if acc is not None else "nothing"))


def audit(app, screen, report):
    problems = K.audit(app, screen)
    checked = sum(1 for acc in K.walk(app) if "focusable" in K.states(acc))
    report.append("%s: %d focusable nodes, %d problems" % (screen, checked, len(problems)))
    return problems


def press(key):
    K.press(key)
    K.pump(0.3)


def main():
    build_root = os.environ.get("BK_BUILD_ROOT")
    if not build_root:
        print("BK_BUILD_ROOT is not set", file=sys.stderr)
        return 2
    kiosk = os.path.join(build_root, "src", "buergerkiosk")
    if not os.access(kiosk, os.X_OK):
        print("no kiosk at %s" % kiosk, file=sys.stderr)
        return 2
    if not os.environ.get("AT_SPI_BUS_ADDRESS") and not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("run me inside tests/ui/gui-run.sh", file=sys.stderr)
        return 2

    K.quiet()
    # English names for the checks; the switch to Arabic and German is tested.
    kiosk = K.Kiosk(kiosk, "bk-atspi-")
    problems = []
    report = []
    try:
        app = K.find_app(APP_NAME, timeout=60)
        K.pump(1.0)

        # The database must have opened: no error page.
        try:
            K.find(app, "heading", "^(The motions cannot be shown|Die Anträge)", timeout=0)
            raise Failure("the kiosk shows its error page:\n" + kiosk.read_log())
        except LookupError:
            pass

        # Home: named choices, the first one (Services) focused.
        problems += audit(app, "home", report)
        first = focused(app)
        check(first is not None and K.role(first) == "push button" and K.name(first),
              "home: no choice is focused")
        report.append("home: focus on %r" % K.name(first))
        services = K.find(app, "push button", "^Services$", timeout=5)
        check(K.name(first) == "Services", "home: focus on %r, not Services" % K.name(first))
        chosen = []
        for language in ("Deutsch", "English", "Türkçe", "العربية", "Українська"):
            lang = K.find(app, "radio button", "^%s$" % language, timeout=0)
            if "checked" in K.states(lang):
                chosen.append(language)
        # one of many: a radio button each, exactly one says it is checked
        check(len(chosen) == 1, "home: the languages checked: %r, not exactly one" % chosen)
        report.append("home: the five languages are named in themselves")

        # The service catalogue, a service page and the first step of a form.
        K.activate(services)
        wait_focused(app, "entry", "^Search services$")
        problems += audit(app, "services", report)
        rows = [acc for acc in K.walk(app) if K.role(acc) == "list item"]
        check(len(rows) >= 15, "services: only %d services listed" % len(rows))
        # Down from the search field goes straight to the results (not a
        # dozen Tab stops through the filters).
        press("Down")
        service = wait_focused(app, "list item")
        service_name = K.name(service).split(".")[0]
        press("Return")
        K.find(app, "heading", "^%s$" % re.escape(service_name), timeout=5)
        problems += audit(app, "service page", report)
        qr = [acc for acc in K.walk(app) if K.name(acc).startswith("QR code for ")]
        report.append("service page: %r, %d QR code" % (service_name, len(qr)))
        # the forms the service names (issue 15), under their titles
        form_titles = ("Request an appointment", "Request a certificate of registration",
                       "Report a defect", "Suggestion or complaint to the council")
        forms = [acc for acc in K.walk(app) if K.role(acc) == "push button"
                 and K.name(acc).startswith(form_titles)]
        if forms:
            K.activate(forms[0])
            K.find(app, "heading", ".", timeout=5)
            problems += audit(app, "form", report)
            report.append("form: opened from the service page")
            # The questions, with the on-screen keyboard open: a named group
            # of named keys.
            K.activate(K.find(app, "push button", "^Start$", timeout=5))
            K.activate(K.find(app, "push button", "^Keyboard: ", timeout=5))
            keyboard = None
            end = time.monotonic() + 5
            while keyboard is None and time.monotonic() < end:
                keyboard = next((acc for acc in K.walk(app) if K.name(acc) == "On-screen keyboard"), None)
                K.pump(0.2)
            check(keyboard is not None, "form: the Keyboard button opened no on-screen keyboard")
            keys = [acc for acc in K.walk(keyboard) if K.role(acc) in ("push button", "toggle button")]
            check(len(keys) >= 50, "on-screen keyboard: only %d keys" % len(keys))
            problems += audit(app, "form with the on-screen keyboard", report)
            report.append("on-screen keyboard: %r, %d keys, e.g. %s" % (
                K.role(keyboard), len(keys), ", ".join(repr(K.name(k)) for k in keys[12:16])))
            press("Escape")
            K.pump(0.5)
            check(not [acc for acc in K.walk(app) if K.name(acc) == "On-screen keyboard"],
                  "on-screen keyboard: Escape did not close it")
            press("Escape")
            K.pump(0.5)
        # Back returns to the service that was opened, not to the search.
        press("Escape")
        wait_focused(app, "list item", "^%s" % re.escape(service_name))
        report.append("services: Back returned to %r" % service_name)
        K.activate(K.find(app, "push button", "^Start page$", timeout=5))
        wait_focused(app, "push button", "^Services$")
        report.append("services: back to the start page")

        # Motion list.
        K.activate(K.find(app, "push button", "^Council motions$"))
        wait_focused(app, "entry")
        problems += audit(app, "motion list", report)
        items = [acc for acc in K.walk(app) if K.role(acc) == "list item"]
        check(items, "motion list: no motions listed")
        report.append("motion list: %d list items on screen, first %r" % (len(items), K.name(items[0])))

        # Open the first motion with the keyboard: Down to the list, Return.
        press("Down")
        item = wait_focused(app, "list item")
        subject = K.name(item)
        press("Return")
        title = None
        end = time.monotonic() + 5
        while time.monotonic() < end and title is None:
            for acc in K.walk(app):
                if K.role(acc) == "heading" and K.name(acc) == subject:
                    title = acc
                    break
            K.pump(0.1)
        check(title is not None, "motion page: no heading %r" % subject)
        problems += audit(app, "motion page", report)
        links = [acc for acc in K.walk(app) if K.role(acc) == "link"]
        report.append("motion page: %r, %d related links" % (subject, len(links)))

        # A related paper that the kiosk has opens that motion; Escape
        # comes back to this one.
        if links:
            target = K.name(links[0])
            K.activate(links[0])
            other = None
            end = time.monotonic() + 5
            while time.monotonic() < end and other is None:
                for acc in K.walk(app):
                    if K.role(acc) == "heading" and "focused" in K.states(acc) \
                       and K.name(acc) != subject:
                        other = acc
                        break
                K.pump(0.1)
            check(other is not None, "related link %r opened nothing" % target)
            report.append("related link %r opened %r" % (target, K.name(other)))
            problems += audit(app, "related motion", report)
            press("Escape")
            wait_focused(app, "heading", "^%s$" % re.escape(subject))
            report.append("Escape: back to %r" % subject)

        # A glossary word from the motion, if the motion has one.
        explain = [acc for acc in K.walk(app)
                   if K.role(acc) == "push button" and K.name(acc).startswith("Explain:")]
        if explain:
            word = K.name(explain[0])
            K.activate(explain[0])
            K.find(app, "heading", ".", timeout=5)
            problems += audit(app, "glossary from the motion", report)
            report.append("motion page: %r opened the glossary" % word)
            press("Escape")
            K.find(app, "heading", "^%s$" % re.escape(subject), timeout=5)

        # Back to the list, on the motion that was opened, and to the start
        # with Escape.
        press("Escape")
        wait_focused(app, "list item", "^%s" % re.escape(subject))
        press("Escape")
        wait_focused(app, "push button")
        report.append("Escape: motion page -> list -> start page")

        # The accessibility panel with its key, from the start page.
        press("F2")
        K.find(app, "heading", "^(Colours|Colors)", timeout=5)
        problems += audit(app, "accessibility panel", report)
        # GTK 4.8 exposes a toggle button as a push button with the pressed
        # state (only while pressed): count those that are on.
        toggles = [acc for acc in K.walk(app)
                   if K.role(acc) in ("toggle button", "radio button", "check box", "switch")
                   or (K.role(acc) == "push button" and {"checked", "pressed"} & K.states(acc))]
        check(len(toggles) >= 10, "accessibility panel: only %d toggles" % len(toggles))
        pressed = [acc for acc in toggles if {"checked", "pressed"} & K.states(acc)]
        check(pressed, "accessibility panel: no toggle says it is on")
        report.append("accessibility panel: %d toggles, %d on" % (len(toggles), len(pressed)))
        press("Escape")
        wait_focused(app, "push button")

        # Help over the start page: F1 opens, Escape closes.
        press("F1")
        dialog = K.find(app, "dialog", "Help", timeout=5)
        problems += audit(app, "help", report)
        report.append("help: %r" % K.name(dialog))
        press("Escape")
        K.pump(0.5)
        check(not [a for a in K.walk(app) if K.role(a) == "dialog"], "help: Escape did not close it")

        # The tutorial and the glossary from the start page.
        # (The tutorial teaches Escape as the Back key: leave it by its button.)
        for button, screen, leave in (("How to use the keys", "tutorial", "Leave tutorial"),
                                      ("Words explained", "glossary", None),
                                      ("Meetings", "meetings", None),
                                      ("Digital projects", "digital projects", None)):
            K.activate(K.find(app, "push button", "^%s$" % button, timeout=5))
            K.find(app, "heading", ".", timeout=5)
            problems += audit(app, screen, report)
            if leave:
                K.activate(K.find(app, "push button", "^%s$" % leave, timeout=5))
            else:
                press("Escape")
            K.find(app, "push button", "^Services$", timeout=5)

        # Arabic: the window is rebuilt in Arabic, right to left, and still
        # has names everywhere.
        K.activate(K.find(app, "radio button", "^العربية$"))
        K.pump(1.5)
        app = K.find_app(APP_NAME, timeout=10)
        arabic = K.find(app, "push button", "[\u0600-\u06FF]", timeout=5)
        problems += audit(app, "home in Arabic", report)
        report.append("Arabic: %r" % K.name(arabic))
        K.activate(K.find(app, "radio button", "^Deutsch$"))
        K.pump(1.5)
        app = K.find_app(APP_NAME, timeout=10)
        K.find(app, "heading", "^Willkommen$", timeout=5)
        report.append("German again: Willkommen")
    except (Failure, LookupError, RuntimeError) as error:
        problems.append("FAILED: %s" % error)
    finally:
        kiosk.stop()

    for line in report:
        print(line)
    for line in problems:
        print("PROBLEM " + line)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
