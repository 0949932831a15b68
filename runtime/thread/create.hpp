// Thread creation in two steps, so that lwp::thread can construct its
// callable inside the new mapping between them (no heap allocation):
//   prepare_thread: mapping (fresh or cached), TLS copy, TCB, descriptor, handle;
//   launch_thread:  clone.
// A prepared thread that is not launched, or whose launch failed, is given
// back with abandon_thread.
#pragma once

#include <cstddef>

#include "lwp/thread.h"
#include "thread_descriptor.hpp"

namespace lwp::runtime {

struct create_request {
    std::size_t stack_size = 0;  // 0: the default
    std::size_t guard_size;
    void* user_stack = nullptr;
    std::size_t user_stack_size = 0;
    bool detached = false;
    std::size_t payload_size = 0;
    std::size_t payload_alignment = 16;
};

struct prepared_thread {
    thread_descriptor* descriptor;
    void* payload;  // payload_size bytes for the caller's use, aligned as asked
    void* start_frame;
    char* thread_pointer;
};

// Fills a request from C attributes (null = defaults). Returns 0 or EINVAL.
int request_from_attributes(const lwp_attr_t* attributes, create_request& request);

int prepare_thread(const create_request& request, prepared_thread& prepared);
int launch_thread(prepared_thread& prepared, void* (*routine)(void*), void* argument,
                  lwp_t* handle);
void abandon_thread(prepared_thread& prepared);

// The child's first C++ code: run the routine, then finish. clone.S calls
// this (through the start frame prepare_thread fills) with the descriptor as
// its argument, on the new stack with %fs already set.
[[noreturn]] void* thread_entry(void* argument);

// The kernel gives a child its creator's scheduling at clone, raise
// included: if the creating thread is raised by priority-ceiling mutexes, has
// the prepared thread drop to the creator's own (base) scheduling before its
// routine runs. Called by prepare_thread; defined in mutex_ceiling.cpp, over
// an empty weak definition in create.cpp for programs without such mutexes.
void hand_down_base_scheduling(prepared_thread& prepared);

// The stack size of a thread whose attributes give none: RLIMIT_STACK (as
// glibc), until pthread_setattr_default_np sets another.
std::size_t default_stack_size();
void set_default_stack_size(std::size_t size);

}  // namespace lwp::runtime
