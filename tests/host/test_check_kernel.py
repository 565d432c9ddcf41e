#!/usr/bin/env python3
"""scripts/check-kernel without a guest: its reading of the boards' DTs
(the RB5's ADSP and CDSP, its disabled SLPI; the DragonBoard 845c's
modem), the firmware it generates for each remote processor under the
DT's names, and its verdicts from canned runs: the init's console lines,
the QMP events and the XPU's report on QEMU's standard error, with the
"cause" and "caller" lines of the PAS and MSS paths and without them.
The canned runs are what the guest and the models print; the verdicts
and reports are check-kernel's own reading of them."""

import importlib.machinery
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from contextlib import redirect_stdout

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "guest"))
import qms  # noqa: E402

_loader = importlib.machinery.SourceFileLoader(
    "check_kernel", os.path.join(qms.TOP, "scripts", "check-kernel"))
_spec = importlib.util.spec_from_loader("check_kernel", _loader)
ck = importlib.util.module_from_spec(_spec)
_loader.exec_module(ck)

DTS = os.path.join("arch", "arm64", "boot", "dts", "qcom")
RB5_61 = os.path.join(qms.GUEST, "linux-stock", DTS, "qrb5165-rb5.dtb")
RB5_612 = os.path.join(qms.GUEST, "linux-debian-6.12", DTS, "qrb5165-rb5.dtb")
DB845C = os.path.join(qms.GUEST, "linux-stock", DTS, "sdm845-db845c.dtb")
ADSP, CDSP = "/soc@0/remoteproc@17300000", "/soc@0/remoteproc@8300000"

# A kernel's symbols, as nm gives them: the SCM call path of PAS
# INIT_IMAGE and of the modem's assign_mem, and the prep routine
SYMS = [(0xffff800008010000, "__arm_smccc_smc"), (0xffff800008011000, "__scm_smc_do_quirk"),
        (0xffff800008012000, "__scm_smc_call"), (0xffff800008013000, "qcom_scm_call"),
        (0xffff800008014000, "qcom_scm_pas_init_image"),
        (0xffff800008015000, "qcom_mdt_pas_init"), (0xffff800008016000, "adsp_load"),
        (0xffff800008017000, "rproc_start"), (0xffff800008018000, "__qcom_scm_assign_mem.constprop.0"),
        (0xffff80000801a000, "qcom_scm_assign_mem"),
        (0xffff800008019000, "q6v5_mpss_init_image"),
        (0xffff80000801e000, "arch_dma_prep_coherent"), (0xffff80000801f000, "dcache_clean_poc"),
        (0xffff80000828f000, "clear_page"), (0xffff800008290000, "memset")]
# Return addresses at the SMC, innermost first
PAS_CALLERS = ("0xffff800008011044 0xffff800008012118 0xffff800008013020 "
               "0xffff8000080140a8 0xffff800008015110 0xffff800008016054")
# (6.1: the assign in a compiler clone of __qcom_scm_assign_mem, called
# from qcom_scm_assign_mem)
MSS_CALLERS = ("0xffff800008011044 0xffff800008013020 0xffff8000080180c4 "
               "0xffff80000801a010 0xffff800008019200")


def args_for(dtb, board="db845c", vmlinux=None, fail_on=None, more=()):
    a = ck.parse_args(["--kernel", "Image", "--dtb", dtb, "--board", board] +
                      (["--fail-on", fail_on] if fail_on else []) + list(more))
    a.kernel = "/k/Image"
    a.vmlinux = vmlinux
    return a


def console(rprocs, steps, auto=(), skip=(), deferred=(), drivers=None, done=True,
            meminit="heap alloc:on", kernel=()):
    """The init's lines: rprocs (RPROC NAME FW STATE DRIVER NODE), steps
    (N NAME ACTION RESULT STATE; RESULT None: no result line yet); the
    kernel's "mem auto-init:" line (meminit None: none) and more of its
    lines (kernel)."""
    drivers = drivers or {"qcom-q6v5-mss": "present", "qcom_q6v5_pas": "present"}
    out = ["[    0.000000] Booting Linux on physical CPU 0x0000000000"]
    if meminit:
        out.append("[    0.000000] mem auto-init: stack:all(zero), %s, heap free:off"
                   % meminit)
    out += ["[    0.900000] %s" % k for k in kernel]
    out += ["[    1.000000] qms: init Linux 6.1.192 aarch64"]
    out += ["[    1.100000] qms: deferred %s" % d for d in deferred]
    out += ["[    1.100000] qms: deferred-count %d" % len(deferred),
            "[    1.200000] qms: console ttyMSM0"]
    out += ["[    1.300000] qms: rproc %s" % r for r in rprocs]
    out += ["[    1.310000] qms: rproc-count %d" % len(rprocs)]
    out += ["[    1.320000] qms: driver %s %s" % kv for kv in drivers.items()]
    out += ["[    1.330000] qms: auto-boot %s" % a for a in auto]
    for s in steps:
        n, name, action, result, state = s.split(" ")
        out.append("[    1.400000] qms: step %s %s %s" % (n, name, action))
        if result != "None":
            out.append("[    1.410000] qms: result %s %s %s %s %s" % (n, name, action, result,
                                                                  state))
    out += ["[    1.500000] qms: skip %s" % k for k in skip]
    if done:
        out.append("[    1.600000] qms: done poweroff")
    return "\n".join(out) + "\n"


RB5_RPROCS = ["remoteproc0 17300000.remoteproc qcom/sm8250/adsp.mbn running qcom_q6v5_pas "
              + ADSP,
              "remoteproc1 8300000.remoteproc qcom/sm8250/cdsp.mbn running qcom_q6v5_pas "
              + CDSP]
RB5_AUTO = ["17300000.remoteproc running 3", "8300000.remoteproc running 0"]
RB5_STEPS = ["1 17300000.remoteproc stop ok offline", "2 17300000.remoteproc start ok running",
             "3 17300000.remoteproc stop ok offline", "4 17300000.remoteproc start ok running",
             "5 8300000.remoteproc stop ok offline", "6 8300000.remoteproc start ok running",
             "7 8300000.remoteproc stop ok offline", "8 8300000.remoteproc start ok running"]


