/*
 * Qualcomm SM8250 machine for modem-subsystem experiments (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The blocks that exist on SM8250 sit at SM8250's addresses; the debug
 * UART is a PL011 in place of the QUP/GENI serial engine, which Linux's
 * earlycon and QEMU both know well. The modem subsystem, added by later
 * blocks of the map, is of the SDM845/SC7180 generation: upstream Linux
 * has no MSS-PIL binding for SM8250 (docs/system/arm/qcom-sm8250.rst).
 */

#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qemu/error-report.h"
#include "qapi/error.h"
#include "qobject/qlist.h"
#include "exec/address-spaces.h"
#include "hw/arm/qcom-sm8250.h"
#include "hw/arm/bsa.h"
#include "hw/arm/fdt.h"
#include "hw/char/pl011.h"
#include "hw/intc/arm_gicv3_common.h"
#include "hw/misc/cpu-dcache.h"
#include "hw/misc/qcom-aoss-reset.h"
#include "hw/misc/qcom-apcs-ipc.h"
#include "hw/misc/qcom-cmd-db.h"
#include "hw/misc/qcom-pdc-reset.h"
#include "hw/misc/qcom-rpmh-rsc.h"
#include "hw/misc/qcom-smem.h"
#include "hw/misc/qcom-tcsr-mutex.h"
#include "hw/misc/qcom-scm.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/qdev-properties.h"
#include "hw/remoteproc/qcom-q6v5-mss.h"
#include "hw/sysbus.h"
#include "system/device_tree.h"
#include "system/system.h"
#include "target/arm/cpu.h"
#include "target/arm/cpu-qom.h"
#include <libfdt.h>

const MemMapEntry qcom_sm8250_memmap[SM8250_NUM_BLOCKS] = {
    /* QUP serial engine of the RB5 debug UART; a PL011 here */
    [SM8250_UART] =        { 0x00a90000, 0x1000 },
    [SM8250_GIC_DIST] =    { 0x17a00000, 0x10000 },
    /* 8 redistributors of 2 x 64 KiB frames */
    [SM8250_GIC_REDIST] =  { 0x17a60000, 0x100000 },
    /* size from -m */
    [SM8250_DRAM] =        { 0x80000000, 0 },
    /*
     * XPU registers (our layout, docs/devel/qcom-xpu.rst) in the hole
     * between the TCSR mutex (0x01f40000) and the TCSR (0x01fc0000).
     */
    [SM8250_XPU_CFG] =     { 0x01fb0000, 0x4000 },
    /*
     * Where the XPU checks DRAM pages that are not plainly allowed (see
     * hw/misc/qcom-xpu.c); far above DRAM, size from -m. Not in the DT.
     */
    [SM8250_XPU_WINDOW] =  { 0x4000000000, 0 },
    /* Likewise for the cache model's non-cacheable accesses to held pages */
    [SM8250_DCACHE_WINDOW] = { 0x4400000000, 0 },
    /*
     * SM8250's TCSR block; the modem's AXI halt registers sit in it at
     * SDM845's offsets (0x3000 q6, 0x5000 modem, 0x4000 nc). SDM845's
     * own place for them, 0x01f60000, is inside SM8250's TCSR mutex.
     */
    [SM8250_TCSR] =        { 0x01fc0000, 0x30000 },
    /* The modem's Q6 (SDM845 generation, at SDM845's addresses) */
    [SM8250_MSS_QDSP6] =   { 0x04080000, 0x408 },
    [SM8250_MSS_RMB] =     { 0x04180000, 0x48 },
    /* hwspinlocks: 64 locks of 4 KiB (Linux uses the first 32) */
    [SM8250_TCSR_MUTEX] =  { 0x01f40000, 0x40000 },
    /*
     * APSS shared block of the SDM845 generation (its IPC register at
     * +0xc rings the modem); SM8250 itself signals through IPCC.
     */
    [SM8250_APSS_SHARED] = { 0x17990000, 0x1000 },
    /*
     * Command DB (left in DRAM by the AOP's boot firmware) and SMEM (laid
     * out at reset as the boot loader does), at SDM845's addresses: QEMU
     * loads the kernel at DRAM + 2 MiB, where SM8250's own (0x80860000,
     * 0x80900000) would leave a kernel no more than 6 MiB; these leave
     * it 93 MiB (scripts/check-kernel checks an Image's size against it).
     */
    [SM8250_CMD_DB] =      { 0x85fe0000, 0x20000 },
    [SM8250_SMEM] =        { 0x86000000, 0x200000 },
    /* APPS RSC: DRV 0, 1 and 2 of 64 KiB each; Linux's is DRV 2 */
    [SM8250_RPMH_RSC] =    { 0x18200000, 0x30000 },
    /*
     * The modem's reset controllers, at SDM845's addresses (SM8250 has
     * no integrated modem): AOSS clock controller resets and PDC global.
     */
    [SM8250_AOSS_RESET] =  { 0x0c2a0000, 0x31000 },
    [SM8250_PDC_RESET] =   { 0x0b2e0000, 0x20000 },
    /* The modem's carve-outs (SDM845's), and the optional metadata one */
    [SM8250_MPSS_MEM] =    { 0x8e000000, 0x7800000 },
    [SM8250_MBA_MEM] =     { 0x96500000, 0x200000 },
    [SM8250_METADATA_MEM] = { 0x96700000, 0x4000 },
};

/* GIC SPI numbers (interrupt ID - 32) */
#define SM8250_UART_SPI 357
/* an unused SPI for the XPU's (secure) error interrupt; not in the DT */
#define SM8250_XPU_SPI 900
/* the modem's interrupts to the APPS side, at SDM845's numbers */
#define SM8250_MSS_WDOG_SPI 266
#define SM8250_MSS_SMP2P_SPI 451
/* SMEM items of the modem's SMP2P edge (SDM845's), and SMEM's hwlock */
#define SM8250_MSS_SMP2P_ITEM_IN 435
#define SM8250_MSS_SMP2P_ITEM_OUT 428
#define SM8250_SMEM_HWLOCK 3
/* The modem's AXI halt registers in the TCSR block (SDM845's offsets) */
#define SM8250_MSS_HALT_Q6 0x3000
#define SM8250_MSS_HALT_MODEM 0x5000
#define SM8250_MSS_HALT_NC 0x4000
/* dt-bindings/power/qcom-rpmpd.h: SDM845_MX, SDM845_CX, SDM845_MSS */
#define SM8250_RPMHPD_MX 1
#define SM8250_RPMHPD_CX 3
#define SM8250_RPMHPD_MSS 8

/*
 * The clocks qcom_q6v5_mss enables for "qcom,sdm845-mss-pil", by the
 * names it asks for, as fixed clocks named after the GCC (and RPMh XO)
 * branches that feed them on SDM845.
 */
static const struct {
    const char *name;
    const char *node;
    uint32_t hz;
} sm8250_mss_clocks[SM8250_MSS_NUM_CLOCKS] = {
    { "iface", "gcc-mss-cfg-ahb-clk", 19200000 },
    { "bus", "gcc-mss-q6-memnoc-axi-clk", 19200000 },
    { "mem", "gcc-boot-rom-ahb-clk", 19200000 },
    { "gpll0_mss", "gcc-mss-gpll0-div-clk-src", 300000000 },
    { "snoc_axi", "gcc-mss-snoc-axi-clk", 19200000 },
    { "mnoc_axi", "gcc-mss-mfab-axis-clk", 19200000 },
    { "prng", "gcc-prng-ahb-clk", 19200000 },
    { "xo", "rpmh-cxo-clk", 19200000 },
};

