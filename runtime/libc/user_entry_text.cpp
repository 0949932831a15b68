// getpw: a user's entry as its /etc/passwd line, into a buffer whose size
// the caller cannot give (hence "dangerous": glibc's link warning says so;
// sprintf writes as much as the entry needs).
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>

#include <cstddef>

#include "errno_result.hpp"

extern "C" {

// -1 with EINVAL for a null buffer; -1 with errno 0 for a uid no entry has
// (what glibc's lookup leaves there), or the lookup's errno when the file
// cannot be read.
int getpw(uid_t uid, char* buffer) {
    if (buffer == nullptr) return lwp::libc::fail_with_errno(EINVAL);
    int status = -1;
    for (std::size_t size = 1024;; size *= 4) {
        char* text = static_cast<char*>(malloc(size));
        if (text == nullptr) return -1;  // errno: ENOMEM
        passwd entry;
        passwd* found = nullptr;
        int error = getpwuid_r(uid, &entry, text, size, &found);
        if (error == 0 && found == nullptr) errno = 0;
        if (error != 0 && error != ERANGE) errno = error;
        if (found != nullptr &&
            sprintf(buffer, "%s:%s:%lu:%lu:%s:%s:%s", entry.pw_name, entry.pw_passwd,
                    static_cast<unsigned long>(entry.pw_uid),
                    static_cast<unsigned long>(entry.pw_gid), entry.pw_gecos, entry.pw_dir,
                    entry.pw_shell) >= 0)
            status = 0;
        free(text);
        if (error != ERANGE) return status;
    }
}

}  // extern "C"
