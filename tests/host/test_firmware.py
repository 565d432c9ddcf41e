#!/usr/bin/env python3
"""Host tests of the emulated firmware tools (guest/tools/): mkmodemfw
writes modem images and, with --pas, the DSPs' images (adsp, cdsp, slpi)
that pass mdtcheck and an independent reading of the kernel's mdt loader
rules; every corruption fails the rule it names; output is reproducible;
bad command lines exit 2; and fuzzed images never crash or hang the
checker (run under ASan/UBSan when the compiler can), which is built with
the authentication rules the device models use
(hw/remoteproc/qcom-mdt-auth.c)."""

import hashlib
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "guest"))
import qms  # noqa: E402

TOOLS = os.path.join(qms.GUEST, "tools")
MKFW = os.path.join(TOOLS, "mkmodemfw")
CHECK = os.path.join(TOOLS, "mdtcheck")
FUZZ_CASES = 500
FUZZ_SEED = 0x6d7373

MPSS_BASE = 0x8E000000
MPSS_SIZE = 0x7800000
# The DSPs: hash header image id and sm8250.dtsi's carve-out
PAS = {"adsp": (0x50534441, 0x8A100000, 0x1D00000),
       "cdsp": (0x50534443, 0x87800000, 0x1400000),
       "slpi": (0x49504C53, 0x88C00000, 0x1500000)}


def run(args, timeout=30, env=None):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout, env=env)
    return p.returncode, p.stdout.decode(errors="replace"), \
        p.stderr.decode(errors="replace")


def gen(outdir, *opts):
    return run([MKFW] + list(opts) + [outdir])


def read(path):
    with open(path, "rb") as f:
        return f.read()


def independent_check(d, mpss_base=MPSS_BASE, mpss_size=MPSS_SIZE):
    """A second reading of the split image, in Python: the 6.1 kernel's
    rules (mdt_loader.c, q6v5_mpss_load) and the documented hash segment.
    Returns (problem or None, metadata size)."""
    mdt = read(os.path.join(d, "modem.mdt"))
    if mdt[:4] != b"\x7fELF" or len(mdt) < 52:
        return "magic", 0
    (phoff, phentsize, phnum) = (struct.unpack_from("<I", mdt, 28)[0],
                                 *struct.unpack_from("<HH", mdt, 42))
    if phoff != 52 or phentsize != 32 or 52 + 32 * phnum > len(mdt):
        return "phdrs", 0
    if struct.unpack_from("<H", mdt, 18)[0] != 164:
        return "machine", 0
    ph = [struct.unpack_from("<8I", mdt, 52 + 32 * i) for i in range(phnum)]
    # (type, offset, vaddr, paddr, filesz, memsz, flags, align)
    if phnum < 2 or ph[0][0] == 1:
        return "phdr0", 0
    hidx = next((i for i in range(1, phnum)
                 if ph[i][6] & (7 << 24) == 2 << 24), None)
    if hidx is None:
        return "no hash", 0
    ehdr_size, hash_size = ph[0][4], ph[hidx][4]
    if ehdr_size + hash_size != len(mdt):
        return "mdt is not headers + hash", 0
    hdr, hseg = mdt[:ehdr_size], mdt[ehdr_size:]
    image_id, version, _, _, image_size, code_size, _, sig_size, _, \
        cert_size = struct.unpack_from("<10I", hseg, 0)
    if image_id != 0x5353504D or version != 3 or code_size != 32 * phnum:
        return "hash header", 0
    if 40 + image_size != hash_size or \
            image_size != code_size + sig_size + cert_size:
        return "hash sizes", 0
    table = hseg[40:40 + code_size]
    if hashlib.sha256(hseg[:40 + code_size]).digest() != \
            hseg[40 + code_size:40 + code_size + 32]:
        return "signature", 0
    if hashlib.sha256(hdr).digest() != table[:32]:
        return "header digest", 0
    for i, (typ, off, _, paddr, filesz, memsz, flags, _) in enumerate(ph):
        if typ != 1 or flags & (7 << 24) == 2 << 24 or memsz == 0:
            continue
        if paddr < mpss_base or paddr - mpss_base + memsz > mpss_size:
            return "range %d" % i, 0
        if filesz > memsz:
            return "filesz %d" % i, 0
        if off < len(mdt):
            return "segment %d inside the mdt" % i, 0
        seg = os.path.join(d, "modem.b%02d" % i)
        if filesz == 0:
            if table[32 * i:32 * i + 32] != bytes(32):
                return "bss digest %d" % i, 0
            continue
        data = read(seg)
        if len(data) != filesz:
            return "size %d" % i, 0
        if hashlib.sha256(data).digest() != table[32 * i:32 * i + 32]:
            return "digest %d" % i, 0
    return None, ehdr_size + hash_size


