# maprace.cmake: run the maprace checks on every C++ file as it compiles.
#
#   list(APPEND CMAKE_MODULE_PATH /usr/local/share/maprace/cmake)
#   include(maprace)
#   maprace_enable()                        # all C++ targets from here on
#   maprace_enable(WARNINGS_AS_ERRORS)      # make a race fail the build
#
# It sets CMAKE_CXX_CLANG_TIDY to clang-tidy-22 with the plugin. Set
# MAPRACE_PLUGIN / MAPRACE_CLANG_TIDY to override where they are found.
function(maprace_enable)
  cmake_parse_arguments(MAPRACE "WARNINGS_AS_ERRORS" "" "" ${ARGN})
  find_program(MAPRACE_CLANG_TIDY NAMES clang-tidy-22
               PATHS /usr/lib/llvm-22/bin)
  if(NOT MAPRACE_CLANG_TIDY)
    message(FATAL_ERROR "maprace: clang-tidy-22 not found (apt-get install clang-tidy-22)")
  endif()
  if(NOT MAPRACE_PLUGIN)
    find_file(MAPRACE_PLUGIN libmaprace.so
              PATHS ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../../lib
                    /usr/local/lib /usr/lib
              NO_DEFAULT_PATH)
  endif()
  if(NOT MAPRACE_PLUGIN OR NOT EXISTS "${MAPRACE_PLUGIN}")
    message(FATAL_ERROR "maprace: libmaprace.so not found; set MAPRACE_PLUGIN")
  endif()
  set(tidy ${MAPRACE_CLANG_TIDY} --quiet --load=${MAPRACE_PLUGIN}
           --checks=-*,maprace-*)
  if(MAPRACE_WARNINGS_AS_ERRORS)
    list(APPEND tidy --warnings-as-errors=maprace-*)
  endif()
  set(CMAKE_CXX_CLANG_TIDY ${tidy} PARENT_SCOPE)
  message(STATUS "maprace: checking C++ sources with ${MAPRACE_PLUGIN}")
endfunction()
