#!/usr/bin/env python3
"""Command-line behaviour: the machine is listed and described, bad input
to QEMU, configure, the kernel build and check-kernel is reported by name
with the fix."""

import json
import os
import re
import socket
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
line = [l for l in out.splitlines() if l.split()[:1] == ["db845c"]]
tap.check(rc == 0 and len(line) == 1 and "DragonBoard 845c (Qualcomm SDM845)" in line[0],
          "-M help lists db845c, saying what board it is", out)

rc, out = run([qms.QEMU, "-M", "db845c,help"])
tap.check(rc == 0 and "db845c-machine options:" in out and "dumpdtb=" in out and
          all(re.search(r"^  %s=<bool> +- \S" % p, out, re.M)
              for p in ("xpu", "dcache", "metadata")),
          "-M db845c,help lists the machine's properties with descriptions", out)

rc, out = run([qms.QEMU, "-M", "db845c", "-m", "512M", "-display", "none"])
tap.check(rc == 1 and "DRAM of 512 MiB is outside the supported range 1024..8192 MiB" in out
          and "Segmentation" not in out and "Abort" not in out,
          "-m below what the map needs is a clear error, exit 1", out)

rc, out = run([qms.QEMU, "-M", "db845c", "-smp", "9", "-display", "none"])
tap.check(rc == 1 and "max CPUs supported by machine 'db845c' is 8" in out,
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
        (["-M", "db845c,xpu=maybe"], "Parameter 'xpu' expects 'on' or 'off'",
         "a machine xpu value other than on/off"),
        (["-M", "db845c", "-global", "qcom-xpu.num-groups=0"],
         "num-groups 0 is outside 1..256", "XPU num-groups 0"),
        (["-M", "db845c", "-global", "qcom-xpu.num-groups=257"],
         "num-groups 257 is outside 1..256", "XPU num-groups 257"),
        (["-M", "db845c", "-global", "qcom-xpu.action=reboot"],
         "action 'reboot' is not one of crash, stop, log", "an unknown XPU action"),
        (["-M", "db845c", "-global", "qcom-xpu.unspecified-master=gpu"],
         "unspecified-master 'gpu' is not one of", "an unknown XPU master"),
        # TrustZone passes unchecked: "debug" already says so
        (["-M", "db845c", "-global", "qcom-xpu.unspecified-master=tz"],
         "unspecified-master 'tz' is not one of debug, apps, mss, adsp, cdsp, slpi",
         "TrustZone as the XPU's unspecified master")):
    rc, out = run([qms.QEMU, "-display", "none"] + opt)
    tap.check(rc == 1 and msg in out and "Abort" not in out,
              "%s is refused with exit 1" % desc, out)

