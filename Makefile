# qcom-mss-sim: a thin wrapper over scripts/setup-host, configure, ninja
# and the test runners.
#
#   make          set-up if needed, build QEMU with our machine:
#                 build/qemu-system-aarch64
#   make check    every test suite, then one line "N passed, N failed"
#   make demo     the main job: builds what is missing, boots the kernel
#   make bench    the benchmarks under bench/
#   make fuzz     the parsers' libFuzzer targets, 10 M executions each
#                 (FUZZ_RUNS=N); make fuzz-smoke: a short run each, as
#                 make check runs it (docs/devel/fuzzing.rst)
#   make clean    remove build/ (downloads, sources and kernel objects
#                 stay in the cache folder)

BUILD := build
QEMU_BUILD := $(BUILD)/qemu
OVERLAY_DIRS := hw include configs tests/qtest
QTESTS := $(basename $(notdir $(wildcard tests/qtest/*-test.c)))

# Let ccache share objects between checkouts at different paths.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: all setup qemu qtests guest kernel check demo bench fuzz fuzz-smoke clean

all: qemu

# Installs the Debian packages the build needs (idempotent, quick when
# everything is there).
$(BUILD)/.setup-done: scripts/setup-host
	scripts/setup-host
	@mkdir -p $(BUILD) && touch $@
setup: $(BUILD)/.setup-done

$(BUILD)/.configured: $(BUILD)/.setup-done configure $(wildcard patches/qemu/*.patch)
	./configure
	@touch $@

qemu: $(BUILD)/.configured
	@scripts/link-overlay "$(CURDIR)" "$(CURDIR)/$(BUILD)/qemu-src" $(OVERLAY_DIRS)
	ninja -C $(QEMU_BUILD) qemu-system-aarch64

qtests: qemu
	ninja -C $(QEMU_BUILD) $(QTESTS:%=tests/qtest/%)

# Cross-built guest side: kernel, init, bare-metal programs.
# The variants of a Debian source share its tree and objects: each one
# rebuilds only what its patches (and its CONFIG) change from the one
# before. no-pm-opp, whose configuration differs, comes after every 6.1
# variant that only patches the source, so the shared objects switch
# configuration once. modules (CONFIG_MODULES=y, the remote processors'
# drivers as modules) builds in an object directory of its own, which
# clean-only-modules shares.
KERNEL_VARIANTS := stock rb5-slpi clean-only debian-6.12 debian-6.12-no-mdata warn-late \
	broken-recovery no-pm-opp modules clean-only-modules
kernel: $(BUILD)/.setup-done
	guest/build-kernel $(KERNEL_VARIANTS)

guest: $(BUILD)/.setup-done
	$(MAKE) -C guest

check: qemu qtests guest kernel
	tests/run-all

demo: qemu guest kernel
	scripts/demo

bench: qemu guest kernel
	bench/run-all

# clang and the tools' sources only: no QEMU build
FUZZ_RUNS := 10000000
fuzz: $(BUILD)/.setup-done
	tests/fuzz/run --runs=$(FUZZ_RUNS)

fuzz-smoke: $(BUILD)/.setup-done
	tests/fuzz/run --smoke

clean:
	rm -rf $(BUILD)
