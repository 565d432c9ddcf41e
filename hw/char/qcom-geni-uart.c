/*
 * Qualcomm GENI serial engine as a UART (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * What Linux's qcom_geni_serial (6.1 to 7.2) and its earlycon rely on:
 * the firmware revision says UART; TX_FIFO_WATERMARK is a level that
 * holds whenever the watermark is set and the (always drained) TX FIFO
 * is below it, with or without a command; M_CMD_DONE comes once the
 * command's byte count went out, the last word counting only the bytes
 * still owed; cancel and abort are acknowledged even when idle; a
 * partial RX word is only ever the last one, described by RX_LAST and
 * its valid-byte count at the same time; M_ILLEGAL_CMD is never raised
 * (the driver WARNs on it). Registers of the engine that only hold a
 * configuration (packing, word length, clock divider...) are storage.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/module.h"
#include "hw/char/qcom-geni-uart.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

REG32(FORCE_DEFAULT, 0x020)
REG32(OUTPUT_CTRL, 0x024)
REG32(CGC_CTRL, 0x028)
REG32(GENI_STATUS, 0x040)
    FIELD(GENI_STATUS, M_CMD_ACTIVE, 0, 1)
    FIELD(GENI_STATUS, S_CMD_ACTIVE, 12, 1)
REG32(SER_M_CLK_CFG, 0x048)
REG32(SER_S_CLK_CFG, 0x04c)
REG32(FW_REVISION_RO, 0x068)
REG32(FW_S_REVISION_RO, 0x06c)
REG32(CLK_SEL, 0x07c)
REG32(UART_LOOPBACK_CFG, 0x22c)
REG32(UART_IO_MACRO_CTRL, 0x240)
REG32(BYTE_GRAN, 0x254)
REG32(DMA_MODE_EN, 0x258)
REG32(UART_TX_TRANS_CFG, 0x25c)
REG32(TX_PACKING_CFG0, 0x260)
REG32(TX_PACKING_CFG1, 0x264)
REG32(UART_TX_WORD_LEN, 0x268)
REG32(UART_TX_STOP_BIT_LEN, 0x26c)
REG32(UART_TX_TRANS_LEN, 0x270)
REG32(UART_RX_TRANS_CFG, 0x280)
REG32(RX_PACKING_CFG0, 0x284)
REG32(RX_PACKING_CFG1, 0x288)
REG32(UART_RX_WORD_LEN, 0x28c)
REG32(UART_RX_STALE_CNT, 0x294)
REG32(UART_TX_PARITY_CFG, 0x2a4)
REG32(UART_RX_PARITY_CFG, 0x2a8)
REG32(UART_MANUAL_RFR, 0x2ac)
REG32(M_CMD0, 0x600)
    FIELD(M_CMD0, OPCODE, 27, 5)
REG32(M_CMD_CTRL, 0x604)
    FIELD(M_CMD_CTRL, ABORT, 1, 1)
    FIELD(M_CMD_CTRL, CANCEL, 2, 1)
REG32(M_IRQ_STATUS, 0x610)
    FIELD(M_IRQ_STATUS, CMD_DONE, 0, 1)
    FIELD(M_IRQ_STATUS, CMD_CANCEL, 4, 1)
    FIELD(M_IRQ_STATUS, CMD_ABORT, 5, 1)
    FIELD(M_IRQ_STATUS, TX_FIFO_WATERMARK, 30, 1)
REG32(M_IRQ_EN, 0x614)
REG32(M_IRQ_CLEAR, 0x618)
REG32(M_IRQ_EN_SET, 0x61c)
REG32(M_IRQ_EN_CLEAR, 0x620)
REG32(S_CMD0, 0x630)
    FIELD(S_CMD0, OPCODE, 27, 5)
REG32(S_CMD_CTRL, 0x634)
    FIELD(S_CMD_CTRL, ABORT, 1, 1)
    FIELD(S_CMD_CTRL, CANCEL, 2, 1)
REG32(S_IRQ_STATUS, 0x640)
    FIELD(S_IRQ_STATUS, CMD_CANCEL, 4, 1)
    FIELD(S_IRQ_STATUS, CMD_ABORT, 5, 1)
    FIELD(S_IRQ_STATUS, RX_FIFO_WATERMARK, 26, 1)
    FIELD(S_IRQ_STATUS, RX_FIFO_LAST, 27, 1)
REG32(S_IRQ_EN, 0x644)
REG32(S_IRQ_CLEAR, 0x648)
REG32(S_IRQ_EN_SET, 0x64c)
REG32(S_IRQ_EN_CLEAR, 0x650)
REG32(TX_FIFO, 0x700)           /* the window 0x700..0x77c */
REG32(RX_FIFO, 0x780)           /* the window 0x780..0x7fc */
REG32(TX_FIFO_STATUS, 0x800)
REG32(RX_FIFO_STATUS, 0x804)
    FIELD(RX_FIFO_STATUS, WC, 0, 25)
    FIELD(RX_FIFO_STATUS, LAST_BYTE_VALID, 28, 3)
    FIELD(RX_FIFO_STATUS, LAST, 31, 1)
