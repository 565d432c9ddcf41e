/*
 * mkmodemfw: write emulated Qualcomm remote processor firmware for
 * qcom-mss-sim.
 *
 * By default the modem's: mba.mbn (the modem boot authenticator the
 * emulated PBL checks) and modem.mdt + modem.bNN (the split image the
 * kernel's mdt loader and qcom_q6v5_mss read, hashed as the emulated MBA
 * checks it). With --pas=adsp|cdsp|slpi a DSP's, as qcom_q6v5_pas loads
 * it and TrustZone's PAS service authenticates it: NAME.mbn (the ELF
 * header, program headers and hash segment: the metadata) + NAME.bNN,
 * its segments relocatable inside the DSP's carve-out. The format is
 * specified in docs/devel/modem-firmware.rst. Output depends only on
 * the options (seeded PRNG), so the same command writes the same bytes;
 * every image written undamaged is first checked with the rules the
 * models authenticate it by (hw/remoteproc/qcom-mdt-auth.c).
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
#include <sys/types.h>

#include "mssfw.h"

#define MAX_SEGMENTS    98      /* phdr index must fit "bNN" */
#define MAX_CORRUPTIONS 16

typedef enum CorruptKind {
    CORRUPT_SEGMENT,
    CORRUPT_HASH_TABLE,
    CORRUPT_ELF_HEADER,
    CORRUPT_PHDR_COUNT,
    CORRUPT_HASH_MISSING,
    CORRUPT_TRUNCATE_SEGMENT,
    CORRUPT_MBA,
} CorruptKind;

typedef struct Corruption {
    CorruptKind kind;
    bool has_arg;
    unsigned long arg;
} Corruption;

typedef struct Options {
    const char *outdir;
    const MssfwPas *pas;        /* --pas: a DSP image instead of the modem's */
    uint32_t base;              /* --base, --size: the DSP's carve-out */
    uint32_t size;
    bool modem_opts;            /* an option of the modem's was given */
    bool pas_opts;              /* --base or --size was given */
    uint64_t seed;
    uint32_t mpss_base;
    uint32_t mpss_size;
    uint32_t mba_base;
    uint32_t mba_size;
    unsigned segments;
    unsigned mba_segments;
    uint32_t max_segment_size;
    bool relocatable;
    bool write_mbn;
    Corruption corrupt[MAX_CORRUPTIONS];
    unsigned ncorrupt;
} Options;

/* One ELF image being built: its phdrs, segment data and hash segment */
typedef struct Image {
    uint32_t image_id;
    unsigned phnum;
    MssfwPhdr *ph;
    uint8_t **data;             /* per phdr: p_filesz bytes, or NULL */
    uint8_t *hdr;               /* ELF header + phdrs (phdr[0]) */
    uint32_t hdr_size;
    uint8_t *hash;              /* hash segment (phdr[1]) */
    uint32_t hash_size;
    uint32_t file_size;         /* size as one non-split file */
} Image;

static const char *prog = "mkmodemfw";

