/*
 * QTest for the Qualcomm SCM firmware model on db845c: how it
 * decodes the SiP SMCs of the APPS CPUs, the availability query, calls
 * it does not know, the download mode, and the hypervisor's assign_mem
 * with good and bad arguments (wrong counts, lists outside RAM or in
 * memory HLOS may not read, bad list sizes, unaligned ranges, ranges
 * outside DRAM, source VMIDs that do not own the range, locked groups,
 * groups running out), read from memory or, with dma-coherent, as the
 * CPUs see it.
 *
 * qtest runs no CPU code, and only a CPU can execute SMC: the bare-metal
 * program guest/baremetal/scm-calls.c (found through QMS_GUEST_DIR)
 * issues the calls of a table the test writes into a mailbox and writes
 * back x0..x3. The test then checks the answers and, through the XPU's
 * registers, that a refused call changed nothing.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qcom-scm-calls.h"
#include "qcom-xpu-regs.h"
#include "qobject/qdict.h"
#include <libfdt.h>

/* Memory for the lists (written by the test: memory has them) */
#define DATA            0x80110000ULL
#define SLOT(n)         (DATA + 0x1000 * (n))
/* Where the program copies lists with cacheable stores */
#define CACHED          0x80180000ULL

#define DRAM            0x80000000ULL
#define DRAM_END        0x100000000ULL  /* 2 GiB, the default -m */
#define UART            0x00a84000ULL  /* the GENI UART: MMIO, not memory */
#define XPU_WINDOW      0x4000000000ULL /* in the CPUs' map, not memory */
/* Ranges the tests hand around; the program never touches them */
#define R               0x90000000ULL


#define VMID_HLOS       3
#define VMID_MSS        15
#define HLOS            (1u << VMID_HLOS)
#define MSS             (1u << VMID_MSS)

/* SMCCC function IDs: STD/FAST, SMC64/SMC32, SiP owner */
#define STD64(fnid)     (0x42000000ULL | (fnid))
#define FAST64(fnid)    (0xc2000000ULL | (fnid))
#define FAST32(fnid)    (0x82000000ULL | (fnid))
#define SIP(fnid)       (0x02000000ULL | (fnid))
#define IS_CALL_AVAIL   0x0601
#define SET_DLOAD_MODE  0x0110
#define MP_ASSIGN       0x0c16
#define PAS_INIT_IMAGE  0x0201
#define ASSIGN_ARGINFO  0x1117          /* RO,VAL,RO,VAL,RO,VAL,VAL */

/* x0 answers (QCOM_SCM_E* of Linux's drivers/firmware/qcom_scm.h) */
#define OK              0
#define NOT_SUPPORTED   (-1)
#define EINVAL_ARG      (-2)
#define EINVAL_ADDR     (-3)
#define SCM_ENOMEM      (-5)


typedef struct Xpu {
    unsigned ngroups;
    uint32_t err_count;
    uint32_t g[256][7];
} Xpu;

static QTestState *boot(const char *extra)
{
    return scm_calls_boot("db845c", extra);
}


static void xpu_snap(QTestState *qts, Xpu *x)
{
    memset(x, 0, sizeof(*x));
    x->ngroups = qtest_readl(qts, XPU + A_NUM_GROUPS);
    x->err_count = qtest_readl(qts, XPU + A_ERR_COUNT);
    for (unsigned n = 0; n < x->ngroups; n++) {
        for (int r = 0; r < 7; r++) {
            x->g[n][r] = qtest_readl(qts, XPU + G(n, 4 * r));
        }
    }
}

