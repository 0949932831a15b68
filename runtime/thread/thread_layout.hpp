// The arithmetic of one thread's mapping:
//
//  low                                                                 high
//  | guard | stack, grows down <- | frame | payload | spare | TLS | TCB area | descriptor |
//                                                                ^ thread pointer
//
// `spare` is room for the rest of the host C library's static TLS in hosted
// mode; the TCB area is the ABI TCB, widened in hosted mode to the size of
// glibc's own descriptor (see arch/x86_64/tcb.hpp). `payload` is where
// lwp::thread constructs its callable. All sizes are overflow-checked.
#pragma once

#include <cstddef>

#include "../../arch/x86_64/clone.hpp"
#include "thread_descriptor.hpp"

namespace lwp::runtime {

inline constexpr std::size_t page_size = 4096;
inline constexpr std::size_t default_guard_size = page_size;
// Payloads up to this size fit in the fixed part of the top area, so threads
// whose callables differ in size still share cached mappings.
inline constexpr std::size_t payload_allowance = 512;

// Whether lwp shares the process with a host C library (glibc). Freestanding
// startup clears it before main, which drops the host reserves.
extern bool hosted_by_c_library;

struct thread_sizes {
    std::size_t guard_size;
    std::size_t stack_size;
    std::size_t top_area_size;
    std::size_t mapping_size;  // page-rounded guard + stack + top area
};

// Computes the sizes for a new mapping. Returns 0, or EAGAIN when the sum
// overflows (the request could never be satisfied, as with ENOMEM).
int compute_thread_sizes(std::size_t stack_size, std::size_t guard_size,
                         std::size_t payload_size, std::size_t payload_alignment,
                         thread_sizes& sizes);

// Size of the top area alone (everything above the usable stack).
std::size_t top_area_size(std::size_t payload_size, std::size_t payload_alignment);

struct thread_placement {
    char* thread_pointer;
    thread_descriptor* descriptor;
    char* tls_block;
    void* payload;
    arch::start_frame* frame;
};

// Places the top area at the high end of [low, low + size).
thread_placement place_thread(char* low, std::size_t size, std::size_t payload_size,
                              std::size_t payload_alignment);

}  // namespace lwp::runtime
