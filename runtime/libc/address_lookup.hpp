// getaddrinfo's engine (address_lookup.cpp), in namespace lwp::libc so that
// the unit tests can set it beside glibc's getaddrinfo. The C functions are
// in getaddrinfo.cpp.
#pragma once

#include <netdb.h>

namespace lwp::libc {

// getaddrinfo's contract: 0 and a list in *result, or an EAI_* code.
int lookup_addresses(const char* node, const char* service, const addrinfo* hints,
                     addrinfo** result);
void free_addresses(addrinfo* list);
const char* lookup_error_text(int code);

}  // namespace lwp::libc