def xpu_report(cause=None, caller=None, lines=4, base=0xfbcc0000, owner="TZ(0)",
               severity=None, dirty=0):
    """The XPU's report of a hazard, as qcom-xpu prints it on stderr
    (severity: its line, None: a model that does not print it; the first
    dirty lines dirty, the others clean)."""
    out = ["qcom-xpu: XPU VIOLATION at /machine/soc/dram-xpu (protected "
           "0x80000000-0xffffffff)",
           "qcom-xpu:   address  0x%016x" % base,
           "qcom-xpu:   master   apps (VMID 3 HLOS)",
           "qcom-xpu:   access   hazard"]
    if severity:
        out.append("qcom-xpu:   severity " + severity)
    out += [
           "qcom-xpu:   group    9 [0x%x-0x%x] read {%s} write {%s}" % (
               base, base + 0x1fff, owner, owner),
           "qcom-xpu:   ESR 0x00000000 EAR 0x0000000000000000 ESYNR 0x00000000"]
    if cause:
        out.append("qcom-xpu:   cause    " + cause)
    if caller:
        out.append("qcom-xpu:   caller   " + caller)
    out.append("qcom-xpu:   hazard   0x%x-0x%x: the CPUs lose access to 0x%x..0x%x while "
               "their data cache holds lines of it:" % (base, base + 0x1fff, base,
                                                        base + 0x1fff))
    for i in range(lines):
        a = base + 64 * i
        out.append("  line 0x%x: %s, filled by cpu0 pc "
                   "0xffff80000828f608 (event %d); last DC CVAC by cpu4 pc "
                   "0xffff80000801f068 lr 0xffff80000801e1d8 va 0xffff0000%08x (event %d)"
                   % (a, "dirty" if i < dirty else "clean (memory changed since)",
                      100 + i, a - 0x80000000, 200 + i))
    out.append("qcom-xpu:   action   stop: VM paused (gdbstub or 'cont' to resume)")
    return "\n".join(out) + "\n"


def xpu_event(step=None, base=0xfbcc0000, group=9, kind="hazard"):
    return {"event": "XPU_VIOLATION", "step": step,
            "data": {"kind": kind, "address": base, "master": "apps", "vmid": 3,
                     "group": group, "action": "stop"}}


def run(console_text, stderr="", events=(), ended="shutdown", rc=0):
    return {"returncode": rc, "ended": ended, "timed_out": ended == "timeout",
            "console": console_text, "stderr": stderr, "events": list(events),
            "seconds": 1.5}


def junit(rep):
    fd, path = tempfile.mkstemp(suffix=".xml")
    os.close(fd)
    try:
        ck.write_junit(rep, path)
        return ET.parse(path).getroot()
    finally:
        os.unlink(path)


def printed(rep):
    buf = io.StringIO()
    with redirect_stdout(buf):
        ck.print_report(rep)
    return buf.getvalue()


tap = qms.Tap()
syms = ck.Symbols(None, SYMS)

# --- the DTs
dt61 = ck.read_dt_file(args_for(RB5_61), RB5_61)
rps = {rp["name"]: rp for rp in dt61["remoteprocs"]}
tap.check(dt61["board"] == "rb5" and sorted(rps) == ["adsp", "cdsp"] and
          rps["adsp"]["node"] == ADSP and rps["adsp"]["firmware"] == ["qcom/sm8250/adsp.mbn"] and
          rps["adsp"]["region_ranges"]["mem"] == (0x8a100000, 0x1d00000) and
          rps["cdsp"]["region_ranges"]["mem"] == (0x87800000, 0x1400000) and
          rps["cdsp"]["firmware"] == ["qcom/sm8250/cdsp.mbn"] and
          all(rp["path"] == "PAS/TZ" for rp in rps.values()),
          "6.1's RB5 DTB: board rb5, the ADSP and CDSP with their firmware names and "
          "carve-outs", json.dumps(dt61.get("remoteprocs"), default=str))
tap.check([(rp["name"], rp["node"], rp["status"]) for rp in dt61["disabled"]] ==
          [("slpi", "/soc@0/remoteproc@5c00000", "disabled")],
          "6.1's RB5 DTB: the SLPI node is disabled, so not driven", str(dt61["disabled"]))
if os.path.isfile(RB5_612):
    dt612 = ck.read_dt_file(args_for(RB5_612), RB5_612)
    tap.check(sorted(rp["name"] for rp in dt612["remoteprocs"]) == ["adsp", "cdsp"] and
              [rp["name"] for rp in dt612["disabled"]] == ["slpi"],
              "6.12's RB5 DTB: the ADSP and CDSP enabled, the SLPI disabled")
dtdb = ck.read_dt_file(args_for(DB845C), DB845C)
tap.check(dtdb["board"] == "db845c" and [rp["name"] for rp in dtdb["remoteprocs"]] == ["mss"]
          and dtdb["remoteprocs"][0]["path"] == "MSS/MBA" and not dtdb["disabled"] and
          ck.report_dt(dtdb)["modem_node"] == "/soc@0/remoteproc@4080000",
          "db845c's DTB: the modem alone (its ADSP and CDSP are not modelled), the report's "
          "modem keys as before")
tap.check(dtdb["kernel_limit"] == 0x85700000 and dt61["kernel_load"] == 0x90800000 and
          dt61["kernel_limit"] is None and dt61["initrd_limit"] is None,
          "the Image's and initrd's room: below db845c's first carve-out above the kernel; "
          "on RB5 nothing reserved above the kernel (0x90800000) and the initrd",
          "%r %r" % (dtdb["kernel_limit"], dt61["kernel_limit"]))

# --kernel-tree --board rb5 takes the RB5's DTB
with tempfile.TemporaryDirectory() as tree:
    os.makedirs(os.path.join(tree, DTS))
    open(os.path.join(tree, "arch", "arm64", "boot", "Image"), "w").close()
    open(os.path.join(tree, DTS, "qrb5165-rb5.dtb"), "w").close()
    a = ck.parse_args(["--kernel-tree", tree, "--board", "rb5"])
    ck.resolve_tree(a)
    tap.check(a.dtb.endswith("dts/qcom/qrb5165-rb5.dtb") and a.dtb_from_tree,
              "--kernel-tree with --board rb5 takes qcom/qrb5165-rb5.dtb", str(a.dtb))

