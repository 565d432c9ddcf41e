#!/usr/bin/env python3
"""Debugging a finding with gdb: `check-kernel --gdb PORT` on the
clean-only kernel stays paused at its first finding (the modem's
metadata hazard); Debian's gdb-multiarch, in batch mode against the
gdbstub, must find there what the report says: the vCPU that made the
SCM call in the driver's path (qcom_scm_assign_mem from the modem
driver), `monitor info xpu` with the group and its new owner, `monitor
info dcache` with the held line; gdb's `kill` ends the run and the
verdict stands. A control: with the XPU's stop switched off the run
never pauses, so the session above depends on the finding's stop.
Record and replay: `--record DIR` records the run (QEMU's -icount
rr=record, one vCPU), `--replay DIR` twice gives the identical findings
(every line, its fill and maintenance, to the pc); under `--replay DIR
--gdb`, a watchpoint on the held line's address and a reverse-continue
from the finding land on the store that last wrote it: clear_page(),
init_on_alloc's zeroing through the cache, which the clean-only prep
cleaned but did not invalidate."""

import json
import os
import queue
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time

import qms

GDB = "gdb-multiarch"
TREE = os.path.join(qms.GUEST, "linux-clean-only")
CHECK = os.path.join(qms.TOP, "scripts", "check-kernel")
MAPPED = re.compile(r"check-kernel: gdb: the CPUs hold line (0x[0-9a-f]+), mapped at "
                    r"(0x[0-9a-f]+): 'watch")
ATTACH = re.compile(r"check-kernel: gdb: attach with: .*-ex 'target remote :(\d+)'"
                    r"(?: -ex 'thread (\d+)')?")
PAUSED = re.compile(r"check-kernel: gdb: paused at the first finding: XPU (\S+) at (0x[0-9a-f]+) "
                    r"by (\S+) \(group (\d+)\)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(extra=(), run=("--kernel-tree", TREE)):
    """check-kernel --gdb, its output lines in p.lines (a queue; None at
    the end) as it prints them"""
    p = subprocess.Popen([CHECK] + list(run) + ["--gdb", str(free_port())] +
                         list(extra), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True)
    p.lines = queue.Queue()

    def reader():
        for line in p.stdout:
            p.lines.put(line)
        p.lines.put(None)
    threading.Thread(target=reader, daemon=True).start()
    return p


def read_until(p, pattern, timeout=180):
    """check-kernel's output up to the line matching pattern (None: to
    the end), within timeout seconds of wall clock (a hung guest)."""
    out, deadline = "", time.monotonic() + timeout
    while True:
        try:
            line = p.lines.get(timeout=max(0, deadline - time.monotonic()))
        except queue.Empty:
            return out + "\n(timed out)", None
        if line is None:
            return out, None
        out += line
        m = pattern.search(line) if pattern else None
        if m:
            return out, m


def gdb(port, commands):
    cmd = [GDB, "-q", "-nx", "-batch", os.path.join(TREE, "vmlinux"),
           "-ex", "target remote :%s" % port]
    for c in commands:
        cmd += ["-ex", c]
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=120)
        return r.stdout.decode(errors="replace").replace("\r\n", "\n")
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b"").decode(errors="replace") + "\ngdb timed out"


def finish(p):
    """The rest of check-kernel's output, once it ended."""
    rest, _ = read_until(p, None, timeout=120)
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        rest += "\n(check-kernel did not end)"
    return rest


def test_stop_at_finding(tap):
    p = start()
    out, m = read_until(p, ATTACH)
    paused = PAUSED.search(out)
    if not tap.check(m is not None and paused is not None and m.group(2) is not None,
                     "check-kernel --gdb: paused at the first finding, the attach command "
                     "names the vCPU of the SMC", out):
        p.kill()
        finish(p)
        for what in ("backtrace", "info xpu", "info dcache", "kill"):
            tap.check(False, "gdb at the finding: %s: not run (no pause)" % what)
        return
    kind, addr, group = paused.group(1), int(paused.group(2), 16), paused.group(4)
    session = gdb(m.group(1), ["thread %s" % m.group(2), "bt",
                               "monitor info xpu",
                               "monitor info dcache 0x%x 0x80" % addr, "kill"])
    rest = finish(p)
    bt = session[session.find("#0"):session.find("/machine/")]
    tap.check(kind == "hazard" and re.search(r"\bqcom_scm_assign_mem\b", bt) and
              re.search(r"\bq6v5_(xfer_mem_ownership|start)\b", bt) and
              re.search(r"#0 .*__arm_smccc_smc", bt),
              "gdb at the finding: the backtrace of the SMC's vCPU is the modem driver's "
              "assign_mem (__arm_smccc_smc <- ... qcom_scm_assign_mem <- q6v5_...)",
              session[:session.find("/machine/")])
    grp = re.search(r"group +%s \[0x0*%x-0x[0-9a-f]+\] enabled read \{([^}]*)\}"
                    % (group, addr), session)
    tap.check(grp is not None and "MSS_MSA(15)" in grp.group(1) and "HLOS" not in grp.group(1),
              "gdb at the finding: monitor info xpu shows group %s at 0x%x, owned by the "
              "modem (MSS_MSA) and no longer by HLOS" % (group, addr), session)
    tap.check(re.search(r"line 0x%x: clean \(memory changed since\), filled by cpu\d" % addr,
                        session) is not None,
              "gdb at the finding: monitor info dcache shows the held line 0x%x, clean, "
              "with its fill" % addr, session)
    tap.check(p.returncode == 1 and
              "first: XPU hazard at 0x%x by apps" % addr in rest,
              "gdb's kill ends the run; the verdict stands (FAIL, exit 1, the same finding)",
              "exit %s\n%s" % (p.returncode, rest))


