/*
 * QTest for RPMh on db845c: the Command DB table the board lays out in
 * DRAM at reset, as drivers/soc/qcom/cmd-db.c, rpmhpd.c, clk-rpmh.c and
 * the interconnect drivers read it (ARC, VRM and BCM slaves), and the
 * APPS RSC driven as drivers/soc/qcom/rpmh-rsc.c drives it: active votes
 * with completion, status and a level interrupt, a read command,
 * sleep/wake sets that stay programmed, bad accesses (logged, harmless)
 * and reset.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"

#define MACHINE         "-M db845c -smp 1"
#define RSC_PATH        "/machine/soc/apps-rsc"

/* cmd-db.c's layout */
#define CMD_DB          0x85fe0000ULL
#define CMD_DB_SIZE     0x20000
#define DB_MAGIC        0x04
#define DB_RSC_HDR      0x08
#define DB_DATA         0x90
#define RSC_SLV_ID      0x0
#define RSC_HEADER_OFF  0x2
#define RSC_DATA_OFF    0x4
#define RSC_CNT         0x6
#define ENT_SIZE        24
#define ENT_ADDR        0x10
#define ENT_LEN         0x14
#define ENT_OFFSET      0x16
#define SLV_ARC         3
#define SLV_VRM         4
#define SLV_BCM         5

/* rpmh-rsc.c's registers, DRV 2 of the RSC at 0x179c0000 */
#define RSC             0x179c0000ULL
#define DRV(n)          (RSC + (n) * 0x10000ULL)
#define DRV2            DRV(2)
#define SOLVER_CONFIG   0x04
#define PRNT_CHLD       0x0c
#define TCS_BASE        (DRV2 + 0xd00)
#define IRQ_ENABLE      (TCS_BASE + 0x0)
#define IRQ_STATUS      (TCS_BASE + 0x4)
#define IRQ_CLEAR       (TCS_BASE + 0x8)
#define TCS(n, r)       (TCS_BASE + 672 * (n) + (r))
#define WAIT_FOR_CMPL   0x10
#define CONTROL         0x14
#define STATUS          0x18
#define CMD_ENABLE      0x1c
#define CMD(n, j, r)    (TCS(n, 0x30 + 20 * (j)) + (r))
#define MSGID           0x0
#define ADDR            0x4
#define DATA            0x8
#define CSTATUS         0xc
#define RESP_DATA       0x10
#define AMC_ENABLE      (1u << 16)
#define TRIGGER         (1u << 24)
#define MSGID_WRITE     ((1u << 16) | 8)
#define MSGID_READ      8
#define MSGID_RR        (1u << 8)
#define ISSUED          (1u << 8)
#define COMPL           (1u << 16)
#define NUM_TCS         9

/* SDM845's rails, as rpmhpd looks them up */
static const char *const arc_names[] = {
    "cx.lvl", "mx.lvl", "ebi.lvl", "gfx.lvl", "lcx.lvl", "lmx.lvl", "mss.lvl",
};
/* the clock buffers rpmhcc looks up (and xo.lvl, an ARC) */
static const char *const vrm_names[] = {
    "lnbclka2", "lnbclka3", "rfclka1", "rfclka2", "rfclka3",
};
/* the bus clock managers */
static const char *const bcm_names[] = {
    /* rpmhcc's crypto and IPA clocks */
    "CE0", "IP0",
    /* interconnect/sdm845.c's (CE0 is one of them too) */
    "ACV", "MC0", "SH0", "SH1", "SH2", "SH3", "SH5", "MM0", "MM1", "MM2",
    "MM3", "CN0", "QUP0", "SN0", "SN1", "SN2", "SN3", "SN4", "SN5", "SN6",
    "SN7", "SN8", "SN9", "SN11", "SN12", "SN14", "SN15",
};
/* struct bcm_db of every BCM: unit (a divisor), width, vcd */
#define BCM_UNIT        1000
#define BCM_WIDTH       1
#define BCM_VCD         0

