/*
 * The global clock controller of Qualcomm's SM8250 (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Where SM8250's GCC has its branches, RCGs, PLLs and GDSCs (the places
 * Linux's gcc-sm8250 driver uses, named as it names them; the same in
 * 6.1 and 6.12), and what the boot loader leaves running: GPLL0 at
 * 600 MHz voted on, its even output at 300 MHz, the CPU subsystem's
 * critical clocks, and the RB5's debug UART (serial engine 4 of QUP
 * wrapper 1) with its serial clock at 7.3728 MHz (115200 baud x 32 x 2).
 * SM8250's PLLs are Lucid PLLs: OPMODE at +0x38, ALPHA_VAL at +0x40.
 */

#include "qemu/osdep.h"
#include "hw/misc/qcom-gcc.h"

/* Vote registers: APCS_CLOCK_BRANCH_ENA_VOTE(_1, _2), APCS_GPLL_ENA_VOTE */
#define SM8250_GCC_BRANCH_VOTE 0x52000
#define SM8250_GCC_BRANCH_VOTE_1 0x52008
#define SM8250_GCC_BRANCH_VOTE_2 0x52010
#define SM8250_GCC_PLL_VOTE 0x52018

#define BRANCH(o) { (o), QCOM_GCC_KIND_CBCR, 0, 0 }
/* branches enabled by a bit of a vote register */
#define BRANCH_V0(o, bit) \
    { (o), QCOM_GCC_KIND_CBCR, (bit), SM8250_GCC_BRANCH_VOTE }
#define BRANCH_V1(o, bit) \
    { (o), QCOM_GCC_KIND_CBCR, (bit), SM8250_GCC_BRANCH_VOTE_1 }
#define BRANCH_V2(o, bit) \
    { (o), QCOM_GCC_KIND_CBCR, (bit), SM8250_GCC_BRANCH_VOTE_2 }
#define RCG(o) { (o), QCOM_GCC_KIND_RCG, 0, 0 }
#define PLL(o, bit) \
    { (o), QCOM_GCC_KIND_PLL_LUCID, (bit), SM8250_GCC_PLL_VOTE }
#define GDSC(o) { (o), QCOM_GCC_KIND_GDSC, 0, 0 }
#define GDSC_CFG(o) { (o), QCOM_GCC_KIND_GDSC_CFG, 0, 0 }

/*
 * The GPU's and the NPU's GPLL0 branches have no CBCR: they are bits 15,
 * 16, 18 and 19 of APCS_CLOCK_BRANCH_ENA_VOTE, storage.
 */
