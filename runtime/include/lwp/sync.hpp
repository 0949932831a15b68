// lwp's C++ synchronization API: thin classes over the C objects of sync.h.
//
// The classes meet the standard's named requirements (BasicLockable, Lockable,
// TimedLockable, SharedLockable), so hosted code can use std::lock_guard,
// std::unique_lock, std::scoped_lock and std::shared_lock with them.
// Freestanding code gets lwp::lock_guard, lwp::unique_lock and
// lwp::shared_lock instead: this header needs only header-only parts of the
// C++ library (<chrono>, <functional>'s std::invoke, <type_traits>,
// <utility>), and builds with -fno-exceptions -fno-rtti.
//
// Error policy: operations whose only failures are precondition violations
// (unlocking a mutex one does not hold, ...) ignore the returned code, like
// the standard library's noexcept members. A failure the standard reports with
// std::system_error (a recursive mutex nested 2^32 deep, relocking an
// lwp::mutex one holds is not detected: it is a normal mutex) throws it when
// exceptions are enabled and traps otherwise. The preconditions of
// lwp::barrier (EINVAL) and counting_semaphore::release (EOVERFLOW) are
// checked, and a violation is reported the same way.
#pragma once

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <functional>
#include <type_traits>
#include <utility>
#if __cpp_exceptions
#include <string>
#include <system_error>
#endif

#include "sync.h"

