/*
 * Host harness of the test init's module loader (guest/init/init.c,
 * load_modules()): the init compiled for the host with its files under
 * QMS_ROOT (a directory the test fills with a /lib/modules, a /proc and
 * a /sys/bus) and finit_module(2) replaced by a stand-in that prints
 * "insmod NAME [compressed]", fails for the modules named in
 * $QMS_TEST_FAIL (EINVAL) and says EEXIST for those in $QMS_TEST_EXIST.
 * A module that loads binds the devices its aliases match (a "driver"
 * in their directory), as its driver's probe would; those of a module
 * in $QMS_TEST_DEFER it defers instead (a line of the kernel's
 * devices_deferred), those of one in $QMS_TEST_NOBIND it leaves alone.
 * A module NAME whose QMS_ROOT/creates/NAME lists "BUS/DEVICE MODALIAS"
 * lines adds those devices when it loads, as a driver adding children
 * does. tests/host/test_init_modules.py builds and drives it.
 *
 *   init-modules-harness RELEASE
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#define QMS_INIT_TEST 1
#define main qms_init_main
#include "../../guest/init/init.c"
#undef main

static bool listed(const char *env, const char *name)
{
    const char *list = getenv(env);
    char *copy, *tok, *save;
    bool found = false;

    if (!list) {
        return false;
    }
    copy = strdup(list);
    for (tok = strtok_r(copy, " ", &save); tok && !found;
         tok = strtok_r(NULL, " ", &save)) {
        found = !strcmp(tok, name);
    }
    free(copy);
    return found;
}

static void mkdirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0755);
            *p = '/';
        }
    }
    mkdir(path, 0755);
}

/* the devices QMS_ROOT/creates/NAME says the module adds */
static void add_devices(const char *name)
{
    char path[PATH_MAX], line[1024];
    FILE *f;

    snprintf(path, sizeof(path), QMS_ROOT "/creates/%s", name);
    f = fopen(path, "r");
    while (f && fgets(line, sizeof(line), f)) {
        char dev[PATH_MAX], *sp = strchr(line, ' '), *slash;
        FILE *a;

        line[strcspn(line, "\n")] = 0;
        slash = strchr(line, '/');
        if (!sp || !slash || slash > sp) {
            continue;
        }
        *sp = *slash = 0;
        snprintf(dev, sizeof(dev), QMS_ROOT "/sys/bus/%s/devices/%s", line,
                 slash + 1);
        mkdirs(dev);
        strncat(dev, "/modalias", sizeof(dev) - strlen(dev) - 1);
        a = fopen(dev, "w");
        if (a) {
            fprintf(a, "%s\n", sp + 1);
            fclose(a);
        }
    }
    if (f) {
        fclose(f);
    }
}

/*
 * What the driver of module name does to the devices its aliases match:
 * binds them, defers them or, NOBIND, nothing
 */
static void probe_devices(const char *name)
{
    char path[PATH_MAX], line[1024], bus[PATH_MAX];
    struct dirent **b, **d;
    int nb, nd;
    FILE *al;

    if (listed("QMS_TEST_NOBIND", name)) {
        return;
    }
    snprintf(path, sizeof(path), QMS_ROOT "/lib/modules");
    nb = scandir(QMS_ROOT "/sys/bus", &b, NULL, alphasort);
    for (int i = 0; i < nb; i++) {
        snprintf(bus, sizeof(bus), QMS_ROOT "/sys/bus/%s/devices",
                 b[i]->d_name);
        nd = b[i]->d_name[0] == '.' ? -1 : scandir(bus, &d, NULL, alphasort);
        for (int j = 0; j < nd; j++) {
            char dev[PATH_MAX * 2], alias[1024];
            bool match = false;

            snprintf(dev, sizeof(dev), "%s/%s", bus, d[j]->d_name);
            read_attr(dev, "modalias", alias, sizeof(alias));
            snprintf(path, sizeof(path),
                     QMS_ROOT "/lib/modules/%s/modules.alias",
                     getenv("QMS_TEST_RELEASE"));
            al = alias[0] && d[j]->d_name[0] != '.' ? fopen(path, "r") : NULL;
            while (al && !match && fgets(line, sizeof(line), al)) {
                char pat[512], mod[256];

                match = sscanf(line, "alias %511s %255s", pat, mod) == 2 &&
                        !strcmp(mod, name) && !fnmatch(pat, alias, 0);
            }
            if (al) {
                fclose(al);
            }
            if (match && listed("QMS_TEST_DEFER", name)) {
                FILE *f = fopen(QMS_ROOT "/sys/kernel/debug/devices_deferred",
                                "a");

                if (f) {
                    fprintf(f, "%s\t\n", d[j]->d_name);
                    fclose(f);
                }
            } else if (match) {
                strncat(dev, "/driver", sizeof(dev) - strlen(dev) - 1);
                mkdir(dev, 0755);
            }
            free(d[j]);
        }
        if (nd >= 0) {
            free(d);
        }
        free(b[i]);
    }
    if (nb >= 0) {
        free(b);
    }
}

static int test_finit_module(const char *path, int flags)
{
    char *name = module_name(path);
    int err = 0;

    printf("insmod %s%s\n", name,
           flags & MODULE_INIT_COMPRESSED_FILE ? " compressed" : "");
    fflush(stdout);
    if (listed("QMS_TEST_FAIL", name)) {
        err = EINVAL;
    } else if (listed("QMS_TEST_EXIST", name)) {
        err = EEXIST;           /* loaded meanwhile: its driver bound */
        probe_devices(name);
    } else {
        add_devices(name);
        probe_devices(name);
    }
    free(name);
    return err;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s RELEASE\n", argv[0]);
        return 2;
    }
    setenv("QMS_TEST_RELEASE", argv[1], 1);
    load_modules(argv[1]);
    return 0;
}