/* The read and write VMIDs of a page, as the XPU's rule gives them */
static void xpu_perm(QTestState *qts, uint64_t addr, uint32_t *rd,
                     uint32_t *wr)
{
    Xpu *x = g_new(Xpu, 1);
    bool covered = false;

    xpu_snap(qts, x);
    *rd = *wr = UINT32_MAX;
    for (unsigned n = 0; n < x->ngroups; n++) {
        uint64_t start = x->g[n][0] | (uint64_t)x->g[n][1] << 32;
        uint64_t end = (x->g[n][2] | (uint64_t)x->g[n][3] << 32) | 0xfff;

        if ((x->g[n][6] & EN) && addr >= start && addr <= end) {
            covered = true;
            *rd &= x->g[n][4];
            *wr &= x->g[n][5];
        }
    }
    if (!covered) {
        *rd = *wr = 0;
    }
    g_free(x);
}

static void assert_perm(QTestState *qts, uint64_t addr, uint32_t rd,
                        uint32_t wr)
{
    uint32_t r, w;

    xpu_perm(qts, addr, &r, &w);
    g_assert_cmphex(r, ==, rd);
    g_assert_cmphex(w, ==, wr);
}

typedef struct Range {
    uint64_t addr, size;
} Range;

typedef struct Dest {
    uint32_t vmid, perm;
} Dest;

/*
 * An assign_mem call as Linux's qcom_scm_assign_mem() lays it out: one
 * buffer with the source VMIDs at 0, the memory ranges at 64 and the
 * destinations at 128 (longer lists: at 0x100 and 0x600), and the
 * arguments 3..9 at 0xc00. The lists are written at "at" and named at
 * "base" (another address when the program copies them there first).
 */
#define EXT 0xc00

static Call assign_at(QTestState *qts, uint64_t at, uint64_t base,
                      const Range *mem, unsigned nmem,
                      const uint32_t *src, unsigned nsrc,
                      const Dest *dest, unsigned ndest)
{
    bool kernel = nmem <= 4 && nsrc <= 16 && ndest <= 2;
    uint64_t mem_off = kernel ? 64 : 0x100;
    uint64_t dest_off = kernel ? 128 : 0x600;
    Call c = { .x = { STD64(MP_ASSIGN), ASSIGN_ARGINFO, base + mem_off,
                      16 * nmem, base, at + EXT } };

    for (unsigned i = 0; i < nsrc; i++) {
        qtest_writel(qts, at + 4 * i, src[i]);
    }
    for (unsigned i = 0; i < nmem; i++) {
        qtest_writeq(qts, at + mem_off + 16 * i, mem[i].addr);
        qtest_writeq(qts, at + mem_off + 16 * i + 8, mem[i].size);
    }
    for (unsigned i = 0; i < ndest; i++) {
        qtest_writel(qts, at + dest_off + 24 * i, dest[i].vmid);
        qtest_writel(qts, at + dest_off + 24 * i + 4, dest[i].perm);
        qtest_writeq(qts, at + dest_off + 24 * i + 8, 0);
        qtest_writeq(qts, at + dest_off + 24 * i + 16, 0);
    }
    qtest_writeq(qts, at + EXT, 4 * nsrc);
    qtest_writeq(qts, at + EXT + 8, base + dest_off);
    qtest_writeq(qts, at + EXT + 16, 24 * ndest);
    for (int i = 3; i < 7; i++) {
        qtest_writeq(qts, at + EXT + 8 * i, 0);
    }
    return c;
}

/* One range, one source VMID, one destination, in slot n */
static Call assign1(QTestState *qts, unsigned slot, uint64_t addr,
                    uint64_t size, uint32_t src, uint32_t dvmid,
                    uint32_t dperm)
{
    const Range mem = { addr, size };
    const Dest dest = { dvmid, dperm };

    return assign_at(qts, SLOT(slot), SLOT(slot), &mem, 1, &src, 1, &dest, 1);
}

/* Argument i (3..9) of a call built by assign_at() */
static void set_arg(QTestState *qts, const Call *c, int i, uint64_t v)
{
    qtest_writeq(qts, c->x[5] + 8 * (i - 3), v);
}

static void assert_answer(const Call *c, int64_t x0, uint64_t x1)
{
    g_assert_cmphex(c->out[0], ==, (uint64_t)x0);
    g_assert_cmphex(c->out[1], ==, x1);
}

