// getservbyname getservbyport getprotobyname getprotobynumber getrpcbyname
// getrpcbynumber, their _r forms and the walks: the services of
// /etc/services, the protocols of /etc/protocols and the RPC programs of
// /etc/rpc (<rpc/netdb.h>), read on every call (there is no NSS, as for
// getaddrinfo). The last two files have one format, "name number alias...". The _r forms
// build the entry in the caller's buffer: 0 with *result set, 0 with *result
// null when no line matches, ERANGE when the buffer is too small. Each plain
// form has one entry of its own for the process, as glibc's do (not
// thread-safe: the _r forms are), in a buffer grown until the entry fits.
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <rpc/netdb.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "growing_entry.hpp"
#include "system_file_lines.hpp"

namespace {

using lwp::libc::for_each_line;

// Packs a name and its aliases (and, for services, the protocol) into
// `buffer`: the alias pointer array first (aligned for pointers), then the
// strings. False when it does not fit.
struct packed_names {
    char* name;
    char* protocol;  // null when not asked for
    char** aliases;
};

bool pack(char** aliases_in, int alias_count, const char* name, const char* protocol,
          char* buffer, size_t size, packed_names& out) {
    auto start = reinterpret_cast<uintptr_t>(buffer);
    uintptr_t aligned = (start + alignof(char*) - 1) & ~(uintptr_t{alignof(char*)} - 1);
    size_t needed = (aligned - start) + (alias_count + 1) * sizeof(char*) + strlen(name) + 1 +
                    (protocol ? strlen(protocol) + 1 : 0);
    for (int i = 0; i < alias_count; ++i) needed += strlen(aliases_in[i]) + 1;
    if (needed > size) return false;
    out.aliases = reinterpret_cast<char**>(aligned);
    char* text = reinterpret_cast<char*>(out.aliases + alias_count + 1);
    auto copy = [&text](const char* from) {
        char* placed = text;
        text = stpcpy(text, from) + 1;
        return placed;
    };
    out.name = copy(name);
    out.protocol = protocol ? copy(protocol) : nullptr;
    for (int i = 0; i < alias_count; ++i) out.aliases[i] = copy(aliases_in[i]);
    out.aliases[alias_count] = nullptr;
    return true;
}

// A line of /etc/services: "name port/protocol alias...". The port and
// protocol of words[1] into the out-parameters; false for a malformed line.
bool service_line(char** words, int count, int& port, char*& protocol) {
    if (count < 2) return false;
    char* slash = strchr(words[1], '/');
    if (slash == nullptr) return false;
    char* end;
    long number = strtol(words[1], &end, 10);
    if (end != slash || number < 0 || number > 65535) return false;
    port = static_cast<int>(number);
    protocol = slash + 1;
    return true;
}

// A services line into `entry`: 0, -1 for a line that is not one, ERANGE.
int fill_service(char** words, int count, servent* entry, char* buffer, size_t size) {
    int port;
    char* protocol;
    if (!service_line(words, count, port, protocol)) return -1;
    packed_names packed;
    if (!pack(words + 2, count - 2, words[0], protocol, buffer, size, packed)) return ERANGE;
    entry->s_name = packed.name;
    entry->s_aliases = packed.aliases;
    entry->s_port = htons(static_cast<uint16_t>(port));
    entry->s_proto = packed.protocol;
    return 0;
}

// The number of a "name number alias..." line, read as glibc's files
// source reads it: decimal, an optional sign, at most UINT_MAX (as unsigned:
// "-1" is too big), stored in an int. False when the word is not one.
bool line_number(char** words, int count, int& number) {
    if (count < 2) return false;
    char* end;
    int saved_errno = errno;  // a number too big is a bad line, not an error
    unsigned long long value = strtoull(words[1], &end, 10);
    errno = saved_errno;
    if (end == words[1] || *end != '\0' || value > 0xffffffffu) return false;
    number = static_cast<int>(value);
    return true;
}

// A "name number alias..." line into an entry whose members are given.
template <typename Entry, char* Entry::*Name, char** Entry::*Aliases, int Entry::*Number>
int fill_numbered(char** words, int count, Entry* entry, char* buffer, size_t size) {
    int number;
    if (!line_number(words, count, number)) return -1;
    packed_names packed;
    if (!pack(words + 2, count - 2, words[0], nullptr, buffer, size, packed)) return ERANGE;
    entry->*Name = packed.name;
    entry->*Aliases = packed.aliases;
    entry->*Number = number;
    return 0;
}

constexpr auto fill_protocol = fill_numbered<protoent, &protoent::p_name, &protoent::p_aliases,
                                             &protoent::p_proto>;
constexpr auto fill_rpc =
    fill_numbered<rpcent, &rpcent::r_name, &rpcent::r_aliases, &rpcent::r_number>;

// The first line whose words `matches`, filled into the entry: 0 with
// *result set, 0 with *result null when no line matches, ERANGE when the
// matching one does not fit the buffer.
template <typename Entry, typename Fill, typename Matches>
int find_entry(const char* path, Fill fill, Matches matches, Entry* entry, char* buffer,
               size_t size, Entry** result) {
    *result = nullptr;
    int error = 0;
    for_each_line(path, [&](char** words, int count) {
        if (!matches(words, count)) return false;
        error = fill(words, count, entry, buffer, size);
        if (error == 0) *result = entry;
        return true;
    });
    return error;
}

// matches(words, count, port, protocol) on the lines that are services.
template <typename Matches>
int find_service(Matches matches, servent* entry, char* buffer, size_t size, servent** result) {
    return find_entry(
        "/etc/services", fill_service,
        [&](char** words, int count) {
            int port;
            char* protocol;
            return service_line(words, count, port, protocol) &&
                   matches(words, count, port, protocol);
        },
        entry, buffer, size, result);
}

// matches(words, count, number) on the "name number alias..." lines of the
// file at `path`.
template <typename Entry, typename Fill, typename Matches>
int find_numbered(const char* path, Fill fill, Matches matches, Entry* entry, char* buffer,
                  size_t size, Entry** result) {
    return find_entry(
        path, fill,
        [&](char** words, int count) {
            int number;
            return line_number(words, count, number) && matches(words, count, number);
        },
        entry, buffer, size, result);
}

template <typename Matches>
int find_protocol(Matches matches, protoent* entry, char* buffer, size_t size,
                  protoent** result) {
    return find_numbered("/etc/protocols", fill_protocol, matches, entry, buffer, size, result);
}

template <typename Matches>
int find_rpc(Matches matches, rpcent* entry, char* buffer, size_t size, rpcent** result) {
    return find_numbered("/etc/rpc", fill_rpc, matches, entry, buffer, size, result);
}

// A name matches a line's first word or any of its aliases.
bool names_match(char** words, int count, const char* name) {
    if (strcmp(words[0], name) == 0) return true;
    for (int i = 2; i < count; ++i)
        if (strcmp(words[i], name) == 0) return true;
    return false;
}

// The walks of getservent, getprotoent and getrpcent: one per file for the
// process.
lwp::libc::file_walk service_walk;
lwp::libc::file_walk protocol_walk;
lwp::libc::file_walk rpc_walk;

// The next line of a walk whose words `fill` accepts into the entry: 0 with
// *result set, 0 with *result null at the end, ERANGE, or the errno reading
// the file (or ENOMEM copying a line) failed with. After ERANGE the same
// entry comes again at the next call, as glibc's walks give it to a caller
// that retries with a bigger buffer; so the words are split on a copy of the
// line, and the line itself stays whole for that repeat.
template <typename Entry, typename Fill>
int next_entry(lwp::libc::file_walk& walk, const char* path, Fill fill, Entry* entry,
               char* buffer, size_t size, Entry** result) {
    *result = nullptr;
    lwp::runtime::internal_lock_guard hold(walk.lock);
    int error;
    while (char* line = walk.next_line(path, error)) {
        char* copy = strdup(line);
        if (copy == nullptr) {
            walk.repeat_line();
            return ENOMEM;
        }
        char* words[64];
        int count = lwp::libc::split_words(copy, words, 64);
        int filled = count == 0 ? -1 : fill(words, count, entry, buffer, size);
        free(copy);
        if (filled < 0) continue;  // not an entry
        if (filled > 0) {
            walk.repeat_line();
            return filled;
        }
        *result = entry;
        return 0;
    }
    return error;
}

void end_walk(lwp::libc::file_walk& walk) {
    lwp::runtime::internal_lock_guard hold(walk.lock);
    walk.close();
}

// The plain forms' entries, one for each function.
template <typename Entry>
using plain_entry = lwp::libc::growing_entry<Entry>;
constinit plain_entry<servent> service_by_name, service_by_port, service_walk_entry;
constinit plain_entry<protoent> protocol_by_name, protocol_by_number, protocol_walk_entry;
constinit plain_entry<rpcent> rpc_by_name, rpc_by_number, rpc_walk_entry;

// An _r form's answer passed on, with a failure also in errno for the plain
// form's caller (ERANGE never reaches it: the buffer grows instead).
int or_errno(int error) {
    if (error != 0 && error != ERANGE) errno = error;
    return error;
}

}  // namespace

