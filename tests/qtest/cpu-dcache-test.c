/*
 * QTest for the CPU data-cache model on db845c: its QMP event, its QMP
 * command query-dcache and monitor command, and the machine's off
 * switch. A bare-metal program (guest/baremetal/cache-hold.c, found
 * through QMS_GUEST_DIR) leaves a dirty line in the CPU's cache; the test
 * then looks at it as a device would (qtest accesses read memory),
 * through QMP and through the monitor; cache-cvac.c and cache-setway.c
 * leave lines cleaned by address and by set/way. Another
 * (cache-revoke.c) holds a clean page and a page with a dirty line,
 * which the tests take away from the CPUs through the XPU (xpu-assign):
 * the hazard's severity, and none when the CPUs keep read access to
 * clean lines.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qapi/error.h"
#include <glib/gstdio.h>

#define MAILBOX 0x80100000ULL

static QTestState *start(const char *machine, uint64_t *line)
{
    const char *dir = g_getenv("QMS_GUEST_DIR");
    QTestState *qts;

    /* Paused until QMP is up, so that its events reach the test */
    qts = qtest_initf("-M %s -smp 1 -accel tcg -S "
                      "-kernel %s/baremetal/cache-hold.elf", machine, dir);
    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    /*
     * The program publishes the line's address once it wrote the line;
     * poll for that (for at most 10 s of host time).
     */
    for (int i = 0; qtest_readq(qts, MAILBOX + 8) != 1; i++) {
        g_assert_cmpint(i, <, 10000);
        g_usleep(1000);
    }
    *line = qtest_readq(qts, MAILBOX);
    return qts;
}

static void test_event_and_monitor(void)
{
    uint64_t line;
    QTestState *qts = start("db845c", &line);
    QDict *ev, *data;
    g_autofree char *info = NULL;
    g_autofree char *expect = NULL;

    ev = qtest_qmp_eventwait_ref(qts, "DCACHE_FINDING");
    data = qdict_get_qdict(ev, "data");
    g_assert_cmpstr(qdict_get_str(data, "kind"), ==, "mismatched-alias");
    g_assert_cmphex(qdict_get_int(data, "address"), ==, line);
    g_assert_cmpstr(qdict_get_str(data, "master"), ==, "apps");
    qobject_unref(ev);

    /* A device (qtest) reads memory: the CPU's write is not there yet */
    g_assert_cmphex(qtest_readq(qts, line), ==, 0x01d);

    info = qtest_hmp(qts, "info dcache 0x%" PRIx64 " 64", line);
    expect = g_strdup_printf("line 0x%" PRIx64 ": dirty", line);
    g_assert_nonnull(strstr(info, "lines held in"));
    g_assert_nonnull(strstr(info, expect));
    g_assert_nonnull(strstr(info, "never maintained"));
    qtest_quit(qts);
}

#define DRAM 0x80000000ULL
#define DRAM_SIZE (2ULL << 30)
#define REPORT_LINES 256

/* query-dcache's answer, which must not be an error */
static QDict *query_dcache(QTestState *qts, uint64_t addr, uint64_t len)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'query-dcache', 'arguments': "
                           "{'addr': %" PRIu64 ", 'len': %" PRIu64 "}}",
                           addr, len);
    QDict *info;

    g_assert(!qdict_haskey(rsp, "error"));
    info = qdict_get_qdict(rsp, "return");
    qobject_ref(info);
    qobject_unref(rsp);
    return info;
}

/* The description of query-dcache's error, which there must be */
static char *query_dcache_error(QTestState *qts, const char *args)
{
    QObject *arguments = qobject_from_json(args, &error_abort);
    QDict *rsp = qtest_qmp(qts, "{'execute': 'query-dcache', 'arguments': "
                           "%p}", arguments);
    QDict *err = qdict_get_qdict(rsp, "error");
    char *desc;

    g_assert_nonnull(err);
    g_assert_cmpstr(qdict_get_str(err, "class"), ==, "GenericError");
    desc = g_strdup(qdict_get_str(err, "desc"));
    qobject_unref(rsp);
    return desc;
}

static QDict *first_line(QDict *info)
{
    return qobject_to(QDict, qlist_peek(qdict_get_qlist(info, "lines")));
}

/*
 * All the lines held in DRAM, asked for 256 at a time from the address
 * after the last one listed; checks that the answers agree with one
 * another and with the query of all of DRAM.
 */
