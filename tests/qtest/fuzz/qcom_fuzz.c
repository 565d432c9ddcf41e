/*
 * Fuzz targets for the paths of the qcom-mss-sim SoCs that no MMIO
 * register reaches (docs/devel/fuzzing.rst)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * generic-fuzz drives a device through its registers; under qtest no CPU
 * runs, so the secure firmware's SiP calls (an SMC) and the CPUs' cache
 * (cacheable accesses, DC maintenance) are out of its reach. These
 * targets call what the CPU would: qcom_scm_smccc() with the CPU's
 * registers set as for an SMC, the CPU view of DRAM with the CPUs'
 * transaction attributes, cpu_dcache_maintain() as target/arm's hook
 * does, and DRAM as another master sees it, with the XPU in between.
 *
 * An input is a sequence of operations: an opcode byte, then its
 * operands, little-endian; an operation the input has not the bytes
 * for ends it. After each input the machine is reset, as generic-fuzz
 * does.
 *
 *   qcom-scm       db845c: SMCs (assign_mem, the download mode, the
 *                  secure register access, availability), the lists in
 *                  memory, the XPU's registers, the CPUs' accesses
 *   qcom-scm-pas   rb5: the same with TrustZone's PAS calls and the
 *                  DSPs they start, on the virtual clock
 *   qcom-dcache    db845c: the cache model: the CPUs' cacheable and
 *                  non-cacheable accesses, DC maintenance, other
 *                  masters' DMA, the hypervisor's XPU assignments
 *   qcom-smem      db845c: SMEM as the guest may leave it, read and
 *                  written by the modem's SMEM and SMP2P code
 *                  (qcom-smem.c, qcom-q6v5-remote.c), the TCSR mutex
 *                  that guards allocations, the APSS IPC doorbell
 */

#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "exec/address-spaces.h"
#include "exec/memory.h"
#include "hw/core/cpu.h"
#include "hw/misc/cpu-dcache.h"
#include "hw/misc/qcom-scm.h"
#include "hw/misc/qcom-smem.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/remoteproc/qcom-dsp.h"
#include "hw/remoteproc/qcom-q6v5-mss.h"
#include "qapi/error.h"
#include "target/arm/cpu.h"
#include "tests/qtest/libqtest.h"
#include "fuzz.h"

#define QF_DRAM         0x80000000ULL
#define QF_RAM_SIZE     0x40000000ULL   /* -m 1G */
#define QF_MAX_CLOCK    (100 * 1000 * 1000)
#define QF_MAX_REMOTES  4

enum {
    QF_OP_SMC,
    QF_OP_MEMWRITE,
    QF_OP_CPU,
    QF_OP_DC,
    QF_OP_MASTER,
    QF_OP_MMIO,
    QF_OP_XPU_ASSIGN,
    QF_OP_CLOCK,
    QF_OP_SMEM,
    QF_NUM_OPS
};

typedef struct QfBlock {
    uint64_t base, size;
} QfBlock;

/* MMIO of ours that the operations reach: the XPU's first */
static const QfBlock qf_db845c_mmio[] = {
    { 0x01fb0000, QCOM_XPU_REGS_SIZE },
    { 0x01f40000, 0x20000 },            /* TCSR mutex */
    { 0x17990000, 0x1000 },             /* APSS IPC */
    { 0x04080000, QCOM_MSS_QDSP6_SIZE },
    { 0x04180000, QCOM_MSS_RMB_SIZE },
    { 0x01f60000, QCOM_MSS_TCSR_SIZE }, /* the modem's halt registers */
    { 0 }
};

static const QfBlock qf_rb5_mmio[] = {
    { 0x01fb0000, QCOM_XPU_REGS_SIZE },
    { 0x01f40000, 0x40000 },            /* TCSR mutex */
    { 0x00408000, 0x1000 },             /* IPCC */
    { 0 }
};

typedef struct QcomFuzzConfig {
    const char *name, *description, *args;
    uint32_t ops;               /* the QF_OP_* it takes */
    const QfBlock *mmio;
    QfBlock mem;                /* where QF_OP_MEMWRITE writes */
} QcomFuzzConfig;

#define QF_ARGS(m)  "-M " m " -smp 1 -m 1G -nodefaults -serial null " \
                    "-global qcom-xpu.action=log"

