// The addresses a lookup has found for a name, in the order found: what
// /etc/hosts (address_lookup.cpp) and DNS (dns_resolver.cpp) give
// getaddrinfo.
#pragma once

#include <sys/socket.h>
#include <string.h>

namespace lwp::libc {

// One address, as its family's bytes.
struct found_address {
    int family;
    unsigned char bytes[16];
};

struct address_list {
    static constexpr int most = 32;  // more are dropped
    found_address entries[most];
    int count = 0;
    void add(int family, const unsigned char* bytes) {
        if (count == most) return;
        entries[count].family = family;
        memcpy(entries[count].bytes, bytes, family == AF_INET ? 4 : 16);
        ++count;
    }
};

}  // namespace lwp::libc
