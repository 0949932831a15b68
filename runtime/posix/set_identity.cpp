// setuid, setgid, seteuid, setegid, setreuid, setregid, setresuid,
// setresgid and setgroups: a change of credentials made on every thread.
//
// Linux keeps credentials per thread: the system calls change only the
// calling thread's. POSIX wants them to be the process's, and a program
// that drops root in one thread while another keeps it has a security hole,
// so the change is repeated on every other thread:
//  1. One change at a time (change_lock). The caller makes the system call
//     on itself first: if the kernel refuses it there, it refuses it
//     everywhere (every thread has the same credentials), so the error is
//     returned and nothing else happens.
//  2. The request (the call's number and arguments) is published under a
//     serial number, and the handle table is locked (handle_table.hpp): no
//     thread can be created, and every thread's descriptor stays in place,
//     until the change has reached every thread.
//  3. Every other thread with a tid is sent signal 32 (internal_signal.hpp),
//     once per change; its handler repeats the call on that thread and
//     records the serial in the thread's descriptor. The caller waits for
//     each thread it sent the signal to, until it records the serial or
//     ends.
//  4. A thread being created when the table was locked had taken its slot
//     but not yet made its clone. Its creator got the signal: if it repeated
//     the change before its clone, the new thread has the new credentials;
//     if after, the clone had come first, and the new thread now has a tid
//     and is sent the signal in another round. Rounds go on until one finds
//     nothing to send (the second, or the third, since no thread can be
//     created meanwhile). A thread sent the change it already has repeats
//     it harmlessly: every set*id call may set a credential to a value the
//     thread already has.
//  5. If the call failed on some other thread (its credentials had been
//     changed on that thread alone, with a raw system call), the threads of
//     the process now disagree, and no return value can say so: the process
//     aborts with a message, as glibc and musl end it.
//
// What waits for what. The caller holds the table lock while it waits, so a
// thread that waits for that lock with signal 32 blocked would never answer.
// lwp's own code never does: the program cannot block signal 32
// (cancel_signal.hpp); a thread acting on a cancellation unblocks it first
// (pthread_exit_cleanup.cpp); the POSIX timers' helper, which keeps it
// blocked for sigtimedwait, holds change_lock whenever it creates a thread
// (hold_off_identity_changes below), so no change can be in progress then;
// and the threads the helper creates unblock every signal first thing.
//
// Threads blocked in an interruptible system call see the handler run: one
// the kernel restarts carries on, one it does not (nanosleep, poll, pause)
// fails with EINTR, as for any handler. glibc behaves the same. A thread that
// blocks signal 32 with a raw system call would make the change wait for
// it forever.
//
// In a hosted program these functions are glibc's, which change glibc's own
// threads only (README, the hosted-mode contract).
#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <climits>

#include "../../arch/x86_64/syscall.hpp"
#include "../libc/errno_result.hpp"
#include "../libc/fatal.hpp"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/handle_table.hpp"
#include "../thread/internal_lock.hpp"
#include "../thread/thread_descriptor.hpp"
#include "cancel_signal.hpp"
#include "internal_signal.hpp"

