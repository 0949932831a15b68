// The main thread's TLS block and TCB in a freestanding program.
//
// The kernel starts the program with %fs = 0: no thread_local, no errno, no
// stack canary. This builds what the dynamic linker (or glibc's static start)
// would: a private copy of the executable's PT_TLS image placed where the
// static linker's TLS offsets expect it, the ABI TCB above it, and %fs
// pointing at that TCB.
#pragma once

#include <elf.h>

#include <cstddef>

namespace lwp::start {

// headers/count: the program headers (what AT_PHDR and AT_PHNUM point at).
// random_bytes: the kernel's 16 random bytes (AT_RANDOM), or null if it gave
// none. Ends the process if the memory cannot be mapped or %fs cannot be set:
// nothing can run without them.
void install_main_thread_tls(const Elf64_Phdr* headers, std::size_t count,
                             const unsigned char* random_bytes);

}  // namespace lwp::start