/*
 * The reserved memory (cmd-db, SMEM, the modem's carve-outs) ends below
 * 0x96800000, inside the smallest -m; the CMA pool sits below 4 GiB
 * because RMB registers take 32-bit addresses.
 */
#define SM8250_MIN_RAM (1 * GiB)
#define SM8250_MAX_RAM (8 * GiB)
#define SM8250_CMA_SIZE (32 * MiB)

static void sm8250_fdt_add_memory(QcomSM8250MachineState *s)
{
    MachineState *ms = MACHINE(s);
    hwaddr base = qcom_sm8250_memmap[SM8250_DRAM].base;
    g_autofree char *mem = g_strdup_printf("/memory@%" HWADDR_PRIx, base);
    g_autofree char *name = NULL;

    qemu_fdt_add_subnode(s->fdt, mem);
    qemu_fdt_setprop_string(s->fdt, mem, "device_type", "memory");
    qemu_fdt_setprop_sized_cells(s->fdt, mem, "reg", 2, base,
                                 2, ms->ram_size);

    qemu_fdt_add_subnode(s->fdt, "/reserved-memory");
    qemu_fdt_setprop_cell(s->fdt, "/reserved-memory", "#address-cells", 2);
    qemu_fdt_setprop_cell(s->fdt, "/reserved-memory", "#size-cells", 2);
    qemu_fdt_setprop(s->fdt, "/reserved-memory", "ranges", NULL, 0);

    qemu_fdt_add_subnode(s->fdt, "/reserved-memory/linux,cma");
    qemu_fdt_setprop_string(s->fdt, "/reserved-memory/linux,cma",
                            "compatible", "shared-dma-pool");
    qemu_fdt_setprop(s->fdt, "/reserved-memory/linux,cma", "reusable",
                     NULL, 0);
    qemu_fdt_setprop(s->fdt, "/reserved-memory/linux,cma",
                     "linux,cma-default", NULL, 0);
    qemu_fdt_setprop_sized_cells(s->fdt, "/reserved-memory/linux,cma",
                                 "size", 2, SM8250_CMA_SIZE);
    qemu_fdt_setprop_sized_cells(s->fdt, "/reserved-memory/linux,cma",
                                 "alloc-ranges", 2, base,
                                 2, MIN(ms->ram_size, 4 * GiB - base));

    /*
     * SMEM as SDM845 describes it: the reserved-memory node itself is the
     * "qcom,smem" device (Linux creates it from /reserved-memory), kept
     * off Linux with no-map and guarded by TCSR mutex lock 3.
     */
    name = g_strdup_printf("/reserved-memory/smem@%" HWADDR_PRIx,
                           qcom_sm8250_memmap[SM8250_SMEM].base);
    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop_string(s->fdt, name, "compatible", "qcom,smem");
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg",
                                 2, qcom_sm8250_memmap[SM8250_SMEM].base,
                                 2, qcom_sm8250_memmap[SM8250_SMEM].size);
    qemu_fdt_setprop(s->fdt, name, "no-map", NULL, 0);
    qemu_fdt_setprop_cells(s->fdt, name, "hwlocks", s->tcsr_mutex_phandle,
                           SM8250_SMEM_HWLOCK);
}

static void sm8250_fdt_add_cpus(QcomSM8250MachineState *s)
{
    MachineState *ms = MACHINE(s);
    int cpu;

    qemu_fdt_add_subnode(s->fdt, "/cpus");
    qemu_fdt_setprop_cell(s->fdt, "/cpus", "#address-cells", 1);
    qemu_fdt_setprop_cell(s->fdt, "/cpus", "#size-cells", 0);

    /* Added last first: libfdt puts each new subnode at the front. */
    for (cpu = ms->smp.cpus - 1; cpu >= 0; cpu--) {
        ARMCPU *armcpu = ARM_CPU(qemu_get_cpu(cpu));
        g_autofree char *name = g_strdup_printf("/cpus/cpu@%d", cpu);

        qemu_fdt_add_subnode(s->fdt, name);
        qemu_fdt_setprop_string(s->fdt, name, "device_type", "cpu");
        qemu_fdt_setprop_string(s->fdt, name, "compatible",
                                armcpu->dtb_compatible);
        qemu_fdt_setprop_cell(s->fdt, name, "reg",
                              arm_cpu_mp_affinity(armcpu));
        if (ms->smp.cpus > 1) {
            qemu_fdt_setprop_string(s->fdt, name, "enable-method", "psci");
        }
    }

    /* Replaced by arm_load_dtb() with the CPUs' own PSCI version. */
    qemu_fdt_add_subnode(s->fdt, "/psci");
    qemu_fdt_setprop_string(s->fdt, "/psci", "compatible", "arm,psci-1.0");
    qemu_fdt_setprop_string(s->fdt, "/psci", "method", "smc");
}

static void sm8250_fdt_add_timer(QcomSM8250MachineState *s)
{
    const uint32_t flags = GIC_FDT_IRQ_FLAGS_LEVEL_LO;
    const char compat[] = "arm,armv8-timer";

    qemu_fdt_add_subnode(s->fdt, "/timer");
    qemu_fdt_setprop(s->fdt, "/timer", "compatible", compat, sizeof(compat));
    qemu_fdt_setprop_cells(s->fdt, "/timer", "interrupts",
        GIC_FDT_IRQ_TYPE_PPI, INTID_TO_PPI(ARCH_TIMER_S_EL1_IRQ), flags,
        GIC_FDT_IRQ_TYPE_PPI, INTID_TO_PPI(ARCH_TIMER_NS_EL1_IRQ), flags,
        GIC_FDT_IRQ_TYPE_PPI, INTID_TO_PPI(ARCH_TIMER_VIRT_IRQ), flags,
        GIC_FDT_IRQ_TYPE_PPI, INTID_TO_PPI(ARCH_TIMER_NS_EL2_IRQ), flags);
}

static void sm8250_fdt_add_gic(QcomSM8250MachineState *s, uint32_t phandle)
{
    const MemMapEntry *dist = &qcom_sm8250_memmap[SM8250_GIC_DIST];
    const MemMapEntry *redist = &qcom_sm8250_memmap[SM8250_GIC_REDIST];
    g_autofree char *name = g_strdup_printf("/soc/interrupt-controller@%"
                                            HWADDR_PRIx, dist->base);

    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop_string(s->fdt, name, "compatible", "arm,gic-v3");
    qemu_fdt_setprop_cell(s->fdt, name, "#interrupt-cells", 3);
    qemu_fdt_setprop(s->fdt, name, "interrupt-controller", NULL, 0);
    qemu_fdt_setprop_cell(s->fdt, name, "#redistributor-regions", 1);
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg",
                                 2, dist->base, 2, dist->size,
                                 2, redist->base, 2, redist->size);
    qemu_fdt_setprop_cells(s->fdt, name, "interrupts",
                           GIC_FDT_IRQ_TYPE_PPI,
                           INTID_TO_PPI(ARCH_GIC_MAINT_IRQ),
                           GIC_FDT_IRQ_FLAGS_LEVEL_HI);
    qemu_fdt_setprop_cell(s->fdt, name, "phandle", phandle);
}

