#!/usr/bin/env python3
"""End to end: scripts/check-kernel runs the real qcom_q6v5_mss driver
of each kernel variant against the modem, XPU and cache models, and must
give the verdicts of ../shared/DESIGN.md section 1:

  stock (clean+invalidate)        exit 0: the modem runs, stops, runs again
  clean-only (c44094eee32f)       exit 1: an XPU hazard or violation whose
                                  cache lines lie in the metadata buffer,
                                  cleaned by arch_dma_prep_coherent's path
  either, metadata carve-out on   exit 0
  stock, strict speculation       exit 1 (hazard), 0 with the carve-out
  debian-6.12 (clean only)        exit 1 (hazard), 0 with the carve-out

and, in a traced boot, that Linux's rpmhpd votes the modem's power
domains up and down through the RSC model.

and the same verdict run after run. QMS_MODEM_RUNS sets the number of
repeated runs per variant (default 10)."""

import json
import os
import re
import xml.etree.ElementTree as ET
import subprocess
import tempfile

import qms

CHECK = os.path.join(qms.TOP, "scripts", "check-kernel")
RUNS = int(os.environ.get("QMS_MODEM_RUNS", "10"))


def check(variant, *opts, globals_=(), junit=None):
    image = os.path.join(qms.GUEST, "linux-" + variant, "Image")
    vmlinux = os.path.join(qms.GUEST, "linux-" + variant, "vmlinux")
    fd, path = tempfile.mkstemp(suffix=".json", prefix="qms-report-")
    os.close(fd)
    cmd = [CHECK, "--kernel", image, "--vmlinux", vmlinux, "--json", path]
    if junit:
        cmd += ["--junit", junit]
    for o in opts:
        cmd += ["--machine-opt", o]
    for g in globals_:
        cmd += ["--global", g]
    p = subprocess.run(cmd, capture_output=True, text=True)
    try:
        with open(path) as f:
            report = json.load(f)
    except ValueError:
        report = {}
    os.unlink(path)
    return p.returncode, report, p.stdout + p.stderr


def verdict_key(rc, rep):
    """What must not change between runs: the verdict, the steps and each
    finding's kind, master, access and number of lines."""
    return (rc, tuple((s["action"], s["result"], s["state"]) for s in rep.get("steps", [])),
            tuple((f["source"], f["kind"], f["master"], len(f.get("lines", [])))
                  for f in rep.get("findings", [])))


tap = qms.Tap()

# stock: the modem boots, stops, boots again, nothing found
rc, rep, out = check("stock")
tap.check(rc == 0, "stock: check-kernel exits 0", out)
tap.check([(s["action"], s["result"], s["state"]) for s in rep.get("steps", [])] ==
          [("start", "ok", "running"), ("stop", "ok", "offline"), ("start", "ok", "running")],
          "stock: the modem reaches running, stops cleanly and runs again", out)
tap.check(any(r.split()[1:3] == ["4080000.remoteproc", "qcom/qcom-mss-sim/mba.mbn"]
              and r.endswith(" qcom-q6v5-mss") for r in rep.get("remoteprocs", [])),
          "stock: qcom_q6v5_mss's remoteproc is in sysfs with its firmware name", out)
tap.check(not rep.get("findings") and not rep.get("notes"),
          "stock: no XPU or cache finding, not even a note", out)
stock_key = verdict_key(rc, rep)

# clean-only: the hazard, in the metadata buffer, cleaned by the prep
fd, junit = tempfile.mkstemp(suffix=".xml", prefix="qms-junit-")
os.close(fd)
rc, rep, out = check("clean-only", junit=junit)
try:
    suite = ET.parse(junit).getroot()
except ET.ParseError:
    suite = None
os.unlink(junit)
cases = {c.get("name"): c.find("failure") is not None for c in (suite if suite is not None else [])}
tap.check(cases.get("no XPU violation or hazard") is True and cases.get("verdict") is True
          and cases.get("modem step 1: start") is False and suite.get("failures") == "2",
          "clean-only: the JUnit report fails the XPU case and the verdict, not the steps",
          "%r\n%s" % (cases, out))
tap.check(rc == 1, "clean-only: check-kernel exits 1", out)
xpu = [f for f in rep.get("findings", []) if f["source"] == "xpu"]
tap.check(bool(xpu) and xpu[0]["kind"] == "hazard" and xpu[0]["master"] == "apps",
          "clean-only: an XPU hazard of the CPUs (lines held when the modem got the memory)", out)
first = xpu[0] if xpu else {}
tap.check(first.get("step") == {"number": 1, "action": "start"},
          "clean-only: found during the first modem start", out)
tap.check(bool(first.get("lines")) and "MSS" in (first.get("owner") or ""),
          "clean-only: the lines are in a range the XPU gave to the modem", out)
# The metadata buffer: the range the hazard names, no larger than the
# metadata (ELF header + hash segment) rounded to pages, outside the
# modem's own carve-outs.
rng = first.get("hazard_range", "")
try:
    lo, hi = (int(x, 16) for x in rng.split(":")[0].split("-"))
