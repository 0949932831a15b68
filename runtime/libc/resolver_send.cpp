// res_send res_nsend (<resolv.h>; also `__res_send`, `__res_nsend`, their
// names before glibc 2.34): a DNS message sent to the state's name servers
// and the reply read back, glibc's way:
//
// - each server of nsaddr_list in turn (`options rotate`: from a rotating
//   start), the whole round `retry` times; a server gets `retrans` seconds,
//   shifted left by its index and divided among the servers for all but
//   the first (at least one second), as in glibc;
// - over UDP on a connected socket with ICMP errors reported (a server
//   with nothing listening refuses at once), unless RES_USEVC or a message
//   over 512 bytes asks for TCP;
// - a datagram counts only if its id is the query's and its question
//   section holds the query's questions (name, type, class); anything else
//   is dropped and the wait goes on. A reply shorter than a header, a
//   SERVFAIL, NOTIMP or REFUSED, or a "lame" empty reply (NOERROR with no
//   records and neither AA nor RA) moves on to the next server;
// - a truncated reply (TC) is asked again of the same server over TCP, and
//   then every server left is asked over TCP, once (RES_IGNTC: the
//   truncated reply is the answer). Over TCP a reply longer than the buffer
//   is cut, its TC bit set, and its full length returned, as glibc does;
//   replies with another id are skipped;
// - the AD bit of the answer is cleared unless RES_TRUSTAD.
// Errors: ESRCH without servers, EINVAL for a buffer shorter than a header;
// when no server answered, ECONNREFUSED if none was reached (all refused),
// ETIMEDOUT if one was, and over TCP the error of the last connection.
//
// Differences from glibc: a reply whose question section cannot be read is
// dropped (glibc takes it as matching); the TCP exchange is bounded by the
// same time as a UDP one (glibc's can wait for ever); errno is left alone
// on success (glibc's is 0 then). No socket outlives the call (below).
//
// Plain system calls, not the cancellable wrappers: these are no
// cancellation points here, so a cancellation cannot leave a socket open.
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <resolv.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>

#include <atomic>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "resolver_state.hpp"