def independent_check_pas(path, image_id, base, size):
    """The same for a DSP's split image (NAME.mbn + NAME.bNN), as Linux
    6.1's qcom_mdt_pas_init and __qcom_mdt_load read it: relocated to the
    lowest p_paddr when a segment says so, every segment from NAME.bNN
    once any program header reaches past NAME.mbn. Returns (problem or
    None, metadata size, relocatable)."""
    mbn = read(path)
    if mbn[:4] != b"\x7fELF" or len(mbn) < 52:
        return "magic", 0, False
    phentsize, phnum = struct.unpack_from("<HH", mbn, 42)
    if struct.unpack_from("<I", mbn, 28)[0] != 52 or phentsize != 32 or \
            52 + 32 * phnum > len(mbn) or phnum < 2:
        return "phdrs", 0, False
    ph = [struct.unpack_from("<8I", mbn, 52 + 32 * i) for i in range(phnum)]
    hidx = next((i for i in range(1, phnum)
                 if ph[i][6] & (7 << 24) == 2 << 24), None)
    if ph[0][0] == 1 or hidx is None:
        return "phdr0 or hash", 0, False
    ehdr_size, hash_size = ph[0][4], ph[hidx][4]
    if ehdr_size + hash_size != len(mbn):
        return "mbn is not headers + hash", 0, False
    hseg = mbn[ehdr_size:]
    words = struct.unpack_from("<10I", hseg, 0)
    if words[0] != image_id or words[1] != 3 or words[5] != 32 * phnum:
        return "hash header", 0, False
    table = hseg[40:40 + 32 * phnum]
    if hashlib.sha256(hseg[:40 + 32 * phnum]).digest() != \
            hseg[40 + 32 * phnum:72 + 32 * phnum] or \
            hashlib.sha256(mbn[:ehdr_size]).digest() != table[:32]:
        return "signature or header digest", 0, False
    load = [(i, p) for i, p in enumerate(ph)
            if p[0] == 1 and p[6] & (7 << 24) != 2 << 24 and p[5]]
    relocatable = any(p[6] & (1 << 27) for _, p in load)
    reloc = min(p[3] for _, p in load) if relocatable else base
    split = any(p[1] > len(mbn) or p[1] + p[4] > len(mbn) for p in ph)
    if not split:
        return "not split", 0, relocatable
    stem = path[:-3]
    for i, (typ, off, _, paddr, filesz, memsz, flags, _) in load:
        if not 0 <= paddr - reloc <= size - memsz or not base <= paddr < base + size:
            return "range %d" % i, 0, relocatable
        if filesz > memsz:
            return "filesz %d" % i, 0, relocatable
        if filesz == 0:
            continue
        data = read("%sb%02d" % (stem, i))
        if len(data) != filesz or \
                hashlib.sha256(data).digest() != table[32 * i:32 * i + 32]:
            return "segment %d" % i, 0, relocatable
    return None, ehdr_size + hash_size, relocatable


