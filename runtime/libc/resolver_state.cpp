// The resolver's state (<resolv.h>): `__res_state` (what `_res` reads, one
// state per thread as in glibc, each starting zeroed), res_init
// (`__res_init`, what the header makes of it) res_ninit (`__res_ninit`)
// res_nclose (`__res_nclose`) res_close (`__res_close`) res_randomid
// (`__res_randomid`).
//
// A state is filled as glibc fills it, field for field (its layout is
// pinned below): retrans, retry, options, ndots from the configuration
// (resolver_configuration.cpp), the IPv4 name servers in nsaddr_list, an
// IPv6 one as glibc keeps it (nsaddr_list[i].sin_family 0, and a copy from
// malloc at _u._ext.nsaddrs[i], which res_nclose frees), the search list
// in dnsrch pointing into defdname, _vcsock and _u._ext.nssocks -1.
//
// Differences from glibc: the configuration is read when a state is
// initialized and not again (glibc re-reads /etc/resolv.conf for `_res`
// when the file changes, unless the program changed the state or set
// RES_NORELOAD); `sortlist` is not read (nsort is 0); no socket is kept
// open between calls (res_send closes its own before returning, whatever
// RES_STAYOPEN says), so res_nclose and res_close have none to close:
// res_nclose frees the IPv6 addresses, res_close does nothing.
#include "resolver_state.hpp"

#include <errno.h>
#include <netdb.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cstdint>

#include "../start/kernel_calls.hpp"
#include "resolver_configuration.hpp"

// glibc's layout on x86-64, which programs compile against.
static_assert(sizeof(struct __res_state) == 568);
static_assert(offsetof(struct __res_state, retry) == 4);
static_assert(offsetof(struct __res_state, options) == 8);
static_assert(offsetof(struct __res_state, nscount) == 16);
static_assert(offsetof(struct __res_state, nsaddr_list) == 20);
static_assert(offsetof(struct __res_state, id) == 68);
static_assert(offsetof(struct __res_state, dnsrch) == 72);
static_assert(offsetof(struct __res_state, defdname) == 128);
static_assert(offsetof(struct __res_state, pfcode) == 384);
static_assert(offsetof(struct __res_state, sort_list) == 396);
static_assert(offsetof(struct __res_state, res_h_errno) == 496);
static_assert(offsetof(struct __res_state, _vcsock) == 500);
static_assert(offsetof(struct __res_state, _flags) == 504);
static_assert(offsetof(struct __res_state, _u._ext.nssocks) == 520);
static_assert(offsetof(struct __res_state, _u._ext.nsaddrs) == 536);

