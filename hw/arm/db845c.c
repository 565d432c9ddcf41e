/*
 * Thundercomm DragonBoard 845c (Qualcomm SDM845) for qcom-mss-sim
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * QEMU interface:
 *  + machine "db845c": the SDM845 SoC (hw/arm/qcom-sdm845.c, QOM path
 *    /machine/soc) with up to 8 CPUs and DRAM at 0x80000000 sized by -m
 *    (1..8 GiB)
 *  + -kernel/-initrd/-append as on "virt"; the initrd goes to DRAM +
 *    DB845C_INITRD_OFFSET, above the reserved memory of sdm845.dtsi
 *  + -dtb FILE: the kernel tree's own device tree (make
 *    qcom/sdm845-db845c.dtb), amended only as QEMU's arm boot code always
 *    does (memory node, /chosen, /psci); without -dtb the board makes its
 *    own, a small description of what the SoC models (dumpable with
 *    "-machine dumpdtb=FILE" or QMP "dumpdtb")
 *  + machine properties "xpu" and "dcache" (on by default): the SoC's XPU
 *    memory firewall and data cache model
 *  + machine property "metadata" (off by default; the board's own device
 *    tree only): a no-map carve-out for the modem's firmware metadata, as
 *    6.12's sdm845.dtsi has (mdata_mem)
 *  + at every reset, once the devices are back to their reset state, the
 *    boot firmware's work: SMEM shared with the modem in the XPU, the SMEM
 *    layout and the Command DB
 */

#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/arm/fdt.h"
#include "hw/arm/qcom-fdt.h"
#include "hw/arm/qcom-sdm845.h"
#include "hw/boards.h"
#include "hw/qdev-properties.h"
#include "system/device_tree.h"
#include "system/reset.h"
#include "system/system.h"
#include "target/arm/cpu.h"
#include <libfdt.h>

#define TYPE_DB845C_MACHINE MACHINE_TYPE_NAME("db845c")
OBJECT_DECLARE_SIMPLE_TYPE(Db845cMachineState, DB845C_MACHINE)

/* Firmware the board's own DT names (under /lib/firmware) */
#define DB845C_MBA_FW "qcom/sdm845/mba.mbn"
#define DB845C_MPSS_FW "qcom/sdm845/modem.mbn"
#define DB845C_MSS_NUM_CLOCKS 8

/*
 * Between sdm845.dtsi's reserved memory, which ends at 0x97c00000, and
 * sdm845-db845c.dts's cont_splash_mem at 0x9d400000: the initrd and the
 * DTB after it have 84 MiB (scripts/check-kernel checks that they fit).
 */
#define DB845C_INITRD_OFFSET (384 * MiB)

/* The own DT's metadata carve-out, above the modem's MBA region */
#define DB845C_METADATA_BASE 0x96700000
#define DB845C_METADATA_SIZE 0x4000
#define DB845C_CMA_SIZE (32 * MiB)

struct Db845cMachineState {
    MachineState parent_obj;

    QcomSdm845State soc;
    struct arm_boot_info bootinfo;
    bool metadata_carveout;

    /* the board's own device tree */
    void *fdt;
    int fdt_size;
    uint32_t gic_phandle;
    uint32_t tcsr_mutex_phandle;
    uint32_t apss_shared_phandle;
    uint32_t rpmhpd_phandle;
    uint32_t smp2p_in_phandle;
    uint32_t smp2p_out_phandle;
    uint32_t aoss_reset_phandle;
    uint32_t pdc_reset_phandle;
    uint32_t tcsr_phandle;
    uint32_t xo_phandle;
    uint32_t mss_clk_phandle[DB845C_MSS_NUM_CLOCKS];
};

/* dt-bindings/power/qcom-rpmpd.h: SDM845_MX, SDM845_CX, SDM845_MSS */
#define DB845C_RPMHPD_MX 1
#define DB845C_RPMHPD_CX 3
#define DB845C_RPMHPD_MSS 8

/*
 * The clocks qcom_q6v5_mss enables for "qcom,sdm845-mss-pil", by the
 * names it asks for, as fixed clocks named after the GCC (and RPMh XO)
 * branches that feed them on SDM845.
 */
