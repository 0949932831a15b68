// gnu_get_libc_version and gnu_get_libc_release (<gnu/libc-version.h>).
//
// The version is the glibc ABI lwp provides ("2.36", library_version.hpp),
// the number programs compare to know which glibc functions and behaviours
// they may count on; a number in another form would only make them guess.
// The release, which glibc uses to say "stable" or a development snapshot,
// says "lwp": no program decides anything on it, and it is the one place a
// curious program (or a person reading its report) can learn that this is
// not glibc itself.
#include <gnu/libc-version.h>

#include "library_version.hpp"

extern "C" {

const char* gnu_get_libc_version(void) noexcept { return LWP_GLIBC_ABI_VERSION; }

const char* gnu_get_libc_release(void) noexcept { return "lwp"; }

}  // extern "C"
