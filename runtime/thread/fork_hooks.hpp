// What fork (runtime/posix/fork.cpp) asks of the modules that own a lock.
//
// A forked child has one thread, in a copy of memory where the others may
// have been anywhere, holding any of lwp's locks for good. So fork holds
// every lwp lock across the clone: each module with one defines its hook,
// which takes its locks at `prepare` and gives them back in the parent and
// in the child. The hooks are weak references in fork.cpp, so fork links no
// module the program does not otherwise use (a module that is not linked
// has no lock to hold).
//
// Lock order, which fork follows and no lwp code may invert by taking an
// earlier lock while holding a later one: fork's own handler registry, the
// exit-handler registry, system's count of callers, the list of open named
// semaphores (held across malloc), the attribute defaults (held through a
// thread's creation), the stdio streams, the current time zone (held across
// malloc and file reads), the handle table, the stack cache, the malloc
// arenas in index order.
#pragma once

namespace lwp::runtime {

enum class fork_phase { prepare, parent, child };

void exit_handlers_around_fork(fork_phase phase);
void system_around_fork(fork_phase phase);
void named_semaphores_around_fork(fork_phase phase);
void attr_defaults_around_fork(fork_phase phase);
void stdio_around_fork(fork_phase phase);
void time_zone_around_fork(fork_phase phase);  // runtime/libc/calendar_time.cpp
void handle_table_around_fork(fork_phase phase);
void stack_cache_around_fork(fork_phase phase);
void malloc_around_fork(fork_phase phase);

// In the child, right after the clone (fork and _Fork alike): the kernel has
// dropped the thread's robust-mutex list, and lwp registers a fresh one
// (runtime/sync/mutex_robust.cpp). Takes no lock; acts in the child only.
void robust_list_around_fork(fork_phase phase);
// In the child, likewise: it has no POSIX timers and no timer helper thread
// (runtime/libc/timers.cpp).
void timers_around_fork(fork_phase phase);
// In the child, likewise: no set*id change is in progress in it
// (runtime/posix/set_identity.cpp).
void set_identity_around_fork(fork_phase phase);
// In the child, likewise: none of the parent's asynchronous I/O requests is
// in flight there, their threads being the parent's (runtime/libc/async_io.cpp).
void async_io_around_fork(fork_phase phase);
void async_name_lookup_around_fork(fork_phase phase);  // runtime/libc/async_name_lookup.cpp

// In the child: its one thread is the only one left (lifecycle.cpp).
void forget_other_threads_after_fork();
// In the child of fork (not _Fork), once every lock is free again: the
// handles of the threads that did not come along go stale and their stacks
// go to the cache (lifecycle.cpp).
void reclaim_other_threads_after_fork();

}  // namespace lwp::runtime
