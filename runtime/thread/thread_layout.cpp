#include "thread_layout.hpp"

#include <cerrno>
#include <cstdint>

#include "../../arch/x86_64/tcb.hpp"
#include "host_tls.hpp"
#include "program_image.hpp"

namespace lwp::runtime {

namespace {

bool add_overflows(std::size_t a, std::size_t b, std::size_t& sum) {
    return __builtin_add_overflow(a, b, &sum);
}

bool round_up_overflows(std::size_t value, std::size_t alignment, std::size_t& rounded) {
    std::size_t bumped;
    if (add_overflows(value, alignment - 1, bumped)) return true;
    rounded = bumped & ~(alignment - 1);
    return false;
}

constexpr std::size_t round_up(std::size_t value, std::size_t alignment) {
    return (value + alignment - 1) & ~(alignment - 1);
}

char* align_down(char* address, std::size_t alignment) {
    return reinterpret_cast<char*>(reinterpret_cast<std::uintptr_t>(address) & ~(alignment - 1));
}

// Alignment of the thread pointer: at least a cache line (the descriptor's
// atomics then share no line with the TCB), and the TLS segment's own
// alignment so the block at tp + tpoff is aligned as the program requires.
std::size_t thread_pointer_alignment() {
    std::size_t tls_alignment = the_program_image().tls_alignment;
    return tls_alignment > 64 ? tls_alignment : 64;
}

// The part of the TCB area lwp writes when it builds a thread.
constexpr std::size_t tcb_written_size = sizeof(arch::thread_control_block);

std::size_t tcb_area_size() {
    std::size_t tcb = tcb_written_size;
    if (hosted_by_c_library) {
        std::size_t host = host_tls().above_thread_pointer;
        if (host > tcb) tcb = host;
    }
    return round_up(tcb, 64);
}

// Address space the thread pointer may be lowered by to end the written TCB
// words on a page boundary (hosted mode only: see thread_pointer_below): up to
// a page, plus the realignment of a TLS segment aligned beyond 64 bytes.
std::size_t tcb_page_padding() {
    return tcb_area_size() > tcb_written_size ? page_size + thread_pointer_alignment() : 0;
}

std::size_t below_thread_pointer_size() {
    std::size_t executable_tls = static_cast<std::size_t>(-the_program_image().tls_block_tpoff);
    std::size_t below = executable_tls;
    if (hosted_by_c_library) {
        std::size_t host = host_tls().below_thread_pointer;
        if (host > below) below = host;
    }
    return round_up(below, 16);
}

// The thread pointer for a region ending at `top`.
char* thread_pointer_below(char* top, bool pack_into_one_page) {
    std::size_t alignment = thread_pointer_alignment();
    char* thread_pointer = align_down(top - tcb_area_size(), alignment);
    if (pack_into_one_page && tcb_page_padding() != 0) {
        // Hosted: above the TCB words lie ~2 KiB of glibc-compatibility zeros
        // that an idle thread never writes. Left where they are, they push the
        // TCB and TLS into a different page from the descriptor and the stack
        // top, and every idle thread costs two resident pages. Lowered until
        // the TCB words end on a page boundary, the zeros fill the page above
        // instead, which stays unbacked until something writes there.
        char* boundary = align_down(thread_pointer + tcb_written_size, page_size);
        thread_pointer = align_down(boundary - tcb_written_size, alignment);
    }
    return thread_pointer;
}

std::size_t payload_room(std::size_t payload_size, std::size_t payload_alignment) {
    if (payload_alignment < 16) payload_alignment = 16;
    std::size_t size = round_up(payload_size, 16);
    if (size < payload_allowance) size = payload_allowance;
    return size + payload_alignment - 16;
}

}  // namespace

std::size_t top_area_size(std::size_t payload_size, std::size_t payload_alignment) {
    return tcb_area_size() + (thread_pointer_alignment() - 1) +
           below_thread_pointer_size() + sizeof(thread_descriptor) + 63 +
           payload_room(payload_size, payload_alignment) + sizeof(arch::start_frame) +
           arch::stack_alignment;
}

int compute_thread_sizes(std::size_t stack_size, std::size_t guard_size,
                         std::size_t payload_size, std::size_t payload_alignment,
                         thread_sizes& sizes) {
    // Payload sizes and alignments come from sizeof() and alignof() of a
    // callable, so any alignment is a power of two, and one beyond a page
    // (alignas(8192)) only costs address space: payload_room reserves the
    // slack that place_thread aligns down into. The bound keeps the
    // arithmetic in top_area_size well away from overflow.
    constexpr std::size_t largest_payload = std::size_t{1} << 40;
    if (payload_size > largest_payload || payload_alignment > largest_payload) return EAGAIN;
    sizes.top_area_size = top_area_size(payload_size, payload_alignment) + tcb_page_padding();
    std::size_t total;
    if (round_up_overflows(guard_size, page_size, sizes.guard_size)) return EAGAIN;
    if (add_overflows(sizes.guard_size, stack_size, total)) return EAGAIN;
    if (add_overflows(total, sizes.top_area_size, total)) return EAGAIN;
    if (round_up_overflows(total, page_size, sizes.mapping_size)) return EAGAIN;
    sizes.stack_size = sizes.mapping_size - sizes.guard_size - sizes.top_area_size;
    return 0;
}

thread_placement place_thread(char* low, std::size_t size, std::size_t payload_size,
                              std::size_t payload_alignment, bool own_mapping) {
    thread_placement placement;
    placement.thread_pointer = thread_pointer_below(low + size, own_mapping);
    placement.tls_block = placement.thread_pointer + the_program_image().tls_block_tpoff;
    char* floor = placement.thread_pointer - below_thread_pointer_size();
    char* descriptor_at = align_down(floor - sizeof(thread_descriptor), 64);
    placement.descriptor = reinterpret_cast<thread_descriptor*>(descriptor_at);
    if (payload_alignment < 16) payload_alignment = 16;
    char* payload = align_down(descriptor_at - payload_size, payload_alignment);
    placement.payload = payload;
    placement.frame = reinterpret_cast<arch::start_frame*>(
        align_down(payload - sizeof(arch::start_frame), arch::stack_alignment));
    placement.top_area_end = placement.thread_pointer + tcb_area_size();
    placement.written_end = placement.thread_pointer + tcb_written_size;
    return placement;
}

}  // namespace lwp::runtime
