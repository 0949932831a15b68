// Names of hosts the old way and the reverse way: gethostbyname
// gethostbyname2 gethostbyaddr (and their _r forms), h_errno (through
// __h_errno_location), herror hstrerror h_errlist h_nerr; and getnameinfo.
//
// Forward lookups go through getaddrinfo's engine (address_lookup.cpp):
// numeric addresses, /etc/hosts, then DNS. Reverse lookups (an address to a
// name) read /etc/hosts only: lwp's resolver asks name servers for A and
// AAAA records, not for PTR ones, so an address that /etc/hosts does not
// name has no name here (getnameinfo then answers with the number, or
// EAI_NONAME under NI_NAMEREQD; gethostbyaddr says HOST_NOT_FOUND), where
// glibc would also ask DNS.
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "address_lookup.hpp"
#include "address_text.hpp"
#include "system_file_lines.hpp"

namespace {

thread_local int host_lookup_error = 0;

constexpr int address_length(int family) { return family == AF_INET ? 4 : 16; }

// The first name /etc/hosts gives the address, into `name`. False when no
// line has it (or the name does not fit).
bool hosts_file_name(int family, const void* address, char* name, size_t size) {
    bool found = false;
    lwp::libc::for_each_line("/etc/hosts", [&](char** words, int count) {
        if (count < 2) return false;
        unsigned char bytes[16];
        bool parsed = family == AF_INET ? lwp::libc::parse_ipv4(words[0], bytes)
                                        : lwp::libc::parse_ipv6(words[0], bytes);
        if (!parsed || memcmp(bytes, address, address_length(family)) != 0) return false;
        if (strlen(words[1]) < size) {
            strcpy(name, words[1]);
            found = true;
        }
        return true;
    });
    return found;
}

// Builds a hostent in the caller's buffer: the name, an empty alias list
// and the addresses. ERANGE when it does not fit.
int fill_host(const char* name, int family, const unsigned char* addresses, int count,
              hostent* entry, char* buffer, size_t size) {
    int length = address_length(family);
    auto start = reinterpret_cast<uintptr_t>(buffer);
    uintptr_t aligned = (start + alignof(char*) - 1) & ~(uintptr_t{alignof(char*)} - 1);
    size_t needed = (aligned - start) + (count + 2) * sizeof(char*) +
                    static_cast<size_t>(count) * length + strlen(name) + 1;
    if (needed > size) return ERANGE;
    auto** pointers = reinterpret_cast<char**>(aligned);
    char* bytes = reinterpret_cast<char*>(pointers + count + 2);
    entry->h_aliases = pointers;  // empty: ends at once
    pointers[0] = nullptr;
    entry->h_addr_list = pointers + 1;
    for (int i = 0; i < count; ++i) {
        memcpy(bytes, addresses + i * length, length);
        entry->h_addr_list[i] = bytes;
        bytes += length;
    }
    entry->h_addr_list[count] = nullptr;
    entry->h_name = strcpy(bytes, name);
    entry->h_addrtype = family;
    entry->h_length = length;
    return 0;
}

int host_error_of(int lookup_code) {
    switch (lookup_code) {
        case EAI_NONAME:
        case EAI_NODATA:
        case EAI_ADDRFAMILY: return HOST_NOT_FOUND;
        case EAI_AGAIN: return TRY_AGAIN;
        default: return NO_RECOVERY;
    }
}

// The _r forms' contract: 0 with *result set; on failure *result null, the
// h_errno code in *error, and the return value ERANGE (buffer too small),
// the errno of a system failure, or 0 with no such host... as glibc.
int lookup_host(const char* name, int family, hostent* entry, char* buffer, size_t size,
                hostent** result, int* error) {
    *result = nullptr;
    if (family != AF_INET && family != AF_INET6) {
        *error = NETDB_INTERNAL;
        errno = EAFNOSUPPORT;
        return EAFNOSUPPORT;
    }
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;  // one entry per address
    hints.ai_flags = AI_CANONNAME;
    addrinfo* found;
    int code = lwp::libc::lookup_addresses(name, nullptr, &hints, &found);
    if (code != 0) {
        *error = host_error_of(code);
        return code == EAI_SYSTEM ? errno : 0;
    }
    unsigned char addresses[32 * 16];
    int count = 0;
    for (addrinfo* at = found; at != nullptr && count < 32; at = at->ai_next) {
        const void* bytes = family == AF_INET
                                ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(at->ai_addr)->sin_addr)
                                : &reinterpret_cast<sockaddr_in6*>(at->ai_addr)->sin6_addr;
        memcpy(addresses + count * address_length(family), bytes, address_length(family));
        ++count;
    }
    const char* canonical = found->ai_canonname ? found->ai_canonname : name;
    int failure = fill_host(canonical, family, addresses, count, entry, buffer, size);
    lwp::libc::free_addresses(found);
    if (failure != 0) {
        *error = NETDB_INTERNAL;
        errno = failure;
        return failure;
    }
    *result = entry;
    *error = 0;
    return 0;
}

