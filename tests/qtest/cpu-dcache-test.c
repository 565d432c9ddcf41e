/*
 * QTest for the CPU data-cache model on db845c: its QMP event and
 * monitor command, and the machine's off switch. A bare-metal program
 * (guest/baremetal/cache-hold.c, found through QMS_GUEST_DIR) leaves a
 * dirty line in the CPU's cache; the test then looks at it as a device
 * would (qtest accesses read memory) and through the monitor.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"

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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    if (!g_getenv("QMS_GUEST_DIR")) {
        g_test_message("QMS_GUEST_DIR is not set: no guest program to run");
        return g_test_run();
    }
    qtest_add_func("/cpu-dcache/event-and-monitor", test_event_and_monitor);
    qtest_add_func("/cpu-dcache/off-switch", test_off_switch);
    return g_test_run();
}
