/*
 * Qualcomm SDM845 SoC (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The blocks of the SoC that Linux's modem driver and the supplier chains
 * of the modem and the console use, at the addresses and interrupts of
 * the kernel's sdm845.dtsi (qcom_sdm845_memmap[], qcom_sdm845_irqmap[]),
 * so that a board can boot the kernel tree's own device tree. The rest of
 * the SoC's I/O space is unimplemented-device regions: an access there is
 * logged (LOG_UNIMP), reads zero and is otherwise ignored.
 *
 * QEMU interface:
 *  + the application processor subsystem (include/hw/arm/qcom-apss.h,
 *    field "apss"): QOM properties "ram" (DRAM at SDM845_DRAM, 1..8 GiB),
 *    "num-cpus" (1..8, default 8), "cpu-type", "xpu" and "dcache"
 *    (default true); children "cpu[N]", "gic", "dram-xpu", "cpu-dcache"
 *    and "scm"; the architected timer and GIC maintenance interrupts on
 *    SDM845's PPIs
 *  + the platform the supplier chains of the modem and the console need:
 *    children "gcc" (global clock controller), "tlmm" (pins), "pdc"
 *    (wake-up interrupts), "aoss-qmp" (the AOP's message channel, rung by
 *    "apss-shared" bit 0) and "timer" (the memory-mapped generic timer);
 *    "gpucc" (the GPU clock controller, whose GDSC the Adreno SMMU needs)
 *  + child "mss": the modem subsystem (hw/remoteproc/qcom-q6v5-mss.c),
 *    reading memory through the SoC bus as the MSS master; its reset
 *    inputs come from children "aoss-reset" and "pdc-reset", its
 *    doorbell from "apss-shared" bit 14
 *  + children "tcsr-mutex", "smem", "cmd-db", "apps-rsc": the modem's
 *    platform services; SMEM and the Command DB are written by the
 *    board's reset (qcom_smem_layout(), qcom_cmd_db_layout())
 *  + the QUPv3 wrappers ("qup[0]", "qup[1]") and the debug UART (child
 *    "uart9", GENI serial engine 1 of wrapper 1, the DragonBoard 845c's
 *    console) on serial_hd(0); the other serial engines are unmodelled
 */

#ifndef HW_ARM_QCOM_SDM845_H
#define HW_ARM_QCOM_SDM845_H

#include "hw/arm/qcom-apss.h"
#include "hw/misc/qcom-aoss-reset.h"
#include "hw/misc/qcom-apcs-ipc.h"
#include "hw/misc/qcom-cmd-db.h"
#include "hw/misc/qcom-pdc-reset.h"
#include "hw/misc/qcom-qupv3.h"
#include "hw/misc/qcom-rpmh-rsc.h"
#include "hw/misc/qcom-smem.h"
#include "hw/misc/qcom-tcsr-mutex.h"
#include "hw/char/qcom-geni-uart.h"
#include "hw/intc/qcom-pdc.h"
#include "hw/misc/qcom-aoss-qmp.h"
#include "hw/misc/qcom-gcc.h"
#include "hw/misc/qcom-tlmm.h"
#include "hw/timer/arm-generic-timer-mmio.h"
#include "hw/remoteproc/qcom-q6v5-mss.h"
#include "qom/object.h"

#define TYPE_QCOM_SDM845 "qcom-sdm845"
OBJECT_DECLARE_SIMPLE_TYPE(QcomSdm845State, QCOM_SDM845)

/* Blocks of the address map; qcom_sdm845_memmap[] gives their place. */
enum QcomSdm845Block {
    SDM845_IO,
    SDM845_GCC,
    SDM845_QUP0,
    SDM845_QUP1,
    SDM845_QUP1_SE1,
    SDM845_TCSR_MUTEX,
    SDM845_TCSR_REGS_1,
    SDM845_XPU_CFG,
    SDM845_TLMM,
    SDM845_MSS_QDSP6,
    SDM845_MSS_RMB,
    SDM845_GPUCC,
    SDM845_PDC,
    SDM845_PDC_RESET,
    SDM845_AOSS_RESET,
    SDM845_AOSS_QMP,
    SDM845_APSS_SHARED,
    SDM845_RPMH_RSC,
    SDM845_GIC_DIST,
    SDM845_GIC_REDIST,
    SDM845_TIMER_CTL,
    SDM845_TIMER_FRAME0,
    SDM845_DRAM,
    SDM845_CMD_DB,
    SDM845_SMEM,
    SDM845_MPSS_MEM,
    SDM845_MBA_MEM,
    SDM845_XPU_WINDOW,
    SDM845_DCACHE_WINDOW,
    SDM845_NUM_BLOCKS,
};

/* Interrupts of the blocks; qcom_sdm845_irqmap[] gives their GIC SPI. */
enum QcomSdm845Irq {
    SDM845_IRQ_RSC_DRV0,
    SDM845_IRQ_RSC_DRV1,
    SDM845_IRQ_RSC_DRV2,
    SDM845_IRQ_TIMER_VIRT,
    SDM845_IRQ_TIMER_PHYS,
    SDM845_IRQ_TLMM,
    SDM845_IRQ_MSS_WDOG,
    SDM845_IRQ_QUP1_SE1,
    SDM845_IRQ_AOSS_QMP,
    SDM845_IRQ_MSS_SMP2P,
    SDM845_IRQ_XPU,
    SDM845_NUM_IRQS,
};

#define SDM845_MAX_CPUS QCOM_APSS_MAX_CPUS
#define SDM845_NUM_QUPS 2
#define SDM845_NUM_SPIS 960

/* SDM845's PPIs (sdm845.dtsi): architected timers, GIC maintenance, PMU */
#define SDM845_PPI_TIMER_HYP 0
#define SDM845_PPI_TIMER_SEC 1
#define SDM845_PPI_TIMER_PHYS 2
#define SDM845_PPI_TIMER_VIRT 3
#define SDM845_PPI_PMU 5
#define SDM845_PPI_GIC_MAINT 9

/* SMEM items of the modem's SMP2P edge, and SMEM's TCSR mutex lock */
#define SDM845_MSS_SMP2P_ITEM_IN 435
#define SDM845_MSS_SMP2P_ITEM_OUT 428
#define SDM845_SMEM_HWLOCK 3
/* The modem's AXI halt registers in tcsr_regs_1 */
#define SDM845_MSS_HALT_Q6 0x3000
#define SDM845_MSS_HALT_MODEM 0x5000
#define SDM845_MSS_HALT_NC 0x4000
/* Linux's DRV of the APPS RSC */
#define SDM845_RSC_DRV 2

struct QcomSdm845State {
    DeviceState parent_obj;

    QcomApss apss;
    ArmGenericTimerMmioState timer;
    QcomGccState gcc;
    QcomGccState gpucc;
    QcomTlmmState tlmm;
    QcomPdcState pdc;
    QcomAossQmpState aoss_qmp;
    QcomTcsrMutexState tcsr_mutex;
    QcomSmemState smem;
    QcomApcsIpcState apss_shared;
    QcomCmdDbState cmd_db;
    QcomRpmhRscState rsc;
    QcomAossResetState aoss_reset;
    QcomPdcResetState pdc_reset;
    QcomQ6v5MssState mss;
    QcomQupv3State qup[SDM845_NUM_QUPS];
    QcomGeniUartState uart9;
};

extern const MemMapEntry qcom_sdm845_memmap[SDM845_NUM_BLOCKS];
extern const int qcom_sdm845_irqmap[SDM845_NUM_IRQS];

#endif /* HW_ARM_QCOM_SDM845_H */
