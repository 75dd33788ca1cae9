#!/usr/bin/python3
"""page-switch.py --kiosk PATH --db DB [--rounds N] [--raw FILE] [--label NAME] [--trace]

Key press to frame, for every page a citizen reaches, in the real kiosk.

Runs on the X display in $DISPLAY (bench/page-switch.sh starts a private Xvfb,
session bus and accessibility bus with tests/ui/gui-run.sh). Starts the kiosk
(`PATH --kiosk --db DB --speech-output=memory`) with BK_FRAME_LOG naming a file
in which the kiosk's window writes, with CLOCK_MONOTONIC times, every key it
sees, every page shown, the help opening, a page's status (search results),
every focus move and every frame (start, end of layout, end of paint, end:
GdkFrameClock before-paint / layout / paint / after-paint;
src/ui/shell/bk-window-frames.c). Nothing else in the kiosk changes.

Keys are real X key events (XTest, as xdotool sends them): press and release,
sent together, through the X server, GDK's event queue and the window's key
router, as a keyboard's key would. time.monotonic() here is the same
CLOCK_MONOTONIC as the kiosk's g_get_monotonic_time(), so

    latency = end of the first frame that starts after the page is shown
              - the moment the key press was sent.

Each round starts in a fresh window: the language is switched to English and
back on the start page, which builds the window anew exactly as the idle reset
after every citizen does. Then it walks, by keys only, home -> services ->
search -> a service -> each form offered there -> motions -> search -> a motion
-> feedback form -> receipt -> home -> glossary -> tutorial -> accessibility
panel (F2) -> help (F1), measuring the first visit of each page in that window
("first") and, where the walk comes back to a page with Escape, the return
("back"). Moves of the focus between measured keys are not measured; before
every measured key the kiosk is left to settle (no layout for 300 ms).

With PAGE_SWITCH_KEEP=DIR in the environment, each kiosk's frame log is kept
as DIR/frames-LABEL-N.log (to line it up with a profile, e.g. perf record -k
CLOCK_MONOTONIC).

Prints one line per measurement, a table of median / p95 / max per page and
RESULT lines (pageswitch.<label>.<page>.median_ms, .p95_ms, .n).
"""
import argparse, os, re, shlex, shutil, signal, statistics, subprocess, sys, tempfile, time
from Xlib import X, XK, display as xdisplay
from Xlib.ext import xtest


def now_us():
    return time.monotonic_ns() // 1000


class FrameLog:
    """The kiosk's BK_FRAME_LOG, read as it grows."""

    def __init__(self, path):
        self.path = path
        self.f = None
        self.events = []     # (kind, t_us, detail, cpu_us)
        self.frames = []     # (start, layout_end, paint_end, end, cpu_us)

    def poll(self):
        if self.f is None:
            if not os.path.exists(self.path):
                return
            self.f = open(self.path)
        while True:
            line = self.f.readline()
            if not line:
                return
            if not line.endswith("\n"):          # half a line: read it again later
                self.f.seek(self.f.tell() - len(line))
                return
            parts = line.rstrip("\n").split(" ", 3)
            if parts[0] == "frame":
                self.frames.append(tuple(int(x) for x in line.split()[1:6]))
            else:
                self.events.append((parts[0], int(parts[1]), parts[3] if len(parts) > 3 else "", int(parts[2])))

    def last(self, kind):
        for ev in reversed(self.events):
            if ev[0] == kind:
                return ev
        return None


def frame_figures(t0, ev, fr, key):
    """See Kiosk.measure."""
    ms = lambda t: None if t is None else (t - t0) / 1000
    return (ms(fr[3]), ms(ev[1]), ms(fr[0]), ms(key[1]) if key else None,
            (fr[1] - fr[0]) / 1000 if fr[1] else 0,
            (fr[2] - (fr[1] or fr[0])) / 1000 if fr[2] else 0,
            (fr[4] - key[3]) / 1000 if key else 0)


