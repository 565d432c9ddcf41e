/*
 * Qualcomm application processor subsystem of the SoC models
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The CPUs, their GIC, DRAM behind the XPU and the cache model, and the
 * secure firmware, as include/hw/arm/qcom-apss.h describes them; each
 * SoC gives the addresses and interrupts in its QcomApssConfig.
 */

#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "qobject/qlist.h"
#include "exec/address-spaces.h"
#include "hw/arm/arm-mapping-scan.h"
#include "hw/arm/qcom-apss.h"
#include "hw/boards.h"
#include "hw/core/cpu.h"
#include "hw/qdev-properties.h"
#include "qapi/visitor.h"
#include "target/arm/cpu-qom.h"

qemu_irq qcom_apss_spi(QcomApss *a, unsigned spi)
{
    return qdev_get_gpio_in(DEVICE(&a->gic), spi);
}

QcomXpuState *qcom_apss_xpu(QcomApss *a)
{
    return a->xpu_enabled ? &a->xpu : NULL;
}

static bool apss_realize_cpus(QcomApss *a, Object *soc, Error **errp)
{
    for (unsigned n = 0; n < a->num_cpus; n++) {
        Object *cpu = OBJECT(&a->cpu[n]);

        object_initialize_child(soc, "cpu[*]", &a->cpu[n], a->cpu_type);
        /* Kryo: one thread per core, the core number in Aff1 */
        object_property_set_int(cpu, "mp-affinity", n << ARM_AFF1_SHIFT,
                                &error_abort);
        object_property_set_uint(cpu, "cntfrq", a->cfg.cntfrq,
                                 &error_abort);
        /* Linux runs at EL1; the firmware (PSCI, SCM) is emulated. */
        object_property_set_bool(cpu, "has_el3", false, &error_abort);
        if (object_property_find(cpu, "has_el2")) {
            object_property_set_bool(cpu, "has_el2", false, &error_abort);
        }
        object_property_set_link(cpu, "memory",
                                 OBJECT(get_system_memory()), &error_abort);
        if (!qdev_realize(DEVICE(cpu), NULL, errp)) {
            return false;
        }
    }
    return true;
}

/* GIC-600, wired to the CPUs as the SoC wires its PPIs */
static bool apss_realize_gic(QcomApss *a, Object *soc, Error **errp)
{
    const QcomApssConfig *cfg = &a->cfg;
    DeviceState *gic;
    SysBusDevice *sbd;
    unsigned ncpu = a->num_cpus;
    QList *redist_region_count = qlist_new();

    object_initialize_child(soc, "gic", &a->gic, gicv3_class_name());
    gic = DEVICE(&a->gic);
    sbd = SYS_BUS_DEVICE(gic);
    qdev_prop_set_uint32(gic, "revision", 3);
    qdev_prop_set_uint32(gic, "num-cpu", ncpu);
    qdev_prop_set_uint32(gic, "num-irq", cfg->num_spis + GIC_INTERNAL);
    qlist_append_int(redist_region_count, ncpu);
    qdev_prop_set_array(gic, "redist-region-count", redist_region_count);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sysbus_mmio_map(sbd, 0, cfg->gic_dist);
    sysbus_mmio_map(sbd, 1, cfg->gic_redist);

    for (unsigned i = 0; i < ncpu; i++) {
        DeviceState *cpu = DEVICE(&a->cpu[i]);
        int ppibase = cfg->num_spis + i * GIC_INTERNAL + GIC_NR_SGIS;

        for (unsigned t = 0; t < ARRAY_SIZE(cfg->timer_ppi); t++) {
            qdev_connect_gpio_out(cpu, t,
                                  qdev_get_gpio_in(gic, ppibase +
                                                   cfg->timer_ppi[t]));
        }
        qdev_connect_gpio_out_named(cpu, "gicv3-maintenance-interrupt", 0,
                                    qdev_get_gpio_in(gic, ppibase +
                                                     cfg->gic_maint_ppi));
        qdev_connect_gpio_out_named(cpu, "pmu-interrupt", 0,
                                    qdev_get_gpio_in(gic, ppibase +
                                                     cfg->pmu_ppi));
        sysbus_connect_irq(sbd, i, qdev_get_gpio_in(cpu, ARM_CPU_IRQ));
        sysbus_connect_irq(sbd, i + ncpu, qdev_get_gpio_in(cpu, ARM_CPU_FIQ));
        sysbus_connect_irq(sbd, i + 2 * ncpu,
                           qdev_get_gpio_in(cpu, ARM_CPU_VIRQ));
        sysbus_connect_irq(sbd, i + 3 * ncpu,
                           qdev_get_gpio_in(cpu, ARM_CPU_VFIQ));
        sysbus_connect_irq(sbd, i + 4 * ncpu,
                           qdev_get_gpio_in(cpu, ARM_CPU_NMI));
        sysbus_connect_irq(sbd, i + 5 * ncpu,
                           qdev_get_gpio_in(cpu, ARM_CPU_VINMI));
    }
    return true;
}

