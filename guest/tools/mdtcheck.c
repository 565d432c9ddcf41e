/*
 * mdtcheck: check emulated Qualcomm remote processor firmware as Linux
 * 6.1 loads it and as the secure boot chain authenticates it.
 *
 * The modem image (modem.mdt + modem.bNN, or a non-split .mbn) goes
 * through the rules of drivers/soc/qcom/mdt_loader.c (mdt_header_valid,
 * qcom_mdt_read_metadata) and drivers/remoteproc/qcom_q6v5_mss.c
 * (q6v5_mpss_load); a DSP's image (--pas: NAME.mbn + NAME.bNN) through
 * mdt_loader.c's qcom_mdt_pas_init and __qcom_mdt_load, as
 * qcom_q6v5_pas calls them; mba.mbn through q6v5_load's size rule. The
 * kernel's rules are written out here, in the order the kernel applies
 * them. What the emulated MBA or TrustZone then checks (the hash
 * segment, the digests) is not: it is the unit the device models use,
 * hw/remoteproc/qcom-mdt-auth.c, built into this tool. Each failure
 * names the rule (docs/devel/modem-firmware.rst); the first failure of
 * a file ends its check.
 *
 * Exit status: 0 all good, 1 a rule failed, 2 bad usage.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "mssfw.h"

/* Firmware files are small; refuse to read anything absurd */
#define MAX_FILE_SIZE   (256u * 1024 * 1024)

typedef struct Region {
    uint64_t base;
    uint64_t size;
} Region;

typedef struct Options {
    Region mpss;
    Region mba;
    uint64_t mdata_size;        /* metadata carve-out size, 0: none */
    const MssfwPas *pas;        /* --pas: a DSP's image */
    Region dsp;                 /* its carve-out */
    bool quiet;
} Options;

/*
 * Where the kernel takes a segment's data from when it is not in the
 * file it was given
 */
typedef enum SplitRule {
    /* q6v5_mpss_load: a segment whose p_offset is past the file's end */
    SPLIT_PER_SEGMENT,
    /*
     * __qcom_mdt_load: every segment, once any program header reaches
     * past the file's end (qcom_mdt_bins_are_split)
     */
    SPLIT_ANY_BEYOND,
} SplitRule;

/* What a file check works on */
typedef struct Check {
    const char *path;
    uint8_t *data;
    size_t size;
    unsigned phnum;
    MssfwPhdr *ph;
    unsigned hash_idx;
} Check;

/* What an image is checked as */
typedef struct Kind {
    const char *what;           /* "modem", "adsp", ... for messages */
    uint32_t image_id;
    Region region;              /* where its segments must load */
    const char *region_name;
    SplitRule split;
} Kind;

static const char *prog = "mdtcheck";
static const char err_wrong_size[] = "wrong size";

static void usage(FILE *f)
{
    fprintf(f,
"Usage: %s [OPTION]... [DIR]\n"
"       %s --pas=NAME [--base=ADDR --size=SIZE] [--image=FILE] [DIR]\n"
"Check DIR/mba.mbn and DIR/modem.mdt (+ modem.bNN) against the rules of\n"
"Linux 6.1's mdt loader and qcom_q6v5_mss, and every SHA-256 digest; with\n"
"--pas, DIR/NAME.mbn (+ NAME.bNN) as qcom_q6v5_pas loads it and TrustZone\n"
"authenticates it.\n"
"\n"
"  --modem=FILE        check this modem image (.mdt split or .mbn whole)\n"
"  --mba=FILE          check this MBA image\n"
"  --mpss-base=ADDR    mpss carve-out base (default 0x%08x)\n"
"  --mpss-size=SIZE    mpss carve-out size (default 0x%08x)\n"
"  --mba-base=ADDR     mba carve-out base (default 0x%08x)\n"
"  --mba-size=SIZE     mba carve-out size (default 0x%08x)\n"
"  --mdata-size=SIZE   metadata carve-out size (default: none, DMA buffer)\n"
"  --pas=NAME          a DSP's image: adsp, cdsp or slpi\n"
"  --base=ADDR         with --pas: the DSP's carve-out base (default: that\n"
"                      of sm8250.dtsi)\n"
"  --size=SIZE         with --pas: its size (default: sm8250.dtsi's)\n"
"  --image=FILE        with --pas: check this file, not DIR/NAME.mbn\n"
"  -q, --quiet         print failures only\n"
"  -h, --help          show this help\n"
"\n"
"A failure prints \"FILE: FAIL RULE: details\" on stderr.\n"
"Exit status: 0 good, 1 a rule failed, 2 bad usage.\n",
            prog, prog, MSSFW_DEFAULT_MPSS_BASE, MSSFW_DEFAULT_MPSS_SIZE,
            MSSFW_DEFAULT_MBA_BASE, MSSFW_DEFAULT_MBA_SIZE);
}