class Kiosk:
    def __init__(self, command, db, trace, label="kiosk"):
        """command: 'VAR=VALUE ... PROGRAM' (shell words)."""
        self.label = label
        self.tmp = tempfile.mkdtemp(prefix="bk-page-switch.")
        self.log = FrameLog(os.path.join(self.tmp, "frames.log"))
        env = dict(os.environ, BK_FRAME_LOG=self.log.path)
        words = shlex.split(command)
        while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
            name, value = words.pop(0).split("=", 1)
            env[name] = value
        cmd = words + ["--kiosk", "--db", db, "--speech-output=memory"]
        self.d = xdisplay.Display()
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(self.tmp, "kiosk.err"), "w"),
                                     start_new_session=True)
        self.trace = trace
        self.wait(lambda: self.log.last("page") is not None and self.painted_after(self.log.last("page")[1]),
                  30, "the kiosk's first page")
        renderer = self.log.last("renderer")
        self.renderer = renderer[2] if renderer else "?"
        self.focus_window()

    # -- X -------------------------------------------------------------------
    def focus_window(self):
        """No window manager: give the kiosk's top-level the X focus."""
        root = self.d.screen().root
        for w in root.query_tree().children:
            try:
                a, g = w.get_attributes(), w.get_geometry()
            except Exception:
                continue
            if a.map_state == X.IsViewable and g.width >= 640:
                self.d.set_input_focus(w, X.RevertToPointerRoot, X.CurrentTime)
        self.d.sync()

    def keycode(self, name):
        sym = XK.string_to_keysym(name)
        if sym == 0 and len(name) == 1:
            sym = ord(name)
        code = self.d.keysym_to_keycode(sym)
        if code == 0:
            raise SystemExit("page-switch: no key code for %r" % name)
        return code

    def press(self, spec):
        """'Return', 'shift+Tab', 'alt+Home', 'a': press and release; the time the press was sent."""
        *mods, key = spec.split("+")
        mods = [self.keycode({"shift": "Shift_L", "alt": "Alt_L", "ctrl": "Control_L"}[m]) for m in mods]
        code = self.keycode(key)
        shift = len(key) == 1 and key.isupper()
        for m in mods:
            xtest.fake_input(self.d, X.KeyPress, m)
        if shift:
            xtest.fake_input(self.d, X.KeyPress, self.keycode("Shift_L"))
        t0 = now_us()
        xtest.fake_input(self.d, X.KeyPress, code)
        xtest.fake_input(self.d, X.KeyRelease, code)
        if shift:
            xtest.fake_input(self.d, X.KeyRelease, self.keycode("Shift_L"))
        for m in reversed(mods):
            xtest.fake_input(self.d, X.KeyRelease, m)
        self.d.sync()
        if self.trace:
            print("    key %s" % spec, file=sys.stderr)
        return t0

    # -- the frame log -------------------------------------------------------
    def wait(self, cond, timeout, what):
        end = time.monotonic() + timeout
        while True:
            self.log.poll()
            r = cond()
            if r:
                return r
            if self.proc.poll() is not None:
                raise SystemExit("page-switch: the kiosk ended (%s)" % self.proc.returncode)
            if time.monotonic() > end:
                raise TimeoutError(what)
            time.sleep(0.002)

    def painted_after(self, t):
        """The first frame that started after t, once it has ended."""
        for fr in self.log.frames:
            if fr[0] > t:
                return fr
        return None

    def settle(self, quiet_ms=300, least_ms=400, most_s=5):
        """Until no frame has laid out anything for quiet_ms (a blinking
        cursor only paints)."""
        start = now_us()
        end = time.monotonic() + most_s
        while time.monotonic() < end:
            self.log.poll()
            t = now_us()
            busy = [fr for fr in self.log.frames[-50:] if fr[1] and fr[3] > t - quiet_ms * 1000]
            if not busy and t - start > least_ms * 1000:
                return
            time.sleep(0.02)

    def focus(self):
        ev = self.log.last("focus")
        return ev[2] if ev else ""

    def focus_to(self, pattern, key="Tab", most=80):
        """Moves the focus with key until the focus line matches pattern."""
        rx = re.compile(pattern)
        for _ in range(most):
            self.log.poll()
            if rx.search(self.focus()):
                return
            if self.trace:
                print("    focus %s" % self.focus(), file=sys.stderr)
            n = len(self.log.events)
            self.press(key)
            try:
                self.wait(lambda: any(e[0] == "focus" for e in self.log.events[n:]), 2, "focus")
            except TimeoutError:
                pass
        raise TimeoutError("no focus matching %r (last: %s)" % (pattern, self.focus()))

    def measure(self, key, kind, match=None, timeout=10):
        """Sends key; waits for the event (kind, detail matching) after it and
        the first frame after that. Returns, in ms from the key press: the
        end of that frame (the latency), the event, the start of the frame,
        the key as the window saw it; then the frame's layout and paint
        times and the CPU time of the kiosk's main thread from the key to
        the end of the frame."""
        self.settle()
        self.log.poll()
        n = len(self.log.events)
        t0 = self.press(key)
        rx = re.compile(match) if match else None

        def hit():
            for ev in self.log.events[n:]:
                if ev[0] == kind and (rx is None or rx.search(ev[2])):
                    return ev
            return None
        ev = self.wait(hit, timeout, "%s %s after %s" % (kind, match, key))
        fr = self.wait(lambda: self.painted_after(ev[1]), timeout, "a frame after %s" % kind)
        key = next((e for e in self.log.events[n:] if e[0] == "key"), None)
        return frame_figures(t0, ev, fr, key)

    def quit(self):
        keep = os.environ.get("PAGE_SWITCH_KEEP")
        if keep and os.path.exists(self.log.path):
            n = len([f for f in os.listdir(keep) if f.startswith("frames-")])
            shutil.copy(self.log.path, os.path.join(keep, "frames-%s-%d.log" % (self.label, n + 1)))
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=10)
        except Exception:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except Exception:
                pass
        self.d.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


