#!/usr/bin/env python3
"""Boot-to-power-off wall time of the same Linux 6.1 kernel and initramfs
on qcom-sm8250 versus QEMU's own "virt" machine (same QEMU binary, same
CPU model and count, same RAM), interleaved in one run so that both see
the same machine load. Prints the medians and their ratio.

  bench/boot_vs_virt.py [--runs N] [--variant NAME]
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "guest"))
import qms  # noqa: E402

MACHINES = {
    "qcom-sm8250": ["-M", "qcom-sm8250"],
    "virt": ["-M", "virt,gic-version=3", "-cpu", "cortex-a76", "-smp", "8", "-m", "2G"],
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--variant", default="stock")
    a = ap.parse_args()
    initrd = qms.make_initramfs()
    times = {m: [] for m in MACHINES}
    try:
        for _ in range(a.runs):
            for m, margs in MACHINES.items():
                t0 = time.monotonic()
                r = qms.run_qemu(margs + qms.kernel_args(a.variant, initrd))
                dt = time.monotonic() - t0
                if r.returncode != 0 or r.lines("qms: done ") != ["poweroff"]:
                    print("boot on %s failed:\n%s" % (m, r.output[-3000:]))
                    return 1
                times[m].append(dt)
    finally:
        os.unlink(initrd)
    med = {m: statistics.median(t) for m, t in times.items()}
    for m, t in times.items():
        print("%-12s median %.3f s  (runs: %s)" % (m, med[m], " ".join("%.3f" % x for x in t)))
    print("ratio qcom-sm8250/virt: %.2f" % (med["qcom-sm8250"] / med["virt"]))
    return 0


sys.exit(main())
