/*
 * Qualcomm TLMM: the top-level mode multiplexer (pins, GPIOs)
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Register fields as drivers/pinctrl/qcom/pinctrl-msm.c (6.1 to 7.2)
 * programs them for SoCs with 2-bit interrupt detection (SDM845,
 * SM8250): detection 0 level, 1 rising, 2 falling, 3 both edges, the
 * polarity bit high/rising; a written 0 acknowledges a status.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/irq.h"
#include "hw/misc/qcom-tlmm.h"
#include "hw/qdev-properties.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

FIELD(CTL, PULL, 0, 2)
FIELD(CTL, FUNC_SEL, 2, 4)
FIELD(CTL, OE, 9, 1)
FIELD(IO, IN, 0, 1)
FIELD(IO, OUT, 1, 1)
FIELD(INTR_CFG, ENABLE, 0, 1)
FIELD(INTR_CFG, POLARITY, 1, 1)
FIELD(INTR_CFG, DETECT, 2, 2)
FIELD(INTR_CFG, RAW_STATUS_EN, 4, 1)
FIELD(INTR_STATUS, STATUS, 0, 1)

#define TLMM_PULL_UP 3
#define TLMM_DETECT_LEVEL 0
#define TLMM_DETECT_RISING 1
#define TLMM_DETECT_FALLING 2

static uint32_t *tlmm_slot(QcomTlmmState *s, unsigned tile, unsigned slot)
{
    return &s->regs[(tile * QCOM_TLMM_PINS_PER_TILE + slot) *
                    QCOM_TLMM_NUM_REGS];
}

static uint32_t *tlmm_gpio(QcomTlmmState *s, unsigned n)
{
    return tlmm_slot(s, s->gpio_tiles[n], n);
}

static bool tlmm_level(QcomTlmmState *s, unsigned n)
{
    uint32_t *r = tlmm_gpio(s, n);

    if (FIELD_EX32(r[QCOM_TLMM_CTL], CTL, OE) &&
        !FIELD_EX32(r[QCOM_TLMM_CTL], CTL, FUNC_SEL)) {
        return FIELD_EX32(r[QCOM_TLMM_IO], IO, OUT);
    }
    if (s->driven[n]) {
        return s->driven[n] == 2;
    }
    return FIELD_EX32(r[QCOM_TLMM_CTL], CTL, PULL) == TLMM_PULL_UP;
}

static void tlmm_update_irq(QcomTlmmState *s)
{
    bool pending = false;

    for (unsigned n = 0; n < s->num_gpios && !pending; n++) {
        uint32_t *r = tlmm_gpio(s, n);

        pending = FIELD_EX32(r[QCOM_TLMM_INTR_CFG], INTR_CFG, ENABLE) &&
                  FIELD_EX32(r[QCOM_TLMM_INTR_STATUS], INTR_STATUS, STATUS);
    }
    qemu_set_irq(s->irq, pending);
}

/* The pin's level may have changed: latch what its interrupt detects */
static void tlmm_update(QcomTlmmState *s, unsigned n)
{
    uint32_t *r = tlmm_gpio(s, n);
    uint32_t cfg = r[QCOM_TLMM_INTR_CFG];
    bool level = tlmm_level(s, n), was = s->level[n];
    bool pol = FIELD_EX32(cfg, INTR_CFG, POLARITY);
    bool hit;

    switch (FIELD_EX32(cfg, INTR_CFG, DETECT)) {
    case TLMM_DETECT_LEVEL:
        hit = level == pol;
        break;
    case TLMM_DETECT_RISING:
        hit = level && !was;
        break;
    case TLMM_DETECT_FALLING:
        hit = !level && was;
        break;
    default:
        hit = level != was;
        break;
    }
    s->level[n] = level;
    if (hit && FIELD_EX32(cfg, INTR_CFG, RAW_STATUS_EN)) {
        trace_qcom_tlmm_interrupt(n, level);
        r[QCOM_TLMM_INTR_STATUS] |= R_INTR_STATUS_STATUS_MASK;
    }
    tlmm_update_irq(s);
}

