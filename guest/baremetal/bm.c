/*
 * Support for bare-metal test programs on the db845c board.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"

/* The GENI serial engine, as Linux's earlycon drives it: a byte a command */
#define GENI_M_CMD0 0x600
#define GENI_M_IRQ_STATUS 0x610
#define GENI_M_IRQ_CLEAR 0x618
#define GENI_TX_FIFO 0x700
#define GENI_TX_TRANS_LEN 0x270
#define GENI_M_CMD_DONE (1u << 0)
#define GENI_UART_START_TX (1u << 27)

#define PSCI_SYSTEM_OFF 0x84000008UL

static inline uint32_t rd32(uintptr_t a)
{
    return *(volatile uint32_t *)a;     /* a device register */
}

static inline void wr32(uintptr_t a, uint32_t v)
{
    *(volatile uint32_t *)a = v;        /* a device register */
}

void bm_putc(char c)
{
    wr32(BM_UART_BASE + GENI_M_IRQ_CLEAR, GENI_M_CMD_DONE);
    wr32(BM_UART_BASE + GENI_TX_TRANS_LEN, 1);
    wr32(BM_UART_BASE + GENI_M_CMD0, GENI_UART_START_TX);
    wr32(BM_UART_BASE + GENI_TX_FIFO, (uint8_t)c);
    while (!(rd32(BM_UART_BASE + GENI_M_IRQ_STATUS) & GENI_M_CMD_DONE)) {
        /* wait for the byte to go out */
    }
}

void bm_puts(const char *s)
{
    while (*s) {
        if (*s == '\n') {
            bm_putc('\r');
        }
        bm_putc(*s++);
    }
}

void bm_puthex(uint64_t v)
{
    bm_puts("0x");
    for (int i = 60; i >= 0; i -= 4) {
        bm_putc("0123456789abcdef"[(v >> i) & 0xf]);
    }
}

void bm_poweroff(void)
{
    register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;

    __asm__ volatile("smc #0" : "+r"(x0) : : "memory");
    for (;;) {
        __asm__ volatile("wfi");
    }
}
