/*
 * Support for bare-metal test programs on qcom-sm8250.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"

#define UARTDR 0x000
#define UARTFR 0x018
#define UARTFR_TXFF (1u << 5)

#define PSCI_SYSTEM_OFF 0x84000008UL

static inline uint32_t rd32(uintptr_t a)
{
    return *(volatile uint32_t *)a;     /* a device register */
}

static inline void wr32(uintptr_t a, uint32_t v)
{
    *(volatile uint32_t *)a = v;        /* a device register */
}

#define UARTCR 0x030
#define UARTCR_EN_TX (1u << 0 | 1u << 8)

void bm_putc(char c)
{
    static int enabled;

    if (!enabled) {
        wr32(BM_UART_BASE + UARTCR, UARTCR_EN_TX);
        enabled = 1;
    }
    while (rd32(BM_UART_BASE + UARTFR) & UARTFR_TXFF) {
        /* wait for room in the transmit FIFO */
    }
    wr32(BM_UART_BASE + UARTDR, (uint8_t)c);
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
