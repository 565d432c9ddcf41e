/*
 * QTest for the qcom-sm8250 machine: it starts, each block of its address
 * map answers where the generated device tree says it is, and the device
 * tree is well-formed with the nodes Linux needs.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include <libfdt.h>

#define DRAM_BASE 0x80000000ULL

typedef struct DtbFile {
    QTestState *qts;
    gchar *blob;
    gsize size;
} DtbFile;

static void dtb_open(DtbFile *d, const char *args)
{
    g_autofree char *path = NULL;
    g_autoptr(GError) err = NULL;
    int fd = g_file_open_tmp("qcom-sm8250-XXXXXX.dtb", &path, &err);
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

static void dtb_close(DtbFile *d)
{
    qtest_quit(d->qts);
    g_free(d->blob);
}

static int node(const DtbFile *d, const char *path)
{
    int off = fdt_path_offset(d->blob, path);

    if (off < 0) {
        g_test_message("missing node %s", path);
    }
    g_assert_cmpint(off, >=, 0);
    return off;
}

/* The n-th (address, size) pair of a node's reg, with 2 + 2 cells. */
static void reg(const DtbFile *d, const char *path, int n,
                uint64_t *base, uint64_t *size)
{
    int len;
    const fdt64_t *r = fdt_getprop(d->blob, node(d, path), "reg", &len);

    g_assert_nonnull(r);
    g_assert_cmpint(len, >=, (n + 1) * 16);
    *base = fdt64_to_cpu(r[2 * n]);
    *size = fdt64_to_cpu(r[2 * n + 1]);
}

static void test_dt_nodes(void)
{
    DtbFile d;
    const char *s;
    int len, off, ncpu = 0;

    dtb_open(&d, "-M qcom-sm8250");

    s = fdt_getprop(d.blob, 0, "compatible", &len);
    g_assert_cmpstr(s, ==, "qcom,sm8250");
    node(&d, "/timer");
    node(&d, "/reserved-memory/linux,cma");
    g_assert_nonnull(fdt_getprop(d.blob,
                                 node(&d, "/reserved-memory/smem@80900000"),
                                 "no-map", &len));
    s = fdt_getprop(d.blob, node(&d, "/psci"), "method", &len);
    g_assert_cmpstr(s, ==, "smc");
    s = fdt_getprop(d.blob, node(&d, "/chosen"), "stdout-path", &len);
    g_assert_cmpstr(s, ==, "/soc/serial@a90000");
    node(&d, s);
    s = fdt_getprop(d.blob, node(&d, "/soc/interrupt-controller@17a00000"),
                    "compatible", &len);
    g_assert_cmpstr(s, ==, "arm,gic-v3");

    fdt_for_each_subnode(off, d.blob, node(&d, "/cpus")) {
        s = fdt_getprop(d.blob, off, "compatible", &len);
        g_assert_cmpstr(s, ==, "arm,cortex-a76");
        s = fdt_getprop(d.blob, off, "enable-method", &len);
        g_assert_cmpstr(s, ==, "psci");
        ncpu++;
    }
    g_assert_cmpint(ncpu, ==, 8);
    dtb_close(&d);
}

static void test_smp_and_memory_size(void)
{
    DtbFile d;
    uint64_t base, size;
    int off, ncpu = 0;

    dtb_open(&d, "-M qcom-sm8250 -smp 2 -m 1536M");
    fdt_for_each_subnode(off, d.blob, node(&d, "/cpus")) {
        ncpu++;
    }
    g_assert_cmpint(ncpu, ==, 2);
    reg(&d, "/memory@80000000", 0, &base, &size);
    g_assert_cmphex(base, ==, DRAM_BASE);
    g_assert_cmphex(size, ==, 1536ULL << 20);
    dtb_close(&d);
}

/* Each block answers at the address the device tree gives it. */
static void test_blocks_answer(void)
{
    DtbFile d;
    uint64_t base, size;

    dtb_open(&d, "-M qcom-sm8250");

    /* GICv3 distributor and redistributors: PIDR2.ArchRev == 3 */
    reg(&d, "/soc/interrupt-controller@17a00000", 0, &base, &size);
    g_assert_cmphex((qtest_readl(d.qts, base + 0xffe8) >> 4) & 0xf, ==, 3);
    reg(&d, "/soc/interrupt-controller@17a00000", 1, &base, &size);
    g_assert_cmphex(size, ==, 8 * 0x20000);
    for (int cpu = 0; cpu < 8; cpu++) {
        uint64_t rd = base + cpu * 0x20000;

        g_assert_cmphex((qtest_readl(d.qts, rd + 0xffe8) >> 4) & 0xf, ==, 3);
        /* GICR_TYPER.Processor_Number, Last on the final frame */
        g_assert_cmpuint((qtest_readq(d.qts, rd + 0x8) >> 8) & 0xffff,
                         ==, cpu);
        g_assert_cmpuint((qtest_readq(d.qts, rd + 0x8) >> 4) & 1,
                         ==, cpu == 7);
    }

    /* PL011: PrimeCell peripheral and cell IDs */
    reg(&d, "/soc/serial@a90000", 0, &base, &size);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xfe0), ==, 0x11);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xfe4), ==, 0x10);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xff0), ==, 0x0d);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xffc), ==, 0xb1);

    /* DRAM: first and last word hold what was written */
    reg(&d, "/memory@80000000", 0, &base, &size);
    g_assert_cmphex(size, ==, 2ULL << 30);
    qtest_writel(d.qts, base, 0x600dcafe);
    qtest_writel(d.qts, base + size - 4, 0x5eedf00d);
    g_assert_cmphex(qtest_readl(d.qts, base), ==, 0x600dcafe);
    g_assert_cmphex(qtest_readl(d.qts, base + size - 4), ==, 0x5eedf00d);
    dtb_close(&d);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-sm8250/dt/nodes", test_dt_nodes);
    qtest_add_func("/qcom-sm8250/dt/smp-and-memory", test_smp_and_memory_size);
    qtest_add_func("/qcom-sm8250/blocks-answer", test_blocks_answer);

    return g_test_run();
}
