// Two-step thread creation for lwp::thread (see runtime/thread/create.hpp):
// prepare a thread's mapping, construct the callable inside it, then launch.
// Not a stable API: use lwp::thread or lwp_create.
#pragma once

#include <cstddef>

#include "../thread.h"

namespace lwp::detail {

struct prepared_spawn {
    void* descriptor;
    void* payload;
    void* start_frame;
    char* thread_pointer;
};

// 0 or EAGAIN/EINVAL. On success `payload` has payload_size bytes, aligned to
// payload_alignment, inside the new thread's mapping.
int prepare_spawn(const lwp_attr_t* attributes, std::size_t payload_size,
                  std::size_t payload_alignment, prepared_spawn& prepared) noexcept;
int launch_spawn(prepared_spawn& prepared, void* (*routine)(void*), void* argument,
                 lwp_t* handle) noexcept;
void abandon_spawn(prepared_spawn& prepared) noexcept;

}  // namespace lwp::detail