# ---- the walk -----------------------------------------------------------------

# The form's buttons, as the German interface names them (po/de.po: Start,
# Next, Send).
START_BUTTON = r"GtkButton - - Los geht"
NEXT_BUTTON = r"GtkButton - - Weiter"
SEND_BUTTON = r"GtkButton - - Senden"

def walk(k, record, search_services, search_motions):
    """One round by keys; record(page, visit, result)."""
    def m(page, visit, key, kind, match=None):
        r = k.measure(key, kind, match)
        record(page, visit, r)

    def form(name):
        """The form's first screen (what is stored), then its first questions."""
        m("form %s" % name, "first", "Return", "page", "^form$")
        k.focus_to(START_BUTTON)
        m("form %s, questions" % name, "first", "Return", "focus", "^(?!" + START_BUTTON + ")")

    # A fresh window, as after every citizen's idle reset.
    k.focus_to(r"app\.language 'en'")
    m("language switch", "first", "Return", "page", "^home$")
    k.focus_to(r"app\.language 'de'")
    m("language switch", "first", "Return", "page", "^home$")

    k.press("alt+Home")
    k.settle()
    k.focus_to(r"win\.show-services", "shift+Tab")
    m("services", "first", "Return", "page", "^services$")
    # Search as you type: the last letter to the frame with the results.
    k.focus_to(r"GtkText ")
    for ch in search_services[:-1]:
        k.press(ch)
    m("services search results", "first", search_services[-1], "status", "^services$")
    k.focus_to(r"win\.open-service")
    m("service", "first", "Return", "page", "^service$")
    forms = []
    while True:
        try:
            k.focus_to(r"win\.start-form", most=60)
        except TimeoutError:
            break
        target = k.focus().split()[2]
        if target in forms:
            break
        forms.append(target)
        form(target.strip("'"))
        m("service", "back", "Escape", "page", "^service$")
        # past the button just measured
        k.focus_to(r"win\.start-form " + re.escape(target))
        k.press("Tab")
    m("services search results", "back", "Escape", "page", "^services$")
    # Escape in the search field clears the search; the start page by its key.
    m("home", "back", "alt+Home", "page", "^home$")

    k.focus_to(r"win\.show-motions")
    m("motions", "first", "Return", "page", "^motions$")
    k.focus_to(r"GtkText ")
    for ch in search_motions[:-1]:
        k.press(ch)
    m("motions search results", "first", search_motions[-1], "status", "^motions$")
    k.focus_to(r"GtkListItemWidget")
    m("motion", "first", "Return", "page", "^motion$")
    k.focus_to(r"win\.show-glossary '")
    m("glossary at a word", "first", "Return", "page", "^glossary$")
    m("motion", "back", "Escape", "page", "^motion$")
    k.focus_to(r"win\.start-form 'motion-feedback'")
    form("motion-feedback")
    # The first opinion, then the overview, then Send.
    k.focus_to(r"GtkToggleButton - - Ich bin dafür")
    k.press("space")
    k.focus_to(NEXT_BUTTON)
    k.settle()
    k.log.poll()
    n = len(k.log.events)
    k.press("Return")
    k.wait(lambda: any(e[0] == "focus" for e in k.log.events[n:]), 5, "the overview")
    k.focus_to(SEND_BUTTON)
    m("receipt", "first", "Return", "page", "^receipt$")
    m("home", "back", "alt+Home", "page", "^home$")

    k.focus_to(r"win\.show-glossary")
    m("glossary", "first", "Return", "page", "^glossary$")
    m("home", "back", "Escape", "page", "^home$")
    k.focus_to(r"win\.show-tutorial")
    m("tutorial", "first", "Return", "page", "^tutorial$")
    m("home", "back", "alt+Home", "page", "^home$")
    m("accessibility panel", "first", "F2", "page", "^accessibility$")
    m("home", "back", "Escape", "page", "^home$")
    m("help", "first", "F1", "help", "^1$")
    m("help closed", "first", "F1", "help", "^0$")


