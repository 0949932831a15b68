// Robust mutexes (LWP_MUTEX_ROBUST): a holder that ends holding one, however
// it ends (a return, lwp_exit, a detached thread whose stack is unmapped, a
// process killed by SIGKILL), leaves it to the next locker with EOWNERDEAD;
// lwp_mutex_consistent repairs it, an unlock without that makes it not
// recoverable for everyone (ENOTRECOVERABLE), sleepers included. The word is
// the owner field in the kernel's robust-futex format, and the kernel's view
// of each thread's robust list (get_robust_list) is checked where it matters.
//
// Hosted: only lwp threads may lock a robust mutex (a glibc thread already
// has glibc's robust list: ENOTSUP), so every lock happens on an lwp thread
// and results are checked on the main thread after the join. Waits for
// another thread's progress are bounded; a sleeper a missed wake would leave
// asleep for ever is woken by the test (unstick) so the test fails instead
// of hanging.
#include <gtest/gtest.h>
#include <linux/futex.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <new>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

#include "process_probe.hpp"
#include "sync_test_support.hpp"

using namespace sync_test;

namespace {

constexpr int all_kinds[] = {LWP_MUTEX_NORMAL, LWP_MUTEX_RECURSIVE, LWP_MUTEX_ERRORCHECK};

void init_robust(lwp_mutex_t* mutex, int kind, int pshared = LWP_PROCESS_PRIVATE) {
    lwp_mutexattr_t attr;
    lwp_mutexattr_init(&attr);
    EXPECT_EQ(0, lwp_mutexattr_settype(&attr, kind));
    EXPECT_EQ(0, lwp_mutexattr_setpshared(&attr, pshared));
    EXPECT_EQ(0, lwp_mutexattr_setrobust(&attr, LWP_MUTEX_ROBUST));
    EXPECT_EQ(0, lwp_mutex_init(mutex, &attr));
    lwp_mutexattr_destroy(&attr);
}

lwp_mutex_t make_robust_mutex(int kind) {
    lwp_mutex_t mutex;
    init_robust(&mutex, kind);
    return mutex;
}

// The futex word of a robust mutex: its owner field.
int word_of(lwp_mutex_t& mutex) {
    return std::atomic_ref<int>(mutex.owner).load(std::memory_order_relaxed);
}

// What the kernel will walk when the calling thread dies: the list it has
// registered (get_robust_list), read on that thread. No heap: lwp threads.
struct kernel_list_view {
    bool registered = false;
    const void* head = nullptr;
    long word_offset = 0;
    int count = 0;  // -1: longer than `entries`, or not closed
    const void* entries[128] = {};
};

kernel_list_view kernel_list_of_this_thread() {
    kernel_list_view view;
    robust_list_head* head = nullptr;
    size_t length = 0;
    if (syscall(SYS_get_robust_list, 0, &head, &length) != 0 || head == nullptr ||
        length != sizeof *head)
        return view;
    view.registered = true;
    view.head = head;
    view.word_offset = head->futex_offset;
    const robust_list* entry = head->list.next;
    while (entry != &head->list && entry != nullptr && view.count < 128) {
        view.entries[view.count++] = entry;
        entry = entry->next;
    }
    if (entry != &head->list) view.count = -1;
    return view;
}

// A mutex's entry in its holder's list, as the kernel sees it, and the
// offset from an entry to the futex word the kernel marks.
const void* entry_of(lwp_mutex_t& mutex) { return &mutex.robust_link[1]; }
constexpr long expected_word_offset =
    static_cast<long>(offsetof(lwp_mutex_t, owner)) -
    static_cast<long>(offsetof(lwp_mutex_t, robust_link) + sizeof(void*));

// Polls `condition` from the main thread for up to `seconds`.
template <class Condition>
bool eventually(Condition condition, int seconds = 10) {
    timespec give_up = after_ms(CLOCK_MONOTONIC, seconds * 1000L);
    while (!condition()) {
        if (reached(CLOCK_MONOTONIC, give_up)) return false;
        usleep(500);
    }
    return true;
}

// Whether thread `tid` of this process is asleep in a futex call on `word`
// (/proc/self/task/<tid>/syscall: number and first argument).
bool sleeps_on(int tid, const void* word) {
    if (tid == 0) return false;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/self/task/%d/syscall", tid);
    std::FILE* file = std::fopen(path, "r");
    if (file == nullptr) return false;
    long number = -1;
    unsigned long argument = 0;
    bool asleep = std::fscanf(file, "%ld %lx", &number, &argument) == 2 && number == SYS_futex &&
                  argument == reinterpret_cast<unsigned long>(word);
    std::fclose(file);
    return asleep;
}

// After a test has already failed because sleepers did not wake: make the
// word look freed by a death and wake everyone, so the threads can be joined.
void unstick(lwp_mutex_t& mutex) {
    std::atomic_ref<int>(mutex.owner).store(FUTEX_OWNER_DIED, std::memory_order_relaxed);
    // Both kinds of wake: a sleeper on the wrong kind is the likely fault.
    syscall(SYS_futex, &mutex.owner, FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
    syscall(SYS_futex, &mutex.owner, FUTEX_WAKE_PRIVATE, INT_MAX, nullptr, nullptr, 0);
}

// Ends the calling lwp thread from a few frames down.
[[noreturn]] void exit_from_depth(int depth) {
    if (depth > 0) exit_from_depth(depth - 1);
    lwp_exit(nullptr);
}

// On a fresh lwp thread: locks `mutex`, then ends holding it.
int end_holding(lwp_mutex_t& mutex, int* holder_tid = nullptr) {
    return on_other_thread([&] {
        if (holder_tid) *holder_tid = lwp_gettid();
        return lwp_mutex_lock(&mutex);
    });
}

// An lwp thread that locks `mutex` (sleeping while it is held), records what
// it got and the word it then saw, repairs the mutex and unlocks it.
struct repairing_sleeper {
    lwp_mutex_t& mutex;
    std::atomic<int> tid{0};
    std::atomic<bool> done{false};
    int locked = -1, word = 0, repaired = -1, unlocked = -1;
    lwp::thread thread;  // last: everything above exists before it starts

    explicit repairing_sleeper(lwp_mutex_t& mutex_to_lock)
        : mutex(mutex_to_lock), thread([this] {
              tid.store(lwp_gettid());
              locked = lwp_mutex_lock(&mutex);
              word = word_of(mutex);
              repaired = lwp_mutex_consistent(&mutex);
              unlocked = lwp_mutex_unlock(&mutex);
              done.store(true);
          }) {}

    bool asleep() { return eventually([&] { return sleeps_on(tid.load(), &mutex.owner); }); }

    // Waits for it to finish; if it never wakes, fails by returning false
    // after waking it by force, so that it can be joined.
    bool woken() {
        bool finished = eventually([&] { return done.load(); });
        if (!finished) unstick(mutex);
        thread.join();
        return finished;
    }
};

}  // namespace

TEST(SyncMutexRobust, RobustnessAttributeValidatesInput) {
    lwp_mutexattr_t attr;
    ASSERT_EQ(0, lwp_mutexattr_init(&attr));
    int robustness = -1;
    ASSERT_EQ(0, lwp_mutexattr_getrobust(&attr, &robustness));
    EXPECT_EQ(LWP_MUTEX_STALLED, robustness);
    EXPECT_EQ(EINVAL, lwp_mutexattr_setrobust(&attr, 2));
    EXPECT_EQ(EINVAL, lwp_mutexattr_setrobust(&attr, -1));
    EXPECT_EQ(EINVAL, lwp_mutexattr_setrobust(nullptr, LWP_MUTEX_ROBUST));
    EXPECT_EQ(EINVAL, lwp_mutexattr_getrobust(&attr, nullptr));
    EXPECT_EQ(EINVAL, lwp_mutexattr_getrobust(nullptr, &robustness));
    ASSERT_EQ(0, lwp_mutexattr_getrobust(&attr, &robustness));
    EXPECT_EQ(LWP_MUTEX_STALLED, robustness);  // failed calls changed nothing
    ASSERT_EQ(0, lwp_mutexattr_setrobust(&attr, LWP_MUTEX_ROBUST));
    ASSERT_EQ(0, lwp_mutexattr_getrobust(&attr, &robustness));
    EXPECT_EQ(LWP_MUTEX_ROBUST, robustness);
    // Kept apart from the type and the sharing.
    ASSERT_EQ(0, lwp_mutexattr_settype(&attr, LWP_MUTEX_ERRORCHECK));
    ASSERT_EQ(0, lwp_mutexattr_setpshared(&attr, LWP_PROCESS_SHARED));
    ASSERT_EQ(0, lwp_mutexattr_getrobust(&attr, &robustness));
    EXPECT_EQ(LWP_MUTEX_ROBUST, robustness);
    int kind = -1, shared = -1;
    ASSERT_EQ(0, lwp_mutexattr_gettype(&attr, &kind));
    ASSERT_EQ(0, lwp_mutexattr_getpshared(&attr, &shared));
    EXPECT_EQ(LWP_MUTEX_ERRORCHECK, kind);
    EXPECT_EQ(LWP_PROCESS_SHARED, shared);
    ASSERT_EQ(0, lwp_mutexattr_setrobust(&attr, LWP_MUTEX_STALLED));
    ASSERT_EQ(0, lwp_mutexattr_getrobust(&attr, &robustness));
    EXPECT_EQ(LWP_MUTEX_STALLED, robustness);
    EXPECT_EQ(0, lwp_mutexattr_destroy(&attr));
}

TEST(SyncMutexRobust, TheWordIsTheOwnerFieldAndStateHoldsThree) {
    for (int kind : all_kinds) {
        lwp_mutex_t mutex = make_robust_mutex(kind);
        EXPECT_EQ(3, mutex.state);
        EXPECT_EQ(0, word_of(mutex));
        int tid = 0, locked = -1, word_held = 0, state_held = 0, unlocked = -1;
        lwp::thread user([&] {
            tid = lwp_gettid();
            locked = lwp_mutex_lock(&mutex);
            word_held = word_of(mutex);
            state_held = mutex.state;
            unlocked = lwp_mutex_unlock(&mutex);
        });
        user.join();
        EXPECT_EQ(0, locked) << "kind " << kind;
        EXPECT_EQ(tid, word_held) << "kind " << kind;
        EXPECT_EQ(3, state_held) << "kind " << kind;
        EXPECT_EQ(0, unlocked) << "kind " << kind;
        EXPECT_EQ(0, word_of(mutex)) << "kind " << kind;
        EXPECT_EQ(3, mutex.state) << "kind " << kind;
    }
}

TEST(SyncMutexRobust, MainAndStdThreadsGetNotSupportedAndKeepGlibcsList) {
    for (int kind : all_kinds) {
        lwp_mutex_t mutex = make_robust_mutex(kind);
        robust_list_head* before = nullptr;
        size_t length = 0;
        ASSERT_EQ(0, syscall(SYS_get_robust_list, 0, &before, &length));
        timespec deadline = after_ms(CLOCK_REALTIME, 1000);
        timespec monotonic_deadline = after_ms(CLOCK_MONOTONIC, 1000);
        EXPECT_EQ(ENOTSUP, lwp_mutex_lock(&mutex)) << "kind " << kind;
        EXPECT_EQ(ENOTSUP, lwp_mutex_trylock(&mutex)) << "kind " << kind;
        EXPECT_EQ(ENOTSUP, lwp_mutex_timedlock(&mutex, &deadline)) << "kind " << kind;
        EXPECT_EQ(ENOTSUP, lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &monotonic_deadline))
            << "kind " << kind;
        EXPECT_EQ(0, word_of(mutex)) << "nothing was taken";
        EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));
        EXPECT_EQ(EINVAL, lwp_mutex_consistent(&mutex));
        robust_list_head* after = nullptr;
        ASSERT_EQ(0, syscall(SYS_get_robust_list, 0, &after, &length));
        EXPECT_EQ(before, after) << "glibc's robust list was replaced";

        int std_lock = -1, std_trylock = -1;
        std::thread foreign([&] {
            std_lock = lwp_mutex_lock(&mutex);
            std_trylock = lwp_mutex_trylock(&mutex);
        });
        foreign.join();
        EXPECT_EQ(ENOTSUP, std_lock) << "kind " << kind;
        EXPECT_EQ(ENOTSUP, std_trylock) << "kind " << kind;
        EXPECT_EQ(0, word_of(mutex));
    }
}

