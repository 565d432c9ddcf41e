#!/usr/bin/env python3
"""The test init's module loader (guest/init/init.c, load_modules()), on
the host: the init built with its files under a scratch directory and
finit_module(2) replaced (tests/host/init-modules-harness.c), one table
row per case: which modules it loads, in which order, and the lines it
writes. What a row gives: /lib/modules/RELEASE/modules.dep and
modules.alias, /proc/modules, the devices of /sys/bus with their
modalias, the modules that fail or are loaded already, and the devices
a module adds when it loads."""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "guest"))
import qms  # noqa: E402

HARNESS = os.path.join(qms.TOP, "tests", "host", "init-modules-harness.c")
REL = "6.1.192"
MSS = "of:NremoteprocT(null)Cqcom,sdm845-mss-pil"
# the aliases depmod writes for an of_device_id (with and without more
# compatibles after it)
MSS_ALIAS = ["alias of:N*T*Cqcom,sdm845-mss-pil qcom_q6v5_mss",
             "alias of:N*T*Cqcom,sdm845-mss-pilC* qcom_q6v5_mss"]
DEP = ["kernel/drivers/remoteproc/qcom_q6v5_mss.ko: kernel/drivers/remoteproc/qcom_q6v5.ko "
       "kernel/drivers/soc/qcom/mdt_loader.ko kernel/drivers/remoteproc/qcom_common.ko",
       "kernel/drivers/remoteproc/qcom_q6v5.ko: kernel/drivers/soc/qcom/smem.ko",
       "kernel/drivers/soc/qcom/mdt_loader.ko:",
       "kernel/drivers/remoteproc/qcom_common.ko: kernel/drivers/soc/qcom/smem.ko",
       "kernel/drivers/soc/qcom/smem.ko:"]

