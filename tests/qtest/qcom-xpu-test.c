/*
 * QTest for the Qualcomm XPU in front of DRAM on db845c: the board's
 * reset state (SMEM shared with the modem), per-VMID read and write
 * permissions, group edges, the most-restrictive-wins rule for overlaps,
 * lock, the syndrome registers, the IRQ, the XPU_VIOLATION event,
 * secure-only programming, bad programming, the three actions (crash,
 * stop, log), and what query-xpu and "info xpu" show.
 *
 * qtest accesses have unspecified attributes: by default debug accesses,
 * which the XPU neither checks nor reports (unspecified-debug). Its
 * property "unspecified-master" makes them the CPU cluster (apps) or the
 * modem (mss) where a test needs a master to check. They count as
 * secure, so a test that needs the XPU alone first undoes the board's
 * sharing of SMEM through the registers (xpu_alone()).
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qcom-xpu-regs.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"

#define XPU_PATH        "/machine/soc/dram-xpu"

#define ESR_VALID       1
#define ESR_OVERFLOW    2
#define KIND_READ       0
#define KIND_WRITE      1
#define MASTER_MSS      1

#define DRAM            0x80000000ULL
#define DRAM_SIZE       (2ULL << 30)
#define SMEM            0x86000000ULL
#define SMEM_SIZE       0x200000ULL
#define HLOS            (1u << 3)
#define MSS             (1u << 15)

#define XPU_MACHINE "-M db845c -smp 1 "
#define AS_APPS XPU_MACHINE "-global qcom-xpu.unspecified-master=apps "
#define AS_MSS XPU_MACHINE \
               "-global qcom-xpu.unspecified-master=mss " \
               "-global qcom-xpu.action=log"

static uint32_t rd(QTestState *qts, uint64_t reg)
{
    return qtest_readl(qts, XPU + reg);
}

static void wr(QTestState *qts, uint64_t reg, uint32_t v)
{
    qtest_writel(qts, XPU + reg, v);
}

static void group_set(QTestState *qts, int n, uint64_t start, uint64_t end,
                      uint32_t rperm, uint32_t wperm, uint32_t gctrl)
{
    wr(qts, G(n, G_GCTRL), 0);
    wr(qts, G(n, G_START_LO), start);
    wr(qts, G(n, G_START_HI), start >> 32);
    wr(qts, G(n, G_END_LO), end);
    wr(qts, G(n, G_END_HI), end >> 32);
    wr(qts, G(n, G_RPERM), rperm);
    wr(qts, G(n, G_WPERM), wperm);
    wr(qts, G(n, G_GCTRL), gctrl);
}

static uint64_t ear(QTestState *qts)
{
    return rd(qts, A_EAR_LO) | (uint64_t)rd(qts, A_EAR_HI) << 32;
}

static void clear_error(QTestState *qts)
{
    wr(qts, A_ESR_CLEAR, ESR_VALID);
    g_assert_cmphex(rd(qts, A_ESR), ==, 0);
}

/* The captured error is a violation of the modem at addr. */
static void assert_error(QTestState *qts, uint64_t addr, int kind, int group)
{
    uint32_t esr = rd(qts, A_ESR);

    g_assert_cmphex(esr & ESR_VALID, ==, ESR_VALID);
    g_assert_cmphex((esr >> 4) & 3, ==, kind);
    g_assert_cmphex((esr >> 8) & 0xff, ==, MASTER_MSS);
    g_assert_cmphex(ear(qts), ==, addr);
    g_assert_cmphex(rd(qts, A_ESYNR) & 0xff, ==, 15);
    g_assert_cmphex(rd(qts, A_ESYNR) >> 16, ==, group < 0 ? 0xffff : group);
    clear_error(qts);
}

static void assert_no_error(QTestState *qts)
{
    g_assert_cmphex(rd(qts, A_ESR), ==, 0);
}

static void system_reset(QTestState *qts)
{
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(qts, "RESET");
}

/*
 * The board's reset state: its reset function shares SMEM with the
 * modem, which splits the XPU's own default (group 0, all of DRAM for
 * HLOS) around it.
 */
static const struct {
    uint64_t start, end;
    uint32_t perm;
} board_groups[] = {
    { DRAM, SMEM - 0x1000, HLOS },
    { SMEM + SMEM_SIZE, DRAM + DRAM_SIZE - 0x1000, HLOS },
    { SMEM, SMEM + SMEM_SIZE - 0x1000, HLOS | MSS },
};

