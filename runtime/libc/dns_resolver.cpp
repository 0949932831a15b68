// A stub resolver: getaddrinfo's questions for names /etc/hosts does not
// list, asked of the name servers /etc/resolv.conf names, over UDP.
//
// The configuration is resolver_configuration.cpp's, read afresh for each
// lookup: up to three name servers (none means 127.0.0.1, as with glibc),
// the search domains (`search`, `domain`, LOCALDOMAIN, or the domain of the
// host's name), and `timeout:`, `attempts:` and `ndots:` from `options` or
// RES_OPTIONS. A name with at least ndots dots is asked as it is first,
// then under each search domain; one with fewer, the other way round; one
// ending in a dot, only as it is.
//
// Each name's A and AAAA questions go to every server at once, on one
// connected UDP socket per server (so the kernel drops datagrams from any
// other address, and an ICMP "port unreachable" comes back as a refusal),
// and the first usable answer to each question wins, as musl does; after
// `timeout` seconds without an answer the questions go out again, `attempts`
// times in all. An answer counts only if its id, its question (name and
// type) and its shape match; anything malformed is dropped as if never
// received. There is no TCP: a truncated answer is used for the records it
// holds. No cache, no DNSSEC, no EDNS.
//
// Plain system calls, not the cancellable wrappers: getaddrinfo is not a
// cancellation point here, so a cancellation cannot leave a socket open.
#include "dns_resolver.hpp"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <time.h>

#include <cstdint>

#include "../../arch/x86_64/syscall.hpp"
#include "../start/kernel_calls.hpp"
#include "../sys/syscalls.hpp"
#include "resolver_configuration.hpp"