static const struct {
    const char *name;
    const char *node;
    uint32_t hz;
} db845c_mss_clocks[DB845C_MSS_NUM_CLOCKS] = {
    { "iface", "gcc-mss-cfg-ahb-clk", 19200000 },
    { "bus", "gcc-mss-q6-memnoc-axi-clk", 19200000 },
    { "mem", "gcc-boot-rom-ahb-clk", 19200000 },
    { "gpll0_mss", "gcc-mss-gpll0-div-clk-src", 300000000 },
    { "snoc_axi", "gcc-mss-snoc-axi-clk", 19200000 },
    { "mnoc_axi", "gcc-mss-mfab-axis-clk", 19200000 },
    { "prng", "gcc-prng-ahb-clk", 19200000 },
    { "xo", "rpmh-cxo-clk", 19200000 },
};

static const MemMapEntry *db845c_map(enum QcomSdm845Block block)
{
    return &qcom_sdm845_memmap[block];
}

static void db845c_fdt_add_memory(Db845cMachineState *s)
{
    /* SMEM as sdm845.dtsi describes it, guarded by TCSR mutex lock 3 */
    qcom_fdt_add_memory(s->fdt, db845c_map(SDM845_DRAM)->base,
                        MACHINE(s)->ram_size, DB845C_CMA_SIZE,
                        db845c_map(SDM845_CMD_DB), db845c_map(SDM845_SMEM),
                        s->tcsr_mutex_phandle, SDM845_SMEM_HWLOCK);
}

/*
 * The modem's platform services (qcom,tcsr-mutex, qcom,sdm845-apss-shared,
 * qcom,smp2p), as sdm845.dtsi describes them.
 */
