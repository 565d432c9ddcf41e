/*
 * QTest for SM8250's IPCC on rb5, as drivers/mailbox/qcom-ipcc.c (6.1,
 * 6.12, 7.2) drives it: a remote client's signal to APPS latched on a
 * rising edge of its line, RECV_ID in client then signal order, enables,
 * clears, CLEAR_ON_RECV_RD and CLIENT_CLEAR, the summary interrupt (GIC
 * SPI 229, a level), SEND_ID ringing the AOP (whose answer comes back as
 * its own signal), misprogramming (logged, no effect) and reset.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "db845c-gic.h"

#define MACHINE         "-M rb5 -smp 1"
#define IPCC_PATH       "/machine/soc/ipcc"
#define IPCC            0x00408000ULL
#define CONFIG          (IPCC + 0x08)
#define SEND_ID         (IPCC + 0x0c)
#define RECV_ID         (IPCC + 0x10)
#define SIGNAL_ENABLE   (IPCC + 0x14)
#define SIGNAL_DISABLE  (IPCC + 0x18)
#define SIGNAL_CLEAR    (IPCC + 0x1c)
#define CLIENT_CLEAR    (IPCC + 0x38)
#define CLEAR_ON_RECV_RD 1
#define NO_PENDING      0xffffffffu
#define SPI_IPCC        229

/* dt-bindings/mailbox/qcom-ipcc.h */
#define CLIENT_AOP      0
#define CLIENT_LPASS    3
#define CLIENT_SLPI     4
#define CLIENT_CDSP     6
#define SIGNAL_GLINK_QMP 0
#define SIGNAL_SMP2P    2
#define NUM_SIGNALS     4

#define ID(client, signal) ((uint32_t)(client) << 16 | (signal))

/* The AOSS QMP's message RAM: the AOP acknowledges Linux's link state */
#define QMP             0x0c300000ULL
#define MCORE_LINK_STATE     0x24
#define MCORE_LINK_STATE_ACK 0x28
#define STATE_UP        0x0000ffff

/* A remote client drives its line to APPS for signal */
static void line(QTestState *qts, unsigned client, unsigned signal, int level)
{
    qtest_set_irq_in(qts, IPCC_PATH, "unnamed-gpio-in",
                     client * NUM_SIGNALS + signal, level);
}

static void raise_signal(QTestState *qts, unsigned client, unsigned signal)
{
    line(qts, client, signal, 1);
    line(qts, client, signal, 0);
}

static uint32_t recv_id(QTestState *qts)
{
    return qtest_readl(qts, RECV_ID);
}

static void test_reset_values(void)
{
    QTestState *qts = qtest_init(MACHINE);

    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    g_assert_cmphex(qtest_readl(qts, CONFIG), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));
    /* write-only registers and unmodelled ones read zero */
    g_assert_cmphex(qtest_readl(qts, SEND_ID), ==, 0);
    g_assert_cmphex(qtest_readl(qts, SIGNAL_ENABLE), ==, 0);
    g_assert_cmphex(qtest_readl(qts, CLIENT_CLEAR), ==, 0);
    g_assert_cmphex(qtest_readl(qts, IPCC), ==, 0);
    qtest_quit(qts);
}

/*
 * What qcom_ipcc_irq_fn sees: a DSP's SMP2P signal, pending but invisible
 * until enabled, then in RECV_ID with the summary interrupt high until
 * cleared; a line held high latches once, a new rising edge again.
 */
static void test_receive(void)
{
    QTestState *qts = qtest_init(MACHINE);

    raise_signal(qts, CLIENT_LPASS, SIGNAL_SMP2P);
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));

    qtest_writel(qts, SIGNAL_ENABLE, ID(CLIENT_LPASS, SIGNAL_SMP2P));
    g_assert_cmphex(recv_id(qts), ==, ID(CLIENT_LPASS, SIGNAL_SMP2P));
    g_assert_true(gic_spi_pending(qts, SPI_IPCC));
    /* reading does not clear it (CLEAR_ON_RECV_RD is off) */
    g_assert_cmphex(recv_id(qts), ==, ID(CLIENT_LPASS, SIGNAL_SMP2P));

    qtest_writel(qts, SIGNAL_CLEAR, ID(CLIENT_LPASS, SIGNAL_SMP2P));
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));

    /* a level held high is one signal */
    line(qts, CLIENT_LPASS, SIGNAL_SMP2P, 1);
    qtest_writel(qts, SIGNAL_CLEAR, ID(CLIENT_LPASS, SIGNAL_SMP2P));
    line(qts, CLIENT_LPASS, SIGNAL_SMP2P, 1);
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    line(qts, CLIENT_LPASS, SIGNAL_SMP2P, 0);
    line(qts, CLIENT_LPASS, SIGNAL_SMP2P, 1);
    g_assert_cmphex(recv_id(qts), ==, ID(CLIENT_LPASS, SIGNAL_SMP2P));
    qtest_quit(qts);
}

