#include "stack_cache.hpp"

#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "fork_hooks.hpp"
#include "internal_lock.hpp"
#include "lwp/thread.h"

namespace lwp::runtime {
namespace {

// glibc's default cap, so memory behaviour is comparable.
std::size_t limit_bytes = 40u << 20;
std::size_t cached_bytes = 0;
thread_descriptor* cached_head = nullptr;  // most recently cached first
internal_lock cache_lock;

// Removes entries until the cache fits `limit`; returns them as a list for the
// caller to unmap outside the lock.
thread_descriptor* evict_to(std::size_t limit) {
    thread_descriptor* evicted = nullptr;
    thread_descriptor** link = &cached_head;
    while (*link && cached_bytes > limit) {
        thread_descriptor* entry = *link;
        *link = entry->next_cached;
        cached_bytes -= entry->mapping_size;
        entry->next_cached = evicted;
        evicted = entry;
    }
    return evicted;
}

void unmap_list(thread_descriptor* list) {
    while (list) {
        thread_descriptor* next = list->next_cached;
        wait_until_gone(list);
        unmap_thread_mapping(list);
        list = next;
    }
}

}  // namespace

void wait_until_gone(thread_descriptor* descriptor) {
    for (;;) {
        // Acquire pairs with the kernel's clear: the thread's last writes to
        // its mapping are complete once we see 0.
        int tid = descriptor->tid_word.load(std::memory_order_acquire);
        if (tid == 0) return;
        // Shared futex: the kernel's CLONE_CHILD_CLEARTID wake is not private.
        // EINTR (a handler ran) and EAGAIN (the word changed first) both just
        // mean: look again.
        sys::futex_wait(&descriptor->tid_word, tid, /*process_private=*/false);
    }
}

thread_descriptor* take_cached_mapping(std::size_t mapping_size, std::size_t guard_size) {
    internal_lock_guard guard(cache_lock);
    for (thread_descriptor** link = &cached_head; *link; link = &(*link)->next_cached) {
        thread_descriptor* entry = *link;
        if (entry->mapping_size != mapping_size || entry->guard_size != guard_size) continue;
        // Acquire pairs with the kernel's clear of the tid word at thread exit.
        if (entry->tid_word.load(std::memory_order_acquire) != 0) continue;
        *link = entry->next_cached;
        cached_bytes -= entry->mapping_size;
        return entry;
    }
    return nullptr;
}

bool offer_cached_mapping(thread_descriptor* descriptor) {
    internal_lock_guard guard(cache_lock);
    if (cached_bytes + descriptor->mapping_size > limit_bytes) return false;
    descriptor->next_cached = cached_head;
    cached_head = descriptor;
    cached_bytes += descriptor->mapping_size;
    return true;
}

void unmap_thread_mapping(thread_descriptor* descriptor) {
    // Copy first: the descriptor lives inside the range being unmapped.
    void* base = descriptor->mapping_base;
    std::size_t size = descriptor->mapping_size;
    sys::munmap(base, size);
}

void recycle_mapping(thread_descriptor* descriptor) {
    if (descriptor->mapping_base == nullptr) return;  // caller-supplied stack
    if (!offer_cached_mapping(descriptor)) {
        wait_until_gone(descriptor);
        unmap_thread_mapping(descriptor);
    }
}

void adopt_mapping_after_fork(thread_descriptor* descriptor) {
    if (descriptor->mapping_base == nullptr) return;  // the first thread's, or caller-supplied
    descriptor->tid_word.store(0, std::memory_order_relaxed);
    internal_lock_guard guard(cache_lock);
    // A detached thread offers its mapping before it releases its handle:
    // a fork in between left the mapping in the cache already.
    for (thread_descriptor* entry = cached_head; entry; entry = entry->next_cached)
        if (entry == descriptor) return;
    // Past the cap if need be, never unmapped here: the child holds a copy of
    // the parent's whole address space, and may still read what another
    // thread left on its stack (exec arguments, say). The cache sheds the
    // excess only when the program trims it or threads take the entries.
    descriptor->next_cached = cached_head;
    cached_head = descriptor;
    cached_bytes += descriptor->mapping_size;
}

int set_cache_limit(std::size_t bytes) {
    thread_descriptor* evicted;
    {
        internal_lock_guard guard(cache_lock);
        limit_bytes = bytes;
        evicted = evict_to(bytes);
    }
    // Entries evicted here may include a detached thread still on its way out:
    // wait for the kernel's clear before unmapping under it.
    unmap_list(evicted);
    return 0;
}

std::size_t cache_limit() {
    internal_lock_guard guard(cache_lock);
    return limit_bytes;
}

std::size_t cache_size() {
    internal_lock_guard guard(cache_lock);
    return cached_bytes;
}

void stack_cache_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) {
        cache_lock.lock();
        return;
    }
    if (phase == fork_phase::child) {
        // A detached thread offers its mapping while still running on it,
        // and the kernel clears its tid word once it is gone. In the child
        // that thread never existed, and no kernel will ever clear the word
        // in this copy: nothing runs on the mapping, so it is free now.
        for (thread_descriptor* entry = cached_head; entry; entry = entry->next_cached)
            entry->tid_word.store(0, std::memory_order_relaxed);
    }
    cache_lock.unlock();
}

}  // namespace lwp::runtime

extern "C" {

int lwp_stack_cache_set_limit(size_t bytes) { return lwp::runtime::set_cache_limit(bytes); }
size_t lwp_stack_cache_limit(void) { return lwp::runtime::cache_limit(); }
size_t lwp_stack_cache_size(void) { return lwp::runtime::cache_size(); }
}
