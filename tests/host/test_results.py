#!/usr/bin/env python3
"""check-kernel's reports for CI without a guest (scripts/qms_results.py):
the TuxRun-shaped results.json and the KCIDB test objects of canned
reports of each verdict, the KCIDB output validated against the vendored
schema (contrib/kcidb/) with python3-jsonschema, and the timeline's
clocks (host time to guest time through the VM's pauses and the console's
printk stamps, the console's bytes from the UART's trace events)."""

import copy
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "guest"))
import qms  # noqa: E402

sys.path.insert(0, os.path.join(qms.TOP, "scripts"))
import qms_results as qr  # noqa: E402

CHECK_KERNEL = os.path.join(qms.TOP, "scripts", "check-kernel")
STEPS = [{"number": n, "rproc": "4080000.remoteproc", "action": a, "result": "ok",
          "state": s, "remoteproc": "mss"}
         for n, a, s in ((1, "start", "running"), (2, "stop", "offline"), (3, "start", "running"))]
PASS = {
    "kernel": "/k/Image", "machine": "db845c", "init": "Linux 6.1.192 aarch64",
    "seconds": 2.5,
    "dt": {"path": "/k/sdm845-db845c.dtb", "source": "kernel tree", "board": "db845c",
           "compatible": ["thundercomm,db845c", "qcom,sdm845"]},
    "remoteprocs": [{"name": "mss", "node": "/soc@0/remoteproc@4080000", "path": "MSS/MBA",
                     "steps": STEPS, "problem": None}],
    "not_driven": [], "steps": STEPS, "findings": [], "notes": [],
    "verdict": 0, "reason": "the modem ran, stopped and ran again; no finding",
    "conditions": ["init_on_alloc in effect"]}
FINDING = {"source": "xpu", "kind": "hazard", "address": "0xfbcc0000", "master": "apps",
           "vmid": 3, "group": 8, "severity": "hazard-clean", "remoteproc": "mss",
           "path": "MSS/MBA", "step": {"number": 1, "rproc": "4080000.remoteproc",
                                       "action": "start"},
           "cause": "MSS/MBA mss: assign_mem gives 0xfbcc0000-0xfbcc1fff to VMIDs 0x8000",
           "lines": [{"address": "0x%x" % (0xfbcc0000 + 64 * i),
                      "state": "clean (memory changed since)",
                      "fill": {"cpu": 7, "pc": "0xffff80000828f608"},
                      "last_maintenance": {"insn": "DC CVAC", "cpu": 7,
                                           "pc": "0xffff80000801f068",
                                           "lr": "0xffff80000801e1d8",
                                           "va": "0xffff00007bcc0000"}} for i in range(128)],
           "cleaned_by": {"insn": "DC CVAC", "routine": "dcache_clean_poc",
                          "caller": "arch_dma_prep_coherent"}}


def fail_rep():
    r = copy.deepcopy(PASS)
    r["findings"] = [copy.deepcopy(FINDING)]
    r.update(verdict=1, reason="1 finding(s); first: XPU hazard at 0xfbcc0000")
    return r


def untested_rep(verdict, reason):
    return {"kernel": "/k/Image", "machine": "db845c", "steps": [], "findings": [],
            "verdict": verdict, "reason": reason}


REPS = [("pass", PASS), ("finding", fail_rep()),
        ("cannot test", untested_rep(125, "the kernel did not reach the init")),
        ("bad input", untested_rep(2, "the DTB's root compatible names no board of ours"))]


class Args:
    kcidb_origin = qr.KCIDB_ORIGIN
    kcidb_build_id = None


def tuxrun_ret(results):
    """TuxRun's exit code of a results.json: 1 if a case failed."""
    return 1 if any(c["result"] == "fail" for s in results.values() for c in s.values()) else 0


def check_results_json(t):
    for name, rep in REPS:
        res = qr.results_json(rep)
        cases = [(s, c, v["result"]) for s, cs in res.items() for c, v in cs.items()]
        t.check(all(isinstance(v, dict) and "result" in v for cs in res.values()
                    for v in cs.values()) and cases,
                "results.json of a %s run: suites of cases, each with a result" % name,
                json.dumps(res, indent=1))
        want = {0: "pass", 1: "fail", 125: "skip", 2: "unknown"}[rep["verdict"]]
        t.check(res["check-kernel"]["verdict"]["result"] == want and
                res["check-kernel"]["verdict"]["exit_code"] == rep["verdict"] and
                tuxrun_ret(res) == (1 if rep["verdict"] == 1 else 0),
                "results.json of a %s run matches its exit code %d (verdict %s, TuxRun's "
                "status %d)" % (name, rep["verdict"], want, 1 if rep["verdict"] == 1 else 0),
                json.dumps(res, indent=1))
    res = qr.results_json(fail_rep())
    t.check(res["findings"]["1-xpu-hazard-clean"]["result"] == "fail" and
            res["findings"]["1-xpu-hazard-clean"]["lines_held"] == 128 and
            res["remoteproc-mss"]["runs-stops-runs"]["result"] == "fail" and
            all(res["remoteproc-mss"]["step-%d-%s" % (s["number"], s["action"])]["result"]
                == "pass" for s in STEPS),
            "the finding is its own failing case; the steps that went well pass",
            json.dumps(res, indent=1))


