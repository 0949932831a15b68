// The networks database, /etc/networks ("name number alias..."):
// getnetbyname getnetbyaddr and their _r forms, and the walk setnetent
// getnetent getnetent_r endnetent. Files only, as glibc's "networks: files"
// (there is no NSS).
//
// Read as glibc reads the file: words separated by white space, a '#' ending
// the line; the number is completed to four parts with ".0" and read by
// inet_network, so "127" and "127.0.0.0" are both 0x7f000000, and a line
// without a valid number (or with none) is an entry whose n_net is
// 0xffffffff; n_addrtype is always AF_INET. getnetbyname compares the name
// and the aliases without regard to case; getnetbyaddr takes the type
// AF_INET or AF_UNSPEC (any other finds nothing).
//
// The _r forms: 0 with the entry in the caller's buffer; 0 with a null
// result when nothing matches (*h_errnop HOST_NOT_FOUND); ERANGE when the
// matching entry does not fit (*h_errnop NETDB_INTERNAL, errno ERANGE);
// the errno opening or reading the file failed with (*h_errnop
// NETDB_INTERNAL). The walk is one for the process, under a lock:
// getnetent_r answers ENOENT at the end and gives an entry that did not fit
// again at the next call; like glibc's, it sets the thread's h_errno (and
// lwp's also *h_errnop, which glibc's leaves alone). The plain forms keep an
// entry and a growing buffer each and set h_errno.
#include <errno.h>
#include <netdb.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "growing_entry.hpp"
#include "netdb_entries.hpp"
#include "network_numbers.hpp"
#include "system_file_lines.hpp"

namespace {

using lwp::libc::word;
using lwp::libc::word_reader;

constexpr char networks_path[] = "/etc/networks";

lwp::libc::file_walk networks_walk;
constinit lwp::libc::growing_entry<netent> walk_storage;
constinit lwp::libc::growing_entry<netent> by_name_storage;
constinit lwp::libc::growing_entry<netent> by_number_storage;

// The number word as glibc reads it: with ".0" added until it has four
// parts (it may already have more, and stay invalid), then inet_network.
uint32_t network_number(const word& text) {
    int parts = 1;
    for (size_t i = 0; i < text.length && parts < 4; ++i) parts += text.text[i] == '.';
    size_t length = text.length + 2 * (4 - parts);
    char small[64];
    char* padded = length < sizeof small ? small : static_cast<char*>(malloc(length + 1));
    if (padded == nullptr) return INADDR_NONE;  // without memory: no valid number
    memcpy(padded, text.text, text.length);
    char* end = padded + text.length;
    for (; parts < 4; ++parts) {
        *end++ = '.';
        *end++ = '0';
    }
    *end = '\0';
    uint32_t number = lwp::libc::parse_network_number(padded);
    if (padded != small) free(padded);
    return number;
}

// A line into the entry: 0, ERANGE, or -1 when it holds no entry (no words).
int fill_network(const char* line, netent* entry, char* buffer, size_t size) {
    word_reader words(line);
    word name;
    if (!words.next(name)) return -1;
    word number = {"", 0};
    words.next(number);
    lwp::libc::entry_packer packer(buffer, size);
    char** aliases = packer.pointers(words.count() + 1);
    char* name_copy = packer.string(name);
    packer.strings(words, aliases);
    if (packer.overflowed()) return ERANGE;
    entry->n_name = name_copy;
    entry->n_aliases = aliases;
    entry->n_addrtype = AF_INET;
    entry->n_net = network_number(number);
    return 0;
}

void set_host_error(int* h_errnop, int code) {
    if (h_errnop != nullptr) *h_errnop = code;
}

// The first line of the file that `matches` (a predicate on the line's
// name, number word and aliases), filled into the entry, with the _r forms'
// answers (see the top).
template <class Matches>
int find_network(Matches matches, netent* entry, char* buffer, size_t size, netent** result,
                 int* h_errnop) {
    *result = nullptr;
    lwp::libc::line_reader reader;
    int error = reader.open(networks_path);
    if (error == 0) {
        while (char* line = reader.next()) {
            word_reader words(line);
            word name, number = {"", 0};
            if (!words.next(name)) continue;
            words.next(number);
            if (!matches(name, number, words)) continue;
            if (fill_network(line, entry, buffer, size) == ERANGE) {
                set_host_error(h_errnop, NETDB_INTERNAL);
                errno = ERANGE;
                return ERANGE;
            }
            *result = entry;
            return 0;
        }
        error = reader.error();
    }
    if (error != 0) {
        set_host_error(h_errnop, NETDB_INTERNAL);
        errno = error;
        return error;
    }
    set_host_error(h_errnop, HOST_NOT_FOUND);
    return 0;
}

bool same_name(const word& text, const char* name) {
    return strncasecmp(text.text, name, text.length) == 0 && name[text.length] == '\0';
}

}  // namespace

