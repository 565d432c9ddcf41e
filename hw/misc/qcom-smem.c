/*
 * Qualcomm shared memory (SMEM) as the boot loader leaves it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Version 11 ("global heap") is the simplest layout drivers/soc/qcom/
 * smem.c (6.1) accepts: it needs no partition table; qcom_smem_alloc
 * and qcom_smem_get of every host fall back to the heap, whose table
 * has 512 items. Version 12 is what SM8250's boot loader leaves: the
 * heap becomes one "global partition" whose items are a linked list,
 * and smem_info after the partition table says how many items there
 * are (Linux reads item 601, the CDSP's crash reason, and 602, the
 * minidump table). Only the global partition is laid out: without a
 * partition of its own, smem.c puts a remote host's items (SMP2P) in
 * it too. The device only writes memory at reset and when another model
 * allocates an item; the guest's own allocations are plain memory
 * writes.
 */

#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/misc/qcom-smem.h"
#include "hw/misc/qcom-tcsr-mutex.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/qdev-properties.h"
#include "trace.h"

/* Fields of a table entry (version 11) */
#define TOC_ALLOCATED   0x0
#define TOC_OFFSET      0x4
#define TOC_SIZE        0x8

/* Fields of a partition table entry and of smem_info (version 12) */
#define PTE_OFFSET      0x0
#define PTE_SIZE        0x4
#define PTE_HOST0       0xc
#define PTE_HOST1       0xe
#define PTE_CACHELINE   0x10
#define INFO_SIZE       0x4
#define INFO_BASE_ADDR  0x8
#define INFO_NUM_ITEMS  0x10

/* Fields of a partition header and of an item's header (version 12) */
#define PART_HOST0      0x4
#define PART_HOST1      0x6
#define PART_SIZE       0x8
#define PRV_CANARY      0x0
#define PRV_ITEM        0x2
#define PRV_SIZE        0x4
#define PRV_PADDING_DATA 0x8
#define PRV_PADDING_HDR 0xa

/* qcom_common.c's minidump_global_toc */
#define MINIDUMP_STATUS     0x0
#define MINIDUMP_REVISION   0x4

static bool smem_rd32(QcomSmemState *s, uint32_t off, MemTxAttrs attrs,
                      uint32_t *v)
{
    uint8_t b[4];

    if (address_space_read(&s->as, s->base + off, attrs, b, 4) != MEMTX_OK) {
        return false;
    }
    *v = ldl_le_p(b);
    return true;
}

static bool smem_wr32(QcomSmemState *s, uint32_t off, MemTxAttrs attrs,
                      uint32_t v)
{
    uint8_t b[4];

    stl_le_p(b, v);
    return address_space_write(&s->as, s->base + off, attrs, b, 4) ==
           MEMTX_OK;
}

static uint32_t toc(unsigned item, uint32_t field)
{
    return QCOM_SMEM_TOC + item * QCOM_SMEM_TOC_ENTRY_SIZE + field;
}

/* Version 12: the global partition, up to the partition table */
static uint32_t smem_part_size(QcomSmemState *s)
{
    return s->size - QCOM_SMEM_PTABLE_SIZE - QCOM_SMEM_PART_OFFSET;
}

static uint32_t part(uint32_t field)
{
    return QCOM_SMEM_PART_OFFSET + field;
}

unsigned qcom_smem_item_count(QcomSmemState *s)
{
    return s->version == QCOM_SMEM_GLOBAL_PART_VERSION ? s->items :
           QCOM_SMEM_ITEM_COUNT;
}

/* An item of the global partition: offsets in the partition */
typedef struct SmemEntry {
    uint32_t hdr;       /* its header; the free space if not found */
    uint32_t data;
    uint32_t size;      /* without the padding */
} SmemEntry;

/*
 * Walk the uncached list from the partition header to
 * offset_free_uncached, as qcom_smem_get_private does; an entry that is
 * not whole before the free offset ends the list as a corrupt one.
 * Returns 1 (found), 0 (not in the list: e->hdr is where the next goes)
 * or -EIO.
 */
