// popen, pclose and tmpfile: streams on a command's pipe and on a file with
// no name.
//
// popen runs `/bin/sh -c command` through posix_spawn (spawn.cpp: a vfork-
// like clone, no copy of the address space) with one end of a pipe as its
// standard output ("r") or input ("w"), and returns a stream on the other
// end. Both ends are made close-on-exec, so no other command started
// meanwhile, by popen or anything else, inherits them (POSIX asks that a
// popen child not keep earlier popen streams open). pclose closes the
// stream and waits for the command: its status, as waitpid gives it.
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stdio_stream.hpp"

extern char** environ;

extern "C" {

// "r" or "w", optionally followed by "e" (the stream's descriptor
// close-on-exec, which it is anyway).
FILE* popen(const char* command, const char* mode) {
    bool reading = mode[0] == 'r';
    if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] != '\0' && (mode[1] != 'e' || mode[2] != '\0'))) {
        errno = EINVAL;
        return nullptr;
    }
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) return nullptr;
    int ours = reading ? ends[0] : ends[1];
    int theirs = reading ? ends[1] : ends[0];
    int target = reading ? STDOUT_FILENO : STDIN_FILENO;

    posix_spawn_file_actions_t actions;
    int error = posix_spawn_file_actions_init(&actions);
    // dup2 onto the standard descriptor clears close-on-exec there; the
    // pipe's own descriptors stay close-on-exec and vanish at the exec.
    if (error == 0) error = posix_spawn_file_actions_adddup2(&actions, theirs, target);
    pid_t child = 0;
    if (error == 0) {
        char shell_name[] = "sh", dash_c[] = "-c";
        char* arguments[] = {shell_name, dash_c, const_cast<char*>(command), nullptr};
        error = posix_spawn(&child, "/bin/sh", &actions, nullptr, arguments, environ);
    }
    posix_spawn_file_actions_destroy(&actions);
    close(theirs);
    if (error != 0) {
        close(ours);
        errno = error;
        return nullptr;
    }
    FILE* file = fdopen(ours, reading ? "r" : "w");
    if (file == nullptr) {
        int saved = errno;
        close(ours);
        waitpid(child, nullptr, 0);
        errno = saved;
        return nullptr;
    }
    lwp::libc::as_stream(file).child_process = child;
    // POSIX: a pipe stream is byte-oriented (glibc's is from the start).
    lwp::libc::as_stream(file).orientation = lwp::libc::byte_use;
    return file;
}

// The command's status, or -1 (ECHILD) for a stream popen did not make.
int pclose(FILE* file) {
    pid_t child = lwp::libc::as_stream(file).child_process;
    if (child == 0) {
        errno = ECHILD;
        return -1;
    }
    fclose(file);
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
