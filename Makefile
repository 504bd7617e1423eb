# SPDX-License-Identifier: GPL-3.0-or-later
#
# Front door for building Tidings on Debian 12. Every building target first installs the
# missing Debian packages (packaging/debian-packages.txt; set
# TIDINGS_SKIP_DEPS=1 to skip that step).
#
#   make run            build (dev preset) and start the GUI
#   make test           build (dev preset) and run every test with ctest
#   make test PRESET=ci the same with warnings as errors
#   make asan           sanitizer build, unit tests
#   make fuzz-ci        fuzz build, each fuzzer for FUZZ_SECONDS
#   make bench-parse    parser benchmark beside oSIP2, Sofia-SIP, libre (PEERS=dir)
#   make bench-load     listen under UDP load beside Kamailio and baresip (LOAD=dir)
#   make bench-gui      the desktop app on a generated 1,000,000-message profile
#   make format / format-check / package / clean
#
# Variables: PRESET (dev), JOBS (all cores), ARGS (passed to tidings by `run`),
# CTEST_ARGS (extra ctest arguments, e.g. CTEST_ARGS="-L gui"), FUZZ_SECONDS (60).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

PRESET ?= dev
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
ARGS ?=
CTEST_ARGS ?=
BUILD_DIR := build/$(PRESET)

FORMAT_DIRS := app sipcore tests
# C++ sources under FORMAT_DIRS, outside any build directory.
FORMAT_FILES = $(shell find $(wildcard $(FORMAT_DIRS)) \
	\( -type d \( -name build -o -name 'build-*' -o -name 'cmake-build-*' \) -prune \) \
	-o -type f \( -name '*.cpp' -o -name '*.h' \) -print | LC_ALL=C sort)

.PHONY: all deps configure build run test asan fuzz-ci bench-parse bench-load bench-gui format format-check package clean help

all: build

help:
	@sed -n '3,19p' Makefile | sed 's/^# \{0,1\}//'

deps:
	@packaging/install-deps.sh

configure: deps
	cmake --preset $(PRESET)

build: configure
	cmake --build --preset $(PRESET) --parallel $(JOBS)

run: build
	@if [[ -z "$${DISPLAY:-}" && -z "$${WAYLAND_DISPLAY:-}" ]]; then \
	    echo "Note: no DISPLAY or WAYLAND_DISPLAY set; running tidings under xvfb-run -a (a virtual X server you cannot see)."; \
	    exec xvfb-run -a -s "-screen 0 1280x800x24" $(BUILD_DIR)/bin/tidings $(ARGS); \
	else \
	    exec $(BUILD_DIR)/bin/tidings $(ARGS); \
	fi

test: build
	ctest --preset $(PRESET) $(CTEST_ARGS)

asan:
	@$(MAKE) --no-print-directory build PRESET=asan
	ctest --preset asan -L '^unit$$' $(CTEST_ARGS)

fuzz-ci:
	@$(MAKE) --no-print-directory build PRESET=fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) tools/run-fuzzers.sh build/fuzz/tests/fuzz tests/fuzz/corpus

bench-parse:
	@$(MAKE) --no-print-directory configure PRESET=release
	cmake --build --preset release --target sipcore-parse-bench --parallel $(JOBS)
	tests/bench/run-parse-bench.sh $(PEERS)

bench-load:
	@$(MAKE) --no-print-directory configure PRESET=release
	cmake --build --preset release --target tidings-cli --parallel $(JOBS)
	tests/bench/run-load-bench.sh $(LOAD)

bench-gui:
	@$(MAKE) --no-print-directory configure PRESET=release
	cmake --build --preset release --target tidings-gui-bench --parallel $(JOBS)
	build/release/tests/bench/tidings-gui-bench

format:
	@command -v clang-format >/dev/null || packaging/install-deps.sh
	@files="$(FORMAT_FILES)"; [[ -z "$$files" ]] || clang-format -i $$files
	@echo "clang-format: formatted $(words $(FORMAT_FILES)) files"

format-check:
	@command -v clang-format >/dev/null || packaging/install-deps.sh
	@files="$(FORMAT_FILES)"; [[ -z "$$files" ]] || clang-format --dry-run -Werror $$files
	@echo "clang-format: $(words $(FORMAT_FILES)) files are formatted"

package:
	@$(MAKE) --no-print-directory build PRESET=release
	cd build/release && cpack -G TGZ && { ! command -v dpkg-deb >/dev/null || cpack -G DEB; }

clean:
	rm -rf build