# --- the firmware, under the DT's names, as the mdt loader looks for it
with tempfile.TemporaryDirectory() as fw:
    mkfw = os.path.join(qms.GUEST, "tools", "mkmodemfw")
    files = ck.make_firmware(mkfw, fw, rps["adsp"])
    names = [d for _, d in files]
    tap.check(names[0] == "/lib/firmware/qcom/sm8250/adsp.mbn" and
              all(re.fullmatch(r"/lib/firmware/qcom/sm8250/adsp\.b\d\d", n) for n in names[1:])
              and "/lib/firmware/qcom/sm8250/adsp.b02" in names,
              "the ADSP's image as qcom/sm8250/adsp.mbn and its segments as adsp.bNN",
              "\n".join(names))
    r = subprocess.run([os.path.join(qms.GUEST, "tools", "mdtcheck"), "--pas=adsp",
                        "--base=0x8a100000", "--size=0x1d00000",
                        os.path.join(fw, "adsp")], capture_output=True, text=True)
    tap.check(r.returncode == 0, "mdtcheck accepts it in the DT's carve-out", r.stdout + r.stderr)
    dflt = dict(rps["cdsp"], firmware=["cdsp.mdt"])
    names = [d for _, d in ck.make_firmware(mkfw, fw, dflt)]
    tap.check(names[0] == "/lib/firmware/cdsp.mdt" and "/lib/firmware/cdsp.b02" in names,
              "without firmware-name, the driver's own name (cdsp.mdt, cdsp.bNN)",
              "\n".join(names))
    names = [d for _, d in ck.make_firmware(mkfw, fw, dtdb["remoteprocs"][0])]
    tap.check(names == ["/lib/firmware/qcom/sdm845/mba.mbn",
                        "/lib/firmware/qcom/sdm845/modem.mbn"],
              "the modem's as before: mba.mbn and the whole modem.mbn", "\n".join(names))

# --- rb5, 6.1 stock: both DSPs booted by the kernel, then stop, start, stop, start
rep = ck.analyse(args_for(RB5_61, "rb5"), dt61, run(console(RB5_RPROCS, RB5_STEPS, RB5_AUTO)))
tap.check(rep["verdict"] == 0 and "cdsp and adsp ran, stopped and ran again" in rep["reason"],
          "rb5: both DSPs ran (the kernel's own boot), stopped and ran again: exit 0",
          rep["reason"])
r = {x["name"]: x for x in rep["remoteprocs"]}
tap.check(r["adsp"]["rproc"] == "remoteproc0" and r["adsp"]["auto_boot"] == "running" and
          len(r["adsp"]["steps"]) == 4 and r["cdsp"]["rproc_name"] == "8300000.remoteproc" and
          all(s["remoteproc"] in ("adsp", "cdsp") for s in rep["steps"]) and
          [x["name"] for x in rep["not_driven"]] == ["slpi"],
          "rb5: the report joins each DT node with its remoteproc, boot and steps; the SLPI "
          "is not driven", json.dumps(rep["remoteprocs"]))
suite = junit(rep)
cases = {c.get("name"): c for c in suite}
tap.check(suite.get("failures") == "0" and suite.get("skipped") == "1" and
          "remoteproc adsp (PAS/TZ, %s) runs, stops and runs again" % ADSP in cases and
          "remoteproc cdsp (PAS/TZ, %s) runs, stops and runs again" % CDSP in cases and
          cases["remoteproc slpi (/soc@0/remoteproc@5c00000)"].find("skipped") is not None,
          "rb5 JUnit: one passing case per DSP, the SLPI's skipped", str(list(cases)))
out = printed(rep)
tap.check("slpi     /soc@0/remoteproc@5c00000: status \"disabled\" in the DT, not driven" in out
          and "booted by the kernel at registration: running" in out,
          "rb5: the summary says the SLPI is not driven and which DSPs the kernel booted", out)

# 6.12 names its remoteprocs after the DSP ("adsp"): joined by DT node all the same
rp612 = [l.replace("17300000.remoteproc", "adsp").replace("8300000.remoteproc", "cdsp")
         for l in RB5_RPROCS]
st612 = [l.replace("17300000.remoteproc", "adsp").replace("8300000.remoteproc", "cdsp")
         for l in RB5_STEPS]
rep = ck.analyse(args_for(RB5_61, "rb5"), dt61,
                 run(console(rp612, st612, ["adsp running 2", "cdsp running 1"])))
tap.check(rep["verdict"] == 0 and [x["rproc_name"] for x in rep["remoteprocs"]] ==
          ["cdsp", "adsp"], "rb5 with 6.12's remoteproc names: exit 0", rep["reason"])

# --- rb5, clean-only: the hazard of PAS INIT_IMAGE during the kernel's own boot
cause = "PAS/TZ adsp: INIT_IMAGE protects the metadata blob 0xfbcc0000-0xfbcc1fff (pas id 1)"
stderr = xpu_report(cause, PAS_CALLERS, lines=128) + xpu_report(
    cause.replace("adsp", "cdsp").replace("pas id 1", "pas id 18"), PAS_CALLERS, lines=128)
rep = ck.analyse(args_for(RB5_61, "rb5"), dt61,
                 run(console(RB5_RPROCS, RB5_STEPS, RB5_AUTO), stderr,
                     [xpu_event(), xpu_event()]), syms)
f = rep["findings"][0] if rep["findings"] else {}
tap.check(rep["verdict"] == 1 and len(rep["findings"]) == 2 and
          f.get("remoteproc") == "adsp" and f.get("path") == "PAS/TZ" and
          rep["findings"][1].get("remoteproc") == "cdsp" and len(f.get("lines", [])) == 128,
          "rb5 clean-only: exit 1, each hazard named by its cause line (adsp, then cdsp, "
          "via PAS/TZ) though no step was in progress", json.dumps(rep["findings"])[:3000])
tap.check(f.get("allocated_by") == "qcom_scm_pas_init_image" and
          [c["function"] for c in f.get("caller_chain", [])][:4] ==
          ["__scm_smc_do_quirk", "__scm_smc_call", "qcom_scm_call", "qcom_scm_pas_init_image"]
          and f.get("cleaned_by", {}).get("caller") == "arch_dma_prep_coherent",
          "rb5 clean-only: the caller chain symbolised, the buffer allocated by "
          "qcom_scm_pas_init_image, cleaned by arch_dma_prep_coherent",
          json.dumps({k: f.get(k) for k in ("caller_chain", "allocated_by", "cleaned_by")}))
out = printed(rep)
tap.check("remoteproc adsp via PAS/TZ; buffer allocated by qcom_scm_pas_init_image; cleaned, "
          "not invalidated, by arch_dma_prep_coherent (DC CVAC in dcache_clean_poc)" in out and
          "cause: PAS/TZ adsp: INIT_IMAGE" in out and "adsp via PAS/TZ" in rep["reason"],
          "rb5 clean-only: the summary names the DSP, the path, the allocator and the prep", out)
suite = junit(rep)
cases = {c.get("name"): c.find("failure") for c in suite}
adsp_case = cases.get("remoteproc adsp (PAS/TZ, %s) runs, stops and runs again" % ADSP)
tap.check(adsp_case is not None and "qcom_scm_pas_init_image" in adsp_case.get("message") and
          cases.get("no XPU violation or hazard") is not None and
          cases.get("verdict") is not None and suite.get("failures") == "4",
          "rb5 clean-only JUnit: each DSP's case fails with its finding and allocator, with "
          "the XPU case and the verdict", "%r" % {k: v is not None for k, v in cases.items()})
