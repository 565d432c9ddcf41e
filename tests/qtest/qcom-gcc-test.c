/*
 * QTest for SDM845's global clock controller on db845c, and SM8250's on
 * rb5 (its boot values, Lucid PLLs, voted branches): the status bits
 * Linux's clock drivers (clk-branch.c, clk-rcg2.c, clk-alpha-pll.c,
 * gdsc.c) wait for: a branch's CLK_OFF follows its enable bit or its vote,
 * an RCG's UPDATE clears itself and its root runs, a PLL in FSM mode
 * locks while it is voted for, a GDSC is powered while it is not
 * collapsed; the values the boot loader leaves, the plain storage of the
 * registers nothing is modelled for, and a machine reset. The GPU clock
 * controllers (gpucc-sdm845.c, gpucc-sm8250.c): the CX GDSC reported at
 * its GDS hardware controller, the GX GDSC at its CFG_GDSCR, the PLL.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"

#define MACHINE         "-M db845c -smp 1"
#define GCC             0x00100000ULL
#define GCC_SIZE        0x1f0000

/* Vote registers: APCS_GPLL_ENA_VOTE, APCS_CLOCK_BRANCH_ENA_VOTE_1 */
#define PLL_VOTE        0x52000
#define BRANCH_VOTE_1   0x5200c

/* gcc_qupv3_wrap1_s1_clk, the debug UART's: voted, bit 23 */
#define UART_CBCR       0x18144
#define UART_VOTE_BIT   (1u << 23)
/* its RCG, gcc_qupv3_wrap1_s1_clk_src: CMD, CFG, M, N, D */
#define UART_RCG        0x18148
/* gcc_mss_cfg_ahb_clk: a branch of its own enable bit */
#define MSS_CFG_AHB     0x8a000
/* gpll0 and gpll4: MODE, L, USER_CTL, OPMODE, FRAC */
#define GPLL0           0x00000
#define GPLL4           0x76000
#define PLL_L           0x04
#define PLL_USER_CTL    0x0c
#define PLL_OPMODE      0x2c
#define PLL_FRAC        0x38
/* pcie_0_gdsc: GDSCR and CFG_GDSCR */
#define PCIE0_GDSC      0x6b004
#define PCIE0_GDSC_CFG  0x6b008

#define CLK_ENABLE      (1u << 0)
#define CLK_OFF         (1u << 31)
#define RCG_UPDATE      (1u << 0)
#define RCG_ROOT_EN     (1u << 1)
#define RCG_ROOT_OFF    (1u << 31)
#define PLL_OUTCTRL     (1u << 0)
#define PLL_BYPASSNL    (1u << 1)
#define PLL_RESET_N     (1u << 2)
#define PLL_FSM_ENA     (1u << 20)
#define PLL_ACTIVE      (1u << 30)
#define PLL_LOCK_DET    (1u << 31)
#define PLL_ON          (PLL_LOCK_DET | PLL_ACTIVE)
#define GDSC_SW_COLLAPSE (1u << 0)
#define GDSC_PWR_ON     (1u << 31)
#define GDSC_DOWN_DONE  (1u << 15)
#define GDSC_UP_DONE    (1u << 16)

static uint32_t rd(QTestState *qts, uint32_t off)
{
    return qtest_readl(qts, GCC + off);
}

static void wr(QTestState *qts, uint32_t off, uint32_t v)
{
    qtest_writel(qts, GCC + off, v);
}

