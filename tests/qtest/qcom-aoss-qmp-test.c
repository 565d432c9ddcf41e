/*
 * QTest for the AOSS QMP on db845c, the AOP's message channel as
 * drivers/soc/qcom/qcom_aoss.c uses it: the descriptor the AOP lays out,
 * the link and channel handshakes, rung through APSS IPC bit 0 and
 * answered with an interrupt (GIC SPI 389), the load_state messages of
 * the remoteproc drivers (seen in QOM property "load-state"), malformed
 * and unknown messages (taken, without effect), a message before the
 * channel is up (not taken), and reset.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "db845c-gic.h"

#define MACHINE         "-M db845c -smp 1"
#define QMP_PATH        "/machine/soc/aoss-qmp"
#define QMP             0x0c300000ULL
#define QMP_SIZE        0x400
#define APSS_IPC        0x1799000cULL
#define SPI_QMP         389

/* The descriptor (qcom_aoss.c's QMP_DESC_*) */
#define MAGIC               0x00
#define VERSION             0x04
#define FEATURES            0x08
#define UCORE_LINK_STATE    0x0c
#define UCORE_LINK_STATE_ACK 0x10
#define UCORE_CH_STATE      0x14
#define UCORE_CH_STATE_ACK  0x18
#define UCORE_MBOX_SIZE     0x1c
#define UCORE_MBOX_OFFSET   0x20
#define MCORE_LINK_STATE    0x24
#define MCORE_LINK_STATE_ACK 0x28
#define MCORE_CH_STATE      0x2c
#define MCORE_CH_STATE_ACK  0x30
#define MCORE_MBOX_SIZE     0x34
#define MCORE_MBOX_OFFSET   0x38

#define QMP_MAGIC       0x4d41494c
#define STATE_UP        0x0000ffff
#define STATE_DOWN      0xffff0000
#define MSG_LEN         64      /* QMP_MSG_LEN: every message's length */

#define LOAD_STATE(name, val) \
    "{class: image, res: load_state, name: " name ", val: " val "}"

static uint32_t rd(QTestState *qts, uint32_t off)
{
    return qtest_readl(qts, QMP + off);
}

static void wr(QTestState *qts, uint32_t off, uint32_t v)
{
    qtest_writel(qts, QMP + off, v);
}

/* qmp_kick: the doorbell; the AOP answers with a pulse */
static void kick(QTestState *qts)
{
    gic_spi_clear(qts, SPI_QMP);
    qtest_writel(qts, APSS_IPC, 1u << 0);
    g_assert_true(gic_spi_pending(qts, SPI_QMP));
}

static QTestState *qmp_init(void)
{
    QTestState *qts = qtest_init(MACHINE);

    gic_spi_edge(qts, SPI_QMP);
    return qts;
}

/* qmp_open's three steps */
static void qmp_open(QTestState *qts)
{
    wr(qts, MCORE_LINK_STATE, STATE_UP);
    kick(qts);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE_ACK), ==, STATE_UP);
    wr(qts, MCORE_CH_STATE, STATE_UP);
    kick(qts);
    g_assert_cmphex(rd(qts, UCORE_CH_STATE), ==, STATE_UP);
    wr(qts, UCORE_CH_STATE_ACK, STATE_UP);
    kick(qts);
    g_assert_cmphex(rd(qts, MCORE_CH_STATE_ACK), ==, STATE_UP);
}

/*
 * qmp_send: the text NUL-padded to len bytes after the length word (the
 * rest of the mailbox zeroed), then the length, then the doorbell.
 * Returns the length word after it.
 */
static uint32_t qmp_send_len(QTestState *qts, const char *text, uint32_t len)
{
    uint32_t mbox = rd(qts, MCORE_MBOX_OFFSET);
    uint32_t body = rd(qts, MCORE_MBOX_SIZE) - 4;
    g_autofree char *buf = g_malloc0(body);

    memcpy(buf, text, MIN(strlen(text), MIN(len, body)));
    qtest_memwrite(qts, QMP + mbox + 4, buf, body);
    wr(qts, mbox, len);
    kick(qts);
    return rd(qts, mbox);
}

static uint32_t qmp_send(QTestState *qts, const char *text)
{
    return qmp_send_len(qts, text, MSG_LEN);
}

static char *load_state(QTestState *qts)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                           "{'path': %s, 'property': 'load-state'}}",
                           QMP_PATH);
    char *v;

    g_assert(qdict_haskey(rsp, "return"));
    v = g_strdup(qdict_get_str(rsp, "return"));
    qobject_unref(rsp);
    return v;
}

static void assert_load_state(QTestState *qts, const char *exp)
{
    g_autofree char *v = load_state(qts);

    g_assert_cmpstr(v, ==, exp);
}