TEST(SyncMutexRobust, MainGetsNotSupportedWhileAnLwpThreadHoldsIt) {
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_ERRORCHECK);
    std::atomic<int> step{0};
    int locked = -1, unlocked = -1;
    lwp::thread holder([&] {
        locked = lwp_mutex_lock(&mutex);
        step.store(1);
        while (step.load() != 2) pause_briefly();
        unlocked = lwp_mutex_unlock(&mutex);
    });
    EXPECT_TRUE(eventually([&] { return step.load() == 1; }));
    EXPECT_EQ(ENOTSUP, lwp_mutex_trylock(&mutex));
    EXPECT_EQ(EPERM, lwp_mutex_unlock(&mutex));
    EXPECT_EQ(EINVAL, lwp_mutex_consistent(&mutex));
    EXPECT_EQ(EBUSY, lwp_mutex_destroy(&mutex));
    step.store(2);
    holder.join();
    EXPECT_EQ(0, locked);
    EXPECT_EQ(0, unlocked);
    EXPECT_EQ(0, word_of(mutex));
}

TEST(SyncMutexRobust, AHolderThatReturnsLeavesItOwnerDeadForTheNextLocker) {
    for (int kind : all_kinds) {
        lwp_mutex_t mutex = make_robust_mutex(kind);
        int holder_locked = -1;
        kernel_list_view holder_view;
        lwp::thread holder([&] {
            holder_locked = lwp_mutex_lock(&mutex);
            holder_view = kernel_list_of_this_thread();
        });
        holder.join();
        ASSERT_EQ(0, holder_locked) << "kind " << kind;
        // The kernel knew the mutex: registered, one entry, the right offset.
        EXPECT_TRUE(holder_view.registered) << "kind " << kind;
        EXPECT_EQ(expected_word_offset, holder_view.word_offset);
        ASSERT_EQ(1, holder_view.count) << "kind " << kind;
        EXPECT_EQ(entry_of(mutex), holder_view.entries[0]);
        // Marked as the kernel marks it: no tid, no waiters, owner died.
        EXPECT_EQ(FUTEX_OWNER_DIED, word_of(mutex)) << "kind " << kind;
        EXPECT_EQ(0, lwp_mutex_destroy(&mutex)) << "nobody holds it";

        struct {
            int tid = 0, lock = -1, word = 0, consistent = -1, consistent_again = -1;
            int unlock = -1, relock = -1, word_relocked = 0, unlock_again = -1;
        } next;
        lwp::thread successor([&] {
            next.tid = lwp_gettid();
            next.lock = lwp_mutex_lock(&mutex);
            next.word = word_of(mutex);
            next.consistent = lwp_mutex_consistent(&mutex);
            next.consistent_again = lwp_mutex_consistent(&mutex);
            next.unlock = lwp_mutex_unlock(&mutex);
            next.relock = lwp_mutex_lock(&mutex);
            next.word_relocked = word_of(mutex);
            next.unlock_again = lwp_mutex_unlock(&mutex);
        });
        successor.join();
        EXPECT_EQ(EOWNERDEAD, next.lock) << "kind " << kind;
        EXPECT_EQ(next.tid, next.word) << "kind " << kind << ": the word names the new holder";
        EXPECT_EQ(0, next.consistent) << "kind " << kind;
        EXPECT_EQ(EINVAL, next.consistent_again) << "kind " << kind << ": already consistent";
        EXPECT_EQ(0, next.unlock) << "kind " << kind;
        EXPECT_EQ(0, next.relock) << "kind " << kind;
        EXPECT_EQ(next.tid, next.word_relocked) << "kind " << kind;
        EXPECT_EQ(0, next.unlock_again) << "kind " << kind;
        EXPECT_EQ(0, word_of(mutex)) << "kind " << kind;
        EXPECT_EQ(0, lwp_mutex_destroy(&mutex));
    }
}

