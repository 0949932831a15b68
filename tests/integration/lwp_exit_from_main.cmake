lwp_integration_test(NAME integration.lwp_exit_from_main
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}>
    -DEXPECT_RESULT=0
    "-DEXPECT_STDOUT=^lwp_exit_from_main: all 4 threads outlived main\n$"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_and_match.cmake)
