/*
 * Qualcomm RPMh Resource State Coordinator (RSC) of the APPS subsystem
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Register semantics as drivers/soc/qcom/rpmh-rsc.c (6.1) relies on
 * them: configuration registers at the start of the DRV, the IRQ
 * registers at "qcom,tcs-offset", then one block of 672 bytes per TCS
 * whose commands are 20 bytes apart. CONTROL, CMD_ENABLE and the command
 * registers read back what was written (the driver polls for that). A
 * rising TRIGGER bit in CONTROL, with AMC_ENABLE set, carries out the
 * TCS's enabled commands at once.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/irq.h"
#include "hw/misc/qcom-rpmh-rsc.h"
#include "hw/qdev-properties.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

/* Configuration, at the start of a DRV */
REG32(DRV_SOLVER_CONFIG, 0x04)
    FIELD(DRV_SOLVER_CONFIG, HW_SOLVER, 24, 1)
REG32(DRV_PRNT_CHLD_CONFIG, 0x0c)
    FIELD(DRV_PRNT_CHLD_CONFIG, NCPT, 27, 5)
/* number of TCSes of DRV d: bits [6d + 5:6d] */
#define DRV_NUM_TCS_SHIFT(d)    (6 * (d))

/* One bit per TCS, at QCOM_RPMH_RSC_TCS_OFFSET */
REG32(IRQ_ENABLE, 0x00)
REG32(IRQ_STATUS, 0x04)
REG32(IRQ_CLEAR, 0x08)

/* Per TCS, at QCOM_RPMH_RSC_TCS_OFFSET + n * QCOM_RPMH_RSC_TCS_STRIDE */
REG32(TCS_WAIT_FOR_CMPL, 0x10)
REG32(TCS_CONTROL, 0x14)
    FIELD(TCS_CONTROL, AMC_ENABLE, 16, 1)
    FIELD(TCS_CONTROL, TRIGGER, 24, 1)
REG32(TCS_STATUS, 0x18)
    FIELD(TCS_STATUS, IDLE, 0, 1)
REG32(TCS_CMD_ENABLE, 0x1c)
/* Per command j of a TCS, plus j * QCOM_RPMH_RSC_CMD_STRIDE */
REG32(CMD_MSGID, 0x30)
    FIELD(CMD_MSGID, LEN, 0, 8)
    FIELD(CMD_MSGID, RESP_REQ, 8, 1)
    FIELD(CMD_MSGID, WRITE, 16, 1)
REG32(CMD_ADDR, 0x34)
REG32(CMD_DATA, 0x38)
REG32(CMD_STATUS, 0x3c)
    FIELD(CMD_STATUS, ISSUED, 8, 1)
    FIELD(CMD_STATUS, COMPL, 16, 1)
REG32(CMD_RESP_DATA, 0x40)

#define TCS_CMDS_END    (A_CMD_MSGID + QCOM_RPMH_RSC_NCPT * \
                         QCOM_RPMH_RSC_CMD_STRIDE)
#define TCS_MASK        MAKE_64BIT_MASK(0, QCOM_RPMH_RSC_NUM_TCS)
#define CMD_MASK        MAKE_64BIT_MASK(0, QCOM_RPMH_RSC_NCPT)
#define CONTROL_MASK    (R_TCS_CONTROL_AMC_ENABLE_MASK | \
                         R_TCS_CONTROL_TRIGGER_MASK)

/* The hardware's TCS types, as the DT's qcom,tcs-config lists them */
static const struct {
    const char *name;
    unsigned first;
    unsigned count;
} tcs_groups[] = {
    [QCOM_RPMH_SET_ACTIVE] = { "active", 0, 2 },
    [QCOM_RPMH_SET_SLEEP] = { "sleep", 2, 3 },
    [QCOM_RPMH_SET_WAKE] = { "wake", 5, 3 },
    /* TCS 8 is the CONTROL TCS, which Linux does not use */
};

static const char *tcs_type_name(unsigned n)
{
    for (unsigned i = 0; i < ARRAY_SIZE(tcs_groups); i++) {
        if (n >= tcs_groups[i].first &&
            n < tcs_groups[i].first + tcs_groups[i].count) {
            return tcs_groups[i].name;
        }
    }
    return "control";
}

