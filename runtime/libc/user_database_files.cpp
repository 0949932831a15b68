// putpwent putgrent: writing user and group entries in /etc/passwd and
// /etc/group form; lckpwdf ulckpwdf: the lock tools that edit those files
// (shadow's passwd, useradd, ...) take on /etc/.pwd.lock first.
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../thread/internal_lock.hpp"
#include "errno_result.hpp"

namespace {

// A field that would break the line's format: a ':' or a newline in it.
bool breaks_format(const char* field) { return field != nullptr && strpbrk(field, ":\n"); }

const char* or_empty(const char* field) { return field ? field : ""; }

// A NIS compat entry's name, written without its ids.
bool is_compat_name(const char* name) { return name[0] == '+' || name[0] == '-'; }

lwp::runtime::internal_lock lock_file_lock;
int lock_file = -1;  // the descriptor holding /etc/.pwd.lock's lock

}  // namespace

extern "C" {

// EINVAL, writing nothing, for a null entry or stream or a field that
// would break the line, as glibc refuses them; a ':' or newline in the
// comment (gecos) field is written as a space instead, as glibc writes it.
// A NIS compat entry ("+name", "-name") is written with empty ids, as glibc
// writes them ("+name:x:::...").
int putpwent(const passwd* __restrict entry, FILE* __restrict stream) {
    if (entry == nullptr || stream == nullptr || entry->pw_name == nullptr ||
        breaks_format(entry->pw_name) || breaks_format(entry->pw_passwd) ||
        breaks_format(entry->pw_dir) || breaks_format(entry->pw_shell))
        return lwp::libc::fail_with_errno(EINVAL);
    flockfile(stream);  // one line, whole, whatever other threads write
    bool failed;
    if (is_compat_name(entry->pw_name))
        failed = fprintf(stream, "%s:%s:::", entry->pw_name, or_empty(entry->pw_passwd)) < 0;
    else
        failed = fprintf(stream, "%s:%s:%lu:%lu:", entry->pw_name, or_empty(entry->pw_passwd),
                         static_cast<unsigned long>(entry->pw_uid),
                         static_cast<unsigned long>(entry->pw_gid)) < 0;
    for (const char* c = or_empty(entry->pw_gecos); !failed && *c != '\0'; ++c)
        failed = putc(*c == ':' || *c == '\n' ? ' ' : *c, stream) == EOF;
    failed = failed || fprintf(stream, ":%s:%s\n", or_empty(entry->pw_dir), or_empty(entry->pw_shell)) < 0;
    funlockfile(stream);
    return failed ? -1 : 0;
}

int putgrent(const group* __restrict entry, FILE* __restrict stream) {
    if (entry == nullptr || stream == nullptr || entry->gr_name == nullptr ||
        breaks_format(entry->gr_name) || breaks_format(entry->gr_passwd))
        return lwp::libc::fail_with_errno(EINVAL);
    for (char** member = entry->gr_mem; member && *member; ++member)
        if (strpbrk(*member, ":,\n")) return lwp::libc::fail_with_errno(EINVAL);
    flockfile(stream);  // one line, whole, whatever other threads write
    bool failed = is_compat_name(entry->gr_name)
                      ? fprintf(stream, "%s:%s::", entry->gr_name, or_empty(entry->gr_passwd)) < 0
                      : fprintf(stream, "%s:%s:%lu:", entry->gr_name, or_empty(entry->gr_passwd),
                                static_cast<unsigned long>(entry->gr_gid)) < 0;
    for (char** member = entry->gr_mem; !failed && member && *member; ++member)
        failed = fprintf(stream, member == entry->gr_mem ? "%s" : ",%s", *member) < 0;
    failed = failed || putc('\n', stream) == EOF;
    funlockfile(stream);
    return failed ? -1 : 0;
}

// Takes the write lock on /etc/.pwd.lock, waiting at most 15 seconds for
// another holder, as glibc does (it times the wait with an alarm; lwp
// retries, which leaves SIGALRM to the program). -1 on failure, and when
// this process already holds it.
int lckpwdf(void) {
    lwp::runtime::internal_lock_guard hold(lock_file_lock);
    if (lock_file != -1) return -1;
    int fd = open("/etc/.pwd.lock", O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    struct flock whole = {};
    whole.l_type = F_WRLCK;
    whole.l_whence = SEEK_SET;
    for (int tries = 0; fcntl(fd, F_SETLK, &whole) != 0; ++tries) {
        if ((errno != EAGAIN && errno != EACCES) || tries == 150) {
            close(fd);
            return -1;
        }
        struct timespec pause = {0, 100 * 1000 * 1000};
        nanosleep(&pause, nullptr);
    }
    lock_file = fd;
    return 0;
}

int ulckpwdf(void) {
    lwp::runtime::internal_lock_guard hold(lock_file_lock);
    if (lock_file == -1) return -1;
    int result = close(lock_file);
    lock_file = -1;
    return result;
}

}  // extern "C"
