// cuserid: the effective user's name from /etc/passwd (user_database.cpp),
// the old call glibc keeps (getpwuid(geteuid()) is what POSIX now offers).
//
// As glibc: the name cut to L_cuserid - 1 bytes and terminated, in `name`
// (which must hold L_cuserid bytes) or, for a null `name`, in a static
// buffer shared by every thread; with no entry for the user, `name` with
// an empty string (null for a null `name`).
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

namespace {

char static_user_name[L_cuserid];

}  // namespace

extern "C" char* cuserid(char* name) noexcept {
    char lines[1024];  // one /etc/passwd entry's strings, as glibc's buffer
    passwd entry;
    passwd* found = nullptr;
    if (getpwuid_r(geteuid(), &entry, lines, sizeof lines, &found) != 0 || found == nullptr) {
        if (name) name[0] = '\0';
        return name;
    }
    if (name == nullptr) name = static_user_name;
    name[L_cuserid - 1] = '\0';
    return strncpy(name, found->pw_name, L_cuserid - 1);
}
