/*
 * Init of the qcom-mss-sim guest: mounts the kernel's file systems,
 * loads the modules the devices need (when the initramfs has a
 * /lib/modules), reports what it sees on the console in lines the test
 * runners parse ("qms: KEY VALUE"), drives the remoteprocs, and powers
 * the machine off through PSCI.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "hw/remoteproc/qcom-dump-digest.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))

/*
 * The lines go through the kernel's log (/dev/kmsg; printk.devkmsg=on
 * lifts its rate limit), so that each reaches the console whole, never
 * interleaved with a kernel message another CPU prints meanwhile; the
 * console shows them after the printk timestamp. stdout until /dev is
 * there.
 */
static int kmsg = -1;

static void report(const char *key, const char *fmt, ...)
{
    char line[1024];
    int n;
    va_list ap;

    n = snprintf(line, sizeof(line), "qms: %s ", key);
    va_start(ap, fmt);
    n += vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
    va_end(ap);
    n = MIN(n, (int)sizeof(line) - 2);
    line[n++] = '\n';
    line[n] = 0;
    if (kmsg < 0 || write(kmsg, line, n) != n) {
        fputs(line, stdout);
        fflush(stdout);
    }
}

static void mount_fs(const char *type, const char *dir)
{
    mkdir(dir, 0755);
    if (mount(type, dir, type, 0, NULL) && errno != EBUSY) {
        report("error", "mount %s on %s: %s", type, dir, strerror(errno));
    }
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * "qms: bound DRIVER DEVICE" for every platform device bound to a driver:
 * the driver's directory links each of its devices (and its module).
 */
static void report_bound(void)
{
    const char *top = "/sys/bus/platform/drivers";
    struct dirent **drv;
    int ndrv = scandir(top, &drv, NULL, by_name);

    if (ndrv < 0) {
        report("error", "%s: %s", top, strerror(errno));
        return;
    }
    for (int i = 0; i < ndrv; i++) {
        char dir[512];
        struct dirent **dev;
        int ndev;

        if (drv[i]->d_name[0] == '.') {
            free(drv[i]);
            continue;
        }
        snprintf(dir, sizeof(dir), "%s/%s", top, drv[i]->d_name);
        ndev = scandir(dir, &dev, NULL, by_name);
        for (int j = 0; j < ndev; j++) {
            if (dev[j]->d_type == DT_LNK &&
                strcmp(dev[j]->d_name, "module") != 0) {
                report("bound", "%s %s", drv[i]->d_name, dev[j]->d_name);
            }
            free(dev[j]);
        }
        if (ndev >= 0) {
            free(dev);
        }
        free(drv[i]);
    }
    free(drv);
}

/*
 * "qms: deferred DEVICE REASON" for each device still waiting for a
 * supplier, then "qms: deferred-count N".
 */
static void report_deferred(void)
{
    FILE *f = fopen("/sys/kernel/debug/devices_deferred", "r");
    char line[512];
    int n = 0;

    if (!f) {
        report("error", "devices_deferred: %s", strerror(errno));
        return;
    }
    while (fgets(line, sizeof(line), f)) {
        char *tab = strchr(line, '\t');

        size_t len = strcspn(line, "\n");

        /* trailing blanks: the reason is empty until the last attempt */
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\t')) {
            len--;
        }
        line[len] = 0;
        if (tab && tab < line + len) {
            *tab = ' ';
        }
        if (line[0]) {
            report("deferred", "%s", line);
            n++;
        }
    }
    fclose(f);
    report("deferred-count", "%d", n);
}

/* The first line of a sysfs attribute, without its newline; "" if none. */
static void read_attr(const char *dir, const char *attr, char *buf,
                      size_t len)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, attr);
    buf[0] = 0;
    f = fopen(path, "r");
    if (f) {
        if (!fgets(buf, len, f)) {
            buf[0] = 0;
        }
        buf[strcspn(buf, "\n")] = 0;
        fclose(f);
    }
}

/*
 * "qms: supplier DEVICE SUPPLIER STATUS" for each device link of which
 * the device under dir is the consumer: its supplier:* entries lead to
 * the links, whose status is "active" once both ends have probed.
 */
static void report_suppliers(const char *dir)
{
    char real[PATH_MAX];
    struct dirent **ent;
    int n;

    if (!realpath(dir, real)) {
        return;
    }
    n = scandir(real, &ent, NULL, by_name);
    for (int i = 0; i < n; i++) {
        if (!strncmp(ent[i]->d_name, "supplier:", 9)) {
            char link[PATH_MAX + 300], status[64];

            snprintf(link, sizeof(link), "%s/%s", real, ent[i]->d_name);
            read_attr(link, "status", status, sizeof(status));
            report("supplier", "%s %s %s", strrchr(real, '/') + 1,
                   ent[i]->d_name + 9, status[0] ? status : "?");
        }
        free(ent[i]);
    }
    if (n >= 0) {
        free(ent);
    }
}

/*
 * "qms: console TTY" for the tty the kernel's console writes to, then the
 * suppliers of its device.
 */
static void report_console(void)
{
    char tty[64], dev[128];

    read_attr("/sys/class/tty/console", "active", tty, sizeof(tty));
    /* the last of the consoles is /dev/console */
    report("console", "%s", strrchr(tty, ' ') ? strrchr(tty, ' ') + 1 : tty);
    snprintf(dev, sizeof(dev), "/sys/class/tty/%s/device",
             strrchr(tty, ' ') ? strrchr(tty, ' ') + 1 : tty);
    report_suppliers(dev);
}

