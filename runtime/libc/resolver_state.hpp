// What the <resolv.h> functions share (resolver_state.cpp,
// resolver_send.cpp, resolver_queries.cpp): the per-thread state and its
// initialization, h_errno, and the exchange with the name servers.
#pragma once

#include <resolv.h>

namespace lwp::libc {

// Fills `state` from the configuration (resolver_configuration.cpp) as
// glibc's res_ninit does, starting from these values of `retrans`, `retry`
// and `options` (which should include RES_INIT); `id` is left alone. 0, or
// -1 with errno set (the file could not be read, ENOMEM), the state then
// unchanged.
int load_resolver_state(res_state state, int retrans, int retry, unsigned long options);

// The calling thread's state (`_res`), initialized first if RES_INIT is not
// set: as res_init does it (`like_res_init`: the values a program set in
// _res before are kept, and a new id is drawn), or as the other functions
// of glibc do. Null if that failed (errno set).
res_state initialized_thread_state(bool like_res_init);

// h_errno, and the state's copy of it, as glibc sets both.
void set_resolver_error(res_state state, int code);

// A random message id, as res_randomid gives.
unsigned random_message_id();

// res_nsend's work: 0 < the reply's length (which is longer than
// `answer_size` when a TCP reply was cut to fit, its TC bit then set), or
// -1 with errno set.
int send_to_name_servers(res_state state, const unsigned char* query, int query_length,
                         unsigned char* answer, int answer_size);

// The name the HOSTALIASES file gives `alias` (none under RES_NOALIASES),
// copied into `out` (cut to `size` - 1 bytes); null if it names none.
const char* name_for_host_alias(res_state state, const char* alias, char* out, size_t size);

}  // namespace lwp::libc
