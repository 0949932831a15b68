// getaddrinfo: numeric addresses, the names in /etc/hosts and then DNS
// (dns_resolver.cpp), and the services in /etc/services (or numeric ports).
// There is no NSS. Results
// follow glibc's for what both can answer: the same entries (one per socket
// type and protocol asked for or implied), the same errors, the same
// order for the loopback and wildcard addresses; the addresses of a name
// come in /etc/hosts order, where glibc would also sort by its RFC 3484
// rules (docs/libc.md).
#include "address_lookup.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <cstddef>

#include "address_text.hpp"
#include "dns_resolver.hpp"
#include "found_addresses.hpp"
#include "system_file_lines.hpp"

namespace lwp::libc {
namespace {

constexpr int known_flags = AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL |
                            AI_ADDRCONFIG | AI_NUMERICSERV | AI_IDN | AI_CANONIDN;

// The socket types and protocols getaddrinfo answers for, glibc's set. A
// lookup that names neither gets the usual three; one that names a type or
// a protocol (or both) gets the first kind that fits, a raw socket fitting
// any protocol.
struct socket_kind {
    int type;
    int protocol;
    const char* protocol_name;  // in /etc/services; null: services do not apply
    bool usual;
};
constexpr socket_kind socket_kinds[] = {
    {SOCK_STREAM, IPPROTO_TCP, "tcp", true},
    {SOCK_DGRAM, IPPROTO_UDP, "udp", true},
    {SOCK_DCCP, IPPROTO_DCCP, "dccp", false},
    {SOCK_DGRAM, IPPROTO_UDPLITE, "udplite", false},
    {SOCK_STREAM, IPPROTO_SCTP, "sctp", false},
    {SOCK_SEQPACKET, IPPROTO_SCTP, "sctp", false},
    {SOCK_RAW, 0, nullptr, true},
};
constexpr int kind_count = sizeof socket_kinds / sizeof *socket_kinds;

// The port of `name` for `protocol` in /etc/services, or -1.
int service_port(const char* name, const char* protocol) {
    int port = -1;
    for_each_line("/etc/services", [&](char** words, int count) {
        if (count < 2) return false;
        char* slash = strchr(words[1], '/');
        if (slash == nullptr || strcmp(slash + 1, protocol) != 0) return false;
        for (int i = 0; i < count; ++i) {
            if (i == 1) continue;
            if (strcmp(words[i], name) == 0) {
                *slash = '\0';
                port = atoi(words[1]);
                return true;
            }
        }
        return false;
    });
    return port;
}

// The addresses /etc/hosts gives `name`, in file order; the canonical name
// (the first name of the first line that matches) into `canonical`.
void hosts_file_addresses(const char* name, address_list& found, char* canonical,
                          size_t canonical_size) {
    canonical[0] = '\0';
    for_each_line("/etc/hosts", [&](char** words, int count) {
        if (count < 2) return false;
        bool named = false;
        for (int i = 1; i < count && !named; ++i) named = strcasecmp(words[i], name) == 0;
        if (!named) return false;
        unsigned char bytes[16];
        if (parse_ipv4(words[0], bytes)) {
            found.add(AF_INET, bytes);
        } else if (parse_ipv6(words[0], bytes)) {
            found.add(AF_INET6, bytes);
        } else {
            return false;
        }
        if (canonical[0] == '\0') {
            strncpy(canonical, words[1], canonical_size - 1);
            canonical[canonical_size - 1] = '\0';
        }
        return false;
    });
}

// One result: the addrinfo, its socket address and its canonical name in
// one allocation, so that freeing the node frees all three.
addrinfo* new_entry(const found_address& address, const socket_kind& kind, int protocol,
                    int port, int flags, const char* canonical) {
    size_t address_size =
        address.family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
    size_t name_size = canonical ? strlen(canonical) + 1 : 0;
    size_t header = (sizeof(addrinfo) + alignof(sockaddr_in6) - 1) & ~(alignof(sockaddr_in6) - 1);
    char* block = static_cast<char*>(calloc(1, header + address_size + name_size));
    if (block == nullptr) return nullptr;
    addrinfo* entry = reinterpret_cast<addrinfo*>(block);
    entry->ai_flags = flags;
    entry->ai_family = address.family;
    entry->ai_socktype = kind.type;
    entry->ai_protocol = protocol;
    entry->ai_addrlen = static_cast<socklen_t>(address_size);
    entry->ai_addr = reinterpret_cast<sockaddr*>(block + header);
    if (address.family == AF_INET) {
        sockaddr_in* inet = reinterpret_cast<sockaddr_in*>(entry->ai_addr);
        inet->sin_family = AF_INET;
        inet->sin_port = htons(static_cast<uint16_t>(port));
        memcpy(&inet->sin_addr, address.bytes, 4);
    } else {
        sockaddr_in6* inet6 = reinterpret_cast<sockaddr_in6*>(entry->ai_addr);
        inet6->sin6_family = AF_INET6;
        inet6->sin6_port = htons(static_cast<uint16_t>(port));
        memcpy(&inet6->sin6_addr, address.bytes, 16);
    }
    if (canonical) {
        entry->ai_canonname = block + header + address_size;
        memcpy(entry->ai_canonname, canonical, name_size);
    }
    return entry;
}

// ::ffff:a.b.c.d, for AI_V4MAPPED.
found_address mapped(const found_address& inet) {
    found_address result{AF_INET6, {}};
    result.bytes[10] = result.bytes[11] = 0xff;
    memcpy(result.bytes + 12, inet.bytes, 4);
    return result;
}

}  // namespace

int lookup_addresses(const char* node, const char* service, const addrinfo* hints,
                     addrinfo** result) {
    addrinfo no_hints{};
    no_hints.ai_flags = AI_V4MAPPED | AI_ADDRCONFIG;  // POSIX's default without hints
    const addrinfo& asked = hints ? *hints : no_hints;
    int flags = asked.ai_flags;
    int family = asked.ai_family;
    if (node == nullptr && service == nullptr) return EAI_NONAME;
    if (flags & ~known_flags) return EAI_BADFLAGS;
    if ((flags & AI_CANONNAME) && node == nullptr) return EAI_BADFLAGS;
    if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6) return EAI_FAMILY;
    // The service: none if empty, as with glibc; a number as strtoul reads it (the port is its low 16
    // bits, as glibc keeps them), or a name from /etc/services, per protocol.
    bool numeric_service = true;
    int numeric_port = 0;
    if (service != nullptr && service[0] == '\0') service = nullptr;
    if (service != nullptr) {
        char* end;
        unsigned long number = strtoul(service, &end, 10);
        numeric_service = *end == '\0';
        if (numeric_service) {
            numeric_port = static_cast<int>(number & 0xffff);
        } else if (flags & AI_NUMERICSERV) {
            return EAI_NONAME;
        }
    }

