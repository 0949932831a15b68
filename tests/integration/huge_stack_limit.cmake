# A soft RLIMIT_STACK within a page of RLIM_INFINITY: finite, yet beyond
# any address space (`ulimit -s` of 2^54 - 1 KiB sets such a limit).
# Skipped (77) where prlimit cannot set it. No `;` in the script: CMake
# would split the argument there.
find_program(LWP_PRLIMIT prlimit)
if(LWP_PRLIMIT)
  lwp_integration_test(NAME integration.${name}
    COMMAND sh -c "\"$1\" --stack=18446744073709551000: true || exit 77 && exec \"$1\" --stack=18446744073709551000: \"$2\""
            sh ${LWP_PRLIMIT} $<TARGET_FILE:${target}>)
  set_tests_properties(integration.${name} PROPERTIES SKIP_RETURN_CODE 77)
endif()