static QList *all_lines(QTestState *qts)
{
    QDict *whole = query_dcache(qts, DRAM, DRAM_SIZE);
    uint64_t held = qdict_get_int(whole, "held"), dirty = 0;
    uint64_t addr = DRAM, pages = 0;
    QList *all = qlist_new();

    g_assert_cmpuint(held, ==, qdict_get_int(whole, "held-bytes") / 64);
    g_assert_cmpuint(qlist_size(qdict_get_qlist(whole, "lines")), ==,
                     MIN(held, REPORT_LINES));
    g_assert_cmpint(qdict_get_bool(whole, "truncated"), ==,
                    held > REPORT_LINES);
    for (bool more = true; more; pages++) {
        QDict *info = query_dcache(qts, addr, DRAM + DRAM_SIZE - addr);
        QList *lines = qdict_get_qlist(info, "lines");
        QObject *l;

        more = qdict_get_bool(info, "truncated");
        while ((l = qlist_pop(lines))) {
            uint64_t a = qdict_get_int(qobject_to(QDict, l), "address");

            g_assert_cmphex(a, >=, addr);
            addr = a + 64;
            dirty += !strcmp(qdict_get_str(qobject_to(QDict, l), "state"),
                             "dirty");
            qlist_append_obj(all, l);
        }
        qobject_unref(info);
    }
    g_assert_cmpuint(qlist_size(all), ==, held);
    g_assert_cmpuint(dirty, ==, qdict_get_int(whole, "dirty"));
    g_assert_cmpuint(pages, ==, MAX(1, DIV_ROUND_UP(held, REPORT_LINES)));
    qobject_unref(whole);
    return all;
}

/* query-dcache: the dirty line, its page, all of DRAM 256 at a time */
static void test_query(void)
{
    uint64_t line;
    QTestState *qts = start("db845c", &line);
    QDict *info, *l, *fill, *st;
    QList *all;

    info = query_dcache(qts, line, 64);
    g_assert_cmpstr(qdict_get_str(info, "path"), ==, "/machine/soc/cpu-dcache");
    g_assert_cmphex(qdict_get_int(info, "base"), ==, DRAM);
    g_assert_cmphex(qdict_get_int(info, "size"), ==, DRAM_SIZE);
    g_assert_cmpuint(qdict_get_int(info, "capacity"), ==, 8 * 1024 * 1024);
    g_assert_cmpuint(qdict_get_int(info, "findings"), >=, 1);
    g_assert_cmpuint(qdict_get_int(info, "evicted-pages"), ==, 0);
    g_assert_cmpuint(qdict_get_int(info, "held"), ==, 1);
    g_assert_cmpuint(qdict_get_int(info, "dirty"), ==, 1);
    g_assert_cmpuint(qdict_get_int(info, "memory-changed"), ==, 0);
    g_assert_false(qdict_get_bool(info, "truncated"));
    g_assert_cmpuint(qlist_size(qdict_get_qlist(info, "lines")), ==, 1);
    l = first_line(info);
    g_assert_cmphex(qdict_get_int(l, "address"), ==, line);
    g_assert_cmpstr(qdict_get_str(l, "state"), ==, "dirty");
    g_assert_false(qdict_get_bool(l, "memory-changed"));
    g_assert_false(qdict_haskey(l, "last-maintenance"));
    fill = qdict_get_qdict(l, "fill");
    g_assert_cmpint(qdict_get_int(fill, "cpu"), ==, 0);
    g_assert_cmphex(qdict_get_int(fill, "pc"), !=, 0);
    g_assert_cmpuint(qdict_get_int(fill, "event"), >, 0);
    g_assert_cmpuint(qdict_get_int(info, "stretch-count"), ==, 1);
    st = qobject_to(QDict, qlist_peek(qdict_get_qlist(info, "stretches")));
    g_assert_cmphex(qdict_get_int(st, "start"), ==, line);
    g_assert_cmphex(qdict_get_int(st, "end"), ==, line + 63);
    qobject_unref(info);

    /* The page is held whole, the one line dirty */
    info = query_dcache(qts, line & ~0xfffULL, 0x1000);
    g_assert_cmpuint(qdict_get_int(info, "held"), ==, 64);
    g_assert_cmpuint(qdict_get_int(info, "dirty"), ==, 1);
    g_assert_cmpuint(qlist_size(qdict_get_qlist(info, "lines")), ==, 64);
    g_assert_false(qdict_get_bool(info, "truncated"));
    g_assert_cmpuint(qdict_get_int(info, "stretch-count"), ==, 1);
    l = first_line(info);
    g_assert_cmpstr(qdict_get_str(l, "state"), ==,
                    line & 0xfff ? "clean" : "dirty");
    qobject_unref(info);

    /* All the lines held, the program's pages too */
    all = all_lines(qts);
    g_assert_cmpuint(qlist_size(all), >=, 64);
    qobject_unref(all);
    qtest_quit(qts);
}

