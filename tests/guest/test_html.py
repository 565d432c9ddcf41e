#!/usr/bin/env python3
"""check-kernel --html in a browser: the report of a real run of the
clean-only kernel (and of the stock one), rendered by Debian's headless
Chromium. A screenshot (its pixels must hold the verdict's red and the
timeline's fills, cleans and finding), and the page's elements as
Chromium laid them out: a script added to a copy of the page measures
them and Chromium's --dump-dom brings the numbers back. The same runs'
--results-json and --kcidb agree with check-kernel's exit status.

  test_html.py [--save-screenshot PNG]   (docs/images/: the docs' image)"""

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qms  # noqa: E402

sys.path.insert(0, os.path.join(qms.TOP, "scripts"))
import qms_results  # noqa: E402

CHECK_KERNEL = os.path.join(qms.TOP, "scripts", "check-kernel")
WINDOW = (1200, 1400)
# What the script added to the copy measures: the verdict, the lanes with
# their marks' boxes, the SVG's box, the tables, what the page loads
MEASURE = """
<script>
(function () {
  const box = e => { const r = e.getBoundingClientRect();
                     return [r.left, r.top, r.right, r.bottom]; };
  const svg = document.getElementById('timeline');
  const v = document.getElementById('verdict');
  const out = {
    verdict: v && v.dataset.verdict, verdictText: v && v.textContent,
    verdictBox: v && box(v), svg: svg && box(svg),
    lanes: Array.from(document.querySelectorAll('#timeline g.lane')).map(l => ({
      name: l.dataset.lane,
      marks: Array.from(l.querySelectorAll('g.mark')).map(m => ({
        kind: m.getAttribute('class').replace('mark ', ''), box: box(m)}))})),
    steps: document.querySelectorAll('#steps tr.step').length,
    findings: document.querySelectorAll('#findings .finding').length,
    held: document.querySelectorAll('#findings table.held').length,
    external: document.querySelectorAll('[src], link[href]').length,
  };
  const pre = document.createElement('pre');
  pre.id = 'measured';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser(args, timeout=120):
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--hide-scrollbars", "--window-size=%d,%d" % WINDOW] + args,
                          capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def run_check_kernel(tmp, variant):
    out = {k: os.path.join(tmp, "%s.%s" % (variant, k))
           for k in ("html", "results.json", "kcidb.json")}
    r = subprocess.run([CHECK_KERNEL, "--kernel-tree", os.path.join(qms.GUEST, "linux-" + variant),
                        "--html", out["html"], "--results-json", out["results.json"],
                        "--kcidb", out["kcidb.json"]], capture_output=True, text=True,
                       timeout=600)
    return r, out


def measure(tmp, page):
    """The page as Chromium lays it out (MEASURE's numbers)."""
    copy = os.path.join(tmp, "measure.html")
    with open(page) as f:
        text = f.read()
    with open(copy, "w") as f:
        f.write(text.replace("</body>", MEASURE + "</body>"))
    r = browser(["--virtual-time-budget=2000", "--dump-dom", "file://" + copy])
    m = re.search(r'<pre id="measured">(.*?)</pre>', r.stdout, re.S)
    if not m:
        return None, r.stderr[-2000:]
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&")
                      .replace("&lt;", "<").replace("&gt;", ">")), ""


