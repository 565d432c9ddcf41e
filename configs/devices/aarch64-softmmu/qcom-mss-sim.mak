# Devices of the qcom-mss-sim build of qemu-system-aarch64:
# the SM8250 machine, and "virt" as the baseline for benchmarks.
CONFIG_QCOM_SM8250=y
CONFIG_ARM_VIRT=y