/* What the boot loader leaves, as Linux reads it */
static const struct {
    uint32_t off, value;
    const char *what;
} boot_values[] = {
    /* GPLL0: FSM mode, voted on, 600 MHz (L 31, alpha 0x4000) */
    { GPLL0, PLL_ON | PLL_FSM_ENA | PLL_RESET_N | PLL_BYPASSNL |
             PLL_OUTCTRL, "GPLL0 MODE" },
    { GPLL0 + PLL_L, 0x1f, "GPLL0 L" },
    { GPLL0 + PLL_USER_CTL, 0x103, "GPLL0 USER_CTL" },
    { GPLL0 + PLL_OPMODE, 1, "GPLL0 OPMODE" },
    { GPLL0 + PLL_FRAC, 0x4000, "GPLL0 FRAC" },
    /* GPLL4: FSM mode, not voted for */
    { GPLL4, PLL_FSM_ENA, "GPLL4 MODE" },
    { GPLL4 + PLL_L, 0x29, "GPLL4 L" },
    { PLL_VOTE, 1u << 0, "APCS_GPLL_ENA_VOTE" },
    /* the debug UART's clocks: wrapper 1's AHB clocks and SE 1, voted */
    { BRANCH_VOTE_1, (1u << 20) | (1u << 21) | UART_VOTE_BIT,
      "APCS_CLOCK_BRANCH_ENA_VOTE_1" },
    { UART_CBCR, 0, "qupv3_wrap1_s1 CBCR" },
    { 0x1800c, 0, "qupv3_wrap_1_m_ahb CBCR" },
    { 0x18010, 0, "qupv3_wrap_1_s_ahb CBCR" },
    /* wrapper 0's are not voted for */
    { 0x17004, CLK_OFF, "qupv3_wrap_0_m_ahb CBCR" },
    /* its RCG: GPLL0 even, /1.5, M/N 384/15625: 7.3728 MHz */
    { UART_RCG, 0, "qupv3_wrap1_s1 CMD_RCGR" },
    { UART_RCG + 4, 0x2601, "qupv3_wrap1_s1 CFG_RCGR" },
    { UART_RCG + 8, 0x180, "qupv3_wrap1_s1 M" },
    { UART_RCG + 12, 0xc476, "qupv3_wrap1_s1 N" },
    { UART_RCG + 16, 0xc2f6, "qupv3_wrap1_s1 D" },
    /* the modem's branches are off until its driver enables them */
    { MSS_CFG_AHB, CLK_OFF, "mss_cfg_ahb CBCR" },
    /* critical branches enabled */
    { 0x0b004, CLK_ENABLE, "video_ahb CBCR" },
    /* the GDSCs collapsed */
    { PCIE0_GDSC, GDSC_SW_COLLAPSE, "pcie_0_gdsc GDSCR" },
    { PCIE0_GDSC_CFG, GDSC_DOWN_DONE, "pcie_0_gdsc CFG_GDSCR" },
};

static void assert_boot_values(QTestState *qts)
{
    for (int i = 0; i < ARRAY_SIZE(boot_values); i++) {
        g_test_message("%s", boot_values[i].what);
        g_assert_cmphex(rd(qts, boot_values[i].off), ==,
                        boot_values[i].value);
    }
}

static void test_boot_values(void)
{
    QTestState *qts = qtest_init(MACHINE);

    assert_boot_values(qts);
    qtest_quit(qts);
}

/* A voted branch runs while its CBCR enables it or its vote bit is set */
static void test_branch_voted(void)
{
    QTestState *qts = qtest_init(MACHINE);
    uint32_t votes = rd(qts, BRANCH_VOTE_1);

    g_assert_cmphex(rd(qts, UART_CBCR) & CLK_OFF, ==, 0);
    wr(qts, BRANCH_VOTE_1, votes & ~UART_VOTE_BIT);
    g_assert_cmphex(rd(qts, UART_CBCR), ==, CLK_OFF);
    /* the neighbours' votes are not this branch's */
    wr(qts, BRANCH_VOTE_1, ~UART_VOTE_BIT);
    g_assert_cmphex(rd(qts, UART_CBCR), ==, CLK_OFF);
    g_assert_cmphex(rd(qts, 0x18274) & CLK_OFF, ==, 0);     /* wrap1_s2 */
    /* its own enable bit */
    wr(qts, UART_CBCR, CLK_ENABLE);
    g_assert_cmphex(rd(qts, UART_CBCR), ==, CLK_ENABLE);
    wr(qts, BRANCH_VOTE_1, votes);
    wr(qts, UART_CBCR, 0);
    g_assert_cmphex(rd(qts, UART_CBCR), ==, 0);
    /* either keeps it on; neither turns it off */
    wr(qts, UART_CBCR, CLK_ENABLE);
    wr(qts, BRANCH_VOTE_1, votes & ~UART_VOTE_BIT);
    g_assert_cmphex(rd(qts, UART_CBCR) & CLK_OFF, ==, 0);
    wr(qts, UART_CBCR, 0);
    g_assert_cmphex(rd(qts, UART_CBCR), ==, CLK_OFF);
    qtest_quit(qts);
}

