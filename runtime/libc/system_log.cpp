// The system log (<syslog.h>): openlog syslog vsyslog closelog setlogmask,
// and the fortified __syslog_chk and __vsyslog_chk (_FORTIFY_SOURCE's names:
// the same, their flag argument ignored).
//
// A message goes to the local logger's socket, /dev/log, as one datagram
// (or, where the logger listens on a stream socket and connect says
// EPROTOTYPE, as one record ended by a NUL, as glibc sends it), formatted as
// glibc formats it:
//     <PRI>Mmm dd hh:mm:ss TAG[PID]: message
// PRI is the facility and level; the time is local (localtime_r); TAG is
// openlog's ident, else the program's short name; [PID] only with LOG_PID.
// `%m` in the format is strerror(errno) for errno as syslog found it.
//
// The socket is made at the first message (or at openlog with
// LOG_NDELAY), close-on-exec, and kept; a send that fails reconnects once
// and tries again. When there is no logger (no /dev/log, or nothing
// listening) the message is dropped without a word, as glibc drops it;
// with LOG_CONS it is then written to /dev/console instead. LOG_PERROR also
// writes it to standard error, from TAG on, with a newline. Priorities that
// setlogmask masks out are dropped before anything else happens; a priority
// with bits that are neither level nor facility is first reported (as
// glibc reports it, to the log and standard error) and then used without
// them. errno is as the caller left it afterwards.
//
// One lock makes each call whole with respect to the others (messages from
// several threads never interleave, and openlog/closelog never pull the
// socket from under a send). The calls use raw system calls throughout, so
// none is a cancellation point here (a cancellation inside would leave the
// lock held); a logger whose stream socket is full holds up the caller, and
// every other caller of syslog behind it. As with glibc, a process forked
// while another thread is inside syslog inherits the lock held.
#include <errno.h>
#include <fcntl.h>
#include <paths.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <cstddef>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/internal_lock.hpp"

extern "C" char* program_invocation_short_name;

namespace {

// printf reaches strerror for `%m` through a weak reference (docs/libc.md),
// printing errno's number when nothing else links strerror: a log message
// wants the text, so this file links it.
[[gnu::used]] char* (*const link_strerror)(int) = strerror;

struct log_state {
    lwp::runtime::internal_lock lock;
    const char* tag = nullptr;  // openlog's ident, the caller's string (not copied, as in glibc)
    int options = 0;            // LOG_PID, LOG_CONS, LOG_NDELAY, LOG_PERROR, ...
    int facility = LOG_USER;
    int mask = 0xff;            // every level
    int socket = -1;
    int type = SOCK_DGRAM;
    bool connected = false;
};

log_state state;

void close_socket() {
    if (state.socket >= 0) lwp::arch::syscall1(__NR_close, state.socket);
    state.socket = -1;
    state.connected = false;
}

// Under the lock: a socket connected to the logger, if there is one. A
// logger on a stream socket refuses a datagram one with EPROTOTYPE: then the
// other type, once.
void connect_socket() {
    if (state.connected) return;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path, _PATH_LOG, sizeof _PATH_LOG);
    for (int attempt = 0; attempt < 2; ++attempt) {
        // Close-on-exec: a program this one runs must not inherit it.
        long fd = lwp::arch::syscall3(__NR_socket, AF_UNIX, state.type | SOCK_CLOEXEC, 0);
        if (lwp::sys::failed(fd)) return;
        long connected = lwp::arch::syscall3(__NR_connect, fd, reinterpret_cast<long>(&address),
                                             sizeof address);
        if (!lwp::sys::failed(connected)) {
            state.socket = static_cast<int>(fd);
            state.connected = true;
            return;
        }
        lwp::arch::syscall1(__NR_close, fd);
        if (connected != -EPROTOTYPE) return;  // no logger: the message will be dropped
        state.type = state.type == SOCK_DGRAM ? SOCK_STREAM : SOCK_DGRAM;
    }
}

