// Helpers shared by the sync and TSD tests: deadlines on lwp's own clock
// reader, and running one body on a mix of lwp threads and std::threads.
#pragma once

#include <lwp/lwp.hpp>

#include <ctime>
#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace sync_test {

inline timespec now_on(clockid_t clock) {
    timespec now{};
    lwp_clock_now(clock, &now);
    return now;
}

inline timespec after_ms(clockid_t clock, long milliseconds) {
    timespec when = now_on(clock);
    when.tv_sec += milliseconds / 1000;
    when.tv_nsec += (milliseconds % 1000) * 1000000L;
    if (when.tv_nsec >= 1000000000L) {
        when.tv_sec += 1;
        when.tv_nsec -= 1000000000L;
    }
    return when;
}

// Lower bound only (the machine is noisy): a timed-out wait must not have
// returned before its deadline.
inline bool reached(clockid_t clock, const timespec& deadline) {
    timespec now = now_on(clock);
    return now.tv_sec > deadline.tv_sec ||
           (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec);
}

// Runs body(index) on lwp_threads lwp threads (indices 0..) and std_threads
// std::threads (the following indices), and joins them all. The bodies use
// only lwp and atomics; callers check results afterwards, on this thread.
inline void run_mixed(int lwp_threads, int std_threads, const std::function<void(int)>& body) {
    std::vector<lwp::thread> lwps;
    std::vector<std::thread> stds;
    for (int i = 0; i < lwp_threads; ++i) lwps.emplace_back([&body, i] { body(i); });
    for (int i = 0; i < std_threads; ++i)
        stds.emplace_back([&body, i, lwp_threads] { body(lwp_threads + i); });
    for (auto& t : lwps) t.join();
    for (auto& t : stds) t.join();
}

// Runs fn on a fresh lwp thread and returns its int result after joining:
// for calls whose answer depends on which thread makes them (an owner check).
template <class Fn>
int on_other_thread(Fn fn) {
    std::atomic<int> result{-1};
    lwp::thread t([&] { result.store(fn()); });
    t.join();
    return result.load();
}

// Lets the calling thread give others a chance (lwp's own yield).
inline void pause_briefly() { lwp::this_thread::yield(); }

}  // namespace sync_test
