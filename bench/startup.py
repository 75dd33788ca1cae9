#!/usr/bin/python3
"""startup.py [--runs N] [--hold S] [--timeout S] --cmd LABEL 'COMMAND' [--cmd LABEL 'COMMAND' ...]

Start-up time of GUI programs on the X display in $DISPLAY (bench/startup.sh starts
Xvfb), measured from exec:
  map    ms to the first top-level window being mapped (X MapNotify on the root
         window, event-driven via python3-xlib)
  paint  ms to the first frame in that window with more than one colour (polled
         with XGetImage every ~10 ms; a just-mapped window is one flat colour)
  RSS    peak resident memory of the whole process tree (browsers are several
         processes), sampled every 50 ms until HOLD s after paint; PSS beside it.
The commands take turns (run 1 of each, then run 2 of each, ...) so that noise on a
shared machine hits them alike. '{TMPDIR}' in a command becomes a fresh empty
directory per run. Prints one line per run, a MEDIAN line per command and
RESULT lines (startup.<label>.map_ms, .paint_ms, .rss_mb, .pss_mb).

Adapted from the project's shared start-up tool; standalone (no window manager,
no other helpers).
"""
import argparse, os, select, shlex, shutil, signal, statistics, subprocess, sys, tempfile, threading, time
from Xlib import X, display as xdisplay

PAGE = os.sysconf("SC_PAGE_SIZE")


def proc_tree(root):
    kids = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % p) as f:
                st = f.read()
            ppid = int(st[st.rindex(")") + 2:].split()[1])
            kids.setdefault(ppid, []).append(int(p))
        except Exception:
            pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def mem_of(pid):
    rss = pss = 0
    try:
        with open("/proc/%d/statm" % pid) as f:
            rss = int(f.read().split()[1]) * PAGE
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
                    break
    except Exception:
        pass
    return rss, pss


class Sampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.stop, self.peak_rss, self.peak_pss = pid, False, 0, 0
        self.pids = set()

    def run(self):
        while not self.stop:
            tree = proc_tree(self.pid)
            self.pids.update(tree)
            rss = pss = 0
            for p in tree:
                r, s = mem_of(p)
                rss, pss = rss + r, pss + s
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            time.sleep(0.05)


def painted(d, wid):
    try:
        w = d.create_resource_object("window", wid)
        g = w.get_geometry()
        data = w.get_image(0, 0, g.width, g.height, X.ZPixmap, 0xFFFFFFFF).data
        bpp = 4 if len(data) >= g.width * g.height * 4 else 3
        step = bpp * 13
        first = data[0:bpp]
        for i in range(step, len(data) - bpp, step):
            if data[i:i + bpp] != first:
                return True
        return False
    except Exception:
        return False


def kill_tree(proc, pids):
    pids = set(pids) | set(proc_tree(proc.pid))
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except Exception:
        pass
    for p in pids:
        try:
            os.kill(p, signal.SIGTERM)
        except Exception:
            pass
    end = time.monotonic() + 5
    while time.monotonic() < end and proc.poll() is None:
        time.sleep(0.05)
    for p in pids:   # nothing of this run may survive into the next one
        try:
            os.kill(p, signal.SIGKILL)
        except Exception:
            pass
    try:
        proc.wait(timeout=5)
    except Exception:
        pass


def one_run(cmd_tpl, hold, tmo):
    tmpdirs, cmd = [], []
    for a in cmd_tpl:
        if "{TMPDIR}" in a:
            t = tempfile.mkdtemp(prefix="bk-startup.")
            tmpdirs.append(t)
            a = a.replace("{TMPDIR}", t)
        cmd.append(a)
    d = xdisplay.Display()
    root = d.screen().root
    root.change_attributes(event_mask=X.SubstructureNotifyMask)
    d.sync()
    while d.pending_events():
        d.next_event()
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    t_map = t_paint = None
    wid, geom = None, "?"
    deadline = t0 + tmo
    while t_map is None and time.monotonic() < deadline and proc.poll() is None:
        select.select([d.fileno()], [], [], 0.05)
        while d.pending_events():
            ev = d.next_event()
            if ev.type == X.MapNotify and not ev.override and t_map is None:
                t_map = time.monotonic()
                wid = ev.window.id
    if t_map is not None:
        while time.monotonic() < deadline:
            if painted(d, wid):
                t_paint = time.monotonic()
                break
            time.sleep(0.01)
        try:
            g = d.create_resource_object("window", wid).get_geometry()
            geom = "%dx%d" % (g.width, g.height)
        except Exception:
            pass
        end = time.monotonic() + hold
        while time.monotonic() < end and proc.poll() is None:
            time.sleep(0.05)
    sampler.stop = True
    sampler.join()
    kill_tree(proc, sampler.pids)
    for t in tmpdirs:
        shutil.rmtree(t, ignore_errors=True)
    d.close()
    ms = lambda t: None if t is None else (t - t0) * 1000
    return {"map": ms(t_map), "paint": ms(t_paint), "rss": sampler.peak_rss / 2**20,
            "pss": sampler.peak_pss / 2**20, "geom": geom}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--hold", type=float, default=1.0)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--cmd", nargs=2, action="append", metavar=("LABEL", "COMMAND"), required=True)
    a = ap.parse_args()
    results = {label: [] for label, _ in a.cmd}
    failed = 0
    for i in range(1, a.runs + 1):
        for label, command in a.cmd:
            r = one_run(shlex.split(command), a.hold, a.timeout)
            if r["map"] is None:
                failed += 1
                print("%-10s run %d: FAILED - no window mapped within %.0f s" % (label, i, a.timeout), flush=True)
                continue
            results[label].append(r)
            print("%-10s run %d: map %6.0f ms  paint %6s ms  peak RSS(tree) %6.1f MiB  PSS(tree) %6.1f MiB  window %s"
                  % (label, i, r["map"], "%.0f" % r["paint"] if r["paint"] else "n/a", r["rss"], r["pss"], r["geom"]),
                  flush=True)
    for label, res in results.items():
        if not res:
            continue
        def stat(k, fn=statistics.median):
            v = [r[k] for r in res if r[k] is not None]
            return fn(v) if v else float("nan")
        p95 = lambda v: sorted(v)[max(0, int(round(0.95 * (len(v) - 1))))]
        print("MEDIAN %-10s (n=%d): map %.0f ms  paint %.0f ms (max %.0f)  peak RSS(tree) %.1f MiB  PSS(tree) %.1f MiB"
              % (label, len(res), stat("map"), stat("paint"), stat("paint", max), stat("rss"), stat("pss")))
        key = label.lower()
        print("RESULT startup.%s.runs %d" % (key, len(res)))
        print("RESULT startup.%s.map_ms %.0f" % (key, stat("map")))
        print("RESULT startup.%s.paint_ms %.0f" % (key, stat("paint")))
        print("RESULT startup.%s.paint_max_ms %.0f" % (key, stat("paint", max)))
        print("RESULT startup.%s.rss_mb %.1f" % (key, stat("rss")))
        print("RESULT startup.%s.pss_mb %.1f" % (key, stat("pss")))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