static void assert_defaults(QTestState *qts)
{
    g_assert_cmphex(rd(qts, A_ID), ==, 0x51585055);
    g_assert_cmpuint(rd(qts, A_NUM_GROUPS), ==, 32);
    g_assert_cmphex(rd(qts, A_CTRL), ==, 0);
    g_assert_cmphex(rd(qts, A_ESR), ==, 0);
    g_assert_cmphex(rd(qts, A_ERR_COUNT), ==, 0);
    for (int n = 0; n < ARRAY_SIZE(board_groups); n++) {
        g_test_message("group %d", n);
        g_assert_cmphex(rd(qts, G(n, G_START_LO)), ==,
                        (uint32_t)board_groups[n].start);
        g_assert_cmphex(rd(qts, G(n, G_START_HI)), ==, 0);
        g_assert_cmphex(rd(qts, G(n, G_END_LO)), ==,
                        (uint32_t)board_groups[n].end);
        g_assert_cmphex(rd(qts, G(n, G_END_HI)), ==, 0);
        g_assert_cmphex(rd(qts, G(n, G_RPERM)), ==, board_groups[n].perm);
        g_assert_cmphex(rd(qts, G(n, G_WPERM)), ==, board_groups[n].perm);
        g_assert_cmphex(rd(qts, G(n, G_GCTRL)), ==, EN);
    }
    for (int n = ARRAY_SIZE(board_groups); n < 32; n++) {
        for (int r = 0; r < 0x20; r += 4) {
            g_assert_cmphex(rd(qts, G(n, r)), ==, 0);
        }
    }
}

/* The XPU's own reset state: group 0, all of DRAM for HLOS, alone */
static void xpu_alone(QTestState *qts)
{
    for (int n = 1; n < rd(qts, A_NUM_GROUPS); n++) {
        group_set(qts, n, 0, 0, 0, 0, 0);
    }
    group_set(qts, 0, DRAM, DRAM + DRAM_SIZE - 0x1000, HLOS, HLOS, EN);
}

static QTestState *xpu_init(const char *args)
{
    QTestState *qts = qtest_init(args);

    xpu_alone(qts);
    return qts;
}

/*
 * APPS owns DRAM after reset but for SMEM, which it shares with the
 * modem; a reset undoes any programming and shares SMEM again.
 */
static void test_reset_defaults(void)
{
    QTestState *qts = qtest_init(AS_APPS "-global qcom-xpu.action=log");

    assert_defaults(qts);
    qtest_writel(qts, DRAM + 0x1000, 0xcafef00d);
    g_assert_cmphex(qtest_readl(qts, DRAM + 0x1000), ==, 0xcafef00d);
    qtest_writel(qts, SMEM + 0x1000, 0x5eedf00d);
    g_assert_cmphex(qtest_readl(qts, SMEM + 0x1000), ==, 0x5eedf00d);
    assert_no_error(qts);

    group_set(qts, 0, DRAM, DRAM, MSS, MSS, EN);
    group_set(qts, 2, 0, 0, 0, 0, 0);       /* SMEM no longer shared */
    group_set(qts, 5, DRAM + 0x10000, DRAM + 0x20000, HLOS, 0, EN | LOCK);
    wr(qts, A_CTRL, 1);
    qtest_readl(qts, DRAM + 0x1000);        /* APPS is not in any group */
    g_assert_cmphex(rd(qts, A_ESR) & ESR_VALID, ==, ESR_VALID);
    system_reset(qts);
    assert_defaults(qts);
    qtest_writel(qts, DRAM + 0x1000, 0x600dcafe);
    g_assert_cmphex(qtest_readl(qts, DRAM + 0x1000), ==, 0x600dcafe);
    assert_no_error(qts);
    qtest_quit(qts);
}

/* What the board's sharing means for the modem: SMEM and nothing else */
static void test_board_smem_share(void)
{
    QTestState *qts = qtest_init(AS_MSS);

    qtest_writeb(qts, SMEM, 0x11);
    qtest_writeb(qts, SMEM + SMEM_SIZE - 1, 0x22);
    g_assert_cmpuint(qtest_readb(qts, SMEM), ==, 0x11);
    g_assert_cmpuint(qtest_readb(qts, SMEM + SMEM_SIZE - 1), ==, 0x22);
    assert_no_error(qts);
    qtest_readb(qts, SMEM - 1);
    assert_error(qts, SMEM - 1, KIND_READ, 0);
    qtest_writeb(qts, SMEM + SMEM_SIZE, 0x33);
    assert_error(qts, SMEM + SMEM_SIZE, KIND_WRITE, 1);

    /* undone through the registers, redone by the next reset */
    xpu_alone(qts);
    qtest_readb(qts, SMEM);
    assert_error(qts, SMEM, KIND_READ, 0);
    system_reset(qts);
    assert_defaults(qts);
    /* the layout the board wrote (SMEM version 11) */
    g_assert_cmphex(qtest_readl(qts, SMEM + 0x5c) >> 16, ==, 11);
    assert_no_error(qts);
    qtest_quit(qts);
}

