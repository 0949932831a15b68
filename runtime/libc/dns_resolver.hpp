// getaddrinfo's DNS: a stub resolver that asks the name servers of
// /etc/resolv.conf for a name's A and AAAA records over UDP
// (dns_resolver.cpp).
#pragma once

#include <cstddef>

#include "found_addresses.hpp"
#include "resolver_configuration.hpp"  // resolver_configuration_path, read on every lookup

namespace lwp::libc {

// Asks for `name`'s IPv4 addresses, IPv6 addresses, or both, trying the
// search domains as the configuration says. Adds what it finds to `found`
// (the IPv4 addresses first) and the name they were found under to
// `canonical`. 0 with at least one address; EAI_NONAME when the servers
// say there is none (no such name, or no address of the families asked);
// EAI_AGAIN when no server gave an answer in time; EAI_SYSTEM (errno set)
// when no query could be sent or the configuration could not be read.
int ask_name_servers(const char* name, bool want_ipv4, bool want_ipv6, address_list& found,
                     char* canonical, std::size_t canonical_size);

}  // namespace lwp::libc
