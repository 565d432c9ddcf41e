/*
 * mdtcheck: check emulated Qualcomm modem firmware as Linux 6.1 loads it
 * and as the emulated PBL/MBA authenticates it.
 *
 * The modem image (modem.mdt + modem.bNN, or a non-split .mbn) goes
 * through the rules of drivers/soc/qcom/mdt_loader.c (mdt_header_valid,
 * qcom_mdt_read_metadata) and drivers/remoteproc/qcom_q6v5_mss.c
 * (q6v5_mpss_load), in the order the kernel applies them, then through
 * the hash checks of docs/devel/modem-firmware.rst. mba.mbn goes through
 * q6v5_load's size rule and the same ELF and hash checks. Each failure
 * names the rule; the first failure of a file ends its check.
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
    bool quiet;
} Options;

/* What a file check works on */
typedef struct Check {
    const char *path;
    uint8_t *data;
    size_t size;
    unsigned phnum;
    MssfwPhdr *ph;
    unsigned hash_idx;
} Check;

static const char *prog = "mdtcheck";
static const char err_wrong_size[] = "wrong size";

static void usage(FILE *f)
{
    fprintf(f,
"Usage: %s [OPTION]... [DIR]\n"
"Check DIR/mba.mbn and DIR/modem.mdt (+ modem.bNN) against the rules of\n"
"Linux 6.1's mdt loader and qcom_q6v5_mss, and every SHA-256 digest.\n"
"\n"
"  --modem=FILE        check this modem image (.mdt split or .mbn whole)\n"
"  --mba=FILE          check this MBA image\n"
"  --mpss-base=ADDR    mpss carve-out base (default 0x%08x)\n"
"  --mpss-size=SIZE    mpss carve-out size (default 0x%08x)\n"
"  --mba-base=ADDR     mba carve-out base (default 0x%08x)\n"
"  --mba-size=SIZE     mba carve-out size (default 0x%08x)\n"
"  --mdata-size=SIZE   metadata carve-out size (default: none, DMA buffer)\n"
"  -q, --quiet         print failures only\n"
"  -h, --help          show this help\n"
"\n"
"A failure prints \"FILE: FAIL RULE: details\" on stderr.\n"
"Exit status: 0 good, 1 a rule failed, 2 bad usage.\n",
            prog, MSSFW_DEFAULT_MPSS_BASE, MSSFW_DEFAULT_MPSS_SIZE,
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

/* mdt_header_valid(), then what 6.1 assumes and the MBA requires */
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
    if (h[4] != 1 || h[5] != 1 || mssfw_get16(h + 18) != MSSFW_EM_QDSP6) {
        return fail(ck, "elf-ident", "class %u data %u machine %u: must be "
                    "ELF32 (1), little-endian (1), QDSP6 (164)",
                    h[4], h[5], mssfw_get16(h + 18));
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
    ck->hash_idx = 0;
    for (i = 1; i < ck->phnum; i++) {
        if ((ck->ph[i].flags & MSSFW_SEG_TYPE_MASK) == MSSFW_SEG_TYPE_HASH) {
            ck->hash_idx = i;
            break;
        }
    }
    if (!ck->hash_idx) {
        return fail(ck, "hash-segment-present", "no phdr with "
                    "(p_flags & 0x07000000) == 0x02000000");
    }
    /* the kernel copies phdr[0].p_filesz bytes from offset 0 */
    end = MSSFW_EHDR_SIZE + (uint64_t)ck->phnum * MSSFW_PHDR_SIZE;
    if (ck->ph[0].filesz < end || ck->ph[0].filesz > ck->size) {
        return fail(ck, "phdr0-covers-headers", "phdr[0].p_filesz %u must "
                    "cover the ELF header and program headers (%" PRIu64
                    " bytes) and lie inside the file (%zu bytes)",
                    ck->ph[0].filesz, end, ck->size);
    }
    return true;
}

/*
 * The hash segment: MBN v3 header, one digest per phdr, signature (its
 * first 32 bytes are the SHA-256 of header + digests), certificate chain.
 * @meta is the metadata blob as the MBA receives it: phdr[0].p_filesz
 * bytes of headers, then the hash segment at @hash.
 */
static bool check_hash_segment(Check *ck, const uint8_t *hdr,
                               const uint8_t *hash, uint32_t hash_size,
                               uint32_t image_id)
{
    const MssfwPhdr *hp = &ck->ph[ck->hash_idx];
    uint32_t id, version, dest, image_size, code_size;
    uint32_t sig_ptr, sig_size, cert_ptr, cert_size;
    uint64_t total;
    uint8_t d[MSSFW_DIGEST_SIZE];
    char h1[2 * MSSFW_DIGEST_SIZE + 1], h2[2 * MSSFW_DIGEST_SIZE + 1];

    if (hash_size < MSSFW_HASH_HDR_SIZE) {
        return fail(ck, "hash-header", "hash segment %u bytes, smaller "
                    "than its 40-byte header", hash_size);
    }
    id = mssfw_get32(hash + MSSFW_HH_IMAGE_ID);
    version = mssfw_get32(hash + MSSFW_HH_VERSION);
    dest = mssfw_get32(hash + MSSFW_HH_DEST_PTR);
    image_size = mssfw_get32(hash + MSSFW_HH_IMAGE_SIZE);
    code_size = mssfw_get32(hash + MSSFW_HH_CODE_SIZE);
    sig_ptr = mssfw_get32(hash + MSSFW_HH_SIG_PTR);
    sig_size = mssfw_get32(hash + MSSFW_HH_SIG_SIZE);
    cert_ptr = mssfw_get32(hash + MSSFW_HH_CERT_PTR);
    cert_size = mssfw_get32(hash + MSSFW_HH_CERT_SIZE);

    if (id != image_id) {
        return fail(ck, "hash-header", "image_id 0x%08x, expected 0x%08x",
                    id, image_id);
    }
    if (version != MSSFW_HASH_HDR_VERSION) {
        return fail(ck, "hash-header", "header version %u, expected %u",
                    version, MSSFW_HASH_HDR_VERSION);
    }
    if (code_size != (uint64_t)ck->phnum * MSSFW_DIGEST_SIZE) {
        return fail(ck, "hash-header", "code_size %u, expected %u digests "
                    "of 32 bytes (one per phdr)", code_size, ck->phnum);
    }
    total = (uint64_t)code_size + sig_size + cert_size;
    if (image_size != total ||
        MSSFW_HASH_HDR_SIZE + total != hash_size) {
        return fail(ck, "hash-header", "image_size %u, code %u + signature "
                    "%u + certs %u, header 40: must all add up to the hash "
                    "segment's p_filesz %u", image_size, code_size, sig_size,
                    cert_size, hash_size);
    }
    if (sig_size < MSSFW_DIGEST_SIZE) {
        return fail(ck, "hash-header", "signature_size %u, need at least %u",
                    sig_size, MSSFW_DIGEST_SIZE);
    }
    if (dest != (uint32_t)(hp->paddr + MSSFW_HASH_HDR_SIZE) ||
        sig_ptr != (uint32_t)(dest + code_size) ||
        cert_ptr != (uint32_t)(sig_ptr + sig_size)) {
        return fail(ck, "hash-header", "pointers dest 0x%08x sig 0x%08x "
                    "cert 0x%08x do not follow the hash segment's p_paddr "
                    "0x%08x", dest, sig_ptr, cert_ptr, hp->paddr);
    }

    mssfw_sha256(hash, MSSFW_HASH_HDR_SIZE + code_size, d);
    if (memcmp(d, hash + MSSFW_HASH_HDR_SIZE + code_size, sizeof(d))) {
        return fail(ck, "hash-signature", "signature does not match the "
                    "hash table (expected %s, got %s)",
                    hex(d, h1), hex(hash + MSSFW_HASH_HDR_SIZE + code_size,
                                    h2));
    }
    mssfw_sha256(hdr, ck->ph[0].filesz, d);
    if (memcmp(d, hash + MSSFW_HASH_HDR_SIZE, sizeof(d))) {
        return fail(ck, "header-hash", "digest[0] does not match the ELF "
                    "header and program headers (table %s, computed %s)",
                    hex(hash + MSSFW_HASH_HDR_SIZE, h1), hex(d, h2));
    }
    return true;
}

static bool check_digest(Check *ck, const uint8_t *hash, unsigned i,
                         const uint8_t *data, uint32_t len, const char *src)
{
    const uint8_t *want = hash + MSSFW_HASH_HDR_SIZE + i * MSSFW_DIGEST_SIZE;
    uint8_t d[MSSFW_DIGEST_SIZE];
    char h1[2 * MSSFW_DIGEST_SIZE + 1], h2[2 * MSSFW_DIGEST_SIZE + 1];

    mssfw_sha256(data, len, d);
    if (memcmp(d, want, sizeof(d))) {
        return fail(ck, "segment-hash", "segment %u (%s, %u bytes): SHA-256 "
                    "%s, hash table has %s", i, src, len, hex(d, h1),
                    hex(want, h2));
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

static bool check_modem(const char *path, const Options *o)
{
    Check ck = { .path = path };
    const MssfwPhdr *hp;
    uint8_t *hash = NULL, *meta = NULL, *seg = NULL;
    const char *err;
    char *spath = NULL;
    size_t seg_size;
    uint64_t ehdr_size, hash_size, min_addr = UINT64_MAX, reloc, total = 0;
    unsigned i, nload = 0;
    bool relocate = false, ok = false;

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
            goto out;
        }
        g_free(spath);
        spath = NULL;
    }
    if (o->mdata_size && ehdr_size + hash_size > o->mdata_size) {
        fail(&ck, "metadata-size", "metadata %" PRIu64 " bytes does not "
             "fit the %" PRIu64 "-byte carve-out", ehdr_size + hash_size,
             o->mdata_size);
        goto out;
    }
    /* the metadata blob the MBA receives: headers, then hash segment */
    meta = g_malloc(ehdr_size + hash_size + 1);
    memcpy(meta, ck.data, ehdr_size);
    memcpy(meta + ehdr_size, hash, hash_size);
    if (!check_hash_segment(&ck, meta, meta + ehdr_size, hash_size,
                            MSSFW_IMAGE_ID_MODEM)) {
        goto out;
    }

    /* q6v5_mpss_load */
    for (i = 0; i < ck.phnum; i++) {
        if (!mssfw_phdr_loadable(&ck.ph[i])) {
            continue;
        }
        nload++;
        relocate |= !!(ck.ph[i].flags & MSSFW_SEG_RELOCATABLE);
        min_addr = MIN(min_addr, ck.ph[i].paddr);
    }
    if (!nload) {
        fail(&ck, "loadable-segment-present", "no PT_LOAD segment with "
             "p_memsz != 0: the MBA would never see the code length");
        goto out;
    }
    reloc = relocate ? min_addr : o->mpss.base;
    for (i = 0; i < ck.phnum; i++) {
        const MssfwPhdr *ph = &ck.ph[i];
        int64_t offset = (int64_t)ph->paddr - (int64_t)reloc;

        if (!mssfw_phdr_loadable(ph)) {
            continue;
        }
        if (offset < 0 || offset + ph->memsz > (int64_t)o->mpss.size) {
            fail(&ck, "segment-range", "segment %u at 0x%08x+0x%x is "
                 "outside the mpss region 0x%08" PRIx64 "+0x%" PRIx64
                 "%s", i, ph->paddr, ph->memsz, reloc, o->mpss.size,
                 relocate ? " (relocated to the lowest p_paddr)" : "");
            goto out;
        }
        if (ph->filesz > ph->memsz) {
            fail(&ck, "segment-filesz", "segment %u: p_filesz 0x%x > "
                 "p_memsz 0x%x", i, ph->filesz, ph->memsz);
            goto out;
        }
        total += ph->memsz;
        if (!ph->filesz) {
            continue;
        }
        if (ph->offset < ck.size) {
            /* not split: the data is in the file itself */
            if ((uint64_t)ph->offset + ph->filesz > ck.size) {
                fail(&ck, "segment-file-size", "segment %u: 0x%x bytes at "
                     "offset 0x%x run past the end of the file (%zu bytes)",
                     i, ph->filesz, ph->offset, ck.size);
                goto out;
            }
            if (!check_digest(&ck, meta + ehdr_size, i,
                              ck.data + ph->offset, ph->filesz, "in file")) {
                goto out;
            }
            continue;
        }
        spath = segment_path(path, i);
        if (!read_file(spath, ph->filesz, &seg, &seg_size, &err)) {
            if (err == err_wrong_size) {
                fail(&ck, "segment-file-size", "segment %u: %s has %zu "
                     "bytes, p_filesz is %u", i, spath, seg_size,
                     ph->filesz);
            } else {
                fail(&ck, "segment-file", "segment %u: %s: %s", i, spath,
                     err);
            }
            goto out;
        }
        if (!check_digest(&ck, meta + ehdr_size, i, seg, ph->filesz,
                          spath)) {
            goto out;
        }
        g_free(seg);
        seg = NULL;
        g_free(spath);
        spath = NULL;
    }
    ok = true;
    if (!o->quiet) {
        printf("%s: OK: %u phdrs, hash segment %u, metadata %" PRIu64
               " bytes, %u loadable segments, code length %" PRIu64 "\n",
               path, ck.phnum, ck.hash_idx, ehdr_size + hash_size, nload,
               total);
    }
out:
    g_free(seg);
    g_free(spath);
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
    const char *err;
    unsigned i, nload = 0;
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
    if (!check_hash_segment(&ck, ck.data, ck.data + hp->offset, hp->filesz,
                            MSSFW_IMAGE_ID_MBA)) {
        goto out;
    }
    for (i = 0; i < ck.phnum; i++) {
        const MssfwPhdr *ph = &ck.ph[i];

        if (!mssfw_phdr_loadable(ph)) {
            continue;
        }
        nload++;
        if (ph->paddr < o->mba.base ||
            (uint64_t)ph->paddr + ph->memsz > o->mba.base + o->mba.size) {
            fail(&ck, "segment-range", "segment %u at 0x%08x+0x%x is "
                 "outside the mba region 0x%08" PRIx64 "+0x%" PRIx64, i,
                 ph->paddr, ph->memsz, o->mba.base, o->mba.size);
            goto out;
        }
        if (ph->filesz > ph->memsz) {
            fail(&ck, "segment-filesz", "segment %u: p_filesz 0x%x > "
                 "p_memsz 0x%x", i, ph->filesz, ph->memsz);
            goto out;
        }
        if ((uint64_t)ph->offset + ph->filesz > ck.size) {
            fail(&ck, "segment-file-size", "segment %u: 0x%x bytes at "
                 "offset 0x%x run past the end of the image (%zu bytes)",
                 i, ph->filesz, ph->offset, ck.size);
            goto out;
        }
        if (ph->filesz &&
            !check_digest(&ck, ck.data + hp->offset, i,
                          ck.data + ph->offset, ph->filesz, "in image")) {
            goto out;
        }
    }
    if (!nload) {
        fail(&ck, "loadable-segment-present", "no PT_LOAD segment with "
             "p_memsz != 0");
        goto out;
    }
    ok = true;
    if (!o->quiet) {
        printf("%s: OK: %zu bytes, %u phdrs, %u loadable segments\n",
               path, ck.size, ck.phnum, nload);
    }
out:
    g_free(ck.ph);
    g_free(ck.data);
    return ok;
}

int main(int argc, char **argv)
{
    enum {
        OPT_MODEM = 256, OPT_MBA, OPT_MPSS_BASE, OPT_MPSS_SIZE,
        OPT_MBA_BASE, OPT_MBA_SIZE, OPT_MDATA_SIZE,
    };
    static const struct option longopts[] = {
        { "modem", required_argument, NULL, OPT_MODEM },
        { "mba", required_argument, NULL, OPT_MBA },
        { "mpss-base", required_argument, NULL, OPT_MPSS_BASE },
        { "mpss-size", required_argument, NULL, OPT_MPSS_SIZE },
        { "mba-base", required_argument, NULL, OPT_MBA_BASE },
        { "mba-size", required_argument, NULL, OPT_MBA_SIZE },
        { "mdata-size", required_argument, NULL, OPT_MDATA_SIZE },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    Options o = {
        .mpss = { MSSFW_DEFAULT_MPSS_BASE, MSSFW_DEFAULT_MPSS_SIZE },
        .mba = { MSSFW_DEFAULT_MBA_BASE, MSSFW_DEFAULT_MBA_SIZE },
    };
    const char *modem = NULL, *mba = NULL;
    char *dir_modem = NULL, *dir_mba = NULL;
    bool ok = true;
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
        ok &= check_modem(modem, &o);
    }
    g_free(dir_modem);
    g_free(dir_mba);
    return ok ? 0 : 1;
}
