/*
 * Qualcomm global clock controller (GCC) (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A GCC is a large block of clock, power-domain and reset registers of a
 * few kinds, whose places differ by SoC. This device gives each kind the
 * behaviour Linux's clock drivers wait for, at the offsets a SoC's table
 * (QcomGccDesc, one subclass per SoC) lists; every other register is
 * storage. Clocks here have no rates of their own: the model only says
 * whether a clock runs.
 *  - branch (CBCR): CLK_OFF (bit 31) reads as neither CLK_ENABLE (bit 0)
 *    nor the branch's vote bit in a vote register is set;
 *  - RCG (CMD_RCGR): UPDATE (bit 0) latches the configuration and clears
 *    itself; ROOT_OFF (bit 31) reads 0, the root runs;
 *  - alpha PLL (MODE): LOCK_DET (bit 31) and ACTIVE (bit 30) read as the
 *    PLL runs: its vote bit in FSM mode (bit 20), else RESET_N with
 *    OPMODE RUN, OPMODE at +0x2c (Fabia, SDM845) or +0x38 (Trion and
 *    Lucid, SM8250);
 *  - GDSC (GDSCR, and CFG_GDSCR at +4): PWR_ON (bit 31) and
 *    POWER_UP_COMPLETE (CFG bit 16) read as SW_COLLAPSE (bit 0) is clear,
 *    POWER_DOWN_COMPLETE (CFG bit 15) as it is set;
 *  - GDS hardware controller (GDS_HW_CTRL, apart from its GDSC): PWR_ON
 *    (bit 31) reads as its GDSC's SW_COLLAPSE is clear; a GDSC that has
 *    one (the GPU's CX) is polled there rather than at its GDSCR.
 * At reset the registers take the values the SoC's boot loader leaves.
 * The GPU clock controllers (GPU CC) are blocks of the same kinds.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the registers (the desc's size)
 *  + QOM type per SoC and block: TYPE_QCOM_GCC_SDM845, TYPE_QCOM_GCC_SM8250,
 *    TYPE_QCOM_GPUCC_SDM845, TYPE_QCOM_GPUCC_SM8250
 */

#ifndef HW_MISC_QCOM_GCC_H
#define HW_MISC_QCOM_GCC_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_GCC "qcom-gcc"
OBJECT_DECLARE_TYPE(QcomGccState, QcomGccClass, QCOM_GCC)

#define TYPE_QCOM_GCC_SDM845 "qcom-gcc-sdm845"
#define TYPE_QCOM_GCC_SM8250 "qcom-gcc-sm8250"
#define TYPE_QCOM_GPUCC_SDM845 "qcom-gpucc-sdm845"
#define TYPE_QCOM_GPUCC_SM8250 "qcom-gpucc-sm8250"

typedef enum QcomGccKind {
    QCOM_GCC_KIND_CBCR,
    QCOM_GCC_KIND_RCG,
    QCOM_GCC_KIND_PLL,          /* Fabia: OPMODE at +0x2c */
    QCOM_GCC_KIND_PLL_LUCID,    /* Trion, Lucid: OPMODE at +0x38 */
    QCOM_GCC_KIND_GDSC,
    QCOM_GCC_KIND_GDSC_CFG,
    QCOM_GCC_KIND_GDS_HW_CTRL,
} QcomGccKind;

/*
 * A register with behaviour; vote_reg 0 means the kind has no vote; gdscr
 * is the GDSC a GDS_HW_CTRL reports
 */
typedef struct QcomGccReg {
    uint32_t offset;
    uint8_t kind;
    uint8_t vote_bit;
    uint32_t vote_reg;
    uint32_t gdscr;
} QcomGccReg;

typedef struct QcomGccValue {
    uint32_t offset;
    uint32_t value;
} QcomGccValue;

typedef struct QcomGccDesc {
    uint32_t size;
    const QcomGccReg *regs;     /* sorted by offset */
    unsigned num_regs;
    const QcomGccValue *reset;  /* the boot loader's settings */
    unsigned num_reset;
} QcomGccDesc;

struct QcomGccClass {
    SysBusDeviceClass parent_class;

    const QcomGccDesc *desc;
};

struct QcomGccState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    uint32_t *regs;
    uint32_t num_words;
};

#endif /* HW_MISC_QCOM_GCC_H */