namespace {

using lwp::runtime::thread_descriptor;

lwp::runtime::internal_lock change_lock;
unsigned last_serial = 0;  // under change_lock

// The change in progress, read by every thread's handler, so a sequence
// lock: 0 in active_serial while none is (and while the next one's fields
// are written); a reader that finds the serial changed after reading the
// fields read a mixture, and starts again.
std::atomic<unsigned> active_serial{0};
std::atomic<long> request_number;
std::atomic<long> request_arguments[3];
// Set by a thread on which the repeated call failed (point 5 at the top).
std::atomic<bool> failed_on_another_thread{false};

void repeat_change_here() {
    thread_descriptor* self = lwp::runtime::current_thread.descriptor;
    if (self == nullptr) return;
    for (;;) {
        unsigned serial = active_serial.load(std::memory_order_acquire);
        if (serial == 0 || self->identity_serial.load(std::memory_order_relaxed) == serial) return;
        long number = request_number.load(std::memory_order_relaxed);
        long first = request_arguments[0].load(std::memory_order_relaxed);
        long second = request_arguments[1].load(std::memory_order_relaxed);
        long third = request_arguments[2].load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        if (active_serial.load(std::memory_order_relaxed) != serial) continue;
        long result = lwp::arch::syscall3(number, first, second, third);
        if (lwp::sys::failed(result)) failed_on_another_thread.store(true, std::memory_order_relaxed);
        // Release: the failure flag above is seen by whoever sees the serial.
        self->identity_serial.store(serial, std::memory_order_release);
        // The changer sleeps on the tid word, which the kernel wakes too if
        // the thread ends instead (wait_until_caught_up). Shared, as the
        // kernel's wake is; a joiner woken with it looks and sleeps again.
        lwp::sys::futex_wake(&self->tid_word, INT_MAX, /*process_private=*/false);
        return;
    }
}

struct change_round {
    unsigned serial;
    int process;
    int unanswered;    // threads sent the request in this round, or still to send it to
    bool queue_full;   // a send failed with EAGAIN
};

// A thread still to make the change: not ended (tid 0 also means not yet
// cloned, point 4 at the top), and without the serial. Acquire on both: the
// tid pairs with the creator's clone (and the kernel's clear at exit), the
// serial with the thread's release in repeat_change_here.
bool behind(thread_descriptor* descriptor, unsigned serial, int& tid, unsigned& seen) {
    tid = descriptor->tid_word.load(std::memory_order_acquire);
    seen = descriptor->identity_serial.load(std::memory_order_acquire);
    return tid != 0 && seen != serial;
}

// A thread is sent the request once per change: a thread sent it in an
// earlier round has answered or ended (the wait below), so those behind now
// are the ones that had no tid then.
void send_if_behind(thread_descriptor* descriptor, void* context) {
    auto& round = *static_cast<change_round*>(context);
    int tid;
    unsigned seen;
    if (!behind(descriptor, round.serial, tid, seen)) return;
    ++round.unanswered;
    // EAGAIN: the queue of pending signals is full. Not marked as sent, so
    // the next round sends it again.
    if (lwp::sys::tgkill(round.process, tid, lwp::posix::cancel_signal) == 0)
        descriptor->identity_requested.store(round.serial, std::memory_order_relaxed);
    else
        round.queue_full = true;
}

void wait_until_caught_up(thread_descriptor* descriptor, void* context) {
    auto& round = *static_cast<change_round*>(context);
    if (descriptor->identity_requested.load(std::memory_order_relaxed) != round.serial) return;
    // Woken on the tid word both by the thread's answer and by the kernel
    // when the thread ends without answering (CLONE_CHILD_CLEARTID). An
    // answer between our look and our sleep leaves the tid as it was, so
    // that wake would be lost: the sleep is cut short every millisecond.
    const timespec recheck{0, 1'000'000};
    int tid;
    unsigned seen;
    while (behind(descriptor, round.serial, tid, seen))
        lwp::sys::futex_wait(&descriptor->tid_word, tid, /*process_private=*/false, &recheck);
}

// Points 1 to 5 at the top. `number` is a set*id system call taking up to
// three arguments.
int change_everywhere(long number, long first, long second = 0, long third = 0) {
    lwp::runtime::internal_lock_guard one_change_at_a_time(change_lock);
    long own = lwp::arch::syscall3(number, first, second, third);
    if (lwp::sys::failed(own)) return static_cast<int>(lwp::libc::errno_result(own));

    unsigned serial = ++last_serial;
    if (serial == 0) serial = ++last_serial;  // 0 means none: skipped when the count wraps
    // The sequence lock's write side: active_serial is 0 here (the last
    // change cleared it); the fence keeps the field stores after that.
    std::atomic_thread_fence(std::memory_order_release);
    request_number.store(number, std::memory_order_relaxed);
    request_arguments[0].store(first, std::memory_order_relaxed);
    request_arguments[1].store(second, std::memory_order_relaxed);
    request_arguments[2].store(third, std::memory_order_relaxed);
    active_serial.store(serial, std::memory_order_release);
    lwp::posix::repeat_identity_change = repeat_change_here;
    lwp::posix::install_internal_signal_handler();
    if (thread_descriptor* self = lwp::runtime::current_thread.descriptor)
        self->identity_serial.store(serial, std::memory_order_relaxed);

    change_round round{serial, lwp::sys::getpid(), 0, false};
    lwp::runtime::lock_handle_table();
    do {
        round.unanswered = 0;
        round.queue_full = false;
        lwp::runtime::for_each_descriptor_locked(send_if_behind, &round);
        lwp::runtime::for_each_descriptor_locked(wait_until_caught_up, &round);
        if (round.queue_full) {
            // Give the threads time to take their pending signals.
            const timespec pause{0, 1'000'000};
            lwp::arch::syscall2(__NR_nanosleep, reinterpret_cast<long>(&pause), 0);
        }
    } while (round.unanswered != 0);
    lwp::runtime::unlock_handle_table();

    active_serial.store(0, std::memory_order_release);
    // Wakes the timers' helper if it waits to create a thread (below).
    lwp::sys::futex_wake(&active_serial, 1, /*process_private=*/true);
    // A thread's failure was stored before its serial, which the waits
    // above read with acquire: relaxed is enough here.
    if (failed_on_another_thread.exchange(false, std::memory_order_relaxed))
        lwp::libc::fatal(
            "lwp: a set*id call changed this thread's credentials but failed on another "
            "thread, whose credentials differed; the threads would now disagree");
    return 0;
}

long id_argument(unsigned id) { return static_cast<long>(id); }

}  // namespace