extern "C" {

int getnetbyname_r(const char* __restrict name, netent* __restrict entry, char* __restrict buffer,
                   size_t size, netent** __restrict result, int* __restrict h_errnop) {
    auto matches = [name](const word& line_name, const word&, word_reader aliases) {
        if (same_name(line_name, name)) return true;
        for (word alias; aliases.next(alias);)
            if (same_name(alias, name)) return true;
        return false;
    };
    return find_network(matches, entry, buffer, size, result, h_errnop);
}

// Every entry is AF_INET: any other type but AF_UNSPEC finds nothing.
int getnetbyaddr_r(uint32_t number, int type, netent* __restrict entry, char* __restrict buffer,
                   size_t size, netent** __restrict result, int* __restrict h_errnop) {
    auto matches = [number, type](const word&, const word& line_number, word_reader) {
        return (type == AF_UNSPEC || type == AF_INET) && network_number(line_number) == number;
    };
    return find_network(matches, entry, buffer, size, result, h_errnop);
}

netent* getnetbyname(const char* name) {
    return by_name_storage.next([name](netent* entry, char* buffer, size_t size, netent** result) {
        return getnetbyname_r(name, entry, buffer, size, result, &h_errno);
    });
}

netent* getnetbyaddr(uint32_t number, int type) {
    return by_number_storage.next(
        [number, type](netent* entry, char* buffer, size_t size, netent** result) {
            return getnetbyaddr_r(number, type, entry, buffer, size, result, &h_errno);
        });
}

int getnetent_r(netent* __restrict entry, char* __restrict buffer, size_t size,
                netent** __restrict result, int* __restrict h_errnop) {
    *result = nullptr;
    lwp::runtime::internal_lock_guard hold(networks_walk.lock);
    int error;
    while (char* line = networks_walk.next_line(networks_path, error)) {
        int filled = fill_network(line, entry, buffer, size);
        if (filled < 0) continue;
        if (filled == ERANGE) {
            networks_walk.repeat_line();
            h_errno = NETDB_INTERNAL;
            set_host_error(h_errnop, NETDB_INTERNAL);
            errno = ERANGE;
            return ERANGE;
        }
        *result = entry;
        return 0;
    }
    int code = error != 0 ? NETDB_INTERNAL : HOST_NOT_FOUND;
    h_errno = code;
    set_host_error(h_errnop, code);
    if (error != 0) errno = error;
    return error != 0 ? error : ENOENT;
}

netent* getnetent(void) {
    return walk_storage.next([](netent* entry, char* buffer, size_t size, netent** result) {
        return getnetent_r(entry, buffer, size, result, &h_errno);
    });
}

void setnetent(int) {
    lwp::runtime::internal_lock_guard hold(networks_walk.lock);
    networks_walk.close();
}

void endnetent(void) {
    lwp::runtime::internal_lock_guard hold(networks_walk.lock);
    networks_walk.close();
}

}  // extern "C"
