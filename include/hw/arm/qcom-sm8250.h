/*
 * Qualcomm SM8250 SoC (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The blocks of the SoC that the supplier chains of the console and of
 * the DSPs (ADSP, CDSP, SLPI, booted by TrustZone through qcom_q6v5_pas)
 * use, at the addresses and interrupts of the kernel's sm8250.dtsi
 * (qcom_sm8250_memmap[], qcom_sm8250_irqmap[]), so that a board can boot
 * the kernel tree's own device tree. The rest of the SoC's I/O space is
 * unimplemented-device regions: an access there is logged (LOG_UNIMP),
 * reads zero and is otherwise ignored. SM8250 has no integrated modem.
 *
 * QEMU interface:
 *  + the application processor subsystem (include/hw/arm/qcom-apss.h,
 *    field "apss"): QOM properties "ram" (DRAM at SM8250_DRAM, 1..8 GiB),
 *    "num-cpus" (1..8, default 8), "cpu-type", "xpu" and "dcache"
 *    (default true); children "cpu[N]", "gic", "dram-xpu", "cpu-dcache"
 *    and "scm"; the architected timer, PMU and GIC maintenance
 *    interrupts on SM8250's PPIs
 *  + the platform the supplier chains need: children "gcc" (global
 *    clock controller), "tlmm" (pins), "pdc" (wake-up interrupts),
 *    "ipcc" (the processors' doorbells and their interrupt controller),
 *    "aoss-qmp" (the AOP's message channel, IPCC client AOP signal
 *    GLINK_QMP both ways) and "timer" (the memory-mapped generic timer);
 *    "gpucc" (the GPU clock controller, whose GDSC the Adreno SMMU needs)
 *  + children "tcsr-mutex", "smem", "cmd-db", "apps-rsc": SMEM (version
 *    12, the global partition) and the Command DB are written by the
 *    board's reset (qcom_smem_layout(), qcom_cmd_db_layout())
 *  + the QUPv3 wrappers ("qup[0]" at 0x9c0000, "qup[1]" at 0xac0000,
 *    "qup[2]" at 0x8c0000, the DT's qupv3_id_0..2) and the debug UART
 *    (child "uart12", GENI serial engine 4 of wrapper 1, the RB5's
 *    console) on serial_hd(0); the other serial engines are unmodelled
 *
 * The DSPs (children "adsp", "cdsp", "slpi", hw/remoteproc/qcom-dsp.c,
 * linked to the SCM's PAS service; their QDSP6 registers read as
 * unimplemented):
 *  + registers SM8250_ADSP, SM8250_CDSP, SM8250_SLPI; carve-outs
 *    SM8250_ADSP_MEM, SM8250_CDSP_MEM, SM8250_SLPI_MEM
 *  + watchdogs: the ADSP's and the SLPI's are PDC pins
 *    SM8250_PDC_PIN_ADSP_WDOG and SM8250_PDC_PIN_SLPI_WDOG (GPIO inputs
 *    of "pdc", level high), the CDSP's GIC SPI SM8250_IRQ_CDSP_WDOG
 *  + SMP2P doorbells, through "ipcc": a DSP signals APPS on the ipcc's
 *    GPIO input QCOM_IPCC_LINE(client, QCOM_IPCC_SIGNAL_SMP2P) and is
 *    rung by its named GPIO output "client" of the same index, for client
 *    QCOM_IPCC_CLIENT_LPASS (ADSP), _CDSP or _SLPI; GLINK_QMP (their
 *    glink-edge) is left unconnected
 *  + SMP2P items in SMEM: SM8250_{ADSP,CDSP,SLPI}_SMP2P_ITEM_{IN,OUT}
 */

#ifndef HW_ARM_QCOM_SM8250_H
#define HW_ARM_QCOM_SM8250_H

#include "hw/arm/qcom-apss.h"
#include "hw/char/qcom-geni-uart.h"
#include "hw/intc/qcom-pdc.h"
#include "hw/misc/qcom-aoss-qmp.h"
#include "hw/misc/qcom-cmd-db.h"
#include "hw/misc/qcom-gcc.h"
#include "hw/misc/qcom-ipcc.h"
#include "hw/misc/qcom-qupv3.h"
#include "hw/misc/qcom-rpmh-rsc.h"
#include "hw/misc/qcom-smem.h"
#include "hw/misc/qcom-tcsr-mutex.h"
#include "hw/misc/qcom-tlmm.h"
#include "hw/remoteproc/qcom-dsp.h"
#include "hw/timer/arm-generic-timer-mmio.h"
#include "qom/object.h"

#define TYPE_QCOM_SM8250 "qcom-sm8250"
OBJECT_DECLARE_SIMPLE_TYPE(QcomSm8250State, QCOM_SM8250)