/* Lengths and ranges query-dcache refuses */
static void test_query_errors(void)
{
    uint64_t line;
    QTestState *qts = start("db845c", &line);
    const struct {
        const char *args, *error;
    } bad[] = {
        { "{'addr': 2415919104, 'len': 0}", "invalid range" },
        { "{'addr': 18446744073709551600, 'len': 32}", "invalid range" },
        { "{'addr': 4096, 'len': 4096}", "is outside the range" },
        { "{'addr': 2147483648, 'len': 18446744073709551615}",
          "invalid range" },
        { "{'addr': 4294967296}", "is outside the range" },
        { "{'len': 64}", "'addr' is missing" },
    };
    QDict *info;

    for (int i = 0; i < ARRAY_SIZE(bad); i++) {
        g_autofree char *desc = query_dcache_error(qts, bad[i].args);

        g_test_message("%s: %s", bad[i].args, desc);
        g_assert_nonnull(strstr(desc, bad[i].error));
    }
    /* A range that starts below the model is clipped to it */
    info = query_dcache(qts, 0, line + 64);
    g_assert_cmphex(qdict_get_int(qobject_to(QDict,
                    qlist_peek(qdict_get_qlist(info, "lines"))), "address"),
                    >=, DRAM);
    qobject_unref(info);
    qtest_quit(qts);
}

/*
 * The lines' last maintenance, after a program that did some powered
 * off, which here pauses the VM with the cache as the program left it.
 */
typedef struct Maintained {
    const char *program;
    const char *insn;           /* the maintenance the program does */
    unsigned lines;             /* lines it leaves so; 0: not counted */
    unsigned wrote_back;        /* of which it wrote back */
    bool paged;                 /* more than 256 lines held */
} Maintained;

static void test_query_maintained(const void *opaque)
{
    const Maintained *t = opaque;
    const char *dir = g_getenv("QMS_GUEST_DIR");
    unsigned lines = 0, wrote_back = 0, held;
    QTestState *qts;
    QList *all;
    QObject *o;

    qts = qtest_initf("-M db845c -smp 1 -accel tcg -S -action shutdown=pause "
                      "-kernel %s/baremetal/%s.elf", dir, t->program);
    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    qtest_qmp_eventwait(qts, "SHUTDOWN");
    all = all_lines(qts);
    held = qlist_size(all);
    if (t->paged) {
        g_assert_cmpuint(held, >, REPORT_LINES);
    }
    while ((o = qlist_pop(all))) {
        QDict *l = qobject_to(QDict, o);
        QDict *m = qdict_get_qdict(l, "last-maintenance");

        if (m && !strcmp(qdict_get_str(m, "insn"), t->insn)) {
            lines++;
            wrote_back += qdict_get_bool(m, "wrote-back");
            g_assert_cmpstr(qdict_get_str(l, "state"), ==, "clean");
            g_assert_cmpint(qdict_get_int(m, "cpu"), ==, 0);
            g_assert_cmphex(qdict_get_int(m, "pc"), !=, 0);
            g_assert_cmpuint(qdict_get_int(m, "event"), >,
                             qdict_get_int(qdict_get_qdict(l, "fill"),
                                           "event"));
        }
        qobject_unref(o);
    }
    if (t->lines) {
        g_assert_cmpuint(lines, ==, t->lines);
    }
    g_assert_cmpuint(wrote_back, ==, t->wrote_back);
    qobject_unref(all);
    qtest_quit(qts);
}

static const Maintained maintained[] = {
    /* DC CVAC writes its one dirty line back */
    { "cache-cvac", "DC CVAC", 1, 1, false },
    /*
     * A clean of all sets and ways: the lines held then (not those of
     * pages filled after), which the program's 3 pages left dirty
     */
    { "cache-setway", "DC CSW", 0, 3 * 64, true },
};

static const char *const maintained_names[] = {
    "/cpu-dcache/query-maintained/by-va",
    "/cpu-dcache/query-maintained/by-set-way",
};

