/*
 * QTest for the CPU data-cache model on db845c: its QMP event and
 * monitor command, and the machine's off switch. A bare-metal program
 * (guest/baremetal/cache-hold.c, found through QMS_GUEST_DIR) leaves a
 * dirty line in the CPU's cache; the test then looks at it as a device
 * would (qtest accesses read memory) and through the monitor. Another
 * (cache-revoke.c) holds a clean page and a page with a dirty line, which
 * the tests take away from the CPUs through the XPU (xpu-assign): the
 * hazard's severity, and none when the CPUs keep read access to clean
 * lines.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"
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

static void test_off_switch(void)
{
    uint64_t line;
    QTestState *qts = start("db845c,dcache=off", &line);
    g_autofree char *info = NULL;

    /* Without the model, memory has the CPU's write at once */
    g_assert_cmphex(qtest_readq(qts, line), ==, 0x600d);
    info = qtest_hmp(qts, "info dcache");
    g_assert_nonnull(strstr(info, "no CPU data-cache model"));
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
    for (size_t i = 0; i < ARRAY_SIZE(revokes); i++) {
        qtest_add_data_func(revoke_names[i], &revokes[i], test_revoke);
    }
    return g_test_run();
}