static const char *apss_master_name(uint16_t requester_id)
{
    return qcom_master_name(requester_id & 0xff);
}

/*
 * The CPUs' data cache maintenance, reported by target/arm: with the BQL
 * held, but for DC ZVA.
 */
static void apss_cacheop(ARMCPU *cpu, const ARMCacheOpInfo *info,
                         void *opaque)
{
    static const struct {
        CpuDcacheOp op;
        const char *insn;
    } ops[] = {
        [ARM_CACHEOP_DC_IVAC] = { CPU_DCACHE_INVAL, "DC IVAC" },
        [ARM_CACHEOP_DC_CVAC] = { CPU_DCACHE_CLEAN_POC, "DC CVAC" },
        [ARM_CACHEOP_DC_CVAU] = { CPU_DCACHE_CLEAN_POU, "DC CVAU" },
        [ARM_CACHEOP_DC_CIVAC] = { CPU_DCACHE_CLEAN_INVAL, "DC CIVAC" },
        [ARM_CACHEOP_DC_CVAP] = { CPU_DCACHE_CLEAN_POC, "DC CVAP" },
        [ARM_CACHEOP_DC_CVADP] = { CPU_DCACHE_CLEAN_POC, "DC CVADP" },
        [ARM_CACHEOP_DC_ZVA] = { CPU_DCACHE_ZERO, "DC ZVA" },
        [ARM_CACHEOP_DC_ISW] = { CPU_DCACHE_SW_INVAL, "DC ISW" },
        [ARM_CACHEOP_DC_CSW] = { CPU_DCACHE_SW_CLEAN, "DC CSW" },
        [ARM_CACHEOP_DC_CISW] = { CPU_DCACHE_SW_CLEAN_INVAL, "DC CISW" },
    };
    /* no QOM casts: this runs for each DC ZVA of every page cleared */
    CpuDcacheState *dcache = opaque;
    CpuDcacheOrigin o = {
        .insn = ops[info->op].insn,
        .pc = info->pc,
        .lr = cpu->env.xregs[30],
        .va = info->va,
        .cpu = cpu->parent_obj.cpu_index,
    };

    if (ARM_CACHEOP_IS_SET_WAY(info->op)) {
        /*
         * Set/way operand: way in the top bits, set from bit 6 (64-byte
         * lines). The model splits its lines by set; ways beyond the
         * first have nothing more to do.
         */
        unsigned ways = FIELD_EX64(cpu->ccsidr[0], CCSIDR_EL1, ASSOCIATIVITY)
                        + 1;
        unsigned wbits = ways > 1 ? 32 - clz32(ways - 1) : 0;
        uint32_t way = wbits ? extract64(info->value, 32 - wbits, wbits) : 0;

        if (way == 0) {
            cpu_dcache_maintain(dcache, ops[info->op].op, 0, 0,
                                extract64(info->value, 6, 24) %
                                CPU_DCACHE_SW_SETS, &o);
        }
    } else if (info->op == ARM_CACHEOP_DC_ZVA) {
        /*
         * Called without the BQL. Through a non-cacheable mapping
         * (memset() of a coherent DMA buffer, say) DC ZVA zeroes memory
         * without allocating lines; QEMU's stores then take the
         * non-cacheable path like any other.
         */
        if (info->pa_valid && info->attrs.cacheable) {
            cpu_dcache_zero(dcache, info->pa, info->size, &o);
        }
    } else if (info->pa_valid) {
        cpu_dcache_maintain(dcache, ops[info->op].op, info->pa, info->size,
                            0, &o);
    }
}

