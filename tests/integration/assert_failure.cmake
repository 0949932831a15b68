# assert must stay active whatever the build type's -DNDEBUG says.
target_compile_options(${target} PRIVATE -UNDEBUG)
lwp_integration_test(NAME integration.assert_failure
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}>
    "-DEXPECT_RESULT=Subprocess aborted"
    "-DEXPECT_STDERR=^integration_assert_failure: [^\n]*assert_failure.c:8: main: Assertion `argc \\+ 1 == 3' failed.\n$"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_and_match.cmake)
