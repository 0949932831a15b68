# glibc 2.36's own libm test suite (math/libm-test-*.inc: every function's
# special cases, the boundary and hard cases of auto-libm-test-in, each in the
# four rounding modes, with the exception flags and errno each must leave),
# built from the same glibc-source tarball, compiled against the system
# headers and linked with lwp alone, run under label `glibc`.
#
# libm-run-list.txt names "type function" pairs (type: double, float,
# ldouble, float128 (_Float128, glibc's test-float128.h), or for the
# narrowing functions a result and an argument type, as float-double add); each builds test-<type>-<function> as glibc's math/Makefile
# does: gen-libm-test.py turns libm-test-<function>.inc and its expected
# results (auto-libm-test-out-<function>) into C, and the tolerances are
# glibc's own for x86_64 (sysdeps/x86_64/fpu/libm-test-ulps). Every listed
# test must pass whole; libm-excluded.md says why each one not listed fails.
# Included from CMakeLists.txt with LWP_GLIBC_TARBALL and LWP_GLIBC_TOP set.

# The suite runs in one build only: tools/run-tests turns it off in the Debug
# build with UBSan, whose libm is the same source (the freestanding library is
# built without the sanitizer), to keep the whole run short.
option(LWP_GLIBC_LIBM_TESTS "Build and run glibc's libm test suite" ON)
if(NOT LWP_GLIBC_LIBM_TESTS)
  return()
endif()

find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(STATUS "python3 not found: glibc's libm tests skipped")
  return()
endif()

file(STRINGS libm-run-list.txt LWP_LIBM_RUN_LIST REGEX "^[a-z]")
# -DLWP_GLIBC_LIBM_EXCLUDED=ON also builds every test of libm-excluded.md (the
# other pairs of these types and glibc's functions), labelled
# glibc_libm_excluded, for classify_libm_failures.py to run and describe.
option(LWP_GLIBC_LIBM_EXCLUDED "Also build glibc's libm tests that lwp does not pass" OFF)
set(LWP_LIBM_EXCLUDED_LIST)
if(LWP_GLIBC_LIBM_EXCLUDED)
  file(STRINGS libm-excluded.md excluded_rows REGEX "^\\| `[a-z0-9-]+ [a-z0-9_]+` \\|")
  foreach(row ${excluded_rows})
    if(row MATCHES "does not link")
      continue()  # lwp lacks a function the test calls
    endif()
    string(REGEX MATCH "`([a-z0-9-]+ [a-z0-9_]+)`" pair "${row}")
    list(APPEND LWP_LIBM_EXCLUDED_LIST "${CMAKE_MATCH_1}")
  endforeach()
endif()
set(libm_source ${CMAKE_CURRENT_BINARY_DIR}/libm-src)
set(libm_generated ${CMAKE_CURRENT_BINARY_DIR}/libm-generated)

set(libm_functions)
set(libm_types)
foreach(entry ${LWP_LIBM_RUN_LIST} ${LWP_LIBM_EXCLUDED_LIST})
  string(REGEX MATCHALL "[^ \t]+" fields "${entry}")
  list(GET fields 0 type)
  list(GET fields 1 function)
  # "float-double add": a narrowing test (float result of double arguments),
  # whose table is libm-test-narrow-add; its support is the result type's.
  if(type MATCHES "^([a-z]+)-([a-z0-9]+)$")
    set(type ${CMAKE_MATCH_1})
    set(function narrow-${function})
  endif()
  list(APPEND libm_types ${type})
  list(APPEND libm_functions ${function})
endforeach()
list(REMOVE_DUPLICATES libm_types)
list(REMOVE_DUPLICATES libm_functions)

