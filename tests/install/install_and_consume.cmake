# cmake -P script: install, configure a consumer, build it, run it.
file(REMOVE_RECURSE ${SCRATCH})
set(prefix ${SCRATCH}/prefix)

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGV}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${LWP_BUILD_DIR} --prefix ${prefix})
foreach(expected include/lwp/lwp.h include/lwp/lwp.hpp lib/liblwp.a lib/liblwp-freestanding.a
    lib/liblwp-freestanding-exceptions.a lib/lwp/libm.a bin/lwp-cc bin/lwp-c++
    lib/cmake/lwp/lwpConfig.cmake)
  if(NOT EXISTS ${prefix}/${expected})
    message(FATAL_ERROR "missing after install: ${expected}")
  endif()
endforeach()
run(${CMAKE_COMMAND} -S ${CONSUMER_SOURCE} -B ${SCRATCH}/consumer-build
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${SCRATCH}/consumer-build)
run(${SCRATCH}/consumer-build/consumer)
if(NOT last_output MATCHES "consumer: 8 threads joined, sum 36")
  message(FATAL_ERROR "unexpected consumer output: ${last_output}")
endif()
message(STATUS "${last_output}")

# Exceptions, built by the consumer's CMake and by the installed wrapper.
set(exceptions_output "exceptions: caught, exited 1, 1 destructor")
run(${SCRATCH}/consumer-build/consumer_exceptions)
if(NOT last_output MATCHES "${exceptions_output}")
  message(FATAL_ERROR "unexpected consumer_exceptions output: ${last_output}")
endif()
run(${prefix}/bin/lwp-c++ -O2 -fexceptions ${CONSUMER_SOURCE}/exceptions.cpp
    -o ${SCRATCH}/wrapper_exceptions)
run(${SCRATCH}/wrapper_exceptions)
if(NOT last_output MATCHES "${exceptions_output}")
  message(FATAL_ERROR "unexpected wrapper_exceptions output: ${last_output}")
endif()
message(STATUS "${last_output}")

# The math library through -lm: the consumer's CMake target links m, and the
# installed wrapper is given -lm; both must find lwp's empty libm.a.
set(math_output "math: sin 0.841471, pow 1024, cbrt 3")
run(${SCRATCH}/consumer-build/consumer_math)
if(NOT last_output MATCHES "${math_output}")
  message(FATAL_ERROR "unexpected consumer_math output: ${last_output}")
endif()
run(${prefix}/bin/lwp-c++ -O2 ${CONSUMER_SOURCE}/math.cpp -lm -o ${SCRATCH}/wrapper_math)
run(${SCRATCH}/wrapper_math)
if(NOT last_output MATCHES "${math_output}")
  message(FATAL_ERROR "unexpected wrapper_math output: ${last_output}")
endif()
message(STATUS "${last_output}")
