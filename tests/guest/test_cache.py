#!/usr/bin/env python3
"""The data-cache model, one bare-metal program per semantic
(guest/baremetal/cache-*.c, scm-arg.c). Each program checks what the CPU
and memory see; the runner checks what the model itself reported (its log
lines and trace events), that the model-off machine makes the first test
fail, that reports are byte-identical over repeated runs, and that a
debugger (gdb, the monitor's x and xp) reading a dirty line changes
nothing the model reports."""

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

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
    "cache-evict": (["-global", "cpu-dcache.capacity=32768",
                     "-global", "cpu-dcache.clean-evict=visible",
                     "-global", "qcom-xpu.action=log"], 0, True,
                    [r"cpu_dcache_evict page 0x[0-9a-f]+ lines 64 dirty [1-9]",
                     r"cpu_dcache_evict page 0x[0-9a-f]+ lines 64 dirty 0",
                     # 8 pages and one more: the 5 held longest go, 4 stay
                     r"cpu_dcache_evict_batch 5 pages, lines held 576 -> 256\n",
                     r"qcom-xpu:   master   apps \(VMID 3 HLOS\)\n"
                     r"qcom-xpu:   access   evict\n"], [r"cpu_dcache_writeback.*\n.*DC C"]),
    # The bus's answers that the model keeps go with the XPU's change: a
    # page written back before its handover faults after it.
    "cache-evict-handover": (["-global", "cpu-dcache.capacity=32768",
                              "-global", "qcom-xpu.action=log"], 0, True,
                             [r"cpu_dcache_hazard",
                              r"qcom-xpu:   address  0x[0-9a-f]+040\n"
                              r"qcom-xpu:   master   apps \(VMID 3 HLOS\)\n"
                              r"qcom-xpu:   access   write-back\n",
                              r"qcom-xpu:   master   apps \(VMID 3 HLOS\)\n"
                              r"qcom-xpu:   access   read\n"], []),
    # A clean that leaves no line dirty gives memory's copy back at the
    # next eviction; the page, watched again, sees the next write.
    "cache-release": (["-global", "cpu-dcache.capacity=65536",
                       "-global", "qcom-xpu.action=log"], 0, True,
                      [r"cpu_dcache_copy_released page (?P<p>0x[0-9a-f]+)000: cleaned"
                       r"[\s\S]*  line (?P=p)000: clean, [\s\S]*  line (?P=p)080: dirty, "],
                      []),
    "cache-writeback": (["-global", "qcom-xpu.action=log"], 0, True,
                        [r"cpu_dcache_hazard",
                         # the dirty lines, 0x40 into the page written
                         # first, 0x80 into the next one, read first
                         r"qcom-xpu:   address  0x[0-9a-f]+040\n"
                         r"qcom-xpu:   master   apps \(VMID 3 HLOS\)\n"
                         r"qcom-xpu:   access   write-back\n",
                         r"qcom-xpu:   address  0x[0-9a-f]+080\n"
                         r"qcom-xpu:   master   apps \(VMID 3 HLOS\)\n"
                         r"qcom-xpu:   access   write-back\n"], []),
    # TrustZone reads the SCM's argument lists from memory, as master tz:
    # a list the CPU left dirty is a stale read (memory's older data: the
    # call is refused), a cleaned one is read as written.
    "scm-arg-dirty": ([], 0, True,
                      [r"cpu-dcache: stale-read at 0x[0-9a-f]+ by tz: read memory under a "
                       r"line the CPUs hold dirty: got memory's older data",
                       r"qcom_scm_refused fn 0x42000c16 status -2: assign_mem: 0x[0-9a-f]+ "
                       r"is owned by VMIDs 0x8, the source list says 0x1"],
                      [r"mismatched-alias", r"XPU VIOLATION"]),
    "scm-arg-clean": ([], 0, True, [r"qcom_scm_assign 0x[0-9a-f]+\+0x1000"],
                      [r"cpu-dcache: ", r"qcom_scm_refused", r"XPU VIOLATION"]),
}


def run(name, extra=(), machine="db845c", during=None, timeout=60, trace=True):
    """Run program NAME (a case may add ":VARIANT" for other options)."""
    elf = os.path.join(BM, name.split(":")[0] + ".elf")
    return qms.run_qemu(["-M", machine, "-smp", "1", "-kernel", elf] + ICOUNT +
                        (TRACE if trace else []) + list(extra), timeout=timeout,
                        separate_console=True, during=during)


def report(r):
    """The model's and the XPU's own lines, without QEMU's other output."""
    return "\n".join(l for l in r.output.splitlines()
                     if re.match(r"(cpu_dcache_|cpu-dcache:|qcom_xpu|qcom_scm|XPU|  line|the CPUs)", l))


