/*
 * Qualcomm TrustZone's peripheral authentication service (PAS)
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The SiP calls of service 2 (PIL) that Linux's qcom_scm_pas_* functions
 * make for qcom_q6v5_pas, on behalf of the DSPs linked to the SCM device
 * (docs/devel/qcom-pas.rst):
 *
 *   IS_SUPPORTED(pas_id)            x1 = 1 if a DSP has that id
 *   INIT_IMAGE(pas_id, metadata)    read the metadata blob as a
 *       non-coherent device, protect it from HLOS in the XPU for the
 *       duration of the call (the kernel's qcom_scm_pas_init_image says
 *       so), authenticate it with the rules of qcom-mdt-auth.c, keep it
 *   MEM_SETUP(pas_id, addr, size)   where a relocatable image goes
 *   AUTH_AND_RESET(pas_id)          hash the segments the kernel wrote,
 *       give their region to the DSP's VMID alone, start the DSP
 *   SHUTDOWN(pas_id)                stop the DSP, give the region back
 *
 * Qualcomm does not publish TrustZone's error codes; these are the
 * statuses of qcom_scm.h that Linux maps to errnos: an unknown PAS id or
 * a bad size QCOM_SCM_EINVAL_ARG (-EINVAL), an address that is not 4 KiB
 * aligned, not in DRAM or not HLOS's QCOM_SCM_EINVAL_ADDR (-EINVAL), a
 * call out of order or an image that does not authenticate
 * QCOM_SCM_ERROR (-EIO), no XPU group left QCOM_SCM_ENOMEM. A refused
 * call changes nothing, except that an image which fails authentication
 * is forgotten, as a new INIT_IMAGE would forget the old one.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/misc/qcom-scm.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/remoteproc/qcom-dsp.h"
#include "migration/vmstate.h"
#include "trace.h"

#define PAS_FNID(cmd)           ((0x02 << 8) | (cmd))
#define PAS_INIT_IMAGE          PAS_FNID(0x01)
#define PAS_MEM_SETUP           PAS_FNID(0x02)
#define PAS_AUTH_AND_RESET      PAS_FNID(0x05)
#define PAS_SHUTDOWN            PAS_FNID(0x06)
#define PAS_IS_SUPPORTED        PAS_FNID(0x07)

#define PAS_GRANULE             0x1000
/* The largest metadata blob TrustZone reads (headers and hash segment) */
#define PAS_MAX_META            (1 * 1024 * 1024)
/* What AUTH_AND_RESET hashes before it answers QCOM_SCM_INTERRUPTED */
#define PAS_HASH_SLICE          (4 * 1024 * 1024)

static const struct {
    uint32_t fnid;
    unsigned nargs;
    const char *name;
} pas_calls[] = {
    { PAS_INIT_IMAGE, 2, "INIT_IMAGE" },
    { PAS_MEM_SETUP, 3, "MEM_SETUP" },
    { PAS_AUTH_AND_RESET, 1, "AUTH_AND_RESET" },
    { PAS_SHUTDOWN, 1, "SHUTDOWN" },
    { PAS_IS_SUPPORTED, 1, "IS_SUPPORTED" },
};

static const char *const phase_names[QCOM_SCM_PAS_PHASE_NUM] = {
    [QCOM_SCM_PAS_IDLE] = "idle",
    [QCOM_SCM_PAS_INIT] = "metadata authenticated",
    [QCOM_SCM_PAS_RUNNING] = "running",
};

static bool pas_auth_needed(void *opaque)
{
    QcomScmPas *p = opaque;

    return p->auth_pending;
}

/* AUTH_AND_RESET interrupted: the segment it is at */
static const VMStateDescription vmstate_qcom_scm_pas_auth = {
    .name = "qcom-scm-pas/auth",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = pas_auth_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(auth_pending, QcomScmPas),
        VMSTATE_UINT32(auth_seg, QcomScmPas),
        VMSTATE_END_OF_LIST()
    }
};

const VMStateDescription vmstate_qcom_scm_pas = {
    .name = "qcom-scm-pas",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(phase, QcomScmPas),
        VMSTATE_UINT64(mem_base, QcomScmPas),
        VMSTATE_UINT64(mem_size, QcomScmPas),
        VMSTATE_UINT64(locked_base, QcomScmPas),
        VMSTATE_UINT64(locked_size, QcomScmPas),
        VMSTATE_UINT32(meta_len, QcomScmPas),
        VMSTATE_VBUFFER_ALLOC_UINT32(meta, QcomScmPas, 0, NULL, meta_len),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_qcom_scm_pas_auth,
        NULL
    }
};

