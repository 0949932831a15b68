// rcmd rcmd_af (<netdb.h>): a command run by a BSD remote-shell server
// (rshd, port 514 as getservbyname("shell") gives it), which trusts the
// client because it connects from a reserved port that only a privileged
// process can bind; the server then checks the users with ruserok.
//
// The protocol, and glibc's steps and messages on standard error:
//  - *host is looked up (AI_CANONNAME) and replaced by its canonical name,
//    kept until the next call; "NAME: Unknown host" when it has none;
//  - a socket bound to a reserved port (rresvport_af, from 1023 down) is
//    connected; another port is tried when the pair is in use, the next
//    address ("connect to address A: ..." then "Trying B...") when there is
//    one, and after refusals the addresses are tried again after 1, 2, 4, 8
//    and 16 s before giving up;
//  - with `error_socket`, a second reserved port is listened on and its
//    number sent; the server connects back to it, from a reserved port
//    itself, and that connection (the command's standard error) is handed
//    back; without, an empty string says there is none;
//  - the local user, the remote user and the command, each NUL-terminated;
//  - the answer: a 0 byte, or a line saying why not, copied to standard
//    error, and -1.
// SIGURG is blocked during all this: the socket is given to this process
// (F_SETOWN) for the server's urgent data, which must not interrupt it.
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "remote_command_protocol.hpp"

namespace {

char* canonical_name;

void print_numeric_address(const char* before, const addrinfo* target, const char* after) {
    char text[INET6_ADDRSTRLEN] = "";
    getnameinfo(target->ai_addr, target->ai_addrlen, text, sizeof text, nullptr, 0,
                NI_NUMERICHOST);
    fprintf(stderr, "%s%s%s", before, text, after);
}

// A connection from a reserved port to one of the addresses found, or -1
// (with the message printed).
int connect_from_reserved_port(const addrinfo* found, const addrinfo*& target,
                               int& local_port, const char* host) {
    pid_t self = getpid();
    int pause_seconds = 1;
    bool refused = false;
    for (;;) {
        int connection = rresvport_af(&local_port, target->ai_family);
        if (connection < 0) {
            if (errno == EAGAIN)
                fputs("rcmd: socket: All ports in use\n", stderr);
            else
                fprintf(stderr, "rcmd: socket: %s\n", strerror(errno));
            return -1;
        }
        fcntl(connection, F_SETOWN, self);
        if (connect(connection, target->ai_addr, target->ai_addrlen) == 0) return connection;
        int error = errno;
        close(connection);
        if (error == EADDRINUSE) {  // this pair of ports is taken: the next port
            --local_port;
            continue;
        }
        if (error == ECONNREFUSED) refused = true;
        if (target->ai_next != nullptr) {
            print_numeric_address("connect to address ", target, ": ");
            fprintf(stderr, "%s\n", strerror(error));
            target = target->ai_next;
            print_numeric_address("Trying ", target, "...\n");
            continue;
        }
        if (refused && pause_seconds <= 16) {  // perhaps a server still starting
            sleep(static_cast<unsigned>(pause_seconds));
            pause_seconds *= 2;
            target = found;
            refused = false;
            continue;
        }
        fprintf(stderr, "%s: %s\n", host, strerror(error));
        return -1;
    }
}

// The connection back from the server for the command's standard error,
// or -1 (with the message printed). `local_port` is where to start looking
// for a reserved port to listen on.
int accept_error_connection(int connection, const addrinfo* target, int local_port) {
    int listener = rresvport_af(&local_port, target->ai_family);
    if (listener < 0) return -1;
    listen(listener, 1);
    char number[8];
    size_t length = static_cast<size_t>(snprintf(number, sizeof number, "%d", local_port)) + 1;
    if (write(connection, number, length) != static_cast<ssize_t>(length)) {
        fprintf(stderr, "rcmd: write (setting up stderr): %s\n", strerror(errno));
        close(listener);
        return -1;
    }
    pollfd waits[2] = {{connection, POLLIN, 0}, {listener, POLLIN, 0}};
    errno = 0;
    if (poll(waits, 2, -1) < 1 || (waits[1].revents & POLLIN) == 0) {
        // Something on the main connection first: the server refused.
        if (errno != 0)
            fprintf(stderr, "rcmd: poll (setting up stderr): %s\n", strerror(errno));
        else
            fputs("poll: protocol failure in circuit setup\n", stderr);
        close(listener);
        return -1;
    }
    sockaddr_storage peer{};
    socklen_t peer_length = sizeof peer;
    int accepted;
    do accepted = accept(listener, reinterpret_cast<sockaddr*>(&peer), &peer_length);
    while (accepted < 0 && errno == EINTR);
    int error = errno;
    close(listener);
    if (accepted < 0) {
        fprintf(stderr, "rcmd: accept: %s\n", strerror(error));
        return -1;
    }
    unsigned peer_port = 0;
    if (peer.ss_family == AF_INET)
        peer_port = ntohs(reinterpret_cast<sockaddr_in*>(&peer)->sin_port);
    else if (peer.ss_family == AF_INET6)
        peer_port = ntohs(reinterpret_cast<sockaddr_in6*>(&peer)->sin6_port);
    // Only a privileged server could connect from a reserved port.
    if (peer_port >= IPPORT_RESERVED || peer_port < IPPORT_RESERVED / 2) {
        fputs("socket: protocol failure in circuit setup\n", stderr);
        close(accepted);
        return -1;
    }
    return accepted;
}

int request(const addrinfo* found, const char* host, const char* local_user,
            const char* remote_user, const char* command, int* error_socket) {
    const addrinfo* target = found;
    int local_port = IPPORT_RESERVED - 1;
    int connection = connect_from_reserved_port(found, target, local_port, host);
    if (connection < 0) return -1;
    int error_connection = -1;
    if (error_socket == nullptr) {
        ssize_t ignored = write(connection, "", 1);
        (void)ignored;
    } else {
        error_connection = accept_error_connection(connection, target, local_port - 1);
        if (error_connection < 0) {
            close(connection);
            return -1;
        }
        *error_socket = error_connection;
    }
    lwp::libc::send_request(connection, local_user, remote_user, command);
    char answer;
    ssize_t got;
    do got = read(connection, &answer, 1);
    while (got < 0 && errno == EINTR);
    if (got == 1 && answer == 0) return connection;
    if (got == 0)
        fprintf(stderr, "rcmd: %s: short read", host);  // glibc's text, without a newline
    else if (got < 0)
        fprintf(stderr, "rcmd: %s: %s\n", host, strerror(errno));
    else
        lwp::libc::relay_refusal(connection);
    if (error_connection >= 0) close(error_connection);
    close(connection);
    return -1;
}

}  // namespace

