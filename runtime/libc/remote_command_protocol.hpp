// What rcmd (remote_shell.cpp) and rexec (remote_execution.cpp) share of
// the BSD remote-command protocol: the server's canonical name handed back
// through *host, and the server's answer to a request.
#pragma once

#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

namespace lwp::libc {

// Points *host at the canonical name the lookup found, kept in `kept` (the
// calling function's own, replaced at each call as glibc's is); null when
// there is none. False when memory runs out for the copy.
inline bool hand_back_canonical_name(char** host, const addrinfo* found, char*& kept) {
    if (found->ai_canonname == nullptr) {
        *host = nullptr;
        return true;
    }
    free(kept);
    kept = strdup(found->ai_canonname);
    if (kept == nullptr) return false;
    *host = kept;
    return true;
}

// The request: two names (users, or a user and a password) and the
// command, each NUL-terminated, in one write, as the servers read them.
inline void send_request(int connection, const char* first, const char* second,
                         const char* command) {
    iovec parts[3] = {{const_cast<char*>(first), strlen(first) + 1},
                      {const_cast<char*>(second), strlen(second) + 1},
                      {const_cast<char*>(command), strlen(command) + 1}};
    ssize_t written;
    do written = writev(connection, parts, 3);
    while (written < 0 && errno == EINTR);
}

// After a byte other than 0 (a refusal), the server's one line of reason:
// copied to standard error, as the remote command's users expect to see it.
inline void relay_refusal(int connection) {
    char byte;
    while (read(connection, &byte, 1) == 1) {
        ssize_t ignored = write(STDERR_FILENO, &byte, 1);
        (void)ignored;
        if (byte == '\n') break;
    }
}

}  // namespace lwp::libc
