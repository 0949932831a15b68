// getservbyname getservbyport getprotobyname getprotobynumber, and their _r
// forms: the services of /etc/services and the protocols of /etc/protocols,
// read on every call (there is no NSS, as for getaddrinfo). The _r forms
// build the entry in the caller's buffer: 0 with *result set, 0 with *result
// null when no line matches, ERANGE when the buffer is too small. The plain
// forms use one static entry for the process, as glibc's do (not
// thread-safe: the _r forms are).
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

int fill_protocol(char** words, int count, protoent* entry, char* buffer, size_t size) {
    if (count < 2) return -1;
    char* end;
    long number = strtol(words[1], &end, 10);
    if (*end != '\0') return -1;
    packed_names packed;
    if (!pack(words + 2, count - 2, words[0], nullptr, buffer, size, packed)) return ERANGE;
    entry->p_name = packed.name;
    entry->p_aliases = packed.aliases;
    entry->p_proto = static_cast<int>(number);
    return 0;
}

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

// matches(words, count, number) on the lines that are protocols.
template <typename Matches>
int find_protocol(Matches matches, protoent* entry, char* buffer, size_t size,
                  protoent** result) {
    return find_entry(
        "/etc/protocols", fill_protocol,
        [&](char** words, int count) {
            if (count < 2) return false;
            char* end;
            long number = strtol(words[1], &end, 10);
            return *end == '\0' && matches(words, count, static_cast<int>(number));
        },
        entry, buffer, size, result);
}

// A name matches a line's first word or any of its aliases.
bool names_match(char** words, int count, const char* name) {
    if (strcmp(words[0], name) == 0) return true;
    for (int i = 2; i < count; ++i)
        if (strcmp(words[i], name) == 0) return true;
    return false;
}

// The walks of getservent and getprotoent: one per file for the process.
lwp::libc::file_walk service_walk;
lwp::libc::file_walk protocol_walk;

// The next line of a walk whose words `fill` accepts into the entry: 0 with
// *result set, 0 with *result null at the end, ERANGE (the line is then
// passed over), or the errno reading the file failed with.
template <typename Entry, typename Fill>
int next_entry(lwp::libc::file_walk& walk, const char* path, Fill fill, Entry* entry,
               char* buffer, size_t size, Entry** result) {
    *result = nullptr;
    lwp::runtime::internal_lock_guard hold(walk.lock);
    int error;
    while (char* line = walk.next_line(path, error)) {
        char* words[64];
        int count = lwp::libc::split_words(line, words, 64);
        if (count == 0) continue;
        int filled = fill(words, count, entry, buffer, size);
        if (filled < 0) continue;  // not an entry
        if (filled > 0) return filled;
        *result = entry;
        return 0;
    }
    return error;
}

void end_walk(lwp::libc::file_walk& walk) {
    lwp::runtime::internal_lock_guard hold(walk.lock);
    walk.close();
}

// The plain forms' shared storage.
struct {
    servent entry;
    char text[1024];
} static_service;

struct {
    protoent entry;
    char text[1024];
} static_protocol;

template <typename Entry>
Entry* entry_or_null(int error, Entry* result) {
    if (error != 0) errno = error;
    return result;
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
    servent* result;
    int error = getservbyname_r(name, protocol, &static_service.entry, static_service.text,
                                sizeof static_service.text, &result);
    return entry_or_null(error, result);
}

servent* getservbyport(int port, const char* protocol) {
    servent* result;
    int error = getservbyport_r(port, protocol, &static_service.entry, static_service.text,
                                sizeof static_service.text, &result);
    return entry_or_null(error, result);
}

protoent* getprotobyname(const char* name) {
    protoent* result;
    int error = getprotobyname_r(name, &static_protocol.entry, static_protocol.text,
                                 sizeof static_protocol.text, &result);
    return entry_or_null(error, result);
}

protoent* getprotobynumber(int number) {
    protoent* result;
    int error = getprotobynumber_r(number, &static_protocol.entry, static_protocol.text,
                                   sizeof static_protocol.text, &result);
    return entry_or_null(error, result);
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
    servent* result;
    int error = getservent_r(&static_service.entry, static_service.text,
                             sizeof static_service.text, &result);
    return entry_or_null(error, result);
}

void setservent(int) { end_walk(service_walk); }
void endservent(void) { end_walk(service_walk); }

int getprotoent_r(protoent* __restrict entry, char* __restrict buffer, size_t size,
                  protoent** __restrict result) {
    return next_entry(protocol_walk, "/etc/protocols", fill_protocol, entry, buffer, size, result);
}

protoent* getprotoent(void) {
    protoent* result;
    int error = getprotoent_r(&static_protocol.entry, static_protocol.text,
                              sizeof static_protocol.text, &result);
    return entry_or_null(error, result);
}

void setprotoent(int) { end_walk(protocol_walk); }
void endprotoent(void) { end_walk(protocol_walk); }

}  // extern "C"