js = json.loads(json.dumps(rep))
tap.check(js["findings"][0]["allocated_by"] == "qcom_scm_pas_init_image" and
          js["remoteprocs"][0]["findings"] == 1,
          "rb5 clean-only JSON: the finding's remoteproc, path and allocator; the count per DSP")

# without the cause lines (a model that does not print them): from the step in progress
step = {"number": 2, "rproc": "17300000.remoteproc", "action": "start"}
rep = ck.analyse(args_for(RB5_61, "rb5"), dt61,
                 run(console(RB5_RPROCS, RB5_STEPS, RB5_AUTO), xpu_report(),
                     [xpu_event(step)]), syms)
f = rep["findings"][0]
tap.check(rep["verdict"] == 1 and f.get("remoteproc") == "adsp" and f.get("path") == "PAS/TZ"
          and "allocated_by" not in f and "during step 2 (start)" in rep["reason"],
          "without cause and caller lines: the finding is the DSP's whose step was in progress",
          json.dumps(f)[:2000])

# --- rb5: each way a DSP can fail, named in the reason; none of them
# has a model finding, so each is 125 (cannot test: not this kernel's
# handover), and 1 with --strict-boot
cases_ = [
    ("cdsp's start times out",
     console(RB5_RPROCS, RB5_STEPS[:5] + ["6 8300000.remoteproc start errno-110 offline"],
             RB5_AUTO), 125, "cdsp failed: step 6 start gave errno-110, state offline"),
    ("cdsp's stop leaves it running",
     console(RB5_RPROCS, RB5_STEPS[:6] + ["7 8300000.remoteproc stop ok running",
                                          "8 8300000.remoteproc start ok running"], RB5_AUTO),
     125, "cdsp failed: step 7 stop gave ok, state running"),
    ("the kernel's boot of the adsp did not finish",
     console(RB5_RPROCS, RB5_STEPS, ["17300000.remoteproc offline 10000", RB5_AUTO[1]]),
     125, "adsp's boot by the kernel at registration ended offline"),
    ("no firmware for the cdsp in the initramfs",
     console(RB5_RPROCS, RB5_STEPS[:4], RB5_AUTO[:1],
             skip=["8300000.remoteproc no-firmware qcom/sm8250/cdsp.mbn"]),
     125, "cdsp was not driven: no-firmware qcom/sm8250/cdsp.mbn"),
    ("the cdsp not registered (deferred)",
     console(RB5_RPROCS[:1], RB5_STEPS[:4], RB5_AUTO[:1],
             deferred=["8300000.remoteproc qcom_q6v5_pas: supplier 1f40000.mailbox not ready"]),
     125, "qcom_q6v5_pas registered no remoteproc for cdsp (%s); deferred: 8300000.remoteproc"
     % CDSP),
    ("no PAS driver in the kernel",
     console([], [], drivers={"qcom-q6v5-mss": "present", "qcom_q6v5_pas": "absent"}),
     125, "the kernel has no qcom_q6v5_pas driver (CONFIG_QCOM_Q6V5_PAS), which cdsp (%s) "
     "and adsp (%s) need" % (CDSP, ADSP)),
    ("the guest hangs in the cdsp's start",
     console(RB5_RPROCS, RB5_STEPS[:5] + ["6 8300000.remoteproc start None None"], RB5_AUTO,
             done=False), 125, "the guest hung during step 6 (8300000.remoteproc start)"),
]
for what, text, want, reason in cases_:
    rep = ck.analyse(args_for(RB5_61, "rb5"), dt61, run(text))
    tap.check(rep["verdict"] == want and reason in rep["reason"],
              "rb5, %s: exit %d, the reason names it" % (what, want),
              "exit %d: %s" % (rep["verdict"], rep["reason"]))
    if want == 125 and "driver" not in reason:
        rep = ck.analyse(args_for(RB5_61, "rb5", more=["--strict-boot"]), dt61, run(text))
        tap.check(rep["verdict"] == 1 and reason in rep["reason"] and
                  "--strict-boot" in rep["reason"],
                  "rb5, %s, --strict-boot: exit 1" % what,
                  "exit %d: %s" % (rep["verdict"], rep["reason"]))
rep = ck.analyse(args_for(RB5_61, "rb5", more=["--strict-boot"]), dt61, run(cases_[0][1]))
suite = junit(rep)
cases = {c.get("name"): c.find("failure") for c in suite}
tap.check(cases.get("remoteproc cdsp (PAS/TZ, %s) runs, stops and runs again" % CDSP)
          is not None and cases.get("remoteproc adsp (PAS/TZ, %s) runs, stops and runs again"
                                    % ADSP) is None,
          "rb5 JUnit, --strict-boot: the failing DSP's case fails, the other's passes",
          str(cases))
rep = ck.analyse(args_for(RB5_61, "rb5"), dt61, run(cases_[0][1]))
suite = junit(rep)
errors = [c.find("error") for c in suite if c.find("error") is not None]
tap.check(suite.get("errors") == "1" and suite.get("failures") == "0" and
          "cdsp failed" in errors[0].get("message"),
          "rb5 JUnit: a failure no model explains is an error (cannot test), not a failure",
          ET.tostring(suite).decode()[:2000])

# --- db845c: the modem as before, and the MSS path's cause line
DB_RPROCS = ["remoteproc0 4080000.remoteproc qcom/sdm845/mba.mbn offline qcom-q6v5-mss "
             "/soc@0/remoteproc@4080000",
             "remoteproc1 remoteproc-adsp qcom/sdm845/adsp.mbn offline qcom_q6v5_pas "
             "/remoteproc-adsp"]
DB_STEPS = ["1 4080000.remoteproc start ok running", "2 4080000.remoteproc stop ok offline",
            "3 4080000.remoteproc start ok running"]
DB_SKIP = ["remoteproc-adsp no-firmware qcom/sdm845/adsp.mbn"]
rep = ck.analyse(args_for(DB845C), dtdb, run(console(DB_RPROCS, DB_STEPS, skip=DB_SKIP)))
tap.check(rep["verdict"] == 0 and rep["reason"] ==
          "the modem ran, stopped and ran again; no finding" and
          [s["remoteproc"] for s in rep["steps"]] == ["mss"] * 3,
          "db845c: the modem ran, stopped and ran again (its unmodelled ADSP skipped): exit 0",
          rep["reason"])
