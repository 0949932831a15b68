// mq_notify, with the thread SIGEV_THREAD needs.
//
// SIGEV_NONE and SIGEV_SIGNAL are the kernel's. For SIGEV_THREAD the kernel
// starts no thread: it sends a 32-byte cookie to a netlink socket named by
// the caller (its descriptor in sigev_signo), the last byte saying whether
// the notification fired or the registration went away (mq_notify with a
// null event, or the queue descriptor closed). So mq_notify makes such a
// socket and a thread that waits on it, then registers them; the thread,
// made with the caller's sigev_notify_attributes and detached, calls
// sigev_notify_function(sigev_value) itself when the notification fires (as
// POSIX has it run "as if" a new thread's start routine), and just ends when
// the registration goes away.
//
// The thread is made first and held at a gate until the registration is
// known: if the kernel refuses it (EBADF, EBUSY, ...), the thread is told to
// end without reading, and mq_notify fails with the kernel's error. So no
// thread is ever left waiting on a socket nothing will write to, and no
// notification is lost to a thread that could not be made.
#include <errno.h>
#include <mqueue.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include <atomic>
#include <new>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/futex.hpp"
#include "../sys/syscalls.hpp"
#include "errno_result.hpp"
#include "system_call.hpp"

namespace {

constexpr int cookie_size = 32;                  // the kernel's NOTIFY_COOKIE_LEN
constexpr unsigned char notification_fired = 1;  // its NOTIFY_WOKENUP, in the last byte

enum gate_state : int { held, registered, refused };

// Handed to the thread, which owns it (and the socket) once the gate opens.
struct notification_waiter {
    std::atomic<int> gate{held};
    int socket;
    void (*function)(sigval);
    sigval value;
};

void* wait_for_notification(void* argument) {
    auto* waiter = static_cast<notification_waiter*>(argument);
    // Acquire: pairs with mq_notify's release store (nothing else to see
    // but the verdict); the loop absorbs spurious wakes.
    int state;
    while ((state = waiter->gate.load(std::memory_order_acquire)) == held)
        lwp::sys::futex_wait(&waiter->gate, held, /*process_private=*/true);
    bool fired = false;
    if (state == registered) {
        unsigned char cookie[cookie_size];
        long got;
        do {
            got = lwp::arch::syscall6(__NR_recvfrom, waiter->socket, reinterpret_cast<long>(cookie),
                                      cookie_size, MSG_NOSIGNAL | MSG_WAITALL, 0, 0);
        } while (got == -EINTR);
        fired = got == cookie_size && cookie[cookie_size - 1] == notification_fired;
    }
    lwp::arch::syscall1(__NR_close, waiter->socket);
    void (*function)(sigval) = waiter->function;
    const sigval value = waiter->value;
    free(waiter);
    if (fired) function(value);
    return nullptr;
}

// SIGEV_THREAD: -1 with errno, or 0.
int notify_by_thread(mqd_t queue, const sigevent& event) {
    long socket = lwp::arch::syscall3(__NR_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, 0);
    if (lwp::sys::failed(socket)) return static_cast<int>(lwp::libc::errno_result(socket));
    auto* waiter = static_cast<notification_waiter*>(malloc(sizeof(notification_waiter)));
    if (waiter == nullptr) {
        lwp::arch::syscall1(__NR_close, socket);
        return lwp::libc::fail_with_errno(ENOMEM);
    }
    new (waiter) notification_waiter;
    waiter->socket = static_cast<int>(socket);
    waiter->function = event.sigev_notify_function;
    waiter->value = event.sigev_value;
    const pthread_attr_t* attributes = event.sigev_notify_attributes;
    pthread_t thread;
    int error = pthread_create(&thread, attributes, wait_for_notification, waiter);
    if (error != 0) {
        lwp::arch::syscall1(__NR_close, socket);
        free(waiter);
        return lwp::libc::fail_with_errno(error);
    }
    // Nobody joins it: detached, whatever the attributes asked.
    int detach_state = PTHREAD_CREATE_JOINABLE;
    if (attributes != nullptr) pthread_attr_getdetachstate(attributes, &detach_state);
    if (detach_state == PTHREAD_CREATE_JOINABLE) pthread_detach(thread);

    // The kernel copies the cookie (all zeros) at registration.
    unsigned char cookie[cookie_size] = {};
    sigevent to_kernel{};
    to_kernel.sigev_notify = SIGEV_THREAD;
    to_kernel.sigev_signo = static_cast<int>(socket);
    to_kernel.sigev_value.sival_ptr = cookie;
    long result = lwp::arch::syscall2(__NR_mq_notify, queue, reinterpret_cast<long>(&to_kernel));
    const bool ok = !lwp::sys::failed(result);
    // Release: the thread owns the waiter from here on; this thread does not
    // touch it again, beyond the wake (a futex wake on freed memory at worst
    // wakes some other waiter spuriously, which every futex user tolerates).
    waiter->gate.store(ok ? registered : refused, std::memory_order_release);
    lwp::sys::futex_wake(&waiter->gate, 1, /*process_private=*/true);
    return static_cast<int>(lwp::libc::errno_result(ok ? 0 : result));
}

}  // namespace

extern "C" int mq_notify(mqd_t queue, const sigevent* notification) noexcept {
    if (notification != nullptr && notification->sigev_notify == SIGEV_THREAD)
        return notify_by_thread(queue, *notification);
    return lwp::libc::system_call(__NR_mq_notify, queue, notification);
}