/* A branch of its own: CLK_OFF is derived, the other bits are stored */
static void test_branch_direct(void)
{
    QTestState *qts = qtest_init(MACHINE);
    /* HW_CTL (1), FORCE_MEM_CORE_ON (14), wakeup (11:8): storage */
    const uint32_t cfg = (1u << 14) | (0xf << 8) | (1u << 1);

    g_assert_cmphex(rd(qts, MSS_CFG_AHB), ==, CLK_OFF);
    wr(qts, MSS_CFG_AHB, CLK_ENABLE);
    g_assert_cmphex(rd(qts, MSS_CFG_AHB), ==, CLK_ENABLE);
    wr(qts, MSS_CFG_AHB, cfg | CLK_ENABLE | CLK_OFF);
    g_assert_cmphex(rd(qts, MSS_CFG_AHB), ==, cfg | CLK_ENABLE);
    wr(qts, MSS_CFG_AHB, cfg);
    g_assert_cmphex(rd(qts, MSS_CFG_AHB), ==, cfg | CLK_OFF);
    /* no vote register has a bit for it */
    wr(qts, 0x52004, 0xffffffff);
    wr(qts, BRANCH_VOTE_1, 0xffffffff);
    g_assert_cmphex(rd(qts, MSS_CFG_AHB), ==, cfg | CLK_OFF);
    qtest_quit(qts);
}

/* clk_rcg2's update_config: UPDATE clears itself; the root is never off */
static void test_rcg(void)
{
    QTestState *qts = qtest_init(MACHINE);

    /* a new configuration (XO, /1, no M/N) and its UPDATE */
    wr(qts, UART_RCG + 4, 0x1);
    wr(qts, UART_RCG, RCG_UPDATE);
    g_assert_cmphex(rd(qts, UART_RCG), ==, 0);
    g_assert_cmphex(rd(qts, UART_RCG + 4), ==, 0x1);
    /* the other bits are kept, ROOT_OFF reads 0 whatever is written */
    wr(qts, UART_RCG, RCG_ROOT_EN | RCG_UPDATE | RCG_ROOT_OFF);
    g_assert_cmphex(rd(qts, UART_RCG), ==, RCG_ROOT_EN);
    wr(qts, UART_RCG, 0);
    g_assert_cmphex(rd(qts, UART_RCG), ==, 0);
    /* CFG, M, N, D are storage */
    wr(qts, UART_RCG + 4, 0x2601);
    wr(qts, UART_RCG + 8, 0x1);
    g_assert_cmphex(rd(qts, UART_RCG + 4), ==, 0x2601);
    g_assert_cmphex(rd(qts, UART_RCG + 8), ==, 0x1);
    qtest_quit(qts);
}

/* An alpha PLL: in FSM mode it runs while voted for, else by OPMODE */
static void test_pll(void)
{
    QTestState *qts = qtest_init(MACHINE);
    uint32_t mode = rd(qts, GPLL0) & ~PLL_ON;

    g_assert_cmphex(rd(qts, GPLL0) & PLL_ON, ==, PLL_ON);
    wr(qts, PLL_VOTE, 0);
    g_assert_cmphex(rd(qts, GPLL0), ==, mode);
    /* GPLL4's vote (bit 4) is not GPLL0's */
    wr(qts, PLL_VOTE, 1u << 4);
    g_assert_cmphex(rd(qts, GPLL0), ==, mode);
    g_assert_cmphex(rd(qts, GPLL4) & PLL_ON, ==, PLL_ON);
    wr(qts, PLL_VOTE, 1u << 0);
    g_assert_cmphex(rd(qts, GPLL0), ==, mode | PLL_ON);
    g_assert_cmphex(rd(qts, GPLL4) & PLL_ON, ==, 0);

    /* manual mode: RESET_N and OPMODE RUN, the vote no longer counts */
    wr(qts, GPLL0, mode & ~PLL_FSM_ENA);
    g_assert_cmphex(rd(qts, GPLL0), ==, (mode & ~PLL_FSM_ENA) | PLL_ON);
    wr(qts, GPLL0 + PLL_OPMODE, 0);
    g_assert_cmphex(rd(qts, GPLL0) & PLL_ON, ==, 0);
    wr(qts, GPLL0 + PLL_OPMODE, 1);
    g_assert_cmphex(rd(qts, GPLL0) & PLL_ON, ==, PLL_ON);
    wr(qts, GPLL0, mode & ~(PLL_FSM_ENA | PLL_RESET_N));
    g_assert_cmphex(rd(qts, GPLL0) & PLL_ON, ==, 0);
    wr(qts, PLL_VOTE, 0);
    wr(qts, GPLL0, mode & ~PLL_FSM_ENA);
    g_assert_cmphex(rd(qts, GPLL0) & PLL_ON, ==, PLL_ON);
    /* the status bits themselves are not storage */
    wr(qts, GPLL0 + PLL_OPMODE, 0);
    wr(qts, GPLL0, mode | PLL_ON);
    g_assert_cmphex(rd(qts, GPLL0), ==, mode);
    qtest_quit(qts);
}

