// The allocator: size classes, arenas and direct mappings. The design is
// described in malloc_heap.hpp.
#include "malloc_heap.hpp"

#include <stdlib.h>

#include <atomic>
#include <cstdint>

#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"

namespace lwp::libc::heap {
namespace {

constexpr std::uint32_t small_in_use = 0x5a11a110;
constexpr std::uint32_t small_free = 0xf4eeb10c;
constexpr std::uint32_t large_in_use = 0x1a46eb10;
constexpr std::uint32_t aligned_alias = 0xa11946ed;

struct block_header {
    std::uint32_t kind;
    std::uint16_t size_class;
    std::uint16_t arena_index;
    // large_in_use: the mapping's length; aligned_alias: the distance back to
    // the header of the block that really owns the memory.
    std::size_t extent;
};
static_assert(sizeof(block_header) == header_size);

constexpr int class_count = size_class_count;
constexpr std::size_t largest_class = 128 * 1024;  // block bytes, header included
constexpr std::size_t region_size = 1024 * 1024;
// arena_count (8): malloc_heap.hpp.
constexpr std::size_t page_size = 4096;

// Block bytes (header included) of each class: 32, 48, ..., 128, then
// 2^p + k * 2^(p-2) for k = 1..4.
constexpr std::size_t class_size(int index) {
    if (index < 7) return static_cast<std::size_t>(index + 2) * 16;
    int step = index - 7;
    int power = 7 + step / 4;
    return (std::size_t{1} << power) + static_cast<std::size_t>(step % 4 + 1) * (std::size_t{1} << (power - 2));
}

// The smallest class whose blocks hold `block_bytes` (32 <= it <= largest_class).
constexpr int class_index(std::size_t block_bytes) {
    if (block_bytes <= 128) return static_cast<int>((block_bytes + 15) / 16) - 2;
    int power = 63 - __builtin_clzl(block_bytes - 1);  // 2^power < bytes <= 2^(power+1)
    return 7 + (power - 7) * 4 + static_cast<int>((block_bytes - 1 - (std::size_t{1} << power)) >> (power - 2));
}

static_assert(class_size(class_count - 1) == largest_class);
static_assert(class_index(32) == 0 && class_index(128) == 6 && class_index(129) == 7);
static_assert(class_index(largest_class) == class_count - 1);
static_assert(class_size(class_index(1000)) >= 1000 && class_size(class_index(1000) - 1) < 1000);

struct free_block {
    free_block* next;
};

struct arena {
    runtime::internal_lock lock;
    free_block* free_lists[class_count];  // links live in the payloads
    char* bump = nullptr;                 // fresh memory not yet cut into blocks
    char* bump_end = nullptr;
    // For mallinfo: counted under the lock, where the lists change anyway.
    std::size_t region_bytes = 0;   // mapped for small blocks
    std::size_t in_use_bytes = 0;   // blocks handed out, headers included
    std::size_t free_blocks = 0;    // on the free lists
};

arena arenas[arena_count];
std::atomic<unsigned> next_arena{0};
// Large blocks, for mallinfo. Relaxed: counts with no data behind them.
std::atomic<std::size_t> large_blocks{0};
std::atomic<std::size_t> large_bytes{0};
// Their high-water marks, for malloc_stats and malloc_info.
std::atomic<std::size_t> most_large_blocks{0};
std::atomic<std::size_t> most_large_bytes{0};
thread_local unsigned bound_arena;  // index + 1; 0 until this thread allocates

// mallopt's settings (malloc_heap.hpp). Relaxed: each is a single word that
// orders nothing else; a call racing a mallopt sees the old value or the new.
// The smallest request given a mapping of its own: by default, any too
// large for the largest class.
std::atomic<std::size_t> mapping_threshold{largest_class - header_size + 1};
std::atomic<int> perturb_byte{0};
std::atomic<unsigned> arena_limit{arena_count};

[[noreturn]] void corrupted(const char* message, std::size_t length) {
    sys::write(2, message, length);
    abort();
}

unsigned arena_of_this_thread() {
    unsigned bound = bound_arena;
    if (bound == 0) {
        // Relaxed: the counter only spreads threads over arenas; any
        // interleaving gives a valid index.
        bound = next_arena.fetch_add(1, std::memory_order_relaxed) %
                    arena_limit.load(std::memory_order_relaxed) +
                1;
        bound_arena = bound;
    }
    return bound - 1;
}

block_header* header_of(const void* block) {
    return reinterpret_cast<block_header*>(const_cast<char*>(static_cast<const char*>(block)) - header_size);
}

void* map(std::size_t length) {
    long result = sys::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
    return sys::failed(result) ? nullptr : reinterpret_cast<void*>(result);
}

// Cuts the rest of a spent region into blocks of the largest classes that
// fit, so a new region wastes nothing of the old one. Lock held.
void salvage_tail(arena& a) {
    for (int index = class_count - 1; index >= 0; --index) {
        std::size_t bytes = class_size(index);
        while (static_cast<std::size_t>(a.bump_end - a.bump) >= bytes) {
            auto* header = reinterpret_cast<block_header*>(a.bump);
            *header = {small_free, static_cast<std::uint16_t>(index), 0, 0};
            auto* block = reinterpret_cast<free_block*>(a.bump + header_size);
            block->next = a.free_lists[index];
            a.free_lists[index] = block;
            ++a.free_blocks;
            a.bump += bytes;
        }
    }
}

// A small block of class `index` from arena `a`, or null. Lock held.
void* take_small(arena& a, int index) {
    std::size_t bytes = class_size(index);
    if (free_block* block = a.free_lists[index]) {
        a.free_lists[index] = block->next;
        --a.free_blocks;
        a.in_use_bytes += bytes;
        return block;
    }
    if (static_cast<std::size_t>(a.bump_end - a.bump) < bytes) {
        salvage_tail(a);
        auto* region = static_cast<char*>(map(region_size));
        if (!region) return nullptr;
        a.bump = region;
        a.bump_end = region + region_size;
        a.region_bytes += region_size;
    }
    char* block = a.bump + header_size;
    a.bump += bytes;
    a.in_use_bytes += bytes;
    return block;
}

void raise_to(std::atomic<std::size_t>& mark, std::size_t value) {
    std::size_t seen = mark.load(std::memory_order_relaxed);
    while (value > seen && !mark.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
    }
}

void* allocate_large(std::size_t size) {
    std::size_t length;
    if (__builtin_add_overflow(size, header_size + page_size - 1, &length)) return nullptr;
    length &= ~(page_size - 1);
    auto* mapping = static_cast<char*>(map(length));
    if (!mapping) return nullptr;
    *reinterpret_cast<block_header*>(mapping) = {large_in_use, 0, 0, length};
    raise_to(most_large_blocks, large_blocks.fetch_add(1, std::memory_order_relaxed) + 1);
    raise_to(most_large_bytes, large_bytes.fetch_add(length, std::memory_order_relaxed) + length);
    if (int perturb = perturb_byte.load(std::memory_order_relaxed))
        __builtin_memset(mapping + header_size, perturb ^ 0xff, size);
    return mapping + header_size;
}

}  // namespace

void* allocate(std::size_t size) {
    if (size >= mapping_threshold.load(std::memory_order_relaxed)) return allocate_large(size);
    std::size_t block_bytes = size + header_size;
    int index = class_index(block_bytes < 32 ? 32 : block_bytes);
    unsigned arena_index = arena_of_this_thread();
    arena& a = arenas[arena_index];
    a.lock.lock();
    void* block = take_small(a, index);
    a.lock.unlock();
    if (block) {
        *header_of(block) = {small_in_use, static_cast<std::uint16_t>(index),
                             static_cast<std::uint16_t>(arena_index), 0};
        if (int perturb = perturb_byte.load(std::memory_order_relaxed))
            __builtin_memset(block, perturb ^ 0xff, size);
    }
    return block;
}

void* allocate_aligned(std::size_t alignment, std::size_t size) {
    if (alignment <= header_size) return allocate(size);
    // Over-allocate, then hand out the first aligned address inside. When
    // that is not the block's own start, a second header just before it
    // points back to the owning block. (A raw block address is 16-aligned
    // and the alignment larger, so any gap is at least a header's size.)
    std::size_t padded;
    if (__builtin_add_overflow(size, alignment, &padded)) return nullptr;
    auto* raw = static_cast<char*>(allocate(padded));
    if (!raw) return nullptr;
    auto address = reinterpret_cast<std::uintptr_t>(raw);
    auto* aligned = reinterpret_cast<char*>((address + alignment - 1) & ~(alignment - 1));
    if (aligned != raw)
        *header_of(aligned) = {aligned_alias, 0, 0, static_cast<std::size_t>(aligned - raw)};
    return aligned;
}

void release(void* block) {
    if (!block) return;
    block_header* header = header_of(block);
    if (header->kind == aligned_alias) {
        block = static_cast<char*>(block) - header->extent;
        header = header_of(block);
    }
    switch (header->kind) {
    case small_in_use: {
        arena& a = arenas[header->arena_index];
        a.lock.lock();
        // The kind is checked and changed under the owning arena's lock, so
        // two racing frees of one block cannot both pass the check.
        if (header->kind != small_in_use) {
            a.lock.unlock();
            corrupted("lwp: free(): double free\n", 25);
        }
        header->kind = small_free;
        if (int perturb = perturb_byte.load(std::memory_order_relaxed))
            __builtin_memset(block, perturb, class_size(header->size_class) - header_size);
        auto* node = static_cast<free_block*>(block);
        node->next = a.free_lists[header->size_class];
        a.free_lists[header->size_class] = node;
        ++a.free_blocks;
        a.in_use_bytes -= class_size(header->size_class);
        a.lock.unlock();
        return;
    }
    case large_in_use:
        large_blocks.fetch_sub(1, std::memory_order_relaxed);
        large_bytes.fetch_sub(header->extent, std::memory_order_relaxed);
        sys::munmap(header, header->extent);
        return;
    case small_free: corrupted("lwp: free(): double free\n", 25);
    default: corrupted("lwp: free(): invalid pointer\n", 29);
    }
}

std::size_t usable_size(const void* block) {
    if (!block) return 0;
    const block_header* header = header_of(block);
    std::size_t offset = 0;
    if (header->kind == aligned_alias) {
        offset = header->extent;
        header = header_of(static_cast<const char*>(block) - offset);
    }
    std::size_t bytes = header->kind == large_in_use ? header->extent : class_size(header->size_class);
    return bytes - header_size - offset;
}

bool is_fresh_mapping(const void* block) {
    return header_of(block)->kind == large_in_use && perturb_byte.load(std::memory_order_relaxed) == 0;
}

statistics current_statistics() {
    statistics totals{};
    for (int index = 0; index < arena_count; ++index) {
        arena_statistics one = current_arena_statistics(index);
        totals.region_bytes += one.region_bytes;
        totals.small_in_use_bytes += one.in_use_bytes;
        totals.free_small_blocks += one.free_blocks;
    }
    totals.large_blocks = large_blocks.load(std::memory_order_relaxed);
    totals.large_bytes = large_bytes.load(std::memory_order_relaxed);
    totals.most_large_blocks = most_large_blocks.load(std::memory_order_relaxed);
    totals.most_large_bytes = most_large_bytes.load(std::memory_order_relaxed);
    return totals;
}

arena_statistics current_arena_statistics(int index) {
    arena& a = arenas[index];
    arena_statistics figures{};
    a.lock.lock();
    figures.region_bytes = a.region_bytes;
    figures.in_use_bytes = a.in_use_bytes;
    figures.free_blocks = a.free_blocks;
    for (int size_class = 0; size_class < class_count; ++size_class) {
        std::size_t count = 0;
        for (free_block* node = a.free_lists[size_class]; node; node = node->next) ++count;
        figures.free_by_class[size_class] = count;
    }
    figures.unused_bytes = static_cast<std::size_t>(a.bump_end - a.bump);
    a.lock.unlock();
    return figures;
}

std::size_t size_class_bytes(int index) { return class_size(index); }

bool set_mapping_threshold(std::size_t bytes) {
    if (bytes > largest_class) return false;
    // Up to glibc's default of 128 KiB: requests between the largest the
    // largest class holds and that stay mapped, as there is no class for them.
    const std::size_t lowest_large = largest_class - header_size + 1;
    mapping_threshold.store(bytes < lowest_large ? bytes : lowest_large, std::memory_order_relaxed);
    return true;
}

void set_perturb_byte(int value) { perturb_byte.store(value, std::memory_order_relaxed); }

void set_arena_limit(unsigned count) {
    arena_limit.store(count < 1 ? 1 : count > arena_count ? arena_count : count,
                      std::memory_order_relaxed);
}

}  // namespace lwp::libc::heap

namespace lwp::runtime {

void malloc_around_fork(fork_phase phase) {
    using libc::heap::arenas;
    if (phase == fork_phase::prepare) {
        for (auto& a : arenas) a.lock.lock();
    } else {
        for (auto& a : arenas) a.lock.unlock();
    }
}

}  // namespace lwp::runtime
