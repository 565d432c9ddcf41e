/*
 * Qualcomm secure channel manager (SCM): the secure firmware's SiP calls
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Calling convention (Linux drivers/firmware/qcom_scm-smc.c, "ARM_64"):
 * x0 = fast << 31 | smc64 << 30 | owner (2 = SiP) << 24 | svc << 8 | cmd,
 * x1 = arginfo (nargs in bits [3:0]), x2..x5 = arguments; with more than
 * four arguments x5 holds the physical address of a buffer with
 * arguments 3..9 as little-endian u64. Results: x0 = status (0 = success),
 * x1..x3 = values.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/misc/qcom-scm.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/qdev-properties.h"
#include "target/arm/cpu.h"
#include "trace.h"

#define SCM_OWNER_SIP           2
#define SCM_FNID(svc, cmd)      (((svc) << 8) | (cmd))
#define SCM_BOOT_SET_DLOAD_MODE SCM_FNID(0x01, 0x10)
#define SCM_INFO_IS_CALL_AVAIL  SCM_FNID(0x06, 0x01)
#define SCM_MP_ASSIGN           SCM_FNID(0x0c, 0x16)

/* Status values in x0, as qcom_scm_remap_error() expects them */
#define SCM_OK                  0
#define SCM_ERROR               (-1)
#define SCM_EINVAL_ADDR         (-2)
#define SCM_EINVAL_ARG          (-3)

/* Permissions in assign_mem's destination list */
#define SCM_PERM_WRITE          0x2
#define SCM_PERM_READ           0x4

/* Sizes of assign_mem's lists */
#define SCM_MEM_ENTRY_SIZE      16  /* u64 addr, u64 size */
#define SCM_DEST_ENTRY_SIZE     24  /* u32 vmid, u32 perm, u64 ctx, ... */
#define SCM_MAX_LIST_ENTRIES    64

typedef struct ScmCall {
    uint32_t fnid;
    unsigned nargs;
    uint64_t args[10];
} ScmCall;

static bool scm_read(QcomScmState *s, hwaddr addr, void *buf, hwaddr len)
{
    /* The secure world reads what memory holds, as the DMA API promises */
    MemTxAttrs attrs = qcom_master_attrs(QCOM_MASTER_APPS,
                                         QCOM_XPU_KIND_NORMAL);

    attrs.secure = 1;
    return address_space_read(&s->as, addr, attrs, buf, len) == MEMTX_OK;
}

static bool scm_list_ok(QcomScmState *s, hwaddr addr, uint64_t size,
                        unsigned entry, const char *what)
{
    if (size == 0 || size % entry || size / entry > SCM_MAX_LIST_ENTRIES) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-scm: assign_mem: %s list size "
                      "%" PRIu64 " is not 1..%d entries of %u bytes\n",
                      what, size, SCM_MAX_LIST_ENTRIES, entry);
        return false;
    }
    if (!address_space_access_valid(&s->as, addr, size, false,
                                    MEMTXATTRS_UNSPECIFIED)) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-scm: assign_mem: %s list at "
                      "0x%" HWADDR_PRIx " is not in memory\n", what, addr);
        return false;
    }
    return true;
}

/*
 * assign_mem(mem_list, mem_size, src_list, src_size, dest_list, dest_size,
 * 0): give every range of mem_list exactly the VMIDs of dest_list. All
 * arguments are checked before anything changes.
 */
static int64_t scm_assign_mem(QcomScmState *s, const ScmCall *c)
{
    hwaddr mem = c->args[0], src = c->args[2], dest = c->args[4];
    uint64_t mem_size = c->args[1], src_size = c->args[3];
    uint64_t dest_size = c->args[5];
    uint8_t mem_list[SCM_MAX_LIST_ENTRIES * SCM_MEM_ENTRY_SIZE];
    uint8_t dest_list[SCM_MAX_LIST_ENTRIES * SCM_DEST_ENTRY_SIZE];
    uint32_t rd = 0, wr = 0;
    unsigned nmem, ndest;
    Error *err = NULL;

    if (c->nargs != 7) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-scm: assign_mem takes 7 "
                      "arguments, not %u\n", c->nargs);
        return SCM_EINVAL_ARG;
    }
    if (!scm_list_ok(s, mem, mem_size, SCM_MEM_ENTRY_SIZE, "memory") ||
        !scm_list_ok(s, src, src_size, 4, "source") ||
        !scm_list_ok(s, dest, dest_size, SCM_DEST_ENTRY_SIZE,
                     "destination") ||
        !scm_read(s, mem, mem_list, mem_size) ||
        !scm_read(s, dest, dest_list, dest_size)) {
        return SCM_EINVAL_ADDR;
    }
    nmem = mem_size / SCM_MEM_ENTRY_SIZE;
    ndest = dest_size / SCM_DEST_ENTRY_SIZE;

    for (unsigned i = 0; i < ndest; i++) {
        uint32_t vmid = ldl_le_p(dest_list + i * SCM_DEST_ENTRY_SIZE);
        uint32_t perm = ldl_le_p(dest_list + i * SCM_DEST_ENTRY_SIZE + 4);

        if (vmid >= 32) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-scm: assign_mem: VMID %u "
                          "out of range\n", vmid);
            return SCM_EINVAL_ARG;
        }
        rd |= perm & SCM_PERM_READ ? BIT(vmid) : 0;
        wr |= perm & SCM_PERM_WRITE ? BIT(vmid) : 0;
    }
    for (unsigned i = 0; i < nmem; i++) {
        uint64_t addr = ldq_le_p(mem_list + i * SCM_MEM_ENTRY_SIZE);
        uint64_t size = ldq_le_p(mem_list + i * SCM_MEM_ENTRY_SIZE + 8);

        if (!size || (addr | size) & (QCOM_XPU_GRANULE - 1)) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-scm: assign_mem: range "
                          "0x%" PRIx64 "+0x%" PRIx64 " is not 4 KiB "
                          "aligned\n", addr, size);
            return SCM_EINVAL_ADDR;
        }
    }
    for (unsigned i = 0; i < nmem; i++) {
        uint64_t addr = ldq_le_p(mem_list + i * SCM_MEM_ENTRY_SIZE);
        uint64_t size = ldq_le_p(mem_list + i * SCM_MEM_ENTRY_SIZE + 8);

        trace_qcom_scm_assign(addr, size, rd, wr);
        /* Without an XPU there is nothing to program. */
        if (s->xpu && !qcom_xpu_assign(s->xpu, addr, size, rd, wr, &err)) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-scm: assign_mem: %s\n",
                          error_get_pretty(err));
            error_free(err);
            return SCM_EINVAL_ADDR;
        }
    }
    return SCM_OK;
}

