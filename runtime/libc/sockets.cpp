// The BSD socket calls of <sys/socket.h>: thin wrappers over the system calls
// of the same names (x86_64 has one per call, no socketcall multiplexer),
// -1 plus errno on failure (system_call.hpp; every result fits the C
// function's return type). Those POSIX lists as cancellation points
// (accept, connect, recv*, send*, and Linux's sendmmsg/recvmmsg with them)
// go through the cancellable system call, so a thread blocked in them can be
// cancelled; the rest return at once. Addresses from names: getaddrinfo.cpp;
// numeric ones as text: internet_address.cpp.
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include "system_call.hpp"

using lwp::libc::cancellation_point_call;
using lwp::libc::system_call;

extern "C" {

int socket(int domain, int type, int protocol) noexcept {
    return system_call(__NR_socket, domain, type, protocol);
}
int socketpair(int domain, int type, int protocol, int ends[2]) noexcept {
    return system_call(__NR_socketpair, domain, type, protocol, ends);
}
int bind(int fd, const sockaddr* address, socklen_t length) noexcept {
    return system_call(__NR_bind, fd, address, length);
}
int listen(int fd, int backlog) noexcept { return system_call(__NR_listen, fd, backlog); }
// Whether the next byte to read is the urgent (out-of-band) mark: the
// socket's SIOCATMARK answer (1 or 0), -1 with the ioctl's errno (ENOTTY
// for a descriptor that is not a socket, as glibc's).
int sockatmark(int fd) noexcept {
    int at_mark = 0;
    if (system_call(__NR_ioctl, fd, SIOCATMARK, &at_mark) < 0) return -1;
    return at_mark;
}
int shutdown(int fd, int how) noexcept { return system_call(__NR_shutdown, fd, how); }
int getsockname(int fd, sockaddr* address, socklen_t* length) noexcept {
    return system_call(__NR_getsockname, fd, address, length);
}
int getpeername(int fd, sockaddr* address, socklen_t* length) noexcept {
    return system_call(__NR_getpeername, fd, address, length);
}
int getsockopt(int fd, int level, int name, void* value, socklen_t* length) noexcept {
    return system_call(__NR_getsockopt, fd, level, name, value, length);
}
int setsockopt(int fd, int level, int name, const void* value, socklen_t length) noexcept {
    return system_call(__NR_setsockopt, fd, level, name, value, length);
}

// Cancellation points.
int accept(int fd, sockaddr* address, socklen_t* length) {
    return cancellation_point_call(__NR_accept, fd, address, length);
}
int accept4(int fd, sockaddr* address, socklen_t* length, int flags) {
    return cancellation_point_call(__NR_accept4, fd, address, length, flags);
}
int connect(int fd, const sockaddr* address, socklen_t length) {
    return cancellation_point_call(__NR_connect, fd, address, length);
}
ssize_t send(int fd, const void* data, size_t length, int flags) {
    return cancellation_point_call(__NR_sendto, fd, data, length, flags);
}
ssize_t sendto(int fd, const void* data, size_t length, int flags, const sockaddr* address,
               socklen_t address_length) {
    return cancellation_point_call(__NR_sendto, fd, data, length, flags, address, address_length);
}
ssize_t sendmsg(int fd, const msghdr* message, int flags) {
    return cancellation_point_call(__NR_sendmsg, fd, message, flags);
}
ssize_t recv(int fd, void* data, size_t length, int flags) {
    return cancellation_point_call(__NR_recvfrom, fd, data, length, flags);
}
ssize_t recvfrom(int fd, void* data, size_t length, int flags, sockaddr* address,
                 socklen_t* address_length) {
    return cancellation_point_call(__NR_recvfrom, fd, data, length, flags, address,
                                   address_length);
}
ssize_t recvmsg(int fd, msghdr* message, int flags) {
    return cancellation_point_call(__NR_recvmsg, fd, message, flags);
}
int sendmmsg(int fd, mmsghdr* messages, unsigned count, int flags) {
    return cancellation_point_call(__NR_sendmmsg, fd, messages, count, flags);
}
int recvmmsg(int fd, mmsghdr* messages, unsigned count, int flags, timespec* timeout) {
    return cancellation_point_call(__NR_recvmmsg, fd, messages, count, flags, timeout);
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __connect(int, const sockaddr*, socklen_t) __attribute__((alias("connect"), copy(connect)));
ssize_t __send(int, const void*, size_t, int) __attribute__((alias("send"), copy(send)));
}  // extern "C"
