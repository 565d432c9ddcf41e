# qcom-mss-sim: a thin wrapper over scripts/setup-host, configure, ninja
# and the test runners.
#
#   make          set-up if needed, build QEMU with our machine:
#                 build/qemu-system-aarch64
#   make check    every test suite, then one line "N passed, N failed";
#                 it builds the sanitizer build too, for the device fuzz
#                 targets' smoke
#   make demo     the main job: builds what is missing, boots the kernel
#   make bench    the benchmarks under bench/
#   make fuzz     the parsers' libFuzzer targets, 10 M executions each
#                 (FUZZ_RUNS=N), then the devices' (qemu-fuzz-aarch64),
#                 1 M each (QEMU_FUZZ_RUNS=N, QEMU_FUZZ_JOBS=J at a time);
#                 make fuzz-smoke: a short fixed-seed run of both, as make
#                 check runs it (docs/devel/fuzzing.rst)
#   make sanitize the sanitizer build, build/qemu-asan (clang, ASan,
#                 UBSan, libFuzzer); make check-sanitize: every suite
#                 against it, 0 reports (docs/devel/sanitizers.rst)
#   make clean    remove build/ (downloads, sources and kernel objects
#                 stay in the cache folder)

BUILD := build
QEMU_BUILD := $(BUILD)/qemu
SAN_BUILD := $(BUILD)/qemu-asan
OVERLAY_DIRS := hw include configs tests/qtest
QTESTS := $(basename $(notdir $(wildcard tests/qtest/*-test.c)))

# Let ccache share objects between checkouts at different paths.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: all setup qemu qtests guest kernel check demo bench fuzz fuzz-smoke clean \
	sanitize check-sanitize

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

check: qemu qtests guest kernel sanitize
	tests/run-all

# The sanitizer build: its own configure (./configure --sanitizers), the
# same patched source; niced, it shares the machine with the rest
$(SAN_BUILD)/.configured: $(BUILD)/.configured
	./configure --sanitizers
	@touch $@

sanitize: $(SAN_BUILD)/.configured
	@scripts/link-overlay "$(CURDIR)" "$(CURDIR)/$(BUILD)/qemu-src" $(OVERLAY_DIRS)
	nice -n 19 ninja -C $(SAN_BUILD) qemu-system-aarch64 qemu-fuzz-aarch64 \
		$(QTESTS:%=tests/qtest/%)

check-sanitize: sanitize guest kernel
	tests/run-sanitize

demo: qemu guest kernel
	scripts/demo

bench: qemu guest kernel
	bench/run-all

# The parsers': clang and the tools' sources only, no QEMU build; the
# devices': the sanitizer build's qemu-fuzz-aarch64
FUZZ_RUNS := 10000000
QEMU_FUZZ_RUNS := 1000000
QEMU_FUZZ_JOBS := 1
fuzz: $(BUILD)/.setup-done sanitize
	tests/fuzz/run --runs=$(FUZZ_RUNS)
	QMS_QEMU_BUILD=$(SAN_BUILD) tests/fuzz/run-qemu --runs=$(QEMU_FUZZ_RUNS) \
		--jobs=$(QEMU_FUZZ_JOBS)

fuzz-smoke: $(BUILD)/.setup-done sanitize
	tests/fuzz/run --smoke
	QMS_QEMU_BUILD=$(SAN_BUILD) tests/fuzz/run-qemu --smoke

clean:
	rm -rf $(BUILD)
