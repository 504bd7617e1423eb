# SPDX-License-Identifier: GPL-3.0-or-later
#
# tidings_warnings: INTERFACE target carrying the project's warning flags.
# Every target of ours links it:
#     target_link_libraries(<target> PRIVATE tidings_warnings)
# It adds -Wall -Wextra -Wpedantic, and -Werror when TIDINGS_WERROR is ON.

include_guard(GLOBAL)

add_library(tidings_warnings INTERFACE)
add_library(Tidings::warnings ALIAS tidings_warnings)

if(MSVC)
    target_compile_options(tidings_warnings INTERFACE /W4 $<$<BOOL:${TIDINGS_WERROR}>:/WX>)
else()
    target_compile_options(tidings_warnings INTERFACE
        -Wall -Wextra -Wpedantic
        $<$<BOOL:${TIDINGS_WERROR}>:-Werror>)
endif()