/* Blocks of the address map; qcom_sm8250_memmap[] gives their place. */
enum QcomSm8250Block {
    SM8250_IO,
    SM8250_GCC,
    SM8250_IPCC,
    SM8250_QUP0,
    SM8250_QUP1,
    SM8250_QUP2,
    SM8250_QUP1_SE4,
    SM8250_TCSR_MUTEX,
    SM8250_XPU_CFG,
    SM8250_GPUCC,
    SM8250_SLPI,
    SM8250_CDSP,
    SM8250_PDC,
    SM8250_AOSS_QMP,
    SM8250_TLMM,
    SM8250_ADSP,
    SM8250_GIC_DIST,
    SM8250_GIC_REDIST,
    SM8250_TIMER_CTL,
    SM8250_TIMER_FRAME0,
    SM8250_RPMH_RSC,
    SM8250_DRAM,
    SM8250_CMD_DB,
    SM8250_SMEM,
    SM8250_CDSP_MEM,
    SM8250_SLPI_MEM,
    SM8250_ADSP_MEM,
    SM8250_XPU_WINDOW,
    SM8250_DCACHE_WINDOW,
    SM8250_NUM_BLOCKS,
};

/* Interrupts of the blocks; qcom_sm8250_irqmap[] gives their GIC SPI. */
enum QcomSm8250Irq {
    SM8250_IRQ_RSC_DRV0,
    SM8250_IRQ_RSC_DRV1,
    SM8250_IRQ_RSC_DRV2,
    SM8250_IRQ_TIMER_VIRT,
    SM8250_IRQ_TIMER_PHYS,
    SM8250_IRQ_TLMM,
    SM8250_IRQ_IPCC,
    SM8250_IRQ_QUP1_SE4,
    SM8250_IRQ_CDSP_WDOG,
    SM8250_IRQ_XPU,
    SM8250_NUM_IRQS,
};

#define SM8250_NUM_QUPS 3
#define SM8250_NUM_SPIS 960

/* SM8250's PPIs (sm8250.dtsi): architected timers, GIC maintenance, PMU */
#define SM8250_PPI_TIMER_HYP 10
#define SM8250_PPI_TIMER_VIRT 11
#define SM8250_PPI_TIMER_SEC 13
#define SM8250_PPI_TIMER_PHYS 14
#define SM8250_PPI_PMU 7
#define SM8250_PPI_GIC_MAINT 9

/* The PDC's pins and their GIC SPIs: qcom_sm8250_pdc_ranges[] */
#define SM8250_NUM_PDC_RANGES 4

/* The DSPs' watchdogs that go through the PDC (sm8250.dtsi) */
#define SM8250_PDC_PIN_ADSP_WDOG 6
#define SM8250_PDC_PIN_SLPI_WDOG 9

/*
 * SMEM items of the DSPs' SMP2P edges (qcom,smem = <in out>, as APPS sees
 * them): IN is the DSP's outbound item, OUT the one APPS writes
 */
#define SM8250_ADSP_SMP2P_ITEM_IN 443
#define SM8250_ADSP_SMP2P_ITEM_OUT 429
#define SM8250_CDSP_SMP2P_ITEM_IN 94
#define SM8250_CDSP_SMP2P_ITEM_OUT 432
#define SM8250_SLPI_SMP2P_ITEM_IN 481
#define SM8250_SLPI_SMP2P_ITEM_OUT 430
/* The DSPs, in this order: children "adsp", "cdsp", "slpi" */
#define SM8250_NUM_DSPS 3

/* SMEM's TCSR mutex lock */
#define SM8250_SMEM_HWLOCK 3
/* Linux's DRV of the APPS RSC */
#define SM8250_RSC_DRV 2

struct QcomSm8250State {
    DeviceState parent_obj;

    QcomApss apss;
    ArmGenericTimerMmioState timer;
    QcomGccState gcc;
    QcomGccState gpucc;
    QcomTlmmState tlmm;
    QcomPdcState pdc;
    QcomIpccState ipcc;
    QcomAossQmpState aoss_qmp;
    QcomTcsrMutexState tcsr_mutex;
    QcomSmemState smem;
    QcomCmdDbState cmd_db;
    QcomRpmhRscState rsc;
    QcomQupv3State qup[SM8250_NUM_QUPS];
    QcomGeniUartState uart12;
    QcomDspState dsp[SM8250_NUM_DSPS];
};

extern const MemMapEntry qcom_sm8250_memmap[SM8250_NUM_BLOCKS];
extern const int qcom_sm8250_irqmap[SM8250_NUM_IRQS];
extern const QcomPdcRange qcom_sm8250_pdc_ranges[SM8250_NUM_PDC_RANGES];

#endif /* HW_ARM_QCOM_SM8250_H */
