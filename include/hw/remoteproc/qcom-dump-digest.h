/*
 * The digest that ties a remote processor's coredump to its memory
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * When a remote processor crashes, the models take this digest of each
 * segment of its image as memory holds it (qcom-q6v5-remote.c); the test
 * init takes it of each segment of the coredump the kernel collected
 * (guest/init/init.c); check-kernel compares the two. FNV-1a, 64 bits:
 * a check that two copies agree, not a cryptographic hash. Plain C, so
 * that the init builds it too.
 */

#ifndef HW_REMOTEPROC_QCOM_DUMP_DIGEST_H
#define HW_REMOTEPROC_QCOM_DUMP_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define QCOM_DUMP_DIGEST_INIT   0xcbf29ce484222325ULL

/* The digest h (QCOM_DUMP_DIGEST_INIT at first) extended by len bytes */
static inline uint64_t qcom_dump_digest(uint64_t h, const void *buf,
                                        size_t len)
{
    const uint8_t *p = buf;

    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

#endif /* HW_REMOTEPROC_QCOM_DUMP_DIGEST_H */