static int smem_part_find(QcomSmemState *s, unsigned item, MemTxAttrs attrs,
                          SmemEntry *e)
{
    uint8_t h[QCOM_SMEM_PRIVATE_HDR_SIZE];
    uint32_t end, off = QCOM_SMEM_PART_HDR_SIZE;

    if (!smem_rd32(s, part(QCOM_SMEM_PART_FREE_UNCACHED), attrs, &end) ||
        end < QCOM_SMEM_PART_HDR_SIZE || end > smem_part_size(s)) {
        return -EIO;
    }
    while (off < end) {
        uint32_t size, pad_hdr;

        if (address_space_read(&s->as, s->base + part(off), attrs, h,
                               sizeof(h)) != MEMTX_OK ||
            lduw_le_p(h + PRV_CANARY) != QCOM_SMEM_PRIVATE_CANARY) {
            return -EIO;
        }
        size = ldl_le_p(h + PRV_SIZE);
        pad_hdr = lduw_le_p(h + PRV_PADDING_HDR);
        if ((uint64_t)off + sizeof(h) + pad_hdr + size > end) {
            return -EIO;
        }
        if (lduw_le_p(h + PRV_ITEM) == item) {
            if (lduw_le_p(h + PRV_PADDING_DATA) > size) {
                return -EIO;
            }
            e->hdr = off;
            e->data = off + sizeof(h) + pad_hdr;
            e->size = size - lduw_le_p(h + PRV_PADDING_DATA);
            return 1;
        }
        off += sizeof(h) + pad_hdr + size;
    }
    e->hdr = off;
    return 0;
}

/* smem.c's qcom_smem_alloc_global; *where the item's offset */
static int smem_alloc_global(QcomSmemState *s, unsigned item, uint32_t size,
                             MemTxAttrs attrs, uint32_t *where)
{
    uint32_t allocated, free_off, avail;

    if (!smem_rd32(s, toc(item, TOC_ALLOCATED), attrs, &allocated) ||
        !smem_rd32(s, QCOM_SMEM_FREE_OFFSET, attrs, &free_off) ||
        !smem_rd32(s, QCOM_SMEM_AVAILABLE, attrs, &avail)) {
        return -EIO;
    }
    if (allocated) {
        return -EEXIST;
    }
    if (size > avail || free_off > s->size - avail) {
        return -ENOMEM;
    }
    if (!smem_wr32(s, toc(item, TOC_OFFSET), attrs, free_off) ||
        !smem_wr32(s, toc(item, TOC_SIZE), attrs, size) ||
        !smem_wr32(s, toc(item, TOC_ALLOCATED), attrs, 1) ||
        !smem_wr32(s, QCOM_SMEM_FREE_OFFSET, attrs, free_off + size) ||
        !smem_wr32(s, QCOM_SMEM_AVAILABLE, attrs, avail - size)) {
        return -EIO;
    }
    *where = free_off;
    return 0;
}

/*
 * smem.c's qcom_smem_alloc_private in the global partition: the header
 * first, then offset_free_uncached, so a reader that does not take the
 * lock sees a whole list
 */
static int smem_alloc_private(QcomSmemState *s, unsigned item, uint32_t size,
                              MemTxAttrs attrs, uint32_t *where)
{
    uint8_t h[QCOM_SMEM_PRIVATE_HDR_SIZE] = { 0 };
    uint32_t cached, aligned;
    SmemEntry e;
    int ret = smem_part_find(s, item, attrs, &e);

    if (ret) {
        return ret < 0 ? ret : -EEXIST;
    }
    if (!smem_rd32(s, part(QCOM_SMEM_PART_FREE_CACHED), attrs, &cached) ||
        cached > smem_part_size(s)) {
        return -EIO;
    }
    if (size > smem_part_size(s) ||
        (uint64_t)e.hdr + sizeof(h) + ROUND_UP(size, 8) > cached) {
        return -ENOMEM;
    }
    aligned = ROUND_UP(size, 8);
    stw_le_p(h + PRV_CANARY, QCOM_SMEM_PRIVATE_CANARY);
    stw_le_p(h + PRV_ITEM, item);
    stl_le_p(h + PRV_SIZE, aligned);
    stw_le_p(h + PRV_PADDING_DATA, aligned - size);
    if (address_space_write(&s->as, s->base + part(e.hdr), attrs, h,
                            sizeof(h)) != MEMTX_OK ||
        !smem_wr32(s, part(QCOM_SMEM_PART_FREE_UNCACHED), attrs,
                   e.hdr + sizeof(h) + aligned)) {
        return -EIO;
    }
    *where = part(e.hdr + sizeof(h));
    return 0;
}

