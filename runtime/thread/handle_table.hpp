// Thread handles (lwp_t) that stay safe to use after the thread is gone.
//
// A handle is (generation << 32) | (slot index + 1). Slots live in chunks that
// are mapped on demand and never unmapped, so looking a handle up never touches
// freed memory; releasing a slot bumps its generation, so a stale handle (a
// second join, a detached thread that has ended) is recognised: ESRCH.
//
// Each slot's lifecycle is one atomic word, generation and state together, so
// join, detach and exit resolve their races with a single compare-and-swap.
#pragma once

#include <atomic>
#include <cstdint>

#include "lwp/thread.h"
#include "thread_descriptor.hpp"

namespace lwp::runtime {

namespace lifecycle {
inline constexpr std::uint32_t running = 0;
inline constexpr std::uint32_t exited = 1;    // the thread has finished its routine
inline constexpr std::uint32_t detached = 2;  // nobody will join: it releases itself
inline constexpr std::uint32_t claimed = 4;   // a join (or late detach) owns the release
}  // namespace lifecycle

struct thread_slot {
    // generation in the high 32 bits, lifecycle bits in the low 32.
    std::atomic<std::uint64_t> word;
    // Atomic only so that a join or detach racing the release of the same
    // handle reads it without a data race; relaxed, because the word's
    // release/acquire orders it.
    std::atomic<thread_descriptor*> descriptor;
    std::uint32_t next_free;  // index + 1 of the next free slot, 0 = none
};

inline constexpr lwp_t foreign_handle_bit = lwp_t{1} << 63;

inline std::uint32_t generation_of(std::uint64_t word) { return static_cast<std::uint32_t>(word >> 32); }
inline std::uint32_t state_of(std::uint64_t word) { return static_cast<std::uint32_t>(word); }
inline std::uint64_t make_word(std::uint32_t generation, std::uint32_t state) {
    return (std::uint64_t{generation} << 32) | state;
}

// Takes a free slot for `descriptor`, in lifecycle state `state` (running, or
// detached for a thread created detached), and returns its handle, or 0 when
// the table is full or a chunk cannot be mapped (the caller reports EAGAIN).
lwp_t acquire_slot(thread_descriptor* descriptor, std::uint32_t state = lifecycle::running);

// The slot a handle names, or null if it never existed. The caller still
// compares generations to detect staleness.
thread_slot* find_slot(lwp_t handle);

// Invalidates the handle (generation + 1) and returns the slot to the free list.
void release_slot(lwp_t handle);

// In the child of fork, after every lock is free again: releases every taken
// slot but `kept`'s (the one thread that came along; a claim to join it made
// by another thread is dropped) and hands each released slot's descriptor to
// `released`, which is called with the table's lock held
// (it may take the stack cache's, which comes later in the lock order).
void release_slots_after_fork(lwp_t kept, void (*released)(thread_descriptor*));

// For work that must see the set of threads frozen while it runs (a set*id
// change made on every thread, runtime/posix/set_identity.cpp). While the
// table is locked no slot is taken or released, so no thread can be
// created, and every descriptor a slot names stays mapped and its thread's:
// the release paths (a joiner's, a detached thread's own) give the slot back
// before they unmap or cache the stack, and a cached stack is reused only
// after its thread is gone, which a locked slot's thread cannot be yet.
void lock_handle_table();
void unlock_handle_table();
// With the table locked: calls `visit` on the descriptor of every taken
// slot. A slot being taken at the moment of locking may not name its
// descriptor yet (acquire_slot stores it after unlocking); its creator has
// not made the clone.
void for_each_descriptor_locked(void (*visit)(thread_descriptor* descriptor, void* context),
                                void* context);

inline std::uint32_t handle_generation(lwp_t handle) { return static_cast<std::uint32_t>(handle >> 32); }

}  // namespace lwp::runtime