step = {"number": 1, "rproc": "4080000.remoteproc", "action": "start"}
stderr = xpu_report("MSS/MBA mss: assign_mem gives 0xfbcc0000-0xfbcc1fff to MSS_MSA",
                    MSS_CALLERS, owner="MSS_MSA(15)")
rep = ck.analyse(args_for(DB845C), dtdb,
                 run(console(DB_RPROCS, DB_STEPS, skip=DB_SKIP), stderr, [xpu_event(step)]),
                 syms)
f = rep["findings"][0]
tap.check(rep["verdict"] == 1 and f.get("remoteproc") == "mss" and
          f.get("path") == "MSS/MBA" and f.get("owner") == "MSS_MSA(15)" and
          f.get("allocated_by") == "qcom_scm_assign_mem" and
          "remoteproc mss via MSS/MBA" in printed(rep),
          "db845c clean-only: the modem's hazard, via MSS/MBA, from its cause line",
          json.dumps(f)[:2000])
rep = ck.analyse(args_for(DB845C), dtdb, run(console(
    DB_RPROCS, DB_STEPS[:1] + ["2 4080000.remoteproc stop errno-5 running"], skip=DB_SKIP)))
tap.check(rep["verdict"] == 125 and rep["reason"].startswith(
          "mss failed: step 2 stop gave errno-5, state running (expected ok, state offline); "
          "no model finding"),
          "db845c: a failed stop of the modem without a finding: exit 125", rep["reason"])
rep = ck.analyse(args_for(DB845C), dtdb,
                 run(console([], [], drivers={"qcom-q6v5-mss": "absent",
                                              "qcom_q6v5_pas": "absent"})))
tap.check(rep["verdict"] == 125 and "no qcom_q6v5_mss driver (CONFIG_QCOM_Q6V5_MSS)"
          in rep["reason"], "db845c: no modem driver: exit 125", rep["reason"])
# the same from a kernel with modules: what its init's loader said
NODRV = {"qcom-q6v5-mss": "absent", "qcom_q6v5_pas": "absent"}
for lines, why, what in (
        (["qms: modules none"], "; the kernel loads modules, and none were given",
         "given no modules"),
        (["qms: modules 6.1.192 13 170", "qms: module mdt_loader loaded dep-of-qcom_q6v5_mss",
          "qms: module qcom_q6v5_mss error-8 4080000.remoteproc",
          "qms: modules-loaded 1 1 40"], "; its module failed to load (error-8)",
         "whose modem module fails to load"),
        (["qms: modules 6.1.192 12 160", "qms: modules-loaded 0 0 300"],
         "; the init loaded no module qcom_q6v5_mss (not among the modules given",
         "whose modules lack the modem's")):
    rep = ck.analyse(args_for(DB845C), dtdb, run(console([], [], drivers=NODRV,
                                                         kernel=lines)))
    tap.check(rep["verdict"] == 125 and "no qcom_q6v5_mss driver (CONFIG_QCOM_Q6V5_MSS), "
              "which mss (/soc@0/remoteproc@4080000) needs" + why in rep["reason"],
              "db845c, a kernel %s: exit 125, the reason says so" % what, rep["reason"])
tap.check(rep.get("modules_loaded") == [] and ck.analyse(
    args_for(DB845C), dtdb, run(console([], [], drivers=NODRV, kernel=[
        "qms: module smem loaded dep-of-qcom_common"])))["modules_loaded"] ==
          [{"module": "smem", "result": "loaded", "for": "dep-of-qcom_common"}],
          "the init's module lines in the report (modules_loaded)")
rep = ck.analyse(args_for(DB845C), dtdb, run("[    0.0] Booting Linux\n", ended="timeout"))
tap.check(rep["verdict"] == 125 and "did not reach the init (timed out)" in rep["reason"],
          "a kernel that does not reach the init: exit 125", rep["reason"])

# --- the XPU's report: the new lines where the model puts them, or absent
r = ck.parse_xpu_reports(xpu_report(cause, PAS_CALLERS) + xpu_report())
tap.check(len(r) == 2 and r[0]["remoteproc"] == "adsp" and r[0]["path"] == "PAS/TZ" and
          r[0]["callers"] == PAS_CALLERS.split() and len(r[0]["lines"]) == 4 and
          "cause" not in r[1] and "callers" not in r[1] and len(r[1]["lines"]) == 4,
          "the XPU report's cause and caller lines are read, and their absence tolerated",
          json.dumps(r)[:2000])
summ = xpu_report().replace("qcom-xpu:   action", "  summary: 117504 lines held, 256 "
                            "listed: 114 dirty, 117390 clean, in 1 stretch: "
                            "0xdf8d4000-0xdfffffff\nqcom-xpu:   cause    " + cause +
                            "\nqcom-xpu:   action")
r = ck.parse_xpu_reports(summ)
tap.check(r[0].get("summary", "").startswith("117504 lines held") and
          r[0].get("remoteproc") == "adsp" and len(r[0]["lines"]) == 4,
          "a report's summary line (past the lines listed) is read, and what follows it")
late = xpu_report().replace("qcom-xpu:   action", "qcom-xpu:   cause    " + cause +
                            "\nqcom-xpu:   caller   " + PAS_CALLERS + "\nqcom-xpu:   action")
r = ck.parse_xpu_reports(late)
tap.check(r[0].get("remoteproc") == "adsp" and len(r[0]["lines"]) == 4,
          "cause and caller lines after the held lines are read too")

# --- severities: read from the report's line, else from the lines held;
# --fail-on sets which of them fail
mss_cause = "MSS/MBA mss: assign_mem gives 0xfbcc0000-0xfbcc1fff to MSS_MSA"
r = ck.parse_xpu_reports(xpu_report(severity="hazard-dirty", dirty=1) +
                         xpu_report(severity="hazard-clean") + xpu_report(dirty=2) +
                         xpu_report())
tap.check([x.get("severity") for x in r] == ["hazard-dirty", "hazard-clean", None, None] and
          [ck.severity_of(x, "hazard") for x in r] ==
          ["hazard-dirty", "hazard-clean", "hazard-dirty", "hazard-clean"] and
          ck.severity_of({}, "write-back") == "violation" and len(r[0]["lines"]) == 4,
          "the XPU report's severity line is read; without it, dirty lines make "
          "hazard-dirty, clean ones hazard-clean, a transaction a violation",
          json.dumps(r)[:2000])


def db_run(*finds):
    """A db845c run whose modem steps passed, with findings (severity, dirty lines)."""
    step = {"number": 1, "rproc": "4080000.remoteproc", "action": "start"}
    stderr = "".join(xpu_report(mss_cause, MSS_CALLERS, owner="MSS_MSA(15)", severity=sev,
                                dirty=d) for sev, d in finds)
    return run(console(DB_RPROCS, DB_STEPS, skip=DB_SKIP), stderr,
               [xpu_event(step) for _ in finds])


