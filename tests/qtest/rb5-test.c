/*
 * QTest for the rb5 machine: it starts, each block of its address map
 * answers where the generated device tree says it is (where sm8250.dtsi
 * puts it, for the blocks that DT has no node for), the Command DB is
 * SM8250's, SMEM is shared with the DSPs in the XPU, the unmodelled I/O
 * space reads zero, and the device tree is well-formed with the nodes
 * Linux needs.
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


static void check_cells(const DtbFile *d, const char *path, const char *prop,
                        const uint32_t *exp, int n)
{
    g_autofree uint32_t *v = g_new(uint32_t, n);

    cells(d, path, prop, v, n);
    for (int i = 0; i < n; i++) {
        g_assert_cmphex(v[i], ==, exp[i]);
    }
}

#define CHECK_CELLS(d, path, prop, ...) do { \
        const uint32_t exp_[] = { __VA_ARGS__ }; \
        check_cells(d, path, prop, exp_, ARRAY_SIZE(exp_)); \
    } while (0)

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

static void check_reg(const DtbFile *d, const char *path, uint64_t base,
                      uint64_t size)
{
    uint64_t b, s;

    reg(d, path, 0, &b, &s);
    g_assert_cmphex(b, ==, base);
    g_assert_cmphex(s, ==, size);
}

/*
 * The board's own DT: root, CPUs, timer, GIC, the debug UART as the
 * console and RPMh, as sm8250.dtsi and qrb5165-rb5.dts describe them.
 */
static void test_dt_nodes(void)
{
    const char *gic = "/soc/interrupt-controller@17a00000";
    const char *qup = "/soc/geniqup@ac0000";
    const char *uart = "/soc/geniqup@ac0000/serial@a90000";
    const char *rsc = "/soc/rsc@18200000";
    const char *pd = "/soc/rsc@18200000/power-controller";
    DtbFile d;
    uint64_t base, size;
    const char *s;
    int len, off, ncpu = 0;

    dtb_open(&d, "-M rb5");

    /* a board, then the SoC, as the bindings want */
    CHECK_COMPATIBLE(&d, "/", "qcom,qrb5165-rb5\0qcom,sm8250");
    node(&d, "/reserved-memory/linux,cma");
    s = fdt_getprop(d.blob, node(&d, "/psci"), "method", &len);
    g_assert_cmpstr(s, ==, "smc");

    /* secure, non-secure physical, virtual, hypervisor: level low */
    CHECK_COMPATIBLE(&d, "/timer", "arm,armv8-timer");
    CHECK_CELLS(&d, "/timer", "interrupts",
                1, 13, 8, 1, 14, 8, 1, 11, 8, 1, 10, 8);

    /* GIC-600: the maintenance interrupt on PPI 9, level high */
    CHECK_COMPATIBLE(&d, gic, "arm,gic-v3");
    CHECK_CELLS(&d, gic, "interrupts", 1, 9, 4);
    g_assert_nonnull(fdt_getprop(d.blob, node(&d, gic),
                                 "interrupt-controller", &len));

    /* the console: serial engine 4 of QUP wrapper 1, SPI 357 level high */
    s = fdt_getprop(d.blob, node(&d, "/chosen"), "stdout-path", &len);
    g_assert_cmpstr(s, ==, "serial0:115200n8");
    s = fdt_getprop(d.blob, node(&d, "/aliases"), "serial0", &len);
    g_assert_cmpstr(s, ==, uart);
    CHECK_COMPATIBLE(&d, qup, "qcom,geni-se-qup");
    check_reg(&d, qup, 0xac0000, 0x6000);
    CHECK_COMPATIBLE(&d, uart, "qcom,geni-debug-uart");
    check_reg(&d, uart, 0xa90000, 0x4000);
    CHECK_CELLS(&d, uart, "interrupts", 0, 357, 4);
    g_assert_cmpint(fdt_node_offset_by_phandle(d.blob,
                                               cell(&d, uart, "clocks")),
                    >=, 0);

    /* the APPS RSC: three DRVs of 64 KiB, Linux's the third */
    CHECK_COMPATIBLE(&d, rsc, "qcom,rpmh-rsc");
    for (int i = 0; i < 3; i++) {
        reg(&d, rsc, i, &base, &size);
        g_assert_cmphex(base, ==, 0x18200000 + i * 0x10000);
        g_assert_cmphex(size, ==, 0x10000);
    }
    g_assert_cmpuint(cell(&d, rsc, "qcom,drv-id"), ==, 2);
    CHECK_CELLS(&d, rsc, "interrupts", 0, 3, 4, 0, 4, 4, 0, 5, 4);
    CHECK_COMPATIBLE(&d, pd, "qcom,sm8250-rpmhpd");
    g_assert_cmpuint(cell(&d, pd, "#power-domain-cells"), ==, 1);

    /* Kryo 585: the core number in MPIDR's Aff1, which is reg */
    fdt_for_each_subnode(off, d.blob, node(&d, "/cpus")) {
        g_autofree char *name = g_strdup_printf("cpu@%x", ncpu << 8);
        const fdt32_t *r;

        g_assert_cmpstr(fdt_get_name(d.blob, off, NULL), ==, name);
        r = fdt_getprop(d.blob, off, "reg", &len);
        g_assert_cmpint(len, ==, 4);
        g_assert_cmphex(fdt32_to_cpu(*r), ==, ncpu << 8);
        ncpu++;
    }
    g_assert_cmpint(ncpu, ==, 8);
    dtb_close(&d);
}