static void rsc_update_irq(QcomRpmhRscState *s)
{
    int level = !!(s->irq_status & s->irq_enable);

    trace_qcom_rpmh_rsc_irq(s->irq_status, s->irq_enable, level);
    qemu_set_irq(s->irq[s->drv_id], level);
}

static QcomRpmhRscVote *rsc_find_vote(QcomRpmhRscState *s, uint32_t addr)
{
    for (unsigned i = 0; i < s->num_votes; i++) {
        if (s->votes[i].addr == addr) {
            return &s->votes[i];
        }
    }
    return NULL;
}

static void rsc_record_vote(QcomRpmhRscState *s, uint32_t addr,
                            uint32_t data)
{
    QcomRpmhRscVote *v = rsc_find_vote(s, addr);

    if (!v) {
        if (s->num_votes == QCOM_RPMH_RSC_MAX_VOTES) {
            qemu_log_mask(LOG_UNIMP, "qcom-rpmh-rsc: more than %d resource "
                          "addresses voted; vote 0x%x for 0x%x not "
                          "recorded\n", QCOM_RPMH_RSC_MAX_VOTES, data, addr);
            return;
        }
        v = &s->votes[s->num_votes++];
        v->addr = addr;
    }
    v->data = data;
}

/* RPMh carries out the enabled commands of TCS n, all at once. */
static void rsc_trigger(QcomRpmhRscState *s, unsigned n)
{
    QcomRpmhRscTcs *tcs = &s->tcs[n];
    uint32_t enabled = tcs->cmd_enable & CMD_MASK;

    if (!(tcs->control & R_TCS_CONTROL_AMC_ENABLE_MASK)) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: TCS %u triggered "
                      "without AMC_ENABLE: ignored\n", n);
        trace_qcom_rpmh_rsc_trigger_ignored(n, "no AMC_ENABLE");
        return;
    }
    if (!enabled) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: TCS %u triggered "
                      "with no command enabled: ignored\n", n);
        trace_qcom_rpmh_rsc_trigger_ignored(n, "no command enabled");
        return;
    }
    trace_qcom_rpmh_rsc_trigger(n, tcs_type_name(n), enabled);

    for (unsigned j = 0; j < QCOM_RPMH_RSC_NCPT; j++) {
        QcomRpmhRscCmd *c = &tcs->cmd[j];

        if (!(enabled & BIT(j))) {
            c->status = 0;
            continue;
        }
        if (c->msgid & R_CMD_MSGID_WRITE_MASK) {
            rsc_record_vote(s, c->addr, c->data);
            trace_qcom_rpmh_rsc_vote(n, j, c->addr, c->data);
        } else {
            QcomRpmhRscVote *v = rsc_find_vote(s, c->addr);

            c->resp_data = v ? v->data : 0;
            trace_qcom_rpmh_rsc_read_cmd(n, j, c->addr, c->resp_data);
        }
        c->status = R_CMD_STATUS_ISSUED_MASK | R_CMD_STATUS_COMPL_MASK;
    }
    s->irq_status |= BIT(n);
    rsc_update_irq(s);
}

/*
 * Collect the votes of the enabled write commands of a sleep or wake
 * group in execution order (a later command for the same address wins).
 */
static unsigned rsc_collect_set(QcomRpmhRscState *s, QcomRpmhSet set,
                                QcomRpmhRscVote *out)
{
    unsigned count = 0;

    for (unsigned n = tcs_groups[set].first;
         n < tcs_groups[set].first + tcs_groups[set].count; n++) {
        for (unsigned j = 0; j < QCOM_RPMH_RSC_NCPT; j++) {
            QcomRpmhRscCmd *c = &s->tcs[n].cmd[j];
            unsigned k;

            if (!(s->tcs[n].cmd_enable & BIT(j)) ||
                !(c->msgid & R_CMD_MSGID_WRITE_MASK)) {
                continue;
            }
            for (k = 0; k < count && out[k].addr != c->addr; k++) {
                /* find the address */
            }
            out[k].addr = c->addr;
            out[k].data = c->data;
            count = MAX(count, k + 1);
        }
    }
    return count;
}