bool qcom_scm_pas_handles(QcomScmState *s, uint32_t fnid, unsigned *nargs)
{
    bool any = false;

    for (int i = 0; i < QCOM_SCM_MAX_PAS; i++) {
        any |= s->dsp[i] != NULL;
    }
    for (unsigned i = 0; any && i < ARRAY_SIZE(pas_calls); i++) {
        if (pas_calls[i].fnid == fnid) {
            *nargs = pas_calls[i].nargs;
            return true;
        }
    }
    return false;
}

static const char *pas_call_name(uint32_t fnid)
{
    for (unsigned i = 0; i < ARRAY_SIZE(pas_calls); i++) {
        if (pas_calls[i].fnid == fnid) {
            return pas_calls[i].name;
        }
    }
    return "?";
}

/* The DSP with PAS id pas_id, or -1 */
static int pas_index(QcomScmState *s, uint64_t pas_id)
{
    for (int i = 0; i < QCOM_SCM_MAX_PAS; i++) {
        if (s->dsp[i] && s->dsp[i]->pas_id == pas_id) {
            return i;
        }
    }
    return -1;
}

static void pas_forget(QcomScmPas *p)
{
    p->auth_pending = false;
    qcom_mdt_hash_cancel(&p->auth_hash);
    g_free(p->meta);
    p->meta = NULL;
    p->meta_len = 0;
    p->mem_base = 0;
    p->mem_size = 0;
    qcom_mdt_image_clear(&p->image);
    p->phase = QCOM_SCM_PAS_IDLE;
}

/*
 * A range TrustZone may take: 4 KiB aligned, in DRAM (the XPU's range)
 * and owned by HLOS alone, so that no other VM's memory is handed on.
 */
static int64_t pas_check_range(QcomScmState *s, const QcomScmCall *c,
                               const char *what, uint64_t addr,
                               uint64_t size)
{
    uint64_t next;

    if (!size || (addr | size) & (PAS_GRANULE - 1)) {
        return qcom_scm_refuse(c, QCOM_SCM_EINVAL_ADDR, "PAS %s: %s 0x%"
                               PRIx64 "+0x%" PRIx64 " is empty or not 4 KiB "
                               "aligned", pas_call_name(c->fnid), what, addr,
                               size);
    }
    if (!qcom_scm_in_memory(s, addr, size) ||
        (s->xpu && (addr < s->xpu->base || size > s->xpu->size ||
                    addr - s->xpu->base > s->xpu->size - size))) {
        return qcom_scm_refuse(c, QCOM_SCM_EINVAL_ADDR, "PAS %s: %s 0x%"
                               PRIx64 "+0x%" PRIx64 " is not in DRAM",
                               pas_call_name(c->fnid), what, addr, size);
    }
    for (uint64_t p = addr; s->xpu && p < addr + size; p = next) {
        uint32_t owners = qcom_scm_owners(s->xpu, p, &next);

        if (owners != BIT(QCOM_VMID_HLOS)) {
            return qcom_scm_refuse(c, QCOM_SCM_EINVAL_ADDR, "PAS %s: %s at "
                                   "0x%" PRIx64 " is owned by VMIDs 0x%x, "
                                   "not HLOS alone", pas_call_name(c->fnid),
                                   what, p, owners);
        }
    }
    return QCOM_SCM_OK;
}

/* Give [addr, addr + size) to the VMIDs rd/wr, saying why */
static int64_t pas_assign(QcomScmState *s, const QcomScmCall *c,
                          const char *cause, uint64_t addr, uint64_t size,
                          uint32_t rd, uint32_t wr)
{
    Error *err = NULL;
    bool ok;

    if (!s->xpu) {
        return QCOM_SCM_OK;
    }
    trace_qcom_scm_assign(addr, size, rd, wr);
    qcom_xpu_set_cause(s->xpu, cause, c->caller);
    ok = qcom_xpu_assign(s->xpu, addr, size, rd, wr, &err);
    qcom_xpu_set_cause(s->xpu, NULL, NULL);
    if (!ok) {
        int64_t ret = qcom_scm_refuse(c, QCOM_SCM_ENOMEM, "PAS %s: %s",
                                      pas_call_name(c->fnid),
                                      error_get_pretty(err));
        error_free(err);
        return ret;
    }
    return QCOM_SCM_OK;
}

static bool pas_read(void *opaque, uint64_t addr, void *buf, uint32_t len)
{
    QcomScmState *s = opaque;

    return qcom_scm_in_memory(s, addr, len) &&
           qcom_scm_read(s, addr, buf, len);
}

