# lwp_add_freestanding_executable(<name> <source>...)
#
# Adds an executable whose whole runtime is lwp: lwp's own _start, the
# freestanding C library subset (runtime/libc), lwp threads, and nothing of
# glibc or libstdc++ at run time. Sources are compiled against the system's C
# and C++ headers with _FORTIFY_SOURCE off; C++ without exceptions or RTTI. The
# result is a static, non-PIE ELF with no dynamic section.
#
# Everything comes from the usage requirements of the lwp::freestanding target
# (liblwp-freestanding.a): compile options, include directories, link options
# and libgcc for compiler helper routines. Available in lwp's own build and,
# after find_package(lwp), in any project that has C++ enabled (the archive is
# C++, so CMake links with the C++ compiler driver; -nostdlib keeps its
# default libraries out).
function(lwp_add_freestanding_executable name)
  if(NOT TARGET lwp::freestanding)
    message(FATAL_ERROR "lwp_add_freestanding_executable: lwp::freestanding is not defined")
  endif()
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE lwp::freestanding)
endfunction()