static void sm8250_fdt_add_uart(QcomSM8250MachineState *s)
{
    const MemMapEntry *uart = &qcom_sm8250_memmap[SM8250_UART];
    g_autofree char *name = g_strdup_printf("/soc/serial@%" HWADDR_PRIx,
                                            uart->base);
    const char compat[] = "arm,pl011\0arm,primecell";
    const char clk_names[] = "uartclk\0apb_pclk";
    uint32_t clk = qemu_fdt_alloc_phandle(s->fdt);

    /* A fixed 24 MHz clock, the SoC's XO. */
    qemu_fdt_add_subnode(s->fdt, "/clocks");
    qemu_fdt_add_subnode(s->fdt, "/clocks/xo-board");
    qemu_fdt_setprop_string(s->fdt, "/clocks/xo-board", "compatible",
                            "fixed-clock");
    qemu_fdt_setprop_cell(s->fdt, "/clocks/xo-board", "#clock-cells", 0);
    qemu_fdt_setprop_cell(s->fdt, "/clocks/xo-board", "clock-frequency",
                          24000000);
    qemu_fdt_setprop_string(s->fdt, "/clocks/xo-board", "clock-output-names",
                            "xo_board");
    qemu_fdt_setprop_cell(s->fdt, "/clocks/xo-board", "phandle", clk);

    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop(s->fdt, name, "compatible", compat, sizeof(compat));
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg",
                                 2, uart->base, 2, uart->size);
    qemu_fdt_setprop_cells(s->fdt, name, "interrupts", GIC_FDT_IRQ_TYPE_SPI,
                           SM8250_UART_SPI, GIC_FDT_IRQ_FLAGS_LEVEL_HI);
    qemu_fdt_setprop_cells(s->fdt, name, "clocks", clk, clk);
    qemu_fdt_setprop(s->fdt, name, "clock-names", clk_names,
                     sizeof(clk_names));

    qemu_fdt_add_subnode(s->fdt, "/aliases");
    qemu_fdt_setprop_string(s->fdt, "/aliases", "serial0", name);
    qemu_fdt_add_subnode(s->fdt, "/chosen");
    qemu_fdt_setprop_string(s->fdt, "/chosen", "stdout-path", name);
}

/* Qualcomm's secure firmware (SCM), answered by hw/misc/qcom-scm.c */
static void sm8250_fdt_add_scm(QcomSM8250MachineState *s)
{
    const char compat[] = "qcom,scm-sm8250\0qcom,scm";

    qemu_fdt_add_subnode(s->fdt, "/firmware");
    qemu_fdt_add_subnode(s->fdt, "/firmware/scm");
    qemu_fdt_setprop(s->fdt, "/firmware/scm", "compatible", compat,
                     sizeof(compat));
    qemu_fdt_setprop_cell(s->fdt, "/firmware/scm", "#reset-cells", 1);
    /* -global qcom-scm.dma-coherent=on: Linux skips cache maintenance */
    if (object_property_get_bool(OBJECT(s->scm), "dma-coherent",
                                 &error_abort)) {
        qemu_fdt_setprop(s->fdt, "/firmware/scm", "dma-coherent", NULL, 0);
    }
}

/*
 * A /soc node for a block of the map: "/soc/NODE@BASE" with its compatible
 * list (compat_len bytes, NUL-separated), reg and phandle. Returns the
 * node's path, to add the binding's other properties to.
 */
static char *sm8250_fdt_add_block(QcomSM8250MachineState *s, const char *node,
                                  int block, const char *compat,
                                  size_t compat_len, uint32_t phandle)
{
    const MemMapEntry *e = &qcom_sm8250_memmap[block];
    char *name = g_strdup_printf("/soc/%s@%" HWADDR_PRIx, node, e->base);

    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop(s->fdt, name, "compatible", compat, compat_len);
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg", 2, e->base, 2, e->size);
    qemu_fdt_setprop_cell(s->fdt, name, "phandle", phandle);
    return name;
}

/*
 * The modem's platform services (qcom,tcsr-mutex, qcom,sdm845-apss-shared,
 * qcom,smp2p), as sm8250.dtsi and sdm845.dtsi describe them.
 */