/* gdsc_toggle_logic: PWR_ON and the CFG's completion bits follow */
static void test_gdsc(void)
{
    QTestState *qts = qtest_init(MACHINE);
    /* EN_REST_WAIT, EN_FEW_WAIT, CLK_DIS_WAIT as gdsc_init writes them */
    const uint32_t waits = (2u << 20) | (2u << 16) | (2u << 12);

    wr(qts, PCIE0_GDSC, waits | GDSC_SW_COLLAPSE);
    g_assert_cmphex(rd(qts, PCIE0_GDSC), ==, waits | GDSC_SW_COLLAPSE);
    g_assert_cmphex(rd(qts, PCIE0_GDSC_CFG), ==, GDSC_DOWN_DONE);
    wr(qts, PCIE0_GDSC, waits);
    g_assert_cmphex(rd(qts, PCIE0_GDSC), ==, waits | GDSC_PWR_ON);
    g_assert_cmphex(rd(qts, PCIE0_GDSC_CFG), ==, GDSC_UP_DONE);
    /* the CFG's other bits are storage, its status bits derived */
    wr(qts, PCIE0_GDSC_CFG, 0x3 | GDSC_DOWN_DONE);
    g_assert_cmphex(rd(qts, PCIE0_GDSC_CFG), ==, 0x3 | GDSC_UP_DONE);
    wr(qts, PCIE0_GDSC, waits | GDSC_SW_COLLAPSE | GDSC_PWR_ON);
    g_assert_cmphex(rd(qts, PCIE0_GDSC), ==, waits | GDSC_SW_COLLAPSE);
    g_assert_cmphex(rd(qts, PCIE0_GDSC_CFG), ==, 0x3 | GDSC_DOWN_DONE);
    /* another GDSC is not affected: usb30_prim_gdsc */
    g_assert_cmphex(rd(qts, 0x0f004), ==, GDSC_SW_COLLAPSE);
    qtest_quit(qts);
}

/* Registers with no listed behaviour hold what is written */
static void test_storage(void)
{
    QTestState *qts = qtest_init(MACHINE);
    /* a reset register (BCR), a hole, the last word of the block */
    static const uint32_t offs[] = { 0x18000, 0x12340, GCC_SIZE - 4 };

    for (int i = 0; i < ARRAY_SIZE(offs); i++) {
        g_assert_cmphex(rd(qts, offs[i]), ==, 0);
        wr(qts, offs[i], 0xdeadbeef);
        g_assert_cmphex(rd(qts, offs[i]), ==, 0xdeadbeef);
    }
    qtest_quit(qts);
}

/* A machine reset gives back what the boot loader left */
static void test_reset(void)
{
    QTestState *qts = qtest_init(MACHINE);

    wr(qts, PLL_VOTE, 0);
    wr(qts, BRANCH_VOTE_1, 0);
    wr(qts, UART_RCG + 4, 0x1);
    wr(qts, MSS_CFG_AHB, CLK_ENABLE);
    wr(qts, PCIE0_GDSC, 0);
    wr(qts, 0x12340, 0xdeadbeef);
    g_assert_cmphex(rd(qts, GPLL0) & PLL_ON, ==, 0);
    g_assert_cmphex(rd(qts, UART_CBCR), ==, CLK_OFF);

    qtest_system_reset(qts);
    assert_boot_values(qts);
    g_assert_cmphex(rd(qts, 0x12340), ==, 0);
    qtest_quit(qts);
}