static const QcomFuzzConfig qcom_fuzz_configs[] = {
    {
        .name = "qcom-scm",
        .description = "the SCM's SiP calls on db845c",
        .args = QF_ARGS("db845c"),
        .ops = BIT(QF_OP_SMC) | BIT(QF_OP_MEMWRITE) | BIT(QF_OP_CPU) |
               BIT(QF_OP_MMIO) | BIT(QF_OP_CLOCK),
        .mmio = qf_db845c_mmio,
        .mem = { QF_DRAM, QF_RAM_SIZE },
    }, {
        .name = "qcom-scm-pas",
        .description = "the SCM's SiP calls, PAS included, on rb5",
        .args = QF_ARGS("rb5"),
        .ops = BIT(QF_OP_SMC) | BIT(QF_OP_MEMWRITE) | BIT(QF_OP_MASTER) |
               BIT(QF_OP_MMIO) | BIT(QF_OP_CLOCK) | BIT(QF_OP_SMEM),
        .mmio = qf_rb5_mmio,
        .mem = { QF_DRAM, QF_RAM_SIZE },
    }, {
        .name = "qcom-dcache",
        .description = "the CPU data-cache model on db845c",
        .args = QF_ARGS("db845c"),
        .ops = BIT(QF_OP_MEMWRITE) | BIT(QF_OP_CPU) | BIT(QF_OP_DC) |
               BIT(QF_OP_MASTER) | BIT(QF_OP_XPU_ASSIGN) |
               BIT(QF_OP_MMIO) | BIT(QF_OP_CLOCK),
        .mmio = qf_db845c_mmio,
        .mem = { QF_DRAM, QF_RAM_SIZE },
    }, {
        .name = "qcom-smem",
        .description = "SMEM and SMP2P as the modem reads them, on db845c",
        .args = QF_ARGS("db845c"),
        .ops = BIT(QF_OP_MEMWRITE) | BIT(QF_OP_SMEM) | BIT(QF_OP_MMIO) |
               BIT(QF_OP_MASTER) | BIT(QF_OP_CLOCK),
        .mmio = qf_db845c_mmio,
        .mem = { 0x86000000, 0x200000 },
    },
};

/* The SiP function IDs an SMC's selector picks, as Linux makes them */
static const uint32_t qcom_fuzz_fns[] = {
    0x42000110,         /* BOOT_SET_DLOAD_MODE */
    0x42000601,         /* INFO_IS_CALL_AVAIL */
    0x42000c16,         /* MP_ASSIGN */
    0x42000501,         /* IO_READ */
    0x42000502,         /* IO_WRITE */
    0x42000201,         /* PAS_INIT_IMAGE */
    0x42000202,         /* PAS_MEM_SETUP */
    0x42000205,         /* PAS_AUTH_AND_RESET */
    0x42000206,         /* PAS_SHUTDOWN */
    0x42000207,         /* PAS_IS_SUPPORTED */
    QCOM_SCM_INTERRUPTED,
};

static struct {
    const QcomFuzzConfig *cfg;
    uint8_t ops[QF_NUM_OPS];
    unsigned nops;
    QcomScmState *scm;
    QcomXpuState *xpu;
    CpuDcacheState *dcache;
    QcomQ6v5Remote *remote[QF_MAX_REMOTES];
    unsigned nremotes, nmmio;
    AddressSpace soc_as;        /* what masters other than the CPUs see */
} qf;

/* The bytes of the input still to be consumed */
typedef struct QfInput {
    const uint8_t *p;
    size_t left;
} QfInput;

static bool qf_take(QfInput *in, void *buf, size_t n)
{
    if (in->left < n) {
        in->left = 0;
        return false;
    }
    memcpy(buf, in->p, n);
    in->p += n;
    in->left -= n;
    return true;
}

static uint64_t qf_dram(uint64_t off)
{
    return QF_DRAM + off % QF_RAM_SIZE;
}