REG32(TX_WATERMARK, 0x80c)
REG32(RX_WATERMARK, 0x810)
REG32(RX_RFR_WATERMARK, 0x814)
REG32(IOS, 0x908)
REG32(M_GP_LENGTH, 0x910)
REG32(DMA_TX_IRQ_STAT, 0xc40)
REG32(DMA_TX_IRQ_CLR, 0xc44)
REG32(DMA_RX_IRQ_STAT, 0xd40)
REG32(DMA_RX_IRQ_CLR, 0xd44)
REG32(GSI_EVENT_EN, 0xe18)
REG32(SE_IRQ_EN, 0xe1c)
REG32(HW_PARAM_0, 0xe24)
REG32(HW_PARAM_1, 0xe28)
REG32(DMA_GENERAL_CFG, 0xe30)

#define GENI_PROTO_UART 2
#define GENI_OPCODE_START 1     /* UART_START_TX (M), UART_START_READ (S) */
/* 32-bit FIFO words, QCOM_GENI_FIFO_WORDS deep, in both directions */
#define GENI_HW_PARAM (32 << 24 | QCOM_GENI_FIFO_WORDS << 16)
#define GENI_RX_BATCH (QCOM_GENI_FIFO_WORDS * 4)

/* Configuration the engine only holds; Linux writes and reads it back. */
static const uint16_t geni_storage_regs[] = {
    A_OUTPUT_CTRL, A_CGC_CTRL, A_SER_M_CLK_CFG, A_SER_S_CLK_CFG, A_CLK_SEL,
    A_UART_LOOPBACK_CFG, A_UART_IO_MACRO_CTRL, A_BYTE_GRAN, A_DMA_MODE_EN,
    A_UART_TX_TRANS_CFG, A_TX_PACKING_CFG0, A_TX_PACKING_CFG1,
    A_UART_TX_WORD_LEN, A_UART_TX_STOP_BIT_LEN, A_UART_TX_TRANS_LEN,
    A_UART_RX_TRANS_CFG, A_RX_PACKING_CFG0, A_RX_PACKING_CFG1,
    A_UART_RX_WORD_LEN, A_UART_RX_STALE_CNT, A_UART_TX_PARITY_CFG,
    A_UART_RX_PARITY_CFG, A_UART_MANUAL_RFR, A_M_IRQ_EN, A_S_CMD0,
    A_S_IRQ_EN, A_TX_WATERMARK, A_RX_WATERMARK, A_RX_RFR_WATERMARK,
    A_GSI_EVENT_EN, A_SE_IRQ_EN, A_DMA_GENERAL_CFG,
};

QEMU_BUILD_BUG_ON(ARRAY_SIZE(geni_storage_regs) != QCOM_GENI_STORAGE_REGS);

/* The storage register at addr, or NULL */
static uint32_t *geni_storage(QcomGeniUartState *s, hwaddr addr)
{
    for (int i = 0; i < ARRAY_SIZE(geni_storage_regs); i++) {
        if (geni_storage_regs[i] == addr) {
            return &s->storage[i];
        }
    }
    return NULL;
}

#define REG(s, name) (*geni_storage(s, A_##name))

static bool geni_tx_active(QcomGeniUartState *s)
{
    return s->tx_left != 0;
}

