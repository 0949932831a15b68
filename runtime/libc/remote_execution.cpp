// rexec rexec_af (<netdb.h>) and rexecoptions: a command run by a BSD
// rexecd server (port 512, getservbyname("exec")), which checks a user name
// and password sent in the clear: no reserved port, no trust files.
//
// As glibc: *host is looked up (AI_CANONNAME; -1 without a message when it
// cannot be, ENOENT when it has no canonical name) and replaced by its
// canonical name, kept until the next call; a user or password not given
// (null) is taken from ~/.netrc for that name (ruserpass); the connection is
// retried after 1, 2, 4, 8 and 16 s while it is refused; with
// `error_socket`, the server is sent the number of a port listened on and
// connects back to it for the command's standard error; then the user, the
// password and the command, each NUL-terminated, and the answer: a 0 byte,
// or a line saying why not, copied to standard error, and -1. Failures are
// reported with perror.
//
// Difference: where neither the caller nor ~/.netrc gives a user or a
// password, glibc crashes; lwp fails with EINVAL.
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "remote_command_protocol.hpp"

extern "C" {
int rexecoptions;  // kept for programs that set it; nothing reads it, as in glibc
int ruserpass(const char* host, const char** user, const char** password);
}

namespace {

char* canonical_name;

// The connection back from the server for the command's standard error:
// the number of a port chosen by the kernel is sent, and the server's
// connection accepted. -1 on failure.
int accept_error_connection(int connection, const addrinfo* target) {
    int listener = socket(target->ai_family, target->ai_socktype, 0);
    if (listener < 0) return -1;
    listen(listener, 1);  // binds it to a free port
    sockaddr_storage bound{};
    socklen_t bound_length = sizeof bound;
    if (getsockname(listener, reinterpret_cast<sockaddr*>(&bound), &bound_length) < 0) {
        perror("getsockname");
        close(listener);
        return -1;
    }
    char service[NI_MAXSERV];
    unsigned port = 0;
    if (getnameinfo(reinterpret_cast<sockaddr*>(&bound), bound_length, nullptr, 0, service,
                    sizeof service, NI_NUMERICSERV) == 0)
        port = static_cast<unsigned>(atoi(service));
    char number[16];
    size_t length = static_cast<size_t>(snprintf(number, sizeof number, "%u", port)) + 1;
    ssize_t ignored = write(connection, number, length);
    (void)ignored;
    sockaddr_storage peer;
    socklen_t peer_length = sizeof peer;
    int accepted;
    do accepted = accept(listener, reinterpret_cast<sockaddr*>(&peer), &peer_length);
    while (accepted < 0 && errno == EINTR);
    int error = errno;
    close(listener);
    if (accepted < 0) {
        errno = error;
        perror("accept");
    }
    return accepted;
}

int request(const addrinfo* target, const char* host, const char* user, const char* password,
            const char* command, int* error_socket) {
    int connection;
    for (int pause_seconds = 1;; pause_seconds *= 2) {
        connection = socket(target->ai_family, target->ai_socktype, 0);
        if (connection < 0) {
            perror("rexec: socket");
            return -1;
        }
        if (connect(connection, target->ai_addr, target->ai_addrlen) == 0) break;
        int error = errno;
        close(connection);
        if (error != ECONNREFUSED || pause_seconds > 16) {
            errno = error;
            perror(host);
            return -1;
        }
        sleep(static_cast<unsigned>(pause_seconds));  // perhaps a server still starting
    }
    int error_connection = -1;
    if (error_socket == nullptr) {
        ssize_t ignored = write(connection, "", 1);
        (void)ignored;
    } else {
        error_connection = accept_error_connection(connection, target);
        if (error_connection < 0) {
            close(connection);
            return -1;
        }
        *error_socket = error_connection;
    }
    lwp::libc::send_request(connection, user, password, command);
    char answer;
    if (read(connection, &answer, 1) != 1) {
        perror(host);
    } else if (answer == 0) {
        return connection;
    } else {
        lwp::libc::relay_refusal(connection);
    }
    if (error_connection >= 0) close(error_connection);
    close(connection);
    return -1;
}

}  // namespace

extern "C" {

int rexec_af(char** host, int port, const char* user, const char* password, const char* command,
             int* error_socket, sa_family_t family) noexcept {
    char service[NI_MAXSERV];
    snprintf(service, sizeof service, "%d", ntohs(static_cast<uint16_t>(port)));
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_CANONNAME;
    addrinfo* found = nullptr;
    if (getaddrinfo(*host, service, &hints, &found) != 0) return -1;
    int connection = -1;
    if (found->ai_canonname == nullptr) {
        *host = nullptr;
        errno = ENOENT;
    } else if (!lwp::libc::hand_back_canonical_name(host, found, canonical_name)) {
        perror("rexec: strdup");
    } else {
        const char* given_user = user;
        const char* given_password = password;
        ruserpass(found->ai_canonname, &user, &password);
        if (user == nullptr || password == nullptr)
            errno = EINVAL;
        else
            connection = request(found, *host, user, password, command, error_socket);
        // What ruserpass found was allocated for this call only.
        if (user != given_user) free(const_cast<char*>(user));
        if (password != given_password) free(const_cast<char*>(password));
    }
    freeaddrinfo(found);
    return connection;
}

int rexec(char** host, int port, const char* user, const char* password, const char* command,
          int* error_socket) noexcept {
    return rexec_af(host, port, user, password, command, error_socket, AF_INET);
}

}  // extern "C"
