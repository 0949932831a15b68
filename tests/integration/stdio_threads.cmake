lwp_integration_test(NAME integration.stdio_threads
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}>
    -DEXPECT_RESULT=0
    "-DEXPECT_STDOUT=^(thread [0-3] line [0-9]+ says (hello|puts|fwrite|0\\.250)\n)+all done\n$"
    "-DEXPECT_STDERR=^(thread [0-3] error [0-9]+\n)+$"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_and_match.cmake)
