/*
 * Qualcomm secure channel manager (SCM): the secure firmware's SiP calls
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Calling convention (Linux drivers/firmware/qcom_scm-smc.c, "ARM_64"):
 * x0 = fast << 31 | smc64 << 30 | owner (2 = SiP) << 24 | svc << 8 | cmd,
 * x1 = arginfo (nargs in bits [3:0], at most 10), x2..x5 = arguments;
 * with more than four arguments x5 holds the physical address of a
 * buffer with arguments 3..9 as little-endian u64. Results: x0 = status
 * (0 = success, else a QCOM_SCM_E* value of drivers/firmware/qcom_scm.h),
 * x1..x3 = values.
 *
 * Every call is checked completely before it acts: a call with a wrong
 * argument count, a list that is not in memory the caller may read, a
 * list of the wrong size or a range that is unaligned, outside DRAM or
 * not owned by the source VMIDs answers an error and changes nothing.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/misc/qcom-scm.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/remoteproc/qcom-dsp.h"
#include "hw/arm/arm-mapping-scan.h"
#include "hw/qdev-properties.h"
#include "migration/vmstate.h"
#include "system/reset.h"
#include "target/arm/cpu.h"
#include "trace.h"

#define SCM_OWNER_SIP           2
#define SCM_FNID(svc, cmd)      (((svc) << 8) | (cmd))
#define SCM_BOOT_SET_DLOAD_MODE SCM_FNID(0x01, 0x10)
#define SCM_INFO_IS_CALL_AVAIL  SCM_FNID(0x06, 0x01)
#define SCM_MP_ASSIGN           SCM_FNID(0x0c, 0x16)
#define SCM_IO_READ             SCM_FNID(0x05, 0x01)
#define SCM_IO_WRITE            SCM_FNID(0x05, 0x02)
#define SCM_DLOAD_MODE          0x10    /* set_dload_mode's arguments */
#define SCM_DLOAD_MASK          (3u << 4)   /* of the TCSR register */

/*
 * Status values in x0 (drivers/firmware/qcom_scm.h; qcom_scm_remap_error()
 * turns -1 into -EIO and -2, -3 into -EINVAL). An unknown function ID
 * answers SMCCC's NOT_SUPPORTED, also -1, as QEMU does for other owners.
 */
#define SCM_OK                  QCOM_SCM_OK
#define SMCCC_NOT_SUPPORTED     (-1)
#define SCM_EINVAL_ARG          QCOM_SCM_EINVAL_ARG
#define SCM_EINVAL_ADDR         QCOM_SCM_EINVAL_ADDR
#define SCM_ENOMEM              QCOM_SCM_ENOMEM

#define SCM_MAX_ARGS            10
#define SCM_REG_ARGS            4
#define SCM_EXT_ARGS            7   /* args[3..9] in the buffer at x5 */

/* GCTRL of an XPU group (docs/devel/qcom-xpu.rst, register map) */
#define SCM_XPU_GCTRL_EN        BIT(0)
#define SCM_XPU_GCTRL_LOCK      BIT(1)

QEMU_BUILD_BUG_ON(QCOM_SCM_RANGE_ALIGN != QCOM_XPU_GRANULE);

/* The calls answered, with their argument counts */
static const struct {
    uint32_t fnid;
    unsigned nargs;
} scm_calls[] = {
    { SCM_BOOT_SET_DLOAD_MODE, 2 },
    { SCM_INFO_IS_CALL_AVAIL, 1 },
    { SCM_MP_ASSIGN, 7 },
    { SCM_IO_READ, 1 },
    { SCM_IO_WRITE, 2 },
};

/* The argument count of a call answered here, or -1 */
static int scm_call_nargs(QcomScmState *s, uint32_t fnid)
{
    unsigned nargs;

    for (unsigned i = 0; i < ARRAY_SIZE(scm_calls); i++) {
        if (scm_calls[i].fnid == fnid) {
            return scm_calls[i].nargs;
        }
    }
    return qcom_scm_pas_handles(s, fnid, &nargs) ? nargs : -1;
}

