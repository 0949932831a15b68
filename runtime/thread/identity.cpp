#include "handle_table.hpp"
#include "../sys/syscalls.hpp"
#include "thread_descriptor.hpp"

namespace lwp::runtime {

// Zero-initialised (in .tbss) on every thread; lwp fills a child's copy before
// clone, foreign threads fill theirs on first use.
constinit thread_local current_thread_state current_thread;

int current_tid() {
    current_thread_state& self = current_thread;
    if (self.tid == 0) {
        // An lwp thread's tid was stored in its descriptor by the kernel
        // (CLONE_PARENT_SETTID) before it started: no syscall needed.
        self.tid = self.descriptor ? self.descriptor->tid_word.load(std::memory_order_relaxed)
                                   : sys::gettid();
    }
    return self.tid;
}

lwp_t current_handle() {
    current_thread_state& self = current_thread;
    if (self.handle == 0) self.handle = foreign_handle_bit | static_cast<lwp_t>(current_tid());
    return self.handle;
}

}  // namespace lwp::runtime

extern "C" {
lwp_t lwp_self(void) { return lwp::runtime::current_handle(); }
int lwp_equal(lwp_t a, lwp_t b) { return a == b; }
int lwp_gettid(void) { return lwp::runtime::current_tid(); }
}
