#!/usr/bin/env python3
"""The machines' device trees against the kernel's own bindings: every DTB
that the db845c and rb5 boards generate as their own (one per machine and
option set below) passes
dt-validate (Debian's dt-schema) with the YAML bindings of the guest
kernel's source (linux-source-6.1, unpacked by guest/build-kernel) and
dtc's checks at the kernel's default warning level; and each node with a
compatible is selected by a binding that names that compatible, since
dt-validate says nothing about a node no schema selects. A DTB with a
deliberately broken node must be reported, so the harness itself can fail.
A compatible that 6.1 documents only in a text binding is accepted only
when listed in TEXT_ONLY below.

    tests/host/test_dt_validate.py [MACHINE...]
        MACHINE: "db845c", "db845c,metadata=on", "rb5" ... [the list below]

The processed schema (dt-mk-schema over all of the kernel's bindings, about
40 s) is cached next to the kernel source, keyed by the dt-schema version.
"""

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "guest"))
import qms  # noqa: E402

# Machines, with their options, whose DTBs are validated.
VARIANTS = ["db845c", "db845c,metadata=on", "rb5"]

# dtc warnings the kernel turns off when building DTBs without W=
# (scripts/Makefile.lib of Linux 6.1).
DTC_KERNEL_FLAGS = ["-Wno-interrupt_provider", "-Wno-unit_address_vs_reg",
                    "-Wno-avoid_unnecessary_addr_size", "-Wno-alias_paths",
                    "-Wno-graph_child_address", "-Wno-simple_bus_reg",
                    "-Wno-unique_unit_address"]

# Compatibles that Linux 6.1 documents only in a text binding, which
# dt-validate cannot read: each is accepted only while that text file names
# it and no YAML binding does; the node is then not checked beyond dtc.
TEXT_ONLY = {
    # SDM845's MSS (the generation we model); SC7180's has a YAML binding
    "qcom,sdm845-mss-pil": "remoteproc/qcom,q6v5.txt",
}

TOOLS = ("dt-validate", "dt-mk-schema", "dtc")

tap = qms.Tap()
LOG = os.path.join(qms.BUILD, "test-logs", "dt-validate.log")


def run(args, timeout=600):
    p = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace")


def fail_and_stop(desc, detail):
    tap.check(False, desc, detail)
    tap.done()


def kernel_source():
    """(version, src) of the guest kernel source guest/build-kernel unpacked."""
    cache = os.environ.get("QCOM_MSS_SIM_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
        "qcom-mss-sim")
    try:
        with open(os.path.join(qms.GUEST, "linux-stock", "version")) as f:
            version = f.read().strip()
    except OSError:
        with open(os.path.join(qms.TOP, "guest", "build-kernel")) as f:
            version = re.search(r"^PINNED_VERSION=(\S+)", f.read(), re.M).group(1)
    return version, os.path.join(cache, "linux", version, "src")


def processed_schema(version, src, dtschema_version):
    """Path of the processed schema, made (and cached) when missing."""
    bindings = os.path.join(src, "Documentation", "devicetree", "bindings")
    out_dir = os.path.join(os.path.dirname(src), "dt-schema")
    out = os.path.join(out_dir, "processed-%s.json" % dtschema_version)
    if os.path.isfile(out):
        return out, None, ""
    os.makedirs(out_dir, exist_ok=True)
    tmp = "%s.%d.tmp" % (out, os.getpid())
    t0 = time.monotonic()
    rc, text = run(["dt-mk-schema", "-j", "-o", tmp, bindings])
    secs = time.monotonic() - t0
    if rc != 0 or not os.path.isfile(tmp):
        if os.path.exists(tmp):
            os.unlink(tmp)
        return None, secs, text
    os.replace(tmp, out)
    return out, secs, text


def fdt_nodes(path):
    """{node path: {property: bytes}} of a flattened device tree."""
    with open(path, "rb") as f:
        data = f.read()
    magic, _, off_struct, off_strings = struct.unpack_from(">4I", data, 0)
    if magic != 0xD00DFEED:
        raise ValueError("%s is not a DTB" % path)
    nodes, stack, pos = {}, [], off_struct
    while True:
        (tok,) = struct.unpack_from(">I", data, pos)
        pos += 4
        if tok == 1:                                    # FDT_BEGIN_NODE
            end = data.index(b"\0", pos)
            stack.append(data[pos:end].decode())
            pos = (end + 4) & ~3
            nodes["/" + "/".join(stack[1:])] = {}
        elif tok == 2:                                  # FDT_END_NODE
            stack.pop()
        elif tok == 3:                                  # FDT_PROP
            length, nameoff = struct.unpack_from(">II", data, pos)
            pos += 8
            noff = off_strings + nameoff
            name = data[noff:data.index(b"\0", noff)].decode()
            nodes["/" + "/".join(stack[1:])][name] = data[pos:pos + length]
            pos = (pos + length + 3) & ~3
        elif tok == 4:                                  # FDT_NOP
            continue
        elif tok == 9:                                  # FDT_END
            return nodes
        else:
            raise ValueError("%s: bad FDT token %#x" % (path, tok))


