/*
 * Qualcomm SM8250 SoC (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every block sits where the kernel's sm8250.dtsi describes it, so that a
 * board boots the kernel tree's own device tree; docs/system/arm/rb5.rst
 * has the map. Where a block of ours has no SM8250 counterpart (the XPU's
 * register interface, the windows of the firewall and of the cache model)
 * it sits in a hole of that map.
 */

#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "qobject/qlist.h"
#include "hw/arm/qcom-sm8250.h"
#include "hw/remoteproc/qcom-mdt-auth.h"
#include "hw/misc/unimp.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "system/system.h"

const MemMapEntry qcom_sm8250_memmap[SM8250_NUM_BLOCKS] = {
    /* the SoC's I/O space below DRAM; what no block claims is unmodelled */
    [SM8250_IO] =            { 0x00000000, 0x80000000 },
    [SM8250_GCC] =           { 0x00100000, 0x1f0000 },
    [SM8250_IPCC] =          { 0x00408000, QCOM_IPCC_SIZE },
    /* QUPv3 wrappers, and wrapper 1's serial engine 4, the debug UART */
    [SM8250_QUP2] =          { 0x008c0000, QCOM_QUPV3_SIZE },
    [SM8250_QUP0] =          { 0x009c0000, QCOM_QUPV3_SIZE },
    [SM8250_QUP1_SE4] =      { 0x00a90000, QCOM_GENI_UART_SIZE },
    [SM8250_QUP1] =          { 0x00ac0000, QCOM_QUPV3_SIZE },
    /* hwspinlocks: 64 locks of 4 KiB */
    [SM8250_TCSR_MUTEX] =    { 0x01f40000, 0x40000 },
    /* XPU registers (our layout, docs/devel/qcom-xpu.rst); not in the DT */
    [SM8250_XPU_CFG] =       { 0x01fb0000, 0x4000 },
    [SM8250_GPUCC] =         { 0x03d90000, 0x9000 },
    /* the DSPs' QDSP6 registers, where their remoteproc nodes say */
    [SM8250_SLPI] =          { 0x05c00000, 0x4000 },
    [SM8250_CDSP] =          { 0x08300000, 0x10000 },
    [SM8250_PDC] =           { 0x0b220000, QCOM_PDC_SIZE },
    [SM8250_AOSS_QMP] =      { 0x0c300000, QCOM_AOSS_QMP_SIZE },
    /* three tiles of pins: west, south, north at +0, +4 MiB, +8 MiB */
    [SM8250_TLMM] =          { 0x0f100000, 0xb00000 },
    [SM8250_ADSP] =          { 0x17300000, 0x100 },
    [SM8250_GIC_DIST] =      { 0x17a00000, 0x10000 },
    /* 8 redistributors of 2 x 64 KiB frames */
    [SM8250_GIC_REDIST] =    { 0x17a60000, 0x100000 },
    /* the memory-mapped generic timer: CNTCTLBase and frame 0 */
    [SM8250_TIMER_CTL] =     { 0x17c20000, ARM_GTMMIO_FRAME_SIZE },
    [SM8250_TIMER_FRAME0] =  { 0x17c21000, ARM_GTMMIO_FRAME_SIZE },
    /* APPS RSC: DRV 0, 1 and 2 of 64 KiB each; Linux's is DRV 2 */
    [SM8250_RPMH_RSC] =      { 0x18200000,
                               QCOM_RPMH_RSC_NUM_DRVS *
                               QCOM_RPMH_RSC_DRV_SIZE },
    /* size from the "ram" link */
    [SM8250_DRAM] =          { 0x80000000, 0 },
    /*
     * DRAM carve-outs of sm8250.dtsi that the SoC's firmware fills: the
     * Command DB (the AOP's), SMEM (the boot loader's), and the DSPs'
     */
    [SM8250_CMD_DB] =        { 0x80860000, 0x20000 },
    [SM8250_SMEM] =          { 0x80900000, 0x200000 },
    [SM8250_CDSP_MEM] =      { 0x87800000, 0x1400000 },
    [SM8250_SLPI_MEM] =      { 0x88c00000, 0x1500000 },
    [SM8250_ADSP_MEM] =      { 0x8a100000, 0x1d00000 },
    /*
     * Where the XPU checks DRAM pages that are not plainly allowed, and
     * where the cache model takes non-cacheable accesses to held pages
     * (far above DRAM, sizes those of DRAM; see qcom-xpu.c, cpu-dcache.c)
     */
    [SM8250_XPU_WINDOW] =    { 0x4000000000, 0 },
    [SM8250_DCACHE_WINDOW] = { 0x4400000000, 0 },
};

