/*
 * Qualcomm SDM845 SoC (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every block sits where the kernel's sdm845.dtsi describes it, so that a
 * board boots the kernel tree's own device tree; docs/system/arm/db845c.rst
 * has the map. Where a block of ours has no SDM845 counterpart (the XPU's
 * register interface, the windows of the firewall and of the cache model)
 * it sits in a hole of that map.
 */

#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "qobject/qlist.h"
#include "exec/address-spaces.h"
#include "hw/arm/qcom-sdm845.h"
#include "hw/arm/arm-mapping-scan.h"
#include "hw/core/cpu.h"
#include "hw/misc/unimp.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "system/system.h"
#include "target/arm/cpu-qom.h"

const MemMapEntry qcom_sdm845_memmap[SDM845_NUM_BLOCKS] = {
    /* the SoC's I/O space below DRAM; what no block claims is unmodelled */
    [SDM845_IO] =            { 0x00000000, 0x80000000 },
    [SDM845_GCC] =           { 0x00100000, 0x1f0000 },
    /* QUPv3 wrappers, and wrapper 1's serial engine 1, the debug UART */
    [SDM845_QUP0] =          { 0x008c0000, QCOM_QUPV3_SIZE },
    [SDM845_QUP1] =          { 0x00ac0000, QCOM_QUPV3_SIZE },
    [SDM845_QUP1_SE1] =      { 0x00a84000, QCOM_GENI_UART_SIZE },
    /* hwspinlocks: 32 locks of 4 KiB */
    [SDM845_TCSR_MUTEX] =    { 0x01f40000, 0x20000 },
    /* TCSR block 1, a syscon; the modem's AXI halt registers are in it */
    [SDM845_TCSR_REGS_1] =   { 0x01f60000, QCOM_MSS_TCSR_SIZE },
    /* XPU registers (our layout, docs/devel/qcom-xpu.rst); not in the DT */
    [SDM845_XPU_CFG] =       { 0x01fb0000, 0x4000 },
    /* three tiles of pins: east, north, south */
    [SDM845_TLMM] =          { 0x03400000, 0xc00000 },
    [SDM845_MSS_QDSP6] =     { 0x04080000, QCOM_MSS_QDSP6_SIZE },
    [SDM845_MSS_RMB] =       { 0x04180000, QCOM_MSS_RMB_SIZE },
    [SDM845_PDC] =           { 0x0b220000, QCOM_PDC_SIZE },
    [SDM845_PDC_RESET] =     { 0x0b2e0000, 0x20000 },
    [SDM845_AOSS_RESET] =    { 0x0c2a0000, 0x31000 },
    [SDM845_AOSS_QMP] =      { 0x0c300000, QCOM_AOSS_QMP_SIZE },
    [SDM845_APSS_SHARED] =   { 0x17990000, 0x1000 },
    /* APPS RSC: DRV 0, 1 and 2 of 64 KiB each; Linux's is DRV 2 */
    [SDM845_RPMH_RSC] =      { 0x179c0000,
                               QCOM_RPMH_RSC_NUM_DRVS *
                               QCOM_RPMH_RSC_DRV_SIZE },
    [SDM845_GIC_DIST] =      { 0x17a00000, 0x10000 },
    /* 8 redistributors of 2 x 64 KiB frames */
    [SDM845_GIC_REDIST] =    { 0x17a60000, 0x100000 },
    /* the memory-mapped generic timer: CNTCTLBase and frame 0 */
    [SDM845_TIMER_CTL] =     { 0x17c90000, ARM_GTMMIO_FRAME_SIZE },
    [SDM845_TIMER_FRAME0] =  { 0x17ca0000, ARM_GTMMIO_FRAME_SIZE },
    /* size from the "ram" link */
    [SDM845_DRAM] =          { 0x80000000, 0 },
    /*
     * DRAM carve-outs of sdm845.dtsi that the SoC's firmware fills: the
     * Command DB (the AOP's), SMEM (the boot loader's), and the modem's
     */
    [SDM845_CMD_DB] =        { 0x85fe0000, 0x20000 },
    [SDM845_SMEM] =          { 0x86000000, 0x200000 },
    [SDM845_MPSS_MEM] =      { 0x8e000000, 0x7800000 },
    [SDM845_MBA_MEM] =       { 0x96500000, 0x200000 },
    /*
     * Where the XPU checks DRAM pages that are not plainly allowed, and
     * where the cache model takes non-cacheable accesses to held pages
     * (far above DRAM, sizes those of DRAM; see qcom-xpu.c, cpu-dcache.c)
     */
    [SDM845_XPU_WINDOW] =    { 0x4000000000, 0 },
    [SDM845_DCACHE_WINDOW] = { 0x4400000000, 0 },
};