TEST(SyncMutexRobust, TrylockTimedlockAndClocklockReportOwnerDeadToo) {
    enum { by_trylock, by_timedlock, by_clocklock, by_past_deadline };
    for (int kind : all_kinds) {
        for (int how : {by_trylock, by_timedlock, by_clocklock, by_past_deadline}) {
            lwp_mutex_t mutex = make_robust_mutex(kind);
            ASSERT_EQ(0, end_holding(mutex));
            int tid = 0, taken = -1, word = 0, consistent = -1, unlocked = -1;
            lwp::thread successor([&] {
                tid = lwp_gettid();
                timespec realtime = after_ms(CLOCK_REALTIME, 10000);
                timespec monotonic = after_ms(CLOCK_MONOTONIC, 10000);
                timespec past = {0, 0};  // never judged: the word is free to take
                switch (how) {
                    case by_trylock:
                        taken = lwp_mutex_trylock(&mutex);
                        break;
                    case by_timedlock:
                        taken = lwp_mutex_timedlock(&mutex, &realtime);
                        break;
                    case by_clocklock:
                        taken = lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &monotonic);
                        break;
                    default:
                        taken = lwp_mutex_timedlock(&mutex, &past);
                        break;
                }
                word = word_of(mutex);
                consistent = lwp_mutex_consistent(&mutex);
                unlocked = lwp_mutex_unlock(&mutex);
            });
            successor.join();
            EXPECT_EQ(EOWNERDEAD, taken) << "kind " << kind << " way " << how;
            EXPECT_EQ(tid, word) << "kind " << kind << " way " << how;
            EXPECT_EQ(0, consistent) << "kind " << kind << " way " << how;
            EXPECT_EQ(0, unlocked) << "kind " << kind << " way " << how;
            EXPECT_EQ(0, word_of(mutex)) << "kind " << kind << " way " << how;
        }
    }
}

TEST(SyncMutexRobust, EachDeathIsReportedAgainUntilMadeConsistent) {
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_ERRORCHECK);
    ASSERT_EQ(0, end_holding(mutex));
    // The second holder dies without making it consistent: still owner-dead.
    EXPECT_EQ(EOWNERDEAD, end_holding(mutex));
    EXPECT_EQ(FUTEX_OWNER_DIED, word_of(mutex));
    // The third makes it consistent, then dies holding it: reported afresh.
    EXPECT_EQ(0, on_other_thread([&] {
                  int locked = lwp_mutex_lock(&mutex);
                  int repaired = lwp_mutex_consistent(&mutex);
                  return locked == EOWNERDEAD && repaired == 0 ? 0 : 1;
              }));
    EXPECT_EQ(FUTEX_OWNER_DIED, word_of(mutex));
    EXPECT_EQ(0, on_other_thread([&] {
                  int locked = lwp_mutex_lock(&mutex);
                  int repaired = lwp_mutex_consistent(&mutex);
                  int unlocked = lwp_mutex_unlock(&mutex);
                  return locked == EOWNERDEAD && repaired == 0 && unlocked == 0 ? 0 : 1;
              }));
    EXPECT_EQ(0, word_of(mutex));
    // And healthy again: a plain lock and unlock.
    EXPECT_EQ(0, on_other_thread([&] {
                  int locked = lwp_mutex_lock(&mutex);
                  return locked == 0 ? lwp_mutex_unlock(&mutex) : locked;
              }));
}

TEST(SyncMutexRobust, ARecursiveHolderDyingDeepHandsOverDepthOne) {
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_RECURSIVE);
    int depth_reached = 0;
    lwp::thread holder([&] {
        for (int i = 0; i < 3; ++i)
            if (lwp_mutex_lock(&mutex) == 0) ++depth_reached;
    });
    holder.join();
    EXPECT_EQ(3, depth_reached);
    EXPECT_EQ(FUTEX_OWNER_DIED, word_of(mutex));
    int tid = 0, locked = -1, consistent = -1, unlocked = -1, word_after = -1, unlock_free = -1;
    lwp::thread successor([&] {
        tid = lwp_gettid();
        locked = lwp_mutex_lock(&mutex);
        consistent = lwp_mutex_consistent(&mutex);
        unlocked = lwp_mutex_unlock(&mutex);  // depth 1: this frees it
        word_after = word_of(mutex);
        unlock_free = lwp_mutex_unlock(&mutex);
    });
    successor.join();
    EXPECT_EQ(EOWNERDEAD, locked);
    EXPECT_EQ(0, consistent);
    EXPECT_EQ(0, unlocked);
    EXPECT_EQ(0, word_after);
    EXPECT_EQ(EPERM, unlock_free);
}

TEST(SyncMutexRobust, UnlockWithoutConsistentMakesItNotRecoverable) {
    for (int kind : all_kinds) {
        lwp_mutex_t mutex = make_robust_mutex(kind);
        ASSERT_EQ(0, end_holding(mutex));
        struct {
            int lock = -1, unlock = -1, relock = -1, trylock = -1, timedlock = -1;
            int clocklock = -1, unlock_after = -1, consistent_after = -1, word = -1;
        } r;
        lwp::thread user([&] {
            r.lock = lwp_mutex_lock(&mutex);
            r.unlock = lwp_mutex_unlock(&mutex);  // inconsistent: the end of it
            r.relock = lwp_mutex_lock(&mutex);
            r.trylock = lwp_mutex_trylock(&mutex);
            timespec realtime = after_ms(CLOCK_REALTIME, 10000);
            r.timedlock = lwp_mutex_timedlock(&mutex, &realtime);
            timespec monotonic = after_ms(CLOCK_MONOTONIC, 10000);
            r.clocklock = lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &monotonic);
            r.unlock_after = lwp_mutex_unlock(&mutex);
            r.consistent_after = lwp_mutex_consistent(&mutex);
            r.word = word_of(mutex);
        });
        user.join();
        EXPECT_EQ(EOWNERDEAD, r.lock) << "kind " << kind;
        EXPECT_EQ(0, r.unlock) << "kind " << kind;
        EXPECT_EQ(ENOTRECOVERABLE, r.relock) << "kind " << kind;
        EXPECT_EQ(ENOTRECOVERABLE, r.trylock) << "kind " << kind;
        EXPECT_EQ(ENOTRECOVERABLE, r.timedlock) << "kind " << kind;
        EXPECT_EQ(ENOTRECOVERABLE, r.clocklock) << "kind " << kind;
        EXPECT_EQ(EPERM, r.unlock_after) << "kind " << kind;
        EXPECT_EQ(EINVAL, r.consistent_after) << "kind " << kind;
        EXPECT_EQ(0, r.word) << "kind " << kind << ": not held by anyone";
        // Another thread is told the same, and so is a later one.
        EXPECT_EQ(ENOTRECOVERABLE, on_other_thread([&] { return lwp_mutex_lock(&mutex); }));
        EXPECT_EQ(ENOTRECOVERABLE, on_other_thread([&] { return lwp_mutex_trylock(&mutex); }));
        EXPECT_EQ(EPERM, on_other_thread([&] { return lwp_mutex_unlock(&mutex); }));
        // Destroyed and initialised again, it is a fresh mutex.
        EXPECT_EQ(0, lwp_mutex_destroy(&mutex));
        init_robust(&mutex, kind);
        EXPECT_EQ(0, on_other_thread([&] {
                      int locked = lwp_mutex_lock(&mutex);
                      return locked == 0 ? lwp_mutex_unlock(&mutex) : locked;
                  }));
    }
}

