/*
 * Accesses to SoC blocks the board does not model (the USB 3 controller,
 * UFS, the GPU at their sdm845.dtsi addresses): they read zero, ignore
 * writes, are logged with -d unimp, and the program goes on.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"

static const uintptr_t unmodelled[] = {
    0x0a600000,     /* usb@a600000: DWC3 */
    0x01d84000,     /* ufshc@1d84000 */
    0x05000000,     /* gpu@5000000: Adreno 630 */
};

int main(void)
{
    for (unsigned i = 0; i < sizeof(unmodelled) / sizeof(*unmodelled); i++) {
        /* volatile: device registers, each access must reach the bus */
        volatile uint32_t *reg = (volatile uint32_t *)unmodelled[i];

        *reg = 0xffffffff;
        if (*reg != 0) {
            bm_puts("bm: at ");
            bm_puthex(unmodelled[i]);
            bm_puts("\n");
            BM_FAIL("an unmodelled block kept a write");
            return 1;
        }
    }
    BM_PASS();
    return 0;
}