bool qcom_rpmh_rsc_get_vote(QcomRpmhRscState *s, QcomRpmhSet set,
                            uint32_t addr, uint32_t *data)
{
    QcomRpmhRscVote all[QCOM_RPMH_RSC_NUM_TCS * QCOM_RPMH_RSC_NCPT];
    QcomRpmhRscVote *v;
    unsigned count;

    assert(set < ARRAY_SIZE(tcs_groups));
    if (set == QCOM_RPMH_SET_ACTIVE) {
        v = rsc_find_vote(s, addr);
        if (v) {
            *data = v->data;
        }
        return v;
    }
    count = rsc_collect_set(s, set, all);
    for (unsigned k = 0; k < count; k++) {
        if (all[k].addr == addr) {
            *data = all[k].data;
            return true;
        }
    }
    return false;
}

static int vote_cmp(const void *a, const void *b)
{
    const QcomRpmhRscVote *va = a, *vb = b;

    return va->addr < vb->addr ? -1 : va->addr > vb->addr;
}

static char *votes_to_str(QcomRpmhRscVote *v, unsigned count)
{
    GString *str = g_string_new("");

    qsort(v, count, sizeof(*v), vote_cmp);
    for (unsigned k = 0; k < count; k++) {
        g_string_append_printf(str, "%s0x%x=0x%x", k ? "," : "",
                               v[k].addr, v[k].data);
    }
    return g_string_free(str, false);
}

static char *rsc_get_votes(Object *obj, Error **errp)
{
    QcomRpmhRscState *s = QCOM_RPMH_RSC(obj);
    QcomRpmhRscVote v[QCOM_RPMH_RSC_MAX_VOTES];

    memcpy(v, s->votes, s->num_votes * sizeof(v[0]));
    return votes_to_str(v, s->num_votes);
}

static char *rsc_get_sleep_votes(Object *obj, Error **errp)
{
    QcomRpmhRscVote v[QCOM_RPMH_RSC_NUM_TCS * QCOM_RPMH_RSC_NCPT];

    return votes_to_str(v, rsc_collect_set(QCOM_RPMH_RSC(obj),
                                           QCOM_RPMH_SET_SLEEP, v));
}

static char *rsc_get_wake_votes(Object *obj, Error **errp)
{
    QcomRpmhRscVote v[QCOM_RPMH_RSC_NUM_TCS * QCOM_RPMH_RSC_NCPT];

    return votes_to_str(v, rsc_collect_set(QCOM_RPMH_RSC(obj),
                                           QCOM_RPMH_SET_WAKE, v));
}

/*
 * Decode an offset in the modelled DRV that lies at or after the TCS
 * offset: the TCS in *n and the register offset within it in *reg, the
 * command in *cmd (-1 for a TCS register). Returns false, having logged
 * it, if no register is there.
 */
static bool rsc_decode_tcs(hwaddr offset, bool is_write, unsigned *n,
                           hwaddr *reg, int *cmd)
{
    hwaddr rel = offset - QCOM_RPMH_RSC_TCS_OFFSET;
    const char *why = NULL;

    *n = rel / QCOM_RPMH_RSC_TCS_STRIDE;
    *reg = rel % QCOM_RPMH_RSC_TCS_STRIDE;
    *cmd = -1;
    if (*n >= QCOM_RPMH_RSC_NUM_TCS) {
        why = "beyond the last TCS";
    } else if (*reg < A_TCS_WAIT_FOR_CMPL ||
               (*reg > A_TCS_CMD_ENABLE && *reg < A_CMD_MSGID) ||
               *reg >= TCS_CMDS_END) {
        why = "no register of the TCS";
    }
    if (why) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: %s of offset 0x%"
                      HWADDR_PRIx ": %s\n", is_write ? "write" : "read",
                      offset, why);
        return false;
    }
    if (*reg >= A_CMD_MSGID) {
        *cmd = (*reg - A_CMD_MSGID) / QCOM_RPMH_RSC_CMD_STRIDE;
        *reg = A_CMD_MSGID + (*reg - A_CMD_MSGID) % QCOM_RPMH_RSC_CMD_STRIDE;
    }
    return true;
}

