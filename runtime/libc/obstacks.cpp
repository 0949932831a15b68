// Obstacks (<obstack.h>): the functions glibc's obstack macros call,
// _obstack_begin _obstack_begin_1 _obstack_newchunk obstack_free
// (`_obstack_free`) _obstack_memory_used _obstack_allocated_p, and the
// variables obstack_alloc_failed_handler and obstack_exit_failure.
//
// The macros of the system's <obstack.h> do most of the work inline, on
// the fields of struct obstack and struct _obstack_chunk, so their layout
// is glibc's (pinned below) and so is the meaning of each field: a chunk
// starts with its limit and the chunk before it, objects start at its
// contents rounded up to the alignment, `object_base` is the object being
// grown, `next_free` its end, `chunk_limit` the current chunk's end.
// The choices the macros cannot see are glibc's too, so that a program's
// objects land where glibc would put them: the default chunk size (4064
// bytes) and alignment (16, what malloc guarantees on x86-64), the size of
// a new chunk (the object so far, the bytes asked for, an eighth of the
// object more, the alignment and 100: at least the chunk size), the chunk
// an object moved out of freed when it held nothing else, and
// `maybe_empty_object`, which keeps a chunk that may hold an empty object
// (its address may be a finished object's) from being freed so.
//
// When the chunk function returns null, obstack_alloc_failed_handler is
// called; it must not return (glibc's behaviour if it does is to go on with
// a null chunk and crash; here too). The default one writes "memory
// exhausted" to stderr and exits with obstack_exit_failure (1).
//
// An obstack is not thread-safe: each belongs to one thread at a time, as
// in glibc.
#include <obstack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cstddef>
#include <cstdint>

// The function-like macro, so that the function itself can be defined.
#undef obstack_free

static_assert(offsetof(struct _obstack_chunk, limit) == 0);
static_assert(offsetof(struct _obstack_chunk, prev) == 8);
static_assert(offsetof(struct _obstack_chunk, contents) == 16);
static_assert(offsetof(struct obstack, chunk_size) == 0);
static_assert(offsetof(struct obstack, chunk) == 8);
static_assert(offsetof(struct obstack, object_base) == 16);
static_assert(offsetof(struct obstack, next_free) == 24);
static_assert(offsetof(struct obstack, chunk_limit) == 32);
static_assert(offsetof(struct obstack, temp) == 40);
static_assert(offsetof(struct obstack, alignment_mask) == 48);
static_assert(offsetof(struct obstack, chunkfun) == 56);
static_assert(offsetof(struct obstack, freefun) == 64);
static_assert(offsetof(struct obstack, extra_arg) == 72);
static_assert(sizeof(struct obstack) == 88);  // the three flag bits at 80

namespace {

// glibc's defaults: the alignment of the most aligned of uintmax_t, long
// double and a pointer; the chunk a 4096-byte block of an old GNU malloc
// held after its header (what glibc still asks for).
constexpr int default_alignment = alignof(long double);
constexpr int default_chunk_size = 4064;

// The chunk functions are stored in one type and called in another, as
// use_extra_arg says; `void (*)()` is the type GCC lets function pointers
// pass through without a warning.
template <class To, class From>
To function_cast(From function) {
    return reinterpret_cast<To>(reinterpret_cast<void (*)()>(function));
}

[[noreturn]] void print_and_exit() {
    fputs("memory exhausted\n", stderr);
    exit(obstack_exit_failure);
}

_obstack_chunk* allocate_chunk(struct obstack* h, long size) {
    void* chunk;
    if (h->use_extra_arg) {
        chunk = h->chunkfun(h->extra_arg, size);
    } else {
        // Set from a one-argument function (_obstack_begin): called as one.
        auto plain = function_cast<void* (*)(long)>(h->chunkfun);
        chunk = plain(size);
    }
    if (chunk == nullptr) obstack_alloc_failed_handler();
    return static_cast<_obstack_chunk*>(chunk);
}

void free_chunk(struct obstack* h, _obstack_chunk* chunk) {
    if (h->use_extra_arg) {
        h->freefun(h->extra_arg, chunk);
    } else {
        auto plain = function_cast<void (*)(void*)>(h->freefun);
        plain(chunk);
    }
}

// Where objects start in `chunk`: its contents, rounded up to the alignment
// (as the header's __PTR_ALIGN rounds the address).
char* first_object(_obstack_chunk* chunk, int alignment_mask) {
    auto address = reinterpret_cast<std::uintptr_t>(chunk->contents);
    address = (address + static_cast<unsigned>(alignment_mask)) &
              ~static_cast<std::uintptr_t>(alignment_mask);
    return reinterpret_cast<char*>(address);
}

// What both beginnings share, once the functions and use_extra_arg are set.
int begin(struct obstack* h, int size, int alignment) {
    if (alignment == 0) alignment = default_alignment;
    if (size == 0) size = default_chunk_size;
    h->chunk_size = size;
    h->alignment_mask = alignment - 1;
    _obstack_chunk* chunk = allocate_chunk(h, h->chunk_size);
    h->chunk = chunk;
    h->next_free = h->object_base = first_object(chunk, h->alignment_mask);
    h->chunk_limit = chunk->limit = reinterpret_cast<char*>(chunk) + h->chunk_size;
    chunk->prev = nullptr;
    h->maybe_empty_object = 0;
    h->alloc_failed = 0;
    return 1;
}

// The chunk holding `object`, walking back from the current one; each
// chunk passed over is freed when `freeing` (obstack_free). A chunk holds
// the addresses after its start up to and with its limit (an empty object
// may sit right at the limit; none can be at the very start).
_obstack_chunk* chunk_holding(struct obstack* h, void* object, bool freeing) {
    _obstack_chunk* chunk = h->chunk;
    while (chunk != nullptr &&
           (static_cast<void*>(chunk) >= object || static_cast<void*>(chunk->limit) < object)) {
        _obstack_chunk* before = chunk->prev;
        if (freeing) {
            free_chunk(h, chunk);
            // A chunk gone back to may hold an empty object: the address
            // cannot tell.
            h->maybe_empty_object = 1;
        }
        chunk = before;
    }
    return chunk;
}

}  // namespace

