#!/usr/bin/env python3
"""Wall time of a bare-metal memcpy loop over DRAM (bench-memcpy.elf:
64 MiB copied 4 times, MMU off) on db845c with the XPU in front of
DRAM (xpu=on, the default) versus DRAM mapped directly (xpu=off), the
cache model off in both to isolate the XPU. Goal: within 5%.

  bench/xpu_overhead.py [--runs N]
"""

import argparse
import os
import sys

import benchlib

ELF = os.path.join(benchlib.qms.GUEST, "baremetal", "bench-memcpy.elf")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    configs = {x: ["-M", "db845c,dcache=off," + x, "-smp", "1", "-kernel", ELF]
               for x in ("xpu=on", "xpu=off")}
    return benchlib.compare(configs, "xpu=off", a.runs,
                            lambda r: r.returncode == 0 and r.lines("bm: PASS") == [""])


sys.exit(main())
