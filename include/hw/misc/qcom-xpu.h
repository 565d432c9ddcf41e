/*
 * Qualcomm XPU: the memory firewall in front of DRAM (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The XPU checks every bus transaction to the protected range against
 * up to 256 resource groups. Each group covers an inclusive range of
 * 4 KiB pages and grants read and write access per VMID (the virtual
 * machine a bus master belongs to). Where enabled groups overlap the
 * most restrictive wins: an access passes only if every enabled group
 * that contains the address allows the master's VMID for that
 * direction; an address in no enabled group is denied. A denied access
 * is a violation: it is captured in syndrome registers, raises the IRQ,
 * sends the QMP event XPU_VIOLATION and then, according to "action",
 * ends QEMU as the hardware would reset the SoC, pauses the VM, or only
 * logs it. TrustZone's accesses and debug accesses (gdbstub's and, by
 * default, those with unspecified attributes) pass unchecked.
 * docs/devel/qcom-xpu.rst has the register map and the rules.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the register block (secure writes only)
 *  + sysbus MMIO region 1: the protected range, to be mapped where the
 *    DRAM was (an IOMMU region: allowed pages are plain RAM accesses)
 *  + sysbus MMIO region 2: the "blocked" window of the same size, to be
 *    mapped in system memory at an unused address; the IOMMU region
 *    sends pages that are not fully allowed there, so that the CPU's TLB
 *    finds it in its own FlatView (see qcom-xpu.c)
 *  + sysbus IRQ 0: level, high while an error is captured and CTRL.IRQ_EN
 *  + QOM property "downstream": link to the DRAM MemoryRegion
 *  + QOM property "base": physical address of the protected range
 *  + QOM property "size": size of the protected range (4 KiB multiple)
 *  + QOM property "num-groups": resource groups, 1..256 (default 32)
 *  + QOM property "action": "crash" (default), "stop" or "log"
 *  + QOM property "unspecified-master": what accesses with unspecified
 *    attributes (qtest, the monitor's xp, ROM loading) are: "debug"
 *    (default: debug accesses, which pass unchecked, as gdbstub's do), or
 *    the master they are checked as: "apps", "mss", "adsp", "cdsp" or
 *    "slpi"
 *  + QOM property "unspecified-secure": accesses with unspecified
 *    attributes count as secure for the register block (default true)
 *  + C API below for firmware models (hypervisor assign) and the cache
 *    model (access kinds, violations it detects itself, notifier)
 *  + QMP command query-xpu and HMP command "info xpu": the groups, the
 *    captured error and the last violations of every XPU; HMP command
 *    "xpu-assign": qcom_xpu_assign() on the first XPU
 */

#ifndef HW_MISC_QCOM_XPU_H
#define HW_MISC_QCOM_XPU_H

#include "hw/sysbus.h"
#include "exec/memattrs.h"
#include "exec/memory.h"
#include "qapi/qapi-types-qcom.h"
#include "qemu/notify.h"
#include "qom/object.h"

#define TYPE_QCOM_XPU "qcom-xpu"
OBJECT_DECLARE_SIMPLE_TYPE(QcomXpuState, QCOM_XPU)

#define TYPE_QCOM_XPU_IOMMU_MEMORY_REGION "qcom-xpu-iommu-memory-region"

/*
 * Bus masters, as carried in MemTxAttrs.requester_id bits [7:0]. The
 * remote processors are MSS..SLPI. TrustZone, which programs the XPU,
 * passes it everywhere.
 */
typedef enum QcomMaster {
    QCOM_MASTER_APPS = 0,      /* the CPU cluster; requester_id 0 */
    QCOM_MASTER_MSS = 1,       /* modem Q6 */
    QCOM_MASTER_ADSP = 2,
    QCOM_MASTER_CDSP = 3,
    QCOM_MASTER_SLPI = 4,
    QCOM_MASTER_TZ = 5,        /* the secure firmware (qcom-scm) */
    QCOM_MASTER_NUM
} QcomMaster;

