#!/usr/bin/env python3
"""Boot-to-power-off wall time of the same Linux 6.1 kernel and initramfs
on db845c, with the DragonBoard 845c's own device tree from the kernel
tree (with and without the XPU and cache models), versus QEMU's own
"virt" machine (same QEMU binary, same CPU model and count, same RAM).
The kernel has no driver for virt's UART: there the run's success is
QEMU's exit status 0, which only the init's power-off at its end gives.

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
    dtb = os.path.join(qms.GUEST, "linux-" + a.variant, "arch", "arm64", "boot", "dts",
                       "qcom", "sdm845-db845c.dtb")
    configs = {
        "db845c": ["-M", "db845c", "-dtb", dtb] + kernel,
        "db845c xpu=off,dcache=off": ["-M", "db845c,xpu=off,dcache=off", "-dtb", dtb] + kernel,
        "virt": ["-M", "virt,gic-version=3", "-cpu", "cortex-a76", "-smp", "8",
                 "-m", "2G"] + kernel,
    }
    try:
        # the init says it powers off on db845c; on virt only the exit shows it
        def powered_off(r):
            return r.returncode == 0 and r.lines("qms: done ") == ["poweroff"]
        return benchlib.compare(configs, "virt", a.runs, {
            c: powered_off if c != "virt" else (lambda r: r.returncode == 0)
            for c in configs})
    finally:
        os.unlink(initrd)


sys.exit(main())
