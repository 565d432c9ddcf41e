#!/usr/bin/env python3
"""The data-cache model, one bare-metal program per semantic
(guest/baremetal/cache-*.c). Each program checks what the CPU and memory
see; the runner checks what the model itself reported (its log lines and
trace events), that the model-off machine makes the first test fail, and
that reports are byte-identical over repeated runs."""

import os
import re
import sys

import qms

BM = os.path.join(qms.GUEST, "baremetal")
TRACE = ["-trace", "cpu_dcache_*", "-trace", "qcom_scm_*", "-d", "guest_errors"]
# Deterministic virtual time for the histories' timestamps
ICOUNT = ["-icount", "shift=0,sleep=off"]

# name: (extra args, expected QEMU exit status, program passes?,
#        regexes the model's report must match, regexes it must not)
CASES = {
    "cache-cvac": ([], 0, True,
                   [r"cpu-dcache: mismatched-alias at 0x[0-9a-f]+ by apps: "
                    r"non-cacheable CPU read of a line the CPUs hold dirty",
                    r"cpu_dcache_writeback addr 0x[0-9a-f]+"], []),
    # coherency=report: the device side sees the CPU's data, as in plain
    # QEMU (so the program's first check fails), and the model still
    # reports the divergence it papered over.
    "cache-cvac:report": (["-global", "cpu-dcache.coherency=report"], 0, False,
                          [r"bm: FAIL memory saw a cacheable write before any clean",
                           r"cpu-dcache: mismatched-alias at 0x[0-9a-f]+ by apps: "
                           r"non-cacheable CPU read of a line the CPUs hold dirty"], []),
    "cache-ivac": ([], 0, True,
                   [r"cpu_dcache_maintain DC IVAC pa 0x[0-9a-f]+"],
                   [r"cpu_dcache_writeback"]),
    "cache-zva": ([], 0, True,
                  [r"cpu_dcache_maintain DC ZVA pa 0x[0-9a-f]+ size 64",
                   r"cpu_dcache_writeback addr"], []),
    "cache-zva-nc": ([], 0, True, [r"qcom_scm_assign"],
                     [r"cpu_dcache_hazard", r"cpu_dcache_maintain DC ZVA"]),
    "cache-nc-alias": ([], 0, True,
                       [r"cpu-dcache: mismatched-alias at 0x[0-9a-f]+ by apps: "
                        r"wrote memory under a line the CPUs hold"], []),
    "cache-setway": ([], 0, True,
                     [r"cpu_dcache_maintain_sw DC CSW set 0",
                      r"cpu_dcache_writeback"], []),
    "cache-handover-clean-only": ([], 1, False,
                                  [r"the CPUs lose access to 0x[0-9a-f]+\.\.0x[0-9a-f]+ while "
                                   r"their data cache holds lines of it",
                                   r"last DC CVAC by cpu0 pc 0x[0-9a-f]+"], []),
    "cache-handover-clean-inval": ([], 0, True, [r"qcom_scm_assign"],
                                   [r"cpu_dcache_hazard", r"lose access"]),
    # Strict speculation: the program's page tables map the buffer
    # cacheable, so even clean+invalidate cannot make the handover safe;
    # mapped non-cacheable only, it is safe (the scan of the tables says
    # which, through a level 2 table for the second).
    "cache-handover-clean-inval:strict": (["-global", "cpu-dcache.speculation=strict"], 1, False,
                                          [r"their page tables map it cacheable, so that they "
                                           r"may fill it speculatively at any time",
                                           r"  VA 0x80000000 -> PA 0x80000000 \(level 1 "
                                           r"block of 0x40000000 bytes, MAIR attribute 0xff\) in "
                                           r"the tables of TTBR0_EL1",
                                           r"qcom-xpu:   access   hazard"], []),
    "cache-handover-nc:strict": (["-global", "cpu-dcache.speculation=strict"], 0, True,
                                 [r"qcom_scm_assign"], [r"cpu_dcache_hazard", r"lose access"]),
    "cache-evict": (["-global", "cpu-dcache.capacity=8192", "-global", "cpu-dcache.ways=4",
                     "-global", "cpu-dcache.clean-evict=visible",
                     "-global", "qcom-xpu.action=log"], 0, True,
                    [r"cpu_dcache_evict addr 0x[0-9a-f]+ dirty 1",
                     r"cpu_dcache_evict addr 0x[0-9a-f]+ dirty 0",
                     r"qcom-xpu:   master   apps \(VMID 3 HLOS\)\n"
                     r"qcom-xpu:   access   evict\n"], [r"cpu_dcache_writeback.*\n.*DC C"]),
    "cache-writeback": (["-global", "qcom-xpu.action=log"], 0, True,
                        [r"cpu_dcache_hazard",
                         # the dirty line, 0x40 into the page
                         r"qcom-xpu:   address  0x[0-9a-f]+040\n"
                         r"qcom-xpu:   master   apps \(VMID 3 HLOS\)\n"
                         r"qcom-xpu:   access   write-back\n"], []),
}


def run(name, extra=(), machine="db845c"):
    """Run program NAME (a case may add ":VARIANT" for other options)."""
    elf = os.path.join(BM, name.split(":")[0] + ".elf")
    return qms.run_qemu(["-M", machine, "-smp", "1", "-kernel", elf] + ICOUNT + TRACE +
                        list(extra), timeout=60, separate_console=True)


def report(r):
    """The model's and the XPU's own lines, without QEMU's other output."""
    return "\n".join(l for l in r.output.splitlines()
                     if re.match(r"(cpu_dcache_|cpu-dcache:|qcom_xpu|qcom_scm|XPU|  line|the CPUs)", l))


tap = qms.Tap()
only = sys.argv[1:]
for name, (extra, status, passes, want, avoid) in CASES.items():
    if only and name not in only:
        continue
    r = run(name, extra)
    rep = report(r)
    ok = not r.timed_out and r.returncode == status
    ok = ok and ("bm: PASS" in r.console) == passes and ("bm: FAIL" not in r.console or not passes)
    missing = [w for w in want if not re.search(w, r.output)]
    present = [a for a in avoid if re.search(a, r.output)]
    tap.check(ok and not missing and not present,
              "%s: exit %d, %s, the model reports what happened" %
              (name, status, "passes" if passes else "program stops or fails as expected"),
              "%s\nexit %s timed out %s missing %s unexpected %s" %
              (r.output, r.returncode, r.timed_out, missing, present))

if not only:
    # The test can fail: without the model, memory sees the write at once.
    r = run("cache-cvac", machine="db845c,dcache=off")
    tap.check(r.lines("bm: FAIL ") == ["memory saw a cacheable write before any clean"],
              "with dcache=off the cache-cvac program fails as plain QEMU would", r.output)

    # Determinism: the same program gives byte-identical reports.
    first = report(run("cache-handover-clean-only"))
    same = all(report(run("cache-handover-clean-only")) == first for _ in range(9))
    tap.check(bool(first) and same,
              "cache-handover-clean-only: 10 runs give byte-identical reports", first)

    # Bounded capacity: the replacement policy is seeded, so a seed gives
    # the same evictions every run and another seed other ones.
    evict_args = CASES["cache-evict"][0]
    runs = [report(run("cache-evict", evict_args + ["-global", "cpu-dcache.seed=%d" % seed]))
            for seed in (7, 7, 8)]
    tap.check("cpu_dcache_evict" in runs[0] and runs[0] == runs[1] and runs[0] != runs[2],
              "cache-evict: same seed, same evictions; another seed, other ones",
              "\n---\n".join(r[-2000:] for r in runs))
tap.done()