/*
 * Several signals: the lowest client first, then the lowest signal; a
 * disabled one stays pending (handle_level_irq masks while it runs) and
 * shows again once enabled.
 */
static void test_order_and_mask(void)
{
    static const uint32_t ids[] = {
        ID(CLIENT_LPASS, SIGNAL_GLINK_QMP), ID(CLIENT_LPASS, SIGNAL_SMP2P),
        ID(CLIENT_SLPI, SIGNAL_SMP2P), ID(CLIENT_CDSP, SIGNAL_SMP2P),
    };
    QTestState *qts = qtest_init(MACHINE);

    for (int i = ARRAY_SIZE(ids) - 1; i >= 0; i--) {
        qtest_writel(qts, SIGNAL_ENABLE, ids[i]);
        raise_signal(qts, ids[i] >> 16, ids[i] & 0xffff);
    }
    qtest_writel(qts, SIGNAL_DISABLE, ids[1]);
    /* the handler's loop: read, clear, handle, until none is left */
    g_assert_cmphex(recv_id(qts), ==, ids[0]);
    qtest_writel(qts, SIGNAL_CLEAR, ids[0]);
    g_assert_cmphex(recv_id(qts), ==, ids[2]);
    qtest_writel(qts, SIGNAL_CLEAR, ids[2]);
    g_assert_cmphex(recv_id(qts), ==, ids[3]);
    qtest_writel(qts, SIGNAL_CLEAR, ids[3]);
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));

    qtest_writel(qts, SIGNAL_ENABLE, ids[1]);
    g_assert_true(gic_spi_pending(qts, SPI_IPCC));
    g_assert_cmphex(recv_id(qts), ==, ids[1]);
    qtest_quit(qts);
}

/* CONFIG's CLEAR_ON_RECV_RD and CLIENT_CLEAR, the firmware's switches */
static void test_config_and_client_clear(void)
{
    QTestState *qts = qtest_init(MACHINE);

    qtest_writel(qts, CONFIG, CLEAR_ON_RECV_RD);
    g_assert_cmphex(qtest_readl(qts, CONFIG), ==, CLEAR_ON_RECV_RD);
    qtest_writel(qts, SIGNAL_ENABLE, ID(CLIENT_CDSP, SIGNAL_SMP2P));
    qtest_writel(qts, SIGNAL_ENABLE, ID(CLIENT_CDSP, SIGNAL_GLINK_QMP));
    raise_signal(qts, CLIENT_CDSP, SIGNAL_SMP2P);
    raise_signal(qts, CLIENT_CDSP, SIGNAL_GLINK_QMP);
    g_assert_cmphex(recv_id(qts), ==, ID(CLIENT_CDSP, SIGNAL_GLINK_QMP));
    g_assert_cmphex(recv_id(qts), ==, ID(CLIENT_CDSP, SIGNAL_SMP2P));
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));

    /* bits other than CLEAR_ON_RECV_RD are not kept */
    qtest_writel(qts, CONFIG, 0x80000000);
    g_assert_cmphex(qtest_readl(qts, CONFIG), ==, 0);

    raise_signal(qts, CLIENT_CDSP, SIGNAL_SMP2P);
    g_assert_true(gic_spi_pending(qts, SPI_IPCC));
    qtest_writel(qts, CLIENT_CLEAR, 0);
    g_assert_cmphex(recv_id(qts), ==, ID(CLIENT_CDSP, SIGNAL_SMP2P));
    qtest_writel(qts, CLIENT_CLEAR, 1);
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));
    /* the enables went too */
    raise_signal(qts, CLIENT_CDSP, SIGNAL_SMP2P);
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    qtest_quit(qts);
}

/*
 * SEND_ID rings a client on its "client" line: the AOP's is wired to the
 * AOSS QMP, which acknowledges the link state Linux set and answers with
 * its interrupt, the AOP's GLINK_QMP signal to APPS (qcom_aoss.c's
 * handshake on SM8250). The DSPs' lines lead nowhere yet: ringing them
 * changes nothing here.
 */