/* Read and write permissions are separate, per VMID. */
static void test_permit_deny(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    uint64_t a = 0x90000000;

    /* The modem is denied anything at reset (group 0: HLOS only). */
    g_assert_cmphex(qtest_readl(qts, a), ==, 0);
    assert_error(qts, a, KIND_READ, 0);

    group_set(qts, 0, DRAM, a - 0x1000, HLOS, HLOS, EN);
    group_set(qts, 1, a, a, MSS | HLOS, MSS | HLOS, EN);
    qtest_writel(qts, a, 0x11223344);
    g_assert_cmphex(qtest_readl(qts, a), ==, 0x11223344);
    assert_no_error(qts);

    /* read-only for the modem: the write is dropped */
    wr(qts, G(1, G_WPERM), HLOS);
    qtest_writel(qts, a + 8, 0x55);
    assert_error(qts, a + 8, KIND_WRITE, 1);
    g_assert_cmphex(qtest_readl(qts, a + 8), ==, 0);
    g_assert_cmphex(qtest_readl(qts, a), ==, 0x11223344);
    assert_no_error(qts);

    /* write-only for the modem: reads give 0 */
    wr(qts, G(1, G_RPERM), HLOS);
    wr(qts, G(1, G_WPERM), MSS);
    g_assert_cmphex(qtest_readl(qts, a), ==, 0);
    assert_error(qts, a, KIND_READ, 1);
    qtest_writel(qts, a, 0x66);
    assert_no_error(qts);
    wr(qts, G(1, G_RPERM), MSS);
    g_assert_cmphex(qtest_readl(qts, a), ==, 0x66);

    /* another VMID's bit does not help */
    wr(qts, G(1, G_RPERM), HLOS | (1u << 14) | (1u << 16));
    g_assert_cmphex(qtest_readl(qts, a), ==, 0);
    assert_error(qts, a, KIND_READ, 1);
    g_assert_cmpuint(rd(qts, A_ERR_COUNT), ==, 4);
    qtest_quit(qts);
}

/* First and last byte, adjacent groups, overlaps: most restrictive wins. */
static void test_group_edges(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    uint64_t a = 0x90000000;

    group_set(qts, 0, DRAM, a - 0x1000, HLOS, HLOS, EN);
    group_set(qts, 1, a, a + 0x1000, MSS, MSS, EN);   /* two pages */

    qtest_writeb(qts, a, 1);
    qtest_writeb(qts, a + 0x1fff, 2);
    g_assert_cmpuint(qtest_readb(qts, a), ==, 1);
    g_assert_cmpuint(qtest_readb(qts, a + 0x1fff), ==, 2);
    assert_no_error(qts);
    qtest_readb(qts, a + 0x2000);                     /* in no group */
    assert_error(qts, a + 0x2000, KIND_READ, -1);
    qtest_readb(qts, a - 1);                          /* group 0: HLOS */
    assert_error(qts, a - 1, KIND_READ, 0);

    /* an adjacent group */
    group_set(qts, 2, a + 0x2000, a + 0x2000, MSS, MSS, EN);
    qtest_writeb(qts, a + 0x2000, 3);
    qtest_writeb(qts, a + 0x2fff, 4);
    g_assert_cmpuint(qtest_readb(qts, a + 0x2fff), ==, 4);
    assert_no_error(qts);
    qtest_readb(qts, a + 0x3000);
    assert_error(qts, a + 0x3000, KIND_READ, -1);

    /* an overlapping read-only group takes write access away */
    group_set(qts, 3, a + 0x1000, a + 0x2000, MSS, 0, EN);
    qtest_writeb(qts, a + 0xfff, 5);                  /* group 1 only */
    assert_no_error(qts);
    qtest_writeb(qts, a + 0x1000, 6);                 /* groups 1 and 3 */
    assert_error(qts, a + 0x1000, KIND_WRITE, 3);
    qtest_writeb(qts, a + 0x2fff, 7);                 /* groups 2 and 3 */
    assert_error(qts, a + 0x2fff, KIND_WRITE, 3);
    g_assert_cmpuint(qtest_readb(qts, a + 0x2fff), ==, 4);
    assert_no_error(qts);
    /* ... and a wider group cannot give access back */
    group_set(qts, 4, a, a + 0x3000, MSS, MSS, EN);
    qtest_writeb(qts, a + 0x1000, 6);
    assert_error(qts, a + 0x1000, KIND_WRITE, 3);
    /* disabling the restrictive group restores it */
    wr(qts, G(3, G_GCTRL), 0);
    qtest_writeb(qts, a + 0x1000, 6);
    g_assert_cmpuint(qtest_readb(qts, a + 0x1000), ==, 6);
    assert_no_error(qts);
    qtest_quit(qts);
}