TEST(SyncMutexRobust, ALiveHoldersMutexKeepsEveryRule) {
    for (int kind : all_kinds) {
        lwp_mutex_t mutex = make_robust_mutex(kind);
        std::atomic<int> step{0};
        struct {
            int lock = -1, relock = -1, relock_again = -1, self_trylock = -1, self_timed = -1;
            int consistent = -1, unlocks[3] = {-1, -1, -1}, extra_unlock = -1;
        } holder_results;
        lwp::thread holder([&] {
            holder_results.lock = lwp_mutex_lock(&mutex);
            if (kind == LWP_MUTEX_RECURSIVE) {
                holder_results.relock = lwp_mutex_lock(&mutex);
                holder_results.relock_again = lwp_mutex_trylock(&mutex);
            } else if (kind == LWP_MUTEX_ERRORCHECK) {
                holder_results.relock = lwp_mutex_lock(&mutex);
                holder_results.relock_again = lwp_mutex_timedlock(&mutex, nullptr);
            } else {
                // A normal mutex relocked by its holder deadlocks until the deadline.
                timespec deadline = after_ms(CLOCK_MONOTONIC, 20);
                holder_results.self_timed = lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &deadline);
            }
            if (kind != LWP_MUTEX_RECURSIVE)
                holder_results.self_trylock = lwp_mutex_trylock(&mutex);
            holder_results.consistent = lwp_mutex_consistent(&mutex);  // it is consistent
            step.store(1);
            while (step.load() != 2) pause_briefly();
            int unlocks = kind == LWP_MUTEX_RECURSIVE ? 3 : 1;
            for (int i = 0; i < unlocks; ++i) holder_results.unlocks[i] = lwp_mutex_unlock(&mutex);
            holder_results.extra_unlock = lwp_mutex_unlock(&mutex);
        });
        EXPECT_TRUE(eventually([&] { return step.load() == 1; }));
        struct {
            int trylock = -1, timedlock = -1, clocklock = -1, bad_deadline = -1, unlock = -1;
            int consistent = -1;
        } other;
        lwp::thread stranger([&] {
            other.trylock = lwp_mutex_trylock(&mutex);
            timespec realtime = after_ms(CLOCK_REALTIME, 30);
            other.timedlock = lwp_mutex_timedlock(&mutex, &realtime);
            timespec monotonic = after_ms(CLOCK_MONOTONIC, 30);
            other.clocklock = lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &monotonic);
            timespec bad = {0, 2000000000L};
            other.bad_deadline = lwp_mutex_timedlock(&mutex, &bad);
            other.unlock = lwp_mutex_unlock(&mutex);
            other.consistent = lwp_mutex_consistent(&mutex);
        });
        stranger.join();
        EXPECT_EQ(EBUSY, lwp_mutex_destroy(&mutex)) << "kind " << kind;
        step.store(2);
        holder.join();

        EXPECT_EQ(0, holder_results.lock) << "kind " << kind;
        if (kind == LWP_MUTEX_RECURSIVE) {
            EXPECT_EQ(0, holder_results.relock);
            EXPECT_EQ(0, holder_results.relock_again);
            for (int result : holder_results.unlocks) EXPECT_EQ(0, result);
        } else {
            EXPECT_EQ(0, holder_results.unlocks[0]) << "kind " << kind;
            EXPECT_EQ(EBUSY, holder_results.self_trylock) << "kind " << kind;
        }
        if (kind == LWP_MUTEX_ERRORCHECK) {
            EXPECT_EQ(EDEADLK, holder_results.relock);
            EXPECT_EQ(EINVAL, holder_results.relock_again) << "timedlock without a deadline";
        }
        if (kind == LWP_MUTEX_NORMAL) EXPECT_EQ(ETIMEDOUT, holder_results.self_timed);
        EXPECT_EQ(EINVAL, holder_results.consistent) << "kind " << kind;
        EXPECT_EQ(EPERM, holder_results.extra_unlock) << "kind " << kind;
        EXPECT_EQ(EBUSY, other.trylock) << "kind " << kind;
        EXPECT_EQ(ETIMEDOUT, other.timedlock) << "kind " << kind;
        EXPECT_EQ(ETIMEDOUT, other.clocklock) << "kind " << kind;
        EXPECT_EQ(EINVAL, other.bad_deadline) << "kind " << kind;
        EXPECT_EQ(EPERM, other.unlock) << "kind " << kind;
        EXPECT_EQ(EINVAL, other.consistent) << "kind " << kind;
        EXPECT_EQ(0, word_of(mutex)) << "kind " << kind;
        EXPECT_EQ(0, lwp_mutex_destroy(&mutex)) << "kind " << kind;
    }
}

TEST(SyncMutexRobust, ConsistentRejectsWhatItCannotRepair) {
    EXPECT_EQ(EINVAL, lwp_mutex_consistent(nullptr));
    lwp_mutex_t plain = LWP_ERRORCHECK_MUTEX_INITIALIZER;
    EXPECT_EQ(EINVAL, on_other_thread([&] {
                  lwp_mutex_lock(&plain);
                  int result = lwp_mutex_consistent(&plain);
                  lwp_mutex_unlock(&plain);
                  return result;
              }));
    lwp_mutex_t robust = make_robust_mutex(LWP_MUTEX_NORMAL);
    EXPECT_EQ(EINVAL, on_other_thread([&] { return lwp_mutex_consistent(&robust); }));
    // Owner-dead but not held by the caller: not its to repair.
    ASSERT_EQ(0, end_holding(robust));
    EXPECT_EQ(EINVAL, on_other_thread([&] { return lwp_mutex_consistent(&robust); }));
    EXPECT_EQ(FUTEX_OWNER_DIED, word_of(robust));
}

TEST(SyncMutexRobust, ASleeperIsWokenWithOwnerDeadWhenTheHolderEnds) {
    for (int kind : all_kinds) {
        lwp_mutex_t mutex = make_robust_mutex(kind);
        std::atomic<int> holder_tid{0};
        std::atomic<bool> end_now{false};
        int holder_locked = -1;
        lwp::thread holder([&] {
            holder_locked = lwp_mutex_lock(&mutex);
            holder_tid.store(lwp_gettid());
            while (!end_now.load()) pause_briefly();
        });
        EXPECT_TRUE(eventually([&] { return holder_tid.load() != 0; }));
        repairing_sleeper sleeper(mutex);
        bool slept = sleeper.asleep();
        EXPECT_TRUE(slept) << "kind " << kind;
        const int word_while_sleeping = word_of(mutex);
        end_now.store(true);
        holder.join();
        EXPECT_TRUE(sleeper.woken()) << "kind " << kind << ": the sleeper was not woken by the death";
        EXPECT_EQ(0, holder_locked);
        if (slept) {
            EXPECT_EQ(holder_tid.load() | FUTEX_WAITERS, word_while_sleeping) << "kind " << kind;
        }
        EXPECT_EQ(EOWNERDEAD, sleeper.locked) << "kind " << kind;
        EXPECT_EQ(sleeper.tid.load(), sleeper.word & FUTEX_TID_MASK) << "kind " << kind;
        EXPECT_EQ(0, sleeper.word & FUTEX_OWNER_DIED) << "kind " << kind;
        EXPECT_EQ(0, sleeper.repaired) << "kind " << kind;
        EXPECT_EQ(0, sleeper.unlocked) << "kind " << kind;
        EXPECT_EQ(0, word_of(mutex)) << "kind " << kind;
    }
}

// A death wakes one sleeper: it alone gets EOWNERDEAD, and once it has made
// the mutex consistent and unlocked it, the other sleeper gets it plainly.
TEST(SyncMutexRobust, OfTwoSleepersOneGetsOwnerDeadAndHandsOnAHealthyMutex) {
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_NORMAL);
    std::atomic<bool> holding{false}, end_now{false};
    lwp::thread holder([&] {
        lwp_mutex_lock(&mutex);
        holding.store(true);
        while (!end_now.load()) pause_briefly();
    });
    EXPECT_TRUE(eventually([&] { return holding.load(); }));
    constexpr int sleeper_count = 2;
    std::atomic<int> tids[sleeper_count] = {};
    int results[sleeper_count] = {-1, -1}, repaired[sleeper_count] = {-1, -1};
    std::atomic<int> done{0};
    std::vector<lwp::thread> sleepers;
    for (int i = 0; i < sleeper_count; ++i)
        sleepers.emplace_back([&, i] {
            tids[i].store(lwp_gettid());
            results[i] = lwp_mutex_lock(&mutex);
            repaired[i] = results[i] == EOWNERDEAD ? lwp_mutex_consistent(&mutex) : 0;
            lwp_mutex_unlock(&mutex);
            done.fetch_add(1);
        });
    for (int i = 0; i < sleeper_count; ++i)
        EXPECT_TRUE(eventually([&] { return sleeps_on(tids[i].load(), &mutex.owner); }));
    end_now.store(true);
    holder.join();
    bool all_done = eventually([&] { return done.load() == sleeper_count; });
    EXPECT_TRUE(all_done) << "a sleeper was left asleep";
    if (!all_done) unstick(mutex);
    for (auto& sleeper : sleepers) sleeper.join();
    int owner_dead = 0, plain = 0;
    for (int i = 0; i < sleeper_count; ++i) {
        owner_dead += results[i] == EOWNERDEAD;
        plain += results[i] == 0;
        EXPECT_EQ(0, repaired[i]);
    }
    EXPECT_EQ(1, owner_dead);
    EXPECT_EQ(1, plain);
    EXPECT_EQ(0, word_of(mutex));
}

