# Writes OUT (version.h): MODV_VERSION, the source's `git describe --always --dirty`, or "dev"
# outside a git checkout. Run on every build (cmake -P), the file rewritten only when it changes.
execute_process(COMMAND git -C "${SOURCE}" describe --always --dirty OUTPUT_VARIABLE version
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR version STREQUAL "")
  set(version "dev")
endif()
set(text "// Made by cmake/version.cmake: the build's version.\n#pragma once\n#define MODV_VERSION \"${version}\"\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