/*
 * The platform services' nodes as the upstream bindings give them
 * (qcom,scm.yaml, qcom-hwspinlock.yaml, qcom,smem.yaml, qcom,ipcc.yaml,
 * qcom,aoss-qmp.yaml, qcom,smp2p.yaml) and sm8250.dtsi wires them: the
 * IPCC is the interrupt controller and the mailbox of the AOP's channel
 * and of the DSPs' SMP2P edges.
 */
static void test_dt_services(void)
{
    static const struct {
        const char *node;
        uint32_t in, out, pid, client;
    } edges[] = {
        { "/smp2p-adsp", 443, 429, 2, 3 },
        { "/smp2p-cdsp", 94, 432, 5, 6 },
        { "/smp2p-slpi", 481, 430, 3, 4 },
    };
    const char *mutex = "/soc/hwlock@1f40000";
    const char *smem = "/reserved-memory/smem@80900000";
    const char *ipcc = "/soc/mailbox@408000";
    const char *aoss = "/soc/power-management@c300000";
    DtbFile d;
    uint32_t mutex_ph, ipcc_ph;
    int len;

    dtb_open(&d, "-M rb5");

    CHECK_COMPATIBLE(&d, "/firmware/scm", "qcom,scm-sm8250\0qcom,scm");

    CHECK_COMPATIBLE(&d, mutex, "qcom,tcsr-mutex");
    check_reg(&d, mutex, 0x01f40000, 0x40000);
    mutex_ph = cell(&d, mutex, "phandle");

    CHECK_COMPATIBLE(&d, smem, "qcom,smem");
    check_reg(&d, smem, 0x80900000, 0x200000);
    g_assert_nonnull(fdt_getprop(d.blob, node(&d, smem), "no-map", &len));
    CHECK_CELLS(&d, smem, "hwlocks", mutex_ph, 3);
    CHECK_COMPATIBLE(&d, "/reserved-memory/memory@80860000", "qcom,cmd-db");
    check_reg(&d, "/reserved-memory/memory@80860000", 0x80860000, 0x20000);

    CHECK_COMPATIBLE(&d, ipcc, "qcom,sm8250-ipcc\0qcom,ipcc");
    check_reg(&d, ipcc, 0x408000, 0x1000);
    CHECK_CELLS(&d, ipcc, "interrupts", 0, 229, 4);
    g_assert_nonnull(fdt_getprop(d.blob, node(&d, ipcc),
                                 "interrupt-controller", &len));
    g_assert_cmpuint(cell(&d, ipcc, "#interrupt-cells"), ==, 3);
    g_assert_cmpuint(cell(&d, ipcc, "#mbox-cells"), ==, 2);
    ipcc_ph = cell(&d, ipcc, "phandle");

    CHECK_COMPATIBLE(&d, aoss, "qcom,sm8250-aoss-qmp\0qcom,aoss-qmp");
    check_reg(&d, aoss, 0xc300000, 0x400);
    CHECK_CELLS(&d, aoss, "interrupts-extended", ipcc_ph, 0, 0, 1);
    CHECK_CELLS(&d, aoss, "mboxes", ipcc_ph, 0, 0);

    for (int i = 0; i < ARRAY_SIZE(edges); i++) {
        g_autofree char *in = g_strdup_printf("%s/slave-kernel",
                                              edges[i].node);
        g_autofree char *out = g_strdup_printf("%s/master-kernel",
                                               edges[i].node);

        CHECK_COMPATIBLE(&d, edges[i].node, "qcom,smp2p");
        CHECK_CELLS(&d, edges[i].node, "qcom,smem", edges[i].in,
                    edges[i].out);
        /* signal SMP2P of the DSP's IPCC client, edge rising */
        CHECK_CELLS(&d, edges[i].node, "interrupts-extended", ipcc_ph,
                    edges[i].client, 2, 1);
        CHECK_CELLS(&d, edges[i].node, "mboxes", ipcc_ph, edges[i].client,
                    2);
        g_assert_cmpuint(cell(&d, edges[i].node, "qcom,local-pid"), ==, 0);
        g_assert_cmpuint(cell(&d, edges[i].node, "qcom,remote-pid"), ==,
                         edges[i].pid);
        g_assert_nonnull(fdt_getprop(d.blob, node(&d, in),
                                     "interrupt-controller", &len));
        g_assert_cmpuint(cell(&d, in, "#interrupt-cells"), ==, 2);
        g_assert_cmpuint(cell(&d, out, "#qcom,smem-state-cells"), ==, 1);
    }
    dtb_close(&d);
}

