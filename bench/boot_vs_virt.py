#!/usr/bin/env python3
"""Boot-to-power-off wall time of the same Linux 6.1 kernel and initramfs
on qcom-sm8250 versus QEMU's own "virt" machine (same QEMU binary, same
CPU model and count, same RAM).

  bench/boot_vs_virt.py [--runs N] [--variant NAME]
"""

import argparse
import os
import sys

import benchlib

qms = benchlib.qms


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--variant", default="stock")
    a = ap.parse_args()
    initrd = qms.make_initramfs()
    kernel = qms.kernel_args(a.variant, initrd)
    configs = {
        "qcom-sm8250": ["-M", "qcom-sm8250"] + kernel,
        "virt": ["-M", "virt,gic-version=3", "-cpu", "cortex-a76", "-smp", "8",
                 "-m", "2G"] + kernel,
    }
    try:
        return benchlib.compare(configs, "virt", a.runs,
                                lambda r: r.returncode == 0 and
                                r.lines("qms: done ") == ["poweroff"])
    finally:
        os.unlink(initrd)


sys.exit(main())