rep = ck.analyse(args_for(DB845C), dtdb, db_run(("hazard-clean", 0)), syms)
f = rep["findings"][0] if rep["findings"] else {}
suite = junit(rep)
cases = {c.get("name"): c.find("failure") for c in suite}
xc = cases.get("no XPU violation or hazard")
tap.check(rep["verdict"] == 1 and f.get("severity") == "hazard-clean" and
          "hazard-clean" in rep["reason"] and "severity hazard-clean" in printed(rep) and
          xc is not None and "hazard-clean" in xc.get("message") and
          json.loads(json.dumps(rep))["findings"][0]["severity"] == "hazard-clean",
          "db845c: a hazard of clean lines fails by default (--fail-on clean), its severity "
          "in the JSON, the summary, the reason and the JUnit failure",
          "%s\n%s" % (rep["reason"], printed(rep)))
rep = ck.analyse(args_for(DB845C, fail_on="dirty"), dtdb, db_run(("hazard-clean", 0)), syms)
out = printed(rep)
tap.check(rep["verdict"] == 0 and not rep["findings"] and
          [n.get("severity") for n in rep["notes"]] == ["hazard-clean"] and
          "1 hazard-clean finding(s) noted, below --fail-on dirty" in rep["reason"] and
          "note: XPU hazard" in out and "severity hazard-clean" in out and
          junit(rep).get("failures") == "0",
          "db845c --fail-on dirty: a hazard of clean lines is a note, exit 0, and the "
          "reason says so", "%s\n%s" % (rep["reason"], out))
rep = ck.analyse(args_for(DB845C, fail_on="dirty"), dtdb,
                 db_run(("hazard-clean", 0), ("hazard-dirty", 1)), syms)
tap.check(rep["verdict"] == 1 and [f["severity"] for f in rep["findings"]] ==
          ["hazard-dirty"] and len(rep["notes"]) == 1 and "hazard-dirty" in rep["reason"] and
          "1 hazard-clean finding(s) noted, below --fail-on dirty" in rep["reason"],
          "db845c --fail-on dirty: a hazard with a dirty line fails, the clean one noted",
          rep["reason"])
rep = ck.analyse(args_for(DB845C, fail_on="violation"), dtdb,
                 db_run(("hazard-clean", 0), ("hazard-dirty", 1)), syms)
tap.check(rep["verdict"] == 0 and len(rep["notes"]) == 2 and
          "2 hazard finding(s) noted, below --fail-on violation" in rep["reason"],
          "db845c --fail-on violation: hazards of either kind are notes, exit 0",
          rep["reason"])
vrun = db_run(("violation", 0))
vrun["events"] = [xpu_event(vrun["events"][0]["step"], kind="write-back")]
rep = ck.analyse(args_for(DB845C, fail_on="violation"), dtdb, vrun, syms)
tap.check(rep["verdict"] == 1 and rep["findings"][0]["severity"] == "violation",
          "db845c --fail-on violation: a violation fails", rep["reason"])
crun = db_run()
crun["events"] = [{"event": "DCACHE_FINDING", "data": {
    "kind": "stale-read", "address": 0x8e000000, "master": "mss",
    "details": "read memory under a line the CPUs hold dirty"}}, {
    "event": "DCACHE_FINDING", "data": {
        "kind": "mismatched-alias", "address": 0x8e001000, "master": "apps",
        "details": "non-cacheable CPU write"}}]
rep = ck.analyse(args_for(DB845C, fail_on="violation"), dtdb, crun, syms)
tap.check(rep["verdict"] == 1 and rep["findings"][0]["severity"] == "violation" and
          "stale-read at 0x8e000000 by mss, severity violation" in rep["reason"] and
          "severity" not in rep["notes"][0],
          "a stale read of the cache model is as sure as a violation, an alias note has "
          "no severity", rep["reason"])
# the model's rate limit: the first 32 alias events, then the 64th with
# the 31 it stands for; the note counts every line, not the events
crun["events"] = [{"event": "DCACHE_FINDING", "data": dict({
    "kind": "mismatched-alias", "address": 0x8e000000 + 0x40 * n, "master": "apps",
    "details": "non-cacheable CPU write"}, **({"suppressed": sup} if sup else {}))}
    for n, sup in [(i, 0) for i in range(32)] + [(63, 31)]]
rep = ck.analyse(args_for(DB845C), dtdb, crun, syms)
out = printed(rep)
tap.check(rep["verdict"] == 0 and len(rep["notes"]) == 33 and
          "note: 64 cache line(s) written through a non-cacheable alias" in out and
          "first at 0x8e000000" in out,
          "alias notes: the console counts the lines the rate limit left unreported",
          out)
# --- what no model explains is 125: an unrelated WARN, a supplier that
# never probed (rpmhpd without PM_OPP), a hang; --strict-boot makes it 1
WARN = "WARNING: CPU: 4 PID: 1 at init/main.c:1397 warn_late+0x14/0x24"
RPMHPD = "platform: supplier 179c0000.rsc:power-controller not ready"
for what, text, reason in [
        ("an unrelated WARN in a late initcall",
         console(DB_RPROCS, DB_STEPS, skip=DB_SKIP, kernel=[WARN]), "kernel error: " + WARN),
        ("rpmhpd never probed, the modem registered no remoteproc",
         console(DB_RPROCS[1:], [], skip=DB_SKIP, deferred=["4080000.remoteproc " + RPMHPD],
                 kernel=["qcom-rpmhpd: probe of 179c0000.rsc:power-controller failed with "
                         "error -95"]),
         "qcom_q6v5_mss registered no remoteproc for mss (/soc@0/remoteproc@4080000); "
         "failed: qcom-rpmhpd: probe of 179c0000.rsc:power-controller failed with error -95; "
         "deferred: 4080000.remoteproc " + RPMHPD),
        ("the guest hung in the modem's start",
         console(DB_RPROCS, DB_STEPS[:1] + ["2 4080000.remoteproc stop None None"],
                 skip=DB_SKIP, done=False),
         "the guest hung during step 2 (4080000.remoteproc stop)")]:
    rep = ck.analyse(args_for(DB845C), dtdb, run(text))
    tap.check(rep["verdict"] == 125 and rep["reason"].startswith(reason) and
              "no model finding explains it" in rep["reason"],
              "db845c, %s: exit 125, the reason names it" % what,
              "exit %d: %s" % (rep["verdict"], rep["reason"]))
    rep = ck.analyse(args_for(DB845C, more=["--strict-boot"]), dtdb, run(text))
    tap.check(rep["verdict"] == 1 and rep["reason"].startswith(reason),
              "db845c, %s, --strict-boot: exit 1" % what,
              "exit %d: %s" % (rep["verdict"], rep["reason"]))
