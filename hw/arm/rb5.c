/*
 * Qualcomm Robotics RB5 (QRB5165, SM8250) for qcom-mss-sim
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * QEMU interface:
 *  + machine "rb5": the SM8250 SoC (hw/arm/qcom-sm8250.c, QOM path
 *    /machine/soc) with up to 8 CPUs and DRAM at 0x80000000 sized by -m
 *    (1..8 GiB)
 *  + -kernel/-initrd/-append as on "virt"; sm8250.dtsi reserves DRAM
 *    from its start to 0x90500000, so an arm64 Image goes to DRAM +
 *    RB5_KERNEL_OFFSET + 2 MiB (0x90800000) and the initrd to DRAM +
 *    RB5_INITRD_OFFSET (0x98000000), the DTB after it
 *  + -dtb FILE: the kernel tree's own device tree (make
 *    qcom/qrb5165-rb5.dtb), amended only as QEMU's arm boot code always
 *    does (memory node, /chosen, /psci); without -dtb the board makes its
 *    own, a small description of what the SoC models (dumpable with
 *    "-machine dumpdtb=FILE" or QMP "dumpdtb")
 *  + machine properties "xpu" and "dcache" (on by default): the SoC's XPU
 *    memory firewall and data cache model
 *  + at every reset, once the devices are back to their reset state, the
 *    boot firmware's work: SMEM shared with the DSPs in the XPU, the SMEM
 *    layout and the Command DB
 */

#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/arm/fdt.h"
#include "hw/arm/qcom-fdt.h"
#include "hw/arm/qcom-sm8250.h"
#include "hw/boards.h"
#include "system/device_tree.h"
#include "system/reset.h"
#include "target/arm/cpu.h"

#define TYPE_RB5_MACHINE MACHINE_TYPE_NAME("rb5")
OBJECT_DECLARE_SIMPLE_TYPE(Rb5MachineState, RB5_MACHINE)

/*
 * Above sm8250.dtsi's reserved memory, which ends at 0x90500000 (the
 * last carve-out the DSPs do not use, 0x8bf00000 + 70 MiB): the kernel
 * from 0x90800000 has 120 MiB up to the initrd at 0x98000000, which the
 * DTB follows; qrb5165-rb5.dts reserves nothing above.
 */
#define RB5_KERNEL_OFFSET (262 * MiB)
#define RB5_INITRD_OFFSET (384 * MiB)
#define RB5_CMA_SIZE (32 * MiB)

/* The three DSPs, their SMP2P edges and nodes as sm8250.dtsi has them */
enum { RB5_ADSP, RB5_CDSP, RB5_SLPI, RB5_NUM_DSPS };

/* dt-bindings/power/qcom-rpmpd.h: SM8250_CX, SM8250_LCX, SM8250_LMX */
#define RB5_RPMHPD_CX 0
#define RB5_RPMHPD_LCX 4
#define RB5_RPMHPD_LMX 5

struct Rb5MachineState {
    MachineState parent_obj;

    QcomSm8250State soc;
    struct arm_boot_info bootinfo;

    /* the board's own device tree */
    void *fdt;
    int fdt_size;
    uint32_t gic_phandle;
    uint32_t tcsr_mutex_phandle;
    uint32_t ipcc_phandle;
    uint32_t pdc_phandle;
    uint32_t aoss_qmp_phandle;
    uint32_t rpmhpd_phandle;
    uint32_t xo_phandle;
    uint32_t smp2p_in_phandle[RB5_NUM_DSPS];
    uint32_t smp2p_out_phandle[RB5_NUM_DSPS];
};

static const MemMapEntry *rb5_map(enum QcomSm8250Block block)
{
    return &qcom_sm8250_memmap[block];
}

