// Facts about the running executable that thread creation needs, read once
// from its own ELF program headers: found through the linker-provided
// __ehdr_start (no C library call, no auxv needed).
#pragma once

#include <elf.h>

#include <cstddef>

namespace lwp::runtime {

struct program_image {
    // PT_TLS: the initialisation image (.tdata) and the block size (.tdata +
    // .tbss) every thread gets a private copy of.
    const void* tls_init_image;
    std::size_t tls_init_size;
    std::size_t tls_block_size;
    std::size_t tls_alignment;
    // Where the executable's TLS block starts relative to the thread pointer
    // (negative: variant II TLS lies below the TCB).
    long tls_block_tpoff;
    // PT_GNU_STACK with PF_X (or no PT_GNU_STACK at all): thread stacks must
    // be executable too, e.g. for GCC nested-function trampolines.
    bool executable_stack;
};

// Read once, on first use, from the headers at __ehdr_start.
const program_image& the_program_image();

// Freestanding start-up reads them (from __ehdr_start too) before any thread
// exists; later calls of the_program_image() return that.
void read_program_image(const Elf64_Phdr* headers, std::size_t count);

}  // namespace lwp::runtime
