#!/usr/bin/env python3
"""Command-line behaviour: the machine is listed and described, bad input
to QEMU, configure, the kernel build and check-kernel is reported by name
with the fix."""

import json
import os
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "guest"))
import qms  # noqa: E402

tap = qms.Tap()


def run(args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, env=e, timeout=60)
    return p.returncode, p.stdout.decode(errors="replace")


rc, out = run([qms.QEMU, "-M", "help"])
line = [l for l in out.splitlines() if l.split()[:1] == ["qcom-sm8250"]]
tap.check(rc == 0 and len(line) == 1 and "Qualcomm SM8250" in line[0],
          "-M help lists qcom-sm8250 with a description", out)

rc, out = run([qms.QEMU, "-M", "qcom-sm8250,help"])
tap.check(rc == 0 and "qcom-sm8250-machine options:" in out and "dumpdtb=" in out,
          "-M qcom-sm8250,help lists the machine's properties", out)

rc, out = run([qms.QEMU, "-M", "qcom-sm8250", "-m", "512M", "-display", "none"])
tap.check(rc == 1 and "-m 512M is outside the supported range 1024M..8192M" in out
          and "Segmentation" not in out and "Abort" not in out,
          "-m below what the map needs is a clear error, exit 1", out)

rc, out = run([qms.QEMU, "-M", "qcom-sm8250", "-smp", "9", "-display", "none"])
tap.check(rc == 1 and "max CPUs supported by machine 'qcom-sm8250' is 8" in out,
          "-smp above 8 CPUs is refused", out)

configure = os.path.join(qms.TOP, "configure")
rc, out = run([configure, "--qemu-src", "/nonexistent"])
tap.check(rc == 1 and "--qemu-src '/nonexistent' is not a directory" in out,
          "configure --qemu-src /nonexistent names the problem", out)

rc, out = run([configure, "--no-such-option"])
tap.check(rc == 2 and "unknown option '--no-such-option'" in out and "Usage:" in out,
          "configure with an unknown option exits 2 with its usage", out)

rc, out = run([configure, "--help"])
tap.check(rc == 0 and all(o in out for o in ("--qemu-src", "--cache-dir", "--build-dir")),
          "configure --help documents every option", out)

rc, out = run([os.path.join(qms.TOP, "guest", "build-kernel")],
              env={"CROSS_COMPILE": "no-such-prefix-"})
tap.check(rc == 1 and "no-such-prefix-gcc not found" in out and "gcc-aarch64-linux-gnu" in out,
          "a missing cross compiler is named with the package to install", out)

rc, out = run([os.path.join(qms.TOP, "guest", "build-kernel"), "no-such-variant"])
tap.check(rc == 1 and "unknown variant 'no-such-variant'" in out and "stock" in out,
          "an unknown kernel variant is refused with the list of variants", out)
for opt, msg, desc in (
        (["-M", "qcom-sm8250,xpu=maybe"], "xpu", "a machine xpu value other than on/off"),
        (["-M", "qcom-sm8250", "-global", "qcom-xpu.num-groups=0"],
         "num-groups 0 is outside 1..256", "XPU num-groups 0"),
        (["-M", "qcom-sm8250", "-global", "qcom-xpu.num-groups=257"],
         "num-groups 257 is outside 1..256", "XPU num-groups 257"),
        (["-M", "qcom-sm8250", "-global", "qcom-xpu.action=reboot"],
         "action 'reboot' is not one of crash, stop, log", "an unknown XPU action"),
        (["-M", "qcom-sm8250", "-global", "qcom-xpu.unspecified-master=gpu"],
         "unspecified-master 'gpu' is not one of", "an unknown XPU master")):
    rc, out = run([qms.QEMU, "-display", "none"] + opt)
    tap.check(rc == 1 and msg in out and "Abort" not in out,
              "%s is refused with exit 1" % desc, out)

# scripts/check-kernel: bad usage exits 2 with the usage; what cannot be
# tested exits 125 (git bisect's "skip") and still writes its reports
check = os.path.join(qms.TOP, "scripts", "check-kernel")
for args, msg, desc in (
        ([], "the following arguments are required: --kernel", "without --kernel"),
        (["--kernel", "x", "--machine-opt", "metadata"], "--machine-opt wants KEY=VALUE",
         "with a --machine-opt that is not KEY=VALUE"),
        (["--kernel", "x", "--global", "speculation=strict"], "--global wants DRIVER.PROP=VALUE",
         "with a --global without a driver"),
        (["--kernel", "x", "--timeout", "0"], "--timeout must be positive", "with --timeout 0"),
        (["--kernel", "x", "--no-such-option"], "unrecognized arguments", "with an unknown option")):
    rc, out = run([check] + args)
    tap.check(rc == 2 and msg in out and "usage: check-kernel" in out,
              "check-kernel %s exits 2 with its usage" % desc, out)
with tempfile.TemporaryDirectory() as tmp:
    js, xml = os.path.join(tmp, "r.json"), os.path.join(tmp, "r.xml")
    rc, out = run([check, "--kernel", os.path.join(tmp, "no-Image"), "--json", js,
                   "--junit", xml])
    try:
        rep = json.load(open(js))
        suite = ET.parse(xml).getroot()
    except (OSError, ValueError, ET.ParseError) as e:
        rep, suite = {}, None
        out += "\n%s" % e
    tap.check(rc == 125 and "CANNOT TEST" in out and "no-Image" in out and
              rep.get("verdict") == 125 and suite is not None and
              suite.get("errors") == "1",
              "check-kernel on a missing kernel exits 125, with JSON and JUnit", out)
    rc, out = run([check, "--kernel", os.path.join(qms.TOP, "README.md")])
    tap.check(rc == 125 and "is not an arm64 kernel Image" in out,
              "check-kernel on a file that is no kernel exits 125 at once", out)
    big = os.path.join(tmp, "Image")
    with open(big, "wb") as f:      # an Image header asking for 512 MiB
        f.write(struct.pack("<IIQQ", 0, 0, 0, 512 << 20).ljust(56, b"\0") + b"ARM\x64")
    rc, out = run([check, "--kernel", big])
    tap.check(rc == 125 and "past the first carve-out" in out,
              "check-kernel on an Image too large for the map exits 125 at once", out)
    rc, out = run([check, "--kernel", os.path.join(qms.GUEST, "linux-stock", "Image"),
                   "--machine-opt", "metadata=maybe"])
    tap.check(rc == 2 and "BAD OPTIONS" in out and "metadata" in out,
              "check-kernel with a machine option QEMU refuses exits 2 with QEMU's message",
              out)
    rc, out = run([check, "--kernel", os.path.join(qms.GUEST, "linux-stock", "Image"),
                   "--qemu", os.path.join(tmp, "no-qemu")])
    tap.check(rc == 125 and "QEMU missing" in out,
              "check-kernel without QEMU exits 125 and says so", out)

tap.done()