/*
 * The DSPs as sm8250.dtsi and qrb5165-rb5.dts describe them
 * (qcom,adsp.yaml, qcom,pdc.yaml): their no-map carve-outs, the PDC their
 * watchdogs go through (the CDSP's is GIC SPI 578), the SMP2P bits of
 * their fatal, ready, handover and stop-ack interrupts and their stop
 * state, the XO, rpmhpd's LCX and LMX (the CDSP's CX), the AOSS QMP; the
 * SLPI disabled.
 */
static void test_dt_dsps(void)
{
    static const struct {
        const char *node, *mem, *smp2p, *compat, *fw;
        uint64_t base, size, mem_base, mem_size;
        int wdog_pdc_pin;       /* else GIC SPI 578 */
        int num_pds;
        uint32_t pd[2];
        bool disabled;
    } dsps[] = {
        { "/soc/remoteproc@17300000", "/reserved-memory/memory@8a100000",
          "/smp2p-adsp", "qcom,sm8250-adsp-pas", "qcom/sm8250/adsp.mbn",
          0x17300000, 0x100, 0x8a100000, 0x1d00000, 6, 2, { 4, 5 } },
        { "/soc/remoteproc@8300000", "/reserved-memory/memory@87800000",
          "/smp2p-cdsp", "qcom,sm8250-cdsp-pas", "qcom/sm8250/cdsp.mbn",
          0x8300000, 0x10000, 0x87800000, 0x1400000, -1, 1, { 0 } },
        { "/soc/remoteproc@5c00000", "/reserved-memory/memory@88c00000",
          "/smp2p-slpi", "qcom,sm8250-slpi-pas", "qcom/sm8250/slpi.mbn",
          0x5c00000, 0x4000, 0x88c00000, 0x1500000, 9, 2, { 4, 5 }, true },
    };
    const char *pdc = "/soc/interrupt-controller@b220000";
    DtbFile d;
    uint32_t gic_ph, pdc_ph, xo_ph, pd_ph, qmp_ph;
    int len;

    dtb_open(&d, "-M rb5");
    gic_ph = cell(&d, "/soc/interrupt-controller@17a00000", "phandle");
    xo_ph = cell(&d, "/clocks/xo-board", "phandle");
    pd_ph = cell(&d, "/soc/rsc@18200000/power-controller", "phandle");
    qmp_ph = cell(&d, "/soc/power-management@c300000", "phandle");

    CHECK_COMPATIBLE(&d, pdc, "qcom,sm8250-pdc\0qcom,pdc");
    check_reg(&d, pdc, 0xb220000, 0x30000);
    CHECK_CELLS(&d, pdc, "qcom,pdc-ranges", 0, 480, 94, 94, 609, 31,
                125, 63, 1, 126, 716, 12);
    g_assert_nonnull(fdt_getprop(d.blob, node(&d, pdc),
                                 "interrupt-controller", &len));
    g_assert_cmpuint(cell(&d, pdc, "#interrupt-cells"), ==, 2);
    g_assert_cmpuint(cell(&d, pdc, "interrupt-parent"), ==, gic_ph);
    pdc_ph = cell(&d, pdc, "phandle");

    for (int i = 0; i < ARRAY_SIZE(dsps); i++) {
        const char *rp = dsps[i].node;
        g_autofree char *in = g_strdup_printf("%s/slave-kernel",
                                              dsps[i].smp2p);
        g_autofree char *out = g_strdup_printf("%s/master-kernel",
                                               dsps[i].smp2p);
        uint32_t in_ph = cell(&d, in, "phandle");
        /* the watchdog, level high, then SMP2P bits 0..3, edge rising */
        uint32_t irqs[4 + 4 * 3], pds[4];
        int n = 0;

        check_reg(&d, dsps[i].mem, dsps[i].mem_base, dsps[i].mem_size);
        g_assert_nonnull(fdt_getprop(d.blob, node(&d, dsps[i].mem),
                                     "no-map", &len));

        check_compatible(&d, rp, dsps[i].compat, strlen(dsps[i].compat) + 1);
        check_reg(&d, rp, dsps[i].base, dsps[i].size);
        if (dsps[i].wdog_pdc_pin >= 0) {
            irqs[n++] = pdc_ph;
            irqs[n++] = dsps[i].wdog_pdc_pin;
        } else {
            irqs[n++] = gic_ph;
            irqs[n++] = 0;
            irqs[n++] = 578;
        }
        irqs[n++] = 4;
        for (int bit = 0; bit < 4; bit++) {
            irqs[n++] = in_ph;
            irqs[n++] = bit;
            irqs[n++] = 1;
        }
        check_cells(&d, rp, "interrupts-extended", irqs, n);
        for (int j = 0; j < dsps[i].num_pds; j++) {
            pds[j * 2] = pd_ph;
            pds[j * 2 + 1] = dsps[i].pd[j];
        }
        check_cells(&d, rp, "power-domains", pds, dsps[i].num_pds * 2);
        CHECK_CELLS(&d, rp, "clocks", xo_ph);
        g_assert_cmpuint(cell(&d, rp, "memory-region"), ==,
                         cell(&d, dsps[i].mem, "phandle"));
        g_assert_cmpuint(cell(&d, rp, "qcom,qmp"), ==, qmp_ph);
        CHECK_CELLS(&d, rp, "qcom,smem-states", cell(&d, out, "phandle"), 0);
        g_assert_cmpstr(fdt_getprop(d.blob, node(&d, rp), "firmware-name",
                                    NULL), ==, dsps[i].fw);
        g_assert_cmpstr(fdt_getprop(d.blob, node(&d, rp), "status", NULL),
                        ==, dsps[i].disabled ? "disabled" : NULL);
    }
    dtb_close(&d);
}

