/*
 * Qualcomm PDC: the power domain controller's wake-up interrupt router
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The PDC sits between the SoC's wake-capable interrupt sources (GPIOs
 * of the TLMM, some peripherals) and the GIC: pin n, when enabled in
 * IRQ_ENABLE_BANK, is forwarded to its GIC SPI (the DT's
 * qcom,pdc-ranges), its type (IRQ_i_CFG) turned into what the GIC takes:
 * a level low as high, a falling or either edge as a pulse; a pin that
 * no device has driven is inactive. This is the
 * register scheme of PDC versions before 3.2 (VERSION reads 0), as
 * Linux's qcom-pdc driver programs SDM845's and SM8250's.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the registers (QCOM_PDC_SIZE bytes)
 *  + unnamed GPIO inputs 0..num-pins-1: the pins
 *  + unnamed GPIO outputs 0..num-pins-1: to the GIC (level high, or
 *    pulses for edges)
 *  + QOM property "num-pins" (1..QCOM_PDC_MAX_PINS, default 128)
 */

#ifndef HW_INTC_QCOM_PDC_H
#define HW_INTC_QCOM_PDC_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_PDC "qcom-pdc"
OBJECT_DECLARE_SIMPLE_TYPE(QcomPdcState, QCOM_PDC)

#define QCOM_PDC_SIZE 0x30000
#define QCOM_PDC_MAX_PINS 256

/* count pins from pin on, to the GIC SPIs from spi on (qcom,pdc-ranges) */
typedef struct QcomPdcRange {
    uint32_t pin, spi, count;
} QcomPdcRange;

struct QcomPdcState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq out[QCOM_PDC_MAX_PINS];
    uint32_t enable[QCOM_PDC_MAX_PINS / 32];
    uint32_t cfg[QCOM_PDC_MAX_PINS];
    uint8_t in[QCOM_PDC_MAX_PINS];
    uint8_t driven[QCOM_PDC_MAX_PINS];  /* set once an input was driven */

    /* properties */
    uint32_t num_pins;
};

#endif /* HW_INTC_QCOM_PDC_H */