static void test_send(void)
{
    QTestState *qts = qtest_init(MACHINE);

    qtest_writel(qts, SIGNAL_ENABLE, ID(CLIENT_AOP, SIGNAL_GLINK_QMP));
    qtest_writel(qts, QMP + MCORE_LINK_STATE, STATE_UP);
    g_assert_cmphex(qtest_readl(qts, QMP + MCORE_LINK_STATE_ACK), !=,
                    STATE_UP);
    qtest_writel(qts, SEND_ID, ID(CLIENT_AOP, SIGNAL_GLINK_QMP));
    g_assert_cmphex(qtest_readl(qts, QMP + MCORE_LINK_STATE_ACK), ==,
                    STATE_UP);
    g_assert_cmphex(recv_id(qts), ==, ID(CLIENT_AOP, SIGNAL_GLINK_QMP));
    g_assert_true(gic_spi_pending(qts, SPI_IPCC));
    qtest_writel(qts, SIGNAL_CLEAR, ID(CLIENT_AOP, SIGNAL_GLINK_QMP));

    qtest_writel(qts, SIGNAL_ENABLE, ID(CLIENT_CDSP, SIGNAL_SMP2P));
    qtest_writel(qts, SEND_ID, ID(CLIENT_CDSP, SIGNAL_SMP2P));
    qtest_writel(qts, SEND_ID, ID(CLIENT_LPASS, SIGNAL_GLINK_QMP));
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));
    qtest_quit(qts);
}

/* Ids beyond the clients and signals, writes of RECV_ID: no effect */
static void test_bad_accesses(void)
{
    static const uint32_t bad[] = {
        ID(32, 0), ID(CLIENT_CDSP, NUM_SIGNALS), ID(0xffff, 0xffff),
    };
    QTestState *qts = qtest_init(MACHINE);

    for (int i = 0; i < ARRAY_SIZE(bad); i++) {
        qtest_writel(qts, SIGNAL_ENABLE, bad[i]);
        qtest_writel(qts, SEND_ID, bad[i]);
        qtest_writel(qts, SIGNAL_CLEAR, bad[i]);
        qtest_writel(qts, SIGNAL_DISABLE, bad[i]);
    }
    qtest_writel(qts, RECV_ID, ID(CLIENT_CDSP, SIGNAL_SMP2P));
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));
    /* the valid neighbours still work */
    qtest_writel(qts, SIGNAL_ENABLE, ID(31, NUM_SIGNALS - 1));
    raise_signal(qts, 31, NUM_SIGNALS - 1);
    g_assert_cmphex(recv_id(qts), ==, ID(31, NUM_SIGNALS - 1));
    qtest_quit(qts);
}

/* A system reset clears the pending signals, enables and CONFIG */
static void test_reset(void)
{
    QTestState *qts = qtest_init(MACHINE);
    QDict *rsp;

    qtest_writel(qts, CONFIG, CLEAR_ON_RECV_RD);
    qtest_writel(qts, SIGNAL_ENABLE, ID(CLIENT_SLPI, SIGNAL_SMP2P));
    raise_signal(qts, CLIENT_SLPI, SIGNAL_SMP2P);
    g_assert_true(gic_spi_pending(qts, SPI_IPCC));

    rsp = qtest_qmp(qts, "{'execute': 'system_reset'}");
    qobject_unref(rsp);
    qtest_qmp_eventwait(qts, "RESET");

    g_assert_cmphex(qtest_readl(qts, CONFIG), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_IPCC));
    qtest_writel(qts, SIGNAL_ENABLE, ID(CLIENT_SLPI, SIGNAL_SMP2P));
    g_assert_cmphex(recv_id(qts), ==, NO_PENDING);
    raise_signal(qts, CLIENT_SLPI, SIGNAL_SMP2P);
    g_assert_cmphex(recv_id(qts), ==, ID(CLIENT_SLPI, SIGNAL_SMP2P));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/qcom-ipcc/reset-values", test_reset_values);
    qtest_add_func("/qcom-ipcc/receive", test_receive);
    qtest_add_func("/qcom-ipcc/order-and-mask", test_order_and_mask);
    qtest_add_func("/qcom-ipcc/config-and-client-clear",
                   test_config_and_client_clear);
    qtest_add_func("/qcom-ipcc/send", test_send);
    qtest_add_func("/qcom-ipcc/bad-accesses", test_bad_accesses);
    qtest_add_func("/qcom-ipcc/reset", test_reset);
    return g_test_run();
}