def build_asan_checker(tmp):
    """mdtcheck built with ASan and UBSan, or None if the host cannot."""
    out = os.path.join(tmp, "mdtcheck-asan")
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs",
                                "glib-2.0"], stdout=subprocess.PIPE,
                               check=True).stdout.decode().split()
        subprocess.run(["gcc", "-std=gnu99", "-O1", "-g",
                        "-fsanitize=address,undefined",
                        "-fno-sanitize-recover=all", "-o", out,
                        "-I" + os.path.join(qms.TOP, "guest", "tools", "compat"),
                        "-I" + os.path.join(qms.TOP, "include"),
                        os.path.join(qms.TOP, "guest", "tools", "mdtcheck.c"),
                        os.path.join(qms.TOP, "hw", "remoteproc",
                                     "qcom-mdt-auth.c")] + flags,
                       check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out


def mutate(rng, data, hdr_size):
    """A malformed copy of data: byte flips (mostly in the headers),
    extreme header/phdr words, or a truncation."""
    buf = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:
        for _ in range(rng.randint(1, 8)):
            lim = hdr_size if rng.random() < 0.7 else len(buf)
            buf[rng.randrange(lim)] ^= 1 << rng.randrange(8)
    elif kind == 1:
        # a phdr or header word set to an edge value
        word = rng.choice([0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff,
                           0xfffff000, 0xffff, 0x1000, len(buf)])
        off = rng.randrange(0, hdr_size - 3)
        struct.pack_into("<I", buf, off & ~3, word)
    elif kind == 2:
        # a hash header word
        off = hdr_size + 4 * rng.randrange(10)
        if off + 4 <= len(buf):
            struct.pack_into("<I", buf, off, rng.choice(
                [0, 3, 0xffffffff, 0x80000000, rng.getrandbits(32)]))
    else:
        buf = buf[:rng.randrange(len(buf))]
    return bytes(buf)


def main():
    tap = qms.Tap()
    tmp = tempfile.mkdtemp(prefix="qms-fw-")
    try:
        tests(tap, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tap.done()


def tests(tap, tmp):
    rc, out, err = run(["make", "-s", "-C", os.path.join(qms.TOP, "guest"),
                        "tools"], timeout=120)
    if not tap.check(rc == 0, "host tools build (make -C guest tools)",
                     out + err):
        return

    # --- a good image set
    good = os.path.join(tmp, "good")
    rc, out, err = gen(good)
    tap.check(rc == 0, "mkmodemfw writes the default image set", out + err)
    rc, out, err = run([CHECK, good])
    tap.check(rc == 0 and "modem.mdt: OK" in out and "mba.mbn: OK" in out,
              "mdtcheck accepts the default image set", out + err)
    problem, msize = independent_check(good)
    tap.check(problem is None,
              "an independent reading of the kernel rules and hashes "
              "accepts it", str(problem))
    tap.check(msize > 4096 and msize == os.path.getsize(
        os.path.join(good, "modem.mdt")),
        "metadata (phdr[0] + hash segment) is larger than one page: "
        "%d bytes" % msize)
    tap.check(os.path.getsize(os.path.join(good, "mba.mbn")) <= 0x100000,
              "mba.mbn fits the driver's 1 MiB limit")

    # --- variants
    variants = [
        (["--segments=1"], []),
        (["--segments=98", "--max-segment-size=4096"], []),
        (["--relocatable", "--seed=3"], []),
        (["--mpss-base=0x86000000", "--mpss-size=0x1000000"],
         ["--mpss-base=0x86000000", "--mpss-size=0x1000000"]),
        (["--mba-base=0x84000000"], ["--mba-base=0x84000000"]),
    ]
    for gopts, copts in variants:
        d = os.path.join(tmp, "v")
        shutil.rmtree(d, ignore_errors=True)
        rc1, out, err = gen(d, *gopts)
        rc2, out2, err2 = run([CHECK] + copts + [d])
        tap.check(rc1 == 0 and rc2 == 0, "variant %s passes the checker"
                  % " ".join(gopts), out + err + out2 + err2)
    # the mpss region is an input of the rules
    d = os.path.join(tmp, "v")
    shutil.rmtree(d, ignore_errors=True)
    gen(d, "--mpss-base=0x86000000")
    rc, out, err = run([CHECK, d])
    tap.check(rc == 1 and "modem.mdt: FAIL segment-range" in err,
              "segments outside the checker's mpss region fail "
              "segment-range", out + err)
    # the non-split form reads its segments from the file itself
    shutil.rmtree(d, ignore_errors=True)
    gen(d, "--mbn")
    rc, out, err = run([CHECK, "--modem", os.path.join(d, "modem.mbn")])
    tap.check(rc == 0, "--mbn writes a non-split modem.mbn that passes",
              out + err)

    # --- reproducibility
    a, b, c = (os.path.join(tmp, n) for n in ("a", "b", "c"))
    gen(a, "--seed=42")
    gen(b, "--seed=42")
    gen(c, "--seed=43")
    files = sorted(os.listdir(a))
    same = files == sorted(os.listdir(b)) and all(
        read(os.path.join(a, f)) == read(os.path.join(b, f)) for f in files)
    tap.check(same, "same seed: byte-identical output (%d files)"
              % len(files))
    tap.check(read(os.path.join(a, "modem.mdt")) !=
              read(os.path.join(c, "modem.mdt")),
              "another seed: different output")

    # --- every corruption fails the rule it is meant to break
    corruptions = [
        ("segment:5", "modem.mdt", "segment-hash"),
        ("segment:2", "modem.mdt", "segment-hash"),
        ("hash-table", "modem.mdt", "hash-signature"),
        ("elf-header", "modem.mdt", "elf-magic"),
        ("phdr-count", "modem.mdt", "phdr-table-in-file"),
        ("phdr-count:1", "modem.mdt", "phnum-min"),
        ("phdr-count:0", "modem.mdt", "phnum-min"),
        ("hash-missing", "modem.mdt", "hash-segment-present"),
        ("truncate-segment:3", "modem.mdt", "segment-file-size"),
        ("mba", "mba.mbn", "segment-hash"),
    ]
    for kind, fname, rule in corruptions:
        d = os.path.join(tmp, "bad")
        shutil.rmtree(d, ignore_errors=True)
        rc1, out1, err1 = gen(d, "--corrupt=" + kind)
        rc, out, err = run([CHECK, d])
        want = "%s: FAIL %s:" % (fname, rule)
        other_ok = ("mba.mbn: OK" if fname == "modem.mdt"
                    else "modem.mdt: OK") in out
        tap.check(rc1 == 0 and rc == 1 and want in err and other_ok
                  and err.count("FAIL") == 1,
                  "--corrupt=%s: checker fails rule %s" % (kind, rule),
                  out1 + err1 + out + err)
    # a missing segment file
    d = os.path.join(tmp, "bad")
    shutil.rmtree(d, ignore_errors=True)
    gen(d)
    os.unlink(os.path.join(d, "modem.b04"))
    rc, out, err = run([CHECK, d])
    tap.check(rc == 1 and "FAIL segment-file:" in err,
              "a missing modem.bNN fails segment-file", out + err)
    rc, out, err = run([CHECK, "--mdata-size=4096", d])
    tap.check(rc == 1 and "FAIL metadata-size:" in err,
              "metadata larger than a 4 KiB carve-out fails metadata-size",
              out + err)

    # --- bad command lines: exit 2 with a usage message, nothing written
    nodir = os.path.join(tmp, "never")
    bad_gen = [
        [], ["--bogus", nodir], ["--seed"], ["--seed=abc", nodir],
        ["--seed=-1", nodir], ["--segments=0", nodir],
        ["--segments=99", nodir], ["--corrupt=nope", nodir],
        ["--corrupt=segment", nodir], ["--corrupt=segment:0", nodir],
        ["--corrupt=segment:17", nodir], ["--corrupt=segment:x", nodir],
        ["--corrupt=hash-table:3", nodir], [nodir, nodir + "2"],
        ["--mpss-size=0x1000", nodir], ["--mpss-base=0x123", nodir],
        ["--mpss-base=0x100000000", nodir],
        ["--mba-size=0x10000", nodir], ["--max-segment-size=1", nodir],
    ]
    for args in bad_gen:
        rc, out, err = run([MKFW] + args)
        tap.check(rc == 2 and "Usage:" in err and not os.path.exists(nodir),
                  "mkmodemfw %s: exit 2 with usage" % " ".join(
                      a.replace(tmp, "$TMP") for a in args) or "(no args)",
                  "rc=%s\n%s%s" % (rc, out, err))
    bad_check = [[], ["--bogus", good], ["--mpss-base=xyz", good],
                 ["--mba"], [good, good]]
    for args in bad_check:
        rc, out, err = run([CHECK] + args)
        tap.check(rc == 2 and "Usage:" in err,
                  "mdtcheck %s: exit 2 with usage" % " ".join(
                      a.replace(tmp, "$TMP") for a in args) or "(no args)",
                  "rc=%s\n%s%s" % (rc, out, err))
    rc, out, err = run([CHECK, os.path.join(tmp, "missing")])
    tap.check(rc == 1 and "FAIL file-read:" in err,
              "a missing directory fails file-read", out + err)

    pas_tests(tap, tmp)

    # --- fuzz: malformed metadata never crashes or hangs the checker
    asan = build_asan_checker(tmp)
    checker = asan or CHECK
    env = dict(os.environ, ASAN_OPTIONS="exitcode=99:detect_leaks=0",
               UBSAN_OPTIONS="halt_on_error=1:exitcode=98")
    print("# fuzzing %s (%s), seed %#x" % (
        os.path.basename(checker), "ASan+UBSan" if asan else "plain",
        FUZZ_SEED))
    rng = random.Random(FUZZ_SEED)
    fz = os.path.join(tmp, "fuzz")
    shutil.copytree(good, fz)
    gen(fz, "--pas=adsp")
    mdt = read(os.path.join(good, "modem.mdt"))
    mba = read(os.path.join(good, "mba.mbn"))
    adsp = read(os.path.join(fz, "adsp.mbn"))
    mdt_hdr = 52 + 32 * struct.unpack_from("<H", mdt, 44)[0]
    mba_hdr = 52 + 32 * struct.unpack_from("<H", mba, 44)[0]
    adsp_hdr = 52 + 32 * struct.unpack_from("<H", adsp, 44)[0]
    for target, orig, hdr, n, opts in (
            ("modem.mdt", mdt, mdt_hdr, FUZZ_CASES, ["--modem"]),
            ("mba.mbn", mba, mba_hdr, FUZZ_CASES // 5, ["--mba"]),
            ("adsp.mbn", adsp, adsp_hdr, FUZZ_CASES // 2,
             ["--pas=adsp", "--image"])):
        bad = []
        counts = {0: 0, 1: 0}
        path = os.path.join(fz, target)
        for case in range(n):
            data = mutate(rng, orig, hdr)
            with open(path, "wb") as f:
                f.write(data)
            try:
                rc, out, err = run([checker, "-q"] + opts + [path],
                                   timeout=20, env=env)
            except subprocess.TimeoutExpired:
                rc, err = "timeout", ""
            if rc in counts:
                counts[rc] += 1
            else:
                keep = os.path.join(qms.BUILD, "test-logs",
                                    "fuzz-%s-%d" % (target, case))
                os.makedirs(os.path.dirname(keep), exist_ok=True)
                with open(keep, "wb") as f:
                    f.write(data)
                bad.append("case %d: rc %s (input kept in %s)\n%s"
                           % (case, rc, keep, err[-2000:]))
        with open(path, "wb") as f:
            f.write(orig)
        tap.check(not bad, "fuzz %s: %d malformed images, checker exits "
                  "0 or 1 only (%d rejected, %d still valid)"
                  % (target, n, counts[1], counts[0]), "\n".join(bad[:5]))


def pas_tests(tap, tmp):
    """--pas: the DSPs' images, as qcom_q6v5_pas loads them and TrustZone
    authenticates them"""
    images = {}
    for name, (image_id, base, size) in PAS.items():
        d = os.path.join(tmp, "pas-" + name)
        rc1, out1, err1 = gen(d, "--pas=" + name)
        rc, out, err = run([CHECK, "--pas=" + name, d])
        files = sorted(os.listdir(d))
        tap.check(rc1 == 0 and rc == 0 and "%s.mbn: OK: %s," % (name, name) in out
                  and "(relocatable)" in out and "mba.mbn" not in files and
                  not any(f.startswith("modem") for f in files),
                  "--pas=%s writes %s.mbn + %s.bNN only, which mdtcheck --pas accepts"
                  % (name, name, name), out1 + err1 + out + err)
        problem, msize, reloc = independent_check_pas(
            os.path.join(d, name + ".mbn"), image_id, base, size)
        tap.check(problem is None and reloc and msize > 4096,
                  "%s: an independent reading of 6.1's mdt loader: image id %#x, "
                  "relocatable segments in 0x%x+0x%x, metadata of %d bytes"
                  % (name, image_id, base, size, msize), str(problem))
        images[name] = read(os.path.join(d, name + ".b02"))
    tap.check(len(set(images.values())) == len(images),
              "the three DSPs' images differ (each its own PRNG stream)")
    adsp = os.path.join(tmp, "pas-adsp")

    # the carve-out is an input of the kernel's rules; the image id of TZ's
    d = os.path.join(tmp, "pas-v")
    shutil.rmtree(d, ignore_errors=True)
    rc1, out1, err1 = gen(d, "--pas=cdsp", "--base=0x90000000", "--size=0x200000",
                          "--seed=9", "--segments=5")
    rc, out, err = run([CHECK, "--pas=cdsp", "--base=0x90000000", "--size=0x200000", d])
    tap.check(rc1 == 0 and rc == 0, "--pas with --base and --size: the checker "
              "accepts it in that carve-out", out1 + err1 + out + err)
    rc, out, err = run([CHECK, "--pas=adsp", "--size=0x10000", adsp])
    tap.check(rc == 1 and "adsp.mbn: FAIL segment-range:" in err and
              "relocated from the lowest p_paddr" in err,
              "a carve-out too small for the relocated segments fails segment-range",
              out + err)
    rc, out, err = run([CHECK, "--pas=cdsp", "--image", os.path.join(adsp, "adsp.mbn")])
    tap.check(rc == 1 and "FAIL hash-header:" in err and "0x50534443" in err,
              "the ADSP's image checked as the CDSP's fails hash-header (image id)",
              out + err)
    # the whole image: __qcom_mdt_load reads the segments from the file
    shutil.rmtree(d, ignore_errors=True)
    gen(d, "--pas=slpi", "--mbn")
    rc, out, err = run([CHECK, "--pas=slpi", d])
    tap.check(rc == 0 and sorted(os.listdir(d)) == ["slpi.mbn"],
              "--pas --mbn writes the whole image as one NAME.mbn, which passes",
              out + err)

    corruptions = [
        ("segment:4", "segment-hash"),
        ("hash-table", "hash-signature"),
        ("elf-header", "elf-magic"),
        ("hash-missing", "hash-segment-present"),
        ("phdr-count:1", "phnum-min"),
        ("truncate-segment:6", "segment-file-size"),
    ]
    for kind, rule in corruptions:
        shutil.rmtree(d, ignore_errors=True)
        rc1, out1, err1 = gen(d, "--pas=adsp", "--corrupt=" + kind)
        rc, out, err = run([CHECK, "--pas=adsp", d])
        tap.check(rc1 == 0 and rc == 1 and "adsp.mbn: FAIL %s:" % rule in err
                  and err.count("FAIL") == 1,
                  "--pas=adsp --corrupt=%s: checker fails rule %s" % (kind, rule),
                  out1 + err1 + out + err)
    shutil.rmtree(d, ignore_errors=True)
    gen(d, "--pas=adsp")
    os.unlink(os.path.join(d, "adsp.b03"))
    rc, out, err = run([CHECK, "--pas=adsp", d])
    tap.check(rc == 1 and "adsp.mbn: FAIL segment-file:" in err and "adsp.b03" in err,
              "a missing adsp.bNN fails segment-file", out + err)

    a, b = os.path.join(tmp, "pas-a"), os.path.join(tmp, "pas-b")
    gen(a, "--pas=adsp", "--seed=5")
    gen(b, "--pas=adsp", "--seed=5")
    files = sorted(os.listdir(a))
    tap.check(files == sorted(os.listdir(b)) and all(
        read(os.path.join(a, f)) == read(os.path.join(b, f)) for f in files),
        "--pas, same seed: byte-identical output (%d files)" % len(files))

    nodir = os.path.join(tmp, "never")
    for args in (["--pas=modem", nodir], ["--pas", nodir], ["--base=0x80000000", nodir],
                 ["--size=0x100000", nodir], ["--pas=adsp", "--mpss-base=0x8e000000", nodir],
                 ["--pas=adsp", "--corrupt=mba", nodir], ["--pas=adsp", "--base=0x123", nodir],
                 ["--pas=adsp", "--size=0x1000", nodir],
                 ["--pas=adsp", "--base=0xfff00000", nodir]):
        rc, out, err = run([MKFW] + args)
        tap.check(rc == 2 and "Usage:" in err and not os.path.exists(nodir),
                  "mkmodemfw %s: exit 2 with usage" % " ".join(
                      x.replace(tmp, "$TMP") for x in args), "rc=%s\n%s%s" % (rc, out, err))
    for args in (["--pas=dsp", adsp], ["--base=0x1000", adsp], ["--pas=adsp", "--modem=x"],
                 ["--pas=adsp"], ["--image=x"]):
        rc, out, err = run([CHECK] + args)
        tap.check(rc == 2 and "Usage:" in err,
                  "mdtcheck %s: exit 2 with usage" % " ".join(
                      x.replace(tmp, "$TMP") for x in args), "rc=%s\n%s%s" % (rc, out, err))


if __name__ == "__main__":
    main()
