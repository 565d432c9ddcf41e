/*
 * Qualcomm AOSS QMP: the always-on processor's message channel
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The descriptor layout and the handshake are those drivers/soc/qcom/
 * qcom_aoss.c (6.1 to 7.2) waits for; docs/devel/qcom-platform.rst
 * has them. The AOP answers at once, inside the doorbell, and then
 * interrupts: Linux finds its condition met whether or not it has begun
 * to wait.
 */

#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/irq.h"
#include "hw/misc/qcom-aoss-qmp.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

REG32(MAGIC, 0x00)
REG32(VERSION, 0x04)
REG32(FEATURES, 0x08)
REG32(UCORE_LINK_STATE, 0x0c)
REG32(UCORE_LINK_STATE_ACK, 0x10)
REG32(UCORE_CH_STATE, 0x14)
REG32(UCORE_CH_STATE_ACK, 0x18)
REG32(UCORE_MBOX_SIZE, 0x1c)
REG32(UCORE_MBOX_OFFSET, 0x20)
REG32(MCORE_LINK_STATE, 0x24)
REG32(MCORE_LINK_STATE_ACK, 0x28)
REG32(MCORE_CH_STATE, 0x2c)
REG32(MCORE_CH_STATE_ACK, 0x30)
REG32(MCORE_MBOX_SIZE, 0x34)
REG32(MCORE_MBOX_OFFSET, 0x38)

#define QMP_MAGIC 0x4d41494c        /* "LIAM" */
#define QMP_VERSION 1
#define QMP_STATE_UP 0x0000ffff
#define QMP_STATE_DOWN 0xffff0000
/* the mailboxes: Linux's (mcore) and ours (ucore, unused by Linux) */
#define QMP_MCORE_MBOX 0x100
#define QMP_UCORE_MBOX 0x200
#define QMP_MBOX_SIZE 0x100
#define QMP_MSG_MAX 64

#define RAM(s, name) ((s)->ram[A_##name / 4])

static uint64_t qmp_read(void *opaque, hwaddr addr, unsigned size)
{
    QcomAossQmpState *s = opaque;

    return s->ram[addr / 4];
}

static void qmp_write(void *opaque, hwaddr addr, uint64_t value,
                      unsigned size)
{
    QcomAossQmpState *s = opaque;

    s->ram[addr / 4] = value;
}

static const MemoryRegionOps qmp_ops = {
    .read = qmp_read,
    .write = qmp_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* An acknowledgement echoes a state Linux set, once it is UP or DOWN */
static void qmp_ack(uint32_t state, uint32_t *ack)
{
    if (state == QMP_STATE_UP || state == QMP_STATE_DOWN) {
        *ack = state;
    }
}

static void qmp_set_image(QcomAossQmpState *s, const char *name, bool on)
{
    uint32_t i;

    for (i = 0; i < s->num_images; i++) {
        if (!strcmp(s->image[i].name, name)) {
            break;
        }
    }
    if (i == s->num_images) {
        if (i == QCOM_AOSS_QMP_MAX_IMAGES) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-aoss-qmp: load_state of "
                          "more than %d images; '%s' ignored\n",
                          QCOM_AOSS_QMP_MAX_IMAGES, name);
            return;
        }
        pstrcpy(s->image[i].name, sizeof(s->image[i].name), name);
        s->num_images++;
    }
    s->image[i].on = on;
    trace_qcom_aoss_qmp_load_state(name, on);
}

/*
 * "{key: value, key: value}" into at most max pairs; false if the text
 * is not of that shape.
 */
static bool qmp_parse(char *text, char **keys, char **values, int max,
                      int *n)
{
    size_t len = strlen(text);
    char *p;

    if (len < 2 || text[0] != '{' || text[len - 1] != '}') {
        return false;
    }
    text[len - 1] = 0;
    *n = 0;
    for (p = strtok(text + 1, ","); p; p = strtok(NULL, ",")) {
        char *colon = strchr(p, ':');

        if (!colon || *n == max) {
            return false;
        }
        *colon = 0;
        keys[*n] = g_strstrip(p);
        values[*n] = g_strstrip(colon + 1);
        (*n)++;
    }
    return *n > 0;
}

