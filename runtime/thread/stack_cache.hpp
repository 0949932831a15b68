// Mappings of ended threads, kept for reuse up to a byte cap.
//
// The one rule: a mapping is handed out again only after the kernel has
// cleared its tid word (CLONE_CHILD_CLEARTID), the sole proof that the old
// thread no longer runs on that stack. That rule lets a detached thread put its
// own mapping here on its way out, while it is still running on it.
#pragma once

#include <cstddef>

#include "thread_descriptor.hpp"

namespace lwp::runtime {

// Waits until the kernel has cleared the descriptor's tid word: the thread is
// gone and no longer touches its stack. For a thread that has returned from
// its routine this is at most the short stretch to the kernel's exit path.
void wait_until_gone(thread_descriptor* descriptor);

// A cached mapping of exactly mapping_size bytes, made with a guard of exactly
// guard_size bytes, whose tid word is 0; or null. The guard must match too: an
// unguarded stack one page larger needs the same mapping size as a guarded
// one, and reusing one for the other would leave a thread without its guard,
// or with a PROT_NONE page at the bottom of its usable stack.
thread_descriptor* take_cached_mapping(std::size_t mapping_size, std::size_t guard_size);

// Offers an ended thread's mapping (described by its descriptor, which lives
// at the mapping's top). Returns false when it would exceed the cap; the caller
// then unmaps it. The tid word may still be non-zero (a detached thread
// caching itself); take_cached_mapping skips such entries until it clears.
bool offer_cached_mapping(thread_descriptor* descriptor);

// Unmaps a mapping that was not cached. Only valid once its tid word is 0.
void unmap_thread_mapping(thread_descriptor* descriptor);

// Returns a joined thread's mapping to the cache, or unmaps it.
void recycle_mapping(thread_descriptor* descriptor);

// In the child of fork: the mapping of a thread that did not come along.
// Nothing runs on it there, and no kernel will clear its tid word in that
// copy, so it is free: into the cache, even past its cap (not unmapped: the
// child may still read what was left on it).
void adopt_mapping_after_fork(thread_descriptor* descriptor);

int set_cache_limit(std::size_t bytes);
std::size_t cache_limit();
std::size_t cache_size();

}  // namespace lwp::runtime