TEST(SyncMutexRobust, EverySleeperIsToldWhenItBecomesNotRecoverable) {
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_ERRORCHECK);
    ASSERT_EQ(0, end_holding(mutex));
    std::atomic<int> repairer_locked{-1};
    std::atomic<bool> give_up{false};
    int repairer_unlocked = -1;
    lwp::thread repairer([&] {
        repairer_locked.store(lwp_mutex_lock(&mutex));
        while (!give_up.load()) pause_briefly();
        repairer_unlocked = lwp_mutex_unlock(&mutex);  // without lwp_mutex_consistent
    });
    EXPECT_TRUE(eventually([&] { return repairer_locked.load() != -1; }));
    EXPECT_EQ(EOWNERDEAD, repairer_locked.load());
    constexpr int sleeper_count = 6;
    std::atomic<int> tids[sleeper_count] = {};
    int results[sleeper_count];
    std::fill(results, results + sleeper_count, -1);
    std::atomic<int> done{0};
    std::vector<lwp::thread> sleepers;
    for (int i = 0; i < sleeper_count; ++i)
        sleepers.emplace_back([&, i] {
            tids[i].store(lwp_gettid());
            timespec realtime = after_ms(CLOCK_REALTIME, 120000);
            timespec monotonic = after_ms(CLOCK_MONOTONIC, 120000);
            switch (i % 3) {
                case 0:
                    results[i] = lwp_mutex_lock(&mutex);
                    break;
                case 1:
                    results[i] = lwp_mutex_timedlock(&mutex, &realtime);
                    break;
                default:
                    results[i] = lwp_mutex_clocklock(&mutex, CLOCK_MONOTONIC, &monotonic);
                    break;
            }
            done.fetch_add(1);
        });
    for (int i = 0; i < sleeper_count; ++i)
        EXPECT_TRUE(eventually([&] { return sleeps_on(tids[i].load(), &mutex.owner); }))
            << "sleeper " << i;
    give_up.store(true);
    repairer.join();
    bool all_done = eventually([&] { return done.load() == sleeper_count; });
    EXPECT_TRUE(all_done) << done.load() << " of " << sleeper_count << " sleepers returned";
    if (!all_done) unstick(mutex);
    for (auto& sleeper : sleepers) sleeper.join();
    EXPECT_EQ(0, repairer_unlocked);
    for (int i = 0; i < sleeper_count; ++i)
        EXPECT_EQ(ENOTRECOVERABLE, results[i]) << "sleeper " << i;
    EXPECT_EQ(0, word_of(mutex)) << "nobody kept it";
}

namespace {

enum class ending { by_return, by_exit };

struct ending_holder {
    lwp_mutex_t* mutex = nullptr;
    ending how = ending::by_return;
    std::atomic<int> lock_result{-1};
    std::atomic<const void*> stack_address{nullptr};
};

void* hold_and_end(void* argument) {
    auto* holder = static_cast<ending_holder*>(argument);
    volatile int on_the_stack = 0;
    holder->stack_address.store(const_cast<int*>(&on_the_stack));
    holder->lock_result.store(lwp_mutex_lock(holder->mutex));
    if (holder->how == ending::by_exit) exit_from_depth(3);
    return nullptr;
}

}  // namespace

TEST(SyncMutexRobust, AJoinableHolderEndingByLwpExitLeavesItOwnerDead) {
    for (int kind : all_kinds) {
        lwp_mutex_t mutex = make_robust_mutex(kind);
        ending_holder holder;
        holder.mutex = &mutex;
        holder.how = ending::by_exit;
        lwp_t thread;
        ASSERT_EQ(0, lwp_create(&thread, nullptr, hold_and_end, &holder));
        ASSERT_EQ(0, lwp_join(thread, nullptr));
        EXPECT_EQ(0, holder.lock_result.load()) << "kind " << kind;
        EXPECT_EQ(FUTEX_OWNER_DIED, word_of(mutex)) << "kind " << kind;
        EXPECT_EQ(0, on_other_thread([&] {
                      int locked = lwp_mutex_lock(&mutex);
                      int repaired = lwp_mutex_consistent(&mutex);
                      int unlocked = lwp_mutex_unlock(&mutex);
                      return locked == EOWNERDEAD && repaired == 0 && unlocked == 0 ? 0 : 1;
                  }))
            << "kind " << kind;
    }
}

// With the stack cache off, a detached thread unmaps its own stack, robust
// list included, before it exits: the kernel finds nothing to walk, so lwp
// must have marked what it held itself.
TEST(SyncMutexRobust, ADetachedHolderWhoseStackIsUnmappedLeavesItOwnerDead) {
    const size_t old_limit = lwp_stack_cache_limit();
    ASSERT_EQ(0, lwp_stack_cache_set_limit(0));
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    ASSERT_EQ(0, lwp_attr_setdetachstate(&attr, LWP_CREATE_DETACHED));
    for (ending how : {ending::by_return, ending::by_exit}) {
        for (int kind : all_kinds) {
            const int way = how == ending::by_exit ? 1 : 0;
            lwp_mutex_t mutex = make_robust_mutex(kind);
            ending_holder holder;
            holder.mutex = &mutex;
            holder.how = how;
            lwp_t thread;
            ASSERT_EQ(0, lwp_create(&thread, &attr, hold_and_end, &holder));
            // The handle goes stale once the thread releases itself; its stack
            // is unmapped a few instructions later.
            EXPECT_TRUE(eventually([&] { return lwp_join(thread, nullptr) == ESRCH; }));
            EXPECT_TRUE(eventually([&] {
                const void* address = holder.stack_address.load();
                return address != nullptr && !lwp_test::is_mapped(address);
            })) << "the detached thread's stack stayed mapped";
            EXPECT_EQ(0, holder.lock_result.load()) << "kind " << kind << " way " << way;
            EXPECT_EQ(FUTEX_OWNER_DIED, word_of(mutex)) << "kind " << kind << " way " << way;
            int taken = -1, repaired = -1, unlocked = -1;
            lwp::thread successor([&] {
                taken = lwp_mutex_trylock(&mutex);
                repaired = lwp_mutex_consistent(&mutex);
                unlocked = lwp_mutex_unlock(&mutex);
            });
            successor.join();
            EXPECT_EQ(EOWNERDEAD, taken) << "kind " << kind << " way " << way;
            EXPECT_EQ(0, repaired) << "kind " << kind << " way " << way;
            EXPECT_EQ(0, unlocked) << "kind " << kind << " way " << way;
        }
    }
    lwp_attr_destroy(&attr);
    lwp_stack_cache_set_limit(old_limit);
}

namespace {

lwp_key_t destructor_key;
std::atomic<int> destructor_lock_result{-1};

// A thread-specific data destructor that takes a robust mutex and keeps it:
// the thread then ends holding it.
void lock_in_destructor(void* mutex) {
    destructor_lock_result.store(lwp_mutex_lock(static_cast<lwp_mutex_t*>(mutex)));
}

void* set_the_key(void* mutex) {
    lwp_setspecific(destructor_key, mutex);
    return nullptr;
}

}  // namespace

namespace {

// On a fresh lwp thread: trylock's result, after which the mutex is made
// consistent (if it was not) and unlocked (if it was taken).
int try_and_repair(lwp_mutex_t& mutex) {
    return on_other_thread([&] {
        int taken = lwp_mutex_trylock(&mutex);
        if (taken == EOWNERDEAD) lwp_mutex_consistent(&mutex);
        if (taken == 0 || taken == EOWNERDEAD) lwp_mutex_unlock(&mutex);
        return taken;
    });
}

}  // namespace

