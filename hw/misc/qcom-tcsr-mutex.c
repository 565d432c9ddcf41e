/*
 * Qualcomm TCSR mutex: the hardware spinlocks shared by the SoC's processors
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Register semantics as drivers/hwspinlock/qcom_hwspinlock.c relies on
 * them (6.1): lock = write the owner id, then read back; unlock = write 0.
 * The lock register only accepts an id while it reads 0, so two owners
 * cannot both see their own id.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/misc/qcom-tcsr-mutex.h"
#include "hw/qdev-properties.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

/* Per lock, at n * QCOM_TCSR_MUTEX_STRIDE */
REG32(MUTEX_LOCK, 0x0)

static bool mutex_write(QcomTcsrMutexState *s, unsigned n, uint32_t id)
{
    uint32_t old = s->owner[n];

    if (id == 0) {
        s->owner[n] = 0;
        trace_qcom_tcsr_mutex_unlock(n, old);
        return true;
    }
    if (old && old != id) {
        trace_qcom_tcsr_mutex_busy(n, id, old);
        return false;
    }
    s->owner[n] = id;
    trace_qcom_tcsr_mutex_lock(n, id);
    return true;
}

bool qcom_tcsr_mutex_trylock(QcomTcsrMutexState *s, unsigned n, uint32_t id)
{
    assert(n < s->num_locks && id);
    return mutex_write(s, n, id);
}

void qcom_tcsr_mutex_unlock(QcomTcsrMutexState *s, unsigned n, uint32_t id)
{
    assert(n < s->num_locks && id);
    if (s->owner[n] == id) {
        mutex_write(s, n, 0);
    }
}

static uint64_t mutex_read(void *opaque, hwaddr offset, unsigned size)
{
    QcomTcsrMutexState *s = opaque;
    unsigned n = offset / QCOM_TCSR_MUTEX_STRIDE;

    if (offset % QCOM_TCSR_MUTEX_STRIDE != A_MUTEX_LOCK) {
        qemu_log_mask(LOG_UNIMP, "qcom-tcsr-mutex: read of unknown offset "
                      "0x%" HWADDR_PRIx "\n", offset);
        return 0;
    }
    return s->owner[n];
}

static void mutex_mmio_write(void *opaque, hwaddr offset, uint64_t value,
                             unsigned size)
{
    QcomTcsrMutexState *s = opaque;
    unsigned n = offset / QCOM_TCSR_MUTEX_STRIDE;

    if (offset % QCOM_TCSR_MUTEX_STRIDE != A_MUTEX_LOCK) {
        qemu_log_mask(LOG_UNIMP, "qcom-tcsr-mutex: write of unknown offset "
                      "0x%" HWADDR_PRIx "\n", offset);
        return;
    }
    if (value && s->owner[n] == value) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-tcsr-mutex: lock %u taken "
                      "again by its owner %" PRIu64 "\n", n, value);
    }
    mutex_write(s, n, value);
}

static const MemoryRegionOps mutex_ops = {
    .read = mutex_read,
    .write = mutex_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
};

static void mutex_reset_enter(Object *obj, ResetType type)
{
    QcomTcsrMutexState *s = QCOM_TCSR_MUTEX(obj);

    memset(s->owner, 0, sizeof(s->owner));
}

static void mutex_realize(DeviceState *dev, Error **errp)
{
    QcomTcsrMutexState *s = QCOM_TCSR_MUTEX(dev);

    if (s->num_locks < 1 || s->num_locks > QCOM_TCSR_MUTEX_MAX_LOCKS) {
        error_setg(errp, "qcom-tcsr-mutex: num-locks %u is not in 1..%d",
                   s->num_locks, QCOM_TCSR_MUTEX_MAX_LOCKS);
        return;
    }
    memory_region_init_io(&s->iomem, OBJECT(s), &mutex_ops, s,
                          "qcom-tcsr-mutex",
                          s->num_locks * QCOM_TCSR_MUTEX_STRIDE);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
}

static const VMStateDescription mutex_vmstate = {
    .name = "qcom-tcsr-mutex",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(owner, QcomTcsrMutexState,
                             QCOM_TCSR_MUTEX_MAX_LOCKS),
        VMSTATE_END_OF_LIST()
    }
};

static const Property mutex_properties[] = {
    DEFINE_PROP_UINT32("num-locks", QcomTcsrMutexState, num_locks, 32),
};

static void mutex_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm TCSR mutex (hardware spinlocks)";
    dc->realize = mutex_realize;
    dc->vmsd = &mutex_vmstate;
    rc->phases.enter = mutex_reset_enter;
    device_class_set_props(dc, mutex_properties);
}

static const TypeInfo mutex_types[] = {
    {
        .name = TYPE_QCOM_TCSR_MUTEX,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomTcsrMutexState),
        .class_init = mutex_class_init,
    },
};

DEFINE_TYPES(mutex_types)
