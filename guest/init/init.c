/*
 * Init of the qcom-mss-sim guest: mounts the kernel's file systems,
 * reports what it sees on the console in lines the test runners parse
 * ("qms: KEY VALUE"), and powers the machine off through PSCI.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

static void report(const char *key, const char *fmt, ...)
{
    va_list ap;

    printf("qms: %s ", key);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

static void mount_fs(const char *type, const char *dir)
{
    mkdir(dir, 0755);
    if (mount(type, dir, type, 0, NULL) && errno != EBUSY) {
        report("error", "mount %s on %s: %s", type, dir, strerror(errno));
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
    mount_fs("proc", "/proc");
    mount_fs("sysfs", "/sys");
    mount_fs("debugfs", "/sys/kernel/debug");

    uname(&u);
    report("init", "%s %s %s", u.sysname, u.release, u.machine);
    report("cpus", "%ld", sysconf(_SC_NPROCESSORS_ONLN));
    report("done", "poweroff");

    sync();
    reboot(RB_POWER_OFF);
    report("error", "poweroff failed: %s", strerror(errno));
    return 1;
}