def test_no_stop_no_pause(tap):
    """The control: the XPU's stop off, the same kernel runs to its
    verdict without pausing for a debugger."""
    p = start(["--control", "--global", "qcom-xpu.action=log"])
    out = finish(p)
    tap.check(p.returncode == 1 and "paused at the first finding" not in out and
              "XPU hazard at 0xfbcc0000" in out,
              "control: with qcom-xpu.action=log the run never pauses (it ends: FAIL, the "
              "hazard logged)", "exit %s\n%s" % (p.returncode, out))


def check_json(argv, path):
    """check-kernel with --json path: (exit status, report, output)"""
    p = subprocess.run([CHECK] + argv + ["--json", path], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=900)
    try:
        with open(path) as f:
            return p.returncode, json.load(f), p.stdout
    except (OSError, ValueError):
        return p.returncode, {}, p.stdout + p.stderr


def test_record_replay(tap, work):
    rec = os.path.join(work, "rec")
    rc, recorded, out = check_json(["--kernel-tree", TREE, "--record", rec],
                                   os.path.join(work, "record.json"))
    first = (recorded.get("findings") or [{}])[0]
    if not tap.check(rc == 1 and first.get("kind") == "hazard" and
                     os.path.isfile(os.path.join(rec, "replay.bin")),
                     "--record: the clean-only kernel on one vCPU, FAIL (1) with the modem's "
                     "hazard, and the recording", out):
        return None
    same = True
    results = os.path.join(work, "replay-results.json")
    for i in (1, 2):
        # the second replay also writes a report the recording did not ask
        # for: a replay takes this command line's reporting options
        extra = ["--results-json", results] if i == 2 else []
        rc, replayed, out = check_json(["--replay", rec] + extra,
                                       os.path.join(work, "replay%d.json" % i))
        same = same and rc == 1 and replayed.get("findings") == recorded["findings"] and \
            replayed.get("notes") == recorded["notes"] and \
            replayed.get("steps") == recorded["steps"]
        tap.check(same and "replayed from %s" % rec in "\n".join(replayed["conditions"]),
                  "--replay, run %d: the identical findings (%d, every held line with its "
                  "fill and maintenance pc), notes and steps, exit 1" % (i, len(
                      recorded["findings"])), out)
    try:
        with open(results) as f:
            suites = json.load(f)
    except (OSError, ValueError) as e:
        suites = {"error": str(e)}
    tap.check(any(isinstance(cases, dict) and
                  any(isinstance(c, dict) and c.get("result") == "fail" for c in cases.values())
                  for cases in suites.values()),
              "--replay --results-json: the report of the replayed run, a failure",
              json.dumps(suites)[:2000])
    return rec


def test_reverse_watch(tap, rec):
    p = start(run=("--replay", rec))
    out, m = read_until(p, MAPPED)
    if not tap.check(m is not None, "--replay --gdb: paused at the finding, the held "
                     "line's address given", out):
        p.kill()
        finish(p)
        return
    line, va = m.group(1), m.group(2)
    port = ATTACH.search(out).group(1)
    session = gdb(port, ["watch *(long *)%s" % va, "reverse-continue", "bt 4",
                         "info registers pc", "kill"])
    rest = finish(p)
    stop = re.search(r"^#0 +0x[0-9a-f]+ in (\S+) \(\)", session, re.M)
    tap.check(stop is not None and stop.group(1) == "clear_page" and
              re.search(r"pc +0x[0-9a-f]+ +0x[0-9a-f]+ <clear_page\+\d+>", session),
              "reverse-continue from the finding with a watch on line %s (at %s) stops "
              "in clear_page, init_on_alloc's zeroing" % (line, va), session)
    tap.check(p.returncode == 1, "the replayed run, killed after, is still FAIL (1)",
              "exit %s\n%s" % (p.returncode, rest))


def main():
    tap = qms.Tap()
    if not tap.check(shutil.which(GDB) is not None,
                     "%s is installed (scripts/setup-host installs it)" % GDB):
        return tap.done()
    test_stop_at_finding(tap)
    test_no_stop_no_pause(tap)
    work = tempfile.mkdtemp(prefix="qms-rr-")
    try:
        rec = test_record_replay(tap, work)
        if rec:
            test_reverse_watch(tap, rec)
    finally:
        shutil.rmtree(work, True)
    return tap.done()


if __name__ == "__main__":
    raise SystemExit(main())