/* The table's slaves, in the order of their resource headers */
static const struct {
    uint16_t slv_id;
    unsigned count;
} db_slaves[] = {
    { SLV_ARC, ARRAY_SIZE(arc_names) + 1 },     /* and xo.lvl */
    { SLV_VRM, ARRAY_SIZE(vrm_names) },
    { SLV_BCM, ARRAY_SIZE(bcm_names) },
};

static uint16_t db16(const uint8_t *db, unsigned off)
{
    return db[off] | db[off + 1] << 8;
}

static uint32_t db32(const uint8_t *db, unsigned off)
{
    return db16(db, off) | (uint32_t)db16(db, off + 2) << 16;
}

/*
 * Look id up as cmd_db_get_header does; the entry's offset in *ent and
 * its resource header's in *hdr. False if it is not there.
 */
static bool db_find(const uint8_t *db, const char *id, unsigned *ent,
                    unsigned *hdr)
{
    char query[8] = { 0 };

    memcpy(query, id, MIN(strlen(id), sizeof(query)));
    for (int i = 0; i < 8; i++) {
        unsigned h = DB_RSC_HDR + 16 * i;

        if (!db16(db, h + RSC_SLV_ID)) {
            break;
        }
        for (int j = 0; j < db16(db, h + RSC_CNT); j++) {
            unsigned e = DB_DATA + db16(db, h + RSC_HEADER_OFF) + j * ENT_SIZE;

            g_assert_cmpuint(e + ENT_SIZE, <=, CMD_DB_SIZE);
            if (!memcmp(db + e, query, sizeof(query))) {
                *ent = e;
                *hdr = h;
                return true;
            }
        }
    }
    return false;
}

static uint8_t *db_read(QTestState *qts)
{
    uint8_t *db = g_malloc(CMD_DB_SIZE);

    qtest_memread(qts, CMD_DB, db, CMD_DB_SIZE);
    return db;
}

static uint32_t db_addr(const uint8_t *db, const char *id)
{
    unsigned ent, hdr;

    g_assert_true(db_find(db, id, &ent, &hdr));
    return db32(db, ent + ENT_ADDR);
}

/* Where cmd_db_read_aux_data finds an entry's aux data */
static unsigned db_aux(const uint8_t *db, unsigned ent, unsigned hdr)
{
    unsigned aux = DB_DATA + db16(db, hdr + RSC_DATA_OFF) +
                   db16(db, ent + ENT_OFFSET);

    g_assert_cmpuint(aux + db16(db, ent + ENT_LEN), <=, CMD_DB_SIZE);
    return aux;
}

/*
 * The table satisfies cmd-db.c: the ARC, VRM and BCM slaves' headers,
 * their entries and aux data apart, every address of its header's
 * slave, no address twice; and rpmhpd_probe for every SDM845 rail.
 */
