#!/usr/bin/env python3
"""LAVA end to end: contrib/lava/qms-lava prepares a job for each board
and kernel (check-kernel's artefacts, the device dictionary rendered from
our device types over LAVA's base.jinja2), Debian's lava-run runs it as
root without a server, and the verdict is read from LAVA's own files: its
log of results (lava-run's output, the records of level "results") and
its job result (result.yaml). The stock kernel is green: a passing case
for every step of every remote processor, none failing; the clean-only
kernel is red on its finding's case, xpu_access_hazard, as the job itself
completes. Needs root and lava-dispatcher (scripts/setup-host)."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qms  # noqa: E402

QMS_LAVA = os.path.join(qms.TOP, "contrib", "lava", "qms-lava")
# (board, variant, the remote processors' steps the init makes, the
# failing case expected: None for green)
JOBS = [("db845c", "stock", 3, None), ("db845c", "clean-only", None, "xpu_access_hazard"),
        ("rb5", "stock", 8, None), ("rb5", "clean-only", None, "xpu_access_hazard")]
SUITE = "qcom-mss-sim"


def lava_results(out):
    """LAVA's results records ({definition, case, result, ...}) from
    lava-run's log, and its job result (result.yaml)."""
    records, targets = [], []
    with open(os.path.join(out, "output.yaml")) as f:
        for line in f:
            try:
                rec = yaml.safe_load(line)
            except yaml.YAMLError:
                continue
            if isinstance(rec, dict) and rec.get("lvl") == "results":
                records.append(rec["msg"])
            elif isinstance(rec, dict) and rec.get("lvl") == "target":
                targets.append(str(rec.get("msg")))
    try:
        with open(os.path.join(out, "lava", "result.yaml")) as f:
            job = yaml.safe_load(f)
    except OSError:
        job = None
    return records, targets, job


def run_job(tmp, board, variant):
    out = os.path.join(tmp, "%s-%s" % (board, variant))
    start = time.monotonic()
    r = subprocess.run([QMS_LAVA, "run", out, "--board", board, "--kernel-tree",
                        os.path.join(qms.GUEST, "linux-" + variant)],
                       capture_output=True, text=True, timeout=900)
    took = time.monotonic() - start
    print("# lava-run %s %s: %.1f s (prepare and lava-run)" % (board, variant, took))
    return r, out


def check_job(t, tmp, board, variant, steps, failing):
    r, out = run_job(tmp, board, variant)
    what = "%s %s" % (board, variant)
    if not t.check(r.returncode == 0, "lava-run of %s ends with status 0 (the job ran)" % what,
                   r.stdout + r.stderr + tail(out)):
        return
    records, targets, job = lava_results(out)
    ours = [x for x in records if x.get("definition") == SUITE]
    lava = {x["case"]: x["result"] for x in records if x.get("definition") == "lava"}
    t.check(job and job.get("result") == "pass" and lava.get("job") == "pass",
            "%s: LAVA's job result is pass (result.yaml and the log)" % what,
            "result.yaml: %r; lava cases: %r" % (job, lava))
    t.check(lava.get("lava-test-monitor") == "pass",
            "%s: the monitor found its end marker before QEMU ended" % what,
            "lava cases: %r%s" % (lava, tail(out)))
    results = [(x["case"], x["result"]) for x in ours]
    done = sum(1 for line in targets if "qms: result " in line)
    if failing is None:
        t.check(len(results) == steps and all(res == "pass" for _, res in results),
                "%s is green: %d passing step cases, no failing case" % (what, steps),
                "cases: %r" % results)
        t.check(done == steps, "%s: one case per 'qms: result' line of the console (%d)"
                % (what, done), "cases: %r" % results)
    else:
        fails = [c for c, res in results if res == "fail"]
        t.check(fails == [failing],
                "%s is red on its finding's case %s, and on nothing else" % (what, failing),
                "cases: %r" % results)
        t.check(all(res == "pass" for c, res in results if c != failing) and
                len(results) == done + 1,
                "%s: the steps before the finding pass, one case each" % what,
                "cases: %r; 'qms: result' lines: %d" % (results, done))
        t.check(any("qcom-xpu:   action   stop" in line for line in targets),
                "%s: LAVA's log holds the XPU's whole report, to its last line" % what,
                tail(out))


def tail(out):
    try:
        with open(os.path.join(out, "output.yaml")) as f:
            return "\n" + "".join(f.readlines()[-15:])
    except OSError:
        return ""


def check_refusals(t, tmp):
    r = subprocess.run([QMS_LAVA, "prepare", os.path.join(tmp, "x")],
                       capture_output=True, text=True)
    t.check(r.returncode == 2 and "--kernel" in r.stderr,
            "qms-lava prepare without a kernel exits 2 with its usage", r.stderr)
    r = subprocess.run([QMS_LAVA, "prepare", os.path.join(tmp, "y"), "--kernel",
                        "/nonexistent/Image"], capture_output=True, text=True)
    t.check(r.returncode == 125 and "/nonexistent/Image" in r.stderr,
            "qms-lava prepare of a missing kernel exits 125 and names it", r.stderr)
    r = subprocess.run([QMS_LAVA, "device", "--device-types", tmp], capture_output=True,
                       text=True, env=dict(os.environ, HOME=tmp, XDG_CACHE_HOME=tmp))
    found = any(os.path.isfile(os.path.join(d, "base.jinja2")) for d in
                ("/etc/lava-server/dispatcher-config/device-types",
                 "/usr/share/lava-server/device-types"))
    if not found:
        t.check(r.returncode == 125 and "base.jinja2" in r.stderr,
                "qms-lava device without LAVA's base.jinja2 exits 125 and says where it looked",
                r.stderr)


def check_dictionary(t):
    r = subprocess.run([QMS_LAVA, "device", "--board", "rb5"], capture_output=True, text=True)
    ok = r.returncode == 0
    try:
        d = yaml.safe_load(r.stdout) if ok else {}
        opts = d["actions"]["boot"]["methods"]["qemu"]["parameters"]["options"]
    except (yaml.YAMLError, KeyError, TypeError):
        ok, opts = False, []
    t.check(ok and "-M rb5" in opts and not any("-net" in o for o in opts) and
            os.path.isabs(d["actions"]["boot"]["methods"]["qemu"]["parameters"]["command"]),
            "the rendered rb5 device dictionary runs our QEMU with -M rb5 and no -net",
            r.stdout[-2000:] + r.stderr)


def main():
    t = qms.Tap()
    missing = [w for w, ok in (("root", os.geteuid() == 0),
                               ("lava-run (lava-dispatcher; scripts/setup-host)",
                                shutil.which("lava-run")),
                               ("the guest kernels (make kernel)",
                                os.path.isdir(os.path.join(qms.GUEST, "linux-clean-only"))),
                               ("QEMU (make)", os.path.isfile(qms.QEMU))) if not ok]
    if not t.check(not missing, "what the LAVA jobs need is there",
                   "missing: " + ", ".join(missing)):
        t.done()
    tmp = tempfile.mkdtemp(prefix="qms-lava-test-")
    try:
        check_refusals(t, tmp)
        check_dictionary(t)
        for board, variant, steps, failing in JOBS:
            check_job(t, tmp, board, variant, steps, failing)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    t.done()


if __name__ == "__main__":
    main()