/*
 * The guest's return addresses at the SMC, innermost first: the link
 * register, then the frame records x29 points to (arm64 Linux keeps
 * frame pointers), read from DRAM as the CPU sees it, at most 8;
 * "0x... 0x...", or NULL if there are none.
 * For reports: which kernel routine made the call.
 */
static char *scm_caller_chain(QcomScmState *s, ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    uint64_t fp = env->xregs[29], lr = env->xregs[30];
    GString *out = g_string_new(NULL);
    ArmScanRam ram = { 0 };

    if (s->ram) {
        ram.host = memory_region_get_ram_ptr(s->ram);
        ram.base = s->ram_base;
        ram.size = memory_region_size(s->ram);
    }
    for (unsigned i = 0; i < 8 && lr; i++) {
        hwaddr pa;

        g_string_append_printf(out, "%s0x%" PRIx64, i ? " " : "", lr);
        if (!ram.host || !fp || fp & 0xf ||
            !arm_scan_translate(cpu, &ram, fp, &pa) ||
            pa < ram.base || pa - ram.base > ram.size - 16) {
            break;
        }
        fp = ldq_le_p(ram.host + (pa - ram.base));
        lr = ldq_le_p(ram.host + (pa - ram.base) + 8);
    }
    if (!out->len) {
        g_string_free(out, true);
        return NULL;
    }
    return g_string_free(out, false);
}

/* A guest mistake: logged, traced, answered with status. */
int64_t qcom_scm_refuse(const QcomScmCall *c, int64_t status,
                        const char *fmt, ...)
{
    g_autofree char *why = NULL;
    va_list ap;

    va_start(ap, fmt);
    why = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qemu_log_mask(LOG_GUEST_ERROR, "qcom-scm: call 0x%04x refused: %s\n",
                  c->fnid, why);
    trace_qcom_scm_refused(c->x0, status, why);
    return status;
}

/* Is [addr, addr + len) wholly memory, as the "memory" link defines it? */
bool qcom_scm_in_memory(QcomScmState *s, uint64_t addr, uint64_t len)
{
    MemoryRegionSection sec;
    bool ok;

    if (!len || addr + len < addr) {
        return false;
    }
    sec = memory_region_find(s->memory, addr, len);
    ok = sec.mr && int128_eq(sec.size, int128_make64(len));
    if (sec.mr) {
        memory_region_unref(sec.mr);
    }
    /* with "ram": DRAM only, as reading device registers has effects */
    if (ok && s->ram) {
        ok = addr >= s->ram_base &&
             addr + len - s->ram_base <= memory_region_size(s->ram);
    }
    return ok;
}

/*
 * An argument buffer: aligned, in memory, and readable by the caller
 * (HLOS) in the XPU, so that the firmware never reads memory on behalf
 * of a VM that could not read it itself.
 */
static int64_t scm_check_buffer(QcomScmState *s, const QcomScmCall *c,
                                uint64_t addr, uint64_t len, unsigned align,
                                const char *what)
{
    if (addr & (align - 1)) {
        return qcom_scm_refuse(c, SCM_EINVAL_ADDR, "%s at 0x%" PRIx64 " is not "
                               "%u-byte aligned", what, addr, align);
    }
    if (!qcom_scm_in_memory(s, addr, len)) {
        return qcom_scm_refuse(c, SCM_EINVAL_ADDR, "%s at 0x%" PRIx64 "+0x%"
                               PRIx64 " is not in memory", what, addr, len);
    }
    if (s->xpu) {
        for (uint64_t p = addr & ~(uint64_t)(QCOM_XPU_GRANULE - 1);
             p < addr + len; p += QCOM_XPU_GRANULE) {
            if (!qcom_xpu_allows(s->xpu, p, QCOM_MASTER_APPS, false)) {
                return qcom_scm_refuse(c, SCM_EINVAL_ADDR, "%s at 0x%" PRIx64
                                       " is in memory HLOS may not read", what,
                                       addr);
            }
        }
    }
    return SCM_OK;
}

