/*
 * Qualcomm Command DB as the AOP's boot firmware leaves it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The table holds the one slave rpmhpd needs, the ARC, with the rails
 * of SDM845's rpmhpd. cmd-db.c (6.1) stops at the first resource header
 * whose slave id is 0, matches ids over all 8 bytes (NUL padded), and
 * gives an entry's aux data at data + data_offset + offset. rpmhpd
 * requires a non-zero address with slave id 3 and at most 16 u16 levels,
 * trailing zeros ignored, the first non-zero one the "enable" level.
 */

#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/misc/qcom-cmd-db.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/qdev-properties.h"
#include "trace.h"

#define CMD_DB_VERSION_VALUE    1
#define CMD_DB_ARC_VERSION      0x0100  /* v1.0 */
#define ARC_ADDR(n)             ((QCOM_CMD_DB_SLV_ARC << 16) | ((n) << 4))

/*
 * ARC levels (vlvl, RPMH_REGULATOR_LEVEL_* of dt-bindings/power/
 * qcom-rpmpd.h) by hardware level; hlvl 0 is "off".
 */
static const uint16_t arc_levels_full[] = {
    0, 16, 48, 64, 128, 192, 256, 320, 336, 384, 416,
};
static const uint16_t arc_levels_ebi[] = {
    0, 16, 48, 64, 128, 192, 256, 320, 384,
};
static const uint16_t arc_levels_island[] = {
    0, 16, 64, 128, 256,
};

typedef struct CmdDbEntry {
    const char *id;
    uint32_t addr;
    const uint16_t *levels;
    unsigned num_levels;
} CmdDbEntry;

#define ARC_ENTRY(name, n, lv) { name, ARC_ADDR(n), lv, ARRAY_SIZE(lv) }

static const CmdDbEntry cmd_db_arc[] = {
    ARC_ENTRY("cx.lvl", 0, arc_levels_full),
    ARC_ENTRY("mx.lvl", 1, arc_levels_full),
    ARC_ENTRY("ebi.lvl", 2, arc_levels_ebi),
    ARC_ENTRY("lcx.lvl", 3, arc_levels_island),
    ARC_ENTRY("lmx.lvl", 4, arc_levels_island),
    ARC_ENTRY("gfx.lvl", 5, arc_levels_full),
    ARC_ENTRY("mss.lvl", 6, arc_levels_full),
};

static const CmdDbEntry *cmd_db_find_addr(uint32_t addr)
{
    for (unsigned i = 0; i < ARRAY_SIZE(cmd_db_arc); i++) {
        if (cmd_db_arc[i].addr == addr) {
            return &cmd_db_arc[i];
        }
    }
    return NULL;
}

uint32_t qcom_cmd_db_addr(QcomCmdDbState *s, const char *id)
{
    for (unsigned i = 0; i < ARRAY_SIZE(cmd_db_arc); i++) {
        if (!strcmp(cmd_db_arc[i].id, id)) {
            return cmd_db_arc[i].addr;
        }
    }
    return 0;
}

const char *qcom_cmd_db_name(QcomCmdDbState *s, uint32_t addr)
{
    const CmdDbEntry *e = cmd_db_find_addr(addr);

    return e ? e->id : NULL;
}

int qcom_cmd_db_arc_level(QcomCmdDbState *s, uint32_t addr, uint32_t hlvl)
{
    const CmdDbEntry *e = cmd_db_find_addr(addr);

    return e && hlvl < e->num_levels ? e->levels[hlvl] : -1;
}