static void sm8250_fdt_add_services(QcomSM8250MachineState *s)
{
    const char mutex_compat[] = "qcom,tcsr-mutex";
    const char apss_compat[] = "qcom,sdm845-apss-shared";
    g_autofree char *name = NULL;
    g_autofree char *child = NULL;

    name = sm8250_fdt_add_block(s, "hwlock", SM8250_TCSR_MUTEX, mutex_compat,
                                sizeof(mutex_compat), s->tcsr_mutex_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#hwlock-cells", 1);
    g_free(name);

    name = sm8250_fdt_add_block(s, "mailbox", SM8250_APSS_SHARED, apss_compat,
                                sizeof(apss_compat), s->apss_shared_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#mbox-cells", 1);
    g_free(name);

    /*
     * Modem SMP2P: inbound item 435 (the modem's, created when it comes
     * up), outbound 428 (allocated by Linux at probe); the modem rings
     * SPI 451, Linux rings the modem through APSS IPC bit 14.
     */
    name = g_strdup("/smp2p-mpss");
    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop_string(s->fdt, name, "compatible", "qcom,smp2p");
    qemu_fdt_setprop_cells(s->fdt, name, "qcom,smem",
                           SM8250_MSS_SMP2P_ITEM_IN, SM8250_MSS_SMP2P_ITEM_OUT);
    qemu_fdt_setprop_cells(s->fdt, name, "interrupts", GIC_FDT_IRQ_TYPE_SPI,
                           SM8250_MSS_SMP2P_SPI, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI);
    qemu_fdt_setprop_cells(s->fdt, name, "mboxes", s->apss_shared_phandle,
                           QCOM_APCS_IPC_MSS_SMP2P);
    qemu_fdt_setprop_cell(s->fdt, name, "qcom,local-pid", 0);
    qemu_fdt_setprop_cell(s->fdt, name, "qcom,remote-pid", 1);

    /* Added last first: libfdt puts each new subnode at the front. */
    child = g_strdup_printf("%s/slave-kernel", name);
    qemu_fdt_add_subnode(s->fdt, child);
    qemu_fdt_setprop_string(s->fdt, child, "qcom,entry-name", "slave-kernel");
    qemu_fdt_setprop(s->fdt, child, "interrupt-controller", NULL, 0);
    qemu_fdt_setprop_cell(s->fdt, child, "#interrupt-cells", 2);
    qemu_fdt_setprop_cell(s->fdt, child, "phandle", s->smp2p_in_phandle);
    g_free(child);

    child = g_strdup_printf("%s/master-kernel", name);
    qemu_fdt_add_subnode(s->fdt, child);
    qemu_fdt_setprop_string(s->fdt, child, "qcom,entry-name",
                            "master-kernel");
    qemu_fdt_setprop_cell(s->fdt, child, "#qcom,smem-state-cells", 1);
    qemu_fdt_setprop_cell(s->fdt, child, "phandle", s->smp2p_out_phandle);
}

static uint32_t sm8250_fdt_add_nomap(QcomSM8250MachineState *s,
                                     const char *node, int block)
{
    const MemMapEntry *e = &qcom_sm8250_memmap[block];
    g_autofree char *name = g_strdup_printf("/reserved-memory/%s@%"
                                            HWADDR_PRIx, node, e->base);
    uint32_t phandle = qemu_fdt_alloc_phandle(s->fdt);

    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg", 2, e->base,
                                 2, e->size);
    qemu_fdt_setprop(s->fdt, name, "no-map", NULL, 0);
    qemu_fdt_setprop_cell(s->fdt, name, "phandle", phandle);
    return phandle;
}

/*
 * The modem's reset controllers, its halt registers' TCSR block (a
 * syscon), and fixed clocks standing in for the GCC branches the driver
 * enables; no driver ever sets their rates.
 */
static void sm8250_fdt_add_mss_providers(QcomSM8250MachineState *s)
{
    const char aoss_compat[] = "qcom,sdm845-aoss-cc";
    const char pdc_compat[] = "qcom,sdm845-pdc-global";
    const char tcsr_compat[] = "qcom,sdm845-tcsr\0syscon";
    g_autofree char *name = NULL;

    name = sm8250_fdt_add_block(s, "reset-controller", SM8250_AOSS_RESET,
                                aoss_compat, sizeof(aoss_compat),
                                s->aoss_reset_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#reset-cells", 1);
    g_free(name);

    name = sm8250_fdt_add_block(s, "reset-controller", SM8250_PDC_RESET,
                                pdc_compat, sizeof(pdc_compat),
                                s->pdc_reset_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#reset-cells", 1);

    g_free(sm8250_fdt_add_block(s, "syscon", SM8250_TCSR, tcsr_compat,
                                sizeof(tcsr_compat), s->tcsr_phandle));

    for (int i = 0; i < ARRAY_SIZE(sm8250_mss_clocks); i++) {
        g_autofree char *clk = g_strdup_printf("/clocks/%s",
                                               sm8250_mss_clocks[i].node);

        s->mss_clk_phandle[i] = qemu_fdt_alloc_phandle(s->fdt);
        qemu_fdt_add_subnode(s->fdt, clk);
        qemu_fdt_setprop_string(s->fdt, clk, "compatible", "fixed-clock");
        qemu_fdt_setprop_cell(s->fdt, clk, "#clock-cells", 0);
        qemu_fdt_setprop_cell(s->fdt, clk, "clock-frequency",
                              sm8250_mss_clocks[i].hz);
        qemu_fdt_setprop_string(s->fdt, clk, "clock-output-names",
                                sm8250_mss_clocks[i].node);
        qemu_fdt_setprop_cell(s->fdt, clk, "phandle", s->mss_clk_phandle[i]);
    }
}

/*
 * The modem as sdm845.dtsi describes mss_pil (qcom,q6v5.txt): its
 * carve-outs, the optional metadata carve-out of 6.12's DTs, clocks,
 * resets, power domains, SMP2P interrupts and the stop state.
 */
static void sm8250_fdt_add_mss(QcomSM8250MachineState *s)
{
    const MemMapEntry *q6 = &qcom_sm8250_memmap[SM8250_MSS_QDSP6];
    const MemMapEntry *rmb = &qcom_sm8250_memmap[SM8250_MSS_RMB];
    const char reg_names[] = "qdsp6\0rmb";
    const char irq_names[] = "wdog\0fatal\0ready\0handover\0stop-ack\0"
                             "shutdown-ack";
    const char reset_names[] = "mss_restart\0pdc_reset";
    const char pd_names[] = "cx\0mx\0mss";
    const char fw_names[] = QCOM_SM8250_MBA_FW "\0" QCOM_SM8250_MPSS_FW;
    uint32_t mba, mpss, metadata = 0;
    uint32_t clocks[ARRAY_SIZE(sm8250_mss_clocks)];
    GString *clk_names = g_string_new(NULL);
    g_autofree char *name = NULL;
    g_autofree char *child = NULL;

    mpss = sm8250_fdt_add_nomap(s, "mpss", SM8250_MPSS_MEM);
    mba = sm8250_fdt_add_nomap(s, "mba", SM8250_MBA_MEM);
    if (s->metadata_carveout) {
        metadata = sm8250_fdt_add_nomap(s, "mpss-metadata",
                                        SM8250_METADATA_MEM);
    }

    name = g_strdup_printf("/soc/remoteproc@%" HWADDR_PRIx, q6->base);
    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop_string(s->fdt, name, "compatible", "qcom,sdm845-mss-pil");
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg", 2, q6->base,
                                 2, q6->size, 2, rmb->base, 2, rmb->size);
    qemu_fdt_setprop(s->fdt, name, "reg-names", reg_names,
                     sizeof(reg_names));
    qemu_fdt_setprop(s->fdt, name, "firmware-name", fw_names,
                     sizeof(fw_names));
    /* the watchdog, then the modem's SMP2P bits 0-3 and 7 */
    qemu_fdt_setprop_cells(s->fdt, name, "interrupts-extended",
                           s->gic_phandle, GIC_FDT_IRQ_TYPE_SPI,
                           SM8250_MSS_WDOG_SPI, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 0, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 1, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 2, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 3, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 7,
                           GIC_FDT_IRQ_FLAGS_EDGE_LO_HI);
    qemu_fdt_setprop(s->fdt, name, "interrupt-names", irq_names,
                     sizeof(irq_names));
    for (int i = 0; i < ARRAY_SIZE(sm8250_mss_clocks); i++) {
        clocks[i] = cpu_to_be32(s->mss_clk_phandle[i]);
        g_string_append(clk_names, sm8250_mss_clocks[i].name);
        g_string_append_c(clk_names, 0);
    }
    qemu_fdt_setprop(s->fdt, name, "clocks", clocks, sizeof(clocks));
    qemu_fdt_setprop(s->fdt, name, "clock-names", clk_names->str,
                     clk_names->len);
    g_string_free(clk_names, true);
    qemu_fdt_setprop_cells(s->fdt, name, "qcom,smem-states",
                           s->smp2p_out_phandle, 0);
    qemu_fdt_setprop_string(s->fdt, name, "qcom,smem-state-names", "stop");
    qemu_fdt_setprop_cells(s->fdt, name, "resets",
                           s->aoss_reset_phandle, QCOM_AOSS_RESET_MSS,
                           s->pdc_reset_phandle, QCOM_PDC_RESET_MODEM);
    qemu_fdt_setprop(s->fdt, name, "reset-names", reset_names,
                     sizeof(reset_names));
    qemu_fdt_setprop_cells(s->fdt, name, "qcom,halt-regs", s->tcsr_phandle,
                           SM8250_MSS_HALT_Q6, SM8250_MSS_HALT_MODEM,
                           SM8250_MSS_HALT_NC);
    qemu_fdt_setprop_cells(s->fdt, name, "power-domains",
                           s->rpmhpd_phandle, SM8250_RPMHPD_CX,
                           s->rpmhpd_phandle, SM8250_RPMHPD_MX,
                           s->rpmhpd_phandle, SM8250_RPMHPD_MSS);
    qemu_fdt_setprop(s->fdt, name, "power-domain-names", pd_names,
                     sizeof(pd_names));

    /* Added last first: libfdt puts each new subnode at the front. */
    if (metadata) {
        child = g_strdup_printf("%s/metadata", name);
        qemu_fdt_add_subnode(s->fdt, child);
        qemu_fdt_setprop_cell(s->fdt, child, "memory-region", metadata);
        g_free(child);
    }
    child = g_strdup_printf("%s/mpss", name);
    qemu_fdt_add_subnode(s->fdt, child);
    qemu_fdt_setprop_cell(s->fdt, child, "memory-region", mpss);
    g_free(child);
    child = g_strdup_printf("%s/mba", name);
    qemu_fdt_add_subnode(s->fdt, child);
    qemu_fdt_setprop_cell(s->fdt, child, "memory-region", mba);
}

/* RPMh: Linux's RSC is DRV 2; DRV n interrupts on SPI 3 + n (level) */
#define SM8250_RSC_DRV 2
#define SM8250_RSC_SPI(drv) (3 + (drv))

/* The rpmhpd OPP table, as sm8250.dtsi lists it (RPMH_REGULATOR_LEVEL_*) */
static const uint32_t sm8250_rpmhpd_levels[] = {
    16, 48, 64, 128, 192, 256, 320, 336, 384, 416,
};

/*
 * RPMh as sm8250.dtsi describes it: the Command DB carve-out and the APPS
 * RSC (qcom,rpmh-rsc.yaml) with its power-domain provider; no clock
 * controller or BCM voter, and "qcom,sdm845-rpmhpd", whose rails (cx, mx,
 * mss...) are the ones the SDM845 MSS binding names.
 */
static void sm8250_fdt_add_rpmh(QcomSM8250MachineState *s)
{
    const MemMapEntry *cmd_db = &qcom_sm8250_memmap[SM8250_CMD_DB];
    hwaddr rsc = qcom_sm8250_memmap[SM8250_RPMH_RSC].base;
    const hwaddr drv = QCOM_RPMH_RSC_DRV_SIZE;
    const char reg_names[] = "drv-0\0drv-1\0drv-2";
    uint32_t opp_table = qemu_fdt_alloc_phandle(s->fdt);
    g_autofree char *name = NULL;
    g_autofree char *pd = NULL;
    g_autofree char *opps = NULL;

    name = g_strdup_printf("/reserved-memory/memory@%" HWADDR_PRIx,
                           cmd_db->base);
    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop_string(s->fdt, name, "compatible", "qcom,cmd-db");
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg", 2, cmd_db->base,
                                 2, cmd_db->size);
    qemu_fdt_setprop(s->fdt, name, "no-map", NULL, 0);
    g_free(name);

    name = g_strdup_printf("/soc/rsc@%" HWADDR_PRIx, rsc);
    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop_string(s->fdt, name, "label", "apps_rsc");
    qemu_fdt_setprop_string(s->fdt, name, "compatible", "qcom,rpmh-rsc");
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg",
                                 2, rsc, 2, drv,
                                 2, rsc + drv, 2, drv,
                                 2, rsc + 2 * drv, 2, drv);
    qemu_fdt_setprop(s->fdt, name, "reg-names", reg_names,
                     sizeof(reg_names));
    qemu_fdt_setprop_cells(s->fdt, name, "interrupts",
                           GIC_FDT_IRQ_TYPE_SPI, SM8250_RSC_SPI(0),
                           GIC_FDT_IRQ_FLAGS_LEVEL_HI,
                           GIC_FDT_IRQ_TYPE_SPI, SM8250_RSC_SPI(1),
                           GIC_FDT_IRQ_FLAGS_LEVEL_HI,
                           GIC_FDT_IRQ_TYPE_SPI, SM8250_RSC_SPI(2),
                           GIC_FDT_IRQ_FLAGS_LEVEL_HI);
    qemu_fdt_setprop_cell(s->fdt, name, "qcom,tcs-offset",
                          QCOM_RPMH_RSC_TCS_OFFSET);
    qemu_fdt_setprop_cell(s->fdt, name, "qcom,drv-id", SM8250_RSC_DRV);
    /* <ACTIVE_TCS 2>, <SLEEP_TCS 3>, <WAKE_TCS 3>, <CONTROL_TCS 1> */
    qemu_fdt_setprop_cells(s->fdt, name, "qcom,tcs-config",
                           QCOM_RPMH_SET_ACTIVE, 2, QCOM_RPMH_SET_SLEEP, 3,
                           QCOM_RPMH_SET_WAKE, 3, 3, 1);

    s->rpmhpd_phandle = qemu_fdt_alloc_phandle(s->fdt);
    pd = g_strdup_printf("%s/power-controller", name);
    qemu_fdt_add_subnode(s->fdt, pd);
    qemu_fdt_setprop_string(s->fdt, pd, "compatible", "qcom,sdm845-rpmhpd");
    qemu_fdt_setprop_cell(s->fdt, pd, "#power-domain-cells", 1);
    qemu_fdt_setprop_cell(s->fdt, pd, "operating-points-v2", opp_table);
    qemu_fdt_setprop_cell(s->fdt, pd, "phandle", s->rpmhpd_phandle);

    opps = g_strdup_printf("%s/opp-table", pd);
    qemu_fdt_add_subnode(s->fdt, opps);
    qemu_fdt_setprop_string(s->fdt, opps, "compatible",
                            "operating-points-v2");
    qemu_fdt_setprop_cell(s->fdt, opps, "phandle", opp_table);
    /* Added last first: libfdt puts each new subnode at the front. */
    for (int i = ARRAY_SIZE(sm8250_rpmhpd_levels) - 1; i >= 0; i--) {
        g_autofree char *opp = g_strdup_printf("%s/opp%d", opps, i + 1);

        qemu_fdt_add_subnode(s->fdt, opp);
        qemu_fdt_setprop_cell(s->fdt, opp, "opp-level",
                              sm8250_rpmhpd_levels[i]);
    }
}

