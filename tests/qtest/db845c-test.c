/*
 * QTest for the db845c machine: it starts, each block of its address
 * map answers where the generated device tree says it is (where
 * sdm845.dtsi puts it, for the blocks that DT has no node for), the
 * unmodelled I/O space reads zero, and the device tree is well-formed
 * with the nodes Linux needs.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include <libfdt.h>
#include "qcom-dtb.h"

#define DRAM_BASE 0x80000000ULL


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
 * The board's own DT: root, CPUs, timer, GIC, the debug UART as the
 * console, RPMh and the TCSR, as sdm845.dtsi and sdm845-db845c.dts
 * describe them.
 */
static void test_dt_nodes(void)
{
    const char *gic = "/soc/interrupt-controller@17a00000";
    const char *qup = "/soc/geniqup@ac0000";
    const char *uart = "/soc/geniqup@ac0000/serial@a84000";
    const char *rsc = "/soc/rsc@179c0000";
    const char *tcsr = "/soc/syscon@1f60000";
    /* secure, non-secure physical, virtual, hypervisor: level low */
    static const uint32_t timer_irqs[] = {
        1, 1, 8, 1, 2, 8, 1, 3, 8, 1, 0, 8,
    };
    uint32_t v[ARRAY_SIZE(timer_irqs)];
    DtbFile d;
    uint64_t base, size;
    const char *s;
    int len, off, ncpu = 0;

    dtb_open(&d, "-M db845c");

    /* a board, then the SoC, as the bindings want */
    CHECK_COMPATIBLE(&d, "/", "thundercomm,db845c\0qcom,sdm845");
    node(&d, "/reserved-memory/linux,cma");
    g_assert_nonnull(fdt_getprop(d.blob,
                                 node(&d, "/reserved-memory/smem@86000000"),
                                 "no-map", &len));
    s = fdt_getprop(d.blob, node(&d, "/psci"), "method", &len);
    g_assert_cmpstr(s, ==, "smc");

    CHECK_COMPATIBLE(&d, "/timer", "arm,armv8-timer");
    cells(&d, "/timer", "interrupts", v, ARRAY_SIZE(timer_irqs));
    for (int i = 0; i < ARRAY_SIZE(timer_irqs); i++) {
        g_assert_cmpuint(v[i], ==, timer_irqs[i]);
    }

    /* GIC-600: the maintenance interrupt on PPI 9, level high */
    CHECK_COMPATIBLE(&d, gic, "arm,gic-v3");
    cells(&d, gic, "interrupts", v, 3);
    g_assert_cmpuint(v[0], ==, 1);
    g_assert_cmpuint(v[1], ==, 9);
    g_assert_cmpuint(v[2], ==, 4);
    g_assert_nonnull(fdt_getprop(d.blob, node(&d, gic),
                                 "interrupt-controller", &len));

    /* the console: serial engine 1 of QUP wrapper 1, SPI 354 level high */
    s = fdt_getprop(d.blob, node(&d, "/chosen"), "stdout-path", &len);
    g_assert_cmpstr(s, ==, "serial0:115200n8");
    s = fdt_getprop(d.blob, node(&d, "/aliases"), "serial0", &len);
    g_assert_cmpstr(s, ==, uart);
    CHECK_COMPATIBLE(&d, qup, "qcom,geni-se-qup");
    reg(&d, qup, 0, &base, &size);
    g_assert_cmphex(base, ==, 0xac0000);
    g_assert_cmphex(size, ==, 0x6000);
    g_assert_cmpint(fdt_stringlist_count(d.blob, node(&d, qup),
                                         "clock-names"), ==, 2);
    CHECK_COMPATIBLE(&d, uart, "qcom,geni-debug-uart");
    reg(&d, uart, 0, &base, &size);
    g_assert_cmphex(base, ==, 0xa84000);
    g_assert_cmphex(size, ==, 0x4000);
    cells(&d, uart, "interrupts", v, 3);
    g_assert_cmpuint(v[0], ==, 0);
    g_assert_cmpuint(v[1], ==, 354);
    g_assert_cmpuint(v[2], ==, 4);
    s = fdt_getprop(d.blob, node(&d, uart), "clock-names", &len);
    g_assert_cmpstr(s, ==, "se");
    g_assert_cmpint(fdt_node_offset_by_phandle(d.blob,
                                               cell(&d, uart, "clocks")),
                    >=, 0);

    /* the APPS RSC: three DRVs of 64 KiB, Linux's the third */
    CHECK_COMPATIBLE(&d, rsc, "qcom,rpmh-rsc");
    for (int i = 0; i < 3; i++) {
        reg(&d, rsc, i, &base, &size);
        g_assert_cmphex(base, ==, 0x179c0000 + i * 0x10000);
        g_assert_cmphex(size, ==, 0x10000);
    }
    g_assert_cmpuint(cell(&d, rsc, "qcom,drv-id"), ==, 2);

    CHECK_COMPATIBLE(&d, tcsr, "qcom,sdm845-tcsr\0syscon");
    reg(&d, tcsr, 0, &base, &size);
    g_assert_cmphex(base, ==, 0x1f60000);
    g_assert_cmphex(size, ==, 0x20000);

    /* Kryo 385: the core number in MPIDR's Aff1, which is reg */
    fdt_for_each_subnode(off, d.blob, node(&d, "/cpus")) {
        g_autofree char *name = g_strdup_printf("cpu@%x", ncpu << 8);
        const fdt32_t *r;

        g_assert_cmpstr(fdt_get_name(d.blob, off, NULL), ==, name);
        r = fdt_getprop(d.blob, off, "reg", &len);
        g_assert_cmpint(len, ==, 4);
        g_assert_cmphex(fdt32_to_cpu(*r), ==, ncpu << 8);
        s = fdt_getprop(d.blob, off, "compatible", &len);
        g_assert_cmpstr(s, ==, "arm,cortex-a76");
        s = fdt_getprop(d.blob, off, "enable-method", &len);
        g_assert_cmpstr(s, ==, "psci");
        ncpu++;
    }
    g_assert_cmpint(ncpu, ==, 8);
    g_assert_cmpuint(cell(&d, "/cpus", "#address-cells"), ==, 1);
    dtb_close(&d);
}

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

    dtb_open(&d, "-M db845c");

    CHECK_COMPATIBLE(&d, "/firmware/scm", "qcom,scm-sdm845\0qcom,scm");
    g_assert_cmpuint(cell(&d, "/firmware/scm", "#reset-cells"), ==, 1);

    CHECK_COMPATIBLE(&d, mutex, "qcom,tcsr-mutex");
    reg(&d, mutex, 0, &base, &size);
    g_assert_cmphex(base, ==, 0x01f40000);
    g_assert_cmphex(size, ==, 0x20000);
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

    dtb_open(&d, "-M db845c -smp 2 -m 1536M");
    fdt_for_each_subnode(off, d.blob, node(&d, "/cpus")) {
        ncpu++;
    }
    g_assert_cmpint(ncpu, ==, 2);
    reg(&d, "/memory@80000000", 0, &base, &size);
    g_assert_cmphex(base, ==, DRAM_BASE);
    g_assert_cmphex(size, ==, 1536ULL << 20);
    dtb_close(&d);
}

