/*
 * Qualcomm Hexagon DSP subsystem booted through TrustZone PAS
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * See include/hw/remoteproc/qcom-dsp.h for the states and the interface,
 * docs/devel/qcom-pas.rst for how it fits TrustZone and Linux.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/remoteproc/qcom-dsp.h"
#include "hw/remoteproc/qcom-mdt-auth.h"
#include "hw/misc/qcom-smem.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "hw/resettable.h"
#include "system/reset.h"
#include "migration/vmstate.h"
#include "trace.h"

/* SMEM lock retry while APPS holds it */
#define DSP_SMEM_RETRY_NS   (100 * 1000)

static const char *const phase_names[QCOM_DSP_PHASE_NUM] = {
    [QCOM_DSP_OFF] = "off",
    [QCOM_DSP_BOOTING] = "booting",
    [QCOM_DSP_RUNNING] = "running",
    [QCOM_DSP_CRASHED] = "crashed",
};

/* The DSP's outbound SMP2P entries */
static const char *const dsp_smp2p_entries[] = { "slave-kernel" };

static void dsp_set_phase(QcomDspState *s, QcomDspPhase phase)
{
    trace_qcom_dsp_phase(s->name, phase_names[s->phase], phase_names[phase]);
    s->phase = phase;
}

static void dsp_smp2p_update(QcomDspState *s, uint32_t value)
{
    if (qcom_q6v5_remote_set(&s->remote, value)) {
        qemu_irq_pulse(s->smp2p_irq);
    }
}

void qcom_dsp_start(QcomDspState *s, const QcomMdtImage *img, bool relocated,
                    uint64_t base)
{
    qcom_q6v5_remote_image(&s->remote, img, relocated, base);
    dsp_set_phase(s, QCOM_DSP_BOOTING);
    timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
              QCOM_DSP_BOOT_NS);
}

/*
 * The core stops (PAS shutdown): a DSP that had come up clears its bits
 * and rings, so that the next boot's ready is a rising edge.
 */
void qcom_dsp_stop(QcomDspState *s)
{
    timer_del(s->timer);
    if (s->phase == QCOM_DSP_RUNNING || s->phase == QCOM_DSP_CRASHED) {
        dsp_smp2p_update(s, 0);
    }
    qemu_irq_lower(s->wdog_irq);
    dsp_set_phase(s, QCOM_DSP_OFF);
}

static void dsp_timer_cb(void *opaque)
{
    QcomDspState *s = opaque;
    int ret;

    if (s->phase != QCOM_DSP_BOOTING) {
        return;
    }
    ret = qcom_q6v5_remote_up(&s->remote);
    if (ret == -EBUSY) {
        timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                  DSP_SMEM_RETRY_NS);
        return;
    }
    if (s->crash_at_boot && *s->crash_at_boot && !s->boot_crashed) {
        Error *err = NULL;

        /* once: the boot fails before its handover */
        s->boot_crashed = true;
        if (!qcom_q6v5_remote_crash_reason(&s->remote, s->crash_at_boot,
                                           &err)) {
            qemu_log_mask(LOG_GUEST_ERROR, "%s\n", error_get_pretty(err));
            error_free(err);
        }
        trace_qcom_dsp_crash(s->name, "fatal at boot", s->crash_at_boot);
        dsp_set_phase(s, QCOM_DSP_CRASHED);
        qcom_q6v5_remote_snapshot(&s->remote);
        dsp_smp2p_update(s, BIT(QCOM_Q6V5_SMP2P_FATAL));
        return;
    }
    dsp_set_phase(s, QCOM_DSP_RUNNING);
    dsp_smp2p_update(s, BIT(QCOM_Q6V5_SMP2P_READY) |
                        BIT(QCOM_Q6V5_SMP2P_HANDOVER));
}

/* APPS rang the DSP's SMP2P doorbell */
static void dsp_ipc_in(void *opaque, int n, int level)
{
    QcomDspState *s = opaque;
    uint32_t master;

    if (!level) {
        return;
    }
    if (s->phase != QCOM_DSP_RUNNING && s->phase != QCOM_DSP_CRASHED) {
        trace_qcom_dsp_ipc(s->name, 0, "not running");
        return;
    }
    if (qcom_q6v5_remote_negotiate(&s->remote)) {
        qemu_irq_pulse(s->smp2p_irq);
    }
    master = qcom_q6v5_remote_master(&s->remote);
    trace_qcom_dsp_ipc(s->name, master, master & 1 ? "stop" : "no stop");
    if (master & 1) {
        dsp_smp2p_update(s, s->remote.value | BIT(QCOM_Q6V5_SMP2P_STOP_ACK));
    }
}

