// The stub resolver's configuration, as /etc/resolv.conf and the
// LOCALDOMAIN and RES_OPTIONS variables give it (resolver_configuration.cpp):
// read by getaddrinfo's DNS (dns_resolver.cpp) at each lookup, and by
// res_init and res_ninit (resolver_state.cpp) into a `struct __res_state`.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

namespace lwp::libc {

// The configuration file; tests point it at their own.
extern const char* resolver_configuration_path;

constexpr int most_name_servers = 3;     // glibc's MAXNS
constexpr int most_search_domains = 6;   // glibc's MAXDNSRCH

struct name_server {
    sockaddr_in6 address;  // or a sockaddr_in, in the same storage
    socklen_t address_size;
};

struct resolver_configuration {
    name_server servers[most_name_servers];
    int server_count = 0;
    // The search domains, each ending in a NUL, as many as fit (glibc
    // keeps them in the 256 bytes of `defdname`).
    char search_text[256] = "";
    const char* search[most_search_domains];
    int search_count = 0;
    // What the caller starts from (glibc's defaults, or those a program set
    // in _res before res_init); `options` lines and RES_OPTIONS change them.
    int timeout_seconds = 5;  // RES_TIMEOUT
    int attempts = 2;         // RES_DFLRETRY
    int ndots = 1;
    unsigned long options = 0;  // RES_ flags `options` turns on (rotate, edns0, ...)
};

// Reads the configuration into `config`, glibc's way: up to three
// `nameserver` lines (IPv4 in inet_aton's forms, or IPv6, a `%scope`
// suffix as a number; none at all means 127.0.0.1), `search` or `domain`
// (the last wins; LOCALDOMAIN, blank-separated, overrides both; without
// any, the domain of the host's name: what follows its first dot),
// `options` (ndots:, timeout:, attempts:, capped at 15, 30 and 5, and the
// flags rotate, edns0, single-request, single-request-reopen,
// no-tld-query, no-reload, use-vc, trust-ad, no-aaaa), then RES_OPTIONS in
// the same words. A file that does not exist (or cannot be read for a
// reason of the file system's: EACCES, ELOOP, ENOTDIR, EPERM) is no file;
// 0, or the errno that stopped it being read (ENOMEM, EMFILE, EIO, ...).
int read_resolver_configuration(resolver_configuration& config);

}  // namespace lwp::libc
