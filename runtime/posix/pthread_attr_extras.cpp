// What a new thread gets applied before its start routine runs (the CPU
// affinity and signal mask chosen in the attr, glibc extensions, and POSIX's
// explicit scheduling), and the process-wide default attributes a NULL attr
// stands for. Kept in a file of their own:
// pthread_create reaches it through weak declarations (posix_attr.hpp), so
// a program that never calls a setter here links none of it, nor malloc.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "cancel_signal.hpp"
#include "../thread/attributes.hpp"
#include "../thread/create.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"
#include "posix_attr.hpp"

using lwp::posix::as_posix;
using lwp::posix::posix_attr;

namespace {

// How the new thread comes to life when its attr carries an affinity, a
// signal mask or explicit scheduling. Two rules:
//
// 1. No user code runs in the new thread (its start routine or a signal
//    handler) before both are in force. The creator blocks every signal
//    around clone, so the child starts with all of them blocked (a signal
//    sent meanwhile stays pending instead of running a handler under the
//    wrong mask or on the wrong CPU); the child installs its final mask as
//    its first act, and the creator restores its own right after clone.
//
// 2. The affinity and the scheduling are applied by the creator, with
//    sched_setaffinity and sched_setscheduler on the child's tid, while the
//    child waits for a go-ahead. The child could apply them to itself
//    instead, but then a refusal (EINVAL: no CPU in the set exists or is
//    allowed, or a priority the policy does not have; EPERM: a real-time
//    policy without the privilege) would have to travel back to the creator
//    through memory one of the two no longer owns once pthread_create
//    returns; here the creator learns the answer from its own syscall and
//    tells a child that is still waiting, in the child's own memory, whether
//    to run the routine or end. Both take effect before the syscall returns
//    (the kernel moves a task onto an allowed CPU at once), so the routine's
//    first instruction already runs under them. Without either, nothing is
//    waited for.
enum release_state : int { waiting, go, abandon };

// Lives in the thread's payload (below its descriptor, in its own mapping):
// valid for as long as the thread is.
struct thread_setup {
    std::atomic<int> release{waiting};
    bool waits_for_release;
    std::uint64_t mask;  // the mask the routine runs under
    void* (*routine)(void*);
    void* argument;
};

// The new thread's routine as the core sees it: setup, then the real one.
void* run_after_setup(void* payload) {
    auto* setup = static_cast<thread_setup*>(payload);
    if (setup->waits_for_release) {
        // Acquire: pairs with the creator's release store, though all the
        // creator did meanwhile is a syscall; the loop absorbs spurious wakes.
        int state;
        while ((state = setup->release.load(std::memory_order_acquire)) == waiting)
            lwp::sys::futex_wait(&setup->release, waiting, /*process_private=*/true);
        // Refused affinity or scheduling: end without running the routine, all signals
        // still blocked, so nothing of the program ever ran in this thread.
        if (state == abandon) return nullptr;
    }
    // Through the guard: the cancellation signal stays deliverable, whatever
    // the attr asked (only the first word of the set is read).
    lwp::posix::change_signal_mask(SIG_SETMASK, reinterpret_cast<const sigset_t*>(&setup->mask),
                                   nullptr);
    return setup->routine(setup->argument);
}

int create_with_setup(pthread_t* thread, const posix_attr* attr, void* (*start_routine)(void*),
                      void* argument) {
    using namespace lwp::runtime;
    if (thread == nullptr || start_routine == nullptr) return EINVAL;
    create_request request;
    int error = request_from_attributes(&attr->base, request);
    if (error) return error;
    request.payload_size = sizeof(thread_setup);
    request.payload_alignment = alignof(thread_setup);
    prepared_thread prepared;
    error = prepare_thread(request, prepared);
    if (error) return error;
    // The attr's scheduling replaces the creator's, even a raised creator's
    // base (priority_protection.hpp): the child must not drop to that.
    if (attr->explicit_scheduling) prepared.descriptor->ceilings.demanded = 0;
    auto* setup = new (prepared.payload) thread_setup;
    setup->waits_for_release = attr->affinity != nullptr || attr->explicit_scheduling;
    setup->routine = start_routine;
    setup->argument = argument;

    // Rule 1 above: SIGKILL and SIGSTOP cannot be blocked and the kernel
    // silently leaves them out; lwp uses no signal of its own that would
    // have to stay open here.
    std::uint64_t all_signals = ~std::uint64_t{0};
    std::uint64_t creator_mask;
    lwp::sys::sigprocmask(SIG_SETMASK, &all_signals, &creator_mask);
    setup->mask = attr->has_sigmask ? attr->sigmask : creator_mask;
    lwp_t handle;
    error = launch_thread(prepared, run_after_setup, setup, &handle);
    lwp::sys::sigprocmask(SIG_SETMASK, &creator_mask, nullptr);
    if (error) {
        abandon_thread(prepared);
        return error;
    }

    if (setup->waits_for_release) {
        // CLONE_PARENT_SETTID wrote the tid before clone returned, and the
        // child cannot end (clearing it) before it is released.
        int tid = prepared.descriptor->tid_word.load(std::memory_order_relaxed);
        long result = 0;
        if (attr->affinity)
            result = lwp::arch::syscall3(__NR_sched_setaffinity, tid, attr->affinity_size,
                                         reinterpret_cast<long>(attr->affinity));
        if (!lwp::sys::failed(result) && attr->explicit_scheduling) {
            sched_param parameter{};
            parameter.sched_priority = attr->scheduling_priority;
            result = lwp::arch::syscall3(__NR_sched_setscheduler, tid, attr->scheduling_policy,
                                         reinterpret_cast<long>(&parameter));
        }
        bool refused = lwp::sys::failed(result);
        // Release: the child may run the routine the moment it sees `go`.
        // The wake may reach the child's memory after the child has already
        // seen the store, run and ended (a detached thread's mapping may even
        // be reused by then): a futex wake on such an address at worst wakes
        // some other waiter spuriously, which every futex user tolerates.
        setup->release.store(refused ? abandon : go, std::memory_order_release);
        lwp::sys::futex_wake(&setup->release, 1, /*process_private=*/true);
        if (refused) {
            // The thread ends at once without running anything; a joinable
            // one is reclaimed here, a detached one reclaims itself.
            if (!request.detached) lwp_join(handle, nullptr);
            return static_cast<int>(-result);
        }
    }
    *thread = handle;
    return 0;
}

// The process-wide default attributes (pthread_setattr_default_np). The
// stack size is not kept here: it is lwp's own default (create.cpp), which
// every attr without a stack size uses, as in glibc. The lock guards the
// rest; a NULL-attr creation holds it only while it reads them, and through
// the creation itself only when they carry an affinity or a mask (so the
// affinity copy cannot be freed under it).
lwp::runtime::internal_lock defaults_lock;
posix_attr defaults;
// Whether `defaults` has been set at all (until then a NULL attr means lwp's
// built-in defaults). Written under the lock; read first without it, so
// that NULL-attr creation takes no lock until a default is set. Release and
// acquire, though the lock taken next orders the defaults themselves.
std::atomic<bool> defaults_changed{false};

// Replaces attr's affinity copy with a copy of `set` (none if null or empty).
int store_affinity(posix_attr* attr, std::size_t size, const void* set) {
    void* copy = nullptr;
    if (set != nullptr && size != 0) {
        if (size > UINT32_MAX) return EINVAL;
        copy = std::malloc(size);
        if (copy == nullptr) return ENOMEM;
        std::memcpy(copy, set, size);
    } else {
        size = 0;
    }
    std::free(attr->affinity);
    attr->affinity = copy;
    attr->affinity_size = static_cast<std::uint32_t>(size);
    return 0;
}

bool initialised(const pthread_attr_t* attr) {
    return attr && lwp::runtime::attr_valid(&as_posix(attr)->base);
}

}  // namespace

