// The allocator behind malloc and operator new, in namespace form (no C
// symbols) so the hosted unit tests can compile it in directly.
//
// Design, for 2 to a few cores and many threads:
//  * Small blocks (up to 128 KiB with their header) come in 47 size classes:
//    multiples of 16 up to 128 bytes, then four classes per power of two, so
//    rounding wastes at most 25%.
//  * Several arenas, each with its own lock, free list per class, and a bump
//    region of fresh memory (1 MiB mmap at a time). A thread is bound to one
//    arena on its first allocation, round robin, so threads rarely meet on a
//    lock and there is no global lock on any path.
//  * Every block carries a 16-byte header naming its class and arena, so
//    free() from any thread returns a block to the arena it came from, and a
//    double free of a small block is caught (the process aborts with a
//    message).
//  * Larger blocks get their own mmap and go back with munmap on free.
//  * Small-block memory is reused but never returned to the system.
#pragma once

#include <cstddef>

namespace lwp::libc::heap {

inline constexpr std::size_t header_size = 16;  // keeps payloads 16-byte aligned

// Null when out of memory. size 0 gives a unique minimum block.
void* allocate(std::size_t size);
// Null when out of memory; `alignment` is a power of two.
void* allocate_aligned(std::size_t alignment, std::size_t size);
// Accepts null. Aborts on a double free it can see.
void release(void* block);
std::size_t usable_size(const void* block);
// Whether the block came straight from mmap, and is therefore still zero
// (not so while M_PERTURB fills new blocks).
bool is_fresh_mapping(const void* block);

// What mallinfo reports: totals over the arenas, each read under its lock
// (so each arena's figures agree with each other, not across arenas).
struct statistics {
    std::size_t region_bytes;        // mapped for small blocks
    std::size_t small_in_use_bytes;  // small blocks handed out, headers included
    std::size_t free_small_blocks;   // small blocks on the free lists
    std::size_t large_blocks;        // blocks with their own mapping
    std::size_t large_bytes;         // and those mappings' bytes
    std::size_t most_large_blocks;   // the highest large_blocks so far
    std::size_t most_large_bytes;    // the highest large_bytes so far
};
statistics current_statistics();

// One arena's figures, for malloc_stats and malloc_info (read under its
// lock). Arenas are numbered from 0 to arena_count - 1.
inline constexpr int arena_count = 8;
inline constexpr int size_class_count = 47;
struct arena_statistics {
    std::size_t region_bytes;
    std::size_t in_use_bytes;
    std::size_t free_blocks;
    std::size_t free_by_class[size_class_count];  // free blocks of each class
    std::size_t unused_bytes;                     // mapped, not yet cut into blocks
};
arena_statistics current_arena_statistics(int index);
// The bytes of a block of size class `index`, header included.
std::size_t size_class_bytes(int index);

// mallopt's settings (malloc_options.cpp), which every later call obeys.
// Requests of at least `bytes` get a mapping of their own
// (M_MMAP_THRESHOLD); false, nothing changed, for a threshold above 128 KiB
// (glibc's default), as lwp has no size class for larger requests. Those
// from 128 KiB less the header up are always mapped.
bool set_mapping_threshold(std::size_t bytes);
// Nonzero (M_PERTURB): blocks are filled with its complement when handed
// out (the bytes asked for, as glibc's) and with it when freed (small
// blocks; a large one is unmapped); the low byte is the filler, as in
// glibc (so 0x100 fills new blocks with 0xff, freed ones with 0). 0 turns
// it off.
void set_perturb_byte(int value);
// Threads bind to the first `count` arenas only (M_ARENA_MAX), 1 to
// arena_count; threads already bound keep theirs.
void set_arena_limit(unsigned count);

// Set by mtrace (malloc_tracing.cpp) while a trace is written, else null:
// the C allocation functions report each call to it, with the caller's
// address. `old` is realloc's old block; `result` null for a failure.
enum class trace_event { allocated, freed, reallocated };
extern void (*trace)(trace_event event, void* result, void* old, std::size_t size,
                     const void* caller);

}  // namespace lwp::libc::heap
