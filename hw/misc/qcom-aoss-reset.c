/*
 * Qualcomm AOSS clock controller resets (qcom,sdm845-aoss-cc)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Offsets as drivers/reset/reset-qcom-aoss.c (6.1) lists them for SDM845.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/irq.h"
#include "hw/misc/qcom-aoss-reset.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

REG32(MSS_RESTART, 0x10000)
REG32(CAMSS_RESTART, 0x11000)
REG32(VENUS_RESTART, 0x12000)
REG32(GPU_RESTART, 0x13000)
REG32(DISPSS_RESTART, 0x14000)
REG32(WCSS_RESTART, 0x20000)
REG32(LPASS_RESTART, 0x30000)
    FIELD(RESTART, ASSERT, 0, 1)

static const hwaddr aoss_reset_offset[QCOM_AOSS_RESET_NUM] = {
    [QCOM_AOSS_RESET_MSS] = A_MSS_RESTART,
    [QCOM_AOSS_RESET_CAMSS] = A_CAMSS_RESTART,
    [QCOM_AOSS_RESET_VENUS] = A_VENUS_RESTART,
    [QCOM_AOSS_RESET_GPU] = A_GPU_RESTART,
    [QCOM_AOSS_RESET_DISPSS] = A_DISPSS_RESTART,
    [QCOM_AOSS_RESET_WCSS] = A_WCSS_RESTART,
    [QCOM_AOSS_RESET_LPASS] = A_LPASS_RESTART,
};

static int aoss_reset_index(hwaddr offset)
{
    for (int i = 0; i < QCOM_AOSS_RESET_NUM; i++) {
        if (aoss_reset_offset[i] == offset) {
            return i;
        }
    }
    return -1;
}

static uint64_t aoss_reset_read(void *opaque, hwaddr offset, unsigned size)
{
    QcomAossResetState *s = opaque;
    int i = aoss_reset_index(offset);

    if (i < 0) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-aoss-reset: read of unknown "
                      "offset 0x%" HWADDR_PRIx "\n", offset);
        return 0;
    }
    return s->reg[i];
}

static void aoss_reset_write(void *opaque, hwaddr offset, uint64_t value,
                             unsigned size)
{
    QcomAossResetState *s = opaque;
    int i = aoss_reset_index(offset);

    if (i < 0) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-aoss-reset: write of 0x%" PRIx64
                      " to unknown offset 0x%" HWADDR_PRIx "\n",
                      value, offset);
        return;
    }
    if (value & ~R_RESTART_ASSERT_MASK) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-aoss-reset: bits 0x%" PRIx64
                      " of reset %d are reserved; ignored\n",
                      value & ~(uint64_t)R_RESTART_ASSERT_MASK, i);
    }
    s->reg[i] = value & R_RESTART_ASSERT_MASK;
    trace_qcom_aoss_reset(i, s->reg[i]);
    qemu_set_irq(s->line[i], s->reg[i]);
}

static const MemoryRegionOps aoss_reset_ops = {
    .read = aoss_reset_read,
    .write = aoss_reset_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
};

static void aoss_reset_reset_enter(Object *obj, ResetType type)
{
    QcomAossResetState *s = QCOM_AOSS_RESET(obj);

    memset(s->reg, 0, sizeof(s->reg));
}

static void aoss_reset_reset_exit(Object *obj, ResetType type)
{
    QcomAossResetState *s = QCOM_AOSS_RESET(obj);

    for (int i = 0; i < QCOM_AOSS_RESET_NUM; i++) {
        qemu_set_irq(s->line[i], 0);
    }
}

static void aoss_reset_init(Object *obj)
{
    QcomAossResetState *s = QCOM_AOSS_RESET(obj);

    memory_region_init_io(&s->iomem, obj, &aoss_reset_ops, s,
                          "qcom-aoss-reset", QCOM_AOSS_RESET_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    qdev_init_gpio_out(DEVICE(obj), s->line, QCOM_AOSS_RESET_NUM);
}

static int aoss_reset_post_load(void *opaque, int version_id)
{
    QcomAossResetState *s = opaque;

    for (int i = 0; i < QCOM_AOSS_RESET_NUM; i++) {
        if (s->reg[i] & ~R_RESTART_ASSERT_MASK) {
            return -EINVAL;
        }
    }
    return 0;
}

static const VMStateDescription aoss_reset_vmstate = {
    .name = "qcom-aoss-reset",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = aoss_reset_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(reg, QcomAossResetState, QCOM_AOSS_RESET_NUM),
        VMSTATE_END_OF_LIST()
    }
};

static void aoss_reset_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm AOSS clock controller resets";
    dc->vmsd = &aoss_reset_vmstate;
    rc->phases.enter = aoss_reset_reset_enter;
    rc->phases.exit = aoss_reset_reset_exit;
}

static const TypeInfo aoss_reset_types[] = {
    {
        .name = TYPE_QCOM_AOSS_RESET,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomAossResetState),
        .instance_init = aoss_reset_init,
        .class_init = aoss_reset_class_init,
    },
};

DEFINE_TYPES(aoss_reset_types)
