// popen, pclose and tmpfile: streams on a command's pipe and on a file with
// no name.
//
// popen runs `/bin/sh -c command` through posix_spawn (spawn.cpp: a vfork-
// like clone, no copy of the address space) with one end of a pipe as its
// standard output ("r") or input ("w"), and returns a stream on the other
// end. As in glibc, that end is close-on-exec only when the mode has 'e':
// without it, a program's own later fork and exec hands it on. The pipe is
// made close-on-exec from the start all the same, and the stream's end
// loses the flag only once the stream is on the list of open files, so no
// command started meanwhile inherits either end; and each popen's command
// has the descriptors of the earlier popen streams still open closed in it,
// as POSIX asks and glibc does. popen_lock makes those steps one for every
// popen and pclose, so that none looks at the list between another's spawn
// and its stream's arrival on it, or closes a descriptor it counts on.
// pclose closes the stream and waits for the command: its status, as
// waitpid gives it.
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../thread/internal_lock.hpp"
#include "stdio_stream.hpp"

extern char** environ;

namespace {

lwp::runtime::internal_lock popen_lock;

// What popen's mode asks for. glibc takes the letters in any order and any
// number of times: exactly one of 'r' and 'w', and 'e'; any other letter,
// or both or neither of 'r' and 'w', is EINVAL.
struct pipe_mode {
    bool reading;
    bool close_on_exec;
};

bool parse_pipe_mode(const char* mode, pipe_mode& parsed) {
    bool reading = false, writing = false;
    parsed.close_on_exec = false;
    for (; *mode != '\0'; ++mode) {
        switch (*mode) {
        case 'r': reading = true; break;
        case 'w': writing = true; break;
        case 'e': parsed.close_on_exec = true; break;
        default: return false;
        }
    }
    parsed.reading = reading;
    return reading != writing;
}

// The command's file actions: its end of the pipe as `target`, then the
// descriptors of the other popen streams closed. One that is `target`
// itself was replaced by the dup2 already.
struct child_actions {
    posix_spawn_file_actions_t* actions;
    int target;
    int error;
};

void close_in_child(lwp::libc::stream& s, void* context) {
    auto& child = *static_cast<child_actions*>(context);
    if (s.child_process == 0 || s.file_descriptor == child.target || child.error != 0) return;
    child.error = posix_spawn_file_actions_addclose(child.actions, s.file_descriptor);
}

// Under popen_lock: the command started with `theirs` as its `target`, its
// pid in *child; 0 or posix_spawn's error.
int start_command(const char* command, int theirs, int target, pid_t* child) {
    posix_spawn_file_actions_t actions;
    int error = posix_spawn_file_actions_init(&actions);
    if (error != 0) return error;
    // dup2 onto the standard descriptor clears close-on-exec there (also
    // when `theirs` is that descriptor already: spawn.cpp); the pipe's own
    // descriptors stay close-on-exec and vanish at the exec.
    error = posix_spawn_file_actions_adddup2(&actions, theirs, target);
    if (error == 0) {
        child_actions others{&actions, target, 0};
        lwp::libc::visit_open_files(close_in_child, &others);
        error = others.error;
    }
    if (error == 0) {
        char shell_name[] = "sh", dash_c[] = "-c";
        char* arguments[] = {shell_name, dash_c, const_cast<char*>(command), nullptr};
        error = posix_spawn(child, "/bin/sh", &actions, nullptr, arguments, environ);
    }
    posix_spawn_file_actions_destroy(&actions);
    return error;
}

}  // namespace

extern "C" {

FILE* popen(const char* command, const char* mode) {
    pipe_mode parsed;
    if (!parse_pipe_mode(mode, parsed)) {
        errno = EINVAL;
        return nullptr;
    }
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) return nullptr;
    int ours = parsed.reading ? ends[0] : ends[1];
    int theirs = parsed.reading ? ends[1] : ends[0];
    int target = parsed.reading ? STDOUT_FILENO : STDIN_FILENO;

    popen_lock.lock();
    pid_t child = 0;
    int error = start_command(command, theirs, target, &child);
    close(theirs);
    FILE* file = nullptr;
    if (error != 0) {
        // glibc's popen says ENOMEM whatever posix_spawn's reason was.
        error = ENOMEM;
    } else if ((file = fdopen(ours, parsed.reading ? "r" : "w")) == nullptr) {
        error = errno;
    } else {
        lwp::libc::as_stream(file).child_process = child;
        // POSIX: a pipe stream is byte-oriented (glibc's is from the start).
        lwp::libc::as_stream(file).orientation = lwp::libc::byte_use;
        if (!parsed.close_on_exec) fcntl(ours, F_SETFD, 0);
    }
    popen_lock.unlock();
    if (file == nullptr) {
        close(ours);
        if (child != 0) waitpid(child, nullptr, 0);
        errno = error;
    }
    return file;
}

// The command's status, or -1 (ECHILD) for a stream popen did not make.
// What the stream holds is written out before popen_lock is taken: a
// command slow to read it holds up no other popen.
int pclose(FILE* file) {
    pid_t child = lwp::libc::as_stream(file).child_process;
    if (child == 0) {
        errno = ECHILD;
        return -1;
    }
    if (lwp::libc::as_stream(file).descriptor != -1) fflush(file);  // a "w" stream's
    popen_lock.lock();
    fclose(file);
    popen_lock.unlock();
    int status;
    pid_t waited;
    do {
        waited = waitpid(child, &status, 0);
    } while (waited < 0 && errno == EINTR);
    return waited < 0 ? -1 : status;
}

// A file in $TMPDIR (or /tmp) whose name is removed at once: it lasts as
// long as the stream. O_TMPFILE would need no name at all, but not every
// filesystem has it.
FILE* tmpfile(void) {
    const char* directory = getenv("TMPDIR");
    if (directory == nullptr || *directory == '\0') directory = "/tmp";
    char path[4096];
    int length = snprintf(path, sizeof path, "%s/tmpfile-XXXXXX", directory);
    if (length < 0 || static_cast<size_t>(length) >= sizeof path) {
        errno = ENAMETOOLONG;
        return nullptr;
    }
    int fd = mkostemp(path, O_CLOEXEC);
    if (fd < 0) return nullptr;
    unlink(path);
    FILE* file = fdopen(fd, "w+");
    if (file == nullptr) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return file;
}

FILE* tmpfile64(void) __attribute__((alias("tmpfile")));

}  // extern "C"
