#include "program_image.hpp"

#include <atomic>

#include "../../arch/x86_64/tls_layout.hpp"

// Defined by the static linker at the start of the output file's ELF header.
// liblwp.a is linked into executables, so this is the executable's header.
extern "C" const Elf64_Ehdr __ehdr_start;

namespace lwp::runtime {
namespace {

program_image parse(const Elf64_Phdr* headers, std::size_t count) {
    // The load bias (0 for a static non-PIE program): PT_PHDR says where the
    // headers were linked to be, and `headers` is where they are. Without
    // PT_PHDR, the segment mapping file offset 0 holds the ELF header.
    std::uintptr_t bias = 0;
#ifndef LWP_FREESTANDING  // freestanding programs are linked static non-PIE: no bias
    for (std::size_t i = 0; i < count; ++i) {
        if (headers[i].p_type == PT_PHDR) {
            bias = reinterpret_cast<std::uintptr_t>(headers) - headers[i].p_vaddr;
            break;
        }
        if (headers[i].p_type == PT_LOAD && headers[i].p_offset == 0)
            bias = reinterpret_cast<std::uintptr_t>(&__ehdr_start) - headers[i].p_vaddr;
    }
#endif

    program_image image{};
    image.tls_alignment = 1;
    image.executable_stack = true;  // the kernel's default without PT_GNU_STACK
    for (std::size_t i = 0; i < count; ++i) {
        const Elf64_Phdr& segment = headers[i];
        if (segment.p_type == PT_TLS) {
            image.tls_init_image = reinterpret_cast<const void*>(bias + segment.p_vaddr);
            image.tls_init_size = segment.p_filesz;
            image.tls_block_size = segment.p_memsz;
            image.tls_alignment = segment.p_align ? segment.p_align : 1;
        } else if (segment.p_type == PT_GNU_STACK) {
            image.executable_stack = (segment.p_flags & PF_X) != 0;
        }
    }
    image.tls_block_tpoff = arch::executable_tls_block_tpoff(image.tls_block_size, image.tls_alignment);
    return image;
}

program_image cached_image;
// 0: not read yet, 1: being read, 2: ready. Readers that lose the race spin
// only for the few hundred instructions the first reader needs.
std::atomic<int> cached_state{0};

}  // namespace

void read_program_image(const Elf64_Phdr* headers, std::size_t count) {
    cached_image = parse(headers, count);
    cached_state.store(2, std::memory_order_release);
}

const program_image& the_program_image() {
#ifdef LWP_FREESTANDING
    // Read by _start (install_main_thread_tls) before main, from the
    // auxiliary vector's headers, before any thread exists.
    return cached_image;
#else
    // Acquire pairs with the release below: a reader that sees 2 sees the
    // whole structure.
    if (cached_state.load(std::memory_order_acquire) == 2) return cached_image;
    int expected = 0;
    if (cached_state.compare_exchange_strong(expected, 1, std::memory_order_acquire)) {
        const Elf64_Ehdr& header = __ehdr_start;
        read_program_image(reinterpret_cast<const Elf64_Phdr*>(
                               reinterpret_cast<const char*>(&header) + header.e_phoff),
                           header.e_phnum);
    } else {
        while (cached_state.load(std::memory_order_acquire) != 2) {
        }
    }
    return cached_image;
#endif
}

}  // namespace lwp::runtime
