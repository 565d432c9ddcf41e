#!/usr/bin/env python3
"""End to end on the RB5 (SM8250): scripts/check-kernel --board rb5 runs
the real qcom_q6v5_pas driver of each kernel variant, with the RB5
device tree its own tree builds (qcom/qrb5165-rb5.dtb), against the DSP,
TrustZone PAS, XPU and cache models. The DT enables the ADSP and the
CDSP; its SLPI is disabled (6.1's and 6.12's qrb5165-rb5.dts), so it is
not driven. The rows:

  6.1 stock (clean+invalidate)    exit 0: both DSPs run, stop, run
  6.1 clean-only (c44094eee32f)   exit 1: an XPU hazard of PAS INIT_IMAGE,
                                  named for the ADSP or the CDSP, via
                                  PAS/TZ, the buffer allocated by
                                  qcom_scm_pas_init_image, cleaned by
                                  arch_dma_prep_coherent's path
  6.12 (clean only)               exit 1 as the models give it (EXPECT
                                  below, or QMS_RB5_612_EXPECT=0|1): the
                                  same hazard, no DT carve-out for it
  rb5-slpi: stock with the SLPI   exit 0: all three DSPs, the SLPI too,
  enabled in the RB5 DT           run, stop, run
  7.2 (when built by hand)        exit 1: the same hazard, for all three
                                  DSPs (7.2's RB5 DT enables the SLPI)
  6.1 arm64 defconfig + fragment  exit 0; clean-only: exit 1, the same
  (when built by hand)            hazard
  6.1 with qcom_q6v5_pas and its  exit 0 (modules), 1 (clean-only-modules:
  chain as modules                the same hazard), loaded by the init

each the same run after run (QMS_PAS_RUNS runs, default QMS_MODEM_RUNS
or 10). No DT carve-out fixes the PAS path (docs/devel/qcom-pas.rst)."""

import json
import os
import tempfile
import xml.etree.ElementTree as ET
import subprocess

import qms

RUNS = int(os.environ.get("QMS_PAS_RUNS", os.environ.get("QMS_MODEM_RUNS", "10")))
DTB = os.path.join("arch", "arm64", "boot", "dts", "qcom", "qrb5165-rb5.dtb")
DSPS = {"adsp": "/soc@0/remoteproc@17300000", "cdsp": "/soc@0/remoteproc@8300000"}
# The expected exit of each variant on its own RB5 DTB; None: not yet
# decided, the row records what the models give (a verdict, 0 or 1)
EXPECT = {"stock": 0, "clean-only": 1, "debian-6.12": 1}
if os.environ.get("QMS_RB5_612_EXPECT"):
    EXPECT["debian-6.12"] = int(os.environ["QMS_RB5_612_EXPECT"])
RAN = [("start", "ok", "running"), ("stop", "ok", "offline"), ("start", "ok", "running")]


def check(variant, junit=None):
    args = ["--board", "rb5", "--kernel-tree", os.path.join(qms.GUEST, "linux-" + variant)]
    return qms.check_kernel(args + (["--junit", junit] if junit else []))


def verdict_key(rc, rep):
    """What must not change between runs: the verdict, each DSP's steps,
    each finding's kind, master, DSP and number of lines."""
    return (rc, tuple((r["name"], r.get("auto_boot"),
                       tuple((s["action"], s["result"], s["state"]) for s in r["steps"]))
                      for r in rep.get("remoteprocs", [])),
            # the two DSPs boot in parallel: their findings in either order
            tuple(sorted((f["source"], f["kind"], f["master"], f.get("remoteproc") or "",
                          len(f.get("lines", []))) for f in rep.get("findings", []))))


def dsps_ran(rep, dsps=DSPS):
    """Each DSP of the DT was registered, and its steps end with start,
    stop, start, each as asked (after the stop of the kernel's own boot)."""
    rps = {r["name"]: r for r in rep.get("remoteprocs", [])}
    return set(rps) == set(dsps) and all(
        rps[n]["node"] == dsps[n] and rps[n]["rproc"] and not rps[n]["problem"] and
        [(s["action"], s["result"], s["state"]) for s in rps[n]["steps"]][-3:] == RAN
        for n in dsps)