/*
 * One step of a remoteproc's life: "qms: step N NAME ACTION" before the
 * write, so a finding the machine reports during the write is attributed
 * to it, then "qms: result N NAME ACTION ok|errno-N STATE". Writing the
 * state attribute is synchronous: rproc_boot() returns once the driver
 * saw the remote processor come up (or gave up), rproc_shutdown() once
 * it stopped. N counts the steps of all remoteprocs.
 */
static int rproc_step(const char *dir, const char *name, int n,
                      const char *action)
{
    char path[512], state[64], res[32] = "ok";
    int fd, err = 0;

    report("step", "%d %s %s", n, name, action);
    snprintf(path, sizeof(path), "%s/state", dir);
    fd = open(path, O_WRONLY);
    if (fd < 0 || write(fd, action, strlen(action)) < 0) {
        err = errno;
    }
    if (fd >= 0) {
        close(fd);
    }
    read_attr(dir, "state", state, sizeof(state));
    if (err) {
        snprintf(res, sizeof(res), "errno-%d", err);
        report("error", "step %d %s %s: %s", n, name, action, strerror(err));
    }
    report("result", "%d %s %s %s %s", n, name, action, res, state);
    return err;
}

#define MAX_RPROCS          32
/* How long the init waits for the kernel's own boot of a remoteproc */
#define AUTO_BOOT_WAIT_MS   10000

typedef struct Rproc {
    char dir[300];              /* /sys/class/remoteproc/remoteprocN */
    char name[128];             /* its name attribute */
    char fw[256];               /* its firmware attribute */
    char driver[128];           /* the driver of its device */
    bool has_fw;                /* /lib/firmware has fw */
    bool auto_boot;             /* the kernel boots it at registration */
    int crashes;                /* the crashes the init had it make */
} Rproc;

/*
 * The drivers that boot their remoteprocs themselves when they register
 * them (rproc->auto_boot: qcom_q6v5_pas's adsp_data for SM8250's ADSP,
 * CDSP and SLPI, in 6.1 as in 6.12), so that the firmware loader's work
 * and the init's first write would race; the modem's (qcom-q6v5-mss)
 * does not.
 */
static const char *const auto_boot_drivers[] = { "qcom_q6v5_pas" };
/* The remoteproc drivers of the boards, reported present or absent */
static const char *const rproc_drivers[] = { "qcom-q6v5-mss", "qcom_q6v5_pas" };

static long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/*
 * "qms: rproc RPROC NAME FIRMWARE STATE DRIVER NODE" for the remoteproc
 * at dir (NODE: its device's DT node, "?" without one), then the
 * suppliers of its device
 */
static void rproc_scan(const char *top, const char *id, Rproc *r)
{
    char path[PATH_MAX], link[PATH_MAX] = "?", node[PATH_MAX] = "?";
    char state[64], fwpath[300];
    const char *dtbase = "/sys/firmware/devicetree/base";
    const char *nodepath = node;

    snprintf(r->dir, sizeof(r->dir), "%s/%s", top, id);
    read_attr(r->dir, "name", r->name, sizeof(r->name));
    if (!r->name[0]) {
        snprintf(r->name, sizeof(r->name), "%s", id);
    }
    read_attr(r->dir, "firmware", r->fw, sizeof(r->fw));
    read_attr(r->dir, "state", state, sizeof(state));
    snprintf(path, sizeof(path), "%s/device/driver", r->dir);
    if (!realpath(path, link)) {
        strcpy(link, "?");
    }
    snprintf(r->driver, sizeof(r->driver), "%s",
             strrchr(link, '/') ? strrchr(link, '/') + 1 : link);
    snprintf(path, sizeof(path), "%s/device/of_node", r->dir);
    if (realpath(path, node) && !strncmp(node, dtbase, strlen(dtbase))) {
        nodepath = node + strlen(dtbase);
    } else {
        strcpy(node, "?");
    }
    report("rproc", "%s %s %s %s %s %s", id, r->name, r->fw[0] ? r->fw : "?",
           state, r->driver, nodepath);
    snprintf(path, sizeof(path), "%s/device", r->dir);
    report_suppliers(path);

    snprintf(fwpath, sizeof(fwpath), "/lib/firmware/%s", r->fw);
    r->has_fw = r->fw[0] && access(fwpath, R_OK) == 0;
    for (unsigned i = 0; i < sizeof(auto_boot_drivers) /
         sizeof(auto_boot_drivers[0]); i++) {
        r->auto_boot |= !strcmp(r->driver, auto_boot_drivers[i]);
    }
}

/* Does a record of the kernel's log (/dev/kmsg, from its start) hold needle? */
static bool kmsg_has(const char *needle)
{
    int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
    char rec[8192];
    bool found = false;
    ssize_t n;

    if (fd < 0) {
        return false;
    }
    while (!found) {
        n = read(fd, rec, sizeof(rec) - 1);
        if (n < 0 && errno == EPIPE) {
            continue;           /* overwritten while we read: go on */
        }
        if (n <= 0) {
            break;
        }
        rec[n] = 0;
        found = strstr(rec, needle) != NULL;
    }
    close(fd);
    return found;
}

/*
 * Wait for the boot that the kernel started itself: it holds the
 * remoteproc's lock from its "powering up" line until it is done, so a
 * write that takes the lock returns only then. "detach" is one that
 * changes nothing here (rproc_detach() refuses, silently, a remoteproc
 * it did not attach to).
 */
