# cmake -P script: runs PROGRAM with the argument "print" twice; each run
# prints its stack canary. The canary comes from the kernel's per-exec random
# bytes, so two runs must differ (the chance of an honest collision is 2^-56).
foreach(run first second)
  execute_process(COMMAND ${PROGRAM} print RESULT_VARIABLE status
    OUTPUT_VARIABLE ${run} ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} print failed (${status}): ${errors}")
  endif()
  string(STRIP "${${run}}" ${run})
  if(NOT ${run} MATCHES "^[0-9a-f]+00$")
    message(FATAL_ERROR "not a canary with a zero low byte: '${${run}}'")
  endif()
endforeach()
if(first STREQUAL second)
  message(FATAL_ERROR "the same canary twice: ${first}")
endif()
message(STATUS "canaries: ${first} ${second}")
