/*
 * The global clock controller of Qualcomm's SDM845 (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Where SDM845's GCC has its branches, RCGs, PLLs and GDSCs (the places
 * Linux's gcc-sdm845 driver uses, named as it names them), and what the
 * boot loader leaves running: GPLL0 at 600 MHz voted on, its even output
 * at 300 MHz, the CPU subsystem's critical clocks, and the debug UART's
 * serial clock at 7.3728 MHz (115200 baud x 32 x 2).
 */

#include "qemu/osdep.h"
#include "hw/misc/qcom-gcc.h"

/* Vote registers: APCS_GPLL_ENA_VOTE, APCS_CLOCK_BRANCH_ENA_VOTE(_1) */
#define SDM845_GCC_PLL_VOTE 0x52000
#define SDM845_GCC_BRANCH_VOTE 0x52004
#define SDM845_GCC_BRANCH_VOTE_1 0x5200c

#define BRANCH(o) { (o), QCOM_GCC_KIND_CBCR, 0, 0 }
/* branches enabled by a bit of a vote register */
#define BRANCH_V0(o, bit) \
    { (o), QCOM_GCC_KIND_CBCR, (bit), SDM845_GCC_BRANCH_VOTE }
#define BRANCH_V1(o, bit) \
    { (o), QCOM_GCC_KIND_CBCR, (bit), SDM845_GCC_BRANCH_VOTE_1 }
#define RCG(o) { (o), QCOM_GCC_KIND_RCG, 0, 0 }
#define PLL(o, bit) { (o), QCOM_GCC_KIND_PLL, (bit), SDM845_GCC_PLL_VOTE }
#define GDSC(o) { (o), QCOM_GCC_KIND_GDSC, 0, 0 }
#define GDSC_CFG(o) { (o), QCOM_GCC_KIND_GDSC_CFG, 0, 0 }

