/*
 * Qualcomm QUPv3 wrapper: the common registers of a group of serial
 * engines (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/misc/qcom-qupv3.h"
#include "hw/registerfields.h"

REG32(QUPV3_HW_VER, 0x004)

static uint64_t qupv3_read(void *opaque, hwaddr addr, unsigned size)
{
    if (addr == A_QUPV3_HW_VER) {
        return QCOM_QUPV3_HW_VER;
    }
    qemu_log_mask(LOG_UNIMP, "qcom-qupv3: read of unmodelled register 0x%"
                  HWADDR_PRIx "\n", addr);
    return 0;
}

static void qupv3_write(void *opaque, hwaddr addr, uint64_t value,
                        unsigned size)
{
    qemu_log_mask(LOG_UNIMP, "qcom-qupv3: write of unmodelled register 0x%"
                  HWADDR_PRIx " (0x%" PRIx64 ")\n", addr, value);
}

static const MemoryRegionOps qupv3_ops = {
    .read = qupv3_read,
    .write = qupv3_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

static void qupv3_init(Object *obj)
{
    QcomQupv3State *s = QCOM_QUPV3(obj);

    memory_region_init_io(&s->iomem, obj, &qupv3_ops, s, TYPE_QCOM_QUPV3,
                          QCOM_QUPV3_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
}

static void qupv3_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    /* no state: the version is a constant */
    dc->desc = "Qualcomm QUPv3 wrapper (common registers)";
}

static const TypeInfo qupv3_types[] = {
    {
        .name = TYPE_QCOM_QUPV3,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomQupv3State),
        .instance_init = qupv3_init,
        .class_init = qupv3_class_init,
    },
};

DEFINE_TYPES(qupv3_types)
