#!/usr/bin/python3
"""The real kiosk over AT-SPI: every screen's controls have names.

Starts $BK_BUILD_ROOT/src/buergerkiosk on a fresh database (so the demo
content is seeded), waits for it on the accessibility registry and walks its
tree on the home screen, the services page, the motion list and a motion page.
Fails on any focusable or operable node whose name is empty or a GTK type name
("GtkToggleButton"), and on any node with the role "unknown".

Run inside gui-run.sh (meson does this): python3-pyatspi, Debian's python.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_atspi as K  # noqa: E402

APP_NAME = "buergerkiosk"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def focused(app):
    for acc in K.walk(app):
        if "focused" in K.states(acc):
            return acc
    return None


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
    workdir = tempfile.mkdtemp(prefix="bk-atspi-")
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    log = open(os.path.join(workdir, "kiosk.log"), "w+")
    proc = subprocess.Popen([kiosk, "--db", os.path.join(workdir, "kiosk.db")],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    problems = []
    report = []
    try:
        app = K.find_app(APP_NAME, timeout=60)
        K.pump(1.0)

        # The database must have opened: no error page.
        try:
            K.find(app, "heading", "^(The motions cannot be shown|Die Anträge)", timeout=0)
            log.seek(0)
            raise Failure("the kiosk shows its error page:\n" + log.read())
        except LookupError:
            pass

        # Home: two named choices, the first one focused.
        problems += audit(app, "home", report)
        choices = [acc for acc in K.walk(app)
                   if K.role(acc) == "push button" and "sensitive" in K.states(acc)]
        check(len(choices) >= 2, "home: expected two choices, found %d" % len(choices))
        first = focused(app)
        check(first is not None and K.role(first) == "push button" and K.name(first),
              "home: the first choice is not focused")
        report.append("home: focus on %r" % K.name(first))
        services, motions = choices[0], choices[1]
        motions_name = K.name(motions)

        # Services, then back with Escape.
        K.activate(services)
        K.find(app, "heading", ".", timeout=5)
        problems += audit(app, "services", report)
        press("Escape")
        wait_focused(app, "push button", "^%s$" % re.escape(K.name(services)))
        report.append("services: Escape went back to the start page")

        # Motion list.
        motions = K.find(app, "push button", "^%s$" % re.escape(motions_name))
        K.activate(motions)
        wait_focused(app, "entry")
        problems += audit(app, "motion list", report)
        items = [acc for acc in K.walk(app) if K.role(acc) == "list item"]
        check(items, "motion list: no motions listed")
        report.append("motion list: %d list items on screen, first %r" % (len(items), K.name(items[0])))

        # Open the first motion with the keyboard: Tab to the list, Return.
        for _ in range(8):
            press("Tab")
            acc = focused(app)
            if acc is not None and K.role(acc) == "list item":
                break
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

        # Back to the list and to the start with Escape.
        press("Escape")
        wait_focused(app, "entry")
        press("Escape")
        wait_focused(app, "push button")
        report.append("Escape: motion page -> list -> start page")
    except (Failure, LookupError, RuntimeError) as error:
        problems.append("FAILED: %s" % error)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)

    for line in report:
        print(line)
    for line in problems:
        print("PROBLEM " + line)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