static void G_GNUC_PRINTF(1, 2) G_GNUC_NORETURN usage_error(const char *fmt,
                                                             ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    usage(stderr);
    exit(2);
}

static bool G_GNUC_PRINTF(3, 4) fail(const Check *ck, const char *rule,
                                     const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: FAIL %s: ", ck->path, rule);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    return false;
}

static uint64_t parse_num(const char *opt, const char *s)
{
    char *end;
    guint64 v;

    errno = 0;
    v = g_ascii_strtoull(s, &end, 0);
    if (!*s || *s == '-' || errno || *end || v > UINT32_MAX) {
        usage_error("%s: '%s' is not a 32-bit number", opt, s);
    }
    return v;
}

static char *hex(const uint8_t *d, char buf[2 * MSSFW_DIGEST_SIZE + 1])
{
    unsigned i;

    for (i = 0; i < MSSFW_DIGEST_SIZE; i++) {
        sprintf(buf + 2 * i, "%02x", d[i]);
    }
    return buf;
}

/*
 * Read a whole file. Returns false with errno-based @err on failure.
 * With @want_size != SIZE_MAX, the file must have exactly that size
 * (checked before reading, so a huge p_filesz never allocates).
 */
static bool read_file(const char *path, size_t want_size, uint8_t **data,
                      size_t *size, const char **err)
{
    struct stat st;
    FILE *f = fopen(path, "rb");

    *data = NULL;
    *size = 0;
    if (!f) {
        *err = strerror(errno);
        return false;
    }
    if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
        *err = "not a regular file";
        fclose(f);
        return false;
    }
    *size = st.st_size;
    if (want_size != SIZE_MAX && *size != want_size) {
        *err = err_wrong_size;
        fclose(f);
        return false;
    }
    if (*size > MAX_FILE_SIZE) {
        *err = "file too large";
        fclose(f);
        return false;
    }
    *data = g_malloc(*size ? *size : 1);
    if (fread(*data, 1, *size, f) != *size) {
        *err = "short read";
        g_free(*data);
        *data = NULL;
        fclose(f);
        return false;
    }
    fclose(f);
    return true;
}

/*
 * The rule an authentication failure breaks, from what the shared unit
 * says (its messages are its interface to the models' traces; a message
 * this table does not know falls back to its failure class)
 */