def check_kcidb(t):
    for name, rep in REPS:
        data = qr.kcidb(rep, Args(), 1767225600.0)
        try:
            qr.validate_kcidb(data)
            err = None
        except ValueError as e:
            err = str(e)
        t.check(err is None, "KCIDB of a %s run validates against the KCIDB v5.3 schema" % name,
                err or "")
        tests = data["tests"]
        status = {t_["path"]: t_["status"] for t_ in tests}
        want = {0: "PASS", 1: "FAIL", 125: "SKIP", 2: "ERROR"}[rep["verdict"]]
        t.check(status["qcom_mss_sim.check_kernel.verdict"] == want and
                len({x["id"] for x in tests}) == len(tests) and
                all(x["id"].startswith("qcom_mss_sim:") for x in tests),
                "KCIDB of a %s run: the verdict's status is %s, every id unique" % (name, want),
                json.dumps(data, indent=1)[:3000])
    data = qr.kcidb(fail_rep(), Args(), 1767225600.0)
    st = {x["path"]: x["status"] for x in data["tests"]}
    t.check(st["qcom_mss_sim.findings.1_xpu_hazard_clean"] == "FAIL" and
            st["qcom_mss_sim.remoteproc_mss.step_1_start"] == "PASS" and
            all(x["environment"]["compatible"] == ["thundercomm,db845c", "qcom,sdm845"]
                for x in data["tests"]),
            "KCIDB: the finding FAILs, the steps PASS, environment.compatible is the board's",
            json.dumps(st, indent=1))
    bad = copy.deepcopy(data)
    bad["tests"][0]["status"] = "BROKEN"
    bad2 = copy.deepcopy(data)
    bad2["tests"][0]["environment"]["compatible"] = ["has a space"]
    refused = []
    for d in (bad, bad2):
        try:
            qr.validate_kcidb(d)
        except ValueError as e:
            refused.append(str(e))
    t.check(len(refused) == 2, "the validator refuses a status or a compatible KCIDB does not "
            "allow", "\n".join(refused))


def check_command_line(t):
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([CHECK_KERNEL, "--kernel", "/k/Image", "--kcidb-origin", "Bad Origin"],
                           capture_output=True, text=True)
        t.check(r.returncode == 2 and "kcidb-origin" in r.stderr,
                "check-kernel --kcidb-origin that KCIDB refuses exits 2", r.stderr)
        out = {k: os.path.join(tmp, k) for k in ("results.json", "kcidb.json", "report.html")}
        r = subprocess.run([CHECK_KERNEL, "--kernel", "/nonexistent/Image", "--qemu",
                            "/nonexistent/qemu", "--results-json", out["results.json"],
                            "--kcidb", out["kcidb.json"], "--html", out["report.html"]],
                           capture_output=True, text=True)
        try:
            res = json.load(open(out["results.json"]))
            data = json.load(open(out["kcidb.json"]))
            qr.validate_kcidb(data)
            page = open(out["report.html"]).read()
            ok = True
        except (OSError, ValueError) as e:
            ok, res, data, page = False, {}, {}, str(e)
        t.check(r.returncode == 125 and ok and
                res["check-kernel"]["verdict"]["result"] == "skip" and
                [x["status"] for x in data["tests"]] == ["SKIP"] and
                'data-verdict="125"' in page,
                "a run that cannot test (no QEMU) exits 125 and writes a skip, a valid KCIDB "
                "SKIP and a page saying so", r.stdout + r.stderr + page[:500])
        r = subprocess.run([CHECK_KERNEL, "--kernel", "/nonexistent/Image", "--qemu",
                            "/nonexistent/qemu", "--kcidb", os.path.join(tmp, "no", "dir.json")],
                           capture_output=True, text=True)
        t.check(r.returncode == 125 and "cannot write a report" in r.stderr,
                "a KCIDB file that cannot be written is said, status 125", r.stderr)


