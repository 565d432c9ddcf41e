/*
 * Arm generic timer, memory-mapped: CNTCTLBase and one CNTBase frame
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Register layout and access control as the Arm ARM (I5.7, "Generic
 * Timer memory-mapped register descriptions") gives them, for frame 0.
 * CNTACR0 decides what frame 0 lets software see; a denied access reads
 * as zero and is ignored, as the architecture requires.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "hw/registerfields.h"
#include "hw/timer/arm-generic-timer-mmio.h"
#include "migration/vmstate.h"
#include "trace.h"

/* CNTCTLBase */
REG32(CNTFRQ, 0x000)
REG32(CNTNSAR, 0x004)
REG32(CNTTIDR, 0x008)
REG32(CNTACR0, 0x040)
    FIELD(CNTACR0, RPCT, 0, 1)
    FIELD(CNTACR0, RVCT, 1, 1)
    FIELD(CNTACR0, RFRQ, 2, 1)
    FIELD(CNTACR0, RVOFF, 3, 1)
    FIELD(CNTACR0, RWVT, 4, 1)
    FIELD(CNTACR0, RWPT, 5, 1)
REG32(CNTVOFF0_LO, 0x080)
REG32(CNTVOFF0_HI, 0x084)

/* CNTBase0 */
REG32(CNTPCT_LO, 0x000)
REG32(CNTPCT_HI, 0x004)
REG32(CNTVCT_LO, 0x008)
REG32(CNTVCT_HI, 0x00c)
REG32(FRAME_CNTFRQ, 0x010)
REG32(CNTEL0ACR, 0x014)
REG32(CNTVOFF_LO, 0x018)
REG32(CNTVOFF_HI, 0x01c)
REG32(CNTP_CVAL_LO, 0x020)
REG32(CNTP_CVAL_HI, 0x024)
REG32(CNTP_TVAL, 0x028)
REG32(CNTP_CTL, 0x02c)
REG32(CNTV_CVAL_LO, 0x030)
REG32(CNTV_CVAL_HI, 0x034)
REG32(CNTV_TVAL, 0x038)
REG32(CNTV_CTL, 0x03c)

FIELD(CNT_CTL, ENABLE, 0, 1)
FIELD(CNT_CTL, IMASK, 1, 1)
FIELD(CNT_CTL, ISTATUS, 2, 1)

/* frame 0 implemented, with a virtual timer */
#define GTMMIO_CNTTIDR 0x3
#define GTMMIO_CNTACR_MASK 0x3f

static uint64_t gtmmio_period_ns(ArmGenericTimerMmioState *s)
{
    return NANOSECONDS_PER_SECOND / s->cntfrq;
}

static uint64_t gtmmio_count(ArmGenericTimerMmioState *s)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) / gtmmio_period_ns(s);
}

/* The count a timer compares with: the virtual one is offset */
static uint64_t gtmmio_timer_count(ArmGenericTimerMmioState *s, int n)
{
    return gtmmio_count(s) - (n == ARM_GTMMIO_VIRT ? s->cntvoff : 0);
}

static void gtmmio_update(ArmGenericTimerMmioState *s, int n)
{
    ArmGenericTimerMmioTimer *t = &s->t[n];
    uint64_t offset = n == ARM_GTMMIO_VIRT ? s->cntvoff : 0;
    bool enabled = FIELD_EX32(t->ctl, CNT_CTL, ENABLE);
    bool met = enabled && gtmmio_timer_count(s, n) >= t->cval;
    uint64_t when;

    t->ctl = FIELD_DP32(t->ctl, CNT_CTL, ISTATUS, met);
    qemu_set_irq(t->irq, met && !FIELD_EX32(t->ctl, CNT_CTL, IMASK));
    trace_arm_gtmmio_update(n, t->ctl, t->cval);
    if (!enabled || met ||
        uadd64_overflow(t->cval, offset, &when) ||
        umul64_overflow(when, gtmmio_period_ns(s), &when) ||
        when > INT64_MAX) {
        timer_del(t->timer);
        return;
    }
    timer_mod(t->timer, when);
}