static void sm8250_create_fdt(QcomSM8250MachineState *s)
{
    const char root_compat[] = "qcom,sm8250-mtp\0qcom,sm8250";
    s->fdt = create_device_tree(&s->fdt_size);
    if (!s->fdt) {
        error_report("qcom-sm8250: cannot create the device tree");
        exit(1);
    }
    qemu_fdt_setprop_string(s->fdt, "/", "model",
                            "Qualcomm Technologies, Inc. SM8250 (qcom-mss-sim)");
    /* As sm8250-mtp.dts: the bindings want a board before the SoC */
    qemu_fdt_setprop(s->fdt, "/", "compatible", root_compat,
                     sizeof(root_compat));
    qemu_fdt_setprop_cell(s->fdt, "/", "#address-cells", 2);
    qemu_fdt_setprop_cell(s->fdt, "/", "#size-cells", 2);

    qemu_fdt_add_subnode(s->fdt, "/soc");
    qemu_fdt_setprop_string(s->fdt, "/soc", "compatible", "simple-bus");
    qemu_fdt_setprop_cell(s->fdt, "/soc", "#address-cells", 2);
    qemu_fdt_setprop_cell(s->fdt, "/soc", "#size-cells", 2);
    qemu_fdt_setprop(s->fdt, "/soc", "ranges", NULL, 0);

    s->gic_phandle = qemu_fdt_alloc_phandle(s->fdt);
    qemu_fdt_setprop_cell(s->fdt, "/", "interrupt-parent", s->gic_phandle);
    s->tcsr_mutex_phandle = qemu_fdt_alloc_phandle(s->fdt);
    s->apss_shared_phandle = qemu_fdt_alloc_phandle(s->fdt);
    s->smp2p_in_phandle = qemu_fdt_alloc_phandle(s->fdt);
    s->smp2p_out_phandle = qemu_fdt_alloc_phandle(s->fdt);
    s->aoss_reset_phandle = qemu_fdt_alloc_phandle(s->fdt);
    s->pdc_reset_phandle = qemu_fdt_alloc_phandle(s->fdt);
    s->tcsr_phandle = qemu_fdt_alloc_phandle(s->fdt);

    sm8250_fdt_add_memory(s);
    sm8250_fdt_add_cpus(s);
    sm8250_fdt_add_timer(s);
    sm8250_fdt_add_gic(s, s->gic_phandle);
    sm8250_fdt_add_uart(s);
    sm8250_fdt_add_scm(s);
    sm8250_fdt_add_services(s);
    sm8250_fdt_add_rpmh(s);
    sm8250_fdt_add_mss_providers(s);
    sm8250_fdt_add_mss(s);
}

