// Signal 32's one handler: see internal_signal.hpp.
#include "internal_signal.hpp"

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "cancel_signal.hpp"
#include "kernel_sigaction.hpp"

extern "C" void lwp_arch_signal_return();

namespace lwp::posix {

void (*repeat_identity_change)() = nullptr;
void (*act_on_cancel_request)(siginfo_t* info, void* context) = nullptr;

namespace {

void on_internal_signal(int, siginfo_t* info, void* context) {
    // Only a tgkill from this process is a request: a kill(2) of signal 32
    // from elsewhere asks nothing.
    if (info->si_code != SI_TKILL || info->si_pid != sys::getpid()) return;
    // The identity first: acting on a cancellation does not return.
    if (repeat_identity_change) repeat_identity_change();
    if (act_on_cancel_request) act_on_cancel_request(info, context);
}

}  // namespace

// SA_RESTART: a system call that is not a cancellation point, interrupted
// by a request, resumes instead of failing with EINTR wherever the kernel
// can restart it (the few it never restarts, such as poll or nanosleep,
// fail with EINTR as for any handler). No SA_ONSTACK: acting on a
// cancellation runs cleanup handlers, which belong on the thread's own
// stack. A failure could not be reported to anyone, and cannot happen with
// these arguments, so it is not checked.
void install_internal_signal_handler() {
    kernel_sigaction action{};
    action.handler = reinterpret_cast<void*>(on_internal_signal);
    action.flags = SA_SIGINFO | SA_RESTART | sa_restorer_flag;
    action.restorer = lwp_arch_signal_return;
    arch::syscall4(__NR_rt_sigaction, cancel_signal, reinterpret_cast<long>(&action), 0,
                   sys::kernel_sigset_size);
}

}  // namespace lwp::posix
