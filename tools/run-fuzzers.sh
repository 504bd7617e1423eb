#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs every libFuzzer binary fuzz_* in FUZZER_DIR for FUZZ_SECONDS each,
# starting from a temporary copy of its seed corpus CORPUS_ROOT/<thing>/ (for
# fuzz_<thing>), so the repository is never modified. Fails when any fuzzer
# crashes, leaks, times out on an input or prints a sanitizer report.
#
#   tools/run-fuzzers.sh build/fuzz/tests/fuzz tests/fuzz/corpus
#
# Environment: FUZZ_SECONDS (default 60). A dictionary tests/fuzz/dict/<thing>.dict
# (next to CORPUS_ROOT) is used when present. Crash inputs are kept in
# build/fuzz/artifacts/<fuzzer>/.
set -euo pipefail

fuzzer_dir=${1:?usage: run-fuzzers.sh FUZZER_DIR CORPUS_ROOT}
corpus_root=${2:?usage: run-fuzzers.sh FUZZER_DIR CORPUS_ROOT}
seconds=${FUZZ_SECONDS:-60}
dict_root=$(dirname "$corpus_root")/dict
artifact_root=build/fuzz/artifacts

shopt -s nullglob
fuzzers=()
for f in "$fuzzer_dir"/fuzz_*; do
    [[ -f $f && -x $f ]] && fuzzers+=("$f")
done
if ((${#fuzzers[@]} == 0)); then
    echo "run-fuzzers: note: no fuzzers (fuzz_*) in $fuzzer_dir yet; nothing to run."
    exit 0
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=()
passed=0
for fuzzer in "${fuzzers[@]}"; do
    name=$(basename "$fuzzer")
    thing=${name#fuzz_}
    corpus=$work/corpus-$thing
    mkdir -p "$corpus"
    if [[ -d $corpus_root/$thing ]]; then
        cp -R "$corpus_root/$thing/." "$corpus/"
    else
        echo "run-fuzzers: note: no seed corpus $corpus_root/$thing/ for $name"
    fi
    artifacts=$artifact_root/$name
    mkdir -p "$artifacts"
    extra=()
    [[ -f $dict_root/$thing.dict ]] && extra+=("-dict=$dict_root/$thing.dict")

    log=$work/$name.log
    echo "run-fuzzers: $name for ${seconds}s ($(find "$corpus" -type f | wc -l) seed inputs)"
    status=0
    "$fuzzer" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${extra[@]}" \
        "$corpus" >"$log" 2>&1 || status=$?

    if ((status != 0)) ||
        grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:|SUMMARY: [A-Za-z]+Sanitizer' "$log"; then
        echo "run-fuzzers: FAILED: $name (exit $status); last lines of its log:"
        tail -n 60 "$log"
        failed+=("$name")
    else
        grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$log" | sed "s/^/  $name: /" || true
        passed=$((passed + 1))
    fi
done

echo "run-fuzzers: ${passed} passed, ${#failed[@]} failed"
if ((${#failed[@]} > 0)); then
    echo "run-fuzzers: failing fuzzers: ${failed[*]} (inputs in $artifact_root/)"
    exit 1
fi
