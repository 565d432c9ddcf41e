#!/usr/bin/env python3
"""Wall time of a bare-metal memcpy loop over DRAM (bench-memcpy.elf:
64 MiB copied 4 times, MMU off) on qcom-sm8250 with the XPU in front of
DRAM (xpu=on, the default) versus DRAM mapped directly (xpu=off),
interleaved in one run so that both see the same machine load. Prints
the medians of wall time and of QEMU's CPU time (user + system, less
disturbed by other load on the host) and their ratios; the goal is
within 5%.

  bench/xpu_overhead.py [--runs N]
"""

import argparse
import os
import resource
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "guest"))
import qms  # noqa: E402

ELF = os.path.join(qms.GUEST, "baremetal", "bench-memcpy.elf")
CONFIGS = {"xpu=on": "qcom-sm8250,xpu=on", "xpu=off": "qcom-sm8250,xpu=off"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    times = {c: [] for c in CONFIGS}
    cpu = {c: [] for c in CONFIGS}
    for _ in range(a.runs):
        for c, m in CONFIGS.items():
            t0 = time.monotonic()
            ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            r = qms.run_qemu(["-M", m, "-smp", "1", "-kernel", ELF], timeout=300)
            dt = time.monotonic() - t0
            ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[c].append(ru1.ru_utime - ru0.ru_utime + ru1.ru_stime - ru0.ru_stime)
            if r.returncode != 0 or r.lines("bm: PASS") != [""]:
                print("bench-memcpy with %s failed:\n%s" % (c, r.output[-3000:]))
                return 1
            times[c].append(dt)
    for label, data in (("wall", times), ("cpu", cpu)):
        med = {c: statistics.median(t) for c, t in data.items()}
        for c, t in data.items():
            print("%-4s %-8s median %.3f s  (runs: %s)"
                  % (label, c, med[c], " ".join("%.3f" % x for x in t)))
        print("%-4s ratio xpu=on/xpu=off: %.3f" % (label, med["xpu=on"] / med["xpu=off"]))
    return 0


sys.exit(main())