    // The kinds of socket to answer for.
    const socket_kind* kinds[kind_count];
    int kinds_wanted = 0;
    if (asked.ai_socktype == 0 && asked.ai_protocol == 0) {
        for (const socket_kind& kind : socket_kinds)
            if (kind.usual) kinds[kinds_wanted++] = &kind;
    } else {
        for (const socket_kind& kind : socket_kinds) {
            if (asked.ai_socktype != 0 && asked.ai_socktype != kind.type) continue;
            if (asked.ai_protocol != 0 && kind.type != SOCK_RAW && asked.ai_protocol != kind.protocol)
                continue;
            kinds[kinds_wanted++] = &kind;
            break;
        }
        if (kinds_wanted == 0) return EAI_SOCKTYPE;
    }

    // The port of each kind, -1 for a kind without the service. A raw
    // socket has no services: chosen, it is an error; among the usual three,
    // it comes with a numeric port (as glibc's does), not with a named one.
    // Resolved before the node, as glibc does, which decides the error when
    // both are wrong.
    int ports[kind_count];
    bool some_port = false;
    for (int k = 0; k < kinds_wanted; ++k) {
        const socket_kind& kind = *kinds[k];
        if (service == nullptr) {
            ports[k] = 0;
        } else if (kind.protocol_name == nullptr) {
            if (kinds_wanted == 1) return EAI_SERVICE;
            ports[k] = numeric_service ? numeric_port : -1;
        } else {
            ports[k] = numeric_service ? numeric_port : service_port(service, kind.protocol_name);
        }
        some_port |= ports[k] >= 0;
    }
    if (!some_port) return EAI_SERVICE;