/* collects the remote processors' SMP2P and SMEM state */
static int qf_find_remote(Object *obj, void *opaque)
{
    QcomQ6v5Remote *r = NULL;

    if (object_dynamic_cast(obj, TYPE_QCOM_Q6V5_MSS)) {
        r = &QCOM_Q6V5_MSS(obj)->remote;
    } else if (object_dynamic_cast(obj, TYPE_QCOM_DSP)) {
        r = &QCOM_DSP(obj)->remote;
    }
    if (r && qf.nremotes < QF_MAX_REMOTES) {
        qf.remote[qf.nremotes++] = r;
    }
    return 0;
}

/*
 * fn selector, x1, a mask of the arguments that are DRAM offsets, and
 * x2..x6: an SMC as the CPU makes it, answered by the SCM or not at all.
 */
static bool qf_op_smc(QTestState *s, QfInput *in)
{
    ARMCPU *cpu = ARM_CPU(first_cpu);
    CPUARMState *env = &cpu->env;
    uint8_t sel, mask;
    uint32_t x0, x1;
    uint64_t x[5];

    if (!qf_take(in, &sel, 1) || !qf_take(in, &mask, 1) ||
        !qf_take(in, &x0, 4) || !qf_take(in, &x1, 4) ||
        !qf_take(in, x, sizeof(x))) {
        return false;
    }
    memset(env->xregs, 0, sizeof(env->xregs));
    env->aarch64 = true;
    env->xregs[0] = sel < ARRAY_SIZE(qcom_fuzz_fns) ? qcom_fuzz_fns[sel] :
                    le32_to_cpu(x0);
    env->xregs[1] = le32_to_cpu(x1);
    for (int i = 0; i < 5; i++) {
        uint64_t v = le64_to_cpu(x[i]);

        env->xregs[2 + i] = mask & BIT(i) ? qf_dram(v) : v;
    }
    qcom_scm_smccc(cpu, qf.scm);
    return true;
}

/* offset, length, bytes: memory (and the CPUs' view) takes them */
static bool qf_op_memwrite(QTestState *s, QfInput *in)
{
    uint32_t off;
    uint16_t len;
    uint64_t addr;

    if (!qf_take(in, &off, 4) || !qf_take(in, &len, 2)) {
        return false;
    }
    addr = qf.cfg->mem.base + le32_to_cpu(off) % qf.cfg->mem.size;
    len = MIN(MIN(le16_to_cpu(len), in->left),
              qf.cfg->mem.base + qf.cfg->mem.size - addr);
    qtest_memwrite(s, addr, in->p, len);
    in->p += len;
    in->left -= len;
    return true;
}

/*
 * flags (bit 0 write, bits 2:1 log2 size, bit 3 cacheable), offset,
 * value: a CPU's load or store through the cache model's CPU view
 */
static bool qf_op_cpu(QTestState *s, QfInput *in)
{
    MemTxAttrs attrs = qcom_master_attrs(QCOM_MASTER_APPS,
                                         QCOM_XPU_KIND_NORMAL);
    uint8_t flags, buf[8];
    uint32_t off;
    unsigned size;

    if (!qf_take(in, &flags, 1) || !qf_take(in, &off, 4) ||
        !qf_take(in, buf, 8)) {
        return false;
    }
    size = 1 << extract32(flags, 1, 2);
    attrs.cacheable = extract32(flags, 3, 1);
    address_space_rw(&address_space_memory,
                     QEMU_ALIGN_DOWN(qf_dram(le32_to_cpu(off)), size), attrs,
                     buf, size, flags & 1);
    return true;
}

/* op, offset, log2 size, set: DC maintenance as target/arm reports it */
static bool qf_op_dc(QTestState *s, QfInput *in)
{
    static const char *const insns[] = {
        "DC CVAC", "DC CVAU", "DC IVAC", "DC CIVAC", "DC ZVA", "DC CSW",
        "DC ISW", "DC CISW",
    };
    uint8_t op, lsize, set;
    uint32_t off;
    CpuDcacheOrigin o = { .cpu = 0 };

    if (!qf_take(in, &op, 1) || !qf_take(in, &off, 4) ||
        !qf_take(in, &lsize, 1) || !qf_take(in, &set, 1)) {
        return false;
    }
    op %= ARRAY_SIZE(insns);
    o.insn = insns[op];
    o.va = le32_to_cpu(off);
    cpu_dcache_maintain(qf.dcache, op, qf_dram(le32_to_cpu(off)),
                        CPU_DCACHE_LINE_SIZE << (lsize % 7), set, &o);
    return true;
}

