/*
 * The db845c GIC distributor, as the qtests look at the SoC's interrupt
 * lines through it: a level-sensitive SPI reads pending in GICD_ISPENDR
 * while its line is high; one made edge-triggered latches each rising
 * edge (a pulse) until cleared. The GIC has no security extensions
 * (GICD_CTLR.DS), so qtest's accesses may do both.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef DB845C_GIC_H
#define DB845C_GIC_H

#include "libqtest.h"

#define GICD            0x17a00000ULL
#define GICD_ISPENDR    0x200
#define GICD_ICPENDR    0x280
#define GICD_ICFGR      0xc00

/* Is GIC SPI spi pending (for a level SPI: is its line high)? */
static inline bool gic_spi_pending(QTestState *qts, unsigned spi)
{
    unsigned id = spi + 32;

    return qtest_readl(qts, GICD + GICD_ISPENDR + id / 32 * 4) &
           (1u << id % 32);
}

/* Make SPI spi edge-triggered, so that the GIC latches pulses */
static inline void gic_spi_edge(QTestState *qts, unsigned spi)
{
    unsigned id = spi + 32;
    uint64_t icfgr = GICD + GICD_ICFGR + id / 16 * 4;

    qtest_writel(qts, icfgr, qtest_readl(qts, icfgr) |
                 (2u << (id % 16 * 2)));
}

/* Clear the pending latch of SPI spi */
static inline void gic_spi_clear(QTestState *qts, unsigned spi)
{
    unsigned id = spi + 32;

    qtest_writel(qts, GICD + GICD_ICPENDR + id / 32 * 4, 1u << id % 32);
}

#endif /* DB845C_GIC_H */
