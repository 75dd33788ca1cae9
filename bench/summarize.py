#!/usr/bin/python3
"""summarize.py [--update-readme]

Reads the RESULT lines of bench/results/*.txt and prints the figures as Markdown
tables (figure, target, pass/fail) with the machine they were measured on. With
--update-readme the tables replace the part of bench/README.md between
<!-- results:start --> and <!-- results:end -->.
"""
import os, platform, re, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.environ.get("BENCH_RESULTS", os.path.join(HERE, "results"))


def read_results():
    r, stamps = {}, {}
    for name in sorted(os.listdir(RESULTS)) if os.path.isdir(RESULTS) else []:
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(RESULTS, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("# ") and name not in stamps:
                    stamps[name] = line[2:].strip()
                m = re.match(r"RESULT (\S+) (\S+)", line)
                if m:
                    try:
                        r[m.group(1)] = float(m.group(2))
                    except ValueError:
                        pass
    return r, stamps


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        return "?"


def machine():
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    mem = sh("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
    deb = sh("cat /etc/debian_version")
    return [
        ("date", time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
        ("HEAD when tabulated (each table names the commit it measured)", sh("git -C %s log -1 --format='%%h %%s' 2>/dev/null" % os.path.dirname(HERE))),
        ("cores (`nproc`)", sh("nproc")),
        ("CPU", cpu),
        ("memory", mem),
        ("Debian", deb),
        ("kernel", platform.release()),
        ("GTK", sh("pkg-config --modversion gtk4")),
        ("libadwaita", sh("pkg-config --modversion libadwaita-1")),
        ("SQLite", sh("pkg-config --modversion sqlite3")),
        ("Chromium", sh("chromium --version 2>/dev/null") or "not installed"),
        ("load average at the end", sh("cut -d' ' -f1-3 /proc/loadavg")),
    ]


def fmt(v, unit="", digits=None):
    if v is None:
        return "–"
    if digits is None:
        digits = 0 if abs(v) >= 100 else 1 if abs(v) >= 10 else 2
    return ("%." + str(digits) + "f%s") % (v, unit)


def verdict(v, ok):
    if v is None:
        return "not measured"
    return "**pass**" if ok(v) else "**FAIL**"


def tables(r, stamps):
    g = r.get
    out = []
    add = out.append

    add("Machine:\n")
    add("| | |\n|---|---|")
    for k, v in machine():
        add("| %s | %s |" % (k, v))
    add("")

    # 1. search
    add("### 1. Search (%s)\n" % stamps.get("search.txt", "not run"))
    n = g("search.motions")
    add("| figure | measured | target | result |\n|---|---|---|---|")
    add("| motions in the database | %s | 100 000 | %s |" % (fmt(n, digits=0), verdict(n, lambda v: v >= 100000)))
    add("| queries × timed rounds | %s × %s | ≥ 200 | %s |" % (fmt(g("search.queries"), digits=0), fmt(g("search.rounds"), digits=0),
                                                            verdict(g("search.queries"), lambda v: v >= 200)))
    add("| bk_store_search median | %s | | |" % fmt(g("search.fts.median_ms"), " ms"))
    add("| bk_store_search p95 | %s | ≤ 5 ms | %s |" % (fmt(g("search.fts.p95_ms"), " ms"), verdict(g("search.fts.p95_ms"), lambda v: v <= 5)))
    add("| bk_store_search max | %s | | |" % fmt(g("search.fts.max_ms"), " ms"))
    add("| queries slower than 5 ms (of the set) | %s | | |" % fmt(g("search.over5ms"), digits=0))
    add("| LIKE scan median | %s | | |" % fmt(g("search.like.median_ms"), " ms"))
    add("| LIKE scan p95 | %s | | |" % fmt(g("search.like.p95_ms"), " ms"))
    add("| LIKE scan max | %s | | |" % fmt(g("search.like.max_ms"), " ms"))
    add("| LIKE / search, medians | %s | ≥ 100× | %s |" % (fmt(g("search.ratio.median"), "×"), verdict(g("search.ratio.median"), lambda v: v >= 100)))
    add("| LIKE / search, p95s | %s | ≥ 100× | %s |" % (fmt(g("search.ratio.p95"), "×"), verdict(g("search.ratio.p95"), lambda v: v >= 100)))
    kinds = ["word", "two words", "prefix (3–5 letters)", "compound part", "umlaut variant"]
    for i, k in enumerate(kinds):
        v = g("search.kind.%d.p95_ms" % i)
        if v is not None:
            add("| p95 of %s queries (per kind, for diagnosis) | %s | | %s |" % (k, fmt(v, " ms"), "within 5 ms" if v <= 5 else "above 5 ms"))
    add("")

    # 2. import
    add("### 2. Import (%s)\n" % stamps.get("import.txt", "not run"))
    add("| figure | measured (median) | target | result |\n|---|---|---|---|")
    p = g("import.files.papers")
    add("| OParl, bk_import_file per file (%s papers), papers/s | %s | ≥ 5 000 | %s |" % (
        fmt(p, digits=0), fmt(g("import.files.papers_per_s"), digits=0), verdict(g("import.files.papers_per_s"), lambda v: v >= 5000)))
    add("| … of which the paper pages alone, papers/s | %s | | |" % fmt(g("import.files.paper_pages_per_s"), digits=0))
    add("| OParl, first page + links.next, papers/s | %s | ≥ 5 000 | %s |" % (
        fmt(g("import.chain.papers_per_s"), digits=0), verdict(g("import.chain.papers_per_s"), lambda v: v >= 5000)))
    add("| OParl, `buergerkiosk-ctl import DIR`, papers/s | %s | ≥ 5 000 | %s |" % (
        fmt(g("import.ctl_folder.per_s"), digits=0), verdict(g("import.ctl_folder.per_s"), lambda v: v >= 5000)))
    add("| OParl, `buergerkiosk-ctl import DIR`, pages chained by links.next, papers/s | %s | ≥ 5 000 | %s |" % (
        fmt(g("import.ctl_folder_chain.per_s"), digits=0), verdict(g("import.ctl_folder_chain.per_s"), lambda v: v >= 5000)))
    add("| text, bk_text_parser_parse (%s files, %s parsed with a subject), files/s | %s | ≥ 1 000 | %s |" % (
        fmt(g("parse.files"), digits=0), fmt(g("parse.ok"), digits=0), fmt(g("parse.files_per_s"), digits=0),
        verdict(g("parse.files_per_s"), lambda v: v >= 1000)))
    add("| text, `buergerkiosk-ctl import FILES…` end to end (one transaction and fsync per file), files/s | %s | none of its own | %s |" % (
        fmt(g("import.ctl_text.per_s"), digits=0),
        "not measured" if g("import.ctl_text.per_s") is None else
        "below 1 000" if g("import.ctl_text.per_s") < 1000 else "above 1 000"))
    add("")

    # 3. list
    add("### 3. Motion list memory (%s)\n" % stamps.get("list-memory.txt", "not run"))
    add("| figure | small list | large list | difference | target | result |\n|---|---|---|---|---|---|")
    add("| motions | %s | %s | | | |" % (fmt(g("list.small.items"), digits=0), fmt(g("list.large.items"), digits=0)))
    add("| scroll steps (frames) to the bottom | %s | %s | | | |" % (fmt(g("list.small.steps"), digits=0), fmt(g("list.large.steps"), digits=0)))
    add("| items created by the model | %s | %s | | | |" % (fmt(g("list.small.materialized"), digits=0), fmt(g("list.large.materialized"), digits=0)))
    add("| RSS after the first frame | %s | %s | | | |" % (fmt(g("list.small.rss_shown_mb"), " MB"), fmt(g("list.large.rss_shown_mb"), " MB")))
    add("| RSS at the bottom | %s | %s | %s | ≤ 30 MB | %s |" % (
        fmt(g("list.small.rss_end_mb"), " MB"), fmt(g("list.large.rss_end_mb"), " MB"), fmt(g("list.diff_end_mb"), " MB"),
        verdict(g("list.diff_end_mb"), lambda v: v <= 30)))
    add("| peak RSS while scrolling | %s | %s | %s | ≤ 30 MB | %s |" % (
        fmt(g("list.small.rss_peak_mb"), " MB"), fmt(g("list.large.rss_peak_mb"), " MB"), fmt(g("list.diff_peak_mb"), " MB"),
        verdict(g("list.diff_peak_mb"), lambda v: v <= 30)))
    add("| scroll time | %s | %s | | | |" % (fmt(g("list.small.scroll_s"), " s"), fmt(g("list.large.scroll_s"), " s")))
    add("")

    # 4. start-up
    add("### 4. Start-up (%s)\n" % stamps.get("startup.txt", "not run"))
    add("| program | runs | first map (median) | first paint (median) | slowest paint | peak RSS of the process tree | PSS of the process tree | target | result |")
    add("|---|---|---|---|---|---|---|---|---|")
    for key, label, target in [("kiosk", "kiosk, 1 000 motions, its own renderer choice", True),
                               ("kiosk-gl", "the same, GSK_RENDERER=gl", False),
                               ("kiosk-cairo", "the same, GSK_RENDERER=cairo (GL loaded)", False),
                               ("kiosk100k", "kiosk, 100 000 motions", True),
                               ("hello", "bare libadwaita window (floor)", False), ("chromium", "Chromium --kiosk, home.html", False)]:
        if g("startup.%s.runs" % key) is None:
            continue
        paint = g("startup.%s.paint_ms" % key)
        add("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            label, fmt(g("startup.%s.runs" % key), digits=0), fmt(g("startup.%s.map_ms" % key), " ms", 0),
            fmt(paint, " ms", 0), fmt(g("startup.%s.paint_max_ms" % key), " ms", 0), fmt(g("startup.%s.rss_mb" % key), " MiB", 0),
            fmt(g("startup.%s.pss_mb" % key), " MiB", 0),
            "≤ 500 ms" if target else "", verdict(paint, lambda v: v <= 500) if target else ""))
    c, cp = g("startup.chromium.paint_ms"), g("startup.chromium.pss_mb")
    for key in ("kiosk", "kiosk-gl", "kiosk-cairo"):
        k, kp = g("startup.%s.paint_ms" % key), g("startup.%s.pss_mb" % key)
        if k and c and kp and cp:
            add("\n%s / Chromium: first paint %.2f (≤ 0.33: %s), PSS %.2f (≤ 0.20: %s)." % (
                key, k / c, verdict(k / c, lambda v: v <= 1 / 3), kp / cp, verdict(kp / cp, lambda v: v <= 0.2)))
    add("")

    # 5. OParl sync
    add("### 5. OParl sync (%s)\n" % stamps.get("sync.txt", "not run"))
    add("| figure | measured (median) | target | result |\n|---|---|---|---|")
    add("| full sync, `buergerkiosk-ctl sync --no-texts` from the local server, papers/s | %s | ≥ 1 000 | %s |" % (
        fmt(g("sync.full.papers_per_s"), digits=0), verdict(g("sync.full.papers_per_s"), lambda v: v >= 1000)))
    add("| … papers per CPU second of the kiosk's side (user + system) | %s | | |" % fmt(g("sync.full.papers_per_cpu_s"), digits=0))
    add("| baseline: the same data from files, `buergerkiosk-ctl import DIR`, papers/s | %s | | |" % fmt(g("sync.import_baseline.papers_per_s"), digits=0))
    add("| … papers per CPU second | %s | | |" % fmt(g("sync.import_baseline.papers_per_cpu_s"), digits=0))
    add("| incremental sync with nothing changed, end to end | %s | ≤ 0.5 s | %s |" % (
        fmt(g("sync.incremental.s"), " s", 3), verdict(g("sync.incremental.s"), lambda v: v <= 0.5)))
    add("| … of which starting the process alone (`buergerkiosk-ctl --version`) | %s | | |" % fmt(g("sync.incremental.process_start_s"), " s", 3))
    add("| … CPU time of the incremental sync (user + system) | %s | | |" % fmt(g("sync.incremental.cpu_s"), " s", 3))
    add("| … requests per external list | %s | ≤ 1 | %s |" % (
        fmt(g("sync.incremental.requests_per_list"), digits=1), verdict(g("sync.incremental.requests_per_list"), lambda v: v <= 1)))
    add("| frame gaps over 50 ms while a full sync runs over a full list | %s (max %s) | 0 | %s |" % (
        fmt(g("sync_ui.during_sync.gaps_over_50ms"), digits=0), fmt(g("sync_ui.during_sync.gap_max_ms"), " ms"),
        verdict(g("sync_ui.during_sync.gaps_over_50ms"), lambda v: v == 0)))
    add("| … the same without a sync (baseline) | %s (max %s) | | |" % (
        fmt(g("sync_ui.baseline.gaps_over_50ms"), digits=0), fmt(g("sync_ui.baseline.gap_max_ms"), " ms")))
    add("| … the first sync into an empty kiosk, its list on screen | %s (max %s) | | see below |" % (
        fmt(g("sync_ui.first_sync.gaps_over_50ms"), digits=0), fmt(g("sync_ui.first_sync.gap_max_ms"), " ms")))
    add("| misbehaving server: cases that end with `check` passing | %s of %s | all | %s |" % (
        fmt(g("sync.misbehaving.checks_passed"), digits=0), fmt(g("sync.misbehaving.cases"), digits=0),
        verdict(g("sync.misbehaving.checks_passed"), lambda v: v == g("sync.misbehaving.cases"))))
    add("")

    # 6. page switches
    rx = re.compile(r"pageswitch\.([^.]+)\.(.+)\.median_ms$")
    labels, pages = [], []
    for name in r:
        m = rx.match(name)
        if m:
            if m.group(1) not in labels:
                labels.append(m.group(1))
            if m.group(2) not in pages:
                pages.append(m.group(2))
    if labels:
        labels.sort(key=lambda l: (l != "kiosk", l == "base", l))
        pages.sort(key=lambda p: (p == "all", p))
        add("### 6. Page switches (%s)\n" % stamps.get("page-switch.txt", "not run"))
        add("Key press to the first frame of the page, ms: median / p95 (target ≤ 100 / ≤ 200); CPU: the kiosk's main thread, median.\n")
        add("| page | " + " | ".join(labels) + (" | kiosk / base (medians)" if "base" in labels and "kiosk" in labels else "") + " | CPU kiosk |")
        add("|---|" + "---|" * len(labels) + ("---|" if "base" in labels and "kiosk" in labels else "") + "---|")
        for p in pages:
            cells = []
            for l in labels:
                med, p95 = g("pageswitch.%s.%s.median_ms" % (l, p)), g("pageswitch.%s.%s.p95_ms" % (l, p))
                cells.append("–" if med is None else "%.0f / %.0f" % (med, p95 if p95 is not None else float("nan")))
            row = "| %s | %s |" % (p.replace("_", " "), " | ".join(cells))
            if "base" in labels and "kiosk" in labels:
                k, b = g("pageswitch.kiosk.%s.median_ms" % p), g("pageswitch.base.%s.median_ms" % p)
                row += " %s |" % ("%.2f" % (k / b) if k and b else "–")
            row += " %s |" % fmt(g("pageswitch.kiosk.%s.cpu_median_ms" % p), "", 0)
            add(row)
        add("")
    return "\n".join(out)


def main():
    r, stamps = read_results()
    text = tables(r, stamps)
    if "--update-readme" in sys.argv:
        path = os.path.join(HERE, "README.md")
        with open(path, encoding="utf-8") as f:
            readme = f.read()
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        if start in readme and end in readme:
            a, rest = readme.split(start, 1)
            _, b = rest.split(end, 1)
            readme = a + start + "\n" + text + "\n" + end + b
            with open(path, "w", encoding="utf-8") as f:
                f.write(readme)
            print("updated %s" % path, file=sys.stderr)
    print(text)


if __name__ == "__main__":
    main()