static void geni_update(QcomGeniUartState *s)
{
    /* the TX FIFO is always drained: below any non-zero watermark */
    if (REG(s, TX_WATERMARK)) {
        s->m_status |= R_M_IRQ_STATUS_TX_FIFO_WATERMARK_MASK;
    }
    qemu_set_irq(s->irq, (s->m_status & REG(s, M_IRQ_EN)) ||
                         (s->s_status & REG(s, S_IRQ_EN)));
}

static void geni_tx_word(QcomGeniUartState *s, uint32_t word)
{
    uint8_t bytes[4];
    unsigned n;

    if (!geni_tx_active(s)) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-geni-uart: TX FIFO written with "
                      "no START_TX command; word 0x%08x dropped\n", word);
        return;
    }
    n = MIN(4, s->tx_left);
    stl_le_p(bytes, word);
    /* blocking, as other UARTs of QEMU: the console must lose nothing */
    qemu_chr_fe_write_all(&s->chr, bytes, n);
    s->tx_left -= n;
    s->tx_sent += n;
    if (!geni_tx_active(s)) {
        s->m_status |= R_M_IRQ_STATUS_CMD_DONE_MASK;
    }
}

static void geni_m_cmd(QcomGeniUartState *s, uint32_t value)
{
    unsigned opcode = FIELD_EX32(value, M_CMD0, OPCODE);

    trace_qcom_geni_uart_cmd("M", opcode, REG(s, UART_TX_TRANS_LEN));
    if (opcode != GENI_OPCODE_START) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-geni-uart: M_CMD0 opcode %u is "
                      "not UART_START_TX; ignored\n", opcode);
        return;
    }
    /* A new command while one is active replaces it (Linux 6.1 does so). */
    s->tx_left = REG(s, UART_TX_TRANS_LEN);
    s->tx_sent = 0;
    if (!geni_tx_active(s)) {
        s->m_status |= R_M_IRQ_STATUS_CMD_DONE_MASK;
    }
}

static void geni_m_ctrl(QcomGeniUartState *s, uint32_t value)
{
    if (!(value & (R_M_CMD_CTRL_CANCEL_MASK | R_M_CMD_CTRL_ABORT_MASK))) {
        return;
    }
    trace_qcom_geni_uart_stop("M", value & R_M_CMD_CTRL_ABORT_MASK);
    s->tx_left = 0;
    s->m_status |= value & R_M_CMD_CTRL_ABORT_MASK ?
                   R_M_IRQ_STATUS_CMD_ABORT_MASK :
                   R_M_IRQ_STATUS_CMD_CANCEL_MASK;
}

static void geni_rx_flush(QcomGeniUartState *s)
{
    s->rx_words = 0;
    s->rx_head = 0;
    s->rx_last_bytes = 0;
}

static void geni_s_cmd(QcomGeniUartState *s, uint32_t value)
{
    unsigned opcode = FIELD_EX32(value, S_CMD0, OPCODE);

    REG(s, S_CMD0) = value;
    trace_qcom_geni_uart_cmd("S", opcode, 0);
    if (opcode != GENI_OPCODE_START) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-geni-uart: S_CMD0 opcode %u is "
                      "not UART_START_READ; ignored\n", opcode);
        return;
    }
    s->s_active = true;
    qemu_chr_fe_accept_input(&s->chr);
}

static void geni_s_ctrl(QcomGeniUartState *s, uint32_t value)
{
    if (!(value & (R_S_CMD_CTRL_CANCEL_MASK | R_S_CMD_CTRL_ABORT_MASK))) {
        return;
    }
    trace_qcom_geni_uart_stop("S", value & R_S_CMD_CTRL_ABORT_MASK);
    s->s_active = false;
    geni_rx_flush(s);
    s->s_status |= value & R_S_CMD_CTRL_ABORT_MASK ?
                   R_S_IRQ_STATUS_CMD_ABORT_MASK :
                   R_S_IRQ_STATUS_CMD_CANCEL_MASK;
}

static uint32_t geni_rx_pop(QcomGeniUartState *s)
{
    uint32_t word;

    if (!s->rx_words) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-geni-uart: RX FIFO read while "
                      "empty\n");
        return 0;
    }
    word = s->rx_fifo[s->rx_head++];
    if (!--s->rx_words) {
        geni_rx_flush(s);
        qemu_chr_fe_accept_input(&s->chr);
    }
    return word;
}