static const QcomGccReg sm8250_gcc_regs[] = {
    PLL(0x00000, 0),          /* gpll0 */
    GDSC(0x06004),            /* pcie_2_gdsc */
    GDSC_CFG(0x06008),        /* pcie_2_gdsc CFG */
    BRANCH_V2(0x06010, 10),   /* pcie_2_slv_q2a_axi */
    BRANCH_V2(0x06014, 11),   /* pcie_2_slv_axi */
    BRANCH_V2(0x0601c, 12),   /* pcie_2_mstr_axi */
    BRANCH_V2(0x06024, 13),   /* pcie_2_cfg_ahb */
    BRANCH_V2(0x06028, 14),   /* pcie_2_aux */
    BRANCH_V2(0x0602c, 15),   /* pcie_2_pipe */
    RCG(0x06038),             /* pcie_2_aux_clk_src */
    BRANCH(0x0b010),          /* qmip_video_cvp_ahb */
    BRANCH(0x0b014),          /* qmip_video_vcodec_ahb */
    BRANCH(0x0b018),          /* qmip_camera_nrt_ahb */
    BRANCH(0x0b01c),          /* qmip_camera_rt_ahb */
    BRANCH(0x0b020),          /* qmip_disp_ahb */
    BRANCH(0x0b024),          /* video_axi0 */
    BRANCH(0x0b028),          /* video_axi1 */
    BRANCH(0x0b02c),          /* camera_hf_axi */
    BRANCH(0x0b030),          /* camera_sf_axi */
    BRANCH(0x0b034),          /* disp_hf_axi */
    BRANCH(0x0b038),          /* disp_sf_axi */
    BRANCH(0x0b03c),          /* video_xo */
    BRANCH(0x0b040),          /* camera_xo */
    BRANCH(0x0b044),          /* disp_xo */
    GDSC(0x0f004),            /* usb30_prim_gdsc */
    GDSC_CFG(0x0f008),        /* usb30_prim_gdsc CFG */
    BRANCH(0x0f010),          /* usb30_prim_master */
    BRANCH(0x0f018),          /* usb30_prim_sleep */
    BRANCH(0x0f01c),          /* usb30_prim_mock_utmi */
    RCG(0x0f020),             /* usb30_prim_master_clk_src */
    RCG(0x0f038),             /* usb30_prim_mock_utmi_clk_src */
    BRANCH(0x0f054),          /* usb3_prim_phy_aux */
    BRANCH(0x0f058),          /* usb3_prim_phy_com_aux */
    BRANCH(0x0f05c),          /* usb3_prim_phy_pipe */
    RCG(0x0f064),             /* usb3_prim_phy_aux_clk_src */
    BRANCH(0x0f07c),          /* cfg_noc_usb3_prim_axi */
    BRANCH(0x0f080),          /* aggre_usb3_prim_axi */
    GDSC(0x10004),            /* usb30_sec_gdsc */
    GDSC_CFG(0x10008),        /* usb30_sec_gdsc CFG */
    BRANCH(0x10010),          /* usb30_sec_master */
    BRANCH(0x10018),          /* usb30_sec_sleep */
    BRANCH(0x1001c),          /* usb30_sec_mock_utmi */
    RCG(0x10020),             /* usb30_sec_master_clk_src */
    RCG(0x10038),             /* usb30_sec_mock_utmi_clk_src */
    BRANCH(0x10054),          /* usb3_sec_phy_aux */
    BRANCH(0x10058),          /* usb3_sec_phy_com_aux */
    BRANCH(0x1005c),          /* usb3_sec_phy_pipe */
    RCG(0x10064),             /* usb3_sec_phy_aux_clk_src */
    BRANCH(0x1007c),          /* cfg_noc_usb3_sec_axi */
    BRANCH(0x10080),          /* aggre_usb3_sec_axi */
    BRANCH(0x14004),          /* sdcc2_apps */
    BRANCH(0x14008),          /* sdcc2_ahb */
    RCG(0x1400c),             /* sdcc2_apps_clk_src */
    BRANCH(0x16004),          /* sdcc4_apps */
    BRANCH(0x16008),          /* sdcc4_ahb */
    RCG(0x1600c),             /* sdcc4_apps_clk_src */
    BRANCH_V1(0x17004, 6),    /* qupv3_wrap_0_m_ahb */
    BRANCH_V1(0x17008, 7),    /* qupv3_wrap_0_s_ahb */
    BRANCH_V1(0x1700c, 10),   /* qupv3_wrap0_s0 */
    RCG(0x17010),             /* qupv3_wrap0_s0_clk_src */
    BRANCH_V1(0x1713c, 11),   /* qupv3_wrap0_s1 */
    RCG(0x17140),             /* qupv3_wrap0_s1_clk_src */
    BRANCH_V1(0x1726c, 12),   /* qupv3_wrap0_s2 */
    RCG(0x17270),             /* qupv3_wrap0_s2_clk_src */
    BRANCH_V1(0x1739c, 13),   /* qupv3_wrap0_s3 */
    RCG(0x173a0),             /* qupv3_wrap0_s3_clk_src */
    BRANCH_V1(0x174cc, 14),   /* qupv3_wrap0_s4 */
    RCG(0x174d0),             /* qupv3_wrap0_s4_clk_src */
    BRANCH_V1(0x175fc, 15),   /* qupv3_wrap0_s5 */
    RCG(0x17600),             /* qupv3_wrap0_s5_clk_src */
    BRANCH_V1(0x1772c, 16),   /* qupv3_wrap0_s6 */
    RCG(0x17730),             /* qupv3_wrap0_s6_clk_src */
    BRANCH_V1(0x1785c, 17),   /* qupv3_wrap0_s7 */
    RCG(0x17860),             /* qupv3_wrap0_s7_clk_src */
    BRANCH_V1(0x18004, 20),   /* qupv3_wrap_1_m_ahb */
    BRANCH_V1(0x18008, 21),   /* qupv3_wrap_1_s_ahb */
    BRANCH_V1(0x1800c, 22),   /* qupv3_wrap1_s0 */
    RCG(0x18010),             /* qupv3_wrap1_s0_clk_src */
    BRANCH_V1(0x1813c, 23),   /* qupv3_wrap1_s1 */
    RCG(0x18140),             /* qupv3_wrap1_s1_clk_src */
    BRANCH_V1(0x1826c, 24),   /* qupv3_wrap1_s2 */
    RCG(0x18270),             /* qupv3_wrap1_s2_clk_src */
    BRANCH_V1(0x1839c, 25),   /* qupv3_wrap1_s3 */
    RCG(0x183a0),             /* qupv3_wrap1_s3_clk_src */
    BRANCH_V1(0x184cc, 26),   /* qupv3_wrap1_s4 */
    RCG(0x184d0),             /* qupv3_wrap1_s4_clk_src */
    BRANCH_V1(0x185fc, 27),   /* qupv3_wrap1_s5 */
    RCG(0x18600),             /* qupv3_wrap1_s5_clk_src */
    PLL(0x1c000, 9),          /* gpll9 */
    BRANCH_V2(0x1e004, 2),    /* qupv3_wrap_2_m_ahb */
    BRANCH_V2(0x1e008, 1),    /* qupv3_wrap_2_s_ahb */
    BRANCH_V2(0x1e00c, 4),    /* qupv3_wrap2_s0 */
    RCG(0x1e010),             /* qupv3_wrap2_s0_clk_src */
    BRANCH_V2(0x1e13c, 5),    /* qupv3_wrap2_s1 */
    RCG(0x1e140),             /* qupv3_wrap2_s1_clk_src */
    BRANCH_V2(0x1e26c, 6),    /* qupv3_wrap2_s2 */
    RCG(0x1e270),             /* qupv3_wrap2_s2_clk_src */
    BRANCH_V2(0x1e39c, 7),    /* qupv3_wrap2_s3 */
    RCG(0x1e3a0),             /* qupv3_wrap2_s3_clk_src */
    BRANCH_V2(0x1e4cc, 8),    /* qupv3_wrap2_s4 */
    RCG(0x1e4d0),             /* qupv3_wrap2_s4_clk_src */
    BRANCH_V2(0x1e5fc, 9),    /* qupv3_wrap2_s5 */
    RCG(0x1e600),             /* qupv3_wrap2_s5_clk_src */
    BRANCH_V1(0x23000, 8),    /* qupv3_wrap0_core */
    BRANCH_V1(0x23008, 9),    /* qupv3_wrap0_core_2x */
    BRANCH_V1(0x23138, 19),   /* qupv3_wrap1_core */
    BRANCH_V1(0x23140, 18),   /* qupv3_wrap1_core_2x */
    BRANCH_V2(0x23270, 0),    /* qupv3_wrap2_core */
    BRANCH_V2(0x23278, 3),    /* qupv3_wrap2_core_2x */
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
    BRANCH_V0(0x48000, 21),   /* cpuss_ahb */
    BRANCH(0x48004),          /* cpuss_rbcpr */
    RCG(0x48010),             /* cpuss_ahb_clk_src */
    BRANCH(0x4d004),          /* npu_cfg_ahb */
    BRANCH(0x4d008),          /* npu_axi */
    BRANCH(0x4d00c),          /* npu_dma */
    BRANCH(0x64000),          /* gp1 */
    RCG(0x64004),             /* gp1_clk_src */
    BRANCH(0x65000),          /* gp2 */
    RCG(0x65004),             /* gp2_clk_src */
    BRANCH(0x66000),          /* gp3 */
    RCG(0x66004),             /* gp3_clk_src */
    GDSC(0x6b004),            /* pcie_0_gdsc */
    GDSC_CFG(0x6b008),        /* pcie_0_gdsc CFG */
    BRANCH_V1(0x6b010, 5),    /* pcie_0_slv_q2a_axi */
    BRANCH_V1(0x6b014, 0),    /* pcie_0_slv_axi */
    BRANCH_V1(0x6b01c, 1),    /* pcie_0_mstr_axi */
    BRANCH_V1(0x6b024, 2),    /* pcie_0_cfg_ahb */
    BRANCH_V1(0x6b028, 3),    /* pcie_0_aux */
    BRANCH_V1(0x6b02c, 4),    /* pcie_0_pipe */
    RCG(0x6b038),             /* pcie_0_aux_clk_src */
    BRANCH(0x6f004),          /* pcie_phy_aux */
    RCG(0x6f014),             /* pcie_phy_refgen_clk_src */
    BRANCH(0x6f02c),          /* pcie0_phy_refgen */
    BRANCH(0x6f030),          /* pcie1_phy_refgen */
    BRANCH(0x6f034),          /* pcie2_phy_refgen */
    BRANCH(0x7100c),          /* gpu_memnoc_gfx */
    BRANCH(0x71018),          /* gpu_snoc_dvm_gfx */
    BRANCH(0x71154),          /* ddrss_gpu_axi */
    BRANCH(0x73004),          /* npu_bwmon_cfg_ahb */
    BRANCH(0x73008),          /* npu_bwmon_axi */
    GDSC(0x75004),            /* ufs_card_gdsc */
    GDSC_CFG(0x75008),        /* ufs_card_gdsc CFG */
    BRANCH(0x75010),          /* ufs_card_axi */
    BRANCH(0x75018),          /* ufs_card_ahb */
    BRANCH(0x7501c),          /* ufs_card_tx_symbol_0 */
    BRANCH(0x75020),          /* ufs_card_rx_symbol_0 */
    RCG(0x75024),             /* ufs_card_axi_clk_src */
    BRANCH(0x7505c),          /* ufs_card_unipro_core */
    BRANCH(0x75064),          /* ufs_card_ice_core */
    RCG(0x7506c),             /* ufs_card_ice_core_clk_src */
    RCG(0x75084),             /* ufs_card_unipro_core_clk_src */
    BRANCH(0x7509c),          /* ufs_card_phy_aux */
    RCG(0x750a0),             /* ufs_card_phy_aux_clk_src */
    BRANCH(0x750b8),          /* ufs_card_rx_symbol_1 */
    BRANCH(0x750cc),          /* aggre_ufs_card_axi */
    PLL(0x76000, 4),          /* gpll4 */
    GDSC(0x77004),            /* ufs_phy_gdsc */
    GDSC_CFG(0x77008),        /* ufs_phy_gdsc CFG */
    BRANCH(0x77010),          /* ufs_phy_axi */
    BRANCH(0x77018),          /* ufs_phy_ahb */
    BRANCH(0x7701c),          /* ufs_phy_tx_symbol_0 */
    BRANCH(0x77020),          /* ufs_phy_rx_symbol_0 */
    RCG(0x77024),             /* ufs_phy_axi_clk_src */
    BRANCH(0x7705c),          /* ufs_phy_unipro_core */
    BRANCH(0x77064),          /* ufs_phy_ice_core */
    RCG(0x7706c),             /* ufs_phy_ice_core_clk_src */
    RCG(0x77084),             /* ufs_phy_unipro_core_clk_src */
    BRANCH(0x7709c),          /* ufs_phy_phy_aux */
    RCG(0x770a0),             /* ufs_phy_phy_aux_clk_src */
    BRANCH(0x770b8),          /* ufs_phy_rx_symbol_1 */
    BRANCH(0x770cc),          /* aggre_ufs_phy_axi */
    GDSC(0x7d050),            /* hlos1_vote_mmnoc_mmu_tbu_hf0_gdsc */
    GDSC(0x7d054),            /* hlos1_vote_mmnoc_mmu_tbu_sf0_gdsc */
    GDSC(0x7d058),            /* hlos1_vote_mmnoc_mmu_tbu_hf1_gdsc */
    GDSC(0x7d06c),            /* hlos1_vote_mmnoc_mmu_tbu_sf1_gdsc */
    BRANCH(0x8c000),          /* ufs_1x_clkref_en */
    BRANCH(0x8c004),          /* pcie_wifi_clkref_en */
    BRANCH(0x8c008),          /* pcie_wigig_clkref_en */
    BRANCH(0x8c00c),          /* pcie_mdm_clkref_en */
    BRANCH(0x8c010),          /* usb3_sec_clkref_en */
    BRANCH(0x8c014),          /* gpu_iref_en */
    GDSC(0x8d004),            /* pcie_1_gdsc */
    GDSC_CFG(0x8d008),        /* pcie_1_gdsc CFG */
    BRANCH_V0(0x8d010, 25),   /* pcie_1_slv_q2a_axi */
    BRANCH_V0(0x8d014, 26),   /* pcie_1_slv_axi */
    BRANCH_V0(0x8d01c, 27),   /* pcie_1_mstr_axi */
    BRANCH_V0(0x8d024, 28),   /* pcie_1_cfg_ahb */
    BRANCH_V0(0x8d028, 29),   /* pcie_1_aux */
    BRANCH_V0(0x8d02c, 30),   /* pcie_1_pipe */
    RCG(0x8d038),             /* pcie_1_aux_clk_src */
    BRANCH(0x8d058),          /* ddrss_pcie_sf_tbu */
    BRANCH(0x9000c),          /* aggre_noc_pcie_tbu */
};

