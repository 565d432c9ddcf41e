/*
 * QTest: a system reset puts every device of ours back in the state it
 * had after realize (the machine's first reset), whatever the guest did
 * to it. The fuzz targets reset the machine between inputs
 * (docs/devel/fuzzing.rst); state a reset leaves behind makes a crash
 * depend on the inputs before it, and a rebooted guest see a device
 * that its firmware never left so.
 *
 * For each device the test reads every register of every block of ours
 * (and the carve-outs the SoC's firmware lays out in DRAM, the XPU's and
 * the cache model's state through QMP, the state the devices show as
 * QOM properties: votes, images, remote processors' phases), then writes
 * garbage over the device's registers in several passes (all ones, all
 * zeros, a pattern of its own per word, bytes) with the virtual clock
 * running in between, so that what the writes started (a boot, a
 * transfer, a timer) happens; then a system_reset, and everything is
 * read again and compared with the state after realize (read in the
 * board's first case: every QEMU started alike has it). Reading all
 * blocks, not only the device's, catches a device that changed another
 * one through its lines (a reset line, a doorbell) and that the reset
 * left so. A last case per board runs the bare-metal
 * program of the SCM qtests: SMCs program the XPU from lists the CPU
 * left in its cache, with the CPU data-cache model holding lines.
 *
 * What is not compared: the counters of the memory-mapped timer frame
 * (they count virtual time, which a reset does not turn back).
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qcom-scm-calls.h"

#define DRAM            0x80000000ULL
#define RAM_SIZE        0x80000000ULL   /* 2 GiB, the default -m */

/* offsets of a block whose value is not state: skipped by the compare */
typedef struct Skip {
    uint32_t off, len;
} Skip;

typedef struct Block {
    const char *name;
    uint64_t base, size;
    const Skip *skip;
    bool ram;                   /* a carve-out in DRAM, not registers */
    uint32_t page_head;         /* non-zero: only so many bytes a page */
} Block;

/* a QOM property of a device that shows state no register does */
typedef struct Prop {
    const char *path, *name;
} Prop;

typedef struct State State;

typedef struct Board {
    const char *name;
    const char *args;
    const Block *blocks;
    const Prop *props;
    State **realized;           /* its state after realize, once read */
} Board;

/* the memory-mapped timer frame: CNTPCT, CNTVCT and the TVALs */
static const Skip timer_frame_skip[] = {
    { 0x00, 0x10 }, { 0x28, 4 }, { 0x38, 4 }, { 0 }
};

/* a pin's registers, at the start of its page: all a TLMM holds */
#define TLMM_PIN_REGS   0x10

#define SMEM_HEADER     (0xd0 + 512 * 16)      /* to QCOM_SMEM_HEAP_START */
#define SMEM_SIZE       0x200000
#define SMEM_PTABLE     0x1000

static const Block db845c_blocks[] = {
    { "gcc", 0x00100000, 0x1f0000 },
    { "qup0", 0x008c0000, 0x6000 },
    { "uart9", 0x00a84000, 0x4000 },
    { "qup1", 0x00ac0000, 0x6000 },
    { "tcsr-mutex", 0x01f40000, 0x20000 },
    { "mss-halt", 0x01f60000, 0x20000 },
    { "xpu", 0x01fb0000, 0x4000 },
    { "tlmm", 0x03400000, 0xc00000, .page_head = TLMM_PIN_REGS },
    { "mss-qdsp6ss", 0x04080000, 0x408 },
    { "mss-rmb", 0x04180000, 0x48 },
    { "gpucc", 0x05090000, 0x9000 },
    { "pdc", 0x0b220000, 0x30000 },
    { "pdc-reset", 0x0b2e0000, 0x20000 },
    { "aoss-reset", 0x0c2a0000, 0x31000 },
    { "aoss-qmp", 0x0c300000, 0x400 },
    { "apss-shared", 0x17990000, 0x1000 },
    { "rpmh-rsc", 0x179c0000, 0x30000 },
    { "timer-ctl", 0x17c90000, 0x1000 },
    { "timer-frame0", 0x17ca0000, 0x1000, timer_frame_skip },
    { "cmd-db", 0x85fe0000, 0x20000, NULL, true },
    { "smem-header", 0x86000000, SMEM_HEADER, NULL, true },
    { "smem-ptable", 0x86000000 + SMEM_SIZE - SMEM_PTABLE, SMEM_PTABLE,
      NULL, true },
    { NULL }
};