/* GIC SPI numbers (interrupt ID - 32), as sdm845.dtsi has them */
const int qcom_sdm845_irqmap[SDM845_NUM_IRQS] = {
    [SDM845_IRQ_RSC_DRV0] = 3,
    [SDM845_IRQ_RSC_DRV1] = 4,
    [SDM845_IRQ_RSC_DRV2] = 5,
    [SDM845_IRQ_TIMER_VIRT] = 6,
    [SDM845_IRQ_TIMER_PHYS] = 7,
    [SDM845_IRQ_TLMM] = 208,
    [SDM845_IRQ_MSS_WDOG] = 266,
    [SDM845_IRQ_QUP1_SE1] = 354,
    [SDM845_IRQ_AOSS_QMP] = 389,
    [SDM845_IRQ_MSS_SMP2P] = 451,
    /* the XPU's (secure) error interrupt: an unused SPI, not in the DT */
    [SDM845_IRQ_XPU] = 900,
};

/*
 * The TLMM's tiles, and the GPIOs of the south and east ones (sdm845.dtsi
 * and pinctrl-sdm845.c): the other GPIOs are the north tile's.
 */
enum { SDM845_TILE_EAST, SDM845_TILE_NORTH, SDM845_TILE_SOUTH };
static const uint32_t sdm845_tlmm_tiles[] = { 0x100000, 0x500000, 0x900000 };
#define SDM845_NUM_GPIOS 150
static const struct {
    uint8_t first, last, tile;
} sdm845_gpio_tiles[] = {
    { 0, 3, SDM845_TILE_EAST }, { 8, 11, SDM845_TILE_EAST },
    { 12, 26, SDM845_TILE_SOUTH }, { 27, 30, SDM845_TILE_EAST },
    { 35, 37, SDM845_TILE_SOUTH }, { 39, 39, SDM845_TILE_EAST },
    { 40, 40, SDM845_TILE_SOUTH }, { 41, 48, SDM845_TILE_EAST },
    { 69, 78, SDM845_TILE_EAST }, { 85, 88, SDM845_TILE_EAST },
    { 89, 96, SDM845_TILE_SOUTH }, { 122, 126, SDM845_TILE_EAST },
};

/* The PDC's pins and their GIC SPIs (qcom,pdc-ranges of sdm845.dtsi) */
static const struct {
    uint32_t pin, spi, count;
} sdm845_pdc_ranges[] = {
    { 0, 480, 94 }, { 94, 609, 15 }, { 115, 630, 7 },
};
#define SDM845_PDC_PINS 128

#define SDM845_MIN_RAM (1 * GiB)
#define SDM845_CNTFRQ 19200000
#define SDM845_MAX_RAM (8 * GiB)

static qemu_irq sdm845_spi(QcomSdm845State *s, enum QcomSdm845Irq irq)
{
    return qdev_get_gpio_in(DEVICE(&s->gic), qcom_sdm845_irqmap[irq]);
}

static void sdm845_map(SysBusDevice *sbd, int n, enum QcomSdm845Block block)
{
    sysbus_mmio_map(sbd, n, qcom_sdm845_memmap[block].base);
}

QcomXpuState *qcom_sdm845_xpu(QcomSdm845State *s)
{
    return s->xpu_enabled ? &s->xpu : NULL;
}

static bool sdm845_realize_cpus(QcomSdm845State *s, Error **errp)
{
    for (unsigned n = 0; n < s->num_cpus; n++) {
        Object *cpu = OBJECT(&s->cpu[n]);

        object_initialize_child(OBJECT(s), "cpu[*]", &s->cpu[n], s->cpu_type);
        /* Kryo 385: one thread per core, the core number in Aff1 */
        object_property_set_int(cpu, "mp-affinity", n << ARM_AFF1_SHIFT,
                                &error_abort);
        /* SDM845's system counter runs at the XO's 19.2 MHz */
        object_property_set_uint(cpu, "cntfrq", SDM845_CNTFRQ, &error_abort);
        /* Linux runs at EL1; the firmware (PSCI, SCM) is emulated. */
        object_property_set_bool(cpu, "has_el3", false, &error_abort);
        if (object_property_find(cpu, "has_el2")) {
            object_property_set_bool(cpu, "has_el2", false, &error_abort);
        }
        object_property_set_link(cpu, "memory",
                                 OBJECT(get_system_memory()), &error_abort);
        if (!qdev_realize(DEVICE(cpu), NULL, errp)) {
            return false;
        }
    }
    return true;
}

