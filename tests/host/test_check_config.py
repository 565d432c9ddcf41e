#!/usr/bin/env python3
"""scripts/check-config and the configuration check of scripts/check-kernel,
without a guest: canned .configs against a small fragment and a small
Kconfig tree (what the chain needs, what caps it at =m, what is off, what
the kernel does not know), the real fragment's markers, the command
line's exit codes, and check-kernel --kernel-tree on trees whose .config
cannot run the chain (125 naming the options, before any boot) or can
(no complaint). With Debian's 6.1 source in the cache, its own Kconfig
explains arm64 defconfig's trap."""

import importlib.machinery
import importlib.util
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from contextlib import redirect_stdout

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "guest"))
import qms  # noqa: E402

sys.path.insert(0, os.path.join(qms.TOP, "scripts"))
import kconfig  # noqa: E402

_loader = importlib.machinery.SourceFileLoader(
    "check_kernel", os.path.join(qms.TOP, "scripts", "check-kernel"))
_spec = importlib.util.spec_from_loader("check_kernel", _loader)
ck = importlib.util.module_from_spec(_spec)
_loader.exec_module(ck)

CHECK_CONFIG = os.path.join(qms.TOP, "scripts", "check-config")
SRC61 = os.path.join(os.environ.get("QCOM_MSS_SIM_CACHE") or
                     os.path.join(os.environ.get("XDG_CACHE_HOME") or
                                  os.path.expanduser("~/.cache"), "qcom-mss-sim"),
                     "linux", "6.1.192-3", "src")
DTS = os.path.join("arch", "arm64", "boot", "dts", "qcom")

tap = qms.Tap()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def dedent(text):
    import textwrap
    return textwrap.dedent(text).lstrip("\n")


# --- a small kernel: its Kconfig files, with the traps of the real ones
# (an "if" menu in another file, "X || X=n" caps, a continued line, a help
# text that reads like Kconfig)
tmp = tempfile.mkdtemp(prefix="qms-check-config-")
SRC = os.path.join(tmp, "src")
write(os.path.join(SRC, "Kconfig"), dedent('''
    mainmenu "a small kernel"
    source "arch/$(SRCARCH)/Kconfig"
    source "drivers/Kconfig"
    '''))
write(os.path.join(SRC, "arch", "arm64", "Kconfig"), dedent('''
    config ARCH_QCOM
    \tbool "Qualcomm Platforms"
    \thelp
    \t  This help says depends on NOTHING and select QCOM_SYSMON,
    \t  which are words, not Kconfig.

    config MODULES
    \tbool "Loadable modules"
    \thelp
    config NR_CPUS
    \tint "CPUs"
    \tdefault 256
    '''))
write(os.path.join(SRC, "arch", "x86", "Kconfig"), dedent('''
    config ARCH_QCOM
    \tbool "not arm64's"
    \tdepends on BROKEN
    '''))
write(os.path.join(SRC, "drivers", "Kconfig"), dedent('''
    menu "Device drivers"
    source "drivers/rpmsg/Kconfig"

    menuconfig QCOM_SOC
    \tbool "Qualcomm SoC drivers"

    if QCOM_SOC
    source "drivers/soc/Kconfig"
    endif

    config INTERCONNECT
    \tbool "Interconnects"

    config INTERCONNECT_QCOM_SM8250
    \ttristate "SM8250 interconnects"
    \tdepends on INTERCONNECT

    config QCOM_SYSMON
    \ttristate "sysmon"
    \tdepends on RPMSG

    config QCOM_Q6V5_MSS
    \ttristate "the modem"
    \tdepends on QCOM_SMEM
    \tdepends on RPMSG_QCOM_GLINK_SMEM || \\
    \t\t   RPMSG_QCOM_GLINK_SMEM=n
    \tdepends on QCOM_SYSMON || QCOM_SYSMON=n
    \tselect QCOM_MDT_LOADER

    config QCOM_MDT_LOADER
    \ttristate
    endmenu
    '''))
write(os.path.join(SRC, "drivers", "soc", "Kconfig"), dedent('''
    config QCOM_SMEM
    \ttristate "SMEM"
    \tdepends on ARCH_QCOM
    '''))
write(os.path.join(SRC, "drivers", "rpmsg", "Kconfig"), dedent('''
    config RPMSG
    \ttristate

    config RPMSG_QCOM_GLINK_SMEM
    \ttristate "GLINK over SMEM"
    \tselect RPMSG
    '''))
