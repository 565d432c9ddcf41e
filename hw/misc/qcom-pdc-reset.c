/*
 * Qualcomm PDC global resets (qcom,sdm845-pdc-global)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Layout as drivers/reset/reset-qcom-pdc.c (6.1) uses it for SDM845.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/irq.h"
#include "hw/misc/qcom-pdc-reset.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

REG32(SYNC_RESET, 0x100)

#define PDC_RESET_VALID_MASK ((uint64_t)MAKE_64BIT_MASK(0, QCOM_PDC_RESET_NUM))

static void pdc_reset_update(QcomPdcResetState *s)
{
    for (int i = 0; i < QCOM_PDC_RESET_NUM; i++) {
        qemu_set_irq(s->line[i], extract32(s->sync_reset, i, 1));
    }
}

static uint64_t pdc_reset_read(void *opaque, hwaddr offset, unsigned size)
{
    QcomPdcResetState *s = opaque;

    if (offset != A_SYNC_RESET) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-pdc-reset: read of unknown "
                      "offset 0x%" HWADDR_PRIx "\n", offset);
        return 0;
    }
    return s->sync_reset;
}

static void pdc_reset_write(void *opaque, hwaddr offset, uint64_t value,
                            unsigned size)
{
    QcomPdcResetState *s = opaque;

    if (offset != A_SYNC_RESET) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-pdc-reset: write of 0x%" PRIx64
                      " to unknown offset 0x%" HWADDR_PRIx "\n",
                      value, offset);
        return;
    }
    if (value & ~PDC_RESET_VALID_MASK) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-pdc-reset: bits 0x%" PRIx64
                      " name no reset; ignored\n",
                      value & ~PDC_RESET_VALID_MASK);
    }
    s->sync_reset = value & PDC_RESET_VALID_MASK;
    trace_qcom_pdc_reset(s->sync_reset);
    pdc_reset_update(s);
}

static const MemoryRegionOps pdc_reset_ops = {
    .read = pdc_reset_read,
    .write = pdc_reset_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
};

static void pdc_reset_reset_enter(Object *obj, ResetType type)
{
    QCOM_PDC_RESET(obj)->sync_reset = 0;
}

static void pdc_reset_reset_exit(Object *obj, ResetType type)
{
    pdc_reset_update(QCOM_PDC_RESET(obj));
}

static void pdc_reset_init(Object *obj)
{
    QcomPdcResetState *s = QCOM_PDC_RESET(obj);

    memory_region_init_io(&s->iomem, obj, &pdc_reset_ops, s,
                          "qcom-pdc-reset", QCOM_PDC_RESET_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    qdev_init_gpio_out(DEVICE(obj), s->line, QCOM_PDC_RESET_NUM);
}

static int pdc_reset_post_load(void *opaque, int version_id)
{
    QcomPdcResetState *s = opaque;

    return s->sync_reset & ~PDC_RESET_VALID_MASK ? -EINVAL : 0;
}

static const VMStateDescription pdc_reset_vmstate = {
    .name = "qcom-pdc-reset",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = pdc_reset_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(sync_reset, QcomPdcResetState),
        VMSTATE_END_OF_LIST()
    }
};

static void pdc_reset_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm PDC global resets";
    dc->vmsd = &pdc_reset_vmstate;
    rc->phases.enter = pdc_reset_reset_enter;
    rc->phases.exit = pdc_reset_reset_exit;
}

static const TypeInfo pdc_reset_types[] = {
    {
        .name = TYPE_QCOM_PDC_RESET,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomPdcResetState),
        .instance_init = pdc_reset_init,
        .class_init = pdc_reset_class_init,
    },
};

DEFINE_TYPES(pdc_reset_types)
