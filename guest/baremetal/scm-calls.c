/*
 * For tests/qtest/qcom-scm-test.c: issues the SMCs of a table the test
 * writes into a mailbox in memory and writes back what the firmware
 * answered, one batch per request, then waits for the next request.
 *
 * Without a table (tests/guest/test_baremetal.py runs it alone) it checks
 * Linux's convention probe and an unknown call, and powers off.
 *
 * Mailbox (little-endian u64s, accessed through the non-cacheable alias
 * so that the test, which reads and writes memory, sees them at once):
 *   [0] MAGIC, [1] number of calls, [2] request (the test increments it),
 *   [3] acknowledged request (the program sets it to [2] when done);
 *   at +0x100, 128 bytes per call: x0..x5 to pass, then a copy to make
 *   with cacheable stores just before the SMC (source, destination,
 *   length: lists the CPU wrote and did not clean), then x0..x3 returned
 *   and how many times the firmware answered QCOM_SCM_INTERRUPTED (the
 *   program resumes the call each time, as Linux does).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* volatile: the test reads and writes the mailbox while we run */
#define MAILBOX ((volatile uint64_t *)0x80100000UL)
#define MAGIC 0x53434d2d43414c4cULL     /* "SCM-CALL" */
#define CALLS 0x20                      /* u64 index of the first call */
#define CALL_WORDS 16
#define MAX_CALLS 128

enum {
    C_X0 = 0,                           /* .. C_X0 + 5: x0..x5 */
    C_COPY_SRC = 6,
    C_COPY_DST = 7,
    C_COPY_LEN = 8,
    C_OUT = 10,                         /* .. C_OUT + 3: x0..x3 */
    C_INTERRUPTED = 14,
};

#define SCM_INTERRUPTED 1

/*
 * volatile: c is a call of the mailbox. An interrupted call is resumed
 * with x0 = 1, its x1..x5 and the x6 the firmware gave, as Linux's
 * __scm_smc_do_quirk does.
 */
static void smc(volatile uint64_t *c)
{
    uint64_t fn = c[C_X0], a6 = 0, n = 0;

    for (;;) {
        register uint64_t x0 __asm__("x0") = fn;
        register uint64_t x1 __asm__("x1") = c[C_X0 + 1];
        register uint64_t x2 __asm__("x2") = c[C_X0 + 2];
        register uint64_t x3 __asm__("x3") = c[C_X0 + 3];
        register uint64_t x4 __asm__("x4") = c[C_X0 + 4];
        register uint64_t x5 __asm__("x5") = c[C_X0 + 5];
        register uint64_t x6 __asm__("x6") = a6;
        register uint64_t x7 __asm__("x7") = 0;

        __asm__ volatile("smc #0"
                         : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
                           "+r"(x5), "+r"(x6), "+r"(x7) : : "memory");
        if (x0 != SCM_INTERRUPTED) {
            c[C_OUT] = x0;
            c[C_OUT + 1] = x1;
            c[C_OUT + 2] = x2;
            c[C_OUT + 3] = x3;
            c[C_INTERRUPTED] = n;
            return;
        }
        fn = SCM_INTERRUPTED;
        a6 = x6;
        n++;
    }
}

/* Cacheable stores, no maintenance: memory keeps its old data. */
static void copy_cached(uint64_t src, uint64_t dst, uint64_t len)
{
    /* volatile: the stores must happen, through the cacheable mapping */
    volatile uint8_t *d = (volatile uint8_t *)dst;
    /* volatile: read what memory holds, through the non-cacheable alias */
    volatile const uint8_t *s = BM_NC((volatile const uint8_t *)src);

    for (uint64_t i = 0; i < len; i++) {
        d[i] = s[i];
    }
    dsb_sy();
}

/* The availability query Linux probes with, and a call nobody has */
static int self_check(void)
{
    static uint64_t c[CALL_WORDS];      /* static: no memset needed */

    c[C_X0] = 0xc2000601;
    c[C_X0 + 1] = 1;
    c[C_X0 + 2] = 0x02000601;
    smc(c);
    if (c[C_OUT] != 0 || c[C_OUT + 1] != 1) {
        BM_FAIL("the SMC64 availability query is not answered");
        return 1;
    }
    c[C_X0] = 0x42003f3f;
    smc(c);
    if (c[C_OUT] != (uint64_t)-1) {
        BM_FAIL("an unknown SiP call is not NOT_SUPPORTED");
        return 1;
    }
    BM_PASS();
    return 0;
}

int main(void)
{
    /* volatile: the test writes the mailbox while the program runs */
    volatile uint64_t *mb = BM_NC(MAILBOX);
    uint64_t done = 0;

    bm_mmu_enable();
    if (mb[0] != MAGIC) {
        return self_check();
    }
    for (;;) {
        uint64_t req = mb[2];
        uint64_t n = mb[1];

        if (req == done) {
            continue;
        }
        for (uint64_t i = 0; i < n && i < MAX_CALLS; i++) {
            volatile uint64_t *c = mb + CALLS + i * CALL_WORDS; /* ditto */

            if (c[C_COPY_LEN]) {
                copy_cached(c[C_COPY_SRC], c[C_COPY_DST], c[C_COPY_LEN]);
            }
            smc(c);
        }
        dsb_sy();
        mb[3] = req;
        done = req;
    }
}