/*
 * Read a checked buffer as the DMA API promises the scm device: from
 * memory, as a non-coherent device, or what the CPUs see (their data
 * cache, held in the RAM block by the cache model) when dma-coherent.
 * The reader is TrustZone (secure), which the XPU lets through: the
 * caller's right to the buffer is scm_check_buffer()'s to check, and
 * PAS reads what it has taken from HLOS.
 */
bool qcom_scm_read(QcomScmState *s, uint64_t addr, void *buf, uint64_t len)
{
    MemTxAttrs attrs = qcom_master_attrs(QCOM_MASTER_TZ,
                                         QCOM_XPU_KIND_NORMAL);

    attrs.secure = 1;
    if (s->dma_coherent) {
        return address_space_read(&s->ram_as, addr - s->ram_base, attrs, buf,
                                  len) == MEMTX_OK;
    }
    return address_space_read(&s->as, addr, attrs, buf, len) == MEMTX_OK;
}

/* Check and read one of assign_mem's lists into buf (max entries). */
static int64_t scm_read_list(QcomScmState *s, const QcomScmCall *c,
                             uint64_t addr, uint64_t size, unsigned entry,
                             unsigned max, unsigned align, const char *what,
                             void *buf)
{
    g_autofree char *why = NULL;
    int64_t ret;

    ret = qcom_scm_list_check(size, entry, max, what, &why);
    if (ret) {
        return qcom_scm_refuse(c, ret, "%s", why);
    }
    ret = scm_check_buffer(s, c, addr, size, align, what);
    if (ret) {
        return ret;
    }
    if (!qcom_scm_read(s, addr, buf, size)) {
        return qcom_scm_refuse(c, SCM_EINVAL_ADDR, "assign_mem: %s at 0x%"
                               PRIx64 " could not be read", what, addr);
    }
    return SCM_OK;
}

/*
 * The VMIDs that own the page at addr as the XPU enforces it (those with
 * read or write access: the intersection over the enabled groups that
 * contain it, none without a group), and in *next the end of the stretch
 * of pages with the same groups.
 */
uint32_t qcom_scm_owners(QcomXpuState *x, uint64_t addr, uint64_t *next)
{
    uint32_t rd = UINT32_MAX, wr = UINT32_MAX;
    bool covered = false;

    *next = UINT64_MAX;
    for (unsigned i = 0; i < x->num_groups; i++) {
        const QcomXpuGroup *g = &x->groups[i];
        uint64_t last = g->end | (QCOM_XPU_GRANULE - 1);

        if (!(g->gctrl & SCM_XPU_GCTRL_EN)) {
            continue;
        }
        if (addr >= g->start && addr <= last) {
            covered = true;
            rd &= g->rperm;
            wr &= g->wperm;
            *next = MIN(*next, last == UINT64_MAX ? last : last + 1);
        } else if (g->start > addr) {
            *next = MIN(*next, g->start);
        }
    }
    return covered ? rd | wr : 0;
}

/*
 * What the XPU needs before any range is programmed: no locked group
 * over a range, and (with several ranges, so that a later one cannot
 * fail after an earlier one changed the XPU) enough free groups. Each
 * assign takes one group and one more per group that contains its range
 * and must be split; ranges do not overlap, so a split piece contains
 * at most one later range that its original group contained.
 */
