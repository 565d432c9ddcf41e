/*
 * Qualcomm shared memory (SMEM) as the boot loader leaves it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Version 11 ("global heap") is the simplest layout drivers/soc/qcom/
 * smem.c (6.1) accepts: it needs no partition table; qcom_smem_alloc
 * and qcom_smem_get of every host fall back to the heap. The device only
 * writes memory at reset and when another model allocates an item; the
 * guest's own allocations are plain memory writes.
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

/* Fields of a table entry */
#define TOC_ALLOCATED   0x0
#define TOC_OFFSET      0x4
#define TOC_SIZE        0x8

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

int qcom_smem_alloc(QcomSmemState *s, unsigned item, uint32_t size,
                    uint32_t lock_id, MemTxAttrs attrs)
{
    uint32_t allocated, free_off, avail;
    int ret = 0;

    if (item < QCOM_SMEM_ITEM_FIRST_FREE || item >= QCOM_SMEM_ITEM_COUNT) {
        return -EINVAL;
    }
    if (s->mutex && !qcom_tcsr_mutex_trylock(s->mutex, QCOM_SMEM_HWLOCK,
                                             lock_id)) {
        trace_qcom_smem_alloc(item, size, 0, "hardware lock busy");
        return -EBUSY;
    }
    size = ROUND_UP(size, 8);
    if (!smem_rd32(s, toc(item, TOC_ALLOCATED), attrs, &allocated) ||
        !smem_rd32(s, QCOM_SMEM_FREE_OFFSET, attrs, &free_off) ||
        !smem_rd32(s, QCOM_SMEM_AVAILABLE, attrs, &avail)) {
        ret = -EIO;
    } else if (allocated) {
        ret = -EEXIST;
    } else if (size > avail || free_off > s->size - avail) {
        ret = -ENOMEM;
    } else if (!smem_wr32(s, toc(item, TOC_OFFSET), attrs, free_off) ||
               !smem_wr32(s, toc(item, TOC_SIZE), attrs, size) ||
               !smem_wr32(s, toc(item, TOC_ALLOCATED), attrs, 1) ||
               !smem_wr32(s, QCOM_SMEM_FREE_OFFSET, attrs, free_off + size) ||
               !smem_wr32(s, QCOM_SMEM_AVAILABLE, attrs, avail - size)) {
        ret = -EIO;
    }
    trace_qcom_smem_alloc(item, size, ret ? 0 : free_off,
                          ret == -EEXIST ? "exists" :
                          ret == -ENOMEM ? "no space" :
                          ret == -EIO ? "memory access failed" : "ok");
    if (s->mutex) {
        qcom_tcsr_mutex_unlock(s->mutex, QCOM_SMEM_HWLOCK, lock_id);
    }
    return ret;
}

hwaddr qcom_smem_get(QcomSmemState *s, unsigned item, uint32_t *size,
                     MemTxAttrs attrs)
{
    uint32_t allocated, off, len;

    if (item >= QCOM_SMEM_ITEM_COUNT ||
        !smem_rd32(s, toc(item, TOC_ALLOCATED), attrs, &allocated) ||
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

void qcom_smem_layout(QcomSmemState *s)
{
    MemTxAttrs attrs = qcom_master_attrs(QCOM_MASTER_APPS,
                                         QCOM_XPU_KIND_NORMAL);
    uint32_t heap_end = s->size - QCOM_SMEM_PTABLE_SIZE;
    g_autofree uint8_t *hdr = g_malloc0(QCOM_SMEM_HEAP_START);

    stl_le_p(hdr + QCOM_SMEM_VERSION_OFFSET,
             QCOM_SMEM_GLOBAL_HEAP_VERSION << 16);
    stl_le_p(hdr + QCOM_SMEM_INITIALIZED, 1);
    stl_le_p(hdr + QCOM_SMEM_FREE_OFFSET, QCOM_SMEM_HEAP_START);
    stl_le_p(hdr + QCOM_SMEM_AVAILABLE, heap_end - QCOM_SMEM_HEAP_START);
    if (address_space_write(&s->as, s->base, attrs, hdr,
                            QCOM_SMEM_HEAP_START) != MEMTX_OK ||
        address_space_set(&s->as, s->base + heap_end, 0,
                          QCOM_SMEM_PTABLE_SIZE, attrs) != MEMTX_OK) {
        /* the board's wiring, not the guest: base and size were checked */
        error_report("qcom-smem: cannot write the layout at 0x%" PRIx64,
                     s->base);
        return;
    }
    trace_qcom_smem_init(s->base, s->size, heap_end - QCOM_SMEM_HEAP_START);
}

static void smem_realize(DeviceState *dev, Error **errp)
{
    QcomSmemState *s = QCOM_SMEM(dev);

    if (!s->memory) {
        error_setg(errp, "qcom-smem: property 'memory' is not set");
        return;
    }
    if (s->base % (4 * KiB) || s->size % (4 * KiB) || s->size < 16 * KiB ||
        s->size > 4 * GiB || s->base + s->size < s->base) {
        error_setg(errp, "qcom-smem: base 0x%" PRIx64 " size 0x%" PRIx64
                   " is not a 4 KiB aligned range of 16 KiB..4 GiB",
                   s->base, s->size);
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