static void sm8250_create_gic(QcomSM8250MachineState *s)
{
    MachineState *ms = MACHINE(s);
    unsigned int ncpu = ms->smp.cpus;
    SysBusDevice *sbd;
    QList *redist_region_count = qlist_new();
    unsigned int i;

    s->gic = qdev_new(gicv3_class_name());
    qdev_prop_set_uint32(s->gic, "revision", 3);
    qdev_prop_set_uint32(s->gic, "num-cpu", ncpu);
    qdev_prop_set_uint32(s->gic, "num-irq", SM8250_NUM_SPIS + GIC_INTERNAL);
    qlist_append_int(redist_region_count, ncpu);
    qdev_prop_set_array(s->gic, "redist-region-count", redist_region_count);
    sbd = SYS_BUS_DEVICE(s->gic);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, qcom_sm8250_memmap[SM8250_GIC_DIST].base);
    sysbus_mmio_map(sbd, 1, qcom_sm8250_memmap[SM8250_GIC_REDIST].base);

    for (i = 0; i < ncpu; i++) {
        DeviceState *cpudev = DEVICE(qemu_get_cpu(i));
        int ppibase = SM8250_NUM_SPIS + i * GIC_INTERNAL;
        static const int timer_irq[] = {
            [GTIMER_PHYS] = ARCH_TIMER_NS_EL1_IRQ,
            [GTIMER_VIRT] = ARCH_TIMER_VIRT_IRQ,
            [GTIMER_HYP] = ARCH_TIMER_NS_EL2_IRQ,
            [GTIMER_SEC] = ARCH_TIMER_S_EL1_IRQ,
            [GTIMER_HYPVIRT] = ARCH_TIMER_NS_EL2_VIRT_IRQ,
        };

        for (unsigned int t = 0; t < ARRAY_SIZE(timer_irq); t++) {
            qdev_connect_gpio_out(cpudev, t,
                                  qdev_get_gpio_in(s->gic,
                                                   ppibase + timer_irq[t]));
        }
        qdev_connect_gpio_out_named(cpudev, "gicv3-maintenance-interrupt", 0,
                                    qdev_get_gpio_in(s->gic, ppibase +
                                                     ARCH_GIC_MAINT_IRQ));
        qdev_connect_gpio_out_named(cpudev, "pmu-interrupt", 0,
                                    qdev_get_gpio_in(s->gic, ppibase +
                                                     VIRTUAL_PMU_IRQ));
        sysbus_connect_irq(sbd, i, qdev_get_gpio_in(cpudev, ARM_CPU_IRQ));
        sysbus_connect_irq(sbd, i + ncpu,
                           qdev_get_gpio_in(cpudev, ARM_CPU_FIQ));
        sysbus_connect_irq(sbd, i + 2 * ncpu,
                           qdev_get_gpio_in(cpudev, ARM_CPU_VIRQ));
        sysbus_connect_irq(sbd, i + 3 * ncpu,
                           qdev_get_gpio_in(cpudev, ARM_CPU_VFIQ));
        sysbus_connect_irq(sbd, i + 4 * ncpu,
                           qdev_get_gpio_in(cpudev, ARM_CPU_NMI));
        sysbus_connect_irq(sbd, i + 5 * ncpu,
                           qdev_get_gpio_in(cpudev, ARM_CPU_VINMI));
    }
}

static const char *sm8250_master_name(uint16_t requester_id)
{
    return qcom_master_name(requester_id & 0xff);
}

/* The CPUs' data cache maintenance, reported by target/arm. */
static void sm8250_cacheop(ARMCPU *cpu, const ARMCacheOpInfo *info,
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
static void sm8250_xpu_changed(Notifier *n, void *data)
{
    QcomSM8250MachineState *s = container_of(n, QcomSM8250MachineState,
                                             xpu_change);
    QcomXpuChange *c = data;
    g_autofree char *report = NULL;

    if (!((c->apps_read_before && !c->apps_read_after) ||
          (c->apps_write_before && !c->apps_write_after))) {
        return;
    }
    if (cpu_dcache_check_revoke(CPU_DCACHE(s->dcache), c->start, c->end,
                                &report)) {
        qcom_xpu_report_hazard(QCOM_XPU(s->xpu), c->start, c->end, report);
    }
}

/* DRAM carve-outs the DT reserves with no-map */
static const int sm8250_nomap_blocks[] = {
    SM8250_SMEM, SM8250_MPSS_MEM, SM8250_MBA_MEM, SM8250_METADATA_MEM,
};

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
static void sm8250_create_dram(QcomSM8250MachineState *s)
{
    MachineState *ms = MACHINE(s);
    MemoryRegion *sysmem = get_system_memory();
    hwaddr base = qcom_sm8250_memmap[SM8250_DRAM].base;
    MemoryRegion *memory = ms->ram;
    SysBusDevice *sbd;

    memory_region_init(&s->dram_bus, OBJECT(s), "dram-bus", ms->ram_size);

    if (s->dcache_enabled) {
        s->dcache = qdev_new(TYPE_CPU_DCACHE);
        object_property_add_child(OBJECT(s), "cpu-dcache", OBJECT(s->dcache));
        object_property_set_link(OBJECT(s->dcache), "ram", OBJECT(ms->ram),
                                 &error_abort);
        object_property_set_link(OBJECT(s->dcache), "bus",
                                 OBJECT(&s->dram_bus), &error_abort);
        qdev_prop_set_uint64(s->dcache, "base", base);
        qdev_prop_set_uint64(s->dcache, "window-base",
                             qcom_sm8250_memmap[SM8250_DCACHE_WINDOW].base);
        sbd = SYS_BUS_DEVICE(s->dcache);
        sysbus_realize_and_unref(sbd, &error_fatal);
        sysbus_mmio_map(sbd, 0, base);
        sysbus_mmio_map(sbd, 1,
                        qcom_sm8250_memmap[SM8250_DCACHE_WINDOW].base);
        memory = sysbus_mmio_get_region(sbd, 2);
        cpu_dcache_set_master_namer(CPU_DCACHE(s->dcache),
                                    sm8250_master_name);
        /* no-map carve-outs of the DT: the CPUs never fill them on their own */
        for (int i = 0; i < ARRAY_SIZE(sm8250_nomap_blocks); i++) {
            const MemMapEntry *e = &qcom_sm8250_memmap[sm8250_nomap_blocks[i]];

            if (sm8250_nomap_blocks[i] != SM8250_METADATA_MEM ||
                s->metadata_carveout) {
                cpu_dcache_add_nomap(CPU_DCACHE(s->dcache), e->base, e->size);
            }
        }
    }

    if (s->xpu_enabled) {
        s->xpu = qdev_new(TYPE_QCOM_XPU);
        object_property_add_child(OBJECT(s), "dram-xpu", OBJECT(s->xpu));
        object_property_set_link(OBJECT(s->xpu), "downstream",
                                 OBJECT(memory), &error_abort);
        qdev_prop_set_uint64(s->xpu, "base", base);
        qdev_prop_set_uint64(s->xpu, "size", ms->ram_size);
        sbd = SYS_BUS_DEVICE(s->xpu);
        sysbus_realize_and_unref(sbd, &error_fatal);
        sysbus_mmio_map(sbd, 0, qcom_sm8250_memmap[SM8250_XPU_CFG].base);
        sysbus_mmio_map(sbd, 2, qcom_sm8250_memmap[SM8250_XPU_WINDOW].base);
        sysbus_connect_irq(sbd, 0, qdev_get_gpio_in(s->gic, SM8250_XPU_SPI));
        memory = sysbus_mmio_get_region(sbd, 1);
        if (s->dcache) {
            s->xpu_change.notify = sm8250_xpu_changed;
            qcom_xpu_add_change_notifier(QCOM_XPU(s->xpu), &s->xpu_change);
        }
    }
    memory_region_add_subregion(&s->dram_bus, 0, memory);
    if (!s->dcache) {
        memory_region_add_subregion(sysmem, base, &s->dram_bus);
    }

    /* What bus masters other than the CPUs see of the address space */
    memory_region_init(&s->soc_bus, OBJECT(s), "soc-bus", UINT64_MAX);
    memory_region_init_alias(&s->dram_alias, OBJECT(s), "dram", &s->dram_bus,
                             0, ms->ram_size);
    memory_region_add_subregion(&s->soc_bus, base, &s->dram_alias);
}

/* Qualcomm's secure firmware, answering the SiP SMCs of the CPUs. */
static void sm8250_create_scm(QcomSM8250MachineState *s)
{
    MachineState *ms = MACHINE(s);

    s->scm = qdev_new(TYPE_QCOM_SCM);
    object_property_add_child(OBJECT(s), "scm", OBJECT(s->scm));
    if (s->xpu) {
        object_property_set_link(OBJECT(s->scm), "xpu", OBJECT(s->xpu),
                                 &error_abort);
    }
    object_property_set_link(OBJECT(s->scm), "memory", OBJECT(&s->soc_bus),
                             &error_abort);
    /* what the CPUs see, for dma-coherent */
    object_property_set_link(OBJECT(s->scm), "ram", OBJECT(ms->ram),
                             &error_abort);
    qdev_prop_set_uint64(s->scm, "ram-base",
                         qcom_sm8250_memmap[SM8250_DRAM].base);
    qdev_realize_and_unref(s->scm, NULL, &error_fatal);

    for (int n = 0; n < ms->smp.cpus; n++) {
        ARMCPU *cpu = ARM_CPU(qemu_get_cpu(n));

        arm_set_smccc_handler(cpu, qcom_scm_smccc, s->scm);
        if (s->dcache) {
            arm_set_cacheop_hook(cpu, sm8250_cacheop, s->dcache);
        }
    }
}

/*
 * The modem subsystem. Its reads go through soc-bus, that is through the
 * XPU, as the MSS master; with the XPU linked it also tells a denied read
 * (a DMA fault for the MBA) from an allowed one.
 */
/*
 * The platform services the modem uses: the TCSR mutex, SMEM (laid out
 * at every reset through soc-bus, shared with the modem in the XPU) and
 * the APSS IPC doorbells.
 */
static void sm8250_create_services(QcomSM8250MachineState *s)
{
    SysBusDevice *sbd;

    s->tcsr_mutex = qdev_new(TYPE_QCOM_TCSR_MUTEX);
    object_property_add_child(OBJECT(s), "tcsr-mutex",
                              OBJECT(s->tcsr_mutex));
    qdev_prop_set_uint32(s->tcsr_mutex, "num-locks",
                         qcom_sm8250_memmap[SM8250_TCSR_MUTEX].size /
                         QCOM_TCSR_MUTEX_STRIDE);
    sbd = SYS_BUS_DEVICE(s->tcsr_mutex);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, qcom_sm8250_memmap[SM8250_TCSR_MUTEX].base);

    s->smem = qdev_new(TYPE_QCOM_SMEM);
    object_property_add_child(OBJECT(s), "smem", OBJECT(s->smem));
    object_property_set_link(OBJECT(s->smem), "memory", OBJECT(&s->soc_bus),
                             &error_abort);
    object_property_set_link(OBJECT(s->smem), "mutex",
                             OBJECT(s->tcsr_mutex), &error_abort);
    if (s->xpu) {
        object_property_set_link(OBJECT(s->smem), "xpu", OBJECT(s->xpu),
                                 &error_abort);
    }
    qdev_prop_set_uint64(s->smem, "base",
                         qcom_sm8250_memmap[SM8250_SMEM].base);
    qdev_prop_set_uint64(s->smem, "size",
                         qcom_sm8250_memmap[SM8250_SMEM].size);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(s->smem), &error_fatal);

    s->apcs = qdev_new(TYPE_QCOM_APCS_IPC);
    object_property_add_child(OBJECT(s), "apss-shared", OBJECT(s->apcs));
    sbd = SYS_BUS_DEVICE(s->apcs);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, qcom_sm8250_memmap[SM8250_APSS_SHARED].base);
}

