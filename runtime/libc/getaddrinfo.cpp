// getaddrinfo, freeaddrinfo and gai_strerror (<netdb.h>), over
// address_lookup.cpp: numeric addresses, /etc/hosts, /etc/services, and DNS
// (dns_resolver.cpp). getaddrinfo is not a cancellation point (POSIX allows
// either): it reads its files and asks its servers with plain system calls
// (system_file_lines.hpp), so that a cancellation never leaves a descriptor
// open.
#include <netdb.h>

#include "address_lookup.hpp"

extern "C" {

int getaddrinfo(const char* __restrict node, const char* __restrict service,
                const addrinfo* __restrict hints, addrinfo** __restrict result) {
    return lwp::libc::lookup_addresses(node, service, hints, result);
}

void freeaddrinfo(addrinfo* list) noexcept { lwp::libc::free_addresses(list); }

const char* gai_strerror(int code) noexcept { return lwp::libc::lookup_error_text(code); }

}  // extern "C"