FRAG = os.path.join(tmp, "fragment.config")
write(FRAG, dedent('''
    # a fragment
    CONFIG_NR_CPUS=8
    # check-config: nice
    CONFIG_QCOM_SOC=y
    # check-config: needed
    CONFIG_ARCH_QCOM=y
    CONFIG_QCOM_SMEM=y
    # check-config: needed db845c
    CONFIG_QCOM_Q6V5_MSS=y
    # check-config: needed rb5 if INTERCONNECT
    CONFIG_INTERCONNECT_QCOM_SM8250=y
    # check-config: nice
    # CONFIG_QCOM_SYSMON is not set
    # CONFIG_RPMSG is not set
    # check-config: needed
    CONFIG_OF_A_LATER_KERNEL=y
    '''))

kc = kconfig.Kconfig(SRC)
tap.check(kc.defs.get("ARCH_QCOM") == [[]] and kc.knows("QCOM_SMEM") and kc.knows("NR_CPUS") and
          not kc.knows("NOTHING") and not kc.knows("OF_A_LATER_KERNEL"),
          "Kconfig: arm64's definitions only, help texts skipped (an empty one too), unknown "
          "symbols unknown",
          repr(kc.defs.get("ARCH_QCOM")))
tap.check([kconfig.symbols_of(c) for c in kc.defs["QCOM_SMEM"][0]] ==
          [["QCOM_SOC"], ["ARCH_QCOM"]] and
          kconfig.symbols_of(kc.defs["QCOM_Q6V5_MSS"][0][-2]) ==
          ["RPMSG_QCOM_GLINK_SMEM", "RPMSG_QCOM_GLINK_SMEM"] and
          kc.selects.get("RPMSG") == [("RPMSG_QCOM_GLINK_SMEM", None)],
          "Kconfig: an 'if' of the sourcing file, continued lines and selects are kept",
          repr(kc.defs["QCOM_SMEM"]))

# --- expressions: Kconfig's tristate logic
CFG = {"A": "m", "B": "y", "C": "n", "S": '"foo"', "N": "8"}
for text, value in (("A", 1), ("A || A=n", 1), ("C || C=n", 2), ("B || B=n", 2),
                    ("!A", 1), ("A && B", 1), ("(A || B) && !C", 2), ("ABSENT", 0),
                    ("ABSENT || ABSENT=n", 2), ('S = "foo"', 2), ("S != foo", 0),
                    ("N >= 8", 2), ("N < 4", 0), ("!(B && C)", 2), ("m", 1)):
    got = kconfig.evaluate(kconfig.parse_expr(text), CFG)
    tap.check(got == value, "expression %s is %s" % (text, "nmy"[value]), "got %s" % got)

# --- the check, table-driven: (what, .config lines, check's options,
# {option: (status, why or None)}, the options that are problems)
GOOD = ["CONFIG_NR_CPUS=8", "CONFIG_QCOM_SOC=y", "CONFIG_ARCH_QCOM=y", "CONFIG_QCOM_SMEM=y",
        "CONFIG_QCOM_Q6V5_MSS=y", "CONFIG_QCOM_MDT_LOADER=y", "# CONFIG_QCOM_SYSMON is not set",
        "# CONFIG_INTERCONNECT is not set"]


def but(*changes):
    """GOOD with lines replaced (same symbol) or added; "-SYM" drops SYM."""
    out = list(GOOD)
    for c in changes:
        sym = c.lstrip("-# ").split("=")[0].split(" ")[0]
        out = [l for l in out if l.lstrip("# ").split("=")[0].split(" ")[0] != sym]
        if not c.startswith("-"):
            out.append(c)
    return out


MSS_M = but("CONFIG_MODULES=y", "CONFIG_QCOM_Q6V5_MSS=m", "CONFIG_QCOM_SYSMON=m",
            "CONFIG_RPMSG=y", "CONFIG_RPMSG_QCOM_GLINK_SMEM=m")
