/*
 * Qualcomm PDC: the power domain controller's wake-up interrupt router
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Registers as drivers/irqchip/qcom-pdc.c (6.1 to 7.2) uses them on
 * PDCs before version 3.2.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/intc/qcom-pdc.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

REG32(IRQ_ENABLE_BANK, 0x010)
REG32(IRQ_CFG, 0x110)
    FIELD(IRQ_CFG, TYPE, 0, 3)
REG32(VERSION, 0x1000)

enum {
    PDC_LEVEL_LOW = 0,
    PDC_EDGE_FALLING = 2,
    PDC_LEVEL_HIGH = 4,
    PDC_EDGE_RISING = 6,
    PDC_EDGE_DUAL = 7,
};

static bool pdc_enabled(QcomPdcState *s, unsigned pin)
{
    return s->enable[pin / 32] & BIT(pin % 32);
}

/*
 * Levels are forwarded as they are; edges are pulsed when they happen.
 * A pin no device has driven is inactive whatever its type, as a wake
 * source behind its pull would be: a level-low pin does not assert.
 */
static void pdc_update_level(QcomPdcState *s, unsigned pin)
{
    unsigned type = FIELD_EX32(s->cfg[pin], IRQ_CFG, TYPE);
    bool level = false;

    if (type == PDC_LEVEL_HIGH) {
        level = s->in[pin];
    } else if (type == PDC_LEVEL_LOW) {
        level = s->driven[pin] && !s->in[pin];
    }
    qemu_set_irq(s->out[pin], pdc_enabled(s, pin) && level);
}

static void pdc_update_range(QcomPdcState *s, unsigned first, unsigned n)
{
    for (unsigned pin = first; pin < MIN(first + n, s->num_pins); pin++) {
        pdc_update_level(s, pin);
    }
}

static void pdc_set_pin(void *opaque, int pin, int level)
{
    QcomPdcState *s = opaque;
    unsigned type = FIELD_EX32(s->cfg[pin], IRQ_CFG, TYPE);
    bool was = s->in[pin], was_driven = s->driven[pin];

    s->in[pin] = level != 0;
    s->driven[pin] = true;
    if (was == s->in[pin] && was_driven) {
        return;
    }
    trace_qcom_pdc_pin(pin, level);
    if (type == PDC_LEVEL_HIGH || type == PDC_LEVEL_LOW) {
        pdc_update_level(s, pin);
    } else if (pdc_enabled(s, pin) &&
               (type == PDC_EDGE_DUAL ||
                (type == PDC_EDGE_RISING && level) ||
                (type == PDC_EDGE_FALLING && !level))) {
        qemu_irq_pulse(s->out[pin]);
    }
}

static bool pdc_decode(QcomPdcState *s, hwaddr addr, uint32_t **reg)
{
    if (addr >= A_IRQ_ENABLE_BANK &&
        addr < A_IRQ_ENABLE_BANK + DIV_ROUND_UP(s->num_pins, 32) * 4) {
        *reg = &s->enable[(addr - A_IRQ_ENABLE_BANK) / 4];
        return true;
    }
    if (addr >= A_IRQ_CFG && addr < A_IRQ_CFG + s->num_pins * 4) {
        *reg = &s->cfg[(addr - A_IRQ_CFG) / 4];
        return true;
    }
    return false;
}

static uint64_t pdc_read(void *opaque, hwaddr addr, unsigned size)
{
    QcomPdcState *s = opaque;
    uint32_t *reg;

    if (pdc_decode(s, addr, &reg)) {
        return *reg;
    }
    if (addr != A_VERSION) {
        qemu_log_mask(LOG_UNIMP, "qcom-pdc: read of unmodelled register 0x%"
                      HWADDR_PRIx "\n", addr);
    }
    return 0;
}

static void pdc_write(void *opaque, hwaddr addr, uint64_t value,
                      unsigned size)
{
    QcomPdcState *s = opaque;
    uint32_t *reg;

    trace_qcom_pdc_write(addr, value);
    if (!pdc_decode(s, addr, &reg)) {
        qemu_log_mask(LOG_UNIMP, "qcom-pdc: write of unmodelled register 0x%"
                      HWADDR_PRIx " (0x%" PRIx64 ")\n", addr, value);
        return;
    }
    *reg = value;
    if (reg >= s->cfg) {
        pdc_update_level(s, reg - s->cfg);
    } else {
        pdc_update_range(s, (reg - s->enable) * 32, 32);
    }
}

static const MemoryRegionOps pdc_ops = {
    .read = pdc_read,
    .write = pdc_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

static void pdc_reset_hold(Object *obj, ResetType type)
{
    QcomPdcState *s = QCOM_PDC(obj);

    memset(s->enable, 0, sizeof(s->enable));
    memset(s->cfg, 0, sizeof(s->cfg));
}

static void pdc_reset_exit(Object *obj, ResetType type)
{
    pdc_update_range(QCOM_PDC(obj), 0, QCOM_PDC_MAX_PINS);
}

static void pdc_realize(DeviceState *dev, Error **errp)
{
    QcomPdcState *s = QCOM_PDC(dev);

    if (!s->num_pins || s->num_pins > QCOM_PDC_MAX_PINS) {
        error_setg(errp, "qcom-pdc: num-pins must be 1..%d, not %u",
                   QCOM_PDC_MAX_PINS, s->num_pins);
        return;
    }
    qdev_init_gpio_in(dev, pdc_set_pin, s->num_pins);
    qdev_init_gpio_out(dev, s->out, s->num_pins);
}

static const VMStateDescription pdc_vmstate = {
    .name = TYPE_QCOM_PDC,
    .version_id = 2,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(enable, QcomPdcState, QCOM_PDC_MAX_PINS / 32),
        VMSTATE_UINT32_ARRAY(cfg, QcomPdcState, QCOM_PDC_MAX_PINS),
        VMSTATE_UINT8_ARRAY(in, QcomPdcState, QCOM_PDC_MAX_PINS),
        VMSTATE_UINT8_ARRAY(driven, QcomPdcState, QCOM_PDC_MAX_PINS),
        VMSTATE_END_OF_LIST()
    }
};

static void pdc_init(Object *obj)
{
    QcomPdcState *s = QCOM_PDC(obj);

    memory_region_init_io(&s->iomem, obj, &pdc_ops, s, TYPE_QCOM_PDC,
                          QCOM_PDC_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
}

static const Property pdc_properties[] = {
    DEFINE_PROP_UINT32("num-pins", QcomPdcState, num_pins, 128),
};

static void pdc_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm PDC wake-up interrupt router";
    dc->realize = pdc_realize;
    dc->vmsd = &pdc_vmstate;
    rc->phases.hold = pdc_reset_hold;
    rc->phases.exit = pdc_reset_exit;
    device_class_set_props(dc, pdc_properties);
}

static const TypeInfo pdc_types[] = {
    {
        .name = TYPE_QCOM_PDC,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomPdcState),
        .instance_init = pdc_init,
        .class_init = pdc_class_init,
    },
};

DEFINE_TYPES(pdc_types)
