/*
 * Qualcomm Command DB as the AOP's boot firmware leaves it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The Command DB is a table in a DRAM carve-out that names the RPMh
 * resources: Linux's drivers/soc/qcom/cmd-db.c ("qcom,cmd-db" on a
 * reserved-memory node) reads it, and clients such as rpmhpd look up the
 * RPMh address of "cx.lvl" and its auxiliary data, the voltage levels
 * (vlvl) of the rail's ARC indexed by hardware level (hlvl). This device
 * writes the table at every reset, through the SoC bus: an ARC slave
 * (slave id 3) with the rails of the SoC's rpmhpd and the XO, a VRM
 * slave with the clock buffers of its rpmhcc and a BCM slave with the
 * bus clock managers of its interconnects. Layout and the tables:
 * docs/devel/qcom-rpmh.rst.
 *
 * QEMU interface:
 *  + QOM type per SoC, whose table it writes: TYPE_QCOM_CMD_DB_SDM845,
 *    TYPE_QCOM_CMD_DB_SM8250
 *  + no MMIO: the table is in the RAM behind "memory"
 *  + QOM property "memory": link to the MemoryRegion of the SoC bus
 *    (address 0 at physical address 0)
 *  + QOM properties "base", "size": the carve-out (4 KiB aligned, at
 *    least QCOM_CMD_DB_MIN_SIZE; default size 128 KiB); the part after
 *    the table is zeroed
 *  + C API below: the layout, which the board writes at every reset
 *    (qcom_cmd_db_layout), and the table's names, addresses and levels,
 *    for the board and other models (to name the votes the RSC records)
 */

#ifndef HW_MISC_QCOM_CMD_DB_H
#define HW_MISC_QCOM_CMD_DB_H

#include "hw/sysbus.h"
#include "exec/memory.h"
#include "qom/object.h"

#define TYPE_QCOM_CMD_DB "qcom-cmd-db"
OBJECT_DECLARE_TYPE(QcomCmdDbState, QcomCmdDbClass, QCOM_CMD_DB)

#define TYPE_QCOM_CMD_DB_SDM845 "qcom-cmd-db-sdm845"
#define TYPE_QCOM_CMD_DB_SM8250 "qcom-cmd-db-sm8250"

/* The layout (cmd-db.c, 6.1); all fields little-endian */
#define QCOM_CMD_DB_VERSION         0x00    /* u32 */
#define QCOM_CMD_DB_MAGIC           0x04    /* u8[4] */
#define QCOM_CMD_DB_RSC_HDR         0x08    /* struct rsc_hdr[8] */
#define QCOM_CMD_DB_RSC_HDR_SIZE    16
#define QCOM_CMD_DB_MAX_SLV         8
#define QCOM_CMD_DB_CHECKSUM        0x88    /* u32, unused */
#define QCOM_CMD_DB_DATA            0x90    /* offsets count from here */
/* struct rsc_hdr: u16 fields */
#define QCOM_CMD_DB_RSC_SLV_ID      0x0
#define QCOM_CMD_DB_RSC_HEADER_OFF  0x2
#define QCOM_CMD_DB_RSC_DATA_OFF    0x4
#define QCOM_CMD_DB_RSC_CNT         0x6
#define QCOM_CMD_DB_RSC_VERSION     0x8
/* struct entry_header */
#define QCOM_CMD_DB_ENT_ID          0x00    /* char[8], NUL padded */
#define QCOM_CMD_DB_ENT_PRIORITY    0x08    /* u32[2], unused */
#define QCOM_CMD_DB_ENT_ADDR        0x10    /* u32 */
#define QCOM_CMD_DB_ENT_LEN         0x14    /* u16, bytes of aux data */
#define QCOM_CMD_DB_ENT_OFFSET      0x16    /* u16, from data_offset */
#define QCOM_CMD_DB_ENTRY_SIZE      24
#define QCOM_CMD_DB_ID_LEN          8

#define QCOM_CMD_DB_MAGIC_BYTES     "\xdb\x30\x03\x0c"
/* Slave ids (enum cmd_db_hw_type), in address bits [18:16] */
#define QCOM_CMD_DB_SLV_ARC         3
#define QCOM_CMD_DB_SLV_VRM         4
#define QCOM_CMD_DB_SLV_BCM         5
#define QCOM_CMD_DB_MIN_SIZE        0x1000

typedef struct QcomCmdDbTable QcomCmdDbTable;

struct QcomCmdDbClass {
    SysBusDeviceClass parent_class;

    const QcomCmdDbTable *table;    /* the SoC's resources */
};

struct QcomCmdDbState {
    SysBusDevice parent_obj;

    AddressSpace as;
    /* the carve-out's bytes, built at realize: the table is the SoC's */
    uint8_t *image;
    unsigned entries, used;

    /* properties */
    MemoryRegion *memory;
    uint64_t base;
    uint64_t size;
};

/*
 * Write the table as the AOP's boot firmware leaves it, through "memory"
 * as the APPS master; the rest of the carve-out is zeroed. Called once
 * the devices (the XPU, the cache model) are back to their reset state,
 * so that the write is no cache finding.
 */
void qcom_cmd_db_layout(QcomCmdDbState *s);

/* RPMh address of resource id ("cx.lvl"), or 0 if there is none. */
uint32_t qcom_cmd_db_addr(QcomCmdDbState *s, const char *id);

/* Name of the resource at RPMh address addr, or NULL if there is none. */
const char *qcom_cmd_db_name(QcomCmdDbState *s, uint32_t addr);

/*
 * The voltage level (vlvl) of hardware level hlvl of the ARC resource at
 * addr (what an ARC vote's data selects), or -1 if addr is no ARC
 * resource of the table or hlvl is beyond its levels.
 */
int qcom_cmd_db_arc_level(QcomCmdDbState *s, uint32_t addr, uint32_t hlvl);

#endif /* HW_MISC_QCOM_CMD_DB_H */