static void test_cmd_db_layout(void)
{
    QTestState *qts = qtest_init(MACHINE);
    g_autofree uint8_t *db = db_read(qts);
    uint32_t addrs[ARRAY_SIZE(arc_names)];
    unsigned ent, hdr, end = 0;
    GHashTable *seen = g_hash_table_new(NULL, NULL);

    g_assert_cmpmem(db + DB_MAGIC, 4, "\xdb\x30\x03\x0c", 4);
    for (int i = 0; i < ARRAY_SIZE(db_slaves); i++) {
        unsigned h = DB_RSC_HDR + 16 * i;
        unsigned first = db16(db, h + RSC_HEADER_OFF);
        unsigned data = db16(db, h + RSC_DATA_OFF);
        unsigned count = db16(db, h + RSC_CNT);

        g_test_message("slave %u", db_slaves[i].slv_id);
        g_assert_cmpuint(db16(db, h + RSC_SLV_ID), ==, db_slaves[i].slv_id);
        g_assert_cmpuint(count, ==, db_slaves[i].count);
        /* entries, then aux data, after the previous slave's */
        g_assert_cmpuint(first, >=, end);
        g_assert_cmpuint(data, >=, first + count * ENT_SIZE);
        end = data;
        for (int j = 0; j < count; j++) {
            unsigned e = DB_DATA + first + j * ENT_SIZE;
            uint32_t addr = db32(db, e + ENT_ADDR);
            unsigned len = db16(db, e + ENT_LEN);
            unsigned aux = db_aux(db, e, h);

            g_assert_cmpuint((addr >> 16) & 7, ==, db_slaves[i].slv_id);
            g_assert_false(g_hash_table_contains(seen,
                                                 GUINT_TO_POINTER(addr)));
            g_hash_table_add(seen, GUINT_TO_POINTER(addr));
            g_assert_cmpuint(aux - DB_DATA, >=, data);
            end = MAX(end, aux - DB_DATA + len);
        }
    }
    /* the search ends at the fourth header */
    g_assert_cmpuint(db16(db, DB_RSC_HDR + 16 * ARRAY_SIZE(db_slaves) +
                          RSC_SLV_ID), ==, 0);
    g_hash_table_destroy(seen);

    for (int i = 0; i < ARRAY_SIZE(arc_names); i++) {
        unsigned len, aux, enable = 0, count;
        uint16_t prev = 0;

        g_test_message("%s", arc_names[i]);
        g_assert_true(db_find(db, arc_names[i], &ent, &hdr));
        g_assert_cmpuint(hdr, ==, DB_RSC_HDR);
        addrs[i] = db32(db, ent + ENT_ADDR);
        g_assert_cmpuint(addrs[i], !=, 0);
        len = db16(db, ent + ENT_LEN);
        g_assert_cmpuint(len % 2, ==, 0);
        g_assert_cmpuint(len, >=, 4);
        g_assert_cmpuint(len, <=, 32);
        aux = db_aux(db, ent, hdr);
        /* hlvl 0 is off, then rising vlvls: enable_corner is 1 */
        count = len / 2;
        for (unsigned l = 0; l < count; l++) {
            uint16_t v = db16(db, aux + 2 * l);

            if (l == 0) {
                g_assert_cmpuint(v, ==, 0);
                continue;
            }
            g_assert_cmpuint(v, >, prev);
            if (!enable) {
                enable = l;
            }
            prev = v;
        }
        g_assert_cmpuint(enable, ==, 1);
        /* retention first; every rail reaches at least nominal */
        g_assert_cmpuint(db16(db, aux + 2), ==, 0x10);
        g_assert_cmpuint(prev, >=, 0x100);
    }
    /* cx and mss reach turbo_l1, the top of the DT's OPP table */
    g_assert_true(db_find(db, "cx.lvl", &ent, &hdr));
    g_assert_cmpuint(db16(db, ent + ENT_LEN), ==, 22);
    g_assert_false(db_find(db, "cx.lv", &ent, &hdr));
    g_assert_false(db_find(db, "cx.lvl2", &ent, &hdr));
    qtest_quit(qts);
}

/*
 * What rpmhcc (clk-rpmh.c, sdm845) and the interconnect drivers
 * (icc-rpmh.c, sdm845.c) read: the XO's ARC levels, up to the 3 rpmhcc
 * votes; the clock buffers, VRMs without aux data; the bus clock
 * managers, BCMs whose aux data is a struct bcm_db (le32 unit, le16
 * width, u8 vcd, u8 reserved): both divide by its unit, and the
 * interconnect drivers refuse a BCM without aux data.
 */
