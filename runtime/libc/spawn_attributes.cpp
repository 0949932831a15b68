// posix_spawnattr_* and posix_spawn_file_actions_*: what posix_spawn
// (spawn.cpp) is told to do in the child.
//
// The attributes are glibc's posix_spawnattr_t, read by field (its layout is
// public). The file actions are lwp's own records, in an array that
// posix_spawn_file_actions_t points to (its __actions field; __used and
// __allocated count them), each owning a copy of its path.
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "../sys/syscalls.hpp"
#include "spawn_actions.hpp"

using lwp::libc::spawn_action;

namespace {

constexpr short known_flags = POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
                              POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSCHEDPARAM |
                              POSIX_SPAWN_SETSCHEDULER | POSIX_SPAWN_USEVFORK | POSIX_SPAWN_SETSID;

// Appends one action; ENOMEM if the array cannot grow.
int add(posix_spawn_file_actions_t* actions, const spawn_action& action) {
    if (actions->__used == actions->__allocated) {
        int capacity = actions->__allocated ? 2 * actions->__allocated : 4;
        void* grown = realloc(actions->__actions, static_cast<size_t>(capacity) * sizeof(spawn_action));
        if (grown == nullptr) return ENOMEM;
        actions->__actions = static_cast<struct __spawn_action*>(grown);
        actions->__allocated = capacity;
    }
    lwp::libc::actions_of(actions)[actions->__used++] = action;
    return 0;
}

// A descriptor the process could have open: below RLIMIT_NOFILE, as POSIX
// asks (EBADF otherwise, from the add function rather than the spawn).
bool valid_descriptor(int fd) {
    if (fd < 0) return false;
    rlimit limit;
    limit.rlim_cur = RLIM_INFINITY;
    lwp::sys::prlimit(RLIMIT_NOFILE, nullptr, &limit);
    return static_cast<rlim_t>(fd) < limit.rlim_cur;
}

}  // namespace

extern "C" {

int posix_spawnattr_init(posix_spawnattr_t* attr) noexcept {
    memset(attr, 0, sizeof *attr);
    return 0;
}
int posix_spawnattr_destroy(posix_spawnattr_t*) noexcept { return 0; }

int posix_spawnattr_setflags(posix_spawnattr_t* attr, short flags) noexcept {
    if (flags & ~known_flags) return EINVAL;
    attr->__flags = flags;
    return 0;
}
int posix_spawnattr_getflags(const posix_spawnattr_t* attr, short* flags) noexcept {
    *flags = attr->__flags;
    return 0;
}
int posix_spawnattr_setpgroup(posix_spawnattr_t* attr, pid_t group) noexcept {
    attr->__pgrp = group;
    return 0;
}
int posix_spawnattr_getpgroup(const posix_spawnattr_t* attr, pid_t* group) noexcept {
    *group = attr->__pgrp;
    return 0;
}
int posix_spawnattr_setsigmask(posix_spawnattr_t* attr, const sigset_t* mask) noexcept {
    attr->__ss = *mask;
    return 0;
}
int posix_spawnattr_getsigmask(const posix_spawnattr_t* attr, sigset_t* mask) noexcept {
    *mask = attr->__ss;
    return 0;
}
int posix_spawnattr_setsigdefault(posix_spawnattr_t* attr, const sigset_t* set) noexcept {
    attr->__sd = *set;
    return 0;
}
int posix_spawnattr_getsigdefault(const posix_spawnattr_t* attr, sigset_t* set) noexcept {
    *set = attr->__sd;
    return 0;
}
int posix_spawnattr_setschedpolicy(posix_spawnattr_t* attr, int policy) noexcept {
    if (policy != SCHED_OTHER && policy != SCHED_FIFO && policy != SCHED_RR &&
        policy != SCHED_BATCH && policy != SCHED_IDLE)
        return EINVAL;
    attr->__policy = policy;
    return 0;
}
int posix_spawnattr_getschedpolicy(const posix_spawnattr_t* attr, int* policy) noexcept {
    *policy = attr->__policy;
    return 0;
}
int posix_spawnattr_setschedparam(posix_spawnattr_t* attr, const struct sched_param* parameters) noexcept {
    attr->__sp = *parameters;
    return 0;
}
int posix_spawnattr_getschedparam(const posix_spawnattr_t* attr, struct sched_param* parameters) noexcept {
    *parameters = attr->__sp;
    return 0;
}

int posix_spawn_file_actions_init(posix_spawn_file_actions_t* actions) noexcept {
    memset(actions, 0, sizeof *actions);
    return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t* actions) noexcept {
    spawn_action* list = lwp::libc::actions_of(actions);
    for (int i = 0; i < actions->__used; ++i) free(list[i].path);
    free(list);
    memset(actions, 0, sizeof *actions);
    return 0;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t* actions, int fd) noexcept {
    if (!valid_descriptor(fd)) return EBADF;
    return add(actions, {spawn_action::close, fd, 0, 0, 0, nullptr});
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t* actions, int fd, int new_fd) noexcept {
    if (!valid_descriptor(fd) || !valid_descriptor(new_fd)) return EBADF;
    return add(actions, {spawn_action::dup2, fd, new_fd, 0, 0, nullptr});
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t* actions, int fd, const char* path,
                                     int flags, mode_t mode) noexcept {
    if (!valid_descriptor(fd)) return EBADF;
    char* copy = strdup(path);
    if (copy == nullptr) return ENOMEM;
    int error = add(actions, {spawn_action::open, fd, 0, flags, mode, copy});
    if (error) free(copy);
    return error;
}

int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t* actions, const char* path) noexcept {
    char* copy = strdup(path);
    if (copy == nullptr) return ENOMEM;
    int error = add(actions, {spawn_action::chdir, 0, 0, 0, 0, copy});
    if (error) free(copy);
    return error;
}

int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t* actions, int fd) noexcept {
    if (!valid_descriptor(fd)) return EBADF;
    return add(actions, {spawn_action::fchdir, fd, 0, 0, 0, nullptr});
}

// Every descriptor from fd up is closed in the child (glibc 2.34).
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t* actions, int fd) noexcept {
    if (!valid_descriptor(fd)) return EBADF;
    return add(actions, {spawn_action::close_from, fd, 0, 0, 0, nullptr});
}

// The child's process group becomes the foreground one of the terminal open
// at fd (glibc 2.35), what a shell does for a job it starts.
int posix_spawn_file_actions_addtcsetpgrp_np(posix_spawn_file_actions_t* actions, int fd) noexcept {
    if (!valid_descriptor(fd)) return EBADF;
    return add(actions, {spawn_action::set_foreground, fd, 0, 0, 0, nullptr});
}

}  // extern "C"
