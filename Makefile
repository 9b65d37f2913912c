# bangtin - election notice board player and tools.
# Quick start: `make demo` plays the demo content, `make test` runs every test.

PKGS     := sdl2 SDL2_ttf SDL2_image libvlc libcurl sqlite3 libqrencode \
            libsodium libcjson libutf8proc
BUILD    ?= build
CC       ?= cc
SAN      ?=
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
CFLAGS   += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wno-unused-parameter \
            -Wformat=2 -Werror=implicit-function-declaration \
            -iquote src/common -iquote src/player $(SAN)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS   += $(PKG_LIBS) -lpthread -lm
LDFLAGS  += $(SAN)

COMMON_SRC := $(wildcard src/common/*.c)
PLAYER_SRC := $(filter-out src/player/main.c,$(wildcard src/player/*.c))
LIB_OBJ    := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(COMMON_SRC) $(PLAYER_SRC))
TOOLS      := $(patsubst src/tools/%.c,$(BUILD)/%,$(wildcard src/tools/*.c))
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
UNIT_BINS  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
DEMO       := $(BUILD)/demo-bundle

.PHONY: all deps demo demo-content test unit integration asan valgrind bench clean

all: $(BUILD)/bangtin $(TOOLS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/common/*.h src/player/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(BUILD)/libbangtin.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/bangtin: $(BUILD)/obj/player/main.o $(BUILD)/libbangtin.a
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%: src/tools/%.c $(BUILD)/libbangtin.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libbangtin.a $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) $(PKG_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ \
	    $(filter %.c %.a,$^) $(LDLIBS) -lcmocka

# Installs missing Debian packages when run as root or through sudo.
deps:
	@sh scripts/install-deps.sh

demo-content: $(DEMO)/manifest.json

$(DEMO)/manifest.json: $(BUILD)/bangtin-mkdemo $(BUILD)/bangtin-pack media/demo/manifest.in.json
	$(BUILD)/bangtin-mkdemo media/demo $(BUILD)/demo-src
	$(BUILD)/bangtin-pack $(BUILD)/demo-src/manifest.in.json $(DEMO)

demo: deps
	@$(MAKE) --no-print-directory all demo-content
	sh scripts/run-demo.sh $(BUILD) $(DEMO)

# `make test` builds and runs everything; `make test T=sched` one module.
test:
	@sh scripts/install-deps.sh --quiet
	@$(MAKE) --no-print-directory all demo-content $(UNIT_BINS)
	@BUILD=$(BUILD) sh tests/run.sh $(T)

asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan CC=clang OPT=-O1 \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

valgrind:
	@$(MAKE) --no-print-directory all demo-content $(UNIT_BINS)
	@BUILD=$(BUILD) VALGRIND=1 sh tests/run.sh $(T)

bench:
	@$(MAKE) --no-print-directory all demo-content
	sh bench/run.sh $(BUILD)

clean:
	rm -rf build build-asan build-fuzz build-arm64

# Optional extra targets (fuzzing, cross builds) live in mk/.
-include $(wildcard mk/*.mk)
