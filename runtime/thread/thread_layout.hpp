// The arithmetic of one thread's mapping:
//
//  low                                                                      high
//  | guard | stack, grows down <- | frame | payload | descriptor | spare | TLS | TCB area | pad |
//                                                                            ^ thread pointer
//
// `spare` is room for the rest of the host C library's static TLS in hosted
// mode; the TCB area is the ABI TCB, widened in hosted mode to the size of
// glibc's own descriptor (host_tls.hpp). `payload` is where lwp::thread
// constructs its callable. Everything a new thread writes before it runs (the
// descriptor, the TLS block, the TCB words) and the top of its stack sit in
// one page: in hosted mode the thread pointer is lowered so that the TCB words
// end on a page boundary, leaving glibc's zeroed room above it (and `pad`) in
// the last page, which a thread that never writes there never makes resident.
// All sizes are overflow-checked.
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

// Whether lwp shares the process with a host C library (glibc), which needs
// room around each thread pointer. The freestanding library runs only under
// lwp's own startup, so it drops the host reserves and their code.
#ifdef LWP_FREESTANDING
inline constexpr bool hosted_by_c_library = false;
#else
inline constexpr bool hosted_by_c_library = true;
#endif

struct thread_sizes {
    std::size_t guard_size;
    std::size_t stack_size;
    std::size_t top_area_size;
    std::size_t mapping_size;  // page-rounded guard + stack + top area
};

// Computes the sizes for a new mapping (its top area includes the page the
// thread pointer may be lowered by; see place_thread). Returns 0, or EAGAIN
// when the sum overflows (the request could never be satisfied, as with
// ENOMEM).
int compute_thread_sizes(std::size_t stack_size, std::size_t guard_size,
                         std::size_t payload_size, std::size_t payload_alignment,
                         thread_sizes& sizes);

// Size of the top area alone (everything above the usable stack), laid out
// compactly, as in a caller-supplied stack.
std::size_t top_area_size(std::size_t payload_size, std::size_t payload_alignment);

struct thread_placement {
    char* thread_pointer;
    thread_descriptor* descriptor;
    char* tls_block;
    void* payload;
    arch::start_frame* frame;
    char* written_end;   // end of the TCB words lwp writes
    char* top_area_end;  // end of the TCB area (the glibc-compatibility zeros)
};

// Places the top area at the high end of [low, low + size). `own_mapping`:
// the region is lwp's own mapping, sized by compute_thread_sizes, so in hosted
// mode the thread pointer is lowered to pack what a new thread writes into one
// page; a caller-supplied stack gets the compact layout and loses no room.
thread_placement place_thread(char* low, std::size_t size, std::size_t payload_size,
                              std::size_t payload_alignment, bool own_mapping);

}  // namespace lwp::runtime