/*
 * master, flags (bit 0 write, bits 2:1 log2 size), offset, value: a DMA
 * access of another master to DRAM, through the XPU and memory's view
 */
static bool qf_op_master(QTestState *s, QfInput *in)
{
    uint8_t master, flags, buf[8];
    uint32_t off;
    unsigned size;

    if (!qf_take(in, &master, 1) || !qf_take(in, &flags, 1) ||
        !qf_take(in, &off, 4) || !qf_take(in, buf, 8)) {
        return false;
    }
    size = 1 << extract32(flags, 1, 2);
    address_space_rw(&qf.soc_as,
                     QEMU_ALIGN_DOWN(qf_dram(le32_to_cpu(off)), size),
                     qcom_master_attrs(master % QCOM_MASTER_NUM,
                                       QCOM_XPU_KIND_NORMAL),
                     buf, size, flags & 1);
    return true;
}

/*
 * block, flags (bit 0 write, bits 2:1 log2 size), offset, value: a
 * register of the target's blocks (the XPU's secure interface first)
 */
static bool qf_op_mmio(QTestState *s, QfInput *in)
{
    uint8_t block, flags;
    uint32_t off, value;
    const QfBlock *b;
    uint64_t addr;
    unsigned size;

    if (!qf_take(in, &block, 1) || !qf_take(in, &flags, 1) ||
        !qf_take(in, &off, 4) || !qf_take(in, &value, 4)) {
        return false;
    }
    b = &qf.cfg->mmio[block % qf.nmmio];
    size = 1 << MIN(extract32(flags, 1, 2), 2);
    addr = b->base + QEMU_ALIGN_DOWN(le32_to_cpu(off) % b->size, size);
    value = le32_to_cpu(value);
    switch (size | (flags & 1) << 4) {
    case 1:
        qtest_readb(s, addr);
        break;
    case 2:
        qtest_readw(s, addr);
        break;
    case 4:
        qtest_readl(s, addr);
        break;
    case 0x11:
        qtest_writeb(s, addr, value);
        break;
    case 0x12:
        qtest_writew(s, addr, value);
        break;
    case 0x14:
        qtest_writel(s, addr, value);
        break;
    }
    return true;
}

/* page offset, pages, read and write VMID masks: the hypervisor's assign */
static bool qf_op_xpu_assign(QTestState *s, QfInput *in)
{
    uint32_t off, pages, rd, wr;

    if (!qf_take(in, &off, 4) || !qf_take(in, &pages, 4) ||
        !qf_take(in, &rd, 4) || !qf_take(in, &wr, 4)) {
        return false;
    }
    qcom_xpu_assign(qf.xpu,
                    QEMU_ALIGN_DOWN(qf_dram(le32_to_cpu(off)),
                                    QCOM_XPU_GRANULE),
                    (uint64_t)(le32_to_cpu(pages) % 0x10000) *
                    QCOM_XPU_GRANULE, le32_to_cpu(rd), le32_to_cpu(wr),
                    NULL);
    return true;
}

/*
 * ns: the virtual clock moves on (0: to the next timer, if one is
 * pending; qtest fails the step otherwise)
 */
static bool qf_op_clock(QTestState *s, QfInput *in)
{
    uint32_t ns;

    if (!qf_take(in, &ns, 4)) {
        return false;
    }
    ns = le32_to_cpu(ns) % QF_MAX_CLOCK;
    if (ns) {
        qtest_clock_step(s, ns);
    } else if (qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL,
                                          QEMU_TIMER_ATTR_ALL) >= 0) {
        qtest_clock_step_next(s);
    }
    return true;
}

/*
 * what, remote, argument: the SMEM and SMP2P steps a remote processor's
 * model takes (coming up, its bits, the APPS item, a crash reason), or
 * SMEM's own lookup and allocation, over whatever SMEM holds
 */