/*
 * SM8250 (gcc-sm8250.c): what the boot loader leaves for the RB5's debug
 * UART, serial engine 4 of QUP wrapper 1, voted in
 * APCS_CLOCK_BRANCH_ENA_VOTE_1 (0x52008); GPLL0 a Lucid PLL voted in
 * APCS_GPLL_ENA_VOTE (0x52018), with OPMODE at +0x38 and ALPHA at +0x40
 */
#define SM8250_MACHINE      "-M rb5 -smp 1"
#define SM8250_BRANCH_VOTE_1 0x52008
#define SM8250_PLL_VOTE     0x52018
#define SM8250_UART_CBCR    0x184cc
#define SM8250_UART_RCG     0x184d0
#define SM8250_UART_VOTE    (1u << 26)
#define LUCID_OPMODE        0x38
#define LUCID_ALPHA         0x40

static void test_sm8250_boot_values(void)
{
    static const struct {
        uint32_t off, value;
        const char *what;
    } values[] = {
        { GPLL0, PLL_ON | PLL_FSM_ENA | PLL_RESET_N | PLL_BYPASSNL |
                 PLL_OUTCTRL, "GPLL0 MODE" },
        { GPLL0 + PLL_L, 0x1f, "GPLL0 L" },
        { GPLL0 + PLL_USER_CTL, 0x103, "GPLL0 USER_CTL" },
        { GPLL0 + LUCID_OPMODE, 1, "GPLL0 OPMODE" },
        { GPLL0 + LUCID_ALPHA, 0x4000, "GPLL0 ALPHA" },
        { SM8250_PLL_VOTE, 1u << 0, "APCS_GPLL_ENA_VOTE" },
        /* wrapper 1's core, core 2x, AHB clocks and SE 4 */
        { SM8250_BRANCH_VOTE_1, (0xfu << 18) | SM8250_UART_VOTE,
          "APCS_CLOCK_BRANCH_ENA_VOTE_1" },
        { SM8250_UART_CBCR, 0, "qupv3_wrap1_s4 CBCR" },
        { 0x18004, 0, "qupv3_wrap_1_m_ahb CBCR" },
        { 0x17004, CLK_OFF, "qupv3_wrap_0_m_ahb CBCR" },
        /* GPLL0 even, M/N 384/15625: 7.3728 MHz */
        { SM8250_UART_RCG + 4, 0x2601, "qupv3_wrap1_s4 CFG_RCGR" },
        { SM8250_UART_RCG + 8, 0x180, "qupv3_wrap1_s4 M" },
        { SM8250_UART_RCG + 12, 0xc476, "qupv3_wrap1_s4 N" },
        { SM8250_UART_RCG + 16, 0xc2f6, "qupv3_wrap1_s4 D" },
        /* a direct branch, off: cpuss_rbcpr */
        { 0x48004, CLK_OFF, "cpuss_rbcpr CBCR" },
        { 0x0b004, CLK_ENABLE, "video_ahb CBCR" },
        { PCIE0_GDSC, GDSC_SW_COLLAPSE, "pcie_0_gdsc GDSCR" },
        /* a voted GDSC, without a CFG_GDSCR of its own */
        { 0x7d050, GDSC_SW_COLLAPSE, "hlos1_vote_mmnoc_mmu_tbu_hf0_gdsc" },
    };
    QTestState *qts = qtest_init(SM8250_MACHINE);

    for (int i = 0; i < ARRAY_SIZE(values); i++) {
        g_test_message("%s", values[i].what);
        g_assert_cmphex(rd(qts, values[i].off), ==, values[i].value);
    }
    /* the UART's branch follows its vote */
    wr(qts, SM8250_BRANCH_VOTE_1, 0);
    g_assert_cmphex(rd(qts, SM8250_UART_CBCR), ==, CLK_OFF);
    wr(qts, SM8250_BRANCH_VOTE_1, SM8250_UART_VOTE);
    g_assert_cmphex(rd(qts, SM8250_UART_CBCR), ==, 0);
    qtest_quit(qts);
}