// Thread-specific data destructors run at the thread's end, before lwp
// empties the robust list itself: a mutex one of them leaves locked is marked
// with the rest.
TEST(SyncMutexRobust, AMutexLockedByAThreadSpecificDataDestructorOfAJoinableThread) {
    ASSERT_EQ(0, lwp_key_create(&destructor_key, lock_in_destructor));
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_NORMAL);
    destructor_lock_result = -1;
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, set_the_key, &mutex));
    ASSERT_EQ(0, lwp_join(thread, nullptr));
    EXPECT_EQ(0, destructor_lock_result.load());
    EXPECT_EQ(FUTEX_OWNER_DIED, word_of(mutex));
    EXPECT_EQ(EOWNERDEAD, try_and_repair(mutex));
    EXPECT_EQ(0, lwp_key_delete(destructor_key));
}

// The same for a detached thread whose stack is unmapped at its end: the
// kernel can no longer read the list, so only lwp can mark the mutex.
TEST(SyncMutexRobust, AMutexLockedByAThreadSpecificDataDestructorOfAnUnmappedThread) {
    const size_t old_limit = lwp_stack_cache_limit();
    ASSERT_EQ(0, lwp_stack_cache_set_limit(0));
    ASSERT_EQ(0, lwp_key_create(&destructor_key, lock_in_destructor));
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_NORMAL);
    destructor_lock_result = -1;
    lwp_attr_t attr;
    lwp_attr_init(&attr);
    lwp_attr_setdetachstate(&attr, LWP_CREATE_DETACHED);
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, &attr, set_the_key, &mutex));
    lwp_attr_destroy(&attr);
    EXPECT_TRUE(eventually([&] { return lwp_join(thread, nullptr) == ESRCH; }));
    EXPECT_EQ(0, destructor_lock_result.load());
    const int holder = word_of(mutex) & FUTEX_TID_MASK;
    // Gone from the kernel too (the thread's exit follows the unmap at once).
    EXPECT_TRUE(
        eventually([&] { return holder == 0 || syscall(SYS_tgkill, getpid(), holder, 0) != 0; }));
    EXPECT_EQ(FUTEX_OWNER_DIED, word_of(mutex));
    EXPECT_EQ(EOWNERDEAD, try_and_repair(mutex));
    EXPECT_EQ(0, lwp_key_delete(destructor_key));
    lwp_stack_cache_set_limit(old_limit);
}

namespace {

// A scrambled history on `count` mutexes that ends with exactly `keep` held:
// every mutex locked in one order, the others unlocked in another, half of
// those relocked and unlocked again in a third, and some kept ones unlocked
// and relocked (moving them to the front of the list).
struct lock_history {
    std::vector<int> steps;  // index + 1: lock; -(index + 1): unlock
    std::vector<bool> keep;
};

lock_history scrambled_history(int count, int kept, unsigned seed) {
    std::mt19937 random(seed);
    lock_history history;
    history.keep.assign(count, false);
    std::vector<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    for (int i = 0; i < kept; ++i) history.keep[order[i]] = true;
    std::shuffle(order.begin(), order.end(), random);
    for (int index : order) history.steps.push_back(index + 1);
    std::shuffle(order.begin(), order.end(), random);
    std::vector<int> released;
    for (int index : order)
        if (!history.keep[index]) {
            history.steps.push_back(-(index + 1));
            released.push_back(index);
        }
    std::shuffle(released.begin(), released.end(), random);
    released.resize(released.size() / 2);
    for (int index : released) history.steps.push_back(index + 1);
    std::shuffle(released.begin(), released.end(), random);
    for (int index : released) history.steps.push_back(-(index + 1));
    std::shuffle(order.begin(), order.end(), random);
    int moved = 0;
    for (int index : order)
        if (history.keep[index] && moved++ < kept / 2) {
            history.steps.push_back(-(index + 1));
            history.steps.push_back(index + 1);
        }
    return history;
}

// Runs the history on the calling (lwp) thread; the number of calls that
// did not return 0.
int run_history(const lock_history& history, lwp_mutex_t* mutexes) {
    int failures = 0;
    for (int step : history.steps) {
        int result =
            step > 0 ? lwp_mutex_lock(&mutexes[step - 1]) : lwp_mutex_unlock(&mutexes[-step - 1]);
        if (result != 0) ++failures;
    }
    return failures;
}

}  // namespace

TEST(SyncMutexRobust, OfManyMutexesExactlyTheOnesStillHeldAreOwnerDead) {
    constexpr int count = 64, kept = 23;
    for (unsigned seed : {1u, 2u, 3u}) {
        auto mutexes = std::make_unique<lwp_mutex_t[]>(count);
        for (int i = 0; i < count; ++i) init_robust(&mutexes[i], all_kinds[i % 3]);
        const lock_history history = scrambled_history(count, kept, seed);
        int failures = -1;
        kernel_list_view view;
        lwp::thread holder([&] {
            failures = run_history(history, mutexes.get());
            view = kernel_list_of_this_thread();
        });
        holder.join();
        EXPECT_EQ(0, failures) << "seed " << seed;
        // The kernel's list holds exactly the kept mutexes, each once.
        ASSERT_EQ(kept, view.count) << "seed " << seed;
        for (int i = 0; i < count; ++i) {
            int seen = static_cast<int>(
                std::count(view.entries, view.entries + view.count, entry_of(mutexes[i])));
            EXPECT_EQ(history.keep[i] ? 1 : 0, seen) << "seed " << seed << " mutex " << i;
            EXPECT_EQ(history.keep[i] ? FUTEX_OWNER_DIED : 0, word_of(mutexes[i]))
                << "seed " << seed << " mutex " << i;
        }
        std::vector<int> taken(count, -1), released(count, -1);
        lwp::thread successor([&] {
            for (int i = 0; i < count; ++i) {
                taken[i] = lwp_mutex_trylock(&mutexes[i]);
                if (taken[i] == EOWNERDEAD) lwp_mutex_consistent(&mutexes[i]);
                released[i] = lwp_mutex_unlock(&mutexes[i]);
            }
        });
        successor.join();
        for (int i = 0; i < count; ++i) {
            EXPECT_EQ(history.keep[i] ? EOWNERDEAD : 0, taken[i])
                << "seed " << seed << " mutex " << i;
            EXPECT_EQ(0, released[i]) << "seed " << seed << " mutex " << i;
            EXPECT_EQ(0, word_of(mutexes[i]));
        }
    }
}

namespace {

// One condition-variable round on a robust mutex of `kind`: a waiter takes it
// (twice if recursive) and waits, timed or not, until told to go or given an
// error; a signaller takes the mutex once the waiter waits, tells it to go,
// signals, and then unlocks the mutex or, if `signaller_ends_holding`, ends
// holding it. The waiter then records the word it holds, repairs the mutex,
// unlocks it as deep as it locked it, and once more.
struct cond_round {
    int waiter_tid = 0, last_wait = -1, word_after = -1, repaired = -1;
    int unlocks[2] = {-1, -1}, extra_unlock = -1;
    int signaller_failures = 0;
};

cond_round run_cond_round(int kind, bool timed, bool signaller_ends_holding) {
    lwp_mutex_t mutex = make_robust_mutex(kind);
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    bool waiting = false, go = false;  // both only under the mutex
    cond_round round;
    lwp::thread waiter([&] {
        round.waiter_tid = lwp_gettid();
        lwp_mutex_lock(&mutex);
        if (kind == LWP_MUTEX_RECURSIVE) lwp_mutex_lock(&mutex);
        waiting = true;
        while (!go) {
            timespec deadline = after_ms(CLOCK_REALTIME, 60000);
            round.last_wait = timed ? lwp_cond_timedwait(&cond, &mutex, &deadline)
                                    : lwp_cond_wait(&cond, &mutex);
            if (round.last_wait != 0) break;
        }
        round.word_after = word_of(mutex);
        round.repaired = lwp_mutex_consistent(&mutex);
        round.unlocks[0] = lwp_mutex_unlock(&mutex);
        if (kind == LWP_MUTEX_RECURSIVE) round.unlocks[1] = lwp_mutex_unlock(&mutex);
        round.extra_unlock = lwp_mutex_unlock(&mutex);
    });
    lwp::thread signaller([&] {
        for (;;) {
            if (lwp_mutex_lock(&mutex) != 0) ++round.signaller_failures;
            if (waiting) break;
            lwp_mutex_unlock(&mutex);
            pause_briefly();
        }
        go = true;
        lwp_cond_signal(&cond);
        if (!signaller_ends_holding && lwp_mutex_unlock(&mutex) != 0) ++round.signaller_failures;
    });
    signaller.join();
    waiter.join();
    EXPECT_EQ(0, word_of(mutex));  // the waiter's last unlock freed it
    return round;
}

}  // namespace

