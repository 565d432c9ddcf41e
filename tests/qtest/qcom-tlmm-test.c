/*
 * QTest for SDM845's TLMM pin controller on db845c, as pinctrl-msm.c
 * drives it: a GPIO's registers in its own tile only, the level in
 * (the output when it drives the pin as a GPIO, what drives the pin from
 * outside, else its pull), the pad groups beyond the GPIOs as storage,
 * interrupt detection (edges, levels, RAW_STATUS_EN, ENABLE), the
 * summary interrupt on GIC SPI 208, and reset.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "db845c-gic.h"

#define MACHINE         "-M db845c -smp 1"
#define TLMM_PATH       "/machine/soc/tlmm"
#define TLMM            0x03400000ULL
#define EAST            (TLMM + 0x100000)
#define NORTH           (TLMM + 0x500000)
#define SOUTH           (TLMM + 0x900000)
#define PIN(tile, n)    ((tile) + (n) * 0x1000ULL)
#define CTL             0x0
#define IO              0x4
#define INTR_CFG        0x8
#define INTR_STATUS     0xc
#define SPI_SUMMARY     208

/* GPIO 4 is the north tile's, GPIO 0 the east's, GPIO 12 the south's */
#define GPIO4           PIN(NORTH, 4)
#define GPIO0           PIN(EAST, 0)
#define GPIO12          PIN(SOUTH, 12)
/* the south tile's sdc2 pad group: slot 154, beyond the 150 GPIOs */
#define SDC2            (SOUTH + 0x9a000)

/* CTL: pull (1:0), function (5:2), drive strength (8:6), OE (9) */
#define PULL_NONE       0
#define PULL_DOWN       1
#define PULL_KEEPER     2
#define PULL_UP         3
#define FUNC(n)         ((n) << 2)
#define OE              (1u << 9)
#define IO_IN           (1u << 0)
#define IO_OUT          (1u << 1)
/* INTR_CFG, with 2-bit detection as on SDM845 */
#define INTR_ENABLE     (1u << 0)
#define INTR_POL_HIGH   (1u << 1)
#define DETECT_LEVEL    (0u << 2)
#define DETECT_RISING   (1u << 2)
#define DETECT_FALLING  (2u << 2)
#define DETECT_BOTH     (3u << 2)
#define RAW_STATUS_EN   (1u << 4)

static uint32_t rd(QTestState *qts, uint64_t a)
{
    return qtest_readl(qts, a);
}

static void wr(QTestState *qts, uint64_t a, uint32_t v)
{
    qtest_writel(qts, a, v);
}

/* A pin's level driven from outside the SoC */
static void drive(QTestState *qts, int gpio, int level)
{
    qtest_set_irq_in(qts, TLMM_PATH, "unnamed-gpio-in", gpio, level);
}

/* CTL, IO's OUT and INTR_CFG hold what pinctrl-msm writes */
static void test_registers(void)
{
    QTestState *qts = qtest_init(MACHINE);

    for (int r = 0; r < 0x10; r += 4) {
        g_assert_cmphex(rd(qts, GPIO4 + r), ==, 0);
    }
    /* pull up, function 1, 16 mA, OE */
    wr(qts, GPIO4 + CTL, OE | (7u << 6) | FUNC(1) | PULL_UP);
    g_assert_cmphex(rd(qts, GPIO4 + CTL), ==,
                    OE | (7u << 6) | FUNC(1) | PULL_UP);
    wr(qts, GPIO4 + INTR_CFG, RAW_STATUS_EN | DETECT_BOTH);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_CFG), ==,
                    RAW_STATUS_EN | DETECT_BOTH);
    /* IN is derived: writing it does not stick */
    wr(qts, GPIO4 + CTL, PULL_DOWN);
    wr(qts, GPIO4 + IO, IO_OUT | IO_IN);
    g_assert_cmphex(rd(qts, GPIO4 + IO), ==, IO_OUT);
    /* INTR_STATUS keeps only its status bit */
    wr(qts, GPIO4 + INTR_STATUS, 0xfffffffe);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 0);
    qtest_quit(qts);
}

