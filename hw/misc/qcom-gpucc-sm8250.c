/*
 * The GPU clock controller of Qualcomm's SM8250 (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Where SM8250's GPU CC has its PLL, branches, RCG and GDSCs (the places
 * Linux's gpucc-sm8250 driver uses, named as it names them). The arm64
 * defconfig builds that driver in, and the Adreno SMMU's power domain is
 * its gpu_cx_gdsc: without these registers the GDSC never reports power
 * and Linux WARNs ("gpu_cx_gdsc status stuck at 'off'"). The CX GDSC is
 * polled at its GDS hardware controller; the GX GDSC at its CFG_GDSCR.
 * The PLL is a Lucid PLL. The boot loader leaves both GDSCs collapsed.
 */

#include "qemu/osdep.h"
#include "hw/misc/qcom-gcc.h"

static const QcomGccReg sm8250_gpucc_regs[] = {
    { 0x0100, QCOM_GCC_KIND_PLL_LUCID },    /* gpu_cc_pll1 */
    { 0x1004, QCOM_GCC_KIND_CBCR },         /* gpu_cc_cxo_aon */
    { 0x100c, QCOM_GCC_KIND_GDSC },         /* gpu_gx_gdsc */
    { 0x1010, QCOM_GCC_KIND_GDSC_CFG },     /* gpu_gx_gdsc CFG */
    { 0x1064, QCOM_GCC_KIND_CBCR },         /* gpu_cc_gx_gmu */
    { 0x106c, QCOM_GCC_KIND_GDSC },         /* gpu_cx_gdsc */
    { 0x1078, QCOM_GCC_KIND_CBCR },         /* gpu_cc_ahb */
    { 0x107c, QCOM_GCC_KIND_CBCR },         /* gpu_cc_crc_ahb */
    { 0x1088, QCOM_GCC_KIND_CBCR },         /* gpu_cc_cx_apb */
    { 0x108c, QCOM_GCC_KIND_CBCR },         /* gpu_cc_cx_snoc_dvm */
    { 0x1098, QCOM_GCC_KIND_CBCR },         /* gpu_cc_cx_gmu */
    { 0x109c, QCOM_GCC_KIND_CBCR },         /* gpu_cc_cxo */
    { 0x1120, QCOM_GCC_KIND_RCG },          /* gpu_cc_gmu_clk_src */
    /* gpu_cx_gdsc's GDS hardware controller */
    { 0x1540, QCOM_GCC_KIND_GDS_HW_CTRL, .gdscr = 0x106c },
    { 0x5000, QCOM_GCC_KIND_CBCR },         /* gpu_cc_hlos1_vote_gpu_smmu */
};

static const QcomGccValue sm8250_gpucc_reset[] = {
    { 0x100c, 0x00000001 },
    { 0x106c, 0x00000001 },
};

static const QcomGccDesc sm8250_gpucc_desc = {
    .size = 0x9000,
    .regs = sm8250_gpucc_regs,
    .num_regs = ARRAY_SIZE(sm8250_gpucc_regs),
    .reset = sm8250_gpucc_reset,
    .num_reset = ARRAY_SIZE(sm8250_gpucc_reset),
};

static void sm8250_gpucc_class_init(ObjectClass *klass, void *data)
{
    QCOM_GCC_CLASS(klass)->desc = &sm8250_gpucc_desc;
    DEVICE_CLASS(klass)->desc = "Qualcomm SM8250 GPU clock controller";
}

static const TypeInfo sm8250_gpucc_types[] = {
    {
        .name = TYPE_QCOM_GPUCC_SM8250,
        .parent = TYPE_QCOM_GCC,
        .class_init = sm8250_gpucc_class_init,
    },
};

DEFINE_TYPES(sm8250_gpucc_types)
