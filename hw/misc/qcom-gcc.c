/*
 * Qualcomm global clock controller (GCC) (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The kinds of register and their status bits are described in
 * include/hw/misc/qcom-gcc.h; docs/devel/qcom-platform.rst says which
 * Linux driver waits for which.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/misc/qcom-gcc.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

FIELD(CBCR, CLK_ENABLE, 0, 1)
FIELD(CBCR, CLK_OFF, 31, 1)
FIELD(CMD_RCGR, UPDATE, 0, 1)
FIELD(CMD_RCGR, ROOT_OFF, 31, 1)
FIELD(PLL_MODE, RESET_N, 2, 1)
FIELD(PLL_MODE, FSM_ENA, 20, 1)
FIELD(PLL_MODE, ACTIVE, 30, 1)
FIELD(PLL_MODE, LOCK_DET, 31, 1)
FIELD(PLL_OPMODE, RUN, 0, 1)
FIELD(GDSCR, SW_COLLAPSE, 0, 1)
FIELD(GDSCR, PWR_ON, 31, 1)
FIELD(CFG_GDSCR, POWER_DOWN_COMPLETE, 15, 1)
FIELD(CFG_GDSCR, POWER_UP_COMPLETE, 16, 1)

#define PLL_FABIA_OPMODE 0x2c
#define PLL_LUCID_OPMODE 0x38

static const QcomGccDesc *gcc_desc(QcomGccState *s)
{
    return QCOM_GCC_GET_CLASS(s)->desc;
}

static int gcc_reg_cmp(const void *key, const void *elt)
{
    uint32_t offset = *(const uint32_t *)key;
    const QcomGccReg *r = elt;

    return offset < r->offset ? -1 : offset > r->offset;
}

static const QcomGccReg *gcc_find(QcomGccState *s, uint32_t offset)
{
    const QcomGccDesc *d = gcc_desc(s);

    return bsearch(&offset, d->regs, d->num_regs, sizeof(*d->regs),
                   gcc_reg_cmp);
}

static bool gcc_voted(QcomGccState *s, const QcomGccReg *r)
{
    return r->vote_reg && (s->regs[r->vote_reg / 4] & BIT(r->vote_bit));
}

/* Where a PLL's OPMODE is, from its MODE register */
static uint32_t gcc_pll_opmode(const QcomGccReg *r)
{
    return r->kind == QCOM_GCC_KIND_PLL_LUCID ? PLL_LUCID_OPMODE
                                              : PLL_FABIA_OPMODE;
}

static uint32_t gcc_status(QcomGccState *s, const QcomGccReg *r, uint32_t v)
{
    bool on;

    switch (r->kind) {
    case QCOM_GCC_KIND_CBCR:
        on = FIELD_EX32(v, CBCR, CLK_ENABLE) || gcc_voted(s, r);
        return FIELD_DP32(v, CBCR, CLK_OFF, !on);
    case QCOM_GCC_KIND_RCG:
        return FIELD_DP32(v, CMD_RCGR, ROOT_OFF, 0);
    case QCOM_GCC_KIND_PLL:
    case QCOM_GCC_KIND_PLL_LUCID:
        if (FIELD_EX32(v, PLL_MODE, FSM_ENA)) {
            on = gcc_voted(s, r);
        } else {
            on = FIELD_EX32(v, PLL_MODE, RESET_N) &&
                 FIELD_EX32(s->regs[(r->offset + gcc_pll_opmode(r)) / 4],
                            PLL_OPMODE, RUN);
        }
        v = FIELD_DP32(v, PLL_MODE, ACTIVE, on);
        return FIELD_DP32(v, PLL_MODE, LOCK_DET, on);
    case QCOM_GCC_KIND_GDSC:
        on = !FIELD_EX32(v, GDSCR, SW_COLLAPSE);
        return FIELD_DP32(v, GDSCR, PWR_ON, on);
    case QCOM_GCC_KIND_GDSC_CFG:
        on = !FIELD_EX32(s->regs[(r->offset - 4) / 4], GDSCR, SW_COLLAPSE);
        v = FIELD_DP32(v, CFG_GDSCR, POWER_UP_COMPLETE, on);
        return FIELD_DP32(v, CFG_GDSCR, POWER_DOWN_COMPLETE, !on);
    case QCOM_GCC_KIND_GDS_HW_CTRL:
        on = !FIELD_EX32(s->regs[r->gdscr / 4], GDSCR, SW_COLLAPSE);
        return FIELD_DP32(v, GDSCR, PWR_ON, on);
    }
    g_assert_not_reached();
}