# name: (rows of modules.dep, of modules.alias, devices {bus/dev: modalias},
#        options, expected insmod lines, expected qms lines)
CASES = [
    ("a driver and its dependencies, each once, dependencies first",
     DEP, MSS_ALIAS, {"platform/4080000.remoteproc": MSS}, {},
     ["smem", "qcom_q6v5", "mdt_loader", "qcom_common", "qcom_q6v5_mss"],
     ["modules %s 5 2" % REL,
      "module smem loaded dep-of-qcom_q6v5", "module qcom_q6v5 loaded dep-of-qcom_q6v5_mss",
      "module mdt_loader loaded dep-of-qcom_q6v5_mss",
      "module qcom_common loaded dep-of-qcom_q6v5_mss",
      "module qcom_q6v5_mss loaded 4080000.remoteproc", "modules-loaded 5 0"]),
    ("a modalias with more compatibles after the driver's",
     DEP, MSS_ALIAS, {"platform/x": MSS + "Cqcom,other"}, {},
     ["smem", "qcom_q6v5", "mdt_loader", "qcom_common", "qcom_q6v5_mss"], None),
    ("no device matches: nothing loads",
     DEP, MSS_ALIAS, {"platform/y": "of:NfooT(null)Cvendor,foo", "platform/z": ""}, {},
     [], ["modules %s 5 2" % REL, "modules-loaded 0 0"]),
    ("a compatible that only starts like the driver's does not match",
     DEP, MSS_ALIAS, {"platform/y": MSS + "-v2"}, {}, [], None),
    ("glob patterns of other buses ([], ?, *)",
     ["kernel/a-b.ko:", "kernel/c.ko:"],
     ["alias usb:v1234p[0-9]???d*dc*dsc*dp*ic*isc*ip*in* a_b", "alias platform:c-dev c"],
     {"usb/1-1": "usb:v1234p5678d0100dc00dsc00dp00ic03isc01ip02in00",
      "platform/c-dev": "platform:c-dev"}, {},
     ["c", "a_b"], ["modules %s 2 2" % REL, "module c loaded c-dev",
                    "module a_b loaded 1-1", "modules-loaded 2 0"]),
    ("a module /proc/modules lists is not loaded again",
     DEP, MSS_ALIAS, {"platform/r": MSS},
     {"proc": "smem 20480 2 - Live 0xffff800000000000\n"},
     ["qcom_q6v5", "mdt_loader", "qcom_common", "qcom_q6v5_mss"], None),
    ("a dependency that fails is reported; the module is still tried",
     DEP, MSS_ALIAS, {"platform/r": MSS}, {"fail": "smem qcom_q6v5_mss"},
     ["smem", "qcom_q6v5", "mdt_loader", "qcom_common", "qcom_q6v5_mss"],
     ["modules %s 5 2" % REL, "module smem error-22 dep-of-qcom_q6v5",
      "module qcom_q6v5 loaded dep-of-qcom_q6v5_mss",
      "module mdt_loader loaded dep-of-qcom_q6v5_mss",
      "module qcom_common loaded dep-of-qcom_q6v5_mss",
      "module qcom_q6v5_mss error-22 r", "modules-loaded 3 2"]),
    ("EEXIST (loaded meanwhile) counts as loaded",
     ["kernel/a.ko:"], ["alias platform:a a"], {"platform/a": "platform:a"},
     {"exist": "a"}, ["a"], ["modules %s 1 1" % REL, "module a loaded a",
                             "modules-loaded 1 0"]),
    ("a device a module adds is served in the next pass",
     ["kernel/parent.ko:", "kernel/child.ko:"],
     ["alias of:N*T*Cv,parent parent", "alias platform:kid child"],
     {"platform/p": "of:NpT(null)Cv,parent"}, {"creates": {"parent": "platform/kid platform:kid"}},
     ["parent", "child"], ["modules %s 2 2" % REL, "module parent loaded p",
                           "module child loaded kid", "modules-loaded 2 0"]),
    ("a cycle of dependencies ends",
     ["kernel/a.ko: kernel/b.ko", "kernel/b.ko: kernel/a.ko"], ["alias platform:a a"],
     {"platform/a": "platform:a"}, {}, ["b", "a"], None),
    ("compressed modules are given to the kernel as such",
     ["kernel/z.ko.xz:"], ["alias platform:z z"], {"platform/z": "platform:z"}, {},
     ["z compressed"], None),
    ("a modules.dep entry without an alias is loaded only as a dependency",
     ["kernel/a.ko: kernel/lib.ko", "kernel/lib.ko:", "kernel/unused.ko:"],
     ["alias platform:a a", "alias platform:u unused"], {"platform/a": "platform:a"}, {},
     ["lib", "a"], None),
    ("a device its module's driver defers counts as settled, one left alone is named",
     ["kernel/a.ko:", "kernel/b.ko:"], ["alias platform:a a", "alias platform:b b"],
     {"platform/da": "platform:a", "platform/db": "platform:b"},
     {"defer": "a", "nobind": "b"}, ["a", "b"],
     ["modules %s 2 2" % REL, "module a loaded da", "module b loaded db",
      "module-unbound db", "modules-loaded 2 0"]),
    ("no /lib/modules, a kernel with modules: one line, nothing loaded",
     None, None, {"platform/r": MSS}, {"proc": ""}, [], ["modules none"]),
    ("no /lib/modules, a kernel without modules (no /proc/modules): silent",
     None, None, {"platform/r": MSS}, {}, [], []),
    ("modules of another release only",
     None, None, {"platform/r": MSS}, {"other": "6.1.0-other"}, [],
     ["modules-missing %s" % REL]),
]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def build(root):
    exe = os.path.join(root + ".bin")
    r = subprocess.run(["gcc", "-std=gnu99", "-O1", "-Wall", "-Wextra", "-Werror",
                        # the host's compiler, not the init's, which builds it with -Werror
                        "-Wno-format-truncation",
                        '-DQMS_ROOT="%s"' % root, "-DSETTLE_QUIET_MS=20", "-DSETTLE_MAX_MS=300",
                        "-I", os.path.join(qms.TOP, "include"), "-o", exe, HARNESS], capture_output=True, text=True)
    return exe if r.returncode == 0 else r.stderr


def run_case(exe, root, dep, alias, devices, opts):
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "sys", "bus"))
    os.makedirs(os.path.join(root, "sys", "kernel", "debug"))
    mdir = os.path.join(root, "lib", "modules", REL)
    if dep is not None:
        write(os.path.join(mdir, "modules.dep"), "\n".join(dep) + "\n")
        for line in dep:
            write(os.path.join(mdir, line.split(":")[0]), "")
        write(os.path.join(mdir, "modules.alias"),
              "# Aliases extracted from modules themselves.\n" + "\n".join(alias) + "\n")
    if "other" in opts:
        write(os.path.join(root, "lib", "modules", opts["other"], "modules.dep"), "")
    if "proc" in opts:
        write(os.path.join(root, "proc", "modules"), opts["proc"])
    for dev, ma in devices.items():
        bus, name = dev.split("/")
        write(os.path.join(root, "sys", "bus", bus, "devices", name, "modalias"), ma + "\n")
    for mod, line in opts.get("creates", {}).items():
        write(os.path.join(root, "creates", mod), line + "\n")
    env = dict(os.environ, QMS_TEST_FAIL=opts.get("fail", ""),
               QMS_TEST_EXIST=opts.get("exist", ""), QMS_TEST_DEFER=opts.get("defer", ""),
               QMS_TEST_NOBIND=opts.get("nobind", ""))
    r = subprocess.run([exe, REL], capture_output=True, text=True, env=env, timeout=30)
    lines = r.stdout.splitlines()
    insmod = [l[len("insmod "):] for l in lines if l.startswith("insmod ")]
    qms_lines = [l[len("qms: "):].strip() for l in lines if l.startswith("qms: ")]
    # the time the loader took is no part of the expectation
    qms_lines = [" ".join(l.split()[:3]) if l.startswith("modules-loaded ") else l
                 for l in qms_lines]
    return r.returncode, insmod, qms_lines, r.stdout + r.stderr


