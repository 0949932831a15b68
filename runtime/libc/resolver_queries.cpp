// Queries of the resolver (<resolv.h>), each on a given state (the `n`
// forms) or on the calling thread's `_res`, initialized first if it is
// not (as res_init would for res_mkquery, with the configuration's
// defaults for the others): res_mkquery res_nmkquery, res_query
// res_nquery, res_querydomain res_nquerydomain, res_search res_nsearch.
// Also under their names before glibc 2.34 (`__res_query`, ...).
//
// glibc's rules:
// - res_mkquery builds a QUERY (or a NOTIFY, with an optional name for its
//   additional record) with a random id, RD from RES_RECURSE, AD from
//   RES_TRUSTAD, the name compressed; -1 for another opcode, a class or
//   type outside 0..65535, a bad name or a short buffer. The `n` form and
//   res_mkquery keep the id in the state's `id`.
// - res_query sends it (with an EDNS0 OPT record under RES_USE_EDNS0 or
//   RES_USE_DNSSEC, advertising the buffer's size between 512 and 1200)
//   and returns the reply's length if it is NOERROR with answers. Else -1
//   and h_errno (and the state's res_h_errno): HOST_NOT_FOUND for
//   NXDOMAIN, NO_DATA for NOERROR without answers, TRY_AGAIN for SERVFAIL
//   or no reply at all, NO_RECOVERY for the other codes and for a name
//   that cannot be made into a query.
// - res_querydomain asks for "name.domain" (NO_RECOVERY if that is
//   MAXDNAME long or more, or the name alone is empty).
// - res_search: a name without dots may be an alias from the file
//   HOSTALIASES names (unless RES_NOALIASES); one with at least `ndots`
//   dots, or ending in a dot, is asked as it is first (and only that, for
//   a final dot); then the search domains in turn (RES_DEFNAMES for a name
//   without dots, RES_DNSRCH for the others), going on after NXDOMAIN,
//   NO_DATA and SERVFAIL, stopping after any other failure or when no
//   server could be reached; then the name as it is, if not tried yet (and
//   not for a name without dots under RES_NOTLDQUERY). h_errno at the end:
//   the first try's, else NO_DATA if a domain had the name but not the
//   type, else TRY_AGAIN if one failed, else the last one's.
//
// Not done: RES_NOAAAA (glibc answers AAAA questions itself, empty, under
// `options no-aaaa`; here they are sent).
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <resolv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "resolver_state.hpp"
#include "system_file_lines.hpp"