/* What qmp_open checks, and the AOP's side of the link up */
static void test_descriptor(void)
{
    QTestState *qts = qmp_init();
    uint32_t off, size;

    g_assert_cmphex(rd(qts, MAGIC), ==, QMP_MAGIC);
    g_assert_cmphex(rd(qts, VERSION), ==, 1);
    g_assert_cmphex(rd(qts, UCORE_LINK_STATE), ==, STATE_UP);
    off = rd(qts, MCORE_MBOX_OFFSET);
    size = rd(qts, MCORE_MBOX_SIZE);
    g_assert_cmpuint(size, >=, 4 + MSG_LEN);
    g_assert_cmpuint(off, >=, MCORE_MBOX_OFFSET + 4);
    g_assert_cmpuint(off + size, <=, QMP_SIZE);
    g_assert_cmpuint(off % 4, ==, 0);
    g_assert_cmphex(rd(qts, off), ==, 0);
    /* the AOP's own mailbox, apart from Linux's */
    g_assert_cmpuint(rd(qts, UCORE_MBOX_SIZE), !=, 0);
    g_assert_true(rd(qts, UCORE_MBOX_OFFSET) >= off + size ||
                  rd(qts, UCORE_MBOX_OFFSET) + rd(qts, UCORE_MBOX_SIZE) <=
                  off);
    /* Linux's side: nothing yet */
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE), ==, 0);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE_ACK), ==, 0);
    g_assert_cmphex(rd(qts, MCORE_CH_STATE), ==, 0);
    g_assert_cmphex(rd(qts, MCORE_CH_STATE_ACK), ==, 0);
    g_assert_cmphex(rd(qts, UCORE_CH_STATE), ==, 0);
    assert_load_state(qts, "");
    /* the message RAM is RAM */
    wr(qts, FEATURES, 0x5a5a);
    g_assert_cmphex(rd(qts, FEATURES), ==, 0x5a5a);
    wr(qts, QMP_SIZE - 4, 0xcafe);
    g_assert_cmphex(rd(qts, QMP_SIZE - 4), ==, 0xcafe);
    qtest_quit(qts);
}

/* The link and channel handshakes, each answered on the doorbell */
static void test_handshake(void)
{
    QTestState *qts = qmp_init();

    /* nothing is acknowledged before the doorbell, or on another bit */
    wr(qts, MCORE_LINK_STATE, STATE_UP);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE_ACK), ==, 0);
    qtest_writel(qts, APSS_IPC, 1u << 14);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE_ACK), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_QMP));
    kick(qts);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE_ACK), ==, STATE_UP);
    g_assert_cmphex(rd(qts, UCORE_CH_STATE), ==, 0);

    /* the channel: the AOP's side up, then its acknowledgement of ours */
    wr(qts, MCORE_CH_STATE, STATE_UP);
    g_assert_cmphex(rd(qts, UCORE_CH_STATE), ==, 0);
    kick(qts);
    g_assert_cmphex(rd(qts, UCORE_CH_STATE), ==, STATE_UP);
    wr(qts, UCORE_CH_STATE_ACK, STATE_UP);
    kick(qts);
    g_assert_cmphex(rd(qts, MCORE_CH_STATE_ACK), ==, STATE_UP);
    /* Linux's own fields are never written by the AOP */
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE), ==, STATE_UP);
    g_assert_cmphex(rd(qts, MCORE_CH_STATE), ==, STATE_UP);
    g_assert_cmphex(rd(qts, UCORE_CH_STATE_ACK), ==, STATE_UP);

    /* a state neither up nor down (qmp_close's 0) is not echoed */
    wr(qts, MCORE_CH_STATE, 0);
    wr(qts, MCORE_LINK_STATE, 0);
    kick(qts);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE_ACK), ==, STATE_UP);
    g_assert_cmphex(rd(qts, MCORE_CH_STATE_ACK), ==, STATE_UP);
    /* down is */
    wr(qts, MCORE_CH_STATE, STATE_DOWN);
    wr(qts, MCORE_LINK_STATE, STATE_DOWN);
    kick(qts);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE_ACK), ==, STATE_DOWN);
    g_assert_cmphex(rd(qts, MCORE_CH_STATE_ACK), ==, STATE_DOWN);
    g_assert_cmphex(rd(qts, UCORE_CH_STATE), ==, STATE_DOWN);
    qtest_quit(qts);
}

/* qcom_q6v5_mss's load_state votes, as qmp_send sends them */
static void test_load_state(void)
{
    QTestState *qts = qmp_init();

    qmp_open(qts);
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, 0);
    assert_load_state(qts, "modem=on");
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "off")), ==, 0);
    assert_load_state(qts, "modem=off");
    /* another image; the list is sorted by name */
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("adsp", "on")), ==, 0);
    assert_load_state(qts, "adsp=on,modem=off");
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, 0);
    assert_load_state(qts, "adsp=on,modem=on");
    qtest_quit(qts);
}