/* Run a call that must fail with status, and check it changed nothing */
static void assert_refused(QTestState *qts, const char *what, Call c,
                           int64_t status)
{
    g_autofree Xpu *before = g_new(Xpu, 1);
    g_autofree Xpu *after = g_new(Xpu, 1);

    g_test_message("refused: %s", what);
    xpu_snap(qts, before);
    scm_calls_run(qts, &c, 1);
    xpu_snap(qts, after);
    g_assert_cmphex(c.out[0], ==, (uint64_t)status);
    g_assert_cmphex(c.out[1], ==, 0);
    g_assert(memcmp(before, after, sizeof(*before)) == 0);
}

/* The availability query, unknown calls, other owners, download mode */
static void test_calls(void)
{
    QTestState *qts = boot("");
    static const struct {
        uint64_t x0, x1, x2, x3;
        int64_t status;
        uint64_t result;
    } t[] = {
        /* Linux's convention probe, then its availability queries */
        { FAST64(IS_CALL_AVAIL), 1, SIP(IS_CALL_AVAIL), 0, OK, 1 },
        { STD64(IS_CALL_AVAIL), 1, SIP(MP_ASSIGN), 0, OK, 1 },
        { STD64(IS_CALL_AVAIL), 1, SIP(SET_DLOAD_MODE), 0, OK, 1 },
        { STD64(IS_CALL_AVAIL), 1, SIP(PAS_INIT_IMAGE), 0, OK, 0 },
        { STD64(IS_CALL_AVAIL), 1, 0x03000000 | MP_ASSIGN, 0, OK, 0 },
        /* wrong argument counts */
        { STD64(IS_CALL_AVAIL), 0, SIP(MP_ASSIGN), 0, EINVAL_ARG, 0 },
        { STD64(IS_CALL_AVAIL), 2, SIP(MP_ASSIGN), 0, EINVAL_ARG, 0 },
        { FAST64(SET_DLOAD_MODE), 1, 0x10, 0x10, EINVAL_ARG, 0 },
        { STD64(MP_ASSIGN), 6, 0, 0, EINVAL_ARG, 0 },
        { STD64(MP_ASSIGN), 4, 0, 0, EINVAL_ARG, 0 },
        { STD64(MP_ASSIGN), 11, 0, 0, EINVAL_ARG, 0 },
        { STD64(MP_ASSIGN), 15, 0, 0, EINVAL_ARG, 0 },
        /* an unknown SiP call: not supported, its buffer is not read */
        { STD64(PAS_INIT_IMAGE), 2, 0, 0, NOT_SUPPORTED, 0 },
        { STD64(0x3f3f), 0, 0, 0, NOT_SUPPORTED, 0 },
        /* download mode: on, off, bad values */
        { FAST64(SET_DLOAD_MODE), 2, 0x10, 0x10, OK, 0 },
        { FAST64(SET_DLOAD_MODE), 2, 0x10, 0, OK, 0 },
        { FAST64(SET_DLOAD_MODE), 2, 0x10, 5, EINVAL_ARG, 0 },
        { FAST64(SET_DLOAD_MODE), 2, 0x11, 0x10, EINVAL_ARG, 0 },
    };
    Call c[ARRAY_SIZE(t) + 5];
    unsigned n = ARRAY_SIZE(t);

    memset(c, 0, sizeof(c));
    for (unsigned i = 0; i < n; i++) {
        c[i].x[0] = t[i].x0;
        c[i].x[1] = t[i].x1;
        c[i].x[2] = t[i].x2;
        c[i].x[3] = t[i].x3;
        c[i].x[5] = UART;       /* never to be read as an argument buffer */
    }
    /* Calls the firmware does not take: QEMU answers x0 only */
    c[n + 0].x[0] = FAST32(IS_CALL_AVAIL);          /* SMC32 */
    c[n + 0].x[1] = 1;
    c[n + 0].x[2] = SIP(IS_CALL_AVAIL);
    c[n + 1].x[0] = 0xc3000001;                     /* OEM service */
    c[n + 2].x[0] = 0xc5000001;                     /* hypervisor */
    c[n + 3].x[0] = 0x84000000;                     /* PSCI_VERSION */
    c[n + 4].x[0] = 0x0000000000000001ULL;          /* no owner (resume) */
    scm_calls_run(qts, c, n + 5);

    for (unsigned i = 0; i < n; i++) {
        g_test_message("call %u: x0 0x%" PRIx64 " x1 0x%" PRIx64, i,
                       t[i].x0, t[i].x1);
        assert_answer(&c[i], t[i].status, t[i].result);
        g_assert_cmphex(c[i].out[2], ==, 0);
        g_assert_cmphex(c[i].out[3], ==, 0);
    }
    g_assert_cmphex(c[n + 0].out[0], ==, (uint64_t)NOT_SUPPORTED);
    g_assert_cmphex(c[n + 1].out[0], ==, (uint64_t)NOT_SUPPORTED);
    g_assert_cmphex(c[n + 2].out[0], ==, (uint64_t)NOT_SUPPORTED);
    g_assert_cmphex(c[n + 3].out[0], ==, 0x10001);   /* QEMU's PSCI 1.1 */
    g_assert_cmphex(c[n + 4].out[0], ==, (uint64_t)NOT_SUPPORTED);
    qtest_quit(qts);
}