static const QcomGccValue sm8250_gcc_reset[] = {
    /*
     * GPLL0: FSM mode, voted, L 31 + 0x4000/65536: 600 MHz, running
     * (OPMODE RUN); even output /2
     */
    { 0x00000, 0x00100007 },
    { 0x00004, 0x0000001f },
    { 0x0000c, 0x00000103 },
    { 0x00038, 0x00000001 },
    { 0x00040, 0x00004000 },
    /* GPLL9: FSM mode, not voted; L 42 + 0x1555/65536: 808 MHz */
    { 0x1c000, 0x00100000 },
    { 0x1c004, 0x0000002a },
    { 0x1c040, 0x00001555 },
    /* GPLL4: FSM mode, not voted; L 41 + 0xfaaa/65536: 806 MHz */
    { 0x76000, 0x00100000 },
    { 0x76004, 0x00000029 },
    { 0x76040, 0x0000faaa },
    { SM8250_GCC_PLL_VOTE, BIT(0) },
    /* the CPU subsystem's clocks: sys_noc_cpuss_ahb, cpuss_ahb */
    { SM8250_GCC_BRANCH_VOTE, BIT(0) | BIT(21) },
    /*
     * the debug UART: QUP wrapper 1's core, core 2x and AHB clocks and
     * serial engine 4
     */
    { SM8250_GCC_BRANCH_VOTE_1, BIT(18) | BIT(19) | BIT(20) | BIT(21) |
                                BIT(26) },
    { 0x184d4, 0x00002601 },    /* GPLL0 even, M/N 384/15625: 7.3728 MHz */
    { 0x184d8, 0x00000180 },
    { 0x184dc, 0x0000c476 },
    { 0x184e0, 0x0000c2f6 },
    /* the always-on AHB and XO branches of video, camera, display, GPU */
    { 0x0b004, 0x00000001 },
    { 0x0b008, 0x00000001 },
    { 0x0b00c, 0x00000001 },
    { 0x0b03c, 0x00000001 },
    { 0x0b040, 0x00000001 },
    { 0x0b044, 0x00000001 },
    { 0x4818c, 0x00000001 },
    { 0x71004, 0x00000001 },
    /* the GDSCs are collapsed: nothing the boot loader used needs them */
    { 0x06004, 0x00000001 },
    { 0x0f004, 0x00000001 },
    { 0x10004, 0x00000001 },
    { 0x6b004, 0x00000001 },
    { 0x75004, 0x00000001 },
    { 0x77004, 0x00000001 },
    { 0x7d050, 0x00000001 },
    { 0x7d054, 0x00000001 },
    { 0x7d058, 0x00000001 },
    { 0x7d06c, 0x00000001 },
    { 0x8d004, 0x00000001 },
};

static const QcomGccDesc sm8250_gcc_desc = {
    .size = 0x1f0000,
    .regs = sm8250_gcc_regs,
    .num_regs = ARRAY_SIZE(sm8250_gcc_regs),
    .reset = sm8250_gcc_reset,
    .num_reset = ARRAY_SIZE(sm8250_gcc_reset),
};

static void sm8250_gcc_class_init(ObjectClass *klass, void *data)
{
    QCOM_GCC_CLASS(klass)->desc = &sm8250_gcc_desc;
    DEVICE_CLASS(klass)->desc = "Qualcomm SM8250 global clock controller";
}

static const TypeInfo sm8250_gcc_types[] = {
    {
        .name = TYPE_QCOM_GCC_SM8250,
        .parent = TYPE_QCOM_GCC,
        .class_init = sm8250_gcc_class_init,
    },
};

DEFINE_TYPES(sm8250_gcc_types)