static void rproc_barrier(const Rproc *r)
{
    char path[sizeof(r->dir) + 8];
    int fd;

    snprintf(path, sizeof(path), "%.*s/state", (int)sizeof(r->dir) - 1, r->dir);
    fd = open(path, O_WRONLY);
    if (fd >= 0) {
        if (write(fd, "detach", 6) < 0) {
            /* EINVAL: as expected */
        }
        close(fd);
    }
}

/*
 * The kernel's own boot of the remoteprocs that boot at registration
 * and have their firmware: for each, wait until it has left "offline",
 * or its boot has begun ("remoteproc remoteprocN: powering up" in the
 * kernel's log) and then ended (rproc_barrier()), at most
 * AUTO_BOOT_WAIT_MS; then "qms: auto-boot NAME STATE MS", MS the time
 * the init waited for it
 */
static void wait_auto_boot(Rproc *rp, int n)
{
    long start = now_ms();

    for (int i = 0; i < n; i++) {
        char state[64], needle[160];
        const char *id = strrchr(rp[i].dir, '/') + 1;

        if (!rp[i].auto_boot || !rp[i].has_fw) {
            continue;
        }
        snprintf(needle, sizeof(needle), "remoteproc %s: powering up ", id);
        for (;;) {
            read_attr(rp[i].dir, "state", state, sizeof(state));
            if (strcmp(state, "offline")) {
                break;
            }
            if (kmsg_has(needle)) {
                rproc_barrier(&rp[i]);
                read_attr(rp[i].dir, "state", state, sizeof(state));
                break;
            }
            if (now_ms() - start >= AUTO_BOOT_WAIT_MS) {
                break;
            }
            usleep(10000);
        }
        report("auto-boot", "%s %s %ld", rp[i].name, state, now_ms() - start);
    }
}

/* Write value to a sysfs attribute under dir; 0 or an errno */
static int write_attr(const char *dir, const char *attr, const char *value)
{
    char path[512];
    int fd, err = 0;

    snprintf(path, sizeof(path), "%s/%s", dir, attr);
    fd = open(path, O_WRONLY);
    if (fd < 0 || write(fd, value, strlen(value)) < 0) {
        err = errno;
    }
    if (fd >= 0) {
        close(fd);
    }
    return err;
}

/*
 * What the init does to each remoteproc (qms.scenario=NAME on the
 * kernel's command line; "qms: scenario NAME" says which):
 *
 *   start-stop-start   (the default) start, stop, start
 *   crash-fatal        start; "crash-fatal": the runner makes the remote
 *   crash-wdog         crash (fatal error, or its watchdog bites) and the
 *                      kernel recovers it, with its coredump collected
 *                      (checked: "qms: coredump ..."); then stop, start
 *   recovery-disabled  recovery off (sysfs): start; "crash-fatal": the
 *                      remote must stay crashed; then "recover" (sysfs),
 *                      stop, start
 *   crash-during-boot  the runner has the remote crash before its
 *                      handover at its first boot: the kernel's own boot
 *                      at registration, else a first start that must
 *                      fail; then start, stop, start
 *
 * A crash step is written before the runner injects the crash, so its
 * result is "ok STATE" once the kernel handled it, "timeout STATE" if
 * nothing happened within CRASH_WAIT_MS.
 */
typedef enum Scenario {
    SCENARIO_START_STOP_START,
    SCENARIO_CRASH_FATAL,
    SCENARIO_CRASH_WDOG,
    SCENARIO_RECOVERY_DISABLED,
    SCENARIO_CRASH_DURING_BOOT,
} Scenario;

static const char *const scenario_names[] = {
    [SCENARIO_START_STOP_START] = "start-stop-start",
    [SCENARIO_CRASH_FATAL] = "crash-fatal",
    [SCENARIO_CRASH_WDOG] = "crash-wdog",
    [SCENARIO_RECOVERY_DISABLED] = "recovery-disabled",
    [SCENARIO_CRASH_DURING_BOOT] = "crash-during-boot",
};

/* How long the init waits for the kernel to handle a crash, and recover */
#define CRASH_WAIT_MS       20000

static Scenario read_scenario(void)
{
    char cmdline[4096], *p;
    FILE *f = fopen("/proc/cmdline", "r");
    size_t n = f ? fread(cmdline, 1, sizeof(cmdline) - 1, f) : 0;

    if (f) {
        fclose(f);
    }
    cmdline[n] = 0;
    for (p = strtok(cmdline, "\n\t "); p; p = strtok(NULL, "\n\t ")) {
        if (strncmp(p, "qms.scenario=", 13)) {
            continue;
        }
        for (unsigned i = 0; i < sizeof(scenario_names) /
             sizeof(scenario_names[0]); i++) {
            if (!strcmp(p + 13, scenario_names[i])) {
                return i;
            }
        }
        report("error", "unknown scenario %s: running %s", p + 13,
               scenario_names[SCENARIO_START_STOP_START]);
    }
    return SCENARIO_START_STOP_START;
}

/* Wait until the kernel's log holds needle; false after ms */
static bool wait_kmsg(const char *needle, long ms)
{
    long start = now_ms();

    while (!kmsg_has(needle)) {
        if (now_ms() - start >= ms) {
            return false;
        }
        usleep(20000);
    }
    return true;
}

/*
 * A crash step: "qms: step N NAME crash-KIND", on which the runner
 * injects the crash; the kernel's crash handler says "handling crash #K
 * in NAME" once it took it (K: the remote's crashes so far). With
 * recovery, the kernel then says "recovering NAME" with the remoteproc's
 * lock held until the remote runs again (or recovery failed): the
 * barrier waits for that. "qms: result N NAME crash-KIND ok|timeout
 * STATE".
 */
