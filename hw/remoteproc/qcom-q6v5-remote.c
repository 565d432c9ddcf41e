/*
 * Qualcomm Q6v5 remote processors: what every one of them does toward
 * the APPS processor (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * See include/hw/remoteproc/qcom-q6v5-remote.h. Items are found in SMEM
 * on every access (never cached), so that a machine reset, which lays
 * SMEM out again, needs nothing from here.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "qemu/cutils.h"
#include "qapi/error.h"
#include "hw/remoteproc/qcom-q6v5-remote.h"
#include "hw/remoteproc/qcom-dump-digest.h"
#include "hw/misc/qcom-smem.h"
#include "trace.h"

/* How much a snapshot reads at a time */
#define DUMP_CHUNK  4096

const VMStateDescription vmstate_qcom_q6v5_remote = {
    .name = "qcom-q6v5-remote",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(value, QcomQ6v5Remote),
        VMSTATE_UINT8(version, QcomQ6v5Remote),
        VMSTATE_UINT8(apps_version, QcomQ6v5Remote),
        VMSTATE_END_OF_LIST()
    }
};

const VMStateDescription vmstate_qcom_q6v5_remote_dump = {
    .name = "qcom-q6v5-remote-dump",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(nsegs, QcomQ6v5RemoteDump),
        VMSTATE_UINT32_ARRAY(da, QcomQ6v5RemoteDump, QCOM_MDT_MAX_PHDRS),
        VMSTATE_UINT32_ARRAY(size, QcomQ6v5RemoteDump, QCOM_MDT_MAX_PHDRS),
        VMSTATE_UINT64_ARRAY(addr, QcomQ6v5RemoteDump, QCOM_MDT_MAX_PHDRS),
        VMSTATE_UINT64_ARRAY(digest, QcomQ6v5RemoteDump,
                             QCOM_MDT_MAX_PHDRS),
        VMSTATE_UINT32(crashes, QcomQ6v5RemoteDump),
        VMSTATE_UINT32(taken, QcomQ6v5RemoteDump),
        VMSTATE_END_OF_LIST()
    }
};

static hwaddr remote_item(QcomQ6v5Remote *r, unsigned item, uint32_t *size)
{
    return r->smem ? qcom_smem_get(r->smem, item, size, r->attrs) : 0;
}

/* The version of the APPS side's item: 0 while it has none */
static uint8_t remote_apps_version(QcomQ6v5Remote *r)
{
    hwaddr addr = remote_item(r, r->in_item, NULL);
    uint8_t hdr[8];

    if (!addr || address_space_read(r->as, addr, r->attrs, hdr,
                                    sizeof(hdr)) != MEMTX_OK ||
        ldl_le_p(hdr) != QCOM_SMP2P_MAGIC) {
        return 0;
    }
    return hdr[4];
}

int qcom_q6v5_remote_up(QcomQ6v5Remote *r)
{
    uint8_t item[QCOM_SMP2P_ITEM_SIZE] = { 0 };
    hwaddr addr;
    int ret;

    if (!r->smem) {
        qemu_log_mask(LOG_UNIMP, "%s: no SMEM: the remote runs without "
                      "SMP2P\n", r->name);
        return -ENODEV;
    }
    ret = qcom_smem_alloc(r->smem, r->out_item, QCOM_SMP2P_ITEM_SIZE,
                          r->lock_id, r->attrs);
    if (ret == -EBUSY) {
        return ret;
    }
    addr = remote_item(r, r->out_item, NULL);
    if ((ret && ret != -EEXIST) || !addr) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: cannot allocate the SMP2P item "
                      "%u in SMEM (%d)\n", r->name, r->out_item, ret);
        return ret ? ret : -ENOENT;
    }
    r->apps_version = remote_apps_version(r);
    if (ret == 0) {
        r->version = r->apps_version == 2 ? 2 : 1;
        stl_le_p(item, QCOM_SMP2P_MAGIC);
        stw_le_p(item + 8, r->pid);
        stw_le_p(item + 10, QCOM_SMP2P_PID_APPS);
        stw_le_p(item + 12, QCOM_SMP2P_MAX_ENTRIES);
        stw_le_p(item + 14, r->num_entries);
        for (unsigned i = 0; i < r->num_entries; i++) {
            strncpy((char *)item + QCOM_SMP2P_ENTRIES +
                    i * QCOM_SMP2P_ENTRY_SIZE, r->entries[i],
                    QCOM_SMP2P_ENTRY_NAME);
        }
        if (address_space_write(r->as, addr, r->attrs, item,
                                sizeof(item)) != MEMTX_OK ||
            address_space_write(r->as, addr + 4, r->attrs, &r->version,
                                1) != MEMTX_OK) {
            qemu_log_mask(LOG_GUEST_ERROR, "%s: cannot write the SMP2P item "
                          "at 0x%" HWADDR_PRIx "\n", r->name, addr);
        }
    }
    r->value = 0;
    return 0;
}