bool qcom_scm_smccc(ARMCPU *cpu, void *opaque)
{
    QcomScmState *s = QCOM_SCM(opaque);
    CPUARMState *env = &cpu->env;
    uint64_t x0 = env->xregs[0];
    ScmCall c = {
        .fnid = x0 & 0xffff,
        .nargs = env->xregs[1] & 0xf,
    };
    int64_t status = SCM_ERROR;
    uint64_t result = 0;

    if (!is_a64(env) || ((x0 >> 24) & 0x3f) != SCM_OWNER_SIP ||
        !(x0 & BIT(30))) {
        return false;   /* not a 64-bit SiP call: NOT_SUPPORTED */
    }
    for (unsigned i = 0; i < 4; i++) {
        c.args[i] = env->xregs[2 + i];
    }
    if (c.nargs > 4) {
        uint64_t ext[7];

        if (!scm_read(s, env->xregs[5], ext, sizeof(ext))) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-scm: argument buffer at "
                          "0x%" PRIx64 " is not in memory\n", env->xregs[5]);
            status = SCM_EINVAL_ADDR;
            goto out;
        }
        for (unsigned i = 0; i < 7; i++) {
            c.args[3 + i] = le64_to_cpu(ext[i]);
        }
    }

    s->calls++;
    switch (c.fnid) {
    case SCM_INFO_IS_CALL_AVAIL:
        status = SCM_OK;
        result = (c.args[0] & 0xffff) == SCM_INFO_IS_CALL_AVAIL ||
                 (c.args[0] & 0xffff) == SCM_BOOT_SET_DLOAD_MODE ||
                 (c.args[0] & 0xffff) == SCM_MP_ASSIGN;
        break;
    case SCM_BOOT_SET_DLOAD_MODE:
        /*
         * Whether a crash enters the download (RAM dump) mode; there is
         * nothing to dump to here, so the mode is only recorded.
         */
        s->download_mode = c.args[1] != 0;
        status = SCM_OK;
        break;
    case SCM_MP_ASSIGN:
        status = scm_assign_mem(s, &c);
        break;
    default:
        qemu_log_mask(LOG_UNIMP, "qcom-scm: SiP call 0x%04x not "
                      "implemented\n", c.fnid);
        status = SCM_ERROR;
        break;
    }
out:
    trace_qcom_scm_call(x0, c.nargs, status, result);
    env->xregs[0] = status;
    env->xregs[1] = result;
    env->xregs[2] = 0;
    env->xregs[3] = 0;
    return true;
}

static void qcom_scm_realize(DeviceState *dev, Error **errp)
{
    QcomScmState *s = QCOM_SCM(dev);

    if (!s->memory) {
        error_setg(errp, "qcom-scm: property 'memory' is not set");
        return;
    }
    address_space_init(&s->as, s->memory, "qcom-scm");
}

static const Property qcom_scm_properties[] = {
    DEFINE_PROP_LINK("xpu", QcomScmState, xpu, TYPE_QCOM_XPU, QcomXpuState *),
    DEFINE_PROP_LINK("memory", QcomScmState, memory, TYPE_MEMORY_REGION,
                     MemoryRegion *),
};

static void qcom_scm_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = qcom_scm_realize;
    dc->desc = "Qualcomm SCM: secure firmware and hypervisor SiP calls";
    /* firmware state lives in the XPU it programs */
    dc->user_creatable = false;
    device_class_set_props(dc, qcom_scm_properties);
}

static const TypeInfo qcom_scm_types[] = {
    {
        .name = TYPE_QCOM_SCM,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(QcomScmState),
        .class_init = qcom_scm_class_init,
    },
};

DEFINE_TYPES(qcom_scm_types)
