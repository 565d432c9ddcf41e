"""check-kernel's reports for CI systems and for people: a TuxRun-shaped
results.json (--results-json), KCIDB v5 test objects (--kcidb) and one
self-contained HTML page with an SVG timeline of the run (--html).

They are read from what check-kernel already has: its report (the init's
steps, the findings with their XPU reports) and the run (the console, the
QMP events). The timeline's times come from QEMU's trace events of our
devices (SCM calls, XPU assignments, the modem's DMA, the cache model's
fills and maintenance, the UART's bytes), which check-kernel asks for
with --html only (trace_options): each trace line has the host's time,
made guest time by the VM's pauses (QMP STOP and RESUME) and by the
console: the UART's bytes are the console's lines, whose printk stamps
are the guest's clock (docs/devel/ci.rst)."""

import atexit
import datetime
import hashlib
import html
import json
import os
import re
import shutil
import tempfile

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
KCIDB_SCHEMA = os.path.join(TOP, "contrib", "kcidb", "kcidb-v5.3.schema.json")
KCIDB_VERSION = {"major": 5, "minor": 3}
KCIDB_ORIGIN = "qcom_mss_sim"
LABELS = {0: "PASS", 1: "FAIL", 2: "BAD INPUT", 125: "CANNOT TEST"}
# The verdict as a TuxRun (LAVA) result, and as a KCIDB status
RESULT = {0: "pass", 1: "fail", 2: "unknown", 125: "skip"}
STATUS = {"pass": "PASS", "fail": "FAIL", "skip": "SKIP", "unknown": "ERROR"}
# The trace events the timeline reads (hw/*/trace-events)
TRACE_EVENTS = ("qcom_scm_call", "qcom_scm_assign", "qcom_scm_pas",
                "qcom_xpu_assign", "qcom_mss_dma", "qcom_mss_segment",
                "qcom_mss_phase", "qcom_dsp_phase", "cpu_dcache_fill",
                "cpu_dcache_maintain", "qcom_geni_uart_cmd", "qcom_geni_uart_write")
# "PID@SECONDS.MICROSECONDS:EVENT ARGS" (-msg timestamp=on)
TRACE_RE = re.compile(r"^\d+@(\d+)\.(\d+):(\w+) (.*)$")
PRINTK_RE = re.compile(r"^\[ *(\d+\.\d+)\] ")
QMS_RE = re.compile(r"^\[ *(\d+\.\d+)\] qms: (step|result) (\d+) (\S+) (\S+)(?: (\S+) (\S*))?")
# The SiP calls of Linux's qcom_scm (SMCCC function ID, low 16 bits:
# service << 8 | command)
SCM_CALLS = {0x0601: "IS_CALL_AVAIL", 0x0603: "GET_VERSION?", 0x0c16: "ASSIGN_MEM",
             0x0201: "PAS INIT_IMAGE", 0x0202: "PAS MEM_SETUP", 0x0205: "PAS AUTH_AND_RESET",
             0x0206: "PAS SHUTDOWN", 0x0207: "PAS IS_SUPPORTED", 0x020a: "PAS MSS_RESET",
             0x0c02: "RESTORE_SEC_CFG", 0x0c05: "IOMMU_SECURE_PTBL_SIZE"}
VMIDS = {1: "TZ", 3: "HLOS", 5: "SSC_Q6", 6: "ADSP_Q6", 15: "MSS_MSA", 30: "CDSP"}
UART_TX_FIFO = (0x700, 0x77c)


def add_options(p):
    """check-kernel's options of these reports."""
    p.add_argument("--results-json", metavar="FILE",
                   help="write TuxRun's results.json shape: suites of cases with a "
                        "'result' (pass, fail, skip, unknown)")
    p.add_argument("--kcidb", metavar="FILE",
                   help="write KCIDB v5 test objects (validated against the schema in "
                        "contrib/kcidb/)")
    p.add_argument("--kcidb-origin", default=KCIDB_ORIGIN, type=kcidb_origin,
                   metavar="ORIGIN",
                   help="the CI system submitting to KCIDB (default %s)" % KCIDB_ORIGIN)
    p.add_argument("--kcidb-build-id", type=kcidb_id, metavar="ORIGIN:ID",
                   help="the KCIDB build the tests are of (default: ORIGIN: and the "
                        "kernel Image's SHA-256)")
    p.add_argument("--html", metavar="FILE",
                   help="write one self-contained HTML page: the verdict, the steps and "
                        "an SVG timeline of SCM calls, XPU ownership, DMA and each "
                        "finding's held lines (runs QEMU with trace events)")