# a WARN after a finding: the finding decides
rep = ck.analyse(args_for(DB845C), dtdb, run(
    console(DB_RPROCS, DB_STEPS, skip=DB_SKIP, kernel=[WARN]), xpu_report(mss_cause),
    [xpu_event(step)]))
tap.check(rep["verdict"] == 1 and rep["findings"], "a finding with a WARN: exit 1",
          rep["reason"])

# --- the precondition: init_on_alloc in effect, as the kernel says
passing = console(DB_RPROCS, DB_STEPS, skip=DB_SKIP)
for what, text, said in [
        ("'heap alloc:off'", console(DB_RPROCS, DB_STEPS, skip=DB_SKIP,
                                     meminit="heap alloc:off"), "says 'heap alloc:off'"),
        ("no 'mem auto-init:' line", console(DB_RPROCS, DB_STEPS, skip=DB_SKIP, meminit=None),
         "printed no 'mem auto-init:' line")]:
    rep = ck.analyse(args_for(DB845C), dtdb, run(text))
    tap.check(rep["verdict"] == 125 and rep["reason"].startswith("init_on_alloc not in effect")
              and said in rep["reason"] and rep["init_on_alloc"] != "on",
              "init_on_alloc, %s: exit 125" % what, rep["reason"])
    rep = ck.analyse(args_for(DB845C, more=["--allow-no-init-on-alloc"]), dtdb, run(text))
    out = printed(rep)
    tap.check(rep["verdict"] == 0 and "init_on_alloc NOT in effect (--allow-no-init-on-alloc)"
              in rep["conditions"][0] and "init_on_alloc NOT in effect" in out,
              "init_on_alloc, %s, --allow-no-init-on-alloc: judged, and the report says "
              "so" % what, out)
rep = ck.analyse(args_for(DB845C), dtdb, run(
    console(DB_RPROCS, DB_STEPS, skip=DB_SKIP, meminit="heap alloc:off"),
    xpu_report(mss_cause), [xpu_event(step)]))
tap.check(rep["verdict"] == 1, "a finding without init_on_alloc still fails", rep["reason"])
rep = ck.analyse(args_for(DB845C), dtdb, run(passing))
js = json.loads(json.dumps(rep))
vc = [c for c in junit(rep) if c.get("name") == "verdict"][0]
tap.check(rep["verdict"] == 0 and js["init_on_alloc"] == "on" and
          js["conditions"][0].startswith("init_on_alloc in effect") and
          any("device tree as the kernel tree builds it" in c for c in js["conditions"]) and
          "given    init_on_alloc in effect" in printed(rep) and
          "init_on_alloc in effect" in vc.find("system-out").text,
          "a pass states the conditions it holds under: console, JSON, JUnit",
          json.dumps(js.get("conditions")))


# --- options that switch an oracle off: refused, or a control run
def exit_of(argv):
    try:
        with redirect_stdout(io.StringIO()), open(os.devnull, "w") as null:
            _err, sys.stderr = sys.stderr, null
            try:
                ck.parse_args(["--kernel", "Image"] + argv)
            finally:
                sys.stderr = _err
    except SystemExit as e:
        return e.code
    return 0


for opts in (["--machine-opt", "xpu=off"], ["--machine-opt", "dcache=off"],
             ["--global", "cpu-dcache.coherency=report"],
             ["--global", "qcom-scm.dma-coherent=on"], ["--global", "qcom-xpu.action=log"]):
    tap.check(exit_of(opts) == 2 and exit_of(opts + ["--control"]) == 0,
              "%s is refused (exit 2), accepted with --control" % " ".join(opts))
tap.check(exit_of(["--machine-opt", "xpu=on", "--global", "cpu-dcache.coherency=emulate",
                   "--global", "cpu-dcache.speculation=strict"]) == 0,
          "options that keep the oracles on are accepted")
ctl = args_for(DB845C, more=["--control", "--machine-opt", "dcache=off"])
rep = ck.analyse(ctl, dtdb, run(passing))
tap.check(rep["verdict"] == 125 and rep["reason"].startswith("control run (dcache=off") and
          any(c.startswith("control run, oracles off: dcache=off") for c in rep["conditions"]),
          "a control run that would pass: exit 125, never 0", rep["reason"])
rep = ck.analyse(ctl, dtdb, run(passing, xpu_report(mss_cause), [xpu_event(step)]))
tap.check(rep["verdict"] == 1, "a control run with a finding: exit 1", rep["reason"])

# --- scenarios: the steps a pass needs, the crash reason, the coredump
MSS_DUMP = "8e000000:5618:06d2366842709e88 8e006000:b245:f051abb4ba5dc087"
REASON = "check-kernel crash-fatal: fatal crash at step 2"


def crash_console(steps, segments=None, reason=REASON, extra=()):
    """A db845c run of crash-fatal: the steps, the kernel's crash reason
    line, and the init's coredump lines (segments: (da, size, digest))."""
    text = console(DB_RPROCS, steps, skip=DB_SKIP,
                   kernel=["qcom-q6v5-mss 4080000.remoteproc: fatal error received: " +
                           reason] if reason else [])
    if segments is not None:
        text += "[    1.700000] qms: coredump 2 4080000.remoteproc %d %d\n" % (
            len(segments), sum(int(z, 16) for _, z, _ in segments))
        for i, (da, size, d) in enumerate(segments):
            text += "[    1.700000] qms: coredump-segment 2 4080000.remoteproc %d %s %s %s\n" % (
                i, da, size, d)
    return text + "".join("[    1.800000] %s\n" % e for e in extra)


CRASH_STEPS = ["1 4080000.remoteproc start ok running",
               "2 4080000.remoteproc crash-fatal ok running",
               "3 4080000.remoteproc stop ok offline", "4 4080000.remoteproc start ok running"]
INJ = [{"step": 2, "rproc": "4080000.remoteproc", "remoteproc": "mss", "kind": "fatal",
        "reason": REASON, "dump": MSS_DUMP}]
GOOD_SEGS = [("8e000000", "5618", "06d2366842709e88"), ("8e006000", "b245", "f051abb4ba5dc087")]
cf = args_for(DB845C, more=["--scenario", "crash-fatal"])


def crash_run(text, injections=INJ):
    r = run(text)
    r["injections"] = injections
    return r


