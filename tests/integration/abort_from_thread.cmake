lwp_integration_test(NAME integration.abort_from_thread
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}>
    "-DEXPECT_RESULT=Subprocess aborted"
    "-DEXPECT_STDERR=^lwp: abort\\(\\) called\n$"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_and_match.cmake)