/*
 * The XPU took a range away from the CPUs: lines they still hold there
 * are a hazard (they may be written back or evicted into it later). When
 * the CPUs keep read access, only dirty lines are.
 */
static void apss_xpu_changed(Notifier *n, void *data)
{
    QcomApss *a = container_of(n, QcomApss, xpu_change);
    QcomXpuChange *c = data;
    g_autofree char *report = NULL;
    CpuDcacheHazard h;

    if (!((c->apps_read_before && !c->apps_read_after) ||
          (c->apps_write_before && !c->apps_write_after))) {
        return;
    }
    h = cpu_dcache_check_revoke(&a->dcache, c->start, c->end,
                                c->apps_read_after, &report);
    if (h != CPU_DCACHE_NO_HAZARD) {
        qcom_xpu_report_hazard(&a->xpu, c->start, c->end,
                               h == CPU_DCACHE_HAZARD_DIRTY, report);
    }
}

/*
 * Strict speculation: the kernel maps the range cacheable (its linear map
 * of all RAM that is not no-map, say) in the tables of the CPU that is
 * taking it away, or of CPU 0 when no CPU is (QMP, qtest).
 */
static bool apss_maps_cacheable(void *opaque, hwaddr start, hwaddr end,
                                GString *why)
{
    QcomApss *a = opaque;
    ArmScanRam ram = {
        .host = memory_region_get_ram_ptr(a->ram),
        .base = a->cfg.dram_base,
        .size = memory_region_size(a->ram),
    };
    ARMCPU *cpu = current_cpu ? ARM_CPU(current_cpu) : &a->cpu[0];

    return arm_scan_cacheable_mapping(cpu, &ram, start, end, why);
}

static bool apss_realize_dcache(QcomApss *a, Object *soc, Error **errp)
{
    SysBusDevice *sbd;

    object_initialize_child(soc, "cpu-dcache", &a->dcache, TYPE_CPU_DCACHE);
    sbd = SYS_BUS_DEVICE(&a->dcache);
    object_property_set_link(OBJECT(&a->dcache), "ram", OBJECT(a->ram),
                             &error_abort);
    object_property_set_link(OBJECT(&a->dcache), "bus", OBJECT(&a->dram_bus),
                             &error_abort);
    qdev_prop_set_uint64(DEVICE(&a->dcache), "base", a->cfg.dram_base);
    qdev_prop_set_uint64(DEVICE(&a->dcache), "window-base",
                         a->cfg.dcache_window);
    if (!sysbus_realize(sbd, errp)) {
        return false;
    }
    sysbus_mmio_map(sbd, 0, a->cfg.dram_base);
    sysbus_mmio_map(sbd, 1, a->cfg.dcache_window);
    cpu_dcache_set_master_namer(&a->dcache, apss_master_name);
    cpu_dcache_set_mapping_query(&a->dcache, apss_maps_cacheable, a);
    return true;
}