int qcom_smem_alloc(QcomSmemState *s, unsigned item, uint32_t size,
                    uint32_t lock_id, MemTxAttrs attrs)
{
    uint32_t where = 0;
    int ret;

    if (item < QCOM_SMEM_ITEM_FIRST_FREE || item >= qcom_smem_item_count(s)) {
        return -EINVAL;
    }
    if (s->mutex && !qcom_tcsr_mutex_trylock(s->mutex, QCOM_SMEM_HWLOCK,
                                             lock_id)) {
        trace_qcom_smem_alloc(item, size, 0, "hardware lock busy");
        return -EBUSY;
    }
    if (s->version == QCOM_SMEM_GLOBAL_PART_VERSION) {
        ret = smem_alloc_private(s, item, size, attrs, &where);
    } else {
        ret = smem_alloc_global(s, item, ROUND_UP(size, 8), attrs, &where);
    }
    trace_qcom_smem_alloc(item, ROUND_UP(size, 8), where,
                          ret == -EEXIST ? "exists" :
                          ret == -ENOMEM ? "no space" :
                          ret == -EIO ? "memory access failed" : "ok");
    if (s->mutex) {
        qcom_tcsr_mutex_unlock(s->mutex, QCOM_SMEM_HWLOCK, lock_id);
    }
    return ret;
}

static hwaddr smem_get_global(QcomSmemState *s, unsigned item, uint32_t *size,
                              MemTxAttrs attrs)
{
    uint32_t allocated, off, len;

    if (!smem_rd32(s, toc(item, TOC_ALLOCATED), attrs, &allocated) ||
        !allocated ||
        !smem_rd32(s, toc(item, TOC_OFFSET), attrs, &off) ||
        !smem_rd32(s, toc(item, TOC_SIZE), attrs, &len) ||
        off < QCOM_SMEM_HEAP_START || off > s->size ||
        len > s->size - off) {
        return 0;
    }
    if (size) {
        *size = len;
    }
    return s->base + off;
}

hwaddr qcom_smem_get(QcomSmemState *s, unsigned item, uint32_t *size,
                     MemTxAttrs attrs)
{
    SmemEntry e;

    if (item >= qcom_smem_item_count(s)) {
        return 0;
    }
    if (s->version != QCOM_SMEM_GLOBAL_PART_VERSION) {
        return smem_get_global(s, item, size, attrs);
    }
    if (smem_part_find(s, item, attrs, &e) <= 0) {
        return 0;
    }
    if (size) {
        *size = e.size;
    }
    return s->base + part(e.data);
}

/* The header: version, initialized, the heap's accounting, empty table */
static bool smem_layout_header(QcomSmemState *s, MemTxAttrs attrs,
                               uint32_t free_off)
{
    uint32_t heap_end = s->size - QCOM_SMEM_PTABLE_SIZE;
    g_autofree uint8_t *hdr = g_malloc0(QCOM_SMEM_HEAP_START);

    stl_le_p(hdr + QCOM_SMEM_VERSION_OFFSET, s->version << 16);
    stl_le_p(hdr + QCOM_SMEM_INITIALIZED, 1);
    stl_le_p(hdr + QCOM_SMEM_FREE_OFFSET, free_off);
    stl_le_p(hdr + QCOM_SMEM_AVAILABLE, heap_end - free_off);
    return address_space_write(&s->as, s->base, attrs, hdr,
                               QCOM_SMEM_HEAP_START) == MEMTX_OK;
}