static void test_smp_and_memory_size(void)
{
    DtbFile d;
    uint64_t base, size;
    int off, ncpu = 0;

    dtb_open(&d, "-M rb5 -smp 4 -m 3G");
    fdt_for_each_subnode(off, d.blob, node(&d, "/cpus")) {
        ncpu++;
    }
    g_assert_cmpint(ncpu, ==, 4);
    reg(&d, "/memory@80000000", 0, &base, &size);
    g_assert_cmphex(base, ==, DRAM_BASE);
    g_assert_cmphex(size, ==, 3ULL << 30);
    dtb_close(&d);
}

/*
 * Blocks at their sm8250.dtsi addresses, most of which the own DT has no
 * node for (the kernel tree's DT has): GCC, TLMM (west, south, north
 * tiles), PDC (which it has), the memory-mapped timer. The unmodelled
 * rest of the SoC's I/O space, the DSPs' registers among it, reads zero.
 */
#define GCC             0x00100000ULL
#define TLMM_WEST       0x0f100000ULL
#define TLMM_SOUTH      0x0f500000ULL
#define TLMM_NORTH      0x0f900000ULL
#define PDC             0x0b220000ULL
#define TIMER_CTL       0x17c20000ULL
#define ADSP_QDSP6      0x17300000ULL
#define UNMODELLED      0x0a6f8800ULL   /* USB 3 DWC3, in "sm8250-io" */