/* Hand ranges around as the MSS driver does; each call changes the XPU */
static void test_assign_good(void)
{
    QTestState *qts = boot("");
    const uint32_t hlos = VMID_HLOS, both[] = { VMID_HLOS, VMID_MSS };
    const Dest share[] = { { VMID_HLOS, 7 }, { VMID_MSS, 6 } };
    const Dest mss = { VMID_MSS, 6 };
    const Range two[] = { { R + 0x10000, 0x1000 }, { R + 0x20000, 0x3000 } };
    const Range r2 = { R, 0x2000 };
    Call c;

    /* HLOS -> MSS: the neighbours keep HLOS */
    c = assign1(qts, 0, R, 0x2000, VMID_HLOS, VMID_MSS, 6);
    scm_calls_run(qts, &c, 1);
    assert_answer(&c, OK, 0);
    assert_perm(qts, R, MSS, MSS);
    assert_perm(qts, R + 0x1000, MSS, MSS);
    assert_perm(qts, R - 0x1000, HLOS, HLOS);
    assert_perm(qts, R + 0x2000, HLOS, HLOS);

    /* MSS -> HLOS (read, write, execute) */
    c = assign1(qts, 1, R, 0x2000, VMID_MSS, VMID_HLOS, 7);
    scm_calls_run(qts, &c, 1);
    assert_answer(&c, OK, 0);
    assert_perm(qts, R, HLOS, HLOS);

    /* HLOS -> HLOS + MSS -> MSS (the driver's MPSS load) */
    c = assign_at(qts, SLOT(2), SLOT(2), &r2, 1, &hlos, 1, share, 2);
    scm_calls_run(qts, &c, 1);
    assert_answer(&c, OK, 0);
    assert_perm(qts, R + 0x1000, HLOS | MSS, HLOS | MSS);
    c = assign_at(qts, SLOT(3), SLOT(3), &r2, 1, both, 2, &mss, 1);
    scm_calls_run(qts, &c, 1);
    assert_answer(&c, OK, 0);
    assert_perm(qts, R, MSS, MSS);

    /* Read-only for a destination; two ranges in one call */
    c = assign_at(qts, SLOT(4), SLOT(4), two, 2, &hlos, 1,
                  &(const Dest){ VMID_MSS, 4 }, 1);
    scm_calls_run(qts, &c, 1);
    assert_answer(&c, OK, 0);
    assert_perm(qts, R + 0x10000, MSS, 0);
    assert_perm(qts, R + 0x22000, MSS, 0);
    assert_perm(qts, R + 0x11000, HLOS, HLOS);
    assert_perm(qts, R + 0x1f000, HLOS, HLOS);
    qtest_quit(qts);
}