/* The AOSS and PDC reset controllers, whose lines hold the modem in reset */
static void sm8250_create_resets(QcomSM8250MachineState *s)
{
    SysBusDevice *sbd;

    s->aoss_reset = qdev_new(TYPE_QCOM_AOSS_RESET);
    object_property_add_child(OBJECT(s), "aoss-reset",
                              OBJECT(s->aoss_reset));
    sbd = SYS_BUS_DEVICE(s->aoss_reset);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, qcom_sm8250_memmap[SM8250_AOSS_RESET].base);

    s->pdc_reset = qdev_new(TYPE_QCOM_PDC_RESET);
    object_property_add_child(OBJECT(s), "pdc-reset", OBJECT(s->pdc_reset));
    sbd = SYS_BUS_DEVICE(s->pdc_reset);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, qcom_sm8250_memmap[SM8250_PDC_RESET].base);
}

static void sm8250_create_mss(QcomSM8250MachineState *s)
{
    SysBusDevice *sbd;

    s->mss = qdev_new(TYPE_QCOM_Q6V5_MSS);
    object_property_add_child(OBJECT(s), "mss", OBJECT(s->mss));
    object_property_set_link(OBJECT(s->mss), "dma", OBJECT(&s->soc_bus),
                             &error_abort);
    if (s->xpu) {
        object_property_set_link(OBJECT(s->mss), "xpu", OBJECT(s->xpu),
                                 &error_abort);
    }
    sbd = SYS_BUS_DEVICE(s->mss);
    object_property_set_link(OBJECT(s->mss), "smem", OBJECT(s->smem),
                             &error_abort);
    qdev_prop_set_uint32(s->mss, "halt-q6", SM8250_MSS_HALT_Q6);
    qdev_prop_set_uint32(s->mss, "halt-modem", SM8250_MSS_HALT_MODEM);
    qdev_prop_set_uint32(s->mss, "halt-nc", SM8250_MSS_HALT_NC);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, qcom_sm8250_memmap[SM8250_MSS_QDSP6].base);
    sysbus_mmio_map(sbd, 1, qcom_sm8250_memmap[SM8250_MSS_RMB].base);
    sysbus_mmio_map(sbd, 2, qcom_sm8250_memmap[SM8250_TCSR].base);
    qdev_connect_gpio_out_named(s->mss, "smp2p", 0,
                                qdev_get_gpio_in(s->gic,
                                                 SM8250_MSS_SMP2P_SPI));
    qdev_connect_gpio_out_named(s->mss, "wdog", 0,
                                qdev_get_gpio_in(s->gic,
                                                 SM8250_MSS_WDOG_SPI));
    qdev_connect_gpio_out(s->apcs, QCOM_APCS_IPC_MSS_SMP2P,
                          qdev_get_gpio_in_named(s->mss, "ipc", 0));
    qdev_connect_gpio_out(s->aoss_reset, QCOM_AOSS_RESET_MSS,
                          qdev_get_gpio_in_named(s->mss, "mss_restart", 0));
    qdev_connect_gpio_out(s->pdc_reset, QCOM_PDC_RESET_MODEM,
                          qdev_get_gpio_in_named(s->mss, "pdc_reset", 0));
}

/*
 * RPMh: the Command DB, laid out at every reset in its DRAM carve-out
 * through soc-bus, and the APPS RSC, whose DRV 2 is Linux's.
 */
