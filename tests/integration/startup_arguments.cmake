lwp_integration_test(NAME integration.startup_arguments
  COMMAND ${target} first "two words")
set_tests_properties(integration.startup_arguments PROPERTIES
  ENVIRONMENT "LWP_STARTUP_TEST=sunny day")