static void test_lock(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    uint64_t a = 0x90000000;

    group_set(qts, 0, DRAM, a - 0x1000, HLOS, HLOS, EN);
    group_set(qts, 1, a, a, MSS, 0, EN | LOCK);
    wr(qts, G(1, G_WPERM), MSS);
    wr(qts, G(1, G_END_LO), a + 0x1000);
    wr(qts, G(1, G_GCTRL), 0);
    g_assert_cmphex(rd(qts, G(1, G_WPERM)), ==, 0);
    g_assert_cmphex(rd(qts, G(1, G_END_LO)), ==, (uint32_t)a);
    g_assert_cmphex(rd(qts, G(1, G_GCTRL)), ==, EN | LOCK);
    qtest_writel(qts, a, 1);
    assert_error(qts, a, KIND_WRITE, 1);
    /* other groups are not affected by the lock */
    group_set(qts, 2, a + 0x1000, a + 0x1000, MSS, MSS, EN);
    qtest_writel(qts, a + 0x1000, 1);
    assert_no_error(qts);
    /* a reset unlocks: the board's group 1 takes writes again */
    system_reset(qts);
    assert_defaults(qts);
    wr(qts, G(1, G_WPERM), MSS | HLOS);
    g_assert_cmphex(rd(qts, G(1, G_WPERM)), ==, MSS | HLOS);
    qtest_quit(qts);
}