/* GIC SPI numbers (interrupt ID - 32), as sm8250.dtsi has them */
const int qcom_sm8250_irqmap[SM8250_NUM_IRQS] = {
    [SM8250_IRQ_RSC_DRV0] = 3,
    [SM8250_IRQ_RSC_DRV1] = 4,
    [SM8250_IRQ_RSC_DRV2] = 5,
    [SM8250_IRQ_TIMER_VIRT] = 6,
    [SM8250_IRQ_TIMER_PHYS] = 8,
    [SM8250_IRQ_TLMM] = 208,
    [SM8250_IRQ_IPCC] = 229,
    [SM8250_IRQ_QUP1_SE4] = 357,
    [SM8250_IRQ_CDSP_WDOG] = 578,
    /* the XPU's (secure) error interrupt: an unused SPI, not in the DT */
    [SM8250_IRQ_XPU] = 900,
};

/*
 * The TLMM's tiles (the DT's reg-names, pinctrl-sm8250.c's order) and the
 * GPIOs of the south and west ones: the other GPIOs are the north tile's.
 */
enum { SM8250_TILE_WEST, SM8250_TILE_SOUTH, SM8250_TILE_NORTH };
static const uint32_t sm8250_tlmm_tiles[] = { 0, 0x400000, 0x800000 };
#define SM8250_NUM_GPIOS 180
static const struct {
    uint8_t first, last, tile;
} sm8250_gpio_tiles[] = {
    { 0, 3, SM8250_TILE_SOUTH }, { 24, 27, SM8250_TILE_SOUTH },
    { 32, 65, SM8250_TILE_SOUTH }, { 69, 76, SM8250_TILE_SOUTH },
    { 85, 91, SM8250_TILE_SOUTH }, { 125, 132, SM8250_TILE_SOUTH },
    { 133, 179, SM8250_TILE_WEST },
};

/* The PDC's pins and their GIC SPIs (qcom,pdc-ranges of sm8250.dtsi) */
const QcomPdcRange qcom_sm8250_pdc_ranges[SM8250_NUM_PDC_RANGES] = {
    { 0, 480, 94 }, { 94, 609, 31 }, { 125, 63, 1 }, { 126, 716, 12 },
};
#define SM8250_PDC_PINS 138

#define SM8250_MIN_RAM (1 * GiB)
#define SM8250_MAX_RAM (8 * GiB)
#define SM8250_CNTFRQ 19200000

static qemu_irq sm8250_spi(QcomSm8250State *s, enum QcomSm8250Irq irq)
{
    return qcom_apss_spi(&s->apss, qcom_sm8250_irqmap[irq]);
}

static void sm8250_map(SysBusDevice *sbd, int n, enum QcomSm8250Block block)
{
    sysbus_mmio_map(sbd, n, qcom_sm8250_memmap[block].base);
}

/*
 * The DSPs (sm8250.dtsi's remoteproc nodes and Linux's PAS data): PAS id,
 * image id, bus master, SMP2P processor id, SMEM items (APPS's outbound
 * SMP2P item, the DSP's own, its crash reason), IPCC client, and where
 * the watchdog goes (a PDC pin, else a GIC SPI)
 */