namespace lwp::libc {

namespace {

constexpr std::size_t longest_name = 253;
constexpr int type_a = 1, type_aaaa = 28, class_internet = 1;

using configuration = resolver_configuration;

// The configuration of this lookup (resolver_configuration.cpp), with at
// least one second to wait and one attempt. 0, or the errno that stopped
// the file being read.
int read_configuration(configuration& config) {
    int error = read_resolver_configuration(config);
    if (config.timeout_seconds < 1) config.timeout_seconds = 1;
    if (config.attempts < 1) config.attempts = 1;
    return error;
}

// A question as sent: header, name, type, class. 0 if `name` is not a
// valid domain name (an empty label, a label over 63 bytes, too long).
std::size_t encode_query(unsigned char* packet, std::uint16_t id, const char* name, int type) {
    std::size_t name_length = strlen(name);
    if (name_length == 0 || name_length > longest_name) return 0;
    const unsigned char header[12] = {static_cast<unsigned char>(id >> 8),
                                      static_cast<unsigned char>(id),
                                      0x01, 0x00,  // a standard query, recursion desired
                                      0, 1,        // one question
                                      0, 0, 0, 0, 0, 0};
    memcpy(packet, header, sizeof header);
    std::size_t at = sizeof header;
    for (const char* label = name; *label != '\0';) {
        const char* dot = strchr(label, '.');
        std::size_t length = dot ? static_cast<std::size_t>(dot - label) : strlen(label);
        if (length == 0 || length > 63) return 0;
        packet[at++] = static_cast<unsigned char>(length);
        memcpy(packet + at, label, length);
        at += length;
        label += length;
        if (*label == '.') ++label;
    }
    packet[at++] = 0;
    const unsigned char tail[4] = {0, static_cast<unsigned char>(type), 0, class_internet};
    memcpy(packet + at, tail, sizeof tail);
    return at + sizeof tail;
}

std::uint16_t read16(const unsigned char* bytes) {
    return static_cast<std::uint16_t>(bytes[0] << 8 | bytes[1]);
}

// Reads the name at `at` in the message, following compression pointers,
// into `text` (dotted, no final dot). The offset just past the name where it
// starts, or 0 if it is malformed: out of bounds, a pointer loop, a
// reserved label type, or longer than a name may be.
std::size_t read_name(const unsigned char* message, std::size_t size, std::size_t at, char* text) {
    std::size_t end = 0, written = 0;
    text[0] = '\0';
    // Each jump must go strictly backwards, so there can be no loop.
    std::size_t jump_limit = at;
    for (;;) {
        if (at >= size) return 0;
        unsigned length = message[at];
        if ((length & 0xc0) == 0xc0) {
            if (at + 1 >= size) return 0;
            std::size_t target = (length & 0x3f) << 8 | message[at + 1];
            if (end == 0) end = at + 2;
            if (target >= jump_limit) return 0;
            jump_limit = target;
            at = target;
            continue;
        }
        if (length & 0xc0) return 0;
        if (length == 0) return end != 0 ? end : at + 1;
        const std::size_t separator = written != 0 ? 1 : 0;
        if (at + 1 + length > size || written + separator + length > longest_name) return 0;
        if (separator) text[written++] = '.';
        memcpy(text + written, message + at + 1, length);
        written += length;
        text[written] = '\0';
        at += 1 + length;
    }
}

// One question in flight: its packet, and what has come back for it.
struct question {
    int type;
    std::uint16_t id;
    std::size_t length;
    unsigned char packet[12 + longest_name + 2 + 4];
    enum { waiting, answered, no_such_name, refused } outcome;
    unsigned refused_by;  // this attempt's refusing servers, one bit each
    address_list found;
    char owner[longest_name + 1];  // the name the addresses belong to
};

// Reads one datagram from server number `server` into the question it
// answers, if it answers one still waiting. Anything else is dropped.
void take_answer(const unsigned char* message, std::size_t size, int server, const char* name,
                 question* questions, int question_count) {
    if (size < 12) return;
    const std::uint16_t id = read16(message);
    const unsigned flags = read16(message + 2);
    if (!(flags & 0x8000) || (flags & 0x7800) != 0) return;  // not a response to a standard query
    question* asked = nullptr;
    for (int i = 0; i < question_count; ++i)
        if (questions[i].id == id && questions[i].outcome == question::waiting) asked = &questions[i];
    if (asked == nullptr || read16(message + 4) != 1) return;
    char text[longest_name + 1];
    std::size_t at = read_name(message, size, 12, text);
    if (at == 0 || at + 4 > size || strcasecmp(text, name) != 0 ||
        read16(message + at) != asked->type || read16(message + at + 2) != class_internet)
        return;
    at += 4;
    const unsigned code = flags & 0x000f;
    if (code == 3) {  // NXDOMAIN: the name does not exist
        asked->outcome = question::no_such_name;
        return;
    }
    if (code != 0) {  // SERVFAIL, REFUSED, ...: another server may know
        asked->refused_by |= 1u << server;
        return;
    }
    // The answers: the addresses of the type asked; any CNAME records lead
    // to them and need no following (the server has done that), and the
    // owner of the addresses is the canonical name.
    address_list found;
    char owner[longest_name + 1] = "";
    const std::size_t answer_count = read16(message + 6);
    for (std::size_t i = 0; i < answer_count; ++i) {
        at = read_name(message, size, at, text);
        if (at == 0 || at + 10 > size) return;
        const int type = read16(message + at);
        const int record_class = read16(message + at + 2);
        const std::size_t data_length = read16(message + at + 8);
        at += 10;
        if (at + data_length > size) return;
        const std::size_t expected = type == type_a ? 4 : 16;
        if (type == asked->type && record_class == class_internet && data_length == expected) {
            found.add(type == type_a ? AF_INET : AF_INET6, message + at);
            if (owner[0] == '\0') memcpy(owner, text, strlen(text) + 1);
        }
        at += data_length;
    }
    asked->found = found;
    memcpy(asked->owner, owner, sizeof owner);
    asked->outcome = question::answered;
}

long monotonic_milliseconds() {
    timespec now{};
    sys::clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

std::uint16_t random_id() {
    std::uint16_t id = 0;
    if (start::get_random_bytes(&id, sizeof id) != static_cast<long>(sizeof id))
        id = static_cast<std::uint16_t>(monotonic_milliseconds() * 40503u);
    return id;
}

void close_all(const int* sockets, int count) {
    for (int i = 0; i < count; ++i)
        if (sockets[i] >= 0) arch::syscall1(__NR_close, sockets[i]);
}

// Asks every server the questions, until each has an outcome or the
// attempts run out. 0, or EAI_SYSTEM (errno set) when no server's socket
// could be opened.
int exchange(const configuration& config, const char* name, question* questions,
             int question_count) {
    int sockets[most_name_servers];
    unsigned open_servers = 0;  // one bit each
    long last_error = 0;
    for (int s = 0; s < config.server_count; ++s) {
        const name_server& server = config.servers[s];
        long fd = arch::syscall3(__NR_socket, server.address.sin6_family,
                                 SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (!sys::failed(fd)) {
            long connected = arch::syscall3(__NR_connect, fd, reinterpret_cast<long>(&server.address),
                                            server.address_size);
            if (sys::failed(connected)) {
                arch::syscall1(__NR_close, fd);
                fd = connected;
            }
        }
        if (sys::failed(fd)) last_error = fd;
        sockets[s] = sys::failed(fd) ? -1 : static_cast<int>(fd);
        if (sockets[s] >= 0) open_servers |= 1u << s;
    }
    if (open_servers == 0) {
        errno = static_cast<int>(-last_error);
        return EAI_SYSTEM;
    }
    auto all_settled = [&] {
        for (int q = 0; q < question_count; ++q)
            if (questions[q].outcome == question::waiting) return false;
        return true;
    };
    for (int attempt = 0; attempt < config.attempts && !all_settled(); ++attempt) {
        for (int q = 0; q < question_count; ++q) {
            questions[q].refused_by = 0;
            if (questions[q].outcome != question::waiting) continue;
            for (int s = 0; s < config.server_count; ++s)
                if (sockets[s] >= 0)
                    arch::syscall6(__NR_sendto, sockets[s], reinterpret_cast<long>(questions[q].packet),
                                   static_cast<long>(questions[q].length), MSG_NOSIGNAL, 0, 0);
        }
        const long deadline = monotonic_milliseconds() + config.timeout_seconds * 1000L;
        for (;;) {
            // Every server refused a question this attempt: it is settled too.
            for (int q = 0; q < question_count; ++q)
                if (questions[q].outcome == question::waiting && questions[q].refused_by == open_servers)
                    questions[q].outcome = question::refused;
            if (all_settled()) break;
            long left = deadline - monotonic_milliseconds();
            if (left <= 0) break;
            pollfd watched[most_name_servers];
            for (int s = 0; s < config.server_count; ++s) watched[s] = {sockets[s], POLLIN, 0};
            long ready = arch::syscall3(__NR_poll, reinterpret_cast<long>(watched),
                                        config.server_count, left);
            if (ready == -EINTR || ready == 0) continue;
            if (sys::failed(ready)) break;
            for (int s = 0; s < config.server_count; ++s) {
                if (watched[s].revents == 0 || sockets[s] < 0) continue;
                alignas(8) unsigned char message[4096];
                long size = arch::syscall6(__NR_recvfrom, sockets[s], reinterpret_cast<long>(message),
                                           sizeof message, 0, 0, 0);
                if (size == -ECONNREFUSED) {
                    // Nothing listens there: it refuses every question.
                    for (int q = 0; q < question_count; ++q) questions[q].refused_by |= 1u << s;
                } else if (!sys::failed(size)) {
                    take_answer(message, static_cast<std::size_t>(size), s, name, questions,
                                question_count);
                }
            }
        }
    }
    close_all(sockets, config.server_count);
    return 0;
}

// One name, as it is: 0 and its addresses, EAI_NONAME, EAI_AGAIN or
// EAI_SYSTEM.
int ask_one_name(const configuration& config, const char* name, bool want_ipv4, bool want_ipv6,
                 address_list& found, char* canonical, std::size_t canonical_size) {
    question questions[2];
    int count = 0;
    const int types[] = {type_a, type_aaaa};
    for (int type : types) {
        if ((type == type_a && !want_ipv4) || (type == type_aaaa && !want_ipv6)) continue;
        question& asked = questions[count];
        asked.type = type;
        asked.id = static_cast<std::uint16_t>(random_id() + count);  // distinct ids
        asked.length = encode_query(asked.packet, asked.id, name, type);
        if (asked.length == 0) return EAI_NONAME;
        asked.outcome = question::waiting;
        asked.owner[0] = '\0';
        ++count;
    }
    int error = exchange(config, name, questions, count);
    if (error != 0) return error;
    bool any_unanswered = false;
    for (int q = 0; q < count; ++q) {
        const question& asked = questions[q];
        any_unanswered |= asked.outcome == question::waiting || asked.outcome == question::refused;
        for (int i = 0; i < asked.found.count; ++i)
            found.add(asked.found.entries[i].family, asked.found.entries[i].bytes);
        if (asked.found.count != 0 && canonical[0] == '\0') {
            strncpy(canonical, asked.owner, canonical_size - 1);
            canonical[canonical_size - 1] = '\0';
        }
    }
    if (found.count != 0) return 0;
    return any_unanswered ? EAI_AGAIN : EAI_NONAME;
}

}  // namespace

int ask_name_servers(const char* name, bool want_ipv4, bool want_ipv6, address_list& found,
                     char* canonical, std::size_t canonical_size) {
    configuration config;
    if (int error = read_configuration(config)) {
        errno = error;
        return EAI_SYSTEM;
    }
    canonical[0] = '\0';
    std::size_t length = strlen(name);
    if (length == 0 || length > longest_name + 1) return EAI_NONAME;
    char candidate[2 * (longest_name + 1)];
    auto try_name = [&](const char* domain) {
        if (domain == nullptr) {
            memcpy(candidate, name, length);
            candidate[length] = '\0';
        } else {
            std::size_t domain_length = strlen(domain);
            if (length + 1 + domain_length > longest_name) return EAI_NONAME;
            memcpy(candidate, name, length);
            candidate[length] = '.';
            memcpy(candidate + length + 1, domain, domain_length + 1);
        }
        return ask_one_name(config, candidate, want_ipv4, want_ipv6, found, canonical,
                            canonical_size);
    };
    if (name[length - 1] == '.') {  // absolute: no search
        --length;
        return try_name(nullptr);
    }
    int dots = 0;
    for (const char* c = name; *c != '\0'; ++c) dots += *c == '.';
    const bool as_is_first = dots >= config.ndots;
    // The outcome reported when nothing is found: EAI_AGAIN if any name went
    // unanswered (a server that did not answer might know), else EAI_NONAME.
    int outcome = EAI_NONAME;
    auto settle = [&](int result) {
        if (result == EAI_AGAIN || result == EAI_SYSTEM) outcome = result;
        return result == 0;
    };
    if (as_is_first && settle(try_name(nullptr))) return 0;
    for (int i = 0; i < config.search_count; ++i)
        if (settle(try_name(config.search[i]))) return 0;
    if (!as_is_first && settle(try_name(nullptr))) return 0;
    return outcome;
}

}  // namespace lwp::libc