tap = qms.Tap()
scratch = tempfile.mkdtemp(prefix="qms-init-modules-")
root = os.path.join(scratch, "root")
try:
    exe = build(root)
    if not tap.check(os.path.isfile(exe), "the init builds for the host with the loader's "
                     "stand-ins", exe):
        tap.done()
    for name, dep, alias, devices, opts, want_insmod, want_lines in CASES:
        rc, insmod, lines, out = run_case(exe, root, dep, alias, devices, opts)
        tap.check(rc == 0 and insmod == want_insmod and
                  (want_lines is None or lines == want_lines), name,
                  "insmod %r (want %r)\nlines %r (want %r)\n%s" % (
                      insmod, want_insmod, lines, want_lines, out))
finally:
    shutil.rmtree(scratch, ignore_errors=True)

# check-kernel's side (scripts/kmodules.py), on the variant modules as
# guest/build-kernel installs it: which modules each board's DT needs
sys.path.insert(0, os.path.join(qms.TOP, "scripts"))
import kmodules  # noqa: E402

tree = os.path.join(qms.GUEST, "linux-modules")
mdir = os.path.join(tree, "lib", "modules", REL)
boot = os.path.join(tree, "arch", "arm64", "boot")
if not os.path.isfile(os.path.join(mdir, "modules.dep")):
    print("# the variant modules is not built: its rows are left out")
    tap.done()
db845c = kmodules.dt_modaliases(os.path.join(boot, "dts", "qcom", "sdm845-db845c.dtb"))
tap.check(MSS in db845c and kmodules.image_release(os.path.join(boot, "Image")) == REL,
          "the modalias of the DT's modem node (of_device_modalias's form); the Image's release",
          "\n".join(db845c))
chosen = [n for n, _ in kmodules.select(mdir, db845c)]
rb5 = [n for n, _ in kmodules.select(mdir, kmodules.dt_modaliases(
    os.path.join(boot, "dts", "qcom", "qrb5165-rb5.dtb")))]
tap.check({"qcom_q6v5_mss", "qcom_q6v5", "mdt_loader", "qcom_pil_info", "smem", "smp2p",
           "qcom_hwspinlock", "qcom_apcs_ipc_mailbox"} <= set(chosen) and
          "qcom_ipcc" not in chosen and "qcom_ipcc" in rb5 and "qcom_q6v5_pas" in rb5,
          "the modules the DT needs, with their dependencies: db845c's without SM8250's "
          "IPCC, rb5's with it", "%r\n%r" % (chosen, rb5))
with tempfile.TemporaryDirectory(prefix="qms-kmodules-") as tmp:
    files, size = kmodules.pack(mdir, REL, [("smem", "kernel/drivers/soc/qcom/smem.ko"),
                                            ("smp2p", "kernel/drivers/soc/qcom/smp2p.ko")], tmp)
    with open(os.path.join(tmp, "modules.dep")) as f:
        dep = f.read()
    tap.check(dep == "kernel/drivers/soc/qcom/smem.ko: \nkernel/drivers/soc/qcom/smp2p.ko: "
              "kernel/drivers/soc/qcom/smem.ko\n" and
              ("%s/kernel/drivers/soc/qcom/smp2p.ko" % mdir,
               "/lib/modules/%s/kernel/drivers/soc/qcom/smp2p.ko" % REL) in files and
              size == sum(os.path.getsize(os.path.join(mdir, "kernel/drivers/soc/qcom", m))
                          for m in ("smem.ko", "smp2p.ko")),
              "the packed index names the packed modules only, under /lib/modules/RELEASE",
              dep + repr(files))
tap.check(all(list(kmodules.releases(d)) == [REL] for d in
              (tree, os.path.join(tree, "lib", "modules"), mdir)),
          "an installed directory as INSTALL_MOD_PATH, its lib/modules or lib/modules/RELEASE")
tap.done()