/* GIC-600, wired to the CPUs as SDM845 wires its PPIs */
static bool sdm845_realize_gic(QcomSdm845State *s, Error **errp)
{
    static const int timer_ppi[] = {
        [GTIMER_PHYS] = SDM845_PPI_TIMER_PHYS,
        [GTIMER_VIRT] = SDM845_PPI_TIMER_VIRT,
        [GTIMER_HYP] = SDM845_PPI_TIMER_HYP,
        [GTIMER_SEC] = SDM845_PPI_TIMER_SEC,
    };
    DeviceState *gic;
    SysBusDevice *sbd;
    unsigned ncpu = s->num_cpus;
    QList *redist_region_count = qlist_new();

    object_initialize_child(OBJECT(s), "gic", &s->gic, gicv3_class_name());
    gic = DEVICE(&s->gic);
    sbd = SYS_BUS_DEVICE(gic);
    qdev_prop_set_uint32(gic, "revision", 3);
    qdev_prop_set_uint32(gic, "num-cpu", ncpu);
    qdev_prop_set_uint32(gic, "num-irq", SDM845_NUM_SPIS + GIC_INTERNAL);
    qlist_append_int(redist_region_count, ncpu);
    qdev_prop_set_array(gic, "redist-region-count", redist_region_count);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sdm845_map(sbd, 0, SDM845_GIC_DIST);
    sdm845_map(sbd, 1, SDM845_GIC_REDIST);

    for (unsigned i = 0; i < ncpu; i++) {
        DeviceState *cpu = DEVICE(&s->cpu[i]);
        int ppibase = SDM845_NUM_SPIS + i * GIC_INTERNAL + GIC_NR_SGIS;

        for (unsigned t = 0; t < ARRAY_SIZE(timer_ppi); t++) {
            qdev_connect_gpio_out(cpu, t,
                                  qdev_get_gpio_in(gic,
                                                   ppibase + timer_ppi[t]));
        }
        qdev_connect_gpio_out_named(cpu, "gicv3-maintenance-interrupt", 0,
                                    qdev_get_gpio_in(gic, ppibase +
                                                     SDM845_PPI_GIC_MAINT));
        qdev_connect_gpio_out_named(cpu, "pmu-interrupt", 0,
                                    qdev_get_gpio_in(gic, ppibase +
                                                     SDM845_PPI_PMU));
        sysbus_connect_irq(sbd, i, qdev_get_gpio_in(cpu, ARM_CPU_IRQ));
        sysbus_connect_irq(sbd, i + ncpu, qdev_get_gpio_in(cpu, ARM_CPU_FIQ));
        sysbus_connect_irq(sbd, i + 2 * ncpu,
                           qdev_get_gpio_in(cpu, ARM_CPU_VIRQ));
        sysbus_connect_irq(sbd, i + 3 * ncpu,
                           qdev_get_gpio_in(cpu, ARM_CPU_VFIQ));
        sysbus_connect_irq(sbd, i + 4 * ncpu,
                           qdev_get_gpio_in(cpu, ARM_CPU_NMI));
        sysbus_connect_irq(sbd, i + 5 * ncpu,
                           qdev_get_gpio_in(cpu, ARM_CPU_VINMI));
    }
    return true;
}

static const char *sdm845_master_name(uint16_t requester_id)
{
    return qcom_master_name(requester_id & 0xff);
}

/* The CPUs' data cache maintenance, reported by target/arm. */
static void sdm845_cacheop(ARMCPU *cpu, const ARMCacheOpInfo *info,
                           void *opaque)
{
    static const struct {
        CpuDcacheOp op;
        const char *insn;
    } ops[] = {
        [ARM_CACHEOP_DC_IVAC] = { CPU_DCACHE_INVAL, "DC IVAC" },
        [ARM_CACHEOP_DC_CVAC] = { CPU_DCACHE_CLEAN_POC, "DC CVAC" },
        [ARM_CACHEOP_DC_CVAU] = { CPU_DCACHE_CLEAN_POU, "DC CVAU" },
        [ARM_CACHEOP_DC_CIVAC] = { CPU_DCACHE_CLEAN_INVAL, "DC CIVAC" },
        [ARM_CACHEOP_DC_CVAP] = { CPU_DCACHE_CLEAN_POC, "DC CVAP" },
        [ARM_CACHEOP_DC_CVADP] = { CPU_DCACHE_CLEAN_POC, "DC CVADP" },
        [ARM_CACHEOP_DC_ZVA] = { CPU_DCACHE_ZERO, "DC ZVA" },
        [ARM_CACHEOP_DC_ISW] = { CPU_DCACHE_SW_INVAL, "DC ISW" },
        [ARM_CACHEOP_DC_CSW] = { CPU_DCACHE_SW_CLEAN, "DC CSW" },
        [ARM_CACHEOP_DC_CISW] = { CPU_DCACHE_SW_CLEAN_INVAL, "DC CISW" },
    };
    CpuDcacheState *dcache = CPU_DCACHE(opaque);
    CpuDcacheOrigin o = {
        .insn = ops[info->op].insn,
        .pc = info->pc,
        .lr = cpu->env.xregs[30],
        .va = info->va,
        .cpu = CPU(cpu)->cpu_index,
    };

    if (ARM_CACHEOP_IS_SET_WAY(info->op)) {
        /*
         * Set/way operand: way in the top bits, set from bit 6 (64-byte
         * lines). The model splits its lines by set; ways beyond the
         * first have nothing more to do.
         */
        unsigned ways = FIELD_EX64(cpu->ccsidr[0], CCSIDR_EL1, ASSOCIATIVITY)
                        + 1;
        unsigned wbits = ways > 1 ? 32 - clz32(ways - 1) : 0;
        uint32_t way = wbits ? extract64(info->value, 32 - wbits, wbits) : 0;

        if (way == 0) {
            cpu_dcache_maintain(dcache, ops[info->op].op, 0, 0,
                                extract64(info->value, 6, 24) %
                                CPU_DCACHE_SW_SETS, &o);
        }
    } else if (info->op == ARM_CACHEOP_DC_ZVA && !info->attrs.cacheable) {
        /*
         * DC ZVA through a non-cacheable mapping (memset() of a coherent
         * DMA buffer, say) zeroes memory without allocating lines; QEMU's
         * stores then take the non-cacheable path like any other.
         */
    } else if (info->pa_valid) {
        cpu_dcache_maintain(dcache, ops[info->op].op, info->pa, info->size,
                            0, &o);
    }
}

