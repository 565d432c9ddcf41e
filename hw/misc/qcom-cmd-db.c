/*
 * Qualcomm Command DB as the AOP's boot firmware leaves it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A table per SoC (a subclass each) holds what rpmhpd, rpmhcc and the
 * interconnect drivers look up on it: the rails (ARC: cx, mx, ... and
 * the XO), the board's clock buffers (VRM: lnbclka*, rfclka*) and the
 * bus clock managers (BCM: the crypto and IPA clocks, the NoCs'). The
 * addresses and levels are ours, alike on both SoCs. cmd-db.c (6.1) stops at
 * the first resource header whose slave id is 0, matches ids over all 8
 * bytes (NUL padded), and gives an entry's aux data at data +
 * data_offset + offset. rpmhpd requires a
 * non-zero address with slave id 3 and at most 16 u16 levels, trailing
 * zeros ignored, the first non-zero one the "enable" level; rpmhcc
 * fails to probe without any one of its ids, and it and the NoCs'
 * drivers divide by a BCM's unit.
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
#define CMD_DB_SLAVE_VERSION    0x0100  /* v1.0 */
#define ARC_ADDR(n)             ((QCOM_CMD_DB_SLV_ARC << 16) | ((n) << 4))
#define VRM_ADDR(n)             ((QCOM_CMD_DB_SLV_VRM << 16) | ((n) << 8))
#define BCM_ADDR(n)             ((QCOM_CMD_DB_SLV_BCM << 16) | ((n) << 4))

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
/* the XO's: off, and three on states; rpmhcc votes 3 */
static const uint16_t arc_levels_xo[] = {
    0, 1, 2, 3,
};

/*
 * struct bcm_db: le32 unit, le16 width, u8 vcd, u8 reserved. The unit
 * divides what a BCM is asked (a clock's rate in kHz, a bandwidth in
 * kB/s); ours are 1000 for all, in one voltage corner domain.
 */
static const uint8_t bcm_aux[] = { 0xe8, 0x03, 0, 0, 1, 0, 0, 0 };

typedef struct CmdDbEntry {
    const char *id;
    uint32_t addr;
    const uint16_t *levels;     /* ARC: vlvl by hlvl */
    unsigned num_levels;
    const uint8_t *aux;         /* BCM: struct bcm_db */
    unsigned aux_len;
} CmdDbEntry;

typedef struct CmdDbSlave {
    uint16_t slv_id;
    const CmdDbEntry *entries;
    unsigned count;
} CmdDbSlave;

/* A SoC's table: its slaves, in the order of their resource headers */
struct QcomCmdDbTable {
    const CmdDbSlave *slaves;
    unsigned num_slaves;
};

#define ARC_ENTRY(name, n, lv) \
    { name, ARC_ADDR(n), lv, ARRAY_SIZE(lv), NULL, 0 }
#define VRM_ENTRY(name, n) { name, VRM_ADDR(n), NULL, 0, NULL, 0 }
#define BCM_ENTRY(name, n) \
    { name, BCM_ADDR(n), NULL, 0, bcm_aux, sizeof(bcm_aux) }
#define SLAVE(id, entries) { id, entries, ARRAY_SIZE(entries) }

/*
 * SDM845: the rails of its rpmhpd, the XO and clock buffers of its
 * rpmhcc, rpmhcc's crypto and IPA clocks and the BCMs of
 * interconnect/sdm845.c
 */
static const CmdDbEntry sdm845_arc[] = {
    ARC_ENTRY("cx.lvl", 0, arc_levels_full),
    ARC_ENTRY("mx.lvl", 1, arc_levels_full),
    ARC_ENTRY("ebi.lvl", 2, arc_levels_ebi),
    ARC_ENTRY("lcx.lvl", 3, arc_levels_island),
    ARC_ENTRY("lmx.lvl", 4, arc_levels_island),
    ARC_ENTRY("gfx.lvl", 5, arc_levels_full),
    ARC_ENTRY("mss.lvl", 6, arc_levels_full),
    ARC_ENTRY("xo.lvl", 7, arc_levels_xo),
};

static const CmdDbEntry sdm845_vrm[] = {
    VRM_ENTRY("lnbclka2", 0),
    VRM_ENTRY("lnbclka3", 1),
    VRM_ENTRY("rfclka1", 2),
    VRM_ENTRY("rfclka2", 3),
    VRM_ENTRY("rfclka3", 4),
};