namespace lwp::libc {

namespace {

constexpr int header_size = 12;
constexpr int opcode_query = 0, opcode_notify = 4;
constexpr int type_null = 10, type_opt = 41;
constexpr int rcode_noerror = 0, rcode_servfail = 2, rcode_nxdomain = 3;
// The largest UDP reply an OPT record offers to take (glibc's
// RESOLV_EDNS_BUFFER_SIZE).
constexpr int edns_largest_reply = 1200;
// Room for a query: header, a name, type and class, and an OPT record.
constexpr int query_room = header_size + NS_MAXCDNAME + 4 + 11;

unsigned read16(const unsigned char* bytes) { return static_cast<unsigned>(bytes[0] << 8 | bytes[1]); }

unsigned char* put16(unsigned char* at, unsigned value) {
    at[0] = static_cast<unsigned char>(value >> 8);
    at[1] = static_cast<unsigned char>(value);
    return at + 2;
}

// The message res_nmkquery describes, into `buffer`: its length or -1. The
// state's id is not touched (the public functions copy it there).
int make_query(res_state state, int opcode, const char* name, int query_class, int type,
               const unsigned char* data, unsigned char* buffer, int size) {
    if (query_class < 0 || query_class > 0xffff || type < 0 || type > 0xffff) return -1;
    if (buffer == nullptr || size < header_size) return -1;
    memset(buffer, 0, header_size);
    put16(buffer, random_message_id());
    buffer[2] = static_cast<unsigned char>((opcode & 0xf) << 3 | ((state->options & RES_RECURSE) ? 0x01 : 0));
    if (state->options & RES_TRUSTAD) buffer[3] = 0x20;  // AD
    int left = size - header_size;
    switch (opcode) {
        case opcode_query: left -= 4; break;
        case opcode_notify: left -= 4 + (data != nullptr ? 10 : 0); break;  // and a record
        default: return -1;
    }
    if (left < 0) return -1;
    // Names already in the message, for compression: the message first.
    const unsigned char* names[20] = {buffer, nullptr};
    const unsigned char** names_end = names + sizeof names / sizeof names[0];
    unsigned char* at = buffer + header_size;
    int written = ns_name_compress(name, at, static_cast<size_t>(left), names, names_end);
    if (written < 0) return -1;
    at += written;
    left -= written;
    at = put16(put16(at, static_cast<unsigned>(type)), static_cast<unsigned>(query_class));
    put16(buffer + 4, 1);  // one question
    if (opcode == opcode_notify && data != nullptr) {
        // The additional record: the name given, of type NULL, empty.
        written = ns_name_compress(reinterpret_cast<const char*>(data), at, static_cast<size_t>(left),
                                   names, names_end);
        if (written < 0) return -1;
        at += written;
        at = put16(put16(at, type_null), static_cast<unsigned>(query_class));
        at = put16(put16(put16(at, 0), 0), 0);  // TTL (32 bits) and length
        put16(buffer + 10, 1);
    }
    return static_cast<int>(at - buffer);
}

// Appends the EDNS0 OPT record to the query of `length` bytes; its new
// length, or -1 if it does not fit.
int add_edns(res_state state, int length, unsigned char* buffer, int size, int answer_size) {
    if (size - length < 11) return -1;
    unsigned char* at = buffer + length;
    *at++ = 0;  // the root's name
    at = put16(at, type_opt);
    // Its class is the largest reply this side takes over UDP.
    int offered = answer_size < 512 ? 512 : answer_size > edns_largest_reply ? edns_largest_reply : answer_size;
    at = put16(at, static_cast<unsigned>(offered));
    *at++ = 0;  // extended code
    *at++ = 0;  // version 0
    at = put16(at, (state->options & RES_USE_DNSSEC) ? 0x8000 : 0);  // DO
    at = put16(at, 0);  // no options
    put16(buffer + 10, read16(buffer + 10) + 1);
    return static_cast<int>(at - buffer);
}

int query(res_state state, const char* name, int query_class, int type, unsigned char* answer,
          int answer_size) {
    if (answer != nullptr && answer_size >= 4) answer[3] &= 0xf0;  // no code yet, as glibc clears it
    unsigned char message[query_room];
    int length = make_query(state, opcode_query, name, query_class, type, nullptr, message, sizeof message);
    if (length > 0 && (state->options & (RES_USE_EDNS0 | RES_USE_DNSSEC)))
        length = add_edns(state, length, message, sizeof message, answer_size);
    if (length <= 0) {
        set_resolver_error(state, NO_RECOVERY);
        return length;
    }
    int reply_length = send_to_name_servers(state, message, length, answer, answer_size);
    if (reply_length < 0) {
        set_resolver_error(state, TRY_AGAIN);
        return reply_length;
    }
    const unsigned code = answer[3] & 0xf;
    if (code == rcode_noerror && read16(answer + 6) != 0) return reply_length;
    switch (code) {
        case rcode_nxdomain: set_resolver_error(state, HOST_NOT_FOUND); break;
        case rcode_servfail: set_resolver_error(state, TRY_AGAIN); break;
        case rcode_noerror: set_resolver_error(state, NO_DATA); break;
        default: set_resolver_error(state, NO_RECOVERY); break;  // FORMERR, NOTIMP, REFUSED, ...
    }
    return -1;
}

// `name`, or "name.domain" for a domain.
int query_domain(res_state state, const char* name, const char* domain, int query_class, int type,
                 unsigned char* answer, int answer_size) {
    char joined[MAXDNAME];
    const size_t name_length = strlen(name);
    if (domain == nullptr) {
        // glibc takes one from the length first, so an empty name wraps
        // round and is refused too.
        if (name_length - 1 >= MAXDNAME - 1) {
            set_resolver_error(state, NO_RECOVERY);
            return -1;
        }
        return query(state, name, query_class, type, answer, answer_size);
    }
    const size_t domain_length = strlen(domain);
    if (name_length + domain_length + 1 >= MAXDNAME) {
        set_resolver_error(state, NO_RECOVERY);
        return -1;
    }
    memcpy(joined, name, name_length);
    joined[name_length] = '.';
    memcpy(joined + name_length + 1, domain, domain_length + 1);
    return query(state, joined, query_class, type, answer, answer_size);
}

// Names in text compared as glibc's ns_samename does: ASCII letters in
// either case, final dots (not escaped) ignored.
bool same_text_name(const char* a, const char* b) {
    auto significant_length = [](const char* name, size_t& length) {
        length = strlen(name);
        if (length + 2 > MAXDNAME) return false;
        while (length >= 1 && name[length - 1] == '.') {
            // "\." is a dot in a label, unless the backslash is itself escaped.
            if (length >= 2 && name[length - 2] == '\\' && (length < 3 || name[length - 3] != '\\'))
                break;
            --length;
        }
        return true;
    };
    size_t a_length, b_length;
    if (!significant_length(a, a_length) || !significant_length(b, b_length)) return false;
    return a_length == b_length && strncasecmp(a, b, a_length) == 0;
}

// HOSTALIASES: lines of an alias and the name it stands for. The name for
// `alias` into `out`, or null. Read with the plain system calls of the
// other system files (no cancellation point).
const char* host_alias(res_state state, const char* alias, char* out, size_t size) {
    if (state->options & RES_NOALIASES) return nullptr;
    const char* path = secure_getenv("HOSTALIASES");  // ignored by a set-user-ID program, as in glibc
    if (path == nullptr) return nullptr;
    line_reader reader;
    if (reader.open(path) != 0) return nullptr;
    auto blank = [](char c) { return isspace(static_cast<unsigned char>(c)) != 0; };
    while (char* line = reader.next()) {
        char* end = line;
        while (*end != '\0' && !blank(*end)) ++end;
        // glibc reads the line with its newline, which ends the first word
        // like a blank: only a last line without one, and without a blank,
        // ends the file.
        if (*end == '\0' && !reader.had_newline()) return nullptr;
        bool one_word = *end == '\0';
        *end = '\0';
        if (!same_text_name(line, alias)) continue;
        if (one_word) return nullptr;  // the alias, but no name: glibc gives up
        ++end;
        while (blank(*end)) ++end;
        if (*end == '\0') return nullptr;
        char* name = end;
        while (*end != '\0' && !blank(*end)) ++end;
        *end = '\0';
        strncpy(out, name, size - 1);
        out[size - 1] = '\0';
        return out;
    }
    return nullptr;
}

int search(res_state state, const char* name, int query_class, int type, unsigned char* answer,
           int answer_size) {
    errno = 0;
    set_resolver_error(state, HOST_NOT_FOUND);  // if nothing is asked at all
    int dots = 0;
    for (const char* c = name; *c != '\0'; ++c) dots += *c == '.';
    const size_t length = strlen(name);
    const bool final_dot = length > 0 && name[length - 1] == '.';
    if (dots == 0) {
        char alias[NS_MAXDNAME];
        if (const char* real = host_alias(state, name, alias, sizeof alias))
            return query(state, real, query_class, type, answer, answer_size);
    }
    int first_error = -1;  // h_errno after asking the name as it is, first
    bool tried_as_is = false;
    if (dots >= static_cast<int>(state->ndots) || final_dot) {
        int result = query_domain(state, name, nullptr, query_class, type, answer, answer_size);
        if (result > 0 || final_dot) return result;
        first_error = h_errno;
        tried_as_is = true;
    }
    bool searched = false, root_searched = false, got_no_data = false, got_server_failure = false;
    if ((dots == 0 && (state->options & RES_DEFNAMES)) ||
        (dots != 0 && !final_dot && (state->options & RES_DNSRCH))) {
        for (int i = 0; i < MAXDNSRCH && state->dnsrch[i] != nullptr; ++i) {
            const char* domain = state->dnsrch[i];
            searched = true;
            // "." or "" is the root: "name." either way.
            if (domain[0] == '.') ++domain;
            if (domain[0] == '\0') root_searched = true;
            int result = query_domain(state, name, domain, query_class, type, answer, answer_size);
            if (result > 0) return result;
            if (errno == ECONNREFUSED) {  // no server to ask: no use going on
                set_resolver_error(state, TRY_AGAIN);
                return -1;
            }
            bool done = false;
            switch (state->res_h_errno) {
                case NO_DATA: got_no_data = true; break;  // maybe higher up the list
                case HOST_NOT_FOUND: break;
                case TRY_AGAIN:
                    // A server failure for this domain: the next may do.
                    if (answer != nullptr && answer_size >= 4 && (answer[3] & 0xf) == rcode_servfail) {
                        got_server_failure = true;
                        break;
                    }
                    done = true;
                    break;
                default: done = true; break;
            }
            if (done || !(state->options & RES_DNSRCH)) break;
        }
    }
    if ((dots != 0 || !searched || !(state->options & RES_NOTLDQUERY)) && !tried_as_is &&
        !root_searched) {
        int result = query_domain(state, name, nullptr, query_class, type, answer, answer_size);
        if (result > 0) return result;
    }
    if (first_error != -1)
        set_resolver_error(state, first_error);
    else if (got_no_data)
        set_resolver_error(state, NO_DATA);
    else if (got_server_failure)
        set_resolver_error(state, TRY_AGAIN);
    return -1;
}

// The calling thread's state for the functions without a state argument;
// null, with h_errno NETDB_INTERNAL, if it could not be initialized.
res_state thread_state_for_query() {
    res_state state = initialized_thread_state(false);
    if (state == nullptr) set_resolver_error(__res_state(), NETDB_INTERNAL);
    return state;
}

}  // namespace

const char* name_for_host_alias(res_state state, const char* alias, char* out, size_t size) {
    return host_alias(state, alias, out, size);
}

}  // namespace lwp::libc

