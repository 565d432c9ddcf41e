"""Reading a kernel configuration against the qcom-mss-sim fragment, for
scripts/check-config and scripts/check-kernel.

A .config says what each option is (CONFIG_X=y, =m, a value, "# CONFIG_X
is not set"); the fragment, guest/kernel/qcom-mss-sim.config, what the
simulator's remote-processor chain wants, and which of its options the
chain needs: a marker comment applies to the options after it, up to the
next marker,

    # check-config: needed                       (every board)
    # check-config: needed db845c                (that board's chain)
    # check-config: needed db845c if INTERCONNECT  (only when INTERCONNECT is on)
    # check-config: nice                         (wanted, not needed)

and an option before any marker is nice. The check (check()) says, option
by option, what the fragment wants and what the configuration has; an
option the chain needs that is off, absent, or a module where modules
are not loaded is a problem: that kernel cannot run the chain. Where the
kernel's Kconfig files are at hand (a source tree, or an O= directory
with its "source" link), it also says why: the dependencies that cap an
option at =m ("capped: QCOM_SYSMON=m"), the ones that are off, what
selects an option the fragment wants off, or that the kernel does not
know the symbol (one of a later kernel: no problem). Without them it
names the caps it knows of the chain's drivers (KNOWN_DEPS).

Only the standard library; the Kconfig reader follows "source" from the
top Kconfig for arm64 and keeps each symbol's "depends on", enclosing
"if" and "menu" conditions and "select"s, enough to explain, not to
configure."""

import glob
import os
import re

FRAGMENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "guest",
                        "kernel", "qcom-mss-sim.config")
BOARDS = ("db845c", "rb5")
TRI = {"n": 0, "m": 1, "y": 2}
# When no Kconfig is at hand: the tristate dependencies of the chain's
# options in 6.1 to 7.2 (drivers/remoteproc, soc/qcom, clk/qcom, ...),
# the ones a module can cap them with. The remoteproc drivers' are
# "depends on X || X=n" but for QCOM_SMEM.
_RPROC = ("QCOM_SMEM", "RPMSG_QCOM_SMD", "RPMSG_QCOM_GLINK_SMEM", "QCOM_SYSMON",
          "RPMSG_QCOM_GLINK", "QCOM_AOSS_QMP")
KNOWN_DEPS = {
    "QCOM_Q6V5_MSS": _RPROC, "QCOM_Q6V5_PAS": _RPROC, "QCOM_Q6V5_COMMON": ("QCOM_SMEM",),
    "SERIAL_QCOM_GENI": ("QCOM_GENI_SE",), "QCOM_SMP2P": ("QCOM_SMEM",),
    "QCOM_RPMH": ("QCOM_COMMAND_DB",), "QCOM_RPMHPD": ("QCOM_RPMH", "QCOM_COMMAND_DB"),
    "QCOM_CLK_RPMH": ("QCOM_RPMH",), "SDM_GCC_845": ("COMMON_CLK_QCOM",),
    "SM_GCC_8250": ("COMMON_CLK_QCOM",), "PINCTRL_SDM845": ("PINCTRL_MSM",),
    "PINCTRL_SM8250": ("PINCTRL_MSM",),
    "INTERCONNECT_QCOM_SDM845": ("INTERCONNECT_QCOM", "QCOM_RPMH", "QCOM_COMMAND_DB"),
    "INTERCONNECT_QCOM_SM8250": ("INTERCONNECT_QCOM", "QCOM_RPMH", "QCOM_COMMAND_DB"),
}


class ConfigError(Exception):
    """An unreadable or malformed .config or fragment."""


