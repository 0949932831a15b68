#include "thread_layout.hpp"

#include <cerrno>
#include <cstdint>

#include "../../arch/x86_64/tcb.hpp"
#include "program_image.hpp"

namespace lwp::runtime {

bool hosted_by_c_library = true;

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

std::size_t tcb_area_size() {
    std::size_t tcb = sizeof(arch::thread_control_block);
    if (hosted_by_c_library && arch::host_thread_area_size > tcb) tcb = arch::host_thread_area_size;
    return round_up(tcb, 64);
}

std::size_t below_thread_pointer_size() {
    std::size_t executable_tls = static_cast<std::size_t>(-the_program_image().tls_block_tpoff);
    std::size_t below = executable_tls;
    if (hosted_by_c_library && arch::host_static_tls_reserve > below)
        below = arch::host_static_tls_reserve;
    return round_up(below, 16);
}

std::size_t payload_room(std::size_t payload_size, std::size_t payload_alignment) {
    if (payload_alignment < 16) payload_alignment = 16;
    std::size_t size = round_up(payload_size, 16);
    if (size < payload_allowance) size = payload_allowance;
    return size + payload_alignment - 16;
}

}  // namespace

std::size_t top_area_size(std::size_t payload_size, std::size_t payload_alignment) {
    return tcb_area_size() + round_up(sizeof(thread_descriptor), 64) +
           (thread_pointer_alignment() - 1) + below_thread_pointer_size() +
           payload_room(payload_size, payload_alignment) + sizeof(arch::start_frame) +
           arch::stack_alignment;
}

int compute_thread_sizes(std::size_t stack_size, std::size_t guard_size,
                         std::size_t payload_size, std::size_t payload_alignment,
                         thread_sizes& sizes) {
    // Payload sizes come from sizeof() of a callable; the bound keeps the
    // arithmetic in top_area_size well away from overflow.
    if (payload_size > (std::size_t{1} << 40) || payload_alignment > page_size) return EAGAIN;
    sizes.top_area_size = top_area_size(payload_size, payload_alignment);
    std::size_t total;
    if (round_up_overflows(guard_size, page_size, sizes.guard_size)) return EAGAIN;
    if (add_overflows(sizes.guard_size, stack_size, total)) return EAGAIN;
    if (add_overflows(total, sizes.top_area_size, total)) return EAGAIN;
    if (round_up_overflows(total, page_size, sizes.mapping_size)) return EAGAIN;
    sizes.stack_size = sizes.mapping_size - sizes.guard_size - sizes.top_area_size;
    return 0;
}

thread_placement place_thread(char* low, std::size_t size, std::size_t payload_size,
                              std::size_t payload_alignment) {
    thread_placement placement;
    char* top = low + size;
    char* descriptor_at = align_down(top - sizeof(thread_descriptor), 64);
    placement.descriptor = reinterpret_cast<thread_descriptor*>(descriptor_at);
    placement.thread_pointer = align_down(descriptor_at - tcb_area_size(), thread_pointer_alignment());
    placement.tls_block = placement.thread_pointer + the_program_image().tls_block_tpoff;
    char* floor = placement.thread_pointer - below_thread_pointer_size();
    if (payload_alignment < 16) payload_alignment = 16;
    char* payload = align_down(floor - payload_size, payload_alignment);
    placement.payload = payload;
    placement.frame = reinterpret_cast<arch::start_frame*>(
        align_down(payload - sizeof(arch::start_frame), arch::stack_alignment));
    return placement;
}

}  // namespace lwp::runtime