/* Every malformed call is refused and leaves the XPU as it was */
static void test_assign_bad(void)
{
    QTestState *qts = boot("");
    const uint32_t dup_src[] = { VMID_HLOS, VMID_HLOS };
    const uint32_t both[] = { VMID_HLOS, VMID_MSS };
    const uint32_t hlos = VMID_HLOS;
    const Dest dup_dest[] = { { VMID_MSS, 6 }, { VMID_MSS, 4 } };
    const Range overlap[] = { { R + 0x10000, 0x2000 },
                              { R + 0x11000, 0x1000 } };
    /* the second range is outside DRAM: the first must not change */
    const Range second_bad[] = { { R + 0x10000, 0x1000 },
                                 { 0x10000000, 0x1000 } };
    const Range r1 = { R, 0x1000 };
    Range many[65];
    uint32_t src33[33];
    Dest dest33[33];
    Call c;
    unsigned free_group = 0;
    g_autofree Xpu *x = g_new(Xpu, 1);

    /* Argument counts */
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    c.x[1] = 0x1116;
    assert_refused(qts, "6 arguments", c, EINVAL_ARG);
    c.x[1] = 0x1114;
    assert_refused(qts, "4 arguments", c, EINVAL_ARG);
    c.x[1] = 0x111a;
    assert_refused(qts, "10 arguments", c, EINVAL_ARG);
    c.x[1] = 0x111b;
    assert_refused(qts, "11 arguments", c, EINVAL_ARG);

    /* The argument buffer (x5) */
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    c.x[5] = UART;
    assert_refused(qts, "argument buffer on the UART", c, EINVAL_ADDR);
    c.x[5] = 0x10;
    assert_refused(qts, "argument buffer in no memory", c, EINVAL_ADDR);
    c.x[5] = DRAM_END - 8;
    assert_refused(qts, "argument buffer across the end of DRAM", c,
                   EINVAL_ADDR);
    c.x[5] = SLOT(0) + EXT + 4;
    assert_refused(qts, "argument buffer unaligned", c, EINVAL_ADDR);

    /* Lists outside RAM or unaligned */
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    c.x[2] = 0x1000;
    assert_refused(qts, "memory list in no memory", c, EINVAL_ADDR);
    c.x[2] = SLOT(0) + 64 + 4;
    assert_refused(qts, "memory list unaligned", c, EINVAL_ADDR);
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    c.x[4] = XPU_WINDOW;
    assert_refused(qts, "source list outside memory", c, EINVAL_ADDR);
    c.x[4] = SLOT(0) + 2;
    assert_refused(qts, "source list unaligned", c, EINVAL_ADDR);
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    set_arg(qts, &c, 4, DRAM_END - 16);
    assert_refused(qts, "destination list across the end of DRAM", c,
                   EINVAL_ADDR);
    set_arg(qts, &c, 4, UART);
    assert_refused(qts, "destination list on the UART", c, EINVAL_ADDR);

    /* List sizes */
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    c.x[3] = 0;
    assert_refused(qts, "memory list empty", c, EINVAL_ARG);
    c.x[3] = 15;
    assert_refused(qts, "memory list size not a multiple of 16", c,
                   EINVAL_ARG);
    c.x[3] = 65 * 16;
    assert_refused(qts, "memory list of 65 ranges", c, EINVAL_ARG);
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    set_arg(qts, &c, 3, 0);
    assert_refused(qts, "source list empty", c, EINVAL_ARG);
    set_arg(qts, &c, 3, 6);
    assert_refused(qts, "source list size not a multiple of 4", c,
                   EINVAL_ARG);
    set_arg(qts, &c, 3, 33 * 4);
    assert_refused(qts, "source list of 33 VMIDs", c, EINVAL_ARG);
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    set_arg(qts, &c, 5, 0);
    assert_refused(qts, "destination list empty", c, EINVAL_ARG);
    set_arg(qts, &c, 5, 23);
    assert_refused(qts, "destination list size not a multiple of 24", c,
                   EINVAL_ARG);
    set_arg(qts, &c, 5, 33 * 24);
    assert_refused(qts, "destination list of 33 VMIDs", c, EINVAL_ARG);
    for (int i = 0; i < 65; i++) {
        many[i] = (Range){ R + 0x100000 + 0x1000 * i, 0x1000 };
    }
    c = assign_at(qts, SLOT(1), SLOT(1), many, 65, &hlos, 1,
                  &(const Dest){ VMID_MSS, 6 }, 1);
    assert_refused(qts, "65 ranges", c, EINVAL_ARG);
    for (int i = 0; i < 33; i++) {
        src33[i] = i;
        dest33[i] = (Dest){ i, 6 };
    }
    c = assign_at(qts, SLOT(2), SLOT(2), &r1, 1, src33, 33,
                  &(const Dest){ VMID_MSS, 6 }, 1);
    assert_refused(qts, "33 source VMIDs", c, EINVAL_ARG);
    c = assign_at(qts, SLOT(3), SLOT(3), &r1, 1, &hlos, 1, dest33, 33);
    assert_refused(qts, "33 destinations", c, EINVAL_ARG);

    /* Ranges: unaligned, empty, outside DRAM, overlapping */
    assert_refused(qts, "range start unaligned",
                   assign1(qts, 0, R + 0x800, 0x1000, VMID_HLOS, VMID_MSS, 6),
                   EINVAL_ADDR);
    assert_refused(qts, "range size unaligned",
                   assign1(qts, 0, R, 0x800, VMID_HLOS, VMID_MSS, 6),
                   EINVAL_ADDR);
    assert_refused(qts, "range empty",
                   assign1(qts, 0, R, 0, VMID_HLOS, VMID_MSS, 6),
                   EINVAL_ADDR);
    assert_refused(qts, "range below DRAM",
                   assign1(qts, 0, 0x10000000, 0x1000, VMID_HLOS, VMID_MSS,
                           6), EINVAL_ADDR);
    assert_refused(qts, "range across the end of DRAM",
                   assign1(qts, 0, DRAM_END - 0x1000, 0x2000, VMID_HLOS,
                           VMID_MSS, 6), EINVAL_ADDR);
    assert_refused(qts, "range wrapping around",
                   assign1(qts, 0, 0xfffffffffffff000ULL, 0x2000, VMID_HLOS,
                           VMID_MSS, 6), EINVAL_ADDR);
    c = assign_at(qts, SLOT(1), SLOT(1), overlap, 2, &hlos, 1,
                  &(const Dest){ VMID_MSS, 6 }, 1);
    assert_refused(qts, "overlapping ranges", c, EINVAL_ADDR);
    c = assign_at(qts, SLOT(1), SLOT(1), second_bad, 2, &hlos, 1,
                  &(const Dest){ VMID_MSS, 6 }, 1);
    assert_refused(qts, "second range outside DRAM", c, EINVAL_ADDR);

    /* VMIDs and permissions */
    assert_refused(qts, "source is not the owner",
                   assign1(qts, 0, R, 0x1000, VMID_MSS, VMID_HLOS, 7),
                   EINVAL_ARG);
    c = assign_at(qts, SLOT(1), SLOT(1), &r1, 1, both, 2,
                  &(const Dest){ VMID_MSS, 6 }, 1);
    assert_refused(qts, "sources are more than the owner", c, EINVAL_ARG);
    c = assign_at(qts, SLOT(1), SLOT(1), &r1, 1, dup_src, 2,
                  &(const Dest){ VMID_MSS, 6 }, 1);
    assert_refused(qts, "source VMID repeated", c, EINVAL_ARG);
    assert_refused(qts, "source VMID 40",
                   assign1(qts, 0, R, 0x1000, 40, VMID_MSS, 6), EINVAL_ARG);
    assert_refused(qts, "destination VMID 32",
                   assign1(qts, 0, R, 0x1000, VMID_HLOS, 32, 6), EINVAL_ARG);
    assert_refused(qts, "destination permission 0",
                   assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 0),
                   EINVAL_ARG);
    assert_refused(qts, "destination permission execute only",
                   assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 1),
                   EINVAL_ARG);
    assert_refused(qts, "destination permission 8",
                   assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 0xe),
                   EINVAL_ARG);
    c = assign_at(qts, SLOT(1), SLOT(1), &r1, 1, &hlos, 1, dup_dest, 2);
    assert_refused(qts, "destination VMID repeated", c, EINVAL_ARG);

    /* Give R + 0x40000 to the modem: now HLOS may not read it */
    c = assign1(qts, 0, R + 0x40000, 0x1000, VMID_HLOS, VMID_MSS, 6);
    scm_calls_run(qts, &c, 1);
    assert_answer(&c, OK, 0);
    assert_refused(qts, "range owned partly by HLOS, partly by MSS",
                   assign1(qts, 0, R + 0x3f000, 0x2000, VMID_HLOS, VMID_MSS,
                           6), EINVAL_ARG);
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    c.x[2] = R + 0x40000;
    assert_refused(qts, "memory list in memory HLOS may not read", c,
                   EINVAL_ADDR);
    c = assign1(qts, 0, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    c.x[5] = R + 0x40000;
    assert_refused(qts, "argument buffer in memory HLOS may not read", c,
                   EINVAL_ADDR);

    /* A locked group over the range */
    xpu_snap(qts, x);
    while (x->g[free_group][6]) {
        free_group++;
    }
    qtest_writel(qts, XPU + G(free_group, G_START_LO), R + 0x50000);
    qtest_writel(qts, XPU + G(free_group, G_END_LO), R + 0x50000);
    qtest_writel(qts, XPU + G(free_group, G_RPERM), HLOS);
    qtest_writel(qts, XPU + G(free_group, G_WPERM), HLOS);
    qtest_writel(qts, XPU + G(free_group, G_GCTRL), EN | LOCK);
    assert_refused(qts, "locked group",
                   assign1(qts, 0, R + 0x4f000, 0x2000, VMID_HLOS, VMID_MSS,
                           6), EINVAL_ADDR);

    /* No violation came of any of it: the firmware read nothing denied */
    g_assert_cmpuint(qtest_readl(qts, XPU + A_ERR_COUNT), ==, 0);
    qtest_quit(qts);
}