static uint64_t geni_read(void *opaque, hwaddr addr, unsigned size)
{
    QcomGeniUartState *s = opaque;
    uint32_t *reg;
    uint64_t r = 0;

    switch (addr) {
    case A_GENI_STATUS:
        r = FIELD_DP32(0, GENI_STATUS, M_CMD_ACTIVE, geni_tx_active(s));
        r = FIELD_DP32(r, GENI_STATUS, S_CMD_ACTIVE, s->s_active);
        break;
    case A_FW_REVISION_RO:
    case A_FW_S_REVISION_RO:
        r = GENI_PROTO_UART << 8;
        break;
    case A_HW_PARAM_0:
    case A_HW_PARAM_1:
        r = GENI_HW_PARAM;
        break;
    case A_M_IRQ_STATUS:
        r = s->m_status;
        break;
    case A_S_IRQ_STATUS:
        r = s->s_status;
        break;
    case A_RX_FIFO ... A_RX_FIFO + 0x7c:
        r = geni_rx_pop(s);
        geni_update(s);
        break;
    case A_RX_FIFO_STATUS:
        r = FIELD_DP32(s->rx_words, RX_FIFO_STATUS, LAST_BYTE_VALID,
                       s->rx_last_bytes);
        /* the last word of the batch is always in the FIFO */
        r = FIELD_DP32(r, RX_FIFO_STATUS, LAST, s->rx_words != 0);
        break;
    case A_M_GP_LENGTH:
        r = s->tx_sent;
        break;
    case A_M_CMD_CTRL:
    case A_S_CMD_CTRL:
    case A_TX_FIFO_STATUS:      /* drained as it is written */
    case A_IOS:
    case A_DMA_TX_IRQ_STAT:
    case A_DMA_RX_IRQ_STAT:
    case A_M_CMD0:
        break;
    default:
        reg = geni_storage(s, addr);
        if (reg) {
            r = *reg;
        } else {
            qemu_log_mask(LOG_UNIMP, "qcom-geni-uart: read of unmodelled "
                          "register 0x%" HWADDR_PRIx "\n", addr);
        }
        break;
    }
    trace_qcom_geni_uart_read(addr, r);
    return r;
}

static void geni_write(void *opaque, hwaddr addr, uint64_t value,
                       unsigned size)
{
    QcomGeniUartState *s = opaque;
    uint32_t *reg;

    trace_qcom_geni_uart_write(addr, value);
    switch (addr) {
    case A_M_CMD0:
        geni_m_cmd(s, value);
        break;
    case A_M_CMD_CTRL:
        geni_m_ctrl(s, value);
        break;
    case A_S_CMD0:
        geni_s_cmd(s, value);
        break;
    case A_S_CMD_CTRL:
        geni_s_ctrl(s, value);
        break;
    case A_M_IRQ_CLEAR:
        s->m_status &= ~value;
        break;
    case A_S_IRQ_CLEAR:
        s->s_status &= ~value;
        break;
    case A_M_IRQ_EN_SET:
        REG(s, M_IRQ_EN) |= value;
        break;
    case A_M_IRQ_EN_CLEAR:
        REG(s, M_IRQ_EN) &= ~value;
        break;
    case A_S_IRQ_EN_SET:
        REG(s, S_IRQ_EN) |= value;
        break;
    case A_S_IRQ_EN_CLEAR:
        REG(s, S_IRQ_EN) &= ~value;
        break;
    case A_TX_FIFO ... A_TX_FIFO + 0x7c:
        geni_tx_word(s, value);
        break;
    case A_FORCE_DEFAULT:       /* outputs to their defaults: nothing held */
    case A_DMA_TX_IRQ_CLR:      /* no DMA: nothing to clear */
    case A_DMA_RX_IRQ_CLR:
        break;
    default:
        reg = geni_storage(s, addr);
        if (reg) {
            *reg = value;
        } else {
            qemu_log_mask(LOG_UNIMP, "qcom-geni-uart: write of unmodelled "
                          "register 0x%" HWADDR_PRIx " (0x%" PRIx64 ")\n",
                          addr, value);
        }
        break;
    }
    geni_update(s);
}