static int64_t scm_check_xpu(QcomScmState *s, const QcomScmCall *c,
                             const QcomScmRange *ranges, unsigned n)
{
    QcomXpuState *x = s->xpu;
    unsigned need = 0, free_groups = 0;

    for (unsigned i = 0; i < x->num_groups; i++) {
        const QcomXpuGroup *g = &x->groups[i];

        if (!g->gctrl) {
            free_groups++;
            continue;
        }
        if (!(g->gctrl & SCM_XPU_GCTRL_EN)) {
            continue;
        }
        for (unsigned r = 0; r < n; r++) {
            uint64_t a = ranges[r].addr, b = a + ranges[r].size - 1;

            if (g->end < a || g->start > b) {
                continue;
            }
            if (g->gctrl & SCM_XPU_GCTRL_LOCK) {
                return qcom_scm_refuse(c, SCM_EINVAL_ADDR, "assign_mem: locked "
                                       "XPU group %u overlaps 0x%" PRIx64 "+0x%"
                                       PRIx64, i, a, ranges[r].size);
            }
            need += g->start < a && (g->end | (QCOM_XPU_GRANULE - 1)) > b;
        }
    }
    need += n;
    if (n > 1 && need > free_groups) {
        return qcom_scm_refuse(c, SCM_ENOMEM, "assign_mem: %u ranges may "
                               "need %u free XPU groups, %u are free", n,
                               need, free_groups);
    }
    return SCM_OK;
}

/* A range assign_mem may give away: in memory, and in the XPU's range */
static bool scm_range_in_dram(void *opaque, uint64_t addr, uint64_t size)
{
    QcomScmState *s = opaque;

    return qcom_scm_in_memory(s, addr, size) &&
           !(s->xpu && (addr < s->xpu->base || size > s->xpu->size ||
                        addr - s->xpu->base > s->xpu->size - size));
}

/*
 * assign_mem(mem_list, mem_size, src_list, src_size, dest_list, dest_size,
 * 0): give every range of mem_list, now owned by exactly the VMIDs of
 * src_list, to the VMIDs of dest_list. All arguments are checked before
 * anything changes.
 */
static int64_t scm_assign_mem(QcomScmState *s, const QcomScmCall *c)
{
    uint64_t mem = c->args[0], mem_size = c->args[1];
    uint64_t src = c->args[2], src_size = c->args[3];
    uint64_t dest = c->args[4], dest_size = c->args[5];
    uint8_t mem_list[QCOM_SCM_MAX_RANGES * QCOM_SCM_MEM_ENTRY_SIZE];
    uint8_t src_list[QCOM_SCM_NUM_VMIDS * QCOM_SCM_SRC_ENTRY_SIZE];
    uint8_t dest_list[QCOM_SCM_NUM_VMIDS * QCOM_SCM_DEST_ENTRY_SIZE];
    g_autofree char *why = NULL;
    QcomScmAssign a;
    Error *err = NULL;
    int64_t ret;

    ret = scm_read_list(s, c, mem, mem_size, QCOM_SCM_MEM_ENTRY_SIZE,
                        QCOM_SCM_MAX_RANGES, 8, "memory list", mem_list);
    ret = ret ?: scm_read_list(s, c, src, src_size, QCOM_SCM_SRC_ENTRY_SIZE,
                               QCOM_SCM_NUM_VMIDS, 4, "source list",
                               src_list);
    ret = ret ?: scm_read_list(s, c, dest, dest_size,
                               QCOM_SCM_DEST_ENTRY_SIZE, QCOM_SCM_NUM_VMIDS,
                               8, "destination list", dest_list);
    if (ret) {
        return ret;
    }
    ret = qcom_scm_decode_assign(mem_list, mem_size, src_list, src_size,
                                 dest_list, dest_size, scm_range_in_dram, s,
                                 &a, &why);
    if (ret) {
        return qcom_scm_refuse(c, ret, "%s", why);
    }
    if (!s->xpu) {
        /* Without an XPU there is nothing to check ownership against */
        for (unsigned i = 0; i < a.nranges; i++) {
            trace_qcom_scm_assign(a.ranges[i].addr, a.ranges[i].size, a.rd,
                                  a.wr);
        }
        return SCM_OK;
    }
    for (unsigned i = 0; i < a.nranges; i++) {
        uint64_t end = a.ranges[i].addr + a.ranges[i].size, next;

        for (uint64_t p = a.ranges[i].addr; p < end; p = next) {
            uint32_t owners = qcom_scm_owners(s->xpu, p, &next);

            if (owners != a.src_vmids) {
                return qcom_scm_refuse(c, SCM_EINVAL_ARG, "assign_mem: 0x%"
                                       PRIx64 " is owned by VMIDs 0x%x, the "
                                       "source list says 0x%x", p, owners,
                                       a.src_vmids);
            }
        }
    }
    ret = scm_check_xpu(s, c, a.ranges, a.nranges);
    if (ret) {
        return ret;
    }

    for (unsigned i = 0; i < a.nranges; i++) {
        const QcomScmRange *r = &a.ranges[i];
        g_autofree char *cause = g_strdup_printf(
            "%sassign_mem gives 0x%" PRIx64 "-0x%" PRIx64 " to VMIDs 0x%x",
            a.wr & BIT(QCOM_VMID_MSS_MSA) ? "MSS/MBA mss: " : "",
            r->addr, r->addr + r->size - 1, a.wr | a.rd);
        bool ok;

        trace_qcom_scm_assign(r->addr, r->size, a.rd, a.wr);
        /*
         * With one range this is where the XPU may still run out of
         * groups (and changes nothing); with several, scm_check_xpu()
         * made sure it cannot.
         */
        qcom_xpu_set_cause(s->xpu, cause, c->caller);
        ok = qcom_xpu_assign(s->xpu, r->addr, r->size, a.rd, a.wr, &err);
        qcom_xpu_set_cause(s->xpu, NULL, NULL);
        if (!ok) {
            ret = qcom_scm_refuse(c, SCM_ENOMEM, "assign_mem: %s",
                                  error_get_pretty(err));
            error_free(err);
            return ret;
        }
    }
    return SCM_OK;
}