static bool dsp_crash(QcomDspState *s, const char *how, const char *reason,
                      Error **errp)
{
    if (s->phase != QCOM_DSP_RUNNING) {
        error_setg(errp, "qcom-dsp %s: not running (%s)", s->name,
                   phase_names[s->phase]);
        return false;
    }
    if (!qcom_q6v5_remote_crash_reason(&s->remote, reason, errp)) {
        return false;
    }
    trace_qcom_dsp_crash(s->name, how, reason);
    dsp_set_phase(s, QCOM_DSP_CRASHED);
    qcom_q6v5_remote_snapshot(&s->remote);
    return true;
}

static void dsp_inject_fatal(Object *obj, const char *reason, Error **errp)
{
    QcomDspState *s = QCOM_DSP(obj);

    if (dsp_crash(s, "fatal", reason, errp)) {
        dsp_smp2p_update(s, s->remote.value | BIT(QCOM_Q6V5_SMP2P_FATAL));
    }
}

static void dsp_inject_wdog(Object *obj, const char *reason, Error **errp)
{
    QcomDspState *s = QCOM_DSP(obj);

    if (dsp_crash(s, "watchdog", reason, errp)) {
        qemu_irq_raise(s->wdog_irq);
    }
}

static char *dsp_get_phase(Object *obj, Error **errp)
{
    return g_strdup(phase_names[QCOM_DSP(obj)->phase]);
}

static char *dsp_get_crash_dump(Object *obj, Error **errp)
{
    return qcom_q6v5_remote_dump_text(&QCOM_DSP(obj)->remote);
}

static void dsp_reset_enter(Object *obj, ResetType type)
{
    QcomDspState *s = QCOM_DSP(obj);

    timer_del(s->timer);
    s->phase = QCOM_DSP_OFF;
    s->boot_crashed = false;
    qcom_q6v5_remote_forget_dump(&s->remote);
    /* SMEM is laid out again: the next item is a new one */
    s->remote.value = 0;
    s->remote.version = 0;
    s->remote.apps_version = 0;
}

static void dsp_realize(DeviceState *dev, Error **errp)
{
    QcomDspState *s = QCOM_DSP(dev);

    if (!s->name || !*s->name) {
        error_setg(errp, "qcom-dsp: property 'name' is not set");
        return;
    }
    if (!s->dma_mr) {
        error_setg(errp, "qcom-dsp %s: property 'dma' is not set", s->name);
        return;
    }
    if (!s->image_id) {
        error_setg(errp, "qcom-dsp %s: property 'image-id' is not set",
                   s->name);
        return;
    }
    if (s->master < QCOM_MASTER_MSS || s->master > QCOM_MASTER_SLPI) {
        error_setg(errp, "qcom-dsp %s: 'master' %u is not a remote "
                   "processor's (%u..%u)", s->name, s->master,
                   QCOM_MASTER_MSS, QCOM_MASTER_SLPI);
        return;
    }
    if (s->smp2p_pid == QCOM_SMP2P_PID_APPS || s->smp2p_pid > 0xffff) {
        error_setg(errp, "qcom-dsp %s: 'smp2p-pid' %u is not a remote "
                   "processor id", s->name, s->smp2p_pid);
        return;
    }
    if (s->smp2p_out_item < QCOM_SMEM_ITEM_FIRST_FREE ||
        s->smp2p_out_item >= QCOM_SMEM_ITEM_COUNT ||
        s->smp2p_in_item < QCOM_SMEM_ITEM_FIRST_FREE ||
        s->smp2p_in_item >= QCOM_SMEM_ITEM_COUNT ||
        s->smp2p_out_item == s->smp2p_in_item) {
        error_setg(errp, "qcom-dsp %s: the SMP2P items must be distinct and "
                   "in %u..%u", s->name, QCOM_SMEM_ITEM_FIRST_FREE,
                   QCOM_SMEM_ITEM_COUNT - 1);
        return;
    }
    /* Linux numbers some beyond the global heap's (the CDSP's 601) */
    if (s->crash_reason_item < QCOM_SMEM_ITEM_FIRST_FREE ||
        s->crash_reason_item > UINT16_MAX) {
        error_setg(errp, "qcom-dsp %s: 'crash-reason-item' %u is not an "
                   "SMEM item Linux may read", s->name,
                   s->crash_reason_item);
        return;
    }
    address_space_init(&s->dma_as, s->dma_mr, "qcom-dsp-dma");
    s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, dsp_timer_cb, s);
    s->remote = (QcomQ6v5Remote) {
        .name = s->name,
        .smem = s->smem,
        .as = &s->dma_as,
        .attrs = qcom_master_attrs(s->master, QCOM_XPU_KIND_NORMAL),
        /* TCSR mutex owner ids: the SMEM host id + 1, APPS 1, MSS 2 */
        .lock_id = s->smp2p_pid + 1,
        .pid = s->smp2p_pid,
        .out_item = s->smp2p_out_item,
        .in_item = s->smp2p_in_item,
        .crash_item = s->crash_reason_item,
        .entries = dsp_smp2p_entries,
        .num_entries = ARRAY_SIZE(dsp_smp2p_entries),
    };
    /* not on a bus: reset with the machine */
    qemu_register_resettable(OBJECT(dev));
}

