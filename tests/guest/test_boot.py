#!/usr/bin/env python3
"""Debian's 6.1 kernel boots on the db845c board with the DragonBoard
845c's own device tree, as its kernel tree builds it (sdm845-db845c.dtb),
to our init, which reports and powers off through PSCI; QEMU then exits
0. The console is the GENI debug UART (earlycon, then ttyMSM0). Linux's
own drivers bind to the DT's nodes on the supplier chains of the modem
and of the console (SCM, SMEM, TCSR mutex, APSS mailbox, SMP2P, cmd-db,
RPMh with rpmhpd, rpmhcc and the interconnects, GCC, TLMM, PDC, AOSS QMP and resets, the
QUP wrapper), each of those devices' links to its suppliers is active,
and nothing is in devices_deferred. Then the board's own DT (no
-dtb) boots the same kernel. The modem starts, stops and starts with the
firmware under the DT's names (tests/guest/test_modem.py has the
verdicts)."""

import os
import re

import qms

tap = qms.Tap()
TREE = os.path.join(qms.GUEST, "linux-stock")
DTB = os.path.join(TREE, "arch", "arm64", "boot", "dts", "qcom", "sdm845-db845c.dtb")

# driver -> the device it must be bound to (names from sdm845.dtsi)
EXPECTED_BOUND = {
    "qcom_scm": "firmware:scm",
    "qcom_hwspinlock": "1f40000.hwlock",
    "qcom-smem": "86000000.smem",
    "qcom_apcs_ipc": "17990000.mailbox",
    "qcom_smp2p": "smp2p-mpss",
    "cmd-db": "85fe0000.aop-cmd-db-mem",
    "rpmh": "179c0000.rsc",
    "qcom-rpmhpd": "179c0000.rsc:power-controller",
    "clk-rpmh": "179c0000.rsc:clock-controller",
    "gcc-sdm845": "100000.clock-controller",
    "sdm845-pinctrl": "3400000.pinctrl",
    "qcom_pdc": "b220000.interrupt-controller",
    "qcom_aoss_qmp": "c300000.power-controller",
    "qcom_aoss_reset": "c2a0000.reset-controller",
    "qcom_pdc_reset": "b2e0000.reset-controller",
    "geni_se_qup": "ac0000.geniqup",
    "qcom_geni_serial": "a84000.serial",
    "bcm_voter": "179c0000.rsc:bcm-voter",
    "qnoc-sdm845": "1500000.interconnect",
    "qcom-q6v5-mss": "4080000.remoteproc",
}
# The suppliers the modem's and the console's device links must name
# The init's steps of the modem (its remoteproc is named after its
# platform device), and nothing else: the DT's ADSP and CDSP, which the
# board does not model, have no firmware and are skipped
MODEM_RAN = ["1 4080000.remoteproc start ok running", "2 4080000.remoteproc stop ok offline",
             "3 4080000.remoteproc start ok running"]
MODEM_SUPPLIERS = {"platform:100000.clock-controller", "platform:179c0000.rsc:clock-controller",
                   "platform:179c0000.rsc:power-controller", "platform:b2e0000.reset-controller",
                   "platform:c2a0000.reset-controller", "platform:smp2p-mpss"}
CONSOLE_SUPPLIERS = {"platform:100000.clock-controller", "platform:179c0000.rsc:power-controller",
                     "platform:3400000.pinctrl"}


def boot(args):
    initrd = qms.make_initramfs(qms.modem_firmware("qcom/sdm845"))
    try:
        return qms.run_qemu(["-M", "db845c"] + qms.kernel_args(initrd=initrd) + args)
    finally:
        os.unlink(initrd)


r = boot(["-dtb", DTB])
tap.check(not r.timed_out, "guest powered off before the timeout", r.output)
tap.check(r.returncode == 0, "QEMU exits 0 after PSCI SYSTEM_OFF",
          "exit status %s\n%s" % (r.returncode, r.output))
bad = [l for l in r.output.splitlines()
       if any(f in l for f in qms.KERNEL_FAILURES + ("WARNING: CPU",))]
tap.check(not bad, "no kernel panic, oops, BUG or WARNING", "\n".join(bad) or r.output)
tap.check(any("Machine model: Thundercomm Dragonboard 845c" in l for l in r.output.splitlines()),
          "Linux runs on the DragonBoard 845c's own device tree", r.output)
init = r.lines("qms: init ")
tap.check(len(init) == 1 and init[0].startswith("Linux 6.1.") and init[0].endswith("aarch64"),
          "init runs on Linux 6.1 aarch64", r.output)
tap.check(r.lines("qms: cpus ") == ["8"], "all 8 CPUs came online (MPIDR Aff1 = core)",
          r.output)
tap.check(any("earlycon: qcom_geni0 at MMIO 0x0000000000a84000" in l for l in r.output.splitlines()),
          "earlycon writes through the GENI debug UART at 0xa84000", r.output)