/* The level in, by what decides it */
static void test_level_in(void)
{
    static const struct {
        uint32_t ctl, io;
        int in;
        const char *what;
    } t[] = {
        { FUNC(0) | OE | PULL_DOWN, IO_OUT, 1, "output high" },
        { FUNC(0) | OE | PULL_UP, 0, 0, "output low" },
        { FUNC(0) | PULL_UP, 0, 1, "input, pull-up" },
        { FUNC(0) | PULL_DOWN, IO_OUT, 0, "input, pull-down" },
        { FUNC(0) | PULL_NONE, IO_OUT, 0, "input, no pull" },
        { FUNC(0) | PULL_KEEPER, IO_OUT, 0, "input, keeper" },
        /* another function drives the pin: not the GPIO's output */
        { FUNC(1) | OE | PULL_DOWN, IO_OUT, 0, "function 1, pull-down" },
        { FUNC(1) | OE | PULL_UP, 0, 1, "function 1, pull-up" },
    };
    QTestState *qts = qtest_init(MACHINE);

    for (int i = 0; i < ARRAY_SIZE(t); i++) {
        g_test_message("%s", t[i].what);
        wr(qts, GPIO4 + CTL, t[i].ctl);
        wr(qts, GPIO4 + IO, t[i].io);
        g_assert_cmphex(rd(qts, GPIO4 + IO), ==, t[i].io | t[i].in);
    }

    /* driven from outside: the pull no longer counts, the output does */
    wr(qts, GPIO4 + CTL, PULL_DOWN);
    wr(qts, GPIO4 + IO, 0);
    drive(qts, 4, 1);
    g_assert_cmphex(rd(qts, GPIO4 + IO), ==, IO_IN);
    wr(qts, GPIO4 + CTL, PULL_UP);
    drive(qts, 4, 0);
    g_assert_cmphex(rd(qts, GPIO4 + IO), ==, 0);
    wr(qts, GPIO4 + CTL, OE | PULL_UP);
    wr(qts, GPIO4 + IO, IO_OUT);
    g_assert_cmphex(rd(qts, GPIO4 + IO), ==, IO_OUT | IO_IN);
    /* and only that pin: GPIO 5 follows its own pull */
    wr(qts, PIN(NORTH, 5) + CTL, PULL_UP);
    g_assert_cmphex(rd(qts, PIN(NORTH, 5) + IO), ==, IO_IN);
    qtest_quit(qts);
}

/* A GPIO answers in its tile only; pads beyond the GPIOs are storage */
static void test_tiles(void)
{
    static const uint64_t refused[] = {
        PIN(EAST, 4), PIN(SOUTH, 4),        /* GPIO 4 is the north's */
        PIN(NORTH, 0), PIN(NORTH, 12),      /* east's and south's GPIOs */
        GPIO4 + 0x10,                       /* no register of the pin */
        TLMM,                               /* no tile there */
        TLMM + 0xbffffc,
    };
    QTestState *qts = qtest_init(MACHINE);

    wr(qts, GPIO4 + CTL, PULL_UP);
    wr(qts, GPIO0 + CTL, PULL_UP);
    wr(qts, GPIO12 + CTL, PULL_UP);
    for (int i = 0; i < ARRAY_SIZE(refused); i++) {
        g_test_message("0x%" PRIx64, refused[i]);
        wr(qts, refused[i], PULL_DOWN | OE);
        g_assert_cmphex(rd(qts, refused[i]), ==, 0);
    }
    g_assert_cmphex(rd(qts, GPIO4 + CTL), ==, PULL_UP);
    g_assert_cmphex(rd(qts, GPIO0 + CTL), ==, PULL_UP);
    g_assert_cmphex(rd(qts, GPIO12 + CTL), ==, PULL_UP);
    g_assert_cmphex(rd(qts, GPIO12 + IO), ==, IO_IN);

    /* sdc2's pad controls: plain registers, no level derived */
    for (int r = 0; r < 0x10; r += 4) {
        wr(qts, SDC2 + r, 0x1fff0000 | r);
        g_assert_cmphex(rd(qts, SDC2 + r), ==, 0x1fff0000 | r);
    }
    wr(qts, SDC2 + IO, 0);
    g_assert_cmphex(rd(qts, SDC2 + IO), ==, 0);
    qtest_quit(qts);
}

/* An output driving its own edge, as a test of the interrupt path */
static void set_out(QTestState *qts, uint64_t pin, bool level)
{
    wr(qts, pin + IO, level ? IO_OUT : 0);
}