CAPPED = "capped: RPMSG_QCOM_GLINK_SMEM=m, QCOM_SYSMON=m"
NOT_MERGED = "its dependencies allow =y: not merged into this configuration?"
TABLE = [
    ("the configuration the fragment wants", GOOD, {},
     {"CONFIG_QCOM_Q6V5_MSS": ("ok", None),
      "CONFIG_OF_A_LATER_KERNEL": ("unknown", "this kernel has no such option")}, []),
    ("MSS capped at =m by modules it depends on (X || X=n)", MSS_M, {},
     {"CONFIG_QCOM_Q6V5_MSS": ("problem", CAPPED), "CONFIG_QCOM_SYSMON": ("differs", None)},
     ["CONFIG_QCOM_Q6V5_MSS"]),
    ("the same with modules loaded: a module is as good", MSS_M, {"modules": True},
     {"CONFIG_QCOM_Q6V5_MSS": ("module", None)}, []),
    ("the same on rb5, whose chain does not have the modem", MSS_M, {"board": "rb5"},
     {"CONFIG_QCOM_Q6V5_MSS": ("differs", CAPPED)}, []),
    ("the same on db845c", MSS_M, {"board": "db845c"},
     {"CONFIG_QCOM_Q6V5_MSS": ("problem", CAPPED)}, ["CONFIG_QCOM_Q6V5_MSS"]),
    ("QCOM_SOC off (7.3's menu): SMEM and the modem go, with the reasons",
     but("# CONFIG_QCOM_SOC is not set", "-CONFIG_QCOM_SMEM", "-CONFIG_QCOM_Q6V5_MSS",
         "-CONFIG_QCOM_MDT_LOADER"), {},
     {"CONFIG_QCOM_SOC": ("differs", NOT_MERGED),
      "CONFIG_QCOM_SMEM": ("problem", "depends on QCOM_SOC=n"),
      "CONFIG_QCOM_Q6V5_MSS": ("problem", "depends on QCOM_SMEM=n")},
     ["CONFIG_QCOM_SMEM", "CONFIG_QCOM_Q6V5_MSS"]),
    ("an option the chain needs set off in the configuration",
     but("# CONFIG_QCOM_Q6V5_MSS is not set"), {},
     {"CONFIG_QCOM_Q6V5_MSS": ("problem", NOT_MERGED)}, ["CONFIG_QCOM_Q6V5_MSS"]),
    ("a nice option with another value differs, no problem", but("CONFIG_NR_CPUS=256"), {},
     {"CONFIG_NR_CPUS": ("differs", None)}, []),
    ("an option wanted off, selected on", but("CONFIG_RPMSG=y", "CONFIG_RPMSG_QCOM_GLINK_SMEM=y"),
     {}, {"CONFIG_RPMSG": ("differs", "selected by RPMSG_QCOM_GLINK_SMEM=y")}, []),
    ("interconnects needed on rb5 only when INTERCONNECT is on",
     but("CONFIG_INTERCONNECT=y"), {"board": "rb5"},
     {"CONFIG_INTERCONNECT_QCOM_SM8250": ("problem", NOT_MERGED)},
     ["CONFIG_INTERCONNECT_QCOM_SM8250"]),
    ("... and not with INTERCONNECT off", GOOD, {"board": "rb5"},
     {"CONFIG_INTERCONNECT_QCOM_SM8250": ("differs", "depends on INTERCONNECT=n")}, []),
    ("... nor on db845c", but("CONFIG_INTERCONNECT=y"), {"board": "db845c"},
     {"CONFIG_INTERCONNECT_QCOM_SM8250": ("differs", NOT_MERGED)}, []),
]


wants = kconfig.read_fragment(FRAG)
tap.check([(w["option"], w["want"], w["needed"], w["cond"]) for w in wants] == [
    ("CONFIG_NR_CPUS", "8", False, None), ("CONFIG_QCOM_SOC", "y", False, None),
    ("CONFIG_ARCH_QCOM", "y", ("db845c", "rb5"), None),
    ("CONFIG_QCOM_SMEM", "y", ("db845c", "rb5"), None),
    ("CONFIG_QCOM_Q6V5_MSS", "y", ("db845c",), None),
    ("CONFIG_INTERCONNECT_QCOM_SM8250", "y", ("rb5",), "INTERCONNECT"),
    ("CONFIG_QCOM_SYSMON", "n", False, None), ("CONFIG_RPMSG", "n", False, None),
    ("CONFIG_OF_A_LATER_KERNEL", "y", ("db845c", "rb5"), None)],
    "the fragment's markers: nice before any, needed on both boards, on one, if a symbol",
    json.dumps(wants))

