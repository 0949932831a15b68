// lwp_barrier_*: a generation-counting barrier.
//
// Each arrival increments `arrived`; the one that completes the round (it
// becomes the serial thread) resets `arrived`, bumps `generation` and wakes
// everyone sleeping on it. The others sleep while `generation` still holds the
// value they read on arrival. A new round cannot start before the old one has
// ended (its `count` threads are all needed to end it), so the reset of
// `arrived` by the serial thread, which precedes the generation bump, is seen
// by every thread of the next round: each either performed the reset or saw
// the bump with acquire ordering.
//
// `leaving` counts released threads that have yet to return, so that
// lwp_barrier_destroy can wait for them and the memory may then be freed. Its
// top bit says a destroyer is waiting; a leaver learns that from the same
// atomic step that records its departure, and touches the object no more.
#include <atomic>
#include <cerrno>
#include <climits>

#include "../sys/futex.hpp"

#include "lwp/sync.h"

namespace lwp::sync {
namespace {

constexpr unsigned int destroyer_waiting = 1u << 31;

std::atomic_ref<unsigned int> ref(unsigned int& field) { return std::atomic_ref<unsigned int>(field); }

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
    if (pshared == LWP_PROCESS_PRIVATE) return 0;
    return pshared == LWP_PROCESS_SHARED ? ENOTSUP : EINVAL;  // private futexes only
}

int lwp_barrierattr_getpshared(const lwp_barrierattr_t* attr, int* pshared) {
    if (attr == nullptr || pshared == nullptr) return EINVAL;
    *pshared = LWP_PROCESS_PRIVATE;
    return 0;
}

int lwp_barrier_init(lwp_barrier_t* barrier, const lwp_barrierattr_t*, unsigned int count) {
    // The top bit of `leaving` is the destroyer flag, so a round holds fewer
    // than 2^31 threads (far beyond any real thread limit).
    if (barrier == nullptr || count == 0 || count >= destroyer_waiting) return EINVAL;
    *barrier = lwp_barrier_t{};
    barrier->count = count;
    return 0;
}

int lwp_barrier_destroy(lwp_barrier_t* barrier) {
    if (barrier == nullptr) return EINVAL;
    if (ref(barrier->arrived).load(std::memory_order_relaxed) != 0) return EBUSY;
    std::atomic_ref<unsigned int> leaving = ref(barrier->leaving);
    unsigned int left = leaving.fetch_or(destroyer_waiting, std::memory_order_acquire);
    while ((left & ~destroyer_waiting) != 0) {
        sys::futex_wait(&barrier->leaving, static_cast<int>(left | destroyer_waiting), true);
        left = leaving.load(std::memory_order_acquire);
    }
    return 0;
}

int lwp_barrier_wait(lwp_barrier_t* barrier) {
    if (barrier == nullptr) return EINVAL;
    // Read before arriving: the round cannot end before our arrival, so this
    // is the generation of the round we join.
    unsigned int generation = ref(barrier->generation).load(std::memory_order_acquire);
    // Acq_rel: every arrival's earlier writes are passed along the chain of
    // increments to the serial thread, and from it to all through the bump.
    unsigned int arrived = ref(barrier->arrived).fetch_add(1, std::memory_order_acq_rel) + 1;
    if (arrived == barrier->count) {
        ref(barrier->arrived).store(0, std::memory_order_relaxed);
        ref(barrier->leaving).fetch_add(barrier->count - 1, std::memory_order_relaxed);
        ref(barrier->generation).fetch_add(1, std::memory_order_release);
        sys::futex_wake(&barrier->generation, INT_MAX, /*process_private=*/true);
        return LWP_BARRIER_SERIAL_THREAD;
    }
    while (ref(barrier->generation).load(std::memory_order_acquire) == generation)
        sys::futex_wait(&barrier->generation, static_cast<int>(generation), true);
    // Our last access. Release: a destroyer that sees the count drop also
    // sees we are done reading. Waking an address without touching its memory
    // is safe even if the destroyer has already freed it.
    unsigned int before = ref(barrier->leaving).fetch_sub(1, std::memory_order_release);
    if (before == (destroyer_waiting | 1)) sys::futex_wake(&barrier->leaving, 1, true);
    return 0;
}
}