/*
 * With 6 groups, the board's reset takes 3 (SMEM shared with the modem,
 * the HLOS groups below and above it): two ranges inside the one above
 * need 4 free groups, so the XPU would change the first and fail on the
 * second, and the call is refused before either.
 */
static void test_assign_groups_run_out(void)
{
    QTestState *qts = boot("-global qcom-xpu.num-groups=6");
    const Range two[] = { { R, 0x1000 }, { R + 0x10000, 0x1000 } };
    const uint32_t hlos = VMID_HLOS;
    g_autofree Xpu *x = g_new(Xpu, 1);
    unsigned used = 0;
    Call c;

    xpu_snap(qts, x);
    g_assert_cmpuint(x->ngroups, ==, 6);
    for (unsigned n = 0; n < x->ngroups; n++) {
        used += x->g[n][6] & EN;
    }
    g_assert_cmpuint(used, ==, 3);
    assert_perm(qts, 0x86000000, HLOS | MSS, HLOS | MSS);

    c = assign_at(qts, SLOT(0), SLOT(0), two, 2, &hlos, 1,
                  &(const Dest){ VMID_MSS, 6 }, 1);
    assert_refused(qts, "two ranges, groups run out", c, SCM_ENOMEM);
    assert_perm(qts, R, HLOS, HLOS);

    c = assign1(qts, 1, R, 0x1000, VMID_HLOS, VMID_MSS, 6);
    scm_calls_run(qts, &c, 1);
    assert_answer(&c, OK, 0);
    assert_perm(qts, R, MSS, MSS);
    /* one group left: the next split cannot be made */
    assert_refused(qts, "one range, groups run out",
                   assign1(qts, 2, R + 0x10000, 0x1000, VMID_HLOS, VMID_MSS,
                           6), SCM_ENOMEM);
    qtest_quit(qts);
}

