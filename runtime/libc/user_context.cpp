// makecontext, and the signal-mask half of getcontext, setcontext and
// swapcontext, whose registers arch/x86_64/user_context_freestanding.S saves
// and restores (it explains what a context carries).
//
// Masks go through the cancellation guard, as siglongjmp's do: a context
// saved inside a handler whose sa_mask held signal 32 must not block it
// when resumed (runtime/posix/cancel_signal.hpp).
//
// Switching contexts leaves lwp's list of the cancellation points a thread
// is inside (runtime/thread/cancellation_point.hpp) alone: it has entries
// only while a call waits in one, and code that switches from a signal
// handler that interrupted such a call is not supported.
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/ucontext.h>
#include <ucontext.h>

#include <cstdint>

#include "../../arch/x86_64/user_context_layout.h"
#include "../posix/cancel_signal.hpp"
#include "errno_result.hpp"

// The offsets the assembly uses, against the system's header.
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_R8]) == LWP_UC_R8);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_R9]) == LWP_UC_R9);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_R12]) == LWP_UC_R12);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_R13]) == LWP_UC_R13);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_R14]) == LWP_UC_R14);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_R15]) == LWP_UC_R15);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_RDI]) == LWP_UC_RDI);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_RSI]) == LWP_UC_RSI);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_RBP]) == LWP_UC_RBP);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_RBX]) == LWP_UC_RBX);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_RDX]) == LWP_UC_RDX);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_RCX]) == LWP_UC_RCX);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_RSP]) == LWP_UC_RSP);
static_assert(offsetof(ucontext_t, uc_mcontext.gregs[REG_RIP]) == LWP_UC_RIP);
static_assert(offsetof(ucontext_t, uc_mcontext.fpregs) == LWP_UC_FPREGS);
static_assert(offsetof(ucontext_t, __fpregs_mem) == LWP_UC_FPREGS_MEM);
static_assert(offsetof(_libc_fpstate, cwd) == LWP_FP_CONTROL_WORD);
static_assert(offsetof(_libc_fpstate, mxcsr) == LWP_FP_MXCSR);

extern "C" [[noreturn]] void lwp_arch_context_return();

namespace {

// Registers that carry a function's first arguments, in order (psABI).
constexpr int argument_registers[] = {REG_RDI, REG_RSI, REG_RDX, REG_RCX, REG_R8, REG_R9};
constexpr int register_arguments = sizeof argument_registers / sizeof argument_registers[0];

}  // namespace

extern "C" {

// getcontext's second half, tail-called with the registers saved: its
// result is getcontext's. SIG_BLOCK with no set reads the mask (the
// kernel's 8 bytes of uc_sigmask).
int lwp_context_record_mask(ucontext_t* context) {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::sys::sigprocmask(SIG_BLOCK, nullptr, &context->uc_sigmask)));
}

// setcontext's first half: 0, or -1 with errno, when setcontext returns.
int lwp_context_install_mask(const ucontext_t* context) {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::posix::change_signal_mask(SIG_SETMASK, &context->uc_sigmask, nullptr)));
}

// swapcontext's: `resume`'s mask in, the current one into `save`.
int lwp_context_swap_mask(ucontext_t* save, const ucontext_t* resume) {
    return static_cast<int>(lwp::libc::errno_result(
        lwp::posix::change_signal_mask(SIG_SETMASK, &resume->uc_sigmask, &save->uc_sigmask)));
}

// Makes `context` (filled by getcontext, with uc_stack and uc_link set)
// start `function` on its stack: its first six arguments in registers,
// the rest on the stack above the return address, as a call would leave
// them, and that return address lwp_arch_context_return, which resumes
// uc_link (or exits, when it is null). Each argument is read as a 64-bit
// value, as glibc reads them, so pointers pass whole. A stack too small for
// the arguments, or an argc below 0 (taken as 0), is the caller's error, as
// POSIX leaves it.
void makecontext(ucontext_t* context, void (*function)(), int argc, ...) {
    if (argc < 0) argc = 0;
    int on_stack = argc > register_arguments ? argc - register_arguments : 0;
    auto top = reinterpret_cast<std::uintptr_t>(context->uc_stack.ss_sp) +
               context->uc_stack.ss_size;
    // From the top down: uc_link, in a 16-byte-aligned slot the return path
    // finds through %rbx (and calls from, so aligned); the stack arguments,
    // starting 16-byte aligned as the psABI has them at a call; below them
    // the return address, where the stack pointer starts.
    std::uintptr_t link_slot = (top - 8) & ~std::uintptr_t{15};
    std::uintptr_t arguments_start = (link_slot - 8 * on_stack) & ~std::uintptr_t{15};
    std::uintptr_t stack_pointer = arguments_start - 8;
    *reinterpret_cast<ucontext_t**>(link_slot) = context->uc_link;
    *reinterpret_cast<void (**)()>(stack_pointer) = lwp_arch_context_return;

    va_list arguments;
    va_start(arguments, argc);
    for (int i = 0; i < argc; ++i) {
        long long value = va_arg(arguments, long long);
        if (i < register_arguments)
            context->uc_mcontext.gregs[argument_registers[i]] = value;
        else
            reinterpret_cast<long long*>(arguments_start)[i - register_arguments] = value;
    }
    va_end(arguments);

    context->uc_mcontext.gregs[REG_RIP] = reinterpret_cast<greg_t>(function);
    context->uc_mcontext.gregs[REG_RSP] = static_cast<greg_t>(stack_pointer);
    context->uc_mcontext.gregs[REG_RBX] = static_cast<greg_t>(link_slot);
    context->uc_mcontext.gregs[REG_RBP] = 0;  // the outermost frame, for debuggers
}

}  // extern "C"