/* The TCSR block (a syscon in the DT; not modelled) */
#define SM8250_TCSR 0x01fc0000

static const struct {
    const char *name;
    uint32_t pas_id;
    uint32_t image_id;
    QcomMaster master;
    uint32_t pid, apps_item, dsp_item, crash_item;
    unsigned ipcc_client;
    int wdog_pdc_pin;
} sm8250_dsps[SM8250_NUM_DSPS] = {
    { "adsp", 1, QCOM_MDT_ID_ADSP, QCOM_MASTER_ADSP, 2,
      SM8250_ADSP_SMP2P_ITEM_OUT, SM8250_ADSP_SMP2P_ITEM_IN, 423,
      QCOM_IPCC_CLIENT_LPASS, SM8250_PDC_PIN_ADSP_WDOG },
    { "cdsp", 18, QCOM_MDT_ID_CDSP, QCOM_MASTER_CDSP, 5,
      SM8250_CDSP_SMP2P_ITEM_OUT, SM8250_CDSP_SMP2P_ITEM_IN, 601,
      QCOM_IPCC_CLIENT_CDSP, -1 },
    { "slpi", 12, QCOM_MDT_ID_SLPI, QCOM_MASTER_SLPI, 3,
      SM8250_SLPI_SMP2P_ITEM_OUT, SM8250_SLPI_SMP2P_ITEM_IN, 424,
      QCOM_IPCC_CLIENT_SLPI, SM8250_PDC_PIN_SLPI_WDOG },
};

/* The DSPs exist before the SCM, whose PAS service links to them */
static void sm8250_init_dsps(QcomSm8250State *s)
{
    for (int i = 0; i < SM8250_NUM_DSPS; i++) {
        DeviceState *dev;

        object_initialize_child(OBJECT(s), sm8250_dsps[i].name, &s->dsp[i],
                                TYPE_QCOM_DSP);
        dev = DEVICE(&s->dsp[i]);
        qdev_prop_set_string(dev, "name", sm8250_dsps[i].name);
        qdev_prop_set_uint32(dev, "pas-id", sm8250_dsps[i].pas_id);
        qdev_prop_set_uint32(dev, "image-id", sm8250_dsps[i].image_id);
        qdev_prop_set_uint8(dev, "master", sm8250_dsps[i].master);
        qdev_prop_set_uint32(dev, "smp2p-pid", sm8250_dsps[i].pid);
        qdev_prop_set_uint32(dev, "smp2p-in-item", sm8250_dsps[i].apps_item);
        qdev_prop_set_uint32(dev, "smp2p-out-item", sm8250_dsps[i].dsp_item);
        qdev_prop_set_uint32(dev, "crash-reason-item",
                             sm8250_dsps[i].crash_item);
        s->apss.pas_dsps[i] = &s->dsp[i];
    }
}

/* After SMEM and IPCC: the DSPs' memory, doorbells and watchdogs */
static bool sm8250_realize_dsps(QcomSm8250State *s, Error **errp)
{
    DeviceState *ipcc = DEVICE(&s->ipcc);

    for (int i = 0; i < SM8250_NUM_DSPS; i++) {
        DeviceState *dev = DEVICE(&s->dsp[i]);
        unsigned line = QCOM_IPCC_LINE(sm8250_dsps[i].ipcc_client,
                                       QCOM_IPCC_SIGNAL_SMP2P);

        object_property_set_link(OBJECT(dev), "dma",
                                 OBJECT(&s->apss.soc_bus), &error_abort);
        object_property_set_link(OBJECT(dev), "smem", OBJECT(&s->smem),
                                 &error_abort);
        if (!qdev_realize(dev, NULL, errp)) {
            return false;
        }
        qdev_connect_gpio_out_named(dev, "smp2p", 0,
                                    qdev_get_gpio_in(ipcc, line));
        qdev_connect_gpio_out_named(ipcc, "client", line,
                                    qdev_get_gpio_in_named(dev, "ipc", 0));
        qdev_connect_gpio_out_named(dev, "wdog", 0,
            sm8250_dsps[i].wdog_pdc_pin >= 0 ?
            qdev_get_gpio_in(DEVICE(&s->pdc), sm8250_dsps[i].wdog_pdc_pin) :
            sm8250_spi(s, SM8250_IRQ_CDSP_WDOG));
    }
    return true;
}