static void db845c_fdt_add_services(Db845cMachineState *s)
{
    const char mutex_compat[] = "qcom,tcsr-mutex";
    const char apss_compat[] = "qcom,sdm845-apss-shared";
    /*
     * Modem SMP2P: inbound item 435 (the modem's, created when it comes
     * up), outbound 428 (allocated by Linux at probe); the modem rings
     * SPI 451, Linux rings the modem through APSS IPC bit 14.
     */
    const QcomFdtSmp2p mpss = {
        .node = "/smp2p-mpss",
        .item_in = SDM845_MSS_SMP2P_ITEM_IN,
        .item_out = SDM845_MSS_SMP2P_ITEM_OUT,
        .remote_pid = 1,
        .irq_prop = "interrupts",
        .irq = { GIC_FDT_IRQ_TYPE_SPI,
                 qcom_sdm845_irqmap[SDM845_IRQ_MSS_SMP2P],
                 GIC_FDT_IRQ_FLAGS_EDGE_LO_HI },
        .irq_cells = 3,
        .mbox = { s->apss_shared_phandle, QCOM_APCS_IPC_MSS_SMP2P },
        .mbox_cells = 2,
        .in_phandle = s->smp2p_in_phandle,
        .out_phandle = s->smp2p_out_phandle,
    };
    g_autofree char *name = NULL;

    name = qcom_fdt_add_block(s->fdt, "/soc", "hwlock",
                              db845c_map(SDM845_TCSR_MUTEX), mutex_compat,
                              sizeof(mutex_compat), s->tcsr_mutex_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#hwlock-cells", 1);
    g_free(name);

    name = qcom_fdt_add_block(s->fdt, "/soc", "mailbox",
                              db845c_map(SDM845_APSS_SHARED), apss_compat,
                              sizeof(apss_compat), s->apss_shared_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#mbox-cells", 1);

    qcom_fdt_add_smp2p(s->fdt, &mpss);
}

/*
 * The modem's reset controllers, its halt registers' TCSR block (a
 * syscon), and fixed clocks standing in for the GCC branches the driver
 * enables; no driver ever sets their rates.
 */
static void db845c_fdt_add_mss_providers(Db845cMachineState *s)
{
    const char aoss_compat[] = "qcom,sdm845-aoss-cc";
    const char pdc_compat[] = "qcom,sdm845-pdc-global";
    const char tcsr_compat[] = "qcom,sdm845-tcsr\0syscon";
    g_autofree char *name = NULL;

    name = qcom_fdt_add_block(s->fdt, "/soc", "reset-controller",
                              db845c_map(SDM845_AOSS_RESET), aoss_compat,
                              sizeof(aoss_compat), s->aoss_reset_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#reset-cells", 1);
    g_free(name);

    name = qcom_fdt_add_block(s->fdt, "/soc", "reset-controller",
                              db845c_map(SDM845_PDC_RESET), pdc_compat,
                              sizeof(pdc_compat), s->pdc_reset_phandle);
    qemu_fdt_setprop_cell(s->fdt, name, "#reset-cells", 1);

    g_free(qcom_fdt_add_block(s->fdt, "/soc", "syscon",
                              db845c_map(SDM845_TCSR_REGS_1), tcsr_compat,
                              sizeof(tcsr_compat), s->tcsr_phandle));

    for (int i = 0; i < ARRAY_SIZE(db845c_mss_clocks); i++) {
        s->mss_clk_phandle[i] = qemu_fdt_alloc_phandle(s->fdt);
        qcom_fdt_add_fixed_clock(s->fdt, db845c_mss_clocks[i].node,
                                 db845c_mss_clocks[i].hz,
                                 s->mss_clk_phandle[i]);
    }
}

/*
 * The modem as sdm845.dtsi describes mss_pil (qcom,q6v5.txt): its
 * carve-outs, the optional metadata carve-out of 6.12's DTs, clocks,
 * resets, power domains, SMP2P interrupts and the stop state.
 */
static void db845c_fdt_add_mss(Db845cMachineState *s)
{
    const MemMapEntry *q6 = db845c_map(SDM845_MSS_QDSP6);
    const MemMapEntry *rmb = db845c_map(SDM845_MSS_RMB);
    const MemMapEntry *mpss_mem = db845c_map(SDM845_MPSS_MEM);
    const MemMapEntry *mba_mem = db845c_map(SDM845_MBA_MEM);
    const char reg_names[] = "qdsp6\0rmb";
    const char irq_names[] = "wdog\0fatal\0ready\0handover\0stop-ack\0"
                             "shutdown-ack";
    const char reset_names[] = "mss_restart\0pdc_reset";
    const char pd_names[] = "cx\0mx\0mss";
    const char fw_names[] = DB845C_MBA_FW "\0" DB845C_MPSS_FW;
    uint32_t mba, mpss, metadata = 0;
    uint32_t clocks[ARRAY_SIZE(db845c_mss_clocks)];
    GString *clk_names = g_string_new(NULL);
    g_autofree char *name = NULL;
    g_autofree char *child = NULL;

    mpss = qcom_fdt_add_nomap(s->fdt, "mpss", mpss_mem->base, mpss_mem->size);
    mba = qcom_fdt_add_nomap(s->fdt, "mba", mba_mem->base, mba_mem->size);
    if (s->metadata_carveout) {
        metadata = qcom_fdt_add_nomap(s->fdt, "mpss-metadata",
                                        DB845C_METADATA_BASE,
                                        DB845C_METADATA_SIZE);
    }

    name = g_strdup_printf("/soc/remoteproc@%" HWADDR_PRIx, q6->base);
    qemu_fdt_add_subnode(s->fdt, name);
    qemu_fdt_setprop_string(s->fdt, name, "compatible", "qcom,sdm845-mss-pil");
    qemu_fdt_setprop_sized_cells(s->fdt, name, "reg", 2, q6->base,
                                 2, q6->size, 2, rmb->base, 2, rmb->size);
    qemu_fdt_setprop(s->fdt, name, "reg-names", reg_names,
                     sizeof(reg_names));
    qemu_fdt_setprop(s->fdt, name, "firmware-name", fw_names,
                     sizeof(fw_names));
    /* the watchdog, then the modem's SMP2P bits 0-3 and 7 */
    qemu_fdt_setprop_cells(s->fdt, name, "interrupts-extended",
                           s->gic_phandle, GIC_FDT_IRQ_TYPE_SPI,
                           qcom_sdm845_irqmap[SDM845_IRQ_MSS_WDOG],
                           GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 0, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 1, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 2, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 3, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI,
                           s->smp2p_in_phandle, 7,
                           GIC_FDT_IRQ_FLAGS_EDGE_LO_HI);
    qemu_fdt_setprop(s->fdt, name, "interrupt-names", irq_names,
                     sizeof(irq_names));
    for (int i = 0; i < ARRAY_SIZE(db845c_mss_clocks); i++) {
        clocks[i] = cpu_to_be32(s->mss_clk_phandle[i]);
        g_string_append(clk_names, db845c_mss_clocks[i].name);
        g_string_append_c(clk_names, 0);
    }
    qemu_fdt_setprop(s->fdt, name, "clocks", clocks, sizeof(clocks));
    qemu_fdt_setprop(s->fdt, name, "clock-names", clk_names->str,
                     clk_names->len);
    g_string_free(clk_names, true);
    qemu_fdt_setprop_cells(s->fdt, name, "qcom,smem-states",
                           s->smp2p_out_phandle, 0);
    qemu_fdt_setprop_string(s->fdt, name, "qcom,smem-state-names", "stop");
    qemu_fdt_setprop_cells(s->fdt, name, "resets",
                           s->aoss_reset_phandle, QCOM_AOSS_RESET_MSS,
                           s->pdc_reset_phandle, QCOM_PDC_RESET_MODEM);
    qemu_fdt_setprop(s->fdt, name, "reset-names", reset_names,
                     sizeof(reset_names));
    qemu_fdt_setprop_cells(s->fdt, name, "qcom,halt-regs", s->tcsr_phandle,
                           SDM845_MSS_HALT_Q6, SDM845_MSS_HALT_MODEM,
                           SDM845_MSS_HALT_NC);
    qemu_fdt_setprop_cells(s->fdt, name, "power-domains",
                           s->rpmhpd_phandle, DB845C_RPMHPD_CX,
                           s->rpmhpd_phandle, DB845C_RPMHPD_MX,
                           s->rpmhpd_phandle, DB845C_RPMHPD_MSS);
    qemu_fdt_setprop(s->fdt, name, "power-domain-names", pd_names,
                     sizeof(pd_names));

    /* Added last first: libfdt puts each new subnode at the front. */
    if (metadata) {
        child = g_strdup_printf("%s/metadata", name);
        qemu_fdt_add_subnode(s->fdt, child);
        qemu_fdt_setprop_cell(s->fdt, child, "memory-region", metadata);
        g_free(child);
    }
    child = g_strdup_printf("%s/mpss", name);
    qemu_fdt_add_subnode(s->fdt, child);
    qemu_fdt_setprop_cell(s->fdt, child, "memory-region", mpss);
    g_free(child);
    child = g_strdup_printf("%s/mba", name);
    qemu_fdt_add_subnode(s->fdt, child);
    qemu_fdt_setprop_cell(s->fdt, child, "memory-region", mba);
}

static void db845c_create_fdt(Db845cMachineState *s)
{
    const char root_compat[] = "thundercomm,db845c\0qcom,sdm845";
    const char scm_compat[] = "qcom,scm-sdm845\0qcom,scm";
    const int rsc_spi[] = {
        qcom_sdm845_irqmap[SDM845_IRQ_RSC_DRV0],
        qcom_sdm845_irqmap[SDM845_IRQ_RSC_DRV1],
        qcom_sdm845_irqmap[SDM845_IRQ_RSC_DRV2],
    };
    uint32_t *phandles[] = {
        &s->gic_phandle, &s->tcsr_mutex_phandle, &s->apss_shared_phandle,
        &s->rpmhpd_phandle, &s->smp2p_in_phandle, &s->smp2p_out_phandle,
        &s->aoss_reset_phandle, &s->pdc_reset_phandle, &s->tcsr_phandle,
        &s->xo_phandle,
    };

    s->fdt = qcom_fdt_create("Thundercomm Dragonboard 845c "
                             "(qcom-mss-sim's own device tree)",
                             root_compat, sizeof(root_compat), &s->fdt_size);
    for (int i = 0; i < ARRAY_SIZE(phandles); i++) {
        *phandles[i] = qemu_fdt_alloc_phandle(s->fdt);
    }
    qemu_fdt_setprop_cell(s->fdt, "/", "interrupt-parent", s->gic_phandle);
    /* the board's crystal, sdm845.dtsi's xo_board */
    qcom_fdt_add_fixed_clock(s->fdt, "xo-board", 38400000, s->xo_phandle);

    db845c_fdt_add_memory(s);
    qcom_fdt_add_cpus(s->fdt, &s->soc.apss);
    qcom_fdt_add_gic(s->fdt, db845c_map(SDM845_GIC_DIST),
                     db845c_map(SDM845_GIC_REDIST), SDM845_PPI_GIC_MAINT,
                     s->gic_phandle);
    /* uart9 under qupv3_id_1, as sdm845.dtsi describes it */
    qcom_fdt_add_debug_uart(s->fdt, db845c_map(SDM845_QUP1),
                            db845c_map(SDM845_QUP1_SE1),
                            qcom_sdm845_irqmap[SDM845_IRQ_QUP1_SE1],
                            s->xo_phandle);
    qcom_fdt_add_scm(s->fdt, scm_compat, sizeof(scm_compat),
                     s->soc.apss.scm.dma_coherent);
    db845c_fdt_add_services(s);
    qcom_fdt_add_rpmh(s->fdt, db845c_map(SDM845_RPMH_RSC), rsc_spi,
                      SDM845_RSC_DRV, "qcom,sdm845-rpmhpd",
                      s->rpmhpd_phandle);
    db845c_fdt_add_mss_providers(s);
    db845c_fdt_add_mss(s);
}

static void *db845c_get_dtb(const struct arm_boot_info *info, int *size)
{
    Db845cMachineState *s = container_of(info, Db845cMachineState, bootinfo);

    *size = s->fdt_size;
    return s->fdt;
}

/*
 * What the boot firmware leaves behind, once every device is back to its
 * reset state: TZ shares SMEM with the modem in the XPU, the boot loader
 * lays out SMEM, the AOP writes its Command DB.
 */
static void db845c_reset(MachineState *ms, ResetType type)
{
    Db845cMachineState *s = DB845C_MACHINE(ms);
    QcomXpuState *xpu = qcom_apss_xpu(&s->soc.apss);
    const MemMapEntry *smem = db845c_map(SDM845_SMEM);

    qemu_devices_reset(type);

    if (xpu) {
        uint32_t vmids = BIT(qcom_master_vmid(QCOM_MASTER_APPS)) |
                         BIT(qcom_master_vmid(QCOM_MASTER_MSS));

        qcom_xpu_assign(xpu, smem->base, smem->size, vmids, vmids,
                        &error_abort);
    }
    qcom_smem_layout(&s->soc.smem);
    qcom_cmd_db_layout(&s->soc.cmd_db);
}

static void db845c_init(MachineState *ms)
{
    Db845cMachineState *s = DB845C_MACHINE(ms);
    Object *soc = OBJECT(&s->soc);

    if (ms->dtb && s->metadata_carveout) {
        error_report("db845c: 'metadata' describes a carve-out in the "
                     "board's own device tree; with -dtb the device tree "
                     "decides (mdata_mem in 6.12's sdm845.dtsi)");
        exit(1);
    }

    object_property_set_link(soc, "ram", OBJECT(ms->ram), &error_abort);
    object_property_set_uint(soc, "num-cpus", ms->smp.cpus, &error_abort);
    object_property_set_str(soc, "cpu-type", ms->cpu_type, &error_abort);
    qdev_realize(DEVICE(soc), NULL, &error_fatal);

    db845c_create_fdt(s);
    qcom_fdt_finish(s->fdt, &s->fdt_size);
    /* Kept in the machine so QMP "dumpdtb" works without a kernel too. */
    ms->fdt = s->fdt;

    s->bootinfo.loader_start = db845c_map(SDM845_DRAM)->base;
    s->bootinfo.ram_size = ms->ram_size;
    s->bootinfo.initrd_offset = DB845C_INITRD_OFFSET;
    s->bootinfo.board_id = -1;
    s->bootinfo.psci_conduit = QEMU_PSCI_CONDUIT_SMC;
    s->bootinfo.get_dtb = db845c_get_dtb;
    arm_load_kernel(&s->soc.apss.cpu[0], ms, &s->bootinfo);
}

static bool db845c_get_metadata(Object *obj, Error **errp)
{
    return DB845C_MACHINE(obj)->metadata_carveout;
}

static void db845c_set_metadata(Object *obj, bool value, Error **errp)
{
    DB845C_MACHINE(obj)->metadata_carveout = value;
}

static void db845c_instance_init(Object *obj)
{
    Db845cMachineState *s = DB845C_MACHINE(obj);

    object_initialize_child(obj, "soc", &s->soc, TYPE_QCOM_SDM845);
}

static void db845c_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    qcom_apss_machine_class_init(oc);
    mc->desc = "Thundercomm DragonBoard 845c (Qualcomm SDM845): modem "
               "subsystem, XPU and cache models (qcom-mss-sim)";
    mc->init = db845c_init;
    mc->reset = db845c_reset;
    mc->default_ram_id = "db845c.ram";

    object_class_property_add_bool(oc, "metadata", db845c_get_metadata,
                                   db845c_set_metadata);
    object_class_property_set_description(oc, "metadata",
        "Give the modem a no-map carve-out for its firmware metadata in the "
        "board's own device tree, as 6.12's sdm845.dtsi does (default off)");
}

static const TypeInfo db845c_types[] = {
    {
        .name = TYPE_DB845C_MACHINE,
        .parent = TYPE_MACHINE,
        .instance_size = sizeof(Db845cMachineState),
        .instance_init = db845c_instance_init,
        .class_init = db845c_class_init,
    },
};

DEFINE_TYPES(db845c_types)
