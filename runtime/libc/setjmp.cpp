// The signal-mask half of sigsetjmp/siglongjmp; the registers are saved and
// restored in arch/x86_64/setjmp_freestanding.S. longjmp and _longjmp are the
// same function as siglongjmp: each restores the mask exactly when the
// setjmp that filled the buffer saved one.
#include <setjmp.h>
#include <signal.h>

#include <cstdint>

#include "../posix/cancel_signal.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "fortify_failure.hpp"

extern "C" [[noreturn]] void lwp_arch_longjmp(void* registers, int value);

extern "C" {

// __sigsetjmp's second half, tail-called with the registers already saved:
// its 0 is sigsetjmp's first return. pthread_cleanup_push passes a shorter
// buffer (glibc's __cancel_jmp_buf_tag) that ends after __mask_was_saved,
// always with save_mask 0, so __saved_mask is written only when asked for.
int lwp_sigsetjmp_record_mask(struct __jmp_buf_tag* env, int save_mask) {
    env->__mask_was_saved = save_mask != 0;
    // SIG_BLOCK with no set changes nothing and reads the current mask: the
    // kernel's 8 bytes, the part of __saved_mask that siglongjmp gives back.
    if (save_mask) lwp::sys::sigprocmask(SIG_BLOCK, nullptr, &env->__saved_mask);
    return 0;
}

// The saved stack pointer's slot in __jmpbuf (setjmp_freestanding.S), stored
// as it is, not mangled.
constexpr int saved_stack_pointer = 6;

void siglongjmp(struct __jmp_buf_tag* env, int value) noexcept {
    // A jump out of a handler that interrupted a cancellation point abandons
    // that call: it leaves the thread's list of them (cancellation_point.hpp).
    lwp::runtime::forget_cancellation_points_below(
        reinterpret_cast<const void*>(env->__jmpbuf[saved_stack_pointer]));
    // Jumping out of a signal handler would otherwise leave the handler's
    // mask (its own signal blocked, at least) in force.
    // Through the cancellation guard: a mask saved inside a handler whose
    // sa_mask held signal 32 must not block it now (cancel_signal.hpp).
    if (env->__mask_was_saved)
        lwp::posix::change_signal_mask(SIG_SETMASK, &env->__saved_mask, nullptr);
    lwp_arch_longjmp(env->__jmpbuf, value);
}

// What longjmp, _longjmp and siglongjmp become in a program built with
// _FORTIFY_SOURCE: the same jump, refused when it would go down the stack,
// into frames that have already returned (a buffer filled by a function that
// is gone, or a corrupted one). The one lawful downward jump is out of a
// signal handler running on the alternate stack back to the normal stack,
// which may lie below it; a target below us on the alternate stack itself
// is still refused.
void __longjmp_chk(struct __jmp_buf_tag* env, int value) noexcept {
    auto target = static_cast<std::uintptr_t>(env->__jmpbuf[saved_stack_pointer]);
    auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    if (target < here) {
        stack_t alternate;
        bool lawful = sigaltstack(nullptr, &alternate) == 0 && (alternate.ss_flags & SS_ONSTACK) &&
                      target - reinterpret_cast<std::uintptr_t>(alternate.ss_sp) >= alternate.ss_size;
        if (!lawful) lwp::libc::fortify_failure("longjmp causes uninitialized stack frame");
    }
    siglongjmp(env, value);
}

void longjmp(struct __jmp_buf_tag* env, int value) noexcept __attribute__((alias("siglongjmp")));
void _longjmp(struct __jmp_buf_tag* env, int value) noexcept __attribute__((alias("siglongjmp")));

}  // extern "C"