static const QcomGccReg sdm845_gcc_regs[] = {
    PLL(0x00000, 0),          /* gpll0 */
    BRANCH_V0(0x0414c, 0),    /* sys_noc_cpuss_ahb */
    BRANCH(0x0502c),          /* cfg_noc_usb3_prim_axi */
    BRANCH(0x05030),          /* cfg_noc_usb3_sec_axi */
    BRANCH(0x0b004),          /* video_ahb */
    BRANCH(0x0b008),          /* camera_ahb */
    BRANCH(0x0b00c),          /* disp_ahb */
    BRANCH(0x0b010),          /* qmip_video_ahb */
    BRANCH(0x0b014),          /* qmip_camera_ahb */
    BRANCH(0x0b018),          /* qmip_disp_ahb */
    BRANCH(0x0b01c),          /* video_axi */
    BRANCH(0x0b020),          /* camera_axi */
    BRANCH(0x0b024),          /* disp_axi */
    BRANCH(0x0b028),          /* video_xo */
    BRANCH(0x0b02c),          /* camera_xo */
    BRANCH(0x0b030),          /* disp_xo */
    GDSC(0x0f004),            /* usb30_prim_gdsc */
    GDSC_CFG(0x0f008),        /* usb30_prim_gdsc CFG */
    BRANCH(0x0f00c),          /* usb30_prim_master */
    BRANCH(0x0f010),          /* usb30_prim_sleep */
    BRANCH(0x0f014),          /* usb30_prim_mock_utmi */
    RCG(0x0f018),             /* usb30_prim_master_clk_src */
    RCG(0x0f030),             /* usb30_prim_mock_utmi_clk_src */
    BRANCH(0x0f04c),          /* usb3_prim_phy_aux */
    BRANCH(0x0f050),          /* usb3_prim_phy_com_aux */
    BRANCH(0x0f054),          /* usb3_prim_phy_pipe */
    RCG(0x0f05c),             /* usb3_prim_phy_aux_clk_src */
    GDSC(0x10004),            /* usb30_sec_gdsc */
    GDSC_CFG(0x10008),        /* usb30_sec_gdsc CFG */
    BRANCH(0x1000c),          /* usb30_sec_master */
    BRANCH(0x10010),          /* usb30_sec_sleep */
    BRANCH(0x10014),          /* usb30_sec_mock_utmi */
    RCG(0x10018),             /* usb30_sec_master_clk_src */
    RCG(0x10030),             /* usb30_sec_mock_utmi_clk_src */
    BRANCH(0x1004c),          /* usb3_sec_phy_aux */
    BRANCH(0x10050),          /* usb3_sec_phy_com_aux */
    BRANCH(0x10054),          /* usb3_sec_phy_pipe */
    RCG(0x1005c),             /* usb3_sec_phy_aux_clk_src */
    BRANCH(0x14004),          /* sdcc2_apps */
    BRANCH(0x14008),          /* sdcc2_ahb */
    RCG(0x1400c),             /* sdcc2_apps_clk_src */
    BRANCH(0x16004),          /* sdcc4_apps */
    BRANCH(0x16008),          /* sdcc4_ahb */
    RCG(0x1600c),             /* sdcc4_apps_clk_src */
    BRANCH_V1(0x17004, 6),    /* qupv3_wrap_0_m_ahb */
    BRANCH_V1(0x17008, 7),    /* qupv3_wrap_0_s_ahb */
    BRANCH_V1(0x17030, 10),   /* qupv3_wrap0_s0 */
    RCG(0x17034),             /* qupv3_wrap0_s0_clk_src */
    BRANCH_V1(0x17160, 11),   /* qupv3_wrap0_s1 */
    RCG(0x17164),             /* qupv3_wrap0_s1_clk_src */
    BRANCH_V1(0x17290, 12),   /* qupv3_wrap0_s2 */
    RCG(0x17294),             /* qupv3_wrap0_s2_clk_src */
    BRANCH_V1(0x173c0, 13),   /* qupv3_wrap0_s3 */
    RCG(0x173c4),             /* qupv3_wrap0_s3_clk_src */
    BRANCH_V1(0x174f0, 14),   /* qupv3_wrap0_s4 */
    RCG(0x174f4),             /* qupv3_wrap0_s4_clk_src */
    BRANCH_V1(0x17620, 15),   /* qupv3_wrap0_s5 */
    RCG(0x17624),             /* qupv3_wrap0_s5_clk_src */
    BRANCH_V1(0x17750, 16),   /* qupv3_wrap0_s6 */
    RCG(0x17754),             /* qupv3_wrap0_s6_clk_src */
    BRANCH_V1(0x17880, 17),   /* qupv3_wrap0_s7 */
    RCG(0x17884),             /* qupv3_wrap0_s7_clk_src */
    BRANCH_V1(0x1800c, 20),   /* qupv3_wrap_1_m_ahb */
    BRANCH_V1(0x18010, 21),   /* qupv3_wrap_1_s_ahb */
    BRANCH_V1(0x18014, 22),   /* qupv3_wrap1_s0 */
    RCG(0x18018),             /* qupv3_wrap1_s0_clk_src */
    BRANCH_V1(0x18144, 23),   /* qupv3_wrap1_s1 */
    RCG(0x18148),             /* qupv3_wrap1_s1_clk_src */
    BRANCH_V1(0x18274, 24),   /* qupv3_wrap1_s2 */
    RCG(0x18278),             /* qupv3_wrap1_s2_clk_src */
    BRANCH_V1(0x183a4, 25),   /* qupv3_wrap1_s3 */
    RCG(0x183a8),             /* qupv3_wrap1_s3_clk_src */
    BRANCH_V1(0x184d4, 26),   /* qupv3_wrap1_s4 */
    RCG(0x184d8),             /* qupv3_wrap1_s4_clk_src */
    BRANCH_V1(0x18604, 27),   /* qupv3_wrap1_s5 */
    RCG(0x18608),             /* qupv3_wrap1_s5_clk_src */
    BRANCH_V1(0x18734, 28),   /* qupv3_wrap1_s6 */
    RCG(0x18738),             /* qupv3_wrap1_s6_clk_src */
    BRANCH_V1(0x18864, 29),   /* qupv3_wrap1_s7 */
    RCG(0x18868),             /* qupv3_wrap1_s7_clk_src */
    BRANCH(0x33004),          /* pdm_ahb */
    BRANCH(0x33008),          /* pdm_xo4 */
    BRANCH(0x3300c),          /* pdm2 */
    RCG(0x33010),             /* pdm2_clk_src */
    BRANCH_V0(0x34004, 13),   /* prng_ahb */
    BRANCH(0x36004),          /* tsif_ahb */
    BRANCH(0x36008),          /* tsif_ref */
    BRANCH(0x3600c),          /* tsif_inactivity_timers */
    RCG(0x36010),             /* tsif_ref_clk_src */
    BRANCH_V0(0x38004, 10),   /* boot_rom_ahb */
    BRANCH_V0(0x41004, 5),    /* ce1 */
    BRANCH_V0(0x41008, 4),    /* ce1_axi */
    BRANCH_V0(0x4100c, 3),    /* ce1_ahb */
    BRANCH(0x44038),          /* ddrss_gpu_axi */
    BRANCH_V0(0x48000, 21),   /* cpuss_ahb */
    BRANCH_V0(0x48004, 22),   /* cpuss_gnoc */
    BRANCH(0x48008),          /* cpuss_rbcpr */
    RCG(0x48014),             /* cpuss_ahb_clk_src */
    RCG(0x4815c),             /* cpuss_rbcpr_clk_src */
    BRANCH(0x48190),          /* cpuss_dvm_bus */
    BRANCH(0x4b000),          /* qspi_cnoc_periph_ahb */
    BRANCH(0x4b004),          /* qspi_core */
    RCG(0x4b008),             /* qspi_core_clk_src */
    BRANCH(0x64000),          /* gp1 */
    RCG(0x64004),             /* gp1_clk_src */
    BRANCH(0x65000),          /* gp2 */
    RCG(0x65004),             /* gp2_clk_src */
    BRANCH(0x66000),          /* gp3 */
    RCG(0x66004),             /* gp3_clk_src */
    BRANCH(0x6a004),          /* usb_phy_cfg_ahb2phy */
    GDSC(0x6b004),            /* pcie_0_gdsc */
    GDSC_CFG(0x6b008),        /* pcie_0_gdsc CFG */
    BRANCH_V1(0x6b00c, 5),    /* pcie_0_slv_q2a_axi */
    BRANCH_V1(0x6b010, 0),    /* pcie_0_slv_axi */
    BRANCH_V1(0x6b014, 1),    /* pcie_0_mstr_axi */
    BRANCH_V1(0x6b018, 2),    /* pcie_0_cfg_ahb */
    BRANCH_V1(0x6b01c, 3),    /* pcie_0_aux */
    RCG(0x6b028),             /* pcie_0_aux_clk_src */
    BRANCH(0x6f004),          /* pcie_phy_aux */
    RCG(0x6f014),             /* pcie_phy_refgen_clk_src */
    BRANCH(0x6f02c),          /* pcie_phy_refgen */
    BRANCH(0x71004),          /* gpu_cfg_ahb */
    BRANCH(0x7100c),          /* gpu_memnoc_gfx */
    BRANCH(0x71018),          /* gpu_snoc_dvm_gfx */
    GDSC(0x75004),            /* ufs_card_gdsc */
    GDSC_CFG(0x75008),        /* ufs_card_gdsc CFG */
    BRANCH(0x7500c),          /* ufs_card_axi */
    BRANCH(0x75010),          /* ufs_card_ahb */
    BRANCH(0x75014),          /* ufs_card_tx_symbol_0 */
    BRANCH(0x75018),          /* ufs_card_rx_symbol_0 */
    RCG(0x7501c),             /* ufs_card_axi_clk_src */
    BRANCH(0x75054),          /* ufs_card_unipro_core */
    BRANCH(0x75058),          /* ufs_card_ice_core */
    RCG(0x7505c),             /* ufs_card_ice_core_clk_src */
    RCG(0x75074),             /* ufs_card_unipro_core_clk_src */
    BRANCH(0x7508c),          /* ufs_card_phy_aux */
    RCG(0x75090),             /* ufs_card_phy_aux_clk_src */
    BRANCH(0x750a8),          /* ufs_card_rx_symbol_1 */
    PLL(0x76000, 4),          /* gpll4 */
    GDSC(0x77004),            /* ufs_phy_gdsc */
    GDSC_CFG(0x77008),        /* ufs_phy_gdsc CFG */
    BRANCH(0x7700c),          /* ufs_phy_axi */
    BRANCH(0x77010),          /* ufs_phy_ahb */
    BRANCH(0x77014),          /* ufs_phy_tx_symbol_0 */
    BRANCH(0x77018),          /* ufs_phy_rx_symbol_0 */
    RCG(0x7701c),             /* ufs_phy_axi_clk_src */
    BRANCH(0x77054),          /* ufs_phy_unipro_core */
    BRANCH(0x77058),          /* ufs_phy_ice_core */
    RCG(0x7705c),             /* ufs_phy_ice_core_clk_src */
    RCG(0x77074),             /* ufs_phy_unipro_core_clk_src */
    BRANCH(0x7708c),          /* ufs_phy_phy_aux */
    RCG(0x77090),             /* ufs_phy_phy_aux_clk_src */
    BRANCH(0x770a8),          /* ufs_phy_rx_symbol_1 */
    BRANCH(0x7a004),          /* vddcx_vs */
    BRANCH(0x7a008),          /* vddmx_vs */
    BRANCH(0x7a00c),          /* vdda_vs */
    BRANCH(0x7a010),          /* vs_ctrl */
    BRANCH(0x7a014),          /* vs_ctrl_ahb */
    RCG(0x7a018),             /* vsensor_clk_src */
    RCG(0x7a030),             /* vs_ctrl_clk_src */
    BRANCH(0x7a048),          /* mss_vs */
    BRANCH(0x7a04c),          /* gpu_vs */
    BRANCH(0x7a050),          /* apc_vs */
    GDSC(0x7d030),            /* hlos1_vote_aggre_noc_mmu_audio_tbu_gdsc */
    GDSC(0x7d034),            /* hlos1_vote_aggre_noc_mmu_tbu1_gdsc */
    GDSC(0x7d038),            /* hlos1_vote_aggre_noc_mmu_tbu2_gdsc */
    GDSC(0x7d03c),            /* hlos1_vote_aggre_noc_mmu_pcie_tbu_gdsc */
    GDSC(0x7d040),            /* hlos1_vote_mmnoc_mmu_tbu_hf0_gdsc */
    GDSC(0x7d044),            /* hlos1_vote_mmnoc_mmu_tbu_sf_gdsc */
    GDSC(0x7d048),            /* hlos1_vote_mmnoc_mmu_tbu_hf1_gdsc */
    BRANCH(0x8201c),          /* aggre_usb3_prim_axi */
    BRANCH(0x82020),          /* aggre_usb3_sec_axi */
    BRANCH(0x82024),          /* aggre_ufs_phy_axi */
    BRANCH(0x82028),          /* aggre_ufs_card_axi */
    BRANCH(0x8a000),          /* mss_cfg_ahb */
    BRANCH(0x8a004),          /* mss_mfab_axis */
    BRANCH(0x8a008),          /* mss_axis2 */
    BRANCH(0x8a150),          /* mss_snoc_axi */
    BRANCH(0x8a154),          /* mss_q6_memnoc_axi */
    BRANCH(0x8c000),          /* ufs_mem_clkref */
    BRANCH(0x8c004),          /* ufs_card_clkref */
    BRANCH(0x8c008),          /* usb3_prim_clkref */
    BRANCH(0x8c00c),          /* pcie_0_clkref */
    BRANCH(0x8c010),          /* gpu_iref */
    BRANCH(0x8c028),          /* usb3_sec_clkref */
    BRANCH(0x8c02c),          /* pcie_1_clkref */
    GDSC(0x8d004),            /* pcie_1_gdsc */
    GDSC_CFG(0x8d008),        /* pcie_1_gdsc CFG */
    BRANCH_V0(0x8d00c, 25),   /* pcie_1_slv_q2a_axi */
    BRANCH_V0(0x8d010, 26),   /* pcie_1_slv_axi */
    BRANCH_V0(0x8d014, 27),   /* pcie_1_mstr_axi */
    BRANCH_V0(0x8d018, 28),   /* pcie_1_cfg_ahb */
    BRANCH_V0(0x8d01c, 29),   /* pcie_1_aux */
    RCG(0x8d028),             /* pcie_1_aux_clk_src */
    BRANCH(0x90014),          /* aggre_noc_pcie_tbu */
};