    // The addresses.
    address_list found;
    char canonical[256] = "";
    unsigned char bytes[16];
    bool numeric_node = false;
    if (node == nullptr) {
        // The wildcard to bind to, or the loopback to connect to; glibc
        // gives the wildcard IPv4 first and the loopback IPv6 first.
        unsigned char any4[4] = {}, any6[16] = {}, loop4[4] = {127, 0, 0, 1}, loop6[16] = {};
        loop6[15] = 1;
        bool passive = flags & AI_PASSIVE;
        if (passive) {
            if (family != AF_INET6) found.add(AF_INET, any4);
            if (family != AF_INET) found.add(AF_INET6, any6);
        } else {
            if (family != AF_INET) found.add(AF_INET6, loop6);
            if (family != AF_INET6) found.add(AF_INET, loop4);
        }
    } else if (parse_ipv4_classic(node, bytes)) {
        numeric_node = true;
        if (family == AF_INET6) {
            if (!(flags & AI_V4MAPPED)) return EAI_ADDRFAMILY;
            found_address inet{AF_INET, {}};
            memcpy(inet.bytes, bytes, 4);
            found_address six = mapped(inet);
            found.add(AF_INET6, six.bytes);
        } else {
            found.add(AF_INET, bytes);
        }
    } else if (parse_ipv6(node, bytes)) {
        numeric_node = true;
        if (family == AF_INET) {
            // An IPv4-mapped address is that IPv4 address, as glibc has it.
            static constexpr unsigned char mapped_prefix[12] = {0, 0, 0, 0, 0, 0,
                                                                0, 0, 0, 0, 0xff, 0xff};
            if (memcmp(bytes, mapped_prefix, 12) != 0) return EAI_ADDRFAMILY;
            found.add(AF_INET, bytes + 12);
        } else {
            found.add(AF_INET6, bytes);
        }
    } else {
        if (flags & AI_NUMERICHOST) return EAI_NONAME;
        address_list listed;
        hosts_file_addresses(node, listed, canonical, sizeof canonical);
        if (listed.count == 0) {
            // Then DNS, for the families wanted (IPv4 too for AF_INET6 with
            // AI_V4MAPPED, whose IPv4 addresses are mapped below).
            int error = ask_name_servers(node, family != AF_INET6 || (flags & AI_V4MAPPED),
                                         family != AF_INET, listed, canonical, sizeof canonical);
            if (error != 0) return error;
        }
        bool any_six = false;
        for (int i = 0; i < listed.count; ++i) any_six |= listed.entries[i].family == AF_INET6;
        for (int i = 0; i < listed.count; ++i) {
            const found_address& each = listed.entries[i];
            if (family == AF_UNSPEC || each.family == family) {
                found.add(each.family, each.bytes);
            } else if (family == AF_INET6 && (flags & AI_V4MAPPED) &&
                       (!any_six || (flags & AI_ALL))) {
                found_address six = mapped(each);
                found.add(AF_INET6, six.bytes);
            }
        }
        if (found.count == 0) return EAI_NONAME;
    }
    if (numeric_node) strncpy(canonical, node, sizeof canonical - 1);

    // One entry per address and kind of socket.
    addrinfo* first = nullptr;
    addrinfo** link = &first;
    for (int a = 0; a < found.count; ++a) {
        for (int k = 0; k < kinds_wanted; ++k) {
            const socket_kind& kind = *kinds[k];
            int protocol = kind.type == SOCK_RAW && asked.ai_protocol != 0 ? asked.ai_protocol
                                                                           : kind.protocol;
            int port = ports[k];
            if (port < 0) continue;
            const char* name = (flags & AI_CANONNAME) && first == nullptr ? canonical : nullptr;
            addrinfo* entry = new_entry(found.entries[a], kind, protocol, port, flags, name);
            if (entry == nullptr) {
                free_addresses(first);
                return EAI_MEMORY;
            }
            *link = entry;
            link = &entry->ai_next;
        }
    }
    *result = first;
    return 0;
}

void free_addresses(addrinfo* list) {
    while (list != nullptr) {
        addrinfo* next = list->ai_next;
        free(list);
        list = next;
    }
}

const char* lookup_error_text(int code) {
    switch (code) {
    case EAI_BADFLAGS: return "Bad value for ai_flags";
    case EAI_NONAME: return "Name or service not known";
    case EAI_AGAIN: return "Temporary failure in name resolution";
    case EAI_FAIL: return "Non-recoverable failure in name resolution";
    case EAI_NODATA: return "No address associated with hostname";
    case EAI_FAMILY: return "ai_family not supported";
    case EAI_SOCKTYPE: return "ai_socktype not supported";
    case EAI_SERVICE: return "Servname not supported for ai_socktype";
    case EAI_ADDRFAMILY: return "Address family for hostname not supported";
    case EAI_MEMORY: return "Memory allocation failure";
    case EAI_SYSTEM: return "System error";
    // GNU's, for its asynchronous lookups (which lwp does not have).
    case EAI_INPROGRESS: return "Processing request in progress";
    case EAI_CANCELED: return "Request canceled";
    case EAI_NOTCANCELED: return "Request not canceled";
    case EAI_ALLDONE: return "All requests done";
    case EAI_INTR: return "Interrupted by a signal";
    case EAI_IDN_ENCODE: return "Parameter string not correctly encoded";
    default: return "Unknown error";
    }
}

}  // namespace lwp::libc
