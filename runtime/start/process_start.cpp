// From the kernel's initial stack to main, in a freestanding program.
// arch/x86_64/start_freestanding.S (_start) calls lwp_start_main first thing.
//
// This file and everything it calls before %fs is set must not touch TLS or
// the stack canary: the freestanding library is built with
// -fno-stack-protector for that reason.
#include <elf.h>
#include <stdlib.h>

#include "../thread/lifecycle.hpp"
#include "../thread/main_thread.hpp"
#include "auxiliary_vector.hpp"
#include "indirect_relocations.hpp"
#include "init_fini.hpp"
#include "main_thread_tls.hpp"
#include "program_name.hpp"
#include "thread_local_destructors.hpp"

extern "C" int main(int argc, char** argv, char** envp);
extern "C" char** __environ;
// Weak: only programs with thread_local objects that have destructors link
// the code that runs them (runtime/start/thread_local_destructors.cpp).
extern "C" void lwp_run_thread_local_destructors() __attribute__((weak));
// The linker-defined start of this executable's ELF header, which leads to
// its program headers. A freestanding program is static non-PIE (load bias
// 0) and this reference makes its link require the headers in a loaded
// segment, so they are where the kernel's AT_PHDR would point; taking them
// from here saves the code of two auxiliary-vector look-ups on every
// program's start-up path (dl_iterate_phdr finds them the same way).
extern "C" const Elf64_Ehdr __ehdr_start __attribute__((visibility("hidden")));

namespace {

// lwp_exit from main leaves the process running; when the last thread then
// finishes, the process ends as if main had returned 0 (atexit handlers,
// destructors, stdio flushed), like glibc's pthread_exit from main.
void end_process_after_last_thread() { exit(0); }

}  // namespace

extern "C" [[noreturn]] __attribute__((visibility("hidden"))) void lwp_start_main(
    unsigned long* initial_stack) {
    // The initial stack: argc, argv[argc], NULL, envp..., NULL, auxv pairs.
    int argc = static_cast<int>(initial_stack[0]);
    char** argv = reinterpret_cast<char**>(initial_stack + 1);
    char** envp = argv + argc + 1;
    char** environment_end = envp;
    while (*environment_end != nullptr) ++environment_end;
    const unsigned long* auxv = reinterpret_cast<const unsigned long*>(environment_end + 1);

    lwp::start::auxiliary_vector = auxv;
    __environ = envp;

    unsigned long random_bytes = 0;
    lwp::start::find_auxiliary_value(auxv, AT_RANDOM, random_bytes);
    lwp::start::install_main_thread_tls(
        reinterpret_cast<const Elf64_Phdr*>(reinterpret_cast<const char*>(&__ehdr_start) +
                                            __ehdr_start.e_phoff),
        __ehdr_start.e_phnum, reinterpret_cast<const unsigned char*>(random_bytes));
    // From here on TLS, errno and the stack canary work.

    lwp::runtime::adopt_main_thread();
    lwp::runtime::last_thread_finished = end_process_after_last_thread;
    if (lwp_run_thread_local_destructors)
        lwp::runtime::thread_local_destructors = lwp_run_thread_local_destructors;
    lwp::start::set_program_name(argc > 0 ? argv[0] : nullptr);

    // The program's indirect functions, before the constructors that may call
    // them. Later than glibc's static start-up, which resolves them before
    // %fs is set (its own string functions are indirect and TLS set-up calls
    // them): lwp's own code has none, so here a resolver finds TLS, errno,
    // the stack canary and the whole C library working.
    lwp::start::apply_indirect_relocations();
    lwp::start::run_init_arrays(argc, argv, envp);
    exit(main(argc, argv, envp));
}
