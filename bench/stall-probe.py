#!/usr/bin/python3
"""stall-probe.py: stalls of the machine itself, beside a benchmark.

Sleeps 2 ms at a time and prints each wake-up that comes more than 20 ms
late, with its end on CLOCK_MONOTONIC (the clock bench-sync-ui prints its
frame gaps on). Started with real-time priority (chrt -f, as root) it is not
held up by other processes: what it sees is the virtual machine or the
kernel not running anything. On SIGTERM or SIGINT it prints a summary and
RESULT lines (PREFIX.stalls_over_20ms, PREFIX.stall_max_ms).

  stall-probe.py PREFIX
"""
import signal, sys, time

prefix = sys.argv[1] if len(sys.argv) > 1 else "machine"
stalls, worst, running = 0, 0.0, True


def stop(*_):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
while running:
    before = time.monotonic()
    time.sleep(0.002)
    late = (time.monotonic() - before - 0.002) * 1000
    worst = max(worst, late)
    if late > 20:
        stalls += 1
        print("  the machine stalled: a 2 ms sleep woke %.0f ms late, at %.3f s (monotonic)"
              % (late, time.monotonic()), flush=True)
print("%s: %d stalls over 20 ms; a 2 ms sleep woke at most %.1f ms late" % (prefix, stalls, worst))
print("RESULT %s.stalls_over_20ms %d" % (prefix, stalls))
print("RESULT %s.stall_max_ms %.1f" % (prefix, worst))
