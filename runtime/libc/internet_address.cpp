// inet_pton and inet_ntop (<arpa/inet.h>): numeric IPv4 and IPv6 addresses
// as text, over address_text.cpp. Errors as POSIX gives them: inet_pton
// returns 0 for text that is not an address of the family and -1 with
// EAFNOSUPPORT for another family; inet_ntop returns null with ENOSPC when
// the buffer is too small, EAFNOSUPPORT for another family. And the older
// IPv4-only inet_aton, inet_addr and inet_ntoa.
#include <arpa/inet.h>
#include <errno.h>
#include <sys/socket.h>

#include "address_text.hpp"

extern "C" {

// The IPv6 wildcard and loopback addresses, as <netinet/in.h> declares them.
const struct in6_addr in6addr_any = IN6ADDR_ANY_INIT;
const struct in6_addr in6addr_loopback = IN6ADDR_LOOPBACK_INIT;

int inet_pton(int family, const char* __restrict text, void* __restrict address) noexcept {
    unsigned char* bytes = static_cast<unsigned char*>(address);
    if (family == AF_INET) return lwp::libc::parse_ipv4(text, bytes) ? 1 : 0;
    if (family == AF_INET6) return lwp::libc::parse_ipv6(text, bytes) ? 1 : 0;
    errno = EAFNOSUPPORT;
    return -1;
}

const char* inet_ntop(int family, const void* __restrict address, char* __restrict out,
                      socklen_t size) noexcept {
    const unsigned char* bytes = static_cast<const unsigned char*>(address);
    bool fitted;
    if (family == AF_INET) {
        fitted = lwp::libc::format_ipv4(bytes, out, size);
    } else if (family == AF_INET6) {
        fitted = lwp::libc::format_ipv6(bytes, out, size);
    } else {
        errno = EAFNOSUPPORT;
        return nullptr;
    }
    if (!fitted) {
        errno = ENOSPC;
        return nullptr;
    }
    return out;
}

// 1 and the address, or 0 (no errno) for text that is not one.
int inet_aton(const char* text, in_addr* address) noexcept {
    unsigned char bytes[4];
    if (!lwp::libc::parse_ipv4_classic(text, bytes)) return 0;
    if (address != nullptr) __builtin_memcpy(address, bytes, 4);
    return 1;
}

// INADDR_NONE for text that is not an address: the same bits as
// 255.255.255.255, which this interface cannot tell apart.
in_addr_t inet_addr(const char* text) noexcept {
    in_addr address;
    return inet_aton(text, &address) ? address.s_addr : INADDR_NONE;
}

// In a buffer of the calling thread's, overwritten by its next call.
char* inet_ntoa(in_addr address) noexcept {
    thread_local char text[INET_ADDRSTRLEN];
    lwp::libc::format_ipv4(reinterpret_cast<const unsigned char*>(&address), text, sizeof text);
    return text;
}

}  // extern "C"