/*
 * INIT_IMAGE: the metadata is read from memory as a non-coherent device
 * reads it (what the CPUs still hold in their caches is not seen), then
 * protected from HLOS while TrustZone authenticates it: CPU cache lines
 * of the blob that are still held at that moment are the hazard the
 * kernel's comment warns of (the cache model reports it).
 */
static int64_t pas_init_image(QcomScmState *s, const QcomScmCall *c, int i)
{
    QcomScmPas *p = &s->pas[i];
    QcomDspState *dsp = s->dsp[i];
    uint64_t addr = c->args[1], base, size;
    g_autofree uint8_t *meta = NULL;
    g_autofree char *cause = NULL;
    QcomMdtImage image;
    const char *why = NULL;
    QcomMdtError err;
    uint32_t len;
    int64_t ret;

    if (p->phase == QCOM_SCM_PAS_RUNNING) {
        return qcom_scm_refuse(c, QCOM_SCM_ERROR, "PAS INIT_IMAGE: %s is "
                               "running; SHUTDOWN first", dsp->name);
    }
    if (addr & (PAS_GRANULE - 1)) {
        return qcom_scm_refuse(c, QCOM_SCM_EINVAL_ADDR, "PAS INIT_IMAGE: "
                               "metadata at 0x%" PRIx64 " is not 4 KiB "
                               "aligned", addr);
    }
    err = qcom_mdt_read_metadata(pas_read, s, addr, PAS_MAX_META,
                                 dsp->image_id, &meta, &len, &image, &why);
    if (err == QCOM_MDT_READ_FAULT) {
        return qcom_scm_refuse(c, QCOM_SCM_EINVAL_ADDR, "PAS INIT_IMAGE: "
                               "metadata at 0x%" PRIx64 ": %s", addr, why);
    }
    base = addr;
    size = ROUND_UP(err ? QCOM_MDT_EHDR_SIZE : len, PAS_GRANULE);
    ret = pas_check_range(s, c, "metadata", base, size);
    if (ret) {
        qcom_mdt_image_clear(&image);
        return ret;
    }

    /* protect the blob for the duration of the call */
    cause = g_strdup_printf("PAS/TZ %s: INIT_IMAGE protects the metadata "
                            "blob 0x%" PRIx64 "-0x%" PRIx64 " (pas id %u)",
                            dsp->name, base, base + size - 1, dsp->pas_id);
    ret = pas_assign(s, c, cause, base, size, 0, 0);
    if (ret) {
        qcom_mdt_image_clear(&image);
        return ret;
    }
    ret = pas_assign(s, c, NULL, base, size, BIT(QCOM_VMID_HLOS),
                     BIT(QCOM_VMID_HLOS));
    if (ret) {
        qcom_mdt_image_clear(&image);
        return ret;
    }

    pas_forget(p);
    if (err) {
        trace_qcom_scm_pas(dsp->name, "INIT_IMAGE", why);
        return qcom_scm_refuse(c, QCOM_SCM_ERROR, "PAS INIT_IMAGE: %s: the "
                               "metadata does not authenticate: %s",
                               dsp->name, why);
    }
    p->meta = g_steal_pointer(&meta);
    p->meta_len = len;
    p->image = image;
    p->phase = QCOM_SCM_PAS_INIT;
    trace_qcom_scm_pas(dsp->name, "INIT_IMAGE", "metadata authenticated");
    return QCOM_SCM_OK;
}

static int64_t pas_mem_setup(QcomScmState *s, const QcomScmCall *c, int i)
{
    QcomScmPas *p = &s->pas[i];
    QcomDspState *dsp = s->dsp[i];
    uint64_t addr = c->args[1], size = c->args[2];
    uint64_t span = p->image.max_paddr - p->image.min_paddr;
    int64_t ret;

    if (p->phase != QCOM_SCM_PAS_INIT) {
        return qcom_scm_refuse(c, QCOM_SCM_ERROR, "PAS MEM_SETUP: %s is %s, "
                               "not after INIT_IMAGE", dsp->name,
                               phase_names[p->phase]);
    }
    if (p->mem_size) {
        return qcom_scm_refuse(c, QCOM_SCM_ERROR, "PAS MEM_SETUP: %s has its "
                               "region 0x%" PRIx64 "+0x%" PRIx64 " already",
                               dsp->name, p->mem_base, p->mem_size);
    }
    ret = pas_check_range(s, c, "region", addr, size);
    if (ret) {
        return ret;
    }
    if (size < span) {
        return qcom_scm_refuse(c, QCOM_SCM_EINVAL_ARG, "PAS MEM_SETUP: %s: "
                               "region of 0x%" PRIx64 " bytes for an image "
                               "spanning 0x%" PRIx64, dsp->name, size, span);
    }
    p->mem_base = addr;
    p->mem_size = size;
    trace_qcom_scm_pas(dsp->name, "MEM_SETUP", "region recorded");
    return QCOM_SCM_OK;
}

