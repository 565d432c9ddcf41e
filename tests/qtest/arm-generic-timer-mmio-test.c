/*
 * QTest for the memory-mapped Arm generic timer on db845c (the
 * "arm,armv7-timer-mem" block of sdm845.dtsi): CNTCTLBase's identity
 * and CNTACR0 access control, frame 0's counts at the SoC's 19.2 MHz on
 * QEMU's virtual clock, its physical timer (CVAL, TVAL, CTL's ENABLE,
 * IMASK and ISTATUS, GIC SPI 7) and its virtual timer (CNTVOFF0, GIC
 * SPI 6), and reset.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "db845c-gic.h"

#define MACHINE         "-M db845c -smp 1"
#define CTLBASE         0x17c90000ULL
#define FRAME0          0x17ca0000ULL
#define SPI_PHYS        7
#define SPI_VIRT        6
#define CNTFRQ_HZ       19200000
/* QEMU's counter period: whole nanoseconds, 1e9 / 19.2e6 rounded down */
#define PERIOD_NS       (1000000000 / CNTFRQ_HZ)
#define MS              (1000 * 1000)

/* CNTCTLBase */
#define CNTFRQ          0x000
#define CNTNSAR         0x004
#define CNTTIDR         0x008
#define CNTACR0         0x040
#define CNTVOFF0        0x080
#define RPCT            (1u << 0)
#define RVCT            (1u << 1)
#define RFRQ            (1u << 2)
#define RVOFF           (1u << 3)
#define RWVT            (1u << 4)
#define RWPT            (1u << 5)
#define ACR_ALL         0x3f

/* CNTBase0 */
#define CNTPCT          0x000
#define CNTVCT          0x008
#define FRAME_CNTFRQ    0x010
#define CNTEL0ACR       0x014
#define FRAME_CNTVOFF   0x018
#define CNTP_CVAL       0x020
#define CNTP_TVAL       0x028
#define CNTP_CTL        0x02c
#define CNTV_CVAL       0x030
#define CNTV_TVAL       0x038
#define CNTV_CTL        0x03c
#define CTL_ENABLE      (1u << 0)
#define CTL_IMASK       (1u << 1)
#define CTL_ISTATUS     (1u << 2)

static uint32_t ctl_rd(QTestState *qts, uint32_t off)
{
    return qtest_readl(qts, CTLBASE + off);
}

static void ctl_wr(QTestState *qts, uint32_t off, uint32_t v)
{
    qtest_writel(qts, CTLBASE + off, v);
}

static uint32_t rd(QTestState *qts, uint32_t off)
{
    return qtest_readl(qts, FRAME0 + off);
}

static void wr(QTestState *qts, uint32_t off, uint32_t v)
{
    qtest_writel(qts, FRAME0 + off, v);
}

/* A 64-bit register as two 32-bit halves, as arm_arch_timer.c reads it */
static uint64_t rd64(QTestState *qts, uint32_t off)
{
    uint32_t hi = rd(qts, off + 4);

    return (uint64_t)hi << 32 | rd(qts, off);
}

static void wr64(QTestState *qts, uint32_t off, uint64_t v)
{
    wr(qts, off, v);
    wr(qts, off + 4, v >> 32);
}

static QTestState *timer_init(void)
{
    QTestState *qts = qtest_init(MACHINE);

    ctl_wr(qts, CNTACR0, ACR_ALL);
    return qts;
}

static void test_ctlbase(void)
{
    QTestState *qts = qtest_init(MACHINE);

    g_assert_cmphex(ctl_rd(qts, CNTTIDR), ==, 0x3);    /* frame 0, virt */
    g_assert_cmpuint(ctl_rd(qts, CNTFRQ), ==, CNTFRQ_HZ);
    g_assert_cmphex(ctl_rd(qts, CNTNSAR), ==, 0);
    g_assert_cmphex(ctl_rd(qts, CNTACR0), ==, 0);
    /* CNTACR0 keeps its six bits */
    ctl_wr(qts, CNTACR0, 0xffffffff);
    g_assert_cmphex(ctl_rd(qts, CNTACR0), ==, ACR_ALL);
    ctl_wr(qts, CNTACR0, RFRQ | 0xc0);
    g_assert_cmphex(ctl_rd(qts, CNTACR0), ==, RFRQ);
    /* the read-only registers stay */
    ctl_wr(qts, CNTFRQ, 1000);
    ctl_wr(qts, CNTTIDR, 0);
    g_assert_cmpuint(ctl_rd(qts, CNTFRQ), ==, CNTFRQ_HZ);
    g_assert_cmphex(ctl_rd(qts, CNTTIDR), ==, 0x3);
    /* CNTVOFF0 in 32-bit halves, or at once */
    ctl_wr(qts, CNTVOFF0, 0x89abcdef);
    ctl_wr(qts, CNTVOFF0 + 4, 0x01234567);
    g_assert_cmphex(ctl_rd(qts, CNTVOFF0), ==, 0x89abcdef);
    g_assert_cmphex(ctl_rd(qts, CNTVOFF0 + 4), ==, 0x01234567);
    qtest_writeq(qts, CTLBASE + CNTVOFF0, 0x1122334455667788ULL);
    g_assert_cmphex(qtest_readq(qts, CTLBASE + CNTVOFF0), ==,
                    0x1122334455667788ULL);
    qtest_quit(qts);
}

