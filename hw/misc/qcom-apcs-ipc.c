/*
 * Qualcomm APCS IPC: the application processor's doorbells to other cores
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * drivers/mailbox/qcom-apcs-ipc-mailbox.c (6.1) only ever writes BIT(n)
 * to the IPC register; the rest of the block (the APSS clock mux of
 * some SoCs) is not modelled.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/irq.h"
#include "hw/misc/qcom-apcs-ipc.h"
#include "hw/qdev-properties.h"
#include "trace.h"

static uint64_t apcs_read(void *opaque, hwaddr offset, unsigned size)
{
    QcomApcsIpcState *s = opaque;

    if (offset != s->ipc_offset) {
        qemu_log_mask(LOG_UNIMP, "qcom-apcs-ipc: read of unknown offset "
                      "0x%" HWADDR_PRIx "\n", offset);
    }
    /* the IPC register is write-only */
    return 0;
}

static void apcs_write(void *opaque, hwaddr offset, uint64_t value,
                       unsigned size)
{
    QcomApcsIpcState *s = opaque;

    if (offset != s->ipc_offset) {
        qemu_log_mask(LOG_UNIMP, "qcom-apcs-ipc: write of unknown offset "
                      "0x%" HWADDR_PRIx "\n", offset);
        return;
    }
    trace_qcom_apcs_ipc_write(value);
    for (unsigned n = 0; n < QCOM_APCS_IPC_LINES; n++) {
        if (value & BIT_ULL(n)) {
            qemu_irq_pulse(s->out[n]);
        }
    }
}

static const MemoryRegionOps apcs_ops = {
    .read = apcs_read,
    .write = apcs_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
};

static void apcs_realize(DeviceState *dev, Error **errp)
{
    QcomApcsIpcState *s = QCOM_APCS_IPC(dev);

    if (s->ipc_offset % 4 || s->ipc_offset >= QCOM_APCS_IPC_SIZE) {
        error_setg(errp, "qcom-apcs-ipc: ipc-offset 0x%x is not a 4-byte "
                   "aligned offset inside the block (0x%x)", s->ipc_offset,
                   QCOM_APCS_IPC_SIZE);
        return;
    }
}

static void apcs_init(Object *obj)
{
    QcomApcsIpcState *s = QCOM_APCS_IPC(obj);

    memory_region_init_io(&s->iomem, obj, &apcs_ops, s, "qcom-apcs-ipc",
                          QCOM_APCS_IPC_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    qdev_init_gpio_out(DEVICE(obj), s->out, QCOM_APCS_IPC_LINES);
}

static const Property apcs_properties[] = {
    DEFINE_PROP_UINT32("ipc-offset", QcomApcsIpcState, ipc_offset, 0xc),
};

static void apcs_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "Qualcomm APCS IPC doorbells";
    dc->realize = apcs_realize;
    /* no state: the doorbells are pulses */
    device_class_set_props(dc, apcs_properties);
}

static const TypeInfo apcs_types[] = {
    {
        .name = TYPE_QCOM_APCS_IPC,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomApcsIpcState),
        .instance_init = apcs_init,
        .class_init = apcs_class_init,
    },
};

DEFINE_TYPES(apcs_types)
