/*
 * Device tree pieces of the boards around the Qualcomm SoC models
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each node is the one sdm845.dtsi and sm8250.dtsi describe alike, with
 * fixed clocks where they name the GCC's or RPMh's; see
 * include/hw/arm/qcom-fdt.h.
 */

#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "qemu/units.h"
#include "hw/arm/fdt.h"
#include "hw/arm/qcom-fdt.h"
#include "hw/misc/qcom-rpmh-rsc.h"
#include "system/device_tree.h"
#include <libfdt.h>

void *qcom_fdt_create(const char *model, const char *compat,
                      size_t compat_len, int *fdt_size)
{
    void *fdt = create_device_tree(fdt_size);

    if (!fdt) {
        error_report("%s: cannot create the device tree", model);
        exit(1);
    }
    qemu_fdt_setprop_string(fdt, "/", "model", model);
    qemu_fdt_setprop(fdt, "/", "compatible", compat, compat_len);
    qemu_fdt_setprop_cell(fdt, "/", "#address-cells", 2);
    qemu_fdt_setprop_cell(fdt, "/", "#size-cells", 2);

    qemu_fdt_add_subnode(fdt, "/soc");
    qemu_fdt_setprop_string(fdt, "/soc", "compatible", "simple-bus");
    qemu_fdt_setprop_cell(fdt, "/soc", "#address-cells", 2);
    qemu_fdt_setprop_cell(fdt, "/soc", "#size-cells", 2);
    qemu_fdt_setprop(fdt, "/soc", "ranges", NULL, 0);
    qemu_fdt_add_subnode(fdt, "/clocks");
    return fdt;
}

/* what arm_load_dtb() may add: /chosen (bootargs, initrd, seeds), PSCI */
#define QCOM_FDT_BOOT_ROOM      (16 * KiB)

void qcom_fdt_finish(void *fdt, int *fdt_size)
{
    int size;

    fdt_pack(fdt);
    size = fdt_totalsize(fdt) + QCOM_FDT_BOOT_ROOM;
    if (size < *fdt_size) {
        if (fdt_open_into(fdt, fdt, size)) {
            error_report("cannot resize the device tree to %d bytes", size);
            exit(1);
        }
        *fdt_size = size;
    }
}

void qcom_fdt_add_fixed_clock(void *fdt, const char *node, uint32_t hz,
                              uint32_t phandle)
{
    g_autofree char *name = g_strdup_printf("/clocks/%s", node);

    qemu_fdt_add_subnode(fdt, name);
    qemu_fdt_setprop_string(fdt, name, "compatible", "fixed-clock");
    qemu_fdt_setprop_cell(fdt, name, "#clock-cells", 0);
    qemu_fdt_setprop_cell(fdt, name, "clock-frequency", hz);
    qemu_fdt_setprop_string(fdt, name, "clock-output-names", node);
    qemu_fdt_setprop_cell(fdt, name, "phandle", phandle);
}

uint32_t qcom_fdt_add_nomap(void *fdt, const char *node, hwaddr base,
                            hwaddr size)
{
    g_autofree char *name = g_strdup_printf("/reserved-memory/%s@%"
                                            HWADDR_PRIx, node, base);
    uint32_t phandle = qemu_fdt_alloc_phandle(fdt);

    qemu_fdt_add_subnode(fdt, name);
    qemu_fdt_setprop_sized_cells(fdt, name, "reg", 2, base, 2, size);
    qemu_fdt_setprop(fdt, name, "no-map", NULL, 0);
    qemu_fdt_setprop_cell(fdt, name, "phandle", phandle);
    return phandle;
}

char *qcom_fdt_add_block(void *fdt, const char *parent, const char *node,
                         const MemMapEntry *e, const char *compat,
                         size_t compat_len, uint32_t phandle)
{
    char *name = g_strdup_printf("%s/%s@%" HWADDR_PRIx, parent, node,
                                 e->base);

    qemu_fdt_add_subnode(fdt, name);
    qemu_fdt_setprop(fdt, name, "compatible", compat, compat_len);
    qemu_fdt_setprop_sized_cells(fdt, name, "reg", 2, e->base, 2, e->size);
    if (phandle) {
        qemu_fdt_setprop_cell(fdt, name, "phandle", phandle);
    }
    return name;
}