/* What frame 0 shows, by the bits of CNTACR0 */
static void test_access_control(void)
{
    static const struct {
        uint32_t bit;
        uint32_t off;
        const char *what;
    } t[] = {
        { RPCT, CNTPCT, "CNTPCT" },
        { RVCT, CNTVCT, "CNTVCT" },
        { RFRQ, FRAME_CNTFRQ, "CNTFRQ" },
        { RVOFF, FRAME_CNTVOFF, "CNTVOFF" },
        { RWPT, CNTP_CVAL, "CNTP_CVAL" },
        { RWPT, CNTP_TVAL, "CNTP_TVAL" },
        { RWVT, CNTV_CVAL, "CNTV_CVAL" },
        { RWVT, CNTV_TVAL, "CNTV_TVAL" },
    };
    QTestState *qts = qtest_init(MACHINE);

    /* the counts are non-zero once time has passed; the offset is set */
    qtest_clock_step(qts, MS);
    ctl_wr(qts, CNTVOFF0, 5);
    ctl_wr(qts, CNTACR0, ACR_ALL);
    wr64(qts, CNTP_CVAL, 0x100001234ULL);
    wr64(qts, CNTV_CVAL, 0x100001234ULL);
    for (int i = 0; i < ARRAY_SIZE(t); i++) {
        g_test_message("%s", t[i].what);
        ctl_wr(qts, CNTACR0, ACR_ALL);
        g_assert_cmphex(rd(qts, t[i].off), !=, 0);
        ctl_wr(qts, CNTACR0, ACR_ALL & ~t[i].bit);
        g_assert_cmphex(rd(qts, t[i].off), ==, 0);
        g_assert_cmphex(rd(qts, t[i].off + 4), ==, 0);
    }
    ctl_wr(qts, CNTACR0, RFRQ);
    g_assert_cmpuint(rd(qts, FRAME_CNTFRQ), ==, CNTFRQ_HZ);
    ctl_wr(qts, CNTACR0, 0);
    g_assert_cmpuint(rd(qts, FRAME_CNTFRQ), ==, 0);

    /* writes without the timer's bit are ignored */
    ctl_wr(qts, CNTACR0, ACR_ALL & ~RWPT);
    wr(qts, CNTP_CTL, CTL_ENABLE);
    wr64(qts, CNTP_CVAL, 7);
    ctl_wr(qts, CNTACR0, ACR_ALL);
    g_assert_cmphex(rd(qts, CNTP_CTL), ==, 0);
    g_assert_cmphex(rd64(qts, CNTP_CVAL), ==, 0x100001234ULL);
    ctl_wr(qts, CNTACR0, ACR_ALL & ~RWVT);
    wr(qts, CNTV_CTL, CTL_ENABLE);
    ctl_wr(qts, CNTACR0, ACR_ALL);
    g_assert_cmphex(rd(qts, CNTV_CTL), ==, 0);
    /* CNTEL0ACR is always there, its defined bits only */
    wr(qts, CNTEL0ACR, 0xffffffff);
    g_assert_cmphex(rd(qts, CNTEL0ACR), ==, 0x303);
    qtest_quit(qts);
}