# Debuggers: cache-debug.c stops at debug_point with a dirty line (through
# page tables that are dirty in the cache too); gdb, or the monitor
# through gdb, reads the line there. A debug access must neither report
# nor change anything: the findings that follow (a hazard, a write-back
# violation, with the lines' histories) are those of the run without a
# debugger, line for line.
GDB = "gdb-multiarch"
DEBUG_ELF = os.path.join(BM, "cache-debug.elf")
DEBUG_ARGS = ["-global", "qcom-xpu.action=log"]
LINE = "(char *)&buf + 64"
VALUE = "0x00000000600dcafe"        # the CPU's, dirty in its cache
MEMORY = "0x0000000000000000"       # memory's
FINDINGS = re.compile(r"(cpu_dcache_|cpu-dcache:|qcom-xpu:|qcom_scm_|  line )")
# name: (gdb commands at debug_point, regexes of what they must show)
DEBUGGERS = {
    "gdb": (["x/1gx " + LINE, "x/1gx %s + 0x100000000" % LINE],
            # cacheable mapping: the CPU's view; non-cacheable: memory
            [r"<buf\+64>:\s+" + VALUE, r"0x180[0-9a-f]{6}:\s+" + MEMORY]),
    "monitor": (['eval "monitor x /1gx 0x%%lx", (unsigned long)%s' % LINE,
                 'eval "monitor xp /1gx 0x%%lx", (unsigned long)%s' % LINE],
                # x translates as the CPU does; xp reads memory
                [r"^[0-9a-f]+: " + VALUE + r"\n[0-9a-f]+: " + MEMORY + "$"]),
}


def findings(r):
    """Everything the model and the XPU reported, in order."""
    return [l for l in r.output.splitlines() if FINDINGS.match(l)]


def run_debugged(commands):
    """cache-debug under gdb: break at debug_point, run commands there,
    continue to the end. Returns QEMU's result and gdb's output."""
    d = tempfile.mkdtemp(prefix="qms-gdb-")
    sock = os.path.join(d, "gdb")
    seen = {"gdb": ""}

    def gdb():
        for _ in range(200):
            if os.path.exists(sock):
                break
            time.sleep(0.05)
        cmd = [GDB, "-q", "-nx", "-batch", DEBUG_ELF, "-ex", "target remote " + sock,
               "-ex", "break debug_point", "-ex", "continue"]
        for c in commands + ["continue"]:
            cmd += ["-ex", c]
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=60)
            # the monitor's output comes with \r\n
            seen["gdb"] = p.stdout.decode(errors="replace").replace("\r\n", "\n")
        except subprocess.TimeoutExpired as e:
            seen["gdb"] = (e.stdout or b"").decode(errors="replace") + "\ngdb timed out"

    try:
        r = run("cache-debug", DEBUG_ARGS + ["-S", "-gdb", "unix:%s,server=on,wait=off" % sock],
                during=gdb)
    finally:
        shutil.rmtree(d, True)
    return r, seen["gdb"]


def test_debuggers(tap):
    base = run("cache-debug", DEBUG_ARGS)
    want = findings(base)
    tap.check(base.returncode == 0 and "bm: PASS" in base.console and
              any("severity hazard-dirty" in l for l in want) and
              any("access   write-back" in l for l in want),
              "cache-debug without a debugger: a dirty hazard, then a write-back violation",
              base.output)
    if not tap.check(shutil.which(GDB) is not None,
                     "%s is installed (scripts/setup-host installs it)" % GDB):
        for name in DEBUGGERS:
            tap.check(False, "cache-debug read by %s: not run without %s" % (name, GDB))
        return
    for name, (commands, shows) in DEBUGGERS.items():
        r, out = run_debugged(commands)
        got = findings(r)
        missing = [w for w in shows if not re.search(w, out, re.M)]
        diff = list(difflib.unified_diff(want, got, "without a debugger", name, n=1,
                                         lineterm=""))
        tap.check(r.returncode == 0 and "bm: PASS" in r.console and not missing and
                  got == want,
                  "cache-debug read by %s at debug_point: the CPU's and memory's values, "
                  "and the same findings as without a debugger" % name,
                  "exit %s, gdb did not show %s\ngdb:\n%s\nthe findings' first "
                  "differences:\n%s" % (r.returncode, missing, out, "\n".join(diff[:20])))


# At scale: cache-stress.c holds every page of 1 GiB (a line in 16 of
# them dirty), writes under 100 lines through the non-cacheable alias,
# gives all of it to the modem with one assign_mem, then touches 64 MiB
# more, which evicts the lines held into the modem's memory (write-back
# violations, with action=log). QEMU's memory must stay within 1.1x that
# of the same run without the model plus the model's capacity (8 MiB);
# the hazard's report must list 256 lines and sum up the rest; the
# findings and the write-back violations must be rate-limited (the
# first 32 of a kind, then the 2^n-th).
STRESS_ARGS = ["-global", "qcom-xpu.action=log", "-d", "guest_errors"]
STRESS_CAPACITY_MIB = 8


