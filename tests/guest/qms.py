"""Helpers for the end-to-end tests: run QEMU on the db845c board with a
guest, collect the console, and report results as TAP."""

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(TOP, "build")
# QMS_QEMU: another binary (say, one built before a change, to compare)
QEMU = os.environ.get("QMS_QEMU") or os.path.join(BUILD, "qemu-system-aarch64")
GUEST = os.path.join(BUILD, "guest")

# The timestamp printk puts before a line (CONFIG_PRINTK_TIME)
PRINTK_TIME = re.compile(r"^\[ *\d+\.\d+\] ")
# Console lines that mean the kernel went wrong, whatever else happened.
KERNEL_FAILURES = ("Kernel panic", "Internal error: Oops", "BUG: ", "Unable to handle kernel")


class Result:
    def __init__(self, returncode, output, timed_out, console=None, maxrss_kib=None):
        self.returncode = returncode
        self.output = output
        self.timed_out = timed_out
        # the serial console alone, when run_qemu kept it apart
        self.console = output if console is None else console
        # QEMU's peak resident set (getrusage of the child), in KiB
        self.maxrss_kib = maxrss_kib

    def lines(self, prefix):
        """Lines starting with prefix, after the console's \\r and the printk
        timestamp of the init's lines (it writes them to /dev/kmsg)."""
        out = []
        for line in self.output.splitlines():
            line = PRINTK_TIME.sub("", line.strip("\r"))
            if line.startswith(prefix):
                out.append(line[len(prefix):])
        return out


CHECK_KERNEL = os.path.join(TOP, "scripts", "check-kernel")


def check_kernel(args):
    """Run scripts/check-kernel with ARGS and a --json report: its exit
    status, the report ({} if it wrote none) and its output."""
    fd, path = tempfile.mkstemp(suffix=".json", prefix="qms-report-")
    os.close(fd)
    p = subprocess.run([CHECK_KERNEL] + list(args) + ["--json", path],
                       capture_output=True, text=True)
    try:
        with open(path) as f:
            report = json.load(f)
    except ValueError:
        report = {}
    os.unlink(path)
    return p.returncode, report, p.stdout + p.stderr


def run_qemu(args, timeout=120, separate_console=False, during=None):
    """Run QEMU without display, serial on stdout (or, separate_console,
    in a file of its own: a guest printing a byte at a time would else be
    cut up by QEMU's trace lines); the wall-clock timeout only catches a
    hung guest, the result comes from what the guest says. during: a
    function called once QEMU is started (a debugger that attaches to
    it, say), before waiting for QEMU to end."""
    fd, log = tempfile.mkstemp(prefix="qms-console-")
    os.close(fd)
    serial = "file:" + log if separate_console else "stdio"
    cmd = [QEMU, "-display", "none", "-monitor", "none", "-serial", serial,
           "-no-reboot"] + list(args)
    # a file, not a pipe: QEMU must not block on its output while
    # "during" runs
    with tempfile.TemporaryFile() as outf:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=outf,
                             stderr=subprocess.STDOUT)
        # reaped here, with its own resource usage (its peak RSS)
        reaped = {}
        waiter = threading.Thread(target=lambda: reaped.update(
            zip(("pid", "status", "rusage"), os.wait4(p.pid, 0))))
        waiter.start()
        try:
            if during:
                during()
            waiter.join(timeout)
            timed_out = waiter.is_alive()
        finally:
            if waiter.is_alive():
                p.kill()
                waiter.join()
        p.returncode = os.waitstatus_to_exitcode(reaped["status"])
        rc = None if timed_out else p.returncode
        outf.seek(0)
        out = outf.read()
    with open(log, errors="replace") as f:
        console = f.read()
    os.unlink(log)
    out = out.decode(errors="replace")
    return Result(rc, out + console, timed_out, console if separate_console else None,
                  reaped["rusage"].ru_maxrss)


def make_initramfs(extra=()):
    """An initramfs with our init and (src, dest) extra files."""
    fd, path = tempfile.mkstemp(suffix=".cpio", prefix="qms-")
    os.close(fd)
    args = [os.path.join(TOP, "guest", "mkinitramfs"), path]
    for src, dest in extra:
        args += [src, dest]
    subprocess.run(args, check=True)
    return path


def modem_firmware(fwdir, seed=1):
    """The generated modem firmware as (src, dest) pairs for
    make_initramfs: mba.mbn and modem.mbn under /lib/firmware/FWDIR, the
    names the DragonBoard 845c's DT gives (qcom/sdm845)."""
    out = tempfile.mkdtemp(prefix="qms-fw-")
    atexit.register(shutil.rmtree, out, True)
    subprocess.run([os.path.join(GUEST, "tools", "mkmodemfw"), "--seed=%d" % seed,
                    "--mbn", out], check=True, stdout=subprocess.DEVNULL)
    return [(os.path.join(out, f), "/lib/firmware/%s/%s" % (fwdir, f))
            for f in ("mba.mbn", "modem.mbn")]


def kernel_args(variant="stock", initrd=None, append=""):
    image = os.path.join(GUEST, "linux-" + variant, "Image")
    args = ["-kernel", image, "-append",
            "console=ttyMSM0 earlycon panic=-1 rdinit=/init printk.devkmsg=on " +
            append]
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