/* The CPUs, their GIC, DRAM behind the XPU and the cache model, the SCM */
static bool sm8250_realize_apss(QcomSm8250State *s, Error **errp)
{
    const QcomApssConfig cfg = {
        .soc = TYPE_QCOM_SM8250,
        .dram_base = qcom_sm8250_memmap[SM8250_DRAM].base,
        .min_ram = SM8250_MIN_RAM,
        .max_ram = SM8250_MAX_RAM,
        .ram_why = "the reserved memory of sm8250.dtsi ends at 0x90500000, "
                   "and the initrd goes above it",
        .cntfrq = SM8250_CNTFRQ,
        .gic_dist = qcom_sm8250_memmap[SM8250_GIC_DIST].base,
        .gic_redist = qcom_sm8250_memmap[SM8250_GIC_REDIST].base,
        .num_spis = SM8250_NUM_SPIS,
        .timer_ppi = {
            [GTIMER_PHYS] = SM8250_PPI_TIMER_PHYS,
            [GTIMER_VIRT] = SM8250_PPI_TIMER_VIRT,
            [GTIMER_HYP] = SM8250_PPI_TIMER_HYP,
            [GTIMER_SEC] = SM8250_PPI_TIMER_SEC,
        },
        .pmu_ppi = SM8250_PPI_PMU,
        .gic_maint_ppi = SM8250_PPI_GIC_MAINT,
        .xpu_regs = qcom_sm8250_memmap[SM8250_XPU_CFG].base,
        .xpu_spi = qcom_sm8250_irqmap[SM8250_IRQ_XPU],
        .xpu_window = qcom_sm8250_memmap[SM8250_XPU_WINDOW].base,
        .dcache_window = qcom_sm8250_memmap[SM8250_DCACHE_WINDOW].base,
        /* 6.12's sm8250.dtsi: qcom,dload-mode = <&tcsr 0x13000> */
        .dload_mode_addr = SM8250_TCSR + 0x13000,
    };

    return qcom_apss_realize(&s->apss, OBJECT(s), &cfg, errp);
}

static bool sm8250_realize_timer(QcomSm8250State *s, Error **errp)
{
    SysBusDevice *sbd;

    object_initialize_child(OBJECT(s), "timer", &s->timer,
                            TYPE_ARM_GENERIC_TIMER_MMIO);
    sbd = SYS_BUS_DEVICE(&s->timer);
    /* the frame counts the CPUs' system counter */
    qdev_prop_set_uint32(DEVICE(&s->timer), "cntfrq", SM8250_CNTFRQ);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sm8250_map(sbd, 0, SM8250_TIMER_CTL);
    sm8250_map(sbd, 1, SM8250_TIMER_FRAME0);
    sysbus_connect_irq(sbd, ARM_GTMMIO_PHYS,
                       sm8250_spi(s, SM8250_IRQ_TIMER_PHYS));
    sysbus_connect_irq(sbd, ARM_GTMMIO_VIRT,
                       sm8250_spi(s, SM8250_IRQ_TIMER_VIRT));
    return true;
}