/* The XPU in front of memory; returns what the masters reach through it */
static MemoryRegion *apss_realize_xpu(QcomApss *a, Object *soc,
                                      MemoryRegion *memory, Error **errp)
{
    SysBusDevice *sbd;

    object_initialize_child(soc, "dram-xpu", &a->xpu, TYPE_QCOM_XPU);
    sbd = SYS_BUS_DEVICE(&a->xpu);
    object_property_set_link(OBJECT(&a->xpu), "downstream", OBJECT(memory),
                             &error_abort);
    qdev_prop_set_uint64(DEVICE(&a->xpu), "base", a->cfg.dram_base);
    qdev_prop_set_uint64(DEVICE(&a->xpu), "size",
                         memory_region_size(a->ram));
    if (!sysbus_realize(sbd, errp)) {
        return NULL;
    }
    sysbus_mmio_map(sbd, 0, a->cfg.xpu_regs);
    sysbus_mmio_map(sbd, 2, a->cfg.xpu_window);
    sysbus_connect_irq(sbd, 0, qcom_apss_spi(a, a->cfg.xpu_spi));
    if (a->dcache_enabled) {
        a->xpu_change.notify = apss_xpu_changed;
        qcom_xpu_add_change_notifier(&a->xpu, &a->xpu_change);
    }
    return sysbus_mmio_get_region(sbd, 1);
}

/*
 * DRAM and what stands in front of it:
 *
 *   CPUs ---> cpu-dcache CPU view ---(cache hits)---> RAM
 *                  | fills, write-backs, non-cacheable accesses
 *                  v
 *   masters -> dram-bus -> XPU -> cpu-dcache memory view -> RAM
 *
 * Without the cache model the CPUs use dram-bus too; without the XPU
 * dram-bus leads straight to memory.
 */
static bool apss_realize_dram(QcomApss *a, Object *soc, Error **errp)
{
    hwaddr base = a->cfg.dram_base;
    uint64_t size = memory_region_size(a->ram);
    MemoryRegion *memory = a->ram;

    memory_region_init(&a->dram_bus, soc, "dram-bus", size);
    if (a->dcache_enabled) {
        if (!apss_realize_dcache(a, soc, errp)) {
            return false;
        }
        memory = sysbus_mmio_get_region(SYS_BUS_DEVICE(&a->dcache), 2);
    }
    if (a->xpu_enabled) {
        memory = apss_realize_xpu(a, soc, memory, errp);
        if (!memory) {
            return false;
        }
    }
    memory_region_add_subregion(&a->dram_bus, 0, memory);
    if (!a->dcache_enabled) {
        memory_region_add_subregion(get_system_memory(), base, &a->dram_bus);
    }

    memory_region_init(&a->soc_bus, soc, "soc-bus", UINT64_MAX);
    memory_region_init_alias(&a->dram_alias, soc, "dram", &a->dram_bus,
                             0, size);
    memory_region_add_subregion(&a->soc_bus, base, &a->dram_alias);
    return true;
}

/* Qualcomm's secure firmware, answering the SiP SMCs of the CPUs. */
static bool apss_realize_scm(QcomApss *a, Object *soc, Error **errp)
{
    Object *scm = OBJECT(&a->scm);

    object_initialize_child(soc, "scm", &a->scm, TYPE_QCOM_SCM);
    if (a->xpu_enabled) {
        object_property_set_link(scm, "xpu", OBJECT(&a->xpu), &error_abort);
    }
    object_property_set_link(scm, "memory", OBJECT(&a->soc_bus),
                             &error_abort);
    /* what the CPUs see, for dma-coherent */
    object_property_set_link(scm, "ram", OBJECT(a->ram), &error_abort);
    qdev_prop_set_uint64(DEVICE(scm), "ram-base", a->cfg.dram_base);
    qdev_prop_set_uint64(DEVICE(scm), "dload-mode-addr",
                         a->cfg.dload_mode_addr);
    for (unsigned i = 0; i < QCOM_SCM_MAX_PAS; i++) {
        g_autofree char *name = g_strdup_printf("dsp%u", i);

        if (a->pas_dsps[i]) {
            object_property_set_link(scm, name, OBJECT(a->pas_dsps[i]),
                                     &error_abort);
        }
    }
    if (!qdev_realize(DEVICE(scm), NULL, errp)) {
        return false;
    }

    for (unsigned n = 0; n < a->num_cpus; n++) {
        arm_set_smccc_handler(&a->cpu[n], qcom_scm_smccc, &a->scm);
        if (a->dcache_enabled) {
            arm_set_cacheop_hook(&a->cpu[n], apss_cacheop, &a->dcache);
        }
    }
    return true;
}

