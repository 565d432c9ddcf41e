#!/usr/bin/env python3
"""End to end: scripts/check-kernel runs the real qcom_q6v5_mss driver
of each kernel variant, with the DragonBoard 845c device tree its own
tree builds, against the modem, XPU and cache models, and must give the
verdicts of docs/results.md ("The verdict table"):

  6.1 stock (clean+invalidate)          exit 0: the modem runs, stops, runs
  6.1 clean-only (c44094eee32f)         exit 1: an XPU hazard whose lines
                                        lie in the metadata buffer, cleaned
                                        by arch_dma_prep_coherent's path
  6.12 (clean only; its DT's mdata_mem)  exit 0
  6.12 without the DT's metadata child  exit 1: the same hazard
  6.1 stock, strict speculation         exit 1: the buffer is linear-mapped
  6.12, strict speculation              exit 0: mdata_mem is not mapped
  7.2 (if built; not in the CI)         exit 0; exit 1 with 6.12's DT
                                        without the metadata child
  6.1 arm64 defconfig + fragment (if    exit 0; clean-only: exit 1, the
  built; not in the CI)                 same hazard
  6.1 with the modem driver and its     exit 0 (modules), 1 (clean-only-
  chain as modules, loaded by the init  modules: the same hazard); 125
                                        naming CONFIG_QCOM_Q6V5_MSS without
                                        its modules

each the same run after run (QMS_MODEM_RUNS runs, default 10); the board's
own device tree (metadata=on standing in for 6.12's carve-out); the
dcache=off control (refused, then 125 with --control); what no model
explains (an unrelated WARN, rpmhpd without PM_OPP, init_on_alloc off:
125); and, in a traced boot, that Linux's rpmhpd votes the
modem's power domains up and down through the RSC model and the modem
driver's load_state messages reach the AOSS."""

import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
import subprocess
import tempfile

import qms

RUNS = int(os.environ.get("QMS_MODEM_RUNS", "10"))
STRICT = "cpu-dcache.speculation=strict"


def check(variant, *opts, globals_=(), junit=None, own_dt=False, dtb=None, extra=()):
    tree = os.path.join(qms.GUEST, "linux-" + variant)
    if own_dt:
        cmd = ["--kernel", os.path.join(tree, "Image"),
               "--vmlinux", os.path.join(tree, "vmlinux")]
    else:
        cmd = ["--kernel-tree", tree]
    if dtb:
        cmd += ["--dtb", dtb]
    if junit:
        cmd += ["--junit", junit]
    for o in opts:
        cmd += ["--machine-opt", o]
    for g in globals_:
        cmd += ["--global", g]
    return qms.check_kernel(cmd + list(extra))


def verdict_key(rc, rep):
    """What must not change between runs: the verdict, the steps and each
    finding's kind, master, access and number of lines."""
    return (rc, tuple((s["action"], s["result"], s["state"]) for s in rep.get("steps", [])),
            tuple((f["source"], f["kind"], f["master"], len(f.get("lines", [])))
                  for f in rep.get("findings", [])))


def steps(rep):
    return [(s["action"], s["result"], s["state"]) for s in rep.get("steps", [])]


RAN = [("start", "ok", "running"), ("stop", "ok", "offline"), ("start", "ok", "running")]


def metadata_hazard(tap, what, rep, out):
    """The hazard of a clean-only kernel: lines of the metadata buffer,
    cleaned by arch_dma_prep_coherent, found during the first start."""
    xpu = [f for f in rep.get("findings", []) if f["source"] == "xpu"]
    first = xpu[0] if xpu else {}
    tap.check(first.get("kind") == "hazard" and first.get("master") == "apps" and
              first.get("step") == {"number": 1, "rproc": "4080000.remoteproc",
                                    "action": "start"} and
              "MSS" in (first.get("owner") or "") and
              (first.get("remoteproc"), first.get("path")) == ("mss", "MSS/MBA"),
              "%s: an XPU hazard of the CPUs during the first start, the range given to "
              "the modem" % what, out)
    # The metadata buffer: no larger than the metadata (ELF header + hash
    # segment) rounded to pages, outside the modem's own carve-outs.
    try:
        lo, hi = (int(x, 16) for x in first.get("hazard_range", "").split(":")[0].split("-"))
    except ValueError:
        lo = hi = 0
    tap.check(0 < hi - lo < 64 * 1024 and not (0x8e000000 <= lo < 0x96700000) and
              first.get("lines") and
              all(lo <= int(l["address"], 16) <= hi for l in first.get("lines", [])),
              "%s: every held line lies in the metadata buffer" % what, out)
    cleaned = first.get("cleaned_by") or {}
    tap.check(cleaned.get("insn") == "DC CVAC" and cleaned.get("routine") == "dcache_clean_poc"
              and cleaned.get("caller") == "arch_dma_prep_coherent",
              "%s: the report names the clean-only prep (dcache_clean_poc from "
              "arch_dma_prep_coherent)" % what, json.dumps(cleaned) + "\n" + out)