static bool sm8250_realize_tlmm(QcomSm8250State *s, Error **errp)
{
    QList *tiles = qlist_new(), *gpio_tiles = qlist_new();
    uint8_t tile_of[SM8250_NUM_GPIOS];
    SysBusDevice *sbd;

    memset(tile_of, SM8250_TILE_NORTH, sizeof(tile_of));
    for (int i = 0; i < ARRAY_SIZE(sm8250_gpio_tiles); i++) {
        for (int n = sm8250_gpio_tiles[i].first;
             n <= sm8250_gpio_tiles[i].last; n++) {
            tile_of[n] = sm8250_gpio_tiles[i].tile;
        }
    }
    for (int i = 0; i < ARRAY_SIZE(sm8250_tlmm_tiles); i++) {
        qlist_append_int(tiles, sm8250_tlmm_tiles[i]);
    }
    for (int n = 0; n < SM8250_NUM_GPIOS; n++) {
        qlist_append_int(gpio_tiles, tile_of[n]);
    }
    object_initialize_child(OBJECT(s), "tlmm", &s->tlmm, TYPE_QCOM_TLMM);
    qdev_prop_set_uint64(DEVICE(&s->tlmm), "size",
                         qcom_sm8250_memmap[SM8250_TLMM].size);
    qdev_prop_set_array(DEVICE(&s->tlmm), "tile-offsets", tiles);
    qdev_prop_set_array(DEVICE(&s->tlmm), "gpio-tiles", gpio_tiles);
    sbd = SYS_BUS_DEVICE(&s->tlmm);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sm8250_map(sbd, 0, SM8250_TLMM);
    sysbus_connect_irq(sbd, 0, sm8250_spi(s, SM8250_IRQ_TLMM));
    return true;
}

static bool sm8250_realize_pdc(QcomSm8250State *s, Error **errp)
{
    DeviceState *pdc;

    object_initialize_child(OBJECT(s), "pdc", &s->pdc, TYPE_QCOM_PDC);
    pdc = DEVICE(&s->pdc);
    qdev_prop_set_uint32(pdc, "num-pins", SM8250_PDC_PINS);
    if (!sysbus_realize(SYS_BUS_DEVICE(pdc), errp)) {
        return false;
    }
    sm8250_map(SYS_BUS_DEVICE(pdc), 0, SM8250_PDC);
    for (int i = 0; i < SM8250_NUM_PDC_RANGES; i++) {
        const QcomPdcRange *r = &qcom_sm8250_pdc_ranges[i];

        for (int n = 0; n < r->count; n++) {
            qdev_connect_gpio_out(pdc, r->pin + n,
                                  qcom_apss_spi(&s->apss, r->spi + n));
        }
    }
    return true;
}

/*
 * The IPCC, and the AOP's message channel behind it: APPS rings the AOP
 * as client AOP, signal GLINK_QMP, and the AOP answers on the same.
 */
static bool sm8250_realize_ipcc(QcomSm8250State *s, Error **errp)
{
    const unsigned aop = QCOM_IPCC_LINE(QCOM_IPCC_CLIENT_AOP,
                                        QCOM_IPCC_SIGNAL_GLINK_QMP);
    SysBusDevice *sbd;

    object_initialize_child(OBJECT(s), "ipcc", &s->ipcc, TYPE_QCOM_IPCC);
    sbd = SYS_BUS_DEVICE(&s->ipcc);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sm8250_map(sbd, 0, SM8250_IPCC);
    sysbus_connect_irq(sbd, 0, sm8250_spi(s, SM8250_IRQ_IPCC));

    object_initialize_child(OBJECT(s), "aoss-qmp", &s->aoss_qmp,
                            TYPE_QCOM_AOSS_QMP);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->aoss_qmp), errp)) {
        return false;
    }
    sm8250_map(SYS_BUS_DEVICE(&s->aoss_qmp), 0, SM8250_AOSS_QMP);
    qdev_connect_gpio_out_named(DEVICE(&s->ipcc), "client", aop,
                                qdev_get_gpio_in(DEVICE(&s->aoss_qmp), 0));
    sysbus_connect_irq(SYS_BUS_DEVICE(&s->aoss_qmp), 0,
                       qdev_get_gpio_in(DEVICE(&s->ipcc), aop));
    return true;
}