/*
 * Hash and check the loadable segments where the kernel put them (from
 * base when relocated), at most PAS_HASH_SLICE bytes a call: beyond
 * that, the call answers QCOM_SCM_INTERRUPTED, and goes on from where it
 * was when the caller resumes it.
 */
static int64_t pas_auth_segments(QcomScmState *s, const QcomScmCall *c,
                                 int i, uint64_t base)
{
    QcomScmPas *p = &s->pas[i];
    QcomDspState *dsp = s->dsp[i];
    const QcomMdtImage *img = &p->image;
    uint64_t budget = PAS_HASH_SLICE;
    int64_t ret;

    if (!c->resumed || !p->auth_pending) {
        p->auth_pending = true;
        p->auth_seg = 0;
        qcom_mdt_hash_cancel(&p->auth_hash);
    }
    for (; p->auth_seg < img->nsegs; p->auth_seg++) {
        const QcomMdtSegment *seg = &img->segs[p->auth_seg];
        uint64_t at = p->mem_size ? base + seg->paddr - img->min_paddr
                                  : seg->paddr;
        uint8_t digest[QCOM_MDT_DIGEST_SIZE];

        if (!seg->filesz) {
            continue;
        }
        if (!p->auth_hash.ck) {
            qcom_mdt_hash_start(&p->auth_hash, at, seg->filesz);
        }
        switch (qcom_mdt_hash_step(&p->auth_hash, pas_read, s, &budget,
                                   digest)) {
        case QCOM_MDT_HASH_MORE:
            trace_qcom_scm_pas(dsp->name, "AUTH_AND_RESET", "interrupted");
            return QCOM_SCM_INTERRUPTED;
        case QCOM_MDT_HASH_FAULT:
            p->auth_pending = false;
            return qcom_scm_refuse(c, QCOM_SCM_EINVAL_ADDR, "PAS "
                                   "AUTH_AND_RESET: %s: segment %u at 0x%"
                                   PRIx64 " cannot be read", dsp->name,
                                   seg->index, at);
        case QCOM_MDT_HASH_DONE:
            break;
        }
        if (memcmp(digest, seg->digest, sizeof(digest))) {
            trace_qcom_scm_pas(dsp->name, "AUTH_AND_RESET", "hash mismatch");
            ret = qcom_scm_refuse(c, QCOM_SCM_ERROR, "PAS AUTH_AND_RESET: "
                                  "%s: segment %u at 0x%" PRIx64 ": SHA-256 "
                                  "mismatch", dsp->name, seg->index, at);
            pas_forget(p);
            return ret;
        }
    }
    p->auth_pending = false;
    return QCOM_SCM_OK;
}

/*
 * AUTH_AND_RESET: every loadable segment's p_filesz bytes where the
 * kernel put them (relocated into the MEM_SETUP region, or at p_paddr)
 * must match the metadata's digests; then the region is the DSP's alone
 * and the DSP leaves reset.
 */
static int64_t pas_auth_and_reset(QcomScmState *s, const QcomScmCall *c,
                                  int i)
{
    QcomScmPas *p = &s->pas[i];
    QcomDspState *dsp = s->dsp[i];
    const QcomMdtImage *img = &p->image;
    uint64_t base, size, vmid = BIT(qcom_master_vmid(dsp->master));
    g_autofree char *cause = NULL;
    int64_t ret;

    if (p->phase != QCOM_SCM_PAS_INIT) {
        return qcom_scm_refuse(c, QCOM_SCM_ERROR, "PAS AUTH_AND_RESET: %s is "
                               "%s, not after INIT_IMAGE", dsp->name,
                               phase_names[p->phase]);
    }
    if (img->relocatable && !p->mem_size) {
        return qcom_scm_refuse(c, QCOM_SCM_ERROR, "PAS AUTH_AND_RESET: %s: "
                               "a relocatable image needs MEM_SETUP",
                               dsp->name);
    }
    if (p->mem_size) {
        base = p->mem_base;
        size = p->mem_size;
    } else {
        base = QEMU_ALIGN_DOWN(img->min_paddr, PAS_GRANULE);
        size = ROUND_UP(img->max_paddr, PAS_GRANULE) - base;
        ret = pas_check_range(s, c, "image", base, size);
        if (ret) {
            return ret;
        }
    }
    ret = pas_auth_segments(s, c, i, base);
    if (ret) {
        return ret;
    }
    cause = g_strdup_printf("PAS/TZ %s: AUTH_AND_RESET gives 0x%" PRIx64
                            "-0x%" PRIx64 " to the DSP (pas id %u)",
                            dsp->name, base, base + size - 1, dsp->pas_id);
    ret = pas_assign(s, c, cause, base, size, vmid, vmid);
    if (ret) {
        return ret;
    }
    p->locked_base = base;
    p->locked_size = size;
    p->phase = QCOM_SCM_PAS_RUNNING;
    trace_qcom_scm_pas(dsp->name, "AUTH_AND_RESET", "started");
    qcom_dsp_start(dsp, img, p->mem_size != 0, base);
    return QCOM_SCM_OK;
}