def select_compatibles(select):
    """Strings and patterns of 'compatible' a schema's select keys on."""
    strings, patterns = set(), []

    def walk(o, under_compat):
        if isinstance(o, dict):
            for k, v in o.items():
                if under_compat and k in ("enum", "const"):
                    for s in v if isinstance(v, list) else [v]:
                        if isinstance(s, str):
                            strings.add(s)
                elif under_compat and k == "pattern" and isinstance(v, str):
                    patterns.append(v)
                else:
                    walk(v, under_compat or k == "compatible")
        elif isinstance(o, list):
            for v in o:
                walk(v, under_compat)
    walk(select, False)
    return strings, patterns


def parse_validate(text):
    """dt-validate -m -M output: {file: {'errors': [block], 'unmatched':
    [line], 'matched': {node path: [schema $id]}}}."""
    blocks, cur = [], None
    for line in text.splitlines():
        if line.startswith("\t") and cur is not None:
            cur.append(line)
        else:
            cur = [line]
            blocks.append(cur)
    res = {}
    for b in blocks:
        m = re.match(r"(/[^:]+\.dtb):(?:\d+:\d+:)? ?(.*)", b[0])
        r = res.setdefault(m and m.group(1), {"errors": [], "unmatched": [], "matched": {}})
        if not m:
            r["errors"].append(b)
            continue
        rest = m.group(2)
        mm = re.match(r"(\S+): matched on schema\(s\)$", rest)
        if mm:
            r["matched"][mm.group(1)] = [l.strip() for l in b[1:]]
        elif "failed to match any schema with compatible" in rest:
            r["unmatched"].append(rest)
        else:
            r["errors"].append([rest] + b[1:])
    return res


def condense(block, keep=6):
    """An error block, its long list of alternatives cut to a few lines."""
    head, body = block[0], [l for l in block[1:] if "From schema" not in l]
    src = [l.strip() for l in block[1:] if "From schema" in l]
    def near(line):
        # "'v' is not one of [...]" where a listed value extends v: the
        # alternative the binding offers for this very value
        m = re.match(r"\s*'([^']+)' is not one of \[(.*)\]", line)
        return m and "'%s" % m.group(1) in m.group(2)
    shown = [l for i, l in enumerate(body) if i < keep or near(l)]
    out = [head] + ["    " + l.strip() for l in shown]
    if len(body) > len(shown):
        out.append("    ... %d more lines (full output: %s)" % (len(body) - len(shown), LOG))
    return out + ["    " + s for s in src]


def short_id(sid):
    return sid.replace("http://devicetree.org/schemas/", "").rstrip("#")


# --- tools and inputs --------------------------------------------------------
missing = [t for t in TOOLS if shutil.which(t) is None]
if missing:
    fail_and_stop("dt-schema and dtc tools are installed",
                  "missing: %s\ninstall the Debian packages dt-schema and "
                  "device-tree-compiler (scripts/setup-host does)" % " ".join(missing))
rc, dtschema_version = run(["dt-validate", "-V"])
dtschema_version = dtschema_version.strip()
if rc != 0 or not re.match(r"^[0-9][0-9.]*\S*$", dtschema_version):
    fail_and_stop("dt-validate -V gives its version", dtschema_version)

version, src = kernel_source()
if not os.path.isfile(os.path.join(src, ".extracted")):
    fail_and_stop("the kernel's bindings are there (linux-source-6.1 %s)" % version,
                  "%s is missing: run 'make kernel' (guest/build-kernel unpacks it)" % src)

schema, secs, mk_out = processed_schema(version, src, dtschema_version)
how = "cached" if secs is None else "processed in %.1f s" % secs
tap.check(schema is not None,
          "Linux %s bindings processed with dt-schema %s (%s)" % (version, dtschema_version, how),
          mk_out)
if schema is None:
    tap.done()
for line in mk_out.splitlines():
    print("# dt-mk-schema: " + line)
with open(schema) as f:
    schemas = json.load(f)
schemas = schemas if isinstance(schemas, list) else list(schemas.values())
selects = {s["$id"]: select_compatibles(s.get("select", {}))
           for s in schemas if isinstance(s, dict) and "$id" in s}

