/*
 * Qualcomm RPMh Resource State Coordinator (RSC) of the APPS subsystem
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The APPS processors send their votes for shared resources (power
 * rails' ARC levels, say) to RPMh through the RSC: a driver (DRV) writes
 * (address, data) commands into a Trigger Command Set (TCS) and triggers
 * it; RPMh carries out the commands and interrupts the DRV. Linux's
 * drivers/soc/qcom/rpmh-rsc.c ("qcom,rpmh-rsc") drives DRV 2.
 *
 * The model: three DRVs of 64 KiB; the one named by "drv-id" has
 * QCOM_RPMH_RSC_NUM_TCS TCSes of QCOM_RPMH_RSC_NCPT commands, laid out
 * as the DT's qcom,tcs-config <ACTIVE 2>, <SLEEP 3>, <WAKE 3>,
 * <CONTROL 1> says (TCS 0-1 active, 2-4 sleep, 5-7 wake, 8 control),
 * registers from QCOM_RPMH_RSC_TCS_OFFSET ("qcom,tcs-offset"). The other
 * DRVs read as zero and ignore writes. A trigger completes at once:
 * every enabled command is issued and completed, each write command's
 * data becomes the "active vote" of its resource address, and the
 * TCS's IRQ_STATUS bit is set. Sleep and wake TCSes keep what Linux
 * writes into them (it flushes them there for RPMh to apply when the
 * subsystem sleeps and wakes; this model never does). Register map and
 * simplifications: docs/devel/qcom-rpmh.rst.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: DRV 0, 1 and 2 (QCOM_RPMH_RSC_NUM_DRVS x
 *    QCOM_RPMH_RSC_DRV_SIZE)
 *  + sysbus IRQ 0..2: the level interrupt of each DRV, high while
 *    IRQ_STATUS & IRQ_ENABLE of that DRV is non-zero
 *  + QOM property "drv-id": the DRV that is modelled (default 2)
 *  + QOM property "hw-solver" (default false): SOLVER_CONFIG's HW solver
 *    bit; with it clear Linux flushes sleep/wake sets from CPU PM
 *  + read-only QOM properties "votes", "sleep-votes", "wake-votes": the
 *    active votes the triggered TCSes left, and the votes programmed
 *    (enabled write commands) in the sleep and the wake TCSes, as a
 *    string "ADDR=DATA,ADDR=DATA" (hex with 0x, sorted by address; ""
 *    when there are none), e.g. "0x30000=0x1,0x30060=0x9"; readable
 *    with QMP qom-get on /machine/apps-rsc
 *  + trace event qcom_rpmh_rsc_vote for each write command carried out
 *  + C API below (qcom_rpmh_rsc_get_vote) for the machine and other models
 */

#ifndef HW_MISC_QCOM_RPMH_RSC_H
#define HW_MISC_QCOM_RPMH_RSC_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_RPMH_RSC "qcom-rpmh-rsc"
OBJECT_DECLARE_SIMPLE_TYPE(QcomRpmhRscState, QCOM_RPMH_RSC)

#define QCOM_RPMH_RSC_NUM_DRVS      3
#define QCOM_RPMH_RSC_DRV_SIZE      0x10000
#define QCOM_RPMH_RSC_TCS_OFFSET    0xd00
#define QCOM_RPMH_RSC_TCS_STRIDE    672
#define QCOM_RPMH_RSC_CMD_STRIDE    20
#define QCOM_RPMH_RSC_NUM_TCS       9
#define QCOM_RPMH_RSC_NCPT          16
/* Distinct resource addresses whose active vote is remembered */
#define QCOM_RPMH_RSC_MAX_VOTES     64

/* TCS types, numbered as dt-bindings/soc/qcom,rpmh-rsc.h numbers them */
typedef enum QcomRpmhSet {
    QCOM_RPMH_SET_SLEEP = 0,    /* SLEEP_TCS */
    QCOM_RPMH_SET_WAKE = 1,     /* WAKE_TCS */
    QCOM_RPMH_SET_ACTIVE = 2,   /* ACTIVE_TCS */
} QcomRpmhSet;

typedef struct QcomRpmhRscCmd {
    uint32_t msgid;
    uint32_t addr;
    uint32_t data;
    uint32_t status;
    uint32_t resp_data;
} QcomRpmhRscCmd;

typedef struct QcomRpmhRscTcs {
    uint32_t wait_for_cmpl;
    uint32_t control;
    uint32_t cmd_enable;
    QcomRpmhRscCmd cmd[QCOM_RPMH_RSC_NCPT];
} QcomRpmhRscTcs;

typedef struct QcomRpmhRscVote {
    uint32_t addr;
    uint32_t data;
} QcomRpmhRscVote;

struct QcomRpmhRscState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq[QCOM_RPMH_RSC_NUM_DRVS];

    uint32_t irq_enable;
    uint32_t irq_status;
    QcomRpmhRscTcs tcs[QCOM_RPMH_RSC_NUM_TCS];
    /* active votes, in the order their addresses were first voted */
    uint32_t num_votes;
    QcomRpmhRscVote votes[QCOM_RPMH_RSC_MAX_VOTES];

    /* properties */
    uint32_t drv_id;
    bool hw_solver;
};

/*
 * The vote for resource address addr in set: for QCOM_RPMH_SET_ACTIVE
 * the data of the last write command a trigger carried out; for SLEEP
 * and WAKE the data of the last enabled write command in those TCSes.
 * Returns false (and leaves *data alone) if there is none.
 */
bool qcom_rpmh_rsc_get_vote(QcomRpmhRscState *s, QcomRpmhSet set,
                            uint32_t addr, uint32_t *data);

#endif /* HW_MISC_QCOM_RPMH_RSC_H */
