/*
 * Support for bare-metal test programs on the db845c board: console
 * output on the debug UART (GENI serial engine) and power-off through PSCI.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef BM_H
#define BM_H

#include <stdint.h>

#define BM_UART_BASE 0x00a84000UL

void bm_putc(char c);
void bm_puts(const char *s);
void bm_puthex(uint64_t v);
void __attribute__((noreturn)) bm_poweroff(void);

/* "bm: KEY" lines are what tests/guest parses. */
#define BM_PASS() bm_puts("bm: PASS\n")
#define BM_FAIL(why) do { bm_puts("bm: FAIL " why "\n"); } while (0)

#endif
