// fork, _Fork and pthread_atfork: a new process made from a threaded one.
//
// The child has one thread, the one that called fork, in a copy of memory
// where the other threads may have been anywhere: inside malloc, a printf,
// a pthread_create. A lock one of them held would stay held in the child for
// good. So fork takes every lock of lwp's own before the clone and gives it
// back on both sides (runtime/thread/fork_hooks.hpp), and the program does
// the same for its own locks with pthread_atfork handlers: `prepare` ones run
// first, newest first, and `parent` or `child` ones after, oldest first.
//
// What else the child puts right: its thread's tid, which the kernel writes
// into the thread's descriptor (CLONE_CHILD_SETTID) before the child runs;
// the count of live threads, now 1, so that pthread_exit of that thread ends
// the process; the stack cache (stack_cache_around_fork); and, once every
// lock is free again, the threads that did not come along: their handles go
// stale and their stacks into the cache, still mapped
// (reclaim_other_threads_after_fork). A joiner that had released its
// thread's handle but not yet its stack when the clone came leaves that
// stack behind in the child, mapped and unused.
//
// _Fork (POSIX 2024, glibc 2.34) is the clone and that thread repair only:
// no handlers and no locks, so a signal handler may call it; with no lock
// held across its clone, the tables may be half-changed in its child, so the
// other threads' handles and stacks are left as they were.
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

#include "../../arch/x86_64/syscall.hpp"
#include "../libc/errno_result.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"
#include "../thread/thread_descriptor.hpp"

// Weak: a module the program does not link has no lock to hold, and fork
// must not pull it in (fork_hooks.hpp).
namespace lwp::runtime {
[[gnu::weak]] void exit_handlers_around_fork(fork_phase phase);
[[gnu::weak]] void system_around_fork(fork_phase phase);
[[gnu::weak]] void named_semaphores_around_fork(fork_phase phase);
[[gnu::weak]] void attr_defaults_around_fork(fork_phase phase);
[[gnu::weak]] void stdio_around_fork(fork_phase phase);
[[gnu::weak]] void time_zone_around_fork(fork_phase phase);
[[gnu::weak]] void handle_table_around_fork(fork_phase phase);
[[gnu::weak]] void stack_cache_around_fork(fork_phase phase);
[[gnu::weak]] void malloc_around_fork(fork_phase phase);
[[gnu::weak]] void robust_list_around_fork(fork_phase phase);
[[gnu::weak]] void timers_around_fork(fork_phase phase);
[[gnu::weak]] void set_identity_around_fork(fork_phase phase);
[[gnu::weak]] void async_io_around_fork(fork_phase phase);
[[gnu::weak]] void async_name_lookup_around_fork(fork_phase phase);
}  // namespace lwp::runtime