/* First error captured, later ones only counted; W1C; the IRQ line. */
static void test_capture_and_irq(void)
{
    QTestState *qts = xpu_init(AS_MSS);

    qtest_irq_intercept_out_named(qts, XPU_PATH, "sysbus-irq");
    g_assert_false(qtest_get_irq(qts, 0));

    qtest_readl(qts, DRAM + 0x4000);
    g_assert_false(qtest_get_irq(qts, 0));          /* IRQ not enabled */
    wr(qts, A_CTRL, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    wr(qts, A_CTRL, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    wr(qts, A_CTRL, 1);
    g_assert_true(qtest_get_irq(qts, 0));

    qtest_writel(qts, DRAM + 0x8000, 1);             /* second error */
    g_assert_cmphex(rd(qts, A_ESR), ==, ESR_VALID | ESR_OVERFLOW |
                    KIND_READ << 4 | MASTER_MSS << 8);
    g_assert_cmphex(ear(qts), ==, DRAM + 0x4000);
    g_assert_cmpuint(rd(qts, A_ERR_COUNT), ==, 2);

    wr(qts, A_ESR_CLEAR, ESR_OVERFLOW);
    g_assert_cmphex(rd(qts, A_ESR), ==, ESR_VALID | MASTER_MSS << 8);
    g_assert_true(qtest_get_irq(qts, 0));
    wr(qts, A_ESR_CLEAR, ESR_VALID);
    g_assert_cmphex(rd(qts, A_ESR), ==, 0);
    g_assert_cmphex(ear(qts), ==, 0);
    g_assert_false(qtest_get_irq(qts, 0));

    /* the next error is captured afresh */
    qtest_writel(qts, DRAM + 0xc000, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    assert_error(qts, DRAM + 0xc000, KIND_WRITE, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    g_assert_cmpuint(rd(qts, A_ERR_COUNT), ==, 3);
    qtest_quit(qts);
}

static void test_qmp_event(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    QDict *ev, *data;

    qtest_writel(qts, DRAM + 0x12340, 1);
    ev = qtest_qmp_eventwait_ref(qts, "XPU_VIOLATION");
    data = qdict_get_qdict(ev, "data");
    g_assert_cmpstr(qdict_get_str(data, "xpu"), ==, XPU_PATH);
    g_assert_cmphex(qdict_get_int(data, "address"), ==, DRAM + 0x12340);
    g_assert_cmpstr(qdict_get_str(data, "master"), ==, "mss");
    g_assert_cmpint(qdict_get_int(data, "vmid"), ==, 15);
    g_assert_cmpstr(qdict_get_str(data, "kind"), ==, "write");
    g_assert_cmpint(qdict_get_int(data, "group"), ==, 0);
    g_assert_cmpstr(qdict_get_str(data, "action"), ==, "log");
    qobject_unref(ev);

    wr(qts, G(0, G_GCTRL), 0);
    qtest_readb(qts, DRAM);
    ev = qtest_qmp_eventwait_ref(qts, "XPU_VIOLATION");
    data = qdict_get_qdict(ev, "data");
    g_assert_cmpstr(qdict_get_str(data, "kind"), ==, "read");
    g_assert_cmpint(qdict_get_int(data, "group"), ==, -1);
    qobject_unref(ev);
    qtest_quit(qts);
}

/* Non-secure writes to the registers are ignored; reads work. */
static void test_nonsecure_rejected(void)
{
    QTestState *qts = qtest_init(AS_APPS
                                 "-global qcom-xpu.unspecified-secure=off");

    g_assert_cmphex(rd(qts, A_ID), ==, 0x51585055);
    wr(qts, A_CTRL, 1);
    wr(qts, G(0, G_GCTRL), 0);
    wr(qts, G(2, G_RPERM), HLOS);
    wr(qts, G(3, G_RPERM), MSS);
    g_assert_cmphex(rd(qts, A_CTRL), ==, 0);
    g_assert_cmphex(rd(qts, G(0, G_GCTRL)), ==, EN);
    g_assert_cmphex(rd(qts, G(2, G_RPERM)), ==, HLOS | MSS);
    g_assert_cmphex(rd(qts, G(3, G_RPERM)), ==, 0);
    qtest_writel(qts, DRAM, 0x5a5a5a5a);             /* APPS still fine */
    g_assert_cmphex(qtest_readl(qts, DRAM), ==, 0x5a5a5a5a);
    qtest_quit(qts);
}

/* Bad programming is logged and has the documented result. */
static void test_bad_programming(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    uint64_t a = 0x90000000;

    /* start after end: the enable is refused */
    group_set(qts, 1, a + 0x1000, a, MSS, MSS, EN);
    g_assert_cmphex(rd(qts, G(1, G_GCTRL)), ==, 0);
    /* moving the end of an enabled group before its start is refused */
    group_set(qts, 1, a, a + 0x1000, MSS, MSS, EN);
    wr(qts, G(1, G_END_LO), a - 0x1000);
    g_assert_cmphex(rd(qts, G(1, G_END_LO)), ==, (uint32_t)a + 0x1000);
    /* unaligned addresses are truncated to 4 KiB */
    wr(qts, G(2, G_START_LO), a + 0x123);
    wr(qts, G(2, G_END_LO), a + 0x1fff);
    g_assert_cmphex(rd(qts, G(2, G_START_LO)), ==, (uint32_t)a);
    g_assert_cmphex(rd(qts, G(2, G_END_LO)), ==, (uint32_t)a + 0x1000);
    /* a group beyond num-groups reads 0, writes are ignored */
    wr(qts, G(40, G_RPERM), MSS);
    g_assert_cmphex(rd(qts, G(40, G_RPERM)), ==, 0);
    wr(qts, G(255, G_GCTRL), EN);
    g_assert_cmphex(rd(qts, G(255, G_GCTRL)), ==, 0);
    /* read-only registers ignore writes */
    wr(qts, A_ESR, 0xffffffff);
    wr(qts, A_NUM_GROUPS, 7);
    g_assert_cmphex(rd(qts, A_ESR), ==, 0);
    g_assert_cmpuint(rd(qts, A_NUM_GROUPS), ==, 32);
    /* an end beyond DRAM is harmless */
    group_set(qts, 3, 0xfffff000, 0x13ffff000ULL, MSS, MSS, EN);
    g_assert_cmphex(rd(qts, G(3, G_GCTRL)), ==, EN);
    qtest_readl(qts, 0xfffffffc);
    assert_error(qts, 0xfffffffc, KIND_READ, 0);
    qtest_quit(qts);
}

static void test_action_log(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    QDict *rsp;

    qtest_writel(qts, DRAM + 0x2000, 0xdeadbeef);    /* dropped */
    g_assert_cmphex(qtest_readl(qts, DRAM + 0x2000), ==, 0);
    rsp = qtest_qmp(qts, "{'execute': 'query-status'}");
    g_assert_true(qdict_get_bool(qdict_get_qdict(rsp, "return"), "running"));
    qobject_unref(rsp);
    /* what was dropped really never reached DRAM */
    group_set(qts, 1, DRAM + 0x2000, DRAM + 0x2000, MSS, MSS, EN);
    wr(qts, G(0, G_GCTRL), 0);
    g_assert_cmphex(qtest_readl(qts, DRAM + 0x2000), ==, 0);
    qtest_quit(qts);
}

static void test_action_stop(void)
{
    QTestState *qts = xpu_init(XPU_MACHINE
                               "-global qcom-xpu.unspecified-master=mss "
                               "-global qcom-xpu.action=stop");
    QDict *rsp;

    qtest_readl(qts, DRAM + 0x3000);
    qtest_qmp_eventwait(qts, "STOP");
    rsp = qtest_qmp(qts, "{'execute': 'query-status'}");
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(rsp, "return"), "status"),
                    ==, "paused");
    qobject_unref(rsp);
    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    rsp = qtest_qmp(qts, "{'execute': 'query-status'}");
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(rsp, "return"), "status"),
                    ==, "running");
    qobject_unref(rsp);
    qtest_quit(qts);
}