static void test_interrupt(void)
{
    QTestState *qts = qtest_init(MACHINE);

    /* the summary line is level-sensitive: pending while it is high */
    wr(qts, GPIO4 + CTL, FUNC(0) | OE);
    set_out(qts, GPIO4, 0);
    wr(qts, GPIO4 + INTR_CFG, RAW_STATUS_EN | DETECT_RISING |
                              INTR_POL_HIGH | INTR_ENABLE);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_SUMMARY));

    set_out(qts, GPIO4, 1);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 1);
    g_assert_true(gic_spi_pending(qts, SPI_SUMMARY));
    /* acknowledged by writing 0 (msm_gpio_irq_ack) */
    wr(qts, GPIO4 + INTR_STATUS, 0);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_SUMMARY));
    /* no new edge while the level stays; a falling edge is not rising */
    set_out(qts, GPIO4, 1);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 0);
    set_out(qts, GPIO4, 0);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_SUMMARY));

    /* falling and both edges */
    wr(qts, GPIO4 + INTR_CFG, RAW_STATUS_EN | DETECT_FALLING | INTR_ENABLE);
    set_out(qts, GPIO4, 1);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 0);
    set_out(qts, GPIO4, 0);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 1);
    wr(qts, GPIO4 + INTR_STATUS, 0);
    wr(qts, GPIO4 + INTR_CFG, RAW_STATUS_EN | DETECT_BOTH | INTR_ENABLE);
    set_out(qts, GPIO4, 1);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 1);
    wr(qts, GPIO4 + INTR_STATUS, 0);
    set_out(qts, GPIO4, 0);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 1);
    wr(qts, GPIO4 + INTR_STATUS, 0);

    /* a level interrupt comes back while the level holds */
    wr(qts, GPIO4 + INTR_CFG, RAW_STATUS_EN | DETECT_LEVEL | INTR_POL_HIGH |
                              INTR_ENABLE);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 0);
    set_out(qts, GPIO4, 1);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 1);
    wr(qts, GPIO4 + INTR_STATUS, 0);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 1);
    g_assert_true(gic_spi_pending(qts, SPI_SUMMARY));
    /* masked: the status stays, the summary drops */
    wr(qts, GPIO4 + INTR_CFG, RAW_STATUS_EN | DETECT_LEVEL | INTR_POL_HIGH);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 1);
    g_assert_false(gic_spi_pending(qts, SPI_SUMMARY));
    set_out(qts, GPIO4, 0);
    wr(qts, GPIO4 + INTR_STATUS, 0);

    /* without RAW_STATUS_EN nothing is detected */
    wr(qts, GPIO4 + INTR_CFG, DETECT_RISING | INTR_POL_HIGH | INTR_ENABLE);
    set_out(qts, GPIO4, 1);
    g_assert_cmphex(rd(qts, GPIO4 + INTR_STATUS), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_SUMMARY));

    /* one summary line for every tile: an input of the east tile */
    wr(qts, GPIO0 + CTL, PULL_DOWN);
    wr(qts, GPIO0 + INTR_CFG, RAW_STATUS_EN | DETECT_RISING |
                              INTR_POL_HIGH | INTR_ENABLE);
    drive(qts, 0, 1);
    g_assert_cmphex(rd(qts, GPIO0 + INTR_STATUS), ==, 1);
    g_assert_true(gic_spi_pending(qts, SPI_SUMMARY));
    wr(qts, GPIO0 + INTR_STATUS, 0);
    g_assert_false(gic_spi_pending(qts, SPI_SUMMARY));
    qtest_quit(qts);
}

/* A machine reset: registers and pads cleared, the summary low */
static void test_reset(void)
{
    QTestState *qts = qtest_init(MACHINE);

    wr(qts, GPIO4 + CTL, OE | PULL_UP);
    wr(qts, GPIO4 + INTR_CFG, RAW_STATUS_EN | DETECT_LEVEL | INTR_POL_HIGH |
                              INTR_ENABLE);
    set_out(qts, GPIO4, 1);
    wr(qts, SDC2, 0x1234);
    g_assert_true(gic_spi_pending(qts, SPI_SUMMARY));

    qtest_system_reset(qts);
    for (int r = 0; r < 0x10; r += 4) {
        g_assert_cmphex(rd(qts, GPIO4 + r), ==, 0);
    }
    g_assert_cmphex(rd(qts, SDC2), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_SUMMARY));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-tlmm/registers", test_registers);
    qtest_add_func("/qcom-tlmm/level-in", test_level_in);
    qtest_add_func("/qcom-tlmm/tiles", test_tiles);
    qtest_add_func("/qcom-tlmm/interrupt", test_interrupt);
    qtest_add_func("/qcom-tlmm/reset", test_reset);

    return g_test_run();
}