/* The count: the SoC's 19.2 MHz in QEMU's whole-nanosecond periods */
static void test_count(void)
{
    QTestState *qts = timer_init();
    uint64_t c0, c1;
    int64_t now = 0;

    g_assert_cmpuint(PERIOD_NS, ==, 52);
    c0 = rd64(qts, CNTPCT);
    for (int i = 0; i < 10; i++) {
        now = qtest_clock_step(qts, MS);
        c1 = rd64(qts, CNTPCT);
        /* 1 ms / 52 ns = 19230.8: within rounding of 19200 per ms */
        g_assert_cmpuint(c1 - c0, >=, MS / PERIOD_NS);
        g_assert_cmpuint(c1 - c0, <=, MS / PERIOD_NS + 1);
        g_assert_cmpuint(c1 - c0, >=, CNTFRQ_HZ / 1000);
        c0 = c1;
    }
    /* the whole count follows the virtual clock */
    c1 = rd64(qts, CNTPCT);
    g_assert_cmpuint(c1, ==, now / PERIOD_NS);
    /* 64-bit reads see the same */
    g_assert_cmpuint(qtest_readq(qts, FRAME0 + CNTPCT), ==, c1);
    /* no time passes: no count */
    g_assert_cmpuint(rd64(qts, CNTPCT), ==, c1);
    /* the virtual count is the physical one less CNTVOFF0 */
    g_assert_cmpuint(rd64(qts, CNTVCT), ==, c1);
    ctl_wr(qts, CNTVOFF0, 1000);
    g_assert_cmpuint(rd64(qts, FRAME_CNTVOFF), ==, 1000);
    g_assert_cmpuint(rd64(qts, CNTVCT), ==, c1 - 1000);
    qtest_clock_step(qts, MS);
    g_assert_cmpuint(rd64(qts, CNTPCT) - rd64(qts, CNTVCT), ==, 1000);
    qtest_quit(qts);
}

/* A timer: CVAL, TVAL, ISTATUS, IMASK, its interrupt */
static void timer_fires(QTestState *qts, uint32_t base, unsigned spi)
{
    uint32_t cval_off = base, tval_off = base + 8, ctl_off = base + 0xc;
    uint64_t now = rd64(qts, base == CNTP_CVAL ? CNTPCT : CNTVCT);
    uint64_t n = 19200;

    wr64(qts, cval_off, now + n);
    g_assert_cmphex(rd64(qts, cval_off), ==, now + n);
    /* TVAL: the signed count still to go */
    g_assert_cmpint((int32_t)rd(qts, tval_off), ==, n);
    g_assert_cmphex(rd(qts, ctl_off), ==, 0);
    wr(qts, ctl_off, CTL_ENABLE);
    g_assert_cmphex(rd(qts, ctl_off), ==, CTL_ENABLE);
    g_assert_false(gic_spi_pending(qts, spi));

    /* just before, and at the count */
    qtest_clock_step(qts, (n - 1) * PERIOD_NS);
    g_assert_cmpint((int32_t)rd(qts, tval_off), >, 0);
    g_assert_cmphex(rd(qts, ctl_off), ==, CTL_ENABLE);
    g_assert_false(gic_spi_pending(qts, spi));
    qtest_clock_step(qts, 2 * PERIOD_NS);
    g_assert_cmphex(rd(qts, ctl_off), ==, CTL_ENABLE | CTL_ISTATUS);
    g_assert_true(gic_spi_pending(qts, spi));
    g_assert_cmpint((int32_t)rd(qts, tval_off), <=, 0);
    qtest_clock_step(qts, MS);
    g_assert_cmpint((int32_t)rd(qts, tval_off), <=, -(int)(MS / PERIOD_NS));

    /* IMASK: the condition holds, the line drops */
    wr(qts, ctl_off, CTL_ENABLE | CTL_IMASK);
    g_assert_cmphex(rd(qts, ctl_off), ==,
                    CTL_ENABLE | CTL_IMASK | CTL_ISTATUS);
    g_assert_false(gic_spi_pending(qts, spi));
    wr(qts, ctl_off, CTL_ENABLE);
    g_assert_true(gic_spi_pending(qts, spi));
    /* a later TVAL rearms it: CVAL = now + TVAL */
    wr(qts, tval_off, 1000);
    g_assert_cmphex(rd(qts, ctl_off), ==, CTL_ENABLE);
    g_assert_false(gic_spi_pending(qts, spi));
    g_assert_cmpint((int32_t)rd(qts, tval_off), ==, 1000);
    qtest_clock_step(qts, 1000 * PERIOD_NS);
    g_assert_true(gic_spi_pending(qts, spi));
    /* a negative TVAL: met at once */
    wr(qts, tval_off, -5);
    g_assert_cmphex(rd(qts, ctl_off), ==, CTL_ENABLE | CTL_ISTATUS);
    /* disabled: no status, no interrupt */
    wr(qts, ctl_off, 0);
    g_assert_cmphex(rd(qts, ctl_off), ==, 0);
    g_assert_false(gic_spi_pending(qts, spi));
    /* ISTATUS is read-only */
    wr(qts, ctl_off, CTL_ISTATUS);
    g_assert_cmphex(rd(qts, ctl_off), ==, 0);
}

static void test_phys_timer(void)
{
    QTestState *qts = timer_init();

    qtest_clock_step(qts, 3 * MS);
    timer_fires(qts, CNTP_CVAL, SPI_PHYS);
    g_assert_false(gic_spi_pending(qts, SPI_VIRT));
    qtest_quit(qts);
}