extern "C" {

// A null protocol matches any.
int getservbyname_r(const char* __restrict name, const char* __restrict protocol,
                    servent* __restrict entry, char* __restrict buffer, size_t size,
                    servent** __restrict result) {
    return find_service(
        [&](char** words, int count, int, const char* line_protocol) {
            return (protocol == nullptr || strcmp(protocol, line_protocol) == 0) &&
                   names_match(words, count, name);
        },
        entry, buffer, size, result);
}

// The port in network byte order, as servent holds it.
int getservbyport_r(int port, const char* __restrict protocol, servent* __restrict entry,
                    char* __restrict buffer, size_t size, servent** __restrict result) {
    int wanted = ntohs(static_cast<uint16_t>(port));
    return find_service(
        [&](char**, int, int line_port, const char* line_protocol) {
            return line_port == wanted &&
                   (protocol == nullptr || strcmp(protocol, line_protocol) == 0);
        },
        entry, buffer, size, result);
}

int getprotobyname_r(const char* __restrict name, protoent* __restrict entry,
                     char* __restrict buffer, size_t size, protoent** __restrict result) {
    return find_protocol(
        [&](char** words, int count, int) { return names_match(words, count, name); }, entry,
        buffer, size, result);
}

int getprotobynumber_r(int number, protoent* __restrict entry, char* __restrict buffer,
                       size_t size, protoent** __restrict result) {
    return find_protocol([&](char**, int, int line_number) { return line_number == number; },
                         entry, buffer, size, result);
}

servent* getservbyname(const char* name, const char* protocol) {
    return service_by_name.next([&](servent* entry, char* buffer, size_t size, servent** result) {
        return or_errno(getservbyname_r(name, protocol, entry, buffer, size, result));
    });
}

servent* getservbyport(int port, const char* protocol) {
    return service_by_port.next([&](servent* entry, char* buffer, size_t size, servent** result) {
        return or_errno(getservbyport_r(port, protocol, entry, buffer, size, result));
    });
}

protoent* getprotobyname(const char* name) {
    return protocol_by_name.next(
        [&](protoent* entry, char* buffer, size_t size, protoent** result) {
            return or_errno(getprotobyname_r(name, entry, buffer, size, result));
        });
}

protoent* getprotobynumber(int number) {
    return protocol_by_number.next(
        [&](protoent* entry, char* buffer, size_t size, protoent** result) {
            return or_errno(getprotobynumber_r(number, entry, buffer, size, result));
        });
}

// The walks: every entry in file order. setservent and setprotoent start
// again from the top (their "stay open" argument changes nothing here: the
// file stays open for the walk whatever it says, and lookups by name or
// number read it afresh); endservent and endprotoent close it.
int getservent_r(servent* __restrict entry, char* __restrict buffer, size_t size,
                 servent** __restrict result) {
    return next_entry(service_walk, "/etc/services", fill_service, entry, buffer, size, result);
}

servent* getservent(void) {
    return service_walk_entry.next(
        [](servent* entry, char* buffer, size_t size, servent** result) {
            return or_errno(getservent_r(entry, buffer, size, result));
        });
}

void setservent(int) { end_walk(service_walk); }
void endservent(void) { end_walk(service_walk); }

int getprotoent_r(protoent* __restrict entry, char* __restrict buffer, size_t size,
                  protoent** __restrict result) {
    return next_entry(protocol_walk, "/etc/protocols", fill_protocol, entry, buffer, size, result);
}

protoent* getprotoent(void) {
    return protocol_walk_entry.next(
        [](protoent* entry, char* buffer, size_t size, protoent** result) {
            return or_errno(getprotoent_r(entry, buffer, size, result));
        });
}

void setprotoent(int) { end_walk(protocol_walk); }
void endprotoent(void) { end_walk(protocol_walk); }

int getrpcbyname_r(const char* name, rpcent* entry, char* buffer, size_t size,
                   rpcent** result) noexcept {
    return find_rpc([&](char** words, int count, int) { return names_match(words, count, name); },
                    entry, buffer, size, result);
}

int getrpcbynumber_r(int number, rpcent* entry, char* buffer, size_t size,
                     rpcent** result) noexcept {
    return find_rpc([&](char**, int, int line_number) { return line_number == number; }, entry,
                    buffer, size, result);
}

rpcent* getrpcbyname(const char* name) noexcept {
    return rpc_by_name.next([&](rpcent* entry, char* buffer, size_t size, rpcent** result) {
        return or_errno(getrpcbyname_r(name, entry, buffer, size, result));
    });
}

rpcent* getrpcbynumber(int number) noexcept {
    return rpc_by_number.next([&](rpcent* entry, char* buffer, size_t size, rpcent** result) {
        return or_errno(getrpcbynumber_r(number, entry, buffer, size, result));
    });
}

int getrpcent_r(rpcent* entry, char* buffer, size_t size, rpcent** result) noexcept {
    return next_entry(rpc_walk, "/etc/rpc", fill_rpc, entry, buffer, size, result);
}

rpcent* getrpcent(void) noexcept {
    return rpc_walk_entry.next([](rpcent* entry, char* buffer, size_t size, rpcent** result) {
        return or_errno(getrpcent_r(entry, buffer, size, result));
    });
}

void setrpcent(int) noexcept { end_walk(rpc_walk); }
void endrpcent(void) noexcept { end_walk(rpc_walk); }

}  // extern "C"