static void dsp_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    QcomDspState *s = QCOM_DSP(obj);

    qdev_init_gpio_in_named(dev, dsp_ipc_in, "ipc", 1);
    qdev_init_gpio_out_named(dev, &s->smp2p_irq, "smp2p", 1);
    qdev_init_gpio_out_named(dev, &s->wdog_irq, "wdog", 1);
}

static void dsp_finalize(Object *obj)
{
    QcomDspState *s = QCOM_DSP(obj);

    if (s->timer) {
        timer_free(s->timer);
    }
}

static int dsp_post_load(void *opaque, int version_id)
{
    QcomDspState *s = opaque;

    if (s->phase >= QCOM_DSP_PHASE_NUM ||
        s->remote.version > QCOM_SMP2P_MAX_VERSION ||
        !qcom_q6v5_remote_dump_valid(&s->remote)) {
        return -EINVAL;
    }
    return 0;
}

static bool dsp_dump_needed(void *opaque)
{
    QcomDspState *s = opaque;

    return s->remote.dump.nsegs || s->boot_crashed;
}

static const VMStateDescription dsp_vmstate_dump = {
    .name = "qcom-dsp/dump",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = dsp_dump_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(remote.dump, QcomDspState, 1,
                       vmstate_qcom_q6v5_remote_dump, QcomQ6v5RemoteDump),
        VMSTATE_BOOL(boot_crashed, QcomDspState),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription dsp_vmstate = {
    .name = "qcom-dsp",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = dsp_post_load,
    .subsections = (const VMStateDescription * const []) {
        &dsp_vmstate_dump,
        NULL
    },
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(phase, QcomDspState),
        VMSTATE_TIMER_PTR(timer, QcomDspState),
        VMSTATE_STRUCT(remote, QcomDspState, 1, vmstate_qcom_q6v5_remote,
                       QcomQ6v5Remote),
        VMSTATE_END_OF_LIST()
    }
};

static const Property dsp_properties[] = {
    DEFINE_PROP_STRING("name", QcomDspState, name),
    DEFINE_PROP_UINT32("pas-id", QcomDspState, pas_id, 0),
    DEFINE_PROP_UINT32("image-id", QcomDspState, image_id, 0),
    DEFINE_PROP_UINT8("master", QcomDspState, master, QCOM_MASTER_ADSP),
    DEFINE_PROP_UINT32("smp2p-pid", QcomDspState, smp2p_pid, 0),
    DEFINE_PROP_UINT32("smp2p-out-item", QcomDspState, smp2p_out_item, 0),
    DEFINE_PROP_UINT32("smp2p-in-item", QcomDspState, smp2p_in_item, 0),
    DEFINE_PROP_UINT32("crash-reason-item", QcomDspState, crash_reason_item,
                       0),
    DEFINE_PROP_STRING("crash-at-boot", QcomDspState, crash_at_boot),
    DEFINE_PROP_LINK("smem", QcomDspState, smem, TYPE_QCOM_SMEM,
                     QcomSmemState *),
    DEFINE_PROP_LINK("dma", QcomDspState, dma_mr, TYPE_MEMORY_REGION,
                     MemoryRegion *),
};

static void dsp_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm Hexagon DSP subsystem (booted by TrustZone PAS)";
    dc->realize = dsp_realize;
    dc->vmsd = &dsp_vmstate;
    /* needs the SoC bus, SMEM and TrustZone of its machine */
    dc->user_creatable = false;
    rc->phases.enter = dsp_reset_enter;
    device_class_set_props(dc, dsp_properties);
    object_class_property_add_str(klass, "phase", dsp_get_phase, NULL);
    object_class_property_set_description(klass, "phase",
        "The DSP's state: off, booting, running or crashed");
    object_class_property_add_str(klass, "inject-fatal", NULL,
                                  dsp_inject_fatal);
    object_class_property_set_description(klass, "inject-fatal",
        "Crash the running DSP: the value is the crash reason (its SMEM "
        "item), then SMP2P fatal is raised");
    object_class_property_add_str(klass, "inject-wdog", NULL,
                                  dsp_inject_wdog);
    object_class_property_set_description(klass, "inject-wdog",
        "Bite the running DSP's watchdog: the value is the crash reason, "
        "then the wdog interrupt fires");
    object_class_property_add_str(klass, "crash-dump", dsp_get_crash_dump,
                                  NULL);
    object_class_property_set_description(klass, "crash-dump",
        "At the last crash, each segment of the DSP's image as "
        "DA:SIZE:DIGEST (FNV-1a 64 of its memory then); empty before one");
}

static const TypeInfo dsp_types[] = {
    {
        .name = TYPE_QCOM_DSP,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(QcomDspState),
        .instance_init = dsp_init,
        .instance_finalize = dsp_finalize,
        .class_init = dsp_class_init,
    },
};

DEFINE_TYPES(dsp_types)
