/*
 * Qualcomm application processor subsystem of the SoC models
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * What the SDM845 and SM8250 SoC devices share: the application CPUs
 * and their GIC-600, DRAM as the CPUs and the other bus masters reach it
 * (through the XPU memory firewall and the CPUs' data cache model), and
 * the secure firmware the CPUs call. It is not a device of its own: a
 * SoC embeds a QcomApss, exposes its property fields as the SoC's
 * properties below and calls qcom_apss_realize() with its QcomApssConfig
 * (the SoC's addresses and interrupts) before it realizes anything else;
 * the children are the SoC's.
 *
 * QEMU interface (of the SoC that embeds it):
 *  + QOM property "ram": link to the DRAM MemoryRegion, mapped at the
 *    config's dram_base
 *  + QOM property "num-cpus" (1..QCOM_APSS_MAX_CPUS, default 8) and
 *    "cpu-type": the CPUs, children "cpu[N]", with the core number in
 *    MPIDR Aff1 (the DTs' cpu@N00), the config's counter frequency and
 *    PPIs; Linux runs at EL1, PSCI and the secure firmware are emulated
 *  + child "gic": the GICv3, the config's num_spis SPIs
 *  + QOM properties "xpu" and "dcache" (both default true): the XPU
 *    memory firewall in front of DRAM (hw/misc/qcom-xpu.c, child
 *    "dram-xpu", its registers and error SPI where the config says) and
 *    the CPUs' data cache model (hw/misc/cpu-dcache.c, child
 *    "cpu-dcache"); off, the CPUs and the masters reach DRAM directly
 *  + child "scm": the secure firmware's SiP calls, answered for every CPU
 *  + QcomApss.soc_bus: what bus masters other than the CPUs see of the
 *    address space (DRAM through the XPU); the SoC's DMA masters, SMEM
 *    and the Command DB use it
 *  + qcom_apss_spi(), qcom_apss_xpu() below
 */

#ifndef HW_ARM_QCOM_APSS_H
#define HW_ARM_QCOM_APSS_H

#include "hw/arm/boot.h"
#include "hw/intc/arm_gicv3_common.h"
#include "hw/misc/cpu-dcache.h"
#include "hw/misc/qcom-scm.h"
#include "hw/misc/qcom-xpu.h"
#include "qemu/notify.h"
#include "target/arm/cpu.h"

#define QCOM_APSS_MAX_CPUS 8

/* A SoC's addresses, interrupts and limits for its QcomApss */
typedef struct QcomApssConfig {
    const char *soc;            /* the SoC's type, for messages */
    hwaddr dram_base;
    uint64_t min_ram, max_ram;
    const char *ram_why;        /* why min_ram, for the message */
    uint32_t cntfrq;            /* the system counter, Hz */
    hwaddr gic_dist, gic_redist;
    unsigned num_spis;
    /* the PPIs of the GTIMER_* timers, the PMU and the GIC maintenance */
    uint8_t timer_ppi[4];
    uint8_t pmu_ppi, gic_maint_ppi;
    /* our blocks, in holes of the SoC's map: not in any DT */
    hwaddr xpu_regs;
    unsigned xpu_spi;
    hwaddr xpu_window, dcache_window;
    /* the TCSR download-mode register the SCM's io calls reach, or 0 */
    hwaddr dload_mode_addr;
} QcomApssConfig;

typedef struct QcomApss {
    ARMCPU cpu[QCOM_APSS_MAX_CPUS];
    GICv3State gic;
    CpuDcacheState dcache;
    QcomXpuState xpu;
    QcomScmState scm;

    MemoryRegion dram_bus;      /* DRAM as the masters reach it */
    MemoryRegion soc_bus;       /* what masters other than the CPUs see */
    MemoryRegion dram_alias;
    Notifier xpu_change;
    QcomApssConfig cfg;         /* a copy of the SoC's */

    /* the DSPs the SCM's PAS service starts (set before realize) */
    QcomDspState *pas_dsps[QCOM_SCM_MAX_PAS];

    /* the SoC's properties */
    MemoryRegion *ram;
    uint32_t num_cpus;
    char *cpu_type;
    bool xpu_enabled;
    bool dcache_enabled;
} QcomApss;

/*
 * Check the properties and realize the CPUs, the GIC, DRAM with the XPU
 * and the cache model, and the SCM, as children of soc.
 */
bool qcom_apss_realize(QcomApss *a, Object *soc, const QcomApssConfig *cfg,
                       Error **errp);

/*
 * What the boards around these SoCs share in their class_init: CPUs (1..8
 * Cortex-A76), 2 GiB of RAM by default, and the machine options "xpu" and
 * "dcache", which set the properties of the machine's child "soc".
 */
void qcom_apss_machine_class_init(ObjectClass *oc);

/* The GIC's input for SPI spi */
qemu_irq qcom_apss_spi(QcomApss *a, unsigned spi);

/* The XPU, or NULL with "xpu" off */
QcomXpuState *qcom_apss_xpu(QcomApss *a);

#endif /* HW_ARM_QCOM_APSS_H */