/*
 * VMIDs as the SCM calls of Linux name them (dt-bindings
 * firmware/qcom,scm.h; TZ, ADSP_Q6 and SSC_Q6 from Qualcomm's
 * secure_buffer.h). Permission masks hold one bit per VMID 0..31.
 */
#define QCOM_VMID_TZ        1
#define QCOM_VMID_HLOS      3
#define QCOM_VMID_SSC_Q6    5
#define QCOM_VMID_ADSP_Q6   6
#define QCOM_VMID_MSS_MSA   15
#define QCOM_VMID_CDSP      30
#define QCOM_VMID_NONE      0xff

/* Kind of access, carried in MemTxAttrs.requester_id bits [11:8]. */
typedef enum QcomXpuKind {
    QCOM_XPU_KIND_NORMAL = 0,     /* a load or store (or DMA) */
    QCOM_XPU_KIND_WRITEBACK = 1,  /* a cache writing back a dirty line */
    QCOM_XPU_KIND_EVICT = 2,      /* a cache evicting a line */
} QcomXpuKind;

/* Syndrome access kinds (ESR.KIND and the QMP event's "kind"). */
typedef enum QcomXpuErrKind {
    QCOM_XPU_ERR_READ = 0,
    QCOM_XPU_ERR_WRITE = 1,
    QCOM_XPU_ERR_WRITEBACK = 2,
    QCOM_XPU_ERR_EVICT = 3,
    /* not a transaction: a cache model's hazard (qcom_xpu_report_hazard) */
    QCOM_XPU_ERR_HAZARD = 4,
    QCOM_XPU_ERR_NUM
} QcomXpuErrKind;

#define QCOM_XPU_MAX_GROUPS 256
#define QCOM_XPU_GRANULE 0x1000
#define QCOM_XPU_REGS_SIZE 0x4000
#define QCOM_XPU_NO_GROUP (-1)

/* MemTxAttrs for a transaction of a master. */
static inline MemTxAttrs qcom_master_attrs(QcomMaster master,
                                           QcomXpuKind kind)
{
    MemTxAttrs attrs = { .requester_id = (master & 0xff) | (kind << 8) };

    return attrs;
}

static inline QcomMaster qcom_attrs_master(MemTxAttrs attrs)
{
    return attrs.requester_id & 0xff;
}

static inline QcomXpuKind qcom_attrs_kind(MemTxAttrs attrs)
{
    return (attrs.requester_id >> 8) & 0xf;
}

/* VMID of a master: HLOS, MSS_MSA, ADSP_Q6, CDSP, SSC_Q6, TZ. */
uint8_t qcom_master_vmid(QcomMaster master);
/* "apps", "mss", ...; "unknown" beyond QCOM_MASTER_NUM. */
const char *qcom_master_name(QcomMaster master);

typedef struct QcomXpuGroup {
    uint64_t start;     /* first byte, 4 KiB aligned */
    uint64_t end;       /* first byte of the last page, 4 KiB aligned */
    uint32_t rperm;     /* VMIDs allowed to read */
    uint32_t wperm;     /* VMIDs allowed to write */
    uint32_t gctrl;     /* enable, lock */
} QcomXpuGroup;

/*
 * Sent to the notifier list after every change of permissions, once per
 * stretch [start, end] (inclusive byte addresses) whose effective APPS
 * (VMID HLOS) permission changed.
 */
typedef struct QcomXpuChange {
    uint64_t start;
    uint64_t end;
    bool apps_read_before, apps_write_before;
    bool apps_read_after, apps_write_after;
} QcomXpuChange;

/* A recent violation, for query-xpu (not migrated) */
typedef struct QcomXpuViolation {
    uint64_t addr;
    QcomMaster master;
    QcomXpuErrKind kind;
    int group;
} QcomXpuViolation;