# --- DTBs --------------------------------------------------------------------
variants = sys.argv[1:] or VARIANTS
work = tempfile.mkdtemp(prefix="qms-dt-")
dtbs = {}
for machine in variants:
    name = re.sub(r"[^A-Za-z0-9]+", "-", machine)
    dtb = os.path.join(work, name + ".dtb")
    rc, out = run([qms.QEMU, "-display", "none", "-M", machine + ",dumpdtb=" + dtb], 60)
    if tap.check(rc == 0 and os.path.isfile(dtb), "-M %s dumps its DTB" % machine, out):
        dtbs[machine] = dtb

for machine, dtb in dtbs.items():
    rc, out = run(["dtc", "-I", "dtb", "-O", "dtb", "-o", os.devnull]
                  + DTC_KERNEL_FLAGS + [dtb], 60)
    tap.check(rc == 0 and "Warning" not in out and "ERROR" not in out,
              "DTB of -M %s passes dtc's checks (kernel's default warnings)" % machine, out)

# A small DTB with a node its binding rejects (pl011 needs reg and
# interrupts): dt-validate must report it, or the checks below prove nothing.
broken = os.path.join(work, "broken.dtb")
p = subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", broken, "-"],
                   input=b'/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>;\n'
                         b'serial@0 { compatible = "arm,pl011"; }; };\n',
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
if p.returncode != 0:
    tap.check(False, "dtc compiles a DTB with a broken node", p.stdout.decode(errors="replace"))
    broken = None

files = list(dtbs.values()) + ([broken] if broken else [])
t0 = time.monotonic()
rc, out = run(["dt-validate", "-m", "-M", "-s", schema] + files)
vsecs = time.monotonic() - t0
os.makedirs(os.path.dirname(LOG), exist_ok=True)
with open(LOG, "w") as f:
    f.write(out)
print("# dt-validate of %d DTBs: %.1f s (schema: %s)" % (len(files), vsecs, how))
res = parse_validate(out)
if None in res or rc != 0:
    tap.check(False, "dt-validate runs", out)

if broken:
    errs = res.get(broken, {}).get("errors", [])
    tap.check(any("serial@0" in b[0] and "required property" in "\n".join(b) for b in errs),
              "a DTB with a broken pl011 node is reported (the check can fail)",
              "dt-validate said about %s:\n%s" % (broken, "\n".join(
                  "\n".join(b) for b in errs) or "nothing"))

covered = set()
for machine, dtb in dtbs.items():
    r = res.get(dtb, {"errors": [], "unmatched": [], "matched": {}})
    detail = []
    for b in r["errors"]:
        detail += condense(b)
    if len(r["errors"]) > 1:
        # TAP shows the last 40 lines: end with one line per error
        detail += ["%d errors (full output: %s):" % (len(r["errors"]), LOG)] + \
            ["  " + b[0] for b in r["errors"]]
    tap.check(not r["errors"] and "/" in r["matched"],
              "DTB of -M %s validates against the Linux %s bindings" % (machine, version),
              "\n".join(detail) if detail else
              "dt-validate did not read %s:\n%s" % (dtb, out[-2000:]))

    # Each node with a compatible: selected by a binding that names it.
    unmatched = {l.split(": ")[0]: l for l in r["unmatched"]}
    for path, props in fdt_nodes(dtb).items():
        if "compatible" not in props:
            continue
        compat = [c.decode(errors="replace")
                  for c in props["compatible"].rstrip(b"\0").split(b"\0")]
        if (path, tuple(compat)) in covered:
            continue
        covered.add((path, tuple(compat)))
        by = []
        for sid in r["matched"].get(path, []):
            strings, patterns = selects.get(sid, (set(), []))
            if set(compat) & strings or any(re.search(p, c) for p in patterns for c in compat):
                by.append(short_id(sid))
        text = [c for c in compat if c in TEXT_ONLY]
        if not by and text:
            c = text[0]
            txt = os.path.join(src, "Documentation", "devicetree", "bindings", TEXT_ONLY[c])
            try:
                with open(txt) as f:
                    named = '"%s"' % c in f.read()
            except OSError:
                named = False
            yaml_too = any(c in st for st, _ in selects.values())
            tap.check(named and not yaml_too,
                      "%s (%s) has only the text binding %s: dt-validate cannot check it"
                      % (path, " ".join(compat), TEXT_ONLY[c]),
                      "%s %s; drop it from TEXT_ONLY" % (
                          c, "has a YAML binding now" if yaml_too else
                          "is not in " + txt))
            continue
        why = ([] if by else ["no binding selects it by its compatible"]) + \
            ([unmatched[path]] if path in unmatched else [])
        tap.check(not why,
                  "%s (%s) is checked by %s" % (path, " ".join(compat),
                                               ", ".join(by) or "no binding"),
                  "in -M %s: %s" % (machine, "\n".join(why)))

shutil.rmtree(work, ignore_errors=True)
tap.done()
