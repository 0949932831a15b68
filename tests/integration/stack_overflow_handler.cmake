# Passes only on the handler's own exit status: a failed check exits 1, and a
# SIGSEGV the handler could not take kills the process.
lwp_integration_test(NAME integration.stack_overflow_handler
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}> -DEXPECT_RESULT=42
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_and_match.cmake)