/* Read arguments 3..9 from the buffer at x5 (more than four arguments). */
static int64_t scm_read_ext_args(QcomScmState *s, QcomScmCall *c, uint64_t x5)
{
    uint64_t ext[SCM_EXT_ARGS];
    int64_t ret;

    ret = scm_check_buffer(s, c, x5, sizeof(ext), 8, "argument buffer");
    if (ret) {
        return ret;
    }
    if (!qcom_scm_read(s, x5, ext, sizeof(ext))) {
        return qcom_scm_refuse(c, SCM_EINVAL_ADDR, "argument buffer at 0x%"
                               PRIx64 " could not be read", x5);
    }
    for (unsigned i = 0; i < SCM_EXT_ARGS; i++) {
        c->args[SCM_REG_ARGS - 1 + i] = le64_to_cpu(ext[i]);
    }
    return SCM_OK;
}

/*
 * An SMC of x0 = QCOM_SCM_INTERRUPTED with the session of the call that
 * answered it resumes that call; any other SMC abandons it.
 */
static uint32_t scm_resumed_fn(QcomScmState *s, CPUARMState *env)
{
    uint64_t fn = s->resume_x0;

    s->resume_x0 = 0;
    return is_a64(env) && env->xregs[0] == QCOM_SCM_INTERRUPTED && fn &&
           env->xregs[6] == s->resume_session ? fn : 0;
}

