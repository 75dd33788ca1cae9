#!/usr/bin/python3
"""SIGTERM ends the kiosk's session cleanly (issue 18).

systemd stops and restarts the kiosk with SIGTERM. Starts the real kiosk
with --kiosk on a fresh database, opens a page (a page view and a session to
count), sends SIGTERM at once — before the counts' own write, seconds later —
and expects: the kiosk ends within 10 s with status 0, says so in its log,
and the session and the page view are in the database's statistics.

Run inside gui-run.sh (meson does this): python3-pyatspi.
"""
import os
import signal
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_atspi as K  # noqa: E402
from kiosk_atspi import Failure, check  # noqa: E402

APP_NAME = "buergerkiosk"


def main():
    build_root = os.environ.get("BK_BUILD_ROOT")
    if not build_root:
        print("BK_BUILD_ROOT is not set", file=sys.stderr)
        return 2
    K.quiet()
    kiosk = K.Kiosk(os.path.join(build_root, "src", "buergerkiosk"), "bk-sigterm-",
                    "--speech-output=memory", "--kiosk")
    db = os.path.join(kiosk.workdir, "kiosk.db")
    try:
        app = K.find_app(APP_NAME, timeout=60)
        K.pump(1.0)
        K.activate(K.find(app, "push button", "^Council motions$"))
        K.pump(0.5)

        start = time.monotonic()
        kiosk.proc.send_signal(signal.SIGTERM)
        try:
            status = kiosk.proc.wait(timeout=10)
        except Exception:
            raise Failure("the kiosk did not end within 10 s of SIGTERM")
        took = time.monotonic() - start
        log = kiosk.read_log()
        check(status == 0, "exit status %r after SIGTERM; log:\n%s" % (status, log))
        check("Stopped by a signal" in log, "the log does not say why the kiosk ended:\n%s" % log)

        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        rows = con.execute("SELECT category, key, value FROM stats").fetchall()
        con.close()
        counts = {(c, k): v for c, k, v in rows}
        check(counts.get(("session", "all"), 0) >= 1, "no session counted: %r" % rows)
        check(counts.get(("page-view", "motions"), 0) >= 1, "the page view is not counted: %r" % rows)
        print("# ended %.1f s after SIGTERM with status 0; statistics: %r" % (took, sorted(rows)))
    except (Failure, LookupError, RuntimeError) as e:
        print("FAIL: %s" % e)
        return 1
    finally:
        kiosk.stop()
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