namespace lwp::libc {

namespace {

// Frees the IPv6 name server addresses a state holds (glibc's
// __res_iclose with its addresses).
void release_addresses(res_state state) {
    const int count = state->nscount < MAXNS ? state->nscount : MAXNS;
    for (int i = 0; i < count; ++i) {
        free(state->_u._ext.nsaddrs[i]);
        state->_u._ext.nsaddrs[i] = nullptr;
    }
}

// Each thread's state. Zero until initialized; when the thread ends, what
// its state holds goes back to malloc (as glibc's thread exit frees it).
struct thread_state {
    struct __res_state state;
    ~thread_state() {
        if (state.nscount != 0) release_addresses(&state);
    }
};

thread_local thread_state this_thread_state;

}  // namespace

int load_resolver_state(res_state state, int retrans, int retry, unsigned long options) {
    resolver_configuration config;
    config.timeout_seconds = retrans;
    config.attempts = retry;
    config.options = options;
    if (int error = read_resolver_configuration(config)) {
        errno = error;
        return -1;
    }
    // The IPv6 addresses' copies first, so that a failure changes nothing.
    sockaddr_in6* copies[MAXNS] = {};
    for (int i = 0; i < config.server_count; ++i) {
        if (config.servers[i].address.sin6_family != AF_INET6) continue;
        copies[i] = static_cast<sockaddr_in6*>(malloc(sizeof(sockaddr_in6)));
        if (copies[i] == nullptr) {
            for (sockaddr_in6* copy : copies) free(copy);
            errno = ENOMEM;
            return -1;
        }
        *copies[i] = config.servers[i].address;
    }
    state->defdname[0] = '\0';
    state->pfcode = 0;
    state->_vcsock = -1;
    state->_flags = 0;
    state->ipv6_unavail = 0;
    state->__glibc_unused_qhook = nullptr;
    state->__glibc_unused_rhook = nullptr;
    state->retrans = config.timeout_seconds;
    state->retry = config.attempts;
    state->options = config.options;
    state->ndots = static_cast<unsigned>(config.ndots);
    state->_u._ext.nscount = 0;
    for (int i = 0; i < config.server_count; ++i) {
        if (copies[i] == nullptr) {
            memcpy(&state->nsaddr_list[i], &config.servers[i].address, sizeof(sockaddr_in));
        } else {
            state->nsaddr_list[i].sin_family = 0;  // "look in _u._ext.nsaddrs"
        }
        state->_u._ext.nsaddrs[i] = copies[i];
        state->_u._ext.nssocks[i] = -1;
    }
    state->nscount = config.server_count;
    // The search list: the configuration's text, copied whole into
    // defdname (the same 256 bytes), with dnsrch pointing at each domain.
    static_assert(sizeof config.search_text == sizeof state->defdname);
    memcpy(state->defdname, config.search_text, sizeof state->defdname);
    for (int i = 0; i < config.search_count; ++i)
        state->dnsrch[i] = state->defdname + (config.search[i] - config.search_text);
    state->dnsrch[config.search_count] = nullptr;
    state->nsort = 0;
    return 0;
}

res_state initialized_thread_state(bool like_res_init) {
    res_state state = &this_thread_state.state;
    if (state->options & RES_INIT) return state;
    if (!like_res_init) {
        return load_resolver_state(state, RES_TIMEOUT, RES_DFLRETRY, RES_DEFAULT | RES_INIT) == 0
                   ? state
                   : nullptr;
    }
    // res_init's rules: a retrans or retry the program set is kept, the
    // options start from RES_DEFAULT.
    if (state->retrans == 0) state->retrans = RES_TIMEOUT;
    if (state->retry == 0) state->retry = RES_DFLRETRY;
    state->options = RES_DEFAULT;
    if (state->id == 0) state->id = static_cast<unsigned short>(random_message_id());
    if (load_resolver_state(state, state->retrans, state->retry, state->options | RES_INIT) != 0)
        return nullptr;
    state->id = static_cast<unsigned short>(random_message_id());
    return state;
}

void set_resolver_error(res_state state, int code) {
    state->res_h_errno = code;
    h_errno = code;
}

unsigned random_message_id() {
    std::uint16_t id = 0;
    // getrandom; should it fail, the address of a stack variable still
    // differs from run to run.
    if (start::get_random_bytes(&id, sizeof id) != static_cast<long>(sizeof id))
        id = static_cast<std::uint16_t>(reinterpret_cast<std::uintptr_t>(&id) >> 4);
    return id;
}

}  // namespace lwp::libc

using namespace lwp::libc;

extern "C" {

struct __res_state* __res_state(void) noexcept { return &this_thread_state.state; }

int __res_init(void) noexcept {
    res_state state = &this_thread_state.state;
    if (state->retrans == 0) state->retrans = RES_TIMEOUT;
    if (state->retry == 0) state->retry = RES_DFLRETRY;
    if (!(state->options & RES_INIT))
        state->options = RES_DEFAULT;
    else if (state->nscount > 0)
        release_addresses(state);  // initialized before: its addresses are replaced
    if (state->id == 0) state->id = static_cast<unsigned short>(random_message_id());
    // What the program set in _res before (retrans, retry, options) is where
    // the configuration starts from, as in glibc.
    if (load_resolver_state(state, state->retrans, state->retry, state->options | RES_INIT) != 0)
        return -1;
    state->id = static_cast<unsigned short>(random_message_id());
    return 0;
}

int __res_ninit(res_state state) noexcept {
    return load_resolver_state(state, RES_TIMEOUT, RES_DFLRETRY, RES_DEFAULT | RES_INIT);
}

void __res_nclose(res_state state) noexcept { release_addresses(state); }

// glibc's res_close closes the sockets _res keeps open; there are none.
void __res_close(void) noexcept {}

unsigned int __res_randomid(void) noexcept { return random_message_id(); }

}  // extern "C"