/*
 * The XPU took a range away from the CPUs: lines they still hold there
 * are a hazard (they may be written back or evicted into it later).
 */
static void sdm845_xpu_changed(Notifier *n, void *data)
{
    QcomSdm845State *s = container_of(n, QcomSdm845State, xpu_change);
    QcomXpuChange *c = data;
    g_autofree char *report = NULL;

    if (!((c->apps_read_before && !c->apps_read_after) ||
          (c->apps_write_before && !c->apps_write_after))) {
        return;
    }
    if (cpu_dcache_check_revoke(&s->dcache, c->start, c->end, &report)) {
        qcom_xpu_report_hazard(&s->xpu, c->start, c->end, report);
    }
}

/*
 * Strict speculation: the kernel maps the range cacheable (its linear map
 * of all RAM that is not no-map, say) in the tables of the CPU that is
 * taking it away, or of CPU 0 when no CPU is (QMP, qtest).
 */
static bool sdm845_maps_cacheable(void *opaque, hwaddr start, hwaddr end,
                                  GString *why)
{
    QcomSdm845State *s = opaque;
    ArmScanRam ram = {
        .host = memory_region_get_ram_ptr(s->ram),
        .base = qcom_sdm845_memmap[SDM845_DRAM].base,
        .size = memory_region_size(s->ram),
    };
    ARMCPU *cpu = current_cpu ? ARM_CPU(current_cpu) : &s->cpu[0];

    return arm_scan_cacheable_mapping(cpu, &ram, start, end, why);
}

/*
 * DRAM and what stands in front of it:
 *
 *   CPUs ---> cpu-dcache CPU view ---(cache hits)---> RAM
 *                  | fills, write-backs, non-cacheable accesses
 *                  v
 *   masters -> dram-bus -> XPU -> cpu-dcache memory view -> RAM
 *
 * Without the cache model the CPUs use dram-bus too; without the XPU
 * dram-bus leads straight to memory.
 */