for what, lines, kw, expect, bad in TABLE:
    path = os.path.join(tmp, "table.config")
    write(path, "\n".join(lines) + "\n")
    config = kconfig.read_config(path)
    for with_kc in (kc, None):
        res = {r["option"]: r for r in kconfig.check(config, wants, kconfig=with_kc, **kw)}
        got = {o: (res[o]["status"], res[o]["why"]) for o in expect}
        want = dict(expect)
        probs = [r["option"] for r in kconfig.problems(res.values())]
        bad_here = bad
        if with_kc is None:
            # without Kconfig: the same statuses and problems, reasons only
            # for the caps of the chain's drivers it knows; and a symbol
            # the .config does not list cannot be told from one it lacks,
            # so the needed option of a later kernel is a problem there
            want = {o: ("problem" if s == "unknown" else s,
                        w if w and w.startswith("capped") else None)
                    for o, (s, w) in want.items()}
            bad_here = bad + ["CONFIG_OF_A_LATER_KERNEL"]
        tap.check(got == want and probs == sorted(bad_here, key=list(res).index),
                  "%s: %s" % (what, "with the Kconfig files" if with_kc else
                              "without them"),
                  "got %r\nwant %r\nproblems %r, want %r" % (got, want, probs, bad_here))

# --- the real fragment: what the chain needs on each board
real = {w["sym"]: w for w in kconfig.read_fragment()}
tap.check(real["QCOM_Q6V5_MSS"]["needed"] == ("db845c",) and
          real["QCOM_Q6V5_PAS"]["needed"] == ("rb5",) and
          real["QCOM_IPCC"]["needed"] == ("rb5",) and
          all(real[s]["needed"] == ("db845c", "rb5") for s in (
              "QCOM_SCM", "QCOM_SMEM", "QCOM_SMP2P", "QCOM_RPMHPD", "QCOM_AOSS_QMP",
              "SERIAL_QCOM_GENI_CONSOLE", "BLK_DEV_INITRD", "REMOTEPROC")) and
          real["INTERCONNECT_QCOM_SDM845"]["cond"] == "INTERCONNECT" and
          not real["QCOM_SOC"]["needed"] and not real["PM_DEVFREQ"]["needed"] and
          all(real[s]["want"] == "n" and not real[s]["needed"] for s in (
              "QCOM_SYSMON", "RPMSG_QCOM_GLINK_SMEM", "RPMSG_QCOM_GLINK_RPM",
              "RPMSG_QCOM_SMD")) and
          all(w["want"] in ("y", "n") for w in real.values() if w["needed"]),
          "the real fragment: the drivers needed on their board, the chain on both, "
          "QCOM_SOC (7.3 only) and PM_DEVFREQ nice, the four caps of the drivers off")
for bad in ("# check-config: needful\nCONFIG_A=y\n", "# check-config: needed sdm845\nCONFIG_A=y\n",
            "# check-config: needed if\nCONFIG_A=y\n", "# nothing\n"):
    write(os.path.join(tmp, "bad.config"), bad)
    try:
        kconfig.read_fragment(os.path.join(tmp, "bad.config"))
        ok = False
    except kconfig.ConfigError:
        ok = True
    tap.check(ok, "a malformed fragment is an error: %r" % bad.splitlines()[0])


# --- the command line
def cli(*argv):
    r = subprocess.run([sys.executable, CHECK_CONFIG] + list(argv), capture_output=True,
                       text=True)
    return r.returncode, r.stdout + r.stderr


write(os.path.join(tmp, "good", ".config"), "\n".join(GOOD) + "\n")
write(os.path.join(tmp, "mss-m", ".config"), "\n".join(MSS_M) + "\n")
rc, out = cli("--fragment", FRAG, "--source", SRC, os.path.join(tmp, "good"))
tap.check(rc == 0 and "has the options it needs" in out and "unknown to this kernel" in out,
          "check-config on a directory with a good .config: exit 0", out)
rc, out = cli("--fragment", FRAG, "--source", SRC, os.path.join(tmp, "mss-m", ".config"))
tap.check(rc == 1 and any(l.startswith("CONFIG_QCOM_Q6V5_MSS") and "want y" in l and
                          "have m" in l and "PROBLEM" in l and "(%s)" % CAPPED in l
                          for l in out.splitlines()) and "--modules" in out,
          "MSS=m without modules: exit 1, the option with want, have and its caps", out)