TEST(SyncMutexRobust, ConditionVariableWaitsReleaseAndRetakeIt) {
    for (int kind : all_kinds) {
        for (int timed = 0; timed < 2; ++timed) {
            cond_round round = run_cond_round(kind, timed, /*signaller_ends_holding=*/false);
            EXPECT_EQ(0, round.signaller_failures);
            EXPECT_EQ(0, round.last_wait) << "kind " << kind << " timed " << timed;
            // Held by the waiter (FUTEX_WAITERS may stay set after a sleep).
            EXPECT_EQ(round.waiter_tid, round.word_after & FUTEX_TID_MASK)
                << "kind " << kind << " timed " << timed;
            EXPECT_EQ(0, round.word_after & FUTEX_OWNER_DIED) << "kind " << kind << " timed " << timed;
            EXPECT_EQ(EINVAL, round.repaired);  // it was never inconsistent
            EXPECT_EQ(0, round.unlocks[0]) << "kind " << kind << " timed " << timed;
            if (kind == LWP_MUTEX_RECURSIVE) EXPECT_EQ(0, round.unlocks[1]);
            EXPECT_EQ(EPERM, round.extra_unlock) << "kind " << kind << " timed " << timed;
        }
    }
}

TEST(SyncMutexRobust, AConditionWaitThatTimesOutStillHoldsTheMutex) {
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_ERRORCHECK);
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    int tid = 0, waited = -1, word = 0, unlocked = -1;
    lwp::thread waiter([&] {
        tid = lwp_gettid();
        lwp_mutex_lock(&mutex);
        timespec deadline = after_ms(CLOCK_MONOTONIC, 20);
        waited = lwp_cond_clockwait(&cond, &mutex, CLOCK_MONOTONIC, &deadline);
        word = word_of(mutex);
        unlocked = lwp_mutex_unlock(&mutex);
    });
    waiter.join();
    EXPECT_EQ(ETIMEDOUT, waited);
    EXPECT_EQ(tid, word);
    EXPECT_EQ(0, unlocked);
}

// The waiter is signalled by a thread that then ends holding the mutex: the
// wait's relock finds the holder dead.
TEST(SyncMutexRobust, AConditionWaitReturnsOwnerDeadWhenTheHolderDiedMeanwhile) {
    for (int kind : all_kinds) {
        for (int timed = 0; timed < 2; ++timed) {
            cond_round round = run_cond_round(kind, timed, /*signaller_ends_holding=*/true);
            EXPECT_EQ(0, round.signaller_failures);
            EXPECT_EQ(EOWNERDEAD, round.last_wait) << "kind " << kind << " timed " << timed;
            EXPECT_EQ(round.waiter_tid, round.word_after & FUTEX_TID_MASK) << "kind " << kind;
            EXPECT_EQ(0, round.repaired) << "kind " << kind << " timed " << timed;
            EXPECT_EQ(0, round.unlocks[0]) << "kind " << kind;
            // A recursive mutex comes back at the depth it was waited at.
            if (kind == LWP_MUTEX_RECURSIVE) EXPECT_EQ(0, round.unlocks[1]);
            EXPECT_EQ(EPERM, round.extra_unlock) << "kind " << kind << " timed " << timed;
        }
    }
}

// The relock finds the mutex made not recoverable meanwhile: the wait
// returns ENOTRECOVERABLE without the mutex.
TEST(SyncMutexRobust, AConditionWaitReturnsNotRecoverableWhenItWasGivenUpMeanwhile) {
    lwp_mutex_t mutex = make_robust_mutex(LWP_MUTEX_ERRORCHECK);
    lwp_cond_t cond = LWP_COND_INITIALIZER;
    std::atomic<bool> waiting{false};
    bool go = false;
    std::atomic<int> waiter_tid{0};
    int waited = -1, unlock_after = -1;
    lwp::thread waiter([&] {
        waiter_tid.store(lwp_gettid());
        lwp_mutex_lock(&mutex);
        waiting.store(true);
        while (!go) {
            waited = lwp_cond_wait(&cond, &mutex);
            if (waited != 0) break;
        }
        unlock_after = lwp_mutex_unlock(&mutex);
    });
    // Once the waiter has released it in its wait, a thread ends holding it.
    int first_lock = -1;
    lwp::thread dying([&] {
        for (;;) {
            first_lock = lwp_mutex_lock(&mutex);
            if (waiting.load()) break;
            lwp_mutex_unlock(&mutex);
            pause_briefly();
        }
    });
    dying.join();
    std::atomic<int> step{0};
    int taken = -1, given_up = -1;
    lwp::thread giving_up([&] {
        taken = lwp_mutex_lock(&mutex);  // EOWNERDEAD: held, inconsistent
        go = true;
        lwp_cond_signal(&cond);
        step.store(1);
        while (step.load() != 2) pause_briefly();
        given_up = lwp_mutex_unlock(&mutex);  // without consistent
    });
    EXPECT_TRUE(eventually([&] { return step.load() == 1; }));
    // The waiter, woken, sleeps in its relock behind the holder.
    EXPECT_TRUE(eventually([&] { return sleeps_on(waiter_tid.load(), &mutex.owner); }));
    step.store(2);
    giving_up.join();
    waiter.join();
    EXPECT_EQ(0, first_lock);
    EXPECT_EQ(EOWNERDEAD, taken);
    EXPECT_EQ(0, given_up);
    EXPECT_EQ(ENOTRECOVERABLE, waited);
    EXPECT_EQ(EPERM, unlock_after) << "the wait returned without the mutex";
    EXPECT_EQ(0, word_of(mutex));
}

