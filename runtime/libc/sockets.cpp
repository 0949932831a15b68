// The BSD socket calls of <sys/socket.h>: thin wrappers over the system calls
// of the same names (x86_64 has one per call, no socketcall multiplexer),
// -1 plus errno on failure. Those POSIX lists as cancellation points
// (accept, connect, recv*, send*, and Linux's sendmmsg/recvmmsg with them)
// go through the cancellable system call, so
// a thread blocked in them can be cancelled; the rest return at once.
// Name resolution (getaddrinfo, gethostbyname) is not here: it needs NSS and
// DNS, which lwp does not have; inet_pton/inet_ntop (internet_address.cpp)
// convert numeric addresses.
#include <sys/socket.h>
#include <sys/syscall.h>

#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;
using lwp::runtime::cancellation_point_syscall;

namespace {

long as_long(const void* pointer) { return reinterpret_cast<long>(pointer); }

int plain(long number, long a1, long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0) {
    return static_cast<int>(errno_result(lwp::arch::syscall6(number, a1, a2, a3, a4, a5, 0)));
}

long cancellable(long number, long a1, long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0,
                 long a6 = 0) {
    return errno_result(cancellation_point_syscall(nullptr, number, a1, a2, a3, a4, a5, a6));
}

}  // namespace

extern "C" {

int socket(int domain, int type, int protocol) noexcept {
    return plain(__NR_socket, domain, type, protocol);
}
int socketpair(int domain, int type, int protocol, int ends[2]) noexcept {
    return plain(__NR_socketpair, domain, type, protocol, as_long(ends));
}
int bind(int fd, const sockaddr* address, socklen_t length) noexcept {
    return plain(__NR_bind, fd, as_long(address), length);
}
int listen(int fd, int backlog) noexcept { return plain(__NR_listen, fd, backlog); }
int shutdown(int fd, int how) noexcept { return plain(__NR_shutdown, fd, how); }
int getsockname(int fd, sockaddr* address, socklen_t* length) noexcept {
    return plain(__NR_getsockname, fd, as_long(address), as_long(length));
}
int getpeername(int fd, sockaddr* address, socklen_t* length) noexcept {
    return plain(__NR_getpeername, fd, as_long(address), as_long(length));
}
int getsockopt(int fd, int level, int name, void* value, socklen_t* length) noexcept {
    return plain(__NR_getsockopt, fd, level, name, as_long(value), as_long(length));
}
int setsockopt(int fd, int level, int name, const void* value, socklen_t length) noexcept {
    return plain(__NR_setsockopt, fd, level, name, as_long(value), length);
}

// Cancellation points.
int accept(int fd, sockaddr* address, socklen_t* length) {
    return static_cast<int>(cancellable(__NR_accept, fd, as_long(address), as_long(length)));
}
int accept4(int fd, sockaddr* address, socklen_t* length, int flags) {
    return static_cast<int>(
        cancellable(__NR_accept4, fd, as_long(address), as_long(length), flags));
}
int connect(int fd, const sockaddr* address, socklen_t length) {
    return static_cast<int>(cancellable(__NR_connect, fd, as_long(address), length));
}
ssize_t send(int fd, const void* data, size_t length, int flags) {
    return cancellable(__NR_sendto, fd, as_long(data), static_cast<long>(length), flags);
}
ssize_t sendto(int fd, const void* data, size_t length, int flags, const sockaddr* address,
               socklen_t address_length) {
    return cancellable(__NR_sendto, fd, as_long(data), static_cast<long>(length), flags,
                       as_long(address), address_length);
}
ssize_t sendmsg(int fd, const msghdr* message, int flags) {
    return cancellable(__NR_sendmsg, fd, as_long(message), flags);
}
ssize_t recv(int fd, void* data, size_t length, int flags) {
    return cancellable(__NR_recvfrom, fd, as_long(data), static_cast<long>(length), flags);
}
ssize_t recvfrom(int fd, void* data, size_t length, int flags, sockaddr* address,
                 socklen_t* address_length) {
    return cancellable(__NR_recvfrom, fd, as_long(data), static_cast<long>(length), flags,
                       as_long(address), as_long(address_length));
}
ssize_t recvmsg(int fd, msghdr* message, int flags) {
    return cancellable(__NR_recvmsg, fd, as_long(message), flags);
}
int sendmmsg(int fd, mmsghdr* messages, unsigned count, int flags) {
    return static_cast<int>(cancellable(__NR_sendmmsg, fd, as_long(messages), count, flags));
}
int recvmmsg(int fd, mmsghdr* messages, unsigned count, int flags, timespec* timeout) {
    return static_cast<int>(
        cancellable(__NR_recvmmsg, fd, as_long(messages), count, flags, as_long(timeout)));
}

}  // extern "C"
