#!/usr/bin/python3
"""soak.py --kiosk COMMAND --db DB --minutes M --warmup W [--interval S] [--raw FILE]

The real kiosk for M minutes, driven by X key events as a citizen would drive
it, while its resident memory (VmRSS) and open file descriptors are sampled.

Runs on the X display in $DISPLAY (bench/soak.sh starts a private Xvfb,
session bus and accessibility bus with tests/ui/gui-run.sh). The kiosk is
started with --kiosk --speech-output=memory and a short idle timeout, with
BK_FRAME_LOG for the pages and focus it reports (page-switch.py's Kiosk).
One cycle, repeated until the time is up:
  * page-switch.py's walk: the language switched (a fresh window), services,
    their search, a service, every form offered there, motions, their search,
    a motion, the glossary at a word, the motion's feedback form to its
    receipt, the glossary, the tutorial, the accessibility panel, the help;
  * read aloud: a motion's first Read aloud button (the memory speech
    backend speaks without a sound device);
  * the idle reset: no key until the kiosk has warned and gone back to its
    start page by itself.
Samples every S seconds. After the warm-up W minutes: RSS growth is the
median of the last minute's samples over the median of the first minute after
the warm-up; fds the usual count (median) in those two minutes, which must be
the same, and their smallest and largest. The kiosk's stderr is
scanned for GLib/GTK warnings and criticals (G_DEBUG is not fatal here, so a
warning is counted instead of ending the run).

Prints samples and RESULT lines (soak.*).
"""
import argparse, importlib.util, os, re, statistics, sys, threading, time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("page_switch", os.path.join(here, "page-switch.py"))
ps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ps)

READ_ALOUD = r"GtkButton - - Vorlesen"
WARNING_RX = re.compile(r"(WARNING|CRITICAL|ERROR)\b|Gtk-|GLib-|Gdk-|Adwaita-")


class Sampler(threading.Thread):
    def __init__(self, pid, interval):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.samples = []          # (seconds since start, rss kB, fds)
        self.start_t = time.monotonic()
        self.stop = threading.Event()

    def sample(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                rss = int(next(l for l in f if l.startswith("VmRSS:")).split()[1])
            fds = len(os.listdir("/proc/%d/fd" % self.pid))
        except (OSError, StopIteration):
            return
        self.samples.append((time.monotonic() - self.start_t, rss, fds))

    def run(self):
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.interval)


def read_aloud(k):
    """A motion's first Read aloud button, from the start page."""
    k.press("alt+Home")
    k.settle()
    k.focus_to(r"win\.show-motions")
    k.measure("Return", "page", "^motions$")
    k.focus_to(r"GtkListItemWidget")
    k.measure("Return", "page", "^motion$")
    k.focus_to(READ_ALOUD)
    k.press("Return")
    time.sleep(2)
    k.press("alt+Home")
    k.settle()