namespace lwp::libc {

namespace {

constexpr int header_size = 12;     // HFIXEDSZ
constexpr int udp_message_limit = 512;  // PACKETSZ
constexpr int opcode_update = 5;
constexpr int rcode_servfail = 2, rcode_notimp = 4, rcode_refused = 5;

unsigned read16(const unsigned char* bytes) { return static_cast<unsigned>(bytes[0] << 8 | bytes[1]); }

long monotonic_milliseconds() {
    timespec now{};
    sys::clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

void close_socket(int fd) { arch::syscall1(__NR_close, fd); }

struct server_address {
    sockaddr_in6 storage;  // or a sockaddr_in
    socklen_t size;
    int family;
};

// Server number `index`, where glibc looks for it: nsaddr_list, unless its
// family is 0 and an IPv6 address is kept in _u._ext.nsaddrs. False for an
// address of another family.
bool server_at(res_state state, int index, server_address& server) {
    const sockaddr_in& listed = state->nsaddr_list[index];
    if (listed.sin_family == 0 && state->_u._ext.nsaddrs[index] != nullptr) {
        server.storage = *state->_u._ext.nsaddrs[index];
        server.size = sizeof(sockaddr_in6);
        server.family = AF_INET6;
        return true;
    }
    if (listed.sin_family != AF_INET) return false;
    memcpy(&server.storage, &listed, sizeof listed);
    server.size = sizeof listed;
    server.family = AF_INET;
    return true;
}

// The question at `at`: its name (uncompressed wire form), type and class.
// The offset after it, or -1 if it cannot be read.
int read_question(const unsigned char* message, int size, int at, unsigned char* name,
                  unsigned& type, unsigned& question_class) {
    int consumed = ns_name_unpack(message, message + size, message + at, name, NS_MAXCDNAME);
    if (consumed < 0 || size - (at + consumed) < 4) return -1;
    at += consumed;
    type = read16(message + at);
    question_class = read16(message + at + 2);
    return at + 4;
}

// Whether two wire-form names are equal, ASCII letters in either case.
bool names_equal(const unsigned char* a, const unsigned char* b) {
    for (;;) {
        const unsigned length = *a;
        if (length != *b) return false;
        if (length == 0) return true;
        for (unsigned i = 1; i <= length; ++i) {
            unsigned char x = a[i], y = b[i];
            if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
            if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
            if (x != y) return false;
        }
        a += length + 1;
        b += length + 1;
    }
}

// Does the reply carry the query's questions? As glibc checks: the same
// number of questions, each of the query's found among the reply's; two
// dynamic updates (which have none) always match, and so does a query
// whose own questions cannot be read (only the id can be compared).
bool reply_matches(const unsigned char* query, int query_length, const unsigned char* reply,
                   int reply_length) {
    if (query_length < header_size) return true;
    if ((query[2] >> 3 & 0xf) == opcode_update && (reply[2] >> 3 & 0xf) == opcode_update)
        return true;
    const unsigned count = read16(query + 4);
    if (count != read16(reply + 4)) return false;
    int at = header_size;
    for (unsigned q = 0; q < count; ++q) {
        unsigned char name[NS_MAXCDNAME];
        unsigned type, question_class;
        at = read_question(query, query_length, at, name, type, question_class);
        if (at < 0) return true;
        bool found = false;
        int reply_at = header_size;
        for (unsigned r = 0; r < count && !found; ++r) {
            unsigned char reply_name[NS_MAXCDNAME];
            unsigned reply_type, reply_class;
            reply_at = read_question(reply, reply_length, reply_at, reply_name, reply_type, reply_class);
            if (reply_at < 0) return false;
            found = reply_type == type && reply_class == question_class && names_equal(name, reply_name);
        }
        if (!found) return false;
    }
    return true;
}

// What one exchange with one server came to.
enum class exchange_result { answered, next_server, use_tcp, fatal };

struct exchange {
    res_state state;
    const unsigned char* query;
    int query_length;
    unsigned char* answer;
    int answer_size;
    int reply_length = 0;
    int last_error = ETIMEDOUT;    // what a failure over TCP reports
    bool reached_a_server = false;  // some server answered or stayed silent
};

// Waits for `events` on `fd` until the deadline: > 0 ready, 0 out of time,
// or a negative errno.
long wait_for(int fd, short events, long deadline) {
    for (;;) {
        long left = deadline - monotonic_milliseconds();
        if (left <= 0) return 0;
        pollfd watched = {fd, events, 0};
        long ready = arch::syscall3(__NR_poll, reinterpret_cast<long>(&watched), 1, left);
        if (ready == -EINTR) continue;
        if (ready > 0 && !(watched.revents & events)) return -EIO;  // POLLERR, POLLHUP
        return ready;
    }
}

exchange_result ask_over_udp(exchange& work, const server_address& server, int seconds) {
    res_state state = work.state;
    if (server.family == AF_INET6 && state->ipv6_unavail) {
        work.last_error = EAFNOSUPPORT;
        return exchange_result::fatal;
    }
    // Non-blocking, so that the wait is poll's alone; close-on-exec, so
    // that no program this one starts inherits it.
    long fd = arch::syscall3(__NR_socket, server.family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (sys::failed(fd)) {
        if (server.family == AF_INET6) state->ipv6_unavail = fd == -EAFNOSUPPORT;
        work.last_error = static_cast<int>(-fd);
        return exchange_result::fatal;
    }
    // ICMP errors (port unreachable: nothing listens there) reported on the
    // socket, so that such a server fails at once instead of timing out.
    int one = 1;
    long set = server.family == AF_INET
                   ? arch::syscall5(__NR_setsockopt, fd, SOL_IP, IP_RECVERR, reinterpret_cast<long>(&one), sizeof one)
                   : arch::syscall5(__NR_setsockopt, fd, SOL_IPV6, IPV6_RECVERR, reinterpret_cast<long>(&one), sizeof one);
    if (sys::failed(set)) {
        close_socket(static_cast<int>(fd));
        work.last_error = static_cast<int>(-set);
        return exchange_result::fatal;
    }
    // Connected: the kernel then drops datagrams from any other address.
    long connected = arch::syscall3(__NR_connect, fd, reinterpret_cast<long>(&server.storage), server.size);
    auto finish = [&](exchange_result result) {
        close_socket(static_cast<int>(fd));
        return result;
    };
    if (sys::failed(connected)) return finish(exchange_result::next_server);
    const long deadline = monotonic_milliseconds() + seconds * 1000L;
    bool sent = false;
    for (;;) {
        long ready = wait_for(static_cast<int>(fd), sent ? POLLIN : POLLOUT, deadline);
        if (ready == 0) {  // silence: the server was there, or may be
            work.reached_a_server = true;
            return finish(exchange_result::next_server);
        }
        if (ready < 0) return finish(exchange_result::next_server);  // a refusal, or worse
        if (!sent) {
            long written = arch::syscall6(__NR_sendto, fd, reinterpret_cast<long>(work.query),
                                          work.query_length, MSG_NOSIGNAL, 0, 0);
            if (written == -EINTR || written == -EAGAIN) continue;
            if (written != work.query_length) return finish(exchange_result::next_server);
            sent = true;
            continue;
        }
        long size = arch::syscall6(__NR_recvfrom, fd, reinterpret_cast<long>(work.answer),
                                   work.answer_size, 0, 0, 0);
        if (size == -EINTR || size == -EAGAIN) continue;
        if (size <= 0) return finish(exchange_result::next_server);  // ECONNREFUSED, ...
        work.reached_a_server = true;
        if (size < header_size) {
            work.last_error = EMSGSIZE;
            return finish(exchange_result::next_server);
        }
        const unsigned char* reply = work.answer;
        const int length = static_cast<int>(size);
        const unsigned code = reply[3] & 0xf;
        const bool failure = code == rcode_servfail || code == rcode_notimp || code == rcode_refused;
        // Some servers refuse with a bare header, without the question.
        const bool bare_refusal = length == header_size && read16(reply + 4) == 0 && failure;
        if (memcmp(reply, work.query, 2) != 0 ||
            (!bare_refusal && !reply_matches(work.query, work.query_length, reply, length)))
            continue;  // not the reply to this query: dropped
        if (state->pfcode == 0) {  // dig's pfcode keeps such replies
            if (failure) return finish(exchange_result::next_server);
            const bool authoritative = reply[2] & 0x04, recursion_available = reply[3] & 0x80;
            if (code == 0 && read16(reply + 6) == 0 && read16(reply + 10) == 0 && !authoritative &&
                !recursion_available)
                return finish(exchange_result::next_server);  // a lame server's empty reply
        }
        if (!(state->options & RES_IGNTC) && (reply[2] & 0x02))  // truncated
            return finish(exchange_result::use_tcp);
        work.reply_length = length;
        return finish(exchange_result::answered);
    }
}

// Reads exactly `length` bytes before the deadline: 0, or the errno
// (ETIMEDOUT; 0 at the end of the stream too, as glibc reports it then).
int read_fully(int fd, unsigned char* buffer, long length, long deadline, bool& ended) {
    ended = false;
    while (length > 0) {
        long got = arch::syscall3(__NR_read, fd, reinterpret_cast<long>(buffer), length);
        if (got > 0) {
            buffer += got;
            length -= got;
            continue;
        }
        if (got == 0) {
            ended = true;
            return 0;
        }
        if (got == -EINTR) continue;
        if (got != -EAGAIN) return static_cast<int>(-got);
        long ready = wait_for(fd, POLLIN, deadline);
        if (ready == 0) return ETIMEDOUT;
        if (ready < 0) {
            // The error the socket holds, if any, is the one read gives.
            continue;
        }
    }
    return 0;
}

exchange_result ask_over_tcp(exchange& work, const server_address& server, int seconds) {
    const long deadline = monotonic_milliseconds() + seconds * 1000L;
    bool reconnected = false;
    for (;;) {
        // Non-blocking, so that every wait has the deadline.
        long fd = arch::syscall3(__NR_socket, server.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (sys::failed(fd)) {
            work.last_error = static_cast<int>(-fd);
            return exchange_result::fatal;
        }
        const int socket = static_cast<int>(fd);
        auto fail = [&](int error) {
            close_socket(socket);
            work.last_error = error;
            return exchange_result::next_server;
        };
        long connected = arch::syscall3(__NR_connect, socket, reinterpret_cast<long>(&server.storage), server.size);
        if (connected == -EINPROGRESS) {
            long ready = wait_for(socket, POLLOUT, deadline);
            int error = 0;
            socklen_t error_size = sizeof error;
            arch::syscall5(__NR_getsockopt, socket, SOL_SOCKET, SO_ERROR, reinterpret_cast<long>(&error),
                           reinterpret_cast<long>(&error_size));
            if (error != 0) return fail(error);
            if (ready <= 0) return fail(ETIMEDOUT);
        } else if (sys::failed(connected)) {
            return fail(static_cast<int>(-connected));
        }
        // The length, then the message, in one go; MSG_NOSIGNAL, so that a
        // server that went away is an EPIPE and not the end of the program.
        unsigned char prefix[2] = {static_cast<unsigned char>(work.query_length >> 8),
                                   static_cast<unsigned char>(work.query_length)};
        long total = 2 + work.query_length, sent = 0;
        while (sent < total) {
            msghdr message{};
            iovec rest[2];
            int part_count = 0;
            if (sent < 2) rest[part_count++] = {prefix + sent, static_cast<size_t>(2 - sent)};
            const long query_sent = sent < 2 ? 0 : sent - 2;
            rest[part_count++] = {const_cast<unsigned char*>(work.query) + query_sent,
                                  static_cast<size_t>(work.query_length - query_sent)};
            message.msg_iov = rest;
            message.msg_iovlen = part_count;
            long written = arch::syscall3(__NR_sendmsg, socket, reinterpret_cast<long>(&message), MSG_NOSIGNAL);
            if (written > 0) {
                sent += written;
            } else if (written == -EAGAIN || written == -EINTR) {
                long ready = wait_for(socket, POLLOUT, deadline);
                if (ready == 0) return fail(ETIMEDOUT);
            } else {
                return fail(static_cast<int>(-written));
            }
        }
        // Replies until one has the query's id (one left over from an
        // earlier query is skipped).
        for (;;) {
            unsigned char length_bytes[2];
            bool ended;
            int error = read_fully(socket, length_bytes, 2, deadline, ended);
            if (ended || error != 0) {
                // A server that restarted resets long-lived connections:
                // asked again once, on a new one.
                if (error == ECONNRESET && !reconnected) {
                    close_socket(socket);
                    reconnected = true;
                    break;
                }
                return fail(error);
            }
            const int reply_length = static_cast<int>(read16(length_bytes));
            const int kept = reply_length < work.answer_size ? reply_length : work.answer_size;
            if (kept < header_size) return fail(EMSGSIZE);
            error = read_fully(socket, work.answer, kept, deadline, ended);
            if (ended || error != 0) return fail(error);
            if (kept < reply_length) {
                // Cut to fit: marked truncated, and the rest read and
                // dropped so that the next reply starts where it should.
                work.answer[2] |= 0x02;
                unsigned char rest[512];
                for (long left = reply_length - kept; left > 0;) {
                    long chunk = left < static_cast<long>(sizeof rest) ? left : static_cast<long>(sizeof rest);
                    if (read_fully(socket, rest, chunk, deadline, ended) != 0 || ended) break;
                    left -= chunk;
                }
            }
            if (memcmp(work.answer, work.query, 2) == 0) {
                close_socket(socket);
                work.reply_length = reply_length;
                return exchange_result::answered;
            }
        }
    }
}

// RES_ROTATE: where each call starts in the list, a counter shared by all
// threads, from a random start. Its lowest bit says it has been seeded.
unsigned rotation_start(res_state state, int count) {
    if (count <= 1 || !(state->options & RES_ROTATE)) return 0;
    static std::atomic<unsigned> counter{0};
    unsigned value = counter.fetch_add(2, std::memory_order_relaxed);
    if ((value & 1) == 0) {
        value = random_message_id() << 1 | 1;
        counter.store(value + 2, std::memory_order_relaxed);
    }
    return (value >> 1) % static_cast<unsigned>(count);
}

}  // namespace

int send_to_name_servers(res_state state, const unsigned char* query, int query_length,
                         unsigned char* answer, int answer_size) {
    if (state->nscount <= 0) {
        errno = ESRCH;
        return -1;
    }
    if (answer_size < header_size) {
        errno = EINVAL;
        return -1;
    }
    const int count = state->nscount < MAXNS ? state->nscount : MAXNS;
    bool use_tcp = (state->options & RES_USEVC) || query_length > udp_message_limit;
    exchange work{state, query, query_length, answer, answer_size};
    const unsigned start = rotation_start(state, count);
    for (int attempt = 0; attempt < state->retry; ++attempt) {
        for (int step = 0; step < count; ++step) {
            const int index = static_cast<int>((start + step) % count);
            server_address server;
            if (!server_at(state, index, server)) {
                errno = EAFNOSUPPORT;
                return -1;
            }
            int seconds = state->retrans << index;
            if (index > 0) seconds /= count;
            if (seconds <= 0) seconds = 1;
            exchange_result result;
            if (use_tcp) {
                attempt = state->retry;  // over TCP, each server once
                result = ask_over_tcp(work, server, seconds);
            } else {
                result = ask_over_udp(work, server, seconds);
                if (result == exchange_result::use_tcp) {
                    use_tcp = true;
                    attempt = state->retry;
                    result = ask_over_tcp(work, server, seconds);
                }
            }
            if (result == exchange_result::fatal) {
                errno = work.last_error;
                return -1;
            }
            if (result != exchange_result::answered) continue;
            if (work.reply_length > header_size && !(state->options & RES_TRUSTAD))
                answer[3] &= ~0x20;  // AD: only a trusted server's word counts
            return work.reply_length;
        }
    }
    if (use_tcp)
        errno = work.last_error;
    else
        errno = work.reached_a_server ? ETIMEDOUT : ECONNREFUSED;
    return -1;
}

}  // namespace lwp::libc

using namespace lwp::libc;

extern "C" {

int res_nsend(res_state state, const unsigned char* query, int query_length, unsigned char* answer,
              int answer_size) noexcept {
    return send_to_name_servers(state, query, query_length, answer, answer_size);
}

int res_send(const unsigned char* query, int query_length, unsigned char* answer, int answer_size) noexcept {
    res_state state = initialized_thread_state(false);
    if (state == nullptr) {
        set_resolver_error(__res_state(), NETDB_INTERNAL);
        return -1;
    }
    return send_to_name_servers(state, query, query_length, answer, answer_size);
}

int __res_nsend(res_state, const unsigned char*, int, unsigned char*, int) noexcept
    __attribute__((alias("res_nsend")));
int __res_send(const unsigned char*, int, unsigned char*, int) noexcept __attribute__((alias("res_send")));

}  // extern "C"
