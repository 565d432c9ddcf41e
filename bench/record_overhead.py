#!/usr/bin/env python3
"""What recording a verdict costs: scripts/check-kernel on the clean-only
kernel (its verdict: FAIL, 1) with --record DIR, and --replay DIR of that
recording, against the same run without recording on one CPU (what
--record runs: QEMU's record/replay supports one) and the default run
on eight. Rounds are interleaved; medians of wall time and ratios to
the one-CPU run, and the size of a recording.

    python3 bench/record_overhead.py [--runs N] [--variant clean-only]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import qms

CHECK = os.path.join(qms.TOP, "scripts", "check-kernel")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--variant", default="clean-only")
    args = ap.parse_args()
    tree = os.path.join(qms.GUEST, "linux-" + args.variant)
    work = tempfile.mkdtemp(prefix="qms-record-")
    rec = os.path.join(work, "rec")

    def record():
        shutil.rmtree(rec, True)
        return [CHECK, "--kernel-tree", tree, "--record", rec]
    configs = {
        "smp8": lambda: [CHECK, "--kernel-tree", tree],
        "smp1": lambda: [CHECK, "--kernel-tree", tree, "--smp", "1"],
        "record": record,
        "replay": lambda: [CHECK, "--replay", rec],
    }
    wall = {c: [] for c in configs}
    verdicts = {c: set() for c in configs}
    try:
        for _ in range(args.runs):
            for c, cmd in configs.items():
                argv = cmd()
                t0 = time.monotonic()
                p = subprocess.run(argv, capture_output=True, text=True)
                wall[c].append(time.monotonic() - t0)
                verdicts[c].add(p.returncode)
                if p.returncode not in (0, 1):
                    print("run of %s: exit %d\n%s" % (c, p.returncode, p.stdout[-2000:]))
                    return 1
        size = sum(os.path.getsize(os.path.join(rec, f)) for f in os.listdir(rec))
        log = os.path.getsize(os.path.join(rec, "replay.bin"))
    finally:
        shutil.rmtree(work, True)
    med = {c: statistics.median(t) for c, t in wall.items()}
    for c, t in wall.items():
        print("wall %-7s median %.3f s  exit %s  (runs: %s)"
              % (c, med[c], "/".join(str(v) for v in sorted(verdicts[c])),
                 " ".join("%.3f" % x for x in t)))
    for c in ("smp8", "record", "replay"):
        print("wall ratio %s/smp1: %.3f" % (c, med[c] / med["smp1"]))
    print("recording: %.1f MiB (replay log %.1f MiB)" % (size / 2**20, log / 2**20))
    return 0


if __name__ == "__main__":
    sys.exit(main())
