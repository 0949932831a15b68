// lwp_sem_*: a counting semaphore in one 64-bit word.
//
// Low 32 bits: the value (also the futex word: on little-endian x86_64 it is
// the word's first four bytes). High 32 bits: waiters that may sleep. Keeping
// both in one word makes each operation a single atomic step that sees both:
// a post learns whether anyone waits from the same compare-exchange that adds
// the unit, so it never needs to touch the semaphore again afterwards (a
// waiter may destroy it as soon as it has taken the unit), and a waiter
// registers and reads the value in one fetch_add, so no post is missed
// between the two.
#include <atomic>
#include <cerrno>
#include <cstdint>

#include "../sys/futex.hpp"
#include "../thread/cancellation_point.hpp"
#include "deadline.hpp"

#include "lwp/sync.h"

namespace lwp::sync {
namespace {

constexpr std::uint64_t one_waiter = std::uint64_t{1} << 32;

std::atomic_ref<std::uint64_t> word_of(lwp_sem_t* sem) { return std::atomic_ref<std::uint64_t>(sem->word); }
unsigned int value_of(std::uint64_t word) { return static_cast<unsigned int>(word); }
unsigned int waiters_of(std::uint64_t word) { return static_cast<unsigned int>(word >> 32); }

// Initialised process-shared (pshared non-zero): sleepers and posters may be
// in different processes. Written once by init.
bool sem_is_private(const lwp_sem_t* sem) { return sem->shared == 0; }

// The value half, as the futex word the kernel compares.
const void* futex_word_of(lwp_sem_t* sem) { return &sem->word; }
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the value must be the low 4 bytes");

bool try_take(std::atomic_ref<std::uint64_t> word) {
    std::uint64_t current = word.load(std::memory_order_relaxed);
    while (value_of(current) > 0) {
        // Acquire: the poster's writes before its post are visible to us.
        if (word.compare_exchange_weak(current, current - 1, std::memory_order_acquire,
                                       std::memory_order_relaxed))
            return true;
    }
    return false;
}

// A waiter cancelled while it sleeps (the wait is a cancellation point,
// runtime/thread/cancellation_point.hpp) deregisters. Cancelled in its sleep,
// it took no wake-up. But a signal handler can run on top of the wait just
// after a post's FUTEX_WAKE woke it (before the cancellation point has ended)
// and be cancelled in a cancellation point of its own; this step runs then
// too, with the wake-up meant for whoever takes the unit. So if a unit is
// there and another waiter may be asleep, one is woken: at worst a spurious
// wake-up. (A futex wake on memory freed meanwhile is harmless: the kernel
// fails it, or wakes a sleeper there that must tolerate spurious wake-ups.)
void deregister_after_cancellation(void* sem) {
    auto* semaphore = static_cast<lwp_sem_t*>(sem);
    bool process_private = sem_is_private(semaphore);
    std::uint64_t after =
        word_of(semaphore).fetch_sub(one_waiter, std::memory_order_relaxed) - one_waiter;
    if (value_of(after) > 0 && waiters_of(after) > 0)
        sys::futex_wake(futex_word_of(semaphore), 1, process_private);
}

int wait(lwp_sem_t* sem, clockid_t clock, const timespec* deadline) {
    if (sem == nullptr) return EINVAL;
    // A cancellation point, even when a unit is there to take.
    runtime::cancellation_point_begins();
    std::atomic_ref<std::uint64_t> word = word_of(sem);
    if (try_take(word)) return 0;
    if (deadline) {
        int error = check_deadline(deadline);
        if (error) return error;
    }
    // Register, reading the value in the same step.
    std::uint64_t current = word.fetch_add(one_waiter, std::memory_order_relaxed) + one_waiter;
    for (;;) {
        if (value_of(current) > 0) {
            // Take a unit and deregister together.
            if (word.compare_exchange_weak(current, current - 1 - one_waiter,
                                           std::memory_order_acquire, std::memory_order_relaxed))
                return 0;
            continue;
        }
        // Sleep while the value is 0; a post in between changes it (-EAGAIN).
        runtime::cancellation_undo undo{deregister_after_cancellation, sem};
        long result = runtime::cancellation_point_futex_wait(&undo, futex_word_of(sem), 0,
                                                             sem_is_private(sem), clock,
                                                             deadline);
        if (result == -ETIMEDOUT || result == -EINTR) {
            // One last look, so a unit posted as the timer fired is not
            // reported as a time-out while we leave with it unclaimed.
            current = word.load(std::memory_order_relaxed);
            while (value_of(current) > 0) {
                if (word.compare_exchange_weak(current, current - 1 - one_waiter,
                                               std::memory_order_acquire, std::memory_order_relaxed))
                    return 0;
            }
            word.fetch_sub(one_waiter, std::memory_order_relaxed);
            return result == -ETIMEDOUT ? ETIMEDOUT : EINTR;
        }
        current = word.load(std::memory_order_relaxed);
    }
}

}  // namespace
}  // namespace lwp::sync

using namespace lwp;
using namespace lwp::sync;

extern "C" {

int lwp_sem_init(lwp_sem_t* sem, int pshared, unsigned int value) {
    if (sem == nullptr || value > LWP_SEM_VALUE_MAX) return EINVAL;
    *sem = lwp_sem_t{};
    sem->word = value;
    // glibc's own value for "shared" at this offset of its sem_t, so that a
    // glibc program sharing the semaphore (a named one, say) reads it right.
    sem->shared = pshared != 0 ? 128 : 0;
    return 0;
}

int lwp_sem_destroy(lwp_sem_t* sem) { return sem ? 0 : EINVAL; }

int lwp_sem_wait(lwp_sem_t* sem) { return wait(sem, CLOCK_REALTIME, nullptr); }

int lwp_sem_timedwait(lwp_sem_t* sem, const struct timespec* abstime) {
    if (abstime == nullptr) return EINVAL;
    return wait(sem, CLOCK_REALTIME, abstime);
}

int lwp_sem_clockwait(lwp_sem_t* sem, lwp_clockid_t clock, const struct timespec* abstime) {
    if (!supported_clock(clock) || abstime == nullptr) return EINVAL;
    return wait(sem, clock, abstime);
}

int lwp_sem_trywait(lwp_sem_t* sem) {
    if (sem == nullptr) return EINVAL;
    return try_take(word_of(sem)) ? 0 : EAGAIN;
}

int lwp_sem_post(lwp_sem_t* sem) {
    if (sem == nullptr) return EINVAL;
    std::atomic_ref<std::uint64_t> word = word_of(sem);
    // Read now: once the unit is added, a waiter may take it and destroy
    // the semaphore.
    bool process_private = sem_is_private(sem);
    std::uint64_t current = word.load(std::memory_order_relaxed);
    do {
        if (value_of(current) >= LWP_SEM_VALUE_MAX) return EOVERFLOW;
        // Release: our earlier writes reach whoever takes this unit.
    } while (!word.compare_exchange_weak(current, current + 1, std::memory_order_release,
                                         std::memory_order_relaxed));
    // One unit, one sleeper to wake. The semaphore itself is not read again.
    if (waiters_of(current) != 0) sys::futex_wake(futex_word_of(sem), 1, process_private);
    return 0;
}

int lwp_sem_getvalue(lwp_sem_t* sem, int* value) {
    if (sem == nullptr || value == nullptr) return EINVAL;
    *value = static_cast<int>(value_of(word_of(sem).load(std::memory_order_relaxed)));
    return 0;
}
}
