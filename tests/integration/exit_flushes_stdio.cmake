lwp_integration_test(NAME integration.exit_flushes_stdio
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}>
    -DEXPECT_RESULT=0
    "-DEXPECT_STDOUT=^first line\nan unterminated tail$"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_and_match.cmake)