tap = qms.Tap()
keys = {}

# 6.1 stock with 6.1's DTB: the modem boots, stops, boots again
rc, rep, out = check("stock")
tap.check(rc == 0 and steps(rep) == RAN,
          "6.1 stock: exit 0, the modem reaches running, stops cleanly and runs again", out)
dt = rep.get("dt") or {}
tap.check(dt.get("source") == "kernel tree" and dt.get("board") == "db845c" and
          dt.get("path", "").endswith("linux-stock/arch/arm64/boot/dts/qcom/sdm845-db845c.dtb") and
          set(dt.get("regions", {})) == {"mba", "mpss"},
          "6.1 stock: the report names the tree's DTB, its board and the modem's regions "
          "(no metadata region in 6.1's DT)", out)
tap.check(any(r.split()[1:3] == ["4080000.remoteproc", "qcom/sdm845/mba.mbn"]
              and r.split()[4:] == ["qcom-q6v5-mss", "/soc@0/remoteproc@4080000"]
              for r in rep.get("rproc_lines", [])) and
          [(r["name"], r["path"], r["rproc_name"]) for r in rep.get("remoteprocs", [])] ==
          [("mss", "MSS/MBA", "4080000.remoteproc")],
          "6.1 stock: the remoteproc runs the DT's firmware names; the DT's modem is the "
          "only remote processor driven", out)
tap.check(not rep.get("findings"), "6.1 stock: no XPU or cache finding", out)
keys["stock"] = (verdict_key(rc, rep), (), ())

# 6.1 clean-only: the hazard, in the metadata buffer, cleaned by the prep
fd, junit = tempfile.mkstemp(suffix=".xml", prefix="qms-junit-")
os.close(fd)
rc, rep, out = check("clean-only", junit=junit)
try:
    suite = ET.parse(junit).getroot()
except ET.ParseError:
    suite = None
os.unlink(junit)
cases = {c.get("name"): c.find("failure") is not None for c in (suite if suite is not None else [])}
tap.check(rc == 1, "6.1 clean-only: exit 1", out)
MSS_CASE = "remoteproc mss (MSS/MBA, /soc@0/remoteproc@4080000) runs, stops and runs again"
tap.check(cases.get("no XPU violation or hazard") is True and cases.get("verdict") is True
          and cases.get(MSS_CASE) is True and suite.get("failures") == "3" and
          "kernel boots to the init with its remote processors" in cases,
          "6.1 clean-only: the JUnit report fails the XPU case, the modem's case and the "
          "verdict", "%r\n%s" % (cases, out))
metadata_hazard(tap, "6.1 clean-only", rep, out)
keys["clean-only"] = (verdict_key(rc, rep), (), ())

# 6.12 with its own DTB: clean only, but the DT's mdata_mem (no-map)
# keeps the metadata out of the linear map
rc, rep, out = check("debian-6.12")
dt = rep.get("dt") or {}
tap.check(rc == 0 and rep.get("init", "").startswith("Linux 6.12.") and steps(rep) == RAN and
          not rep.get("findings"),
          "6.12 with its DTB: exit 0, the modem ran, nothing found", out)
tap.check("dynamic 0x4000 in 0xa0000000..0xbfffffff (no-map)" in
          (dt.get("regions") or {}).get("metadata", ""),
          "6.12: the report names the DT's dynamic no-map metadata region", out)
keys["debian-6.12"] = (verdict_key(rc, rep), (), ())

# 6.12 with the metadata child removed from its DT: the hazard again
rc, rep, out = check("debian-6.12-no-mdata")
tap.check(rc == 1 and set((rep.get("dt") or {}).get("regions", {})) == {"mba", "mpss"},
          "6.12 without the DT's metadata child: exit 1", out)
metadata_hazard(tap, "6.12 without the metadata child", rep, out)
keys["debian-6.12-no-mdata"] = (verdict_key(rc, rep), (), ())