/* As hardware: the report on stderr, then QEMU exits with status 1. */
static void test_action_crash(void)
{
    g_autofree char *path = NULL;
    g_autofree char *args = NULL;
    g_autofree char *log = NULL;
    g_autoptr(GError) err = NULL;
    QTestState *qts;
    QDict *ev;
    int fd = g_file_open_tmp("qcom-xpu-crash-XXXXXX.log", &path, &err);

    g_assert_no_error(err);
    close(fd);
    args = g_strdup_printf(XPU_MACHINE
                           "-global qcom-xpu.unspecified-master=mss "
                           "2>%s", path);
    qts = xpu_init(args);
    qtest_set_expected_status(qts, 1);
    qtest_writeq(qts, DRAM + 0x7000, 1);
    ev = qtest_qmp_eventwait_ref(qts, "SHUTDOWN");
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(ev, "data"), "reason"),
                    ==, "guest-panic");
    qobject_unref(ev);
    qtest_quit(qts);

    g_assert_true(g_file_get_contents(path, &log, NULL, &err));
    unlink(path);
    g_assert_nonnull(strstr(log, "qcom-xpu: XPU VIOLATION at " XPU_PATH));
    g_assert_nonnull(strstr(log, "address  0x0000000080007000"));
    g_assert_nonnull(strstr(log, "master   mss (VMID 15 MSS_MSA)"));
    g_assert_nonnull(strstr(log, "access   write"));
    g_assert_nonnull(strstr(log, "group    0 [0x80000000-0xffffffff]"));
    g_assert_nonnull(strstr(log, "QEMU exits with status 1"));
}

/* ---- query-xpu ----------------------------------------------------- */

/* The machine's one XPU, as query-xpu gives it */
static QDict *query_xpu(QTestState *qts)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'query-xpu'}");
    QList *xpus = qdict_get_qlist(rsp, "return");
    QDict *xpu;

    g_assert_nonnull(xpus);
    g_assert_cmpint(qlist_size(xpus), ==, 1);
    xpu = qobject_to(QDict, qlist_peek(xpus));
    qobject_ref(xpu);
    qobject_unref(rsp);
    g_assert_cmpstr(qdict_get_str(xpu, "path"), ==, XPU_PATH);
    return xpu;
}

/* The groups whose registers are not all zero, by the registers */
static int groups_in_use(QTestState *qts)
{
    int n = 0;

    for (int g = 0; g < rd(qts, A_NUM_GROUPS); g++) {
        for (int r = 0; r < 0x20; r += 4) {
            if (rd(qts, G(g, r))) {
                n++;
                break;
            }
        }
    }
    return n;
}

static QDict *find_group(QDict *xpu, uint64_t start)
{
    const QListEntry *e;

    QLIST_FOREACH_ENTRY(qdict_get_qlist(xpu, "groups"), e) {
        QDict *g = qobject_to(QDict, qlist_entry_obj(e));

        if (qdict_get_int(g, "start") == start) {
            return g;
        }
    }
    g_assert_not_reached();
}

/* A group's VMIDs as "3:HLOS 20:-" (no name), to compare */
static char *vmids(QDict *group, const char *key)
{
    GString *s = g_string_new("");
    const QListEntry *e;

    QLIST_FOREACH_ENTRY(qdict_get_qlist(group, key), e) {
        QDict *v = qobject_to(QDict, qlist_entry_obj(e));

        g_string_append_printf(s, "%s%" PRId64 ":%s", s->len ? " " : "",
                               qdict_get_int(v, "vmid"),
                               qdict_haskey(v, "name") ?
                               qdict_get_str(v, "name") : "-");
    }
    return g_string_free(s, false);
}

static void assert_group(QDict *xpu, uint64_t start, uint64_t end,
                         bool locked, const char *read, const char *write)
{
    QDict *g = find_group(xpu, start);
    g_autofree char *r = vmids(g, "read");
    g_autofree char *w = vmids(g, "write");

    g_test_message("group at 0x%" PRIx64, start);
    g_assert_cmphex(qdict_get_int(g, "end"), ==, end);
    g_assert_true(qdict_get_bool(g, "enabled"));
    g_assert_cmpint(qdict_get_bool(g, "locked"), ==, locked);
    g_assert_cmpstr(r, ==, read);
    g_assert_cmpstr(w, ==, write);
}

/* A violation of the modem, as query-xpu lists it */
static void assert_violation(QDict *v, uint64_t addr, const char *access,
                             int64_t group)
{
    g_test_message("violation at 0x%" PRIx64, addr);
    g_assert_cmphex(qdict_get_int(v, "address"), ==, addr);
    g_assert_cmpstr(qdict_get_str(v, "master"), ==, "mss");
    g_assert_cmpint(qdict_get_int(v, "vmid"), ==, 15);
    g_assert_cmpstr(qdict_get_str(v, "access"), ==, access);
    g_assert_cmpint(qdict_get_int(v, "group"), ==, group);
}

/*
 * After an assign, a locked group and two violations, query-xpu gives
 * the groups with their VMIDs, the captured error and the violations.
 */
