# cmake -P script: lwp-cc and lwp-c++ used as a user would, compile-only (-c)
# and link steps separately and in one step; each program must run, print
# what it should, and be static with nothing left undefined.
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE status OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGV}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

function(check_static program)
  run(${READELF} -d ${program})
  if(NOT last_output MATCHES "There is no dynamic section")
    message(FATAL_ERROR "${program} has a dynamic section:\n${last_output}")
  endif()
  # Weak references left unresolved (w) are resolved to 0 by design (lwp's
  # optional parts); LLD keeps them in the symbol table, GNU ld drops them.
  run(${NM} -u ${program})
  if(last_output MATCHES "(^|\n) *U ")
    message(FATAL_ERROR "${program} has undefined symbols:\n${last_output}")
  endif()
endfunction()

# C: two objects compiled separately, then linked.
run(${LWP_CC} -Os -Wall -c ${SOURCES}/greeting_main.c -o ${SCRATCH}/greeting_main.o)
run(${LWP_CC} -Os -Wall -c ${SOURCES}/greeting_text.c -o ${SCRATCH}/greeting_text.o)
run(${LWP_CC} ${SCRATCH}/greeting_main.o ${SCRATCH}/greeting_text.o -o ${SCRATCH}/greeting)
run(${SCRATCH}/greeting)
if(NOT last_output STREQUAL "hello from two objects\n")
  message(FATAL_ERROR "greeting printed: '${last_output}'")
endif()
check_static(${SCRATCH}/greeting)

# C: one step, compile and link.
run(${LWP_CC} -O2 ${SOURCES}/greeting_main.c ${SOURCES}/greeting_text.c -o ${SCRATCH}/greeting2)
run(${SCRATCH}/greeting2)
if(NOT last_output STREQUAL "hello from two objects\n")
  message(FATAL_ERROR "greeting2 printed: '${last_output}'")
endif()

# -x names the language of the inputs that follow it, up to the next -x:
# the wrapper must not let it cover the lwp archive it appends (the driver
# would compile the archive as C source).
run(${LWP_CC} -O2 -x c ${SOURCES}/greeting_main.c ${SOURCES}/greeting_text.c -o ${SCRATCH}/greeting3)
run(${SCRATCH}/greeting3)
if(NOT last_output STREQUAL "hello from two objects\n")
  message(FATAL_ERROR "greeting3 printed: '${last_output}'")
endif()

# C++: compile only, then link.
run(${LWP_CXX} -O2 -std=c++20 -Wall -c ${SOURCES}/cxx_features.cpp -o ${SCRATCH}/cxx_features.o)
run(${LWP_CXX} ${SCRATCH}/cxx_features.o -o ${SCRATCH}/cxx_features)
run(${SCRATCH}/cxx_features)
if(NOT last_output STREQUAL "c++ features: sorted, virtual, optional 43, thread sum 15\n")
  message(FATAL_ERROR "cxx_features printed: '${last_output}'")
endif()
check_static(${SCRATCH}/cxx_features)

# C++ in one step, with the language named (-x c++) as for a source whose
# name does not say it.
run(${LWP_CXX} -O2 -std=c++20 -x c++ ${SOURCES}/cxx_features.cpp -o ${SCRATCH}/cxx_features2)
run(${SCRATCH}/cxx_features2)
if(NOT last_output STREQUAL "c++ features: sorted, virtual, optional 43, thread sum 15\n")
  message(FATAL_ERROR "cxx_features2 printed: '${last_output}'")
endif()

# -lm: links lwp's math (its empty libm.a stands in for glibc's), with and
# without exceptions.
set(math_output "math: 0.479426 1024.0 0.707107 2.0000\n")
run(${LWP_CC} -O2 ${SOURCES}/math_user.c -o ${SCRATCH}/math_user -lm)
run(${SCRATCH}/math_user)
if(NOT last_output STREQUAL math_output)
  message(FATAL_ERROR "math_user printed: '${last_output}'")
endif()
check_static(${SCRATCH}/math_user)
run(${LWP_CC} -O0 -fexceptions ${SOURCES}/math_user.c -lm -o ${SCRATCH}/math_user_exceptions)
run(${SCRATCH}/math_user_exceptions)
if(NOT last_output STREQUAL math_output)
  message(FATAL_ERROR "math_user_exceptions printed: '${last_output}'")