using namespace lwp::libc;

extern "C" {

int res_nmkquery(res_state state, int opcode, const char* name, int query_class, int type,
                 const unsigned char* data, int, const unsigned char*, unsigned char* buffer,
                 int size) noexcept {
    int length = make_query(state, opcode, name, query_class, type, data, buffer, size);
    if (length >= 2) memcpy(&state->id, buffer, 2);
    return length;
}

int res_mkquery(int opcode, const char* name, int query_class, int type, const unsigned char* data,
                int data_length, const unsigned char* new_record, unsigned char* buffer, int size) noexcept {
    res_state state = initialized_thread_state(true);
    if (state == nullptr) return -1;
    return res_nmkquery(state, opcode, name, query_class, type, data, data_length, new_record, buffer, size);
}

int res_nquery(res_state state, const char* name, int query_class, int type, unsigned char* answer,
               int answer_size) noexcept {
    return query(state, name, query_class, type, answer, answer_size);
}

int res_query(const char* name, int query_class, int type, unsigned char* answer, int answer_size) noexcept {
    res_state state = thread_state_for_query();
    return state != nullptr ? query(state, name, query_class, type, answer, answer_size) : -1;
}

int res_nquerydomain(res_state state, const char* name, const char* domain, int query_class, int type,
                     unsigned char* answer, int answer_size) noexcept {
    return query_domain(state, name, domain, query_class, type, answer, answer_size);
}

int res_querydomain(const char* name, const char* domain, int query_class, int type,
                    unsigned char* answer, int answer_size) noexcept {
    res_state state = thread_state_for_query();
    return state != nullptr ? query_domain(state, name, domain, query_class, type, answer, answer_size) : -1;
}

int res_nsearch(res_state state, const char* name, int query_class, int type, unsigned char* answer,
                int answer_size) noexcept {
    return search(state, name, query_class, type, answer, answer_size);
}

int res_search(const char* name, int query_class, int type, unsigned char* answer, int answer_size) noexcept {
    res_state state = thread_state_for_query();
    return state != nullptr ? search(state, name, query_class, type, answer, answer_size) : -1;
}

// The names <resolv.h> gave these before glibc 2.34.
int __res_nmkquery(res_state, int, const char*, int, int, const unsigned char*, int,
                   const unsigned char*, unsigned char*, int) noexcept __attribute__((alias("res_nmkquery")));
int __res_mkquery(int, const char*, int, int, const unsigned char*, int, const unsigned char*,
                  unsigned char*, int) noexcept __attribute__((alias("res_mkquery")));
int __res_nquery(res_state, const char*, int, int, unsigned char*, int) noexcept
    __attribute__((alias("res_nquery")));
int __res_query(const char*, int, int, unsigned char*, int) noexcept __attribute__((alias("res_query")));
int __res_nquerydomain(res_state, const char*, const char*, int, int, unsigned char*, int) noexcept
    __attribute__((alias("res_nquerydomain")));
int __res_querydomain(const char*, const char*, int, int, unsigned char*, int) noexcept
    __attribute__((alias("res_querydomain")));
int __res_nsearch(res_state, const char*, int, int, unsigned char*, int) noexcept
    __attribute__((alias("res_nsearch")));
int __res_search(const char*, int, int, unsigned char*, int) noexcept __attribute__((alias("res_search")));

}  // extern "C"