extern "C" {

int rcmd_af(char** host, unsigned short port, const char* local_user, const char* remote_user,
            const char* command, int* error_socket, sa_family_t family) noexcept {
    if (family != AF_INET && family != AF_INET6 && family != AF_UNSPEC) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    addrinfo hints{};
    hints.ai_flags = AI_CANONNAME;
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    char service[8];
    snprintf(service, sizeof service, "%d", ntohs(port));
    addrinfo* found = nullptr;
    int status = getaddrinfo(*host, service, &hints, &found);
    if (status != 0) {
        if (status == EAI_NONAME && *host != nullptr)
            fprintf(stderr, "%s: Unknown host\n", *host);
        else
            fprintf(stderr, "rcmd: getaddrinfo: %s\n", gai_strerror(status));
        return -1;
    }
    if (!lwp::libc::hand_back_canonical_name(host, found, canonical_name)) {
        freeaddrinfo(found);
        fputs("rcmd: Cannot allocate memory\n", stderr);
        return -1;
    }
    sigset_t urgent, saved;
    sigemptyset(&urgent);
    sigaddset(&urgent, SIGURG);
    sigprocmask(SIG_BLOCK, &urgent, &saved);
    int connection = request(found, *host, local_user, remote_user, command, error_socket);
    sigprocmask(SIG_SETMASK, &saved, nullptr);
    freeaddrinfo(found);
    return connection;
}

int rcmd(char** host, unsigned short port, const char* local_user, const char* remote_user,
         const char* command, int* error_socket) noexcept {
    return rcmd_af(host, port, local_user, remote_user, command, error_socket, AF_INET);
}

}  // extern "C"