def kcidb_origin(s):
    if not re.fullmatch(r"[a-z0-9_]+", s):
        raise ValueError("not a KCIDB origin (lower-case letters, digits, _)")
    return s


def kcidb_id(s):
    if not re.fullmatch(r"[a-z0-9_]+:[^\0]+", s):
        raise ValueError("not a KCIDB id (ORIGIN:ID)")
    return s


def trace_options(args):
    """QEMU's options for the timeline's trace events, when --html wants
    them: into a file of its own (-D), with the host's time (-msg)."""
    if not getattr(args, "html", None):
        return []
    args.trace_dir = tempfile.mkdtemp(prefix="check-kernel-trace-")
    # gone however check-kernel ends (a signal, a crash before write())
    atexit.register(shutil.rmtree, args.trace_dir, True)
    args.trace_log = os.path.join(args.trace_dir, "trace.log")
    return ["-D", args.trace_log, "-msg", "timestamp=on"] + [
        a for e in TRACE_EVENTS for a in ("-trace", e)]


class ReportError(OSError):
    """A report that cannot be made (check-kernel: cannot write it)."""


def write(args, rep, run):
    """The reports of this module that the command line asks for."""
    try:
        if args.results_json:
            write_json(args.results_json, results_json(rep))
        if args.kcidb:
            data = kcidb(rep, args, start_time(run))
            validate_kcidb(data)
            write_json(args.kcidb, data)
        if args.html:
            trace = read_trace(getattr(args, "trace_log", None), rep, run)
            with open(args.html, "w") as f:
                f.write(html_report(rep, run, trace))
    except (ValueError, ImportError, KeyError) as e:
        raise ReportError("%s: %s" % (type(e).__name__, e))
    finally:
        if getattr(args, "trace_dir", None):
            shutil.rmtree(args.trace_dir, ignore_errors=True)
            args.trace_dir = None


