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

    /* a board, then the SoC, as the bindings want */
    s = fdt_getprop(d.blob, 0, "compatible", &len);
    g_assert_cmpstr(s, ==, "qcom,sm8250-mtp");
    g_assert_cmpint(fdt_node_check_compatible(d.blob, 0, "qcom,sm8250"), ==, 0);
    node(&d, "/timer");
    node(&d, "/reserved-memory/linux,cma");
    g_assert_nonnull(fdt_getprop(d.blob,
                                 node(&d, "/reserved-memory/smem@86000000"),
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

/* A property's value as n 32-bit cells, which it must be exactly. */
static void cells(const DtbFile *d, const char *path, const char *prop,
                  uint32_t *out, int n)
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

static uint32_t cell(const DtbFile *d, const char *path, const char *prop)
{
    uint32_t v;

    cells(d, path, prop, &v, 1);
    return v;
}

static void check_compatible(const DtbFile *d, const char *path,
                             const char *compat, int compat_len)
{
    int len;
    const char *s = fdt_getprop(d->blob, node(d, path), "compatible", &len);

    g_assert_nonnull(s);
    g_assert_cmpint(len, ==, compat_len);
    g_assert(memcmp(s, compat, len) == 0);
}

#define CHECK_COMPATIBLE(d, path, compat) \
    check_compatible(d, path, compat, sizeof(compat))

/*
 * The platform services' nodes as the upstream bindings give them
 * (qcom,scm.yaml, qcom-hwspinlock.yaml, qcom,smem.yaml,
 * qcom,apcs-kpss-global.yaml, qcom,smp2p.yaml) and sdm845.dtsi wires them.
 */
static void test_dt_services(void)
{
    const char *mutex = "/soc/hwlock@1f40000";
    const char *smem = "/reserved-memory/smem@86000000";
    const char *mbox = "/soc/mailbox@17990000";
    const char *smp2p = "/smp2p-mpss";
    DtbFile d;
    uint64_t base, size;
    uint32_t v[3], mutex_ph, mbox_ph;
    int len;

    dtb_open(&d, "-M qcom-sm8250");

    CHECK_COMPATIBLE(&d, "/firmware/scm", "qcom,scm-sm8250\0qcom,scm");
    g_assert_cmpuint(cell(&d, "/firmware/scm", "#reset-cells"), ==, 1);

    CHECK_COMPATIBLE(&d, mutex, "qcom,tcsr-mutex");
    reg(&d, mutex, 0, &base, &size);
    g_assert_cmphex(base, ==, 0x01f40000);
    g_assert_cmphex(size, ==, 0x40000);
    g_assert_cmpuint(cell(&d, mutex, "#hwlock-cells"), ==, 1);
    mutex_ph = cell(&d, mutex, "phandle");

    CHECK_COMPATIBLE(&d, smem, "qcom,smem");
    reg(&d, smem, 0, &base, &size);
    g_assert_cmphex(base, ==, 0x86000000);
    g_assert_cmphex(size, ==, 0x200000);
    g_assert_nonnull(fdt_getprop(d.blob, node(&d, smem), "no-map", &len));
    cells(&d, smem, "hwlocks", v, 2);
    g_assert_cmpuint(v[0], ==, mutex_ph);
    g_assert_cmpuint(v[1], ==, 3);

    CHECK_COMPATIBLE(&d, mbox, "qcom,sdm845-apss-shared");
    reg(&d, mbox, 0, &base, &size);
    g_assert_cmphex(base, ==, 0x17990000);
    g_assert_cmphex(size, ==, 0x1000);
    g_assert_cmpuint(cell(&d, mbox, "#mbox-cells"), ==, 1);
    mbox_ph = cell(&d, mbox, "phandle");

    CHECK_COMPATIBLE(&d, smp2p, "qcom,smp2p");
    cells(&d, smp2p, "qcom,smem", v, 2);
    g_assert_cmpuint(v[0], ==, 435);
    g_assert_cmpuint(v[1], ==, 428);
    /* GIC SPI 451, edge rising, through the root's interrupt-parent */
    cells(&d, smp2p, "interrupts", v, 3);
    g_assert_cmpuint(v[0], ==, 0);
    g_assert_cmpuint(v[1], ==, 451);
    g_assert_cmpuint(v[2], ==, 1);
    g_assert_cmpuint(cell(&d, "/", "interrupt-parent"), ==,
                     cell(&d, "/soc/interrupt-controller@17a00000",
                          "phandle"));
    cells(&d, smp2p, "mboxes", v, 2);
    g_assert_cmpuint(v[0], ==, mbox_ph);
    g_assert_cmpuint(v[1], ==, 14);
    g_assert_cmpuint(cell(&d, smp2p, "qcom,local-pid"), ==, 0);
    g_assert_cmpuint(cell(&d, smp2p, "qcom,remote-pid"), ==, 1);

    g_assert_cmpstr(fdt_getprop(d.blob, node(&d, "/smp2p-mpss/master-kernel"),
                                "qcom,entry-name", &len), ==,
                    "master-kernel");
    g_assert_cmpuint(cell(&d, "/smp2p-mpss/master-kernel",
                          "#qcom,smem-state-cells"), ==, 1);
    g_assert_null(fdt_getprop(d.blob, node(&d, "/smp2p-mpss/master-kernel"),
                              "interrupt-controller", &len));
    g_assert_cmpstr(fdt_getprop(d.blob, node(&d, "/smp2p-mpss/slave-kernel"),
                                "qcom,entry-name", &len), ==,
                    "slave-kernel");
    g_assert_nonnull(fdt_getprop(d.blob,
                                 node(&d, "/smp2p-mpss/slave-kernel"),
                                 "interrupt-controller", &len));
    g_assert_cmpuint(cell(&d, "/smp2p-mpss/slave-kernel",
                          "#interrupt-cells"), ==, 2);
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

    /* TCSR mutex: lock 3 (SMEM's) taken by APPS (id 1), then released */
    reg(&d, "/soc/hwlock@1f40000", 0, &base, &size);
    qtest_writel(d.qts, base + 3 * 0x1000, 1);
    g_assert_cmphex(qtest_readl(d.qts, base + 3 * 0x1000), ==, 1);
    qtest_writel(d.qts, base + 3 * 0x1000, 0);
    g_assert_cmphex(qtest_readl(d.qts, base + 3 * 0x1000), ==, 0);

    /* SMEM: the header the boot loader leaves (version 11, initialized) */
    reg(&d, "/reserved-memory/smem@86000000", 0, &base, &size);
    g_assert_cmphex(qtest_readl(d.qts, base + 0x5c) >> 16, ==, 11);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xc0), ==, 1);

    /* DRAM: first and last word hold what was written */
    reg(&d, "/memory@80000000", 0, &base, &size);
    g_assert_cmphex(size, ==, 2ULL << 30);
    qtest_writel(d.qts, base, 0x600dcafe);
    qtest_writel(d.qts, base + size - 4, 0x5eedf00d);
    g_assert_cmphex(qtest_readl(d.qts, base), ==, 0x600dcafe);
    g_assert_cmphex(qtest_readl(d.qts, base + size - 4), ==, 0x5eedf00d);
    dtb_close(&d);
}

