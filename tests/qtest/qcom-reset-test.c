/*
 * QTest for the modem's reset controllers on db845c: the AOSS clock
 * controller resets (qcom,sdm845-aoss-cc) and the PDC global resets
 * (qcom,sdm845-pdc-global), their registers as Linux's reset drivers use
 * them, and their lines into the modem subsystem.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"

#define AOSS            0x0c2a0000ULL
#define AOSS_MSS        (AOSS + 0x10000)
#define AOSS_LPASS      (AOSS + 0x30000)
#define PDC             0x0b2e0000ULL
#define PDC_SYNC_RESET  (PDC + 0x100)
#define PDC_MODEM       (1u << 9)

#define QDSP6                   0x04080000ULL
#define QDSP6SS_SLEEP           0x03c
#define QDSP6SS_BOOT_CORE_START 0x400
#define QDSP6SS_BOOT_CMD        0x404
#define RMB                     0x04180000ULL
#define RMB_MBA_MSS_STATUS      0x40

#define MACHINE_ARGS    "-M db845c -smp 1"

/* Start the Q6's boot state machine as q6v5proc_reset does (sdm845). */
static uint32_t boot_core(QTestState *qts)
{
    qtest_writel(qts, QDSP6 + QDSP6SS_SLEEP, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CORE_START, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CMD, 1);
    qtest_clock_step(qts, 100 * 1000 * 1000);
    return qtest_readl(qts, RMB + RMB_MBA_MSS_STATUS) & 1;
}

static void test_aoss_registers(void)
{
    QTestState *qts = qtest_init(MACHINE_ARGS);

    g_assert_cmphex(qtest_readl(qts, AOSS_MSS), ==, 0);
    /* assert, as reset_qcom_aoss's .assert writes it; bit 0 only */
    qtest_writel(qts, AOSS_MSS, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, AOSS_MSS), ==, 1);
    qtest_writel(qts, AOSS_LPASS, 1);
    g_assert_cmphex(qtest_readl(qts, AOSS_LPASS), ==, 1);
    qtest_writel(qts, AOSS_MSS, 0);
    g_assert_cmphex(qtest_readl(qts, AOSS_MSS), ==, 0);
    g_assert_cmphex(qtest_readl(qts, AOSS_LPASS), ==, 1);
    /* offsets that hold no reset: written in vain, read as zero */
    qtest_writel(qts, AOSS + 0x10004, 1);
    g_assert_cmphex(qtest_readl(qts, AOSS + 0x10004), ==, 0);
    /* a system reset deasserts everything */
    qtest_system_reset(qts);
    g_assert_cmphex(qtest_readl(qts, AOSS_LPASS), ==, 0);
    qtest_quit(qts);
}

static void test_pdc_registers(void)
{
    QTestState *qts = qtest_init(MACHINE_ARGS);

    g_assert_cmphex(qtest_readl(qts, PDC_SYNC_RESET), ==, 0);
    /* reset-qcom-pdc updates the register by read-modify-write */
    qtest_writel(qts, PDC_SYNC_RESET, PDC_MODEM | 1);
    g_assert_cmphex(qtest_readl(qts, PDC_SYNC_RESET), ==, PDC_MODEM | 1);
    /* bits above the last reset (9) are dropped */
    qtest_writel(qts, PDC_SYNC_RESET, 0xfffff000 | PDC_MODEM);
    g_assert_cmphex(qtest_readl(qts, PDC_SYNC_RESET), ==, PDC_MODEM);
    qtest_writel(qts, PDC + 0x104, 1);
    g_assert_cmphex(qtest_readl(qts, PDC + 0x104), ==, 0);
    qtest_system_reset(qts);
    g_assert_cmphex(qtest_readl(qts, PDC_SYNC_RESET), ==, 0);
    qtest_quit(qts);
}

/* Each controller's modem line holds the Q6 in reset; others don't. */
static void test_modem_lines(void)
{
    QTestState *qts = qtest_init(MACHINE_ARGS);

    /* PDC_MODEM_SYNC_RESET asserted: the boot command is ignored */
    qtest_writel(qts, PDC_SYNC_RESET, PDC_MODEM);
    g_assert_cmpint(boot_core(qts), ==, 0);
    /* another PDC reset leaves the modem alone */
    qtest_writel(qts, PDC_SYNC_RESET, 1);
    g_assert_cmpint(boot_core(qts), ==, 1);

    /* MSS_RESTART: asserting it resets the running core ... */
    qtest_writel(qts, AOSS_MSS, 1);
    g_assert_cmphex(qtest_readl(qts, RMB + RMB_MBA_MSS_STATUS), ==, 0);
    /* ... and holds it while asserted */
    g_assert_cmpint(boot_core(qts), ==, 0);
    qtest_writel(qts, AOSS_MSS, 0);
    g_assert_cmpint(boot_core(qts), ==, 1);

    /* the LPASS reset is not the modem's */
    qtest_writel(qts, AOSS_LPASS, 1);
    g_assert_cmphex(qtest_readl(qts, RMB + RMB_MBA_MSS_STATUS) & 1, ==, 1);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/qcom-reset/aoss-registers", test_aoss_registers);
    qtest_add_func("/qcom-reset/pdc-registers", test_pdc_registers);
    qtest_add_func("/qcom-reset/modem-lines", test_modem_lines);
    return g_test_run();
}
