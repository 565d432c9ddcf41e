#!/usr/bin/env python3
"""End to end: subsystem restart. scripts/check-kernel --scenario drives
each remote processor of the board's DT (the tree's own DTB) through a
crash and the kernel's own recovery, with the XPU and cache models
watching, and compares the coredump the kernel collects with what the
model's memory held at the crash (docs/devel/verdicts.rst, "Scenarios"):

  6.1 stock, db845c, each scenario       exit 0, the scenario's steps;
                                         crash-fatal/-wdog: the modem's
                                         coredump matches the model's
                                         memory, the crash reason is in
                                         the kernel's log
  6.1 broken-recovery (the coredump      start-stop-start: exit 0;
  copied without reclaiming the          crash-fatal: exit 1, an XPU
  modem's memory)                        violation by the CPUs during the
                                         crash step, not a timeout
  6.1 stock, rb5                         each scenario: exit 0 for the
                                         CDSP and the ADSP (the ADSP's
                                         driver collects a minidump: noted)

each scenario QMS_RECOVERY_RUNS times on db845c (default 10) with the
same verdict, steps and findings every time."""

import json
import os

import qms

RUNS = int(os.environ.get("QMS_RECOVERY_RUNS", "10"))
SCENARIOS = ("crash-fatal", "crash-wdog", "recovery-disabled", "crash-during-boot")
START, STOP = ("start", "ok", "running"), ("stop", "ok", "offline")
STEPS = {
    "crash-fatal": [START, ("crash-fatal", "ok", "running"), STOP, START],
    "crash-wdog": [START, ("crash-wdog", "ok", "running"), STOP, START],
    "recovery-disabled": [START, ("crash-fatal", "ok", "crashed"),
                          ("recover", "ok", "running"), STOP, START],
    "crash-during-boot": [("start", "errno-110", "offline"), START, STOP, START],
}


def check(variant, scenario, board="db845c"):
    return qms.check_kernel(["--board", board, "--scenario", scenario,
                             "--kernel-tree", os.path.join(qms.GUEST, "linux-" + variant)])


def steps(rep, remoteproc=None):
    return [(s["action"], s["result"], s["state"]) for s in rep.get("steps", [])
            if remoteproc is None or s.get("remoteproc") == remoteproc]


def key(rc, rep):
    """What must not change between runs"""
    return (rc, tuple(steps(rep)),
            tuple((f["source"], f["kind"], f.get("master")) for f in rep.get("findings", [])),
            tuple((r["name"], (r.get("coredump_check") or {}).get("result"))
                  for r in rep.get("remoteprocs", [])))


def injected_reason_logged(rep):
    """Each crash check-kernel injected, and the kernel logged its reason"""
    inj = rep.get("injections", [])
    return bool(inj) and all(not i.get("error") for i in inj) and \
        not rep.get("crash_problems")


tap = qms.Tap()

if not os.path.exists(os.path.join(qms.GUEST, "linux-stock", "Image")):
    tap.check(False, "the stock kernel is built (make kernel)")
    tap.done()

for sc in SCENARIOS:
    rc, rep, out = check("stock", sc)
    tap.check(rc == 0 and steps(rep) == STEPS[sc],
              "6.1 stock, db845c, %s: exit 0, the scenario's steps" % sc, out)
    mss = next((r for r in rep.get("remoteprocs", []) if r["name"] == "mss"), {})
    if sc in ("crash-fatal", "crash-wdog"):
        c = mss.get("coredump_check") or {}
        tap.check(c.get("result") == "match" and c.get("segments", 0) > 1 and
                  c.get("segments") == c.get("segments_model"),
                  "6.1 stock, %s: the modem's coredump (%s segments) matches what the "
                  "model's memory held at the crash" % (sc, c.get("segments")), out)
    if sc != "crash-during-boot":
        tap.check(injected_reason_logged(rep),
                  "6.1 stock, %s: the crash was injected and the kernel logged its "
                  "reason from SMEM" % sc, json.dumps(rep.get("injections")) + "\n" + out)
    else:
        tap.check(rc == 0 and not rep.get("crash_problems"),
                  "6.1 stock, crash-during-boot: the kernel logged the crash reason of the "
                  "boot that crashed", out)
    first = key(rc, rep)
    same, differing = 1, ""
    for _ in range(RUNS - 1):
        rc2, rep2, out2 = check("stock", sc)
        if key(rc2, rep2) == first:
            same += 1
        elif not differing:
            differing = "the first run:\n%s\na run that differed:\n%s" % (out, out2)
    tap.check(same == RUNS, "6.1 stock, %s: the same verdict, steps and findings in %d of "
              "%d runs" % (sc, same, RUNS), differing or out)

# Recovery broken on purpose: the coredump read of memory still the modem's
broken = os.path.exists(os.path.join(qms.GUEST, "linux-broken-recovery", "Image"))
if tap.check(broken, "the broken-recovery kernel is built (make kernel)"):
    rc, rep, out = check("broken-recovery", "start-stop-start")
    tap.check(rc == 0, "broken-recovery, start-stop-start: exit 0 (no dump, no finding)", out)
    rc, rep, out = check("broken-recovery", "crash-fatal")
    xpu = [f for f in rep.get("findings", []) if f["source"] == "xpu"]
    f = xpu[0] if xpu else {}
    tap.check(rc == 1 and f.get("master") == "apps" and f.get("kind") == "read" and
              (f.get("step") or {}).get("action") == "crash-fatal" and
              "MSS" in (f.get("owner") or ""),
              "broken-recovery, crash-fatal: exit 1, an XPU violation by the CPUs' read of "
              "the modem's memory during the crash step", out)
    tap.check("timed out" not in rep.get("reason", "") and rep.get("verdict") == 1,
              "broken-recovery, crash-fatal: a finding, not a timeout (%s)"
              % rep.get("reason"), out)
    rc2, rep2, out2 = check("broken-recovery", "crash-fatal")
    tap.check(key(rc2, rep2) == key(rc, rep),
              "broken-recovery, crash-fatal: the same verdict and findings again", out2)

# RB5: the ADSP and the CDSP, booted by the kernel at registration
for sc in SCENARIOS:
    rc, rep, out = check("stock", sc, board="rb5")
    names = sorted(r["name"] for r in rep.get("remoteprocs", []))
    tap.check(rc == 0 and names == ["adsp", "cdsp"],
              "6.1 stock, rb5, %s: exit 0 for the ADSP and the CDSP" % sc, out)
    if sc in ("crash-fatal", "crash-wdog"):
        cdsp = next((r for r in rep.get("remoteprocs", []) if r["name"] == "cdsp"), {})
        tap.check((cdsp.get("coredump_check") or {}).get("result") == "match",
                  "6.1 stock, rb5, %s: the CDSP's coredump matches the model's memory" % sc,
                  out)
tap.done()
