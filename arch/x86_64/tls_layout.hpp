// Where the executable's TLS block lies relative to the thread pointer.
//
// x86-64 uses variant II of the ELF TLS ABI: the executable's block (module
// 1) ends at the thread pointer, its size rounded up to its alignment, so it
// starts at tp - round_up(p_memsz, p_align). That is the offset the static
// linker builds into every local-exec access (x@tpoff), GNU ld and LLD
// alike, and the one glibc's start-up uses; both linkers start PT_TLS at an
// address aligned to p_align, the case in which the rule is this simple.
//
// Why not ask the linker directly: lwp once took the difference x@tpoff -
// x@dtpoff of an anchor variable, but LLD resolves a @dtpoff in an
// executable as a @tpoff (it treats it as part of a local-dynamic sequence
// relaxed to local-exec), which made the difference 0 and put every thread's
// TLS on its TCB. tests/integration/scripts/lld_link.cmake links with LLD.
#pragma once

#include <cstddef>

namespace lwp::arch {

// alignment: PT_TLS's p_align, a power of two (1 for 0).
constexpr long executable_tls_block_tpoff(std::size_t block_size, std::size_t alignment) {
    return -static_cast<long>((block_size + alignment - 1) & ~(alignment - 1));
}

static_assert(executable_tls_block_tpoff(0x44, 8) == -72, "rounded up to the alignment");
static_assert(executable_tls_block_tpoff(0x2168, 0x1000) == -0x3000, "a page-aligned segment");

}  // namespace lwp::arch
