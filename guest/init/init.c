/*
 * Init of the qcom-mss-sim guest: mounts the kernel's file systems,
 * reports what it sees on the console in lines the test runners parse
 * ("qms: KEY VALUE"), and powers the machine off through PSCI.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

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

/*
 * Every registered remoteproc, in /sys/class/remoteproc order: "qms:
 * rproc ..." for each, "qms: rproc-count N", "qms: driver DRIVER
 * present|absent" for the boards' remoteproc drivers; then, for each
 * whose firmware /lib/firmware has, start, stop and start again (after
 * a stop when the kernel booted it itself); "qms: skip NAME no-firmware
 * FIRMWARE" for the others, which the runner gave no firmware because
 * it does not model them.
 */
static void run_remoteprocs(void)
{
    const char *top = "/sys/class/remoteproc";
    static const char *const steps[] = { "start", "stop", "start" };
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
        char state[64];

        if (!rp[i].has_fw) {
            report("skip", "%s no-firmware %s", rp[i].name,
                   rp[i].fw[0] ? rp[i].fw : "?");
            continue;
        }
        read_attr(rp[i].dir, "state", state, sizeof(state));
        if (!strcmp(state, "running") &&
            rproc_step(rp[i].dir, rp[i].name, ++step, "stop")) {
            continue;
        }
        for (unsigned j = 0; j < sizeof(steps) / sizeof(steps[0]); j++) {
            if (rproc_step(rp[i].dir, rp[i].name, ++step, steps[j])) {
                break;
            }
        }
    }
}

int main(void)
{
    struct utsname u;
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
    report_bound();
    report_deferred();
    report_console();
    run_remoteprocs();
    report("done", "poweroff");

    sync();
    reboot(RB_POWER_OFF);
    report("error", "poweroff failed: %s", strerror(errno));
    return 1;
}