# strict speculation: the CPUs may fill any memory their page tables map
# cacheable, so even clean+invalidate cannot make a linear-mapped buffer
# safe (the revert's comment); a no-map region, unmapped, can
rc, rep, out = check("stock", globals_=[STRICT])
xpu = [f for f in rep.get("findings", []) if f["source"] == "xpu"]
tap.check(rc == 1 and xpu and xpu[0]["kind"] == "hazard" and not xpu[0].get("lines") and
          "in the tables of TTBR1_EL1" in xpu[0].get("mapping", ""),
          "6.1 stock, strict speculation: exit 1, a hazard with no line held, naming the "
          "kernel's cacheable mapping of the buffer", out)
keys["stock strict"] = (verdict_key(rc, rep), (), (STRICT,))
rc, rep, out = check("debian-6.12", globals_=[STRICT])
tap.check(rc == 0 and not rep.get("findings"),
          "6.12, strict speculation: exit 0 (mdata_mem is in no page table)", out)
keys["debian-6.12 strict"] = (verdict_key(rc, rep), (), (STRICT,))

# a kernel newer than Debian 12's, when built (guest/build-kernel
# debian-7.2; not in the CI, its source is only in unstable's pool):
# 7.x's SMP2P negotiates version 2, its modem driver takes the carve-out
v72 = os.path.join(qms.GUEST, "linux-debian-7.2")
if os.path.isdir(v72):
    rc, rep, out = check("debian-7.2")
    tap.check(rc == 0 and rep.get("init", "").startswith("Linux 7.2.") and steps(rep) == RAN
              and not rep.get("findings"),
              "7.2 with its DTB: exit 0, the modem ran, stopped and ran again", out)
    keys["debian-7.2"] = (verdict_key(rc, rep), (), ())
    # and with the DT of the boards before the fix (6.12's without the
    # metadata child): the hazard, as with 6.12
    rc, rep, out = check("debian-7.2", dtb=os.path.join(
        qms.GUEST, "linux-debian-6.12-no-mdata", "arch", "arm64", "boot", "dts", "qcom",
        "sdm845-db845c.dtb"))
    tap.check(rc == 1, "7.2 with a DT without the metadata child: exit 1", out)
    metadata_hazard(tap, "7.2 without the metadata child", rep, out)
else:
    print("# debian-7.2 is not built: its rows are left out")

# the arm64 defconfig kernels, when built (guest/build-kernel defconfig
# defconfig-clean-only; not in the CI: 40 minutes); one run each
for variant, want in (("defconfig", 0), ("defconfig-clean-only", 1)):
    if not os.path.isdir(os.path.join(qms.GUEST, "linux-" + variant)):
        print("# %s is not built: its row is left out" % variant)
        continue
    rc, rep, out = check(variant)
    tap.check(rc == want and (want == 1 or (steps(rep) == RAN and not rep.get("findings"))),
              "6.1 defconfig (%s) with its DTB: exit %d" % (variant, want), out)
    if want == 1:
        metadata_hazard(tap, "6.1 defconfig clean-only", rep, out)

# a kernel with the modem driver and its chain built as modules (the
# variants modules and clean-only-modules: build-kernel installs them in
# the tree's lib/modules/RELEASE): check-kernel packs what the DT needs,
# the init loads it by modalias, as udev would, and the verdicts are the
# built-in kernels'
MOD_DTB = os.path.join(qms.GUEST, "linux-modules", "arch", "arm64", "boot", "dts", "qcom",
                       "sdm845-db845c.dtb")


def loaded(rep):
    return {m["module"]: (m["result"], m["for"]) for m in rep.get("modules_loaded", [])}


rc, rep, out = check("modules")
mods = rep.get("modules") or {}
tap.check(rc == 0 and steps(rep) == RAN and not rep.get("findings"),
          "6.1 with the modem driver as a module: exit 0, the modem ran, stopped and ran "
          "again, nothing found", out)
tap.check(loaded(rep).get("qcom_q6v5_mss") == ("loaded", "4080000.remoteproc") and
          all(r == "loaded" for r, _ in loaded(rep).values()) and
          {"qcom_q6v5", "mdt_loader", "smem", "smp2p"} <= set(loaded(rep)) and
          any(r.split()[4:] == ["qcom-q6v5-mss", "/soc@0/remoteproc@4080000"]
              for r in rep.get("rproc_lines", [])),
          "6.1 modules: the init loaded qcom_q6v5_mss for the modem's device (by its "
          "modalias), with its dependencies, and the driver registered the modem", out)
tap.check(mods.get("release") == "6.1.192" and mods.get("dir", "").endswith(
    "lib/modules/6.1.192") and "qcom_q6v5_mss" in mods.get("packed", []) and
          "qcom_ipcc" not in mods.get("packed", []) and
          (rep.get("config") or {}).get("modules") is True,
          "6.1 modules: the report names the tree's modules of the kernel's release, those "
          "the db845c DT needs (not SM8250's IPCC), and the config check takes =m as loaded",
          json.dumps(mods) + "\n" + out)