static bool qf_op_smem(QTestState *s, QfInput *in)
{
    uint8_t what, which;
    uint32_t arg;
    QcomQ6v5Remote *r;
    Error *err = NULL;

    if (!qf_take(in, &what, 1) || !qf_take(in, &which, 1) ||
        !qf_take(in, &arg, 4)) {
        return false;
    }
    if (!qf.nremotes) {
        return true;
    }
    r = qf.remote[which % qf.nremotes];
    arg = le32_to_cpu(arg);
    switch (what % 7) {
    case 0:
        qcom_q6v5_remote_up(r);
        break;
    case 1:
        qcom_q6v5_remote_set(r, arg);
        break;
    case 2:
        qcom_q6v5_remote_negotiate(r);
        break;
    case 3:
        qcom_q6v5_remote_master(r);
        break;
    case 4:
        if (!qcom_q6v5_remote_crash_reason(r, "fuzz", &err)) {
            error_free(err);
        }
        break;
    case 5:
        if (r->smem) {
            qcom_smem_get(r->smem, arg % (QCOM_SMEM_ITEM_COUNT + 8), NULL,
                          r->attrs);
        }
        break;
    case 6:
        if (r->smem) {
            qcom_smem_alloc(r->smem, arg % (QCOM_SMEM_ITEM_COUNT + 8),
                            arg >> 16, r->lock_id, r->attrs);
        }
        break;
    }
    return true;
}

/* each operation takes its operands from the input; false: they ran out */
static bool (*const qf_op_fns[QF_NUM_OPS])(QTestState *s, QfInput *in) = {
    [QF_OP_SMC] = qf_op_smc,
    [QF_OP_MEMWRITE] = qf_op_memwrite,
    [QF_OP_CPU] = qf_op_cpu,
    [QF_OP_DC] = qf_op_dc,
    [QF_OP_MASTER] = qf_op_master,
    [QF_OP_MMIO] = qf_op_mmio,
    [QF_OP_XPU_ASSIGN] = qf_op_xpu_assign,
    [QF_OP_CLOCK] = qf_op_clock,
    [QF_OP_SMEM] = qf_op_smem,
};

static void qcom_fuzz(QTestState *s, const unsigned char *data, size_t size)
{
    QfInput in = { data, size };
    bool more = true;

    while (more && in.left) {
        uint8_t op = qf.ops[*in.p++ % qf.nops];

        in.left--;
        more = qf_op_fns[op](s, &in);
        flush_events(s);
    }
    fuzz_reset(s);
}

static void qcom_pre_fuzz(QTestState *s)
{
    const QcomFuzzConfig *cfg = qf.cfg;
    Object *mem;

    for (int op = 0; op < QF_NUM_OPS; op++) {
        if (cfg->ops & BIT(op)) {
            qf.ops[qf.nops++] = op;
        }
    }
    qf.scm = QCOM_SCM(object_resolve_path_type("", TYPE_QCOM_SCM, NULL));
    qf.xpu = QCOM_XPU(object_resolve_path_type("", TYPE_QCOM_XPU, NULL));
    qf.dcache = CPU_DCACHE(object_resolve_path_type("", TYPE_CPU_DCACHE,
                                                    NULL));
    object_child_foreach_recursive(object_get_root(), qf_find_remote, NULL);
    while (cfg->mmio[qf.nmmio].size) {
        qf.nmmio++;
    }
    mem = object_property_get_link(OBJECT(qf.scm), "memory", &error_abort);
    address_space_init(&qf.soc_as, MEMORY_REGION(mem), "qcom-fuzz-soc-bus");
}

/* fuzz.c asks the one target it runs for its command line, first */
static GString *qcom_fuzz_target_cmdline(FuzzTarget *t)
{
    const QcomFuzzConfig *cfg = t->opaque;
    GString *cmd = g_string_new(TARGET_NAME " -display none "
                                "-machine accel=qtest ");

    qf.cfg = cfg;
    g_string_append(cmd, cfg->args);
    return cmd;
}

static void register_qcom_fuzz_targets(void)
{
    for (int i = 0; i < ARRAY_SIZE(qcom_fuzz_configs); i++) {
        const QcomFuzzConfig *cfg = &qcom_fuzz_configs[i];

        fuzz_add_target(&(FuzzTarget){
            .name = cfg->name,
            .description = cfg->description,
            .get_init_cmdline = qcom_fuzz_target_cmdline,
            .pre_fuzz = qcom_pre_fuzz,
            .fuzz = qcom_fuzz,
            .opaque = (void *)cfg,
        });
    }
}

fuzz_target_init(register_qcom_fuzz_targets);