/*
 * The blocks the supplier chains of the console and the DSPs need, with
 * no link to the rest: the memory-mapped timer, GCC, GPU CC, TLMM, PDC,
 * and the IPCC with the AOSS QMP.
 */
static bool sm8250_realize_platform(QcomSm8250State *s, Error **errp)
{
    if (!sm8250_realize_timer(s, errp)) {
        return false;
    }
    object_initialize_child(OBJECT(s), "gcc", &s->gcc, TYPE_QCOM_GCC_SM8250);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->gcc), errp)) {
        return false;
    }
    sm8250_map(SYS_BUS_DEVICE(&s->gcc), 0, SM8250_GCC);
    /* the Adreno SMMU's power domain; defconfig builds its driver in */
    object_initialize_child(OBJECT(s), "gpucc", &s->gpucc,
                            TYPE_QCOM_GPUCC_SM8250);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->gpucc), errp)) {
        return false;
    }
    sm8250_map(SYS_BUS_DEVICE(&s->gpucc), 0, SM8250_GPUCC);
    return sm8250_realize_tlmm(s, errp) &&
           sm8250_realize_pdc(s, errp) &&
           sm8250_realize_ipcc(s, errp);
}

/* The TCSR mutex and SMEM (written by the board's reset through soc-bus) */
static bool sm8250_realize_services(QcomSm8250State *s, Error **errp)
{
    const MemMapEntry *smem = &qcom_sm8250_memmap[SM8250_SMEM];
    DeviceState *dev;

    object_initialize_child(OBJECT(s), "tcsr-mutex", &s->tcsr_mutex,
                            TYPE_QCOM_TCSR_MUTEX);
    dev = DEVICE(&s->tcsr_mutex);
    qdev_prop_set_uint32(dev, "num-locks",
                         qcom_sm8250_memmap[SM8250_TCSR_MUTEX].size /
                         QCOM_TCSR_MUTEX_STRIDE);
    if (!sysbus_realize(SYS_BUS_DEVICE(dev), errp)) {
        return false;
    }
    sm8250_map(SYS_BUS_DEVICE(dev), 0, SM8250_TCSR_MUTEX);

    object_initialize_child(OBJECT(s), "smem", &s->smem, TYPE_QCOM_SMEM);
    dev = DEVICE(&s->smem);
    object_property_set_link(OBJECT(dev), "memory",
                             OBJECT(&s->apss.soc_bus), &error_abort);
    object_property_set_link(OBJECT(dev), "mutex", OBJECT(&s->tcsr_mutex),
                             &error_abort);
    qdev_prop_set_uint64(dev, "base", smem->base);
    qdev_prop_set_uint64(dev, "size", smem->size);
    /*
     * SM8250's boot loader: the global partition (Linux reads items 601
     * and 602) with its minidump table
     */
    qdev_prop_set_uint32(dev, "version", QCOM_SMEM_GLOBAL_PART_VERSION);
    qdev_prop_set_bit(dev, "minidump", true);
    return sysbus_realize(SYS_BUS_DEVICE(dev), errp);
}

/* RPMh: the Command DB carve-out and the APPS RSC, whose DRV 2 is Linux's */
static bool sm8250_realize_rpmh(QcomSm8250State *s, Error **errp)
{
    const MemMapEntry *cmd_db = &qcom_sm8250_memmap[SM8250_CMD_DB];
    SysBusDevice *sbd;

    object_initialize_child(OBJECT(s), "cmd-db", &s->cmd_db,
                            TYPE_QCOM_CMD_DB_SM8250);
    object_property_set_link(OBJECT(&s->cmd_db), "memory",
                             OBJECT(&s->apss.soc_bus), &error_abort);
    qdev_prop_set_uint64(DEVICE(&s->cmd_db), "base", cmd_db->base);
    qdev_prop_set_uint64(DEVICE(&s->cmd_db), "size", cmd_db->size);
    if (!sysbus_realize(SYS_BUS_DEVICE(&s->cmd_db), errp)) {
        return false;
    }

    object_initialize_child(OBJECT(s), "apps-rsc", &s->rsc,
                            TYPE_QCOM_RPMH_RSC);
    qdev_prop_set_uint32(DEVICE(&s->rsc), "drv-id", SM8250_RSC_DRV);
    sbd = SYS_BUS_DEVICE(&s->rsc);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sm8250_map(sbd, 0, SM8250_RPMH_RSC);
    for (int i = 0; i < QCOM_RPMH_RSC_NUM_DRVS; i++) {
        sysbus_connect_irq(sbd, i, sm8250_spi(s, SM8250_IRQ_RSC_DRV0 + i));
    }
    return true;
}