static bool sdm845_realize_dram(QcomSdm845State *s, Error **errp)
{
    MemoryRegion *sysmem = get_system_memory();
    hwaddr base = qcom_sdm845_memmap[SDM845_DRAM].base;
    uint64_t size = memory_region_size(s->ram);
    MemoryRegion *memory = s->ram;
    SysBusDevice *sbd;

    memory_region_init(&s->dram_bus, OBJECT(s), "dram-bus", size);

    if (s->dcache_enabled) {
        object_initialize_child(OBJECT(s), "cpu-dcache", &s->dcache,
                                TYPE_CPU_DCACHE);
        object_property_set_link(OBJECT(&s->dcache), "ram", OBJECT(s->ram),
                                 &error_abort);
        object_property_set_link(OBJECT(&s->dcache), "bus",
                                 OBJECT(&s->dram_bus), &error_abort);
        qdev_prop_set_uint64(DEVICE(&s->dcache), "base", base);
        qdev_prop_set_uint64(DEVICE(&s->dcache), "window-base",
                             qcom_sdm845_memmap[SDM845_DCACHE_WINDOW].base);
        sbd = SYS_BUS_DEVICE(&s->dcache);
        if (!sysbus_realize(sbd, errp)) {
            return false;
        }
        sdm845_map(sbd, 0, SDM845_DRAM);
        sdm845_map(sbd, 1, SDM845_DCACHE_WINDOW);
        memory = sysbus_mmio_get_region(sbd, 2);
        cpu_dcache_set_master_namer(&s->dcache, sdm845_master_name);
        cpu_dcache_set_mapping_query(&s->dcache, sdm845_maps_cacheable, s);
    }

    if (s->xpu_enabled) {
        object_initialize_child(OBJECT(s), "dram-xpu", &s->xpu, TYPE_QCOM_XPU);
        object_property_set_link(OBJECT(&s->xpu), "downstream",
                                 OBJECT(memory), &error_abort);
        qdev_prop_set_uint64(DEVICE(&s->xpu), "base", base);
        qdev_prop_set_uint64(DEVICE(&s->xpu), "size", size);
        sbd = SYS_BUS_DEVICE(&s->xpu);
        if (!sysbus_realize(sbd, errp)) {
            return false;
        }
        sdm845_map(sbd, 0, SDM845_XPU_CFG);
        sdm845_map(sbd, 2, SDM845_XPU_WINDOW);
        sysbus_connect_irq(sbd, 0, sdm845_spi(s, SDM845_IRQ_XPU));
        memory = sysbus_mmio_get_region(sbd, 1);
        if (s->dcache_enabled) {
            s->xpu_change.notify = sdm845_xpu_changed;
            qcom_xpu_add_change_notifier(&s->xpu, &s->xpu_change);
        }
    }
    memory_region_add_subregion(&s->dram_bus, 0, memory);
    if (!s->dcache_enabled) {
        memory_region_add_subregion(sysmem, base, &s->dram_bus);
    }

    /* What bus masters other than the CPUs see of the address space */
    memory_region_init(&s->soc_bus, OBJECT(s), "soc-bus", UINT64_MAX);
    memory_region_init_alias(&s->dram_alias, OBJECT(s), "dram", &s->dram_bus,
                             0, size);
    memory_region_add_subregion(&s->soc_bus, base, &s->dram_alias);
    return true;
}

/* Qualcomm's secure firmware, answering the SiP SMCs of the CPUs. */
static bool sdm845_realize_scm(QcomSdm845State *s, Error **errp)
{
    Object *scm = OBJECT(&s->scm);

    object_initialize_child(OBJECT(s), "scm", &s->scm, TYPE_QCOM_SCM);
    if (s->xpu_enabled) {
        object_property_set_link(scm, "xpu", OBJECT(&s->xpu), &error_abort);
    }
    object_property_set_link(scm, "memory", OBJECT(&s->soc_bus),
                             &error_abort);
    /* what the CPUs see, for dma-coherent */
    object_property_set_link(scm, "ram", OBJECT(s->ram), &error_abort);
    qdev_prop_set_uint64(DEVICE(scm), "ram-base",
                         qcom_sdm845_memmap[SDM845_DRAM].base);
    if (!qdev_realize(DEVICE(scm), NULL, errp)) {
        return false;
    }

    for (unsigned n = 0; n < s->num_cpus; n++) {
        arm_set_smccc_handler(&s->cpu[n], qcom_scm_smccc, &s->scm);
        if (s->dcache_enabled) {
            arm_set_cacheop_hook(&s->cpu[n], sdm845_cacheop, &s->dcache);
        }
    }
    return true;
}

/*
 * The platform services the modem uses: the TCSR mutex, SMEM (written by
 * the board's reset through soc-bus) and the APSS IPC doorbells.
 */
static bool sdm845_realize_services(QcomSdm845State *s, Error **errp)
{
    const MemMapEntry *smem = &qcom_sdm845_memmap[SDM845_SMEM];
    DeviceState *dev;

    object_initialize_child(OBJECT(s), "tcsr-mutex", &s->tcsr_mutex,
                            TYPE_QCOM_TCSR_MUTEX);
    dev = DEVICE(&s->tcsr_mutex);
    qdev_prop_set_uint32(dev, "num-locks",
                         qcom_sdm845_memmap[SDM845_TCSR_MUTEX].size /
                         QCOM_TCSR_MUTEX_STRIDE);
    if (!sysbus_realize(SYS_BUS_DEVICE(dev), errp)) {
        return false;
    }
    sdm845_map(SYS_BUS_DEVICE(dev), 0, SDM845_TCSR_MUTEX);

    object_initialize_child(OBJECT(s), "smem", &s->smem, TYPE_QCOM_SMEM);
    dev = DEVICE(&s->smem);
    object_property_set_link(OBJECT(dev), "memory", OBJECT(&s->soc_bus),
                             &error_abort);
    object_property_set_link(OBJECT(dev), "mutex", OBJECT(&s->tcsr_mutex),
                             &error_abort);
    qdev_prop_set_uint64(dev, "base", smem->base);
    qdev_prop_set_uint64(dev, "size", smem->size);
    if (!sysbus_realize(SYS_BUS_DEVICE(dev), errp)) {
        return false;
    }

    object_initialize_child(OBJECT(s), "apss-shared", &s->apss_shared,
                            TYPE_QCOM_APCS_IPC);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->apss_shared), errp)) {
        return false;
    }
    sdm845_map(SYS_BUS_DEVICE(&s->apss_shared), 0, SDM845_APSS_SHARED);
    qdev_connect_gpio_out(DEVICE(&s->apss_shared), QCOM_APCS_IPC_AOSS_QMP,
                          qdev_get_gpio_in(DEVICE(&s->aoss_qmp), 0));
    return true;
}