void qcom_fdt_add_memory(void *fdt, hwaddr dram_base, uint64_t ram_size,
                         uint64_t cma_size, const MemMapEntry *cmd_db,
                         const MemMapEntry *smem, uint32_t hwlock_phandle,
                         uint32_t smem_lock)
{
    g_autofree char *mem = g_strdup_printf("/memory@%" HWADDR_PRIx,
                                           dram_base);
    g_autofree char *name = NULL;
    const char *cma = "/reserved-memory/linux,cma";

    qemu_fdt_add_subnode(fdt, mem);
    qemu_fdt_setprop_string(fdt, mem, "device_type", "memory");
    qemu_fdt_setprop_sized_cells(fdt, mem, "reg", 2, dram_base,
                                 2, ram_size);

    qemu_fdt_add_subnode(fdt, "/reserved-memory");
    qemu_fdt_setprop_cell(fdt, "/reserved-memory", "#address-cells", 2);
    qemu_fdt_setprop_cell(fdt, "/reserved-memory", "#size-cells", 2);
    qemu_fdt_setprop(fdt, "/reserved-memory", "ranges", NULL, 0);

    /* below 4 GiB: the remote processors take 32-bit addresses */
    qemu_fdt_add_subnode(fdt, cma);
    qemu_fdt_setprop_string(fdt, cma, "compatible", "shared-dma-pool");
    qemu_fdt_setprop(fdt, cma, "reusable", NULL, 0);
    qemu_fdt_setprop(fdt, cma, "linux,cma-default", NULL, 0);
    qemu_fdt_setprop_sized_cells(fdt, cma, "size", 2, cma_size);
    qemu_fdt_setprop_sized_cells(fdt, cma, "alloc-ranges", 2, dram_base,
                                 2, MIN(ram_size, 4 * GiB - dram_base));

    name = g_strdup_printf("/reserved-memory/memory@%" HWADDR_PRIx,
                           cmd_db->base);
    qemu_fdt_add_subnode(fdt, name);
    qemu_fdt_setprop_string(fdt, name, "compatible", "qcom,cmd-db");
    qemu_fdt_setprop_sized_cells(fdt, name, "reg", 2, cmd_db->base,
                                 2, cmd_db->size);
    qemu_fdt_setprop(fdt, name, "no-map", NULL, 0);
    g_free(name);

    /* the reserved-memory node itself is the "qcom,smem" device */
    name = g_strdup_printf("/reserved-memory/smem@%" HWADDR_PRIx, smem->base);
    qemu_fdt_add_subnode(fdt, name);
    qemu_fdt_setprop_string(fdt, name, "compatible", "qcom,smem");
    qemu_fdt_setprop_sized_cells(fdt, name, "reg", 2, smem->base,
                                 2, smem->size);
    qemu_fdt_setprop(fdt, name, "no-map", NULL, 0);
    qemu_fdt_setprop_cells(fdt, name, "hwlocks", hwlock_phandle, smem_lock);
}