static void test_blocks_answer(void)
{
    DtbFile d;
    uint64_t base, size;
    QDict *rsp;

    dtb_open(&d, "-M rb5");

    /* GICv3 distributor and redistributors: PIDR2.ArchRev == 3 */
    reg(&d, "/soc/interrupt-controller@17a00000", 0, &base, &size);
    g_assert_cmphex((qtest_readl(d.qts, base + 0xffe8) >> 4) & 0xf, ==, 3);
    reg(&d, "/soc/interrupt-controller@17a00000", 1, &base, &size);
    g_assert_cmphex(size, ==, 8 * 0x20000);
    for (int cpu = 0; cpu < 8; cpu++) {
        uint64_t rd = base + cpu * 0x20000;
        uint64_t typer = qtest_readq(d.qts, rd + 0x8);

        /* GICR_TYPER: Processor_Number, Last, the CPU's affinity */
        g_assert_cmpuint((typer >> 8) & 0xffff, ==, cpu);
        g_assert_cmpuint((typer >> 4) & 1, ==, cpu == 7);
        g_assert_cmphex(typer >> 32, ==, cpu << 8);
    }

    /* GENI UART: firmware of the UART protocol, 16-word 32-bit FIFOs */
    reg(&d, "/soc/geniqup@ac0000/serial@a90000", 0, &base, &size);
    g_assert_cmphex(qtest_readl(d.qts, base + 0x68), ==, 0x200);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xe24), ==, 0x20100000);
    /* the three QUPv3 wrappers: HW_VER 1.2 */
    g_assert_cmphex(qtest_readl(d.qts, 0x9c0004), ==, 0x10020000);
    g_assert_cmphex(qtest_readl(d.qts, 0xac0004), ==, 0x10020000);
    g_assert_cmphex(qtest_readl(d.qts, 0x8c0004), ==, 0x10020000);

    /* APPS RSC: DRV 2's 16 commands per TCS; DRV 0 is not modelled */
    reg(&d, "/soc/rsc@18200000", 2, &base, &size);
    g_assert_cmpuint(qtest_readl(d.qts, base + 0xc) >> 27, ==, 16);
    reg(&d, "/soc/rsc@18200000", 0, &base, &size);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xc), ==, 0);

    /* TCSR mutex: its 64 locks, the last taken by APPS and released */
    reg(&d, "/soc/hwlock@1f40000", 0, &base, &size);
    qtest_writel(d.qts, base + 63 * 0x1000, 1);
    g_assert_cmphex(qtest_readl(d.qts, base + 63 * 0x1000), ==, 1);
    qtest_writel(d.qts, base + 63 * 0x1000, 0);
    g_assert_cmphex(qtest_readl(d.qts, base + 63 * 0x1000), ==, 0);

    /* SMEM: the header the boot loader leaves (version 12, initialized) */
    reg(&d, "/reserved-memory/smem@80900000", 0, &base, &size);
    g_assert_cmphex(qtest_readl(d.qts, base + 0x5c) >> 16, ==, 12);
    g_assert_cmphex(qtest_readl(d.qts, base + 0xc0), ==, 1);

    /* IPCC: nothing pending */
    g_assert_cmphex(qtest_readl(d.qts, 0x408010), ==, 0xffffffff);
    /* AOSS QMP: the descriptor's magic */
    g_assert_cmphex(qtest_readl(d.qts, 0x0c300000), ==, 0x4d41494c);

    /* GCC: GPLL0 locked and active; the UART's serial branch runs */
    g_assert_cmphex(qtest_readl(d.qts, GCC) >> 30, ==, 3);
    g_assert_cmphex(qtest_readl(d.qts, GCC + 0x184cc) >> 31, ==, 0);
    /* TLMM: the UART's GPIO 34 (south), GPIO 4 (north), 150 (west) */
    qtest_writel(d.qts, TLMM_SOUTH + 34 * 0x1000, 0x1c7);
    g_assert_cmphex(qtest_readl(d.qts, TLMM_SOUTH + 34 * 0x1000), ==, 0x1c7);
    qtest_writel(d.qts, TLMM_NORTH + 4 * 0x1000, 0x1c3);
    g_assert_cmphex(qtest_readl(d.qts, TLMM_NORTH + 4 * 0x1000), ==, 0x1c3);
    qtest_writel(d.qts, TLMM_WEST + 150 * 0x1000, 0x0c1);
    g_assert_cmphex(qtest_readl(d.qts, TLMM_WEST + 150 * 0x1000), ==, 0x0c1);
    /* a GPIO's slot in another tile is no register */
    qtest_writel(d.qts, TLMM_NORTH + 34 * 0x1000, 0x1c7);
    g_assert_cmphex(qtest_readl(d.qts, TLMM_NORTH + 34 * 0x1000), ==, 0);
    /* PDC: IRQ_137_CFG holds a type, the last pin; VERSION reads 0 */
    qtest_writel(d.qts, PDC + 0x110 + 137 * 4, 4);
    g_assert_cmphex(qtest_readl(d.qts, PDC + 0x110 + 137 * 4), ==, 4);
    g_assert_cmphex(qtest_readl(d.qts, PDC + 0x1000), ==, 0);
    /* the memory-mapped timer: CNTTIDR, frame 0 with a virtual timer */
    g_assert_cmphex(qtest_readl(d.qts, TIMER_CTL + 0x8), ==, 0x3);

    /* the unmodelled: reads zero, writes are ignored, nothing breaks */
    g_assert_cmphex(qtest_readl(d.qts, UNMODELLED), ==, 0);
    qtest_writel(d.qts, UNMODELLED + 0x10, 0xffffffff);
    g_assert_cmphex(qtest_readl(d.qts, UNMODELLED + 0x10), ==, 0);
    g_assert_cmphex(qtest_readl(d.qts, ADSP_QDSP6), ==, 0);
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