namespace lwp {

struct defer_lock_t {
    explicit defer_lock_t() = default;
};
struct try_to_lock_t {
    explicit try_to_lock_t() = default;
};
struct adopt_lock_t {
    explicit adopt_lock_t() = default;
};
inline constexpr defer_lock_t defer_lock{};
inline constexpr try_to_lock_t try_to_lock{};
inline constexpr adopt_lock_t adopt_lock{};

// lwp's std::cv_status (that one lives in <condition_variable>).
enum class cv_status { no_timeout, timeout };

namespace detail {

[[noreturn]] inline void fail(int error, const char* what) {
#if __cpp_exceptions
    throw std::system_error(error, std::generic_category(), what);
#else
    (void)error;
    (void)what;
    __builtin_trap();
#endif
}

inline void check(int error, const char* what) {
    if (error) fail(error, what);
}

// Beyond ~3000 years a deadline is "never"; clamping keeps the conversions
// below free of overflow for time_point::max() and friends.
inline constexpr std::chrono::seconds far_future{100'000'000'000LL};

template <class Rep, class Period>
timespec to_timespec(std::chrono::duration<Rep, Period> since_epoch) {
    using namespace std::chrono;
    if (since_epoch >= duration<long double>(far_future)) return timespec{far_future.count(), 0};
    if (since_epoch <= -duration<long double>(far_future)) return timespec{-far_future.count(), 0};
    auto whole = duration_cast<seconds>(since_epoch);
    auto rest = duration_cast<nanoseconds>(since_epoch - whole);
    if (rest.count() < 0) {  // timespec wants 0 <= tv_nsec < 1e9
        whole -= seconds(1);
        rest += seconds(1);
    }
    timespec result{};
    result.tv_sec = static_cast<time_t>(whole.count());
    result.tv_nsec = static_cast<long>(rest.count());
    return result;
}

// An absolute deadline the C API understands.
struct deadline {
    clockid_t clock;
    timespec when;
};

// "relative from now", on CLOCK_MONOTONIC so that setting the wall clock does
// not stretch or shrink the wait.
template <class Rep, class Period>
deadline after(std::chrono::duration<Rep, Period> relative) {
    using namespace std::chrono;
    timespec now{};
    lwp_clock_now(CLOCK_MONOTONIC, &now);
    if (relative >= duration<long double>(far_future))
        return {CLOCK_MONOTONIC, timespec{now.tv_sec + far_future.count(), now.tv_nsec}};
    if (relative < relative.zero()) relative = relative.zero();
    // Whole seconds and the rest apart: int64 nanoseconds end after 292
    // years, well short of far_future, so the sum must not be taken in them.
    auto whole = floor<seconds>(relative);
    auto rest = ceil<nanoseconds>(relative - whole);  // [0, 1 s]
    timespec when{};
    when.tv_sec = static_cast<time_t>(now.tv_sec + whole.count());
    long nanos = now.tv_nsec + static_cast<long>(rest.count());
    when.tv_sec += nanos / 1'000'000'000L;
    when.tv_nsec = nanos % 1'000'000'000L;
    return {CLOCK_MONOTONIC, when};
}

// libstdc++'s steady_clock is CLOCK_MONOTONIC and system_clock is
// CLOCK_REALTIME, both counted from the clock's own epoch, so their time
// points translate directly: the kernel measures the deadline on that clock.
template <class Clock>
inline constexpr bool kernel_clock = std::is_same_v<Clock, std::chrono::steady_clock> ||
                                     std::is_same_v<Clock, std::chrono::system_clock>;

// Other clocks go through "now + remaining", measured on CLOCK_MONOTONIC, so
// such a deadline only approximates one on Clock: whoever uses it must ask
// Clock again when it expires (see keep_trying_until).
template <class Clock, class Duration>
deadline until(const std::chrono::time_point<Clock, Duration>& when) {
    if constexpr (std::is_same_v<Clock, std::chrono::steady_clock>)
        return {CLOCK_MONOTONIC, to_timespec(when.time_since_epoch())};
    else if constexpr (std::is_same_v<Clock, std::chrono::system_clock>)
        return {CLOCK_REALTIME, to_timespec(when.time_since_epoch())};
    else
        return after(when - Clock::now());
}

// attempt(deadline) makes one timed try and returns 0 or an errno code. The
// standard measures an absolute timeout on the time point's own clock
// ([thread.req.timing]), as libstdc++ does: a user clock may run slower than
// CLOCK_MONOTONIC, or jump, so its ETIMEDOUT counts only once Clock::now()
// has reached the deadline; until then the try is made again with the time
// that remains.
template <class Clock, class Duration, class Attempt>
int keep_trying_until(const std::chrono::time_point<Clock, Duration>& when, Attempt attempt) {
    int error = attempt(until(when));
    if constexpr (!kernel_clock<Clock>) {
        while (error == ETIMEDOUT && Clock::now() < when) error = attempt(until(when));
    }
    return error;
}

}  // namespace detail

// ------------------------------------------------------------------ mutexes

namespace detail {
// What every lwp_mutex_t-based class shares: the object, its handle, and the
// kind chosen at construction. condition_variable waits with any of them.
class mutex_base {
public:
    using native_handle_type = lwp_mutex_t*;
    mutex_base(const mutex_base&) = delete;
    mutex_base& operator=(const mutex_base&) = delete;
    native_handle_type native_handle() noexcept { return &mutex_; }

protected:
    explicit constexpr mutex_base(int kind) noexcept
        : mutex_{0, 0, 0, 0, kind, 0, {nullptr, nullptr}} {}
    lwp_mutex_t mutex_;
};
}  // namespace detail

// A normal mutex. Its uncontended paths are inlined here: one
// compare-exchange of the futex word (0 free, 1 locked, 2 locked with possible
// sleepers; see lwp_mutex_t) and no call; anything else goes to the C API.
class mutex : public detail::mutex_base {
public:
    constexpr mutex() noexcept : mutex_base(LWP_MUTEX_NORMAL) {}

