// getpass (<unistd.h>): a line read with echo off, as glibc reads it.
//
// From the controlling terminal, /dev/tty (opened close-on-exec, for this
// call only), the prompt written there; without one, from standard input
// with the prompt on standard error (stderr locked meanwhile). On a
// terminal, ECHO and ISIG are turned off for the read (so neither the
// password nor a ^C shows; TCSAFLUSH drops what was typed before the
// prompt) and the settings put back afterwards, again with TCSAFLUSH (what
// was typed after the line is dropped too); the newline the user typed,
// not echoed, is then written. The line comes back without its newline,
// in a buffer of the library's that the next call reuses (not thread-safe,
// as in glibc); at the end of input, or on an error (a signal's EINTR
// included), "" or what was read before it; null only without memory.
//
// A cancellation point, as <unistd.h> says it may be: a thread cancelled
// while it waits on /dev/tty (or writes the prompt there) gets the
// terminal's settings put back and the descriptor closed first. glibc
// reads /dev/tty through a stream opened not to be cancelled ("c"), so
// there a cancellation waits until a line is typed. In the standard input
// fallback the reads are stdio's (cancellation points in both), and a
// thread cancelled there leaves echo off, as glibc's does.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../thread/cancellation_point.hpp"

namespace {

// The last answer; its buffer grows as needed and is kept for the next.
char* answer = nullptr;
size_t answer_capacity = 0;

// Room for `size` bytes in the answer buffer.
bool make_room(size_t size) {
    if (size <= answer_capacity) return true;
    size_t capacity = answer_capacity < 60 ? 120 : answer_capacity * 2;
    if (capacity < size) capacity = size;
    auto* grown = static_cast<char*>(realloc(answer, capacity));
    if (grown == nullptr) return false;
    answer = grown;
    answer_capacity = capacity;
    return true;
}

// Echo and keyboard signals off on `fd`, if it is a terminal; true if the
// settings were changed (and *saved holds the ones to put back).
bool quieten(int fd, struct termios* saved) {
    if (tcgetattr(fd, saved) != 0) return false;
    struct termios quiet = *saved;
    quiet.c_lflag &= ~(ECHO | ISIG);
    return tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
}

struct terminal_session {
    int fd;
    struct termios saved;
    bool changed;
};

// The undo of a cancellation inside the read or the writes below.
void end_session(void* context) {
    auto* session = static_cast<terminal_session*>(context);
    if (session->changed) tcsetattr(session->fd, TCSAFLUSH, &session->saved);
    close(session->fd);
}

// Writes all of `text` to the terminal (cancellation points).
void write_text(const terminal_session& session, const lwp::runtime::cancellation_undo& undo,
                const char* text) {
    size_t length = strlen(text);
    while (length > 0) {
        long wrote = lwp::runtime::cancellation_point_syscall(
            &undo, __NR_write, session.fd, reinterpret_cast<long>(text),
            static_cast<long>(length));
        if (wrote == -EINTR) continue;
        if (wrote <= 0) return;  // nothing more can be shown; the read goes on
        text += wrote;
        length -= static_cast<size_t>(wrote);
    }
}

// The prompt and the line on the controlling terminal, open as `fd`.
char* ask_terminal(int fd, const char* prompt) {
    terminal_session session{fd, {}, false};
    session.changed = quieten(fd, &session.saved);
    const lwp::runtime::cancellation_undo undo{end_session, &session};
    write_text(session, undo, prompt);

    // A byte at a time: nothing after the line is taken from the terminal
    // (the settings' TCSAFLUSH drops it, as glibc's does).
    size_t stored = 0;
    bool ended_by_newline = false;
    bool have_buffer = make_room(1);
    while (have_buffer) {
        char byte;
        long got = lwp::runtime::cancellation_point_syscall(
            &undo, __NR_read, fd, reinterpret_cast<long>(&byte), 1);
        // The end, or an error (EINTR too, as glibc's stream read ends
        // there): what was read so far is the answer.
        if (got <= 0) break;
        if (byte == '\n') {
            ended_by_newline = true;
            break;
        }
        if (!make_room(stored + 2)) {
            stored = 0;  // no memory: "" as glibc answers after getline fails
            break;
        }
        answer[stored++] = byte;
    }
    if (have_buffer) answer[stored] = '\0';
    // The newline that was typed but not echoed.
    if (ended_by_newline && session.changed) write_text(session, undo, "\n");
    end_session(&session);
    return have_buffer ? answer : nullptr;
}

// Without a controlling terminal: standard input, the prompt on standard
// error (held for the whole exchange).
char* ask_standard_streams(const char* prompt) {
    flockfile(stderr);
    struct termios saved;
    bool changed = quieten(fileno(stdin), &saved);
    fputs(prompt, stderr);
    fflush(stderr);
    ssize_t got = getline(&answer, &answer_capacity, stdin);
    // glibc's getline leaves a buffer even when it reads nothing.
    if (answer == nullptr && make_room(1)) answer[0] = '\0';
    if (answer != nullptr) {
        if (got < 0) {
            answer[0] = '\0';
        } else if (got > 0 && answer[got - 1] == '\n') {
            answer[got - 1] = '\0';
            if (changed) fputc('\n', stderr);
        }
    }
    if (changed) tcsetattr(fileno(stdin), TCSAFLUSH, &saved);
    funlockfile(stderr);
    return answer;
}

}  // namespace

extern "C" char* getpass(const char* prompt) {
    int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) return ask_standard_streams(prompt);
    return ask_terminal(fd, prompt);
}