namespace lwp::posix {

// For the POSIX timers' helper (timers.cpp), which keeps signal 32 blocked:
// it holds change_lock while it creates a thread, so that no change is in
// progress then (see the top). While another thread's change is, it makes
// that change itself instead of waiting for the signal, and waits for it to
// end.
void hold_off_identity_changes() {
    for (;;) {
        if (change_lock.try_lock()) return;
        repeat_change_here();
        unsigned serial = active_serial.load(std::memory_order_acquire);
        if (serial == 0) {
            // The change has not been published yet, or is just over.
            lwp::sys::sched_yield();
            continue;
        }
        const timespec recheck{0, 1'000'000};
        lwp::sys::futex_wait(&active_serial, static_cast<int>(serial), /*process_private=*/true,
                             &recheck);
    }
}

void allow_identity_changes() { change_lock.unlock(); }

}  // namespace lwp::posix

namespace lwp::runtime {

// The child of fork has one thread, and no change can be in progress in it;
// the lock and the request may have been caught mid-change in the copy.
void set_identity_around_fork(fork_phase phase) {
    if (phase != fork_phase::child) return;
    change_lock = internal_lock{};
    active_serial.store(0, std::memory_order_relaxed);
}

}  // namespace lwp::runtime

extern "C" {

int setuid(uid_t uid) noexcept { return change_everywhere(__NR_setuid, id_argument(uid)); }
int setgid(gid_t gid) noexcept { return change_everywhere(__NR_setgid, id_argument(gid)); }

// -1 would mean "unchanged" to setresuid: not a user one can become.
int seteuid(uid_t uid) noexcept {
    if (uid == static_cast<uid_t>(-1)) return lwp::libc::fail_with_errno(EINVAL);
    return change_everywhere(__NR_setresuid, -1, id_argument(uid), -1);
}

int setegid(gid_t gid) noexcept {
    if (gid == static_cast<gid_t>(-1)) return lwp::libc::fail_with_errno(EINVAL);
    return change_everywhere(__NR_setresgid, -1, id_argument(gid), -1);
}

int setreuid(uid_t real, uid_t effective) noexcept {
    return change_everywhere(__NR_setreuid, id_argument(real), id_argument(effective));
}

int setregid(gid_t real, gid_t effective) noexcept {
    return change_everywhere(__NR_setregid, id_argument(real), id_argument(effective));
}

int setresuid(uid_t real, uid_t effective, uid_t saved) noexcept {
    return change_everywhere(__NR_setresuid, id_argument(real), id_argument(effective),
                             id_argument(saved));
}

int setresgid(gid_t real, gid_t effective, gid_t saved) noexcept {
    return change_everywhere(__NR_setresgid, id_argument(real), id_argument(effective),
                             id_argument(saved));
}

// The list is the caller's, which stays in setgroups until every thread has
// read it.
int setgroups(size_t size, const gid_t* list) noexcept {
    return change_everywhere(__NR_setgroups, static_cast<long>(size),
                             reinterpret_cast<long>(list));
}

// The readers: the calling thread's credentials, which are every thread's.
int getresuid(uid_t* real, uid_t* effective, uid_t* saved) noexcept {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall3(__NR_getresuid, reinterpret_cast<long>(real),
                            reinterpret_cast<long>(effective), reinterpret_cast<long>(saved))));
}

int getresgid(gid_t* real, gid_t* effective, gid_t* saved) noexcept {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall3(__NR_getresgid, reinterpret_cast<long>(real),
                            reinterpret_cast<long>(effective), reinterpret_cast<long>(saved))));
}

int getgroups(int size, gid_t list[]) noexcept {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::arch::syscall2(__NR_getgroups, size, reinterpret_cast<long>(list))));
}

// Whether `group` is one of the process's supplementary groups (only those,
// as in glibc: the effective group counts when the list holds it). A few fit
// on the stack; the kernel allows 65536, so a
// longer list comes from malloc (0 when memory runs out). The list may grow
// between the count and the copy: then ask again.
int group_member(gid_t group) noexcept {
    gid_t few[32];
    gid_t* list = few;
    long count = lwp::arch::syscall2(__NR_getgroups, 32, reinterpret_cast<long>(few));
    while (count == -EINVAL) {
        if (list != few) free(list);
        long needed = lwp::arch::syscall2(__NR_getgroups, 0, 0);
        list = static_cast<gid_t*>(malloc(sizeof(gid_t) * static_cast<size_t>(needed > 0 ? needed : 1)));
        if (list == nullptr) return 0;
        count = lwp::arch::syscall2(__NR_getgroups, needed, reinterpret_cast<long>(list));
    }
    int found = 0;
    for (long i = 0; i < count && !found; ++i) found = list[i] == group;
    if (list != few) free(list);
    return found;
}

}  // extern "C"