void qcom_fdt_add_cpus(void *fdt, QcomApss *apss)
{
    const uint8_t *ppi = apss->cfg.timer_ppi;
    const uint32_t flags = GIC_FDT_IRQ_FLAGS_LEVEL_LO;
    const char compat[] = "arm,armv8-timer";

    qemu_fdt_add_subnode(fdt, "/cpus");
    qemu_fdt_setprop_cell(fdt, "/cpus", "#address-cells", 1);
    qemu_fdt_setprop_cell(fdt, "/cpus", "#size-cells", 0);

    /* Added last first: libfdt puts each new subnode at the front. */
    for (int cpu = apss->num_cpus - 1; cpu >= 0; cpu--) {
        ARMCPU *armcpu = &apss->cpu[cpu];
        uint64_t mpidr = arm_cpu_mp_affinity(armcpu);
        g_autofree char *name = g_strdup_printf("/cpus/cpu@%" PRIx64, mpidr);

        qemu_fdt_add_subnode(fdt, name);
        qemu_fdt_setprop_string(fdt, name, "device_type", "cpu");
        qemu_fdt_setprop_string(fdt, name, "compatible",
                                armcpu->dtb_compatible);
        qemu_fdt_setprop_cell(fdt, name, "reg", mpidr);
        qemu_fdt_setprop_string(fdt, name, "enable-method", "psci");
    }

    /* Replaced by arm_load_dtb() with the CPUs' own PSCI version. */
    qemu_fdt_add_subnode(fdt, "/psci");
    qemu_fdt_setprop_string(fdt, "/psci", "compatible", "arm,psci-1.0");
    qemu_fdt_setprop_string(fdt, "/psci", "method", "smc");

    qemu_fdt_add_subnode(fdt, "/timer");
    qemu_fdt_setprop(fdt, "/timer", "compatible", compat, sizeof(compat));
    qemu_fdt_setprop_cells(fdt, "/timer", "interrupts",
        GIC_FDT_IRQ_TYPE_PPI, ppi[GTIMER_SEC], flags,
        GIC_FDT_IRQ_TYPE_PPI, ppi[GTIMER_PHYS], flags,
        GIC_FDT_IRQ_TYPE_PPI, ppi[GTIMER_VIRT], flags,
        GIC_FDT_IRQ_TYPE_PPI, ppi[GTIMER_HYP], flags);
}

void qcom_fdt_add_gic(void *fdt, const MemMapEntry *dist,
                      const MemMapEntry *redist, unsigned maint_ppi,
                      uint32_t phandle)
{
    g_autofree char *name = g_strdup_printf("/soc/interrupt-controller@%"
                                            HWADDR_PRIx, dist->base);

    qemu_fdt_add_subnode(fdt, name);
    qemu_fdt_setprop_string(fdt, name, "compatible", "arm,gic-v3");
    qemu_fdt_setprop_cell(fdt, name, "#interrupt-cells", 3);
    qemu_fdt_setprop(fdt, name, "interrupt-controller", NULL, 0);
    qemu_fdt_setprop_sized_cells(fdt, name, "reg",
                                 2, dist->base, 2, dist->size,
                                 2, redist->base, 2, redist->size);
    qemu_fdt_setprop_cells(fdt, name, "interrupts", GIC_FDT_IRQ_TYPE_PPI,
                           maint_ppi, GIC_FDT_IRQ_FLAGS_LEVEL_HI);
    qemu_fdt_setprop_cell(fdt, name, "phandle", phandle);
}

void qcom_fdt_add_debug_uart(void *fdt, const MemMapEntry *qup,
                             const MemMapEntry *se, unsigned spi,
                             uint32_t xo_phandle)
{
    const char qup_compat[] = "qcom,geni-se-qup";
    const char uart_compat[] = "qcom,geni-debug-uart";
    const char ahb_names[] = "m-ahb\0s-ahb";
    uint32_t se_clk = qemu_fdt_alloc_phandle(fdt);
    g_autofree char *wrapper = NULL;
    g_autofree char *uart = NULL;

    qcom_fdt_add_fixed_clock(fdt, "qup-uart-se-clk", 7372800, se_clk);

    wrapper = qcom_fdt_add_block(fdt, "/soc", "geniqup", qup, qup_compat,
                                 sizeof(qup_compat), 0);
    qemu_fdt_setprop_cells(fdt, wrapper, "clocks", xo_phandle, xo_phandle);
    qemu_fdt_setprop(fdt, wrapper, "clock-names", ahb_names,
                     sizeof(ahb_names));
    qemu_fdt_setprop_cell(fdt, wrapper, "#address-cells", 2);
    qemu_fdt_setprop_cell(fdt, wrapper, "#size-cells", 2);
    qemu_fdt_setprop(fdt, wrapper, "ranges", NULL, 0);

    uart = qcom_fdt_add_block(fdt, wrapper, "serial", se, uart_compat,
                              sizeof(uart_compat), 0);
    qemu_fdt_setprop_cell(fdt, uart, "clocks", se_clk);
    qemu_fdt_setprop_string(fdt, uart, "clock-names", "se");
    qemu_fdt_setprop_cells(fdt, uart, "interrupts", GIC_FDT_IRQ_TYPE_SPI,
                           spi, GIC_FDT_IRQ_FLAGS_LEVEL_HI);

    qemu_fdt_add_subnode(fdt, "/aliases");
    qemu_fdt_setprop_string(fdt, "/aliases", "serial0", uart);
    qemu_fdt_add_subnode(fdt, "/chosen");
    qemu_fdt_setprop_string(fdt, "/chosen", "stdout-path",
                            "serial0:115200n8");
}