/*
 * The Command DB is SM8250's (cmd-db.c's layout: the ids of its rpmhpd,
 * rpmhcc and interconnects; not SDM845's mss.lvl), and the boot
 * firmware shares SMEM with HLOS and the DSPs' VMIDs in the XPU.
 */
#define CMD_DB          0x80860000ULL
#define CMD_DB_SIZE     0x20000

static bool cmd_db_has(const uint8_t *db, const char *id)
{
    char query[8] = { 0 };

    g_assert_cmpuint(strlen(id), <=, sizeof(query));
    memcpy(query, id, strlen(id));
    for (int s = 0; s < 8; s++) {
        const uint8_t *h = db + 0x08 + 16 * s;
        unsigned first = h[2] | h[3] << 8, count = h[6] | h[7] << 8;

        if (!(h[0] | h[1] << 8)) {
            break;
        }
        for (unsigned e = 0; e < count; e++) {
            if (!memcmp(db + 0x90 + first + 24 * e, query, sizeof(query))) {
                return true;
            }
        }
    }
    return false;
}

static void test_firmware_tables(void)
{
    static const char *const ids[] = {
        "cx.lvl", "mx.lvl", "ebi.lvl", "gfx.lvl", "lcx.lvl", "lmx.lvl",
        "mmcx.lvl", "xo.lvl", "lnbclka1", "lnbclka2", "lnbclka3", "rfclka1",
        "rfclka3", "CE0", "IP0", "ACV", "MC0", "SH0", "SH2", "SH3", "SH4",
        "MM0", "MM1", "MM2", "MM3", "CN0", "CO0", "CO2", "QUP0", "SN0", "SN1",
        "SN2", "SN3", "SN4", "SN5", "SN6", "SN7", "SN8", "SN9", "SN11",
        "SN12",
    };
    QTestState *qts = qtest_init("-M rb5 -smp 1");
    g_autofree uint8_t *db = g_malloc(CMD_DB_SIZE);
    g_autofree char *out = NULL;

    qtest_memread(qts, CMD_DB, db, CMD_DB_SIZE);
    g_assert_cmpmem(db + 0x04, 4, "\xdb\x30\x03\x0c", 4);
    for (int i = 0; i < ARRAY_SIZE(ids); i++) {
        g_test_message("%s", ids[i]);
        g_assert_true(cmd_db_has(db, ids[i]));
    }
    g_assert_false(cmd_db_has(db, "mss.lvl"));

    out = qtest_hmp(qts, "info xpu");
    g_assert_nonnull(strstr(out, "[0x0080900000-0x0080afffff] enabled read "
                            "{HLOS(3) SSC_Q6(5) ADSP_Q6(6) CDSP(30)} write "
                            "{HLOS(3) SSC_Q6(5) ADSP_Q6(6) CDSP(30)}"));
    qtest_quit(qts);
}