/*
 * The slot and register of an offset; false (and a guest error) for an
 * offset of no register, or of a GPIO that lives in another tile.
 */
static bool tlmm_decode(QcomTlmmState *s, hwaddr addr, unsigned *tile,
                        unsigned *slot, unsigned *reg)
{
    for (unsigned t = 0; t < s->num_tiles; t++) {
        hwaddr base = s->tile_offsets[t];

        if (addr < base || addr >= base + QCOM_TLMM_TILE_SIZE) {
            continue;
        }
        *tile = t;
        *slot = (addr - base) / QCOM_TLMM_PIN_STRIDE;
        *reg = (addr % QCOM_TLMM_PIN_STRIDE) / 4;
        if (*reg < QCOM_TLMM_NUM_REGS &&
            (*slot >= s->num_gpios || s->gpio_tiles[*slot] == t)) {
            return true;
        }
        break;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "qcom-tlmm: no register at offset 0x%"
                  HWADDR_PRIx "\n", addr);
    return false;
}

static uint64_t tlmm_read(void *opaque, hwaddr addr, unsigned size)
{
    QcomTlmmState *s = opaque;
    unsigned tile, slot, reg;
    uint32_t v;

    if (!tlmm_decode(s, addr, &tile, &slot, &reg)) {
        return 0;
    }
    v = tlmm_slot(s, tile, slot)[reg];
    if (slot < s->num_gpios && reg == QCOM_TLMM_IO) {
        v = FIELD_DP32(v, IO, IN, tlmm_level(s, slot));
    }
    trace_qcom_tlmm_read(addr, v);
    return v;
}

static void tlmm_write(void *opaque, hwaddr addr, uint64_t value,
                       unsigned size)
{
    QcomTlmmState *s = opaque;
    unsigned tile, slot, reg;

    trace_qcom_tlmm_write(addr, value);
    if (!tlmm_decode(s, addr, &tile, &slot, &reg)) {
        return;
    }
    if (slot >= s->num_gpios) {
        tlmm_slot(s, tile, slot)[reg] = value;  /* another pin group */
        return;
    }
    switch (reg) {
    case QCOM_TLMM_IO:
        value = FIELD_DP32(value, IO, IN, 0);   /* the level in is derived */
        break;
    case QCOM_TLMM_INTR_STATUS:
        value &= R_INTR_STATUS_STATUS_MASK;
        break;
    }
    tlmm_gpio(s, slot)[reg] = value;
    tlmm_update(s, slot);
}

