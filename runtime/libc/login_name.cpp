// getlogin and getlogin_r: the name of the user logged in on the session,
// found as glibc finds it.
//
// First the kernel's audit login uid (/proc/self/loginuid, set by PAM at
// login and inherited since): if it says no login uid was ever set
// ((uid_t)-1) the answer is ENXIO; if it names a uid, that uid's name from
// /etc/passwd (user_database.cpp). When the file cannot be read or the uid
// has no entry, the utmp way: the terminal on standard input (ttyname_r:
// ENOTTY, EBADF, ... if there is none) and the USER_PROCESS or
// LOGIN_PROCESS record of that line in /var/run/utmp (ENOENT without one;
// the file's own errno if it cannot be read). A name longer than the
// caller's buffer is ERANGE. Like glibc, the failing calls also set errno.
//
// Raw reads of both files: not cancellation points.
#include <errno.h>
#include <fcntl.h>
#include <paths.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utmp.h>

#include <cstddef>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"

namespace {

// The login uid, or false when the file cannot be read or parsed.
bool read_login_uid(uid_t& uid) {
    long fd = lwp::arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>("/proc/self/loginuid"),
                                  O_RDONLY | O_CLOEXEC, 0);
    if (lwp::sys::failed(fd)) return false;
    char text[16];  // a 32-bit number, in decimal
    long count;
    do {
        count = lwp::arch::syscall3(__NR_read, fd, reinterpret_cast<long>(text), sizeof text - 1);
    } while (count == -EINTR);
    lwp::arch::syscall1(__NR_close, fd);
    if (count <= 0) return false;
    text[count] = '\0';
    char* end;
    unsigned long value = strtoul(text, &end, 10);
    if (end == text || (*end != '\0' && *end != '\n') || value > 0xffffffffUL) return false;
    uid = static_cast<uid_t>(value);
    return true;
}

// Copies a name of `length` bytes and its NUL into the caller's buffer.
int give_name(const char* found, std::size_t length, char* name, std::size_t size) {
    if (length + 1 > size) return ERANGE;
    memcpy(name, found, length);
    name[length] = '\0';
    return 0;
}

// The login uid's name: 0, an errno, or -1 when this way cannot tell.
int name_from_login_uid(char* name, std::size_t size) {
    uid_t uid;
    if (!read_login_uid(uid)) return -1;
    if (uid == static_cast<uid_t>(-1)) return ENXIO;  // never logged in: no login uid
    std::size_t buffer_size = 1024;
    for (;;) {
        char* buffer = static_cast<char*>(malloc(buffer_size));
        if (buffer == nullptr) return ENOMEM;
        passwd entry;
        passwd* found = nullptr;
        int error = getpwuid_r(uid, &entry, buffer, buffer_size, &found);
        int result = -1;
        if (error == 0 && found != nullptr) result = give_name(entry.pw_name, strlen(entry.pw_name), name, size);
        free(buffer);
        if (error != ERANGE) return result;
        buffer_size *= 4;  // the entry was larger: again with more room
    }
}

// The utmp record of the terminal on standard input.
int name_from_terminal(char* name, std::size_t size) {
    char terminal[64];
    if (int error = ttyname_r(0, terminal, sizeof terminal)) return error;
    // utmp names the line without "/dev/".
    const char* line = strncmp(terminal, "/dev/", 5) == 0 ? terminal + 5 : terminal;
    long fd = lwp::arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(_PATH_UTMP),
                                  O_RDONLY | O_CLOEXEC, 0);
    if (lwp::sys::failed(fd)) return static_cast<int>(-fd);
    int result = ENOENT;
    struct utmp record;
    for (;;) {
        long count;
        do {
            count = lwp::arch::syscall3(__NR_read, fd, reinterpret_cast<long>(&record), sizeof record);
        } while (count == -EINTR);
        if (count < 0) result = static_cast<int>(-count);
        if (count != static_cast<long>(sizeof record)) break;  // the end (or a torn last record)
        if ((record.ut_type == USER_PROCESS || record.ut_type == LOGIN_PROCESS) &&
            strncmp(record.ut_line, line, sizeof record.ut_line) == 0) {
            result = give_name(record.ut_user, strnlen(record.ut_user, sizeof record.ut_user), name, size);
            break;
        }
    }
    lwp::arch::syscall1(__NR_close, fd);
    return result;
}

char static_login_name[UT_NAMESIZE + 1 > 256 ? UT_NAMESIZE + 1 : 256];

}  // namespace

extern "C" {

int getlogin_r(char* name, size_t size) {
    int result = name_from_login_uid(name, size);
    if (result < 0) result = name_from_terminal(name, size);
    if (result != 0) errno = result;
    return result;
}

// The name in a static buffer (shared by every thread), or null with errno.
char* getlogin(void) {
    return getlogin_r(static_login_name, sizeof static_login_name) == 0 ? static_login_name : nullptr;
}

}  // extern "C"
