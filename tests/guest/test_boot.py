#!/usr/bin/env python3
"""The Debian 6.1 kernel boots on qcom-sm8250 to our init, which reports
and powers off through PSCI; QEMU then exits 0. Fails on a missing
marker, a kernel panic or oops, or a hung guest. Linux's own drivers of
the platform services the machine provides (SCM, SMEM, TCSR mutex, APSS
mailbox, modem SMP2P) must bind to the device-tree nodes, nothing may
stay deferred, and those drivers must log nothing but what a good boot
logs."""

import os
import re

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

# driver -> the device it must be bound to (names from the generated DT)
EXPECTED_BOUND = {
    "qcom_scm": "firmware:scm",
    "qcom_hwspinlock": "1f40000.hwlock",
    "qcom-smem": "80900000.smem",
    "qcom_apcs_ipc": "17990000.mailbox",
    "qcom_smp2p": "smp2p-mpss",
}
bound = set(tuple(l.split(" ", 1)) for l in r.lines("qms: bound "))
for drv, dev in EXPECTED_BOUND.items():
    tap.check((drv, dev) in bound, "%s bound to %s" % (drv, dev),
              "\n".join(r.lines("qms: bound ")) or r.output)
tap.check(r.lines("qms: deferred-count ") == ["0"] and not r.lines("qms: deferred "),
          "no device left in devices_deferred",
          "\n".join(r.lines("qms: deferred")) or r.output)
tap.check(any(l.endswith("qcom_scm: convention: smc arm 64") for l in r.output.splitlines()),
          "qcom_scm detects the SMC64 (ARM_64) convention", r.output)

# What these drivers print on a good boot; anything else is an error.
DRIVERS = re.compile(r"\b(qcom_scm|qcom-smem|qcom_smem|smem|qcom_smp2p|smp2p|"
                     r"qcom_hwspinlock|hwspinlock|qcom_apcs_ipc|apcs)\b", re.I)
EXPECTED_LOG = (
    "qcom_scm: convention: smc arm 64",
)
noise = [l for l in r.output.splitlines()
         if l.startswith("[") and DRIVERS.search(l)
         and not any(l.rstrip("\r").endswith(e) for e in EXPECTED_LOG)]
tap.check(not noise, "SCM, SMEM, SMP2P, hwspinlock and mailbox drivers log no errors",
          "\n".join(noise))
tap.check(not r.lines("qms: error "), "init reported no error", r.output)
tap.done()
