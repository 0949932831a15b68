// Boost.Thread, Boost.Fiber and Boost.Context (Debian's libboost-thread-dev,
// libboost-fiber-dev, libboost-context-dev: static archives compiled against
// glibc and libstdc++). Boost.Thread drives pthreads itself: a thread group
// under its mutex, condition variable, barrier and shared_mutex, a
// thread_specific_ptr whose cleanup runs at each thread's exit, call_once,
// interruption of a thread blocked on a condition variable (a
// boost::thread_interrupted exception), futures from packaged_task and
// boost::async. Boost.Fiber switches user-space stacks with Boost.Context's
// assembly: fibers on one thread meeting at its mutex, condition variable
// and channels, and a work-stealing scheduler whose fibers migrate between
// four threads (thread_local state and the switch of stacks under lwp's
// TLS). Boost.Context alone: a generator on a fiber whose stack has a guard
// page (protected_fixedsize_stack: mmap and mprotect). Linked with lwp alone
// this program uses lwp's exceptions library. The output must be the same
// built against glibc and linked with lwp alone.
#define BOOST_THREAD_VERSION 4
#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <boost/fiber/all.hpp>
#include <boost/thread.hpp>
#include <boost/thread/barrier.hpp>
#include <boost/thread/future.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

namespace {

// --- Boost.Thread ---------------------------------------------------------

std::atomic<int> cleanups{0};

struct per_thread_record {
    int owner;
    ~per_thread_record() { cleanups.fetch_add(1); }
};

boost::thread_specific_ptr<per_thread_record> record;
boost::once_flag once = BOOST_ONCE_INIT;
int once_runs = 0;

void boost_thread_group() {
    boost::mutex lock;
    boost::barrier meeting(4);
    long total = 0;
    boost::thread_group group;
    for (int t = 0; t < 4; ++t)
        group.create_thread([&, t] {
            boost::call_once(once, [] { ++once_runs; });
            record.reset(new per_thread_record{t});
            for (int i = 1; i <= 10000; ++i) {
                boost::lock_guard<boost::mutex> hold(lock);
                total += i % 7;
            }
            meeting.wait();
            boost::lock_guard<boost::mutex> hold(lock);
            total += record->owner;
        });
    group.join_all();
    std::printf("thread group: total %ld, call_once ran %d time(s), %d thread-specific cleanups\n", total,
                once_runs, cleanups.load());
}

void boost_handoff_and_shared_mutex() {
    boost::mutex lock;
    boost::condition_variable changed;
    std::vector<int> queue;
    bool finished = false;
    boost::thread consumer([&] {
        long sum = 0;
        boost::unique_lock<boost::mutex> hold(lock);
        for (;;) {
            changed.wait(hold, [&] { return !queue.empty() || finished; });
            for (int value : queue) sum += value;
            queue.clear();
            if (finished) break;
        }
        std::printf("handoff: consumer summed %ld\n", sum);
    });
    for (int i = 1; i <= 1000; ++i) {
        boost::lock_guard<boost::mutex> hold(lock);
        queue.push_back(i);
        changed.notify_one();
    }
    {
        boost::lock_guard<boost::mutex> hold(lock);
        finished = true;
    }
    changed.notify_one();
    consumer.join();

    boost::shared_mutex table_lock;
    std::vector<int> table(16, 0);
    std::atomic<long> reads{0};
    std::vector<boost::thread> workers;
    for (int w = 0; w < 2; ++w)
        workers.emplace_back([&, w] {
            for (int i = 0; i < 500; ++i) {
                boost::unique_lock<boost::shared_mutex> write(table_lock);
                table[(i + w) % 16] += 1;
            }
        });
    for (int r = 0; r < 3; ++r)
        workers.emplace_back([&] {
            for (int i = 0; i < 500; ++i) {
                boost::shared_lock<boost::shared_mutex> read(table_lock);
                int seen = std::accumulate(table.begin(), table.end(), 0);
                if (seen >= 0) reads.fetch_add(1);
            }
        });
    for (auto& worker : workers) worker.join();
    std::printf("shared_mutex: %d writes seen, %ld reads\n", std::accumulate(table.begin(), table.end(), 0),
                reads.load());
}

void boost_interruption_and_futures() {
    boost::mutex lock;
    boost::condition_variable never;
    bool waiting = false;
    boost::condition_variable started;
    boost::thread sleeper([&] {
        boost::unique_lock<boost::mutex> hold(lock);
        waiting = true;
        started.notify_one();
        try {
            for (;;) never.wait(hold);  // an interruption point
        } catch (const boost::thread_interrupted&) {
            std::printf("interruption: the waiting thread caught thread_interrupted\n");
        }
    });
    {
        boost::unique_lock<boost::mutex> hold(lock);
        started.wait(hold, [&] { return waiting; });
    }
    sleeper.interrupt();
    sleeper.join();

    boost::packaged_task<long()> task([] {
        long product = 1;
        for (int i = 1; i <= 15; ++i) product *= i;
        return product;
    });
    boost::future<long> factorial = task.get_future();
    boost::thread runner(std::move(task));
    boost::future<int> answer = boost::async(boost::launch::async, [] { return 6 * 7; });
    boost::future<int> thrown = boost::async(boost::launch::async, []() -> int {
        throw std::runtime_error("from a boost::async thread");
    });
    std::printf("futures: 15! = %ld, async gave %d\n", factorial.get(), answer.get());
    try {
        thrown.get();
    } catch (const std::runtime_error& error) {
        std::printf("futures: get() rethrew \"%s\"\n", error.what());
    }
    runner.join();
}

// --- Boost.Fiber ------------------------------------------------------------

void fibers_on_one_thread() {
    boost::fibers::buffered_channel<int> numbers(8);
    boost::fibers::unbuffered_channel<long> results;
    boost::fibers::mutex lock;
    boost::fibers::condition_variable turn;
    int next_speaker = 0;
    std::vector<int> order;

    boost::fibers::fiber producer([&] {
        for (int i = 1; i <= 100; ++i) numbers.push(i);
        numbers.close();
    });
    boost::fibers::fiber consumer([&] {
        long sum = 0;
        for (int value : numbers) sum += value * value;
        results.push(sum);
    });
    std::vector<boost::fibers::fiber> speakers;
    for (int s = 0; s < 5; ++s)
        speakers.emplace_back([&, s] {
            std::unique_lock<boost::fibers::mutex> hold(lock);
            turn.wait(hold, [&] { return next_speaker == 4 - s; });
            order.push_back(s);
            ++next_speaker;
            turn.notify_all();
        });
    long sum_of_squares = 0;
    results.pop(sum_of_squares);
    producer.join();
    consumer.join();
    for (auto& speaker : speakers) speaker.join();
    std::printf("fibers: channel sum of squares %ld; speakers in order", sum_of_squares);
    for (int s : order) std::printf(" %d", s);
    std::printf("\n");

    boost::fibers::future<int> answer = boost::fibers::async([] {
        boost::this_fiber::yield();
        return 1234;
    });
    std::printf("fibers: async future gave %d\n", answer.get());
}

// A thread's main fiber waiting for the last of the stolen fibers. Boost
// 1.74's work-stealing scheduler can lose the notify_all that wakes a main
// fiber from another thread: about one run in 300 on two loaded cores, the
// program built against glibc as often as linked with lwp, the thread
// spinning in its dispatcher for ever. A timed wait is also woken by the
// scheduler's own clock, so the predicate is looked at again.
template <typename Done>
void wait_for_all(boost::fibers::mutex& lock, boost::fibers::condition_variable_any& done,
                  Done all_done) {
    std::unique_lock<boost::fibers::mutex> hold(lock);
    while (!done.wait_for(hold, std::chrono::milliseconds(10), all_done)) {
    }
}

// Fibers spread over four threads by the work-stealing scheduler: each
// thread installs the scheduler, and the fibers the main thread launches
// may run on any of them. Each fiber records the threads it ran on.
void fibers_work_stealing() {
    constexpr int thread_count = 4;
    constexpr int fiber_count = 200;
    std::atomic<long> total{0};
    std::atomic<int> finished{0};
    boost::fibers::mutex done_lock;
    boost::fibers::condition_variable_any done;
    std::vector<std::thread> helpers;
    boost::fibers::barrier ready(thread_count);  // a fiber barrier: each thread's main fiber
    for (int t = 1; t < thread_count; ++t)
        helpers.emplace_back([&] {
            boost::fibers::use_scheduling_algorithm<boost::fibers::algo::work_stealing>(thread_count);
            ready.wait();
            wait_for_all(done_lock, done, [&] { return finished.load() == fiber_count; });
        });
    boost::fibers::use_scheduling_algorithm<boost::fibers::algo::work_stealing>(thread_count);
    ready.wait();
    for (int f = 0; f < fiber_count; ++f)
        boost::fibers::fiber([&, f] {
            long local = 0;
            for (int step = 0; step < 20; ++step) {
                local += (f * 31 + step) % 17;
                boost::this_fiber::yield();  // a chance to be stolen by another thread
            }
            total.fetch_add(local);
            if (finished.fetch_add(1) + 1 == fiber_count) {
                std::unique_lock<boost::fibers::mutex> hold(done_lock);
                done.notify_all();
            }
        }).detach();
    wait_for_all(done_lock, done, [&] { return finished.load() == fiber_count; });
    for (auto& helper : helpers) helper.join();
    std::printf("work stealing: %d fibers on %d threads, total %ld\n", finished.load(), thread_count,
                total.load());
}

// --- Boost.Context ----------------------------------------------------------

void context_generator() {
    namespace ctx = boost::context;
    long value = 0;
    ctx::fiber generator{std::allocator_arg, ctx::protected_fixedsize_stack(64 * 1024),
                         [&value](ctx::fiber&& caller) {
                             long a = 0, b = 1;
                             for (int i = 0; i < 40; ++i) {
                                 value = a;
                                 long next = a + b;
                                 a = b;
                                 b = next;
                                 caller = std::move(caller).resume();
                             }
                             return std::move(caller);
                         }};
    long sum = 0;
    for (int i = 0; i < 40; ++i) {
        generator = std::move(generator).resume();
        sum += value;
    }
    std::printf("context: the generator's 40 Fibonacci numbers sum to %ld, last %ld\n", sum, value);
}

}  // namespace

int main() {
    boost_thread_group();
    boost_handoff_and_shared_mutex();
    boost_interruption_and_futures();
    fibers_on_one_thread();
    fibers_work_stealing();
    context_generator();
    return 0;
}