static const CmdDbEntry sdm845_bcm[] = {
    BCM_ENTRY("CE0", 0),
    BCM_ENTRY("IP0", 1),
    BCM_ENTRY("ACV", 2),
    BCM_ENTRY("MC0", 3),
    BCM_ENTRY("SH0", 4),
    BCM_ENTRY("SH1", 5),
    BCM_ENTRY("SH2", 6),
    BCM_ENTRY("SH3", 7),
    BCM_ENTRY("SH5", 8),
    BCM_ENTRY("MM0", 9),
    BCM_ENTRY("MM1", 10),
    BCM_ENTRY("MM2", 11),
    BCM_ENTRY("MM3", 12),
    BCM_ENTRY("CN0", 13),
    BCM_ENTRY("QUP0", 14),
    BCM_ENTRY("SN0", 15),
    BCM_ENTRY("SN1", 16),
    BCM_ENTRY("SN2", 17),
    BCM_ENTRY("SN3", 18),
    BCM_ENTRY("SN4", 19),
    BCM_ENTRY("SN5", 20),
    BCM_ENTRY("SN6", 21),
    BCM_ENTRY("SN7", 22),
    BCM_ENTRY("SN8", 23),
    BCM_ENTRY("SN9", 24),
    BCM_ENTRY("SN11", 25),
    BCM_ENTRY("SN12", 26),
    BCM_ENTRY("SN14", 27),
    BCM_ENTRY("SN15", 28),
};

static const CmdDbSlave sdm845_slaves[] = {
    SLAVE(QCOM_CMD_DB_SLV_ARC, sdm845_arc),
    SLAVE(QCOM_CMD_DB_SLV_VRM, sdm845_vrm),
    SLAVE(QCOM_CMD_DB_SLV_BCM, sdm845_bcm),
};

/*
 * SM8250: the rails of its rpmhpd (6.1 and 6.12: cx, ebi, gfx, lcx, lmx,
 * mmcx, mx), the XO and clock buffers of its rpmhcc (6.12's also votes
 * IP0, the IPA clock), and the BCMs of interconnect/sm8250.c (6.1's
 * ipa-virt NoC has IP0 too)
 */
static const CmdDbEntry sm8250_arc[] = {
    ARC_ENTRY("cx.lvl", 0, arc_levels_full),
    ARC_ENTRY("mx.lvl", 1, arc_levels_full),
    ARC_ENTRY("ebi.lvl", 2, arc_levels_ebi),
    ARC_ENTRY("lcx.lvl", 3, arc_levels_island),
    ARC_ENTRY("lmx.lvl", 4, arc_levels_island),
    ARC_ENTRY("gfx.lvl", 5, arc_levels_full),
    ARC_ENTRY("mmcx.lvl", 6, arc_levels_full),
    ARC_ENTRY("xo.lvl", 7, arc_levels_xo),
};

static const CmdDbEntry sm8250_vrm[] = {
    VRM_ENTRY("lnbclka1", 0),
    VRM_ENTRY("lnbclka2", 1),
    VRM_ENTRY("lnbclka3", 2),
    VRM_ENTRY("rfclka1", 3),
    VRM_ENTRY("rfclka3", 4),
};

static const CmdDbEntry sm8250_bcm[] = {
    BCM_ENTRY("CE0", 0),
    BCM_ENTRY("IP0", 1),
    BCM_ENTRY("ACV", 2),
    BCM_ENTRY("MC0", 3),
    BCM_ENTRY("SH0", 4),
    BCM_ENTRY("SH2", 5),
    BCM_ENTRY("SH3", 6),
    BCM_ENTRY("SH4", 7),
    BCM_ENTRY("MM0", 8),
    BCM_ENTRY("MM1", 9),
    BCM_ENTRY("MM2", 10),
    BCM_ENTRY("MM3", 11),
    BCM_ENTRY("CN0", 12),
    BCM_ENTRY("CO0", 13),
    BCM_ENTRY("CO2", 14),
    BCM_ENTRY("QUP0", 15),
    BCM_ENTRY("SN0", 16),
    BCM_ENTRY("SN1", 17),
    BCM_ENTRY("SN2", 18),
    BCM_ENTRY("SN3", 19),
    BCM_ENTRY("SN4", 20),
    BCM_ENTRY("SN5", 21),
    BCM_ENTRY("SN6", 22),
    BCM_ENTRY("SN7", 23),
    BCM_ENTRY("SN8", 24),
    BCM_ENTRY("SN9", 25),
    BCM_ENTRY("SN11", 26),
    BCM_ENTRY("SN12", 27),
};