static bool apss_check(QcomApss *a, const QcomApssConfig *cfg, Error **errp)
{
    uint64_t ram_size;

    if (!a->ram) {
        error_setg(errp, "%s: property 'ram' is not set", cfg->soc);
        return false;
    }
    ram_size = memory_region_size(a->ram);
    if (ram_size < cfg->min_ram || ram_size > cfg->max_ram) {
        error_setg(errp, "%s: DRAM of %" PRIu64 " MiB is outside the "
                   "supported range %" PRIu64 "..%" PRIu64 " MiB (%s)",
                   cfg->soc, ram_size / MiB, cfg->min_ram / MiB,
                   cfg->max_ram / MiB, cfg->ram_why);
        return false;
    }
    if (a->num_cpus < 1 || a->num_cpus > QCOM_APSS_MAX_CPUS) {
        error_setg(errp, "%s: num-cpus must be 1..%d, not %u", cfg->soc,
                   QCOM_APSS_MAX_CPUS, a->num_cpus);
        return false;
    }
    if (!a->cpu_type) {
        error_setg(errp, "%s: property 'cpu-type' is not set", cfg->soc);
        return false;
    }
    return true;
}

bool qcom_apss_realize(QcomApss *a, Object *soc, const QcomApssConfig *cfg,
                       Error **errp)
{
    if (!apss_check(a, cfg, errp)) {
        return false;
    }
    a->cfg = *cfg;
    return apss_realize_cpus(a, soc, errp) &&
           apss_realize_gic(a, soc, errp) &&
           apss_realize_dram(a, soc, errp) &&
           apss_realize_scm(a, soc, errp);
}

/* A machine option that is the SoC's property of the same name */
static void apss_machine_get_switch(Object *obj, Visitor *v,
                                    const char *name, void *opaque,
                                    Error **errp)
{
    Object *soc = object_resolve_path_component(obj, "soc");
    bool value = object_property_get_bool(soc, name, errp);

    visit_type_bool(v, name, &value, errp);
}

static void apss_machine_set_switch(Object *obj, Visitor *v,
                                    const char *name, void *opaque,
                                    Error **errp)
{
    Object *soc = object_resolve_path_component(obj, "soc");
    bool value;

    if (visit_type_bool(v, name, &value, errp)) {
        object_property_set_bool(soc, name, value, errp);
    }
}

void qcom_apss_machine_class_init(ObjectClass *oc)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    static const char * const valid_cpu_types[] = {
        ARM_CPU_TYPE_NAME("cortex-a76"),
        NULL
    };

    mc->max_cpus = QCOM_APSS_MAX_CPUS;
    mc->default_cpus = QCOM_APSS_MAX_CPUS;
    mc->min_cpus = 1;
    /* QEMU's nearest model of the Kryo cores of SDM845 and SM8250 */
    mc->default_cpu_type = ARM_CPU_TYPE_NAME("cortex-a76");
    mc->valid_cpu_types = valid_cpu_types;
    mc->default_ram_size = 2 * GiB;
    mc->minimum_page_bits = 12;
    mc->no_cdrom = 1;
    mc->no_floppy = 1;
    mc->no_parallel = 1;

    object_class_property_add(oc, "xpu", "bool", apss_machine_get_switch,
                              apss_machine_set_switch, NULL, NULL);
    object_class_property_set_description(oc, "xpu",
        "Put the XPU memory firewall in front of DRAM (default on)");
    object_class_property_add(oc, "dcache", "bool", apss_machine_get_switch,
                              apss_machine_set_switch, NULL, NULL);
    object_class_property_set_description(oc, "dcache",
        "Model the CPUs' data cache: clean and dirty lines, maintenance, "
        "hazards (default on)");
}
