// A signal storm: SIGUSR1 about every 50 µs, to the process and to chosen
// threads, while lwp threads and a std::thread join, contend on a mutex, pass
// items through condition variables and semaphores, meet at a barrier and
// share a read-write lock. The handler touches thread_local data. Every count
// must come out exact and nothing may deadlock; the run is bounded by
// iterations, never by time. Runs twice: handler installed with SA_RESTART
// and without (then interrupted futex waits come back early; the blocking lwp
// calls must absorb that, and lwp_sem_* report EINTR, which callers retry).
#include <gtest/gtest.h>
#include <lwp/lwp.hpp>
#include <signal.h>

#include <atomic>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "figures.hpp"
#include "runtime/sys/syscalls.hpp"

namespace {

using lwp_torture::figure;
using lwp_torture::scaled;

// ------------------------------------------------------------- the handler

// .tdata with a non-zero initializer: a handler on a thread whose TLS block
// was not set up (or not copied) reads something else.
thread_local int tls_tag = 0x5eed;
// Bumped by the handler on its own thread; lock-free, so async-signal-safe.
thread_local std::atomic<long> handled_here{0};

std::atomic<long> handled_total{0};
std::atomic<long> tls_mismatches{0};

void on_sigusr1(int) {
    if (tls_tag != 0x5eed) tls_mismatches.fetch_add(1, std::memory_order_relaxed);
    handled_here.fetch_add(1, std::memory_order_relaxed);
}

// Adds the calling thread's handler count to the total (signals that land
// after this are delivered but not counted: the figure is a lower bound).
void publish_handled() {
    handled_total.fetch_add(handled_here.exchange(0, std::memory_order_relaxed),
                            std::memory_order_relaxed);
}

// ------------------------------------------------ targets for tgkill

constexpr int max_targets = 64;
std::atomic<int> target_tids[max_targets];
std::atomic<int> enrolled{0};

struct enrollment {
    int slot;
    enrollment() : slot(enrolled.fetch_add(1, std::memory_order_relaxed)) {
        if (slot < max_targets) target_tids[slot].store(lwp_gettid(), std::memory_order_release);
    }
    ~enrollment() {
        // Withdrawn before the thread ends. A tgkill already under way may
        // still name this tid; the kernel delivers only within our thread
        // group, so at worst another of our threads (which handles it) or
        // nobody (ESRCH) gets it.
        if (slot < max_targets) target_tids[slot].store(0, std::memory_order_release);
        publish_handled();
    }
};

// ------------------------------------------------------ the signaller

struct storm {
    std::atomic<bool> stop{false};
    std::atomic<long> sent{0};
    int main_tid = 0;
};

// An lwp thread using lwp's raw syscall wrappers only: kill(2) every fourth
// signal (the kernel picks the thread, usually main), tgkill(2) to enrolled
// threads round-robin otherwise. The very first goes to main, which waits for
// it before any work starts, so at least one delivery is certain.
void signaller(storm* state) {
    const int pid = lwp::sys::getpid();
    const timespec pause{0, 50'000};
    long sent = 0;
    int next_slot = 0;
    lwp::sys::tgkill(pid, state->main_tid, SIGUSR1);
    ++sent;
    state->sent.store(sent, std::memory_order_relaxed);
    while (!state->stop.load(std::memory_order_acquire)) {
        lwp::sys::nanosleep(&pause, nullptr);
        long result;
        if (sent % 4 == 0) {
            result = lwp::arch::syscall2(__NR_kill, pid, SIGUSR1);
        } else {
            int tid = 0;
            for (int tries = 0; tries < max_targets && tid == 0; ++tries) {
                next_slot = (next_slot + 1) % max_targets;
                tid = target_tids[next_slot].load(std::memory_order_acquire);
            }
            if (tid == 0) tid = state->main_tid;
            result = lwp::sys::tgkill(pid, tid, SIGUSR1);
        }
        if (result == 0) state->sent.store(++sent, std::memory_order_relaxed);
    }
}

// ------------------------------------------------------------ workloads

struct workload_sizes {
    long mutex_iterations;     // per thread, 4 threads
    long queue_items;          // per producer, 2 producers
    long semaphore_items;      // per producer, 2 producers
    long barrier_rounds;       // 4 threads
    long rwlock_iterations;    // per thread, 2 writers and 2 readers
    long join_cycles;          // create + join from an lwp thread
};

struct shared_state {
    // mutex contention
    lwp_mutex_t counter_lock = LWP_MUTEX_INITIALIZER;
    long counter = 0;
    // condition-variable queue
    static constexpr int capacity = 16;
    lwp_mutex_t queue_lock = LWP_MUTEX_INITIALIZER;
    lwp_cond_t not_empty = LWP_COND_INITIALIZER;
    lwp_cond_t not_full = LWP_COND_INITIALIZER;
    long ring[capacity] = {};
    long head = 0, tail = 0;    // guarded by queue_lock
    long taken = 0;             // items popped so far, guarded by queue_lock
    std::vector<std::atomic<int>>* seen = nullptr;
    std::atomic<long> consumed_sum{0};
    // semaphores
    lwp_sem_t free_slots{};
    lwp_sem_t filled_slots{};
    std::atomic<long> sem_consumed{0};
    std::atomic<long> sem_eintr{0};
    std::atomic<long> sem_unexpected{0};
    // barrier
    lwp_barrier_t barrier{};
    std::atomic<long> barrier_arrivals{0};
    std::atomic<long> barrier_serials{0};
    std::atomic<long> barrier_early{0};  // released before all had arrived
    // read-write lock
    lwp_rwlock_t rwlock = LWP_RWLOCK_INITIALIZER;
    long left = 0, right = 0;  // always equal outside a write
    std::atomic<long> torn_reads{0};
    std::atomic<long> reads_done{0};
    // joins
    std::atomic<long> children_ran{0};
};

timespec far_deadline() {
    timespec when{};
    lwp_clock_now(LWP_CLOCK_REALTIME, &when);
    when.tv_sec += 3600;  // never reached: the timed path, without a time-out
    return when;
}

void contend(shared_state& s, long iterations) {
    for (long i = 0; i < iterations; ++i) {
        lwp_mutex_lock(&s.counter_lock);
        ++s.counter;
        lwp_mutex_unlock(&s.counter_lock);
    }
}

void produce_queue(shared_state& s, long first_item, long count) {
    for (long i = 0; i < count; ++i) {
        lwp_mutex_lock(&s.queue_lock);
        while (s.tail - s.head == shared_state::capacity) lwp_cond_wait(&s.not_full, &s.queue_lock);
        s.ring[s.tail % shared_state::capacity] = first_item + i;
        ++s.tail;
        lwp_cond_signal(&s.not_empty);
        lwp_mutex_unlock(&s.queue_lock);
    }
}

void consume_queue(shared_state& s, long total) {
    timespec deadline = far_deadline();
    for (long popped = 0;; ++popped) {
        lwp_mutex_lock(&s.queue_lock);
        while (s.tail == s.head && s.taken < total) {
            // Alternate untimed and timed waits; either may wake spuriously.
            if (popped % 2) lwp_cond_wait(&s.not_empty, &s.queue_lock);
            else lwp_cond_timedwait(&s.not_empty, &s.queue_lock, &deadline);
        }
        if (s.taken == total) {
            // Everything is out: let the other consumer see it too.
            lwp_cond_broadcast(&s.not_empty);
            lwp_mutex_unlock(&s.queue_lock);
            return;
        }
        long item = s.ring[s.head % shared_state::capacity];
        ++s.head;
        ++s.taken;
        lwp_cond_signal(&s.not_full);
        lwp_mutex_unlock(&s.queue_lock);
        (*s.seen)[item].fetch_add(1, std::memory_order_relaxed);
        s.consumed_sum.fetch_add(item, std::memory_order_relaxed);
    }
}

// Retries EINTR (no SA_RESTART: a handler ended the sleep); anything else but
// success is counted as unexpected.
void sem_take(shared_state& s, lwp_sem_t* sem, bool timed) {
    for (;;) {
        timespec deadline = far_deadline();
        int result = timed ? lwp_sem_timedwait(sem, &deadline) : lwp_sem_wait(sem);
        if (result == 0) return;
        if (result == EINTR) {
            s.sem_eintr.fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        s.sem_unexpected.fetch_add(1, std::memory_order_relaxed);
        return;
    }
}

void sem_produce(shared_state& s, long count) {
    for (long i = 0; i < count; ++i) {
        sem_take(s, &s.free_slots, i % 2 == 0);
        if (lwp_sem_post(&s.filled_slots) != 0) s.sem_unexpected.fetch_add(1);
    }
}

void sem_consume(shared_state& s, long count) {
    for (long i = 0; i < count; ++i) {
        sem_take(s, &s.filled_slots, i % 2 == 1);
        s.sem_consumed.fetch_add(1, std::memory_order_relaxed);
        if (lwp_sem_post(&s.free_slots) != 0) s.sem_unexpected.fetch_add(1);
    }
}

void meet(shared_state& s, long rounds, long parties) {
    for (long round = 0; round < rounds; ++round) {
        s.barrier_arrivals.fetch_add(1, std::memory_order_relaxed);
        if (lwp_barrier_wait(&s.barrier) == LWP_BARRIER_SERIAL_THREAD)
            s.barrier_serials.fetch_add(1, std::memory_order_relaxed);
        // All parties of this round arrived before anyone was released.
        if (s.barrier_arrivals.load(std::memory_order_relaxed) < parties * (round + 1))
            s.barrier_early.fetch_add(1, std::memory_order_relaxed);
    }
}

void write_pairs(shared_state& s, long iterations) {
    timespec deadline = far_deadline();
    for (long i = 0; i < iterations; ++i) {
        if (i % 2) lwp_rwlock_wrlock(&s.rwlock);
        else lwp_rwlock_timedwrlock(&s.rwlock, &deadline);
        ++s.left;
        ++s.right;
        lwp_rwlock_unlock(&s.rwlock);
    }
}

void read_pairs(shared_state& s, long iterations) {
    timespec deadline = far_deadline();
    for (long i = 0; i < iterations; ++i) {
        if (i % 2) lwp_rwlock_rdlock(&s.rwlock);
        else lwp_rwlock_timedrdlock(&s.rwlock, &deadline);
        if (s.left != s.right) s.torn_reads.fetch_add(1, std::memory_order_relaxed);
        lwp_rwlock_unlock(&s.rwlock);
        s.reads_done.fetch_add(1, std::memory_order_relaxed);
    }
}

void join_children(shared_state& s, long cycles) {
    for (long i = 0; i < cycles; ++i) {
        lwp::thread child([&s] { s.children_ran.fetch_add(1, std::memory_order_relaxed); });
        child.join();
    }
}

// ------------------------------------------------------------- the test

void run_storm(bool restart, const char* prefix) {
    const workload_sizes sizes{
        scaled(500'000, 5'000'000), scaled(300'000, 3'000'000), scaled(300'000, 3'000'000),
        scaled(50'000, 500'000),    scaled(200'000, 2'000'000), scaled(20'000, 200'000)};

    struct sigaction action {};
    action.sa_handler = on_sigusr1;
    sigemptyset(&action.sa_mask);
    action.sa_flags = restart ? SA_RESTART : 0;
    struct sigaction previous {};
    ASSERT_EQ(0, sigaction(SIGUSR1, &action, &previous));

    handled_here.store(0);
    handled_total.store(0);
    tls_mismatches.store(0);
    enrolled.store(0);
    for (auto& tid : target_tids) tid.store(0);

    shared_state s;
    std::vector<std::atomic<int>> seen(2 * sizes.queue_items);
    s.seen = &seen;
    ASSERT_EQ(0, lwp_sem_init(&s.free_slots, 0, 8));
    ASSERT_EQ(0, lwp_sem_init(&s.filled_slots, 0, 0));
    ASSERT_EQ(0, lwp_barrier_init(&s.barrier, nullptr, 4));

    storm state;
    state.main_tid = lwp_gettid();
    lwp::thread storm_thread(signaller, &state);
    // Wait for the first signal, aimed at this thread: the storm is on.
    while (handled_here.load() == 0) lwp_yield();

    std::vector<lwp::thread> lwps;
    std::vector<std::thread> stds;
    auto on_lwp = [&lwps](auto body) {
        lwps.emplace_back([body] {
            enrollment me;
            body();
        });
    };
    auto on_std = [&stds](auto body) {
        stds.emplace_back([body] {
            enrollment me;
            body();
        });
    };
    shared_state* sp = &s;
    const long total_items = 2 * sizes.queue_items;
    for (int i = 0; i < 3; ++i) on_lwp([sp, &sizes] { contend(*sp, sizes.mutex_iterations); });
    on_std([sp, &sizes] { contend(*sp, sizes.mutex_iterations); });
    on_lwp([sp, &sizes] { produce_queue(*sp, 0, sizes.queue_items); });
    on_lwp([sp, &sizes] { produce_queue(*sp, sizes.queue_items, sizes.queue_items); });
    on_lwp([sp, total_items] { consume_queue(*sp, total_items); });
    on_std([sp, total_items] { consume_queue(*sp, total_items); });
    on_lwp([sp, &sizes] { sem_produce(*sp, sizes.semaphore_items); });
    on_std([sp, &sizes] { sem_produce(*sp, sizes.semaphore_items); });
    on_lwp([sp, &sizes] { sem_consume(*sp, sizes.semaphore_items); });
    on_lwp([sp, &sizes] { sem_consume(*sp, sizes.semaphore_items); });
    for (int i = 0; i < 3; ++i) on_lwp([sp, &sizes] { meet(*sp, sizes.barrier_rounds, 4); });
    on_std([sp, &sizes] { meet(*sp, sizes.barrier_rounds, 4); });
    for (int i = 0; i < 2; ++i) on_lwp([sp, &sizes] { write_pairs(*sp, sizes.rwlock_iterations); });
    on_lwp([sp, &sizes] { read_pairs(*sp, sizes.rwlock_iterations); });
    on_std([sp, &sizes] { read_pairs(*sp, sizes.rwlock_iterations); });
    on_lwp([sp, &sizes] { join_children(*sp, sizes.join_cycles); });

    // Main joins everything while signals keep landing on it.
    for (auto& t : lwps) t.join();
    for (auto& t : stds) t.join();
    state.stop.store(true, std::memory_order_release);
    storm_thread.join();
    publish_handled();

    // Ignoring the signal discards any still pending before the old action
    // comes back (the default action would end the process).
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGUSR1, &ignore, nullptr);
    sigaction(SIGUSR1, &previous, nullptr);

    const long sent = state.sent.load();
    const long handled = handled_total.load();
    long seen_wrong = 0;
    for (auto& count : seen) seen_wrong += count.load() != 1;
    int free_value = -1, filled_value = -1;
    lwp_sem_getvalue(&s.free_slots, &free_value);
    lwp_sem_getvalue(&s.filled_slots, &filled_value);

    const long operations = 4 * sizes.mutex_iterations + total_items +
                            2 * sizes.semaphore_items + 4 * sizes.barrier_rounds +
                            4 * sizes.rwlock_iterations + sizes.join_cycles;
    std::string p(prefix);
    figure((p + "signals_sent").c_str(), sent);
    figure((p + "signals_handled").c_str(), handled);
    figure((p + "operations").c_str(), operations);
    figure((p + "sem_eintr").c_str(), s.sem_eintr.load());

    EXPECT_EQ(0, tls_mismatches.load());
    EXPECT_GE(handled, 1);
    EXPECT_LE(handled, sent);
    EXPECT_EQ(4 * sizes.mutex_iterations, s.counter);
    EXPECT_EQ(total_items, s.taken);
    EXPECT_EQ(0, seen_wrong);
    EXPECT_EQ(total_items * (total_items - 1) / 2, s.consumed_sum.load());
    EXPECT_EQ(2 * sizes.semaphore_items, s.sem_consumed.load());
    EXPECT_EQ(0, s.sem_unexpected.load());
    EXPECT_EQ(8, free_value);
    EXPECT_EQ(0, filled_value);
    EXPECT_EQ(sizes.barrier_rounds, s.barrier_serials.load());
    EXPECT_EQ(0, s.barrier_early.load());
    EXPECT_EQ(2 * sizes.rwlock_iterations, s.left);
    EXPECT_EQ(s.left, s.right);
    EXPECT_EQ(0, s.torn_reads.load());
    EXPECT_EQ(2 * sizes.rwlock_iterations, s.reads_done.load());
    EXPECT_EQ(sizes.join_cycles, s.children_ran.load());
    EXPECT_EQ(0, lwp_barrier_destroy(&s.barrier));
    EXPECT_EQ(0, lwp_mutex_destroy(&s.counter_lock));
    EXPECT_EQ(0, lwp_rwlock_destroy(&s.rwlock));
}

TEST(SignalStormTorture, EveryCountExactWithSaRestart) { run_storm(true, "storm_sa_restart_"); }

TEST(SignalStormTorture, EveryCountExactWithoutSaRestart) { run_storm(false, "storm_no_restart_"); }

}  // namespace
