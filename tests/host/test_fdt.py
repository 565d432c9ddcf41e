#!/usr/bin/env python3
"""scripts/fdt.py, the DTB reader of check-kernel: it reads the kernel
tree's DragonBoard 845c DTB as dtc does, reports each kind of damage as
FdtError with what is wrong, and never fails otherwise: 4000 seeded
mutations of the DTB (bit flips, overwritten words, truncations, damaged
header fields) each parse or raise FdtError, in bounded time."""

import os
import random
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "guest"))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "scripts"))
import fdt  # noqa: E402
import qms  # noqa: E402

tap = qms.Tap()
DTB = os.path.join(qms.GUEST, "linux-stock", "arch", "arm64", "boot", "dts", "qcom",
                   "sdm845-db845c.dtb")
with open(DTB, "rb") as f:
    blob = f.read()

# What dtc reads in the same DTB
dts = subprocess.run(["dtc", "-I", "dtb", "-O", "dts", DTB], capture_output=True,
                     text=True).stdout
tree = fdt.Fdt(blob)
nodes = list(tree.root.walk())
tap.check(len(nodes) == dts.count("{\n") and tree.root.strings("compatible") ==
          ["thundercomm,db845c", "qcom,sdm845"],
          "reads as many nodes as dtc (%d) and the root compatible" % len(nodes))
modem = tree.compatible("qcom,sdm845-mss-pil")
regions = fdt.memory_regions(tree, modem[0]) if modem else {}
tap.check(modem and modem[0].path == "/soc@0/remoteproc@4080000" and modem[0].enabled() and
          modem[0].strings("firmware-name") == ["qcom/sdm845/mba.mbn", "qcom/sdm845/modem.mbn"]
          and (regions["mba"].base, regions["mba"].size) == (0x96500000, 0x200000) and
          (regions["mpss"].base, regions["mpss"].size) == (0x8e000000, 0x7800000) and
          regions["mpss"].no_map,
          "the modem node: path, status, firmware names, memory regions by phandle")
dyn = fdt.Fdt(subprocess.run(
    ["dtc", "-I", "dts", "-O", "dtb", "-"], check=True, capture_output=True, input=(
        b"/dts-v1/; / { #address-cells = <2>; #size-cells = <2>; reserved-memory {"
        b"#address-cells = <2>; #size-cells = <2>; ranges; md: m { size = <0 0x4000>;"
        b"alloc-ranges = <0 0xa0000000 0 0x20000000>; no-map; }; };"
        b"r { memory-region = <&md>; status = \"disabled\"; }; };")).stdout)
r = fdt.memory_regions(dyn, dyn.node("/r"), ("metadata",))
tap.check(r["metadata"].describe() == "m dynamic 0x4000 in 0xa0000000..0xbfffffff (no-map)"
          and not dyn.node("/r").enabled(),
          "a dynamic region (size, alloc-ranges) and a disabled node")


def dtb(source):
    return subprocess.run(["dtc", "-I", "dts", "-O", "dtb", "-"], check=True,
                          capture_output=True, input=source).stdout


# cell counts no DT has: empty, or more than 4 address / 2 size cells
for cells, msg in ((b"#address-cells;", "#address-cells is empty"),
                   (b"#size-cells = <7>;", "#size-cells is 7")):
    t = fdt.Fdt(dtb(b"/dts-v1/; / { #address-cells = <2>; #size-cells = <2>; "
                    b"reserved-memory { " + cells + b" r { reg = <0 0x80000000 0 0x1000>; }; "
                    b"}; };"))
    try:
        fdt.reserved_regions(t)
        err = None
    except fdt.FdtError as e:
        err = str(e)
    except Exception as e:      # what the reader must never do
        err = "not an FdtError: %r" % e
    tap.check(err is not None and msg in err, "bad cell counts are refused: %s" % msg,
              repr(err))


def damaged(data, what):
    try:
        fdt.Fdt(data)
        return None
    except fdt.FdtError as e:
        return str(e)


hdr = bytearray(blob)
cases = [
    (b"", "too short"),
    (blob[:4096], "the file has 4096"),
    (b"\0" * 64, "not a DTB"),
    (bytes(hdr[:20]) + struct.pack(">I", 15) + bytes(hdr[24:]), "older than 16"),
    (bytes(hdr[:8]) + struct.pack(">I", 0x7fffffff) + bytes(hdr[12:]), "outside the DTB"),
    (bytes(hdr[:36]) + struct.pack(">I", len(blob)) + bytes(hdr[40:]), "outside the DTB"),
]
off_struct = struct.unpack_from(">I", blob, 8)[0]
cases.append((blob[:off_struct] + struct.pack(">I", 7) + blob[off_struct + 4:],
              "unknown token 0x7"))
cases.append((blob[:off_struct] + struct.pack(">I", 2) + blob[off_struct + 4:],
              "END_NODE without a node"))
for data, msg in cases:
    err = damaged(data, msg)
    tap.check(err is not None and msg in err, "a damaged DTB is refused: %s" % msg,
              repr(err))

# Seeded mutations: only FdtError, never another exception or a hang
rng = random.Random(1)
others, errors, ok, t0 = [], 0, 0, time.monotonic()
for i in range(4000):
    data = bytearray(blob)
    kind = i % 4
    if kind == 0:
        for _ in range(rng.randint(1, 8)):
            p = rng.randrange(len(data))
            data[p] ^= 1 << rng.randrange(8)
    elif kind == 1:
        p = rng.randrange(len(data) - 4) & ~3
        data[p:p + 4] = struct.pack(">I", rng.choice((0, 1, 2, 3, 4, 9, 0xffffffff,
                                                      rng.getrandbits(32))))
    elif kind == 2:
        data = data[:rng.randrange(len(data))]
    else:
        p = rng.randrange(10) * 4
        data[p:p + 4] = struct.pack(">I", rng.getrandbits(32))
    try:
        t = fdt.Fdt(bytes(data))
        for n in t.root.walk():
            n.strings("compatible")
            if "reg" in n.props and n.parent:
                try:
                    t.regs(n)
                except fdt.FdtError:
                    pass
        # what check-kernel reads
        try:
            fdt.reserved_regions(t)
            for m in t.compatible("qcom,sdm845-mss-pil"):
                fdt.memory_regions(t, m)
        except fdt.FdtError:
            pass
        ok += 1
    except fdt.FdtError:
        errors += 1
    except Exception as e:      # what the reader must never do
        others.append("%d: %r" % (i, e))
secs = time.monotonic() - t0
tap.check(not others, "4000 mutations: %d parsed, %d refused with FdtError, no other "
          "exception" % (ok, errors), "\n".join(others[:10]))
tap.check(secs < 90, "the mutations took %.1f s (bounded)" % secs)
tap.done()