/* clk_trion_pll_enable: FSM votes, else OPMODE RUN at +0x38 */
static void test_sm8250_lucid_pll(void)
{
    QTestState *qts = qtest_init(SM8250_MACHINE);

    /* GPLL4, in FSM mode, runs once voted (bit 4) */
    g_assert_cmphex(rd(qts, GPLL4) & PLL_ON, ==, 0);
    wr(qts, SM8250_PLL_VOTE, (1u << 0) | (1u << 4));
    g_assert_cmphex(rd(qts, GPLL4) & PLL_ON, ==, PLL_ON);
    wr(qts, SM8250_PLL_VOTE, 1u << 0);
    g_assert_cmphex(rd(qts, GPLL4) & PLL_ON, ==, 0);

    /* manual mode: RESET_N and OPMODE RUN; +0x2c is only storage here */
    wr(qts, GPLL4, PLL_RESET_N);
    g_assert_cmphex(rd(qts, GPLL4), ==, PLL_RESET_N);
    wr(qts, GPLL4 + 0x2c, 1);
    g_assert_cmphex(rd(qts, GPLL4) & PLL_ON, ==, 0);
    wr(qts, GPLL4 + LUCID_OPMODE, 1);
    g_assert_cmphex(rd(qts, GPLL4), ==, PLL_RESET_N | PLL_ON);
    wr(qts, GPLL4 + LUCID_OPMODE, 0);
    g_assert_cmphex(rd(qts, GPLL4), ==, PLL_RESET_N);
    qtest_quit(qts);
}

/*
 * The GPU CC: where it is, its PLL's OPMODE (Fabia +0x2c, Lucid +0x38),
 * and a branch of each
 */
typedef struct GpuccCase {
    const char *machine;
    uint64_t base;
    uint32_t pll_opmode;
} GpuccCase;

static const GpuccCase sdm845_gpucc = { MACHINE, 0x05090000, PLL_OPMODE };
static const GpuccCase sm8250_gpucc = {
    SM8250_MACHINE, 0x03d90000, LUCID_OPMODE
};

#define GPUCC_SIZE      0x9000
#define GPUCC_PLL1      0x0100
#define GX_GDSC         0x100c
#define GX_GDSC_CFG     0x1010
#define CX_GDSC         0x106c
#define CX_GMU_CBCR     0x1098
#define GMU_RCG         0x1120
#define CX_GDS_HW_CTRL  0x1540

static uint32_t gpucc_rd(QTestState *qts, const GpuccCase *c, uint32_t off)
{
    return qtest_readl(qts, c->base + off);
}

static void gpucc_wr(QTestState *qts, const GpuccCase *c, uint32_t off,
                     uint32_t v)
{
    qtest_writel(qts, c->base + off, v);
}

/*
 * gdsc_toggle_logic on gpu_cx_gdsc (VOTABLE, gds_hw_ctrl): SW_COLLAPSE in
 * the GDSCR, PWR_ON polled at the GDS_HW_CTRL; on gpu_gx_gdsc
 * (POLL_CFG_GDSCR): the CFG_GDSCR's completion bits
 */
static void test_gpucc_gdsc(const void *data)
{
    const GpuccCase *c = data;
    QTestState *qts = qtest_init(c->machine);
    const uint32_t waits = (2u << 20) | (2u << 16) | (8u << 12);

    /* the boot loader leaves both collapsed */
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDSC), ==, GDSC_SW_COLLAPSE);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDS_HW_CTRL), ==, 0);
    g_assert_cmphex(gpucc_rd(qts, c, GX_GDSC), ==, GDSC_SW_COLLAPSE);
    g_assert_cmphex(gpucc_rd(qts, c, GX_GDSC_CFG), ==, GDSC_DOWN_DONE);

    /* CX on: the hardware controller reports it, the GX is not affected */
    gpucc_wr(qts, c, CX_GDSC, waits);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDS_HW_CTRL), ==, GDSC_PWR_ON);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDSC), ==, waits | GDSC_PWR_ON);
    g_assert_cmphex(gpucc_rd(qts, c, GX_GDSC_CFG), ==, GDSC_DOWN_DONE);
    /* the controller's other bits are storage, PWR_ON is derived */
    gpucc_wr(qts, c, CX_GDS_HW_CTRL, 0x3 | GDSC_PWR_ON);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDS_HW_CTRL), ==, 0x3 | GDSC_PWR_ON);
    gpucc_wr(qts, c, CX_GDSC, waits | GDSC_SW_COLLAPSE);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDS_HW_CTRL), ==, 0x3);

    /* GX on and off, seen at its CFG_GDSCR */
    gpucc_wr(qts, c, GX_GDSC, 0);
    g_assert_cmphex(gpucc_rd(qts, c, GX_GDSC_CFG), ==, GDSC_UP_DONE);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDS_HW_CTRL), ==, 0x3);
    gpucc_wr(qts, c, GX_GDSC, GDSC_SW_COLLAPSE);
    g_assert_cmphex(gpucc_rd(qts, c, GX_GDSC_CFG), ==, GDSC_DOWN_DONE);

    /* a machine reset collapses them again */
    gpucc_wr(qts, c, CX_GDSC, 0);
    qtest_system_reset(qts);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDSC), ==, GDSC_SW_COLLAPSE);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GDS_HW_CTRL), ==, 0);
    qtest_quit(qts);
}