bool qcom_scm_smccc(ARMCPU *cpu, void *opaque)
{
    QcomScmState *s = QCOM_SCM(opaque);
    CPUARMState *env = &cpu->env;
    uint32_t resumed = scm_resumed_fn(s, env);
    uint32_t fn = resumed ? resumed : env->xregs[0];
    QcomScmCall c = {
        .x0 = fn,
        .fnid = fn & 0xffff,
        .nargs = env->xregs[1] & 0xf,
        .resumed = resumed != 0,
    };
    int64_t status;
    uint64_t result = 0;
    int nargs;

    /* SMC32 is what Linux tries when SMC64 fails: leave it unanswered. */
    if (!is_a64(env) || ((fn >> 24) & 0x3f) != SCM_OWNER_SIP ||
        !(fn & BIT(30))) {
        trace_qcom_scm_declined(is_a64(env) ? env->xregs[0] : env->regs[0]);
        return false;   /* QEMU answers NOT_SUPPORTED */
    }
    for (unsigned i = 0; i < SCM_REG_ARGS; i++) {
        c.args[i] = env->xregs[2 + i];
    }

    nargs = scm_call_nargs(s, c.fnid);
    if (nargs < 0) {
        qemu_log_mask(LOG_UNIMP, "qcom-scm: SiP call 0x%04x not "
                      "implemented\n", c.fnid);
        status = SMCCC_NOT_SUPPORTED;
        goto out;
    }
    if (c.nargs != nargs) {
        status = qcom_scm_refuse(&c, SCM_EINVAL_ARG,
                                 "%u arguments instead of %d", c.nargs,
                                 nargs);
        goto out;
    }
    if (c.nargs > SCM_REG_ARGS) {
        status = scm_read_ext_args(s, &c, env->xregs[5]);
        if (status) {
            goto out;
        }
    }

    switch (c.fnid) {
    case SCM_INFO_IS_CALL_AVAIL:
        /* args[0]: a SiP function ID with the call type bits clear */
        status = SCM_OK;
        result = ((c.args[0] >> 24) & 0x3f) == SCM_OWNER_SIP &&
                 scm_call_nargs(s, c.args[0] & 0xffff) >= 0;
        break;
    case SCM_BOOT_SET_DLOAD_MODE:
        /*
         * Whether a crash enters the download (RAM dump) mode; there is
         * nothing to dump to here, so the mode is only recorded.
         */
        if (c.args[0] != SCM_DLOAD_MODE ||
            (c.args[1] != 0 && c.args[1] != SCM_DLOAD_MODE)) {
            status = qcom_scm_refuse(&c, SCM_EINVAL_ARG, "set_dload_mode(0x%"
                                     PRIx64 ", 0x%" PRIx64 ")", c.args[0],
                                     c.args[1]);
            break;
        }
        s->download_mode = c.args[1] != 0;
        status = SCM_OK;
        break;
    case SCM_IO_READ:
    case SCM_IO_WRITE:
        /*
         * Secure register access for HLOS: the only register it may
         * reach is the TCSR's download-mode register the DT names
         * (qcom,dload-mode), whose mode bits are the download mode.
         */
        if (!s->dload_mode_addr || c.args[0] != s->dload_mode_addr) {
            status = qcom_scm_refuse(&c, SCM_EINVAL_ADDR, "io_%s of 0x%"
                                     PRIx64 ": not a register HLOS may "
                                     "reach", c.fnid == SCM_IO_READ ?
                                     "readl" : "writel", c.args[0]);
            break;
        }
        if (c.fnid == SCM_IO_WRITE) {
            s->dload_reg = c.args[1];
            s->download_mode = (s->dload_reg & SCM_DLOAD_MASK) != 0;
        }
        result = c.fnid == SCM_IO_READ ? s->dload_reg : 0;
        status = SCM_OK;
        break;
    case SCM_MP_ASSIGN:
        c.caller = scm_caller_chain(s, cpu);
        status = scm_assign_mem(s, &c);
        break;
    default:
        c.caller = scm_caller_chain(s, cpu);
        status = qcom_scm_pas_call(s, &c, &result);
        break;
    }
out:
    g_free(c.caller);
    trace_qcom_scm_call(c.x0, c.nargs, status, result);
    env->xregs[0] = status;
    env->xregs[1] = result;
    env->xregs[2] = 0;
    env->xregs[3] = 0;
    if (status == QCOM_SCM_INTERRUPTED) {
        s->resume_x0 = fn;
        s->resume_session = ++s->sessions;
        env->xregs[6] = s->resume_session;
    }
    return true;
}