static const char *auth_rule(QcomMdtError err, const char *why)
{
    static const struct {
        const char *prefix;
        const char *rule;
    } rules[] = {
        { "not a 32-bit little-endian ELF", "elf-ident" },
        { "e_machine is not EM_QDSP6", "elf-ident" },
        { "e_phnum is not", "phnum-max" },
        { "e_phoff", "e_phoff" },
        { "no ELF magic", "elf-magic" },
        { "phdr 0 is PT_LOAD", "phdr0-not-load" },
        { "phdr 0 does not cover", "phdr0-covers-headers" },
        { "no hash segment", "hash-segment-present" },
        { "no loadable segment", "loadable-segment-present" },
        { "a segment's p_filesz exceeds", "segment-filesz" },
        { "a segment ends beyond", "segment-range" },
        { "segments add up to", "segment-range" },
        { "hash header", "hash-header" },
        { "hash segment", "hash-header" },
        { "hash table signature", "hash-signature" },
        { "digest 0", "header-hash" },
        { "a segment's SHA-256", "segment-hash" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(rules); i++) {
        if (g_str_has_prefix(why, rules[i].prefix)) {
            return rules[i].rule;
        }
    }
    switch (err) {
    case QCOM_MDT_BAD_ELF:
        return "auth-bad-elf";
    case QCOM_MDT_BAD_HASH_TABLE:
        return "auth-bad-hash-table";
    case QCOM_MDT_BAD_LENGTH:
        return "auth-bad-length";
    case QCOM_MDT_HASH_MISMATCH:
        return "auth-hash-mismatch";
    default:
        return "auth";
    }
}

/*
 * mdt_header_valid(), then what 6.1 assumes (the program headers right
 * after the ELF header) and qcom_mdt_read_metadata()'s own rules
 */
static bool check_elf_header(Check *ck)
{
    const uint8_t *h = ck->data;
    uint32_t phoff, shoff;
    uint16_t phentsize, shentsize, shnum;
    uint64_t end;
    unsigned i;

    if (ck->size < MSSFW_EHDR_SIZE) {
        return fail(ck, "elf-size", "%zu bytes, smaller than the ELF32 "
                    "header (52)", ck->size);
    }
    if (memcmp(h, "\x7f" "ELF", 4)) {
        return fail(ck, "elf-magic", "e_ident does not start with "
                    "\\x7fELF (%02x %02x %02x %02x)", h[0], h[1], h[2], h[3]);
    }
    phoff = mssfw_get32(h + 28);
    shoff = mssfw_get32(h + 32);
    phentsize = mssfw_get16(h + 42);
    ck->phnum = mssfw_get16(h + 44);
    shentsize = mssfw_get16(h + 46);
    shnum = mssfw_get16(h + 48);
    if (phentsize != MSSFW_PHDR_SIZE) {
        return fail(ck, "e_phentsize", "e_phentsize %u, must be %u",
                    phentsize, MSSFW_PHDR_SIZE);
    }
    end = (uint64_t)phoff + (uint64_t)ck->phnum * MSSFW_PHDR_SIZE;
    if (end > ck->size) {
        return fail(ck, "phdr-table-in-file", "e_phoff %u + e_phnum %u * 32 "
                    "= %" PRIu64 " is past the end of the file (%zu bytes)",
                    phoff, ck->phnum, end, ck->size);
    }
    if (shentsize || shnum) {
        if (shentsize != MSSFW_SHDR_SIZE) {
            return fail(ck, "e_shentsize", "e_shentsize %u, must be %u",
                        shentsize, MSSFW_SHDR_SIZE);
        }
        end = (uint64_t)shoff + (uint64_t)shnum * MSSFW_SHDR_SIZE;
        if (end > ck->size) {
            return fail(ck, "shdr-table-in-file", "section headers end at "
                        "%" PRIu64 ", past the end of the file (%zu bytes)",
                        end, ck->size);
        }
    }
    /* Linux 6.1 ignores e_phoff and reads the phdrs at ehdr + 1 */
    if (phoff != MSSFW_EHDR_SIZE) {
        return fail(ck, "e_phoff", "e_phoff %u: Linux 6.1 reads the "
                    "program headers right after the 52-byte header", phoff);
    }

    /* qcom_mdt_read_metadata */
    if (ck->phnum < 2) {
        return fail(ck, "phnum-min", "e_phnum %u, need at least 2 "
                    "(header and hash segments)", ck->phnum);
    }
    ck->ph = g_new0(MssfwPhdr, ck->phnum);
    for (i = 0; i < ck->phnum; i++) {
        mssfw_get_phdr(h + MSSFW_EHDR_SIZE, i, &ck->ph[i]);
    }
    if (ck->ph[0].type == MSSFW_PT_LOAD) {
        return fail(ck, "phdr0-not-load", "phdr[0] is PT_LOAD; it must "
                    "describe the ELF header and program headers");
    }
    ck->hash_idx = qcom_mdt_find_hash(h + MSSFW_EHDR_SIZE, ck->phnum);
    if ((int)ck->hash_idx < 0) {
        ck->hash_idx = 0;
        return fail(ck, "hash-segment-present", "no phdr with "
                    "(p_flags & 0x07000000) == 0x02000000");
    }
    /* the kernel copies phdr[0].p_filesz bytes from offset 0 */
    if (ck->ph[0].filesz > ck->size) {
        return fail(ck, "phdr0-covers-headers", "phdr[0].p_filesz %u must "
                    "lie inside the file (%zu bytes): the kernel copies that "
                    "much of it", ck->ph[0].filesz, ck->size);
    }
    return true;
}

/*
 * The metadata blob as the MBA or TrustZone receives it (phdr[0].p_filesz
 * bytes of headers, then the hash segment), authenticated by the shared
 * rules; on success img holds the loadable segments and their digests
 */
static bool authenticate(Check *ck, const uint8_t *meta, uint32_t len,
                         uint32_t image_id, QcomMdtImage *img)
{
    const char *why = "?";
    QcomMdtError err = qcom_mdt_parse_metadata(meta, len, image_id, img,
                                               &why);
    const char *rule = err ? auth_rule(err, why) : NULL;

    if (!err) {
        return true;
    }
    if (!strcmp(rule, "hash-header")) {
        const uint8_t *hh = meta + ck->ph[0].filesz;
        bool have = len >= ck->ph[0].filesz + 8;

        return fail(ck, rule, "%s (image id 0x%08x version %u; expected "
                    "0x%08x version 3)", why, have ? mssfw_get32(hh) : 0,
                    have ? mssfw_get32(hh + 4) : 0, image_id);
    }
    return fail(ck, rule, "%s", why);
}

static bool check_digest(Check *ck, const QcomMdtSegment *seg,
                         const uint8_t *data, const char *src)
{
    uint8_t d[MSSFW_DIGEST_SIZE];
    char h1[2 * MSSFW_DIGEST_SIZE + 1], h2[2 * MSSFW_DIGEST_SIZE + 1];
    const char *why;
    QcomMdtError err = qcom_mdt_check_segment(seg, data, &why);

    if (err) {
        mssfw_sha256(data, seg->filesz, d);
        return fail(ck, auth_rule(err, why), "segment %u (%s, %u bytes): "
                    "SHA-256 %s, hash table has %s", seg->index, src,
                    seg->filesz, hex(d, h1), hex(seg->digest, h2));
    }
    return true;
}

/* "modem.mdt" -> "modem.bNN", as mdt_load_split_segment() and mss do */
static char *segment_path(const char *path, unsigned i)
{
    size_t n = strlen(path);
    char *s = g_malloc(n + 16);

    memcpy(s, path, n - 3);
    sprintf(s + n - 3, "b%02u", i);
    return s;
}

/* qcom_mdt_bins_are_split (6.1): does any phdr reach past the file? */
static bool bins_are_split(const Check *ck)
{
    for (unsigned i = 0; i < ck->phnum; i++) {
        uint64_t start = ck->ph[i].offset;

        if (start > ck->size || start + ck->ph[i].filesz > ck->size) {
            return true;
        }
    }
    return false;
}

/*
 * The loadable segments as the kernel loads them (q6v5_mpss_load,
 * __qcom_mdt_load): inside the region once relocated, p_filesz bytes
 * from the file or NAME.bNN, then each one's digest
 */
static bool check_segments(Check *ck, const Kind *k, const QcomMdtImage *img,
                           uint64_t *total)
{
    uint64_t reloc = img->relocatable ? img->min_paddr : k->region.base;
    bool split_all = k->split == SPLIT_ANY_BEYOND && bins_are_split(ck);

    *total = 0;
    for (uint32_t n = 0; n < img->nsegs; n++) {
        const QcomMdtSegment *seg = &img->segs[n];
        int64_t offset = (int64_t)seg->paddr - (int64_t)reloc;
        bool in_file = k->split == SPLIT_PER_SEGMENT ?
                       seg->offset < ck->size : !split_all;
        uint8_t *data = NULL;
        char *spath;
        size_t size;
        const char *err;
        bool ok;

        if (offset < 0 || offset + seg->memsz > (int64_t)k->region.size) {
            return fail(ck, "segment-range", "segment %u at 0x%08x+0x%x is "
                        "outside the %s region 0x%08" PRIx64 "+0x%" PRIx64
                        "%s", seg->index, seg->paddr, seg->memsz,
                        k->region_name, k->region.base, k->region.size,
                        img->relocatable ?
                        " (relocated from the lowest p_paddr)" : "");
        }
        *total += seg->memsz;
        if (!seg->filesz) {
            continue;
        }
        if (in_file) {
            if ((uint64_t)seg->offset + seg->filesz > ck->size) {
                return fail(ck, "segment-file-size", "segment %u: 0x%x bytes "
                            "at offset 0x%x run past the end of the file (%zu "
                            "bytes)", seg->index, seg->filesz, seg->offset,
                            ck->size);
            }
            if (!check_digest(ck, seg, ck->data + seg->offset, "in file")) {
                return false;
            }
            continue;
        }
        spath = segment_path(ck->path, seg->index);
        if (!read_file(spath, seg->filesz, &data, &size, &err)) {
            if (err == err_wrong_size) {
                fail(ck, "segment-file-size", "segment %u: %s has %zu "
                     "bytes, p_filesz is %u", seg->index, spath, size,
                     seg->filesz);
            } else {
                fail(ck, "segment-file", "segment %u: %s: %s", seg->index,
                     spath, err);
            }
            g_free(spath);
            return false;
        }
        ok = check_digest(ck, seg, data, spath);
        g_free(data);
        g_free(spath);
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* The modem's image (Kind SPLIT_PER_SEGMENT) or a DSP's (SPLIT_ANY_BEYOND) */
static bool check_image(const char *path, const Kind *k, const Options *o)
{
    Check ck = { .path = path };
    const MssfwPhdr *hp;
    QcomMdtImage img = { 0 };
    uint8_t *hash = NULL, *meta = NULL;
    const char *err;
    char *spath;
    size_t seg_size;
    uint64_t ehdr_size, hash_size, total;
    bool ok = false;

    if (strlen(path) <= 4) {
        fail(&ck, "file-name", "name too short for .bNN segment names");
        return false;
    }
    if (!read_file(path, SIZE_MAX, &ck.data, &ck.size, &err)) {
        fail(&ck, "file-read", "%s", err);
        return false;
    }
    if (!check_elf_header(&ck)) {
        goto out;
    }

    /* qcom_mdt_read_metadata: where the hash segment comes from */
    hp = &ck.ph[ck.hash_idx];
    ehdr_size = ck.ph[0].filesz;
    hash_size = hp->filesz;
    if (ehdr_size + hash_size == ck.size) {
        hash = g_memdup2(ck.data + ehdr_size, hash_size);
    } else if ((uint64_t)hp->offset + hash_size <= ck.size) {
        hash = g_memdup2(ck.data + hp->offset, hash_size);
    } else {
        spath = segment_path(path, ck.hash_idx);
        if (!read_file(spath, hash_size, &hash, &seg_size, &err)) {
            fail(&ck, "hash-segment-read", "hash segment %u is neither "
                 "after the headers, nor inside the file, nor in %s "
                 "(%u bytes): %s", ck.hash_idx, spath, hp->filesz, err);
            g_free(spath);
            goto out;
        }
        g_free(spath);
    }
    if (o->mdata_size && ehdr_size + hash_size > o->mdata_size) {
        fail(&ck, "metadata-size", "metadata %" PRIu64 " bytes does not "
             "fit the %" PRIu64 "-byte carve-out", ehdr_size + hash_size,
             o->mdata_size);
        goto out;
    }
    /* the metadata blob: headers, then hash segment */
    meta = g_malloc(ehdr_size + hash_size + 1);
    memcpy(meta, ck.data, ehdr_size);
    memcpy(meta + ehdr_size, hash, hash_size);
    /* TrustZone's INIT_IMAGE, the MBA's RMB_CMD_META_DATA_READY */
    if (!authenticate(&ck, meta, ehdr_size + hash_size, k->image_id, &img)) {
        goto out;
    }

    /* q6v5_mpss_load or __qcom_mdt_load */
    if (!check_segments(&ck, k, &img, &total)) {
        goto out;
    }
    ok = true;
    if (!o->quiet) {
        printf("%s: OK: %s, %u phdrs, hash segment %u, metadata %" PRIu64
               " bytes, %u loadable segments%s, code length %" PRIu64 "\n",
               path, k->what, ck.phnum, ck.hash_idx, ehdr_size + hash_size,
               img.nsegs, img.relocatable ? " (relocatable)" : "", total);
    }
out:
    qcom_mdt_image_clear(&img);
    g_free(meta);
    g_free(hash);
    g_free(ck.ph);
    g_free(ck.data);
    return ok;
}

static bool check_mba(const char *path, const Options *o)
{
    Check ck = { .path = path };
    const MssfwPhdr *hp;
    QcomMdtImage img = { 0 };
    const char *err, *why = "?";
    QcomMdtError aerr;
    bool ok = false;

    if (!read_file(path, SIZE_MAX, &ck.data, &ck.size, &err)) {
        fail(&ck, "file-read", "%s", err);
        return false;
    }
    /* q6v5_load */
    if (ck.size > MSSFW_MBA_MAX_SIZE || ck.size > o->mba.size) {
        fail(&ck, "mba-size", "%zu bytes: more than 1 MiB or the mba "
             "region (0x%" PRIx64 ")", ck.size, o->mba.size);
        goto out;
    }
    if (!check_elf_header(&ck)) {
        goto out;
    }
    /* the PBL reads the image in place: the hash is inside it */
    hp = &ck.ph[ck.hash_idx];
    if ((uint64_t)hp->offset + hp->filesz > ck.size) {
        fail(&ck, "hash-segment-read", "hash segment %u at 0x%x+0x%x is "
             "past the end of the image (%zu bytes)", ck.hash_idx,
             hp->offset, hp->filesz, ck.size);
        goto out;
    }
    aerr = qcom_mdt_parse(ck.data, ck.ph[0].filesz, ck.data + hp->offset,
                          hp->filesz, MSSFW_IMAGE_ID_MBA, &img, &why);
    if (aerr) {
        fail(&ck, auth_rule(aerr, why), "%s", why);
        goto out;
    }
    for (uint32_t n = 0; n < img.nsegs; n++) {
        const QcomMdtSegment *seg = &img.segs[n];

        if (seg->paddr < o->mba.base ||
            (uint64_t)seg->paddr + seg->memsz > o->mba.base + o->mba.size) {
            fail(&ck, "segment-range", "segment %u at 0x%08x+0x%x is "
                 "outside the mba region 0x%08" PRIx64 "+0x%" PRIx64,
                 seg->index, seg->paddr, seg->memsz, o->mba.base,
                 o->mba.size);
            goto out;
        }
        if ((uint64_t)seg->offset + seg->filesz > ck.size) {
            fail(&ck, "segment-file-size", "segment %u: 0x%x bytes at "
                 "offset 0x%x run past the end of the image (%zu bytes)",
                 seg->index, seg->filesz, seg->offset, ck.size);
            goto out;
        }
        if (seg->filesz &&
            !check_digest(&ck, seg, ck.data + seg->offset, "in image")) {
            goto out;
        }
    }
    ok = true;
    if (!o->quiet) {
        printf("%s: OK: %zu bytes, %u phdrs, %u loadable segments\n",
               path, ck.size, ck.phnum, img.nsegs);
    }
out:
    qcom_mdt_image_clear(&img);
    g_free(ck.ph);
    g_free(ck.data);
    return ok;
}

int main(int argc, char **argv)
{
    enum {
        OPT_MODEM = 256, OPT_MBA, OPT_MPSS_BASE, OPT_MPSS_SIZE,
        OPT_MBA_BASE, OPT_MBA_SIZE, OPT_MDATA_SIZE, OPT_PAS, OPT_BASE,
        OPT_SIZE, OPT_IMAGE,
    };
    static const struct option longopts[] = {
        { "modem", required_argument, NULL, OPT_MODEM },
        { "mba", required_argument, NULL, OPT_MBA },
        { "mpss-base", required_argument, NULL, OPT_MPSS_BASE },
        { "mpss-size", required_argument, NULL, OPT_MPSS_SIZE },
        { "mba-base", required_argument, NULL, OPT_MBA_BASE },
        { "mba-size", required_argument, NULL, OPT_MBA_SIZE },
        { "mdata-size", required_argument, NULL, OPT_MDATA_SIZE },
        { "pas", required_argument, NULL, OPT_PAS },
        { "base", required_argument, NULL, OPT_BASE },
        { "size", required_argument, NULL, OPT_SIZE },
        { "image", required_argument, NULL, OPT_IMAGE },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    Options o = {
        .mpss = { MSSFW_DEFAULT_MPSS_BASE, MSSFW_DEFAULT_MPSS_SIZE },
        .mba = { MSSFW_DEFAULT_MBA_BASE, MSSFW_DEFAULT_MBA_SIZE },
    };
    const char *modem = NULL, *mba = NULL, *image = NULL;
    char *dir_modem = NULL, *dir_mba = NULL, *dir_image = NULL;
    bool ok = true, base_set = false, size_set = false;
    int c;

    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_MODEM:
            modem = optarg;
            break;
        case OPT_MBA:
            mba = optarg;
            break;
        case OPT_MPSS_BASE:
            o.mpss.base = parse_num("--mpss-base", optarg);
            break;
        case OPT_MPSS_SIZE:
            o.mpss.size = parse_num("--mpss-size", optarg);
            break;
        case OPT_MBA_BASE:
            o.mba.base = parse_num("--mba-base", optarg);
            break;
        case OPT_MBA_SIZE:
            o.mba.size = parse_num("--mba-size", optarg);
            break;
        case OPT_MDATA_SIZE:
            o.mdata_size = parse_num("--mdata-size", optarg);
            break;
        case OPT_PAS:
            o.pas = mssfw_pas_find(optarg);
            if (!o.pas) {
                usage_error("--pas: unknown DSP '%s' (adsp, cdsp or slpi)",
                            optarg);
            }
            break;
        case OPT_BASE:
            o.dsp.base = parse_num("--base", optarg);
            base_set = true;
            break;
        case OPT_SIZE:
            o.dsp.size = parse_num("--size", optarg);
            size_set = true;
            break;
        case OPT_IMAGE:
            image = optarg;
            break;
        case 'q':
            o.quiet = true;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case ':':
            usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 1 < argc) {
        usage_error("one DIR only (extra argument '%s')", argv[optind + 1]);
    }
    if (o.pas) {
        Kind k = {
            .what = o.pas->name, .image_id = o.pas->image_id,
            .region = { base_set ? o.dsp.base : o.pas->base,
                        size_set ? o.dsp.size : o.pas->size },
            .region_name = o.pas->name, .split = SPLIT_ANY_BEYOND,
        };

        if (modem || mba) {
            usage_error("--modem and --mba do not go with --pas");
        }
        if (optind < argc) {
            char *name = g_strdup_printf("%s.mbn", o.pas->name);

            dir_image = g_build_filename(argv[optind], name, NULL);
            g_free(name);
        }
        image = image ? image : dir_image;
        if (!image) {
            usage_error("nothing to check: give DIR or --image");
        }
        ok = check_image(image, &k, &o);
        g_free(dir_image);
        return ok ? 0 : 1;
    }
    if (base_set || size_set || image) {
        usage_error("--base, --size and --image need --pas");
    }
    if (optind < argc) {
        dir_modem = g_build_filename(argv[optind], "modem.mdt", NULL);
        dir_mba = g_build_filename(argv[optind], "mba.mbn", NULL);
        modem = modem ? modem : dir_modem;
        mba = mba ? mba : dir_mba;
    }
    if (!modem && !mba) {
        usage_error("nothing to check: give DIR, --modem or --mba");
    }
    if (mba) {
        ok &= check_mba(mba, &o);
    }
    if (modem) {
        Kind k = {
            .what = "modem", .image_id = MSSFW_IMAGE_ID_MODEM,
            .region = o.mpss, .region_name = "mpss",
            .split = SPLIT_PER_SEGMENT,
        };

        ok &= check_image(modem, &k, &o);
    }
    g_free(dir_modem);
    g_free(dir_mba);
    return ok ? 0 : 1;
}
