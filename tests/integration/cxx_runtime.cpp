// The C++ runtime support of the freestanding C library: every operator
// new/delete form on the lwp heap, over-aligned new, thread-safe
// function-local statics (__cxa_guard_*) raced by several threads, and
// header-only standard library containers, all without libstdc++.
#include <lwp/lwp.h>

#include <atomic>
#include <cstdint>
#include <new>
#include <string>
#include <vector>

#include "check.h"

namespace {

struct alignas(64) cache_line {
    char bytes[64];
};

std::atomic<int> constructions{0};

struct slow_to_build {
    int value;
    slow_to_build() : value(0) {
        constructions.fetch_add(1, std::memory_order_relaxed);
        // Stay inside the initialiser long enough for the other threads to
        // arrive and wait on the guard.
        for (int i = 0; i < 2000; ++i) lwp_yield();
        value = 42;
    }
};

int shared_value() {
    static slow_to_build instance;  // guarded: built exactly once
    return instance.value;
}

std::atomic<int> arrived{0};
int seen[8];

void* race_for_the_static(void* argument) {
    int self = static_cast<int>(reinterpret_cast<std::intptr_t>(argument));
    arrived.fetch_add(1);
    while (arrived.load() < 8) lwp_yield();
    seen[self] = shared_value();
    return nullptr;
}

void allocation_forms() {
    int* single = new int(7);
    CHECK_EQ(*single, 7);
    delete single;

    int* array = new int[1000]();
    for (int i = 0; i < 1000; ++i) CHECK_EQ(array[i], 0);
    delete[] array;

    int* quiet = new (std::nothrow) int(3);
    CHECK(quiet != nullptr);
    delete quiet;

    auto* aligned = new cache_line;
    CHECK(reinterpret_cast<std::uintptr_t>(aligned) % 64 == 0);
    delete aligned;
    auto* aligned_array = new cache_line[5];
    CHECK(reinterpret_cast<std::uintptr_t>(aligned_array) % 64 == 0);
    delete[] aligned_array;

    void* raw = ::operator new(100, std::align_val_t{4096});
    CHECK(reinterpret_cast<std::uintptr_t>(raw) % 4096 == 0);
    ::operator delete(raw, 100, std::align_val_t{4096});
    void* sized = ::operator new(48);
    ::operator delete(sized, 48);
    void* nothrow_aligned = ::operator new[](10, std::align_val_t{128}, std::nothrow);
    CHECK(reinterpret_cast<std::uintptr_t>(nothrow_aligned) % 128 == 0);
    ::operator delete[](nothrow_aligned, std::align_val_t{128}, std::nothrow);
}

void containers() {
    std::vector<std::string> words;
    for (int i = 0; i < 200; ++i) words.push_back("word-" + std::to_string(i));
    CHECK_EQ(words.size(), 200u);
    CHECK(words[123] == "word-123");
    std::string joined;
    for (const auto& word : words) joined += word;
    CHECK(joined.size() > 1000);
    words.clear();
    words.shrink_to_fit();
}

}  // namespace

int main() {
    allocation_forms();
    containers();

    lwp_t threads[8];
    for (int i = 0; i < 8; ++i)
        CHECK_EQ(lwp_create(&threads[i], nullptr, race_for_the_static,
                            reinterpret_cast<void*>(static_cast<std::intptr_t>(i))),
                 0);
    for (lwp_t thread : threads) CHECK_EQ(lwp_join(thread, nullptr), 0);
    CHECK_EQ(constructions.load(), 1);
    for (int value : seen) CHECK_EQ(value, 42);
    return 0;
}