void qcom_fdt_add_scm(void *fdt, const char *compat, size_t compat_len,
                      bool dma_coherent)
{
    qemu_fdt_add_subnode(fdt, "/firmware");
    qemu_fdt_add_subnode(fdt, "/firmware/scm");
    qemu_fdt_setprop(fdt, "/firmware/scm", "compatible", compat, compat_len);
    qemu_fdt_setprop_cell(fdt, "/firmware/scm", "#reset-cells", 1);
    /* -global qcom-scm.dma-coherent=on: Linux skips cache maintenance */
    if (dma_coherent) {
        qemu_fdt_setprop(fdt, "/firmware/scm", "dma-coherent", NULL, 0);
    }
}

/* The rpmhpd OPP table (RPMH_REGULATOR_LEVEL_*), as the .dtsi files list */
static const uint32_t qcom_rpmhpd_levels[] = {
    16, 48, 64, 128, 192, 256, 320, 336, 384, 416,
};

/*
 * No clock controller or BCM voter, and no power-domains (CLUSTER_PD, a
 * PSCI domain of the real DTs).
 */
void qcom_fdt_add_rpmh(void *fdt, const MemMapEntry *rsc,
                       const int drv_spi[3], unsigned drv,
                       const char *rpmhpd_compat, uint32_t rpmhpd_phandle)
{
    const hwaddr size = QCOM_RPMH_RSC_DRV_SIZE;
    const char reg_names[] = "drv-0\0drv-1\0drv-2";
    uint32_t opp_table = qemu_fdt_alloc_phandle(fdt);
    g_autofree char *name = NULL;
    g_autofree char *pd = NULL;
    g_autofree char *opps = NULL;

    name = g_strdup_printf("/soc/rsc@%" HWADDR_PRIx, rsc->base);
    qemu_fdt_add_subnode(fdt, name);
    qemu_fdt_setprop_string(fdt, name, "label", "apps_rsc");
    qemu_fdt_setprop_string(fdt, name, "compatible", "qcom,rpmh-rsc");
    qemu_fdt_setprop_sized_cells(fdt, name, "reg",
                                 2, rsc->base, 2, size,
                                 2, rsc->base + size, 2, size,
                                 2, rsc->base + 2 * size, 2, size);
    qemu_fdt_setprop(fdt, name, "reg-names", reg_names, sizeof(reg_names));
    qemu_fdt_setprop_cells(fdt, name, "interrupts",
                           GIC_FDT_IRQ_TYPE_SPI, drv_spi[0],
                           GIC_FDT_IRQ_FLAGS_LEVEL_HI,
                           GIC_FDT_IRQ_TYPE_SPI, drv_spi[1],
                           GIC_FDT_IRQ_FLAGS_LEVEL_HI,
                           GIC_FDT_IRQ_TYPE_SPI, drv_spi[2],
                           GIC_FDT_IRQ_FLAGS_LEVEL_HI);
    qemu_fdt_setprop_cell(fdt, name, "qcom,tcs-offset",
                          QCOM_RPMH_RSC_TCS_OFFSET);
    qemu_fdt_setprop_cell(fdt, name, "qcom,drv-id", drv);
    /* <ACTIVE_TCS 2>, <SLEEP_TCS 3>, <WAKE_TCS 3>, <CONTROL_TCS 1> */
    qemu_fdt_setprop_cells(fdt, name, "qcom,tcs-config",
                           QCOM_RPMH_SET_ACTIVE, 2, QCOM_RPMH_SET_SLEEP, 3,
                           QCOM_RPMH_SET_WAKE, 3, 3, 1);

    pd = g_strdup_printf("%s/power-controller", name);
    qemu_fdt_add_subnode(fdt, pd);
    qemu_fdt_setprop_string(fdt, pd, "compatible", rpmhpd_compat);
    qemu_fdt_setprop_cell(fdt, pd, "#power-domain-cells", 1);
    qemu_fdt_setprop_cell(fdt, pd, "operating-points-v2", opp_table);
    qemu_fdt_setprop_cell(fdt, pd, "phandle", rpmhpd_phandle);

    opps = g_strdup_printf("%s/opp-table", pd);
    qemu_fdt_add_subnode(fdt, opps);
    qemu_fdt_setprop_string(fdt, opps, "compatible", "operating-points-v2");
    qemu_fdt_setprop_cell(fdt, opps, "phandle", opp_table);
    /* Added last first: libfdt puts each new subnode at the front. */
    for (int i = ARRAY_SIZE(qcom_rpmhpd_levels) - 1; i >= 0; i--) {
        g_autofree char *opp = g_strdup_printf("%s/opp%d", opps, i + 1);

        qemu_fdt_add_subnode(fdt, opp);
        qemu_fdt_setprop_cell(fdt, opp, "opp-level", qcom_rpmhpd_levels[i]);
    }
}