static void test_cmd_db_xo_vrm_bcm(void)
{
    QTestState *qts = qtest_init(MACHINE);
    g_autofree uint8_t *db = db_read(qts);
    unsigned ent, hdr, aux;

    g_assert_true(db_find(db, "xo.lvl", &ent, &hdr));
    g_assert_cmpuint(hdr, ==, DB_RSC_HDR);
    g_assert_cmpuint((db32(db, ent + ENT_ADDR) >> 16) & 7, ==, SLV_ARC);
    g_assert_cmpuint(db16(db, ent + ENT_LEN), ==, 8);
    aux = db_aux(db, ent, hdr);
    for (int l = 0; l < 4; l++) {
        g_assert_cmpuint(db16(db, aux + 2 * l), ==, l);
    }

    for (int i = 0; i < ARRAY_SIZE(vrm_names); i++) {
        g_test_message("%s", vrm_names[i]);
        g_assert_true(db_find(db, vrm_names[i], &ent, &hdr));
        g_assert_cmpuint(hdr, ==, DB_RSC_HDR + 16);
        g_assert_cmpuint((db32(db, ent + ENT_ADDR) >> 16) & 7, ==, SLV_VRM);
        g_assert_cmpuint(db16(db, ent + ENT_LEN), ==, 0);
    }

    for (int i = 0; i < ARRAY_SIZE(bcm_names); i++) {
        g_test_message("%s", bcm_names[i]);
        g_assert_true(db_find(db, bcm_names[i], &ent, &hdr));
        g_assert_cmpuint(hdr, ==, DB_RSC_HDR + 32);
        g_assert_cmpuint((db32(db, ent + ENT_ADDR) >> 16) & 7, ==, SLV_BCM);
        g_assert_cmpuint(db16(db, ent + ENT_LEN), ==, 8);
        aux = db_aux(db, ent, hdr);
        g_assert_cmpuint(db32(db, aux), ==, BCM_UNIT);
        g_assert_cmpuint(db16(db, aux + 4), ==, BCM_WIDTH);
        g_assert_cmpuint(db[aux + 6], ==, BCM_VCD);
        g_assert_cmpuint(db[aux + 7], ==, 0);
    }
    qtest_quit(qts);
}

static uint32_t rd(QTestState *qts, uint64_t a)
{
    return qtest_readl(qts, a);
}

static void wr(QTestState *qts, uint64_t a, uint32_t v)
{
    qtest_writel(qts, a, v);
}

static char *votes(QTestState *qts, const char *prop)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                           "{'path': %s, 'property': %s}}", RSC_PATH, prop);
    char *v;

    g_assert(qdict_haskey(rsp, "return"));
    v = g_strdup(qdict_get_str(rsp, "return"));
    qobject_unref(rsp);
    return v;
}

static void assert_votes(QTestState *qts, const char *prop, const char *exp)
{
    g_autofree char *v = votes(qts, prop);

    g_assert_cmpstr(v, ==, exp);
}

/* __tcs_buffer_write: commands from cmd 0, then CMD_ENABLE */
static void tcs_write(QTestState *qts, int n, int first, const uint32_t *msgid,
                      const uint32_t *addr, const uint32_t *data, int count)
{
    uint32_t enable = 0;

    for (int j = first; j < first + count; j++) {
        wr(qts, CMD(n, j, MSGID), msgid[j - first]);
        wr(qts, CMD(n, j, ADDR), addr[j - first]);
        wr(qts, CMD(n, j, DATA), data[j - first]);
        enable |= 1u << j;
    }
    wr(qts, TCS(n, CMD_ENABLE), enable | rd(qts, TCS(n, CMD_ENABLE)));
}

/* __tcs_set_trigger(trigger = true), with its read-back checks */
static void tcs_trigger(QTestState *qts, int n)
{
    uint32_t v = rd(qts, TCS(n, CONTROL)) & ~TRIGGER;

    wr(qts, TCS(n, CONTROL), v);
    g_assert_cmphex(rd(qts, TCS(n, CONTROL)), ==, v);
    v &= ~AMC_ENABLE;
    wr(qts, TCS(n, CONTROL), v);
    g_assert_cmphex(rd(qts, TCS(n, CONTROL)), ==, v);
    wr(qts, TCS(n, CONTROL), AMC_ENABLE);
    g_assert_cmphex(rd(qts, TCS(n, CONTROL)), ==, AMC_ENABLE);
    wr(qts, TCS(n, CONTROL), AMC_ENABLE | TRIGGER);
}