static const Block rb5_blocks[] = {
    { "gcc", 0x00100000, 0x1f0000 },
    { "ipcc", 0x00408000, 0x1000 },
    { "qup2", 0x008c0000, 0x6000 },
    { "qup0", 0x009c0000, 0x6000 },
    { "uart12", 0x00a90000, 0x4000 },
    { "qup1", 0x00ac0000, 0x6000 },
    { "tcsr-mutex", 0x01f40000, 0x40000 },
    { "xpu", 0x01fb0000, 0x4000 },
    { "gpucc", 0x03d90000, 0x9000 },
    { "pdc", 0x0b220000, 0x30000 },
    { "aoss-qmp", 0x0c300000, 0x400 },
    { "tlmm", 0x0f100000, 0xb00000, .page_head = TLMM_PIN_REGS },
    { "timer-ctl", 0x17c20000, 0x1000 },
    { "timer-frame0", 0x17c21000, 0x1000, timer_frame_skip },
    { "rpmh-rsc", 0x18200000, 0x30000 },
    { "cmd-db", 0x80860000, 0x20000, NULL, true },
    { "smem-header", 0x80900000, SMEM_HEADER, NULL, true },
    { "smem-ptable", 0x80900000 + SMEM_SIZE - SMEM_PTABLE, SMEM_PTABLE,
      NULL, true },
    { NULL }
};

static const Prop db845c_props[] = {
    { "/machine/soc/aoss-qmp", "load-state" },
    { "/machine/soc/apps-rsc", "votes" },
    { "/machine/soc/apps-rsc", "sleep-votes" },
    { "/machine/soc/apps-rsc", "wake-votes" },
    { "/machine/soc/mss", "crash-dump" },
    { NULL }
};

static const Prop rb5_props[] = {
    { "/machine/soc/aoss-qmp", "load-state" },
    { "/machine/soc/apps-rsc", "votes" },
    { "/machine/soc/apps-rsc", "sleep-votes" },
    { "/machine/soc/apps-rsc", "wake-votes" },
    { "/machine/soc/adsp", "phase" },
    { "/machine/soc/adsp", "crash-dump" },
    { "/machine/soc/cdsp", "phase" },
    { "/machine/soc/cdsp", "crash-dump" },
    { "/machine/soc/slpi", "phase" },
    { "/machine/soc/slpi", "crash-dump" },
    { NULL }
};

#define ARGS "-smp 1 -global qcom-xpu.action=log"

static State *realized[2];

static const Board boards[] = {
    { "db845c", "-M db845c " ARGS, db845c_blocks, db845c_props,
      &realized[0] },
    { "rb5", "-M rb5 " ARGS, rb5_blocks, rb5_props, &realized[1] },
};

typedef struct Case {
    const Board *board;
    const Block *block;         /* NULL: the SCM program */
} Case;

/* Everything the test compares, as read at one moment */
struct State {
    uint8_t **bytes;            /* per block */
    char **props;               /* per property, as JSON */
    char *xpu, *dcache;         /* QMP's answers, as JSON */
};

static char *G_GNUC_PRINTF(2, 3) qmp_json(QTestState *qts, const char *fmt,
                                          ...)
{
    va_list ap;
    QDict *rsp;
    GString *json;

    va_start(ap, fmt);
    rsp = qtest_vqmp(qts, fmt, ap);
    va_end(ap);
    g_assert(qdict_haskey(rsp, "return"));
    json = qobject_to_json(qdict_get(rsp, "return"));
    qobject_unref(rsp);
    return g_string_free(json, false);
}

/*
 * A block's bytes, or the heads of its pages; the rest of buf is left
 * alone (a TLMM is 12 MiB of pages of which 16 bytes are registers)
 */
static void block_read(QTestState *qts, const Block *blk, uint8_t *buf)
{
    if (!blk->page_head) {
        qtest_bufread(qts, blk->base, buf, blk->size);
        return;
    }
    for (uint64_t off = 0; off < blk->size; off += 0x1000) {
        qtest_bufread(qts, blk->base + off, buf + off, blk->page_head);
    }
}

static void block_write(QTestState *qts, const Block *blk,
                        const uint8_t *buf)
{
    if (!blk->page_head) {
        qtest_bufwrite(qts, blk->base, buf, blk->size);
        return;
    }
    for (uint64_t off = 0; off < blk->size; off += 0x1000) {
        qtest_bufwrite(qts, blk->base + off, buf + off, blk->page_head);
    }
}

