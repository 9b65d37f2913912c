# cross.mk - the Raspberry Pi class (arm64) build from an amd64 machine:
# `make cross-arm64` builds build-arm64/, `make test-arm64` runs its unit
# tests and a headless demo screenshot under qemu. See docs/raspberry-pi.md;
# scripts/install-cross-deps.sh installs the tools. Not part of `make test`.

ARM64_BUILD   ?= build-arm64
ARM64_CC      ?= aarch64-linux-gnu-gcc
ARM64_QEMU    ?= qemu-aarch64-static
# Empty: qemu finds the arm64 loader and libraries of the multiarch
# packages (libc6:arm64) in /. The cross toolchain's own glibc in
# /usr/aarch64-linux-gnu is an older build; mixed with them, SDL_Init
# hangs, so set this only on machines without libc6:arm64.
ARM64_LD_PREFIX ?=
# pkg-config reads the arm64 .pc files only; the Makefile's own calls
# inherit this from the environment of the make below.
ARM64_PKG_ENV := PKG_CONFIG_PATH= \
                 PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig
ARM64_RUN_ENV := QEMU_LD_PREFIX=$(ARM64_LD_PREFIX) SDL_VIDEODRIVER=dummy \
                 SDL_AUDIODRIVER=dummy BANGTIN_BUILD=$(ARM64_BUILD)
ARM64_UNITS   := $(patsubst tests/unit/%.c,$(ARM64_BUILD)/tests/%,$(UNIT_SRC))

.PHONY: cross-arm64 test-arm64

cross-arm64:
	@command -v $(ARM64_CC) >/dev/null || \
	    { echo "cross-arm64: no $(ARM64_CC); run scripts/install-cross-deps.sh" >&2; exit 1; }
	@$(ARM64_PKG_ENV) $(MAKE) --no-print-directory BUILD=$(ARM64_BUILD) \
	    CC=$(ARM64_CC) all $(ARM64_UNITS)
	@file $(ARM64_BUILD)/bangtin | sed 's/, BuildID.*//'

test-arm64: cross-arm64
	@$(ARM64_RUN_ENV) ARM64_QEMU=$(ARM64_QEMU) sh scripts/test-arm64.sh $(ARM64_BUILD) $(T)