def check_clocks(t):
    ev = lambda name, s: {"event": name, "timestamp": {"seconds": int(s),
                                                       "microseconds": round(s % 1 * 1e6)}}
    c = qr.Clock(qr.running_intervals([ev("RESUME", 10), ev("STOP", 11), ev("RESUME", 12),
                                       ev("SHUTDOWN", 13)]))
    got = [round(c.virtual(h), 6) for h in (9, 10.5, 11.5, 12.5, 14)]
    t.check(got == [0, 0.5, 1.0, 1.5, 2.0],
            "host time to the VM's time: paused intervals do not count", repr(got))
    c.anchor([(0.0, 10.2), (0.3, 10.6), (0.35, 10.65), (1.0, 12.9)])
    t.check(abs(c.offset - 0.3) < 1e-9 and abs(c.guest(12.5) - 1.2) < 1e-9,
            "the printk clock's offset is the least lag of a console line (0.000000 "
            "stamps, before sched_clock, do not count)", "offset %r" % c.offset)
    u = qr.Uart()
    text = b"[    1.500000] qms: init Linux\r\n[    1.600000] x\r\n"
    u.event("qcom_geni_uart_cmd", "M sequencer: opcode 1, length %d" % len(text), 20.0)
    for i in range(0, len(text), 4):
        word = int.from_bytes(text[i:i + 4].ljust(4, b"\0"), "little")
        u.event("qcom_geni_uart_write", "offset 0x%x value 0x%x" % (0x700 + i % 0x80, word),
                20.0 + i)
    u.event("qcom_geni_uart_write", "offset 0x618 value 0x1", 99.0)
    t.check([(p, h) for p, h in u.pairs] == [(1.5, 20.0), (1.6, 20.0 + 32)],
            "the console's lines from the UART's TX FIFO words, each at its first byte",
            repr(u.pairs))


def check_trace(t):
    """read_trace on a canned trace: the held lines' fills and cleans."""
    rep = fail_rep()
    ts = lambda h: "1@%d.%06d:" % (int(h), round(h % 1 * 1e6))
    lines = [ts(100.0) + "qcom_geni_uart_cmd M sequencer: opcode 1, length 16"]
    msg = b"[    2.000000] a\n"[:16]
    for i in range(0, 16, 4):
        lines.append(ts(100.0) + "qcom_geni_uart_write offset 0x700 value 0x%x"
                     % int.from_bytes(msg[i:i + 4], "little"))
    lines.append(ts(100.4) + "cpu_dcache_fill addr 0xfbcc0000 pc 0xffff80000828f608")
    lines.append(ts(100.4) + "cpu_dcache_fill addr 0xfbcc1000 pc 0xffff80000828f608")
    for i in range(128):
        lines.append(ts(100.5) + "cpu_dcache_maintain DC CVAC pa 0x%x size 64 pc "
                     "0xffff80000801f068" % (0xfbcc0000 + 64 * i))
    lines.append(ts(100.6) + "qcom_xpu_assign 0xfbcc0000+0x2000 read 0x8000 write 0x8000 "
                 "-> group 8")
    lines.append(ts(100.6) + "qcom_scm_call fn 0x42000c16 nargs 7 status 0 result 0x0")
    events = [{"event": "RESUME", "timestamp": {"seconds": 98, "microseconds": 0}},
              {"event": "XPU_VIOLATION", "timestamp": {"seconds": 100, "microseconds": 600000},
               "data": {"address": 0xfbcc0000}}]
    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as f:
        f.write("\n".join(lines) + "\n")
    try:
        tl = qr.read_trace(f.name, rep, {"events": events, "console": ""})
    finally:
        os.unlink(f.name)
    g = tl["findings"][0]["groups"] if tl["findings"] else []
    # the console line stamped 2.0 s went out 2.0 s after RESUME: offset 0
    ok = (len(g) == 1 and len(g[0]["lines"]) == 128 and
          [round(x, 6) for x in g[0]["filled"][:1]] == [2.4] and
          round(g[0]["cleaned"][0], 6) == 2.5 and round(tl["findings"][0]["t"], 6) == 2.6 and
          [c["label"] for c in tl["scm"]] == ["ASSIGN_MEM"] and
          tl["xpu"][0]["write"] == "MSS_MSA")
    t.check(ok, "the timeline from a trace: 128 held lines filled at 2.4 s, cleaned at 2.5 s, "
            "the finding at 2.6 s, the SCM call and the XPU's new owner",
            json.dumps({k: tl[k] for k in ("scm", "xpu")}, default=str) + repr(g)[:1500])
    page = qr.html_report(rep, {}, tl)
    t.check(re.search(r'<svg id="timeline"[^>]*>', page) and 'class="mark fill"' in page and
            'class="mark clean"' in page and 'class="mark finding"' in page and
            "<script" not in page and "http" not in page.replace(
                'xmlns="http://www.w3.org/2000/svg"', ""),
            "the page draws the fills, the cleans and the finding, and loads nothing",
            page[:2000])


def main():
    t = qms.Tap()
    check_results_json(t)
    check_kcidb(t)
    check_command_line(t)
    check_clocks(t)
    check_trace(t)
    t.done()


if __name__ == "__main__":
    main()