// Under the lock: openlog's work. A facility with bits outside LOG_FACMASK
// is ignored, as glibc ignores it; 0 (LOG_KERN) is taken as given, as there.
void set_up(const char* tag, int options, int facility) {
    if (tag != nullptr) state.tag = tag;
    state.options = options;
    if ((facility & ~LOG_FACMASK) == 0) state.facility = facility;
    if (options & LOG_NDELAY) connect_socket();
}

// The kernel's send, without SIGPIPE when a stream logger has gone, again
// when a signal interrupts it.
bool send_message(const char* text, std::size_t length) {
    if (!state.connected) return false;
    long sent;
    do {
        sent = lwp::arch::syscall6(__NR_sendto, state.socket, reinterpret_cast<long>(text),
                                   static_cast<long>(length), MSG_NOSIGNAL, 0, 0);
    } while (sent == -EINTR);
    return !lwp::sys::failed(sent);
}

void write_all(int fd, const char* text, std::size_t length) {
    while (length != 0) {
        long written = lwp::arch::syscall3(__NR_write, fd, reinterpret_cast<long>(text),
                                           static_cast<long>(length));
        if (written == -EINTR) continue;
        if (lwp::sys::failed(written) || written == 0) return;
        text += written;
        length -= static_cast<std::size_t>(written);
    }
}

// Writes `text` and then `ending` to `fd` as one write where they fit.
void write_line(int fd, const char* text, std::size_t length, const char* ending) {
    char line[1024];
    std::size_t ending_length = strlen(ending);
    if (length + ending_length <= sizeof line) {
        memcpy(line, text, length);
        memcpy(line + length, ending, ending_length);
        write_all(fd, line, length + ending_length);
    } else {
        write_all(fd, text, length);
        write_all(fd, ending, ending_length);
    }
}