static const MemoryRegionOps tlmm_ops = {
    .read = tlmm_read,
    .write = tlmm_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

static void tlmm_set_pin(void *opaque, int n, int level)
{
    QcomTlmmState *s = opaque;

    s->driven[n] = level ? 2 : 1;
    tlmm_update(s, n);
}

static void tlmm_reset_hold(Object *obj, ResetType type)
{
    QcomTlmmState *s = QCOM_TLMM(obj);

    memset(s->regs, 0, sizeof(s->regs));
    for (unsigned n = 0; n < s->num_gpios; n++) {
        s->level[n] = tlmm_level(s, n);
    }
    tlmm_update_irq(s);
}

static void tlmm_realize(DeviceState *dev, Error **errp)
{
    QcomTlmmState *s = QCOM_TLMM(dev);

    if (!s->size || s->size % QCOM_TLMM_TILE_SIZE ||
        s->size > QCOM_TLMM_MAX_SIZE) {
        error_setg(errp, "qcom-tlmm: size 0x%" PRIx64 " is not 1..%d MiB "
                   "in whole MiB", s->size,
                   (int)(QCOM_TLMM_MAX_SIZE / QCOM_TLMM_TILE_SIZE));
        return;
    }
    if (!s->num_tiles || s->num_tiles > QCOM_TLMM_MAX_TILES) {
        error_setg(errp, "qcom-tlmm: tile-offsets needs 1..%d tiles",
                   QCOM_TLMM_MAX_TILES);
        return;
    }
    for (unsigned t = 0; t < s->num_tiles; t++) {
        if (s->tile_offsets[t] % QCOM_TLMM_TILE_SIZE ||
            s->tile_offsets[t] >= s->size) {
            error_setg(errp, "qcom-tlmm: tile offset 0x%x is not a MiB of "
                       "the block", s->tile_offsets[t]);
            return;
        }
    }
    if (!s->num_gpios || s->num_gpios > QCOM_TLMM_PINS_PER_TILE) {
        error_setg(errp, "qcom-tlmm: gpio-tiles needs 1..%d GPIOs",
                   QCOM_TLMM_PINS_PER_TILE);
        return;
    }
    for (unsigned n = 0; n < s->num_gpios; n++) {
        if (s->gpio_tiles[n] >= s->num_tiles) {
            error_setg(errp, "qcom-tlmm: GPIO %u is in tile %u of %u", n,
                       s->gpio_tiles[n], s->num_tiles);
            return;
        }
    }
    s->driven = g_new0(uint8_t, s->num_gpios);
    s->level = g_new0(uint8_t, s->num_gpios);
    memory_region_init_io(&s->iomem, OBJECT(s), &tlmm_ops, s, TYPE_QCOM_TLMM,
                          s->size);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->iomem);
    qdev_init_gpio_in(dev, tlmm_set_pin, s->num_gpios);
}

static void tlmm_unrealize(DeviceState *dev)
{
    QcomTlmmState *s = QCOM_TLMM(dev);

    g_free(s->driven);
    g_free(s->level);
}

static int tlmm_post_load(void *opaque, int version_id)
{
    QcomTlmmState *s = opaque;

    for (unsigned n = 0; n < s->num_gpios; n++) {
        if (s->driven[n] > 2) {
            return -EINVAL;
        }
    }
    return 0;
}

static const VMStateDescription tlmm_vmstate = {
    .name = TYPE_QCOM_TLMM,
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = tlmm_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(regs, QcomTlmmState,
                             QCOM_TLMM_MAX_TILES * QCOM_TLMM_PINS_PER_TILE *
                             QCOM_TLMM_NUM_REGS),
        VMSTATE_VARRAY_UINT32(driven, QcomTlmmState, num_gpios, 0,
                              vmstate_info_uint8, uint8_t),
        VMSTATE_VARRAY_UINT32(level, QcomTlmmState, num_gpios, 0,
                              vmstate_info_uint8, uint8_t),
        VMSTATE_END_OF_LIST()
    }
};

static void tlmm_init(Object *obj)
{
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &QCOM_TLMM(obj)->irq);
}

static const Property tlmm_properties[] = {
    DEFINE_PROP_UINT64("size", QcomTlmmState, size, 0),
    DEFINE_PROP_ARRAY("tile-offsets", QcomTlmmState, num_tiles, tile_offsets,
                      qdev_prop_uint32, uint32_t),
    DEFINE_PROP_ARRAY("gpio-tiles", QcomTlmmState, num_gpios, gpio_tiles,
                      qdev_prop_uint8, uint8_t),
};

static void tlmm_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm TLMM pin controller";
    dc->realize = tlmm_realize;
    dc->unrealize = tlmm_unrealize;
    dc->vmsd = &tlmm_vmstate;
    rc->phases.hold = tlmm_reset_hold;
    device_class_set_props(dc, tlmm_properties);
}

static const TypeInfo tlmm_types[] = {
    {
        .name = TYPE_QCOM_TLMM,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomTlmmState),
        .instance_init = tlmm_init,
        .class_init = tlmm_class_init,
    },
};

DEFINE_TYPES(tlmm_types)