static const QcomGccValue sdm845_gcc_reset[] = {
    /* GPLL0: FSM mode, voted, L 31 + 0x4000/65536: 600 MHz; even out /2 */
    { 0x00000, 0x00100007 },
    { 0x00004, 0x0000001f },
    { 0x0000c, 0x00000103 },
    { 0x0002c, 0x00000001 },
    { 0x00038, 0x00004000 },
    /* GPLL4: FSM mode, not voted; L 41 + 0xfaaa/65536: 806 MHz */
    { 0x76000, 0x00100000 },
    { 0x76004, 0x00000029 },
    { 0x7600c, 0x00000001 },
    { 0x76038, 0x0000faaa },
    { SDM845_GCC_PLL_VOTE, BIT(0) },
    /* the CPU subsystem's clocks: sys_noc_cpuss_ahb, cpuss_ahb, cpuss_gnoc */
    { SDM845_GCC_BRANCH_VOTE, BIT(0) | BIT(21) | BIT(22) },
    /* the debug UART: QUP wrapper 1's AHB clocks and serial engine 1 */
    { SDM845_GCC_BRANCH_VOTE_1, BIT(20) | BIT(21) | BIT(23) },
    { 0x1814c, 0x00002601 },    /* GPLL0 even, M/N 384/15625: 7.3728 MHz */
    { 0x18150, 0x00000180 },
    { 0x18154, 0x0000c476 },
    { 0x18158, 0x0000c2f6 },
    /* the critical AHB and XO branches of video, camera, display, GPU */
    { 0x0b004, 0x00000001 },
    { 0x0b008, 0x00000001 },
    { 0x0b00c, 0x00000001 },
    { 0x0b028, 0x00000001 },
    { 0x0b02c, 0x00000001 },
    { 0x0b030, 0x00000001 },
    { 0x48190, 0x00000001 },
    { 0x71004, 0x00000001 },
    /* the GDSCs are collapsed: nothing the boot loader used needs them */
    { 0x0f004, 0x00000001 },
    { 0x10004, 0x00000001 },
    { 0x6b004, 0x00000001 },
    { 0x75004, 0x00000001 },
    { 0x77004, 0x00000001 },
    { 0x7d030, 0x00000001 },
    { 0x7d034, 0x00000001 },
    { 0x7d038, 0x00000001 },
    { 0x7d03c, 0x00000001 },
    { 0x7d040, 0x00000001 },
    { 0x7d044, 0x00000001 },
    { 0x7d048, 0x00000001 },
    { 0x8d004, 0x00000001 },
};

static const QcomGccDesc sdm845_gcc_desc = {
    .size = 0x1f0000,
    .regs = sdm845_gcc_regs,
    .num_regs = ARRAY_SIZE(sdm845_gcc_regs),
    .reset = sdm845_gcc_reset,
    .num_reset = ARRAY_SIZE(sdm845_gcc_reset),
};

static void sdm845_gcc_class_init(ObjectClass *klass, void *data)
{
    QCOM_GCC_CLASS(klass)->desc = &sdm845_gcc_desc;
    DEVICE_CLASS(klass)->desc = "Qualcomm SDM845 global clock controller";
}

static const TypeInfo sdm845_gcc_types[] = {
    {
        .name = TYPE_QCOM_GCC_SDM845,
        .parent = TYPE_QCOM_GCC,
        .class_init = sdm845_gcc_class_init,
    },
};

DEFINE_TYPES(sdm845_gcc_types)
