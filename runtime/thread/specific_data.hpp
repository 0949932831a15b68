// Thread-specific data (lwp_key_*): the process-wide key table and each
// thread's values.
//
// Keys: a fixed table of LWP_KEYS_MAX slots, each with a sequence number that
// is odd while the key is live. Create turns an even (free) slot odd; delete
// turns it even again. Each stored value carries the sequence number of the
// key it was set under, so after a delete and a re-create in the same slot the
// old values no longer match and read as NULL, without visiting any thread.
//
// Values: per thread, one anonymous mapping holding a value cell for every
// key, made on the first lwp_setspecific of that thread and hung off lwp's
// own thread_local (current_thread.specific), so foreign threads have one too.
// The mapping is virtual address space only until touched: a thread that uses
// a few keys makes the kernel supply only the pages holding those cells, which
// is the sparse second level a two-level table would build by hand.
#pragma once

#include <cstdint>

#include "lwp/sync.h"

namespace lwp::runtime {

struct thread_descriptor;

struct specific_cell {
    std::uint64_t sequence;  // the key's sequence number when the value was set
    void* value;
};

// Cells are grouped in blocks so the exit-time scan visits only blocks the
// thread has written to.
inline constexpr unsigned specific_block_keys = 64;
inline constexpr unsigned specific_blocks = LWP_KEYS_MAX / specific_block_keys;
static_assert(LWP_KEYS_MAX % specific_block_keys == 0, "keys must fill whole blocks");
static_assert(specific_blocks <= 32, "the used-block mask is 32 bits");

struct specific_data {
    specific_cell cells[LWP_KEYS_MAX];
    std::uint32_t used_blocks;  // bit b: some cell of block b was written
};

// Runs the destructors of the calling thread's values, up to
// LWP_DESTRUCTOR_ITERATIONS passes, then unmaps its value storage. Installed as
// runtime::specific_data_destructors (lifecycle.hpp) when the first key is
// created; called by the exiting thread itself.
void run_specific_destructors(thread_descriptor* exiting);

}  // namespace lwp::runtime