def pas_hazard(tap, what, rep, out, dsps=DSPS):
    """The hazard of a clean-only kernel on the PAS path: lines of the
    metadata blob INIT_IMAGE protects, held by the CPUs."""
    xpu = [f for f in rep.get("findings", []) if f["source"] == "xpu"]
    first = xpu[0] if xpu else {}
    tap.check(first.get("kind") == "hazard" and first.get("master") == "apps" and
              first.get("remoteproc") in dsps and first.get("path") == "PAS/TZ",
              "%s: an XPU hazard of the CPUs, named for one of its DSPs via PAS/TZ"
              % what, out)
    tap.check(first.get("allocated_by") == "qcom_scm_pas_init_image",
              "%s: the buffer allocated by qcom_scm_pas_init_image (the caller chain at the "
              "SMC)" % what, json.dumps(first.get("caller_chain")) + "\n" + out)
    cleaned = first.get("cleaned_by") or {}
    tap.check(cleaned.get("insn") == "DC CVAC" and cleaned.get("routine") == "dcache_clean_poc"
              and cleaned.get("caller") == "arch_dma_prep_coherent",
              "%s: the report names the clean-only prep (dcache_clean_poc from "
              "arch_dma_prep_coherent)" % what, json.dumps(cleaned) + "\n" + out)
    try:
        lo, hi = (int(x, 16) for x in first.get("hazard_range", "").split(":")[0].split("-"))
    except ValueError:
        lo = hi = 0
    carveouts = [(0x8a100000, 0x8be00000), (0x87800000, 0x88c00000),
                 (0x88c00000, 0x8a100000)]
    tap.check(0 < hi - lo < 64 * 1024 and first.get("lines") and
              not any(b <= lo < e for b, e in carveouts) and
              all(lo <= int(l["address"], 16) <= hi for l in first.get("lines", [])),
              "%s: every held line lies in the metadata blob, outside the DSPs' carve-outs"
              % what, out)


tap = qms.Tap()
machines = subprocess.run([qms.QEMU, "-M", "help"], capture_output=True, text=True).stdout
if not tap.check(any(l.split()[:1] == ["rb5"] for l in machines.splitlines()),
                 "QEMU has the rb5 machine", machines):
    tap.done()
keys = {}

# 6.1 stock: both DSPs boot (the kernel's own boot), stop, boot again
rc, rep, out = check("stock")
tap.check(rc == 0 and dsps_ran(rep) and not rep.get("findings"),
          "6.1 stock on its RB5 DTB: exit 0, the ADSP and the CDSP run, stop and run again, "
          "nothing found", out)
dt = rep.get("dt") or {}
tap.check(dt.get("board") == "rb5" and dt.get("path", "").endswith("linux-stock/" + DTB) and
          [r["name"] for r in rep.get("not_driven", [])] == ["slpi"],
          "6.1 stock: the report names the tree's RB5 DTB, and the SLPI as disabled there, "
          "not driven", out)
keys["stock"] = verdict_key(rc, rep)

# 6.1 clean-only: the PAS metadata hazard
fd, junit = tempfile.mkstemp(suffix=".xml", prefix="qms-junit-")
os.close(fd)
rc, rep, out = check("clean-only", junit=junit)
try:
    suite = ET.parse(junit).getroot()
except ET.ParseError:
    suite = None
os.unlink(junit)
tap.check(rc == 1, "6.1 clean-only on its RB5 DTB: exit 1", out)
pas_hazard(tap, "6.1 clean-only", rep, out)
cases = {c.get("name"): c.find("failure") for c in (suite if suite is not None else [])}
named = [n for n, fl in cases.items() if n.startswith("remoteproc ") and fl is not None and
         "qcom_scm_pas_init_image" in (fl.get("message") or "")]
tap.check(named and cases.get("verdict") is not None,
          "6.1 clean-only: the JUnit case of the DSP fails with its finding and allocator",
          "%r\n%s" % (list(cases), out))
keys["clean-only"] = verdict_key(rc, rep)

# 6.12: what the models give, recorded (EXPECT makes it a check)
v612 = os.path.join(qms.GUEST, "linux-debian-6.12")
if os.path.isfile(os.path.join(v612, DTB)):
    rc, rep, out = check("debian-6.12")
    xpu = [f for f in rep.get("findings", []) if f["source"] == "xpu"]
    print("# 6.12 on its RB5 DTB: exit %d: %s" % (rc, rep.get("reason")))
    for f in xpu[:2]:
        print("#   %s; %s" % (f.get("cause") or f.get("kind"), f.get("allocated_by")))
    want = EXPECT["debian-6.12"]
    if want is None:
        tap.check(rc in (0, 1) and rep.get("init", "").startswith("Linux 6.12.") and
                  (rc == 1 or dsps_ran(rep)),
                  "6.12 on its RB5 DTB: a verdict (exit %d; expectation not set)" % rc, out)
    else:
        tap.check(rc == want and (rc == 1 or dsps_ran(rep)),
                  "6.12 on its RB5 DTB: exit %d" % want, out)
        if want == 1:
            pas_hazard(tap, "6.12", rep, out)
    keys["debian-6.12"] = verdict_key(rc, rep)
