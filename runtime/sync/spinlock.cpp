// lwp_spin_*: test-and-test-and-set. The exchange that takes the lock pulls
// the cache line in exclusive mode, so between attempts a waiter only reads
// the word (the line stays shared until the holder's release store) and
// issues the CPU's spin hint.
#include <atomic>
#include <cerrno>

#include "spin_policy.hpp"

#include "lwp/sync.h"

namespace lwp::sync {
namespace {
std::atomic_ref<int> word_of(lwp_spinlock_t* lock) { return std::atomic_ref<int>(lock->locked); }
}  // namespace
}  // namespace lwp::sync

using namespace lwp;
using namespace lwp::sync;

extern "C" {

int lwp_spin_init(lwp_spinlock_t* lock, int pshared) {
    if (lock == nullptr) return EINVAL;
    if (pshared != LWP_PROCESS_PRIVATE && pshared != LWP_PROCESS_SHARED) return EINVAL;
    word_of(lock).store(0, std::memory_order_relaxed);
    return 0;
}

int lwp_spin_destroy(lwp_spinlock_t* lock) {
    if (lock == nullptr) return EINVAL;
    return word_of(lock).load(std::memory_order_relaxed) ? EBUSY : 0;
}

int lwp_spin_lock(lwp_spinlock_t* lock) {
    std::atomic_ref<int> word = word_of(lock);
    // Acquire: the previous holder's writes are visible once we hold it.
    while (word.exchange(1, std::memory_order_acquire) != 0) {
        while (word.load(std::memory_order_relaxed) != 0) spin_once();
    }
    return 0;
}

int lwp_spin_trylock(lwp_spinlock_t* lock) {
    return word_of(lock).exchange(1, std::memory_order_acquire) != 0 ? EBUSY : 0;
}

int lwp_spin_unlock(lwp_spinlock_t* lock) {
    // Release: our critical section happens-before the next holder's.
    return word_of(lock).exchange(0, std::memory_order_release) == 0 ? EPERM : 0;
}
}
