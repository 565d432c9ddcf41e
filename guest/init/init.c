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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
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
 * One step of the modem's life: "qms: step N ACTION" before the write,
 * so a finding the machine reports during the write is attributed to it,
 * then "qms: result N ACTION ok|errno-N STATE". Writing the state
 * attribute is synchronous: rproc_boot() returns once the driver saw
 * the modem come up (or gave up), rproc_shutdown() once it stopped.
 */
static int modem_step(const char *dir, int n, const char *action)
{
    char path[512], state[64], res[32] = "ok";
    int fd, err = 0;

    report("step", "%d %s", n, action);
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
        report("error", "step %d %s: %s", n, action, strerror(err));
    }
    report("result", "%d %s %s %s", n, action, res, state);
    return err;
}

/*
 * The modem: "qms: rproc RPROC NAME FIRMWARE STATE DRIVER" for each
 * remoteproc, then start, stop and start again the one the Q6v5 MSS
 * driver registered. "qms: modem-count" says how many there are (the
 * runner wants 1), "qms: driver qcom-q6v5-mss present|absent" whether
 * the kernel has the driver at all.
 */
static void run_modem(void)
{
    const char *top = "/sys/class/remoteproc";
    static const char *const steps[] = { "start", "stop", "start" };
    struct dirent **rp;
    int nrp = scandir(top, &rp, NULL, by_name);
    int modems = 0;
    char dir[512] = "";

    for (int i = 0; i < nrp; i++) {
        char d[300], name[128], fw[256], state[64], path[320];
        char link[PATH_MAX] = "?";
        const char *driver;

        if (rp[i]->d_name[0] != '.') {
            snprintf(d, sizeof(d), "%s/%s", top, rp[i]->d_name);
            read_attr(d, "name", name, sizeof(name));
            read_attr(d, "firmware", fw, sizeof(fw));
            read_attr(d, "state", state, sizeof(state));
            snprintf(path, sizeof(path), "%s/device/driver", d);
            if (!realpath(path, link)) {
                strcpy(link, "?");
            }
            driver = strrchr(link, '/') ? strrchr(link, '/') + 1 : link;
            report("rproc", "%s %s %s %s %s", rp[i]->d_name, name, fw, state,
                   driver);
            if (!strcmp(driver, "qcom-q6v5-mss")) {
                snprintf(dir, sizeof(dir), "%s", d);
                modems++;
                snprintf(path, sizeof(path), "%s/device", d);
                report_suppliers(path);
            }
        }
        free(rp[i]);
    }
    if (nrp >= 0) {
        free(rp);
    }
    report("modem-count", "%d", modems);
    report("driver", "qcom-q6v5-mss %s",
           access("/sys/bus/platform/drivers/qcom-q6v5-mss", F_OK) ? "absent" :
           "present");
    if (modems != 1) {
        return;
    }
    for (unsigned i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
        if (modem_step(dir, i + 1, steps[i])) {
            break;
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
    run_modem();
    report("done", "poweroff");

    sync();
    reboot(RB_POWER_OFF);
    report("error", "poweroff failed: %s", strerror(errno));
    return 1;
}