namespace {

using lwp::runtime::fork_phase;

struct fork_handlers {
    void (*prepare)();
    void (*parent)();
    void (*child)();
};

// The handlers in page-sized blocks: the first static, the others mapped as
// registrations need them (not malloc'd: fork must not depend on the
// allocator it is about to lock), up to 64 blocks, over 10,000 handlers
// (ENOMEM past that, or if a block cannot be mapped). Fork reads them without
// a lock: an entry, and its block, are written before the count that
// publishes them, and nothing is ever removed.
constexpr int handlers_per_block = 4096 / sizeof(fork_handlers);
constexpr int max_blocks = 64;
fork_handlers first_block[handlers_per_block];
fork_handlers* blocks[max_blocks] = {first_block};
std::atomic<int> handler_count{0};
lwp::runtime::internal_lock registration_lock;

fork_handlers& handler_at(int index) {
    return blocks[index / handlers_per_block][index % handlers_per_block];
}

// In lock order (fork_hooks.hpp); released in reverse.
void (*const lock_hooks[])(fork_phase) = {
    lwp::runtime::exit_handlers_around_fork, lwp::runtime::system_around_fork,
    lwp::runtime::named_semaphores_around_fork, lwp::runtime::attr_defaults_around_fork,
    lwp::runtime::stdio_around_fork,         lwp::runtime::time_zone_around_fork,
    lwp::runtime::handle_table_around_fork,
    lwp::runtime::stack_cache_around_fork,   lwp::runtime::malloc_around_fork,
};
constexpr int lock_hook_count = sizeof lock_hooks / sizeof lock_hooks[0];

// The clone itself, and in the child, the repair of its one thread.
long clone_process() {
    lwp::runtime::thread_descriptor* self = lwp::runtime::current_thread.descriptor;
    // SIGCHLD: the parent is told when the child ends (what makes it a
    // process rather than a thread: no CLONE_VM, CLONE_THREAD or
    // CLONE_SIGHAND). CHILD_SETTID: the kernel stores the child's tid in the
    // child's copy of this thread's tid word before the child runs;
    // CHILD_CLEARTID: and clears it when that thread ends, so a thread the
    // child creates later can join it, as here.
    long pid = lwp::arch::syscall5(__NR_clone, SIGCHLD | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID,
                                   0, 0, reinterpret_cast<long>(&self->tid_word), 0);
    if (pid == 0) {
        lwp::runtime::current_thread.tid = self->tid_word.load(std::memory_order_relaxed);
        if (lwp::runtime::robust_list_around_fork)
            lwp::runtime::robust_list_around_fork(fork_phase::child);
        if (lwp::runtime::timers_around_fork) lwp::runtime::timers_around_fork(fork_phase::child);
        if (lwp::runtime::set_identity_around_fork)
            lwp::runtime::set_identity_around_fork(fork_phase::child);
        if (lwp::runtime::async_io_around_fork) lwp::runtime::async_io_around_fork(fork_phase::child);
        if (lwp::runtime::async_name_lookup_around_fork)
            lwp::runtime::async_name_lookup_around_fork(fork_phase::child);
        lwp::runtime::forget_other_threads_after_fork();
    }
    return pid;
}

pid_t result_of(long pid) { return static_cast<pid_t>(lwp::libc::errno_result(pid)); }

}  // namespace

extern "C" {

int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void)) noexcept;

// What glibc's own pthread_atfork (a static stub in libc_nonshared.a) calls,
// so objects built for glibc may reference it. The module handle is for
// dlclose, which a static program never does: ignored.
int __register_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void),
                      void*) noexcept {
    return pthread_atfork(prepare, parent, child);
}

int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void)) noexcept {
    lwp::runtime::internal_lock_guard guard(registration_lock);
    int count = handler_count.load(std::memory_order_relaxed);
    int block = count / handlers_per_block;
    if (block == max_blocks) return ENOMEM;
    if (blocks[block] == nullptr) {
        long mapped = lwp::sys::mmap(nullptr, 4096, PROT_READ | PROT_WRITE,
                                     MAP_PRIVATE | MAP_ANONYMOUS);
        if (lwp::sys::failed(mapped)) return ENOMEM;
        blocks[block] = reinterpret_cast<fork_handlers*>(mapped);
    }
    handler_at(count) = {prepare, parent, child};
    // Release: a fork that sees the count sees the entry.
    handler_count.store(count + 1, std::memory_order_release);
    return 0;
}

pid_t _Fork(void) noexcept { return result_of(clone_process()); }

pid_t fork(void) noexcept {
    // Handlers registered while this fork runs (by another thread) are not
    // run by it: all three phases use the same count.
    int count = handler_count.load(std::memory_order_acquire);
    for (int i = count - 1; i >= 0; --i)
        if (handler_at(i).prepare) handler_at(i).prepare();
    // The first lock in the order is this file's own (fork_hooks.hpp).
    registration_lock.lock();
    for (auto hook : lock_hooks)
        if (hook) hook(fork_phase::prepare);

    long pid = clone_process();

    fork_phase after = pid == 0 ? fork_phase::child : fork_phase::parent;
    for (int i = lock_hook_count - 1; i >= 0; --i)
        if (lock_hooks[i]) lock_hooks[i](after);
    registration_lock.unlock();
    // Not in _Fork: there the tables may be half-changed by a thread that did
    // not come along, as no lock was held across the clone.
    if (pid == 0) lwp::runtime::reclaim_other_threads_after_fork();
    for (int i = 0; i < count; ++i) {
        void (*handler)() = pid == 0 ? handler_at(i).child : handler_at(i).parent;
        if (handler) handler();
    }
    return result_of(pid);
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
pid_t __fork(void) noexcept __attribute__((alias("fork"), copy(fork)));
}  // extern "C"