/*
 * SMEM as SM8250's boot loader leaves it, version 12 of smem.c: the
 * header, the partition table ($TOC) in the last 4 KiB with the global
 * partition's entry and smem_info after it (items up to the CDSP's 601
 * and the minidump table's 602), the partition's header ($PRT) with one
 * item, the minidump table (qcom_common.c's minidump_global_toc:
 * initialised, no subsystem's); each reset lays it out again.
 */
#define SMEM            0x80900000ULL
#define SMEM_SIZE       0x200000ULL
#define MD_SIZE         (16 + 10 * 32)  /* minidump_global_toc */

static void check_magic(QTestState *qts, uint64_t addr, const char *magic)
{
    char got[5] = { 0 };

    qtest_memread(qts, addr, got, 4);
    g_assert_cmpstr(got, ==, magic);
}

static void check_smem_layout(QTestState *qts)
{
    uint64_t pt = SMEM + SMEM_SIZE - 0x1000, pte = pt + 0x20;
    uint64_t info = pte + 48, part;
    uint32_t off, size, cacheline;

    /* header: version[7], initialized, reserved */
    g_assert_cmphex(qtest_readl(qts, SMEM + 0x5c), ==, 12 << 16);
    g_assert_cmphex(qtest_readl(qts, SMEM + 0xc0), ==, 1);
    g_assert_cmphex(qtest_readl(qts, SMEM + 0xcc), ==, 0);

    /* $TOC version 1, one entry: the global partition (0xfffe:0xfffe) */
    check_magic(qts, pt, "$TOC");
    g_assert_cmpuint(qtest_readl(qts, pt + 4), ==, 1);
    g_assert_cmpuint(qtest_readl(qts, pt + 8), ==, 1);
    off = qtest_readl(qts, pte);
    size = qtest_readl(qts, pte + 4);
    cacheline = qtest_readl(qts, pte + 16);
    g_assert_cmphex(off, !=, 0);
    g_assert_cmphex(off % 0x1000, ==, 0);
    g_assert_cmphex(off, >=, 0xd0 + 512 * 16);
    g_assert_cmphex(size % 0x1000, ==, 0);
    g_assert_cmphex(off + size, ==, SMEM_SIZE - 0x1000);
    g_assert_cmphex(qtest_readw(qts, pte + 12), ==, 0xfffe);
    g_assert_cmphex(qtest_readw(qts, pte + 14), ==, 0xfffe);
    g_assert_cmpuint(cacheline, >=, 8);
    g_assert_cmpuint(cacheline & (cacheline - 1), ==, 0);

    /* smem_info after the entries: what smem.c takes as item_count */
    check_magic(qts, info, "SIII");
    g_assert_cmphex(qtest_readl(qts, info + 4), ==, SMEM_SIZE);
    g_assert_cmphex(qtest_readl(qts, info + 8), ==, SMEM);
    g_assert_cmpuint(qtest_readw(qts, info + 16), >, 602);

    /* $PRT: the entry's hosts and size; empty, nothing cached */
    part = SMEM + off;
    check_magic(qts, part, "$PRT");
    g_assert_cmphex(qtest_readw(qts, part + 4), ==, 0xfffe);
    g_assert_cmphex(qtest_readw(qts, part + 6), ==, 0xfffe);
    g_assert_cmphex(qtest_readl(qts, part + 8), ==, size);
    g_assert_cmphex(qtest_readl(qts, part + 12), ==, 0x20 + 16 + MD_SIZE);
    g_assert_cmphex(qtest_readl(qts, part + 16), ==, size);

    /* item 602: canary, item, size, no padding; status 1, no subsystem */
    g_assert_cmphex(qtest_readw(qts, part + 0x20), ==, 0xa5a5);
    g_assert_cmpuint(qtest_readw(qts, part + 0x22), ==, 602);
    g_assert_cmpuint(qtest_readl(qts, part + 0x24), ==, MD_SIZE);
    g_assert_cmpuint(qtest_readw(qts, part + 0x28), ==, 0);
    g_assert_cmpuint(qtest_readw(qts, part + 0x2a), ==, 0);
    g_assert_cmpuint(qtest_readl(qts, part + 0x30), ==, 1);
    for (int ss = 0; ss < 10; ss++) {
        uint64_t sub = part + 0x30 + 16 + ss * 32;

        g_assert_cmphex(qtest_readl(qts, sub), ==, 0);           /* status */
        g_assert_cmphex(qtest_readl(qts, sub + 4), ==, 0);       /* enabled */
        g_assert_cmphex(qtest_readq(qts, sub + 24), ==, 0);      /* regions */
    }
}