/*
 * The IPCC (the interrupt controller and mailbox of the SMP2P edges and
 * the AOP's channel), the AOSS QMP, the TCSR mutex and the DSPs' SMP2P
 * edges, as sm8250.dtsi describes them (qcom,ipcc.yaml, qcom,aoss-qmp.yaml,
 * qcom,smp2p.yaml): each DSP rings APPS as its IPCC client, signal SMP2P,
 * and APPS rings it back the same way.
 */
static void rb5_fdt_add_services(Rb5MachineState *s)
{
    static const struct {
        const char *node;
        uint32_t item_in, item_out, remote_pid, client;
    } edges[RB5_NUM_DSPS] = {
        [RB5_ADSP] = { "/smp2p-adsp", SM8250_ADSP_SMP2P_ITEM_IN,
                       SM8250_ADSP_SMP2P_ITEM_OUT, 2,
                       QCOM_IPCC_CLIENT_LPASS },
        [RB5_CDSP] = { "/smp2p-cdsp", SM8250_CDSP_SMP2P_ITEM_IN,
                       SM8250_CDSP_SMP2P_ITEM_OUT, 5, QCOM_IPCC_CLIENT_CDSP },
        [RB5_SLPI] = { "/smp2p-slpi", SM8250_SLPI_SMP2P_ITEM_IN,
                       SM8250_SLPI_SMP2P_ITEM_OUT, 3, QCOM_IPCC_CLIENT_SLPI },
    };
    const char mutex_compat[] = "qcom,tcsr-mutex";
    const char ipcc_compat[] = "qcom,sm8250-ipcc\0qcom,ipcc";
    const char aoss_compat[] = "qcom,sm8250-aoss-qmp\0qcom,aoss-qmp";
    g_autofree char *name = NULL;

    name = qcom_fdt_add_block(s->fdt, "/soc", "hwlock",
                              rb5_map(SM8250_TCSR_MUTEX), mutex_compat,
                              sizeof(mutex_compat), s->tcsr_mutex_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#hwlock-cells", 1);
    g_free(name);

    name = qcom_fdt_add_block(s->fdt, "/soc", "mailbox", rb5_map(SM8250_IPCC),
                              ipcc_compat, sizeof(ipcc_compat),
                              s->ipcc_phandle);
    qemu_fdt_setprop_cells(s->fdt, name, "interrupts", GIC_FDT_IRQ_TYPE_SPI,
                           qcom_sm8250_irqmap[SM8250_IRQ_IPCC],
                           GIC_FDT_IRQ_FLAGS_LEVEL_HI);
    qemu_fdt_setprop(s->fdt, name, "interrupt-controller", NULL, 0);
    qemu_fdt_setprop_cell(s->fdt, name, "#interrupt-cells", 3);
    qemu_fdt_setprop_cell(s->fdt, name, "#mbox-cells", 2);
    g_free(name);

    /* named as 6.12's sm8250.dtsi names it: no power-domain provider */
    name = qcom_fdt_add_block(s->fdt, "/soc", "power-management",
                              rb5_map(SM8250_AOSS_QMP), aoss_compat,
                              sizeof(aoss_compat), s->aoss_qmp_phandle);
    qemu_fdt_setprop_cells(s->fdt, name, "interrupts-extended",
                           s->ipcc_phandle, QCOM_IPCC_CLIENT_AOP,
                           QCOM_IPCC_SIGNAL_GLINK_QMP,
                           GIC_FDT_IRQ_FLAGS_EDGE_LO_HI);
    qemu_fdt_setprop_cells(s->fdt, name, "mboxes", s->ipcc_phandle,
                           QCOM_IPCC_CLIENT_AOP, QCOM_IPCC_SIGNAL_GLINK_QMP);
    qemu_fdt_setprop_cell(s->fdt, name, "#clock-cells", 0);

    /* Added last first: libfdt puts each new subnode at the front. */
    for (int i = RB5_NUM_DSPS - 1; i >= 0; i--) {
        const QcomFdtSmp2p e = {
            .node = edges[i].node,
            .item_in = edges[i].item_in,
            .item_out = edges[i].item_out,
            .remote_pid = edges[i].remote_pid,
            .irq_prop = "interrupts-extended",
            .irq = { s->ipcc_phandle, edges[i].client,
                     QCOM_IPCC_SIGNAL_SMP2P, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI },
            .irq_cells = 4,
            .mbox = { s->ipcc_phandle, edges[i].client,
                      QCOM_IPCC_SIGNAL_SMP2P },
            .mbox_cells = 3,
            .in_phandle = s->smp2p_in_phandle[i],
            .out_phandle = s->smp2p_out_phandle[i],
        };

        qcom_fdt_add_smp2p(s->fdt, &e);
    }
}

/*
 * The DSPs as sm8250.dtsi and qrb5165-rb5.dts describe them: their
 * no-map carve-outs and remoteproc nodes, the SLPI's disabled as the RB5's
 * DT leaves it; the ADSP's and the SLPI's watchdogs go through the PDC.
 */
static void rb5_fdt_add_dsps(Rb5MachineState *s)
{
    static const struct {
        const char *compat, *firmware;
        enum QcomSm8250Block regs, mem;
        int wdog_pdc_pin;       /* else the GIC SPI SM8250_IRQ_CDSP_WDOG */
        unsigned num_pds;
        uint32_t pd[2];
        const char *pd_names[2];
        bool disabled;
    } dsps[RB5_NUM_DSPS] = {
        [RB5_ADSP] = { "qcom,sm8250-adsp-pas", "qcom/sm8250/adsp.mbn",
                       SM8250_ADSP, SM8250_ADSP_MEM, SM8250_PDC_PIN_ADSP_WDOG,
                       2, { RB5_RPMHPD_LCX, RB5_RPMHPD_LMX },
                       { "lcx", "lmx" } },
        [RB5_CDSP] = { "qcom,sm8250-cdsp-pas", "qcom/sm8250/cdsp.mbn",
                       SM8250_CDSP, SM8250_CDSP_MEM, -1,
                       1, { RB5_RPMHPD_CX }, { "cx" } },
        [RB5_SLPI] = { "qcom,sm8250-slpi-pas", "qcom/sm8250/slpi.mbn",
                       SM8250_SLPI, SM8250_SLPI_MEM, SM8250_PDC_PIN_SLPI_WDOG,
                       2, { RB5_RPMHPD_LCX, RB5_RPMHPD_LMX },
                       { "lcx", "lmx" }, true },
    };

    for (int i = 0; i < RB5_NUM_DSPS; i++) {
        const MemMapEntry *mem = rb5_map(dsps[i].mem);
        QcomFdtPas p = {
            .compat = dsps[i].compat,
            .regs = rb5_map(dsps[i].regs),
            .smp2p_in = s->smp2p_in_phandle[i],
            .smp2p_out = s->smp2p_out_phandle[i],
            .xo_phandle = s->xo_phandle,
            .rpmhpd_phandle = s->rpmhpd_phandle,
            .num_pds = dsps[i].num_pds,
            .mem_phandle = qcom_fdt_add_nomap(s->fdt, "memory", mem->base,
                                              mem->size),
            .qmp_phandle = s->aoss_qmp_phandle,
            .firmware = dsps[i].firmware,
            .disabled = dsps[i].disabled,
        };

        if (dsps[i].wdog_pdc_pin >= 0) {
            p.wdog[0] = s->pdc_phandle;
            p.wdog[1] = dsps[i].wdog_pdc_pin;
            p.wdog[2] = GIC_FDT_IRQ_FLAGS_LEVEL_HI;
            p.wdog_cells = 3;
        } else {
            p.wdog[0] = s->gic_phandle;
            p.wdog[1] = GIC_FDT_IRQ_TYPE_SPI;
            p.wdog[2] = qcom_sm8250_irqmap[SM8250_IRQ_CDSP_WDOG];
            p.wdog[3] = GIC_FDT_IRQ_FLAGS_LEVEL_HI;
            p.wdog_cells = 4;
        }
        for (int j = 0; j < dsps[i].num_pds; j++) {
            p.pd[j] = dsps[i].pd[j];
            p.pd_names[j] = dsps[i].pd_names[j];
        }
        qcom_fdt_add_pas(s->fdt, &p);
    }
}

static void rb5_create_fdt(Rb5MachineState *s)
{
    const char root_compat[] = "qcom,qrb5165-rb5\0qcom,sm8250";
    const char scm_compat[] = "qcom,scm-sm8250\0qcom,scm";
    const char pdc_compat[] = "qcom,sm8250-pdc\0qcom,pdc";
    const int rsc_spi[] = {
        qcom_sm8250_irqmap[SM8250_IRQ_RSC_DRV0],
        qcom_sm8250_irqmap[SM8250_IRQ_RSC_DRV1],
        qcom_sm8250_irqmap[SM8250_IRQ_RSC_DRV2],
    };
    uint32_t *phandles[] = {
        &s->gic_phandle, &s->tcsr_mutex_phandle, &s->ipcc_phandle,
        &s->pdc_phandle, &s->aoss_qmp_phandle, &s->rpmhpd_phandle,
        &s->xo_phandle,
    };

    s->fdt = qcom_fdt_create("Qualcomm Technologies, Inc. Robotics RB5 "
                             "(qcom-mss-sim's own device tree)",
                             root_compat, sizeof(root_compat), &s->fdt_size);
    for (int i = 0; i < ARRAY_SIZE(phandles); i++) {
        *phandles[i] = qemu_fdt_alloc_phandle(s->fdt);
    }
    for (int i = 0; i < RB5_NUM_DSPS; i++) {
        s->smp2p_in_phandle[i] = qemu_fdt_alloc_phandle(s->fdt);
        s->smp2p_out_phandle[i] = qemu_fdt_alloc_phandle(s->fdt);
    }
    qemu_fdt_setprop_cell(s->fdt, "/", "interrupt-parent", s->gic_phandle);
    /* the board's crystal, sm8250.dtsi's xo_board */
    qcom_fdt_add_fixed_clock(s->fdt, "xo-board", 38400000, s->xo_phandle);

    /* SMEM as sm8250.dtsi describes it, guarded by TCSR mutex lock 3 */
    qcom_fdt_add_memory(s->fdt, rb5_map(SM8250_DRAM)->base,
                        MACHINE(s)->ram_size, RB5_CMA_SIZE,
                        rb5_map(SM8250_CMD_DB), rb5_map(SM8250_SMEM),
                        s->tcsr_mutex_phandle, SM8250_SMEM_HWLOCK);
    qcom_fdt_add_cpus(s->fdt, &s->soc.apss);
    qcom_fdt_add_gic(s->fdt, rb5_map(SM8250_GIC_DIST),
                     rb5_map(SM8250_GIC_REDIST), SM8250_PPI_GIC_MAINT,
                     s->gic_phandle);
    /* uart12 under qupv3_id_1, as qrb5165-rb5.dts enables it */
    qcom_fdt_add_debug_uart(s->fdt, rb5_map(SM8250_QUP1),
                            rb5_map(SM8250_QUP1_SE4),
                            qcom_sm8250_irqmap[SM8250_IRQ_QUP1_SE4],
                            s->xo_phandle);
    qcom_fdt_add_scm(s->fdt, scm_compat, sizeof(scm_compat),
                     s->soc.apss.scm.dma_coherent);
    rb5_fdt_add_services(s);
    qcom_fdt_add_pdc(s->fdt, rb5_map(SM8250_PDC), pdc_compat,
                     sizeof(pdc_compat), qcom_sm8250_pdc_ranges,
                     SM8250_NUM_PDC_RANGES, s->gic_phandle, s->pdc_phandle);
    rb5_fdt_add_dsps(s);
    qcom_fdt_add_rpmh(s->fdt, rb5_map(SM8250_RPMH_RSC), rsc_spi,
                      SM8250_RSC_DRV, "qcom,sm8250-rpmhpd",
                      s->rpmhpd_phandle);
}

static void *rb5_get_dtb(const struct arm_boot_info *info, int *size)
{
    Rb5MachineState *s = container_of(info, Rb5MachineState, bootinfo);

    *size = s->fdt_size;
    return s->fdt;
}

/*
 * What the boot firmware leaves behind, once every device is back to its
 * reset state: TZ shares SMEM with the DSPs in the XPU, the boot loader
 * lays out SMEM, the AOP writes its Command DB.
 */
static void rb5_reset(MachineState *ms, ResetType type)
{
    Rb5MachineState *s = RB5_MACHINE(ms);
    QcomXpuState *xpu = qcom_apss_xpu(&s->soc.apss);
    const MemMapEntry *smem = rb5_map(SM8250_SMEM);

    qemu_devices_reset(type);

    if (xpu) {
        uint32_t vmids = BIT(qcom_master_vmid(QCOM_MASTER_APPS)) |
                         BIT(qcom_master_vmid(QCOM_MASTER_ADSP)) |
                         BIT(qcom_master_vmid(QCOM_MASTER_CDSP)) |
                         BIT(qcom_master_vmid(QCOM_MASTER_SLPI));

        qcom_xpu_assign(xpu, smem->base, smem->size, vmids, vmids,
                        &error_abort);
    }
    qcom_smem_layout(&s->soc.smem);
    qcom_cmd_db_layout(&s->soc.cmd_db);
}

static void rb5_init(MachineState *ms)
{
    Rb5MachineState *s = RB5_MACHINE(ms);
    Object *soc = OBJECT(&s->soc);

    object_property_set_link(soc, "ram", OBJECT(ms->ram), &error_abort);
    object_property_set_uint(soc, "num-cpus", ms->smp.cpus, &error_abort);
    object_property_set_str(soc, "cpu-type", ms->cpu_type, &error_abort);
    qdev_realize(DEVICE(soc), NULL, &error_fatal);

    rb5_create_fdt(s);
    qcom_fdt_finish(s->fdt, &s->fdt_size);
    /* Kept in the machine so QMP "dumpdtb" works without a kernel too. */
    ms->fdt = s->fdt;

    s->bootinfo.loader_start = rb5_map(SM8250_DRAM)->base;
    s->bootinfo.ram_size = ms->ram_size;
    s->bootinfo.kernel_offset = RB5_KERNEL_OFFSET;
    s->bootinfo.initrd_offset = RB5_INITRD_OFFSET;
    s->bootinfo.board_id = -1;
    s->bootinfo.psci_conduit = QEMU_PSCI_CONDUIT_SMC;
    s->bootinfo.get_dtb = rb5_get_dtb;
    arm_load_kernel(&s->soc.apss.cpu[0], ms, &s->bootinfo);
}

static void rb5_instance_init(Object *obj)
{
    Rb5MachineState *s = RB5_MACHINE(obj);

    object_initialize_child(obj, "soc", &s->soc, TYPE_QCOM_SM8250);
}

static void rb5_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    qcom_apss_machine_class_init(oc);
    mc->desc = "Qualcomm Robotics RB5 (QRB5165, SM8250): XPU and cache "
               "models (qcom-mss-sim)";
    mc->init = rb5_init;
    mc->reset = rb5_reset;
    mc->default_ram_id = "rb5.ram";
}

static const TypeInfo rb5_types[] = {
    {
        .name = TYPE_RB5_MACHINE,
        .parent = TYPE_MACHINE,
        .instance_size = sizeof(Rb5MachineState),
        .instance_init = rb5_instance_init,
        .class_init = rb5_class_init,
    },
};

DEFINE_TYPES(rb5_types)