struct {
    hostent entry;
    char text[1024];
} static_host;

hostent* static_result(int failure, hostent* result) {
    if (failure == ERANGE) host_lookup_error = NETDB_INTERNAL;
    return result;
}

// getnameinfo's host part: the number, with an IPv6 scope: the interface's
// name for a link-local address ("%eth0"), its index otherwise or when the
// interface has no name.
int numeric_host(const sockaddr* address, char* host, size_t size) {
    char text[INET6_ADDRSTRLEN + IF_NAMESIZE + 1];
    if (address->sa_family == AF_INET) {
        auto* inet = reinterpret_cast<const sockaddr_in*>(address);
        lwp::libc::format_ipv4(reinterpret_cast<const unsigned char*>(&inet->sin_addr), text,
                               sizeof text);
    } else {
        auto* inet6 = reinterpret_cast<const sockaddr_in6*>(address);
        lwp::libc::format_ipv6(inet6->sin6_addr.s6_addr, text, sizeof text);
        if (inet6->sin6_scope_id != 0) {
            char* end = text + strlen(text);
            *end++ = '%';
            const in6_addr& bytes = inet6->sin6_addr;
            bool named_scope = IN6_IS_ADDR_LINKLOCAL(&bytes) || IN6_IS_ADDR_MC_LINKLOCAL(&bytes);
            if (!named_scope || if_indextoname(inet6->sin6_scope_id, end) == nullptr)
                snprintf(end, IF_NAMESIZE + 1, "%u", inet6->sin6_scope_id);
        }
    }
    if (strlen(text) >= size) return EAI_OVERFLOW;
    strcpy(host, text);
    return 0;
}

// NI_NOFQDN: a name in the local host's own domain loses the domain.
void strip_local_domain(char* name) {
    char self[256];
    if (gethostname(self, sizeof self) != 0) return;
    const char* own_domain = strchr(self, '.');
    char* dot = strchr(name, '.');
    if (own_domain != nullptr && dot != nullptr && strcmp(dot, own_domain) == 0) *dot = '\0';
}

// getnameinfo for a Unix-domain address, as glibc answers it: the host is
// this machine (its node name, or "localhost" under NI_NUMERICHOST, which is
// no name: EAI_NONAME under NI_NAMEREQD), the service the socket's path.
int local_name_info(const sockaddr* address, socklen_t address_size, char* host,
                    socklen_t host_size, char* service, socklen_t service_size, int flags) {
    if (host != nullptr && host_size != 0) {
        struct utsname system;
        const char* name = "localhost";
        if (!(flags & NI_NUMERICHOST) && uname(&system) == 0) name = system.nodename;
        else if (flags & NI_NAMEREQD) return EAI_NONAME;
        if (strlen(name) >= host_size) return EAI_OVERFLOW;
        strcpy(host, name);
    }
    if (service != nullptr && service_size != 0) {
        auto* local = reinterpret_cast<const sockaddr_un*>(address);
        size_t room = address_size - offsetof(sockaddr_un, sun_path);
        size_t length =
            strnlen(local->sun_path, room < sizeof local->sun_path ? room : sizeof local->sun_path);
        if (length >= service_size) return EAI_OVERFLOW;
        memcpy(service, local->sun_path, length);
        service[length] = '\0';
    }
    return 0;
}

}  // namespace