static void test_virt_timer(void)
{
    QTestState *qts = timer_init();
    uint64_t vnow;

    qtest_clock_step(qts, 3 * MS);
    ctl_wr(qts, CNTVOFF0, 20000);
    timer_fires(qts, CNTV_CVAL, SPI_VIRT);
    g_assert_false(gic_spi_pending(qts, SPI_PHYS));

    /* the offset moves the virtual timer, not the physical one */
    vnow = rd64(qts, CNTVCT);
    wr64(qts, CNTV_CVAL, vnow + 5000);
    wr64(qts, CNTP_CVAL, rd64(qts, CNTPCT) + 5000);
    wr(qts, CNTV_CTL, CTL_ENABLE);
    wr(qts, CNTP_CTL, CTL_ENABLE);
    g_assert_false(gic_spi_pending(qts, SPI_VIRT));
    ctl_wr(qts, CNTVOFF0, 20000 - 5000);    /* virtual count + 5000 */
    g_assert_cmphex(rd(qts, CNTV_CTL), ==, CTL_ENABLE | CTL_ISTATUS);
    g_assert_true(gic_spi_pending(qts, SPI_VIRT));
    g_assert_false(gic_spi_pending(qts, SPI_PHYS));
    ctl_wr(qts, CNTVOFF0, 20000 + 5000);    /* and back, 5000 further */
    g_assert_false(gic_spi_pending(qts, SPI_VIRT));
    qtest_clock_step(qts, 5000 * PERIOD_NS);
    g_assert_true(gic_spi_pending(qts, SPI_PHYS));
    g_assert_false(gic_spi_pending(qts, SPI_VIRT));
    qtest_clock_step(qts, 5000 * PERIOD_NS);
    g_assert_true(gic_spi_pending(qts, SPI_VIRT));
    qtest_quit(qts);
}

/*
 * A 64-bit write of CVAL is one write: the timer sees no mixture of the
 * old and the new halves (here old high, new low: in the past), which
 * would be a glitch on the line that an edge-triggered SPI latches.
 */
static void test_cval_64bit(void)
{
    QTestState *qts = timer_init();

    gic_spi_edge(qts, SPI_PHYS);
    qtest_clock_step(qts, MS);
    wr64(qts, CNTP_CVAL, 0x80000000ULL);
    wr(qts, CNTP_CTL, CTL_ENABLE);
    qtest_writeq(qts, FRAME0 + CNTP_CVAL, 0x100000000ULL);
    g_assert_cmphex(rd64(qts, CNTP_CVAL), ==, 0x100000000ULL);
    g_assert_cmphex(rd(qts, CNTP_CTL), ==, CTL_ENABLE);
    g_assert_false(gic_spi_pending(qts, SPI_PHYS));
    qtest_quit(qts);
}

/* A machine reset: access closed, timers off, lines low, no offset */
static void test_reset(void)
{
    QTestState *qts = timer_init();

    ctl_wr(qts, CNTVOFF0, 1234);
    wr(qts, CNTEL0ACR, 0x3);
    wr(qts, CNTP_TVAL, 0);
    wr(qts, CNTP_CTL, CTL_ENABLE);
    wr(qts, CNTV_TVAL, 10);
    wr(qts, CNTV_CTL, CTL_ENABLE);
    g_assert_true(gic_spi_pending(qts, SPI_PHYS));

    qtest_system_reset(qts);
    g_assert_cmphex(ctl_rd(qts, CNTACR0), ==, 0);
    g_assert_cmphex(qtest_readq(qts, CTLBASE + CNTVOFF0), ==, 0);
    g_assert_cmphex(rd(qts, CNTEL0ACR), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_PHYS));
    ctl_wr(qts, CNTACR0, ACR_ALL);
    g_assert_cmphex(rd(qts, CNTP_CTL), ==, 0);
    g_assert_cmphex(rd(qts, CNTV_CTL), ==, 0);
    g_assert_cmphex(rd64(qts, CNTP_CVAL), ==, 0);
    /* the virtual timer never fires after the reset */
    qtest_clock_step(qts, MS);
    g_assert_false(gic_spi_pending(qts, SPI_VIRT));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/arm-generic-timer-mmio/ctlbase", test_ctlbase);
    qtest_add_func("/arm-generic-timer-mmio/access-control",
                   test_access_control);
    qtest_add_func("/arm-generic-timer-mmio/count", test_count);
    qtest_add_func("/arm-generic-timer-mmio/phys-timer", test_phys_timer);
    qtest_add_func("/arm-generic-timer-mmio/virt-timer", test_virt_timer);
    qtest_add_func("/arm-generic-timer-mmio/cval-64bit", test_cval_64bit);
    qtest_add_func("/arm-generic-timer-mmio/reset", test_reset);

    return g_test_run();
}
