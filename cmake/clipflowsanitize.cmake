# -DCLIPFLOW_SANITIZE=address,undefined builds everything instrumented.
if(CLIPFLOW_SANITIZE)
  message(STATUS "Sanitizers: ${CLIPFLOW_SANITIZE}")
  add_compile_options(-fsanitize=${CLIPFLOW_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${CLIPFLOW_SANITIZE})
endif()

# clipflow_test_driver(SOURCES...): how test and fuzz-replay drivers compile.
# What a test checks is the product code it calls (core, the CLI); the driver
# itself needs neither -O3 nor instrumentation, and both cost minutes of a cold
# CI run (some 80 drivers per build):
#  - Release: -O1, a third faster to compile than -O3;
#  - ASan + UBSan: not instrumented (two to three times faster to compile); core
#    and the CLI stay instrumented, and ASan checks their memory whoever calls;
#  - TSan: instrumented as before: a driver's unseen atomics would hide
#    happens-before edges and report races that are not there.
function(clipflow_test_driver)
  # (Source properties reach every target of the directory: the libFuzzer
  # build's harnesses keep their coverage flags.)
  if(CLIPFLOW_FUZZ OR CLIPFLOW_SANITIZE MATCHES "thread")
    return()
  elseif(CLIPFLOW_SANITIZE)
    set_property(SOURCE ${ARGN} APPEND PROPERTY COMPILE_OPTIONS -fno-sanitize=all)
  elseif(CMAKE_BUILD_TYPE STREQUAL "Release")
    set_property(SOURCE ${ARGN} APPEND PROPERTY COMPILE_OPTIONS -O1)
  endif()
endfunction()