static const CmdDbSlave sm8250_slaves[] = {
    SLAVE(QCOM_CMD_DB_SLV_ARC, sm8250_arc),
    SLAVE(QCOM_CMD_DB_SLV_VRM, sm8250_vrm),
    SLAVE(QCOM_CMD_DB_SLV_BCM, sm8250_bcm),
};

/* one resource header each, and one left zero to end Linux's search */
QEMU_BUILD_BUG_ON(ARRAY_SIZE(sdm845_slaves) >= QCOM_CMD_DB_MAX_SLV);
QEMU_BUILD_BUG_ON(ARRAY_SIZE(sm8250_slaves) >= QCOM_CMD_DB_MAX_SLV);

static const QcomCmdDbTable sdm845_table = {
    sdm845_slaves, ARRAY_SIZE(sdm845_slaves),
};
static const QcomCmdDbTable sm8250_table = {
    sm8250_slaves, ARRAY_SIZE(sm8250_slaves),
};

static const QcomCmdDbTable *cmd_db_table(QcomCmdDbState *s)
{
    return QCOM_CMD_DB_GET_CLASS(s)->table;
}

static const CmdDbEntry *cmd_db_find(QcomCmdDbState *s, const char *id,
                                     uint32_t addr)
{
    const QcomCmdDbTable *t = cmd_db_table(s);

    for (unsigned i = 0; i < t->num_slaves; i++) {
        for (unsigned j = 0; j < t->slaves[i].count; j++) {
            const CmdDbEntry *e = &t->slaves[i].entries[j];

            if (id ? !strcmp(e->id, id) : e->addr == addr) {
                return e;
            }
        }
    }
    return NULL;
}

uint32_t qcom_cmd_db_addr(QcomCmdDbState *s, const char *id)
{
    const CmdDbEntry *e = cmd_db_find(s, id, 0);

    return e ? e->addr : 0;
}

const char *qcom_cmd_db_name(QcomCmdDbState *s, uint32_t addr)
{
    const CmdDbEntry *e = cmd_db_find(s, NULL, addr);

    return e ? e->id : NULL;
}

int qcom_cmd_db_arc_level(QcomCmdDbState *s, uint32_t addr, uint32_t hlvl)
{
    const CmdDbEntry *e = cmd_db_find(s, NULL, addr);

    return e && hlvl < e->num_levels ? e->levels[hlvl] : -1;
}

/* One entry and its aux data; returns the aux data's size. */
static unsigned cmd_db_put_entry(const CmdDbEntry *e, uint8_t *ent,
                                 uint8_t *aux, unsigned aux_off)
{
    unsigned len = e->levels ? e->num_levels * 2 : e->aux_len;

    strpadcpy((char *)ent + QCOM_CMD_DB_ENT_ID, QCOM_CMD_DB_ID_LEN,
              e->id, '\0');
    stl_le_p(ent + QCOM_CMD_DB_ENT_ADDR, e->addr);
    stw_le_p(ent + QCOM_CMD_DB_ENT_LEN, len);
    stw_le_p(ent + QCOM_CMD_DB_ENT_OFFSET, aux_off);
    for (unsigned l = 0; l < e->num_levels; l++) {
        stw_le_p(aux + aux_off + 2 * l, e->levels[l]);
    }
    if (e->aux) {
        memcpy(aux + aux_off, e->aux, e->aux_len);
    }
    return len;
}

/*
 * Lay the table out in buf (zeroed, at least QCOM_CMD_DB_MIN_SIZE): each
 * slave's entries, then their aux data. Returns the bytes used.
 */