// The whole of one message, under the lock. `caller_errno` is errno as
// the caller had it, for %m.
void log_locked(int priority, const char* format, va_list arguments, int caller_errno) {
    if ((LOG_MASK(LOG_PRI(priority)) & state.mask) == 0) return;
    if ((priority & LOG_FACMASK) == 0) priority |= state.facility;

    // The header: "<PRI>Mmm dd hh:mm:ss " (the C locale's month names:
    // strftime here has no other), then TAG, [PID] and ": ".
    char stamp[sizeof "Mmm dd hh:mm:ss "] = "";
    time_t now = time(nullptr);
    struct tm fields;
    bool dated = localtime_r(&now, &fields) != nullptr &&
                 strftime(stamp, sizeof stamp, "%h %e %T ", &fields) != 0;
    const char* tag = state.tag != nullptr ? state.tag : program_invocation_short_name;
    if (tag == nullptr) tag = "";
    char pid_text[16] = "";
    if (state.options & LOG_PID) snprintf(pid_text, sizeof pid_text, "[%d]", static_cast<int>(getpid()));
    // Writes the header into [to, to + size): its full length, as snprintf.
    auto write_header = [&](char* to, std::size_t size) {
        if (dated) return snprintf(to, size, "<%d>%s%s%s: ", priority, stamp, tag, pid_text);
        return snprintf(to, size, "<%d>: ", priority);  // no time to give: glibc's short form
    };
    // Where the part from the tag on (what LOG_PERROR and LOG_CONS show)
    // begins.
    std::size_t tag_offset = dated ? static_cast<std::size_t>(snprintf(nullptr, 0, "<%d>%s", priority, stamp))
                                   : static_cast<std::size_t>(snprintf(nullptr, 0, "<%d>: ", priority));

    // The message, on the stack when it fits, else from malloc.
    char small[1024];
    char* message = small;
    va_list again;
    va_copy(again, arguments);
    std::size_t header_length = static_cast<std::size_t>(write_header(small, sizeof small));
    std::size_t room = header_length < sizeof small ? sizeof small - header_length : 0;
    errno = caller_errno;  // for %m
    int body = vsnprintf(room != 0 ? small + header_length : nullptr, room, format, arguments);
    if (body < 0) body = 0;  // a format lwp's printf refuses: the header alone
    std::size_t length = header_length + static_cast<std::size_t>(body);
    if (length >= sizeof small) {
        // One byte more, for the NUL that ends a stream logger's records.
        message = static_cast<char*>(malloc(length + 1));
        if (message != nullptr) {
            write_header(message, length + 1);
            errno = caller_errno;
            vsnprintf(message + header_length, static_cast<std::size_t>(body) + 1, format, again);
        } else {
            message = small;  // cut short: what fitted
            length = sizeof small - 1;
            if (tag_offset > length) tag_offset = length;
        }
    }
    va_end(again);

    const char* from_tag = message + tag_offset;
    std::size_t tag_length = length - tag_offset;
    if (state.options & LOG_PERROR)
        write_line(STDERR_FILENO, from_tag, tag_length,
                   length != 0 && message[length - 1] == '\n' ? "" : "\n");

    connect_socket();
    // A stream logger reads records ended by a NUL, which vsnprintf put there.
    std::size_t sent_length = state.type == SOCK_STREAM ? length + 1 : length;
    if (!send_message(message, sent_length)) {
        // The logger may have restarted: a new connection, once.
        close_socket();
        connect_socket();
        if (!send_message(message, sent_length)) {
            close_socket();  // and try again with the next message
            if (state.options & LOG_CONS) {
                long console = lwp::arch::syscall4(__NR_openat, AT_FDCWD,
                                                   reinterpret_cast<long>(_PATH_CONSOLE),
                                                   O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
                if (!lwp::sys::failed(console)) {
                    write_line(static_cast<int>(console), from_tag, tag_length, "\r\n");
                    lwp::arch::syscall1(__NR_close, console);
                }
            }
        }
    }
    if (message != small) free(message);
}

void log_message(int priority, const char* format, va_list arguments) {
    const int caller_errno = errno;
    if (priority & ~(LOG_PRIMASK | LOG_FACMASK)) {
        // As glibc: said in the log itself, then logged without the bits.
        syslog(LOG_ERR | LOG_CONS | LOG_PERROR | LOG_PID, "syslog: unknown facility/priority: %x",
               priority);
        priority &= LOG_PRIMASK | LOG_FACMASK;
    }
    {
        lwp::runtime::internal_lock_guard guard(state.lock);
        log_locked(priority, format, arguments, caller_errno);
    }
    errno = caller_errno;
}

}  // namespace

extern "C" {

void openlog(const char* tag, int options, int facility) {
    lwp::runtime::internal_lock_guard guard(state.lock);
    set_up(tag, options, facility);
}

// The socket closes and the tag is forgotten; options, facility and mask
// stay, as in glibc.
void closelog(void) {
    lwp::runtime::internal_lock_guard guard(state.lock);
    close_socket();
    state.tag = nullptr;
    state.type = SOCK_DGRAM;
}

// The old mask; a mask of 0 changes nothing.
int setlogmask(int mask) noexcept {
    lwp::runtime::internal_lock_guard guard(state.lock);
    int old = state.mask;
    if (mask != 0) state.mask = mask;
    return old;
}

void vsyslog(int priority, const char* format, va_list arguments) {
    log_message(priority, format, arguments);
}

void syslog(int priority, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    log_message(priority, format, arguments);
    va_end(arguments);
}

// _FORTIFY_SOURCE's names. glibc checks the format's %n there; lwp's
// printf has no such check to turn on.
void __vsyslog_chk(int priority, int, const char* format, va_list arguments) {
    log_message(priority, format, arguments);
}

void __syslog_chk(int priority, int, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    log_message(priority, format, arguments);
    va_end(arguments);
}

}  // extern "C"