static void sm8250_create_rpmh(QcomSM8250MachineState *s)
{
    const MemMapEntry *cmd_db = &qcom_sm8250_memmap[SM8250_CMD_DB];
    SysBusDevice *sbd;

    s->cmd_db = qdev_new(TYPE_QCOM_CMD_DB);
    object_property_add_child(OBJECT(s), "cmd-db", OBJECT(s->cmd_db));
    object_property_set_link(OBJECT(s->cmd_db), "memory",
                             OBJECT(&s->soc_bus), &error_abort);
    qdev_prop_set_uint64(s->cmd_db, "base", cmd_db->base);
    qdev_prop_set_uint64(s->cmd_db, "size", cmd_db->size);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(s->cmd_db), &error_fatal);
    if (s->dcache) {
        /* no-map in the DT: the CPUs never fill it on their own */
        cpu_dcache_add_nomap(CPU_DCACHE(s->dcache), cmd_db->base,
                             cmd_db->size);
    }

    s->rsc = qdev_new(TYPE_QCOM_RPMH_RSC);
    object_property_add_child(OBJECT(s), "apps-rsc", OBJECT(s->rsc));
    qdev_prop_set_uint32(s->rsc, "drv-id", SM8250_RSC_DRV);
    sbd = SYS_BUS_DEVICE(s->rsc);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, qcom_sm8250_memmap[SM8250_RPMH_RSC].base);
    for (int i = 0; i < QCOM_RPMH_RSC_NUM_DRVS; i++) {
        sysbus_connect_irq(sbd, i,
                           qdev_get_gpio_in(s->gic, SM8250_RSC_SPI(i)));
    }
}

static void *sm8250_get_dtb(const struct arm_boot_info *info, int *size)
{
    QcomSM8250MachineState *s = container_of(info, QcomSM8250MachineState,
                                             bootinfo);

    *size = s->fdt_size;
    return s->fdt;
}

static void sm8250_init(MachineState *ms)
{
    QcomSM8250MachineState *s = QCOM_SM8250_MACHINE(ms);
    MemoryRegion *sysmem = get_system_memory();
    int n;

    if (ms->ram_size < SM8250_MIN_RAM || ms->ram_size > SM8250_MAX_RAM) {
        error_report("qcom-sm8250: -m %" PRIu64 "M is outside the supported "
                     "range %" PRIu64 "M..%" PRIu64 "M: the address map "
                     "places reserved memory up to 0x%" PRIx64,
                     ms->ram_size / MiB, SM8250_MIN_RAM / MiB,
                     SM8250_MAX_RAM / MiB,
                     qcom_sm8250_memmap[SM8250_DRAM].base + SM8250_MIN_RAM);
        exit(1);
    }

    for (n = 0; n < ms->smp.cpus; n++) {
        Object *cpuobj = object_new(ms->cpu_type);

        CPU(cpuobj)->cpu_index = n;
        /* Linux runs at EL1; the firmware (PSCI, SCM) is emulated. */
        object_property_set_bool(cpuobj, "has_el3", false, &error_abort);
        if (object_property_find(cpuobj, "has_el2")) {
            object_property_set_bool(cpuobj, "has_el2", false, &error_abort);
        }
        object_property_set_link(cpuobj, "memory", OBJECT(sysmem),
                                 &error_abort);
        qdev_realize(DEVICE(cpuobj), NULL, &error_fatal);
        object_unref(cpuobj);
    }

    sm8250_create_gic(s);
    sm8250_create_dram(s);
    sm8250_create_scm(s);
    sm8250_create_services(s);
    sm8250_create_rpmh(s);
    sm8250_create_resets(s);
    sm8250_create_mss(s);
    pl011_create(qcom_sm8250_memmap[SM8250_UART].base,
                 qdev_get_gpio_in(s->gic, SM8250_UART_SPI), serial_hd(0));

    sm8250_create_fdt(s);
    /* Kept in the machine so QMP "dumpdtb" works without a kernel too. */
    ms->fdt = s->fdt;

    s->bootinfo.loader_start = qcom_sm8250_memmap[SM8250_DRAM].base;
    s->bootinfo.ram_size = ms->ram_size;
    s->bootinfo.board_id = -1;
    s->bootinfo.psci_conduit = QEMU_PSCI_CONDUIT_SMC;
    s->bootinfo.get_dtb = sm8250_get_dtb;
    arm_load_kernel(ARM_CPU(first_cpu), ms, &s->bootinfo);
}

static bool sm8250_get_dcache(Object *obj, Error **errp)
{
    return QCOM_SM8250_MACHINE(obj)->dcache_enabled;
}

static void sm8250_set_dcache(Object *obj, bool value, Error **errp)
{
    QCOM_SM8250_MACHINE(obj)->dcache_enabled = value;
}

static bool sm8250_get_metadata(Object *obj, Error **errp)
{
    return QCOM_SM8250_MACHINE(obj)->metadata_carveout;
}

static void sm8250_set_metadata(Object *obj, bool value, Error **errp)
{
    QCOM_SM8250_MACHINE(obj)->metadata_carveout = value;
}

static bool sm8250_get_xpu(Object *obj, Error **errp)
{
    return QCOM_SM8250_MACHINE(obj)->xpu_enabled;
}

static void sm8250_set_xpu(Object *obj, bool value, Error **errp)
{
    QCOM_SM8250_MACHINE(obj)->xpu_enabled = value;
}

static void sm8250_instance_init(Object *obj)
{
    QCOM_SM8250_MACHINE(obj)->xpu_enabled = true;
    QCOM_SM8250_MACHINE(obj)->dcache_enabled = true;
}

static void sm8250_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    static const char * const valid_cpu_types[] = {
        ARM_CPU_TYPE_NAME("cortex-a76"),
        NULL
    };

    mc->desc = "Qualcomm SM8250 with modem subsystem, XPU and cache models "
               "(qcom-mss-sim)";
    mc->init = sm8250_init;
    mc->max_cpus = SM8250_MAX_CPUS;
    mc->default_cpus = SM8250_MAX_CPUS;
    mc->min_cpus = 1;
    mc->default_cpu_type = ARM_CPU_TYPE_NAME("cortex-a76");
    mc->valid_cpu_types = valid_cpu_types;
    mc->default_ram_size = 2 * GiB;
    mc->default_ram_id = "qcom-sm8250.ram";
    mc->minimum_page_bits = 12;
    mc->no_cdrom = 1;
    mc->no_floppy = 1;
    mc->no_parallel = 1;

    object_class_property_add_bool(oc, "xpu", sm8250_get_xpu, sm8250_set_xpu);
    object_class_property_set_description(oc, "xpu",
        "Put the XPU memory firewall in front of DRAM (default on)");
    object_class_property_add_bool(oc, "dcache", sm8250_get_dcache,
                                   sm8250_set_dcache);
    object_class_property_set_description(oc, "dcache",
        "Model the CPUs' data cache: clean and dirty lines, maintenance, "
        "hazards (default on)");
    object_class_property_add_bool(oc, "metadata", sm8250_get_metadata,
                                   sm8250_set_metadata);
    object_class_property_set_description(oc, "metadata",
        "Give the modem a no-map carve-out for its firmware metadata, as "
        "6.12's device trees do (default off)");
}

static const TypeInfo sm8250_types[] = {
    {
        .name = TYPE_QCOM_SM8250_MACHINE,
        .parent = TYPE_MACHINE,
        .instance_size = sizeof(QcomSM8250MachineState),
        .instance_init = sm8250_instance_init,
        .class_init = sm8250_class_init,
    },
};

DEFINE_TYPES(sm8250_types)