void qcom_fdt_add_smp2p(void *fdt, const QcomFdtSmp2p *e)
{
    uint32_t irq[ARRAY_SIZE(e->irq)], mbox[ARRAY_SIZE(e->mbox)];
    g_autofree char *child = NULL;

    for (unsigned i = 0; i < e->irq_cells; i++) {
        irq[i] = cpu_to_be32(e->irq[i]);
    }
    for (unsigned i = 0; i < e->mbox_cells; i++) {
        mbox[i] = cpu_to_be32(e->mbox[i]);
    }
    qemu_fdt_add_subnode(fdt, e->node);
    qemu_fdt_setprop_string(fdt, e->node, "compatible", "qcom,smp2p");
    qemu_fdt_setprop_cells(fdt, e->node, "qcom,smem", e->item_in,
                           e->item_out);
    qemu_fdt_setprop(fdt, e->node, e->irq_prop, irq, e->irq_cells * 4);
    qemu_fdt_setprop(fdt, e->node, "mboxes", mbox, e->mbox_cells * 4);
    qemu_fdt_setprop_cell(fdt, e->node, "qcom,local-pid", 0);
    qemu_fdt_setprop_cell(fdt, e->node, "qcom,remote-pid", e->remote_pid);

    /* Added last first: libfdt puts each new subnode at the front. */
    child = g_strdup_printf("%s/slave-kernel", e->node);
    qemu_fdt_add_subnode(fdt, child);
    qemu_fdt_setprop_string(fdt, child, "qcom,entry-name", "slave-kernel");
    qemu_fdt_setprop(fdt, child, "interrupt-controller", NULL, 0);
    qemu_fdt_setprop_cell(fdt, child, "#interrupt-cells", 2);
    qemu_fdt_setprop_cell(fdt, child, "phandle", e->in_phandle);
    g_free(child);

    child = g_strdup_printf("%s/master-kernel", e->node);
    qemu_fdt_add_subnode(fdt, child);
    qemu_fdt_setprop_string(fdt, child, "qcom,entry-name", "master-kernel");
    qemu_fdt_setprop_cell(fdt, child, "#qcom,smem-state-cells", 1);
    qemu_fdt_setprop_cell(fdt, child, "phandle", e->out_phandle);
}

