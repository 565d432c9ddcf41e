/*
 * Qualcomm SM8250 machine for modem-subsystem experiments (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * QEMU interface:
 *  + machine "qcom-sm8250": up to 8 Cortex-A76 CPUs (the nearest model of
 *    Kryo 585), GICv3 and the debug UART at SM8250's addresses, DRAM at
 *    0x80000000 sized by -m, PSCI over SMC, a device tree generated with
 *    libfdt (dumpable with "-machine dumpdtb=FILE" or QMP "dumpdtb").
 *  + -kernel/-initrd/-append/-dtb work as on "virt".
 *  + machine property "xpu" (on by default): the XPU memory firewall
 *    (hw/misc/qcom-xpu.c) in front of DRAM, its registers at
 *    SM8250_XPU_CFG (QOM path /machine/dram-xpu); "xpu=off" maps DRAM
 *    directly (for benchmarks).
 *  + machine property "dcache" (on by default): the CPUs' data cache model
 *    (hw/misc/cpu-dcache.c, QOM path /machine/cpu-dcache) between the CPUs and
 *    DRAM, fed by the CPUs' cache maintenance; a hazard it finds when the
 *    XPU takes memory from the CPUs is reported through the XPU.
 *  + the secure firmware's SiP calls (SCM, hw/misc/qcom-scm.c) are
 *    answered for all CPUs.
 *  + the modem subsystem (hw/remoteproc/qcom-q6v5-mss.c, QOM path
 *    /machine/mss): QDSP6SS and RMB at the SDM845 addresses, its AXI halt
 *    registers in the TCSR block; it reads memory through "soc-bus" (and
 *    so the XPU) as the MSS master. Its reset inputs are driven by the
 *    AOSS (hw/misc/qcom-aoss-reset.c, /machine/aoss-reset, MSS_RESTART)
 *    and PDC (hw/misc/qcom-pdc-reset.c, /machine/pdc-reset, bit 9)
 *    reset controllers at SDM845's addresses. Its SMP2P interrupt is GIC
 *    SPI 451, its watchdog SPI 266 (SDM845's).
 *  + the modem's DT node, "qcom,sdm845-mss-pil" as qcom,q6v5.txt (6.1)
 *    describes it: no-map carve-outs mba and mpss (SDM845's addresses),
 *    fixed clocks under the names the driver asks for, the resets, the
 *    cx/mx/mss power domains of rpmhpd, SMP2P interrupts and stop state,
 *    the TCSR as the halt registers' syscon; firmware names
 *    QCOM_SM8250_MBA_FW and QCOM_SM8250_MPSS_FW.
 *  + machine property "metadata" (off by default): a third no-map
 *    carve-out, SM8250_METADATA_MEM, as the modem's "metadata" region,
 *    which Linux 6.1.y's driver (57f72170a2b2) then uses for the firmware
 *    metadata instead of a DMA buffer.
 *  + the modem's platform services: TCSR mutex (hw/misc/qcom-tcsr-mutex.c,
 *    /machine/tcsr-mutex), SMEM laid out at reset in the DRAM carve-out
 *    SM8250_SMEM (hw/misc/qcom-smem.c, /machine/smem; reserved no-map in
 *    the DT), the APSS IPC doorbells (hw/misc/qcom-apcs-ipc.c,
 *    /machine/apss-shared) whose bit 14 rings the modem.
 *  + device tree nodes for Linux's own drivers of these services, as the
 *    upstream bindings give them: /firmware/scm ("qcom,scm-sm8250"),
 *    the TCSR mutex ("qcom,tcsr-mutex"), SMEM ("qcom,smem" on its
 *    reserved-memory node, hwlock 3), the APSS mailbox
 *    ("qcom,sdm845-apss-shared") and the modem's SMP2P edge
 *    (/smp2p-mpss: items 435 in, 428 out, SPI 451, mailbox channel 14).
 *  + RPMh: the Command DB (hw/misc/qcom-cmd-db.c, /machine/cmd-db) laid
 *    out at reset in the carve-out SM8250_CMD_DB ("qcom,cmd-db", no-map)
 *    and the APPS RSC (hw/misc/qcom-rpmh-rsc.c, /machine/apps-rsc; DRV 2
 *    is Linux's, SPIs 3-5) with its "qcom,sdm845-rpmhpd" power-domain
 *    provider in the DT; the RSC's QOM property "votes" shows the rails'
 *    active votes.
 */

#ifndef HW_ARM_QCOM_SM8250_H
#define HW_ARM_QCOM_SM8250_H

#include "hw/boards.h"
#include "hw/arm/boot.h"
#include "qemu/notify.h"
#include "qom/object.h"

#define TYPE_QCOM_SM8250_MACHINE MACHINE_TYPE_NAME("qcom-sm8250")
OBJECT_DECLARE_SIMPLE_TYPE(QcomSM8250MachineState, QCOM_SM8250_MACHINE)

/* Blocks of the address map; qcom_sm8250_memmap[] gives their place. */
enum QcomSM8250Block {
    SM8250_UART,
    SM8250_GIC_DIST,
    SM8250_GIC_REDIST,
    SM8250_DRAM,
    SM8250_XPU_CFG,
    SM8250_XPU_WINDOW,
    SM8250_DCACHE_WINDOW,
    SM8250_TCSR,
    SM8250_MSS_QDSP6,
    SM8250_MSS_RMB,
    SM8250_TCSR_MUTEX,
    SM8250_APSS_SHARED,
    SM8250_SMEM,
    SM8250_CMD_DB,
    SM8250_RPMH_RSC,
    SM8250_AOSS_RESET,
    SM8250_PDC_RESET,
    SM8250_MPSS_MEM,
    SM8250_MBA_MEM,
    SM8250_METADATA_MEM,
    SM8250_NUM_BLOCKS,
};

#define SM8250_MAX_CPUS 8
#define SM8250_NUM_SPIS 960
#define SM8250_MSS_NUM_CLOCKS 8

/* Firmware the modem's DT node names (under /lib/firmware) */
#define QCOM_SM8250_MBA_FW "qcom/qcom-mss-sim/mba.mbn"
#define QCOM_SM8250_MPSS_FW "qcom/qcom-mss-sim/modem.mdt"

struct QcomSM8250MachineState {
    MachineState parent_obj;

    struct arm_boot_info bootinfo;
    DeviceState *gic;
    DeviceState *xpu;
    DeviceState *dcache;
    DeviceState *scm;
    DeviceState *mss;
    DeviceState *tcsr_mutex;
    DeviceState *smem;
    DeviceState *apcs;
    DeviceState *cmd_db;
    DeviceState *rsc;
    DeviceState *aoss_reset;
    DeviceState *pdc_reset;
    MemoryRegion dram_bus;
    MemoryRegion soc_bus;
    MemoryRegion dram_alias;
    Notifier xpu_change;
    bool xpu_enabled;
    bool dcache_enabled;
    bool metadata_carveout;
    void *fdt;
    int fdt_size;
    uint32_t tcsr_mutex_phandle;
    uint32_t apss_shared_phandle;
    uint32_t rpmhpd_phandle;
    uint32_t gic_phandle;
    uint32_t smp2p_in_phandle;
    uint32_t smp2p_out_phandle;
    uint32_t aoss_reset_phandle;
    uint32_t pdc_reset_phandle;
    uint32_t tcsr_phandle;
    uint32_t mss_clk_phandle[SM8250_MSS_NUM_CLOCKS];
};

extern const MemMapEntry qcom_sm8250_memmap[SM8250_NUM_BLOCKS];

#endif /* HW_ARM_QCOM_SM8250_H */