static void test_query(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    g_autofree char *out = NULL;
    uint64_t a = 0x90000000;
    QDict *xpu, *captured, *v;
    QList *recent;
    int64_t tail;

    out = qtest_hmp(qts, "xpu-assign 0x%" PRIx64 " 0x2000 0x%x 0x%x", a,
                    MSS, MSS);
    g_assert_cmpstr(out, ==, "");
    /* HLOS and a VMID the model has no name for may read, nobody write */
    group_set(qts, 31, a + 0x10000, a + 0x10000, HLOS | 1u << 20, 0,
              EN | LOCK);
    wr(qts, A_CTRL, 1);
    qtest_readl(qts, a - 4);
    qtest_writel(qts, a + 0x10000, 1);

    xpu = query_xpu(qts);
    g_assert_cmphex(qdict_get_int(xpu, "base"), ==, DRAM);
    g_assert_cmphex(qdict_get_int(xpu, "size"), ==, DRAM_SIZE);
    g_assert_cmpint(qdict_get_int(xpu, "num-groups"), ==, 32);
    g_assert_cmpstr(qdict_get_str(xpu, "action"), ==, "log");
    g_assert_cmpstr(qdict_get_str(xpu, "unspecified-master"), ==, "mss");
    g_assert_true(qdict_get_bool(xpu, "irq-enabled"));

    g_assert_cmpint(qlist_size(qdict_get_qlist(xpu, "groups")), ==,
                    groups_in_use(qts));
    assert_group(xpu, DRAM, a - 1, false, "3:HLOS", "3:HLOS");
    assert_group(xpu, a, a + 0x1fff, false, "15:MSS_MSA", "15:MSS_MSA");
    assert_group(xpu, a + 0x2000, DRAM + DRAM_SIZE - 1, false, "3:HLOS",
                 "3:HLOS");
    assert_group(xpu, a + 0x10000, a + 0x10fff, true, "3:HLOS 20:-", "");
    g_assert_cmpint(qdict_get_int(find_group(xpu, a + 0x10000), "index"),
                    ==, 31);
    g_assert_cmphex(rd(qts, G(qdict_get_int(find_group(xpu, a), "index"),
                              G_START_LO)), ==, (uint32_t)a);
    /* the first group that denies, by index: the tail's, before 31 */
    tail = qdict_get_int(find_group(xpu, a + 0x2000), "index");
    g_assert_cmpint(tail, <, 31);

    captured = qdict_get_qdict(xpu, "captured");
    assert_violation(qdict_get_qdict(captured, "violation"), a - 4, "read",
                     qdict_get_int(find_group(xpu, DRAM), "index"));
    g_assert_true(qdict_get_bool(captured, "overflow"));
    g_assert_cmpint(qdict_get_int(xpu, "violations"), ==, 2);
    recent = qdict_get_qlist(xpu, "recent");
    g_assert_cmpint(qlist_size(recent), ==, 2);
    v = qobject_to(QDict, qlist_pop(recent));
    assert_violation(v, a - 4, "read",
                     qdict_get_int(find_group(xpu, DRAM), "index"));
    qobject_unref(v);
    assert_violation(qobject_to(QDict, qlist_peek(recent)), a + 0x10000,
                     "write", tail);
    qobject_unref(xpu);
    qtest_quit(qts);
}

/*
 * The last 8 violations, the oldest first; the captured error goes with
 * ESR_CLEAR, the count with a reset.
 */
static void test_query_recent(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    QDict *xpu, *captured;
    QList *recent;
    int i = 2;

    for (int n = 0; n < 10; n++) {
        qtest_readb(qts, DRAM + n * 0x1000);
    }
    xpu = query_xpu(qts);
    g_assert_cmpint(qdict_get_int(xpu, "violations"), ==, 10);
    captured = qdict_get_qdict(xpu, "captured");
    assert_violation(qdict_get_qdict(captured, "violation"), DRAM, "read", 0);
    g_assert_true(qdict_get_bool(captured, "overflow"));
    recent = qdict_get_qlist(xpu, "recent");
    g_assert_cmpint(qlist_size(recent), ==, 8);
    while (!qlist_empty(recent)) {
        QDict *v = qobject_to(QDict, qlist_pop(recent));

        assert_violation(v, DRAM + i++ * 0x1000, "read", 0);
        qobject_unref(v);
    }
    qobject_unref(xpu);

    clear_error(qts);
    xpu = query_xpu(qts);
    g_assert_false(qdict_haskey(xpu, "captured"));
    g_assert_cmpint(qdict_get_int(xpu, "violations"), ==, 10);
    qobject_unref(xpu);

    system_reset(qts);
    xpu = query_xpu(qts);
    g_assert_cmpint(qdict_get_int(xpu, "violations"), ==, 0);
    g_assert_true(qlist_empty(qdict_get_qlist(xpu, "recent")));
    qobject_unref(xpu);
    qtest_quit(qts);
}

