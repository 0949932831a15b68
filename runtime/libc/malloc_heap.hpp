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
// Whether the block came straight from mmap, and is therefore still zero.
bool is_fresh_mapping(const void* block);

// What mallinfo reports: totals over the arenas, each read under its lock
// (so each arena's figures agree with each other, not across arenas).
struct statistics {
    std::size_t region_bytes;        // mapped for small blocks
    std::size_t small_in_use_bytes;  // small blocks handed out, headers included
    std::size_t free_small_blocks;   // small blocks on the free lists
    std::size_t large_blocks;        // blocks with their own mapping
    std::size_t large_bytes;         // and those mappings' bytes
};
statistics current_statistics();

}  // namespace lwp::libc::heap
