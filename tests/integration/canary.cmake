lwp_integration_test(NAME integration.canary COMMAND ${target})
lwp_integration_test(NAME integration.canary_differs_between_runs
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}>
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/canary_differs.cmake)
