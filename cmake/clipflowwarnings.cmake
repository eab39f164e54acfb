# Strict warnings for our own targets only; third-party headers come in as
# SYSTEM includes (imported targets do that by default) so they cannot fail -Werror.
function(clipflow_strict target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wno-error=deprecated-declarations
    # GCC 12 reports false -Wrestrict positives inside libstdc++ string code (GCC PR 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  target_compile_definitions(${target} PRIVATE
    QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII)
endfunction()
