"""The kernel modules check-kernel packs into the initramfs: found in an
installed directory (--modules DIR: INSTALL_MOD_PATH, its lib/modules,
or lib/modules/RELEASE) or in a --kernel-tree (its lib/modules/RELEASE,
as guest/build-kernel installs them; or, in a build tree with a
modules.order, installed from it into a scratch directory, as make
modules_install would), checked against the kernel's release, and cut
down to what the device tree can need: the modules with an of: alias
that matches a node the DT enables, and their dependencies. The test
init (guest/init/init.c) loads them by modalias, as udev would."""

import fnmatch
import os
import re
import shutil
import subprocess

import fdt

# what the init reads of the release directory, besides the modules
INDEX = ("modules.dep", "modules.alias", "modules.order", "modules.builtin",
         "modules.softdep")
KO_RE = re.compile(r"\.ko(\.(gz|xz|zst))?$")


class ModulesError(Exception):
    """The modules cannot be used with this kernel: check-kernel's 125."""


def image_release(path):
    """The kernel's release (uname -r) from its banner, "Linux version
    RELEASE (...", in the Image or ELF; None if it has none."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    m = re.search(rb"Linux version (\d[^\s\x00]*) \(", data)
    return m.group(1).decode("ascii", "replace") if m else None


def releases(d):
    """{release: directory} of the installed modules under d: d itself
    (lib/modules/RELEASE), d/RELEASE (lib/modules) or
    d/lib/modules/RELEASE (INSTALL_MOD_PATH)."""
    if os.path.isfile(os.path.join(d, "modules.dep")):
        return {os.path.basename(os.path.normpath(d)): d}
    out = {}
    for top in (d, os.path.join(d, "lib", "modules")):
        if not os.path.isdir(top):
            continue
        for r in sorted(os.listdir(top)):
            if os.path.isfile(os.path.join(top, r, "modules.dep")):
                out[r] = os.path.join(top, r)
        if out:
            break
    return out


def install_from_tree(tree, dest, cross="aarch64-linux-gnu-"):
    """make modules_install for a build tree (or O= directory) that built
    modules (modules.order), without running its make: the .ko files of
    modules.order, stripped of debug information when the cross strip is
    there, with the tree's modules.order and modules.builtin*, indexed by
    depmod, in dest/lib/modules/RELEASE. None if the tree has no
    modules."""
    order = os.path.join(tree, "modules.order")
    relfile = os.path.join(tree, "include", "config", "kernel.release")
    if not os.path.isfile(order) or not os.path.isfile(relfile):
        return None
    with open(order) as f:
        mods = [re.sub(r"\.o$", ".ko", l.strip()) for l in f if l.strip()]
    if not mods:
        return None
    with open(relfile) as f:
        rel = f.read().strip()
    out = os.path.join(dest, "lib", "modules", rel)
    strip = shutil.which(cross + "strip")
    for m in mods:
        src = os.path.join(tree, m)
        if not os.path.isfile(src):
            raise ModulesError("%s lists %s, which the tree has not built (make modules)"
                               % (order, m))
        dst = os.path.join(out, "kernel", m)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if strip:
            subprocess.run([strip, "--strip-debug", "-o", dst, src], check=True,
                           capture_output=True)
        else:
            shutil.copyfile(src, dst)
    with open(os.path.join(out, "modules.order"), "w") as f:
        f.write("".join("kernel/%s\n" % m for m in mods))
    for name in ("modules.builtin", "modules.builtin.modinfo"):
        if os.path.isfile(os.path.join(tree, name)):
            shutil.copyfile(os.path.join(tree, name), os.path.join(out, name))
    depmod = shutil.which("depmod") or next(
        (p for p in ("/usr/sbin/depmod", "/sbin/depmod") if os.access(p, os.X_OK)), None)
    if not depmod:
        raise ModulesError("depmod not found, which indexes the tree's modules: install "
                           "the Debian package kmod")
    r = subprocess.run([depmod, "-b", dest, rel], capture_output=True, text=True)
    if r.returncode:
        raise ModulesError("depmod failed on the tree's modules: " + r.stderr.strip())
    return out


def module_name(path):
    return KO_RE.sub("", os.path.basename(path)).replace("-", "_")


def read_index(d):
    """modules.dep as {name: (path, [dependency names])} and modules.alias
    as [(pattern, name)]."""
    deps = {}
    with open(os.path.join(d, "modules.dep")) as f:
        for line in f:
            if ":" not in line or line.startswith("#"):
                continue
            path, _, rest = line.partition(":")
            deps[module_name(path)] = (path.strip(), [module_name(p) for p in rest.split()])
    aliases = []
    try:
        with open(os.path.join(d, "modules.alias")) as f:
            for line in f:
                p = line.split()
                if len(p) == 3 and p[0] == "alias":
                    aliases.append((p[1], p[2].replace("-", "_")))
    except FileNotFoundError:
        pass
    return deps, aliases


def dt_modaliases(dtb):
    """The modalias Linux gives the device of each node the DT enables,
    "of:NnameTtypeCcompat1Ccompat2" (of_device_modalias())."""
    tree = fdt.load(dtb)
    out = []
    for n in tree.root.walk():
        compat = n.strings("compatible")
        if not compat or not n.enabled():
            continue
        out.append("of:N%sT%s%s" % (n.name.split("@")[0], n.string("device_type") or "(null)",
                                    "".join("C" + c.replace(" ", "_") for c in compat)))
    return out


def select(d, modaliases):
    """The modules of d that the modaliases can need, with their
    dependencies, in modules.dep order: [(name, path)]."""
    deps, aliases = read_index(d)
    want = set()
    for pattern, name in aliases:
        if name in deps and name not in want and any(
                fnmatch.fnmatchcase(m, pattern) for m in modaliases):
            want.add(name)
    todo = list(want)
    while todo:
        for dep in deps.get(todo.pop(), ("", []))[1]:
            if dep in deps and dep not in want:
                want.add(dep)
                todo.append(dep)
    return [(name, deps[name][0]) for name in deps if name in want]


def pack(d, release, chosen, scratch):
    """(file, path in the guest) for the chosen modules of d under
    /lib/modules/RELEASE, with a modules.dep and modules.alias of theirs
    only (written in scratch), and the size of the modules."""
    names = {n for n, _ in chosen}
    deps, aliases = read_index(d)
    guest = "/lib/modules/" + release
    os.makedirs(scratch, exist_ok=True)
    with open(os.path.join(scratch, "modules.dep"), "w") as f:
        for n, path in chosen:
            f.write("%s: %s\n" % (path, " ".join(deps[x][0] for x in deps[n][1] if x in names)))
    with open(os.path.join(scratch, "modules.alias"), "w") as f:
        f.write("# the aliases of the modules packed (modules.alias of %s)\n" % d)
        for pattern, n in aliases:
            if n in names:
                f.write("alias %s %s\n" % (pattern, n))
    files = [(os.path.join(scratch, "modules.dep"), guest + "/modules.dep"),
             (os.path.join(scratch, "modules.alias"), guest + "/modules.alias")]
    for name in INDEX[2:]:
        if os.path.isfile(os.path.join(d, name)):
            files.append((os.path.join(d, name), "%s/%s" % (guest, name)))
    size = 0
    for _, path in chosen:
        src = os.path.join(d, path)
        if not os.path.isfile(src):
            raise ModulesError("%s lists %s, which is not there" % (
                os.path.join(d, "modules.dep"), src))
        size += os.path.getsize(src)
        files.append((src, "%s/%s" % (guest, path)))
    return files, size