/* A machine without an XPU: an empty list, and "info xpu" says so */
static void test_query_no_xpu(void)
{
    QTestState *qts = qtest_init("-M none");
    g_autofree char *out = NULL;
    QDict *rsp = qtest_qmp(qts, "{'execute': 'query-xpu'}");

    g_assert_true(qlist_empty(qdict_get_qlist(rsp, "return")));
    qobject_unref(rsp);
    out = qtest_hmp(qts, "info xpu");
    g_assert_nonnull(strstr(out, "no XPU"));
    qtest_quit(qts);
}

/*
 * By default an access with unspecified attributes (qtest's, the
 * monitor's xp) is a debug access: it passes unchecked and unreported,
 * even into a locked range nobody but the modem may reach, action crash.
 */
static void test_unspecified_debug(void)
{
    QTestState *qts = xpu_init(XPU_MACHINE);
    g_autofree char *xp = NULL;
    g_autofree char *info = NULL;
    uint64_t a = 0x90000000;
    QDict *xpu;

    group_set(qts, 0, DRAM, DRAM + DRAM_SIZE - 0x1000, MSS, MSS, EN | LOCK);
    qtest_writel(qts, a, 0x600d);
    g_assert_cmphex(qtest_readl(qts, a), ==, 0x600d);
    xp = qtest_hmp(qts, "xp /1wx 0x%" PRIx64, a);
    g_assert_nonnull(strstr(xp, ": 0x0000600d"));
    assert_no_error(qts);
    g_assert_cmpuint(rd(qts, A_ERR_COUNT), ==, 0);
    info = qtest_hmp(qts, "info xpu");
    g_assert_nonnull(strstr(info, "unspecified master debug"));
    g_assert_nonnull(strstr(info, "violations since reset: 0"));
    xpu = query_xpu(qts);
    g_assert_false(qdict_haskey(xpu, "unspecified-master"));
    g_assert_cmpint(qdict_get_int(xpu, "violations"), ==, 0);
    qobject_unref(xpu);
    qtest_quit(qts);
}

/* The hypervisor-style assign of the monitor splits groups. */
static void test_hmp_assign(void)
{
    QTestState *qts = xpu_init(AS_MSS);
    g_autofree char *out = NULL;
    uint64_t a = 0x90000000;

    out = qtest_hmp(qts, "xpu-assign 0x%" PRIx64 " 0x2000 0x8000 0x8000", a);
    g_assert_cmpstr(out, ==, "");
    qtest_writel(qts, a, 7);
    qtest_writel(qts, a + 0x1ffc, 8);
    g_assert_cmphex(qtest_readl(qts, a + 0x1ffc), ==, 8);
    assert_no_error(qts);
    qtest_readl(qts, a + 0x2000);
    assert_error(qts, a + 0x2000, KIND_READ, 1);     /* the split-off tail */
    g_free(out);
    out = qtest_hmp(qts, "info xpu");
    g_assert_nonnull(strstr(out, "[0x0080000000-0x008fffffff] enabled "
                            "read {HLOS(3)}"));
    g_assert_nonnull(strstr(out, "[0x0090000000-0x0090001fff] enabled "
                            "read {MSS_MSA(15)} write {MSS_MSA(15)}"));
    g_assert_nonnull(strstr(out, "violations since reset: 1"));
    g_free(out);
    out = qtest_hmp(qts, "xpu-assign 0x90000100 0x1000 0 0");
    g_assert_nonnull(strstr(out, "not 4 KiB aligned"));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-xpu/reset-defaults", test_reset_defaults);
    qtest_add_func("/qcom-xpu/board-smem-share", test_board_smem_share);
    qtest_add_func("/qcom-xpu/permit-deny", test_permit_deny);
    qtest_add_func("/qcom-xpu/group-edges", test_group_edges);
    qtest_add_func("/qcom-xpu/lock", test_lock);
    qtest_add_func("/qcom-xpu/capture-and-irq", test_capture_and_irq);
    qtest_add_func("/qcom-xpu/qmp-event", test_qmp_event);
    qtest_add_func("/qcom-xpu/nonsecure-rejected", test_nonsecure_rejected);
    qtest_add_func("/qcom-xpu/bad-programming", test_bad_programming);
    qtest_add_func("/qcom-xpu/action/log", test_action_log);
    qtest_add_func("/qcom-xpu/action/stop", test_action_stop);
    qtest_add_func("/qcom-xpu/action/crash", test_action_crash);
    qtest_add_func("/qcom-xpu/hmp-assign", test_hmp_assign);
    qtest_add_func("/qcom-xpu/unspecified-debug", test_unspecified_debug);
    qtest_add_func("/qcom-xpu/query", test_query);
    qtest_add_func("/qcom-xpu/query-recent", test_query_recent);
    qtest_add_func("/qcom-xpu/query-no-xpu", test_query_no_xpu);
    return g_test_run();
}