def png_pixels(path):
    """(width, height, set of RGB colours) of an 8-bit RGB(A) PNG, as
    Chromium writes its screenshots."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError("PNG of depth %d, colour type %d" % (depth, ctype))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride = zlib.decompress(idat), w * bpp
    prev, colours, i = bytearray(stride), set(), 0
    for _ in range(h):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        colours.update(bytes(line[x:x + 3]) for x in range(0, stride, bpp))
        prev = line
    return w, h, colours


def rgb(hexcolour):
    return bytes.fromhex(hexcolour.lstrip("#"))


def inside(b, outer):
    return b[0] >= outer[0] - 0.5 and b[2] <= outer[2] + 0.5 and \
        b[1] >= outer[1] - 0.5 and b[3] <= outer[3] + 0.5


def check_reports(t, r, out, want):
    """--results-json and --kcidb of the run agree with its exit status."""
    try:
        res = json.load(open(out["results.json"]))
        data = json.load(open(out["kcidb.json"]))
        qms_results.validate_kcidb(data)
        err = ""
    except (OSError, ValueError) as e:
        res, data, err = {}, {"tests": []}, str(e)
    fails = [c for s in res.values() for c, v in s.items() if v["result"] == "fail"]
    verdict = res.get("check-kernel", {}).get("verdict", {})
    st = {x["path"]: x["status"] for x in data["tests"]}
    t.check(not err and r.returncode == want and verdict.get("exit_code") == want and
            bool(fails) == (want == 1) and
            st.get("qcom_mss_sim.check_kernel.verdict") == ("FAIL" if want else "PASS"),
            "the run's exit status %d, its results.json (%d failing case(s)) and its valid "
            "KCIDB agree" % (want, len(fails)), err + r.stdout[-1500:] + json.dumps(res)[:1500])


def check_clean_only(t, tmp, save):
    r, out = run_check_kernel(tmp, "clean-only")
    if not t.check(r.returncode == 1 and os.path.isfile(out["html"]),
                   "check-kernel --html of clean-only exits 1 and writes the page",
                   r.stdout[-3000:] + r.stderr[-2000:]):
        return
    check_reports(t, r, out, 1)
    png = os.path.join(qms.BUILD, "test-logs", "check-kernel-report-clean-only.png")
    os.makedirs(os.path.dirname(png), exist_ok=True)
    if os.path.exists(png):
        os.unlink(png)
    s = browser(["--screenshot=" + png, "file://" + out["html"]])
    try:
        w, h, colours = png_pixels(png)
        err = ""
    except (OSError, ValueError, zlib.error) as e:
        w, h, colours, err = 0, 0, set(), "%s\n%s" % (e, s.stderr[-1500:])
    want = {"the FAIL banner": "#c62828", "a fill": "#42a5f5", "a clean": "#ab47bc",
            "MSS_MSA's ownership": "#ffb74d", "HLOS's ownership": "#90caf9"}
    missing = [k for k, c in want.items() if rgb(c) not in colours]
    t.check((w, h) == WINDOW and not missing,
            "Chromium's screenshot (%s) shows %s" % (os.path.relpath(png, qms.TOP),
                                                    ", ".join(want)),
            err or "%dx%d; missing: %s" % (w, h, ", ".join(missing)))
    if save and not err:
        shutil.copyfile(png, save)
        print("# screenshot saved to %s" % save)
    m, err = measure(tmp, out["html"])
    if not t.check(m is not None, "Chromium lays the page out and runs the measuring script",
                   err):
        return
    t.check(m["verdict"] == "1" and m["verdictText"].startswith("FAIL (exit 1)") and
            m["verdictBox"][1] < 200,
            "the verdict, FAIL (exit 1), is at the top of the page", json.dumps(m)[:1000])
    lanes = {lane["name"]: lane["marks"] for lane in m["lanes"]}
    need = ["init steps", "SCM calls", "XPU 0xfbcc0000+0x2000", "DMA MSS", "finding 1: 128 lines"]
    t.check(all(n in lanes for n in need) and
            all(inside(mk["box"], m["svg"]) for marks in lanes.values() for mk in marks),
            "the timeline has lanes for the steps, SCM calls, the metadata's XPU "
            "ownership, the modem's DMA and the finding, every mark inside the SVG",
            json.dumps(m["lanes"])[:3000])
    kinds = {lane: [mk["kind"] for mk in marks] for lane, marks in lanes.items()}
    scm = kinds.get("SCM calls", [])
    t.check(len(scm) >= 2 and set(scm) == {"scm"} and
            len(kinds.get("XPU 0xfbcc0000+0x2000", [])) >= 2,
            "SCM calls and the metadata's changes of owner are drawn", json.dumps(kinds)[:2000])
    bad = []
    for name, marks in lanes.items():
        if not name.startswith("finding "):
            continue
        x = {k: [mk["box"][0] for mk in marks if mk["kind"] == k]
             for k in ("fill", "clean", "finding")}
        if not (x["fill"] and x["clean"] and len(x["finding"]) == 1 and
                max(x["fill"]) <= min(x["clean"]) <= x["finding"][0]):
            bad.append((name, x))
    t.check(not bad and m["findings"] == 2 and m["held"] == 2,
            "each finding's lane shows its held lines filled, then cleaned, then the "
            "finding, in that order on guest time; a table of held lines each",
            repr(bad) + json.dumps(m)[:1500])
    t.check(m["steps"] == 3 and m["external"] == 0,
            "the steps table has the three steps; the page loads nothing from outside",
            json.dumps(m)[:1500])


def check_stock(t, tmp):
    r, out = run_check_kernel(tmp, "stock")
    if not t.check(r.returncode == 0 and os.path.isfile(out["html"]),
                   "check-kernel --html of stock exits 0 and writes the page",
                   r.stdout[-3000:] + r.stderr[-2000:]):
        return
    check_reports(t, r, out, 0)
    m, err = measure(tmp, out["html"])
    if not t.check(m is not None, "Chromium lays the stock page out", err):
        return
    names = [lane["name"] for lane in m["lanes"]]
    t.check(m["verdict"] == "0" and m["verdictText"].startswith("PASS (exit 0)") and
            m["findings"] == 0 and not any(n.startswith("finding") for n in names) and
            m["steps"] == 3 and "init steps" in names,
            "the stock page says PASS (exit 0), its three steps and no finding",
            json.dumps(m)[:2000])


def main():
    save = None
    if sys.argv[1:2] == ["--save-screenshot"] and len(sys.argv) == 3:
        save = sys.argv[2]
    elif sys.argv[1:]:
        print("usage: test_html.py [--save-screenshot PNG]", file=sys.stderr)
        sys.exit(2)
    t = qms.Tap()
    missing = [w for w, ok in (("chromium (scripts/setup-host)", chromium()),
                               ("the guest kernels (make kernel)",
                                os.path.isdir(os.path.join(qms.GUEST, "linux-clean-only"))),
                               ("QEMU (make)", os.path.isfile(qms.QEMU))) if not ok]
    if not t.check(not missing, "what the HTML report's test needs is there",
                   "missing: " + ", ".join(missing)):
        t.done()
    tmp = tempfile.mkdtemp(prefix="qms-html-")
    try:
        check_clean_only(t, tmp, save)
        check_stock(t, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    t.done()


if __name__ == "__main__":
    main()