static State *state_read(QTestState *qts, const Board *b)
{
    State *st = g_new0(State, 1);
    unsigned n = 0;

    while (b->blocks[n].name) {
        n++;
    }
    st->bytes = g_new0(uint8_t *, n);
    for (unsigned i = 0; i < n; i++) {
        st->bytes[i] = g_malloc0(b->blocks[i].size);
        block_read(qts, &b->blocks[i], st->bytes[i]);
    }
    n = 0;
    while (b->props[n].path) {
        n++;
    }
    st->props = g_new0(char *, n);
    for (unsigned i = 0; i < n; i++) {
        st->props[i] = qmp_json(qts, "{'execute': 'qom-get', 'arguments': "
                                "{'path': %s, 'property': %s}}",
                                b->props[i].path, b->props[i].name);
    }
    st->xpu = qmp_json(qts, "{'execute': 'query-xpu'}");
    st->dcache = qmp_json(qts, "{'execute': 'query-dcache', 'arguments': "
                          "{'addr': 2147483648, 'len': 2147483648}}");
    return st;
}

static void state_free(const Board *b, State *st)
{
    for (unsigned i = 0; b->blocks[i].name; i++) {
        g_free(st->bytes[i]);
    }
    g_free(st->bytes);
    for (unsigned i = 0; b->props[i].path; i++) {
        g_free(st->props[i]);
    }
    g_free(st->props);
    g_free(st->xpu);
    g_free(st->dcache);
    g_free(st);
}

static bool skipped(const Block *blk, uint32_t off)
{
    for (const Skip *s = blk->skip; s && s->len; s++) {
        if (off >= s->off && off < s->off + s->len) {
            return true;
        }
    }
    return false;
}

/* Messages for what differs; how many words or answers do */
static unsigned state_compare(const Board *b, const State *was,
                              const State *now)
{
    unsigned bad = 0;

    for (unsigned i = 0; b->blocks[i].name; i++) {
        const Block *blk = &b->blocks[i];
        unsigned shown = 0;

        for (uint32_t off = 0; off < blk->size; off += 4) {
            uint32_t v0 = ldl_le_p(was->bytes[i] + off);
            uint32_t v1 = ldl_le_p(now->bytes[i] + off);

            if (v0 != v1 && !skipped(blk, off)) {
                if (shown++ < 8) {
                    g_test_message("%s: %s +0x%x (0x%" PRIx64 "): 0x%08x "
                                   "after realize, 0x%08x after the reset",
                                   b->name, blk->name, off, blk->base + off,
                                   v0, v1);
                }
                bad++;
            }
        }
        if (shown > 8) {
            g_test_message("%s: %s: %u more words differ", b->name,
                           blk->name, shown - 8);
        }
    }
    for (unsigned i = 0; b->props[i].path; i++) {
        if (strcmp(was->props[i], now->props[i])) {
            g_test_message("%s: %s %s: %s after realize, %s after the reset",
                           b->name, b->props[i].path, b->props[i].name,
                           was->props[i], now->props[i]);
            bad++;
        }
    }
    if (strcmp(was->xpu, now->xpu)) {
        g_test_message("%s: query-xpu after realize: %s", b->name, was->xpu);
        g_test_message("%s: query-xpu after the reset: %s", b->name,
                       now->xpu);
        bad++;
    }
    if (strcmp(was->dcache, now->dcache)) {
        g_test_message("%s: query-dcache after realize: %s", b->name,
                       was->dcache);
        g_test_message("%s: query-dcache after the reset: %s", b->name,
                       now->dcache);
        bad++;
    }
    return bad;
}

/*
 * Let what the writes started run: timers, state machines (their steps
 * take a millisecond at most). Fixed steps, not to the next deadline:
 * qtest fails a clock_step when no timer is pending.
 */
static void run_clock(QTestState *qts)
{
    for (int i = 0; i < 5; i++) {
        qtest_clock_step(qts, 10 * 1000 * 1000);
    }
}

/* Garbage over a block, in passes */
static void scribble(QTestState *qts, const Block *blk)
{
    static const uint8_t bytes[] = { 0xff, 0x00, 0xa5, 0x01 };
    g_autofree uint8_t *buf = g_malloc(blk->size);

    for (int pass = 0; pass < ARRAY_SIZE(bytes); pass++) {
        memset(buf, bytes[pass], blk->size);
        block_write(qts, blk, buf);
        run_clock(qts);
    }
    /* a value of its own per word */
    for (uint32_t off = 0; off + 4 <= blk->size; off += 4) {
        stl_le_p(buf + off, (off / 4 + 1) * 0x9e3779b9u);
    }
    block_write(qts, blk, buf);
    run_clock(qts);
    /* and every word read back, for registers whose reads do things */
    block_read(qts, blk, buf);
    run_clock(qts);
}