static bool dt_scm_coherent(QTestState *qts)
{
    g_autofree char *path = NULL;
    g_autofree char *blob = NULL;
    g_autoptr(GError) err = NULL;
    int fd = g_file_open_tmp("qcom-scm-XXXXXX.dtb", &path, &err);
    gsize size;
    int len, off;

    g_assert_no_error(err);
    close(fd);
    qtest_qmp_assert_success(qts, "{'execute': 'dumpdtb', "
                             "'arguments': {'filename': %s}}", path);
    g_assert(g_file_get_contents(path, &blob, &size, &err));
    g_assert_no_error(err);
    unlink(path);
    g_assert_cmpint(fdt_check_header(blob), ==, 0);
    off = fdt_path_offset(blob, "/firmware/scm");
    g_assert_cmpint(off, >=, 0);
    return fdt_getprop(blob, off, "dma-coherent", &len) != NULL;
}

/*
 * Lists the CPU wrote with cacheable stores and did not clean: a
 * non-coherent firmware reads memory's old data (zeros) and refuses the
 * call; with dma-coherent it reads what the CPU wrote.
 */
static void run_cached_lists(QTestState *qts, bool coherent)
{
    const Range mem = { R, 0x1000 };
    const uint32_t hlos = VMID_HLOS;
    Call c = assign_at(qts, SLOT(0), CACHED, &mem, 1, &hlos, 1,
                       &(const Dest){ VMID_MSS, 6 }, 1);

    c.copy_src = SLOT(0);
    c.copy_dst = CACHED;
    c.copy_len = 0x200;
    if (coherent) {
        scm_calls_run(qts, &c, 1);
        assert_answer(&c, OK, 0);
        assert_perm(qts, R, MSS, MSS);
    } else {
        /* the copy's destination list is all zeros in memory */
        assert_refused(qts, "lists in the CPU's cache only", c, EINVAL_ARG);
        assert_perm(qts, R, HLOS, HLOS);
    }
    /* Lists in memory are the same in both views */
    c = assign1(qts, 1, R + 0x1000, 0x1000, VMID_HLOS, VMID_MSS, 6);
    scm_calls_run(qts, &c, 1);
    assert_answer(&c, OK, 0);
    assert_perm(qts, R + 0x1000, MSS, MSS);
}

