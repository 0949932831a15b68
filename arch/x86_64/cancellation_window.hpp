// Where a signal interrupted a thread, relative to the cancellable-syscall
// window of cancellable_syscall_freestanding.S.
#pragma once

#include <sys/ucontext.h>

#include <cstddef>

extern "C" {
long lwp_arch_cancellable_syscall(const int* cancel_word, long number, long a1, long a2, long a3,
                                  long a4, long a5, long a6);
extern const char lwp_arch_cancellable_window_begin[];
extern const char lwp_arch_cancellable_window_end[];
}

namespace lwp::arch {

// The kernel's signal frame hands a handler the interrupted registers in a
// ucontext_t; glibc's declaration of it has the kernel's layout, with the
// instruction pointer at gregs[REG_RIP].
static_assert(REG_RIP == 16 && offsetof(ucontext_t, uc_mcontext) == 40,
              "ucontext_t must match the kernel's x86_64 signal frame");

// True when the thread was stopped inside the window: before its system call
// began, or at the `syscall` instruction that the kernel rewound to restart.
inline bool interrupted_in_cancellable_window(const void* signal_context) {
    auto* context = static_cast<const ucontext_t*>(signal_context);
    auto at = static_cast<unsigned long>(context->uc_mcontext.gregs[REG_RIP]);
    return at >= reinterpret_cast<unsigned long>(lwp_arch_cancellable_window_begin) &&
           at < reinterpret_cast<unsigned long>(lwp_arch_cancellable_window_end);
}

}  // namespace lwp::arch
