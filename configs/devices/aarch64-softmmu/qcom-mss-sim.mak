# Devices of the qcom-mss-sim build of qemu-system-aarch64:
# the DragonBoard 845c (SDM845), the Robotics RB5 (SM8250), and "virt" as
# the baseline for benchmarks.
CONFIG_DB845C=y
CONFIG_RB5=y
CONFIG_ARM_VIRT=y
