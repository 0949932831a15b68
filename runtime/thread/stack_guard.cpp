#include "stack_guard.hpp"

#include <sys/mman.h>

#include <atomic>
#include <cerrno>

#include "../sys/syscalls.hpp"

namespace lwp::runtime {
namespace {

// Linux 6.13's madvise advice for guard markers (include/uapi/asm-generic/
// mman-common.h); Debian 12's headers predate it.
constexpr int madvise_guard_install = 102;

// Set once the kernel has answered EINVAL to a guard marker: a kernel older
// than 6.13, or a process whose new mappings are locked (mlockall with
// MCL_FUTURE), where markers are refused. Every later stack goes straight to
// mprotect rather than paying a refused syscall first. Relaxed: it is only a
// hint; a creator that reads it late makes one more refused call.
std::atomic<bool> guard_markers_refused{false};

constexpr std::size_t largest_marked_guard = 64 * 1024;

}  // namespace

int install_stack_guard(char* low, std::size_t guard_size) {
    if (guard_size == 0) return 0;
    // First choice, a guard marker: the kernel writes "fault here" into the
    // guard's page-table entries and leaves the mapping whole. mprotect would
    // split the mapping in two, so each thread would cost two mappings
    // (vm.max_map_count allows 65530 per process) and a fresh one at that: a
    // new mapping of its own needs a new anon_vma at its first page fault,
    // where a whole one merges with the neighbouring stack's and shares its.
    // An access to a marked page raises SIGSEGV (SEGV_MAPERR) as PROT_NONE
    // does (SEGV_ACCERR); markers survive fork and MADV_DONTNEED.
    //
    // Only for small guards: the kernel writes one marker per page, so its
    // cost grows with the guard (about 11 µs for 1 MiB, 120 µs for 16 MiB,
    // and the page tables to hold them), where mprotect's stays about 1.5 µs.
    // Up to 64 KiB both cost about the same.
    if (guard_size <= largest_marked_guard &&
        !guard_markers_refused.load(std::memory_order_relaxed)) {
        long marked = sys::madvise(low, guard_size, madvise_guard_install);
        if (!sys::failed(marked)) return 0;
        if (marked == -EINVAL) guard_markers_refused.store(true, std::memory_order_relaxed);
        // Any other refusal (ENOMEM: no memory for a page table) is this
        // stack's alone: try the old way before failing the creation.
    }
    // The classic guard: its own PROT_NONE mapping. ENOMEM here is the split
    // passing vm.max_map_count.
    if (sys::failed(sys::mprotect(low, guard_size, PROT_NONE))) return EAGAIN;
    return 0;
}

}  // namespace lwp::runtime