static void test_block(const void *opaque)
{
    const Case *c = opaque;
    const Board *b = c->board;
    QTestState *qts = qtest_init(b->args);
    State *now;
    unsigned bad;

    /* read once per board: it halves the test's time */
    if (!b->realized[0]) {
        b->realized[0] = state_read(qts, b);
    }
    scribble(qts, c->block);
    qtest_system_reset(qts);
    now = state_read(qts, b);
    bad = state_compare(b, b->realized[0], now);
    state_free(b, now);
    qtest_quit(qts);
    if (bad) {
        g_test_message("%s: %u differences after garbage in %s and a "
                       "system reset", b->name, bad, c->block->name);
    }
    g_assert_cmpuint(bad, ==, 0);
}

/*
 * The secure firmware and the cache: the SCM program hands a range to
 * the modem and back, from lists it copied with
 * cacheable stores (lines held dirty when the SCM reads them), and sets
 * the download mode; the vCPU stopped, a system reset.
 */
static void test_scm(const void *opaque)
{
    const Case *c = opaque;
    const Board *b = c->board;
    const char *dir = g_getenv("QMS_GUEST_DIR");
    g_autofree char *elf = g_strdup_printf("%s/baremetal/scm-calls.elf",
                                           dir ? dir : ".");
    QTestState *qts;
    State *was, *now;
    unsigned bad;
    Call calls[3] = {
        { .x = { 0xc2000110, 2, 0x10, 0x10 } },   /* download mode on */
    };

    if (!g_file_test(elf, G_FILE_TEST_EXISTS)) {
        g_test_skip("no baremetal/scm-calls.elf in QMS_GUEST_DIR");
        return;
    }
    /* coherent: the firmware reads the lists from the CPU's cache */
    qts = qtest_initf("%s -accel tcg -S -global qcom-scm.dma-coherent=on "
                      "-kernel %s", b->args, elf);
    was = state_read(qts, b);
    qtest_writeq(qts, MBOX, MAGIC);
    scm_calls_req = 0;
    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");

    for (int i = 1; i < 3; i++) {
        /* lists at 0x80110000, copied to 0x80180000 with cacheable stores */
        uint64_t at = 0x80110000 + 0x1000 * i, base = 0x80180000 + 0x1000 * i;

        /* HLOS to MSS_MSA, then back */
        qtest_writel(qts, at, i == 1 ? 3 : 15);
        qtest_writeq(qts, at + 64, 0x90000000);
        qtest_writeq(qts, at + 72, 0x2000);
        qtest_writel(qts, at + 128, i == 1 ? 15 : 3);
        qtest_writel(qts, at + 132, 6);
        qtest_writeq(qts, at + 136, 0);
        qtest_writeq(qts, at + 144, 0);
        qtest_writeq(qts, at + 0xc00, 4);
        qtest_writeq(qts, at + 0xc08, base + 128);
        qtest_writeq(qts, at + 0xc10, 24);
        qtest_writeq(qts, at + 0xc18, 0);
        calls[i] = (Call) {
            .x = { 0x42000c16, 0x1117, base + 64, 16, base, at + 0xc00 },
            .copy_src = at, .copy_dst = base, .copy_len = 0x200,
        };
    }
    scm_calls_run(qts, calls, 3);
    g_assert_cmphex(calls[0].out[0], ==, 0);
    g_assert_cmphex(calls[1].out[0], ==, 0);
    qtest_qmp_assert_success(qts, "{'execute': 'stop'}");
    qtest_system_reset(qts);
    now = state_read(qts, b);
    bad = state_compare(b, was, now);
    state_free(b, was);
    state_free(b, now);
    qtest_quit(qts);
    g_assert_cmpuint(bad, ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (int i = 0; i < ARRAY_SIZE(boards); i++) {
        const Board *b = &boards[i];
        Case *c;
        char *path;

        if (!qtest_has_machine(b->name)) {
            continue;
        }
        for (const Block *blk = b->blocks; blk->name; blk++) {
            c = g_new0(Case, 1);
            c->board = b;
            c->block = blk;
            path = g_strdup_printf("/qcom-reset-state/%s/%s", b->name,
                                   blk->name);
            qtest_add_data_func(path, c, test_block);
            g_free(path);
        }
        c = g_new0(Case, 1);
        c->board = b;
        path = g_strdup_printf("/qcom-reset-state/%s/scm-and-cache",
                               b->name);
        qtest_add_data_func(path, c, test_scm);
        g_free(path);
    }
    return g_test_run();
}