bool qcom_q6v5_remote_set(QcomQ6v5Remote *r, uint32_t value)
{
    hwaddr item = remote_item(r, r->out_item, NULL);
    uint8_t b[4];

    if (!item || value == r->value) {
        return false;
    }
    trace_qcom_q6v5_remote_smp2p(r->name, r->value, value);
    r->value = value;
    stl_le_p(b, value);
    if (address_space_write(r->as, item + QCOM_SMP2P_ENTRIES +
                            QCOM_SMP2P_ENTRY_NAME, r->attrs, b, 4) !=
        MEMTX_OK) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: cannot write the SMP2P item at "
                      "0x%" HWADDR_PRIx "\n", r->name, item);
        return false;
    }
    return true;
}

bool qcom_q6v5_remote_negotiate(QcomQ6v5Remote *r)
{
    uint8_t apps = remote_apps_version(r);
    uint8_t was = r->apps_version;
    hwaddr item;

    r->apps_version = apps;
    if (apps && apps < r->version) {
        trace_qcom_q6v5_remote_smp2p_version(r->name, r->version, apps);
        r->version = apps;
        item = remote_item(r, r->out_item, NULL);
        if (!item || address_space_write(r->as, item + 4, r->attrs,
                                         &r->version, 1) != MEMTX_OK) {
            qemu_log_mask(LOG_GUEST_ERROR, "%s: cannot write the SMP2P "
                          "version at 0x%" HWADDR_PRIx "\n", r->name, item);
        }
        return true;
    }
    return apps != was && apps == r->version;
}

uint32_t qcom_q6v5_remote_master(QcomQ6v5Remote *r)
{
    uint8_t item[QCOM_SMP2P_ITEM_SIZE];
    uint32_t size = 0;
    hwaddr addr = remote_item(r, r->in_item, &size);
    unsigned valid;

    if (!addr || size < sizeof(item) ||
        address_space_read(r->as, addr, r->attrs, item,
                           sizeof(item)) != MEMTX_OK ||
        ldl_le_p(item) != QCOM_SMP2P_MAGIC || !item[4] ||
        item[4] > QCOM_SMP2P_MAX_VERSION) {
        return 0;
    }
    valid = MIN(lduw_le_p(item + 14), QCOM_SMP2P_MAX_ENTRIES);
    for (unsigned i = 0; i < valid; i++) {
        uint8_t *e = item + QCOM_SMP2P_ENTRIES + i * QCOM_SMP2P_ENTRY_SIZE;

        if (!strncmp((char *)e, "master-kernel", QCOM_SMP2P_ENTRY_NAME)) {
            return ldl_le_p(e + QCOM_SMP2P_ENTRY_NAME);
        }
    }
    return 0;
}