def test_stress(tap):
    off = run("cache-stress", STRESS_ARGS, machine="db845c,dcache=off", timeout=300,
              trace=False)
    on = run("cache-stress", STRESS_ARGS, timeout=300, trace=False)
    bound = off.maxrss_kib * 1.1 + STRESS_CAPACITY_MIB * 1024
    out = on.output
    hazard = out[out.find("cpu-dcache: hazard"):]
    listed = sum(l.startswith("  line ") for l in out.splitlines())
    summary = re.search(r"^  summary: (\d+) lines held, 256 listed: (\d+) dirty, (\d+) clean "
                        r"\(100 with memory changed since\), in \d+ stretch(es)?: 0x", out, re.M)
    aliases = re.findall(r"^cpu-dcache: mismatched-alias at .*", out, re.M)
    writebacks = len(re.findall(r"qcom-xpu:   access   write-back", out))
    suppressed = re.findall(r"qcom-xpu:   suppressed (\d+) more write-back violations", out)
    tap.check(off.returncode == 0 and "bm: PASS" in off.console,
              "cache-stress without the model: passes", off.output[-3000:])
    tap.check(on.returncode == 0 and "bm: PASS" in on.console,
              "cache-stress: 1 GiB held and given to the modem at once, QEMU gets to the end",
              "exit %s timed out %s\n%s" % (on.returncode, on.timed_out, out[-3000:]))
    tap.check(on.maxrss_kib <= bound,
              "cache-stress: QEMU's peak RSS %d MiB, within 1.1 x %d MiB (without the model) "
              "+ %d MiB" % (on.maxrss_kib // 1024, off.maxrss_kib // 1024, STRESS_CAPACITY_MIB),
              "bound %d MiB" % (bound // 1024))
    tap.check(out.count("cpu-dcache: hazard") == 1 and listed == 256 and summary is not None and
              int(summary.group(2)) > 0 and len(out) < 256 * 1024,
              "cache-stress: one hazard, its report 256 lines and a summary of all the lines held, "
              "%d bytes of output in all" % len(out), hazard[:3000] + "\n...\n" + out[-2000:])
    tap.check(len(aliases) == 33 and aliases[-1].endswith(
                  "(31 more mismatched-alias findings since the last one reported)"),
              "cache-stress: 100 writes under held lines, 33 findings reported, the last "
              "standing for 31 more", "\n".join(aliases[-3:]))
    tap.check(32 <= writebacks <= 48 and suppressed and
              writebacks + sum(map(int, suppressed)) > 64,
              "cache-stress: %d write-back violations reported, %d more counted"
              % (writebacks, sum(map(int, suppressed))), out[-3000:])


# DC ZVA sweeps (cache-zva-sweep.c): the model records a clear_page()'s
# DC ZVAs without the BQL and writes them out before anything else takes
# a number. The hazard's report must give each of the three pages' 64
# lines its own DC ZVA (the line's VA, the pc of its loop) and the event
# numbers of the order they were zeroed: page 0 and 2 ascending, page 1
# descending, one after the other, each page's fill first. The hazard
# resets the SoC (exit 1) once the program has checked that memory kept
# its data.
ZVA_LINE = re.compile(r"^  line 0x([0-9a-f]+): dirty, filled by cpu0 pc 0x([0-9a-f]+) "
                      r"\(event (\d+)\); last DC ZVA by cpu0 pc 0x([0-9a-f]+) lr 0x[0-9a-f]+ "
                      r"va 0x([0-9a-f]+) \(event (\d+)\)$", re.M)


def test_zva_sweep(tap):
    r = run("cache-zva-sweep", trace=False)
    lines = [(int(a, 16), int(fpc, 16), int(fill), int(pc, 16), int(va, 16), int(ev))
             for a, fpc, fill, pc, va, ev in ZVA_LINE.findall(r.output)]
    pages = [lines[n * 64:(n + 1) * 64] for n in range(3)]
    expect = []
    # the hazard resets the SoC at the handover, after the program's checks
    ok = len(lines) == 192 and r.returncode == 1 and "bm: FAIL" not in r.console
    if ok:
        first = pages[0][0][2]
        for n, page in enumerate(pages):
            fill = first + n * 65
            order = range(64) if n != 1 else range(63, -1, -1)
            events = {line: fill + 1 + i for i, line in enumerate(order)}
            expect += [(page[0][0] + line * 64, page[0][1], fill, page[0][1],
                        page[0][0] + line * 64, events[line]) for line in range(64)]
    tap.check(ok and lines == expect,
              "cache-zva-sweep: each line its own DC ZVA in the hazard's report, "
              "numbered in the order the lines were zeroed",
              "%s\nfirst difference: %s" % (r.output[-4000:], next(
                  ((g, w) for g, w in zip(lines, expect) if g != w), None)))


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

if not only or "cache-debug" in only:
    test_debuggers(tap)

if not only or "cache-stress" in only:
    test_stress(tap)

if not only or "cache-zva-sweep" in only:
    test_zva_sweep(tap)

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

    # Capacity: the pages held longest go first, so the same program
    # gives the same evictions every run, and another capacity other ones.
    evict_args = CASES["cache-evict"][0]
    runs = [report(run("cache-evict", evict_args + ["-global", "cpu-dcache.capacity=%d" % c]))
            for c in (32768, 32768, 65536)]
    tap.check("cpu_dcache_evict" in runs[0] and runs[0] == runs[1] and runs[0] != runs[2],
              "cache-evict: the same evictions every run; another capacity, other ones",
              "\n---\n".join(r[-2000:] for r in runs))
tap.done()
