# fuzz.mk - libFuzzer harnesses for every parser of files that staff or
# the network provide. `make fuzz` builds them into build-fuzz/ and runs
# each for FUZZ_SECONDS (FUZZ=name runs one). Not part of `make test`.

FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ         ?=
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_CFLAGS  := -O1 -g -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
                -iquote src/common -iquote src/player -iquote fuzz $(FUZZ_SAN) \
                $(shell pkg-config --cflags libcjson libsodium libutf8proc 2>/dev/null)
FUZZ_LIBS    := $(shell pkg-config --libs libcjson libsodium libutf8proc 2>/dev/null) \
                -lpthread -lm

# The parsers and what they need; none of it touches SDL.
FUZZ_LIB_SRC := $(wildcard src/common/*.c) src/player/script.c src/player/input.c
FUZZ_LIB_OBJ := $(patsubst src/%.c,$(FUZZ_BUILD)/obj/%.o,$(FUZZ_LIB_SRC))
FUZZ_NAMES   := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_BINS    := $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZ_NAMES))

.PHONY: fuzz fuzz-build
.SECONDARY: $(FUZZ_LIB_OBJ)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(or $(FUZZ),$(FUZZ_NAMES))

$(FUZZ_BUILD)/obj/%.o: src/%.c $(wildcard src/common/*.h src/player/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC      $< (fuzz)"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_file.h $(FUZZ_LIB_OBJ)
	@echo "  LINK    $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) $(FUZZ_LIBS)
