# SPDX-License-Identifier: GPL-3.0-or-later
#
# tidings_add_qtest(NAME <name>
#                   SOURCES <file>...
#                   [LIBS <library>...]
#                   LABELS <label>...
#                   [TIMEOUT <seconds>]
#                   [WORKING_DIRECTORY <dir>]
#                   [ENVIRONMENT <VAR=value>...]
#                   [ARGS <argument>...])
#
# Builds the Qt Test executable <name> (AUTOMOC on, so `#include "<name>.moc"`
# works for a test class declared in the .cpp), links Qt6::Test, the LIBS and
# tidings_warnings, and registers it with ctest as test <name>:
#   - LABELS is required (unit, integration, interop, gui, ...), so every test
#     belongs to a slice that `ctest -L <label>` can run.
#   - TIMEOUT defaults to 60 seconds; every test has one.
#   - WORKING_DIRECTORY defaults to the test's build directory.
#   - ENVIRONMENT is added to the defaults below; an entry naming a variable that
#     has a default replaces it (e.g. ENVIRONMENT QT_QPA_PLATFORM=xcb).
#       QT_QPA_PLATFORM=offscreen
#       TIDINGS_TEST_DATA=<source>/tests/data
#   - ARGS are passed to the test executable (e.g. -maxwarnings 0).
#
# Every test also gets the compile definition
#   TIDINGS_TEST_DATA_DIR="<source>/tests/data"
# (a string literal), for data files that live in the source tree.

include_guard(GLOBAL)

set(TIDINGS_TEST_DATA_DIR "${PROJECT_SOURCE_DIR}/tests/data")

function(tidings_add_qtest)
    cmake_parse_arguments(PARSE_ARGV 0 arg
        ""
        "NAME;TIMEOUT;WORKING_DIRECTORY"
        "SOURCES;LIBS;LABELS;ENVIRONMENT;ARGS")

    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "tidings_add_qtest: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_NAME)
        message(FATAL_ERROR "tidings_add_qtest: NAME is required")
    endif()
    if(NOT arg_SOURCES)
        message(FATAL_ERROR "tidings_add_qtest(${arg_NAME}): SOURCES is required")
    endif()
    if(NOT arg_LABELS)
        message(FATAL_ERROR "tidings_add_qtest(${arg_NAME}): LABELS is required "
                            "(unit, integration, interop, gui, ...)")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 60)
    endif()
    if(NOT arg_WORKING_DIRECTORY)
        set(arg_WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
    endif()

    add_executable(${arg_NAME} ${arg_SOURCES})
    set_target_properties(${arg_NAME} PROPERTIES AUTOMOC ON)
    target_link_libraries(${arg_NAME} PRIVATE Qt6::Test ${arg_LIBS} tidings_warnings)
    target_compile_definitions(${arg_NAME} PRIVATE
        TIDINGS_TEST_DATA_DIR="${TIDINGS_TEST_DATA_DIR}")

    add_test(NAME ${arg_NAME}
        COMMAND ${arg_NAME} ${arg_ARGS}
        WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}")

    # Defaults, then the caller's entries; a caller's VAR=... replaces a default VAR.
    set(environment
        "QT_QPA_PLATFORM=offscreen"
        "TIDINGS_TEST_DATA=${TIDINGS_TEST_DATA_DIR}")
    foreach(entry IN LISTS arg_ENVIRONMENT)
        string(REGEX MATCH "^[^=]+" variable "${entry}")
        list(FILTER environment EXCLUDE REGEX "^${variable}=")
        list(APPEND environment "${entry}")
    endforeach()

    set_tests_properties(${arg_NAME} PROPERTIES
        LABELS "${arg_LABELS}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "${environment}")
endfunction()