/*
 * The blocks the supplier chains of the modem and the console need, with
 * no link to the rest: GCC, TLMM, PDC, AOSS QMP, the memory-mapped timer.
 */
static bool sdm845_realize_platform(QcomSdm845State *s, Error **errp)
{
    QList *tiles = qlist_new(), *gpio_tiles = qlist_new();
    uint8_t tile_of[SDM845_NUM_GPIOS];
    SysBusDevice *sbd;

    object_initialize_child(OBJECT(s), "timer", &s->timer,
                            TYPE_ARM_GENERIC_TIMER_MMIO);
    /* the frame counts the CPUs' system counter */
    qdev_prop_set_uint32(DEVICE(&s->timer), "cntfrq", SDM845_CNTFRQ);
    sbd = SYS_BUS_DEVICE(&s->timer);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sdm845_map(sbd, 0, SDM845_TIMER_CTL);
    sdm845_map(sbd, 1, SDM845_TIMER_FRAME0);
    sysbus_connect_irq(sbd, ARM_GTMMIO_PHYS,
                       sdm845_spi(s, SDM845_IRQ_TIMER_PHYS));
    sysbus_connect_irq(sbd, ARM_GTMMIO_VIRT,
                       sdm845_spi(s, SDM845_IRQ_TIMER_VIRT));

    object_initialize_child(OBJECT(s), "gcc", &s->gcc, TYPE_QCOM_GCC_SDM845);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->gcc), errp)) {
        return false;
    }
    sdm845_map(SYS_BUS_DEVICE(&s->gcc), 0, SDM845_GCC);

    memset(tile_of, SDM845_TILE_NORTH, sizeof(tile_of));
    for (int i = 0; i < ARRAY_SIZE(sdm845_gpio_tiles); i++) {
        for (int n = sdm845_gpio_tiles[i].first;
             n <= sdm845_gpio_tiles[i].last; n++) {
            tile_of[n] = sdm845_gpio_tiles[i].tile;
        }
    }
    for (int i = 0; i < ARRAY_SIZE(sdm845_tlmm_tiles); i++) {
        qlist_append_int(tiles, sdm845_tlmm_tiles[i]);
    }
    for (int n = 0; n < SDM845_NUM_GPIOS; n++) {
        qlist_append_int(gpio_tiles, tile_of[n]);
    }
    object_initialize_child(OBJECT(s), "tlmm", &s->tlmm, TYPE_QCOM_TLMM);
    qdev_prop_set_uint64(DEVICE(&s->tlmm), "size",
                         qcom_sdm845_memmap[SDM845_TLMM].size);
    qdev_prop_set_array(DEVICE(&s->tlmm), "tile-offsets", tiles);
    qdev_prop_set_array(DEVICE(&s->tlmm), "gpio-tiles", gpio_tiles);
    sbd = SYS_BUS_DEVICE(&s->tlmm);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sdm845_map(sbd, 0, SDM845_TLMM);
    sysbus_connect_irq(sbd, 0, sdm845_spi(s, SDM845_IRQ_TLMM));

    object_initialize_child(OBJECT(s), "pdc", &s->pdc, TYPE_QCOM_PDC);
    qdev_prop_set_uint32(DEVICE(&s->pdc), "num-pins", SDM845_PDC_PINS);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->pdc), errp)) {
        return false;
    }
    sdm845_map(SYS_BUS_DEVICE(&s->pdc), 0, SDM845_PDC);
    for (int i = 0; i < ARRAY_SIZE(sdm845_pdc_ranges); i++) {
        for (int n = 0; n < sdm845_pdc_ranges[i].count; n++) {
            qdev_connect_gpio_out(DEVICE(&s->pdc),
                                  sdm845_pdc_ranges[i].pin + n,
                                  qdev_get_gpio_in(DEVICE(&s->gic),
                                                   sdm845_pdc_ranges[i].spi +
                                                   n));
        }
    }

    object_initialize_child(OBJECT(s), "aoss-qmp", &s->aoss_qmp,
                            TYPE_QCOM_AOSS_QMP);
    sbd = SYS_BUS_DEVICE(&s->aoss_qmp);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sdm845_map(sbd, 0, SDM845_AOSS_QMP);
    sysbus_connect_irq(sbd, 0, sdm845_spi(s, SDM845_IRQ_AOSS_QMP));
    return true;
}

