/*
 * Device tree pieces of the boards around the Qualcomm SoC models
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A board run without -dtb makes a small device tree of its own (db845c,
 * rb5); the nodes both describe alike, as their SoCs' .dtsi files do,
 * are written here. Every function adds to the fdt of
 * qcom_fdt_create(), whose "/soc" and "/clocks" nodes exist; a node
 * added to a parent goes first among its children (libfdt), so that
 * callers add siblings last first where their order matters.
 */

#ifndef HW_ARM_QCOM_FDT_H
#define HW_ARM_QCOM_FDT_H

#include "exec/hwaddr.h"
#include "hw/arm/qcom-apss.h"
#include "hw/intc/qcom-pdc.h"

/*
 * A device tree with the root's model, compatible (compat_len bytes,
 * NUL-separated), 2 address and size cells, an empty "/soc" simple-bus
 * and "/clocks"; exits if libfdt cannot make one.
 */
void *qcom_fdt_create(const char *model, const char *compat,
                      size_t compat_len, int *fdt_size);

/*
 * The finished tree, packed with room left for what arm_load_dtb() adds;
 * *fdt_size becomes its size. Not create_device_tree()'s 1 MiB: the blob
 * is a ROM, which every system reset copies into DRAM again.
 */
void qcom_fdt_finish(void *fdt, int *fdt_size);

/* "/clocks/NODE": a fixed clock of hz, its output named NODE */
void qcom_fdt_add_fixed_clock(void *fdt, const char *node, uint32_t hz,
                              uint32_t phandle);

/* A no-map carve-out "/reserved-memory/NODE@BASE"; returns its phandle */
uint32_t qcom_fdt_add_nomap(void *fdt, const char *node, hwaddr base,
                            hwaddr size);

/*
 * "PARENT/NODE@BASE" for a block of the SoC's map, with its compatible
 * list (compat_len bytes), reg and, if non-zero, phandle. Returns the
 * node's path (g_free it), to add the binding's other properties to.
 */
char *qcom_fdt_add_block(void *fdt, const char *parent, const char *node,
                         const MemMapEntry *e, const char *compat,
                         size_t compat_len, uint32_t phandle);

/*
 * "/memory" (DRAM at dram_base of ram_size) and "/reserved-memory": a
 * CMA pool of cma_size below 4 GiB, the Command DB, and SMEM as the
 * Qualcomm .dtsi files describe it, a "qcom,smem" node guarded by lock
 * smem_lock of the hwspinlock hwlock_phandle.
 */
void qcom_fdt_add_memory(void *fdt, hwaddr dram_base, uint64_t ram_size,
                         uint64_t cma_size, const MemMapEntry *cmd_db,
                         const MemMapEntry *smem, uint32_t hwlock_phandle,
                         uint32_t smem_lock);

/* "/cpus" with the SoC's CPUs (PSCI), "/psci", "/timer" on its PPIs */
void qcom_fdt_add_cpus(void *fdt, QcomApss *apss);

/* The GIC-600 "/soc/interrupt-controller@DIST" */
void qcom_fdt_add_gic(void *fdt, const MemMapEntry *dist,
                      const MemMapEntry *redist, unsigned maint_ppi,
                      uint32_t phandle);

/*
 * A QUPv3 wrapper with one GENI serial engine as the debug UART
 * ("qcom,geni-debug-uart" on SPI spi), the console: clocked by the XO
 * (the wrapper's AHB clocks) and a fixed serial clock of 7.3728 MHz,
 * 4 x 16 x 115200, so no divider is inexact; "serial0" and stdout-path.
 */
void qcom_fdt_add_debug_uart(void *fdt, const MemMapEntry *qup,
                             const MemMapEntry *se, unsigned spi,
                             uint32_t xo_phandle);

/* "/firmware/scm" (compat_len bytes), "dma-coherent" if dma_coherent */
void qcom_fdt_add_scm(void *fdt, const char *compat, size_t compat_len,
                      bool dma_coherent);

/*
 * The APPS RSC (qcom,rpmh-rsc.yaml) at rsc, its DRVs' interrupts on SPIs
 * drv_spi[0..2], Linux's DRV drv, and its power-domain provider
 * rpmhpd_compat with the OPP table of the .dtsi files (retention to
 * turbo_l1)
 */
void qcom_fdt_add_rpmh(void *fdt, const MemMapEntry *rsc,
                       const int drv_spi[3], unsigned drv,
                       const char *rpmhpd_compat, uint32_t rpmhpd_phandle);

/* An SMP2P edge (qcom,smp2p.yaml) */
typedef struct QcomFdtSmp2p {
    const char *node;           /* "/smp2p-mpss" */
    uint32_t item_in, item_out; /* qcom,smem */
    uint32_t remote_pid;
    /* "interrupts" or "interrupts-extended", and its cells */
    const char *irq_prop;
    uint32_t irq[4];
    unsigned irq_cells;
    uint32_t mbox[3];           /* mboxes: the phandle and its cells */
    unsigned mbox_cells;
    /* slave-kernel (inbound, an interrupt controller), master-kernel */
    uint32_t in_phandle, out_phandle;
} QcomFdtSmp2p;

void qcom_fdt_add_smp2p(void *fdt, const QcomFdtSmp2p *e);

/*
 * The PDC "/soc/interrupt-controller@BASE" (qcom,pdc.yaml; compat_len
 * bytes), an interrupt controller of 2 cells (pin, type) in front of the
 * GIC gic_phandle, its pins routed as ranges[0..num_ranges-1] say
 */
void qcom_fdt_add_pdc(void *fdt, const MemMapEntry *e, const char *compat,
                      size_t compat_len, const QcomPdcRange *ranges,
                      unsigned num_ranges, uint32_t gic_phandle,
                      uint32_t phandle);

#define QCOM_FDT_PAS_MAX_PDS 3

/*
 * A remote processor that TrustZone's PAS service authenticates and
 * starts (qcom,adsp.yaml; Linux's qcom_q6v5_pas), with no glink-edge
 */
typedef struct QcomFdtPas {
    const char *compat;         /* "qcom,sm8250-adsp-pas" */
    const MemMapEntry *regs;
    /* the watchdog's interrupt: its controller's phandle and cells */
    uint32_t wdog[4];
    unsigned wdog_cells;
    /*
     * the SMP2P edge's slave-kernel, whose bits 0..3 are the fatal,
     * ready, handover and stop-ack interrupts, and master-kernel, whose
     * bit 0 is the "stop" state
     */
    uint32_t smp2p_in, smp2p_out;
    uint32_t xo_phandle;        /* the "xo" clock, of no cells */
    uint32_t rpmhpd_phandle;
    unsigned num_pds;
    uint32_t pd[QCOM_FDT_PAS_MAX_PDS];  /* rpmhpd's indices */
    const char *pd_names[QCOM_FDT_PAS_MAX_PDS];
    uint32_t mem_phandle;       /* the no-map carve-out */
    uint32_t qmp_phandle;       /* the AOSS QMP */
    const char *firmware;       /* firmware-name */
    bool disabled;              /* status = "disabled" */
} QcomFdtPas;

/* "/soc/remoteproc@BASE" */
void qcom_fdt_add_pas(void *fdt, const QcomFdtPas *p);

#endif /* HW_ARM_QCOM_FDT_H */
