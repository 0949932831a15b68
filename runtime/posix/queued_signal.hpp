// The siginfo a signal with a value carries (sigqueue, pthread_sigqueue),
// which the sender builds and the kernel's rt_sigqueueinfo and
// rt_tgsigqueueinfo check came from user space (SI_QUEUE): what a receiver's
// SA_SIGINFO handler or sigwaitinfo sees.
#pragma once

#include <signal.h>
#include <sys/syscall.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"

namespace lwp::posix {

inline siginfo_t queued_signal_info(int signal, union sigval value) {
    siginfo_t info{};
    info.si_signo = signal;
    info.si_code = SI_QUEUE;
    info.si_pid = sys::getpid();
    info.si_uid = static_cast<uid_t>(arch::syscall0(__NR_getuid));
    info.si_value = value;
    return info;
}

}  // namespace lwp::posix
