#!/usr/bin/env python3
"""The Debian 6.1 kernel boots on qcom-sm8250 to our init, which reports
and powers off through PSCI; QEMU then exits 0. Fails on a missing
marker, a kernel panic or oops, or a hung guest."""

import os

import qms

tap = qms.Tap()
initrd = qms.make_initramfs()
try:
    r = qms.run_qemu(["-M", "qcom-sm8250"] + qms.kernel_args(initrd=initrd))
finally:
    os.unlink(initrd)

tap.check(not r.timed_out, "guest powered off before the timeout", r.output)
tap.check(r.returncode == 0, "QEMU exits 0 after PSCI SYSTEM_OFF",
          "exit status %s\n%s" % (r.returncode, r.output))
bad = [l for l in r.output.splitlines() if any(f in l for f in qms.KERNEL_FAILURES)]
tap.check(not bad, "no kernel panic, oops or BUG", "\n".join(bad) or r.output)
init = r.lines("qms: init ")
tap.check(len(init) == 1 and init[0].startswith("Linux 6.1.") and init[0].endswith("aarch64"),
          "init runs on Linux 6.1 aarch64", r.output)
tap.check(r.lines("qms: cpus ") == ["8"], "all 8 CPUs came online", r.output)
tap.check(r.lines("qms: done ") == ["poweroff"], "init reached its end", r.output)
tap.check(not r.lines("qms: error "), "init reported no error", r.output)
tap.done()
