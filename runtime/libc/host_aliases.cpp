// `__res_hostalias` and `__hostalias` (res_hostalias and hostalias in
// <resolv.h>): the name the file named by HOSTALIASES gives an alias, as
// res_search looks it up (resolver_queries.cpp): lines of an alias (matched
// as ns_samename matches) and its name; nothing under RES_NOALIASES.
#include <netdb.h>
#include <resolv.h>

#include "resolver_state.hpp"

// <resolv.h> and <arpa/nameser.h> mark these functions deprecated for
// programs; defining and calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

extern "C" {

// With the state as it is (not initialized first, as in glibc).
const char* __res_hostalias(const res_state state, const char* alias, char* out, size_t size) noexcept {
    return lwp::libc::name_for_host_alias(state, alias, out, size);
}

// With the calling thread's `_res`, initialized first if it was not (null
// and h_errno NETDB_INTERNAL if that fails), into one static buffer (not
// thread-safe, as in glibc).
const char* __hostalias(const char* alias) noexcept {
    static char name[MAXDNAME];
    res_state state = lwp::libc::initialized_thread_state(false);
    if (state == nullptr) {
        lwp::libc::set_resolver_error(__res_state(), NETDB_INTERNAL);
        return nullptr;
    }
    return lwp::libc::name_for_host_alias(state, alias, name, sizeof name);
}

}  // extern "C"