static void test_not_coherent(void)
{
    QTestState *qts = boot("");

    g_assert_false(dt_scm_coherent(qts));
    run_cached_lists(qts, false);
    qtest_quit(qts);
}

static void test_coherent(void)
{
    QTestState *qts = boot("-global qcom-scm.dma-coherent=on");
    Call c;

    g_assert_true(dt_scm_coherent(qts));
    run_cached_lists(qts, true);
    /* still only memory: lists outside DRAM are refused */
    c = assign1(qts, 2, R + 0x2000, 0x1000, VMID_HLOS, VMID_MSS, 6);
    c.x[5] = UART;
    assert_refused(qts, "coherent: argument buffer on the UART", c,
                   EINVAL_ADDR);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    if (!g_getenv("QMS_GUEST_DIR")) {
        g_test_message("QMS_GUEST_DIR is not set: no guest program to run");
        return g_test_run();
    }
    qtest_add_func("/qcom-scm/calls", test_calls);
    qtest_add_func("/qcom-scm/assign-mem/good", test_assign_good);
    qtest_add_func("/qcom-scm/assign-mem/bad", test_assign_bad);
    qtest_add_func("/qcom-scm/assign-mem/groups-run-out",
                   test_assign_groups_run_out);
    qtest_add_func("/qcom-scm/dma/not-coherent", test_not_coherent);
    qtest_add_func("/qcom-scm/dma/coherent", test_coherent);
    return g_test_run();
}
