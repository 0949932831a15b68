# Runs LWP_PROGRAM and GLIBC_PROGRAM (the same source and archives, linked
# with lwp alone and with glibc) and fails unless both exit 0 and print the
# same standard output.
foreach(side LWP GLIBC)
  execute_process(COMMAND ${${side}_PROGRAM}
    OUTPUT_VARIABLE ${side}_output ERROR_VARIABLE ${side}_errors RESULT_VARIABLE ${side}_result)
  if(NOT ${side}_result EQUAL 0)
    message(FATAL_ERROR "${${side}_PROGRAM} failed (${${side}_result}):\n${${side}_output}${${side}_errors}")
  endif()
endforeach()
if(NOT LWP_output STREQUAL GLIBC_output)
  message(FATAL_ERROR "outputs differ\n--- linked with lwp:\n${LWP_output}\n--- with glibc:\n${GLIBC_output}")
endif()
message("${LWP_output}")