namespace {

// Memory shared with a forked child.
struct shared_region {
    lwp_mutex_t mutexes[64];
    std::atomic<int> ready;
    std::atomic<int> failures;
    std::atomic<int> holder_tid;
};

shared_region* map_shared_region() {
    void* memory = mmap(nullptr, sizeof(shared_region), PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) return nullptr;
    auto* region = new (memory) shared_region{};
    return region;
}

struct child_holder_plan {
    shared_region* region;
    const lock_history* history;  // null: lock mutexes[0] only
};

// In the child: runs the plan on an lwp thread, reports, and sleeps until
// the parent kills the process.
void* hold_until_killed(void* argument) {
    auto* plan = static_cast<child_holder_plan*>(argument);
    int failures = plan->history ? run_history(*plan->history, plan->region->mutexes)
                                 : (lwp_mutex_lock(&plan->region->mutexes[0]) != 0);
    plan->region->failures.store(failures);
    plan->region->holder_tid.store(lwp_gettid());
    plan->region->ready.store(1);
    for (;;) pause();
}

// Forks a child whose lwp thread runs `plan`; returns its pid once the
// thread has reported (or the child is gone, or 30 s went by).
pid_t fork_holder(child_holder_plan* plan) {
    pid_t child = fork();
    if (child == 0) {
        lwp_t thread;
        if (lwp_create(&thread, nullptr, hold_until_killed, plan) != 0) _exit(3);
        for (;;) pause();
    }
    if (child > 0)
        eventually([&] {
            return plan->region->ready.load() != 0 || waitpid(child, nullptr, WNOHANG) == child;
        });
    return child;
}

// SIGKILL and reap; true if the child died of that signal.
bool kill_and_reap(pid_t child) {
    kill(child, SIGKILL);
    int status = 0;
    if (waitpid(child, &status, 0) != child) return false;
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

}  // namespace

// The child's thread is killed with its process: only the kernel's walk of
// its robust list can mark the mutex, and wake the parent's sleeper.
TEST(SyncMutexRobust, TheKernelMarksASharedMutexOfAKilledProcessAndWakesASleeper) {
    for (int kind : all_kinds) {
        shared_region* region = map_shared_region();
        ASSERT_NE(nullptr, region);
        init_robust(&region->mutexes[0], kind, LWP_PROCESS_SHARED);
        lwp_mutex_t& mutex = region->mutexes[0];
        child_holder_plan plan{region, nullptr};
        pid_t child = fork_holder(&plan);
        ASSERT_GT(child, 0);
        EXPECT_EQ(1, region->ready.load()) << "the child's thread never reported";
        EXPECT_EQ(0, region->failures.load());
        const int holder = region->holder_tid.load();
        EXPECT_EQ(holder, word_of(mutex));

        repairing_sleeper sleeper(mutex);
        EXPECT_TRUE(sleeper.asleep());
        EXPECT_EQ(holder | FUTEX_WAITERS, word_of(mutex));
        EXPECT_TRUE(kill_and_reap(child));
        EXPECT_TRUE(sleeper.woken()) << "kind " << kind << ": the kernel's wake did not reach the sleeper";
        EXPECT_EQ(EOWNERDEAD, sleeper.locked) << "kind " << kind;
        EXPECT_EQ(sleeper.tid.load(), sleeper.word & FUTEX_TID_MASK) << "kind " << kind;
        EXPECT_EQ(0, sleeper.repaired) << "kind " << kind;
        EXPECT_EQ(0, sleeper.unlocked) << "kind " << kind;
        EXPECT_EQ(0, word_of(mutex));
        munmap(region, sizeof *region);
    }
}

TEST(SyncMutexRobust, TheKernelWalksAKilledProcesssScrambledListExactly) {
    constexpr int count = 64, kept = 29;
    shared_region* region = map_shared_region();
    ASSERT_NE(nullptr, region);
    for (int i = 0; i < count; ++i)
        init_robust(&region->mutexes[i], all_kinds[i % 3], LWP_PROCESS_SHARED);
    const lock_history history = scrambled_history(count, kept, 77);
    child_holder_plan plan{region, &history};
    pid_t child = fork_holder(&plan);
    ASSERT_GT(child, 0);
    EXPECT_EQ(1, region->ready.load());
    EXPECT_EQ(0, region->failures.load());
    const int holder = region->holder_tid.load();
    for (int i = 0; i < count; ++i)
        EXPECT_EQ(history.keep[i] ? holder : 0, word_of(region->mutexes[i])) << "mutex " << i;
    EXPECT_TRUE(kill_and_reap(child));
    // Marked by the kernel itself: tid gone, owner died.
    for (int i = 0; i < count; ++i)
        EXPECT_EQ(history.keep[i] ? FUTEX_OWNER_DIED : 0, word_of(region->mutexes[i]))
            << "mutex " << i;
    std::vector<int> taken(count, -1);
    lwp::thread successor([&] {
        for (int i = 0; i < count; ++i) {
            taken[i] = lwp_mutex_trylock(&region->mutexes[i]);
            if (taken[i] == EOWNERDEAD) lwp_mutex_consistent(&region->mutexes[i]);
            lwp_mutex_unlock(&region->mutexes[i]);
        }
    });
    successor.join();
    for (int i = 0; i < count; ++i)
        EXPECT_EQ(history.keep[i] ? EOWNERDEAD : 0, taken[i]) << "mutex " << i;
    munmap(region, sizeof *region);
}

namespace {

struct forking_holder {
    lwp_mutex_t held;       // private, held by the forking thread across the fork
    shared_region* region;  // mutexes[0]: locked in the child, then the child is killed
    long child_verdict = -100;
    int unlock_in_parent = -1;
};

// In the child: a fresh private robust mutex that a new thread ends holding.
void* lock_and_return(void* mutex) {
    return reinterpret_cast<void*>(
        static_cast<long>(lwp_mutex_lock(static_cast<lwp_mutex_t*>(mutex))));
}

void* fork_while_holding(void* argument) {
    auto* state = static_cast<forking_holder*>(argument);
    if (lwp_mutex_lock(&state->held) != 0) return nullptr;
    pid_t child = fork();
    if (child == 0) {
        // The parent's thread holds it, not us.
        if (lwp_mutex_unlock(&state->held) != EPERM) _exit(11);
        if (lwp_mutex_trylock(&state->held) != EBUSY) _exit(12);
        // The kernel forgot the parent thread's list; lwp registered an empty
        // one of ours in its place.
        kernel_list_view view = kernel_list_of_this_thread();
        if (!view.registered || view.count != 0 || view.word_offset != expected_word_offset)
            _exit(13);
        // A new thread ending holding a fresh mutex: owner-dead for us.
        lwp_mutex_t fresh;
        lwp_mutexattr_t attr;
        lwp_mutexattr_init(&attr);
        lwp_mutexattr_setrobust(&attr, LWP_MUTEX_ROBUST);
        if (lwp_mutex_init(&fresh, &attr) != 0) _exit(21);
        lwp_t thread;
        void* result = reinterpret_cast<void*>(-1L);
        if (lwp_create(&thread, nullptr, lock_and_return, &fresh) != 0) _exit(14);
        if (lwp_join(thread, &result) != 0 || result != nullptr) _exit(15);
        if (lwp_mutex_lock(&fresh) != EOWNERDEAD) _exit(16);
        if (lwp_mutex_consistent(&fresh) != 0 || lwp_mutex_unlock(&fresh) != 0) _exit(17);
        // Our own list reaches the kernel: lock a shared mutex and die by
        // SIGKILL still holding it; the parent finds it owner-dead.
        if (lwp_mutex_lock(&state->region->mutexes[0]) != 0) _exit(18);
        view = kernel_list_of_this_thread();
        if (view.count != 1 || view.entries[0] != entry_of(state->region->mutexes[0])) _exit(19);
        kill(getpid(), SIGKILL);
        _exit(20);
    }
    if (child > 0) {
        int status = 0;
        if (waitpid(child, &status, 0) == child)
            state->child_verdict =
                WIFSIGNALED(status) ? (WTERMSIG(status) == SIGKILL ? 0 : -1) : WEXITSTATUS(status);
    }
    state->unlock_in_parent = lwp_mutex_unlock(&state->held);
    return nullptr;
}

}  // namespace

TEST(SyncMutexRobust, AChildForkedByAHolderOwnsNothingAndKeepsItsOwnList) {
    shared_region* region = map_shared_region();
    ASSERT_NE(nullptr, region);
    init_robust(&region->mutexes[0], LWP_MUTEX_ERRORCHECK, LWP_PROCESS_SHARED);
    forking_holder state;
    init_robust(&state.held, LWP_MUTEX_ERRORCHECK);
    state.region = region;
    lwp_t forker;
    ASSERT_EQ(0, lwp_create(&forker, nullptr, fork_while_holding, &state));
    ASSERT_EQ(0, lwp_join(forker, nullptr));
    EXPECT_EQ(0, state.child_verdict) << "the child's failed check (exit code)";
    EXPECT_EQ(0, state.unlock_in_parent) << "the parent's thread still held it";
    EXPECT_EQ(FUTEX_OWNER_DIED, word_of(region->mutexes[0]));
    EXPECT_EQ(EOWNERDEAD, on_other_thread([&] {
                  int taken = lwp_mutex_lock(&region->mutexes[0]);
                  if (taken == EOWNERDEAD) lwp_mutex_consistent(&region->mutexes[0]);
                  if (taken == 0 || taken == EOWNERDEAD) lwp_mutex_unlock(&region->mutexes[0]);
                  return taken;
              }));
    munmap(region, sizeof *region);
}

TEST(SyncMutexRobust, ProcessSharedRobustMutexCountsExactlyBetweenThreads) {
    shared_region* region = map_shared_region();
    ASSERT_NE(nullptr, region);
    lwp_mutex_t& mutex = region->mutexes[0];
    init_robust(&mutex, LWP_MUTEX_NORMAL, LWP_PROCESS_SHARED);
    constexpr int per_thread = 20000;
    long counter = 0;
    std::atomic<int> failures{0};
    run_mixed(4, 0, [&](int) {
        for (int i = 0; i < per_thread; ++i) {
            if (lwp_mutex_lock(&mutex) != 0) failures.fetch_add(1);
            ++counter;
            if (lwp_mutex_unlock(&mutex) != 0) failures.fetch_add(1);
        }
    });
    EXPECT_EQ(0, failures.load());
    EXPECT_EQ(4L * per_thread, counter);
    EXPECT_EQ(0, word_of(mutex));
    munmap(region, sizeof *region);
}