    // Relocking deadlocks, as std::mutex may; nothing to report.
    void lock() {
        int expected = 0;
        // Acquire: the previous holder's writes are visible to us.
        if (__atomic_compare_exchange_n(&mutex_.state, &expected, 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return;
        lwp_mutex_lock(&mutex_);
    }
    bool try_lock() noexcept {
        int expected = 0;
        return __atomic_compare_exchange_n(&mutex_.state, &expected, 1, false, __ATOMIC_ACQUIRE,
                                           __ATOMIC_RELAXED);
    }
    void unlock() {
        int expected = 1;
        // Release: our writes reach the next holder. A word of 2 (sleepers
        // possible) needs the C API's wake.
        if (__atomic_compare_exchange_n(&mutex_.state, &expected, 0, false, __ATOMIC_RELEASE,
                                        __ATOMIC_RELAXED))
            return;
        lwp_mutex_unlock(&mutex_);
    }
};

class recursive_mutex : public detail::mutex_base {
public:
    constexpr recursive_mutex() noexcept : mutex_base(LWP_MUTEX_RECURSIVE) {}
    // Fails only when nested 2^32 deep (EAGAIN).
    void lock() { detail::check(lwp_mutex_lock(&mutex_), "lwp::recursive_mutex::lock"); }
    bool try_lock() noexcept { return lwp_mutex_trylock(&mutex_) == 0; }
    void unlock() { lwp_mutex_unlock(&mutex_); }
};

namespace detail {
// try_lock_for / try_lock_until over any lwp_mutex_t-based mutex.
template <class Self>
class timed_locking {
public:
    template <class Rep, class Period>
    bool try_lock_for(const std::chrono::duration<Rep, Period>& relative) {
        return acquired(lock_by(after(relative)));
    }
    template <class Clock, class Duration>
    bool try_lock_until(const std::chrono::time_point<Clock, Duration>& when) {
        return acquired(
            keep_trying_until(when, [this](const deadline& limit) { return lock_by(limit); }));
    }

private:
    int lock_by(const deadline& limit) {
        return lwp_mutex_clocklock(static_cast<Self*>(this)->native_handle(), limit.clock,
                                   &limit.when);
    }
    static bool acquired(int error) {
        if (error == ETIMEDOUT) return false;
        check(error, "lwp::timed_mutex::try_lock");
        return true;
    }
};
}  // namespace detail

class timed_mutex : public mutex, public detail::timed_locking<timed_mutex> {
public:
    constexpr timed_mutex() noexcept = default;
};

class recursive_timed_mutex : public recursive_mutex,
                              public detail::timed_locking<recursive_timed_mutex> {
public:
    constexpr recursive_timed_mutex() noexcept = default;
};

// A reader-writer mutex (std::shared_mutex plus the timed members of
// std::shared_timed_mutex). Writer-preferring: see lwp_rwlock_t.
class shared_mutex {
public:
    using native_handle_type = lwp_rwlock_t*;

    constexpr shared_mutex() noexcept = default;
    shared_mutex(const shared_mutex&) = delete;
    shared_mutex& operator=(const shared_mutex&) = delete;

    void lock() { detail::check(lwp_rwlock_wrlock(&rwlock_), "lwp::shared_mutex::lock"); }
    bool try_lock() noexcept { return lwp_rwlock_trywrlock(&rwlock_) == 0; }
    void unlock() { lwp_rwlock_unlock(&rwlock_); }

    void lock_shared() {
        detail::check(lwp_rwlock_rdlock(&rwlock_), "lwp::shared_mutex::lock_shared");
    }
    bool try_lock_shared() noexcept { return lwp_rwlock_tryrdlock(&rwlock_) == 0; }
    void unlock_shared() { lwp_rwlock_unlock(&rwlock_); }

    template <class Rep, class Period>
    bool try_lock_for(const std::chrono::duration<Rep, Period>& relative) {
        return write_by(detail::after(relative)) == 0;
    }
    template <class Clock, class Duration>
    bool try_lock_until(const std::chrono::time_point<Clock, Duration>& when) {
        return detail::keep_trying_until(
                   when, [this](const detail::deadline& limit) { return write_by(limit); }) == 0;
    }
    template <class Rep, class Period>
    bool try_lock_shared_for(const std::chrono::duration<Rep, Period>& relative) {
        return read_by(detail::after(relative)) == 0;
    }
    template <class Clock, class Duration>
    bool try_lock_shared_until(const std::chrono::time_point<Clock, Duration>& when) {
        return detail::keep_trying_until(
                   when, [this](const detail::deadline& limit) { return read_by(limit); }) == 0;
    }

    native_handle_type native_handle() noexcept { return &rwlock_; }

private:
    int write_by(const detail::deadline& limit) {
        return lwp_rwlock_clockwrlock(&rwlock_, limit.clock, &limit.when);
    }
    int read_by(const detail::deadline& limit) {
        return lwp_rwlock_clockrdlock(&rwlock_, limit.clock, &limit.when);
    }

    lwp_rwlock_t rwlock_ = LWP_RWLOCK_INITIALIZER;
};

using shared_timed_mutex = shared_mutex;

// ------------------------------------------------------------- lock owners

template <class Mutex>
class lock_guard {
public:
    using mutex_type = Mutex;
    explicit lock_guard(Mutex& mutex) : mutex_(mutex) { mutex_.lock(); }
    lock_guard(Mutex& mutex, adopt_lock_t) noexcept : mutex_(mutex) {}
    ~lock_guard() { mutex_.unlock(); }
    lock_guard(const lock_guard&) = delete;
    lock_guard& operator=(const lock_guard&) = delete;

private:
    Mutex& mutex_;
};

namespace detail {

// std::unique_lock (Shared false) and std::shared_lock (Shared true) in one:
// they differ only in which of the mutex's members take and release it.
// Misuse is reported as the standard's report it: no mutex to take is EPERM,
// taking one already held is EDEADLK, unlocking one not held is EPERM.
template <class Mutex, bool Shared>
class lock_owner {
    struct access {
        static void lock(Mutex& mutex) {
            if constexpr (Shared)
                mutex.lock_shared();
            else
                mutex.lock();
        }
        static bool try_lock(Mutex& mutex) {
            if constexpr (Shared)
                return mutex.try_lock_shared();
            else
                return mutex.try_lock();
        }
        template <class Duration>
        static bool try_lock_for(Mutex& mutex, const Duration& relative) {
            if constexpr (Shared)
                return mutex.try_lock_shared_for(relative);
            else
                return mutex.try_lock_for(relative);
        }
        template <class TimePoint>
        static bool try_lock_until(Mutex& mutex, const TimePoint& when) {
            if constexpr (Shared)
                return mutex.try_lock_shared_until(when);
            else
                return mutex.try_lock_until(when);
        }
        static void unlock(Mutex& mutex) {
            if constexpr (Shared)
                mutex.unlock_shared();
            else
                mutex.unlock();
        }
    };

public:
    using mutex_type = Mutex;

    lock_owner() noexcept = default;
    explicit lock_owner(Mutex& mutex) : mutex_(&mutex) {
        access::lock(mutex);
        owns_ = true;
    }
    lock_owner(Mutex& mutex, defer_lock_t) noexcept : mutex_(&mutex) {}
    lock_owner(Mutex& mutex, try_to_lock_t) : mutex_(&mutex), owns_(access::try_lock(mutex)) {}
    lock_owner(Mutex& mutex, adopt_lock_t) noexcept : mutex_(&mutex), owns_(true) {}
    template <class Rep, class Period>
    lock_owner(Mutex& mutex, const std::chrono::duration<Rep, Period>& relative)
        : mutex_(&mutex), owns_(access::try_lock_for(mutex, relative)) {}
    template <class Clock, class Duration>
    lock_owner(Mutex& mutex, const std::chrono::time_point<Clock, Duration>& when)
        : mutex_(&mutex), owns_(access::try_lock_until(mutex, when)) {}

    ~lock_owner() {
        if (owns_) access::unlock(*mutex_);
    }

    lock_owner(const lock_owner&) = delete;
    lock_owner& operator=(const lock_owner&) = delete;
    lock_owner(lock_owner&& other) noexcept
        : mutex_(std::exchange(other.mutex_, nullptr)), owns_(std::exchange(other.owns_, false)) {}
    lock_owner& operator=(lock_owner&& other) noexcept {
        if (this != &other) {
            if (owns_) access::unlock(*mutex_);
            mutex_ = std::exchange(other.mutex_, nullptr);
            owns_ = std::exchange(other.owns_, false);
        }
        return *this;
    }

    void lock() {
        check_lockable("lock");
        access::lock(*mutex_);
        owns_ = true;
    }
    bool try_lock() {
        check_lockable("try_lock");
        owns_ = access::try_lock(*mutex_);
        return owns_;
    }
    template <class Rep, class Period>
    bool try_lock_for(const std::chrono::duration<Rep, Period>& relative) {
        check_lockable("try_lock_for");
        owns_ = access::try_lock_for(*mutex_, relative);
        return owns_;
    }
    template <class Clock, class Duration>
    bool try_lock_until(const std::chrono::time_point<Clock, Duration>& when) {
        check_lockable("try_lock_until");
        owns_ = access::try_lock_until(*mutex_, when);
        return owns_;
    }
    void unlock() {
        if (!owns_) fail(EPERM, "unlock");
        access::unlock(*mutex_);
        owns_ = false;
    }

    void swap(lock_owner& other) noexcept {
        std::swap(mutex_, other.mutex_);
        std::swap(owns_, other.owns_);
    }
    Mutex* release() noexcept {
        owns_ = false;
        return std::exchange(mutex_, nullptr);
    }

    bool owns_lock() const noexcept { return owns_; }
    explicit operator bool() const noexcept { return owns_; }
    Mutex* mutex() const noexcept { return mutex_; }

private:
    void check_lockable(const char* operation) const {
        if (mutex_ == nullptr) fail(EPERM, operation);
        if (owns_) fail(EDEADLK, operation);
    }
    [[noreturn]] static void fail(int error, const char* operation) {
#if __cpp_exceptions
        const char* owner = Shared ? "lwp::shared_lock::" : "lwp::unique_lock::";
        throw std::system_error(error, std::generic_category(), std::string(owner) + operation);
#else
        detail::fail(error, operation);
#endif
    }

    Mutex* mutex_ = nullptr;
    bool owns_ = false;
};

}  // namespace detail

template <class Mutex>
class unique_lock : public detail::lock_owner<Mutex, false> {
public:
    using detail::lock_owner<Mutex, false>::lock_owner;
};

template <class Mutex>
class shared_lock : public detail::lock_owner<Mutex, true> {
public:
    using detail::lock_owner<Mutex, true>::lock_owner;
};

// Class template argument deduction does not look through the inherited
// constructors: `lwp::unique_lock lock(mutex)` needs these guides.
template <class Mutex>
unique_lock(Mutex&) -> unique_lock<Mutex>;
template <class Mutex, class Tag>
unique_lock(Mutex&, Tag) -> unique_lock<Mutex>;
template <class Mutex>
shared_lock(Mutex&) -> shared_lock<Mutex>;
template <class Mutex, class Tag>
shared_lock(Mutex&, Tag) -> shared_lock<Mutex>;

// ------------------------------------------------------- condition variable

// Waits take any lock object whose mutex() is one of lwp's mutex classes:
// std::unique_lock<lwp::mutex> and lwp::unique_lock<lwp::mutex> alike.
class condition_variable {
public:
    using native_handle_type = lwp_cond_t*;

    constexpr condition_variable() noexcept = default;
    // Waits for woken waiters that still watch the object (lwp_cond_destroy).
    ~condition_variable() { lwp_cond_destroy(&cond_); }
    condition_variable(const condition_variable&) = delete;
    condition_variable& operator=(const condition_variable&) = delete;

    void notify_one() noexcept { lwp_cond_signal(&cond_); }
    void notify_all() noexcept { lwp_cond_broadcast(&cond_); }

    template <class Lock>
    void wait(Lock& lock) {
        lwp_cond_wait(&cond_, mutex_of(lock));
    }

    template <class Lock, class Predicate>
    void wait(Lock& lock, Predicate ready) {
        while (!ready()) wait(lock);
    }

    // A time-out on a clock other than steady_clock and system_clock is
    // judged by that clock (see detail::keep_trying_until): if it has not
    // reached the deadline yet, the wait ended early, like a spurious wake-up.
    template <class Lock, class Clock, class Duration>
    cv_status wait_until(Lock& lock, const std::chrono::time_point<Clock, Duration>& when) {
        cv_status status = wait_by(lock, detail::until(when));
        if constexpr (!detail::kernel_clock<Clock>) {
            if (status == cv_status::timeout && Clock::now() < when) return cv_status::no_timeout;
        }
        return status;
    }

    // As the standard specifies it: each wait converts the deadline afresh.
    template <class Lock, class Clock, class Duration, class Predicate>
    bool wait_until(Lock& lock, const std::chrono::time_point<Clock, Duration>& when,
                    Predicate ready) {
        while (!ready()) {
            if (wait_until(lock, when) == cv_status::timeout) return ready();
        }
        return true;
    }

    template <class Lock, class Rep, class Period>
    cv_status wait_for(Lock& lock, const std::chrono::duration<Rep, Period>& relative) {
        return wait_by(lock, detail::after(relative));
    }

    template <class Lock, class Rep, class Period, class Predicate>
    bool wait_for(Lock& lock, const std::chrono::duration<Rep, Period>& relative,
                  Predicate ready) {
        // One deadline for the whole wait, however many spurious wake-ups.
        detail::deadline limit = detail::after(relative);
        while (!ready()) {
            if (wait_by(lock, limit) == cv_status::timeout) return ready();
        }
        return true;
    }

    native_handle_type native_handle() noexcept { return &cond_; }

private:
    template <class Lock>
    static lwp_mutex_t* mutex_of(Lock& lock) {
        static_assert(std::is_base_of_v<detail::mutex_base, typename Lock::mutex_type>,
                      "lwp::condition_variable waits with a lock on an lwp mutex");
        return lock.mutex()->native_handle();
    }

    template <class Lock>
    cv_status wait_by(Lock& lock, const detail::deadline& limit) {
        int error = lwp_cond_clockwait(&cond_, mutex_of(lock), limit.clock, &limit.when);
        return error == ETIMEDOUT ? cv_status::timeout : cv_status::no_timeout;
    }

    lwp_cond_t cond_ = LWP_COND_INITIALIZER;
};

// ------------------------------------------------------------------ barrier

namespace detail {
// What a barrier constructed without a completion function runs between
// phases.
struct no_completion {
    void operator()() const noexcept {}
};
}  // namespace detail

// std::barrier. Each phase expects `expected` arrivals, less one for every
// arrive_and_drop so far; the arrival that completes the count runs the
// completion function on its own thread, and only then are the phase's
// waiters released and the next phase begun.
//
// One lwp mutex guards the counts and the phase number, and a condition
// variable wakes waiters when the number moves. The mutex alone orders
// memory as the standard asks: every arrival releases it after its own
// writes and the last one runs the completion holding it, so the completion
// sees them all; a waiter leaves only after reading the new number under the
// mutex, taken after the completion's holder released it, so it sees the
// completion's writes. Waiters never look at the phase without the mutex,
// so the completing thread's unlock is its last access to the barrier: once
// every waiter has returned, the barrier may go, even while that thread is
// still returning from arrive() or arrive_and_drop().
//
// The completion runs with the mutex held, so it must not call this
// barrier's members (it would deadlock); threads arriving for the next phase
// meanwhile wait for the mutex, which puts them in the next phase, and a wait
// on a finished phase's token, which otherwise returns as soon as it has the
// mutex, waits for it too.
//
// The standard's preconditions are checked: expected < 0, update <= 0, an
// update greater than the arrivals the phase still expects, and
// arrive_and_drop when it expects none throw std::system_error(EINVAL) when
// exceptions are enabled and trap otherwise. (In a hosted program an lwp
// thread cannot throw at all; there they must simply hold.)
//
// bool wait() is lwp's own addition: arrive_and_wait() that returns true to
// the caller whose arrival completed the phase (lwp_barrier_wait's serial
// thread); in a barrier used only through it, exactly one caller per phase.
template <class CompletionFunction = detail::no_completion>
class barrier {
    static_assert(std::is_nothrow_invocable_v<CompletionFunction&>,
                  "a barrier's completion function is called as an lvalue and must not throw");

public:
    // Names the phase an arrival belongs to.
    class arrival_token {
        friend class barrier;
        explicit arrival_token(std::uint64_t phase) noexcept : phase_(phase) {}
        std::uint64_t phase_;
    };

    static constexpr std::ptrdiff_t max() noexcept { return PTRDIFF_MAX; }

    explicit barrier(std::ptrdiff_t expected, CompletionFunction completion = CompletionFunction())
        : completion_(std::move(completion)), expected_(expected), remaining_(expected) {
        if (expected < 0) detail::fail(EINVAL, "lwp::barrier");
    }
    barrier(const barrier&) = delete;
    barrier& operator=(const barrier&) = delete;

    [[nodiscard]] arrival_token arrive(std::ptrdiff_t update = 1) {
        unique_lock<mutex> lock(mutex_);
        arrival_token token(phase_);
        count_down(update, false, "lwp::barrier::arrive");
        return token;
    }

    void wait(arrival_token&& token) const {
        unique_lock<mutex> lock(mutex_);
        sleep_through(lock, token.phase_);
    }

    bool wait() {
        unique_lock<mutex> lock(mutex_);
        std::uint64_t phase = phase_;
        if (count_down(1, false, "lwp::barrier::wait")) return true;
        sleep_through(lock, phase);
        return false;
    }
    void arrive_and_wait() { (void)wait(); }

    void arrive_and_drop() {
        unique_lock<mutex> lock(mutex_);
        count_down(1, true, "lwp::barrier::arrive_and_drop");
    }

private:
    // With mutex_ held. Returns whether this arrival completed the phase.
    bool count_down(std::ptrdiff_t update, bool drop, const char* what) {
        if (update <= 0 || update > remaining_) detail::fail(EINVAL, what);
        if (drop) --expected_;
        remaining_ -= update;
        if (remaining_ != 0) return false;
        completion_();
        remaining_ = expected_;
        ++phase_;
        // Under the mutex: a woken waiter must take it back before it reads
        // phase_, so none leaves before our unlock.
        phase_changed_.notify_all();
        return true;
    }

    void sleep_through(unique_lock<mutex>& lock, std::uint64_t phase) const {
        while (phase_ == phase) phase_changed_.wait(lock);
    }

    CompletionFunction completion_;
    mutable mutex mutex_;
    mutable condition_variable phase_changed_;
    std::ptrdiff_t expected_;   // arrivals each phase from the next one on
    std::ptrdiff_t remaining_;  // arrivals the current phase still expects
    std::uint64_t phase_ = 0;   // 64 bits: never wraps, so a token's phase is never reused
};

// --------------------------------------------------------------- semaphores

template <std::ptrdiff_t LeastMaxValue = LWP_SEM_VALUE_MAX>
class counting_semaphore {
    static_assert(LeastMaxValue >= 0 && LeastMaxValue <= LWP_SEM_VALUE_MAX,
                  "lwp semaphores count up to LWP_SEM_VALUE_MAX");

public:
    static constexpr std::ptrdiff_t max() noexcept { return LeastMaxValue; }

    // 0 <= desired <= max().
    constexpr explicit counting_semaphore(std::ptrdiff_t desired) noexcept
        : semaphore_{static_cast<std::uint64_t>(desired), 0, 0, {0, 0}} {}
    counting_semaphore(const counting_semaphore&) = delete;
    counting_semaphore& operator=(const counting_semaphore&) = delete;

    // EOVERFLOW (more than LWP_SEM_VALUE_MAX units) is a precondition
    // violation; it throws std::system_error or traps.
    void release(std::ptrdiff_t update = 1) {
        for (; update > 0; --update)
            detail::check(lwp_sem_post(&semaphore_), "lwp::counting_semaphore::release");
    }

    void acquire() {
        while (lwp_sem_wait(&semaphore_) == EINTR) {
        }
    }
    bool try_acquire() noexcept { return lwp_sem_trywait(&semaphore_) == 0; }

    template <class Rep, class Period>
    bool try_acquire_for(const std::chrono::duration<Rep, Period>& relative) {
        return acquire_by(detail::after(relative)) == 0;
    }
    template <class Clock, class Duration>
    bool try_acquire_until(const std::chrono::time_point<Clock, Duration>& when) {
        return detail::keep_trying_until(
                   when, [this](const detail::deadline& limit) { return acquire_by(limit); }) == 0;
    }

private:
    int acquire_by(const detail::deadline& limit) {
        int error;
        while ((error = lwp_sem_clockwait(&semaphore_, limit.clock, &limit.when)) == EINTR) {
        }
        return error;
    }

    lwp_sem_t semaphore_;
};

using binary_semaphore = counting_semaphore<1>;

// --------------------------------------------------------------------- once

class once_flag {
public:
    constexpr once_flag() noexcept = default;
    once_flag(const once_flag&) = delete;
    once_flag& operator=(const once_flag&) = delete;

private:
    template <class Callable, class... Arguments>
    friend void call_once(once_flag& flag, Callable&& callable, Arguments&&... arguments);

    lwp_once_t once_ = LWP_ONCE_INIT;
};

// Runs callable once per flag; everyone returns after it has finished. If it
// throws, the flag is left unrun and the exception propagates; another caller
// (or the next call) tries again, as std::call_once specifies.
template <class Callable, class... Arguments>
void call_once(once_flag& flag, Callable&& callable, Arguments&&... arguments) {
    // Fast path, inline: one acquire load (pairs with lwp_once_commit's
    // release, so the routine's effects are visible).
    if (__atomic_load_n(&flag.once_.state, __ATOMIC_ACQUIRE) == LWP_ONCE_DONE) return;
    if (!lwp_once_begin(&flag.once_)) return;
#if __cpp_exceptions
    try {
        std::invoke(std::forward<Callable>(callable), std::forward<Arguments>(arguments)...);
    } catch (...) {
        lwp_once_abandon(&flag.once_);
        throw;
    }
#else
    std::invoke(std::forward<Callable>(callable), std::forward<Arguments>(arguments)...);
#endif
    lwp_once_commit(&flag.once_);
}

}  // namespace lwp