/* tcs_tx_done for TCS n: untrigger, reclaim, clear */
static void tcs_done(QTestState *qts, int n)
{
    uint32_t v = rd(qts, TCS(n, CONTROL)) & ~TRIGGER;

    wr(qts, TCS(n, CONTROL), v);
    wr(qts, TCS(n, CONTROL), v & ~AMC_ENABLE);
    wr(qts, TCS(n, CMD_ENABLE), 0);
    wr(qts, IRQ_CLEAR, 1u << n);
}

static QTestState *rsc_init(void)
{
    QTestState *qts = qtest_init(MACHINE);

    /* the DRV interrupts instead of the GIC */
    qtest_irq_intercept_out_named(qts, RSC_PATH, "sysbus-irq");
    return qts;
}

static void test_rsc_config(void)
{
    QTestState *qts = rsc_init();
    uint32_t cfg = rd(qts, DRV2 + PRNT_CHLD);

    /* ncpt at [31:27]; DRV 2's TCS count at [17:12] covers tcs-config */
    g_assert_cmpuint(cfg >> 27, ==, 16);
    g_assert_cmpuint((cfg >> 12) & 0x3f, ==, NUM_TCS);
    g_assert_cmpuint((cfg >> 12) & 0x3f, >=, 2 + 3 + 3);
    /* no HW solver: Linux flushes sleep/wake from CPU PM */
    g_assert_cmphex(rd(qts, DRV2 + SOLVER_CONFIG) & (1u << 24), ==, 0);
    /* DRVs 0 and 1 are not modelled */
    g_assert_cmphex(rd(qts, DRV(0) + PRNT_CHLD), ==, 0);
    wr(qts, DRV(1) + 0xd00, 0xff);
    g_assert_cmphex(rd(qts, DRV(1) + 0xd00), ==, 0);
    /* every TCS idle, nothing enabled */
    for (int n = 0; n < NUM_TCS; n++) {
        g_assert_cmphex(rd(qts, TCS(n, STATUS)), ==, 1);
        g_assert_cmphex(rd(qts, TCS(n, CMD_ENABLE)), ==, 0);
        g_assert_cmphex(rd(qts, TCS(n, CONTROL)), ==, 0);
    }
    /* WAIT_FOR_CMPL and IRQ_ENABLE read back */
    wr(qts, TCS(3, WAIT_FOR_CMPL), 0x5);
    g_assert_cmphex(rd(qts, TCS(3, WAIT_FOR_CMPL)), ==, 0x5);
    wr(qts, IRQ_ENABLE, 0x3);
    g_assert_cmphex(rd(qts, IRQ_ENABLE), ==, 0x3);
    assert_votes(qts, "votes", "");
    g_assert_false(qtest_get_irq(qts, 2));
    qtest_quit(qts);
}

