"""Helpers for the end-to-end tests: run QEMU on qcom-sm8250 with a guest,
collect the console, and report results as TAP."""

import os
import subprocess
import sys
import tempfile

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(TOP, "build")
QEMU = os.path.join(BUILD, "qemu-system-aarch64")
GUEST = os.path.join(BUILD, "guest")

# Console lines that mean the kernel went wrong, whatever else happened.
KERNEL_FAILURES = ("Kernel panic", "Internal error: Oops", "BUG: ", "Unable to handle kernel")


class Result:
    def __init__(self, returncode, output, timed_out):
        self.returncode = returncode
        self.output = output
        self.timed_out = timed_out

    def lines(self, prefix):
        """Lines starting with prefix (after stripping the console's \\r)."""
        out = []
        for line in self.output.splitlines():
            line = line.strip("\r")
            if line.startswith(prefix):
                out.append(line[len(prefix):])
        return out


def run_qemu(args, timeout=120):
    """Run QEMU without display, serial on stdout; the wall-clock timeout
    only catches a hung guest, the result comes from what the guest says."""
    cmd = [QEMU, "-display", "none", "-monitor", "none", "-serial", "stdio",
           "-no-reboot"] + list(args)
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
        return Result(p.returncode, p.stdout.decode(errors="replace"), False)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        return Result(None, out, True)


def make_initramfs(extra=()):
    """An initramfs with our init and (src, dest) extra files."""
    fd, path = tempfile.mkstemp(suffix=".cpio", prefix="qms-")
    os.close(fd)
    args = [os.path.join(TOP, "guest", "mkinitramfs"), path]
    for src, dest in extra:
        args += [src, dest]
    subprocess.run(args, check=True)
    return path


def kernel_args(variant="stock", initrd=None, append=""):
    image = os.path.join(GUEST, "linux-" + variant, "Image")
    args = ["-kernel", image, "-append",
            "console=ttyAMA0 earlycon panic=-1 rdinit=/init " + append]
    if initrd:
        args += ["-initrd", initrd]
    return args


class Tap:
    """Minimal TAP producer: tests/run-all counts the ok/not ok lines."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, desc, detail=""):
        self.n += 1
        if ok:
            print("ok %d - %s" % (self.n, desc))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, desc))
            for line in detail.splitlines()[-40:]:
                print("#   " + line)
        sys.stdout.flush()
        return ok

    def done(self):
        print("1..%d" % self.n)
        sys.exit(1 if self.failed else 0)
