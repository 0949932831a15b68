// The raw-clone floor: the least any runtime can do to start a thread and
// wait for it, built from lwp's arch layer and nothing else. One region
// (stack, TLS, TCB) is mapped once and reused for every thread; the child
// runs an empty function and exits; the parent waits for the kernel's clear
// of the tid word. No cache lookup, no TLS copy, no handle, no descriptor.
#pragma once

#include <atomic>
#include <cstddef>

namespace lwp_bench {

class raw_clone_floor {
public:
    raw_clone_floor();
    ~raw_clone_floor();
    raw_clone_floor(const raw_clone_floor&) = delete;
    raw_clone_floor& operator=(const raw_clone_floor&) = delete;

    // One clone + wait. Returns 0, or the clone's -errno.
    long spawn_and_join();

private:
    static constexpr std::size_t region_size = 64 * 1024;
    char* region_;
    void* start_frame_;
    unsigned long thread_pointer_;
    // Written by the kernel: the child's tid at clone (CLONE_PARENT_SETTID),
    // 0 plus a shared futex wake when it is gone (CLONE_CHILD_CLEARTID).
    std::atomic<int> tid_word_{0};
};

}  // namespace lwp_bench