static uint32_t rsc_read_drv(QcomRpmhRscState *s, hwaddr offset)
{
    QcomRpmhRscTcs *tcs;
    QcomRpmhRscCmd *c;
    unsigned n;
    hwaddr reg;
    int j;

    if (offset < QCOM_RPMH_RSC_TCS_OFFSET) {
        switch (offset) {
        case A_DRV_SOLVER_CONFIG:
            return FIELD_DP32(0, DRV_SOLVER_CONFIG, HW_SOLVER, s->hw_solver);
        case A_DRV_PRNT_CHLD_CONFIG:
            return FIELD_DP32(QCOM_RPMH_RSC_NUM_TCS <<
                              DRV_NUM_TCS_SHIFT(s->drv_id),
                              DRV_PRNT_CHLD_CONFIG, NCPT, QCOM_RPMH_RSC_NCPT);
        default:
            qemu_log_mask(LOG_UNIMP, "qcom-rpmh-rsc: read of DRV register "
                          "0x%" HWADDR_PRIx "\n", offset);
            return 0;
        }
    }
    switch (offset - QCOM_RPMH_RSC_TCS_OFFSET) {
    case A_IRQ_ENABLE:
        return s->irq_enable;
    case A_IRQ_STATUS:
        return s->irq_status;
    case A_IRQ_CLEAR:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: read of write-only "
                      "IRQ_CLEAR\n");
        return 0;
    }
    if (!rsc_decode_tcs(offset, false, &n, &reg, &j)) {
        return 0;
    }
    tcs = &s->tcs[n];
    c = j >= 0 ? &tcs->cmd[j] : NULL;
    switch (reg) {
    case A_TCS_WAIT_FOR_CMPL:
        return tcs->wait_for_cmpl;
    case A_TCS_CONTROL:
        return tcs->control;
    case A_TCS_STATUS:
        /* transfers complete at once: never busy */
        return R_TCS_STATUS_IDLE_MASK;
    case A_TCS_CMD_ENABLE:
        return tcs->cmd_enable;
    case A_CMD_MSGID:
        return c->msgid;
    case A_CMD_ADDR:
        return c->addr;
    case A_CMD_DATA:
        return c->data;
    case A_CMD_STATUS:
        return c->status;
    case A_CMD_RESP_DATA:
        return c->resp_data;
    default:
        g_assert_not_reached();
    }
}

static void rsc_write_drv(QcomRpmhRscState *s, hwaddr offset,
                          uint32_t value)
{
    QcomRpmhRscTcs *tcs;
    QcomRpmhRscCmd *c;
    uint32_t old;
    unsigned n;
    hwaddr reg;
    int j;

    if (offset < QCOM_RPMH_RSC_TCS_OFFSET) {
        switch (offset) {
        case A_DRV_SOLVER_CONFIG:
        case A_DRV_PRNT_CHLD_CONFIG:
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: write of "
                          "read-only DRV register 0x%" HWADDR_PRIx "\n",
                          offset);
            break;
        default:
            qemu_log_mask(LOG_UNIMP, "qcom-rpmh-rsc: write of DRV register "
                          "0x%" HWADDR_PRIx "\n", offset);
        }
        return;
    }
    switch (offset - QCOM_RPMH_RSC_TCS_OFFSET) {
    case A_IRQ_ENABLE:
        if (value & ~TCS_MASK) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: IRQ_ENABLE 0x%x "
                          "names TCSes that do not exist\n", value);
        }
        s->irq_enable = value & TCS_MASK;
        rsc_update_irq(s);
        return;
    case A_IRQ_STATUS:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: write of read-only "
                      "IRQ_STATUS\n");
        return;
    case A_IRQ_CLEAR:
        s->irq_status &= ~value;
        rsc_update_irq(s);
        return;
    }
    if (!rsc_decode_tcs(offset, true, &n, &reg, &j)) {
        return;
    }
    tcs = &s->tcs[n];
    c = j >= 0 ? &tcs->cmd[j] : NULL;
    switch (reg) {
    case A_TCS_WAIT_FOR_CMPL:
        tcs->wait_for_cmpl = value & CMD_MASK;
        break;
    case A_TCS_CONTROL:
        if (value & ~CONTROL_MASK) {
            qemu_log_mask(LOG_UNIMP, "qcom-rpmh-rsc: TCS %u CONTROL bits "
                          "0x%x not modelled\n", n, value & ~CONTROL_MASK);
        }
        old = tcs->control;
        tcs->control = value & CONTROL_MASK;
        if (!(old & R_TCS_CONTROL_TRIGGER_MASK) &&
            (tcs->control & R_TCS_CONTROL_TRIGGER_MASK)) {
            rsc_trigger(s, n);
        }
        break;
    case A_TCS_STATUS:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: write of read-only "
                      "STATUS of TCS %u\n", n);
        break;
    case A_TCS_CMD_ENABLE:
        if (value & ~CMD_MASK) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: TCS %u CMD_ENABLE "
                          "0x%x names commands beyond %d\n", n, value,
                          QCOM_RPMH_RSC_NCPT);
        }
        tcs->cmd_enable = value & CMD_MASK;
        break;
    case A_CMD_MSGID:
        c->msgid = value;
        break;
    case A_CMD_ADDR:
        c->addr = value;
        break;
    case A_CMD_DATA:
        c->data = value;
        break;
    case A_CMD_STATUS:
    case A_CMD_RESP_DATA:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-rpmh-rsc: write of read-only "
                      "%s of TCS %u command %d\n",
                      reg == A_CMD_STATUS ? "STATUS" : "RESP_DATA", n, j);
        break;
    default:
        g_assert_not_reached();
    }
}

