"""Read a flattened device tree (DTB): the nodes, their properties and
phandles, and what check-kernel asks of a board's DT (its root compatible,
the reserved memory, a node's memory regions and firmware names).

Only reading, and only what the DTB says: no overlays, no /aliases
resolution. Malformed input raises FdtError with what is wrong, never
another exception (tests/host/test_fdt.py feeds it damaged blobs)."""

import struct

FDT_MAGIC = 0xd00dfeed
FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_NOP, FDT_END = 1, 2, 3, 4, 9
MAX_DEPTH = 64


class FdtError(Exception):
    pass


class Node:
    def __init__(self, name, parent):
        self.name = name
        self.parent = parent
        self.props = {}
        self.children = []

    @property
    def path(self):
        if self.parent is None:
            return "/"
        up = self.parent.path
        return (up if up != "/" else "") + "/" + self.name

    def child(self, name):
        return next((c for c in self.children if c.name == name), None)

    def strings(self, prop):
        """A string-list property (e.g. compatible) as a list; [] if absent."""
        raw = self.props.get(prop)
        if raw is None:
            return []
        if not raw.endswith(b"\0"):
            raise FdtError("%s: property %s is not a string list" % (self.path, prop))
        try:
            return raw[:-1].decode("ascii").split("\0")
        except UnicodeDecodeError:
            raise FdtError("%s: property %s is not ASCII" % (self.path, prop))

    def string(self, prop):
        s = self.strings(prop)
        return s[0] if s else None

    def cells(self, prop):
        raw = self.props.get(prop)
        if raw is None:
            return []
        if len(raw) % 4:
            raise FdtError("%s: property %s is not a list of cells" % (self.path, prop))
        return list(struct.unpack(">%dI" % (len(raw) // 4), raw))

    def cell(self, prop, default=None):
        c = self.cells(prop)
        return c[0] if c else default

    def enabled(self):
        return self.string("status") in (None, "okay", "ok")

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class Fdt:
    def __init__(self, blob):
        if len(blob) < 40:
            raise FdtError("too short for a DTB header (%d bytes)" % len(blob))
        (magic, totalsize, off_struct, off_strings, _rsvmap, version,
         _last_comp, _cpu, size_strings, size_struct) = struct.unpack_from(">10I", blob)
        if magic != FDT_MAGIC:
            raise FdtError("not a DTB (magic 0x%08x)" % magic)
        if version < 16:
            raise FdtError("DTB version %d is older than 16" % version)
        if totalsize > len(blob):
            raise FdtError("DTB says %d bytes, the file has %d" % (totalsize, len(blob)))
        for off, size, what in ((off_struct, size_struct, "structure"),
                                (off_strings, size_strings, "strings")):
            if off > totalsize or size > totalsize - off:
                raise FdtError("%s block 0x%x+0x%x is outside the DTB" % (what, off, size))
        self._strings = blob[off_strings:off_strings + size_strings]
        self.root = self._parse(blob[off_struct:off_struct + size_struct])
        self.phandles = {}
        for n in self.root.walk():
            ph = n.cell("phandle")
            if ph is not None:
                self.phandles[ph] = n

    def _name(self, off):
        end = self._strings.find(b"\0", off)
        if off >= len(self._strings) or end < 0:
            raise FdtError("property name offset 0x%x is outside the strings" % off)
        return self._strings[off:end].decode("ascii", "replace")

    def _parse(self, st):
        pos, root, node, depth = 0, None, None, 0

        def word():
            nonlocal pos
            if pos + 4 > len(st):
                raise FdtError("structure block ends inside a token")
            v = struct.unpack_from(">I", st, pos)[0]
            pos += 4
            return v

        while True:
            tok = word()
            if tok == FDT_BEGIN_NODE:
                end = st.find(b"\0", pos)
                if end < 0:
                    raise FdtError("unterminated node name")
                name = st[pos:end].decode("ascii", "replace")
                pos = (end + 4) & ~3
                if node is None and root is not None:
                    raise FdtError("a second root node")
                depth += 1
                if depth > MAX_DEPTH:
                    raise FdtError("nodes nested deeper than %d" % MAX_DEPTH)
                new = Node(name, node)
                if node is None:
                    root = new
                else:
                    node.children.append(new)
                node = new
            elif tok == FDT_END_NODE:
                if node is None:
                    raise FdtError("END_NODE without a node")
                node, depth = node.parent, depth - 1
            elif tok == FDT_PROP:
                if node is None:
                    raise FdtError("property outside a node")
                length, nameoff = word(), word()
                if length > len(st) - pos:
                    raise FdtError("property of %d bytes runs past the structure" % length)
                node.props[self._name(nameoff)] = bytes(st[pos:pos + length])
                pos = (pos + length + 3) & ~3
            elif tok == FDT_NOP:
                continue
            elif tok == FDT_END:
                if node is not None or root is None:
                    raise FdtError("structure block ends inside a node")
                return root
            else:
                raise FdtError("unknown token 0x%x at 0x%x" % (tok, pos - 4))

    def node(self, path):
        n = self.root
        for part in [p for p in path.split("/") if p]:
            n = n.child(part)
            if n is None:
                return None
        return n

    def compatible(self, compat):
        """The nodes whose compatible lists compat, in tree order."""
        return [n for n in self.root.walk() if compat in n.strings("compatible")]

    def by_phandle(self, ph, where):
        n = self.phandles.get(ph)
        if n is None:
            raise FdtError("%s: phandle %d names no node" % (where, ph))
        return n

    # #address-cells and #size-cells beyond these are no DT's
    MAX_CELLS = {"#address-cells": 4, "#size-cells": 2}

    @classmethod
    def _cells(cls, node, name, default):
        while node is not None:
            if name in node.props:
                v = node.cell(name)
                if v is None or v > cls.MAX_CELLS[name]:
                    raise FdtError("%s: %s is %s" % (node.path, name,
                                                     "empty" if v is None else v))
                return v
            node = node.parent
        return default

    def regs(self, node):
        """The (address, size) pairs of a node's reg, in its parent's cells."""
        parent = node.parent
        ac = self._cells(parent, "#address-cells", 2) if parent else 2
        sc = self._cells(parent, "#size-cells", 1) if parent else 1
        cells = node.cells("reg")
        if ac + sc == 0 or len(cells) % (ac + sc):
            raise FdtError("%s: reg does not fit #address-cells %d, #size-cells %d" %
                           (node.path, ac, sc))
        out = []
        for i in range(0, len(cells), ac + sc):
            addr = size = 0
            for c in cells[i:i + ac]:
                addr = addr << 32 | c
            for c in cells[i + ac:i + ac + sc]:
                size = size << 32 | c
            out.append((addr, size))
        return out


class ReservedRegion:
    """A /reserved-memory node: fixed (reg) or dynamic (size, alloc-ranges)."""

    def __init__(self, fdt, node):
        self.node = node
        self.name = node.name
        self.no_map = "no-map" in node.props
        self.enabled = node.enabled()
        regs = fdt.regs(node) if "reg" in node.props else []
        self.base, self.size = regs[0] if regs else (None, None)
        self.alloc_ranges = []
        if self.base is None:
            sizes = node.cells("size")
            self.size = (sizes[0] << 32 | sizes[1]) if len(sizes) == 2 else \
                (sizes[0] if sizes else None)
            ranges = node.cells("alloc-ranges")
            for i in range(0, len(ranges) - 3, 4):
                self.alloc_ranges.append((ranges[i] << 32 | ranges[i + 1],
                                          ranges[i + 2] << 32 | ranges[i + 3]))

    def describe(self):
        kind = "no-map" if self.no_map else "mapped"
        if self.base is not None:
            return "%s 0x%x+0x%x (%s)" % (self.name, self.base, self.size, kind)
        where = ", ".join("0x%x..0x%x" % (b, b + s - 1) for b, s in self.alloc_ranges)
        return "%s dynamic 0x%x in %s (%s)" % (self.name, self.size or 0,
                                               where or "any RAM", kind)


def load(path):
    try:
        with open(path, "rb") as f:
            blob = f.read()
    except OSError as e:
        raise FdtError("cannot read %s: %s" % (path, e.strerror))
    return Fdt(blob)


def reserved_regions(fdt):
    rm = fdt.node("/reserved-memory")
    return [ReservedRegion(fdt, n) for n in rm.children] if rm else []


def memory_regions(fdt, node, children=("mba", "mpss", "metadata")):
    """A remoteproc node's memory regions by role: from its child nodes
    (sdm845 style: mba { memory-region = <...>; }) or, without them, from
    its own memory-region list in the order of `children`."""
    out = {}
    if node.child(children[0]) is not None:
        for role in children:
            c = node.child(role)
            if c is not None and c.cells("memory-region"):
                out[role] = ReservedRegion(fdt, fdt.by_phandle(
                    c.cells("memory-region")[0], c.path))
    else:
        for role, ph in zip(children, node.cells("memory-region")):
            out[role] = ReservedRegion(fdt, fdt.by_phandle(ph, node.path))
    return out