# What the tests need of the tarball: the driver and its headers, the
# generator, each listed function's .inc and expected results, and the x86
# answers to "what does this machine support" (tininess, sNaN, traps).
set(patterns
  "${LWP_GLIBC_TOP}/math/libm-test-driver.c" "${LWP_GLIBC_TOP}/math/libm-test-support.[ch]"
  "${LWP_GLIBC_TOP}/math/test-*.h" "${LWP_GLIBC_TOP}/math/gen-libm-test.py"
  "${LWP_GLIBC_TOP}/sysdeps/generic/math-tests*.h"
  "${LWP_GLIBC_TOP}/sysdeps/generic/nan-high-order-bit.h"
  "${LWP_GLIBC_TOP}/sysdeps/x86/tininess.h"
  "${LWP_GLIBC_TOP}/sysdeps/x86_64/fpu/math-tests-*.h" "${LWP_GLIBC_TOP}/sysdeps/x86_64/fpu/math_ldbl.h"
  "${LWP_GLIBC_TOP}/sysdeps/x86_64/fpu/libm-test-ulps")
# The functions whose expected results glibc computed with MPFR and MPC
# (math/Makefile's libm-test-funcs-auto); the others' .inc holds them all.
set(libm_functions_with_computed_results
  acos acosh asin asinh atan atan2 atanh cabs cacos cacosh carg casin casinh catan catanh
  cbrt ccos ccosh cexp clog clog10 cos cosh cpow csin csinh csqrt ctan ctanh erf erfc exp
  exp10 exp2 expm1 fma hypot j0 j1 jn lgamma log log10 log1p log2 pow sin sincos sinh sqrt
  tan tanh tgamma y0 y1 yn narrow-add narrow-div narrow-fma narrow-mul narrow-sqrt
  narrow-sub)
foreach(function ${libm_functions})
  list(APPEND patterns "${LWP_GLIBC_TOP}/math/libm-test-${function}.inc")
  if(function IN_LIST libm_functions_with_computed_results)
    list(APPEND patterns "${LWP_GLIBC_TOP}/math/auto-libm-test-out-${function}")
  endif()
endforeach()
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/libm-extracted.stamp
  COMMAND ${CMAKE_COMMAND} -E make_directory ${libm_source}
  COMMAND tar -xf ${LWP_GLIBC_TARBALL} -C ${libm_source} --strip-components=1 --wildcards
          --no-wildcards-match-slash ${patterns}
  COMMAND ${CMAKE_COMMAND} -E touch ${CMAKE_CURRENT_BINARY_DIR}/libm-extracted.stamp
  DEPENDS ${LWP_GLIBC_TARBALL} ${CMAKE_CURRENT_SOURCE_DIR}/libm-run-list.txt
  COMMENT "Extracting glibc's libm tests from ${LWP_GLIBC_TARBALL}"
  VERBATIM)

# The tolerances, as glibc's build makes them.
add_custom_command(
  OUTPUT ${libm_generated}/libm-test-ulps.h
  COMMAND ${CMAKE_COMMAND} -E make_directory ${libm_generated}
  COMMAND ${Python3_EXECUTABLE} ${libm_source}/math/gen-libm-test.py
          -u ${libm_source}/sysdeps/x86_64/fpu/libm-test-ulps -H ${libm_generated}/libm-test-ulps.h
  DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/libm-extracted.stamp
  VERBATIM)

# glibc's flags for these tests (math/Makefile's libm-test-no-inline-cflags,
# and Makeconfig's -frounding-math): no inlining or built-ins, so the calls
# reach the library; sNaN-safe classification; the rounding mode honoured.
set(libm_test_options -w -O2 -fno-inline -ffloat-store -fno-builtin -fsignaling-nans
    -frounding-math -fmath-errno)
set(libm_include_after ${libm_source}/math ${libm_source}/sysdeps/x86_64/fpu
    ${libm_source}/sysdeps/x86 ${libm_source}/sysdeps/generic ${libm_source})

# Everything generated (the extraction, the tolerances, each function's
# table) comes from one target that the libraries and tests depend on: a
# custom command's output used by several targets would otherwise run once per
# target, at the same time, in a parallel build.
set(libm_generated_outputs ${CMAKE_CURRENT_BINARY_DIR}/libm-extracted.stamp
    ${libm_generated}/libm-test-ulps.h)