/* rpmhpd's power_on of cx and mss: one-command ACTIVE_ONLY writes */
static void test_rsc_active_vote(void)
{
    QTestState *qts = rsc_init();
    g_autofree uint8_t *db = db_read(qts);
    uint32_t cx = db_addr(db, "cx.lvl"), mss = db_addr(db, "mss.lvl");
    uint32_t msgid = MSGID_WRITE | MSGID_RR, data = 1;
    g_autofree char *exp = NULL;

    /* rpmh_rsc_probe enables the active TCSes' interrupts */
    wr(qts, IRQ_ENABLE, 0x3);

    tcs_write(qts, 0, 0, &msgid, &cx, &data, 1);
    g_assert_cmphex(rd(qts, CMD(0, 0, CSTATUS)), ==, 0);
    g_assert_false(qtest_get_irq(qts, 2));
    tcs_trigger(qts, 0);
    g_assert_cmphex(rd(qts, CMD(0, 0, CSTATUS)), ==, ISSUED | COMPL);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 1);
    g_assert_true(qtest_get_irq(qts, 2));
    g_assert_false(qtest_get_irq(qts, 0));
    g_assert_false(qtest_get_irq(qts, 1));
    g_assert_cmphex(rd(qts, TCS(0, STATUS)), ==, 1);
    exp = g_strdup_printf("0x%x=0x1", cx);
    assert_votes(qts, "votes", exp);

    tcs_done(qts, 0);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 0);
    g_assert_false(qtest_get_irq(qts, 2));
    g_assert_cmphex(rd(qts, TCS(0, CMD_ENABLE)), ==, 0);
    g_assert_cmphex(rd(qts, TCS(0, CONTROL)), ==, 0);

    /* the next vote on the other active TCS; then cx goes up */
    data = 10;
    tcs_write(qts, 1, 0, &msgid, &mss, &data, 1);
    tcs_trigger(qts, 1);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 2);
    g_assert_true(qtest_get_irq(qts, 2));
    data = 4;
    tcs_write(qts, 0, 0, &msgid, &cx, &data, 1);
    tcs_trigger(qts, 0);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 3);
    tcs_done(qts, 1);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 1);
    g_assert_true(qtest_get_irq(qts, 2));
    tcs_done(qts, 0);
    g_assert_false(qtest_get_irq(qts, 2));
    g_free(exp);
    exp = g_strdup_printf("0x%x=0x4,0x%x=0xa", cx, mss);
    assert_votes(qts, "votes", exp);

    /* a masked TCS completes and flags IRQ_STATUS, the line stays low */
    wr(qts, IRQ_ENABLE, 0x1);
    tcs_write(qts, 1, 0, &msgid, &mss, &data, 1);
    tcs_trigger(qts, 1);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 2);
    g_assert_false(qtest_get_irq(qts, 2));
    wr(qts, IRQ_ENABLE, 0x3);
    g_assert_true(qtest_get_irq(qts, 2));
    tcs_done(qts, 1);
    g_assert_false(qtest_get_irq(qts, 2));
    qtest_quit(qts);
}

/* Several commands in one TCS, one of them a read of a voted resource */
static void test_rsc_multi_cmd(void)
{
    QTestState *qts = rsc_init();
    g_autofree uint8_t *db = db_read(qts);
    uint32_t msgid[3] = { MSGID_WRITE, MSGID_WRITE | MSGID_RR, MSGID_READ };
    uint32_t addr[3] = { db_addr(db, "mx.lvl"), db_addr(db, "cx.lvl"),
                         db_addr(db, "mx.lvl") };
    uint32_t data[3] = { 5, 3, 0 };
    g_autofree char *exp = g_strdup_printf("0x%x=0x3,0x%x=0x5", addr[1],
                                           addr[0]);

    wr(qts, IRQ_ENABLE, 0x3);
    tcs_write(qts, 0, 0, msgid, addr, data, 3);
    tcs_trigger(qts, 0);
    for (int j = 0; j < 3; j++) {
        g_assert_cmphex(rd(qts, CMD(0, j, CSTATUS)), ==, ISSUED | COMPL);
    }
    g_assert_cmphex(rd(qts, CMD(0, 2, RESP_DATA)), ==, 5);
    g_assert_cmphex(rd(qts, CMD(0, 3, CSTATUS)), ==, 0);
    assert_votes(qts, "votes", exp);
    tcs_done(qts, 0);

    /* the statuses of commands not enabled in the next transfer clear */
    tcs_write(qts, 0, 0, msgid, addr, data, 1);
    tcs_trigger(qts, 0);
    g_assert_cmphex(rd(qts, CMD(0, 0, CSTATUS)), ==, ISSUED | COMPL);
    g_assert_cmphex(rd(qts, CMD(0, 1, CSTATUS)), ==, 0);
    tcs_done(qts, 0);
    qtest_quit(qts);
}