def pct(v, p):
    v = sorted(v)
    return v[max(0, min(len(v) - 1, int(round(p * (len(v) - 1)))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", nargs=2, action="append", metavar=("LABEL", "COMMAND"), required=True,
                    help="a kiosk to measure: 'VAR=VALUE ... PROGRAM'; several take turns")
    ap.add_argument("--db-dir", required=True, help="each label's database: DIR/LABEL.db (demo content)")
    ap.add_argument("--turns", type=int, default=3, help="kiosk starts per label, taking turns")
    ap.add_argument("--rounds", type=int, default=5, help="rounds per kiosk start")
    ap.add_argument("--raw")
    ap.add_argument("--search-services", default="Ausweis")
    # Its last letter must change the number of results, else the page says
    # no status to wait for ("Interne" and "Internet" find the same two
    # motions since the search looks up German stems): "Antra" 10, "Antrag" 9.
    ap.add_argument("--search-motions", default="Antrag")
    ap.add_argument("--trace", action="store_true")
    a = ap.parse_args()

    results = {label: {} for label, _ in a.config}
    order = []
    raw = open(a.raw, "a") if a.raw else None
    failed = {label: 0 for label, _ in a.config}

    for turn in range(1, a.turns + 1):
        for label, command in a.config:
            def record(page, visit, r, label=label):
                key = (page, visit)
                if key not in order:
                    order.append(key)
                results[label].setdefault(key, []).append(r)
                print("%-12s %-32s %-5s %7.1f ms  (shown %6.1f, frame starts %6.1f, key seen %5.1f, layout %6.1f,"
                      " paint %6.1f; main thread CPU %6.1f ms)"
                      % (label, page, visit, r[0], r[1], r[2], r[3] or 0, r[4], r[5], r[6]), flush=True)
                if raw:
                    print("%s\t%s\t%s\t%s" % (label, page, visit, "\t".join("%.2f" % (x or 0) for x in r)),
                          file=raw, flush=True)

            db = os.path.join(a.db_dir, re.sub(r"[^A-Za-z0-9_.-]", "_", label) + ".db")
            k = Kiosk(command, db, a.trace, label)
            print("# %s: renderer %s" % (label, k.renderer), flush=True)
            try:
                for i in range(1, a.rounds + 1):
                    print("# %s, start %d, round %d" % (label, turn, i), flush=True)
                    try:
                        walk(k, record, a.search_services, a.search_motions)
                    except TimeoutError as e:
                        failed[label] += 1
                        print("# %s round FAILED: %s (focus: %s)" % (label, e, k.focus()), flush=True)
                        k.press("Escape")
                        k.press("alt+Home")
                        k.settle()
            finally:
                k.quit()

    labels = [label for label, _ in a.config]
    lines = []
    print("\nkey press to the first frame of the page, ms: median / p95 (n)")
    print("%-32s %-5s " % ("page", "visit") + "".join("%-22s" % l for l in labels))
    everything = {l: [] for l in labels}
    for key in order:
        cells = []
        name = re.sub(r"[^a-z0-9]+", "_", "%s %s" % key).strip("_")
        for l in labels:
            lat = [r[0] for r in results[l].get(key, [])]
            if not lat:
                cells.append("%-22s" % "-")
                continue
            everything[l].extend(lat)
            med, p95 = statistics.median(lat), pct(lat, 0.95)
            cells.append("%-22s" % ("%.0f / %.0f (%d)" % (med, p95, len(lat))))
            cpu = statistics.median(r[6] for r in results[l][key])
            lines += ["RESULT pageswitch.%s.%s.median_ms %.1f" % (l, name, med),
                      "RESULT pageswitch.%s.%s.p95_ms %.1f" % (l, name, p95),
                      "RESULT pageswitch.%s.%s.cpu_median_ms %.1f" % (l, name, cpu),
                      "RESULT pageswitch.%s.%s.n %d" % (l, name, len(lat))]
        print("%-32s %-5s " % key + "".join(cells))
    cells = []
    for l in labels:
        v = everything[l]
        cells.append("%-22s" % ("%.0f / %.0f (%d)" % (statistics.median(v), pct(v, 0.95), len(v)) if v else "-"))
        if v:
            lines += ["RESULT pageswitch.%s.all.median_ms %.1f" % (l, statistics.median(v)),
                      "RESULT pageswitch.%s.all.p95_ms %.1f" % (l, pct(v, 0.95))]
        lines.append("RESULT pageswitch.%s.failed_rounds %d" % (l, failed[l]))
    print("%-32s %-5s " % ("every switch", "") + "".join(cells))
    print("\nCPU time of the kiosk's main thread from the key to that frame, ms: median")
    print("%-32s %-5s " % ("page", "visit") + "".join("%-22s" % l for l in labels))
    for key in order:
        print("%-32s %-5s " % key + "".join(
            "%-22s" % ("%.0f" % statistics.median(r[6] for r in results[l][key]) if results[l].get(key) else "-")
            for l in labels))
    print()
    print("\n".join(lines))
    sys.exit(1 if any(failed[l] == a.rounds * a.turns for l in labels) else 0)


if __name__ == "__main__":
    main()
