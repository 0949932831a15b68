// poll, ppoll, select, pselect: waiting for descriptors, as a thread serving
// several of them does. Each is a cancellation point
// (runtime/thread/cancellation_point.hpp); -1 with errno on failure.
//
// The kernel writes the time left back into select's timeval (Linux's
// documented behaviour, which glibc passes on too); ppoll and pselect take a
// const timespec, so they hand the kernel a copy. A signal mask they are
// given never blocks the cancellation signal (posix/cancel_signal.hpp).
#include <poll.h>
#include <signal.h>
#include <sys/select.h>

#include "../posix/cancel_signal.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;

namespace {

// pselect6's last argument: the mask and its size, in one block.
struct pselect_mask_argument {
    const unsigned long* mask;
    unsigned long size;
};

}  // namespace

extern "C" {

int poll(struct pollfd* descriptors, nfds_t count, int timeout_ms) {
    return static_cast<int>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_poll, reinterpret_cast<long>(descriptors), static_cast<long>(count),
        timeout_ms)));
}

// glibc's other name for poll, exported for older programs.
int __poll(struct pollfd*, nfds_t, int) __attribute__((alias("poll")));

int ppoll(struct pollfd* descriptors, nfds_t count, const struct timespec* timeout,
          const sigset_t* mask) {
    struct timespec timeout_copy;
    if (timeout) timeout_copy = *timeout;
    unsigned long mask_word = mask ? lwp::posix::program_mask_word(mask) : 0;
    return static_cast<int>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_ppoll, reinterpret_cast<long>(descriptors), static_cast<long>(count),
        timeout ? reinterpret_cast<long>(&timeout_copy) : 0,
        mask ? reinterpret_cast<long>(&mask_word) : 0, lwp::sys::kernel_sigset_size)));
}

int select(int count, fd_set* readable, fd_set* writable, fd_set* exceptional,
           struct timeval* timeout) {
    return static_cast<int>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_select, count, reinterpret_cast<long>(readable),
        reinterpret_cast<long>(writable), reinterpret_cast<long>(exceptional),
        reinterpret_cast<long>(timeout))));
}

int pselect(int count, fd_set* readable, fd_set* writable, fd_set* exceptional,
            const struct timespec* timeout, const sigset_t* mask) {
    struct timespec timeout_copy;
    if (timeout) timeout_copy = *timeout;
    unsigned long mask_word = mask ? lwp::posix::program_mask_word(mask) : 0;
    pselect_mask_argument mask_argument{mask ? &mask_word : nullptr,
                                        static_cast<unsigned long>(lwp::sys::kernel_sigset_size)};
    return static_cast<int>(errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_pselect6, count, reinterpret_cast<long>(readable),
        reinterpret_cast<long>(writable), reinterpret_cast<long>(exceptional),
        timeout ? reinterpret_cast<long>(&timeout_copy) : 0,
        reinterpret_cast<long>(&mask_argument))));
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __select(int, fd_set*, fd_set*, fd_set*, struct timeval*)
    __attribute__((alias("select"), copy(select)));
}  // extern "C"
