// C++ exceptions in a program whose whole runtime is lwp (built with
// exceptions and RTTI, linked with lwp's exceptions library): throw and
// catch on many threads at once, std::exception_ptr carried between
// threads, the exceptions libstdc++ itself throws (std::bad_alloc from
// operator new, std::out_of_range, std::invalid_argument), std::thread and
// std::mutex on lwp's threads, and destructors run by pthread_exit and by
// cancellation, which a catch (...) sees and must rethrow.
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../integration/check.h"

namespace {

struct counted_error {
    int value;
};

std::atomic<int> destroyed{0};
struct noted {
    ~noted() { destroyed.fetch_add(1); }
};

int thrower(int depth, int value) {
    noted on_the_way;
    if (depth == 0) throw counted_error{value};
    return thrower(depth - 1, value) + 1;
}

void* catch_many(void* argument) {
    int base = static_cast<int>(reinterpret_cast<std::intptr_t>(argument));
    long caught = 0;
    for (int i = 0; i < 1000; ++i) {
        try {
            thrower(i % 8, base + i);
        } catch (const counted_error& error) {
            if (error.value == base + i) ++caught;
        }
    }
    return reinterpret_cast<void*>(caught);
}

std::exception_ptr carried;
void* make_exception_ptr_on_thread(void*) {
    try {
        throw std::bad_alloc();
    } catch (...) {
        carried = std::current_exception();
    }
    return nullptr;
}

void* exit_through_destructors(void*) {
    noted outer;
    {
        noted inner;
        pthread_exit(reinterpret_cast<void*>(5));
    }
    return nullptr;
}

std::atomic<bool> inside_catch_all{false};
std::atomic<bool> saw_the_cancellation{false};
int pipe_ends[2];
void* cancelled_through_catch_all(void*) {
    noted outer;
    try {
        inside_catch_all = true;
        char byte;
        for (;;) (void)read(pipe_ends[0], &byte, 1);
    } catch (...) {
        saw_the_cancellation = true;
        throw;  // a thread's exit must go on
    }
    return nullptr;
}

void* join(pthread_t thread) {
    void* result = nullptr;
    CHECK(pthread_join(thread, &result) == 0);
    return result;
}

}  // namespace

int main() {
    pthread_t threads[4];
    for (int i = 0; i < 4; ++i)
        CHECK(pthread_create(&threads[i], nullptr, catch_many,
                             reinterpret_cast<void*>(static_cast<std::intptr_t>(i * 10000))) == 0);
    for (pthread_t thread : threads) CHECK(join(thread) == reinterpret_cast<void*>(1000));
    CHECK_EQ(destroyed.load(), 4 * (1000 / 8) * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8));

    pthread_t thread;
    CHECK(pthread_create(&thread, nullptr, make_exception_ptr_on_thread, nullptr) == 0);
    join(thread);
    CHECK(carried != nullptr);
    bool rethrown = false;
    try {
        std::rethrow_exception(carried);
    } catch (const std::bad_alloc& error) {
        rethrown = std::strcmp(error.what(), "std::bad_alloc") == 0;
    }
    CHECK(rethrown);

    // What the library throws, caught on std::threads that share a std::mutex.
    std::mutex mutex;
    int library_throws = 0;
    std::vector<std::thread> threads_of_the_library;
    for (int i = 0; i < 4; ++i)
        threads_of_the_library.emplace_back([&] {
            int caught = 0;
            try {
                std::vector<int> three(3);
                (void)three.at(3);
            } catch (const std::out_of_range&) {
                ++caught;
            }
            try {
                (void)std::stoi(std::string("not a number"));
            } catch (const std::invalid_argument&) {
                ++caught;
            }
            try {
                // More than the address space: operator new must throw.
                // (volatile: a new/delete pair the compiler can see through
                // may be left out altogether.)
                volatile std::size_t too_much = SIZE_MAX / 2;
                char* volatile never = new char[too_much];
                delete[] never;
            } catch (const std::bad_alloc&) {
                ++caught;
            }
            std::lock_guard<std::mutex> hold(mutex);
            library_throws += caught;
        });
    for (std::thread& each : threads_of_the_library) each.join();
    CHECK_EQ(library_throws, 4 * 3);

    destroyed = 0;
    CHECK(pthread_create(&thread, nullptr, exit_through_destructors, nullptr) == 0);
    CHECK(join(thread) == reinterpret_cast<void*>(5));
    CHECK_EQ(destroyed.load(), 2);

    // libstdc++'s std::thread start routine catches everything, except a
    // thread's exit, which it must let through.
    destroyed = 0;
    std::thread exits_itself([] {
        noted on_the_stack;
        pthread_exit(nullptr);
    });
    exits_itself.join();
    CHECK_EQ(destroyed.load(), 1);

    destroyed = 0;
    CHECK(pipe(pipe_ends) == 0);
    CHECK(pthread_create(&thread, nullptr, cancelled_through_catch_all, nullptr) == 0);
    while (!inside_catch_all) usleep(1000);
    usleep(10000);
    CHECK(pthread_cancel(thread) == 0);
    CHECK(join(thread) == PTHREAD_CANCELED);
    CHECK(saw_the_cancellation.load());
    CHECK_EQ(destroyed.load(), 1);

    std::puts("cxx_exceptions: all passed");
    return 0;
}