rc, rep, out = check("clean-only-modules")
tap.check(rc == 1 and loaded(rep).get("qcom_q6v5_mss", ("",))[0] == "loaded",
          "6.1 clean-only with the modem driver as a module: exit 1", out)
metadata_hazard(tap, "6.1 clean-only-modules", rep, out)
# its modules withheld: the kernel has no modem driver, which is 125
# naming the option, whether the tree's .config says so before the boot
# (scripts/check-config) or the init finds no driver (no tree)
rc, rep, out = check("modules", dtb=MOD_DTB, own_dt=True)
tap.check(rc == 125 and not rep.get("modules") and
          "the kernel has no qcom_q6v5_mss driver (CONFIG_QCOM_Q6V5_MSS)" in rep.get("reason", "")
          and "none were given" in rep.get("reason", ""),
          "6.1 modules booted without its modules: exit 125, naming CONFIG_QCOM_Q6V5_MSS", out)
with tempfile.TemporaryDirectory(prefix="qms-nomods-") as bare:
    src = os.path.join(qms.GUEST, "linux-modules")
    for f in ("arch", "vmlinux", ".config"):
        os.symlink(os.path.join(src, f), os.path.join(bare, f))
    js = os.path.join(bare, "report.json")
    p = subprocess.run([qms.CHECK_KERNEL, "--kernel-tree", bare, "--json", js], capture_output=True,
                       text=True)
    with open(js) as f:
        rep = json.load(f)
    tap.check(p.returncode == 125 and "CONFIG_QCOM_Q6V5_MSS want y have m" in
              rep.get("reason", "") and not rep.get("init"),
              "its tree without lib/modules: exit 125 before the boot, its .config naming "
              "CONFIG_QCOM_Q6V5_MSS=m", p.stdout + p.stderr)
    # modules of another release than the kernel's: not these modules
    other = os.path.join(bare, "mods", "lib", "modules", "6.1.0-other")
    shutil.copytree(os.path.join(src, "lib", "modules", "6.1.192"), other)
    rc, rep, out = check("modules", extra=["--modules", os.path.join(bare, "mods")])
    tap.check(rc == 125 and "are of release 6.1.0-other, the kernel is 6.1.192" in
              rep.get("reason", "") and not rep.get("steps"),
              "6.1 modules with modules of another release: exit 125 before the boot", out)

# the control: without the cache model nothing is held, and the same
# clean-only kernel has no finding; the verdict above is the model's. An
# option that switches an oracle off is refused (2) unless --control,
# whose run without a finding is 125, never a pass.
rc, rep, out = check("clean-only", "dcache=off")
tap.check(rc == 2 and "dcache=off switches off the CPU data-cache model" in out,
          "6.1 clean-only with dcache=off: refused, exit 2", out)
rc, rep, out = check("clean-only", "dcache=off", extra=["--control"])
tap.check(rc == 125 and not rep.get("findings") and steps(rep) == RAN and
          rep.get("reason", "").startswith("control run (dcache=off"),
          "6.1 clean-only with dcache=off --control: no finding, exit 125", out)

# what the models do not explain is 125, not the kernel's fault: an
# unrelated WARN at boot, rpmhpd that cannot probe without PM_OPP (so the
# modem's power-domain supplier never comes), a kernel in which
# init_on_alloc is not in effect; --strict-boot counts the first two
rc, rep, out = check("warn-late")
tap.check(rc == 125 and steps(rep) == RAN and not rep.get("findings") and
          "kernel error: WARNING: CPU:" in rep.get("reason", "") and
          "warn_late" in rep.get("reason", ""),
          "6.1 with an unrelated WARN_ON in a late initcall: exit 125, the WARN named", out)
rc, rep, out = check("warn-late", extra=["--strict-boot"])
tap.check(rc == 1 and "--strict-boot" in rep.get("reason", ""),
          "the same with --strict-boot: exit 1", out)
rc, rep, out = check("no-pm-opp")
tap.check(rc == 125 and not rep.get("findings") and
          "qcom_q6v5_mss registered no remoteproc for mss" in rep.get("reason", "") and
          "failed: qcom-rpmhpd: probe of 179c0000.rsc:power-controller failed with error -95"
          in rep.get("reason", ""),
          "6.1 without PM_OPP (rpmhpd cannot probe): exit 125, the missing supplier named",
          out)