static uint64_t rsc_read(void *opaque, hwaddr addr, unsigned size)
{
    QcomRpmhRscState *s = opaque;
    unsigned drv = addr / QCOM_RPMH_RSC_DRV_SIZE;
    hwaddr offset = addr % QCOM_RPMH_RSC_DRV_SIZE;
    uint32_t data = 0;

    if (drv != s->drv_id) {
        qemu_log_mask(LOG_UNIMP, "qcom-rpmh-rsc: read of DRV %u (not "
                      "modelled) offset 0x%" HWADDR_PRIx "\n", drv, offset);
    } else {
        data = rsc_read_drv(s, offset);
    }
    trace_qcom_rpmh_rsc_read(drv, offset, data);
    return data;
}

static void rsc_write(void *opaque, hwaddr addr, uint64_t value,
                      unsigned size)
{
    QcomRpmhRscState *s = opaque;
    unsigned drv = addr / QCOM_RPMH_RSC_DRV_SIZE;
    hwaddr offset = addr % QCOM_RPMH_RSC_DRV_SIZE;

    trace_qcom_rpmh_rsc_write(drv, offset, value);
    if (drv != s->drv_id) {
        qemu_log_mask(LOG_UNIMP, "qcom-rpmh-rsc: write of DRV %u (not "
                      "modelled) offset 0x%" HWADDR_PRIx "\n", drv, offset);
        return;
    }
    rsc_write_drv(s, offset, value);
}

static const MemoryRegionOps rsc_ops = {
    .read = rsc_read,
    .write = rsc_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
};

static void rsc_reset_enter(Object *obj, ResetType type)
{
    QcomRpmhRscState *s = QCOM_RPMH_RSC(obj);

    s->irq_enable = 0;
    s->irq_status = 0;
    memset(s->tcs, 0, sizeof(s->tcs));
    s->num_votes = 0;
    memset(s->votes, 0, sizeof(s->votes));
}

static void rsc_reset_exit(Object *obj, ResetType type)
{
    rsc_update_irq(QCOM_RPMH_RSC(obj));
}

static void rsc_realize(DeviceState *dev, Error **errp)
{
    QcomRpmhRscState *s = QCOM_RPMH_RSC(dev);

    if (s->drv_id >= QCOM_RPMH_RSC_NUM_DRVS) {
        error_setg(errp, "qcom-rpmh-rsc: drv-id %u is not in 0..%d",
                   s->drv_id, QCOM_RPMH_RSC_NUM_DRVS - 1);
        return;
    }
}