struct QcomXpuState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
    IOMMUMemoryRegion upstream;
    MemoryRegion blocked;
    AddressSpace downstream_as;
    AddressSpace blocked_as;    /* only while the window is not mapped */
    qemu_irq irq;
    NotifierList change_notifiers;

    /* registers */
    uint32_t ctrl;
    uint32_t esr;
    uint64_t ear;
    uint32_t esynr;
    uint32_t err_count;
    QcomXpuGroup *groups;

    bool crash_pending;
    char *cause;                /* qcom_xpu_set_cause(); transient */
    char *caller;
    QcomXpuViolation hist[8];
    unsigned nhist;
    /* per kind: violations since reset, and the number of the last reported */
    uint64_t kind_count[QCOM_XPU_ERR_NUM];
    uint64_t kind_reported[QCOM_XPU_ERR_NUM];

    /* properties */
    MemoryRegion *downstream;
    uint64_t base;
    uint64_t size;
    uint32_t num_groups;
    char *action_str;
    char *unspecified_master_str;
    bool unspecified_secure;
    QcomXpuAction action;       /* qapi/qcom.json */
    bool unspecified_debug;
    QcomMaster unspecified_master;  /* unless unspecified_debug */
};

/*
 * Give [start, start + size) exactly the read and write VMID masks
 * rd_vmids and wr_vmids, as the hypervisor's assign call does: unlocked
 * enabled groups overlapping the range are trimmed or split, then one
 * group covering the range is enabled. Fails without any change (false,
 * errp set) when the range is not 4 KiB aligned or outside the protected
 * range, a locked group overlaps it, or there are not enough free groups.
 */
bool qcom_xpu_assign(QcomXpuState *s, hwaddr start, hwaddr size,
                     uint32_t rd_vmids, uint32_t wr_vmids, Error **errp);

/*
 * Why the permissions are changing, while a firmware model changes them
 * (NULL: no longer): violation and hazard reports print it ("cause")
 * with the guest's return addresses at the call ("caller", may be NULL),
 * so that a finding names the remote processor, the boot path and the
 * kernel routine. The strings are copied.
 */
void qcom_xpu_set_cause(QcomXpuState *s, const char *cause,
                        const char *caller);

/* Would an access of master to addr (absolute) pass? TZ's always does. */
bool qcom_xpu_allows(QcomXpuState *s, hwaddr addr, QcomMaster master,
                     bool is_write);

/*
 * A violation detected by a caller (for instance a cache model deciding
 * that a write-back targets a range APPS no longer owns): captured and
 * acted on as one the XPU detected itself. attrs carries master and kind.
 */
void qcom_xpu_report_violation(QcomXpuState *s, hwaddr addr,
                               MemTxAttrs attrs, bool is_write);

/*
 * A cache model found that taking [start, end] away from APPS leaves
 * lines of it in the CPUs' cache (details: the model's description);
 * @dirty: at least one of them is dirty, so that its write-back will
 * reach the range (severity "hazard-dirty"; else "hazard-clean"). No
 * transaction happened, so the syndrome registers are left alone; the
 * QMP event (kind "hazard") and the action apply as for a violation.
 */
void qcom_xpu_report_hazard(QcomXpuState *s, hwaddr start, hwaddr end,
                            bool dirty, const char *details);

/*
 * A transaction through the XPU (absolute address, any length): each
 * page is checked (unless attrs make it TrustZone's or a debug access);
 * allowed bytes go to the downstream DRAM, denied pages are violations
 * (reads of them give 0, writes are dropped). Returns MEMTX_OK, as a
 * blocked access completes on the bus.
 */
MemTxResult qcom_xpu_rw(QcomXpuState *s, hwaddr addr, MemTxAttrs attrs,
                        void *buf, hwaddr len, bool is_write);

/* QcomXpuChange notifications; see above. */
void qcom_xpu_add_change_notifier(QcomXpuState *s, Notifier *n);

#endif /* HW_MISC_QCOM_XPU_H */
