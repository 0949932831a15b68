// Binding to reserved ports (below IPPORT_RESERVED, 1024), which only a
// privileged process may do: bindresvport (Sun RPC's, IPv4) and rresvport
// rresvport_af (the BSD remote-shell protocol's, which wants a client port
// the server can trust). The search orders are glibc's, so the same free
// ports give the same port.
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../thread/internal_lock.hpp"

namespace {

// bindresvport first tries 600-1023, starting from a place that depends on
// the process id (so that two processes started together seldom collide),
// then, once that range has been found full, 512-599, and from then on
// 512-1023 for the rest of the process.
constexpr short first_range_start = 600;
constexpr short low_range_start = 512;
constexpr short range_end = IPPORT_RESERVED - 1;

lwp::runtime::internal_lock port_lock;
short next_port;
short range_start = first_range_start;

} // namespace

extern "C" {

int bindresvport(int sd, sockaddr_in* sin) noexcept {
    sockaddr_in any;
    if (sin == nullptr) {
        memset(&any, 0, sizeof any);
        any.sin_family = AF_INET;
        sin = &any;
    } else if (sin->sin_family != AF_INET) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    if (next_port == 0) {
        next_port = static_cast<short>(getpid() % (range_end - first_range_start + 1) + first_range_start);
    }
    lwp::runtime::internal_lock_guard hold(port_lock);
    int result = -1;
    int count = range_end - range_start + 1;
    int last = range_end;
    for (;;) {
        int tried = 0;
        for (; tried < count; ++tried) {
            sin->sin_port = htons(static_cast<uint16_t>(next_port++));
            if (next_port > last) next_port = range_start;
            result = bind(sd, reinterpret_cast<sockaddr*>(sin), sizeof(sockaddr_in));
            // Only a port in use moves the search on; any other failure
            // (the socket already bound, no privilege) is the answer.
            if (result >= 0 || errno != EADDRINUSE) break;
        }
        if (tried != count || range_start == low_range_start) break;
        // The upper range is full: search the lower one, starting at a
        // place derived from where the search stopped.
        range_start = low_range_start;
        last = first_range_start - 1;
        count = first_range_start - low_range_start;
        next_port = static_cast<short>(low_range_start + next_port % (first_range_start - low_range_start));
    }
    return result;
}

int rresvport_af(int* alport, sa_family_t family) {
    union {
        sockaddr generic;
        sockaddr_in in;
        sockaddr_in6 in6;
    } address;
    socklen_t length;
    in_port_t* port;
    if (family == AF_INET) {
        length = sizeof(sockaddr_in);
        port = &address.in.sin_port;
    } else if (family == AF_INET6) {
        length = sizeof(sockaddr_in6);
        port = &address.in6.sin6_port;
    } else {
        errno = EAFNOSUPPORT;
        return -1;
    }
    // Without SOCK_CLOEXEC, as glibc: callers of this old interface may
    // hand the socket to a child.
    int s = socket(family, SOCK_STREAM, 0);
    if (s < 0) return -1;
    memset(&address, 0, sizeof address);
    address.generic.sa_family = family;
    // The search runs downwards from *alport through 512-1023, wrapping
    // from 512 to 1023, and leaves *alport at the port bound.
    if (*alport < IPPORT_RESERVED / 2) {
        *alport = IPPORT_RESERVED / 2;
    } else if (*alport >= IPPORT_RESERVED) {
        *alport = IPPORT_RESERVED - 1;
    }
    int start = *alport;
    do {
        *port = htons(static_cast<uint16_t>(*alport));
        if (bind(s, &address.generic, length) >= 0) return s;
        if (errno != EADDRINUSE) {
            close(s);
            return -1;
        }
        if ((*alport)-- == IPPORT_RESERVED / 2) *alport = IPPORT_RESERVED - 1;
    } while (*alport != start);
    close(s);
    errno = EAGAIN;
    return -1;
}

int rresvport(int* alport) { return rresvport_af(alport, AF_INET); }

} // extern "C"