void qcom_fdt_add_pdc(void *fdt, const MemMapEntry *e, const char *compat,
                      size_t compat_len, const QcomPdcRange *ranges,
                      unsigned num_ranges, uint32_t gic_phandle,
                      uint32_t phandle)
{
    g_autofree uint32_t *cells = g_new(uint32_t, num_ranges * 3);
    g_autofree char *name = NULL;

    for (unsigned i = 0; i < num_ranges; i++) {
        cells[i * 3] = cpu_to_be32(ranges[i].pin);
        cells[i * 3 + 1] = cpu_to_be32(ranges[i].spi);
        cells[i * 3 + 2] = cpu_to_be32(ranges[i].count);
    }
    name = qcom_fdt_add_block(fdt, "/soc", "interrupt-controller", e,
                              compat, compat_len, phandle);
    qemu_fdt_setprop(fdt, name, "qcom,pdc-ranges", cells,
                     num_ranges * 3 * sizeof(uint32_t));
    qemu_fdt_setprop_cell(fdt, name, "#interrupt-cells", 2);
    qemu_fdt_setprop_cell(fdt, name, "interrupt-parent", gic_phandle);
    qemu_fdt_setprop(fdt, name, "interrupt-controller", NULL, 0);
}

void qcom_fdt_add_pas(void *fdt, const QcomFdtPas *p)
{
    const char irq_names[] = "wdog\0fatal\0ready\0handover\0stop-ack";
    /* the watchdog, then bits 0..3 of the slave-kernel, edge rising */
    uint32_t irq[ARRAY_SIZE(p->wdog) + 4 * 3];
    uint32_t pds[QCOM_FDT_PAS_MAX_PDS * 2];
    unsigned n = 0;
    g_autofree char *name = NULL;

    assert(p->wdog_cells <= ARRAY_SIZE(p->wdog));
    assert(p->num_pds <= QCOM_FDT_PAS_MAX_PDS);
    for (unsigned i = 0; i < p->wdog_cells; i++) {
        irq[n++] = cpu_to_be32(p->wdog[i]);
    }
    for (unsigned bit = 0; bit < 4; bit++) {
        irq[n++] = cpu_to_be32(p->smp2p_in);
        irq[n++] = cpu_to_be32(bit);
        irq[n++] = cpu_to_be32(GIC_FDT_IRQ_FLAGS_EDGE_LO_HI);
    }
    for (unsigned i = 0; i < p->num_pds; i++) {
        pds[i * 2] = cpu_to_be32(p->rpmhpd_phandle);
        pds[i * 2 + 1] = cpu_to_be32(p->pd[i]);
    }

    name = qcom_fdt_add_block(fdt, "/soc", "remoteproc", p->regs, p->compat,
                              strlen(p->compat) + 1, 0);
    qemu_fdt_setprop(fdt, name, "interrupts-extended", irq,
                     n * sizeof(uint32_t));
    qemu_fdt_setprop(fdt, name, "interrupt-names", irq_names,
                     sizeof(irq_names));
    qemu_fdt_setprop_cell(fdt, name, "clocks", p->xo_phandle);
    qemu_fdt_setprop_string(fdt, name, "clock-names", "xo");
    qemu_fdt_setprop(fdt, name, "power-domains", pds,
                     p->num_pds * 2 * sizeof(uint32_t));
    qemu_fdt_setprop_string_array(fdt, name, "power-domain-names",
                                  (char **)p->pd_names, p->num_pds);
    qemu_fdt_setprop_cell(fdt, name, "memory-region", p->mem_phandle);
    qemu_fdt_setprop_cell(fdt, name, "qcom,qmp", p->qmp_phandle);
    qemu_fdt_setprop_cells(fdt, name, "qcom,smem-states", p->smp2p_out, 0);
    qemu_fdt_setprop_string(fdt, name, "qcom,smem-state-names", "stop");
    qemu_fdt_setprop_string(fdt, name, "firmware-name", p->firmware);
    if (p->disabled) {
        qemu_fdt_setprop_string(fdt, name, "status", "disabled");
    }
}