static const MemoryRegionOps geni_ops = {
    .read = geni_read,
    .write = geni_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* One batch at a time: a partial word can then only be the last. */
static int geni_can_receive(void *opaque)
{
    QcomGeniUartState *s = opaque;

    return s->s_active && !s->rx_words ? GENI_RX_BATCH : 0;
}

static void geni_receive(void *opaque, const uint8_t *buf, int size)
{
    QcomGeniUartState *s = opaque;
    unsigned n = MIN(size, GENI_RX_BATCH);
    uint32_t rx_wm = REG(s, RX_WATERMARK);

    if (!s->s_active || s->rx_words) {
        return;
    }
    trace_qcom_geni_uart_rx(n);
    memset(s->rx_fifo, 0, sizeof(s->rx_fifo));
    for (unsigned i = 0; i < n; i++) {
        s->rx_fifo[i / 4] |= buf[i] << (8 * (i % 4));
    }
    s->rx_words = DIV_ROUND_UP(n, 4);
    s->rx_head = 0;
    /* the line goes idle after the batch: the stale timeout ends it */
    s->rx_last_bytes = n % 4;
    s->s_status |= R_S_IRQ_STATUS_RX_FIFO_LAST_MASK;
    if (rx_wm && s->rx_words >= rx_wm) {
        s->s_status |= R_S_IRQ_STATUS_RX_FIFO_WATERMARK_MASK;
    }
    geni_update(s);
}

static void geni_reset_hold(Object *obj, ResetType type)
{
    QcomGeniUartState *s = QCOM_GENI_UART(obj);

    memset(s->storage, 0, sizeof(s->storage));
    s->s_active = false;
    s->tx_left = 0;
    s->tx_sent = 0;
    /* the boot loader's last transfer completed */
    s->m_status = R_M_IRQ_STATUS_CMD_DONE_MASK;
    s->s_status = 0;
    geni_rx_flush(s);
    geni_update(s);
}

static int geni_post_load(void *opaque, int version_id)
{
    QcomGeniUartState *s = opaque;

    if (s->rx_words > QCOM_GENI_FIFO_WORDS ||
        s->rx_head > QCOM_GENI_FIFO_WORDS - s->rx_words ||
        s->rx_last_bytes > 3) {
        return -EINVAL;
    }
    return 0;
}

static const VMStateDescription geni_vmstate = {
    .name = TYPE_QCOM_GENI_UART,
    .version_id = 2,
    .minimum_version_id = 2,
    .post_load = geni_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(storage, QcomGeniUartState,
                             QCOM_GENI_STORAGE_REGS),
        VMSTATE_UINT32(m_status, QcomGeniUartState),
        VMSTATE_UINT32(tx_left, QcomGeniUartState),
        VMSTATE_UINT32(tx_sent, QcomGeniUartState),
        VMSTATE_BOOL(s_active, QcomGeniUartState),
        VMSTATE_UINT32(s_status, QcomGeniUartState),
        VMSTATE_UINT32_ARRAY(rx_fifo, QcomGeniUartState,
                             QCOM_GENI_FIFO_WORDS),
        VMSTATE_UINT32(rx_words, QcomGeniUartState),
        VMSTATE_UINT32(rx_head, QcomGeniUartState),
        VMSTATE_UINT32(rx_last_bytes, QcomGeniUartState),
        VMSTATE_END_OF_LIST()
    }
};

static void geni_realize(DeviceState *dev, Error **errp)
{
    QcomGeniUartState *s = QCOM_GENI_UART(dev);

    qemu_chr_fe_set_handlers(&s->chr, geni_can_receive, geni_receive, NULL,
                             NULL, s, NULL, true);
}

static void geni_init(Object *obj)
{
    QcomGeniUartState *s = QCOM_GENI_UART(obj);

    memory_region_init_io(&s->iomem, obj, &geni_ops, s, TYPE_QCOM_GENI_UART,
                          QCOM_GENI_UART_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

static const Property geni_properties[] = {
    DEFINE_PROP_CHR("chardev", QcomGeniUartState, chr),
};

static void geni_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm GENI serial engine (UART, FIFO mode)";
    dc->realize = geni_realize;
    dc->vmsd = &geni_vmstate;
    rc->phases.hold = geni_reset_hold;
    device_class_set_props(dc, geni_properties);
}

static const TypeInfo geni_types[] = {
    {
        .name = TYPE_QCOM_GENI_UART,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomGeniUartState),
        .instance_init = geni_init,
        .class_init = geni_class_init,
    },
};

DEFINE_TYPES(geni_types)