/*
 * Version 12: the partition table with the global partition's entry and
 * smem_info after it, and the partition's empty header (nothing cached:
 * offset_free_cached at its end)
 */
static bool smem_layout_partition(QcomSmemState *s, MemTxAttrs attrs)
{
    uint32_t psize = smem_part_size(s);
    g_autofree uint8_t *pt = g_malloc0(QCOM_SMEM_PTABLE_SIZE);
    uint8_t *pte = pt + QCOM_SMEM_PTABLE_ENTRIES;
    uint8_t *info = pte + QCOM_SMEM_PTABLE_ENTRY_SIZE;
    uint8_t phdr[QCOM_SMEM_PART_HDR_SIZE] = { 0 };

    stl_le_p(pt, QCOM_SMEM_PTABLE_MAGIC);
    stl_le_p(pt + 4, 1);                        /* version */
    stl_le_p(pt + 8, 1);                        /* num_entries */
    stl_le_p(pte + PTE_OFFSET, QCOM_SMEM_PART_OFFSET);
    stl_le_p(pte + PTE_SIZE, psize);
    stw_le_p(pte + PTE_HOST0, QCOM_SMEM_GLOBAL_HOST);
    stw_le_p(pte + PTE_HOST1, QCOM_SMEM_GLOBAL_HOST);
    stl_le_p(pte + PTE_CACHELINE, QCOM_SMEM_CACHELINE);
    stl_le_p(info, QCOM_SMEM_INFO_MAGIC);
    stl_le_p(info + INFO_SIZE, s->size);
    stl_le_p(info + INFO_BASE_ADDR, s->base);
    stw_le_p(info + INFO_NUM_ITEMS, s->items);

    stl_le_p(phdr, QCOM_SMEM_PART_MAGIC);
    stw_le_p(phdr + PART_HOST0, QCOM_SMEM_GLOBAL_HOST);
    stw_le_p(phdr + PART_HOST1, QCOM_SMEM_GLOBAL_HOST);
    stl_le_p(phdr + PART_SIZE, psize);
    stl_le_p(phdr + QCOM_SMEM_PART_FREE_UNCACHED, QCOM_SMEM_PART_HDR_SIZE);
    stl_le_p(phdr + QCOM_SMEM_PART_FREE_CACHED, psize);
    return address_space_write(&s->as, s->base + s->size -
                               QCOM_SMEM_PTABLE_SIZE, attrs, pt,
                               QCOM_SMEM_PTABLE_SIZE) == MEMTX_OK &&
           address_space_write(&s->as, s->base + QCOM_SMEM_PART_OFFSET,
                               attrs, phdr, sizeof(phdr)) == MEMTX_OK;
}

/*
 * The boot loader's minidump table: initialised, no subsystem's table
 * (Linux 6.1 then says "Minidump not ready, skipping"; 6.12 takes the
 * whole coredump)
 */
static bool smem_layout_minidump(QcomSmemState *s, MemTxAttrs attrs)
{
    uint8_t toc[QCOM_SMEM_MINIDUMP_TOC_SIZE] = { 0 };
    uint32_t where;

    stl_le_p(toc + MINIDUMP_STATUS, 1);
    stl_le_p(toc + MINIDUMP_REVISION, 1);
    return smem_alloc_private(s, QCOM_SMEM_ITEM_MINIDUMP, sizeof(toc), attrs,
                              &where) == 0 &&
           address_space_write(&s->as, s->base + where, attrs, toc,
                               sizeof(toc)) == MEMTX_OK;
}