/* RPMh: the Command DB carve-out and the APPS RSC, whose DRV 2 is Linux's */
static bool sdm845_realize_rpmh(QcomSdm845State *s, Error **errp)
{
    const MemMapEntry *cmd_db = &qcom_sdm845_memmap[SDM845_CMD_DB];
    SysBusDevice *sbd;

    object_initialize_child(OBJECT(s), "cmd-db", &s->cmd_db, TYPE_QCOM_CMD_DB);
    object_property_set_link(OBJECT(&s->cmd_db), "memory",
                             OBJECT(&s->soc_bus), &error_abort);
    qdev_prop_set_uint64(DEVICE(&s->cmd_db), "base", cmd_db->base);
    qdev_prop_set_uint64(DEVICE(&s->cmd_db), "size", cmd_db->size);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->cmd_db), errp)) {
        return false;
    }

    object_initialize_child(OBJECT(s), "apps-rsc", &s->rsc,
                            TYPE_QCOM_RPMH_RSC);
    qdev_prop_set_uint32(DEVICE(&s->rsc), "drv-id", SDM845_RSC_DRV);
    sbd = SYS_BUS_DEVICE(&s->rsc);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sdm845_map(sbd, 0, SDM845_RPMH_RSC);
    for (int i = 0; i < QCOM_RPMH_RSC_NUM_DRVS; i++) {
        sysbus_connect_irq(sbd, i, sdm845_spi(s, SDM845_IRQ_RSC_DRV0 + i));
    }
    return true;
}

/* The AOSS and PDC reset controllers, whose lines hold the modem in reset */
static bool sdm845_realize_resets(QcomSdm845State *s, Error **errp)
{
    object_initialize_child(OBJECT(s), "aoss-reset", &s->aoss_reset,
                            TYPE_QCOM_AOSS_RESET);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->aoss_reset), errp)) {
        return false;
    }
    sdm845_map(SYS_BUS_DEVICE(&s->aoss_reset), 0, SDM845_AOSS_RESET);

    object_initialize_child(OBJECT(s), "pdc-reset", &s->pdc_reset,
                            TYPE_QCOM_PDC_RESET);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->pdc_reset), errp)) {
        return false;
    }
    sdm845_map(SYS_BUS_DEVICE(&s->pdc_reset), 0, SDM845_PDC_RESET);
    return true;
}

/*
 * The modem subsystem. Its reads go through soc-bus, that is through the
 * XPU, as the MSS master; with the XPU linked it also tells a denied read
 * (a DMA fault for the MBA) from an allowed one.
 */
static bool sdm845_realize_mss(QcomSdm845State *s, Error **errp)
{
    DeviceState *mss;
    SysBusDevice *sbd;

    object_initialize_child(OBJECT(s), "mss", &s->mss, TYPE_QCOM_Q6V5_MSS);
    mss = DEVICE(&s->mss);
    sbd = SYS_BUS_DEVICE(mss);
    object_property_set_link(OBJECT(mss), "dma", OBJECT(&s->soc_bus),
                             &error_abort);
    if (s->xpu_enabled) {
        object_property_set_link(OBJECT(mss), "xpu", OBJECT(&s->xpu),
                                 &error_abort);
    }
    object_property_set_link(OBJECT(mss), "smem", OBJECT(&s->smem),
                             &error_abort);
    qdev_prop_set_uint32(mss, "halt-q6", SDM845_MSS_HALT_Q6);
    qdev_prop_set_uint32(mss, "halt-modem", SDM845_MSS_HALT_MODEM);
    qdev_prop_set_uint32(mss, "halt-nc", SDM845_MSS_HALT_NC);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sdm845_map(sbd, 0, SDM845_MSS_QDSP6);
    sdm845_map(sbd, 1, SDM845_MSS_RMB);
    sdm845_map(sbd, 2, SDM845_TCSR_REGS_1);
    qdev_connect_gpio_out_named(mss, "smp2p", 0,
                                sdm845_spi(s, SDM845_IRQ_MSS_SMP2P));
    qdev_connect_gpio_out_named(mss, "wdog", 0,
                                sdm845_spi(s, SDM845_IRQ_MSS_WDOG));
    qdev_connect_gpio_out(DEVICE(&s->apss_shared), QCOM_APCS_IPC_MSS_SMP2P,
                          qdev_get_gpio_in_named(mss, "ipc", 0));
    qdev_connect_gpio_out(DEVICE(&s->aoss_reset), QCOM_AOSS_RESET_MSS,
                          qdev_get_gpio_in_named(mss, "mss_restart", 0));
    qdev_connect_gpio_out(DEVICE(&s->pdc_reset), QCOM_PDC_RESET_MODEM,
                          qdev_get_gpio_in_named(mss, "pdc_reset", 0));
    return true;
}