static void test_off_switch(void)
{
    uint64_t line;
    QTestState *qts = start("db845c,dcache=off", &line);
    g_autofree char *info = NULL;
    g_autofree char *err = NULL;

    /* Without the model, memory has the CPU's write at once */
    g_assert_cmphex(qtest_readq(qts, line), ==, 0x600d);
    info = qtest_hmp(qts, "info dcache");
    g_assert_nonnull(strstr(info, "no CPU data-cache model"));
    err = query_dcache_error(qts, "{'addr': 2147483648}");
    g_assert_cmpstr(err, ==, "no CPU data-cache model");
    qtest_quit(qts);
}

/* VMID masks of xpu-assign: HLOS (3) and MSS_MSA (15) */
#define HLOS_MSS 0x8008
#define MSS 0x8000

typedef struct Revoke {
    bool dirty_page;            /* the page with a dirty line, or clean */
    unsigned rd, wr;            /* the masks the page gets */
    const char *severity;       /* of the XPU's report, NULL: none */
} Revoke;

static void test_revoke(const void *opaque)
{
    const Revoke *t = opaque;
    const char *dir = g_getenv("QMS_GUEST_DIR");
    g_autofree char *log = NULL;
    g_autofree char *out = NULL;
    g_autofree char *resp = NULL;
    g_autofree char *expect = NULL;
    QTestState *qts;
    uint64_t page;
    QDict *ev;
    int fd;

    fd = g_file_open_tmp("cpu-dcache-test-XXXXXX.log", &log, NULL);
    g_assert_cmpint(fd, >=, 0);
    close(fd);
    /* The XPU's report goes to the log with action=log */
    qts = qtest_initf("-M db845c -smp 1 -accel tcg -S "
                      "-global qcom-xpu.action=log -d guest_errors -D %s "
                      "-kernel %s/baremetal/cache-revoke.elf", log, dir);
    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    for (int i = 0; qtest_readq(qts, MAILBOX + 16) != 1; i++) {
        g_assert_cmpint(i, <, 10000);
        g_usleep(1000);
    }
    page = qtest_readq(qts, MAILBOX + (t->dirty_page ? 8 : 0));

    resp = qtest_hmp(qts, "xpu-assign 0x%" PRIx64 " 0x1000 0x%x 0x%x", page,
                     t->rd, t->wr);
    g_assert_cmpstr(resp, ==, "");
    /* Events the command caused came before its answer */
    ev = qtest_qmp_event_ref(qts, "XPU_VIOLATION");
    qtest_quit(qts);
    g_assert(g_file_get_contents(log, &out, NULL, NULL));
    g_unlink(log);

    if (!t->severity) {
        g_assert_null(ev);
        g_assert_null(strstr(out, "XPU VIOLATION"));
        return;
    }
    g_assert_nonnull(ev);
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(ev, "data"), "kind"), ==,
                    "hazard");
    qobject_unref(ev);
    expect = g_strdup_printf("qcom-xpu:   severity %s\n", t->severity);
    g_assert_nonnull(strstr(out, expect));
    g_free(expect);
    expect = g_strdup_printf("line 0x%" PRIx64 ": %s", page,
                             t->dirty_page ? "dirty" : "clean");
    g_assert_nonnull(strstr(out, expect));
    /* A read-only revoke names the dirty line alone */
    g_assert(!!strstr(out, ": clean") == (t->rd == MSS));
}

static const Revoke revokes[] = {
    { false, HLOS_MSS, MSS, NULL },
    { true, HLOS_MSS, MSS, "hazard-dirty" },
    { false, MSS, MSS, "hazard-clean" },
    { true, MSS, MSS, "hazard-dirty" },
};

static const char *const revoke_names[] = {
    "/cpu-dcache/revoke-write/clean",
    "/cpu-dcache/revoke-write/dirty",
    "/cpu-dcache/revoke-all/clean",
    "/cpu-dcache/revoke-all/dirty",
};

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    if (!g_getenv("QMS_GUEST_DIR")) {
        g_test_message("QMS_GUEST_DIR is not set: no guest program to run");
        return g_test_run();
    }
    qtest_add_func("/cpu-dcache/event-and-monitor", test_event_and_monitor);
    qtest_add_func("/cpu-dcache/off-switch", test_off_switch);
    qtest_add_func("/cpu-dcache/query", test_query);
    qtest_add_func("/cpu-dcache/query-errors", test_query_errors);
    for (size_t i = 0; i < ARRAY_SIZE(maintained); i++) {
        qtest_add_data_func(maintained_names[i], &maintained[i],
                            test_query_maintained);
    }
    for (size_t i = 0; i < ARRAY_SIZE(revokes); i++) {
        qtest_add_data_func(revoke_names[i], &revokes[i], test_revoke);
    }
    return g_test_run();
}