def write_json(path, data):
    with open(path, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


# ---- the cases: one list for results.json and KCIDB ---------------------

def slug(s):
    return re.sub(r"[^a-zA-Z0-9_-]+", "-", s).strip("-").lower()


def step_name(s):
    return "step-%d-%s" % (s["number"], slug(s["action"]))


def cases(rep):
    """The run as (suite, case, result, details) rows: the boot, each
    remote processor's steps and its run, each finding, the verdict. A
    run that was not judged (125, 2) passes nothing and fails nothing:
    its cases are skip (unknown for bad input)."""
    v = rep["verdict"]
    judged = v in (0, 1)
    out = []
    if not judged:
        out.append(("check-kernel", "verdict", RESULT[v],
                    {"exit_code": v, "reason": rep.get("reason")}))
        return out
    out.append(("boot", "init", "pass" if rep.get("init") else "fail",
                {"init": rep.get("init"), "machine": rep.get("machine")}))
    for r in rep.get("remoteprocs", []):
        suite = "remoteproc-%s" % slug(r["name"])
        for s in r.get("steps", []):
            out.append((suite, step_name(s), "pass" if s["result"] == "ok" else "fail",
                        {k: s.get(k) for k in ("number", "action", "result", "state")}))
        mine = [f for f in rep.get("findings", []) if f.get("remoteproc") == r["name"]]
        out.append((suite, "runs-stops-runs",
                    "fail" if mine or r.get("problem") else "pass",
                    {"node": r.get("node"), "path": r.get("path"),
                     "problem": r.get("problem"), "findings": len(mine)}))
    for r in rep.get("not_driven", []):
        out.append(("remoteproc-%s" % slug(r["name"]), "runs-stops-runs", "skip",
                    {"node": r.get("node"), "status": r.get("status")}))
    findings = rep.get("findings", [])
    for i, f in enumerate(findings, 1):
        out.append(("findings", "%d-%s-%s" % (i, f["source"], slug(f.get("severity") or
                                                               f["kind"])), "fail",
                    finding_details(f)))
    if not findings:
        out.append(("findings", "none", "pass", {}))
    out.append(("check-kernel", "verdict", RESULT[v],
                {"exit_code": v, "reason": rep.get("reason")}))
    return out


def finding_details(f):
    keep = ("kind", "address", "master", "severity", "remoteproc", "path", "cause",
            "allocated_by", "lines_summary")
    d = {k: f[k] for k in keep if f.get(k) is not None}
    if f.get("step"):
        d["step"] = f["step"]["number"]
    if f.get("lines"):
        d["lines_held"] = len(f["lines"])
    c = f.get("cleaned_by")
    if c and c.get("caller"):
        d["cleaned_by"] = c["caller"]
    return d


def results_json(rep):
    """TuxRun's results.json shape: {suite: {case: {"result": ...}}}."""
    out = {}
    for suite, case, result, details in cases(rep):
        out.setdefault(suite, {})[case] = dict(details, result=result)
    return out


def start_time(run):
    """When the guest started (the first QMP event), else now."""
    for ev in (run or {}).get("events", []):
        ts = ev.get("timestamp")
        if ts:
            return ts["seconds"] + ts["microseconds"] / 1e6
    return datetime.datetime.now().timestamp()


def kernel_digest(path):
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except (OSError, TypeError):
        h.update(str(path).encode())
    return h.hexdigest()


def kcidb(rep, args, started):
    """KCIDB v5 test objects, one per case: the path suite.case, the
    status, the board's DT compatible as the environment."""
    origin = args.kcidb_origin
    build = args.kcidb_build_id or "%s:%s" % (origin, kernel_digest(rep.get("kernel"))[:16])
    stamp = datetime.datetime.fromtimestamp(started, datetime.timezone.utc)
    run_id = "%s:%s-%s" % (origin, build.split(":", 1)[1], stamp.strftime("%Y%m%dT%H%M%S%f"))
    dt = rep.get("dt") or {}
    env = {"comment": "qcom-mss-sim %s (QEMU), %s" % (
        rep.get("machine"), "the kernel tree's DT" if dt.get("source") == "kernel tree"
        else "the simulator's own DT")}
    if dt.get("compatible"):
        env["compatible"] = dt["compatible"]
    tests = []
    for suite, case, result, details in cases(rep):
        path = "qcom_mss_sim.%s.%s" % (suite.replace("-", "_"), case.replace("-", "_"))
        t = {"id": "%s.%s" % (run_id, path), "build_id": build, "origin": origin,
             "path": path, "status": STATUS[result], "environment": env,
             "start_time": stamp.isoformat(), "misc": details}
        if suite == "check-kernel":
            t["duration"] = float(rep.get("seconds") or 0)
            t["comment"] = "%s (exit %d): %s" % (LABELS[rep["verdict"]], rep["verdict"],
                                                 rep.get("reason"))
        tests.append(t)
    return {"version": dict(KCIDB_VERSION), "tests": tests}


def validate_kcidb(data, schema_path=KCIDB_SCHEMA):
    """Raise ValueError unless data is valid KCIDB (python3-jsonschema,
    as kcidb-io validates: draft 7 with formats)."""
    import jsonschema
    with open(schema_path) as f:
        schema = json.load(f)
    v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(v.iter_errors(data), key=lambda e: list(e.path))
    if errors:
        raise ValueError("KCIDB data invalid: %s at %s" % (
            errors[0].message, "/".join(str(p) for p in errors[0].path)))


# ---- the timeline: trace events on guest time --------------------------

def running_intervals(events):
    """(start, end) host times the VM ran, from QMP RESUME and STOP."""
    out, start = [], None
    for ev in events:
        ts = ev.get("timestamp")
        if not ts:
            continue
        t = ts["seconds"] + ts["microseconds"] / 1e6
        if ev["event"] == "RESUME" and start is None:
            start = t
        elif ev["event"] in ("STOP", "SHUTDOWN") and start is not None:
            out.append((start, t))
            start = None
    if start is not None:
        out.append((start, float("inf")))
    return out


class Clock:
    """Host time to guest time: QEMU's virtual clock runs with the host's
    while the VM runs (no -icount), and the guest's printk clock is that
    less the time before the kernel started its sched_clock (offset, from
    the console)."""

    def __init__(self, intervals):
        self.intervals = intervals
        self.offset = 0.0
        self.anchored = False

    def virtual(self, h):
        if not self.intervals:
            return h
        v = 0.0
        for a, b in self.intervals:
            if h <= a:
                break
            v += min(h, b) - a
        return v

    def guest(self, h):
        return self.virtual(h) - self.offset

    def anchor(self, pairs):
        """pairs: (printk time, host time) of console lines: the line was
        sent after it was stamped, so the least lag is the offset."""
        lags = [self.virtual(h) - p for p, h in pairs if p > 0]
        if lags:
            self.offset = min(lags)
            self.anchored = True


class Uart:
    """The console's bytes from the UART's trace events (START_TX's
    length, the TX FIFO's words, as hw/char/qcom-geni-uart.c sends them),
    each line with the host time of its first byte."""

    def __init__(self):
        self.left = 0
        self.line = ""
        self.line_h = None
        self.pairs = []

    def event(self, name, args, h):
        if name == "qcom_geni_uart_cmd":
            m = re.match(r"M sequencer: opcode 1, length (\d+)", args)
            if m:
                self.left = int(m.group(1))
            return
        m = re.match(r"offset (0x[0-9a-f]+) value (0x[0-9a-f]+)", args)
        if not m or not UART_TX_FIFO[0] <= int(m.group(1), 16) <= UART_TX_FIFO[1]:
            return
        n = min(4, self.left)
        self.left -= n
        for b in int(m.group(2), 16).to_bytes(4, "little")[:n]:
            c = chr(b)
            if self.line_h is None:
                self.line_h = h
            if c == "\n":
                p = PRINTK_RE.match(self.line)
                if p:
                    self.pairs.append((float(p.group(1)), self.line_h))
                self.line, self.line_h = "", None
            elif c != "\r":
                self.line += c


def vmids(mask):
    return "+".join(VMIDS.get(v, "VMID%d" % v) for v in range(32) if mask >> v & 1) or "none"


def read_trace(path, rep, run):
    """What the timeline shows, on guest time (seconds): steps, SCM calls,
    XPU assignments, DMA by master, the remote processors' phases, and
    for each XPU finding its held lines' fills and cleans."""
    run = run or {}
    clock = Clock(running_intervals(run.get("events", [])))
    tl = {"steps": steps_of(run.get("console", "")), "scm": [], "xpu": [], "dma": [],
          "phases": [], "findings": [], "traced": False, "anchored": False}
    findings = xpu_findings(rep, run)
    lines = {}                              # held line -> [(finding, line report)]
    for f in findings:
        for ln in f["report"].get("lines", []):
            lines.setdefault(int(ln["address"], 16), []).append((f, ln))
    pages = {a & ~0xfff for a in lines}
    fills, cleans, uart, raw = {}, {}, Uart(), []
    if path and os.path.isfile(path):
        tl["traced"] = True
        with open(path, errors="replace") as fh:
            for text in fh:
                m = TRACE_RE.match(text)
                if not m:
                    continue
                h = int(m.group(1)) + int(m.group(2)) / 1e6
                name, args = m.group(3), m.group(4)
                if name.startswith("qcom_geni_uart"):
                    uart.event(name, args, h)
                elif name == "cpu_dcache_maintain":
                    mm = re.match(r"(DC \w+) pa (0x[0-9a-f]+) size (\d+) pc (0x[0-9a-f]+)", args)
                    if mm and int(mm.group(2), 16) & ~0xfff in pages:
                        pa = int(mm.group(2), 16)
                        for a in range(pa, pa + int(mm.group(3)), 64):
                            if a in lines:
                                cleans.setdefault(a, []).append((h, mm.group(1), mm.group(4)))
                elif name == "cpu_dcache_fill":
                    mm = re.match(r"addr (0x[0-9a-f]+) pc (0x[0-9a-f]+)", args)
                    if mm and int(mm.group(1), 16) in pages:
                        fills.setdefault(int(mm.group(1), 16), []).append((h, mm.group(2)))
                else:
                    raw.append((h, name, args))
    clock.anchor(uart.pairs)
    tl["anchored"] = clock.anchored
    for h, name, args in raw:
        t = clock.guest(h)
        if name == "qcom_scm_call":
            mm = re.match(r"fn (0x[0-9a-f]+) nargs \d+ status (-?\d+)", args)
            if mm:
                fn = int(mm.group(1), 16)
                tl["scm"].append({"t": t, "label": SCM_CALLS.get(fn & 0xffff, "0x%x" % fn),
                                  "fn": "0x%x" % fn, "status": int(mm.group(2))})
        elif name == "qcom_xpu_assign":
            mm = re.match(r"(0x[0-9a-f]+)\+(0x[0-9a-f]+) read (0x[0-9a-f]+) write "
                          r"(0x[0-9a-f]+) -> group (-?\d+)", args)
            if mm:
                tl["xpu"].append({"t": t, "start": int(mm.group(1), 16),
                                  "size": int(mm.group(2), 16),
                                  "read": vmids(int(mm.group(3), 16)),
                                  "write": vmids(int(mm.group(4), 16))})
        elif name in ("qcom_mss_dma", "qcom_mss_segment"):
            tl["dma"].append({"t": t, "master": "MSS", "what": args})
        elif name == "qcom_scm_pas":
            tl["dma"].append({"t": t, "master": "TZ (PAS)", "what": args})
        elif name == "qcom_mss_phase":
            tl["phases"].append({"t": t, "rproc": "mss", "to": args.split(" -> ")[-1]})
        elif name == "qcom_dsp_phase":
            mm = re.match(r"(\S+): \S+ -> (\S+)", args)
            if mm:
                tl["phases"].append({"t": t, "rproc": mm.group(1), "to": mm.group(2)})
    for f in findings:
        f["t"] = clock.guest(f["h"]) if f["h"] is not None else None
        f["groups"] = held_groups(f, fills, cleans, clock)
        tl["findings"].append(f)
    return tl


def steps_of(console):
    """The init's steps with their printk times: start (the step line)
    and end (its result)."""
    steps = {}
    for line in console.splitlines():
        m = QMS_RE.match(line.strip("\r"))
        if not m:
            continue
        t, kind, n = float(m.group(1)), m.group(2), int(m.group(3))
        s = steps.setdefault(n, {"number": n, "rproc": m.group(4), "action": m.group(5),
                                 "start": t, "end": None, "result": None})
        if kind == "result":
            s.update(end=t, result=m.group(6), state=m.group(7))
    return [steps[n] for n in sorted(steps)]


def xpu_findings(rep, run):
    """The XPU findings of the run in the order they came, each with the
    host time of its QMP event and its report (rep's findings and notes,
    matched by address in order)."""
    reported = [f for f in rep.get("findings", []) + rep.get("notes", [])
                if f.get("source") == "xpu"]
    out = []
    for ev in run.get("events", []):
        if ev.get("event") != "XPU_VIOLATION":
            continue
        addr = "0x%x" % ev["data"]["address"]
        r = next((f for f in reported if f["address"] == addr), None)
        if r is None:
            continue
        reported.remove(r)
        ts = ev.get("timestamp")
        out.append({"number": len(out) + 1, "report": r,
                    "failed": r in rep.get("findings", []),
                    "h": ts["seconds"] + ts["microseconds"] / 1e6 if ts else None})
    return out


def held_groups(f, fills, cleans, clock):
    """A finding's held lines grouped by where they were filled and last
    maintained, with when (guest time): the last fill of the line's page
    by that PC, the last maintenance of the line by that instruction and
    PC, before the finding."""
    groups = {}
    before = f["h"] if f["h"] is not None else float("inf")
    for ln in f["report"].get("lines", []):
        a = int(ln["address"], 16)
        fill, maint = ln.get("fill") or {}, ln.get("last_maintenance") or {}
        fh = [h for h, pc in fills.get(a & ~0xfff, []) if h <= before and
              (not fill or pc == fill.get("pc"))]
        ch = [h for h, insn, pc in cleans.get(a, []) if h <= before and
              (not maint or (insn == maint.get("insn") and pc == maint.get("pc")))]
        key = (ln["state"].split(" ")[0], fill.get("cpu"),
               fill.get("pc_symbol") or fill.get("pc"), maint.get("insn"), maint.get("cpu"),
               maint.get("pc_symbol") or maint.get("pc"), maint.get("lr_symbol") or maint.get("lr"))
        g = groups.setdefault(key, {"state": key[0], "fill_cpu": key[1], "fill_at": key[2],
                                    "insn": key[3], "clean_cpu": key[4], "clean_at": key[5],
                                    "clean_caller": key[6], "lines": [], "filled": [],
                                    "cleaned": []})
        g["lines"].append(a)
        if fh:
            g["filled"].append(clock.guest(max(fh)))
        if ch:
            g["cleaned"].append(clock.guest(max(ch)))
    return list(groups.values())


# ---- the page -------------------------------------------------------------

CSS = """
body { font-family: DejaVu Sans, Arial, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; margin: 0 0 .3em 0; }
h2 { font-size: 1.1em; margin: 1.2em 0 .4em 0; }
.verdict { padding: .6em 1em; border-radius: 4px; color: #fff; font-weight: bold; }
.v0 { background: #2e7d32; } .v1 { background: #c62828; }
.v125 { background: #8d6e00; } .v2 { background: #555; }
table { border-collapse: collapse; font-size: .9em; }
td, th { border: 1px solid #ccc; padding: .2em .5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.fail { color: #c62828; font-weight: bold; } .pass { color: #2e7d32; }
code { font-size: .95em; }
svg text { font-family: DejaVu Sans, Arial, sans-serif; font-size: 11px; }
.note { color: #666; font-size: .9em; }
"""
COLOURS = {"HLOS": "#90caf9", "MSS_MSA": "#ffb74d", "ADSP_Q6": "#ce93d8", "CDSP": "#80cbc4",
           "SSC_Q6": "#bcaaa4", "TZ": "#e0e0e0"}


def shown(path):
    """A path as the page shows it: relative to the checkout when in it."""
    if path and os.path.abspath(path).startswith(TOP + os.sep):
        return os.path.relpath(path, TOP)
    return path


def esc(s):
    """Text for the page, with the checkout's paths relative to it."""
    return html.escape(str(s).replace(TOP + os.sep, ""), quote=True)


def html_report(rep, run, tl):
    v = rep["verdict"]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<title>check-kernel: %s</title>" % esc(LABELS[v]),
           "<style>%s</style></head><body>" % CSS,
           '<h1>check-kernel report</h1>',
           '<p id="verdict" class="verdict v%d" data-verdict="%d">%s (exit %d): %s</p>'
           % (v, v, esc(LABELS[v]), v, esc(rep.get("reason")))]
    dt = rep.get("dt") or {}
    facts = [("kernel", rep.get("init") or rep.get("kernel")), ("machine", rep.get("machine")),
             ("device tree", "%s (%s)" % (shown(dt.get("path")) or "the simulator's own",
                                          ", ".join(dt.get("compatible") or []))),
             ("run", "%s s" % rep.get("seconds", "?"))]
    out.append('<table id="facts">' + "".join(
        "<tr><th>%s</th><td>%s</td></tr>" % (esc(k), esc(val)) for k, val in facts) + "</table>")
    out.append("<h2>Timeline</h2>")
    out.append(timeline_svg(tl))
    out.append(legend())
    out.append('<p class="note">%s</p>' % esc(timeline_note(tl)))
    out.append("<h2>Steps</h2>")
    out.append(steps_table(rep, tl))
    out.append("<h2>Findings</h2>")
    out.append(findings_html(rep, tl))
    if rep.get("conditions"):
        out.append("<h2>Conditions</h2><ul id=\"conditions\">" + "".join(
            "<li>%s</li>" % esc(c) for c in rep["conditions"]) + "</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


LEGEND = (("#a5d6a7", "step (init)"), ("#fff59d", "model phase"), ("#5c6bc0", "SCM call"),
          ("#90caf9", "XPU: HLOS owns"), ("#ffb74d", "XPU: MSS_MSA owns"),
          ("#ef6c00", "DMA"), ("#42a5f5", "held lines filled"),
          ("#ab47bc", "held lines cleaned"), ("#c62828", "finding"))


def legend():
    return '<p id="legend" class="note">' + " ".join(
        '<span style="display:inline-block;width:.9em;height:.9em;background:%s;'
        'border:1px solid #666;vertical-align:middle"></span> %s&nbsp;&nbsp;' % (c, esc(w))
        for c, w in LEGEND) + "</p>"


def timeline_note(tl):
    if not tl["traced"]:
        return ("No trace of the run (the run did not start QEMU, or it left no trace): "
                "the timeline shows the init's steps only.")
    return ("Guest time in seconds, the kernel's printk clock%s. SCM calls, XPU assignments, "
            "DMA and cache events are QEMU trace events, placed on it by the host time of "
            "each and the VM's pauses." % (
                "" if tl["anchored"] else " (not anchored: no console line was traced; "
                "QEMU's virtual time instead)"))


def steps_table(rep, tl):
    times = {s["number"]: s for s in tl["steps"]}
    rows = ["<tr><th>step</th><th>remote processor</th><th>action</th><th>result</th>"
            "<th>state</th><th>guest time (s)</th></tr>"]
    for s in rep.get("steps", []):
        t = times.get(s["number"], {})
        cls = "pass" if s["result"] == "ok" else "fail"
        rows.append('<tr class="step" data-step="%d"><td>%d</td><td>%s</td><td>%s</td>'
                    '<td class="%s">%s</td><td>%s</td><td>%s</td></tr>' % (
                        s["number"], s["number"], esc(s.get("remoteproc") or s["rproc"]),
                        esc(s["action"]), cls, esc(s["result"]), esc(s["state"]),
                        esc("%.6f - %s" % (t["start"], "%.6f" % t["end"] if t.get("end")
                                           is not None else "?") if t else "")))
    return '<table id="steps">' + "".join(rows) + "</table>"


def findings_html(rep, tl):
    if not rep.get("findings"):
        return '<p id="findings" data-count="0">No finding.</p>'
    out = ['<div id="findings" data-count="%d">' % len(rep["findings"])]
    byrep = {id(f["report"]): f for f in tl["findings"]}
    for i, f in enumerate(rep["findings"], 1):
        out.append('<div class="finding" data-finding="%d"><p class="fail">Finding %d: %s</p>'
                   % (i, i, esc(describe(f))))
        tf = byrep.get(id(f))
        if f.get("cause"):
            out.append("<p>cause: %s</p>" % esc(f["cause"]))
        if tf and tf["groups"]:
            out.append('<table class="held"><tr><th>lines held</th><th>state</th>'
                       "<th>filled (guest s), where</th><th>cleaned (guest s), where</th></tr>")
            for g in tf["groups"]:
                out.append("<tr><td>%d: %s</td><td>%s</td><td>%s by cpu%s at %s</td>"
                           "<td>%s %s by cpu%s at %s, returning to %s</td></tr>" % (
                               len(g["lines"]), esc(span(g["lines"])), esc(g["state"]),
                               esc(when(g["filled"])), esc(g["fill_cpu"]), esc(g["fill_at"]),
                               esc(when(g["cleaned"])), esc(g["insn"] or "never maintained"),
                               esc(g["clean_cpu"]), esc(g["clean_at"]),
                               esc(g["clean_caller"])))
            out.append("</table>")
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def describe(f):
    s = "%s %s at %s by %s, severity %s" % (
        "XPU" if f["source"] == "xpu" else "cache", f["kind"], f["address"], f["master"],
        f.get("severity"))
    if f.get("lines"):
        s += ", %d cache line(s) held" % len(f["lines"])
    if f.get("remoteproc"):
        s += ", %s via %s" % (f["remoteproc"], f.get("path"))
    if f.get("step"):
        s += ", during step %d (%s)" % (f["step"]["number"], f["step"]["action"])
    return s


def span(addrs):
    return "0x%x-0x%x" % (min(addrs), max(addrs) + 63) if addrs else ""


def when(ts):
    if not ts:
        return "?"
    return "%.6f" % ts[0] if min(ts) == max(ts) else "%.6f-%.6f" % (min(ts), max(ts))


# The SVG: a lane per kind of event, time from left to right
LANE_H, LABEL_W, WIDTH = 22, 190, 1100


def timeline_svg(tl):
    lanes = []                  # (label, [elements]) drawn by lanes_svg

    def x(t):
        return LABEL_W + (t - t0) / (t1 - t0) * (WIDTH - LABEL_W - 10)

    ts = [s["start"] for s in tl["steps"]] + [s["end"] for s in tl["steps"] if s["end"]]
    for f in tl["findings"]:
        ts += [f["t"]] if f["t"] is not None else []
        for g in f["groups"]:
            ts += g["filled"] + g["cleaned"]
    if not ts:
        return '<svg id="timeline" width="%d" height="40"><text x="4" y="20">no timed ' \
               'event</text></svg>' % WIDTH
    t0, t1 = min(ts), max(ts)
    pad = max((t1 - t0) * 0.03, 0.001)
    t0, t1 = t0 - pad, t1 + pad

    def inside(t):
        return t0 <= t <= t1

    # steps
    els = []
    for s in tl["steps"]:
        end = s["end"] if s["end"] is not None else t1
        cls = "fail" if s["result"] not in (None, "ok") else "ok"
        els.append(rect(x(s["start"]), x(end), "#a5d6a7" if cls == "ok" else "#ef9a9a",
                        "step %d %s %s: %s" % (s["number"], s["rproc"], s["action"],
                                               s["result"] or "no result"),
                        'class="mark step" data-step="%d"' % s["number"],
                        "%d %s" % (s["number"], s["action"])))
    lanes.append(("init steps", els))
    # remote processors' phases
    for rp in sorted({p["rproc"] for p in tl["phases"]}):
        ph = [p for p in tl["phases"] if p["rproc"] == rp]
        els = []
        for i, p in enumerate(ph):
            end = ph[i + 1]["t"] if i + 1 < len(ph) else t1
            a, b = max(p["t"], t0), min(end, t1)
            if b > a and p["to"] not in ("off", "offline", "reset"):
                els.append(rect(x(a), x(b), "#fff59d", "%s: %s" % (rp, p["to"]),
                                'class="mark phase"', p["to"]))
        lanes.append(("%s model phase" % rp, els))
    # SCM calls
    els = [tick(x(c["t"]), "#5c6bc0", "SCM %s (%s) status %d at %.6f s" % (
        c["label"], c["fn"], c["status"], c["t"]), 'class="mark scm"')
        for c in tl["scm"] if inside(c["t"])]
    lanes.append(("SCM calls", els))
    # XPU ownership, per range
    for rng in sorted({(a["start"], a["size"]) for a in tl["xpu"]}):
        ch = sorted((a for a in tl["xpu"] if (a["start"], a["size"]) == rng),
                    key=lambda a: a["t"])
        els = []
        for i, a in enumerate(ch):
            end = ch[i + 1]["t"] if i + 1 < len(ch) else t1
            lo, hi = max(a["t"], t0), min(end, t1)
            if hi > lo:
                owner = a["write"]
                els.append(rect(x(lo), x(hi), COLOURS.get(owner.split("+")[-1], "#ddd"),
                                "0x%x+0x%x: read %s, write %s from %.6f s" % (
                                    rng[0], rng[1], a["read"], a["write"], a["t"]),
                                'class="mark xpu"', owner))
        if els:
            lanes.append(("XPU 0x%x+0x%x" % rng, els))
    # DMA by master
    for master in sorted({d["master"] for d in tl["dma"]}):
        els = [tick(x(d["t"]), "#ef6c00", "%s: %s at %.6f s" % (master, d["what"], d["t"]),
                    'class="mark dma"')
               for d in tl["dma"] if d["master"] == master and inside(d["t"])]
        lanes.append(("DMA %s" % master, els))
    # each finding's held lines
    for f in tl["findings"]:
        els = []
        for g in f["groups"]:
            if g["filled"]:
                els.append(rect(x(min(g["filled"])), max(x(max(g["filled"])),
                                                           x(min(g["filled"])) + 3),
                                "#42a5f5", "%d line(s) filled by cpu%s at %s, %s s" % (
                                    len(g["lines"]), g["fill_cpu"], g["fill_at"],
                                    when(g["filled"])), 'class="mark fill"', "filled"))
            if g["cleaned"]:
                els.append(rect(x(min(g["cleaned"])), max(x(max(g["cleaned"])),
                                                            x(min(g["cleaned"])) + 3),
                                "#ab47bc", "%d line(s) %s by cpu%s at %s, %s s" % (
                                    len(g["lines"]), g["insn"], g["clean_cpu"],
                                    g["clean_at"], when(g["cleaned"])),
                                'class="mark clean"', g["insn"] or ""))
        if f["t"] is not None:
            r = f["report"]
            els.append(tick(x(f["t"]), "#c62828", "finding %d: %s at %.6f s" % (
                f["number"], describe(r), f["t"]), 'class="mark finding"', width=3))
        lanes.append(("finding %d: %d lines" % (f["number"], len(f["report"].get("lines", []))),
                      els))
    return lanes_svg(lanes, t0, t1, x)


def rect(x0, x1, colour, title, attrs, label):
    w = max(x1 - x0, 1.5)
    text = ('<text x="%.1f" y="15" fill="#222">%s</text>' % (x0 + 2, esc(label))
            if label and w > 7 * len(label) else "")
    return ('<g %s><rect x="%.1f" y="3" width="%.1f" height="16" fill="%s" stroke="#666" '
            'stroke-width="0.5"><title>%s</title></rect>%s</g>'
            % (attrs, x0, w, colour, esc(title), text))


def tick(x0, colour, title, attrs, width=1.5):
    return ('<g %s><rect x="%.1f" y="1" width="%.1f" height="20" fill="%s"><title>%s</title>'
            '</rect></g>' % (attrs, x0 - width / 2, width, colour, esc(title)))


def lanes_svg(lanes, t0, t1, x):
    height = 30 + LANE_H * len(lanes)
    out = ['<svg id="timeline" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'viewBox="0 0 %d %d" data-t0="%.6f" data-t1="%.6f">' % (
               WIDTH, height, WIDTH, height, t0, t1)]
    for i, (label, els) in enumerate(lanes):
        y = i * LANE_H
        out.append('<g class="lane" data-lane="%s" transform="translate(0,%d)">' % (
            esc(label), y))
        out.append('<rect x="0" y="0" width="%d" height="%d" fill="%s"/>' % (
            WIDTH, LANE_H, "#fafafa" if i % 2 else "#ffffff"))
        out.append('<text x="4" y="15">%s</text>' % esc(label))
        out.extend(els)
        out.append("</g>")
    # the axis: about ten ticks at a round step
    y = LANE_H * len(lanes)
    step = nice_step((t1 - t0) / 10)
    t = (int(t0 / step) + 1) * step
    out.append('<g class="axis" transform="translate(0,%d)">' % y)
    out.append('<line x1="%d" y1="2" x2="%d" y2="2" stroke="#444"/>' % (LABEL_W, WIDTH - 10))
    while t < t1:
        out.append('<line x1="%.1f" y1="2" x2="%.1f" y2="7" stroke="#444"/>'
                   '<text x="%.1f" y="20" text-anchor="middle">%s</text>' % (
                       x(t), x(t), x(t), ("%.3f" % t).rstrip("0").rstrip(".")))
        t += step
    out.append('<text x="4" y="20">guest time (s)</text></g></svg>')
    return "\n".join(out)


def nice_step(raw):
    p = 10 ** int(("%e" % raw).split("e")[1])
    for m in (1, 2, 5, 10):
        if raw <= m * p:
            return m * p
    return 10 * p
