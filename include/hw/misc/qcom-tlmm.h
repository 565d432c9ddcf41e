/*
 * Qualcomm TLMM: the top-level mode multiplexer (pins, GPIOs)
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The pin controller of Qualcomm SoCs, as Linux's pinctrl-msm drives it.
 * The block is split in tiles of 1 MiB; pin n of a tile has its four
 * registers at tile + n * 0x1000: CTL (pull, function, drive strength,
 * output enable), IO (bit 0 the level in, bit 1 the level out),
 * INTR_CFG and INTR_STATUS. GPIO n lives in one tile (the SoC's
 * "gpio-tiles" table); the slots of a tile beyond the GPIOs hold the
 * SoC's other pin groups (SD card, UFS reset) as plain registers. An
 * input's level is what drives its GPIO input line, or its pull when
 * nothing does (up: 1); an output reads back its output level. An
 * interrupt's status follows INTR_CFG (level or edge, polarity); the
 * summary interrupt is high while an enabled GPIO's status is set.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the block ("size" bytes)
 *  + sysbus IRQ 0: the summary interrupt (level)
 *  + unnamed GPIO inputs 0..num-gpios-1: the levels driven onto the pins
 *    from outside (qemu_set_irq; undriven pins follow their pull)
 *  + QOM property "size": the block's size (a multiple of 1 MiB)
 *  + QOM property array "tile-offsets": each tile's offset in the block
 *  + QOM property array "gpio-tiles": each GPIO's tile, an index into
 *    "tile-offsets"; its length is the number of GPIOs
 */

#ifndef HW_MISC_QCOM_TLMM_H
#define HW_MISC_QCOM_TLMM_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_TLMM "qcom-tlmm"
OBJECT_DECLARE_SIMPLE_TYPE(QcomTlmmState, QCOM_TLMM)

#define QCOM_TLMM_TILE_SIZE 0x100000
#define QCOM_TLMM_PIN_STRIDE 0x1000
#define QCOM_TLMM_PINS_PER_TILE (QCOM_TLMM_TILE_SIZE / QCOM_TLMM_PIN_STRIDE)
#define QCOM_TLMM_MAX_TILES 8
#define QCOM_TLMM_MAX_SIZE (64 * QCOM_TLMM_TILE_SIZE)

enum {
    QCOM_TLMM_CTL,
    QCOM_TLMM_IO,
    QCOM_TLMM_INTR_CFG,
    QCOM_TLMM_INTR_STATUS,
    QCOM_TLMM_NUM_REGS,
};

struct QcomTlmmState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq;
    /* every slot of every tile, GPIO or not: QCOM_TLMM_NUM_REGS each */
    uint32_t regs[QCOM_TLMM_MAX_TILES * QCOM_TLMM_PINS_PER_TILE *
                  QCOM_TLMM_NUM_REGS];
    uint8_t *driven;            /* per GPIO: 0 undriven, 1 low, 2 high */
    uint8_t *level;             /* per GPIO: the level last seen */

    /* properties */
    uint64_t size;
    uint32_t num_tiles;
    uint32_t *tile_offsets;
    uint32_t num_gpios;
    uint8_t *gpio_tiles;
};

#endif /* HW_MISC_QCOM_TLMM_H */