static unsigned cmd_db_build(const QcomCmdDbTable *t, uint8_t *buf,
                             unsigned *entries)
{
    uint8_t *data = buf + QCOM_CMD_DB_DATA;
    unsigned used = 0;

    stl_le_p(buf + QCOM_CMD_DB_VERSION, CMD_DB_VERSION_VALUE);
    memcpy(buf + QCOM_CMD_DB_MAGIC, QCOM_CMD_DB_MAGIC_BYTES, 4);

    /* the headers after the last slave stay zero: slave id 0 ends it */
    *entries = 0;
    for (unsigned i = 0; i < t->num_slaves; i++) {
        uint8_t *rsc = buf + QCOM_CMD_DB_RSC_HDR +
                       i * QCOM_CMD_DB_RSC_HDR_SIZE;
        unsigned count = t->slaves[i].count;
        unsigned header_off = used;
        unsigned data_off = used + count * QCOM_CMD_DB_ENTRY_SIZE;
        unsigned aux = 0;

        for (unsigned j = 0; j < count; j++) {
            aux += cmd_db_put_entry(&t->slaves[i].entries[j],
                                    data + header_off +
                                    j * QCOM_CMD_DB_ENTRY_SIZE,
                                    data + data_off, aux);
        }
        stw_le_p(rsc + QCOM_CMD_DB_RSC_SLV_ID, t->slaves[i].slv_id);
        stw_le_p(rsc + QCOM_CMD_DB_RSC_HEADER_OFF, header_off);
        stw_le_p(rsc + QCOM_CMD_DB_RSC_DATA_OFF, data_off);
        stw_le_p(rsc + QCOM_CMD_DB_RSC_CNT, count);
        stw_le_p(rsc + QCOM_CMD_DB_RSC_VERSION, CMD_DB_SLAVE_VERSION);
        used = QEMU_ALIGN_UP(data_off + aux, 8);
        *entries += count;
    }
    assert(QCOM_CMD_DB_DATA + used <= QCOM_CMD_DB_MIN_SIZE);
    return QCOM_CMD_DB_DATA + used;
}

void qcom_cmd_db_layout(QcomCmdDbState *s)
{
    MemTxAttrs attrs = qcom_master_attrs(QCOM_MASTER_APPS,
                                         QCOM_XPU_KIND_NORMAL);

    if (address_space_write(&s->as, s->base, attrs, s->image, s->size) !=
        MEMTX_OK) {
        /* the board's wiring, not the guest: base and size were checked */
        error_report("qcom-cmd-db: cannot write the table at 0x%" PRIx64,
                     s->base);
        return;
    }
    trace_qcom_cmd_db_init(s->base, s->size, s->entries, s->used);
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
    s->image = g_malloc0(s->size);
    s->used = cmd_db_build(cmd_db_table(s), s->image, &s->entries);
}

static void cmd_db_unrealize(DeviceState *dev)
{
    QcomCmdDbState *s = QCOM_CMD_DB(dev);

    g_clear_pointer(&s->image, g_free);
    address_space_destroy(&s->as);
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

    dc->realize = cmd_db_realize;
    dc->unrealize = cmd_db_unrealize;
    /* its state is guest RAM, migrated with it */
    dc->user_creatable = false;
    device_class_set_props(dc, cmd_db_properties);
}

static void cmd_db_sdm845_class_init(ObjectClass *klass, void *data)
{
    QCOM_CMD_DB_CLASS(klass)->table = &sdm845_table;
    DEVICE_CLASS(klass)->desc = "Qualcomm SDM845 Command DB (as the AOP "
                                "boot firmware leaves it)";
}

static void cmd_db_sm8250_class_init(ObjectClass *klass, void *data)
{
    QCOM_CMD_DB_CLASS(klass)->table = &sm8250_table;
    DEVICE_CLASS(klass)->desc = "Qualcomm SM8250 Command DB (as the AOP "
                                "boot firmware leaves it)";
}

static const TypeInfo cmd_db_types[] = {
    {
        .name = TYPE_QCOM_CMD_DB,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomCmdDbState),
        .class_size = sizeof(QcomCmdDbClass),
        .class_init = cmd_db_class_init,
        .abstract = true,
    },
    {
        .name = TYPE_QCOM_CMD_DB_SDM845,
        .parent = TYPE_QCOM_CMD_DB,
        .class_init = cmd_db_sdm845_class_init,
    },
    {
        .name = TYPE_QCOM_CMD_DB_SM8250,
        .parent = TYPE_QCOM_CMD_DB,
        .class_init = cmd_db_sm8250_class_init,
    },
};

DEFINE_TYPES(cmd_db_types)