# scripts/check-kernel: bad usage exits 2 with the usage; what cannot be
# tested exits 125 (git bisect's "skip") and still writes its reports
check = os.path.join(qms.TOP, "scripts", "check-kernel")
for args, msg, desc in (
        ([], "one of --kernel or --kernel-tree is required", "without --kernel"),
        (["--kernel-tree", "/nonexistent"], "--kernel-tree /nonexistent is not a directory",
         "with a --kernel-tree that is no directory"),
        (["--kernel", "x", "--modules", "/nonexistent"],
         "--modules /nonexistent is not a directory", "with a --modules that is no directory"),
        (["--kernel", "x", "--board", "sdm660"], "argument --board: invalid choice",
         "with an unknown --board"),
        (["--kernel", "x", "--machine-opt", "metadata"], "--machine-opt wants KEY=VALUE",
         "with a --machine-opt that is not KEY=VALUE"),
        (["--kernel", "x", "--global", "speculation=strict"], "--global wants DRIVER.PROP=VALUE",
         "with a --global without a driver"),
        (["--kernel", "x", "--timeout", "0"], "--timeout must be positive", "with --timeout 0"),
        (["--kernel", "x", "--gdb", "70000"], "--gdb wants a TCP port 1..65535",
         "with a --gdb port out of range"),
        (["--kernel", "x", "--gdb", "ssh"], "argument --gdb: invalid int value",
         "with a --gdb that is no port"),
        (["--replay", "/nonexistent"], "--replay /nonexistent: no recording there",
         "with a --replay of no recording"),
        (["--kernel", "x", "--record", qms.TOP], "the directory is not empty",
         "with a --record into a directory that is not empty"),
        (["--kernel", "x", "--record", "/nonexistent/rec", "--smp", "4"],
         "--record runs one CPU", "with --record and --smp 4"),
        (["--kernel", "x", "--machine-opt", "xpu=off"], "xpu=off switches off the XPU",
         "with an option that switches an oracle off"),
        (["--kernel", "x", "--global", "cpu-dcache.coherency=report"],
         "refused: --control for a control run", "with the cache model's coherency off"),
        (["--kernel", "x", "--append", "a\nb"], "--append wants one line",
         "with an --append of two lines"),
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
    tap.check(rc == 2 and "BAD INPUT" in out and "metadata" in out,
              "check-kernel with a machine option QEMU refuses exits 2 with QEMU's message",
              out)
    # Device trees: what check-kernel refuses, and what it cannot test
    image = os.path.join(qms.GUEST, "linux-stock", "Image")
    dtb = os.path.join(qms.GUEST, "linux-stock", "arch", "arm64", "boot", "dts", "qcom",
                       "sdm845-db845c.dtb")
    other = os.path.join(tmp, "sm8550.dtb")
    subprocess.run(["dtc", "-I", "dts", "-O", "dtb", "-o", other, "-"], check=True, input=(
        b'/dts-v1/; / { compatible = "qcom,sm8550-qrd", "qcom,sm8550"; '
        b'#address-cells = <2>; #size-cells = <2>; };'))
    rc, out = run([check, "--kernel", image, "--dtb", other])
    tap.check(rc == 2 and "BAD INPUT" in out and '"qcom,sm8550" names no board' in out and
              'db845c for "qcom,sdm845"' in out and 'rb5 for "qcom,sm8250"' in out,
              "check-kernel on a DTB of a board not modelled exits 2 with the boards", out)
    # RB5 DTs without a DSP to drive: nothing to test (125), before QEMU runs
    bare = os.path.join(tmp, "rb5-bare.dtb")
    subprocess.run(["dtc", "-I", "dts", "-O", "dtb", "-o", bare, "-"], check=True, input=(
        b'/dts-v1/; / { compatible = "qcom,qrb5165-rb5", "qcom,sm8250"; '
        b'#address-cells = <2>; #size-cells = <2>; };'))
    rc, out = run([check, "--kernel", image, "--dtb", bare])
    tap.check(rc == 125 and "has no remote processor node (qcom,sm8250-adsp-pas" in out,
              "check-kernel on an RB5 DTB without DSP nodes exits 125 and says so", out)
    rb5 = os.path.join(qms.GUEST, "linux-stock", "arch", "arm64", "boot", "dts", "qcom",
                       "qrb5165-rb5.dtb")
    off = os.path.join(tmp, "rb5-dsps-off.dtb")
    with open(rb5, "rb") as f, open(off, "wb") as g:
        g.write(f.read())
    for node in ("/soc@0/remoteproc@17300000", "/soc@0/remoteproc@8300000"):
        subprocess.run(["fdtput", "-t", "s", off, node, "status", "disabled"], check=True)
    rc, out = run([check, "--kernel", image, "--dtb", off])
    tap.check(rc == 125 and "adsp node /soc@0/remoteproc@17300000 is disabled" in out and
              "cdsp node /soc@0/remoteproc@8300000 is disabled" in out and
              "slpi node /soc@0/remoteproc@5c00000 is disabled" in out,
              "check-kernel on an RB5 DTB whose DSPs are all disabled exits 125, naming each",
              out)
    with open(dtb, "rb") as f:
        blob = f.read()
    for name, data, msg in (("garbage", b"\x12\x34" * 512, "not a DTB"),
                            ("truncated", blob[:4096], "the file has 4096"),
                            ("bad-struct", blob[:40] + b"\xff" * (len(blob) - 40),
                             "unknown token 0xffffffff")):
        bad = os.path.join(tmp, name + ".dtb")
        with open(bad, "wb") as f:
            f.write(data)
        rc, out = run([check, "--kernel", image, "--dtb", bad])
        tap.check(rc == 2 and "is not a usable device tree" in out and msg in out,
                  "check-kernel on a %s DTB exits 2 and says what is wrong" % name, out)
    rc, out = run([check, "--kernel", image, "--dtb", os.path.join(tmp, "none.dtb")])
    tap.check(rc == 2 and "names no file" in out,
              "check-kernel with a --dtb that names no file exits 2", out)
    off = os.path.join(tmp, "modem-off.dtb")
    with open(off, "wb") as f:
        f.write(blob)
    subprocess.run(["fdtput", "-t", "s", off, "/soc@0/remoteproc@4080000", "status",
                    "disabled"], check=True)
    rc, out = run([check, "--kernel", image, "--dtb", off])
    tap.check(rc == 125 and "modem node /soc@0/remoteproc@4080000 is disabled" in out,
              "check-kernel on a DTB whose modem node is disabled exits 125 and says so", out)
    rc, out = run([check, "--kernel", image, "--dtb", dtb, "--machine-opt", "metadata=on"])
    tap.check(rc == 2 and "with -dtb the device tree decides" in out,
              "metadata=on with --dtb is refused with exit 2", out)
    tree = os.path.join(tmp, "tree")
    os.makedirs(os.path.join(tree, "arch", "arm64", "boot"))
    rc, out = run([check, "--kernel-tree", tree])
    tap.check(rc == 125 and "the tree has no built Image" in out,
              "check-kernel on a tree that built no Image exits 125 (bisect: skip)", out)
    os.symlink(image, os.path.join(tree, "arch", "arm64", "boot", "Image"))
    os.makedirs(os.path.join(tree, "arch", "arm64", "boot", "dts", "qcom"))
    with open(os.path.join(tree, "arch", "arm64", "boot", "dts", "qcom",
                           "sdm845-db845c.dtb"), "wb") as f:
        f.write(b"\x12\x34" * 512)
    rc, out = run([check, "--kernel-tree", tree])
    tap.check(rc == 125 and "is not a usable device tree" in out,
              "a corrupt DTB the tree built is a commit to skip (125), not bad input", out)
    rc, out = run([check, "--kernel", os.path.join(qms.GUEST, "linux-stock", "Image"),
                   "--qemu", os.path.join(tmp, "no-qemu")])
    tap.check(rc == 125 and "QEMU missing" in out,
              "check-kernel without QEMU exits 125 and says so", out)

# --gdb on a port something else listens on: said before QEMU starts
with socket.socket() as busy:
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    port = busy.getsockname()[1]
    rc, out = run([check, "--kernel", "x", "--gdb", str(port)])
tap.check(rc == 2 and "--gdb %d: the port is not free" % port in out and
          "usage: check-kernel" in out,
          "check-kernel --gdb on a port in use exits 2 with its usage", out)

tap.done()
