#!/usr/bin/env python3
"""Cost of the CPU data-cache model, tracking all of DRAM: the Linux 6.1
boot to power-off on db845c with the model on (the default) versus
off, and a cacheable memcpy loop (bench-memcpy-cached.elf: MMU and caches
on, 64 MiB copied 4 times). Goal: kernel boot at most 1.5x.

  bench/dcache_overhead.py [--runs N]
"""

import argparse
import os
import sys

import benchlib

qms = benchlib.qms
ELF = os.path.join(qms.GUEST, "baremetal", "bench-memcpy-cached.elf")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    initrd = qms.make_initramfs()
    kernel = qms.kernel_args("stock", initrd)
    try:
        print("# Linux 6.1 boot to power-off")
        rc = benchlib.compare({"dcache=on": ["-M", "db845c,dcache=on"] + kernel,
                               "dcache=off": ["-M", "db845c,dcache=off"] + kernel},
                              "dcache=off", a.runs,
                              lambda r: r.returncode == 0 and
                              r.lines("qms: done ") == ["poweroff"])
    finally:
        os.unlink(initrd)
    if rc:
        return rc
    print("# cacheable memcpy, 64 MiB x 4")
    return benchlib.compare({x: ["-M", "db845c," + x, "-smp", "1", "-kernel", ELF]
                             for x in ("dcache=on", "dcache=off")},
                            "dcache=off", a.runs,
                            lambda r: r.returncode == 0 and r.lines("bm: PASS") == [""])


sys.exit(main())