/* The AOP takes every message; the ones it cannot use change nothing */
static void test_bad_messages(void)
{
    static const struct {
        const char *text;
        uint32_t len;
        const char *what;
    } t[] = {
        { "class: image, res: load_state, name: modem, val: off", MSG_LEN,
          "no braces" },
        { "{res: load_state, name: modem, val: off}", MSG_LEN, "no class" },
        { "{class: image, res: load_state, val: off}", MSG_LEN, "no name" },
        { "{class: image, res: load_state, name: , val: off}", MSG_LEN,
          "empty name" },
        { "{class: image, res: load_state, name: modem}", MSG_LEN,
          "no val" },
        { LOAD_STATE("modem", "maybe"), MSG_LEN, "val neither on nor off" },
        { "{class: image, res: load_state, name: aaaaaaaaaaaaaaaa, "
          "val:on}", MSG_LEN, "name of 16 bytes" },
        { LOAD_STATE("modem", "off"), 0x80, "longer than 64 bytes" },
        { LOAD_STATE("modem", "off") "................", MSG_LEN,
          "64 bytes with no NUL" },
        { LOAD_STATE("modem", "off"), MSG_LEN - 1, "length not a word" },
        { LOAD_STATE("modem", "off"), 0x200, "longer than the mailbox" },
        { "", MSG_LEN, "empty" },
        { "{class: volt_flr, res: cx, val: 1}", MSG_LEN,
          "another class (not modelled)" },
        { "{class: image, res: retention, name: modem, val: off}", MSG_LEN,
          "another resource (not modelled)" },
    };
    QTestState *qts = qmp_init();

    qmp_open(qts);
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, 0);
    for (int i = 0; i < ARRAY_SIZE(t); i++) {
        g_test_message("%s", t[i].what);
        g_assert_cmphex(qmp_send_len(qts, t[i].text, t[i].len), ==, 0);
        assert_load_state(qts, "modem=on");
    }
    /* and the channel still works */
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "off")), ==, 0);
    assert_load_state(qts, "modem=off");
    qtest_quit(qts);
}

/* A message waits in the mailbox until Linux's channel is up */
static void test_before_channel(void)
{
    QTestState *qts = qmp_init();
    uint32_t mbox = rd(qts, MCORE_MBOX_OFFSET);

    /* no handshake at all */
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, MSG_LEN);
    assert_load_state(qts, "");
    /* the link only */
    wr(qts, mbox, 0);
    wr(qts, MCORE_LINK_STATE, STATE_UP);
    kick(qts);
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, MSG_LEN);
    assert_load_state(qts, "");
    /* the channel, before Linux acknowledged the AOP's side */
    wr(qts, mbox, 0);
    wr(qts, MCORE_CH_STATE, STATE_UP);
    kick(qts);
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, MSG_LEN);
    assert_load_state(qts, "");
    /* the channel down again after it was up */
    wr(qts, mbox, 0);
    wr(qts, UCORE_CH_STATE_ACK, STATE_UP);
    kick(qts);
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, 0);
    assert_load_state(qts, "modem=on");
    wr(qts, MCORE_CH_STATE, STATE_DOWN);
    kick(qts);
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "off")), ==, MSG_LEN);
    assert_load_state(qts, "modem=on");
    qtest_quit(qts);
}

/* A machine reset: the AOP's descriptor again, no state, no images */
static void test_reset(void)
{
    QTestState *qts = qmp_init();

    qmp_open(qts);
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, 0);
    wr(qts, MAGIC, 0);
    qtest_system_reset(qts);
    g_assert_cmphex(rd(qts, MAGIC), ==, QMP_MAGIC);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE), ==, 0);
    g_assert_cmphex(rd(qts, MCORE_LINK_STATE_ACK), ==, 0);
    g_assert_cmphex(rd(qts, MCORE_CH_STATE_ACK), ==, 0);
    g_assert_cmphex(rd(qts, UCORE_CH_STATE), ==, 0);
    assert_load_state(qts, "");
    /* and it opens again */
    gic_spi_edge(qts, SPI_QMP);
    qmp_open(qts);
    g_assert_cmphex(qmp_send(qts, LOAD_STATE("modem", "on")), ==, 0);
    assert_load_state(qts, "modem=on");
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-aoss-qmp/descriptor", test_descriptor);
    qtest_add_func("/qcom-aoss-qmp/handshake", test_handshake);
    qtest_add_func("/qcom-aoss-qmp/load-state", test_load_state);
    qtest_add_func("/qcom-aoss-qmp/bad-messages", test_bad_messages);
    qtest_add_func("/qcom-aoss-qmp/before-channel", test_before_channel);
    qtest_add_func("/qcom-aoss-qmp/reset", test_reset);

    return g_test_run();
}
