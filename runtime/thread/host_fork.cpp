// lwp threads in a glibc process across glibc's fork.
//
// In a hosted program fork is glibc's, and without help two things go wrong.
// glibc's child takes whichever thread called fork for one of its own: it
// unlinks the `list` node of that thread's descriptor (struct pthread, above
// %fs) from its lists and links it into its list of running threads. On an
// lwp thread that node lies in the zeroed room lwp keeps for glibc
// (arch/x86_64/tcb.hpp), and unlinking a node of null pointers kills the
// child with SIGSEGV before it can even exec. And lwp's own tables (handle
// slots, stack cache) may be held by a thread that does not come along.
//
// So before the first lwp thread starts, lwp registers fork handlers with
// glibc (pthread_atfork). Before the clone: the forking thread, if it is
// lwp's, makes its node point at itself, so glibc's unlink changes nothing;
// then the table locks are taken, in lwp's lock order (fork_hooks.hpp). In
// the parent: the locks are released. In the child: the node is taken out of
// glibc's list again (glibc tracks no lwp thread, and an lwp thread's
// descriptor must not stay in its list when its stack is reused), the thread
// learns its new tid, and the kernel is told to clear lwp's tid word, not
// glibc's, when it ends, so a thread the child creates can join it; then the
// locks are released and the threads that did not come along are let go, as
// lwp's own fork does (lifecycle.cpp).
#include "host_fork.hpp"

#ifndef LWP_FREESTANDING
#include <pthread.h>

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "../../arch/x86_64/tcb.hpp"
#include "../../arch/x86_64/thread_pointer.hpp"
#include "../sys/syscalls.hpp"
#include "fork_hooks.hpp"
#include "host_tls.hpp"
#include "thread_descriptor.hpp"

// Weak, as in host_tls.cpp: looked up by name, so a glibc without the symbol
// still works.
extern "C" void* dlsym(void* handle, const char* name) __attribute__((weak));

namespace lwp::runtime {

// Weak: linked only with lwp's robust mutexes (fork_hooks.hpp).
[[gnu::weak]] void robust_list_around_fork(fork_phase phase);

namespace {

struct host_list_node {
    host_list_node* next;
    host_list_node* prev;
};

// The node's offset in glibc's descriptor, as glibc publishes it for
// libthread_db: {size in bits, count, offset}. The 2.36 figure if glibc does
// not say, or says something implausible (a node outside the room lwp keeps
// above %fs).
std::size_t list_offset() {
    if (dlsym == nullptr) return arch::host_thread_list_offset;
    const auto* field =
        static_cast<const std::uint32_t*>(dlsym(nullptr, "_thread_db_pthread_list"));
    if (field == nullptr || field[0] != 8 * sizeof(host_list_node) ||
        field[2] < sizeof(arch::thread_control_block) ||
        field[2] + sizeof(host_list_node) > host_tls().above_thread_pointer)
        return arch::host_thread_list_offset;
    return field[2];
}

std::size_t node_offset = 0;  // set before the handlers are registered

host_list_node* own_node() {
    return reinterpret_cast<host_list_node*>(static_cast<char*>(arch::thread_pointer()) +
                                             node_offset);
}

void before_fork() {
    if (current_thread.descriptor != nullptr) {
        host_list_node* node = own_node();
        node->next = node;
        node->prev = node;
    }
    handle_table_around_fork(fork_phase::prepare);
    stack_cache_around_fork(fork_phase::prepare);
}

void in_parent() {
    stack_cache_around_fork(fork_phase::parent);
    handle_table_around_fork(fork_phase::parent);
}

void in_child() {
    current_thread_state& self = current_thread;
    if (thread_descriptor* descriptor = self.descriptor) {
        host_list_node* node = own_node();
        node->next->prev = node->prev;
        node->prev->next = node->next;
        node->next = node;
        node->prev = node;
        descriptor->tid_word.store(sys::gettid(), std::memory_order_relaxed);
        sys::set_tid_address(reinterpret_cast<int*>(&descriptor->tid_word));
    } else {
        self.handle = 0;  // a foreign thread's handle is made of its tid
    }
    self.tid = 0;  // read again on first use
    if (robust_list_around_fork) robust_list_around_fork(fork_phase::child);
    forget_other_threads_after_fork();
    stack_cache_around_fork(fork_phase::child);
    handle_table_around_fork(fork_phase::child);
    reclaim_other_threads_after_fork();
}

}  // namespace

std::atomic<bool> host_fork_handlers_registered{false};

void register_host_fork_handlers() {
    // Relaxed: the first creator registers before its thread starts; a
    // second creator racing it (a glibc thread, as no lwp thread exists yet)
    // may start its thread before the registration completes, and a fork in
    // that instant goes without the handlers.
    if (host_fork_handlers_registered.exchange(true, std::memory_order_relaxed)) return;
    node_offset = list_offset();
    // Fails only when glibc cannot allocate the entry (ENOMEM); forks then
    // go as they did before: lwp threads keep running, forking from one does
    // not work.
    pthread_atfork(before_fork, in_parent, in_child);
}

}  // namespace lwp::runtime
#endif