rc, out = cli("--fragment", FRAG, "--source", SRC, "--modules", os.path.join(tmp, "mss-m"))
tap.check(rc == 0 and "ok (module)" in out, "the same with --modules: exit 0", out)
rc, out = cli("--fragment", FRAG, "--source", SRC, "--board", "rb5", os.path.join(tmp, "mss-m"))
tap.check(rc == 0, "the same for rb5's chain only: exit 0", out)
# an O= directory: its "source" link names the tree whose Kconfig explains
odir = os.path.join(tmp, "obj")
os.makedirs(odir)
os.symlink(SRC, os.path.join(odir, "source"))
shutil.copy(os.path.join(tmp, "mss-m", ".config"), odir)
rc, out = cli("--fragment", FRAG, "-q", odir)
tap.check(rc == 1 and out.count("\n") == 1 and CAPPED in out,
          "an O= directory: the Kconfig of its source link; -q prints the problems only", out)
rc, out = cli("--fragment", FRAG, "--all", os.path.join(tmp, "good"))
tap.check(rc == 1 and "CONFIG_ARCH_QCOM" in out and "CONFIG_OF_A_LATER_KERNEL" in out,
          "without Kconfig an option the .config does not list cannot be told from one "
          "it lacks: a problem when needed; --all lists every option", out)
for argv, what in (([os.path.join(tmp, "nothing")], "a .config that does not exist"),
                   ([FRAG + ".none"], "an unreadable file"),
                   (["--fragment", os.path.join(tmp, "bad.config"), os.path.join(tmp, "good")],
                    "a fragment without options"),
                   (["--bogus", os.path.join(tmp, "good")], "an unknown option"),
                   (["--source", tmp, os.path.join(tmp, "good")], "a --source without Kconfig")):
    rc, out = cli(*argv)
    tap.check(rc == 2, "exit 2 for %s" % what, out)
write(os.path.join(tmp, "empty.config"), "# nothing here\n")
rc, out = cli(os.path.join(tmp, "empty.config"))
tap.check(rc == 2 and "no kernel configuration" in out, "exit 2 for a file with no CONFIG_ line",
          out)

# --- Debian's 6.1 Kconfig: arm64 defconfig's trap, named
if os.path.isfile(os.path.join(SRC61, "Kconfig")):
    kc61 = kconfig.Kconfig(SRC61)
    cfg = {"OF": "y", "ARCH_QCOM": "y", "REMOTEPROC": "y", "QCOM_SMEM": "y",
           "MODULES": "y", "RPMSG": "y", "NET": "y", "MAILBOX": "y",
           "RPMSG_QCOM_SMD": "y", "RPMSG_QCOM_GLINK": "y", "RPMSG_QCOM_GLINK_RPM": "y",
           "RPMSG_QCOM_GLINK_SMEM": "m", "QCOM_SYSMON": "m", "QCOM_AOSS_QMP": "y",
           "QCOM_Q6V5_MSS": "m", "QCOM_Q6V5_PAS": "m"}
    res = {r["option"]: r for r in kconfig.check(cfg, kconfig.read_fragment(), kconfig=kc61)}
    tap.check(res["CONFIG_QCOM_Q6V5_MSS"]["why"] ==
              "capped: RPMSG_QCOM_GLINK_SMEM=m, QCOM_SYSMON=m" and
              res["CONFIG_QCOM_Q6V5_PAS"]["status"] == "problem" and
              res["CONFIG_QCOM_SOC"]["status"] == "unknown",
              "6.1's Kconfig: defconfig's MSS and PAS capped by GLINK_SMEM and SYSMON; "
              "QCOM_SOC unknown to 6.1", json.dumps(res["CONFIG_QCOM_Q6V5_MSS"]))
else:
    tap.check(True, "# SKIP Debian's 6.1 source not in the cache")


