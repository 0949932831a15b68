#include "main_thread_tls.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <cstring>

#include "../../arch/x86_64/tcb.hpp"
#include "../../arch/x86_64/thread_pointer.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/program_image.hpp"
#include "kernel_calls.hpp"

namespace lwp::start {
namespace {

[[noreturn]] void cannot_start(const char* why) {
    // No TLS yet, so nothing fancier than a raw write is safe here.
    std::size_t length = 0;
    while (why[length] != '\0') ++length;
    sys::write(2, why, length);
    sys::exit_group(127);
}

// The stack protector's canary and the pointer-mangling guard: per-process
// secrets, taken from the kernel's AT_RANDOM bytes (or getrandom if a kernel
// ever gave none).
void seed_secrets(arch::thread_control_block* tcb, const unsigned char* random_bytes) {
    std::uintptr_t words[2] = {0, 0};
    if (random_bytes != nullptr) {
        std::memcpy(words, random_bytes, sizeof words);
    } else if (get_random_bytes(words, sizeof words) != static_cast<long>(sizeof words)) {
        cannot_start("lwp: no random bytes for the stack canary\n");
    }
    // The canary's lowest byte (its first in memory) is zero, as in other C
    // libraries: an overflow through a string function cannot write a
    // matching value past the terminating NUL, and a canary leaked through a
    // string read stops at its first byte.
    tcb->stack_canary = words[0] & ~std::uintptr_t{0xff};
    tcb->pointer_guard = words[1];
}

}  // namespace

void install_main_thread_tls(const Elf64_Phdr* headers, std::size_t count,
                             const unsigned char* random_bytes) {
    // PT_TLS, as thread creation will see it too (one parse of the headers).
    runtime::read_program_image(headers, count);
    const runtime::program_image& image = runtime::the_program_image();

    // Where the block starts below the thread pointer follows from PT_TLS
    // by the ABI's rule (arch/x86_64/tls_layout.hpp). Threads lwp creates use
    // the same value, so every thread's TLS sits at the same offset from its
    // %fs, as the compiler's local-exec accesses require.
    std::size_t below = static_cast<std::size_t>(-image.tls_block_tpoff);
    // The thread pointer must be aligned to the segment's alignment (the
    // static linker computed offsets from an aligned end); a cache line at
    // least, as for lwp's own threads.
    std::size_t alignment = image.tls_alignment > 64 ? image.tls_alignment : 64;
    std::size_t size;
    // A PT_TLS that no mapping can hold ends here as one too large to map
    // does: a p_memsz whose rounding up wraps (below ends up smaller) or whose
    // sum with the TCB does, which would otherwise give a small mapping and
    // TLS offsets pointing outside it; or an image larger than its block.
    bool impossible = below < image.tls_block_size || image.tls_init_size > image.tls_block_size ||
                      __builtin_add_overflow(below, alignment - 1 + sizeof(arch::thread_control_block),
                                             &size);

    // Its own anonymous mapping: no allocator exists yet, and fresh pages are
    // zero, which is exactly what .tbss and the unused TCB fields must be.
    long mapped = impossible ? -1 : sys::mmap(nullptr, size, PROT_READ | PROT_WRITE,
                                              MAP_PRIVATE | MAP_ANONYMOUS);
    if (sys::failed(mapped)) cannot_start("lwp: cannot map the main thread's TLS\n");

    std::uintptr_t lowest = static_cast<std::uintptr_t>(mapped) + below;
    char* thread_pointer = reinterpret_cast<char*>((lowest + alignment - 1) & ~(alignment - 1));
    if (image.tls_init_size != 0)
        std::memcpy(thread_pointer - below, image.tls_init_image, image.tls_init_size);

    auto* tcb = reinterpret_cast<arch::thread_control_block*>(thread_pointer);
    tcb->self = tcb;
    tcb->self_again = tcb;
    seed_secrets(tcb, random_bytes);

    if (sys::failed(arch::set_thread_pointer(tcb)))
        cannot_start("lwp: cannot set the main thread's thread pointer\n");
}

}  // namespace lwp::start
