#!/usr/bin/env python3
"""Wall time of one verdict: scripts/check-kernel --kernel-tree on the
stock and the clean-only kernel with their board's DTB (reading the DT,
firmware and initramfs generation, boot, every remoteproc's start, stop
and start, report), against the baseline of the same kernel and DT
booting to the init and powering off with no firmware (the init skips
the remoteprocs). Rounds are interleaved; medians and ratios. The goal
is a verdict in under 2 seconds on the 2-core development VM (db845c:
one modem; rb5: the ADSP and the CDSP, each booted at registration and
then stopped, started, stopped and started).

    python3 bench/verdict_time.py [--runs N] [--board db845c|rb5]
        [--variants PASS,FAIL] [--dcache-off]

--variants names the kernel that passes and the one that fails
(default stock,clean-only; defconfig,defconfig-clean-only for the arm64
defconfig kernels, which guest/build-kernel builds on request).
--dcache-off adds each verdict with the cache model off (a --control
run: exit 125 where the kernel would pass, 1 where the XPU still
finds), and its ratio to the model on.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

from benchlib import qms

CHECK = os.path.join(qms.TOP, "scripts", "check-kernel")


DTBS = {"db845c": "sdm845-db845c.dtb", "rb5": "qrb5165-rb5.dtb"}


def verdict(board, variant, want, more=()):
    p = subprocess.run([CHECK, "--board", board,
                        "--kernel-tree", os.path.join(qms.GUEST, "linux-" + variant)] +
                       list(more), capture_output=True, text=True)
    return p.returncode in want, p.stdout


DCACHE_OFF = ("--control", "--machine-opt", "dcache=off")


def boot_only(board):
    initrd = qms.make_initramfs()
    dtb = os.path.join(qms.GUEST, "linux-stock", "arch", "arm64", "boot", "dts", "qcom",
                       DTBS[board])
    try:
        r = qms.run_qemu(["-M", board, "-dtb", dtb] + qms.kernel_args(initrd=initrd))
    finally:
        os.unlink(initrd)
    return r.returncode == 0, r.output[-2000:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--board", choices=sorted(DTBS), default="db845c")
    ap.add_argument("--variants", default="stock,clean-only", metavar="PASS,FAIL")
    ap.add_argument("--dcache-off", action="store_true")
    args = ap.parse_args()
    runs, board = args.runs, args.board
    good, bad = args.variants.split(",")
    configs = {
        "boot-only": lambda: boot_only(board),
        "verdict-" + good: lambda: verdict(board, good, (0,)),
        "verdict-" + bad: lambda: verdict(board, bad, (1,)),
    }
    if args.dcache_off:
        # a control run proves no pass: 125 for the good kernel
        configs["off-" + good] = lambda: verdict(board, good, (125,), DCACHE_OFF)
        configs["off-" + bad] = lambda: verdict(board, bad, (1, 125), DCACHE_OFF)
    wall = {c: [] for c in configs}
    for _ in range(runs):
        for c, fn in configs.items():
            t0 = time.monotonic()
            ok, out = fn()
            wall[c].append(time.monotonic() - t0)
            if not ok:
                print("run of %s failed:\n%s" % (c, out))
                return 1
    med = {c: statistics.median(t) for c, t in wall.items()}
    for c, t in wall.items():
        print("wall %-18s median %.3f s  (runs: %s)"
              % (c, med[c], " ".join("%.3f" % x for x in t)))
    for c in configs:
        if c != "boot-only":
            print("wall ratio %s/boot-only: %.3f" % (c, med[c] / med["boot-only"]))
    if args.dcache_off:
        for v in (good, bad):
            print("wall ratio model on/off, %s: %.3f"
                  % (v, med["verdict-" + v] / med["off-" + v]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
