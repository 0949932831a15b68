// sethostent gethostent gethostent_r endhostent: every entry of /etc/hosts,
// in file order, as glibc's walk gives them (there is no NSS: DNS has no
// walk anyway). Each entry is IPv4, one address: a line's IPv4 address; an
// IPv4-mapped IPv6 one (::ffff:a.b.c.d) as its IPv4 address; ::1 as
// 127.0.0.1; other IPv6 lines, and lines whose first word is no address,
// are passed over. The name is the line's second word ("" when there is
// none, as in glibc), the aliases the rest, up to a '#'.
//
// One walk for the process, under a lock, from the first call to
// endhostent; sethostent starts it again from the top (its "stay open"
// argument changes nothing: lookups read the file afresh either way).
// gethostent_r: 0 with the entry in the caller's buffer; ENOENT at the end
// (h_errno HOST_NOT_FOUND); ERANGE when the entry does not fit (h_errno
// NETDB_INTERNAL, errno ERANGE), the next call giving it again; or the errno
// reading the file failed with (h_errno NETDB_INTERNAL). As glibc, these
// codes go to the thread's h_errno; lwp also stores them in *h_errnop
// (glibc's gethostent_r never writes it). gethostent: its own entry and a
// buffer that grows to fit; null at the end, h_errno saying why.
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "address_text.hpp"
#include "growing_entry.hpp"
#include "netdb_entries.hpp"
#include "system_file_lines.hpp"

namespace {

using lwp::libc::word;
using lwp::libc::word_reader;

constexpr char hosts_path[] = "/etc/hosts";

lwp::libc::file_walk hosts_walk;
constinit lwp::libc::growing_entry<hostent> walk_storage;

// The line's address as the IPv4 one the walk gives; false if it has none.
bool ipv4_address(const word& text, unsigned char address[4]) {
    char copy[INET6_ADDRSTRLEN + 1];
    if (text.length >= sizeof copy) return false;
    memcpy(copy, text.text, text.length);
    copy[text.length] = '\0';
    if (lwp::libc::parse_ipv4(copy, address)) return true;
    unsigned char bytes[16];
    if (!lwp::libc::parse_ipv6(copy, bytes)) return false;
    static constexpr unsigned char mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static constexpr unsigned char loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    if (memcmp(bytes, mapped_prefix, sizeof mapped_prefix) == 0) {
        memcpy(address, bytes + 12, 4);
        return true;
    }
    if (memcmp(bytes, loopback, sizeof loopback) == 0) {
        static constexpr unsigned char localhost[4] = {127, 0, 0, 1};
        memcpy(address, localhost, 4);
        return true;
    }
    return false;
}

// A line into the entry: 0, ERANGE, or -1 when it holds no entry.
int fill_host(const char* line, hostent* entry, char* buffer, size_t size) {
    word_reader words(line);
    word address_text;
    unsigned char address[4];
    if (!words.next(address_text) || !ipv4_address(address_text, address)) return -1;
    word name = {"", 0};
    words.next(name);
    lwp::libc::entry_packer packer(buffer, size);
    char** aliases = packer.pointers(words.count() + 1);
    char** addresses = packer.pointers(2);
    char* address_copy = packer.bytes(address, sizeof address);
    char* name_copy = packer.string(name);
    packer.strings(words, aliases);
    if (packer.overflowed()) return ERANGE;
    addresses[0] = address_copy;
    addresses[1] = nullptr;
    entry->h_name = name_copy;
    entry->h_aliases = aliases;
    entry->h_addrtype = AF_INET;
    entry->h_length = sizeof address;
    entry->h_addr_list = addresses;
    return 0;
}

void set_host_error(int* h_errnop, int code) {
    h_errno = code;
    if (h_errnop != nullptr) *h_errnop = code;
}

}  // namespace

extern "C" {

int gethostent_r(hostent* __restrict entry, char* __restrict buffer, size_t size,
                 hostent** __restrict result, int* __restrict h_errnop) {
    *result = nullptr;
    lwp::runtime::internal_lock_guard hold(hosts_walk.lock);
    int error;
    while (char* line = hosts_walk.next_line(hosts_path, error)) {
        int filled = fill_host(line, entry, buffer, size);
        if (filled < 0) continue;
        if (filled == ERANGE) {
            hosts_walk.repeat_line();
            set_host_error(h_errnop, NETDB_INTERNAL);
            errno = ERANGE;
            return ERANGE;
        }
        *result = entry;
        return 0;
    }
    if (error != 0) {
        set_host_error(h_errnop, NETDB_INTERNAL);
        errno = error;
        return error;
    }
    set_host_error(h_errnop, HOST_NOT_FOUND);
    return ENOENT;
}

hostent* gethostent(void) {
    return walk_storage.next([](hostent* entry, char* buffer, size_t size, hostent** result) {
        return gethostent_r(entry, buffer, size, result, &h_errno);
    });
}

void sethostent(int) {
    lwp::runtime::internal_lock_guard hold(hosts_walk.lock);
    hosts_walk.close();
}

void endhostent(void) {
    lwp::runtime::internal_lock_guard hold(hosts_walk.lock);
    hosts_walk.close();
}

}  // extern "C"