/* rpmh_flush: sleep and wake sets are programmed, never triggered */
static void test_rsc_sleep_wake(void)
{
    QTestState *qts = rsc_init();
    g_autofree uint8_t *db = db_read(qts);
    uint32_t cx = db_addr(db, "cx.lvl"), mx = db_addr(db, "mx.lvl");
    uint32_t msgid[2] = { MSGID_WRITE, MSGID_WRITE };
    uint32_t addr[2] = { cx, mx };
    uint32_t sleep[2] = { 0, 1 }, wake[2] = { 6, 6 };
    g_autofree char *exp_sleep = g_strdup_printf("0x%x=0x0,0x%x=0x1", cx, mx);
    g_autofree char *exp_wake = g_strdup_printf("0x%x=0x6,0x%x=0x6", cx, mx);

    wr(qts, IRQ_ENABLE, 0x3);
    /* find_slots may start a request anywhere in the group's TCSes */
    tcs_write(qts, 2, 0, msgid, addr, sleep, 1);
    tcs_write(qts, 3, 4, msgid + 1, addr + 1, sleep + 1, 1);
    tcs_write(qts, 5, 0, msgid, addr, wake, 2);
    g_assert_cmphex(rd(qts, TCS(3, CMD_ENABLE)), ==, 1u << 4);
    g_assert_cmphex(rd(qts, CMD(3, 4, DATA)), ==, 1);
    assert_votes(qts, "sleep-votes", exp_sleep);
    assert_votes(qts, "wake-votes", exp_wake);
    assert_votes(qts, "votes", "");
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 0);
    g_assert_false(qtest_get_irq(qts, 2));

    /* rpmh_rsc_invalidate */
    for (int n = 2; n < 8; n++) {
        wr(qts, TCS(n, CMD_ENABLE), 0);
        g_assert_cmphex(rd(qts, TCS(n, CMD_ENABLE)), ==, 0);
    }
    assert_votes(qts, "sleep-votes", "");
    assert_votes(qts, "wake-votes", "");
    qtest_quit(qts);
}

static void assert_log_has(const char *log, const char *what)
{
    if (!strstr(log, what)) {
        g_test_message("log lacks \"%s\"; it has: %s", what, log);
    }
    g_assert_nonnull(strstr(log, what));
}

/* Bad accesses are logged as guest errors and change nothing. */
static void test_rsc_bad_access(void)
{
    g_autofree char *path = NULL;
    g_autofree char *args = NULL;
    g_autofree char *log = NULL;
    g_autoptr(GError) err = NULL;
    uint32_t msgid = MSGID_WRITE, addr = 0x30000, data = 7;
    int fd = g_file_open_tmp("qcom-rpmh-rsc-XXXXXX.log", &path, &err);
    QTestState *qts;

    g_assert_no_error(err);
    close(fd);
    args = g_strdup_printf(MACHINE " -d guest_errors -D %s", path);
    qts = qtest_init(args);
    qtest_irq_intercept_out_named(qts, RSC_PATH, "sysbus-irq");
    wr(qts, IRQ_ENABLE, 0x3);

    /* a TCS beyond the last one, and a hole inside a TCS */
    wr(qts, TCS(NUM_TCS, CMD_ENABLE), 1);
    g_assert_cmphex(rd(qts, TCS(NUM_TCS, CMD_ENABLE)), ==, 0);
    wr(qts, TCS(1, 0x24), 1);
    g_assert_cmphex(rd(qts, TCS(1, 0x24)), ==, 0);
    /* CMD_ENABLE beyond ncpt is cut */
    wr(qts, TCS(1, CMD_ENABLE), 0x10001);
    g_assert_cmphex(rd(qts, TCS(1, CMD_ENABLE)), ==, 1);
    wr(qts, TCS(1, CMD_ENABLE), 0);

    /* a trigger with no command enabled does nothing */
    tcs_trigger(qts, 0);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 0);
    g_assert_false(qtest_get_irq(qts, 2));
    g_assert_cmphex(rd(qts, CMD(0, 0, CSTATUS)), ==, 0);

    /* nor does one without AMC_ENABLE */
    tcs_write(qts, 1, 0, &msgid, &addr, &data, 1);
    wr(qts, TCS(1, CONTROL), TRIGGER);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 0);
    g_assert_cmphex(rd(qts, CMD(1, 0, CSTATUS)), ==, 0);
    assert_votes(qts, "votes", "");

    /* read-only registers */
    wr(qts, IRQ_STATUS, 0xff);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 0);
    wr(qts, CMD(1, 0, CSTATUS), ISSUED);
    g_assert_cmphex(rd(qts, CMD(1, 0, CSTATUS)), ==, 0);
    wr(qts, DRV2 + PRNT_CHLD, 0);
    g_assert_cmpuint(rd(qts, DRV2 + PRNT_CHLD) >> 27, ==, 16);
    g_assert_false(qtest_get_irq(qts, 2));

    /* the device still works */
    wr(qts, TCS(1, CONTROL), 0);
    tcs_trigger(qts, 1);
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 2);
    assert_votes(qts, "votes", "0x30000=0x7");
    qtest_quit(qts);

    g_assert_true(g_file_get_contents(path, &log, NULL, &err));
    g_assert_no_error(err);
    unlink(path);
    assert_log_has(log, "beyond the last TCS");
    assert_log_has(log, "no register of the TCS");
    assert_log_has(log, "names commands beyond");
    assert_log_has(log, "with no command enabled");
    assert_log_has(log, "without AMC_ENABLE");
    assert_log_has(log, "read-only IRQ_STATUS");
    assert_log_has(log, "read-only STATUS of TCS 1 command 0");
    assert_log_has(log, "read-only DRV register");
}

