// memcpy mempcpy memmove memset explicit_bzero memcmp bcmp memccpy swab (and
// __memcmpeq bzero __bzero bcopy): the memory primitives that both
// programs and compiler-generated code (struct copies, zero-initialisation)
// call. The bulk moves use the x86 string instructions, see
// arch/x86_64/string_ops.hpp for why.
#include <string.h>
#include <unistd.h>

#include <cstdint>

#include "../../arch/x86_64/string_ops.hpp"

extern "C" {

void* memcpy(void* __restrict destination, const void* __restrict source,
             size_t count) noexcept {
    lwp::arch::copy_forward(destination, source, count);
    return destination;
}

// memcpy that returns the end of what it wrote (GNU), for chaining copies.
void* mempcpy(void* __restrict destination, const void* __restrict source, size_t count) noexcept {
    lwp::arch::copy_forward(destination, source, count);
    return static_cast<char*>(destination) + count;
}

void* __mempcpy(void* __restrict destination, const void* __restrict source, size_t count) noexcept
    __attribute__((alias("mempcpy")));

void* memmove(void* destination, const void* source, size_t count) noexcept {
    // Copying forward is safe unless the destination starts inside the
    // source; compared as integers since the two may be unrelated objects.
    auto to = reinterpret_cast<std::uintptr_t>(destination);
    auto from = reinterpret_cast<std::uintptr_t>(source);
    if (to - from >= count)
        lwp::arch::copy_forward(destination, source, count);
    else
        lwp::arch::copy_backward(destination, source, count);
    return destination;
}

void* memset(void* destination, int value, size_t count) noexcept {
    lwp::arch::fill(destination, static_cast<unsigned char>(value), count);
    return destination;
}

// A memset the compiler may not remove as a dead store: the empty asm claims
// to read the cleared memory, so erasing a secret before it goes out of scope
// really happens.
void explicit_bzero(void* destination, size_t count) noexcept {
    lwp::arch::fill(destination, 0, count);
    asm volatile("" : : "r"(destination) : "memory");
}

int memcmp(const void* left, const void* right, size_t count) noexcept {
    auto* a = static_cast<const unsigned char*>(left);
    auto* b = static_cast<const unsigned char*>(right);
    for (size_t i = 0; i < count; ++i)
        if (a[i] != b[i]) return a[i] - b[i];
    return 0;
}

// Clang turns memcmp(...) == 0 into bcmp; give it one.
int bcmp(const void* left, const void* right, size_t count) noexcept {
    return memcmp(left, right, count);
}

// What GCC 12 and later call for memcmp(...) == 0 when the C library
// declares it (glibc 2.35 and later): only zero or not matters, so memcmp's
// answer serves.
int __memcmpeq(const void* left, const void* right, size_t count) noexcept
    __attribute__((alias("memcmp"), copy(memcmp)));

// BSD's older names: bzero is memset with 0, bcopy memmove with the source
// first; glibc exports __bzero too.
void bzero(void* destination, size_t count) noexcept {
    lwp::arch::fill(destination, 0, count);
}
void __bzero(void* destination, size_t count) noexcept __attribute__((alias("bzero"), copy(bzero)));
void bcopy(const void* source, void* destination, size_t count) noexcept {
    memmove(destination, source, count);
}

// Copies up to and including the first `stop` byte (POSIX): returns the byte
// after it in the destination, or null when `count` bytes held none. The
// areas must not overlap.
void* memccpy(void* __restrict destination, const void* __restrict source, int stop, size_t count) noexcept {
    auto* to = static_cast<unsigned char*>(destination);
    const auto* from = static_cast<const unsigned char*>(source);
    const auto wanted = static_cast<unsigned char>(stop);
    for (size_t i = 0; i < count; ++i) {
        to[i] = from[i];
        if (from[i] == wanted) return to + i + 1;
    }
    return nullptr;
}

// Swaps each pair of bytes (for data from machines of the other byte order).
// An odd last byte is left alone, as in glibc; a negative count copies
// nothing.
void swab(const void* __restrict source, void* __restrict destination, ssize_t count) noexcept {
    const auto* from = static_cast<const unsigned char*>(source);
    auto* to = static_cast<unsigned char*>(destination);
    for (ssize_t i = 0; i + 1 < count; i += 2) {
        to[i] = from[i + 1];
        to[i + 1] = from[i];
    }
}

}  // extern "C"