extern "C" {

void (*obstack_alloc_failed_handler)(void) = print_and_exit;
int obstack_exit_failure = EXIT_FAILURE;

int _obstack_begin(struct obstack* h, int size, int alignment, void* (*chunkfun)(long),
                   void (*freefun)(void*)) {
    h->chunkfun = function_cast<_obstack_chunk* (*)(void*, long)>(chunkfun);
    h->freefun = function_cast<void (*)(void*, _obstack_chunk*)>(freefun);
    h->use_extra_arg = 0;
    return begin(h, size, alignment);
}

int _obstack_begin_1(struct obstack* h, int size, int alignment, void* (*chunkfun)(void*, long),
                     void (*freefun)(void*, void*), void* argument) {
    h->chunkfun = function_cast<_obstack_chunk* (*)(void*, long)>(chunkfun);
    h->freefun = function_cast<void (*)(void*, _obstack_chunk*)>(freefun);
    h->extra_arg = argument;
    h->use_extra_arg = 1;
    return begin(h, size, alignment);
}

// A new current chunk with room for the object being grown and `length`
// more bytes; the object moves to its start.
void _obstack_newchunk(struct obstack* h, int length) {
    _obstack_chunk* old_chunk = h->chunk;
    long object_size = h->next_free - h->object_base;
    long new_size = object_size + length + (object_size >> 3) + h->alignment_mask + 100;
    if (new_size < h->chunk_size) new_size = h->chunk_size;
    _obstack_chunk* chunk = allocate_chunk(h, new_size);
    h->chunk = chunk;
    chunk->prev = old_chunk;
    chunk->limit = h->chunk_limit = reinterpret_cast<char*>(chunk) + new_size;
    char* object_base = first_object(chunk, h->alignment_mask);
    memcpy(object_base, h->object_base, static_cast<size_t>(object_size));
    // The old chunk held nothing but this object: it goes.
    if (!h->maybe_empty_object && h->object_base == first_object(old_chunk, h->alignment_mask)) {
        chunk->prev = old_chunk->prev;
        free_chunk(h, old_chunk);
    }
    h->object_base = object_base;
    h->next_free = object_base + object_size;
    h->maybe_empty_object = 0;
}

// Whether `object` lies in one of the obstack's chunks. (glibc exports it
// for debugging; <obstack.h> does not declare it.)
int _obstack_allocated_p(struct obstack* h, void* object) {
    return chunk_holding(h, object, false) != nullptr;
}

// Frees `object` and everything allocated after it; a null `object` frees
// everything (the obstack must be begun again before use). An address in
// no chunk aborts, as in glibc.
void obstack_free(struct obstack* h, void* object) {
    _obstack_chunk* chunk = chunk_holding(h, object, true);
    if (chunk != nullptr) {
        h->object_base = h->next_free = static_cast<char*>(object);
        h->chunk_limit = chunk->limit;
        h->chunk = chunk;
    } else if (object != nullptr) {
        abort();
    }
}

// glibc's older name, kept exported for objects that call it.
void _obstack_free(struct obstack* h, void* object) __attribute__((alias("obstack_free")));

// Bytes in all of the obstack's chunks.
int _obstack_memory_used(struct obstack* h) {
    long total = 0;
    for (_obstack_chunk* chunk = h->chunk; chunk != nullptr; chunk = chunk->prev)
        total += chunk->limit - reinterpret_cast<char*>(chunk);
    return static_cast<int>(total);
}

}  // extern "C"
