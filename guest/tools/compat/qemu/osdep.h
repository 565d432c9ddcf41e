/*
 * The host tools' stand-in for QEMU's "qemu/osdep.h": what the units
 * they share with the device models (hw/remoteproc/qcom-mdt-auth.c)
 * take from it, which is the C library and GLib. A unit that needs more
 * of QEMU than this cannot be built into a tool, which is the point.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef QCOM_MSS_SIM_TOOLS_OSDEP_H
#define QCOM_MSS_SIM_TOOLS_OSDEP_H

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#endif /* QCOM_MSS_SIM_TOOLS_OSDEP_H */
