#!/usr/bin/env python3
"""Cost of the CPU data-cache model, model on (the default, capacity
8 MiB) versus off, each configuration interleaved with the other: the
Linux 6.1 boot to power-off on db845c; a cacheable memcpy loop
(bench-memcpy-cached.elf: MMU and caches on, 64 MiB copied 4 times);
and a guest that touches gigabytes: bench-memtouch-*.elf writes 1 GiB
twice and reads it back (or 4 GiB with -m 8G), bare-metal, so that the
figure is the model's cost per page and little else; linux-memtouch.c
does the same with 1 GiB as the init of Linux 6.1, under the kernel's
page faults and clear_page(). Wall and CPU time and QEMU's peak RSS,
with their ratios (and the user time alone). Goals: boot at most 1.2x; the gigabyte guest at most
1.3x in time and 1.1x in memory plus the capacity.

  bench/dcache_overhead.py [--runs N] [--only boot,memcpy,touch1g,linux1g,touch4g]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import benchlib

qms = benchlib.qms
BM = os.path.join(qms.GUEST, "baremetal")
ON_OFF = ("dcache=on", "dcache=off")


def passed(r):
    return r.returncode == 0 and r.lines("bm: PASS") == [""]


def baremetal(title, elf, runs, extra=(), timeout=300):
    print("# " + title)
    return benchlib.compare({x: ["-M", "db845c," + x, "-smp", "1", "-kernel",
                                 os.path.join(BM, elf)] + list(extra) for x in ON_OFF},
                            "dcache=off", runs, passed, timeout=timeout)


def linux_memtouch(runs):
    """bench/linux-memtouch.c as the init of a Linux 6.1 guest, alone in
    its initramfs (executable, which guest/mkinitramfs's extras are not)"""
    d = tempfile.mkdtemp(prefix="qms-memtouch-")
    exe = os.path.join(d, "memtouch")
    subprocess.run(["aarch64-linux-gnu-gcc", "-static", "-O2", "-Wall", "-Werror", "-o", exe,
                    os.path.join(os.path.dirname(__file__), "linux-memtouch.c")], check=True)
    lst, initrd = os.path.join(d, "list"), os.path.join(d, "initrd.cpio")
    with open(lst, "w") as f:
        f.write("dir /dev 0755 0 0\nnod /dev/console 0600 0 0 c 5 1\n"
                "file /memtouch %s 0755 0 0\n" % exe)
    with open(initrd, "wb") as f:
        subprocess.run([os.path.join(qms.GUEST, "gen_init_cpio"), "-t", "0", lst],
                       stdout=f, check=True)
    kernel = qms.kernel_args("stock", initrd, append="rdinit=/memtouch")
    try:
        print("# Linux 6.1, an init that mallocs 1 GiB, writes it twice and reads it back")
        return benchlib.compare({x: ["-M", "db845c," + x] + kernel for x in ON_OFF},
                                "dcache=off", runs,
                                lambda r: r.returncode == 0 and "memtouch: PASS" in r.output,
                                timeout=600)
    finally:
        shutil.rmtree(d, True)


def boot(runs):
    initrd = qms.make_initramfs()
    kernel = qms.kernel_args("stock", initrd)
    try:
        print("# Linux 6.1 boot to power-off")
        return benchlib.compare({x: ["-M", "db845c," + x] + kernel for x in ON_OFF},
                                "dcache=off", runs,
                                lambda r: r.returncode == 0 and
                                r.lines("qms: done ") == ["poweroff"])
    finally:
        os.unlink(initrd)


BENCHES = {
    "boot": boot,
    "memcpy": lambda runs: baremetal("cacheable memcpy, 64 MiB x 4",
                                     "bench-memcpy-cached.elf", runs),
    "touch1g": lambda runs: baremetal("1 GiB written twice and read back",
                                      "bench-memtouch-1g.elf", runs),
    "linux1g": linux_memtouch,
    "touch4g": lambda runs: baremetal("4 GiB written twice and read back, -m 8G",
                                      "bench-memtouch-4g.elf", runs, ["-m", "8G"],
                                      timeout=900),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default=",".join(BENCHES),
                    help="comma-separated: " + ", ".join(BENCHES))
    a = ap.parse_args()
    for name in a.only.split(","):
        rc = BENCHES[name](a.runs)
        if rc:
            return rc
    return 0


sys.exit(main())