endif()
# The C libraries a build system (or rustc) names itself, in a group as rustc
# names them: -lc finds lwp's empty libc.a, the rest glibc's empty archives,
# and the program is still lwp's alone.
run(${LWP_CC} -O2 ${SOURCES}/math_user.c -o ${SCRATCH}/math_user_named_libraries
  -Wl,--start-group -lutil -lrt -lpthread -lm -ldl -lc -Wl,--end-group)
run(${SCRATCH}/math_user_named_libraries)
if(NOT last_output STREQUAL math_output)
  message(FATAL_ERROR "math_user_named_libraries printed: '${last_output}'")
endif()
check_static(${SCRATCH}/math_user_named_libraries)

# Thread-local storage with GNU ld and with LLD (-fuse-ld=lld, as clang users
# and Rust since 1.90 link): the offsets each linker built into the code
# must be where lwp puts every thread's block.
set(thread_locals_output "thread 1: initialised 42 -> 43, text 'thread-local text', aligned 0, zeroed 0
thread 2: initialised 42 -> 44, text 'thread-local text', aligned 0, zeroed 0
thread 3: initialised 42 -> 45, text 'thread-local text', aligned 0, zeroed 0
thread 0: initialised 42 -> 42, text 'thread-local text', aligned 0, zeroed 0
")
foreach(linker bfd lld)
  if(linker STREQUAL "lld" AND NOT LLD)
    message(FATAL_ERROR "ld.lld not found: apt-get install lld")
  endif()
  run(${LWP_CC} -O2 -fuse-ld=${linker} ${SOURCES}/thread_locals.c -o ${SCRATCH}/thread_locals_${linker})
  run(${SCRATCH}/thread_locals_${linker})
  if(NOT last_output STREQUAL thread_locals_output)
    message(FATAL_ERROR "thread_locals linked by ${linker} printed: '${last_output}'")
  endif()
  check_static(${SCRATCH}/thread_locals_${linker})
endforeach()
# The same with clang as the compiler the wrapper drives (LWP_REAL_COMPILER).
if(NOT CLANG)
  message(FATAL_ERROR "clang not found: apt-get install clang")
endif()
run(${CMAKE_COMMAND} -E env LWP_REAL_COMPILER=${CLANG}
  ${LWP_CC} -O2 -fuse-ld=lld -Wno-unused-command-line-argument ${SOURCES}/thread_locals.c
  -o ${SCRATCH}/thread_locals_clang)
run(${SCRATCH}/thread_locals_clang)
if(NOT last_output STREQUAL thread_locals_output)
  message(FATAL_ERROR "thread_locals compiled by clang printed: '${last_output}'")
endif()
check_static(${SCRATCH}/thread_locals_clang)

# No input at all: the wrapper only passes the question on. `-v` alone must
# report the compiler's version, not try to link lwp's archive into a program
# without main.
run(${LWP_CC} -v)
run(${LWP_CC} -dumpmachine)
if(NOT last_output MATCHES "x86_64")
  message(FATAL_ERROR "lwp-cc -dumpmachine printed: '${last_output}'")
endif()
execute_process(COMMAND ${LWP_CC} -v RESULT_VARIABLE status ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT status EQUAL 0 OR NOT err MATCHES "version" OR err MATCHES "collect2|undefined reference")
  message(FATAL_ERROR "lwp-cc -v (${status}):\n${err}")
endif()

# -fopenmp: GCC's libgomp, linked before lwp's archive, in one step and in
# separate compile and link steps.
set(openmp_output "openmp: 4 threads, sum 5000050000\n")
run(${LWP_CC} -O2 -fopenmp ${SOURCES}/openmp_sum.c -o ${SCRATCH}/openmp_sum)
run(${SCRATCH}/openmp_sum)
if(NOT last_output STREQUAL openmp_output)
  message(FATAL_ERROR "openmp_sum printed: '${last_output}'")
endif()
check_static(${SCRATCH}/openmp_sum)
run(${LWP_CC} -O2 -fopenmp -c ${SOURCES}/openmp_sum.c -o ${SCRATCH}/openmp_sum.o)
run(${LWP_CC} -fopenmp ${SCRATCH}/openmp_sum.o -o ${SCRATCH}/openmp_sum2)
run(${SCRATCH}/openmp_sum2)
if(NOT last_output STREQUAL openmp_output)
  message(FATAL_ERROR "openmp_sum2 printed: '${last_output}'")
endif()
