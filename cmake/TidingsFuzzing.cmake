# SPDX-License-Identifier: GPL-3.0-or-later
#
# tidings_add_fuzzer(NAME fuzz_<thing>
#                    SOURCES <file>...
#                    [LIBS <library>...]
#                    [TIMEOUT <seconds>])
#
# Only meaningful when TIDINGS_FUZZ is ON (clang; the `fuzz` preset). Builds a
# libFuzzer executable <name> (it defines LLVMFuzzerTestOneInput; libFuzzer
# provides main) and registers a ctest test <name> (label `fuzz`) that runs it
# once over every input of its seed corpus tests/fuzz/corpus/<thing>/ without
# mutating — a quick regression check. Long fuzzing runs are `make fuzz-ci`.
#
# With TIDINGS_FUZZ every target is compiled with -fsanitize=fuzzer-no-link, and
# the `fuzz` preset also turns on TIDINGS_SANITIZE (ASan + UBSan).

include_guard(GLOBAL)

function(tidings_add_fuzzer)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;TIMEOUT" "SOURCES;LIBS")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "tidings_add_fuzzer: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_NAME MATCHES "^fuzz_(.+)$")
        message(FATAL_ERROR "tidings_add_fuzzer: NAME must look like fuzz_<thing>")
    endif()
    set(corpus "${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${CMAKE_MATCH_1}")
    if(NOT TIDINGS_FUZZ)
        message(FATAL_ERROR "tidings_add_fuzzer(${arg_NAME}): needs TIDINGS_FUZZ=ON")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 120)
    endif()

    add_executable(${arg_NAME} ${arg_SOURCES})
    target_link_libraries(${arg_NAME} PRIVATE ${arg_LIBS} tidings_warnings)
    target_link_options(${arg_NAME} PRIVATE -fsanitize=fuzzer)

    if(IS_DIRECTORY "${corpus}")
        add_test(NAME ${arg_NAME} COMMAND ${arg_NAME} -runs=0 "${corpus}")
    else()
        # No seed corpus yet: a short bounded run from an empty corpus.
        add_test(NAME ${arg_NAME} COMMAND ${arg_NAME} -runs=1000)
    endif()
    set_tests_properties(${arg_NAME} PROPERTIES LABELS fuzz TIMEOUT ${arg_TIMEOUT})
endfunction()