static void gtmmio_tick_phys(void *opaque)
{
    gtmmio_update(opaque, ARM_GTMMIO_PHYS);
}

static void gtmmio_tick_virt(void *opaque)
{
    gtmmio_update(opaque, ARM_GTMMIO_VIRT);
}

/* A 64-bit register seen through an access at addr of size bytes */
static uint64_t gtmmio_part(uint64_t reg, hwaddr addr, unsigned size)
{
    return size == 8 ? reg : extract64(reg, (addr & 4) * 8, 32);
}

static uint64_t gtmmio_merge(uint64_t reg, hwaddr addr, unsigned size,
                             uint64_t value)
{
    return size == 8 ? value : deposit64(reg, (addr & 4) * 8, 32, value);
}

static bool gtmmio_allowed(ArmGenericTimerMmioState *s, uint32_t mask,
                           hwaddr addr)
{
    if (s->cntacr & mask) {
        return true;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "arm-generic-timer-mmio: CNTBase0 offset "
                  "0x%" HWADDR_PRIx " denied by CNTACR0 0x%x\n", addr,
                  s->cntacr);
    return false;
}

static uint64_t gtmmio_ctl_read(void *opaque, hwaddr addr, unsigned size)
{
    ArmGenericTimerMmioState *s = opaque;
    uint64_t r = 0;

    switch (addr & ~3) {
    case A_CNTFRQ:
        r = s->cntfrq;
        break;
    case A_CNTTIDR:
        r = GTMMIO_CNTTIDR;
        break;
    case A_CNTACR0:
        r = s->cntacr;
        break;
    case A_CNTVOFF0_LO:
    case A_CNTVOFF0_HI:
        r = gtmmio_part(s->cntvoff, addr, size);
        break;
    case A_CNTNSAR:             /* secure only: RAZ for the non-secure */
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "arm-generic-timer-mmio: read of "
                      "reserved CNTCTLBase offset 0x%" HWADDR_PRIx "\n",
                      addr);
        break;
    }
    trace_arm_gtmmio_read("ctl", addr, r);
    return r;
}

static void gtmmio_ctl_write(void *opaque, hwaddr addr, uint64_t value,
                             unsigned size)
{
    ArmGenericTimerMmioState *s = opaque;

    trace_arm_gtmmio_write("ctl", addr, value);
    switch (addr & ~3) {
    case A_CNTACR0:
        s->cntacr = value & GTMMIO_CNTACR_MASK;
        break;
    case A_CNTVOFF0_LO:
    case A_CNTVOFF0_HI:
        s->cntvoff = gtmmio_merge(s->cntvoff, addr, size, value);
        gtmmio_update(s, ARM_GTMMIO_VIRT);
        break;
    case A_CNTFRQ:              /* fixed by the board */
    case A_CNTNSAR:             /* secure only */
    case A_CNTTIDR:
        qemu_log_mask(LOG_GUEST_ERROR, "arm-generic-timer-mmio: write of "
                      "read-only CNTCTLBase offset 0x%" HWADDR_PRIx "\n",
                      addr);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "arm-generic-timer-mmio: write of "
                      "reserved CNTCTLBase offset 0x%" HWADDR_PRIx "\n",
                      addr);
        break;
    }
}

