/*
 * The device tree a qcom-mss-sim machine generates, as the board qtests
 * read it: dumped through QMP "dumpdtb", then looked up with libfdt.
 * Every lookup asserts what it expects, so a missing node or property
 * fails the test where it is named.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef QCOM_DTB_H
#define QCOM_DTB_H

#include "qemu/bswap.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include <libfdt.h>

typedef struct DtbFile {
    QTestState *qts;
    gchar *blob;
    gsize size;
} DtbFile;

static inline void dtb_open(DtbFile *d, const char *args)
{
    g_autofree char *path = NULL;
    g_autoptr(GError) err = NULL;
    int fd = g_file_open_tmp("qcom-XXXXXX.dtb", &path, &err);
    QDict *rsp;

    g_assert_no_error(err);
    close(fd);
    d->qts = qtest_init(args);
    rsp = qtest_qmp(d->qts, "{'execute': 'dumpdtb', "
                    "'arguments': {'filename': %s}}", path);
    g_assert(qdict_haskey(rsp, "return"));
    qobject_unref(rsp);
    g_assert(g_file_get_contents(path, &d->blob, &d->size, &err));
    g_assert_no_error(err);
    unlink(path);
    g_assert_cmpint(fdt_check_header(d->blob), ==, 0);
    g_assert_cmpuint(fdt_totalsize(d->blob), <=, d->size);
}

static inline void dtb_close(DtbFile *d)
{
    qtest_quit(d->qts);
    g_free(d->blob);
}

static inline int node(const DtbFile *d, const char *path)
{
    int off = fdt_path_offset(d->blob, path);

    if (off < 0) {
        g_test_message("missing node %s", path);
    }
    g_assert_cmpint(off, >=, 0);
    return off;
}

/* The n-th (address, size) pair of a node's reg, with 2 + 2 cells. */
static inline void reg(const DtbFile *d, const char *path, int n,
                       uint64_t *base, uint64_t *size)
{
    int len;
    const uint8_t *r = fdt_getprop(d->blob, node(d, path), "reg", &len);

    g_assert_nonnull(r);
    g_assert_cmpint(len, >=, (n + 1) * 16);
    /* a property is 4-byte aligned only: no fdt64_t loads */
    *base = ldq_be_p(r + 16 * n);
    *size = ldq_be_p(r + 16 * n + 8);
}

/* A property's value as n 32-bit cells, which it must be exactly. */
static inline void cells(const DtbFile *d, const char *path,
                         const char *prop, uint32_t *out, int n)
{
    int len;
    const fdt32_t *p = fdt_getprop(d->blob, node(d, path), prop, &len);

    if (!p) {
        g_test_message("missing %s in %s", prop, path);
    }
    g_assert_nonnull(p);
    g_assert_cmpint(len, ==, n * 4);
    for (int i = 0; i < n; i++) {
        out[i] = fdt32_to_cpu(p[i]);
    }
}

static inline uint32_t cell(const DtbFile *d, const char *path,
                            const char *prop)
{
    uint32_t v;

    cells(d, path, prop, &v, 1);
    return v;
}

#endif /* QCOM_DTB_H */