# --- check-kernel --kernel-tree: the tree's .config before any boot
def tree_with(config_lines, board_dtbs=True):
    d = tempfile.mkdtemp(dir=tmp, prefix="tree-")
    img = bytearray(64)
    img[56:60] = b"ARM\x64"
    struct.pack_into("<QQ", img, 8, 0, 0x100000)
    os.makedirs(os.path.join(d, "arch", "arm64", "boot"))
    with open(os.path.join(d, "arch", "arm64", "boot", "Image"), "wb") as f:
        f.write(bytes(img))
    os.makedirs(os.path.join(d, DTS))
    for dtb in ("sdm845-db845c.dtb", "qrb5165-rb5.dtb"):
        shutil.copy(os.path.join(qms.GUEST, "linux-stock", DTS, dtb), os.path.join(d, DTS))
    if config_lines is not None:
        write(os.path.join(d, ".config"), "\n".join(config_lines) + "\n")
    return d


def check_kernel(*argv):
    """check-kernel's main with /bin/false for QEMU: a configuration it
    accepts goes on to the run, which QEMU ends at once (125, "QEMU
    exited")."""
    js = os.path.join(tmp, "report.json")
    buf = io.StringIO()
    with redirect_stdout(buf):
        rc = ck.main(list(argv) + ["--qemu", "/bin/false", "--json", js])
    with open(js) as f:
        return rc, json.load(f), buf.getvalue()


# the fragment's own values: what build-kernel's kernels have
stock = kconfig.read_config(os.path.join(qms.GUEST, "linux-stock", ".config"))
good = ["CONFIG_%s=%s" % kv if kv[1] != "n" else "# CONFIG_%s is not set" % kv[0]
        for kv in stock.items()]


def edit(lines, *changes):
    out = list(lines)
    for c in changes:
        sym = c.lstrip("-# ").split("=")[0].split(" ")[0]
        out = [l for l in out if l.lstrip("# ").split("=")[0].split(" ")[0] != sym]
        if not c.startswith("-"):
            out.append(c)
    return out


t = tree_with(edit(good, "CONFIG_MODULES=y", "CONFIG_QCOM_Q6V5_MSS=m", "CONFIG_QCOM_SYSMON=m"))
rc, rep, out = check_kernel("--kernel-tree", t)
cfg = rep.get("config") or {}
tap.check(rc == 125 and "CONFIG_QCOM_Q6V5_MSS want y have m" in rep.get("reason", "") and
          "capped: QCOM_SYSMON=m" in rep.get("reason", "") and
          [p["option"] for p in cfg.get("problems", [])] == ["CONFIG_QCOM_Q6V5_MSS"] and
          "CONFIG_QCOM_Q6V5_MSS want y have m" in out and not rep.get("steps"),
          "check-kernel, a tree with MSS=m and no modules: 125 before the boot, the option "
          "named in the reason, the console and the JSON", out)
rc, rep, out = check_kernel("--kernel-tree", t, "--strict-boot")
tap.check(rc == 125 and "CONFIG_QCOM_Q6V5_MSS" in rep.get("reason", ""),
          "... 125 with --strict-boot too: a configuration is never 1", out)
t2 = tree_with(edit(good, "-CONFIG_QCOM_SMP2P"))
rc, rep, out = check_kernel("--kernel-tree", t2, "--board", "rb5")
tap.check(rc == 125 and "CONFIG_QCOM_SMP2P want y have absent" in rep.get("reason", "") and
          [p["option"] for p in (rep.get("config") or {}).get("problems", [])] ==
          ["CONFIG_QCOM_SMP2P"],
          "check-kernel --board rb5, a tree without SMP2P: 125 naming CONFIG_QCOM_SMP2P", out)
rc, rep, out = check_kernel("--kernel-tree", t, "--board", "rb5")
tap.check(rc == 125 and rep.get("reason", "").startswith("QEMU exited") and
          (rep.get("config") or {}).get("problems") == [],
          "check-kernel --board rb5 on the MSS=m tree: rb5's chain has no modem, no "
          "complaint (the run goes on to QEMU)", out)
rc, rep, out = check_kernel("--kernel-tree", tree_with(good))
tap.check(rc == 125 and rep.get("reason", "").startswith("QEMU exited") and
          (rep.get("config") or {}).get("problems") == [] and
          (rep.get("config") or {}).get("path", "").endswith(".config"),
          "check-kernel on a tree with the fragment's configuration: no complaint, the "
          "check in the JSON", out)
rc, rep, out = check_kernel("--kernel-tree", tree_with(None))
tap.check(rc == 125 and rep.get("reason", "").startswith("QEMU exited") and
          "config" not in rep, "check-kernel on a tree without .config: nothing checked", out)

shutil.rmtree(tmp)
tap.done()
