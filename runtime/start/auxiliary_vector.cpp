// getauxval(3): the program's view of its auxiliary vector.
#include "auxiliary_vector.hpp"

#include <errno.h>
#include <sys/auxv.h>

namespace lwp::start {
const unsigned long* auxiliary_vector = nullptr;
}

extern "C" unsigned long getauxval(unsigned long type) noexcept {
    unsigned long value;
    if (lwp::start::find_auxiliary_value(lwp::start::auxiliary_vector, type, value)) return value;
    // 0 is also a legitimate value (AT_SECURE, say), so absence is told apart
    // through errno, as the function's contract in the C library headers says.
    errno = ENOENT;
    return 0;
}

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
unsigned long __getauxval(unsigned long) noexcept
    __attribute__((alias("getauxval"), copy(getauxval)));
}  // extern "C"
