/*
 * The GPU clock controller of Qualcomm's SDM845 (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Where SDM845's GPU CC has its PLL, branches, RCG and GDSCs (the places
 * Linux's gpucc-sdm845 driver uses, named as it names them). The arm64
 * defconfig builds that driver in, and the Adreno SMMU's power domain is
 * its gpu_cx_gdsc: without these registers the GDSC never reports power
 * and Linux WARNs ("gpu_cx_gdsc status stuck at 'off'"). The CX GDSC is
 * polled at its GDS hardware controller; the GX GDSC at its CFG_GDSCR.
 * The boot loader leaves both collapsed.
 */

#include "qemu/osdep.h"
#include "hw/misc/qcom-gcc.h"

static const QcomGccReg sdm845_gpucc_regs[] = {
    { 0x0100, QCOM_GCC_KIND_PLL },          /* gpu_cc_pll1 (Fabia) */
    { 0x100c, QCOM_GCC_KIND_GDSC },         /* gpu_gx_gdsc */
    { 0x1010, QCOM_GCC_KIND_GDSC_CFG },     /* gpu_gx_gdsc CFG */
    { 0x106c, QCOM_GCC_KIND_GDSC },         /* gpu_cx_gdsc */
    { 0x1098, QCOM_GCC_KIND_CBCR },         /* gpu_cc_cx_gmu */
    { 0x109c, QCOM_GCC_KIND_CBCR },         /* gpu_cc_cxo */
    { 0x1120, QCOM_GCC_KIND_RCG },          /* gpu_cc_gmu_clk_src */
    /* gpu_cx_gdsc's GDS hardware controller */
    { 0x1540, QCOM_GCC_KIND_GDS_HW_CTRL, .gdscr = 0x106c },
};

static const QcomGccValue sdm845_gpucc_reset[] = {
    { 0x100c, 0x00000001 },
    { 0x106c, 0x00000001 },
};

static const QcomGccDesc sdm845_gpucc_desc = {
    .size = 0x9000,
    .regs = sdm845_gpucc_regs,
    .num_regs = ARRAY_SIZE(sdm845_gpucc_regs),
    .reset = sdm845_gpucc_reset,
    .num_reset = ARRAY_SIZE(sdm845_gpucc_reset),
};

static void sdm845_gpucc_class_init(ObjectClass *klass, void *data)
{
    QCOM_GCC_CLASS(klass)->desc = &sdm845_gpucc_desc;
    DEVICE_CLASS(klass)->desc = "Qualcomm SDM845 GPU clock controller";
}

static const TypeInfo sdm845_gpucc_types[] = {
    {
        .name = TYPE_QCOM_GPUCC_SDM845,
        .parent = TYPE_QCOM_GCC,
        .class_init = sdm845_gpucc_class_init,
    },
};

DEFINE_TYPES(sdm845_gpucc_types)
