// lwp_barrier_*: a generation-counting barrier.
//
// Each arrival increments `arrived`; the one that completes the round (it
// becomes the serial thread) resets `arrived`, bumps `generation` and wakes
// everyone sleeping on it. The others sleep while `generation` still holds the
// value it had when they arrived.
//
// Arrivals are serialised by a small lock (`arrival_lock`), held for a few
// instructions. POSIX lets more than `count` threads use a barrier at once
// (the extra ones wait for a later round), and then a lock-free arrival has
// two races: an arrival between the serial thread's increment and its reset
// of `arrived` is wiped out (its round never fills: threads stuck for ever),
// and a thread that read `generation` before an earlier round ended joins
// the next round believing that round's end is its own (it leaves early).
// Under the lock, the count, its reset, and the generation a waiter records
// are one consistent step, and the bump happens only when the round fills.
//
// `leaving` counts callers of a completed round that have yet to return, the
// serial thread included (it still touches the object after releasing the
// lock), so that lwp_barrier_destroy can wait for them and the memory may
// then be freed. Its top bit says a destroyer is waiting; a leaver learns that
// from the same atomic step that records its departure, and touches the
// object no more.
#include <atomic>
#include <cerrno>
#include <climits>

#include "../sys/futex.hpp"
#include "../sys/word_lock.hpp"

#include "lwp/sync.h"

namespace lwp::sync {
namespace {

constexpr unsigned int destroyer_waiting = 1u << 31;

std::atomic_ref<unsigned int> ref(unsigned int& field) { return std::atomic_ref<unsigned int>(field); }

// Initialised process-shared: its waiters may be in different processes.
// Never changes after initialisation.
bool barrier_is_private(const lwp_barrier_t* barrier) {
    return barrier->shared != LWP_PROCESS_SHARED;
}

// A caller of a completed round leaving: its last access. Release: a
// destroyer that sees the count drop also sees we are done with the object.
// Waking an address without touching its memory is safe even if the
// destroyer has already freed it.
void leave(lwp_barrier_t* barrier, bool process_private) {
    unsigned int before = ref(barrier->leaving).fetch_sub(1, std::memory_order_release);
    if (before == (destroyer_waiting | 1)) sys::futex_wake(&barrier->leaving, 1, process_private);
}

}  // namespace
}  // namespace lwp::sync

using namespace lwp;
using namespace lwp::sync;

extern "C" {

int lwp_barrierattr_init(lwp_barrierattr_t* attr) {
    if (attr == nullptr) return EINVAL;
    *attr = lwp_barrierattr_t{};
    return 0;
}

int lwp_barrierattr_destroy(lwp_barrierattr_t* attr) { return attr ? 0 : EINVAL; }

int lwp_barrierattr_setpshared(lwp_barrierattr_t* attr, int pshared) {
    if (attr == nullptr) return EINVAL;
    if (pshared != LWP_PROCESS_PRIVATE && pshared != LWP_PROCESS_SHARED) return EINVAL;
    attr->shared = pshared;
    return 0;
}

int lwp_barrierattr_getpshared(const lwp_barrierattr_t* attr, int* pshared) {
    if (attr == nullptr || pshared == nullptr) return EINVAL;
    *pshared = attr->shared;
    return 0;
}

int lwp_barrier_init(lwp_barrier_t* barrier, const lwp_barrierattr_t* attr, unsigned int count) {
    // The top bit of `leaving` is the destroyer flag, so a round holds fewer
    // than 2^31 threads (far beyond any real thread limit).
    if (barrier == nullptr || count == 0 || count >= destroyer_waiting) return EINVAL;
    *barrier = lwp_barrier_t{};
    barrier->count = count;
    if (attr) barrier->shared = static_cast<unsigned int>(attr->shared);
    return 0;
}

int lwp_barrier_destroy(lwp_barrier_t* barrier) {
    if (barrier == nullptr) return EINVAL;
    if (ref(barrier->arrived).load(std::memory_order_relaxed) != 0) return EBUSY;
    std::atomic_ref<unsigned int> leaving = ref(barrier->leaving);
    unsigned int left = leaving.fetch_or(destroyer_waiting, std::memory_order_acquire);
    while ((left & ~destroyer_waiting) != 0) {
        sys::futex_wait(&barrier->leaving, static_cast<int>(left | destroyer_waiting),
                        barrier_is_private(barrier));
        left = leaving.load(std::memory_order_acquire);
    }
    return 0;
}

int lwp_barrier_wait(lwp_barrier_t* barrier) {
    if (barrier == nullptr) return EINVAL;
    bool process_private = barrier_is_private(barrier);
    // No syscall unless two arrivals overlap; what one arrival wrote under the
    // lock, the next one reads.
    sys::lock_word(barrier->arrival_lock, process_private);
    unsigned int arrived = barrier->arrived + 1;
    if (arrived == barrier->count) {
        // The round is full: reopen the barrier for the next one, count every
        // caller of this round as leaving (ourselves too: we still touch the
        // object below), and release them. All under the lock, so a next-round
        // arrival sees the reset and records the new generation.
        ref(barrier->arrived).store(0, std::memory_order_relaxed);
        ref(barrier->leaving).fetch_add(barrier->count, std::memory_order_relaxed);
        // Release: every arrival's writes, passed along through the lock,
        // reach the waiters that see the bump.
        ref(barrier->generation).fetch_add(1, std::memory_order_release);
        sys::unlock_word(barrier->arrival_lock, process_private);
        sys::futex_wake(&barrier->generation, INT_MAX, process_private);
        leave(barrier, process_private);
        return LWP_BARRIER_SERIAL_THREAD;
    }
    // Atomic store: lwp_barrier_destroy reads the count without the lock.
    ref(barrier->arrived).store(arrived, std::memory_order_relaxed);
    // Read under the lock: the generation of the round we joined, which
    // changes only when that round fills.
    unsigned int generation = ref(barrier->generation).load(std::memory_order_relaxed);
    sys::unlock_word(barrier->arrival_lock, process_private);
    // EINTR or a stale value just sends us round the loop.
    while (ref(barrier->generation).load(std::memory_order_acquire) == generation)
        sys::futex_wait(&barrier->generation, static_cast<int>(generation), process_private);
    leave(barrier, process_private);
    return 0;
}
}