except ValueError:
    lo = hi = 0
tap.check(0 < hi - lo < 64 * 1024 and not (0x8e000000 <= lo < 0x96700000) and
          all(lo <= int(l["address"], 16) <= hi for l in first.get("lines", [])),
          "clean-only: every held line lies in the metadata buffer", "%s\n%s" % (rng, out))
cleaned = first.get("cleaned_by") or {}
tap.check(cleaned.get("insn") == "DC CVAC" and cleaned.get("routine") == "dcache_clean_poc"
          and cleaned.get("caller") == "arch_dma_prep_coherent",
          "clean-only: the report names the clean-only prep (dcache_clean_poc from arch_dma_prep_coherent)",
          json.dumps(cleaned) + "\n" + out)
clean_key = verdict_key(rc, rep)

# Debian's 6.12: clean-only since 6.4, the same hazard; the carve-out
# its own device trees carry makes it pass
rc, rep, out = check("debian-6.12")
xpu = [f for f in rep.get("findings", []) if f["source"] == "xpu"]
tap.check(rc == 1 and rep.get("init", "").startswith("Linux 6.12.") and xpu and
          xpu[0]["kind"] == "hazard" and xpu[0].get("lines") and
          (xpu[0].get("cleaned_by") or {}).get("caller") == "arch_dma_prep_coherent",
          "debian-6.12: exits 1, a hazard of lines cleaned by arch_dma_prep_coherent", out)
rc, rep, out = check("debian-6.12", "metadata=on")
tap.check(rc == 0 and len(rep.get("steps", [])) == 3,
          "debian-6.12 with metadata=on: exits 0, modem ran", out)

# the control: without the cache model nothing is held, and the same
# clean-only kernel passes; the verdict above is the model's
rc, rep, out = check("clean-only", "dcache=off")
tap.check(rc == 0, "clean-only with dcache=off (control): exits 0", out)

# the metadata carve-out: both pass
for variant in ("stock", "clean-only"):
    rc, rep, out = check(variant, "metadata=on")
    tap.check(rc == 0 and not rep.get("findings") and len(rep.get("steps", [])) == 3,
              "%s with metadata=on: check-kernel exits 0, modem ran" % variant, out)

# strict speculation: any linear-mapped buffer may be in the cache, so
# even clean+invalidate cannot make the dynamic buffer safe (the revert's
# comment); the no-map carve-out can
rc, rep, out = check("stock", globals_=["cpu-dcache.speculation=strict"])
xpu = [f for f in rep.get("findings", []) if f["source"] == "xpu"]
tap.check(rc == 1 and xpu and xpu[0]["kind"] == "hazard" and not xpu[0].get("lines"),
          "stock, strict speculation: a hazard with no line held (exit 1)", out)
rc, rep, out = check("stock", "metadata=on", globals_=["cpu-dcache.speculation=strict"])
tap.check(rc == 0 and not rep.get("findings"),
          "stock, strict speculation, metadata=on: exits 0", out)

# RPMh: the driver's proxy power domains cx, mx and mss, served by
# Linux's rpmhpd through the RSC model: voted to the top ARC level for
# each boot, released at handover (addresses from hw/misc/qcom-cmd-db.c)
RAILS = {0x30000: "cx", 0x30010: "mx", 0x30060: "mss"}
with tempfile.TemporaryDirectory(prefix="qms-fw-") as fw:
    subprocess.run([os.path.join(qms.GUEST, "tools", "mkmodemfw"), fw],
                   check=True, capture_output=True)
    initrd = qms.make_initramfs([(os.path.join(fw, n), "/lib/firmware/qcom/qcom-mss-sim/" + n)
                                 for n in sorted(os.listdir(fw))])
    try:
        r = qms.run_qemu(["-M", "qcom-sm8250", "-trace", "qcom_rpmh_rsc_vote"] +
                         qms.kernel_args(initrd=initrd))
    finally:
        os.unlink(initrd)
votes = [(RAILS.get(int(a, 16)), int(v, 16)) for a, v in
         re.findall(r"qcom_rpmh_rsc_vote .*addr (0x[0-9a-f]+) <- (0x[0-9a-f]+)", r.output)]
tops = [rail for rail, v in votes if v == 0xa]
last = {rail: v for rail, v in votes}
tap.check(r.lines("qms: result ") == ["1 start ok running", "2 stop ok offline",
                                      "3 start ok running"] and
          sorted(tops) == sorted(["cx", "mx", "mss"] * 2) and
          last == {"cx": 0, "mx": 0, "mss": 0},
          "rpmhpd votes cx, mx and mss to their top level for each boot and "
          "releases them at handover", "%r\n%s" % (votes, r.output[-3000:]))

# determinism: the same verdict every run
for variant, key in (("stock", stock_key), ("clean-only", clean_key)):
    keys = [verdict_key(*check(variant)[:2]) for _ in range(RUNS - 1)]
    diff = [k for k in keys if k != key]
    tap.check(not diff, "%s: %d runs give the same verdict" % (variant, RUNS),
              "first run %r\nother %r" % (key, diff[:2]))

tap.done()