def read_config(path):
    """{symbol without CONFIG_: value as written ("y", "m", "8", '"str"';
    "n" for "# CONFIG_X is not set")}. Symbols it does not list are
    absent: unknown to the kernel, or with unmet dependencies."""
    vals = {}
    try:
        with open(path, errors="replace") as f:
            for line in f:
                m = re.match(r"CONFIG_([A-Za-z0-9_]+)=(.*?)\s*$", line)
                if m:
                    vals[m.group(1)] = m.group(2)
                    continue
                m = re.match(r"# CONFIG_([A-Za-z0-9_]+) is not set", line)
                if m:
                    vals[m.group(1)] = "n"
    except OSError as e:
        raise ConfigError("cannot read %s: %s" % (path, e.strerror or e))
    if not vals:
        raise ConfigError("%s is no kernel configuration (no CONFIG_ line)" % path)
    return vals


MARKER = re.compile(r"#\s*check-config:\s*(\S+)(.*)$")


def read_fragment(path=FRAGMENT):
    """The fragment's options in order: dicts of option (CONFIG_X), sym,
    want (as written, "n" for "is not set"), needed (False, or the boards
    whose chain needs it: a tuple), cond (a symbol that must be on for it
    to be needed, or None) and line."""
    out = []
    needed, cond = False, None
    try:
        with open(path, errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise ConfigError("cannot read %s: %s" % (path, e.strerror or e))
    for n, line in enumerate(lines, 1):
        m = MARKER.match(line)
        if m:
            kind, rest = m.group(1), m.group(2).split()
            if kind == "nice" and not rest:
                needed, cond = False, None
                continue
            if kind != "needed":
                raise ConfigError("%s:%d: a check-config marker is 'needed [BOARD...] "
                                  "[if SYMBOL]' or 'nice': %s" % (path, n, line))
            boards, cond = [], None
            while rest and rest[0] != "if":
                if rest[0] not in BOARDS:
                    raise ConfigError("%s:%d: unknown board %r (boards: %s)"
                                      % (path, n, rest[0], ", ".join(BOARDS)))
                boards.append(rest.pop(0))
            if rest:
                if len(rest) != 2 or not re.fullmatch(r"(CONFIG_)?[A-Za-z0-9_]+", rest[1]):
                    raise ConfigError("%s:%d: 'if' wants one symbol: %s" % (path, n, line))
                cond = re.sub(r"^CONFIG_", "", rest[1])
            needed = tuple(boards) or BOARDS
            continue
        m = re.match(r"CONFIG_([A-Za-z0-9_]+)=(.*?)\s*$", line) or \
            re.match(r"# CONFIG_([A-Za-z0-9_]+)( )is not set", line)
        if m:
            want = m.group(2) if m.group(2) != " " else "n"
            out.append({"option": "CONFIG_" + m.group(1), "sym": m.group(1), "want": want,
                        "needed": needed, "cond": cond, "line": n})
    if not out:
        raise ConfigError("%s sets no option" % path)
    return out


# --- Kconfig: each symbol's conditions and selects

TOKEN = re.compile(r'\s*(?:(&&|\|\||!=|<=|>=|[()!=<>])|"((?:[^"\\]|\\.)*)"|'
                   r"'((?:[^'\\]|\\.)*)'|([A-Za-z0-9_.+-]+))")


def tokens(text):
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError("cannot read %r" % text)
        pos = m.end()
        if m.group(1):
            out.append(("op", m.group(1)))
        elif m.group(2) is not None or m.group(3) is not None:
            out.append(("str", m.group(2) if m.group(2) is not None else m.group(3)))
        else:
            out.append(("sym", m.group(4)))
    return out


def parse_expr(text):
    """A Kconfig expression as a tree: ("or", a, b), ("and", a, b),
    ("not", a), ("cmp", op, a, b), ("sym", NAME), ("str", TEXT)."""
    toks = tokens(text)
    pos = [0]

    def peek():
        return toks[pos[0]] if pos[0] < len(toks) else (None, None)

    def take():
        t = peek()
        pos[0] += 1
        return t

    def primary():
        kind, val = take()
        if kind == "op" and val == "(":
            e = disj()
            if take() != ("op", ")"):
                raise ValueError("unbalanced parentheses in %r" % text)
            return e
        if kind == "op" and val == "!":
            return ("not", primary())
        if kind in ("sym", "str"):
            left = (kind, val)
            k2, v2 = peek()
            if k2 == "op" and v2 in ("=", "!=", "<", ">", "<=", ">="):
                take()
                k3, v3 = take()
                if k3 not in ("sym", "str"):
                    raise ValueError("cannot read %r" % text)
                return ("cmp", v2, left, (k3, v3))
            return left
        raise ValueError("cannot read %r" % text)

    def conj():
        e = primary()
        while peek() == ("op", "&&"):
            take()
            e = ("and", e, primary())
        return e

    def disj():
        e = conj()
        while peek() == ("op", "||"):
            take()
            e = ("or", e, conj())
        return e

    e = disj()
    if pos[0] != len(toks):
        raise ValueError("cannot read %r" % text)
    return e


def _unquote(v):
    return v[1:-1] if len(v) >= 2 and v[0] == v[-1] == '"' else v


def _value(node, config):
    """The string value of a symbol or constant in a comparison."""
    kind, val = node
    if kind == "str":
        return val
    if val in TRI:
        return val
    if val in config:
        return _unquote(config[val])
    # not in the configuration: a symbol (upper case, by convention) that
    # is off, or a constant, whose value is its name (as Kconfig's
    # symbols of no type)
    return val if re.search(r"[a-z]", val) or re.fullmatch(r"-?[0-9][0-9a-fA-Fx]*", val) \
        else "n"


def evaluate(e, config):
    """An expression's tristate value (0 n, 1 m, 2 y) in a configuration."""
    op = e[0]
    if op == "or":
        return max(evaluate(e[1], config), evaluate(e[2], config))
    if op == "and":
        return min(evaluate(e[1], config), evaluate(e[2], config))
    if op == "not":
        return 2 - evaluate(e[1], config)
    if op == "cmp":
        a, b = _value(e[2], config), _value(e[3], config)
        if e[1] in ("=", "!="):
            return 2 if (a == b) == (e[1] == "=") else 0
        try:
            a, b = int(a, 0), int(b, 0)
        except ValueError:
            pass
        try:
            ok = {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[e[1]]
        except TypeError:
            ok = False
        return 2 if ok else 0
    if op == "str":
        return TRI.get(e[1], 0)
    name = e[1]
    if name in TRI:
        return TRI[name]
    return TRI.get(config.get(name, "n"), 0)


def symbols_of(e):
    if e[0] in ("or", "and"):
        return symbols_of(e[1]) + symbols_of(e[2])
    if e[0] == "not":
        return symbols_of(e[1])
    if e[0] == "cmp":
        return symbols_of(e[2]) + symbols_of(e[3])
    if e[0] == "sym" and e[1] not in TRI and not re.fullmatch(r"-?[0-9][0-9a-fA-Fx]*", e[1]):
        return [e[1]]
    return []


ENTRY_END = re.compile(r"(config|menuconfig|choice|endchoice|comment|menu|endmenu|if|endif|"
                       r"source|osource|rsource|orsource|mainmenu)\b")


class Kconfig:
    """The symbols of a kernel source tree's Kconfig files, for arm64:
    defs {SYM: [the conditions of each definition, as expression
    trees]}, selects {SYM: [(selecting SYM, condition or None)]}."""

    def __init__(self, srctree, arch="arm64"):
        self.srctree = srctree
        self.arch = arch
        self.defs = {}
        self.selects = {}
        self.files = 0
        self._seen = set()
        self._parse("Kconfig", [])

    def _path(self, name, here, relative):
        name = name.replace("$(SRCARCH)", self.arch).replace("$(ARCH)", self.arch)
        if "$" in name:
            return None
        base = os.path.dirname(here) if relative else ""
        return os.path.normpath(os.path.join(base, name))

    def _parse(self, rel, conds):
        path = os.path.join(self.srctree, rel)
        if path in self._seen:          # once each (and no loop)
            return
        self._seen.add(path)
        try:
            with open(path, errors="replace") as f:
                raw = f.read().split("\n")
        except OSError:
            return
        self.files += 1
        # join continued lines
        lines, acc = [], ""
        for line in raw:
            if line.endswith("\\"):
                acc += line[:-1] + " "
                continue
            lines.append(acc + line)
            acc = ""
        stack = []          # [kind, [conditions]] of if/menu/choice blocks
        entry = None        # the config being read: its conditions list
        block = None        # a menu/choice whose "depends on" lines follow
        help_indent = None  # inside a help text: its indentation (-1 before its first line)
        sym = None

        def cur():
            return conds + [c for _, cs in stack for c in cs]

        def expr(text):
            try:
                return parse_expr(text)
            except (ValueError, IndexError, RecursionError):
                return None

        for line in lines:
            if help_indent is not None:
                if not line.strip():
                    continue
                ind = len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())
                # a line that starts in column 0, or is indented less
                # than the text's first, ends it
                if ind and help_indent < 0:
                    help_indent = ind
                    continue
                if ind and ind >= help_indent:
                    continue
                help_indent = None
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            word = s.split(None, 1)[0]
            rest = s[len(word):].strip()
            if ENTRY_END.fullmatch(word):
                entry = block = None
            if word in ("config", "menuconfig"):
                sym = rest.split()[0] if rest else None
                if sym:
                    entry = list(cur())
                    self.defs.setdefault(sym, []).append(entry)
            elif word in ("menu", "choice"):
                stack.append([word, []])
                block = stack[-1][1]
            elif word == "if":
                e = expr(rest)
                stack.append(["if", [e] if e else []])
            elif word in ("endif", "endmenu", "endchoice"):
                kind = {"endif": "if", "endmenu": "menu", "endchoice": "choice"}[word]
                while stack:
                    if stack.pop()[0] == kind:
                        break
            elif word in ("source", "osource", "rsource", "orsource"):
                m = re.match(r'"([^"]*)"', rest)
                if m:
                    relative = word in ("rsource", "orsource")
                    for name in self._glob(self._path(m.group(1), rel, relative)):
                        self._parse(name, cur())
            elif word in ("help", "---help---"):
                help_indent = -1
            elif word == "depends" and rest.startswith("on"):
                e = expr(rest[2:])
                if e is None:
                    continue
                if entry is not None:
                    entry.append(e)
                elif block is not None:
                    block.append(e)
            elif word == "select" and entry is not None and sym:
                m = re.match(r"([A-Za-z0-9_]+)\s*(?:if\s+(.*))?$", rest)
                if m:
                    self.selects.setdefault(m.group(1), []).append(
                        (sym, expr(m.group(2)) if m.group(2) else None))

    def _glob(self, rel):
        if rel is None:
            return []
        if any(c in rel for c in "*?["):
            return sorted(os.path.relpath(p, self.srctree)
                          for p in glob.glob(os.path.join(self.srctree, rel)))
        return [rel]

    def knows(self, sym):
        return sym in self.defs

    def dep_value(self, sym, config):
        """What the dependencies allow (the best of its definitions)."""
        return max((min([evaluate(c, config) for c in d] or [2]) for d in self.defs[sym]),
                   default=0)

    def limiting(self, sym, config, below):
        """(condition, its value) of each condition of sym whose value is
        below `below`."""
        out = []
        for d in self.defs.get(sym, []):
            for c in d:
                v = evaluate(c, config)
                if v < below and (c, v) not in out:
                    out.append((c, v))
        return out

    def selected_by(self, sym, config):
        return [s for s, cond in self.selects.get(sym, [])
                if TRI.get(config.get(s, "n"), 0) and (cond is None or evaluate(cond, config))]


def find_srctree(d):
    """A kernel source tree for the configuration in d: d itself, or the
    source tree an O= directory links to (d/source); None if neither."""
    for cand in (d, os.path.join(d, "source")):
        if os.path.isfile(os.path.join(cand, "Kconfig")) and \
                os.path.isdir(os.path.join(cand, "arch", "arm64")):
            return os.path.realpath(cand)
    return None


def _have(config, sym):
    return config.get(sym, "absent")


def _why_lower(kc, config, sym, want_t, have_t):
    """Why sym is below what the fragment wants, from the Kconfig files:
    the dependencies that are off, or that cap it at =m."""
    dep = kc.dep_value(sym, config)
    if dep >= want_t:
        return "its dependencies allow =%s: not merged into this configuration?" % (
            "y" if want_t == 2 else "m")
    names = []
    for c, v in kc.limiting(sym, config, dep + 1):
        syms = symbols_of(c)
        lim = [s for s in syms if TRI.get(config.get(s, "n"), 0) == v] or syms
        for s in lim:
            item = "%s=%s" % (s, config.get(s, "n" if kc.knows(s) else "absent"))
            if item not in names:
                names.append(item)
    return ("capped: " if dep == 1 else "depends on ") + ", ".join(names)


def _why_fallback(config, sym):
    caps = ["%s=m" % d for d in KNOWN_DEPS.get(sym, ()) if config.get(d) == "m"]
    return ("capped: " + ", ".join(caps)) if caps else None


def check(config, wants, board=None, modules=False, kconfig=None, explain=True):
    """Each option of the fragment against the configuration: dicts of
    option, want, have ("absent" when the .config does not list it),
    needed (for this board, or any board when None), status and why.
    status: "ok"; "module" (=m where =y is wanted, with modules loaded);
    "unknown" (a symbol this kernel does not know: the Kconfig files
    say); "differs" (not as wanted, not a problem); "problem" (the chain
    needs it and it is off, absent, or a module without modules).
    kconfig: a Kconfig, or a callable giving one (or None) when an
    explanation is wanted; explain: give why for problems and
    differences (False: for problems only)."""
    out = []
    kc_cache = []

    def kc():
        if not kc_cache:
            kc_cache.append(kconfig() if callable(kconfig) else kconfig)
        return kc_cache[0]

    for w in wants:
        sym, want = w["sym"], w["want"]
        have = _have(config, sym)
        needed = bool(w["needed"]) and (board is None or board in w["needed"])
        if needed and w["cond"] and not TRI.get(config.get(w["cond"], "n"), 0):
            needed = False
        r = {"option": w["option"], "want": want, "have": have, "needed": needed,
             "status": "ok", "why": None}
        out.append(r)
        want_t = TRI.get(want)
        have_t = TRI.get(have, 0) if have != "absent" else 0
        if want_t in (1, 2):
            usable = have == "y" or (have == "m" and modules)
            if have == want:
                continue
            if have == "m" and want == "y" and modules:
                r["status"] = "module"
                continue
            if want == "m" and have == "y":
                continue
            r["status"] = "problem" if needed and not usable else "differs"
        elif want_t == 0:
            if have in ("n", "absent"):
                continue
            r["status"] = "problem" if needed else "differs"
        else:
            if _unquote(have) == _unquote(want):
                continue
            r["status"] = "problem" if needed else "differs"
        if not explain and r["status"] != "problem":
            continue
        k = kc()
        if k is not None and not k.knows(sym):
            r["status"], r["why"] = "unknown", "this kernel has no such option"
            continue
        if want_t in (1, 2) and have_t < want_t:
            r["why"] = _why_lower(k, config, sym, want_t, have_t) if k else \
                (_why_fallback(config, sym) if have == "m" else None)
        elif want_t == 0 and k is not None:
            sel = k.selected_by(sym, config)
            if sel:
                r["why"] = "selected by " + ", ".join("%s=%s" % (s, config[s]) for s in sel)
    return out


def problems(results):
    return [r for r in results if r["status"] == "problem"]


def describe(r):
    """One line: CONFIG_X want y have m (capped: ...)."""
    return "%s want %s have %s%s" % (r["option"], r["want"], r["have"],
                                     " (%s)" % r["why"] if r["why"] else "")
