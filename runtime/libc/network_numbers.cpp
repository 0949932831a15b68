// inet_network, and the classful pieces of an IPv4 address that go with
// network numbers: inet_makeaddr inet_lnaof inet_netof (class A below
// 128.0.0.0, B below 192.0.0.0, C above, as glibc still splits them).
#include <arpa/inet.h>
#include <netinet/in.h>

#include "network_numbers.hpp"

extern "C" {

in_addr_t inet_network(const char* text) noexcept { return lwp::libc::parse_network_number(text); }

// A network number and a host number into an address: the host in the bits
// the network's class leaves (a network of 2^24 and more is taken whole).
in_addr inet_makeaddr(in_addr_t network, in_addr_t host) noexcept {
    in_addr_t address;
    if (network < 128)
        address = network << IN_CLASSA_NSHIFT | (host & IN_CLASSA_HOST);
    else if (network < 65536)
        address = network << IN_CLASSB_NSHIFT | (host & IN_CLASSB_HOST);
    else if (network < 16777216)
        address = network << IN_CLASSC_NSHIFT | (host & IN_CLASSC_HOST);
    else
        address = network | host;
    return in_addr{htonl(address)};
}

in_addr_t inet_lnaof(in_addr address) noexcept {
    uint32_t bits = ntohl(address.s_addr);
    if (IN_CLASSA(bits)) return bits & IN_CLASSA_HOST;
    if (IN_CLASSB(bits)) return bits & IN_CLASSB_HOST;
    return bits & IN_CLASSC_HOST;
}

in_addr_t inet_netof(in_addr address) noexcept {
    uint32_t bits = ntohl(address.s_addr);
    if (IN_CLASSA(bits)) return (bits & IN_CLASSA_NET) >> IN_CLASSA_NSHIFT;
    if (IN_CLASSB(bits)) return (bits & IN_CLASSB_NET) >> IN_CLASSB_NSHIFT;
    return (bits & IN_CLASSC_NET) >> IN_CLASSC_NSHIFT;
}

}  // extern "C"