/* The node a property's first cell refers to (a phandle) */
static int phandle_node(const DtbFile *d, int off, const char *prop)
{
    int len;
    const fdt32_t *p = fdt_getprop(d->blob, off, prop, &len);

    g_assert_nonnull(p);
    g_assert_cmpint(len, >=, 4);
    off = fdt_node_offset_by_phandle(d->blob, fdt32_to_cpu(*p));
    g_assert_cmpint(off, >=, 0);
    return off;
}

/*
 * The modem's node as qcom,q6v5.txt describes sdm845-mss-pil, its
 * carve-outs (no-map, below 4 GiB for the 32-bit RMB registers) and the
 * "metadata" machine option.
 */
static void test_dt_modem(void)
{
    static const char *const regions[] = { "mba", "mpss", "metadata" };
    static const struct {
        const char *prop;
        int len;
    } lists[] = {
        { "clock-names", 8 }, { "interrupt-names", 6 },
        { "reset-names", 2 }, { "power-domain-names", 3 },
    };
    DtbFile d;
    int mss, off, len;
    const char *s;

    for (int metadata = 0; metadata < 2; metadata++) {
        dtb_open(&d, metadata ? "-M qcom-sm8250,metadata=on" :
                                "-M qcom-sm8250");
        mss = node(&d, "/soc/remoteproc@4080000");
        g_assert_cmpint(fdt_node_check_compatible(d.blob, mss,
                                                  "qcom,sdm845-mss-pil"),
                        ==, 0);
        s = fdt_getprop(d.blob, mss, "reg-names", &len);
        g_assert_cmpint(len, ==, sizeof("qdsp6\0rmb"));
        g_assert_cmpmem(s, len, "qdsp6\0rmb", len);
        for (int i = 0; i < ARRAY_SIZE(lists); i++) {
            g_assert_cmpint(fdt_stringlist_count(d.blob, mss, lists[i].prop),
                            ==, lists[i].len);
        }
        s = fdt_getprop(d.blob, mss, "qcom,smem-state-names", &len);
        g_assert_cmpstr(s, ==, "stop");
        /* the halt registers' syscon is the TCSR */
        g_assert_cmpint(fdt_node_check_compatible(d.blob,
                        phandle_node(&d, mss, "qcom,halt-regs"), "syscon"),
                        ==, 0);

        for (int i = 0; i < ARRAY_SIZE(regions); i++) {
            g_autofree char *child =
                g_strdup_printf("/soc/remoteproc@4080000/%s", regions[i]);
            const fdt64_t *r;
            uint64_t base, size;

            off = fdt_path_offset(d.blob, child);
            if (i == 2 && !metadata) {
                g_assert_cmpint(off, <, 0);
                continue;
            }
            g_assert_cmpint(off, >=, 0);
            off = phandle_node(&d, off, "memory-region");
            g_assert_nonnull(fdt_getprop(d.blob, off, "no-map", &len));
            r = fdt_getprop(d.blob, off, "reg", &len);
            g_assert_cmpint(len, ==, 16);
            base = fdt64_to_cpu(r[0]);
            size = fdt64_to_cpu(r[1]);
            g_assert_cmphex(base + size, <=, 0x100000000ULL);
            g_assert_cmphex(size, >=, 0x4000);
        }
        dtb_close(&d);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-sm8250/dt/nodes", test_dt_nodes);
    qtest_add_func("/qcom-sm8250/dt/services", test_dt_services);
    qtest_add_func("/qcom-sm8250/dt/modem", test_dt_modem);
    qtest_add_func("/qcom-sm8250/dt/smp-and-memory", test_smp_and_memory_size);
    qtest_add_func("/qcom-sm8250/blocks-answer", test_blocks_answer);

    return g_test_run();
}
