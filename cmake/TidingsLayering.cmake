# SPDX-License-Identifier: GPL-3.0-or-later
#
# tidings_check_layering(): fails the configure step when a layer links
# something above it (see docs/ARCHITECTURE.md, "Layers"). The check follows link
# dependencies transitively, through imported targets too.
#
#   sipcore        no Qt Gui/Widgets/Sql, no app layer
#   tidings_core   no Qt Gui/Widgets, no app/ui or app/cli
#   tidings-cli    no Qt Gui/Widgets, no app/ui

include_guard(GLOBAL)

# Collects the targets <target> links, directly or not, into <out_var>.
function(_tidings_link_closure target out_var)
    set(seen "")
    set(queue "${target}")
    while(queue)
        list(POP_FRONT queue current)
        if(NOT TARGET "${current}" OR current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen "${current}")
        get_target_property(aliased "${current}" ALIASED_TARGET)
        if(aliased)
            list(APPEND queue "${aliased}")
            continue()
        endif()
        set(deps "")
        get_target_property(imported "${current}" IMPORTED)
        get_target_property(type "${current}" TYPE)
        if(NOT imported AND NOT type STREQUAL "INTERFACE_LIBRARY")
            get_target_property(direct "${current}" LINK_LIBRARIES)
            if(direct)
                list(APPEND deps ${direct})
            endif()
        endif()
        get_target_property(interface "${current}" INTERFACE_LINK_LIBRARIES)
        if(interface)
            list(APPEND deps ${interface})
        endif()
        foreach(dep IN LISTS deps)
            # $<LINK_ONLY:X> is still a link dependency; other generator
            # expressions are conditions we cannot evaluate here.
            if(dep MATCHES "^\\$<LINK_ONLY:([^$<>]+)>$")
                set(dep "${CMAKE_MATCH_1}")
            elseif(dep MATCHES "\\$<")
                continue()
            endif()
            list(APPEND queue "${dep}")
        endforeach()
    endwhile()
    set(${out_var} "${seen}" PARENT_SCOPE)
endfunction()

function(_tidings_forbid target)
    if(NOT TARGET "${target}")
        return()
    endif()
    _tidings_link_closure("${target}" closure)
    foreach(forbidden IN LISTS ARGN)
        if(forbidden IN_LIST closure)
            message(FATAL_ERROR "Layering violation: ${target} links ${forbidden} "
                                "(see docs/ARCHITECTURE.md, Layers)")
        endif()
    endforeach()
endfunction()

function(tidings_check_layering)
    _tidings_forbid(sipcore Qt6::Gui Qt6::Widgets Qt6::Sql tidings_core tidings_ui)
    _tidings_forbid(tidings_core Qt6::Gui Qt6::Widgets tidings_ui)
    _tidings_forbid(tidings-cli Qt6::Gui Qt6::Widgets tidings_ui)
endfunction()
