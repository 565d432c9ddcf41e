/*
 * QTest for SDM845's PDC wake-up interrupt router on db845c: its
 * registers as drivers/irqchip/qcom-pdc.c programs them (IRQ_ENABLE_BANK,
 * IRQ_i_CFG; VERSION 0, a PDC before 3.2), and the forwarding of its
 * pins to the GIC SPIs of sdm845.dtsi's qcom,pdc-ranges: levels as
 * levels (a low one inverted), edges as pulses, only while enabled; and
 * reset. Nothing drives the PDC's pins on this board yet, so the test
 * drives them itself (qtest's set_irq_in) and looks at the GIC.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "db845c-gic.h"

#define MACHINE         "-M db845c -smp 1"
#define PDC_PATH        "/machine/soc/pdc"
#define PDC             0x0b220000ULL
#define IRQ_ENABLE_BANK(b) (PDC + 0x010 + 4 * (b))
#define IRQ_CFG(pin)    (PDC + 0x110 + 4 * (pin))
#define VERSION         (PDC + 0x1000)
#define NUM_PINS        128

#define TYPE_LEVEL_LOW      0
#define TYPE_EDGE_FALLING   2
#define TYPE_LEVEL_HIGH     4
#define TYPE_EDGE_RISING    6
#define TYPE_EDGE_DUAL      7

/* Pins and their SPIs: each range's ends (qcom,pdc-ranges) */
static const struct {
    unsigned pin, spi;
} wired[] = {
    { 0, 480 }, { 93, 573 }, { 94, 609 }, { 108, 623 }, { 115, 630 },
    { 121, 636 },
};

static void set_pin(QTestState *qts, unsigned pin, int level)
{
    qtest_set_irq_in(qts, PDC_PATH, "unnamed-gpio-in", pin, level);
}

static void enable(QTestState *qts, unsigned pin, bool on)
{
    uint64_t bank = IRQ_ENABLE_BANK(pin / 32);
    uint32_t v = qtest_readl(qts, bank);

    qtest_writel(qts, bank, on ? v | 1u << pin % 32 : v & ~(1u << pin % 32));
}

static void test_registers(void)
{
    QTestState *qts = qtest_init(MACHINE);

    g_assert_cmphex(qtest_readl(qts, VERSION), ==, 0);
    for (int b = 0; b < NUM_PINS / 32; b++) {
        g_assert_cmphex(qtest_readl(qts, IRQ_ENABLE_BANK(b)), ==, 0);
        qtest_writel(qts, IRQ_ENABLE_BANK(b), 0x80000001u | b << 8);
    }
    for (int b = 0; b < NUM_PINS / 32; b++) {
        g_assert_cmphex(qtest_readl(qts, IRQ_ENABLE_BANK(b)), ==,
                        0x80000001u | b << 8);
    }
    for (int pin = 0; pin < NUM_PINS; pin++) {
        g_assert_cmphex(qtest_readl(qts, IRQ_CFG(pin)), ==, 0);
        qtest_writel(qts, IRQ_CFG(pin), pin % 8);
    }
    for (int pin = 0; pin < NUM_PINS; pin++) {
        g_assert_cmphex(qtest_readl(qts, IRQ_CFG(pin)), ==, pin % 8);
    }
    /* beyond the 128 pins: no register */
    qtest_writel(qts, IRQ_ENABLE_BANK(NUM_PINS / 32), 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, IRQ_ENABLE_BANK(NUM_PINS / 32)), ==, 0);
    qtest_writel(qts, IRQ_CFG(NUM_PINS), TYPE_LEVEL_HIGH);
    g_assert_cmphex(qtest_readl(qts, IRQ_CFG(NUM_PINS)), ==, 0);
    qtest_writel(qts, VERSION, 0x30200);
    g_assert_cmphex(qtest_readl(qts, VERSION), ==, 0);
    g_assert_cmphex(qtest_readl(qts, IRQ_CFG(NUM_PINS - 1)), ==, 7);
    qtest_quit(qts);
}