void qcom_smem_layout(QcomSmemState *s)
{
    MemTxAttrs attrs = qcom_master_attrs(QCOM_MASTER_APPS,
                                         QCOM_XPU_KIND_NORMAL);
    uint32_t heap_end = s->size - QCOM_SMEM_PTABLE_SIZE;
    bool ok;

    if (s->version == QCOM_SMEM_GLOBAL_PART_VERSION) {
        /* the heap is the partition's, whole */
        ok = smem_layout_header(s, attrs, heap_end) &&
             smem_layout_partition(s, attrs) &&
             (!s->minidump || smem_layout_minidump(s, attrs));
    } else {
        ok = smem_layout_header(s, attrs, QCOM_SMEM_HEAP_START) &&
             address_space_set(&s->as, s->base + heap_end, 0,
                               QCOM_SMEM_PTABLE_SIZE, attrs) == MEMTX_OK;
    }
    if (!ok) {
        /* the board's wiring, not the guest: base and size were checked */
        error_report("qcom-smem: cannot write the layout at 0x%" PRIx64,
                     s->base);
        return;
    }
    if (s->version != QCOM_SMEM_GLOBAL_PART_VERSION) {
        /* the event says version 11 */
        trace_qcom_smem_init(s->base, s->size,
                             heap_end - QCOM_SMEM_HEAP_START);
    }
}

static void smem_realize(DeviceState *dev, Error **errp)
{
    QcomSmemState *s = QCOM_SMEM(dev);
    uint64_t min = s->version == QCOM_SMEM_GLOBAL_PART_VERSION ?
                   20 * KiB : 16 * KiB;

    if (!s->memory) {
        error_setg(errp, "qcom-smem: property 'memory' is not set");
        return;
    }
    if (s->version != QCOM_SMEM_GLOBAL_HEAP_VERSION &&
        s->version != QCOM_SMEM_GLOBAL_PART_VERSION) {
        error_setg(errp, "qcom-smem: 'version' %u is not a layout Linux "
                   "reads (%u: global heap, %u: global partition)",
                   s->version, QCOM_SMEM_GLOBAL_HEAP_VERSION,
                   QCOM_SMEM_GLOBAL_PART_VERSION);
        return;
    }
    if (s->items < QCOM_SMEM_ITEM_COUNT || s->items > UINT16_MAX) {
        error_setg(errp, "qcom-smem: 'items' %u is not in %u..%u", s->items,
                   QCOM_SMEM_ITEM_COUNT, UINT16_MAX);
        return;
    }
    if (s->minidump && s->version != QCOM_SMEM_GLOBAL_PART_VERSION) {
        error_setg(errp, "qcom-smem: 'minidump' needs version %u (its item "
                   "%u is beyond the global heap's %u)",
                   QCOM_SMEM_GLOBAL_PART_VERSION, QCOM_SMEM_ITEM_MINIDUMP,
                   QCOM_SMEM_ITEM_COUNT);
        return;
    }
    if (s->base % (4 * KiB) || s->size % (4 * KiB) || s->size < min ||
        s->size > 4 * GiB || s->base + s->size < s->base) {
        error_setg(errp, "qcom-smem: base 0x%" PRIx64 " size 0x%" PRIx64
                   " is not a 4 KiB aligned range of %" PRIu64 " KiB..4 GiB",
                   s->base, s->size, min / KiB);
        return;
    }
    address_space_init(&s->as, s->memory, "qcom-smem");
}

static const Property smem_properties[] = {
    DEFINE_PROP_LINK("memory", QcomSmemState, memory, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_UINT64("base", QcomSmemState, base, 0),
    DEFINE_PROP_UINT64("size", QcomSmemState, size, 2 * MiB),
    DEFINE_PROP_LINK("mutex", QcomSmemState, mutex, TYPE_QCOM_TCSR_MUTEX,
                     QcomTcsrMutexState *),
    DEFINE_PROP_UINT32("version", QcomSmemState, version,
                       QCOM_SMEM_GLOBAL_HEAP_VERSION),
    DEFINE_PROP_UINT32("items", QcomSmemState, items,
                       QCOM_SMEM_ITEMS_DEFAULT),
    DEFINE_PROP_BOOL("minidump", QcomSmemState, minidump, false),
};

static void smem_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "Qualcomm SMEM layout (as the boot loader leaves it)";
    dc->realize = smem_realize;
    /* its state is guest RAM, migrated with it */
    dc->user_creatable = false;
    device_class_set_props(dc, smem_properties);
}

static const TypeInfo smem_types[] = {
    {
        .name = TYPE_QCOM_SMEM,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomSmemState),
        .class_init = smem_class_init,
    },
};

DEFINE_TYPES(smem_types)
