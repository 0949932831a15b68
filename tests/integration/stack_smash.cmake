target_compile_options(${target} PRIVATE -fstack-protector-all)
lwp_integration_test(NAME integration.stack_smash
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}>
    "-DEXPECT_RESULT=Subprocess aborted"
    "-DEXPECT_STDERR=stack smashing detected"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_and_match.cmake)
