/*
 * The XPU stops a real CPU access. tests/guest/test_baremetal.py starts
 * QEMU paused and, through the monitor, gives the page at XPU_PAGE to the
 * modem with read access left to HLOS:
 *     xpu-assign 0x90000000 0x1000 0x8008 0x8000
 * This program then reads the page (allowed: it passes the XPU's checked
 * path), writes the page next to it (allowed: the fast path), and writes
 * the modem's page: the XPU must report a write by apps at XPU_PAGE + 0x40
 * and end QEMU with status 1. Getting past that store is a failure.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"

#define XPU_PAGE 0x90000000UL

int main(void)
{
    /* volatile: each access must reach the XPU */
    volatile uint64_t *page = (volatile uint64_t *)XPU_PAGE;  /* see above */
    volatile uint64_t *next = (volatile uint64_t *)(XPU_PAGE + 0x1000); /* " */
    uint64_t v = page[0];

    bm_puts("bm: read of the modem's read-shared page gave ");
    bm_puthex(v);
    bm_puts("\n");
    next[0] = 0x1234;
    if (next[0] != 0x1234) {
        BM_FAIL("the page after the modem's does not hold a write");
        return 1;
    }
    bm_puts("bm: writing to the modem's page at ");
    bm_puthex(XPU_PAGE + 0x40);
    bm_puts("\n");
    page[8] = 0xbad;
    /* QEMU has been asked to exit; the store must not be visible */
    for (volatile int i = 0; i < 1000000; i++) {   /* a bounded wait */
        /* QEMU stops this CPU at the violation; reaching the end fails */
    }
    BM_FAIL("no XPU violation");
    return 1;
}