static const char *qmp_field(char **keys, char **values, int n,
                             const char *key)
{
    for (int i = 0; i < n; i++) {
        if (!strcmp(keys[i], key)) {
            return values[i];
        }
    }
    return NULL;
}

static void qmp_message(QcomAossQmpState *s, const char *text)
{
    g_autofree char *copy = g_strdup(text);
    char *keys[8], *values[8];
    const char *class, *res, *name, *val;
    int n;

    trace_qcom_aoss_qmp_message(text);
    class = qmp_parse(copy, keys, values, ARRAY_SIZE(keys), &n) ?
            qmp_field(keys, values, n, "class") : NULL;
    if (!class) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-aoss-qmp: malformed message "
                      "'%s'\n", text);
        return;
    }
    res = qmp_field(keys, values, n, "res");
    if (strcmp(class, "image") || g_strcmp0(res, "load_state")) {
        qemu_log_mask(LOG_UNIMP, "qcom-aoss-qmp: message '%s' taken, not "
                      "modelled\n", text);
        return;
    }
    name = qmp_field(keys, values, n, "name");
    val = qmp_field(keys, values, n, "val");
    if (!name || !*name || strlen(name) >= QCOM_AOSS_QMP_IMAGE_NAME ||
        (g_strcmp0(val, "on") && g_strcmp0(val, "off"))) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-aoss-qmp: load_state message "
                      "'%s' needs a name and val on or off\n", text);
        return;
    }
    qmp_set_image(s, name, !strcmp(val, "on"));
}

/* Take the message waiting in Linux's mailbox, if any */
static void qmp_take_message(QcomAossQmpState *s)
{
    /* where the AOP put it, whatever Linux wrote over the descriptor */
    const uint32_t off = QMP_MCORE_MBOX;
    uint32_t len = s->ram[off / 4];
    char text[QMP_MSG_MAX + 1];

    if (!len) {
        return;
    }
    if (len % 4 || len > QMP_MBOX_SIZE - 4) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-aoss-qmp: message length %u "
                      "is not a multiple of 4 up to %u\n", len,
                      QMP_MBOX_SIZE - 4);
    } else {
        memset(text, 0, sizeof(text));
        for (uint32_t i = 0; i < MIN(len, QMP_MSG_MAX); i += 4) {
            stl_le_p(text + i, s->ram[(off + 4 + i) / 4]);
        }
        if (len > QMP_MSG_MAX || strlen(text) == MIN(len, QMP_MSG_MAX)) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-aoss-qmp: message of %u "
                          "bytes is not a text of under %d bytes\n", len,
                          QMP_MSG_MAX);
        } else {
            qmp_message(s, text);
        }
    }
    /* the AOP takes every message, whatever it makes of it */
    s->ram[off / 4] = 0;
}

static void qmp_doorbell(void *opaque, int n, int level)
{
    QcomAossQmpState *s = opaque;

    if (!level) {
        return;
    }
    trace_qcom_aoss_qmp_doorbell(RAM(s, MCORE_LINK_STATE),
                                 RAM(s, MCORE_CH_STATE));
    qmp_ack(RAM(s, MCORE_LINK_STATE), &RAM(s, MCORE_LINK_STATE_ACK));
    qmp_ack(RAM(s, MCORE_CH_STATE), &RAM(s, UCORE_CH_STATE));
    qmp_ack(RAM(s, MCORE_CH_STATE), &RAM(s, MCORE_CH_STATE_ACK));
    if (RAM(s, MCORE_CH_STATE) == QMP_STATE_UP &&
        RAM(s, UCORE_CH_STATE_ACK) == QMP_STATE_UP) {
        qmp_take_message(s);
    }
    qemu_irq_pulse(s->irq);
}

