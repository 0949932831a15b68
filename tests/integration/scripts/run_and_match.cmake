# cmake -P script for tests whose verdict is not just "exit status 0": runs
# PROGRAM (with ARGS, a ;-list) and requires
#   EXPECT_RESULT  the exact result: an exit status ("0", "3") or how the
#                  process died ("Subprocess aborted" for SIGABRT)
#   EXPECT_STDOUT  a regular expression stdout must match (optional)
#   EXPECT_STDERR  a regular expression stderr must match (optional)
execute_process(COMMAND ${PROGRAM} ${ARGS} RESULT_VARIABLE result
  OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(report "result: '${result}'\nstdout:\n${out}\nstderr:\n${err}")
if(NOT result STREQUAL EXPECT_RESULT)
  message(FATAL_ERROR "expected result '${EXPECT_RESULT}'\n${report}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match '${EXPECT_STDOUT}'\n${report}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}'\n${report}")
endif()
message(STATUS "${report}")