/* Levels: forwarded while enabled, a low one as high */
static void test_levels(void)
{
    QTestState *qts = qtest_init(MACHINE);

    for (int i = 0; i < ARRAY_SIZE(wired); i++) {
        unsigned pin = wired[i].pin, spi = wired[i].spi;

        g_test_message("pin %u, SPI %u", pin, spi);
        qtest_writel(qts, IRQ_CFG(pin), TYPE_LEVEL_HIGH);
        set_pin(qts, pin, 1);
        g_assert_false(gic_spi_pending(qts, spi));      /* not enabled */
        enable(qts, pin, true);
        g_assert_true(gic_spi_pending(qts, spi));
        set_pin(qts, pin, 0);
        g_assert_false(gic_spi_pending(qts, spi));
        set_pin(qts, pin, 1);
        g_assert_true(gic_spi_pending(qts, spi));
        enable(qts, pin, false);
        g_assert_false(gic_spi_pending(qts, spi));

        /* level low: high while the pin is low */
        qtest_writel(qts, IRQ_CFG(pin), TYPE_LEVEL_LOW);
        enable(qts, pin, true);
        g_assert_false(gic_spi_pending(qts, spi));
        set_pin(qts, pin, 0);
        g_assert_true(gic_spi_pending(qts, spi));
        /* a change of type takes effect at once */
        qtest_writel(qts, IRQ_CFG(pin), TYPE_LEVEL_HIGH);
        g_assert_false(gic_spi_pending(qts, spi));
        enable(qts, pin, false);
    }
    /* a pin drives its own SPI only */
    qtest_writel(qts, IRQ_CFG(1), TYPE_LEVEL_HIGH);
    enable(qts, 1, true);
    set_pin(qts, 1, 1);
    g_assert_true(gic_spi_pending(qts, 481));
    g_assert_false(gic_spi_pending(qts, 480));
    g_assert_false(gic_spi_pending(qts, 482));
    qtest_quit(qts);
}

/* Edges: a pulse per edge of the type, which an edge SPI latches */
static void test_edges(void)
{
    static const struct {
        unsigned type;
        bool rising, falling;
    } t[] = {
        { TYPE_EDGE_RISING, true, false },
        { TYPE_EDGE_FALLING, false, true },
        { TYPE_EDGE_DUAL, true, true },
    };
    QTestState *qts = qtest_init(MACHINE);
    unsigned pin = wired[2].pin, spi = wired[2].spi;

    gic_spi_edge(qts, spi);
    enable(qts, pin, true);
    for (int i = 0; i < ARRAY_SIZE(t); i++) {
        g_test_message("type %u", t[i].type);
        qtest_writel(qts, IRQ_CFG(pin), t[i].type);
        gic_spi_clear(qts, spi);
        set_pin(qts, pin, 1);
        g_assert_cmpint(gic_spi_pending(qts, spi), ==, t[i].rising);
        gic_spi_clear(qts, spi);
        set_pin(qts, pin, 0);
        g_assert_cmpint(gic_spi_pending(qts, spi), ==, t[i].falling);
        gic_spi_clear(qts, spi);
    }
    /* no pulse while disabled */
    enable(qts, pin, false);
    set_pin(qts, pin, 1);
    set_pin(qts, pin, 0);
    g_assert_false(gic_spi_pending(qts, spi));
    /* an edge SPI latches nothing of a level pin kept low */
    qtest_writel(qts, IRQ_CFG(pin), TYPE_LEVEL_HIGH);
    enable(qts, pin, true);
    g_assert_false(gic_spi_pending(qts, spi));
    qtest_quit(qts);
}

/* A machine reset disables every pin and forgets the types */
static void test_reset(void)
{
    QTestState *qts = qtest_init(MACHINE);

    qtest_writel(qts, IRQ_CFG(0), TYPE_LEVEL_HIGH);
    enable(qts, 0, true);
    set_pin(qts, 0, 1);
    qtest_writel(qts, IRQ_CFG(94), TYPE_LEVEL_LOW);
    enable(qts, 94, true);
    g_assert_true(gic_spi_pending(qts, 480));
    /* a level-low pin that nothing drives is inactive, as behind a pull */
    g_assert_false(gic_spi_pending(qts, 609));
    set_pin(qts, 94, 0);
    g_assert_true(gic_spi_pending(qts, 609));

    qtest_system_reset(qts);
    for (int b = 0; b < NUM_PINS / 32; b++) {
        g_assert_cmphex(qtest_readl(qts, IRQ_ENABLE_BANK(b)), ==, 0);
    }
    g_assert_cmphex(qtest_readl(qts, IRQ_CFG(0)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, IRQ_CFG(94)), ==, 0);
    g_assert_false(gic_spi_pending(qts, 480));
    g_assert_false(gic_spi_pending(qts, 609));
    /* the pin is still high: enabled as a level high, it forwards */
    qtest_writel(qts, IRQ_CFG(0), TYPE_LEVEL_HIGH);
    enable(qts, 0, true);
    g_assert_true(gic_spi_pending(qts, 480));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-pdc/registers", test_registers);
    qtest_add_func("/qcom-pdc/levels", test_levels);
    qtest_add_func("/qcom-pdc/edges", test_edges);
    qtest_add_func("/qcom-pdc/reset", test_reset);

    return g_test_run();
}
