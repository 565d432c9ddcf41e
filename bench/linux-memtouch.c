/*
 * A Linux init for bench/dcache_overhead.py (linux1g): malloc 1 GiB,
 * write it twice, read it back, power off. The bench builds it with the
 * cross compiler (static) and packs it into an initramfs as /memtouch,
 * booted with rdinit=/memtouch: the guest of the measurement,
 * with the kernel's own page faults and clear_page() under it.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/reboot.h>
#include <unistd.h>

#define SIZE (1UL << 30)
#define SEED 0x9e3779b97f4a7c15ULL

/* volatile: the compiler must not drop or merge the stores being measured */
static void fill(volatile uint64_t *p, uint64_t n, uint64_t salt)
{
    for (uint64_t i = 0; i < n; i += 2) {
        p[i] = i * SEED ^ salt;
        p[i + 1] = salt;
    }
}

int main(void)
{
    /* volatile: every access must reach the memory system */
    volatile uint64_t *p = malloc(SIZE);
    uint64_t n = SIZE / 8, bad = 0;

    if (!p) {
        printf("memtouch: FAIL malloc\n");
    } else {
        fill(p, n, 1);
        fill(p, n, 2);
        for (uint64_t i = 0; i < n; i += 2) {
            bad |= (p[i] ^ (i * SEED ^ 2)) | (p[i + 1] ^ 2);
        }
        printf(bad ? "memtouch: FAIL read back\n" : "memtouch: PASS\n");
    }
    fflush(stdout);
    sync();
    reboot(RB_POWER_OFF);
    return 0;
}
