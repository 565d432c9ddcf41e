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
#include "hw/arm/qcom-sdm845.h"
#include "hw/misc/unimp.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "system/system.h"

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
    [SDM845_GPUCC] =         { 0x05090000, 0x9000 },
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
    return qcom_apss_spi(&s->apss, qcom_sdm845_irqmap[irq]);
}

static void sdm845_map(SysBusDevice *sbd, int n, enum QcomSdm845Block block)
{
    sysbus_mmio_map(sbd, n, qcom_sdm845_memmap[block].base);
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
    object_property_set_link(OBJECT(dev), "memory", OBJECT(&s->apss.soc_bus),
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
    /* the Adreno SMMU's power domain; defconfig builds its driver in */
    object_initialize_child(OBJECT(s), "gpucc", &s->gpucc,
                            TYPE_QCOM_GPUCC_SDM845);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->gpucc), errp)) {
        return false;
    }
    sdm845_map(SYS_BUS_DEVICE(&s->gpucc), 0, SDM845_GPUCC);

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
                                  qdev_get_gpio_in(DEVICE(&s->apss.gic),
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

    object_initialize_child(OBJECT(s), "cmd-db", &s->cmd_db,
                            TYPE_QCOM_CMD_DB_SDM845);
    object_property_set_link(OBJECT(&s->cmd_db), "memory",
                             OBJECT(&s->apss.soc_bus), &error_abort);
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
    object_property_set_link(OBJECT(mss), "dma", OBJECT(&s->apss.soc_bus),
                             &error_abort);
    if (s->apss.xpu_enabled) {
        object_property_set_link(OBJECT(mss), "xpu", OBJECT(&s->apss.xpu),
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

/* The CPUs, their GIC, DRAM behind the XPU and the cache model, the SCM */
static bool sdm845_realize_apss(QcomSdm845State *s, Error **errp)
{
    const QcomApssConfig cfg = {
        .soc = TYPE_QCOM_SDM845,
        .dram_base = qcom_sdm845_memmap[SDM845_DRAM].base,
        .min_ram = SDM845_MIN_RAM,
        .max_ram = SDM845_MAX_RAM,
        .ram_why = "the reserved memory of sdm845.dtsi and the dynamic "
                   "regions it allocates below 0xc0000000 need the first GiB",
        .cntfrq = SDM845_CNTFRQ,
        .gic_dist = qcom_sdm845_memmap[SDM845_GIC_DIST].base,
        .gic_redist = qcom_sdm845_memmap[SDM845_GIC_REDIST].base,
        .num_spis = SDM845_NUM_SPIS,
        .timer_ppi = {
            [GTIMER_PHYS] = SDM845_PPI_TIMER_PHYS,
            [GTIMER_VIRT] = SDM845_PPI_TIMER_VIRT,
            [GTIMER_HYP] = SDM845_PPI_TIMER_HYP,
            [GTIMER_SEC] = SDM845_PPI_TIMER_SEC,
        },
        .pmu_ppi = SDM845_PPI_PMU,
        .gic_maint_ppi = SDM845_PPI_GIC_MAINT,
        .xpu_regs = qcom_sdm845_memmap[SDM845_XPU_CFG].base,
        .xpu_spi = qcom_sdm845_irqmap[SDM845_IRQ_XPU],
        .xpu_window = qcom_sdm845_memmap[SDM845_XPU_WINDOW].base,
        .dcache_window = qcom_sdm845_memmap[SDM845_DCACHE_WINDOW].base,
    };

    return qcom_apss_realize(&s->apss, OBJECT(s), &cfg, errp);
}

static void sdm845_realize(DeviceState *dev, Error **errp)
{
    QcomSdm845State *s = QCOM_SDM845(dev);
    const MemMapEntry *io = &qcom_sdm845_memmap[SDM845_IO];

    if (!sdm845_realize_apss(s, errp) ||
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
    DEFINE_PROP_LINK("ram", QcomSdm845State, apss.ram,
                     TYPE_MEMORY_REGION, MemoryRegion *),
    DEFINE_PROP_UINT32("num-cpus", QcomSdm845State, apss.num_cpus,
                       SDM845_MAX_CPUS),
    DEFINE_PROP_STRING("cpu-type", QcomSdm845State, apss.cpu_type),
    DEFINE_PROP_BOOL("xpu", QcomSdm845State, apss.xpu_enabled, true),
    DEFINE_PROP_BOOL("dcache", QcomSdm845State, apss.dcache_enabled,
                     true),
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