else:
    print("# debian-6.12's RB5 DTB is not built: its row is left out")

# rb5-slpi: the same 6.1 with an RB5 DT that enables the SLPI
THREE = dict(DSPS, slpi="/soc@0/remoteproc@5c00000")
vslpi = os.path.join(qms.GUEST, "linux-rb5-slpi")
if os.path.isfile(os.path.join(vslpi, DTB)):
    rc, rep, out = check("rb5-slpi")
    three = THREE
    tap.check(rc == 0 and dsps_ran(rep, three) and not rep.get("findings") and
              not rep.get("not_driven"),
              "6.1 with the SLPI enabled in its RB5 DTB: exit 0, the ADSP, the CDSP and the "
              "SLPI run, stop and run again, nothing found", out)
    keys["rb5-slpi"] = verdict_key(rc, rep)
else:
    print("# rb5-slpi is not built: its row is left out")

# 7.2 (built by hand, not by make kernel): its RB5 DT enables the SLPI;
# clean only, so the three DSPs' metadata is the same hazard
v72 = os.path.join(qms.GUEST, "linux-debian-7.2")
if os.path.isfile(os.path.join(v72, DTB)):
    rc, rep, out = check("debian-7.2")
    tap.check(rc == 1 and rep.get("init", "").startswith("Linux 7.2.") and
              set(r["name"] for r in rep.get("remoteprocs", [])) == set(THREE),
              "7.2 on its RB5 DTB (the SLPI enabled there): exit 1", out)
    pas_hazard(tap, "7.2", rep, out, THREE)
    keys["debian-7.2"] = verdict_key(rc, rep)
else:
    print("# debian-7.2's RB5 DTB is not built: its row is left out")

# the arm64 defconfig kernels, when built (guest/build-kernel defconfig
# defconfig-clean-only; not in the CI: 40 minutes); one run each
for variant, want in (("defconfig", 0), ("defconfig-clean-only", 1)):
    if not os.path.isfile(os.path.join(qms.GUEST, "linux-" + variant, DTB)):
        print("# %s is not built: its row is left out" % variant)
        continue
    rc, rep, out = check(variant)
    tap.check(rc == want and (want == 1 or (dsps_ran(rep) and not rep.get("findings"))),
              "6.1 defconfig (%s) on its RB5 DTB: exit %d" % (variant, want), out)
    if want == 1:
        pas_hazard(tap, "6.1 defconfig clean-only", rep, out)

# 6.1 with qcom_q6v5_pas and its chain as modules (the IPCC, SMP2P,
# SMEM ...), installed in the tree's lib/modules: the init loads them by
# modalias before it drives the DSPs; the verdicts are the built-in ones
rc, rep, out = check("modules")
loaded = {m["module"]: m["result"] for m in rep.get("modules_loaded", [])}
tap.check(rc == 0 and dsps_ran(rep) and not rep.get("findings") and
          loaded.get("qcom_q6v5_pas") == "loaded" and loaded.get("qcom_ipcc") == "loaded",
          "6.1 with qcom_q6v5_pas as a module on its RB5 DTB: exit 0, the init loaded it (and "
          "the IPCC's), the ADSP and the CDSP ran, stopped and ran again", out)
rc, rep, out = check("clean-only-modules")
tap.check(rc == 1, "6.1 clean-only with qcom_q6v5_pas as a module: exit 1", out)
pas_hazard(tap, "6.1 clean-only-modules", rep, out)

# determinism: the same verdict every run, for every row
for variant, key in keys.items():
    again = [verdict_key(*check(variant)[:2]) for _ in range(RUNS - 1)]
    diff = [k for k in again if k != key]
    tap.check(not diff, "%s on rb5: %d runs give the same verdict" % (variant, RUNS),
              "first run %r\nother %r" % (key, diff[:2]))

tap.done()
