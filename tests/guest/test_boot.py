#!/usr/bin/env python3
"""The Debian 6.1 kernel boots on qcom-sm8250 to our init, which reports
and powers off through PSCI; QEMU then exits 0. Fails on a missing
marker, a kernel panic or oops, or a hung guest. Linux's own drivers of
the platform services the machine provides (SCM, SMEM, TCSR mutex, APSS
mailbox, modem SMP2P, cmd-db, RPMh and its power domains, AOSS and PDC
resets) and the modem driver itself must bind to the device-tree nodes,
nothing may stay deferred, and those drivers must log nothing but what a
good boot logs. (The modem's start is tests/guest/test_modem.py's.)"""

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
    "qcom-smem": "86000000.smem",
    "qcom_apcs_ipc": "17990000.mailbox",
    "qcom_smp2p": "smp2p-mpss",
    "cmd-db": "85fe0000.memory",
    "rpmh": "18200000.rsc",
    "qcom-rpmhpd": "18200000.rsc:power-controller",
    "qcom_aoss_reset": "c2a0000.reset-controller",
    "qcom_pdc_reset": "b2e0000.reset-controller",
    "qcom-q6v5-mss": "4080000.remoteproc",
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
                     r"qcom_hwspinlock|hwspinlock|qcom_apcs_ipc|apcs|cmd-db|cmd_db|"
                     r"rpmh|rpmhpd|qcom-rpmhpd|reset-controller|qcom_aoss_reset|qcom_pdc_reset|"
                     r"qcom-q6v5-mss|remoteproc\d*)\b", re.I)
EXPECTED_LOG = (
    "qcom_scm: convention: smc arm 64",
    "remoteproc remoteproc0: 4080000.remoteproc is available",
)
# At probe, that is before the init starts the modem (without firmware here)
probe_log = r.output.split("qms: init ")[0]
noise = [l for l in probe_log.splitlines()
         if l.startswith("[") and DRIVERS.search(l)
         and not any(l.rstrip("\r").endswith(e) for e in EXPECTED_LOG)]
tap.check(not noise, "the platform services' and the modem's drivers log no errors",
          "\n".join(noise))
# No firmware in this initramfs: the init's first modem start fails
# with ENOENT, which it reports as such, and it tries nothing more.
tap.check(r.lines("qms: modem-count ") == ["1"] and
          r.lines("qms: result ") == ["1 start errno-2 offline"],
          "without firmware the modem's start fails with ENOENT, reported", r.output)
tap.check([e for e in r.lines("qms: error ") if not e.startswith("step 1 start")] == [],
          "init reported no other error", r.output)
tap.done()