/* The QUPv3 wrappers and the debug UART, serial engine 4 of wrapper 1 */
static bool sm8250_realize_uart(QcomSm8250State *s, Error **errp)
{
    static const int qup_block[SM8250_NUM_QUPS] = {
        SM8250_QUP0, SM8250_QUP1, SM8250_QUP2,
    };
    SysBusDevice *sbd;

    for (int i = 0; i < SM8250_NUM_QUPS; i++) {
        object_initialize_child(OBJECT(s), "qup[*]", &s->qup[i],
                                TYPE_QCOM_QUPV3);
        if (!sysbus_realize(SYS_BUS_DEVICE(&s->qup[i]), errp)) {
            return false;
        }
        sm8250_map(SYS_BUS_DEVICE(&s->qup[i]), 0, qup_block[i]);
    }

    object_initialize_child(OBJECT(s), "uart12", &s->uart12,
                            TYPE_QCOM_GENI_UART);
    sbd = SYS_BUS_DEVICE(&s->uart12);
    qdev_prop_set_chr(DEVICE(sbd), "chardev", serial_hd(0));
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sm8250_map(sbd, 0, SM8250_QUP1_SE4);
    sysbus_connect_irq(sbd, 0, sm8250_spi(s, SM8250_IRQ_QUP1_SE4));
    return true;
}

static void sm8250_realize(DeviceState *dev, Error **errp)
{
    QcomSm8250State *s = QCOM_SM8250(dev);
    const MemMapEntry *io = &qcom_sm8250_memmap[SM8250_IO];

    sm8250_init_dsps(s);
    if (!sm8250_realize_apss(s, errp) ||
        !sm8250_realize_platform(s, errp) ||
        !sm8250_realize_services(s, errp) ||
        !sm8250_realize_rpmh(s, errp) ||
        !sm8250_realize_uart(s, errp) ||
        !sm8250_realize_dsps(s, errp)) {
        return;
    }
    create_unimplemented_device("sm8250-io", io->base, io->size);
}

static const Property sm8250_properties[] = {
    DEFINE_PROP_LINK("ram", QcomSm8250State, apss.ram,
                     TYPE_MEMORY_REGION, MemoryRegion *),
    DEFINE_PROP_UINT32("num-cpus", QcomSm8250State, apss.num_cpus,
                       QCOM_APSS_MAX_CPUS),
    DEFINE_PROP_STRING("cpu-type", QcomSm8250State, apss.cpu_type),
    DEFINE_PROP_BOOL("xpu", QcomSm8250State, apss.xpu_enabled, true),
    DEFINE_PROP_BOOL("dcache", QcomSm8250State, apss.dcache_enabled,
                     true),
};

static void sm8250_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Qualcomm SM8250 SoC (qcom-mss-sim)";
    dc->realize = sm8250_realize;
    /* created by a board, with its RAM */
    dc->user_creatable = false;
    device_class_set_props(dc, sm8250_properties);
}

static const TypeInfo sm8250_types[] = {
    {
        .name = TYPE_QCOM_SM8250,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(QcomSm8250State),
        .class_init = sm8250_class_init,
    },
};

DEFINE_TYPES(sm8250_types)
