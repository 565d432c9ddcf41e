# Devices of the qcom-mss-sim build of qemu-system-aarch64:
# the DragonBoard 845c (SDM845), and "virt" as the baseline for benchmarks.
CONFIG_DB845C=y
CONFIG_ARM_VIRT=y