def idle_reset(k, timeout):
    """Leaves the kiosk alone on a page other than the start page until it
    comes back to the start page by itself."""
    k.focus_to(r"win\.show-glossary")
    k.measure("Return", "page", "^glossary$")
    k.log.poll()
    n = len(k.log.events)
    k.wait(lambda: any(e[0] == "page" and re.search("^home$", e[2]) for e in k.log.events[n:]),
           timeout, "the idle reset")
    k.settle()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True, help="'VAR=VALUE ... PROGRAM [ARGS]'")
    ap.add_argument("--db", required=True)
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--warmup", type=float, default=5)
    ap.add_argument("--interval", type=float, default=5)
    ap.add_argument("--idle-timeout", type=int, default=3)
    ap.add_argument("--raw")
    a = ap.parse_args()

    k = ps.Kiosk(a.kiosk + " --idle-timeout=%d" % a.idle_timeout, a.db, False, "soak")
    err_path = os.path.join(k.tmp, "kiosk.err")
    sampler = Sampler(k.proc.pid, a.interval)
    sampler.start()
    end = time.monotonic() + a.minutes * 60
    cycles = failures = 0
    steps = {"walk": 0, "read aloud": 0, "idle reset": 0}
    try:
        while time.monotonic() < end and failures < 5:
            for name, step in (("walk", lambda: ps.walk(k, lambda *r: None, "Ausweis", "Antrag")),
                               ("read aloud", lambda: read_aloud(k)),
                               ("idle reset", lambda: idle_reset(k, a.idle_timeout + 90))):
                try:
                    step()
                    steps[name] += 1
                except TimeoutError as e:
                    # a missed focus on a busy machine: back to the start page, go on
                    failures += 1
                    print("cycle %d, %s: %s" % (cycles + 1, name, e), file=sys.stderr)
                    k.press("Escape")
                    k.press("alt+Home")
                    k.settle()
            cycles += 1
            last = sampler.samples[-1] if sampler.samples else (0, 0, 0)
            print("cycle %d at %.0f s: RSS %d kB, %d fds" % (cycles, last[0], last[1], last[2]), flush=True)
    finally:
        sampler.stop.set()
        sampler.join()
        alive = k.proc.poll() is None
        with open(err_path, errors="replace") as f:
            err = f.read()
        k.quit()

    s = sampler.samples
    if a.raw:
        with open(a.raw, "w") as f:
            for t, rss, fds in s:
                f.write("%.1f %d %d\n" % (t, rss, fds))
    warm = a.warmup * 60
    after = [x for x in s if x[0] >= warm]
    first = [x[1] for x in after if x[0] < warm + 60]
    last = [x[1] for x in after if x[0] >= s[-1][0] - 60] if s else []
    warnings = [l for l in err.splitlines() if WARNING_RX.search(l)]
    print("samples: %d, %d after the warm-up of %.1f min; cycles %d (walks %d, read aloud %d, idle resets %d),"
          " %d steps failed; kiosk still running: %s" % (len(s), len(after), a.warmup, cycles, steps["walk"],
                                                         steps["read aloud"], steps["idle reset"], failures, alive))
    if not first or not last:
        print("too short: no samples after the warm-up")
        return 1
    growth = (statistics.median(last) - statistics.median(first)) / statistics.median(first) * 100
    fds = [x[2] for x in after]
    fds_first = statistics.median_low([x[2] for x in after if x[0] < warm + 60])
    fds_last = statistics.median_low([x[2] for x in after if x[0] >= s[-1][0] - 60])
    print("RSS: at start %d kB, after warm-up %d kB (median of a minute), at the end %d kB: growth %.2f %%"
          % (s[0][1], statistics.median(first), statistics.median(last), growth))
    print("fds after warm-up: %d..%d; a minute after the warm-up %d, the last minute %d"
          % (min(fds), max(fds), fds_first, fds_last))
    print("warnings on stderr: %d" % len(warnings))
    for l in warnings[:20]:
        print("  " + l)
    print("RESULT soak.minutes %.1f" % (s[-1][0] / 60))
    print("RESULT soak.cycles %d" % cycles)
    print("RESULT soak.failed_steps %d" % failures)
    print("RESULT soak.rss_start_kb %d" % s[0][1])
    print("RESULT soak.rss_after_warmup_kb %d" % statistics.median(first))
    print("RESULT soak.rss_end_kb %d" % statistics.median(last))
    print("RESULT soak.rss_growth_pct %.2f" % growth)
    print("RESULT soak.fds_min %d" % min(fds))
    print("RESULT soak.fds_max %d" % max(fds))
    print("RESULT soak.warnings %d" % len(warnings))
    # an fd open for a moment (a file read, a speech stream) is no leak; the
    # count a minute after the warm-up and at the end must be the same
    ok = alive and growth < 5 and fds_first == fds_last and not warnings and steps["walk"] > 0 \
        and steps["read aloud"] > 0 and steps["idle reset"] > 0
    print("soak: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