/* SHUTDOWN: a peripheral that does not run has nothing to give back */
static int64_t pas_shutdown(QcomScmState *s, const QcomScmCall *c, int i)
{
    QcomScmPas *p = &s->pas[i];
    QcomDspState *dsp = s->dsp[i];
    g_autofree char *cause = NULL;
    int64_t ret;

    if (p->phase == QCOM_SCM_PAS_RUNNING) {
        cause = g_strdup_printf("PAS/TZ %s: SHUTDOWN gives 0x%" PRIx64 "-0x%"
                                PRIx64 " back to HLOS (pas id %u)", dsp->name,
                                p->locked_base,
                                p->locked_base + p->locked_size - 1,
                                dsp->pas_id);
        ret = pas_assign(s, c, cause, p->locked_base, p->locked_size,
                         BIT(QCOM_VMID_HLOS), BIT(QCOM_VMID_HLOS));
        if (ret) {
            return ret;
        }
        qcom_dsp_stop(dsp);
        p->locked_base = 0;
        p->locked_size = 0;
    }
    pas_forget(p);
    trace_qcom_scm_pas(dsp->name, "SHUTDOWN", "stopped");
    return QCOM_SCM_OK;
}

int64_t qcom_scm_pas_call(QcomScmState *s, const QcomScmCall *c,
                          uint64_t *result)
{
    int i = pas_index(s, c->args[0]);

    if (c->fnid == PAS_IS_SUPPORTED) {
        *result = i >= 0;
        return QCOM_SCM_OK;
    }
    if (i < 0) {
        return qcom_scm_refuse(c, QCOM_SCM_EINVAL_ARG, "PAS %s: no "
                               "peripheral has PAS id %" PRIu64,
                               pas_call_name(c->fnid), c->args[0]);
    }
    switch (c->fnid) {
    case PAS_INIT_IMAGE:
        return pas_init_image(s, c, i);
    case PAS_MEM_SETUP:
        return pas_mem_setup(s, c, i);
    case PAS_AUTH_AND_RESET:
        return pas_auth_and_reset(s, c, i);
    case PAS_SHUTDOWN:
        return pas_shutdown(s, c, i);
    default:
        g_assert_not_reached();
    }
}

void qcom_scm_pas_reset(QcomScmState *s)
{
    for (int i = 0; i < QCOM_SCM_MAX_PAS; i++) {
        pas_forget(&s->pas[i]);
        s->pas[i].locked_base = 0;
        s->pas[i].locked_size = 0;
    }
}

int qcom_scm_pas_post_load(QcomScmState *s)
{
    for (int i = 0; i < QCOM_SCM_MAX_PAS; i++) {
        QcomScmPas *p = &s->pas[i];
        const char *why;

        qcom_mdt_image_clear(&p->image);
        if (p->phase >= QCOM_SCM_PAS_PHASE_NUM ||
            (p->phase != QCOM_SCM_PAS_IDLE && !s->dsp[i])) {
            return -EINVAL;
        }
        /* the derived segment list of metadata that passed once */
        if (p->meta_len &&
            qcom_mdt_parse_metadata(p->meta, p->meta_len,
                                    s->dsp[i]->image_id, &p->image, &why)) {
            return -EINVAL;
        }
        qcom_mdt_hash_cancel(&p->auth_hash);
        if (p->auth_pending && (p->phase != QCOM_SCM_PAS_INIT ||
                                p->auth_seg > p->image.nsegs)) {
            return -EINVAL;
        }
    }
    return 0;
}