static void usage(FILE *f)
{
    fprintf(f,
"Usage: %s [OPTION]... OUTDIR\n"
"       %s --pas=NAME [--base=ADDR --size=SIZE] [OPTION]... OUTDIR\n"
"Write mba.mbn and modem.mdt + modem.bNN into OUTDIR (created if missing);\n"
"with --pas, a DSP's image as qcom_q6v5_pas loads it: NAME.mbn (headers and\n"
"hash segment) + NAME.bNN, relocatable segments inside its carve-out.\n"
"\n"
"  --seed=N               PRNG seed for sizes and contents (default 1)\n"
"  --segments=N           loadable segments, 1..%d (default 16)\n"
"  --max-segment-size=N   largest segment data in bytes (default 65536)\n"
"  --mpss-base=ADDR       mpss carve-out base (default 0x%08x)\n"
"  --mpss-size=SIZE       mpss carve-out size (default 0x%08x)\n"
"  --mba-base=ADDR        mba carve-out base (default 0x%08x)\n"
"  --mba-size=SIZE        mba carve-out size (default 0x%08x)\n"
"  --relocatable          mark the modem segments relocatable (p_flags bit 27;\n"
"                         a DSP's always are)\n"
"  --mbn                  also write modem.mbn, the same image not split; with\n"
"                         --pas, NAME.mbn is the whole image and no NAME.bNN\n"
"  --pas=NAME             a DSP's image: adsp, cdsp or slpi (hash header image\n"
"                         id \"ADSP\", \"CDSP\", \"SLPI\")\n"
"  --base=ADDR            with --pas: the DSP's carve-out base (default: that\n"
"                         of sm8250.dtsi, adsp 0x%08x)\n"
"  --size=SIZE            with --pas: its size (default: sm8250.dtsi's)\n"
"  --corrupt=KIND         damage the output for negative tests (repeatable):\n"
"      segment:N          flip a bit of segment N's data (modem.bNN, NAME.bNN)\n"
"      truncate-segment:N write that .bNN shorter than p_filesz\n"
"      hash-table         damage a digest of the hash table\n"
"      hash-missing       clear the hash segment's type bits\n"
"      elf-header         break the ELF magic\n"
"      phdr-count[:N]     set e_phnum to N (default 0xffff: table past EOF)\n"
"      mba                flip a bit of the MBA's first loadable segment\n"
"                         (not with --pas)\n"
"  -h, --help             show this help\n"
"\n"
"Exit status: 0 written, 1 I/O error, 2 bad usage.\n",
            prog, prog, MAX_SEGMENTS, MSSFW_DEFAULT_MPSS_BASE,
            MSSFW_DEFAULT_MPSS_SIZE, MSSFW_DEFAULT_MBA_BASE,
            MSSFW_DEFAULT_MBA_SIZE, mssfw_pas[0].base);
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

static void G_GNUC_PRINTF(1, 2) G_GNUC_NORETURN die(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    exit(1);
}

static uint64_t parse_num(const char *opt, const char *s, uint64_t max)
{
    char *end;
    guint64 v;

    if (!*s || *s == '-') {
        usage_error("%s: '%s' is not a number", opt, s);
    }
    errno = 0;
    v = g_ascii_strtoull(s, &end, 0);
    if (errno || *end) {
        usage_error("%s: '%s' is not a number", opt, s);
    }
    if (v > max) {
        usage_error("%s: %s is larger than 0x%" PRIx64, opt, s, max);
    }
    return v;
}

static void parse_corrupt(Options *o, const char *s)
{
    static const struct {
        const char *name;
        CorruptKind kind;
        int arg;                /* 0 none, 1 required, 2 optional */
    } kinds[] = {
        { "segment", CORRUPT_SEGMENT, 1 },
        { "truncate-segment", CORRUPT_TRUNCATE_SEGMENT, 1 },
        { "hash-table", CORRUPT_HASH_TABLE, 0 },
        { "hash-missing", CORRUPT_HASH_MISSING, 0 },
        { "elf-header", CORRUPT_ELF_HEADER, 0 },
        { "phdr-count", CORRUPT_PHDR_COUNT, 2 },
        { "mba", CORRUPT_MBA, 0 },
    };
    const char *colon = strchr(s, ':');
    size_t len = colon ? (size_t)(colon - s) : strlen(s);
    Corruption *c;
    size_t i;

    if (o->ncorrupt == MAX_CORRUPTIONS) {
        usage_error("--corrupt: at most %d corruptions", MAX_CORRUPTIONS);
    }
    for (i = 0; i < G_N_ELEMENTS(kinds); i++) {
        if (strlen(kinds[i].name) == len && !strncmp(s, kinds[i].name, len)) {
            break;
        }
    }
    if (i == G_N_ELEMENTS(kinds)) {
        usage_error("--corrupt: unknown kind '%s'", s);
    }
    c = &o->corrupt[o->ncorrupt++];
    c->kind = kinds[i].kind;
    c->has_arg = colon != NULL;
    if (kinds[i].arg == 0 && colon) {
        usage_error("--corrupt=%s takes no argument", kinds[i].name);
    }
    if (kinds[i].arg == 1 && !colon) {
        usage_error("--corrupt=%s needs a segment number (%s:N)",
                    kinds[i].name, kinds[i].name);
    }
    if (colon) {
        c->arg = parse_num("--corrupt", colon + 1, 0xffff);
    }
}

static const Corruption *find_corruption(const Options *o, CorruptKind k)
{
    unsigned i;

    for (i = 0; i < o->ncorrupt; i++) {
        if (o->corrupt[i].kind == k) {
            return &o->corrupt[i];
        }
    }
    return NULL;
}

static void parse_args(Options *o, int argc, char **argv)
{
    enum {
        OPT_SEED = 256, OPT_SEGMENTS, OPT_MAX_SEG, OPT_MPSS_BASE,
        OPT_MPSS_SIZE, OPT_MBA_BASE, OPT_MBA_SIZE, OPT_RELOC, OPT_MBN,
        OPT_CORRUPT, OPT_PAS, OPT_BASE, OPT_SIZE,
    };
    static const struct option longopts[] = {
        { "seed", required_argument, NULL, OPT_SEED },
        { "segments", required_argument, NULL, OPT_SEGMENTS },
        { "max-segment-size", required_argument, NULL, OPT_MAX_SEG },
        { "mpss-base", required_argument, NULL, OPT_MPSS_BASE },
        { "mpss-size", required_argument, NULL, OPT_MPSS_SIZE },
        { "mba-base", required_argument, NULL, OPT_MBA_BASE },
        { "mba-size", required_argument, NULL, OPT_MBA_SIZE },
        { "relocatable", no_argument, NULL, OPT_RELOC },
        { "mbn", no_argument, NULL, OPT_MBN },
        { "corrupt", required_argument, NULL, OPT_CORRUPT },
        { "pas", required_argument, NULL, OPT_PAS },
        { "base", required_argument, NULL, OPT_BASE },
        { "size", required_argument, NULL, OPT_SIZE },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    bool base_set = false, size_set = false;
    int c;

    memset(o, 0, sizeof(*o));
    o->seed = 1;
    o->segments = 16;
    o->mba_segments = 3;
    o->max_segment_size = 65536;
    o->mpss_base = MSSFW_DEFAULT_MPSS_BASE;
    o->mpss_size = MSSFW_DEFAULT_MPSS_SIZE;
    o->mba_base = MSSFW_DEFAULT_MBA_BASE;
    o->mba_size = MSSFW_DEFAULT_MBA_SIZE;

    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_SEED:
            o->seed = parse_num("--seed", optarg, UINT64_MAX);
            break;
        case OPT_SEGMENTS:
            o->segments = parse_num("--segments", optarg, MAX_SEGMENTS);
            if (o->segments == 0) {
                usage_error("--segments: need at least 1");
            }
            break;
        case OPT_MAX_SEG:
            o->max_segment_size = parse_num("--max-segment-size", optarg,
                                            16 * 1024 * 1024);
            if (o->max_segment_size < 16) {
                usage_error("--max-segment-size: need at least 16");
            }
            break;
        case OPT_MPSS_BASE:
            o->mpss_base = parse_num("--mpss-base", optarg, UINT32_MAX);
            o->modem_opts = true;
            break;
        case OPT_MPSS_SIZE:
            o->mpss_size = parse_num("--mpss-size", optarg, UINT32_MAX);
            o->modem_opts = true;
            break;
        case OPT_MBA_BASE:
            o->mba_base = parse_num("--mba-base", optarg, UINT32_MAX);
            o->modem_opts = true;
            break;
        case OPT_MBA_SIZE:
            o->mba_size = parse_num("--mba-size", optarg, UINT32_MAX);
            o->modem_opts = true;
            break;
        case OPT_PAS:
            o->pas = mssfw_pas_find(optarg);
            if (!o->pas) {
                usage_error("--pas: unknown DSP '%s' (adsp, cdsp or slpi)",
                            optarg);
            }
            break;
        case OPT_BASE:
            o->base = parse_num("--base", optarg, UINT32_MAX);
            base_set = o->pas_opts = true;
            break;
        case OPT_SIZE:
            o->size = parse_num("--size", optarg, UINT32_MAX);
            size_set = o->pas_opts = true;
            break;
        case OPT_RELOC:
            o->relocatable = true;
            break;
        case OPT_MBN:
            o->write_mbn = true;
            break;
        case OPT_CORRUPT:
            parse_corrupt(o, optarg);
            break;
        case 'h':
            usage(stdout);
            exit(0);
        case ':':
            usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc) {
        usage_error("missing OUTDIR");
    }
    if (optind + 1 != argc) {
        usage_error("one OUTDIR only (extra argument '%s')", argv[optind + 1]);
    }
    o->outdir = argv[optind];
    if (o->pas) {
        if (o->modem_opts) {
            usage_error("--mpss-* and --mba-* are the modem's; a DSP's "
                        "carve-out is --base and --size");
        }
        if (find_corruption(o, CORRUPT_MBA)) {
            usage_error("--corrupt=mba: --pas writes no MBA");
        }
        o->base = base_set ? o->base : o->pas->base;
        o->size = size_set ? o->size : o->pas->size;
        if ((uint64_t)o->base + o->size > 0x100000000ull) {
            usage_error("carve-out 0x%08x+0x%x does not fit in 32 bits",
                        o->base, o->size);
        }
        if (o->base & (MSSFW_PAGE - 1)) {
            usage_error("--base must be 4 KiB aligned");
        }
        o->relocatable = true;
        return;
    }
    if (o->pas_opts) {
        usage_error("--base and --size need --pas (the modem's carve-outs are "
                    "--mpss-* and --mba-*)");
    }
    if ((uint64_t)o->mpss_base + o->mpss_size > 0x100000000ull) {
        usage_error("mpss region 0x%08x+0x%x does not fit in 32 bits",
                    o->mpss_base, o->mpss_size);
    }
    if ((uint64_t)o->mba_base + o->mba_size > 0x100000000ull) {
        usage_error("mba region 0x%08x+0x%x does not fit in 32 bits",
                    o->mba_base, o->mba_size);
    }
    if ((o->mpss_base | o->mba_base) & (MSSFW_PAGE - 1)) {
        usage_error("--mpss-base and --mba-base must be 4 KiB aligned");
    }
}

/* splitmix64: small, well-mixed, and the same everywhere */
static uint64_t prng_state;

static uint64_t prng_next(void)
{
    uint64_t z = (prng_state += 0x9e3779b97f4a7c15ull);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint32_t prng_range(uint32_t lo, uint32_t hi)
{
    return lo + (uint32_t)(prng_next() % ((uint64_t)hi - lo + 1));
}

static void prng_fill(uint8_t *p, size_t n)
{
    size_t i;
    uint64_t v = 0;

    for (i = 0; i < n; i++) {
        if (!(i & 7)) {
            v = prng_next();
        }
        p[i] = v;
        v >>= 8;
    }
}

static uint32_t align_up(uint32_t v, uint32_t a)
{
    return (v + a - 1) & ~(a - 1);
}

static uint32_t hash_segment_size(unsigned phnum)
{
    return MSSFW_HASH_HDR_SIZE + phnum * MSSFW_DIGEST_SIZE +
           MSSFW_SIG_SIZE + MSSFW_CERT_CHAIN_SIZE;
}

static void image_init(Image *img, uint32_t image_id, unsigned nload)
{
    memset(img, 0, sizeof(*img));
    img->image_id = image_id;
    img->phnum = 2 + nload;
    img->ph = g_new0(MssfwPhdr, img->phnum);
    img->data = g_new0(uint8_t *, img->phnum);
    img->hdr_size = MSSFW_EHDR_SIZE + img->phnum * MSSFW_PHDR_SIZE;
    img->hash_size = hash_segment_size(img->phnum);

    /* phdr[0]: the ELF header and program headers ("MDT header") */
    img->ph[0].type = MSSFW_PT_NULL;
    img->ph[0].filesz = img->hdr_size;
    img->ph[0].flags = MSSFW_PHDR_SEG_FLAGS;

    /* phdr[1]: the hash segment, at 4 KiB in the non-split file */
    img->ph[1].type = MSSFW_PT_NULL;
    img->ph[1].offset = MSSFW_HASH_OFFSET;
    img->ph[1].filesz = img->hash_size;
    img->ph[1].memsz = align_up(img->hash_size, MSSFW_PAGE);
    img->ph[1].flags = MSSFW_HASH_SEG_FLAGS;
    img->ph[1].align = MSSFW_PAGE;
}

/*
 * The modem's or a DSP's loadable segments, in p_paddr order inside the
 * region base+size (the mpss carve-out, the DSP's carve-out)
 */
static void plan_segments(Image *img, const Options *o, uint32_t base,
                          uint32_t size, const char *size_opt)
{
    uint32_t off = MSSFW_HASH_OFFSET + align_up(img->hash_size, MSSFW_PAGE);
    uint64_t addr = 0;
    unsigned i;

    for (i = 2; i < img->phnum; i++) {
        MssfwPhdr *ph = &img->ph[i];
        bool last = i == img->phnum - 1 && img->phnum > 3;

        ph->type = MSSFW_PT_LOAD;
        ph->flags = MSSFW_PF_R | (i < 2 + (img->phnum - 2) / 2 ?
                                  MSSFW_PF_X : MSSFW_PF_W);
        if (o->relocatable) {
            ph->flags |= MSSFW_SEG_RELOCATABLE;
        }
        ph->align = MSSFW_PAGE;
        if (last) {
            /* zero-initialised data only: no bNN file */
            ph->filesz = 0;
            ph->memsz = prng_range(1, 16) * MSSFW_PAGE;
        } else {
            ph->filesz = prng_range(16, o->max_segment_size);
            ph->memsz = ph->filesz;
            if (prng_next() % 3 == 0) {
                ph->memsz += prng_range(1, 8192);       /* .bss tail */
            }
        }
        if (addr + ph->memsz > size) {
            usage_error("%s 0x%x is too small for %u segments "
                        "of up to %u bytes", size_opt, size, o->segments,
                        o->max_segment_size);
        }
        ph->paddr = ph->vaddr = base + addr;
        ph->offset = off;
        if (ph->filesz) {
            img->data[i] = g_malloc(ph->filesz);
            prng_fill(img->data[i], ph->filesz);
            off = align_up(off + ph->filesz, MSSFW_PAGE);
        }
        addr = align_up(addr + ph->memsz, MSSFW_PAGE);
        if (prng_next() % 4 == 0) {
            addr += prng_range(1, 16) * MSSFW_PAGE;     /* a hole */
        }
    }
    /* the hash segment's address: informational, after the image */
    img->ph[1].paddr = img->ph[1].vaddr = base + addr;
    img->file_size = off;
}

/* The MBA: executes in place, p_paddr = mba base + p_offset */
static void plan_mba(Image *img, const Options *o)
{
    static const uint32_t flags[] = {
        MSSFW_PF_R | MSSFW_PF_X, MSSFW_PF_R, MSSFW_PF_R | MSSFW_PF_W,
    };
    uint32_t off = MSSFW_HASH_OFFSET + align_up(img->hash_size, MSSFW_PAGE);
    unsigned i;

    img->ph[1].paddr = img->ph[1].vaddr = o->mba_base + MSSFW_HASH_OFFSET;
    for (i = 2; i < img->phnum; i++) {
        MssfwPhdr *ph = &img->ph[i];

        ph->type = MSSFW_PT_LOAD;
        ph->flags = flags[(i - 2) % G_N_ELEMENTS(flags)];
        ph->align = MSSFW_PAGE;
        ph->filesz = ph->memsz = prng_range(4096, 65536);
        ph->offset = off;
        ph->paddr = ph->vaddr = o->mba_base + off;
        img->data[i] = g_malloc(ph->filesz);
        prng_fill(img->data[i], ph->filesz);
        off = align_up(off + ph->filesz, MSSFW_PAGE);
    }
    img->file_size = off;
    if (off > MSSFW_MBA_MAX_SIZE || off > o->mba_size) {
        usage_error("--mba-size 0x%x is too small for the %u-byte MBA",
                    o->mba_size, off);
    }
}

/* @phnum: e_phnum to write, or -1 for the real count */
static void build_header(Image *img, int phnum, uint32_t e_flags)
{
    uint8_t *h = img->hdr = g_malloc0(img->hdr_size);
    uint32_t entry = 0;
    unsigned i;

    for (i = 0; i < img->phnum; i++) {
        if (img->ph[i].type == MSSFW_PT_LOAD) {
            entry = img->ph[i].paddr;
            break;
        }
    }
    memcpy(h, "\x7f" "ELF", 4);
    h[4] = 1;                   /* ELFCLASS32 */
    h[5] = 1;                   /* ELFDATA2LSB */
    h[6] = 1;                   /* EV_CURRENT */
    mssfw_put16(h + 16, 2);     /* e_type = ET_EXEC */
    mssfw_put16(h + 18, MSSFW_EM_QDSP6);
    mssfw_put32(h + 20, 1);     /* e_version */
    mssfw_put32(h + 24, entry);
    mssfw_put32(h + 28, MSSFW_EHDR_SIZE);       /* e_phoff */
    mssfw_put32(h + 32, 0);     /* e_shoff */
    mssfw_put32(h + 36, e_flags);
    mssfw_put16(h + 40, MSSFW_EHDR_SIZE);
    mssfw_put16(h + 42, MSSFW_PHDR_SIZE);
    mssfw_put16(h + 44, phnum < 0 ? img->phnum : (unsigned)phnum);
    /* e_shentsize, e_shnum, e_shstrndx: 0, no section headers */
    for (i = 0; i < img->phnum; i++) {
        mssfw_put_phdr(h + MSSFW_EHDR_SIZE, i, &img->ph[i]);
    }
}

static void build_hash(Image *img)
{
    uint32_t code_size = img->phnum * MSSFW_DIGEST_SIZE;
    uint32_t dest = img->ph[1].paddr + MSSFW_HASH_HDR_SIZE;
    uint8_t *h = img->hash = g_malloc0(img->hash_size);
    uint8_t *table = h + MSSFW_HASH_HDR_SIZE;
    uint8_t *sig = table + code_size;
    unsigned i;

    mssfw_put32(h + MSSFW_HH_IMAGE_ID, img->image_id);
    mssfw_put32(h + MSSFW_HH_VERSION, MSSFW_HASH_HDR_VERSION);
    mssfw_put32(h + MSSFW_HH_IMAGE_SRC, 0);
    mssfw_put32(h + MSSFW_HH_DEST_PTR, dest);
    mssfw_put32(h + MSSFW_HH_IMAGE_SIZE,
                code_size + MSSFW_SIG_SIZE + MSSFW_CERT_CHAIN_SIZE);
    mssfw_put32(h + MSSFW_HH_CODE_SIZE, code_size);
    mssfw_put32(h + MSSFW_HH_SIG_PTR, dest + code_size);
    mssfw_put32(h + MSSFW_HH_SIG_SIZE, MSSFW_SIG_SIZE);
    mssfw_put32(h + MSSFW_HH_CERT_PTR, dest + code_size + MSSFW_SIG_SIZE);
    mssfw_put32(h + MSSFW_HH_CERT_SIZE, MSSFW_CERT_CHAIN_SIZE);

    /* digest[0]: ELF header + phdrs; hash and bss-only segments: zero */
    mssfw_sha256(img->hdr, img->hdr_size, table);
    for (i = 2; i < img->phnum; i++) {
        if (img->data[i]) {
            mssfw_sha256(img->data[i], img->ph[i].filesz,
                         table + i * MSSFW_DIGEST_SIZE);
        }
    }

    /* "signature": SHA-256 of header + table, then filler; certs: filler */
    mssfw_sha256(h, MSSFW_HASH_HDR_SIZE + code_size, sig);
    prng_fill(sig + MSSFW_DIGEST_SIZE, MSSFW_SIG_SIZE - MSSFW_DIGEST_SIZE);
    prng_fill(sig + MSSFW_SIG_SIZE, MSSFW_CERT_CHAIN_SIZE);
}

static char *out_path(const Options *o, const char *name)
{
    return g_build_filename(o->outdir, name, NULL);
}

static void write_file(const Options *o, const char *name,
                       const uint8_t *a, size_t alen,
                       const uint8_t *b, size_t blen)
{
    char *path = out_path(o, name);
    FILE *f = fopen(path, "wb");

    if (!f) {
        die("cannot create %s: %s", path, strerror(errno));
    }
    if ((alen && fwrite(a, 1, alen, f) != alen) ||
        (blen && fwrite(b, 1, blen, f) != blen) || fclose(f)) {
        die("cannot write %s: %s", path, strerror(errno));
    }
    g_free(path);
}

/* The image as one file: every segment at its p_offset */
static uint8_t *flatten(const Image *img)
{
    uint8_t *buf = g_malloc0(img->file_size);
    unsigned i;

    memcpy(buf, img->hdr, img->hdr_size);
    memcpy(buf + img->ph[1].offset, img->hash, img->hash_size);
    for (i = 2; i < img->phnum; i++) {
        if (img->data[i]) {
            memcpy(buf + img->ph[i].offset, img->data[i], img->ph[i].filesz);
        }
    }
    return buf;
}

static unsigned check_segment_arg(const Image *img, const Corruption *c,
                                  const char *kind)
{
    if (c->arg < 2 || c->arg >= img->phnum || !img->data[c->arg]) {
        unsigned i, first = 0, last = 0;

        for (i = 2; i < img->phnum; i++) {
            if (img->data[i]) {
                first = first ? first : i;
                last = i;
            }
        }
        usage_error("--corrupt=%s:%lu: segment %lu has no data file "
                    "(segments with data: %u..%u)", kind, c->arg, c->arg,
                    first, last);
    }
    return c->arg;
}

/*
 * An image written undamaged must pass the rules the models check it by;
 * a failure here is a bug of the generator, not of the options.
 */
static void self_check(const Image *img, const char *what)
{
    QcomMdtImage parsed;
    const char *why = "";

    if (qcom_mdt_parse(img->hdr, img->hdr_size, img->hash, img->hash_size,
                       img->image_id, &parsed, &why)) {
        die("internal error: %s fails authentication: %s", what, why);
    }
    for (uint32_t i = 0; i < parsed.nsegs; i++) {
        const QcomMdtSegment *seg = &parsed.segs[i];

        if (seg->filesz &&
            qcom_mdt_check_segment(seg, img->data[seg->index], &why)) {
            die("internal error: %s segment %u: %s", what, seg->index, why);
        }
    }
    qcom_mdt_image_clear(&parsed);
}

/* The corruptions that act before the headers are hashed; e_phnum to write */
static int corrupt_headers(const Options *o, Image *img)
{
    const Corruption *c = find_corruption(o, CORRUPT_PHDR_COUNT);
    int phnum = -1;

    if (find_corruption(o, CORRUPT_HASH_MISSING)) {
        img->ph[1].flags &= ~MSSFW_SEG_TYPE_MASK;
    }
    if (c) {
        phnum = c->has_arg ? (int)c->arg : 0xffff;
        if (phnum == (int)img->phnum) {
            usage_error("--corrupt=phdr-count:%d is the real count", phnum);
        }
    }
    return phnum;
}

/* The others, on the modem's or the DSP's image; the segment to truncate */
static unsigned corrupt_image(const Options *o, Image *img, Image *mba)
{
    unsigned trunc_seg = 0;

    for (unsigned i = 0; i < o->ncorrupt; i++) {
        const Corruption *c = &o->corrupt[i];

        switch (c->kind) {
        case CORRUPT_SEGMENT: {
            unsigned s = check_segment_arg(img, c, "segment");

            img->data[s][img->ph[s].filesz / 2] ^= 0x01;
            break;
        }
        case CORRUPT_TRUNCATE_SEGMENT:
            trunc_seg = check_segment_arg(img, c, "truncate-segment");
            break;
        case CORRUPT_HASH_TABLE:
            /* the digest of the first loadable segment */
            img->hash[MSSFW_HASH_HDR_SIZE + 2 * MSSFW_DIGEST_SIZE] ^= 0x80;
            break;
        case CORRUPT_ELF_HEADER:
            img->hdr[1] = 'X';
            break;
        case CORRUPT_MBA:
            mba->data[2][mba->ph[2].filesz / 2] ^= 0x01;
            break;
        case CORRUPT_PHDR_COUNT:
        case CORRUPT_HASH_MISSING:
            break;
        }
    }
    return trunc_seg;
}

/*
 * Split, as Qualcomm's pil-splitter writes it and the kernel reads it:
 * STEM.EXT = phdr[0] + hash segment (the metadata), STEM.b00 and
 * STEM.b01 the same two pieces, STEM.bNN each loadable segment's data
 */
static void write_split(const Options *o, const Image *img, const char *stem,
                        const char *ext, unsigned trunc_seg)
{
    char name[64];

    snprintf(name, sizeof(name), "%s.%s", stem, ext);
    write_file(o, name, img->hdr, img->hdr_size, img->hash, img->hash_size);
    snprintf(name, sizeof(name), "%s.b00", stem);
    write_file(o, name, img->hdr, img->hdr_size, NULL, 0);
    snprintf(name, sizeof(name), "%s.b01", stem);
    write_file(o, name, img->hash, img->hash_size, NULL, 0);
    for (unsigned i = 2; i < img->phnum; i++) {
        uint32_t len = img->ph[i].filesz;

        if (!img->data[i]) {
            continue;
        }
        if (i == trunc_seg) {
            len /= 2;
        }
        snprintf(name, sizeof(name), "%s.b%02u", stem, i);
        write_file(o, name, img->data[i], len, NULL, 0);
    }
}

static void write_whole(const Options *o, const Image *img, const char *name)
{
    uint8_t *flat = flatten(img);

    write_file(o, name, flat, img->file_size, NULL, 0);
    g_free(flat);
}

static void make_outdir(const Options *o)
{
    if (mkdir(o->outdir, 0777) && errno != EEXIST) {
        die("cannot create %s: %s", o->outdir, strerror(errno));
    }
}

/* --pas: one DSP's image, NAME.mbn + NAME.bNN (or NAME.mbn whole) */
static int make_pas(const Options *o)
{
    Image dsp;
    unsigned trunc_seg;
    char name[32];
    int phnum;

    image_init(&dsp, o->pas->image_id, o->segments);
    plan_segments(&dsp, o, o->base, o->size, "--size");
    phnum = corrupt_headers(o, &dsp);
    build_header(&dsp, phnum, MSSFW_EF_HEXAGON_V66);
    build_hash(&dsp);
    if (!o->ncorrupt) {
        self_check(&dsp, o->pas->name);
    }
    trunc_seg = corrupt_image(o, &dsp, NULL);

    make_outdir(o);
    snprintf(name, sizeof(name), "%s.mbn", o->pas->name);
    if (o->write_mbn) {
        write_whole(o, &dsp, name);
    } else {
        write_split(o, &dsp, o->pas->name, "mbn", trunc_seg);
    }
    printf("%s: %s %u phdrs, image id 0x%08x, metadata %u bytes (%u + hash "
           "%u), relocatable segments 0x%08x-0x%08x in 0x%08x+0x%x\n",
           o->outdir, name, dsp.phnum, dsp.image_id,
           dsp.hdr_size + dsp.hash_size, dsp.hdr_size, dsp.hash_size,
           dsp.ph[2].paddr, dsp.ph[1].paddr, o->base, o->size);
    return 0;
}

int main(int argc, char **argv)
{
    Options o;
    Image modem, mba;
    int phnum;
    unsigned trunc_seg;

    parse_args(&o, argc, argv);
    prng_state = o.seed;
    if (o.pas) {
        /* each DSP its own stream: the three images differ */
        prng_state ^= (uint64_t)o.pas->image_id << 32;
        return make_pas(&o);
    }

    /* plan both images first: option errors before any file is written */
    image_init(&modem, MSSFW_IMAGE_ID_MODEM, o.segments);
    plan_segments(&modem, &o, o.mpss_base, o.mpss_size, "--mpss-size");
    image_init(&mba, MSSFW_IMAGE_ID_MBA, o.mba_segments);
    plan_mba(&mba, &o);

    /* corruptions of the program headers come before they are hashed */
    phnum = corrupt_headers(&o, &modem);
    build_header(&modem, phnum, MSSFW_EF_HEXAGON_V65);
    build_hash(&modem);
    build_header(&mba, -1, MSSFW_EF_HEXAGON_V65);
    build_hash(&mba);
    if (!o.ncorrupt) {
        self_check(&modem, "modem");
        self_check(&mba, "mba");
    }
    trunc_seg = corrupt_image(&o, &modem, &mba);

    make_outdir(&o);
    write_whole(&o, &mba, "mba.mbn");
    write_split(&o, &modem, "modem", "mdt", trunc_seg);
    if (o.write_mbn) {
        write_whole(&o, &modem, "modem.mbn");
    }

    printf("%s: mba.mbn %u bytes, %u phdrs; modem.mdt %u phdrs, "
           "metadata %u bytes (%u + hash %u), segments 0x%08x-0x%08x\n",
           o.outdir, mba.file_size, mba.phnum, modem.phnum,
           modem.hdr_size + modem.hash_size, modem.hdr_size,
           modem.hash_size, modem.ph[2].paddr, modem.ph[1].paddr);
    return 0;
}
