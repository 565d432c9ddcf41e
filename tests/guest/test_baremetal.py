#!/usr/bin/env python3
"""Each bare-metal program under guest/baremetal runs on the db845c board,
reports "bm: PASS" and powers off through PSCI (QEMU exits 0), unless
EXPECT says otherwise: a program meant to end in an XPU violation is
started paused, the runner sets up the XPU through the monitor, and QEMU
must exit with status 1 after printing the XPU's report."""

import glob
import os
import socket
import subprocess
import tempfile
import time

import qms

# name -> (monitor commands before "cont", exit status, report lines)
EXPECT = {
    "xpu-deny.elf": (
        ["xpu-assign 0x90000000 0x1000 0x8008 0x8000"],
        1,
        ["qcom-xpu: XPU VIOLATION at /machine/soc/dram-xpu",
         "qcom-xpu:   address  0x0000000090000040",
         "qcom-xpu:   master   apps (VMID 3 HLOS)",
         "qcom-xpu:   access   write",
         # groups 0-2 hold DRAM around SMEM, shared with the modem at
         # reset (the board, hw/arm/db845c.c); the split of the assign is 3, 4
         "qcom-xpu:   group    4 [0x90000000-0x90000fff] read {HLOS(3) MSS_MSA(15)} "
         "write {MSS_MSA(15)}",
         "QEMU exits with status 1"]),
}
# name -> (extra QEMU options, lines QEMU must log)
LOGS = {
    # the SoC's unimplemented-device region answers, logged, for any
    # block of sdm845.dtsi the board does not model
    "unimp-access.elf": (["-d", "unimp"],
                         ["sdm845-io: unimplemented device write (size 4, offset 0x0a600000, "
                          "value 0xffffffff)",
                          "sdm845-io: unimplemented device read  (size 4, offset 0x0a600000)",
                          "sdm845-io: unimplemented device read  (size 4, offset 0x01d84000)",
                          "sdm845-io: unimplemented device read  (size 4, offset 0x05000000)"]),
}
# Benchmarks are run by bench/, the cache model's programs by test_cache.py.
SKIP = ("bench-", "cache-", "scm-arg-")


def run_with_monitor(args, commands, timeout=60):
    """Start QEMU paused, send HMP commands then "cont" on a monitor
    socket; return (exit status or None on timeout, console+stderr)."""
    d = tempfile.mkdtemp(prefix="qms-bm-")
    sock = os.path.join(d, "mon")
    cmd = [qms.QEMU, "-display", "none", "-serial", "stdio", "-no-reboot", "-S",
           "-monitor", "unix:%s,server=on,wait=off" % sock] + args
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    try:
        s = socket.socket(socket.AF_UNIX)
        for _ in range(100):
            try:
                s.connect(sock)
                break
            except OSError:
                time.sleep(0.05)
        for c in commands + ["cont"]:
            s.sendall((c + "\n").encode())
        try:
            out, _ = p.communicate(timeout=timeout)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            p.kill()
            out, _ = p.communicate()
            rc = None
        s.close()
        return rc, out.decode(errors="replace")
    finally:
        if p.poll() is None:
            p.kill()
        for f in os.listdir(d):
            os.unlink(os.path.join(d, f))
        os.rmdir(d)


tap = qms.Tap()
progs = sorted(glob.glob(os.path.join(qms.GUEST, "baremetal", "*.elf")))
tap.check(bool(progs), "bare-metal programs were built")
for elf in progs:
    name = os.path.basename(elf)
    if name.startswith(SKIP):
        continue
    base = ["-M", "db845c", "-smp", "1", "-kernel", elf]
    if name in EXPECT:
        commands, status, report = EXPECT[name]
        rc, out = run_with_monitor(base, commands)
        missing = [line for line in report if line not in out]
        ok = rc == status and not missing and "bm: FAIL" not in out
        tap.check(ok, "%s ends in an XPU violation, exit %d" % (name, status),
                  "exit %s, missing %s\n%s" % (rc, missing, out))
        continue
    extra, logged = LOGS.get(name, ([], []))
    r = qms.run_qemu(base + extra, timeout=60)
    missing = [line for line in logged if line not in r.output.splitlines()]
    ok = (not r.timed_out and r.returncode == 0 and r.lines("bm: PASS") == [""]
          and not r.lines("bm: FAIL") and not missing)
    tap.check(ok, "%s passes and powers off" % name + (", QEMU logging its accesses"
                                                       if logged else ""),
              "exit %s timed out %s, missing %s\n%s" % (r.returncode, r.timed_out, missing,
                                                        r.output))
tap.done()