static gint qmp_name_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *qmp_get_load_state(Object *obj, Error **errp)
{
    QcomAossQmpState *s = QCOM_AOSS_QMP(obj);
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_free);

    for (uint32_t i = 0; i < s->num_images; i++) {
        g_ptr_array_add(items, g_strdup_printf("%s=%s", s->image[i].name,
                                               s->image[i].on ? "on" : "off"));
    }
    g_ptr_array_sort(items, qmp_name_cmp);
    g_ptr_array_add(items, NULL);
    return g_strjoinv(",", (char **)items->pdata);
}

static void qmp_reset_hold(Object *obj, ResetType type)
{
    QcomAossQmpState *s = QCOM_AOSS_QMP(obj);

    memset(s->ram, 0, sizeof(s->ram));
    memset(s->image, 0, sizeof(s->image));
    s->num_images = 0;
    /* the descriptor the AOP's firmware lays out at boot */
    RAM(s, MAGIC) = QMP_MAGIC;
    RAM(s, VERSION) = QMP_VERSION;
    RAM(s, UCORE_LINK_STATE) = QMP_STATE_UP;
    RAM(s, UCORE_MBOX_SIZE) = QMP_MBOX_SIZE;
    RAM(s, UCORE_MBOX_OFFSET) = QMP_UCORE_MBOX;
    RAM(s, MCORE_MBOX_SIZE) = QMP_MBOX_SIZE;
    RAM(s, MCORE_MBOX_OFFSET) = QMP_MCORE_MBOX;
}

static int qmp_post_load(void *opaque, int version_id)
{
    QcomAossQmpState *s = opaque;

    if (s->num_images > QCOM_AOSS_QMP_MAX_IMAGES) {
        return -EINVAL;
    }
    for (uint32_t i = 0; i < s->num_images; i++) {
        s->image[i].name[QCOM_AOSS_QMP_IMAGE_NAME - 1] = 0;
    }
    return 0;
}

static const VMStateDescription qmp_image_vmstate = {
    .name = "qcom-aoss-qmp/image",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_BUFFER_UNSAFE(name, QcomAossQmpImage, 0,
                              QCOM_AOSS_QMP_IMAGE_NAME),
        VMSTATE_BOOL(on, QcomAossQmpImage),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription qmp_vmstate = {
    .name = TYPE_QCOM_AOSS_QMP,
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = qmp_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(ram, QcomAossQmpState, QCOM_AOSS_QMP_SIZE / 4),
        VMSTATE_STRUCT_ARRAY(image, QcomAossQmpState,
                             QCOM_AOSS_QMP_MAX_IMAGES, 1, qmp_image_vmstate,
                             QcomAossQmpImage),
        VMSTATE_UINT32(num_images, QcomAossQmpState),
        VMSTATE_END_OF_LIST()
    }
};

static void qmp_init(Object *obj)
{
    QcomAossQmpState *s = QCOM_AOSS_QMP(obj);

    memory_region_init_io(&s->iomem, obj, &qmp_ops, s, TYPE_QCOM_AOSS_QMP,
                          QCOM_AOSS_QMP_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    qdev_init_gpio_in(DEVICE(obj), qmp_doorbell, 1);
    object_property_add_str(obj, "load-state", qmp_get_load_state, NULL);
}

static void qmp_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm AOSS QMP (the AOP's message channel)";
    dc->vmsd = &qmp_vmstate;
    rc->phases.hold = qmp_reset_hold;
}

static const TypeInfo qmp_types[] = {
    {
        .name = TYPE_QCOM_AOSS_QMP,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomAossQmpState),
        .instance_init = qmp_init,
        .class_init = qmp_class_init,
    },
};

DEFINE_TYPES(qmp_types)