namespace lwp::runtime {

void attr_defaults_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) defaults_lock.lock();
    else defaults_lock.unlock();
}

}  // namespace lwp::runtime

namespace lwp::posix {

int create_with_extras(pthread_t* thread, const posix_attr* attr, void* (*start_routine)(void*),
                       void* argument) noexcept {
    if (attr != nullptr) return create_with_setup(thread, attr, start_routine, argument);
    lwp_attr_t base;
    const lwp_attr_t* chosen = nullptr;  // lwp's built-in defaults
    if (defaults_changed.load(std::memory_order_acquire)) {
        runtime::internal_lock_guard guard(defaults_lock);
        // Held through the creation: it reads the defaults' affinity copy,
        // which a concurrent pthread_setattr_default_np would free.
        if (has_extras(&defaults)) return create_with_setup(thread, &defaults, start_routine, argument);
        base = defaults.base;  // a copy, so the creation below needs no lock
        chosen = &base;
    }
    lwp_t handle;
    int error = lwp_create(&handle, chosen, start_routine, argument);
    if (error == 0) *thread = handle;
    return error;
}

void release_extras(posix_attr* attr) noexcept {
    std::free(attr->affinity);
    attr->affinity = nullptr;
}

int record_affinity_of(pthread_t thread, posix_attr* attr) noexcept {
    // The kernel's mask may be longer than any fixed guess (it has as many
    // bits as the kernel was built for CPUs, and refuses a shorter buffer
    // with EINVAL), so the buffer grows until the mask fits.
    for (std::size_t size = sizeof(cpu_set_t); size <= 64 * 1024; size *= 2) {
        void* set = std::malloc(size);
        if (set == nullptr) return ENOMEM;
        int error = pthread_getaffinity_np(thread, size, static_cast<cpu_set_t*>(set));
        if (error == 0) {
            std::free(attr->affinity);
            attr->affinity = set;
            attr->affinity_size = static_cast<std::uint32_t>(size);
            return 0;
        }
        std::free(set);
        if (error != EINVAL) return error;
    }
    return EINVAL;
}

}  // namespace lwp::posix