/* The GMU's clocks clk_disable_unused touches, the PLL, plain storage */
static void test_gpucc_clocks(const void *data)
{
    const GpuccCase *c = data;
    QTestState *qts = qtest_init(c->machine);

    g_assert_cmphex(gpucc_rd(qts, c, CX_GMU_CBCR), ==, CLK_OFF);
    gpucc_wr(qts, c, CX_GMU_CBCR, (0xff << 4) | CLK_ENABLE);
    g_assert_cmphex(gpucc_rd(qts, c, CX_GMU_CBCR), ==,
                    (0xff << 4) | CLK_ENABLE);
    gpucc_wr(qts, c, GMU_RCG, RCG_ROOT_EN | RCG_UPDATE);
    g_assert_cmphex(gpucc_rd(qts, c, GMU_RCG), ==, RCG_ROOT_EN);

    /* gpu_cc_pll1 in manual mode: RESET_N and OPMODE RUN lock it */
    g_assert_cmphex(gpucc_rd(qts, c, GPUCC_PLL1), ==, 0);
    gpucc_wr(qts, c, GPUCC_PLL1, PLL_RESET_N | PLL_OUTCTRL);
    g_assert_cmphex(gpucc_rd(qts, c, GPUCC_PLL1) & PLL_ON, ==, 0);
    gpucc_wr(qts, c, GPUCC_PLL1 + c->pll_opmode, 1);
    g_assert_cmphex(gpucc_rd(qts, c, GPUCC_PLL1), ==,
                    PLL_RESET_N | PLL_OUTCTRL | PLL_ON);
    /* FSM mode without a vote register: never voted on */
    gpucc_wr(qts, c, GPUCC_PLL1, PLL_FSM_ENA | PLL_RESET_N);
    g_assert_cmphex(gpucc_rd(qts, c, GPUCC_PLL1) & PLL_ON, ==, 0);

    /* the last word is storage, not the GCC's at the same offset */
    gpucc_wr(qts, c, GPUCC_SIZE - 4, 0xdeadbeef);
    g_assert_cmphex(gpucc_rd(qts, c, GPUCC_SIZE - 4), ==, 0xdeadbeef);
    g_assert_cmphex(rd(qts, GPUCC_SIZE - 4), ==, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-gcc/boot-values", test_boot_values);
    qtest_add_func("/qcom-gcc/branch/voted", test_branch_voted);
    qtest_add_func("/qcom-gcc/branch/direct", test_branch_direct);
    qtest_add_func("/qcom-gcc/rcg", test_rcg);
    qtest_add_func("/qcom-gcc/pll", test_pll);
    qtest_add_func("/qcom-gcc/gdsc", test_gdsc);
    qtest_add_func("/qcom-gcc/storage", test_storage);
    qtest_add_func("/qcom-gcc/reset", test_reset);
    qtest_add_data_func("/qcom-gcc/gpucc-sdm845/gdsc", &sdm845_gpucc,
                        test_gpucc_gdsc);
    qtest_add_data_func("/qcom-gcc/gpucc-sdm845/clocks", &sdm845_gpucc,
                        test_gpucc_clocks);
    if (qtest_has_machine("rb5")) {
        qtest_add_func("/qcom-gcc/sm8250/boot-values",
                       test_sm8250_boot_values);
        qtest_add_func("/qcom-gcc/sm8250/lucid-pll", test_sm8250_lucid_pll);
        qtest_add_data_func("/qcom-gcc/gpucc-sm8250/gdsc", &sm8250_gpucc,
                            test_gpucc_gdsc);
        qtest_add_data_func("/qcom-gcc/gpucc-sm8250/clocks", &sm8250_gpucc,
                            test_gpucc_clocks);
    }

    return g_test_run();
}
