/*
 * Qualcomm IPCC: the inter-processor communication controller
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The registers are described in include/hw/misc/qcom-ipcc.h. Linux's
 * interrupt handler reads RECV_ID until it reads 0xffffffff, clearing
 * each signal before it handles it; its irq_chip masks and unmasks with
 * RECV_SIGNAL_DISABLE and _ENABLE, and a masked signal stays pending.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/irq.h"
#include "hw/misc/qcom-ipcc.h"
#include "hw/registerfields.h"
#include "migration/vmstate.h"
#include "trace.h"

REG32(CONFIG, 0x08)
    FIELD(CONFIG, CLEAR_ON_RECV_RD, 0, 1)
REG32(SEND_ID, 0x0c)
REG32(RECV_ID, 0x10)
REG32(RECV_SIGNAL_ENABLE, 0x14)
REG32(RECV_SIGNAL_DISABLE, 0x18)
REG32(RECV_SIGNAL_CLEAR, 0x1c)
REG32(CLIENT_CLEAR, 0x38)
    FIELD(CLIENT_CLEAR, CLEAR, 0, 1)

/* SEND_ID, RECV_ID and the RECV_SIGNAL registers */
FIELD(ID, SIGNAL, 0, 16)
FIELD(ID, CLIENT, 16, 16)

#define IPCC_NO_PENDING 0xffffffff

static void ipcc_update_irq(QcomIpccState *s)
{
    bool level = false;

    for (unsigned c = 0; c < QCOM_IPCC_NUM_CLIENTS && !level; c++) {
        level = s->pending[c] & s->enabled[c];
    }
    trace_qcom_ipcc_irq(level);
    qemu_set_irq(s->irq, level);
}

/* A remote client's line to APPS: a rising edge latches its signal */
static void ipcc_set_line(void *opaque, int line, int level)
{
    QcomIpccState *s = opaque;
    unsigned client = line / QCOM_IPCC_NUM_SIGNALS;
    uint32_t bit = BIT(line % QCOM_IPCC_NUM_SIGNALS);
    bool was = s->level[client] & bit;

    if (level) {
        s->level[client] |= bit;
    } else {
        s->level[client] &= ~bit;
    }
    if (level && !was) {
        trace_qcom_ipcc_signal(client, line % QCOM_IPCC_NUM_SIGNALS);
        s->pending[client] |= bit;
        ipcc_update_irq(s);
    }
}

/* The (client, signal) a register write names; false if there is none */
static bool ipcc_decode_id(const char *reg, uint32_t value, unsigned *client,
                           unsigned *signal)
{
    *client = FIELD_EX32(value, ID, CLIENT);
    *signal = FIELD_EX32(value, ID, SIGNAL);
    if (*client < QCOM_IPCC_NUM_CLIENTS && *signal < QCOM_IPCC_NUM_SIGNALS) {
        return true;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "qcom-ipcc: %s 0x%08x: no client %u "
                  "signal %u (clients 0..%d, signals 0..%d); ignored\n",
                  reg, value, *client, *signal, QCOM_IPCC_NUM_CLIENTS - 1,
                  QCOM_IPCC_NUM_SIGNALS - 1);
    return false;
}

static uint32_t ipcc_recv_id(QcomIpccState *s)
{
    for (unsigned c = 0; c < QCOM_IPCC_NUM_CLIENTS; c++) {
        uint32_t ready = s->pending[c] & s->enabled[c];
        unsigned signal;

        if (!ready) {
            continue;
        }
        signal = ctz32(ready);
        if (FIELD_EX32(s->config, CONFIG, CLEAR_ON_RECV_RD)) {
            s->pending[c] &= ~BIT(signal);
            ipcc_update_irq(s);
        }
        return c << R_ID_CLIENT_SHIFT | signal;
    }
    return IPCC_NO_PENDING;
}

static uint64_t ipcc_read(void *opaque, hwaddr addr, unsigned size)
{
    QcomIpccState *s = opaque;
    uint32_t value = 0;

    switch (addr) {
    case A_CONFIG:
        value = s->config;
        break;
    case A_RECV_ID:
        value = ipcc_recv_id(s);
        break;
    case A_SEND_ID:
    case A_RECV_SIGNAL_ENABLE:
    case A_RECV_SIGNAL_DISABLE:
    case A_RECV_SIGNAL_CLEAR:
    case A_CLIENT_CLEAR:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-ipcc: read of write-only "
                      "register 0x%" HWADDR_PRIx "\n", addr);
        break;
    default:
        qemu_log_mask(LOG_UNIMP, "qcom-ipcc: read of unmodelled register "
                      "0x%" HWADDR_PRIx "\n", addr);
        break;
    }
    trace_qcom_ipcc_read(addr, value);
    return value;
}