/* The QUPv3 wrappers and the debug UART, serial engine 1 of wrapper 1 */
static bool sdm845_realize_uart(QcomSdm845State *s, Error **errp)
{
    static const int qup_block[SDM845_NUM_QUPS] = { SDM845_QUP0, SDM845_QUP1 };
    SysBusDevice *sbd;

    for (int i = 0; i < SDM845_NUM_QUPS; i++) {
        object_initialize_child(OBJECT(s), "qup[*]", &s->qup[i],
                                TYPE_QCOM_QUPV3);
        if (!sysbus_realize(SYS_BUS_DEVICE(&s->qup[i]), errp)) {
            return false;
        }
        sdm845_map(SYS_BUS_DEVICE(&s->qup[i]), 0, qup_block[i]);
    }

    object_initialize_child(OBJECT(s), "uart9", &s->uart9,
                            TYPE_QCOM_GENI_UART);
    sbd = SYS_BUS_DEVICE(&s->uart9);
    qdev_prop_set_chr(DEVICE(sbd), "chardev", serial_hd(0));
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sdm845_map(sbd, 0, SDM845_QUP1_SE1);
    sysbus_connect_irq(sbd, 0, sdm845_spi(s, SDM845_IRQ_QUP1_SE1));
    return true;
}

static void sdm845_realize(DeviceState *dev, Error **errp)
{
    QcomSdm845State *s = QCOM_SDM845(dev);
    const MemMapEntry *io = &qcom_sdm845_memmap[SDM845_IO];
    uint64_t ram_size;

    if (!s->ram) {
        error_setg(errp, "qcom-sdm845: property 'ram' is not set");
        return;
    }
    ram_size = memory_region_size(s->ram);
    if (ram_size < SDM845_MIN_RAM || ram_size > SDM845_MAX_RAM) {
        error_setg(errp, "qcom-sdm845: DRAM of %" PRIu64 " MiB is outside "
                   "the supported range %" PRIu64 "..%" PRIu64 " MiB (the "
                   "reserved memory of sdm845.dtsi and the dynamic regions "
                   "it allocates below 0x%" PRIx64 " need the first GiB)",
                   ram_size / MiB, SDM845_MIN_RAM / MiB, SDM845_MAX_RAM / MiB,
                   qcom_sdm845_memmap[SDM845_DRAM].base + SDM845_MIN_RAM);
        return;
    }
    if (s->num_cpus < 1 || s->num_cpus > SDM845_MAX_CPUS) {
        error_setg(errp, "qcom-sdm845: num-cpus must be 1..%d, not %u",
                   SDM845_MAX_CPUS, s->num_cpus);
        return;
    }
    if (!s->cpu_type) {
        error_setg(errp, "qcom-sdm845: property 'cpu-type' is not set");
        return;
    }

    if (!sdm845_realize_cpus(s, errp) ||
        !sdm845_realize_gic(s, errp) ||
        !sdm845_realize_dram(s, errp) ||
        !sdm845_realize_scm(s, errp) ||
        !sdm845_realize_platform(s, errp) ||
        !sdm845_realize_services(s, errp) ||
        !sdm845_realize_rpmh(s, errp) ||
        !sdm845_realize_resets(s, errp) ||
        !sdm845_realize_mss(s, errp) ||
        !sdm845_realize_uart(s, errp)) {
        return;
    }
    create_unimplemented_device("sdm845-io", io->base, io->size);
}

static const Property sdm845_properties[] = {
    DEFINE_PROP_LINK("ram", QcomSdm845State, ram, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_UINT32("num-cpus", QcomSdm845State, num_cpus,
                       SDM845_MAX_CPUS),
    DEFINE_PROP_STRING("cpu-type", QcomSdm845State, cpu_type),
    DEFINE_PROP_BOOL("xpu", QcomSdm845State, xpu_enabled, true),
    DEFINE_PROP_BOOL("dcache", QcomSdm845State, dcache_enabled, true),
};

static void sdm845_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Qualcomm SDM845 SoC (qcom-mss-sim)";
    dc->realize = sdm845_realize;
    /* created by a board, with its RAM */
    dc->user_creatable = false;
    device_class_set_props(dc, sdm845_properties);
}

static const TypeInfo sdm845_types[] = {
    {
        .name = TYPE_QCOM_SDM845,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(QcomSdm845State),
        .class_init = sdm845_class_init,
    },
};

DEFINE_TYPES(sdm845_types)