bool qcom_q6v5_remote_crash_reason(QcomQ6v5Remote *r, const char *reason,
                                   Error **errp)
{
    char buf[QCOM_Q6V5_CRASH_REASON_SIZE] = { 0 };
    uint32_t size = 0;
    hwaddr addr;
    int ret;

    if (!r->smem) {
        return true;
    }
    if (r->crash_item >= qcom_smem_item_count(r->smem)) {
        /* Linux reads "fatal error without message" */
        qemu_log_mask(LOG_UNIMP, "%s: crash reason item %u is beyond the "
                      "%u items this SMEM is configured with; crashing "
                      "without a reason\n", r->name, r->crash_item,
                      qcom_smem_item_count(r->smem));
        return true;
    }
    ret = qcom_smem_alloc(r->smem, r->crash_item, sizeof(buf), r->lock_id,
                          r->attrs);
    addr = remote_item(r, r->crash_item, &size);
    if ((ret && ret != -EEXIST) || !addr) {
        error_setg(errp, "%s: cannot allocate the crash reason (SMEM item "
                   "%u): %s", r->name, r->crash_item,
                   ret == -EBUSY ? "the SMEM lock is held, try again" :
                   strerror(ret ? -ret : ENOENT));
        return false;
    }
    pstrcpy(buf, MIN(size, sizeof(buf)), reason);
    address_space_write(r->as, addr, r->attrs, buf, MIN(size, sizeof(buf)));
    return true;
}

void qcom_q6v5_remote_image(QcomQ6v5Remote *r, const QcomMdtImage *img,
                            bool relocated, uint64_t base)
{
    QcomQ6v5RemoteDump *d = &r->dump;

    d->nsegs = MIN(img->nsegs, QCOM_MDT_MAX_PHDRS);
    for (unsigned i = 0; i < d->nsegs; i++) {
        const QcomMdtSegment *seg = &img->segs[i];

        d->da[i] = seg->paddr;
        d->size[i] = seg->memsz;
        d->addr[i] = relocated ? base + seg->paddr - img->min_paddr
                               : seg->paddr;
    }
}

void qcom_q6v5_remote_snapshot(QcomQ6v5Remote *r)
{
    QcomQ6v5RemoteDump *d = &r->dump;
    uint64_t budget = QCOM_Q6V5_DUMP_MAX_BYTES;
    uint8_t buf[DUMP_CHUNK];

    d->crashes++;
    d->taken = 0;
    for (unsigned i = 0; i < d->nsegs && d->size[i] <= budget; i++) {
        uint64_t h = QCOM_DUMP_DIGEST_INIT;

        for (uint32_t off = 0; off < d->size[i]; off += DUMP_CHUNK) {
            uint32_t n = MIN(DUMP_CHUNK, d->size[i] - off);

            if (address_space_read(r->as, d->addr[i] + off, r->attrs, buf,
                                   n) != MEMTX_OK) {
                /* as the kernel's dump of memory it cannot read */
                memset(buf, 0xff, n);
            }
            h = qcom_dump_digest(h, buf, n);
        }
        d->digest[i] = h;
        budget -= d->size[i];
        d->taken++;
    }
    if (d->taken < d->nsegs) {
        qemu_log_mask(LOG_UNIMP, "%s: crash snapshot: %u of %u segments "
                      "digested (at most %u bytes)\n", r->name, d->taken,
                      d->nsegs, QCOM_Q6V5_DUMP_MAX_BYTES);
    }
    trace_qcom_q6v5_remote_snapshot(r->name, d->crashes, d->taken, d->nsegs);
}

char *qcom_q6v5_remote_dump_text(const QcomQ6v5Remote *r)
{
    const QcomQ6v5RemoteDump *d = &r->dump;
    GString *out = g_string_new("");

    for (unsigned i = 0; d->crashes && i < d->nsegs; i++) {
        g_string_append_printf(out, "%s%x:%x:", i ? " " : "", d->da[i],
                               d->size[i]);
        if (i < d->taken) {
            g_string_append_printf(out, "%016" PRIx64, d->digest[i]);
        } else {
            g_string_append(out, "-");
        }
    }
    return g_string_free(out, false);
}

bool qcom_q6v5_remote_dump_valid(const QcomQ6v5Remote *r)
{
    return r->dump.nsegs <= QCOM_MDT_MAX_PHDRS &&
           r->dump.taken <= r->dump.nsegs;
}

void qcom_q6v5_remote_forget_dump(QcomQ6v5Remote *r)
{
    memset(&r->dump, 0, sizeof(r->dump));
}