static void ipcc_write_id(QcomIpccState *s, hwaddr addr, uint32_t value)
{
    static const char *const names[] = {
        [A_SEND_ID] = "SEND_ID",
        [A_RECV_SIGNAL_ENABLE] = "RECV_SIGNAL_ENABLE",
        [A_RECV_SIGNAL_DISABLE] = "RECV_SIGNAL_DISABLE",
        [A_RECV_SIGNAL_CLEAR] = "RECV_SIGNAL_CLEAR",
    };
    unsigned client, signal;

    if (!ipcc_decode_id(names[addr], value, &client, &signal)) {
        return;
    }
    switch (addr) {
    case A_SEND_ID:
        trace_qcom_ipcc_send(client, signal);
        qemu_irq_pulse(s->client[QCOM_IPCC_LINE(client, signal)]);
        return;
    case A_RECV_SIGNAL_ENABLE:
        s->enabled[client] |= BIT(signal);
        break;
    case A_RECV_SIGNAL_DISABLE:
        s->enabled[client] &= ~BIT(signal);
        break;
    case A_RECV_SIGNAL_CLEAR:
        s->pending[client] &= ~BIT(signal);
        break;
    }
    ipcc_update_irq(s);
}

static void ipcc_write(void *opaque, hwaddr addr, uint64_t value,
                       unsigned size)
{
    QcomIpccState *s = opaque;

    trace_qcom_ipcc_write(addr, value);
    switch (addr) {
    case A_CONFIG:
        if (value & ~R_CONFIG_CLEAR_ON_RECV_RD_MASK) {
            qemu_log_mask(LOG_UNIMP, "qcom-ipcc: CONFIG bits 0x%" PRIx64
                          " are not modelled\n",
                          value & ~R_CONFIG_CLEAR_ON_RECV_RD_MASK);
        }
        s->config = value & R_CONFIG_CLEAR_ON_RECV_RD_MASK;
        break;
    case A_SEND_ID:
    case A_RECV_SIGNAL_ENABLE:
    case A_RECV_SIGNAL_DISABLE:
    case A_RECV_SIGNAL_CLEAR:
        ipcc_write_id(s, addr, value);
        break;
    case A_CLIENT_CLEAR:
        if (FIELD_EX32(value, CLIENT_CLEAR, CLEAR)) {
            memset(s->pending, 0, sizeof(s->pending));
            memset(s->enabled, 0, sizeof(s->enabled));
            ipcc_update_irq(s);
        }
        break;
    case A_RECV_ID:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-ipcc: write of read-only "
                      "RECV_ID (0x%" PRIx64 ")\n", value);
        break;
    default:
        qemu_log_mask(LOG_UNIMP, "qcom-ipcc: write of unmodelled register "
                      "0x%" HWADDR_PRIx " (0x%" PRIx64 ")\n", addr, value);
        break;
    }
}

static const MemoryRegionOps ipcc_ops = {
    .read = ipcc_read,
    .write = ipcc_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* The lines' levels are the senders' state: they survive a reset. */
static void ipcc_reset_hold(Object *obj, ResetType type)
{
    QcomIpccState *s = QCOM_IPCC(obj);

    memset(s->pending, 0, sizeof(s->pending));
    memset(s->enabled, 0, sizeof(s->enabled));
    s->config = 0;
}

static void ipcc_reset_exit(Object *obj, ResetType type)
{
    ipcc_update_irq(QCOM_IPCC(obj));
}

static const VMStateDescription ipcc_vmstate = {
    .name = TYPE_QCOM_IPCC,
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(pending, QcomIpccState, QCOM_IPCC_NUM_CLIENTS),
        VMSTATE_UINT32_ARRAY(enabled, QcomIpccState, QCOM_IPCC_NUM_CLIENTS),
        VMSTATE_UINT32_ARRAY(level, QcomIpccState, QCOM_IPCC_NUM_CLIENTS),
        VMSTATE_UINT32(config, QcomIpccState),
        VMSTATE_END_OF_LIST()
    }
};

static void ipcc_init(Object *obj)
{
    QcomIpccState *s = QCOM_IPCC(obj);
    DeviceState *dev = DEVICE(obj);

    memory_region_init_io(&s->iomem, obj, &ipcc_ops, s, TYPE_QCOM_IPCC,
                          QCOM_IPCC_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    qdev_init_gpio_in(dev, ipcc_set_line, QCOM_IPCC_NUM_LINES);
    qdev_init_gpio_out_named(dev, s->client, "client", QCOM_IPCC_NUM_LINES);
}

static void ipcc_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm IPCC inter-processor communication controller";
    dc->vmsd = &ipcc_vmstate;
    rc->phases.hold = ipcc_reset_hold;
    rc->phases.exit = ipcc_reset_exit;
}

static const TypeInfo ipcc_types[] = {
    {
        .name = TYPE_QCOM_IPCC,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomIpccState),
        .instance_init = ipcc_init,
        .class_init = ipcc_class_init,
    },
};

DEFINE_TYPES(ipcc_types)
