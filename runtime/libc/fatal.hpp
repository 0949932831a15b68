// Last words of the C library and the C++ runtime support: a message on
// stderr by a direct write(2) (no stdio, which may be the thing that is
// broken, and which would pull printf into every program), then abort().
#pragma once

#include <stdlib.h>

#include <cstring>

#include "../sys/syscalls.hpp"

namespace lwp::libc {

[[noreturn]] inline void fatal(const char* message, const char* detail = nullptr) {
    sys::write(2, message, std::strlen(message));
    if (detail) {
        sys::write(2, ": ", 2);
        sys::write(2, detail, std::strlen(detail));
    }
    sys::write(2, "\n", 1);
    abort();
}

}  // namespace lwp::libc