static void rproc_crash(Rproc *r, int n, const char *kind, bool recovery)
{
    char needle[256], state[64];
    bool handled;

    report("step", "%d %s crash-%s", n, r->name, kind);
    snprintf(needle, sizeof(needle), "handling crash #%d in %s\n",
             ++r->crashes, r->name);
    handled = wait_kmsg(needle, CRASH_WAIT_MS);
    if (handled && recovery) {
        snprintf(needle, sizeof(needle), "recovering %s\n", r->name);
        handled = wait_kmsg(needle, CRASH_WAIT_MS);
        rproc_barrier(r);
    }
    read_attr(r->dir, "state", state, sizeof(state));
    report("result", "%d %s crash-%s %s %s", n, r->name, kind,
           handled ? "ok" : "timeout", state);
}

/* Little-endian fields of an ELF file */
static uint64_t elf_field(const uint8_t *p, unsigned size)
{
    uint64_t v = 0;

    for (unsigned i = size; i-- > 0;) {
        v = v << 8 | p[i];
    }
    return v;
}

/* The segments of a coredump (ELF32 or ELF64, little-endian) */
static void coredump_segments(const Rproc *r, int n, const uint8_t *d,
                              size_t len)
{
    bool is64 = len > 4 && d[4] == 2;
    size_t ehsize = is64 ? 64 : 52;
    uint64_t phoff, phentsize, phnum, bytes = 0;

    if (len < ehsize || memcmp(d, "\177ELF", 4) || d[5] != 1) {
        report("coredump", "%d %s bad-elf %zu", n, r->name, len);
        return;
    }
    phoff = elf_field(d + (is64 ? 32 : 28), is64 ? 8 : 4);
    phentsize = elf_field(d + (is64 ? 54 : 42), 2);
    phnum = elf_field(d + (is64 ? 56 : 44), 2);
    if (phentsize < (is64 ? 56u : 32u) || phoff > len ||
        phnum > (len - phoff) / phentsize) {
        report("coredump", "%d %s bad-elf %zu", n, r->name, len);
        return;
    }
    for (uint64_t i = 0; i < phnum; i++) {
        bytes += elf_field(d + phoff + i * phentsize + (is64 ? 32 : 16),
                           is64 ? 8 : 4);
    }
    report("coredump", "%d %s %llu %llu", n, r->name,
           (unsigned long long)phnum, (unsigned long long)bytes);
    for (uint64_t i = 0; i < phnum; i++) {
        const uint8_t *ph = d + phoff + i * phentsize;
        uint64_t off = elf_field(ph + (is64 ? 8 : 4), is64 ? 8 : 4);
        uint64_t da = elf_field(ph + (is64 ? 24 : 12), is64 ? 8 : 4);
        uint64_t size = elf_field(ph + (is64 ? 32 : 16), is64 ? 8 : 4);

        if (elf_field(ph, 4) != 1 || off > len || size > len - off) {
            report("coredump-segment", "%d %s %llu %llx %llx -", n, r->name,
                   (unsigned long long)i, (unsigned long long)da,
                   (unsigned long long)size);
            continue;
        }
        report("coredump-segment", "%d %s %llu %llx %llx %016llx", n,
               r->name, (unsigned long long)i, (unsigned long long)da,
               (unsigned long long)size, (unsigned long long)
               qcom_dump_digest(QCOM_DUMP_DIGEST_INIT, d + off, size));
    }
}

/*
 * The kernel's coredump of the remote at dir (its device: the
 * devcoredump's failing_device), an ELF core file: "qms: coredump N NAME
 * SEGMENTS BYTES", then "qms: coredump-segment N NAME I DA SIZE DIGEST"
 * for each PT_LOAD (qcom-dump-digest.h), or "qms: coredump N NAME none";
 * then it is freed (a write to its data).
 */
