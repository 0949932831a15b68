#include "handle_table.hpp"

#include <sys/mman.h>

#include "../sys/syscalls.hpp"
#include "fork_hooks.hpp"
#include "internal_lock.hpp"

namespace lwp::runtime {
namespace {

constexpr std::uint32_t slots_per_chunk = 4096;
constexpr std::uint32_t max_chunks = 1024;  // 4 Mi threads alive at once

// Chunk pointers are published with release and read with acquire, so a
// reader of a new chunk sees its zeroed slots.
std::atomic<thread_slot*> chunks[max_chunks];
std::uint32_t slots_in_use_high_water = 0;  // next never-used index
std::uint32_t free_list_head = 0;           // index + 1, 0 = empty
internal_lock table_lock;

thread_slot* slot_at(std::uint32_t index) {
    thread_slot* chunk = chunks[index / slots_per_chunk].load(std::memory_order_acquire);
    return chunk ? &chunk[index % slots_per_chunk] : nullptr;
}

}  // namespace

lwp_t acquire_slot(thread_descriptor* descriptor, std::uint32_t state) {
    std::uint32_t index;
    thread_slot* slot;
    {
        internal_lock_guard guard(table_lock);
        if (free_list_head != 0) {
            index = free_list_head - 1;
            slot = slot_at(index);
            free_list_head = slot->next_free;
        } else {
            index = slots_in_use_high_water;
            if (index / slots_per_chunk >= max_chunks) return 0;
            if (index % slots_per_chunk == 0 &&
                chunks[index / slots_per_chunk].load(std::memory_order_relaxed) == nullptr) {
                // Anonymous memory comes zeroed: every slot starts at
                // generation 0, state running, unused.
                long mapped = sys::mmap(nullptr, slots_per_chunk * sizeof(thread_slot),
                                        PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
                if (sys::failed(mapped)) return 0;
                chunks[index / slots_per_chunk].store(reinterpret_cast<thread_slot*>(mapped),
                                                      std::memory_order_release);
            }
            slots_in_use_high_water = index + 1;
            slot = slot_at(index);
        }
    }
    slot->descriptor.store(descriptor, std::memory_order_relaxed);
    std::uint32_t generation = generation_of(slot->word.load(std::memory_order_relaxed));
    // Release: the descriptor pointer is visible to whoever sees this word.
    slot->word.store(make_word(generation, state), std::memory_order_release);
    // Generation 0 in a handle is fine: index + 1 keeps every handle non-zero.
    return (lwp_t{generation} << 32) | (index + 1);
}

thread_slot* find_slot(lwp_t handle) {
    if (handle & foreign_handle_bit) return nullptr;
    std::uint32_t index_plus_one = static_cast<std::uint32_t>(handle);
    if (index_plus_one == 0) return nullptr;
    std::uint32_t index = index_plus_one - 1;
    if (index / slots_per_chunk >= max_chunks) return nullptr;
    return slot_at(index);
}

namespace {

// With table_lock held: makes every copy of the slot's handles stale (the
// generation bump; generations wrap after 2^32 reuses of one slot, which is
// accepted) and puts the slot on the free list. Release: a lookup that sees
// the new generation sees the slot emptied. Always inlined: a second caller
// would otherwise make GCC outline it, at a cost hello_threads' size budget
// has not got.
[[gnu::always_inline]] inline void free_slot_locked(thread_slot* slot, std::uint32_t index,
                                                  std::uint32_t generation) {
    slot->descriptor.store(nullptr, std::memory_order_relaxed);
    slot->word.store(make_word(generation + 1, lifecycle::running), std::memory_order_release);
    slot->next_free = free_list_head;
    free_list_head = index + 1;
}

}  // namespace

void release_slot(lwp_t handle) {
    // Under the lock, so that a fork (which holds it across the clone) sees
    // the slot either taken or on the free list, never between the two.
    internal_lock_guard guard(table_lock);
    free_slot_locked(find_slot(handle), static_cast<std::uint32_t>(handle) - 1,
                     handle_generation(handle));
}

void release_slots_after_fork(lwp_t kept, void (*released)(thread_descriptor*)) {
    internal_lock_guard guard(table_lock);
    thread_slot* ours = find_slot(kept);
    for (std::uint32_t index = 0; index < slots_in_use_high_water; ++index) {
        thread_slot* slot = slot_at(index);
        thread_descriptor* descriptor = slot->descriptor.load(std::memory_order_relaxed);
        if (descriptor == nullptr) continue;
        if (slot == ours) {
            // Ours stays; a join of it claimed by a thread that did not come
            // along is dropped, so a thread of the child can still join it.
            slot->word.fetch_and(~std::uint64_t{lifecycle::claimed}, std::memory_order_relaxed);
            continue;
        }
        // The parent's handles to the thread are stale here (ESRCH).
        free_slot_locked(slot, index, generation_of(slot->word.load(std::memory_order_relaxed)));
        released(descriptor);
    }
}

void lock_handle_table() { table_lock.lock(); }
void unlock_handle_table() { table_lock.unlock(); }

void for_each_descriptor_locked(void (*visit)(thread_descriptor*, void*), void* context) {
    for (std::uint32_t index = 0; index < slots_in_use_high_water; ++index) {
        // Relaxed: a descriptor seen here was stored by a creator that had
        // taken and released table_lock before we took it, after writing
        // the descriptor's contents; the lock orders those for us.
        thread_descriptor* descriptor = slot_at(index)->descriptor.load(std::memory_order_relaxed);
        if (descriptor != nullptr) visit(descriptor, context);
    }
}

void handle_table_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) table_lock.lock();
    else table_lock.unlock();
}

}  // namespace lwp::runtime