/* Lay the table out in buf (zeroed, at least QCOM_CMD_DB_MIN_SIZE). */
static unsigned cmd_db_build(uint8_t *buf)
{
    uint8_t *rsc = buf + QCOM_CMD_DB_RSC_HDR;
    uint8_t *data = buf + QCOM_CMD_DB_DATA;
    unsigned count = ARRAY_SIZE(cmd_db_arc);
    unsigned data_off = count * QCOM_CMD_DB_ENTRY_SIZE;
    unsigned aux = 0;

    stl_le_p(buf + QCOM_CMD_DB_VERSION, CMD_DB_VERSION_VALUE);
    memcpy(buf + QCOM_CMD_DB_MAGIC, QCOM_CMD_DB_MAGIC_BYTES, 4);

    stw_le_p(rsc + QCOM_CMD_DB_RSC_SLV_ID, QCOM_CMD_DB_SLV_ARC);
    stw_le_p(rsc + QCOM_CMD_DB_RSC_HEADER_OFF, 0);
    stw_le_p(rsc + QCOM_CMD_DB_RSC_DATA_OFF, data_off);
    stw_le_p(rsc + QCOM_CMD_DB_RSC_CNT, count);
    stw_le_p(rsc + QCOM_CMD_DB_RSC_VERSION, CMD_DB_ARC_VERSION);
    /* the other 7 headers stay zero: slave id 0 ends the search */

    for (unsigned i = 0; i < count; i++) {
        const CmdDbEntry *e = &cmd_db_arc[i];
        uint8_t *ent = data + i * QCOM_CMD_DB_ENTRY_SIZE;

        strpadcpy((char *)ent + QCOM_CMD_DB_ENT_ID, QCOM_CMD_DB_ID_LEN,
                  e->id, '\0');
        stl_le_p(ent + QCOM_CMD_DB_ENT_ADDR, e->addr);
        stw_le_p(ent + QCOM_CMD_DB_ENT_LEN, e->num_levels * 2);
        stw_le_p(ent + QCOM_CMD_DB_ENT_OFFSET, aux);
        for (unsigned l = 0; l < e->num_levels; l++) {
            stw_le_p(data + data_off + aux + 2 * l, e->levels[l]);
        }
        aux += e->num_levels * 2;
    }
    assert(QCOM_CMD_DB_DATA + data_off + aux <= QCOM_CMD_DB_MIN_SIZE);
    return QCOM_CMD_DB_DATA + data_off + aux;
}

/*
 * The AOP boot firmware's work. In the exit phase, once the XPU is back to
 * its defaults and the cache model has forgotten the lines Linux held
 * here (its memremap is cacheable), so that writing is no cache finding.
 */
static void cmd_db_reset_exit(Object *obj, ResetType type)
{
    QcomCmdDbState *s = QCOM_CMD_DB(obj);
    MemTxAttrs attrs = qcom_master_attrs(QCOM_MASTER_APPS,
                                         QCOM_XPU_KIND_NORMAL);
    g_autofree uint8_t *buf = g_malloc0(s->size);
    unsigned used = cmd_db_build(buf);

    if (address_space_write(&s->as, s->base, attrs, buf, s->size) !=
        MEMTX_OK) {
        /* the board's wiring, not the guest: base and size were checked */
        error_report("qcom-cmd-db: cannot write the table at 0x%" PRIx64,
                     s->base);
        return;
    }
    trace_qcom_cmd_db_init(s->base, s->size, ARRAY_SIZE(cmd_db_arc), used);
}

static void cmd_db_realize(DeviceState *dev, Error **errp)
{
    QcomCmdDbState *s = QCOM_CMD_DB(dev);

    if (!s->memory) {
        error_setg(errp, "qcom-cmd-db: property 'memory' is not set");
        return;
    }
    if (s->base % (4 * KiB) || s->size % (4 * KiB) ||
        s->size < QCOM_CMD_DB_MIN_SIZE || s->size > 16 * MiB ||
        s->base + s->size < s->base) {
        error_setg(errp, "qcom-cmd-db: base 0x%" PRIx64 " size 0x%" PRIx64
                   " is not a 4 KiB aligned range of 4 KiB..16 MiB",
                   s->base, s->size);
        return;
    }
    address_space_init(&s->as, s->memory, "qcom-cmd-db");
}

static const Property cmd_db_properties[] = {
    DEFINE_PROP_LINK("memory", QcomCmdDbState, memory, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_UINT64("base", QcomCmdDbState, base, 0),
    DEFINE_PROP_UINT64("size", QcomCmdDbState, size, 128 * KiB),
};

static void cmd_db_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm Command DB (as the AOP boot firmware leaves it)";
    dc->realize = cmd_db_realize;
    /* its state is guest RAM, migrated with it */
    dc->user_creatable = false;
    rc->phases.exit = cmd_db_reset_exit;
    device_class_set_props(dc, cmd_db_properties);
}

static const TypeInfo cmd_db_types[] = {
    {
        .name = TYPE_QCOM_CMD_DB,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomCmdDbState),
        .class_init = cmd_db_class_init,
    },
};

DEFINE_TYPES(cmd_db_types)