static void report_coredump(const Rproc *r, int n)
{
    const char *top = "/sys/class/devcoredump";
    char want[PATH_MAX], path[PATH_MAX + 300], dev[PATH_MAX];
    struct dirent **ent;
    int nent = scandir(top, &ent, NULL, by_name), found = 0;

    if (!realpath(r->dir, want)) {
        want[0] = 0;
    }
    for (int i = 0; i < nent; i++) {
        uint8_t *data = NULL;
        size_t len = 0, cap = 0;
        ssize_t got;
        FILE *f;
        int fd;

        snprintf(path, sizeof(path), "%s/%s/failing_device", top,
                 ent[i]->d_name);
        if (ent[i]->d_name[0] == '.' || found || !realpath(path, dev) ||
            strcmp(dev, want)) {
            free(ent[i]);
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s/data", top, ent[i]->d_name);
        fd = open(path, O_RDONLY);
        while (fd >= 0) {
            if (len == cap) {
                uint8_t *more = realloc(data, cap ? cap * 2 : 1 << 20);

                if (!more) {
                    report("error", "coredump of %s: out of memory", r->name);
                    break;
                }
                data = more;
                cap = cap ? cap * 2 : 1 << 20;
            }
            got = read(fd, data + len, cap - len);
            if (got <= 0) {
                break;
            }
            len += got;
        }
        if (fd >= 0) {
            close(fd);
        }
        found = 1;
        coredump_segments(r, n, data, len);
        free(data);
        /* done with it: any write frees it */
        f = fopen(path, "w");
        if (f) {
            fputs("1", f);
            fclose(f);
        }
        free(ent[i]);
    }
    if (nent >= 0) {
        free(ent);
    }
    if (!found) {
        report("coredump", "%d %s none", n, r->name);
    }
}

/*
 * The start after a boot that crashed (crash-during-boot). The kernel
 * queued the handling of that crash when the remote raised it, and its
 * worker (rproc_crash_handler_work) waits for the remoteproc's lock,
 * which the failing boot held: if it gets the lock first, it finds the
 * remote offline and does nothing; if this start takes the lock first,
 * the worker then finds the remote running and recovers it. That race is
 * Linux's own; so that the steps do not depend on who won, a start left
 * "crashed" waits for the recovery to end ("recovering NAME", then the
 * lock) before its result, with "qms: late-crash N NAME" said first.
 * check-kernel notes a late crash handling whenever the log has one.
 */
static int rproc_start_after_crash(Rproc *r, int n)
{
    char needle[256], state[64], res[32] = "ok";
    int err;

    report("step", "%d %s start", n, r->name);
    err = write_attr(r->dir, "state", "start");
    read_attr(r->dir, "state", state, sizeof(state));
    if (!err && !strcmp(state, "crashed")) {
        report("late-crash", "%d %s", n, r->name);
        snprintf(needle, sizeof(needle), "recovering %s\n", r->name);
        if (wait_kmsg(needle, CRASH_WAIT_MS)) {
            rproc_barrier(r);
        }
        read_attr(r->dir, "state", state, sizeof(state));
    }
    if (err) {
        snprintf(res, sizeof(res), "errno-%d", err);
        report("error", "step %d %s start: %s", n, r->name, strerror(err));
    }
    report("result", "%d %s start %s %s", n, r->name, res, state);
    return err;
}

/*
 * Start, stop, start, or the scenario's steps, for one remoteproc whose
 * firmware /lib/firmware has; step counts the steps of all of them
 */
static void drive_rproc(Rproc *r, Scenario sc, int *step)
{
    const char *kind = sc == SCENARIO_CRASH_WDOG ? "wdog" : "fatal";
    bool crash = sc == SCENARIO_CRASH_FATAL || sc == SCENARIO_CRASH_WDOG ||
                 sc == SCENARIO_RECOVERY_DISABLED;
    bool recovery = sc != SCENARIO_RECOVERY_DISABLED;
    char state[64];
    int err;

    read_attr(r->dir, "state", state, sizeof(state));
    if (!strcmp(state, "running") && rproc_step(r->dir, r->name, ++*step,
                                                "stop")) {
        return;
    }
    if (crash) {
        /* the coredump as a copy that waits for us, recovery as asked */
        err = write_attr(r->dir, "coredump", recovery ? "enabled" :
                         "disabled");
        err = err ? err : write_attr(r->dir, "recovery",
                                     recovery ? "enabled" : "disabled");
        if (err) {
            report("error", "%s: coredump or recovery: %s", r->name,
                   strerror(err));
        }
        if (rproc_step(r->dir, r->name, ++*step, "start")) {
            return;
        }
        rproc_crash(r, ++*step, kind, recovery);
        read_attr(r->dir, "state", state, sizeof(state));
        if (recovery) {
            report_coredump(r, *step);
        } else if (!strcmp(state, "crashed")) {
            /* by hand: "recover" returns once it ran again, or failed */
            report("step", "%d %s recover", ++*step, r->name);
            err = write_attr(r->dir, "recovery", "recover");
            read_attr(r->dir, "state", state, sizeof(state));
            report("result", "%d %s recover %s%.0d %s", *step, r->name,
                   err ? "errno-" : "ok", err, state);
            write_attr(r->dir, "recovery", "enabled");
        }
        if (strcmp(state, "running")) {
            return;
        }
        if (rproc_step(r->dir, r->name, ++*step, "stop") == 0) {
            rproc_step(r->dir, r->name, ++*step, "start");
        }
        return;
    }
    /* the boot that crashes: the kernel's own, or the init's first */
    if (sc == SCENARIO_CRASH_DURING_BOOT) {
        if (!r->auto_boot) {
            rproc_step(r->dir, r->name, ++*step, "start");
            read_attr(r->dir, "state", state, sizeof(state));
            if (!strcmp(state, "running")) {
                return;         /* it did not crash: nothing more to see */
            }
        }
        err = rproc_start_after_crash(r, ++*step);
    } else {
        err = rproc_step(r->dir, r->name, ++*step, "start");
    }
    if (err == 0 &&
        rproc_step(r->dir, r->name, ++*step, "stop") == 0) {
        rproc_step(r->dir, r->name, ++*step, "start");
    }
}

/*
 * Every registered remoteproc, in /sys/class/remoteproc order: "qms:
 * rproc ..." for each, "qms: rproc-count N", "qms: driver DRIVER
 * present|absent" for the boards' remoteproc drivers; then, for each
 * whose firmware /lib/firmware has, the scenario's steps (after a stop
 * when the kernel booted it itself); "qms: skip NAME no-firmware
 * FIRMWARE" for the others, which the runner gave no firmware because
 * it does not model them.
 */
static void run_remoteprocs(Scenario sc)
{
    const char *top = "/sys/class/remoteproc";
    static Rproc rp[MAX_RPROCS];
    struct dirent **ent;
    int nent = scandir(top, &ent, NULL, by_name);
    int n = 0, step = 0;

    for (int i = 0; i < nent; i++) {
        if (ent[i]->d_name[0] != '.' && n < MAX_RPROCS) {
            rproc_scan(top, ent[i]->d_name, &rp[n++]);
        }
        free(ent[i]);
    }
    if (nent >= 0) {
        free(ent);
    }
    report("rproc-count", "%d", n);
    for (unsigned i = 0; i < sizeof(rproc_drivers) / sizeof(rproc_drivers[0]);
         i++) {
        char path[128];

        snprintf(path, sizeof(path), "/sys/bus/platform/drivers/%s",
                 rproc_drivers[i]);
        report("driver", "%s %s", rproc_drivers[i],
               access(path, F_OK) ? "absent" : "present");
    }
    wait_auto_boot(rp, n);

    for (int i = 0; i < n; i++) {
        if (!rp[i].has_fw) {
            report("skip", "%s no-firmware %s", rp[i].name,
                   rp[i].fw[0] ? rp[i].fw : "?");
            continue;
        }
        drive_rproc(&rp[i], sc, &step);
    }
}

/*
 * Modules, loaded as udev would: for every device of every bus, its
 * modalias ("of:NremoteprocT(null)Cqcom,sdm845-mss-pil") against the
 * patterns of /lib/modules/RELEASE/modules.alias (fnmatch), each module
 * with its dependencies first (modules.dep), through finit_module(2).
 * Loading one can make new devices (a driver that adds children), so
 * after each pass that loaded something the init waits for the kernel's
 * probes to settle (every device a loaded module serves bound or
 * deferred, and nothing changing) and scans again, until a pass loads
 * nothing new. Without /lib/modules (a kernel with its drivers built
 * in) it does nothing and says nothing.
 *
 *   qms: modules RELEASE N-MODULES N-ALIASES
 *   qms: module NAME loaded|error-N DEVICE|dep-of-MODULE
 *   qms: module-unbound DEVICE       (a loaded module's device, neither
 *                                     bound nor deferred when it gave up)
 *   qms: modules-loaded N FAILED MS
 *   qms: modules-missing RELEASE     (/lib/modules has other releases only)
 *   qms: modules none                (the kernel loads modules, and the
 *                                     initramfs has none)
 */
/*
 * Where it looks; QMS_ROOT puts it all under another directory for the
 * host test of the loader (tests/host/test_init_modules.py)
 */
#ifndef QMS_ROOT
#define QMS_ROOT            ""
#endif
#define MODULES_DIR         QMS_ROOT "/lib/modules"
/*
 * How long the init waits for the deferred probes to settle, and for how
 * long nothing may change for them to count as settled
 */
#ifndef SETTLE_MAX_MS
#define SETTLE_MAX_MS       10000
#endif
#ifndef SETTLE_QUIET_MS
#define SETTLE_QUIET_MS     300
#endif
#define MODULE_INIT_COMPRESSED_FILE 4
#ifdef QMS_INIT_TEST
/* the host test's stand-in for finit_module(2): 0 or an errno */
static int test_finit_module(const char *path, int flags);
#endif

typedef struct Module {
    char *name;                 /* its name: the file's, '-' as '_' */
    char *path;                 /* its file, relative to the release dir */
    char **deps;                /* the names of the modules it needs */
    int ndeps;
    enum { MOD_NEW, MOD_LOADING, MOD_LOADED, MOD_FAILED } state;
} Module;

typedef struct Alias {
    char *pattern;
    char *module;
} Alias;

typedef struct ModIndex {
    char dir[PATH_MAX];         /* /lib/modules/RELEASE */
    Module *mods;
    int nmods;
    Alias *aliases;
    int naliases;
    int loaded, failed;
    char **targets;             /* the devices a loaded module serves */
    int ntargets;
} ModIndex;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        report("error", "out of memory");
        exit(1);
    }
    return p;
}