static void qcom_scm_realize(DeviceState *dev, Error **errp)
{
    QcomScmState *s = QCOM_SCM(dev);

    if (!s->memory) {
        error_setg(errp, "qcom-scm: property 'memory' is not set");
        return;
    }
    if (s->dma_coherent && !s->ram) {
        error_setg(errp, "qcom-scm: dma-coherent needs the property 'ram'");
        return;
    }
    if (s->dload_mode_addr & 3) {
        error_setg(errp, "qcom-scm: dload-mode-addr 0x%" PRIx64 " is not "
                   "a 32-bit register's address", s->dload_mode_addr);
        return;
    }
    for (unsigned i = 0; i < QCOM_SCM_MAX_PAS; i++) {
        for (unsigned j = 0; j < i && s->dsp[i]; j++) {
            if (s->dsp[j] && s->dsp[j]->pas_id == s->dsp[i]->pas_id) {
                error_setg(errp, "qcom-scm: dsp%u and dsp%u have the same "
                           "PAS id %u", j, i, s->dsp[i]->pas_id);
                return;
            }
        }
    }
    address_space_init(&s->as, s->memory, "qcom-scm");
    if (s->dma_coherent) {
        address_space_init(&s->ram_as, s->ram, "qcom-scm-cpu-view");
    }
    /* not on a bus: reset with the machine */
    qemu_register_resettable(OBJECT(dev));
}

static void qcom_scm_reset_hold(Object *obj, ResetType type)
{
    QcomScmState *s = QCOM_SCM(obj);

    s->download_mode = false;
    s->dload_reg = 0;
    s->resume_x0 = 0;
    qcom_scm_pas_reset(s);
}

static int qcom_scm_post_load(void *opaque, int version_id)
{
    return qcom_scm_pas_post_load(opaque);
}

static bool qcom_scm_resume_needed(void *opaque)
{
    QcomScmState *s = opaque;

    return s->resume_x0 != 0;
}

/* A call interrupted, which the guest is to resume */
static const VMStateDescription qcom_scm_resume_vmstate = {
    .name = "qcom-scm/resume",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = qcom_scm_resume_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64(resume_x0, QcomScmState),
        VMSTATE_UINT64(resume_session, QcomScmState),
        VMSTATE_UINT64(sessions, QcomScmState),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription qcom_scm_vmstate = {
    .name = "qcom-scm",
    .version_id = 2,
    .minimum_version_id = 1,
    .post_load = qcom_scm_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(download_mode, QcomScmState),
        VMSTATE_STRUCT_ARRAY(pas, QcomScmState, QCOM_SCM_MAX_PAS, 2,
                             vmstate_qcom_scm_pas, QcomScmPas),
        VMSTATE_UINT32_V(dload_reg, QcomScmState, 2),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &qcom_scm_resume_vmstate,
        NULL
    }
};

static const Property qcom_scm_properties[] = {
    DEFINE_PROP_LINK("xpu", QcomScmState, xpu, TYPE_QCOM_XPU, QcomXpuState *),
    DEFINE_PROP_LINK("memory", QcomScmState, memory, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_LINK("ram", QcomScmState, ram, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_UINT64("ram-base", QcomScmState, ram_base, 0),
    DEFINE_PROP_BOOL("dma-coherent", QcomScmState, dma_coherent, false),
    DEFINE_PROP_UINT64("dload-mode-addr", QcomScmState, dload_mode_addr, 0),
    DEFINE_PROP_LINK("dsp0", QcomScmState, dsp[0], TYPE_QCOM_DSP,
                     QcomDspState *),
    DEFINE_PROP_LINK("dsp1", QcomScmState, dsp[1], TYPE_QCOM_DSP,
                     QcomDspState *),
    DEFINE_PROP_LINK("dsp2", QcomScmState, dsp[2], TYPE_QCOM_DSP,
                     QcomDspState *),
    DEFINE_PROP_LINK("dsp3", QcomScmState, dsp[3], TYPE_QCOM_DSP,
                     QcomDspState *),
};

static void qcom_scm_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->realize = qcom_scm_realize;
    dc->desc = "Qualcomm SCM: secure firmware and hypervisor SiP calls";
    dc->vmsd = &qcom_scm_vmstate;
    rc->phases.hold = qcom_scm_reset_hold;
    /* created by the board, which hooks it to its CPUs */
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
