// malloc free calloc realloc reallocarray posix_memalign aligned_alloc
// memalign valloc pvalloc malloc_usable_size: the C face of malloc_heap.
// Failures set errno to ENOMEM (or EINVAL for a bad alignment), as POSIX asks.
// glibc also exports each under a __libc_ name (__libc_malloc ...), which
// memory debuggers and programs that replace malloc call to reach the C
// library's own; here they are aliases.
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "malloc_heap.hpp"

namespace heap = lwp::libc::heap;

namespace {

void* or_enomem(void* block) {
    if (!block) errno = ENOMEM;
    return block;
}

bool is_power_of_two(size_t value) { return value && !(value & (value - 1)); }

}  // namespace

extern "C" {

void* malloc(size_t size) noexcept { return or_enomem(heap::allocate(size)); }

void free(void* block) noexcept { heap::release(block); }

void* calloc(size_t count, size_t size) noexcept {
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) return or_enomem(nullptr);
    void* block = heap::allocate(bytes);
    // A direct mapping is already zero; a recycled small block is not.
    if (block && !heap::is_fresh_mapping(block)) memset(block, 0, bytes);
    return or_enomem(block);
}

// Grows or shrinks in place when the block's class still fits and is not
// more than twice too big; otherwise moves. realloc(p, 0) frees p and
// returns null, as glibc does.
void* realloc(void* block, size_t size) noexcept {
    if (!block) return malloc(size);
    if (size == 0) {
        free(block);
        return nullptr;
    }
    size_t usable = heap::usable_size(block);
    if (size <= usable && size >= usable / 2) return block;
    void* moved = heap::allocate(size);
    if (!moved) return or_enomem(nullptr);  // the old block stays valid
    memcpy(moved, block, size < usable ? size : usable);
    heap::release(block);
    return moved;
}

void* reallocarray(void* block, size_t count, size_t size) noexcept {
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) return or_enomem(nullptr);
    return realloc(block, bytes);
}

// Returns the error instead of setting errno (POSIX).
int posix_memalign(void** out, size_t alignment, size_t size) noexcept {
    if (!is_power_of_two(alignment) || alignment % sizeof(void*)) return EINVAL;
    void* block = heap::allocate_aligned(alignment, size);
    if (!block) return ENOMEM;
    *out = block;
    return 0;
}

// Any power of two is accepted (C17 leaves others undefined; C23 and glibc
// accept a non-multiple size).
void* aligned_alloc(size_t alignment, size_t size) noexcept {
    if (!is_power_of_two(alignment)) {
        errno = EINVAL;
        return nullptr;
    }
    return or_enomem(heap::allocate_aligned(alignment, size));
}

// The older interface: programs written for it pass alignments such as 24
// and get a block aligned to the next power of two (as glibc's memalign
// gives), so round up rather than fail; only an alignment with no power of
// two above it is EINVAL.
void* memalign(size_t alignment, size_t size) noexcept {
    if (alignment > (~size_t{0} >> 1) + 1) {
        errno = EINVAL;
        return nullptr;
    }
    size_t rounded = 1;
    while (rounded < alignment) rounded <<= 1;
    return aligned_alloc(rounded, size);
}

void* valloc(size_t size) noexcept { return aligned_alloc(4096, size); }

// valloc with the size rounded up to whole pages, as glibc's; a size within
// a page of SIZE_MAX cannot be rounded and is ENOMEM.
void* pvalloc(size_t size) noexcept {
    size_t rounded;
    if (__builtin_add_overflow(size, size_t{4095}, &rounded)) return or_enomem(nullptr);
    return aligned_alloc(4096, rounded & ~size_t{4095});
}

void* __libc_malloc(size_t) noexcept __attribute__((alias("malloc"), copy(malloc)));
void __libc_free(void*) noexcept __attribute__((alias("free"), copy(free)));
void* __libc_calloc(size_t, size_t) noexcept __attribute__((alias("calloc"), copy(calloc)));
void* __libc_realloc(void*, size_t) noexcept __attribute__((alias("realloc"), copy(realloc)));
void* __libc_memalign(size_t, size_t) noexcept __attribute__((alias("memalign"), copy(memalign)));
void* __libc_valloc(size_t) noexcept __attribute__((alias("valloc"), copy(valloc)));
void* __libc_pvalloc(size_t) noexcept __attribute__((alias("pvalloc"), copy(pvalloc)));

size_t malloc_usable_size(void* block) noexcept { return heap::usable_size(block); }

}  // extern "C"