/*
 * A module's name from its file name or alias: no directory, no ".ko"
 * (nor ".ko.xz" ...), '-' as '_', as the kernel names it
 */
static char *module_name(const char *s)
{
    const char *base = strrchr(s, '/') ? strrchr(s, '/') + 1 : s;
    const char *ko = strstr(base, ".ko");
    size_t len = ko ? (size_t)(ko - base) : strlen(base);
    char *name = strndup(base, len);

    for (char *c = name; c && *c; c++) {
        if (*c == '-') {
            *c = '_';
        }
    }
    return name;
}

static Module *module_find(ModIndex *ix, const char *name)
{
    for (int i = 0; i < ix->nmods; i++) {
        if (!strcmp(ix->mods[i].name, name)) {
            return &ix->mods[i];
        }
    }
    return NULL;
}

/*
 * modules.dep: "kernel/drivers/x/a.ko: kernel/drivers/y/b.ko ...", one
 * line per module, every dependency a module of its own line.
 */
static void parse_modules_dep(ModIndex *ix, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;

    while (getline(&line, &cap, f) > 0) {
        char *colon = strchr(line, ':'), *tok, *save;
        Module *m;

        if (!colon || line[0] == '#') {
            continue;
        }
        *colon = 0;
        ix->mods = xrealloc(ix->mods, (ix->nmods + 1) * sizeof(*ix->mods));
        m = &ix->mods[ix->nmods++];
        memset(m, 0, sizeof(*m));
        m->path = strdup(line);
        m->name = module_name(line);
        for (tok = strtok_r(colon + 1, " \t\n", &save); tok;
             tok = strtok_r(NULL, " \t\n", &save)) {
            m->deps = xrealloc(m->deps, (m->ndeps + 1) * sizeof(*m->deps));
            m->deps[m->ndeps++] = module_name(tok);
        }
    }
    free(line);
}

