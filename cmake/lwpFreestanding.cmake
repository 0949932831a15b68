# lwp_add_freestanding_executable(<name> [EXCEPTIONS] <source>...)
#
# Adds an executable whose whole runtime is lwp: lwp's own _start, the
# freestanding C library subset (runtime/libc), lwp threads, and nothing of
# glibc or libstdc++ at run time. Sources are compiled against the system's C
# and C++ headers (fortified if they ask for _FORTIFY_SOURCE); C++ without
# exceptions or RTTI. The result is a static, non-PIE ELF with no dynamic
# section.
#
# EXCEPTIONS: built with -fexceptions (and RTTI) instead, and linked with
# lwp::freestanding_exceptions (liblwp-freestanding-exceptions.a), the
# compiler's unwinder and C++ exception runtime: C++ try/catch works, and
# pthread_exit or a cancellation unwinds the thread's frames, running C
# cleanup attributes, C++ destructors and pthread_cleanup_push handlers.
#
# Everything comes from the usage requirements of the lwp::freestanding target
# (liblwp-freestanding.a): compile options, include directories, link options
# and libgcc for compiler helper routines. Available in lwp's own build and,
# after find_package(lwp), in any project that has C++ enabled (the archive is
# C++, so CMake links with the C++ compiler driver; -nostdlib keeps its
# default libraries out).
function(lwp_add_freestanding_executable name)
  cmake_parse_arguments(PARSE_ARGV 1 option "EXCEPTIONS" "" "")
  set(library lwp::freestanding)
  if(option_EXCEPTIONS)
    set(library lwp::freestanding_exceptions)
  endif()
  if(NOT TARGET ${library})
    message(FATAL_ERROR "lwp_add_freestanding_executable: ${library} is not defined")
  endif()
  add_executable(${name} ${option_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${library})
endfunction()
