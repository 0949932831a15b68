// malloc free calloc realloc posix_memalign aligned_alloc memalign valloc
// pvalloc malloc_usable_size: the C face of malloc_heap.
// Failures set errno to ENOMEM (or EINVAL for a bad alignment), as POSIX asks.
// While mtrace is on, each call is reported to its recorder
// (malloc_tracing.cpp) through heap::trace.
// glibc also exports each under a __libc_ name (__libc_malloc ...), which
// memory debuggers and programs that replace malloc call to reach the C
// library's own; here they are aliases.
// Nothing else in lwp may need this file: a program that replaces malloc
// free calloc realloc (glibc's manual's "Replacing malloc") keeps it out of
// the link, and any other symbol of it would then be defined twice. So
// reallocarray (malloc_reallocarray.cpp) calls realloc, and mtrace's hook
// lives in malloc_trace_hook.cpp.
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "malloc_heap.hpp"

namespace heap = lwp::libc::heap;

namespace {

using heap::trace_event;

// Reports a call to mtrace's recorder when a trace is on. Every public
// function reports its own call only (realloc's inner steps are not
// calls of the program's), with the address it returns to.
#define LWP_REPORT(event, result, old, size) \
    do { \
        if (heap::trace) \
            heap::trace(event, result, old, size, __builtin_return_address(0)); \
    } while (0)

void* or_enomem(void* block) {
    if (!block) errno = ENOMEM;
    return block;
}

bool is_power_of_two(size_t value) { return value && !(value & (value - 1)); }

// realloc's work, unreported.
void* reallocate(void* block, size_t size) {
    if (!block) return or_enomem(heap::allocate(size));
    if (size == 0) {
        heap::release(block);
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

// aligned_alloc's work, unreported: any power of two is accepted (C17
// leaves others undefined; C23 and glibc accept a non-multiple size).
void* allocate_aligned(size_t alignment, size_t size) {
    if (!is_power_of_two(alignment)) {
        errno = EINVAL;
        return nullptr;
    }
    return or_enomem(heap::allocate_aligned(alignment, size));
}

}  // namespace

extern "C" {

void* malloc(size_t size) noexcept {
    void* block = or_enomem(heap::allocate(size));
    LWP_REPORT(trace_event::allocated, block, nullptr, size);
    return block;
}

void free(void* block) noexcept {
    heap::release(block);
    if (block) LWP_REPORT(trace_event::freed, nullptr, block, 0);
}

void* calloc(size_t count, size_t size) noexcept {
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) return or_enomem(nullptr);
    void* block = heap::allocate(bytes);
    // A direct mapping is already zero; a recycled small block is not.
    if (block && !heap::is_fresh_mapping(block)) memset(block, 0, bytes);
    LWP_REPORT(trace_event::allocated, block, nullptr, bytes);
    return or_enomem(block);
}

// Grows or shrinks in place when the block's class still fits and is not
// more than twice too big; otherwise moves. realloc(p, 0) frees p and
// returns null, as glibc does.
void* realloc(void* block, size_t size) noexcept {
    void* result = reallocate(block, size);
    LWP_REPORT(trace_event::reallocated, result, block, size);
    return result;
}

// Returns the error instead of setting errno (POSIX).
int posix_memalign(void** out, size_t alignment, size_t size) noexcept {
    if (!is_power_of_two(alignment) || alignment % sizeof(void*)) return EINVAL;
    // errno is ENOMEM too on failure, as with glibc's, whose posix_memalign
    // fails through malloc: programs (glibc's tst-malloc-thread-fail among
    // them) read errno after it.
    void* block = or_enomem(heap::allocate_aligned(alignment, size));
    LWP_REPORT(trace_event::allocated, block, nullptr, size);
    if (!block) return ENOMEM;
    *out = block;
    return 0;
}

void* aligned_alloc(size_t alignment, size_t size) noexcept {
    void* block = allocate_aligned(alignment, size);
    LWP_REPORT(trace_event::allocated, block, nullptr, size);
    return block;
}

// The older interface: programs written for it pass alignments such as 24
// and get a block aligned to the next power of two (as glibc's memalign
// gives), so round up rather than fail; only an alignment with no power of
// two above it is EINVAL.
void* memalign(size_t alignment, size_t size) noexcept {
    void* block = nullptr;
    if (alignment > (~size_t{0} >> 1) + 1) {
        errno = EINVAL;
    } else {
        size_t rounded = 1;
        while (rounded < alignment) rounded <<= 1;
        block = allocate_aligned(rounded, size);
    }
    LWP_REPORT(trace_event::allocated, block, nullptr, size);
    return block;
}

void* valloc(size_t size) noexcept {
    void* block = allocate_aligned(4096, size);
    LWP_REPORT(trace_event::allocated, block, nullptr, size);
    return block;
}

// valloc with the size rounded up to whole pages, as glibc's; a size within
// a page of SIZE_MAX cannot be rounded and is ENOMEM.
void* pvalloc(size_t size) noexcept {
    size_t rounded;
    if (__builtin_add_overflow(size, size_t{4095}, &rounded)) return or_enomem(nullptr);
    rounded &= ~size_t{4095};
    void* block = allocate_aligned(4096, rounded);
    LWP_REPORT(trace_event::allocated, block, nullptr, rounded);
    return block;
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
