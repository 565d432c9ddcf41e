"""Shared loop of the benchmarks: run each configuration in turn, N
rounds interleaved so that all see the same machine load, check each run
succeeded, and print medians of wall and CPU time (user + system of QEMU,
less disturbed by other load on the host) and of QEMU's peak resident set
with their ratio to the baseline."""

import os
import resource
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "guest"))
import qms  # noqa: E402,F401  (re-exported for the benchmarks)


def compare(configs, baseline, runs, ok, timeout=300):
    """configs: name -> QEMU arguments; ok(result) says whether a run
    succeeded (or ok is a dict: name -> that configuration's check).
    Returns 0, or 1 after printing a failed run."""
    wall = {c: [] for c in configs}
    cpu = {c: [] for c in configs}
    user = {c: [] for c in configs}
    rss = {c: [] for c in configs}
    for _ in range(runs):
        for c, args in configs.items():
            t0 = time.monotonic()
            ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            r = qms.run_qemu(args, timeout=timeout)
            wall[c].append(time.monotonic() - t0)
            ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[c].append(ru1.ru_utime - ru0.ru_utime + ru1.ru_stime - ru0.ru_stime)
            user[c].append(ru1.ru_utime - ru0.ru_utime)
            rss[c].append(r.maxrss_kib / 1024)
            if not (ok[c] if isinstance(ok, dict) else ok)(r):
                print("run with %s failed:\n%s" % (c, r.output[-3000:]))
                return 1
    # user: QEMU's own work, without the host kernel's (its zeroing of
    # fresh guest RAM varies from run to run on a virtual machine)
    for label, data, unit in (("wall", wall, "s"), ("cpu", cpu, "s"), ("user", user, "s"),
                              ("rss", rss, "MiB")):
        med = {c: statistics.median(t) for c, t in data.items()}
        for c, t in data.items():
            print("%-4s %-14s median %.3f %s  (runs: %s)"
                  % (label, c, med[c], unit, " ".join("%.3f" % x for x in t)))
        for c in configs:
            if c != baseline:
                print("%-4s ratio %s/%s: %.3f" % (label, c, baseline, med[c] / med[baseline]))
    return 0