static uint64_t gcc_read(void *opaque, hwaddr addr, unsigned size)
{
    QcomGccState *s = opaque;
    const QcomGccReg *r = gcc_find(s, addr);
    uint32_t v = s->regs[addr / 4];

    if (r) {
        v = gcc_status(s, r, v);
    }
    trace_qcom_gcc_read(addr, v);
    return v;
}

static void gcc_write(void *opaque, hwaddr addr, uint64_t value,
                      unsigned size)
{
    QcomGccState *s = opaque;
    const QcomGccReg *r = gcc_find(s, addr);

    trace_qcom_gcc_write(addr, value);
    if (r && r->kind == QCOM_GCC_KIND_RCG &&
        FIELD_EX32(value, CMD_RCGR, UPDATE)) {
        /* the new configuration is taken at once */
        trace_qcom_gcc_rcg_update(addr, s->regs[addr / 4 + 1]);
        value = FIELD_DP32(value, CMD_RCGR, UPDATE, 0);
    }
    s->regs[addr / 4] = value;
}

static const MemoryRegionOps gcc_ops = {
    .read = gcc_read,
    .write = gcc_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

static void gcc_reset_hold(Object *obj, ResetType type)
{
    QcomGccState *s = QCOM_GCC(obj);
    const QcomGccDesc *d = gcc_desc(s);

    memset(s->regs, 0, s->num_words * sizeof(*s->regs));
    for (unsigned i = 0; i < d->num_reset; i++) {
        s->regs[d->reset[i].offset / 4] = d->reset[i].value;
    }
}

static void gcc_realize(DeviceState *dev, Error **errp)
{
    QcomGccState *s = QCOM_GCC(dev);
    const QcomGccDesc *d = gcc_desc(s);

    for (unsigned i = 0; i < d->num_regs; i++) {
        const QcomGccReg *r = &d->regs[i];
        /* the other registers a kind's status or trace reads */
        uint32_t lo = r->kind == QCOM_GCC_KIND_GDSC_CFG ? 4 : 0;
        uint32_t hi = r->kind == QCOM_GCC_KIND_PLL ||
                      r->kind == QCOM_GCC_KIND_PLL_LUCID ? gcc_pll_opmode(r) :
                      r->kind == QCOM_GCC_KIND_RCG ? 4 : 0;

        if (r->offset < lo || r->offset + hi >= d->size || r->offset % 4 ||
            r->vote_reg >= d->size || r->vote_reg % 4 ||
            (i && r->offset <= d->regs[i - 1].offset)) {
            error_setg(errp, "%s: register table not sorted or out of range "
                       "at 0x%x", object_get_typename(OBJECT(s)), r->offset);
            return;
        }
    }
    for (unsigned i = 0; i < d->num_reset; i++) {
        if (d->reset[i].offset >= d->size || d->reset[i].offset % 4) {
            error_setg(errp, "%s: reset value out of range at 0x%x",
                       object_get_typename(OBJECT(s)), d->reset[i].offset);
            return;
        }
    }
    s->num_words = d->size / 4;
    s->regs = g_new0(uint32_t, s->num_words);
    memory_region_init_io(&s->iomem, OBJECT(s), &gcc_ops, s,
                          object_get_typename(OBJECT(s)), d->size);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->iomem);
}

static void gcc_unrealize(DeviceState *dev)
{
    g_free(QCOM_GCC(dev)->regs);
}

static const VMStateDescription gcc_vmstate = {
    .name = TYPE_QCOM_GCC,
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_VARRAY_UINT32(regs, QcomGccState, num_words, 0,
                              vmstate_info_uint32, uint32_t),
        VMSTATE_END_OF_LIST()
    }
};

static void gcc_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm global clock controller";
    dc->realize = gcc_realize;
    dc->unrealize = gcc_unrealize;
    dc->vmsd = &gcc_vmstate;
    rc->phases.hold = gcc_reset_hold;
}

static const TypeInfo gcc_types[] = {
    {
        .name = TYPE_QCOM_GCC,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomGccState),
        .class_size = sizeof(QcomGccClass),
        .class_init = gcc_class_init,
        .abstract = true,
    },
};

DEFINE_TYPES(gcc_types)