rep = ck.analyse(cf, dtdb, crash_run(crash_console(CRASH_STEPS, GOOD_SEGS)))
tap.check(rep["verdict"] == 0 and rep["scenario"] == "crash-fatal" and
          rep["remoteprocs"][0]["coredump_check"]["result"] == "match" and
          "coredump of mss matched" in rep["reason"],
          "crash-fatal: the steps, the reason logged, the coredump matches: exit 0",
          rep["reason"])
bad = [GOOD_SEGS[0], ("8e006000", "b245", "ffffffffffffffff")]
rep = ck.analyse(cf, dtdb, crash_run(crash_console(CRASH_STEPS, bad)))
f = rep["findings"][0] if rep["findings"] else {}
tap.check(rep["verdict"] == 1 and f.get("source") == "coredump" and
          f.get("remoteproc") == "mss" and "segment 1" in f.get("details", "") and
          "coredump mismatch" in printed(rep),
          "crash-fatal: a segment of the coredump differs from the model's memory: a "
          "finding, exit 1", rep["reason"])
rep = ck.analyse(cf, dtdb, crash_run(crash_console(CRASH_STEPS, GOOD_SEGS[:1])))
tap.check(rep["verdict"] == 1 and "1 segment(s), the model's image has 2" in
          rep["findings"][0]["details"],
          "crash-fatal: a coredump with a segment missing: exit 1", rep["reason"])
rep = ck.analyse(cf, dtdb, crash_run(crash_console(CRASH_STEPS, GOOD_SEGS, reason=None)))
tap.check(rep["verdict"] == 125 and "did not log the crash reason of mss" in rep["reason"],
          "crash-fatal: the kernel did not log the crash reason: not judged (125)",
          rep["reason"])
rep = ck.analyse(cf, dtdb, crash_run(crash_console(CRASH_STEPS, None)))
tap.check(rep["verdict"] == 125 and "collected no coredump of mss" in rep["reason"],
          "crash-fatal: no coredump: not judged (125)", rep["reason"])
rep = ck.analyse(cf, dtdb, crash_run(crash_console(
    CRASH_STEPS[:1] + ["2 4080000.remoteproc crash-fatal timeout crashed"], None)))
tap.check(rep["verdict"] == 125 and "step 2 crash-fatal gave timeout, state crashed" in
          rep["reason"], "crash-fatal: a recovery that never came: 125 (1 with "
          "--strict-boot)", rep["reason"])
rep = ck.analyse(cf, dtdb, crash_run(crash_console(DB_STEPS, None)))
tap.check(rep["verdict"] == 125 and "expected ok, state running" in rep["reason"],
          "crash-fatal: the default steps do not pass for a crash scenario", rep["reason"])
rd = args_for(DB845C, more=["--scenario", "recovery-disabled"])
rd_steps = ["1 4080000.remoteproc start ok running",
            "2 4080000.remoteproc crash-fatal ok crashed",
            "3 4080000.remoteproc recover ok running",
            "4 4080000.remoteproc stop ok offline", "5 4080000.remoteproc start ok running"]
rep = ck.analyse(rd, dtdb, crash_run(crash_console(rd_steps), [dict(INJ[0], dump="")]))
tap.check(rep["verdict"] == 0, "recovery-disabled: it stayed crashed, then recovered by "
          "hand: exit 0", rep["reason"])
rep = ck.analyse(rd, dtdb, crash_run(crash_console(
    rd_steps[:1] + ["2 4080000.remoteproc crash-fatal ok running"] + rd_steps[3:]),
    [dict(INJ[0], dump="")]))
tap.check(rep["verdict"] == 125 and "expected ok, state crashed" in rep["reason"],
          "recovery-disabled: a remote the kernel recovered anyway does not pass",
          rep["reason"])
cb = args_for(DB845C, more=["--scenario", "crash-during-boot"])
boot_reason = "fatal error received: " + ck.BOOT_CRASH_REASON
cb_steps = ["1 4080000.remoteproc start errno-110 offline"] + [
    "%d%s" % (int(x[0]) + 1, x[1:]) for x in DB_STEPS]
rep = ck.analyse(cb, dtdb, run(console(DB_RPROCS, cb_steps, skip=DB_SKIP,
                                       kernel=["qcom-q6v5-mss x: " + boot_reason])))
tap.check(rep["verdict"] == 0, "crash-during-boot: the first start failed, then "
          "start/stop/start: exit 0", rep["reason"])
late = ["qcom-q6v5-mss x: " + boot_reason,
        "remoteproc remoteproc0: handling crash #1 in 4080000.remoteproc",
        "remoteproc remoteproc0: recovering 4080000.remoteproc"]
rep = ck.analyse(cb, dtdb, run(console(DB_RPROCS, cb_steps, skip=DB_SKIP, kernel=late)))
notes = [n for n in rep["notes"] if n.get("kind") == "late-crash-handling"]
tap.check(rep["verdict"] == 0 and len(notes) == 1 and
          "4080000.remoteproc" in notes[0]["remoteproc"],
          "crash-during-boot: the boot's crash handled after the next start (Linux's "
          "race): exit 0 with a note", json.dumps(rep["notes"]))
rep = ck.analyse(cb, dtdb, run(console(DB_RPROCS, DB_STEPS, skip=DB_SKIP,
                                       kernel=["qcom-q6v5-mss x: " + boot_reason])))
tap.check(rep["verdict"] == 125 and "expected an errno" in rep["reason"],
          "crash-during-boot: a first boot that did not fail does not pass", rep["reason"])
auto = ["17300000.remoteproc offline 5000", "8300000.remoteproc offline 0"]
rb_steps = ["1 17300000.remoteproc start ok running", "2 17300000.remoteproc stop ok offline",
            "3 17300000.remoteproc start ok running", "4 8300000.remoteproc start ok running",
            "5 8300000.remoteproc stop ok offline", "6 8300000.remoteproc start ok running"]
rep = ck.analyse(args_for(RB5_61, "rb5", more=["--scenario", "crash-during-boot"]), dt61,
                 run(console(RB5_RPROCS, rb_steps, auto=auto, kernel=[boot_reason])))
tap.check(rep["verdict"] == 0, "crash-during-boot, rb5: the kernel's own boots crashed "
          "(offline), then start/stop/start: exit 0", rep["reason"])

try:
    with redirect_stdout(io.StringIO()), open(os.devnull, "w") as null:
        _err, sys.stderr = sys.stderr, null
        try:
            ck.parse_args(["--kernel", "Image", "--fail-on", "hazard"])
        finally:
            sys.stderr = _err
    bad = False
except SystemExit as e:
    bad = e.code == 2
tap.check(bad, "--fail-on takes violation, dirty or clean only")

tap.done()
