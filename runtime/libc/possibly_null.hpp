// For the few functions whose glibc prototype declares a pointer never null
// (__nonnull) while glibc's own function still checks it and answers EINVAL,
// which programs probing for errors rely on: compiled against that
// prototype, the check would be dropped as dead. The pointer goes through an
// empty asm the compiler cannot see into.
#pragma once

namespace lwp::libc {

template <class Pointee>
Pointee* possibly_null(Pointee* pointer) {
    asm("" : "+r"(pointer));
    return pointer;
}

}  // namespace lwp::libc