/* modules.alias: "alias PATTERN MODULE" */
static void parse_modules_alias(ModIndex *ix, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;

    while (getline(&line, &cap, f) > 0) {
        char *save, *kw = strtok_r(line, " \t\n", &save);
        char *pat = strtok_r(NULL, " \t\n", &save);
        char *mod = strtok_r(NULL, " \t\n", &save);

        if (!kw || strcmp(kw, "alias") || !pat || !mod) {
            continue;
        }
        ix->aliases = xrealloc(ix->aliases,
                               (ix->naliases + 1) * sizeof(*ix->aliases));
        ix->aliases[ix->naliases].pattern = strdup(pat);
        ix->aliases[ix->naliases].module = module_name(mod);
        ix->naliases++;
    }
    free(line);
}

/* What /proc/modules says is loaded already */
static void mark_loaded(ModIndex *ix)
{
    FILE *f = fopen(QMS_ROOT "/proc/modules", "r");
    char line[512];

    while (f && fgets(line, sizeof(line), f)) {
        Module *m;

        line[strcspn(line, "\n ")] = 0;
        m = module_find(ix, line);
        if (m) {
            m->state = MOD_LOADED;
        }
    }
    if (f) {
        fclose(f);
    }
}

/*
 * The index of /lib/modules/RELEASE, false without it. A /lib/modules
 * of other releases only is reported: the runner packed the modules of
 * another kernel.
 */
static bool modules_open(ModIndex *ix, const char *release)
{
    char path[PATH_MAX + 32];
    FILE *f;

    memset(ix, 0, sizeof(*ix));
    snprintf(ix->dir, sizeof(ix->dir), "%s/%s", MODULES_DIR, release);
    snprintf(path, sizeof(path), "%s/modules.dep", ix->dir);
    f = fopen(path, "r");
    if (!f) {
        if (access(MODULES_DIR, F_OK) == 0) {
            report("modules-missing", "%s", release);
        } else if (access(QMS_ROOT "/proc/modules", F_OK) == 0) {
            report("modules", "none");
        }
        return false;
    }
    parse_modules_dep(ix, f);
    fclose(f);
    snprintf(path, sizeof(path), "%s/modules.alias", ix->dir);
    f = fopen(path, "r");
    if (f) {
        parse_modules_alias(ix, f);
        fclose(f);
    }
    mark_loaded(ix);
    report("modules", "%s %d %d", release, ix->nmods, ix->naliases);
    return true;
}

/* finit_module(2) of one file: 0 or an errno */
static int insert_module(const char *path)
{
    const char *ext = strstr(path, ".ko");
    int flags = ext && ext[3] ? MODULE_INIT_COMPRESSED_FILE : 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC), err = 0;

    if (fd < 0) {
        return errno;
    }
#ifdef QMS_INIT_TEST
    err = test_finit_module(path, flags);
#else
    if (syscall(SYS_finit_module, fd, "", flags)) {
        err = errno;
    }
#endif
    close(fd);
    return err == EEXIST ? 0 : err;
}

/* Load m, its dependencies first; true if it is loaded now */
static bool load_module(ModIndex *ix, Module *m, const char *why)
{
    char path[PATH_MAX * 2], dep_why[160];
    int err;

    if (m->state != MOD_NEW) {
        return m->state == MOD_LOADED;
    }
    m->state = MOD_LOADING;     /* a cycle of dependencies stops here */
    snprintf(dep_why, sizeof(dep_why), "dep-of-%s", m->name);
    for (int i = 0; i < m->ndeps; i++) {
        Module *d = module_find(ix, m->deps[i]);

        if (d) {
            load_module(ix, d, dep_why);
        }
    }
    snprintf(path, sizeof(path), "%s/%s", ix->dir, m->path);
    err = insert_module(path);
    m->state = err ? MOD_FAILED : MOD_LOADED;
    if (err) {
        ix->failed++;
        report("module", "%s error-%d %s", m->name, err, why);
    } else {
        ix->loaded++;
        report("module", "%s loaded %s", m->name, why);
    }
    return !err;
}

/* A device a loaded module can drive, once */
static void add_target(ModIndex *ix, const char *devdir)
{
    for (int i = 0; i < ix->ntargets; i++) {
        if (!strcmp(ix->targets[i], devdir)) {
            return;
        }
    }
    ix->targets = xrealloc(ix->targets,
                           (ix->ntargets + 1) * sizeof(*ix->targets));
    ix->targets[ix->ntargets++] = strdup(devdir);
}

/*
 * One pass over the devices of every bus: the modules their modalias
 * names (and the devices a loaded module serves: ix->targets); how many
 * it loaded (dependencies included)
 */
static int load_for_devices(ModIndex *ix)
{
    struct dirent **bus;
    int nbus = scandir(QMS_ROOT "/sys/bus", &bus, NULL, by_name);
    int before = ix->loaded;

    for (int b = 0; b < nbus; b++) {
        char dir[PATH_MAX];
        struct dirent **dev;
        int ndev;

        snprintf(dir, sizeof(dir), QMS_ROOT "/sys/bus/%s/devices",
                 bus[b]->d_name);
        ndev = bus[b]->d_name[0] == '.' ? -1 :
               scandir(dir, &dev, NULL, by_name);
        for (int d = 0; d < ndev; d++) {
            char devdir[PATH_MAX + 256], alias[1024];

            snprintf(devdir, sizeof(devdir), "%s/%s", dir, dev[d]->d_name);
            read_attr(devdir, "modalias", alias, sizeof(alias));
            for (int a = 0; alias[0] && a < ix->naliases; a++) {
                Module *m;

                if (fnmatch(ix->aliases[a].pattern, alias, 0)) {
                    continue;
                }
                m = module_find(ix, ix->aliases[a].module);
                if (m && m->state == MOD_NEW) {
                    load_module(ix, m, dev[d]->d_name);
                }
                if (m && m->state == MOD_LOADED) {
                    add_target(ix, devdir);
                }
            }
            free(dev[d]);
        }
        if (ndev >= 0) {
            free(dev);
        }
        free(bus[b]);
    }
    if (nbus >= 0) {
        free(bus);
    }
    return ix->loaded - before;
}

