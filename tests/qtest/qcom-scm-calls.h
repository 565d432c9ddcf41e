/*
 * The SCM qtests' way to make SMCs: qtest runs no CPU code, and only a
 * CPU can execute SMC, so the bare-metal program
 * guest/baremetal/scm-calls.c (found through QMS_GUEST_DIR) issues the
 * calls of a table the test writes into a mailbox in memory and writes
 * back x0..x3 (and how many times it resumed the call, interrupted);
 * before a call it can copy a buffer with cacheable stores (lines the
 * CPU holds and did not clean).
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef QCOM_SCM_CALLS_H
#define QCOM_SCM_CALLS_H

#include "libqtest.h"

/* The mailbox of guest/baremetal/scm-calls.c */
#define MBOX            0x80100000ULL
#define MAGIC           0x53434d2d43414c4cULL
#define MB_NCALLS       (MBOX + 0x08)
#define MB_REQ          (MBOX + 0x10)
#define MB_ACK          (MBOX + 0x18)
#define MB_CALL(i)      (MBOX + 0x100 + 0x80 * (i))
#define MAX_CALLS       128

typedef struct Call {
    uint64_t x[6];
    uint64_t copy_src, copy_dst, copy_len;
    uint64_t out[4];
    uint64_t interrupted;
} Call;

static uint64_t scm_calls_req;

/* Boot machine (with extra options) running the program */
static inline QTestState *scm_calls_boot(const char *machine,
                                         const char *extra)
{
    QTestState *qts;

    qts = qtest_initf("-M %s -smp 1 -accel tcg -S %s "
                      "-kernel %s/baremetal/scm-calls.elf", machine, extra,
                      g_getenv("QMS_GUEST_DIR"));
    qtest_writeq(qts, MBOX, MAGIC);
    scm_calls_req = 0;
    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    return qts;
}

/* Have the program issue the calls; their answers land in out[]. */
static inline void scm_calls_run(QTestState *qts, Call *calls,
                                 unsigned n)
{
    g_assert_cmpuint(n, <=, MAX_CALLS);
    for (unsigned i = 0; i < n; i++) {
        uint64_t c = MB_CALL(i);

        for (int r = 0; r < 6; r++) {
            qtest_writeq(qts, c + 8 * r, calls[i].x[r]);
        }
        qtest_writeq(qts, c + 0x30, calls[i].copy_src);
        qtest_writeq(qts, c + 0x38, calls[i].copy_dst);
        qtest_writeq(qts, c + 0x40, calls[i].copy_len);
        for (int r = 0; r < 4; r++) {
            qtest_writeq(qts, c + 0x50 + 8 * r, 0xbad0bad0bad0bad0ULL);
        }
    }
    qtest_writeq(qts, MB_NCALLS, n);
    qtest_writeq(qts, MB_REQ, ++scm_calls_req);
    /* The program acknowledges the request when done: 10 s at most */
    for (int i = 0; qtest_readq(qts, MB_ACK) != scm_calls_req; i++) {
        g_assert_cmpint(i, <, 10000);
        g_usleep(1000);
    }
    for (unsigned i = 0; i < n; i++) {
        for (int r = 0; r < 4; r++) {
            calls[i].out[r] = qtest_readq(qts, MB_CALL(i) + 0x50 + 8 * r);
        }
        calls[i].interrupted = qtest_readq(qts, MB_CALL(i) + 0x70);
    }
}

#endif /* QCOM_SCM_CALLS_H */