# One support library per type (libm-test-support.c compiled for it).
foreach(type ${libm_types})
  set(support ${libm_generated}/libm-test-support-${type}.c)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/libm-support-${type}.in
       "#include <test-${type}.h>\n#include <libm-test-support.c>\n")
  configure_file(${CMAKE_CURRENT_BINARY_DIR}/libm-support-${type}.in ${support} COPYONLY)
  add_library(lwp_libm_test_support_${type} STATIC ${support})
  add_dependencies(lwp_libm_test_support_${type} glibc_libm_tests_generated)
  target_link_libraries(lwp_libm_test_support_${type} PUBLIC lwp::freestanding)
  target_compile_definitions(lwp_libm_test_support_${type} PUBLIC _GNU_SOURCE)
  target_compile_options(lwp_libm_test_support_${type} PUBLIC ${libm_test_options}
    $<$<COMPILE_LANGUAGE:C>:-std=gnu11>)
  target_include_directories(lwp_libm_test_support_${type} PUBLIC ${libm_generated})
  # After the system headers: the tests must see <math.h> as programs do,
  # and take only their own headers from the tarball.
  foreach(directory ${libm_include_after})
    target_compile_options(lwp_libm_test_support_${type} PUBLIC "SHELL:-idirafter ${directory}")
  endforeach()
endforeach()

set(libm_count 0)
foreach(entry ${LWP_LIBM_RUN_LIST} ${LWP_LIBM_EXCLUDED_LIST})
  set(label glibc)
  if(entry IN_LIST LWP_LIBM_EXCLUDED_LIST)
    set(label glibc_libm_excluded)
  endif()
  string(REGEX MATCHALL "[^ \t]+" fields "${entry}")
  list(GET fields 0 type)
  list(GET fields 1 function)
  set(name ${type}-${function})
  set(headers "#include <test-${type}.h>\n#include <test-math-exceptions.h>\n#include <test-math-errno.h>\n#include <test-math-scalar.h>\n")
  if(type MATCHES "^([a-z]+)-([a-z0-9]+)$")
    set(type ${CMAKE_MATCH_1})
    set(headers "#include <test-${type}.h>\n#include <test-arg-${CMAKE_MATCH_2}.h>\n#include <test-math-exceptions.h>\n#include <test-math-errno.h>\n#include <test-math-narrow.h>\n")
    set(function narrow-${function})
  endif()
  set(table ${libm_generated}/libm-test-${function}.c)
  if(NOT function IN_LIST libm_generated_tables)
    list(APPEND libm_generated_tables ${function})
    set(expected /dev/null)
    if(function IN_LIST libm_functions_with_computed_results)
      set(expected ${libm_source}/math/auto-libm-test-out-${function})
    endif()
    add_custom_command(
      OUTPUT ${table}
      COMMAND ${Python3_EXECUTABLE} ${libm_source}/math/gen-libm-test.py
              -c ${libm_source}/math/libm-test-${function}.inc -a ${expected} -C ${table}
      DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/libm-extracted.stamp
      VERBATIM)
    list(APPEND libm_generated_outputs ${table})
  endif()
  set(wrapper ${libm_generated}/test-${name}.c)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/test-${name}.in "${headers}#include <libm-test-${function}.c>\n")
  configure_file(${CMAKE_CURRENT_BINARY_DIR}/test-${name}.in ${wrapper} COPYONLY)
  set(target glibc_math_test-${name})
  lwp_add_freestanding_executable(${target} ${wrapper})
  add_dependencies(${target} glibc_libm_tests_generated)
  target_link_libraries(${target} PRIVATE lwp_libm_test_support_${type})
  add_test(NAME glibc.math.test-${name} COMMAND ${target})
  set_tests_properties(glibc.math.test-${name} PROPERTIES LABELS ${label} TIMEOUT 120)
  if(label STREQUAL glibc)
    math(EXPR libm_count "${libm_count} + 1")
  endif()
endforeach()
add_custom_target(glibc_libm_tests_generated DEPENDS ${libm_generated_outputs})
message(STATUS "glibc libm conformance: ${libm_count} tests")