static void test_smem_layout(void)
{
    QTestState *qts = qtest_init("-M rb5 -smp 1");

    check_smem_layout(qts);
    /* what a guest's allocation changes, and a scribbled table */
    qtest_writel(qts, SMEM + 0x3000 + 12, 0x1234);
    qtest_writel(qts, SMEM + 0x3000 + 0x30, 0);
    qtest_writel(qts, SMEM + SMEM_SIZE - 0x1000, 0);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    check_smem_layout(qts);
    qtest_quit(qts);
}

/*
 * Only the layouts Linux reads, refused at realize with a reason: rb5's
 * SoC sets version 12 itself, so the version's cases are db845c's
 */
static void test_smem_bad_props(void)
{
    static const struct {
        const char *args, *err;
    } bad[] = {
        { "-M db845c -global qcom-smem.version=13",
          "qcom-smem: 'version' 13 is not a layout Linux reads" },
        { "-M db845c -global qcom-smem.minidump=on",
          "qcom-smem: 'minidump' needs version 12" },
        { "-M rb5 -global qcom-smem.items=100",
          "qcom-smem: 'items' 100 is not in 512..65535" },
    };

    for (int i = 0; i < ARRAY_SIZE(bad); i++) {
        g_autofree char *cmd = g_strdup_printf("%s -display none -nodefaults "
                                               "-S %s",
                                               g_getenv("QTEST_QEMU_BINARY"),
                                               bad[i].args);
        g_auto(GStrv) argv = NULL;
        g_autofree char *err = NULL;
        int status;

        g_test_message("%s", cmd);
        g_assert_true(g_shell_parse_argv(cmd, NULL, &argv, NULL));
        g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err, &status, NULL));
        g_assert_true(WIFEXITED(status));
        g_assert_cmpint(WEXITSTATUS(status), ==, 1);
        g_assert_nonnull(strstr(err, bad[i].err));
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/rb5/dt/nodes", test_dt_nodes);
    qtest_add_func("/rb5/dt/services", test_dt_services);
    qtest_add_func("/rb5/dt/dsps", test_dt_dsps);
    qtest_add_func("/rb5/dt/smp-and-memory", test_smp_and_memory_size);
    qtest_add_func("/rb5/blocks-answer", test_blocks_answer);
    qtest_add_func("/rb5/firmware-tables", test_firmware_tables);
    qtest_add_func("/rb5/smem-layout", test_smem_layout);
    qtest_add_func("/rb5/smem-bad-props", test_smem_bad_props);
    return g_test_run();
}