/* A system reset clears the RSC and lays the Command DB out again. */
static void test_reset(void)
{
    QTestState *qts = rsc_init();
    uint32_t msgid = MSGID_WRITE, addr = 0x30010, data = 2;
    g_autofree uint8_t *before = db_read(qts);
    g_autofree uint8_t *after = NULL;

    wr(qts, IRQ_ENABLE, 0x3);
    tcs_write(qts, 0, 0, &msgid, &addr, &data, 1);
    tcs_trigger(qts, 0);
    tcs_write(qts, 5, 0, &msgid, &addr, &data, 1);
    g_assert_true(qtest_get_irq(qts, 2));
    assert_votes(qts, "votes", "0x30010=0x2");
    /* the guest scribbles over the table */
    qtest_memset(qts, CMD_DB, 0xa5, 0x200);

    qtest_system_reset(qts);
    g_assert_false(qtest_get_irq(qts, 2));
    g_assert_cmphex(rd(qts, IRQ_STATUS), ==, 0);
    g_assert_cmphex(rd(qts, IRQ_ENABLE), ==, 0);
    g_assert_cmphex(rd(qts, TCS(0, CONTROL)), ==, 0);
    g_assert_cmphex(rd(qts, TCS(0, CMD_ENABLE)), ==, 0);
    g_assert_cmphex(rd(qts, CMD(0, 0, CSTATUS)), ==, 0);
    g_assert_cmphex(rd(qts, CMD(0, 0, DATA)), ==, 0);
    assert_votes(qts, "votes", "");
    assert_votes(qts, "wake-votes", "");
    after = db_read(qts);
    g_assert_cmpmem(after, CMD_DB_SIZE, before, CMD_DB_SIZE);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-rpmh/cmd-db/layout", test_cmd_db_layout);
    qtest_add_func("/qcom-rpmh/cmd-db/xo-vrm-bcm", test_cmd_db_xo_vrm_bcm);
    qtest_add_func("/qcom-rpmh/rsc/config", test_rsc_config);
    qtest_add_func("/qcom-rpmh/rsc/active-vote", test_rsc_active_vote);
    qtest_add_func("/qcom-rpmh/rsc/multi-cmd", test_rsc_multi_cmd);
    qtest_add_func("/qcom-rpmh/rsc/sleep-wake", test_rsc_sleep_wake);
    qtest_add_func("/qcom-rpmh/rsc/bad-access", test_rsc_bad_access);
    qtest_add_func("/qcom-rpmh/reset", test_reset);

    return g_test_run();
}