tap.check(r.lines("qms: console ") == ["ttyMSM0"],
          "the console is ttyMSM0, qcom_geni_serial's", r.output)
tap.check(any("clocksource: Switched to clocksource arch_sys_counter" in l
              for l in r.output.splitlines()),
          "the architected counter is the clocksource (the MMIO timer probed)", r.output)

bound = set(tuple(l.split(" ", 1)) for l in r.lines("qms: bound "))
for drv, dev in EXPECTED_BOUND.items():
    tap.check((drv, dev) in bound, "%s bound to %s" % (drv, dev),
              "\n".join(r.lines("qms: bound ")) or r.output)

deferred = [l.split(" ", 1)[0] for l in r.lines("qms: deferred ")]
chains = set(EXPECTED_BOUND.values()) | {s.split(":", 1)[1]
                                         for s in MODEM_SUPPLIERS | CONSOLE_SUPPLIERS}
tap.check(not [d for d in deferred if d in chains],
          "nothing on the modem's or the console's supplier chains is deferred",
          "\n".join(r.lines("qms: deferred")))
tap.check(r.lines("qms: deferred-count ") == ["0"] and
          ("qcom_geni_serial", "898000.serial") in bound,
          "nothing at all is deferred: uart6 binds too (its interconnects probed)",
          "\n".join(r.lines("qms: deferred")))
links = {}
for l in r.lines("qms: supplier "):
    dev, sup, status = l.split(" ")
    links.setdefault(dev, {})[sup] = status
for dev, want in (("4080000.remoteproc", MODEM_SUPPLIERS), ("a84000.serial", CONSOLE_SUPPLIERS)):
    have = links.get(dev, {})
    tap.check(want <= set(have) and all(s == "active" for s in have.values()),
              "%s's links to its suppliers are all active" % dev,
              "\n".join(r.lines("qms: supplier ")) or r.output)
tap.check(any(l.endswith("qcom_scm: convention: smc arm 64") for l in r.output.splitlines()),
          "qcom_scm detects the SMC64 (ARM_64) convention", r.output)

# What the drivers on those chains print on a good boot; anything else
# at probe (before the init) is an error.
DRIVERS = re.compile(r"\b(qcom_scm|qcom-smem|qcom_smem|smem|qcom_smp2p|smp2p|"
                     r"qcom_hwspinlock|hwspinlock|qcom_apcs_ipc|apcs|cmd-db|cmd_db|"
                     r"rpmh|rpmhpd|qcom-rpmhpd|clk-rpmh|gcc-sdm845|clock-controller|pinctrl|qcom_pdc|pdc|"
                     r"qcom_aoss_qmp|reset-controller|qcom_aoss_reset|qcom_pdc_reset|"
                     r"geni|qcom_geni_serial|a84000\.serial|qnoc-sdm845|bcm_voter|interconnect|"
                     r"qcom-q6v5-mss|remoteproc\d*)\b", re.I)
EXPECTED_LOG = (
    "qcom_scm: convention: smc arm 64",
    "remoteproc remoteproc0: 4080000.remoteproc is available",
    "a84000.serial: ttyMSM0 at MMIO 0xa84000 (irq = ",
    "pinctrl core: initialized pinctrl subsystem",
)
# The DT's ADSP and CDSP (qcom,sdm845-adsp-pas, -cdsp-pas), which the
# board does not model: qcom_q6v5_pas registers them and boots them
# itself (auto_boot) without firmware, which the runners give none; what
# their remoteprocs log about that is expected
UNMODELLED = tuple("remoteproc %s:" % l.split()[0] for l in r.lines("qms: rproc ")
                   if l.split()[1] in ("remoteproc-adsp", "remoteproc-cdsp"))
probe_log = r.output.split("qms: init ")[0]
noise = [l for l in probe_log.splitlines()
         if l.startswith("[") and DRIVERS.search(l) and "Fixed dependency cycle" not in l
         and not any(e in l for e in EXPECTED_LOG + UNMODELLED)]
tap.check(not noise, "the chains' drivers log nothing but what a good boot logs",
          "\n".join(noise))
tap.check(r.lines("qms: result ") == MODEM_RAN,
          "the modem starts, stops and starts from the DT's firmware names", r.output)
tap.check(r.lines("qms: error ") == [], "init reported no error", r.output)

# The board's own device tree: the same kernel, the same modem
r = boot([])
tap.check(r.returncode == 0 and not r.timed_out and
          r.lines("qms: console ") == ["ttyMSM0"] and
          r.lines("qms: deferred-count ") == ["0"] and
          r.lines("qms: result ") == MODEM_RAN,
          "the board's own device tree boots to the init with nothing deferred; the "
          "modem starts, stops, starts", r.output)
tap.check(any("Machine model: Thundercomm Dragonboard 845c (qcom-mss-sim's own device tree)"
              in l for l in r.output.splitlines()),
          "the board's own device tree says it is the simulator's", r.output)
tap.done()