extern "C" {

int pthread_attr_setaffinity_np(pthread_attr_t* attr, size_t size, const cpu_set_t* set) noexcept {
    if (!initialised(attr)) return EINVAL;
    // The set is not judged here: which CPUs exist is the kernel's answer
    // at pthread_create.
    return store_affinity(as_posix(attr), size, set);
}

int pthread_attr_getaffinity_np(const pthread_attr_t* attr, size_t size, cpu_set_t* set) noexcept {
    if (!initialised(attr) || set == nullptr) return EINVAL;
    const posix_attr* posix = as_posix(attr);
    if (posix->affinity == nullptr) {
        // No set stored: the thread may run anywhere, so every CPU is in it.
        std::memset(set, 0xff, size);
        return 0;
    }
    std::size_t stored = posix->affinity_size;
    const auto* bytes = static_cast<const unsigned char*>(posix->affinity);
    // A shorter buffer is enough if the stored bytes it cannot hold are empty.
    for (std::size_t i = size; i < stored; ++i)
        if (bytes[i] != 0) return EINVAL;
    std::size_t copied = size < stored ? size : stored;
    std::memcpy(set, bytes, copied);
    std::memset(reinterpret_cast<unsigned char*>(set) + copied, 0, size - copied);
    return 0;
}

// Here rather than with the other scheduling attributes: choosing
// PTHREAD_EXPLICIT_SCHED must link the code that applies the policy.
int pthread_attr_setinheritsched(pthread_attr_t* attr, int inherit) noexcept {
    if (!initialised(attr)) return EINVAL;
    if (inherit != PTHREAD_INHERIT_SCHED && inherit != PTHREAD_EXPLICIT_SCHED) return EINVAL;
    as_posix(attr)->explicit_scheduling = inherit == PTHREAD_EXPLICIT_SCHED;
    return 0;
}

int pthread_attr_getinheritsched(const pthread_attr_t* attr, int* inherit) noexcept {
    if (!initialised(attr) || inherit == nullptr) return EINVAL;
    *inherit = as_posix(attr)->explicit_scheduling ? PTHREAD_EXPLICIT_SCHED : PTHREAD_INHERIT_SCHED;
    return 0;
}

int pthread_attr_setsigmask_np(pthread_attr_t* attr, const sigset_t* mask) noexcept {
    if (!initialised(attr)) return EINVAL;
    posix_attr* posix = as_posix(attr);
    posix->has_sigmask = mask != nullptr;
    // The kernel's mask is the first 8 bytes of glibc's sigset_t.
    posix->sigmask = 0;
    if (mask) std::memcpy(&posix->sigmask, mask, sizeof posix->sigmask);
    return 0;
}

int pthread_attr_getsigmask_np(const pthread_attr_t* attr, sigset_t* mask) noexcept {
    if (!initialised(attr) || mask == nullptr) return EINVAL;
    const posix_attr* posix = as_posix(attr);
    std::memset(mask, 0, sizeof *mask);
    if (!posix->has_sigmask) return PTHREAD_ATTR_NO_SIGMASK_NP;
    std::memcpy(mask, &posix->sigmask, sizeof posix->sigmask);
    return 0;
}

int pthread_getattr_default_np(pthread_attr_t* attr) noexcept {
    int error = pthread_attr_init(attr);
    if (error) return error;
    posix_attr* posix = as_posix(attr);
    {
        lwp::runtime::internal_lock_guard guard(defaults_lock);
        if (defaults_changed.load(std::memory_order_relaxed)) {
            posix->base.guard_size = defaults.base.guard_size;
            posix->base.detach_state = defaults.base.detach_state;
            posix->has_sigmask = defaults.has_sigmask;
            posix->sigmask = defaults.sigmask;
            posix->explicit_scheduling = defaults.explicit_scheduling;
            posix->scheduling_policy = defaults.scheduling_policy;
            posix->scheduling_priority = defaults.scheduling_priority;
            error = store_affinity(posix, defaults.affinity_size, defaults.affinity);
        }
    }
    // Reported as glibc does: the size a NULL-attr thread gets.
    posix->base.stack_size = lwp::runtime::default_stack_size();
    if (error) pthread_attr_destroy(attr);
    return error;
}

int pthread_setattr_default_np(const pthread_attr_t* attr) noexcept {
    if (!initialised(attr)) return EINVAL;
    const posix_attr* given = as_posix(attr);
    // A default stack address would give every new thread the same stack.
    if (given->base.stack_address != nullptr) return EINVAL;
    // Copied before taking the lock, so malloc is not called under it; the
    // old copy is freed after.
    posix_attr replacement{};
    int error = store_affinity(&replacement, given->affinity_size, given->affinity);
    if (error) return error;
    // 0 means "leave the default stack size as it is".
    if (given->base.stack_size != 0) lwp::runtime::set_default_stack_size(given->base.stack_size);
    void* old_affinity;
    {
        lwp::runtime::internal_lock_guard guard(defaults_lock);
        old_affinity = defaults.affinity;
        defaults = *given;
        defaults.base.stack_size = 0;  // the process default, set above
        defaults.affinity = replacement.affinity;
        defaults.affinity_size = replacement.affinity_size;
        defaults_changed.store(true, std::memory_order_release);
    }
    std::free(old_affinity);
    return 0;
}
}