extern "C" {

int* __h_errno_location(void) noexcept { return &host_lookup_error; }

// The texts of h_errno's values, indexed by them; glibc exports the table
// and its length (h_errlist h_nerr: 2.36's <netdb.h> no longer declares them, yet
// they are still default symbols, which old programs declare themselves).
extern const char* const h_errlist[] = {
    "Resolver Error 0 (no error)",
    "Unknown host",                     // HOST_NOT_FOUND
    "Host name lookup failure",         // TRY_AGAIN
    "Unknown server error",             // NO_RECOVERY
    "No address associated with name",  // NO_DATA
};
extern const int h_nerr = sizeof h_errlist / sizeof h_errlist[0];

const char* hstrerror(int code) noexcept {
    if (code < 0) return "Resolver internal error";
    if (code < h_nerr) return h_errlist[code];
    return "Unknown resolver error";
}

void herror(const char* prefix) noexcept {
    if (prefix != nullptr && *prefix != '\0') fprintf(stderr, "%s: ", prefix);
    fprintf(stderr, "%s\n", hstrerror(host_lookup_error));
}

int gethostbyname2_r(const char* __restrict name, int family, hostent* __restrict entry,
                     char* __restrict buffer, size_t size, hostent** __restrict result,
                     int* __restrict error) {
    return lookup_host(name, family, entry, buffer, size, result, error);
}

int gethostbyname_r(const char* __restrict name, hostent* __restrict entry,
                    char* __restrict buffer, size_t size, hostent** __restrict result,
                    int* __restrict error) {
    return lookup_host(name, AF_INET, entry, buffer, size, result, error);
}

int gethostbyaddr_r(const void* __restrict address, socklen_t length, int family,
                    hostent* __restrict entry, char* __restrict buffer, size_t size,
                    hostent** __restrict result, int* __restrict error) {
    *result = nullptr;
    if ((family != AF_INET && family != AF_INET6) ||
        length != static_cast<socklen_t>(address_length(family))) {
        // glibc's answer for a wrong length as for a wrong family.
        *error = NETDB_INTERNAL;
        errno = EAFNOSUPPORT;
        return errno;
    }
    char name[256];
    if (!hosts_file_name(family, address, name, sizeof name)) {
        *error = HOST_NOT_FOUND;
        return 0;
    }
    int failure = fill_host(name, family, static_cast<const unsigned char*>(address), 1, entry,
                            buffer, size);
    if (failure != 0) {
        *error = NETDB_INTERNAL;
        errno = failure;
        return failure;
    }
    *result = entry;
    *error = 0;
    return 0;
}

hostent* gethostbyname2(const char* name, int family) {
    hostent* result;
    int failure = gethostbyname2_r(name, family, &static_host.entry, static_host.text,
                                   sizeof static_host.text, &result, &host_lookup_error);
    return static_result(failure, result);
}

hostent* gethostbyname(const char* name) { return gethostbyname2(name, AF_INET); }

hostent* gethostbyaddr(const void* address, socklen_t length, int family) {
    hostent* result;
    int failure = gethostbyaddr_r(address, length, family, &static_host.entry, static_host.text,
                                  sizeof static_host.text, &result, &host_lookup_error);
    return static_result(failure, result);
}

int getnameinfo(const sockaddr* __restrict address, socklen_t address_size,
                char* __restrict host, socklen_t host_size, char* __restrict service,
                socklen_t service_size, int flags) {
    // glibc's set, with the two old IDN flags it still accepts and ignores.
    constexpr int old_idn_flags = 64 | 128;
    constexpr int known_flags =
        NI_NUMERICHOST | NI_NUMERICSERV | NI_NOFQDN | NI_NAMEREQD | NI_DGRAM | NI_IDN | old_idn_flags;
    if (flags & ~known_flags) return EAI_BADFLAGS;
    if (address == nullptr || address_size < sizeof(sa_family_t)) return EAI_FAMILY;
    // Asked for a name and given nowhere to put one: glibc's answer, before
    // the family is even looked at.
    if ((flags & NI_NAMEREQD) && host == nullptr && service == nullptr) return EAI_NONAME;
    int family = address->sa_family;
    if ((family == AF_INET && address_size < sizeof(sockaddr_in)) ||
        (family == AF_INET6 && address_size < sizeof(sockaddr_in6)) ||
        (family != AF_INET && family != AF_INET6 && family != AF_UNIX))
        return EAI_FAMILY;
    if (family == AF_UNIX) return local_name_info(address, address_size, host, host_size,
                                                  service, service_size, flags);

    if (host != nullptr && host_size != 0) {
        const void* bytes =
            family == AF_INET
                ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(address)->sin_addr)
                : &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr;
        char name[256];
        if (!(flags & NI_NUMERICHOST) && hosts_file_name(family, bytes, name, sizeof name)) {
            if (flags & NI_NOFQDN) strip_local_domain(name);
            if (strlen(name) >= host_size) return EAI_OVERFLOW;
            strcpy(host, name);
        } else if (flags & NI_NAMEREQD) {
            return EAI_NONAME;
        } else if (int code = numeric_host(address, host, host_size)) {
            return code;
        }
    }

    if (service != nullptr && service_size != 0) {
        // The port is at the same place in both families' addresses.
        in_port_t port = reinterpret_cast<const sockaddr_in*>(address)->sin_port;
        servent entry, *found = nullptr;
        char text[1024];
        if (!(flags & NI_NUMERICSERV))
            getservbyport_r(port, (flags & NI_DGRAM) ? "udp" : "tcp", &entry, text, sizeof text,
                            &found);
        char number[8];
        const char* answer = found ? found->s_name : number;
        if (!found) snprintf(number, sizeof number, "%u", ntohs(port));
        if (strlen(answer) >= service_size) return EAI_OVERFLOW;
        strcpy(service, answer);
    }
    return 0;
}

}  // extern "C"