static void rsc_init(Object *obj)
{
    QcomRpmhRscState *s = QCOM_RPMH_RSC(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&s->iomem, obj, &rsc_ops, s, "qcom-rpmh-rsc",
                          QCOM_RPMH_RSC_NUM_DRVS * QCOM_RPMH_RSC_DRV_SIZE);
    sysbus_init_mmio(sbd, &s->iomem);
    for (unsigned i = 0; i < QCOM_RPMH_RSC_NUM_DRVS; i++) {
        sysbus_init_irq(sbd, &s->irq[i]);
    }
}

static bool rsc_votes_valid(void *opaque, int version_id)
{
    QcomRpmhRscState *s = opaque;

    return s->num_votes <= QCOM_RPMH_RSC_MAX_VOTES;
}

static const VMStateDescription rsc_cmd_vmstate = {
    .name = "qcom-rpmh-rsc/cmd",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(msgid, QcomRpmhRscCmd),
        VMSTATE_UINT32(addr, QcomRpmhRscCmd),
        VMSTATE_UINT32(data, QcomRpmhRscCmd),
        VMSTATE_UINT32(status, QcomRpmhRscCmd),
        VMSTATE_UINT32(resp_data, QcomRpmhRscCmd),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription rsc_tcs_vmstate = {
    .name = "qcom-rpmh-rsc/tcs",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(wait_for_cmpl, QcomRpmhRscTcs),
        VMSTATE_UINT32(control, QcomRpmhRscTcs),
        VMSTATE_UINT32(cmd_enable, QcomRpmhRscTcs),
        VMSTATE_STRUCT_ARRAY(cmd, QcomRpmhRscTcs, QCOM_RPMH_RSC_NCPT, 1,
                             rsc_cmd_vmstate, QcomRpmhRscCmd),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription rsc_vote_vmstate = {
    .name = "qcom-rpmh-rsc/vote",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(addr, QcomRpmhRscVote),
        VMSTATE_UINT32(data, QcomRpmhRscVote),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription rsc_vmstate = {
    .name = "qcom-rpmh-rsc",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(irq_enable, QcomRpmhRscState),
        VMSTATE_UINT32(irq_status, QcomRpmhRscState),
        VMSTATE_STRUCT_ARRAY(tcs, QcomRpmhRscState, QCOM_RPMH_RSC_NUM_TCS, 1,
                             rsc_tcs_vmstate, QcomRpmhRscTcs),
        VMSTATE_UINT32(num_votes, QcomRpmhRscState),
        VMSTATE_VALIDATE("num_votes in range", rsc_votes_valid),
        VMSTATE_STRUCT_ARRAY(votes, QcomRpmhRscState,
                             QCOM_RPMH_RSC_MAX_VOTES, 1, rsc_vote_vmstate,
                             QcomRpmhRscVote),
        VMSTATE_END_OF_LIST()
    }
};

static const Property rsc_properties[] = {
    DEFINE_PROP_UINT32("drv-id", QcomRpmhRscState, drv_id, 2),
    DEFINE_PROP_BOOL("hw-solver", QcomRpmhRscState, hw_solver, false),
};

static void rsc_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm RPMh RSC (APPS)";
    dc->realize = rsc_realize;
    dc->vmsd = &rsc_vmstate;
    rc->phases.enter = rsc_reset_enter;
    rc->phases.exit = rsc_reset_exit;
    device_class_set_props(dc, rsc_properties);
    object_class_property_add_str(klass, "votes", rsc_get_votes, NULL);
    object_class_property_set_description(klass, "votes",
        "Active votes carried out, \"ADDR=DATA,...\" by address");
    object_class_property_add_str(klass, "sleep-votes", rsc_get_sleep_votes,
                                  NULL);
    object_class_property_set_description(klass, "sleep-votes",
        "Votes programmed in the sleep TCSes, \"ADDR=DATA,...\"");
    object_class_property_add_str(klass, "wake-votes", rsc_get_wake_votes,
                                  NULL);
    object_class_property_set_description(klass, "wake-votes",
        "Votes programmed in the wake TCSes, \"ADDR=DATA,...\"");
}

static const TypeInfo rsc_types[] = {
    {
        .name = TYPE_QCOM_RPMH_RSC,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomRpmhRscState),
        .instance_init = rsc_init,
        .class_init = rsc_class_init,
    },
};

DEFINE_TYPES(rsc_types)
