# -DCLIPFLOW_SANITIZE=address,undefined builds everything instrumented.
if(CLIPFLOW_SANITIZE)
  message(STATUS "Sanitizers: ${CLIPFLOW_SANITIZE}")
  add_compile_options(-fsanitize=${CLIPFLOW_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${CLIPFLOW_SANITIZE})
endif()