/*
 * Is the device at devdir (a /sys/bus/BUS/devices/NAME) in the
 * kernel's list of deferred devices (deferred: its text)?
 */
static bool is_deferred(const char *deferred, const char *devdir)
{
    const char *name = strrchr(devdir, '/') + 1;
    size_t len = strlen(name);

    for (const char *l = deferred; *l;
         l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "") {
        if (!strncmp(l, name, len) &&
            (l[len] == '\t' || l[len] == '\n' || !l[len])) {
            return true;
        }
    }
    return false;
}

/*
 * What the probes have left, in buf: the devices still deferred, how
 * many platform devices are bound, and the target devices in flux:
 * neither bound nor deferred (a probe in progress, in the deferred
 * probe work or asynchronous; or one that failed for good). Returns how
 * many targets are in flux.
 */
static int probe_state(const ModIndex *ix, char *buf, size_t len)
{
    FILE *f = fopen(QMS_ROOT "/sys/kernel/debug/devices_deferred", "r");
    size_t n = 0;
    struct dirent **ent;
    int nent, bound = 0, flux = 0;

    if (f) {
        n = fread(buf, 1, len - 64, f);
        fclose(f);
    }
    buf[n] = 0;
    for (int i = 0; i < ix->ntargets; i++) {
        char path[PATH_MAX + 16];

        snprintf(path, sizeof(path), "%s/driver", ix->targets[i]);
        flux += access(path, F_OK) != 0 && !is_deferred(buf, ix->targets[i]);
    }
    nent = scandir(QMS_ROOT "/sys/bus/platform/devices", &ent, NULL, NULL);
    for (int i = 0; i < nent; i++) {
        char path[PATH_MAX];

        snprintf(path, sizeof(path),
                 QMS_ROOT "/sys/bus/platform/devices/%s/driver",
                 ent[i]->d_name);
        bound += access(path, F_OK) == 0;
        free(ent[i]);
    }
    if (nent >= 0) {
        free(ent);
    }
    snprintf(buf + n, len - n, "\nbound %d in-flux %d", bound, flux);
    return flux;
}

/*
 * Wait until the kernel's probes have settled: every device a loaded
 * module serves is bound or deferred, and nothing changed in the
 * deferred devices nor in the bound ones for SETTLE_QUIET_MS (the kernel
 * retries the deferred devices in a work queue each time a driver
 * binds); at most SETTLE_MAX_MS
 */
static void settle_probes(const ModIndex *ix)
{
    static char last[16384], cur[16384];
    long start = now_ms(), quiet = start;
    int flux = probe_state(ix, last, sizeof(last));

    while ((flux || now_ms() - quiet < SETTLE_QUIET_MS) &&
           now_ms() - start < SETTLE_MAX_MS) {
        usleep(20000);
        flux = probe_state(ix, cur, sizeof(cur));
        if (strcmp(cur, last)) {
            strcpy(last, cur);
            quiet = now_ms();
        }
    }
}

static void load_modules(const char *release)
{
    static ModIndex ix;
    static char state[16384];
    long start = now_ms();

    if (!modules_open(&ix, release)) {
        return;
    }
    while (load_for_devices(&ix) > 0) {
        settle_probes(&ix);
    }
    /* what a loaded module serves and is neither bound nor deferred */
    if (ix.ntargets && probe_state(&ix, state, sizeof(state))) {
        for (int i = 0; i < ix.ntargets; i++) {
            char path[PATH_MAX + 16];

            snprintf(path, sizeof(path), "%s/driver", ix.targets[i]);
            if (access(path, F_OK) && !is_deferred(state, ix.targets[i])) {
                report("module-unbound", "%s", strrchr(ix.targets[i], '/') + 1);
            }
        }
    }
    report("modules-loaded", "%d %d %ld", ix.loaded, ix.failed,
           now_ms() - start);
}

int main(void)
{
    struct utsname u;
    Scenario sc;
    int fd;

    /* The console: devtmpfs gives /dev/console before init runs. */
    fd = open("/dev/console", O_RDWR);
    if (fd >= 0) {
        dup2(fd, 0);
        dup2(fd, 1);
        dup2(fd, 2);
    }
    kmsg = open("/dev/kmsg", O_WRONLY);
    mount_fs("proc", "/proc");
    mount_fs("sysfs", "/sys");
    mount_fs("debugfs", "/sys/kernel/debug");

    uname(&u);
    report("init", "%s %s %s", u.sysname, u.release, u.machine);
    report("cpus", "%ld", sysconf(_SC_NPROCESSORS_ONLN));
    load_modules(u.release);
    report_bound();
    report_deferred();
    report_console();
    sc = read_scenario();
    report("scenario", "%s", scenario_names[sc]);
    run_remoteprocs(sc);
    report("done", "poweroff");

    sync();
    reboot(RB_POWER_OFF);
    report("error", "poweroff failed: %s", strerror(errno));
    return 1;
}