static uint64_t gtmmio_read(void *opaque, hwaddr addr, unsigned size)
{
    ArmGenericTimerMmioState *s = opaque;
    int n = addr >= A_CNTV_CVAL_LO ? ARM_GTMMIO_VIRT : ARM_GTMMIO_PHYS;
    ArmGenericTimerMmioTimer *t = &s->t[n];
    uint32_t need = n == ARM_GTMMIO_VIRT ? R_CNTACR0_RWVT_MASK :
                                           R_CNTACR0_RWPT_MASK;
    uint64_t r = 0;

    switch (addr & ~3) {
    case A_CNTPCT_LO:
    case A_CNTPCT_HI:
        if (gtmmio_allowed(s, R_CNTACR0_RPCT_MASK, addr)) {
            r = gtmmio_part(gtmmio_count(s), addr, size);
        }
        break;
    case A_CNTVCT_LO:
    case A_CNTVCT_HI:
        if (gtmmio_allowed(s, R_CNTACR0_RVCT_MASK, addr)) {
            r = gtmmio_part(gtmmio_count(s) - s->cntvoff, addr, size);
        }
        break;
    case A_FRAME_CNTFRQ:
        if (gtmmio_allowed(s, R_CNTACR0_RFRQ_MASK, addr)) {
            r = s->cntfrq;
        }
        break;
    case A_CNTEL0ACR:
        r = s->cntel0acr;
        break;
    case A_CNTVOFF_LO:
    case A_CNTVOFF_HI:
        if (gtmmio_allowed(s, R_CNTACR0_RVOFF_MASK, addr)) {
            r = gtmmio_part(s->cntvoff, addr, size);
        }
        break;
    case A_CNTP_CVAL_LO:
    case A_CNTP_CVAL_HI:
    case A_CNTV_CVAL_LO:
    case A_CNTV_CVAL_HI:
        if (gtmmio_allowed(s, need, addr)) {
            r = gtmmio_part(t->cval, addr, size);
        }
        break;
    case A_CNTP_TVAL:
    case A_CNTV_TVAL:
        if (gtmmio_allowed(s, need, addr)) {
            r = (uint32_t)(t->cval - gtmmio_timer_count(s, n));
        }
        break;
    case A_CNTP_CTL:
    case A_CNTV_CTL:
        if (gtmmio_allowed(s, need, addr)) {
            gtmmio_update(s, n);
            r = t->ctl;
        }
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "arm-generic-timer-mmio: read of "
                      "reserved CNTBase0 offset 0x%" HWADDR_PRIx "\n", addr);
        break;
    }
    trace_arm_gtmmio_read("frame0", addr, r);
    return r;
}

static void gtmmio_write(void *opaque, hwaddr addr, uint64_t value,
                         unsigned size)
{
    ArmGenericTimerMmioState *s = opaque;
    int n = addr >= A_CNTV_CVAL_LO ? ARM_GTMMIO_VIRT : ARM_GTMMIO_PHYS;
    ArmGenericTimerMmioTimer *t = &s->t[n];
    uint32_t need = n == ARM_GTMMIO_VIRT ? R_CNTACR0_RWVT_MASK :
                                           R_CNTACR0_RWPT_MASK;

    trace_arm_gtmmio_write("frame0", addr, value);
    switch (addr & ~3) {
    case A_CNTEL0ACR:
        s->cntel0acr = value & 0x303;
        return;
    case A_CNTP_CVAL_LO:
    case A_CNTP_CVAL_HI:
    case A_CNTV_CVAL_LO:
    case A_CNTV_CVAL_HI:
        if (gtmmio_allowed(s, need, addr)) {
            t->cval = gtmmio_merge(t->cval, addr, size, value);
        }
        break;
    case A_CNTP_TVAL:
    case A_CNTV_TVAL:
        if (gtmmio_allowed(s, need, addr)) {
            t->cval = gtmmio_timer_count(s, n) + sextract64(value, 0, 32);
        }
        break;
    case A_CNTP_CTL:
    case A_CNTV_CTL:
        if (gtmmio_allowed(s, need, addr)) {
            t->ctl = value & (R_CNT_CTL_ENABLE_MASK | R_CNT_CTL_IMASK_MASK);
        }
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "arm-generic-timer-mmio: write of "
                      "read-only or reserved CNTBase0 offset 0x%" HWADDR_PRIx
                      "\n", addr);
        return;
    }
    gtmmio_update(s, n);
}

static const MemoryRegionOps gtmmio_ctl_ops = {
    .read = gtmmio_ctl_read,
    .write = gtmmio_ctl_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
    /* a 64-bit access is one: CNTVOFF0 never holds half of each value */
    .impl = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
};

