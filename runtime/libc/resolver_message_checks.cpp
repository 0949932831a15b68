// The checks glibc's res_send makes of a reply, as libresolv exports them
// (<resolv.h>, under the `__` names the header gives them):
// `__res_isourserver` (an address is one of `_res`'s name servers),
// `__res_nameinquery` (a question is in a message's question section) and
// `__res_queriesmatch` (two messages ask the same questions).
#include <arpa/nameser.h>
#include <netinet/in.h>
#include <resolv.h>
#include <string.h>

// <resolv.h> and <arpa/nameser.h> mark these functions deprecated for
// programs; defining and calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

unsigned read16(const unsigned char* at) { return static_cast<unsigned>(at[0] << 8 | at[1]); }

// Server `index` of the state: its IPv6 address, kept aside, when the
// program left nsaddr_list's entry as initialization made it.
const sockaddr* server_address(res_state state, int index) {
    if (state->nsaddr_list[index].sin_family == 0 && state->_u._ext.nsaddrs[index] != nullptr)
        return reinterpret_cast<const sockaddr*>(state->_u._ext.nsaddrs[index]);
    return reinterpret_cast<const sockaddr*>(&state->nsaddr_list[index]);
}

}  // namespace

extern "C" {

// 1 if a server of `_res` (as it stands: not initialized first, as in
// glibc) has the address's family and port and its address or the
// wildcard one; else 0. The argument may be a sockaddr_in6 in disguise.
int __res_isourserver(const sockaddr_in* address) noexcept {
    res_state state = __res_state();
    if (address->sin_family == AF_INET) {
        for (int i = 0; i < state->nscount; ++i) {
            auto server = reinterpret_cast<const sockaddr_in*>(server_address(state, i));
            if (server->sin_family == AF_INET && server->sin_port == address->sin_port &&
                (server->sin_addr.s_addr == INADDR_ANY || server->sin_addr.s_addr == address->sin_addr.s_addr))
                return 1;
        }
    } else if (address->sin_family == AF_INET6) {
        auto address6 = reinterpret_cast<const sockaddr_in6*>(address);
        for (int i = 0; i < state->nscount; ++i) {
            auto server = reinterpret_cast<const sockaddr_in6*>(server_address(state, i));
            if (server->sin6_family == AF_INET6 && server->sin6_port == address6->sin6_port &&
                (memcmp(&server->sin6_addr, &in6addr_any, sizeof(in6_addr)) == 0 ||
                 memcmp(&server->sin6_addr, &address6->sin6_addr, sizeof(in6_addr)) == 0))
                return 1;
        }
    }
    return 0;
}

// 1 if the question section of the message from `message` to `end` holds
// `name` (as ns_samename compares) with this type and class, 0 if not, -1
// if a question cannot be read. The header is trusted to be there.
int __res_nameinquery(const char* name, int type, int query_class, const unsigned char* message,
                      const unsigned char* end) noexcept {
    const unsigned char* at = message + HFIXEDSZ;
    for (int count = static_cast<int>(read16(message + 4)); count > 0; --count) {
        char question_name[MAXDNAME + 1];
        int used = dn_expand(message, end, at, question_name, sizeof question_name);
        if (used < 0) return -1;
        at += used;
        if (at + 2 * INT16SZ > end) return -1;
        int question_type = static_cast<int>(read16(at));
        int question_class = static_cast<int>(read16(at + 2));
        at += 2 * INT16SZ;
        if (question_type == type && question_class == query_class && ns_samename(question_name, name) == 1)
            return 1;
    }
    return 0;
}

// 1 if every question of the first message is in the second (and their
// counts agree; two UPDATE messages always match), 0 if not, -1 if either
// is shorter than a header or a question of the first cannot be read. As
// in glibc, a question of the second that cannot be read (-1 from
// res_nameinquery) does not make a mismatch.
int __res_queriesmatch(const unsigned char* first, const unsigned char* first_end, const unsigned char* second,
                       const unsigned char* second_end) noexcept {
    if (first_end - first < HFIXEDSZ || second_end - second < HFIXEDSZ) return -1;
    auto opcode = [](const unsigned char* message) { return (message[2] >> 3) & 0xf; };
    if (opcode(first) == ns_o_update && opcode(second) == ns_o_update) return 1;
    if (read16(first + 4) != read16(second + 4)) return 0;
    const unsigned char* at = first + HFIXEDSZ;
    for (int count = static_cast<int>(read16(first + 4)); count > 0; --count) {
        char name[MAXDNAME + 1];
        int used = dn_expand(first, first_end, at, name, sizeof name);
        if (used < 0) return -1;
        at += used;
        if (first_end - at < 4) return -1;
        int type = static_cast<int>(read16(at));
        int query_class = static_cast<int>(read16(at + 2));
        at += 4;
        if (__res_nameinquery(name, type, query_class, second, second_end) == 0) return 0;
    }
    return 1;
}

}  // extern "C"
