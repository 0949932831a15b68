// brk sbrk: the program break, the end of the data segment that the kernel
// can grow. lwp's malloc never uses it (it maps its memory with mmap), so
// the break belongs wholly to the program. Not thread-safe, as in every C
// library: the break is one value for the whole process.
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"

namespace {

// The brk system call answers with the break as it now is: the new one on
// success, the old one when the kernel refused.
void* kernel_break(void* wanted) {
    return reinterpret_cast<void*>(lwp::arch::syscall1(__NR_brk, reinterpret_cast<long>(wanted)));
}

}  // namespace

extern "C" {

// The break as last set or read, null until the first brk or sbrk asks the
// kernel. Exported under glibc's name, which a few programs read (as in a
// glibc program linked dynamically: null until then, since lwp's malloc
// never calls sbrk).
void* __curbrk = nullptr;

// Success when the break now reaches `address`. Like glibc's, a request
// below the data segment's start, which the kernel ignores, leaves the
// break where it was and still counts as one.
int brk(void* address) noexcept {
    __curbrk = kernel_break(address);
    if (__curbrk < address) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

// The old break, the start of the `increment` bytes added (or, shrinking,
// the end of what was released); (void*)-1 and ENOMEM when the kernel
// refuses or the new break would wrap around the address space.
void* sbrk(intptr_t increment) noexcept {
    if (__curbrk == nullptr) __curbrk = kernel_break(nullptr);
    auto old_break = reinterpret_cast<uintptr_t>(__curbrk);
    if (increment == 0) return __curbrk;
    uintptr_t new_break = old_break + static_cast<uintptr_t>(increment);
    if ((increment > 0) != (new_break > old_break)) {
        errno = ENOMEM;
        return reinterpret_cast<void*>(-1);
    }
    if (brk(reinterpret_cast<void*>(new_break)) != 0) return reinterpret_cast<void*>(-1);
    return reinterpret_cast<void*>(old_break);
}

// glibc's other name for sbrk, which some older programs call.
void* __sbrk(intptr_t increment) noexcept __attribute__((alias("sbrk")));

}  // extern "C"
