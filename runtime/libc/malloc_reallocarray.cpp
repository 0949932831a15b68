// reallocarray: realloc of count * size bytes, ENOMEM (nothing changed)
// when the product overflows.
//
// It calls the public realloc rather than the heap, as glibc's does, so a
// program that replaces malloc free calloc realloc gets every reallocarray
// (glob, wordexp and the user database call it) on its own allocator, and
// this file pulls none of lwp's allocator into such a program. The call is
// a tail call in an optimised build, so mtrace records it as glibc 2.36
// with libc_malloc_debug.so does: as a realloc (`<` and `>`, `+` for a
// null block, `-` for a size of 0) whose caller is reallocarray's caller;
// an overflow reaches no allocator and is not recorded.
#include <errno.h>
#include <stdlib.h>

extern "C" void* reallocarray(void* block, size_t count, size_t size) noexcept {
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) {
        errno = ENOMEM;
        return nullptr;
    }
    return realloc(block, bytes);
}
