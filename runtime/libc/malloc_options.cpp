// mallopt (<malloc.h>), also exported as __libc_mallopt, as glibc does:
// tuning the allocator. 1 when the setting is in force, 0 when it is not.
//
// lwp's allocator (malloc_heap.hpp) is not glibc's: fixed size classes in
// at most eight arenas, small-block memory kept for reuse and never given
// back, large blocks each in a mapping of its own. What maps onto that is
// honoured, with glibc's meaning:
// - M_MMAP_THRESHOLD: requests of at least this many bytes get a mapping of
//   their own, for thresholds up to 128 KiB (glibc's default); lwp has no
//   size class for a larger request, so a higher threshold is refused, and
//   requests of 128 KiB less its 16-byte header and up are mapped whatever
//   the threshold. (glibc maps a request over the threshold only when no
//   free memory it already has fits it; lwp always does.)
// - M_PERTURB: new blocks filled with the complement of the value's low
//   byte (not calloc's), freed small blocks with the byte itself; 0 stops it.
//   (glibc skips the blocks of its per-thread cache; lwp has none to skip.)
// - M_ARENA_MAX: threads that allocate from now on share the first that
//   many arenas (lwp never has more than eight, so more is honoured as it).
// Refused (0), because lwp's design has nothing they could change:
// M_MXFAST (no fast bins), M_TRIM_THRESHOLD and M_TOP_PAD (no heap top to
// trim or pad), M_MMAP_MAX (a large block cannot be served without its
// mapping) and M_ARENA_TEST (the arenas are not counted out against cores).
// Answered 1 with nothing done, exactly as glibc's libc.so answers:
// M_CHECK_ACTION (libc.so ignores it; only libc_malloc_debug.so checks),
// M_ARENA_TEST and M_ARENA_MAX with a value of 0 or less, and parameter
// numbers glibc does not know.
#include <malloc.h>

#include "malloc_heap.hpp"

namespace heap = lwp::libc::heap;

extern "C" {

int mallopt(int parameter, int value) noexcept {
    switch (parameter) {
    case M_MMAP_THRESHOLD:
        // A negative value is a huge size_t to glibc, as here: refused.
        return heap::set_mapping_threshold(static_cast<size_t>(static_cast<long>(value))) ? 1 : 0;
    case M_PERTURB: heap::set_perturb_byte(value); return 1;
    case M_ARENA_MAX:
        if (value > 0) heap::set_arena_limit(static_cast<unsigned>(value));
        return 1;
    case M_ARENA_TEST: return value > 0 ? 0 : 1;
    case M_MXFAST:
    case M_TRIM_THRESHOLD:
    case M_TOP_PAD:
    case M_MMAP_MAX: return 0;
    default: return 1;  // M_CHECK_ACTION and unknown numbers, as glibc's
    }
}

int __libc_mallopt(int, int) noexcept __attribute__((alias("mallopt"), copy(mallopt)));

}  // extern "C"