/*
 * Blocks the own DT has no node for (the kernel tree's DT has), at their
 * sdm845.dtsi addresses: GCC, TLMM, PDC, AOSS QMP, the memory-mapped
 * timer. The unmodelled rest of the SoC's I/O space reads zero.
 */
#define GCC             0x00100000ULL
#define TLMM            0x03400000ULL
#define PDC             0x0b220000ULL
#define AOSS_QMP        0x0c300000ULL
#define TIMER_CTL       0x17c90000ULL
#define UNMODELLED      0x0a600000ULL   /* USB 3 DWC3, in "sdm845-io" */

/* Each block answers at the address the device tree gives it. */
static void test_blocks_answer(void)
{
    DtbFile d;
    uint64_t base, size;
    QDict *rsp;

    dtb_open(&d, "-M db845c");

    /* GICv3 distributor and redistributors: PIDR2.ArchRev == 3 */
    reg(&d, "/soc/interrupt-controller@17a00000", 0, &base, &size);
    g_assert_cmphex((qtest_readl(d.qts, base + 0xffe8) >> 4) & 0xf, ==, 3);
    reg(&d, "/soc/interrupt-controller@17a00000", 1, &base, &size);
    g_assert_cmphex(size, ==, 8 * 0x20000);
    for (int cpu = 0; cpu < 8; cpu++) {
        uint64_t rd = base + cpu * 0x20000;
        uint64_t typer = qtest_readq(d.qts, rd + 0x8);

        g_assert_cmphex((qtest_readl(d.qts, rd + 0xffe8) >> 4) & 0xf, ==, 3);
        /* GICR_TYPER: Processor_Number, Last on the final frame */
        g_assert_cmpuint((typer >> 8) & 0xffff, ==, cpu);
        g_assert_cmpuint((typer >> 4) & 1, ==, cpu == 7);
        /* and the CPU's affinity, the cpu node's reg */
        g_assert_cmphex(typer >> 32, ==, cpu << 8);
    }

    /* GENI UART: firmware of the UART protocol, 16-word 32-bit FIFOs */
    reg(&d, "/soc/geniqup@ac0000/serial@a84000", 0, &base, &size);
    g_assert_cmphex(qtest_readl(d.qts, base + 0x68), ==, 0x200);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xe24), ==, 0x20100000);
    /* its QUPv3 wrapper: HW_VER 1.2 */
    reg(&d, "/soc/geniqup@ac0000", 0, &base, &size);
    g_assert_cmphex(qtest_readl(d.qts, base + 0x4), ==, 0x10020000);

    /* APPS RSC: DRV 2's 16 commands per TCS; DRV 0 is not modelled */
    reg(&d, "/soc/rsc@179c0000", 2, &base, &size);
    g_assert_cmpuint(qtest_readl(d.qts, base + 0xc) >> 27, ==, 16);
    reg(&d, "/soc/rsc@179c0000", 0, &base, &size);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xc), ==, 0);

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

    /* GCC: GPLL0, voted on by the boot loader, is locked and active */
    g_assert_cmphex(qtest_readl(d.qts, GCC) >> 30, ==, 3);
    /* TLMM: GPIO 4's CTL (north tile) holds what is written */
    qtest_writel(d.qts, TLMM + 0x504000, 0x1c3);
    g_assert_cmphex(qtest_readl(d.qts, TLMM + 0x504000), ==, 0x1c3);
    /* PDC: IRQ_0_CFG holds a type; VERSION reads 0 (before 3.2) */
    qtest_writel(d.qts, PDC + 0x110, 4);
    g_assert_cmphex(qtest_readl(d.qts, PDC + 0x110), ==, 4);
    g_assert_cmphex(qtest_readl(d.qts, PDC + 0x1000), ==, 0);
    /* AOSS QMP: the descriptor's magic */
    g_assert_cmphex(qtest_readl(d.qts, AOSS_QMP), ==, 0x4d41494c);
    /* the memory-mapped timer: CNTTIDR, frame 0 with a virtual timer */
    g_assert_cmphex(qtest_readl(d.qts, TIMER_CTL + 0x8), ==, 0x3);

    /* the unmodelled: reads zero, writes are ignored, nothing breaks */
    g_assert_cmphex(qtest_readl(d.qts, UNMODELLED), ==, 0);
    qtest_writel(d.qts, UNMODELLED + 0x10, 0xffffffff);
    g_assert_cmphex(qtest_readl(d.qts, UNMODELLED + 0x10), ==, 0);
    rsp = qtest_qmp(d.qts, "{'execute': 'query-status'}");
    g_assert_true(qdict_get_bool(qdict_get_qdict(rsp, "return"), "running"));
    qobject_unref(rsp);

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
        dtb_open(&d, metadata ? "-M db845c,metadata=on" :
                                "-M db845c");
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
            const uint8_t *r;
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
            base = ldq_be_p(r);     /* 4-byte aligned only */
            size = ldq_be_p(r + 8);
            g_assert_cmphex(base + size, <=, 0x100000000ULL);
            g_assert_cmphex(size, >=, 0x4000);
        }
        dtb_close(&d);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/db845c/dt/nodes", test_dt_nodes);
    qtest_add_func("/db845c/dt/services", test_dt_services);
    qtest_add_func("/db845c/dt/modem", test_dt_modem);
    qtest_add_func("/db845c/dt/smp-and-memory", test_smp_and_memory_size);
    qtest_add_func("/db845c/blocks-answer", test_blocks_answer);

    return g_test_run();
}
