// Bulk byte copy and fill with the x86 string instructions.
//
// `rep movsb` / `rep stosb` are fast on every x86_64 core with ERMS (Ivy Bridge
// and later, Zen) and are a handful of bytes of code, which matters for
// freestanding binaries measured in KiB. They also cannot be turned back into
// a call to memcpy/memset by the optimiser, which a plain C loop inside
// memcpy itself could be (GCC's loop-distribution pass recognises the idiom).
#pragma once

#include <cstddef>

namespace lwp::arch {

// Copies low to high. The direction flag is clear on entry to any function
// (psABI), so no `cld` is needed.
inline void copy_forward(void* destination, const void* source, std::size_t count) {
    asm volatile("rep movsb"
                 : "+D"(destination), "+S"(source), "+c"(count)
                 :
                 : "memory");
}

// Copies high to low, for overlapping moves to a higher address. The ABI
// requires the direction flag clear again before we return, hence the `cld`.
inline void copy_backward(void* destination, const void* source, std::size_t count) {
    if (count == 0) return;
    void* last_destination = static_cast<char*>(destination) + count - 1;
    const void* last_source = static_cast<const char*>(source) + count - 1;
    asm volatile("std\n\trep movsb\n\tcld"
                 : "+D"(last_destination), "+S"(last_source), "+c"(count)
                 :
                 : "memory");
}

inline void fill(void* destination, unsigned char value, std::size_t count) {
    asm volatile("rep stosb" : "+D"(destination), "+c"(count) : "a"(value) : "memory");
}

}  // namespace lwp::arch
