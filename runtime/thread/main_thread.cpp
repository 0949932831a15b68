#include "main_thread.hpp"

#include "../sys/syscalls.hpp"
#include "handle_table.hpp"
#include "thread_descriptor.hpp"

namespace lwp::runtime {
namespace {

// The main thread's stack and TLS belong to the kernel and the start-up code,
// so its descriptor lives in static storage: mapping_base stays null, which
// the release paths treat like a caller-supplied stack (never unmapped).
// constinit: it must be initialised at load time, not by a constructor in
// .init_array, which would run after adopt_main_thread and wipe it.
constinit thread_descriptor main_descriptor{};

}  // namespace

void adopt_main_thread() {
    thread_descriptor& descriptor = main_descriptor;
    int tid = sys::gettid();
    descriptor.tid_word.store(tid, std::memory_order_relaxed);
    // Ask the kernel to clear (and futex-wake) the tid word when the main
    // thread exits, exactly what CLONE_CHILD_CLEARTID does for lwp's own
    // threads: a joiner of main then waits the same way.
    sys::set_tid_address(reinterpret_cast<int*>(&descriptor.tid_word));
    lwp_t handle = acquire_slot(&descriptor);
    // With no handle (the table's first chunk could not be mapped) main stays
    // a foreign thread: identity still works, joining it gives ESRCH.
    if (handle == 0) return;
    descriptor.handle = handle;
    current_thread.descriptor = &descriptor;
    current_thread.handle = handle;
    current_thread.tid = tid;
}

}  // namespace lwp::runtime