rc, rep, out = check("stock", extra=["--append", "init_on_alloc=0"])
tap.check(rc == 125 and rep.get("init_on_alloc") == "off" and
          rep.get("reason", "").startswith("init_on_alloc not in effect"),
          "6.1 stock booted with init_on_alloc=0: exit 125", out)
# why: without zeroing through the cache the clean-only kernel's buffer
# holds no line, and it would pass
rc, rep, out = check("clean-only", extra=["--append", "init_on_alloc=0",
                                          "--allow-no-init-on-alloc"])
tap.check(rc == 0 and "init_on_alloc NOT in effect" in out,
          "6.1 clean-only with init_on_alloc=0, judged anyway: a false pass (exit 0), "
          "which the report qualifies", out)

# the board's own device tree, which the report must call the simulator's;
# metadata=on stands in for 6.12's carve-out there
rc, rep, out = check("clean-only", own_dt=True)
tap.check(rc == 1 and (rep.get("dt") or {}).get("source") == "the simulator's own" and
          "the simulator's own device tree (no --dtb)" in out,
          "6.1 clean-only on the board's own DT: exit 1, and the report says whose DT", out)
rc, rep, out = check("clean-only", "metadata=on", own_dt=True)
tap.check(rc == 0 and "metadata" in (rep.get("dt") or {}).get("regions", {}),
          "6.1 clean-only on the board's own DT with metadata=on: exit 0", out)

# RPMh: the driver's proxy power domains cx, mx and mss, served by
# Linux's rpmhpd through the RSC model: voted to the top ARC level for
# each boot, released at handover (addresses from hw/misc/qcom-cmd-db.c;
# cx and mx also serve the console and the GCC, which keep them on);
# the driver's load_state messages reach the AOSS over QMP. The handover
# interrupt's thread releases them after the start has returned: by the
# stop that follows they are released (the stop releases what is left),
# but the last boot's release races the init's power-off, so it is the
# first boot whose release is checked
RAILS = {0x30000: "cx", 0x30010: "mx", 0x30060: "mss"}
DTB = os.path.join(qms.GUEST, "linux-stock", "arch", "arm64", "boot", "dts", "qcom",
                   "sdm845-db845c.dtb")
initrd = qms.make_initramfs(qms.modem_firmware("qcom/sdm845"))
try:
    r = qms.run_qemu(["-M", "db845c", "-dtb", DTB, "-trace", "qcom_rpmh_rsc_vote",
                      "-trace", "qcom_aoss_qmp_load_state"] + qms.kernel_args(initrd=initrd))
finally:
    os.unlink(initrd)


def rail_votes(text):
    return [(RAILS.get(int(a, 16)), int(v, 16)) for a, v in
            re.findall(r"qcom_rpmh_rsc_vote .*addr (0x[0-9a-f]+) <- (0x[0-9a-f]+)", text)]


stopped = r.output.find("qms: result 2 ")
first, second = rail_votes(r.output[:stopped]), rail_votes(r.output[stopped:])
last = {rail: v for rail, v in first if rail}
tap.check(r.lines("qms: result ") == ["1 4080000.remoteproc start ok running",
                                      "2 4080000.remoteproc stop ok offline",
                                      "3 4080000.remoteproc start ok running"] and
          stopped > 0 and all(sorted(rail for rail, v in boot if rail and v == 0xa) ==
                              ["cx", "mss", "mx"] for boot in (first, second)) and
          last.get("mss") == 0 and 0 < last.get("cx", 0xa) < 0xa and
          0 < last.get("mx", 0xa) < 0xa,
          "rpmhpd votes cx, mx and mss to their top level for each boot and, by the stop, "
          "has released them (cx and mx stay at what GCC and the UART ask)",
          "%r\n%r\n%s" % (first, second, r.output[-3000:]))
loads = re.findall(r"qcom_aoss_qmp_load_state (\S+): on (\d)", r.output)
tap.check(loads == [("modem", "1"), ("modem", "0"), ("modem", "1")],
          "the modem driver's load_state messages reach the AOSS: on, off, on", "%r\n%s" % (
              loads, r.output[-3000:]))

# determinism: the same verdict every run, for every row
for name, (key, opts, globals_) in keys.items():
    variant = name.split(" ")[0]
    again = [verdict_key(*check(variant, *opts, globals_=globals_)[:2])
             for _ in range(RUNS - 1)]
    diff = [k for k in again if k != key]
    tap.check(not diff, "%s: %d runs give the same verdict" % (name, RUNS),
              "first run %r\nother %r" % (key, diff[:2]))

tap.done()