static const MemoryRegionOps gtmmio_ops = {
    .read = gtmmio_read,
    .write = gtmmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
    /* a 64-bit access is one: CVAL never holds half of each value */
    .impl = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
};

static void gtmmio_reset_hold(Object *obj, ResetType type)
{
    ArmGenericTimerMmioState *s = ARM_GENERIC_TIMER_MMIO(obj);

    s->cntacr = 0;
    s->cntel0acr = 0;
    s->cntvoff = 0;
    for (int n = 0; n < ARM_GTMMIO_NUM_TIMERS; n++) {
        s->t[n].ctl = 0;
        s->t[n].cval = 0;
        gtmmio_update(s, n);
    }
}

static const VMStateDescription gtmmio_timer_vmstate = {
    .name = "arm-generic-timer-mmio/timer",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_TIMER_PTR(timer, ArmGenericTimerMmioTimer),
        VMSTATE_UINT64(cval, ArmGenericTimerMmioTimer),
        VMSTATE_UINT32(ctl, ArmGenericTimerMmioTimer),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription gtmmio_vmstate = {
    .name = TYPE_ARM_GENERIC_TIMER_MMIO,
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT_ARRAY(t, ArmGenericTimerMmioState,
                             ARM_GTMMIO_NUM_TIMERS, 1, gtmmio_timer_vmstate,
                             ArmGenericTimerMmioTimer),
        VMSTATE_UINT32(cntacr, ArmGenericTimerMmioState),
        VMSTATE_UINT32(cntel0acr, ArmGenericTimerMmioState),
        VMSTATE_UINT64(cntvoff, ArmGenericTimerMmioState),
        VMSTATE_END_OF_LIST()
    }
};

static void gtmmio_realize(DeviceState *dev, Error **errp)
{
    ArmGenericTimerMmioState *s = ARM_GENERIC_TIMER_MMIO(dev);

    if (!s->cntfrq || s->cntfrq > NANOSECONDS_PER_SECOND) {
        error_setg(errp, "arm-generic-timer-mmio: cntfrq must be 1 Hz .. "
                   "1 GHz, not %u", s->cntfrq);
        return;
    }
    s->t[ARM_GTMMIO_PHYS].timer = timer_new_ns(QEMU_CLOCK_VIRTUAL,
                                               gtmmio_tick_phys, s);
    s->t[ARM_GTMMIO_VIRT].timer = timer_new_ns(QEMU_CLOCK_VIRTUAL,
                                               gtmmio_tick_virt, s);
}

static void gtmmio_init(Object *obj)
{
    ArmGenericTimerMmioState *s = ARM_GENERIC_TIMER_MMIO(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&s->ctlbase, obj, &gtmmio_ctl_ops, s,
                          "arm-generic-timer-mmio.ctlbase",
                          ARM_GTMMIO_FRAME_SIZE);
    memory_region_init_io(&s->base, obj, &gtmmio_ops, s,
                          "arm-generic-timer-mmio.base0",
                          ARM_GTMMIO_FRAME_SIZE);
    sysbus_init_mmio(sbd, &s->ctlbase);
    sysbus_init_mmio(sbd, &s->base);
    for (int n = 0; n < ARM_GTMMIO_NUM_TIMERS; n++) {
        sysbus_init_irq(sbd, &s->t[n].irq);
    }
}

static const Property gtmmio_properties[] = {
    DEFINE_PROP_UINT32("cntfrq", ArmGenericTimerMmioState, cntfrq, 62500000),
};

static void gtmmio_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Arm generic timer, memory-mapped (CNTCTLBase, CNTBase0)";
    dc->realize = gtmmio_realize;
    dc->vmsd = &gtmmio_vmstate;
    rc->phases.hold = gtmmio_reset_hold;
    device_class_set_props(dc, gtmmio_properties);
}

static const TypeInfo gtmmio_types[] = {
    {
        .name = TYPE_ARM_GENERIC_TIMER_MMIO,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(ArmGenericTimerMmioState),
        .instance_init = gtmmio_init,
        .class_init = gtmmio_class_init,
    },
};

DEFINE_TYPES(gtmmio_types)
