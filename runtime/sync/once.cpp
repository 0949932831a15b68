// lwp_once: one futex word with four states.
//   not_run -> running (the caller that wins the compare-exchange runs it)
//   running -> running_with_sleepers (a latecomer about to sleep marks it)
//   running* -> done (commit; wake everyone if anyone marked)
//   running* -> not_run (abandon: the routine failed; wake everyone so one of
//                        them can claim it and try again)
// The fast path is one acquire load seeing `done`: the routine's writes
// happen-before every caller's return, via the release in commit.
#include <atomic>
#include <cerrno>
#include <climits>

#include "../sys/futex.hpp"

#include "lwp/sync.h"

namespace lwp::sync {
namespace {

constexpr int not_run = 0, running = 1, running_with_sleepers = 2, done = 3;

std::atomic_ref<int> state_of(lwp_once_t* once) { return std::atomic_ref<int>(once->state); }

void finish(lwp_once_t* once, int final_state) {
    int previous = state_of(once).exchange(final_state, std::memory_order_release);
    if (previous == running_with_sleepers)
        sys::futex_wake(&once->state, INT_MAX, /*process_private=*/true);
}

}  // namespace
}  // namespace lwp::sync

using namespace lwp;
using namespace lwp::sync;

extern "C" {

int lwp_once_begin(lwp_once_t* once) {
    std::atomic_ref<int> state = state_of(once);
    int current = state.load(std::memory_order_acquire);
    for (;;) {
        if (current == done) return 0;
        if (current == not_run) {
            if (state.compare_exchange_weak(current, running, std::memory_order_acquire,
                                            std::memory_order_acquire))
                return 1;
            continue;
        }
        if (current == running &&
            !state.compare_exchange_weak(current, running_with_sleepers, std::memory_order_acquire,
                                         std::memory_order_acquire))
            continue;
        // Sleep until the runner commits or abandons (either changes the
        // word); a stale value just returns -EAGAIN.
        sys::futex_wait(&once->state, running_with_sleepers, /*process_private=*/true);
        current = state.load(std::memory_order_acquire);
    }
}

void lwp_once_commit(lwp_once_t* once) { finish(once, done); }

void lwp_once_abandon(lwp_once_t* once) { finish(once, not_run); }

int lwp_once(lwp_once_t* once, void (*routine)(void)) {
    if (once == nullptr || routine == nullptr) return EINVAL;
    if (state_of(once).load(std::memory_order_acquire) == done) return 0;
    if (lwp_once_begin(once)) {
        routine();
        lwp_once_commit(once);
    }
    return 0;
}
}
