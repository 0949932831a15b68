// confstr (<unistd.h>), and __confstr_chk, its fortified form.
//
// The strings glibc 2.36 answers on x86-64, name for name: _CS_PATH
// "/bin:/usr/bin"; the compilation environments lwp-cc can build for, which
// are x86-64's LP64_OFF64 alone (lwp has no 32-bit build): "-m64" for its
// CFLAGS and LDFLAGS, "" for the others and for every flag of the 32-bit and
// LPBIG environments, the *_WIDTH_RESTRICTED_ENVS naming the one
// environment; the large-file flags (none needed, "-D_LARGEFILE64_SOURCE"
// for the *64 names); "POSIXLY_CORRECT=1" for _CS_V6_ENV and _CS_V7_ENV.
// glibc answers the 32-bit environments ("-m32", ...) only where a getconf
// directory says they are installed; lwp never does.
//
// _CS_GNU_LIBC_VERSION is "glibc 2.36" and _CS_GNU_LIBPTHREAD_VERSION
// "NPTL 2.36" (the version from the glibc headers lwp is built against,
// library_version.hpp): the ABI lwp provides and the threading model it
// implements (one kernel thread per thread, one process id, POSIX
// signals), which is what programs ask these for ("glibc X.Y" is the form
// they parse; "NPTL" rather than "linuxthreads" the answer their NPTL paths
// depend on).
//
// The size the whole string needs (with its '\0') is returned; up to len - 1
// bytes and a '\0' are written when buf is not null and len is not 0. An
// unknown name is 0 with EINVAL.
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "fortify_failure.hpp"
#include "library_version.hpp"

namespace {

// The string for `name`, or null if there is none.
const char* configuration_string(int name) {
    switch (name) {
    case _CS_PATH: return "/bin:/usr/bin";
    case _CS_V5_WIDTH_RESTRICTED_ENVS: return "XBS5_LP64_OFF64";
    case _CS_V6_WIDTH_RESTRICTED_ENVS: return "POSIX_V6_LP64_OFF64";
    case _CS_V7_WIDTH_RESTRICTED_ENVS: return "POSIX_V7_LP64_OFF64";
    case _CS_GNU_LIBC_VERSION: return "glibc " LWP_GLIBC_ABI_VERSION;
    case _CS_GNU_LIBPTHREAD_VERSION: return "NPTL " LWP_GLIBC_ABI_VERSION;

    // Large files: off_t is 64 bits already; the *64 names want a macro.
    case _CS_LFS64_CFLAGS:
    case _CS_LFS64_LINTFLAGS: return "-D_LARGEFILE64_SOURCE";
    case _CS_LFS_CFLAGS:
    case _CS_LFS_LDFLAGS:
    case _CS_LFS_LIBS:
    case _CS_LFS_LINTFLAGS:
    case _CS_LFS64_LDFLAGS:
    case _CS_LFS64_LIBS: return "";

    // The one environment there is: 64-bit long, pointers and off_t.
    case _CS_XBS5_LP64_OFF64_CFLAGS:
    case _CS_XBS5_LP64_OFF64_LDFLAGS:
    case _CS_POSIX_V6_LP64_OFF64_CFLAGS:
    case _CS_POSIX_V6_LP64_OFF64_LDFLAGS:
    case _CS_POSIX_V7_LP64_OFF64_CFLAGS:
    case _CS_POSIX_V7_LP64_OFF64_LDFLAGS: return "-m64";
    case _CS_XBS5_LP64_OFF64_LIBS:
    case _CS_XBS5_LP64_OFF64_LINTFLAGS:
    case _CS_POSIX_V6_LP64_OFF64_LIBS:
    case _CS_POSIX_V6_LP64_OFF64_LINTFLAGS:
    case _CS_POSIX_V7_LP64_OFF64_LIBS:
    case _CS_POSIX_V7_LP64_OFF64_LINTFLAGS: return "";

    // The environments there are not: known names, empty answers.
    case _CS_XBS5_ILP32_OFF32_CFLAGS:
    case _CS_XBS5_ILP32_OFF32_LDFLAGS:
    case _CS_XBS5_ILP32_OFF32_LIBS:
    case _CS_XBS5_ILP32_OFF32_LINTFLAGS:
    case _CS_XBS5_ILP32_OFFBIG_CFLAGS:
    case _CS_XBS5_ILP32_OFFBIG_LDFLAGS:
    case _CS_XBS5_ILP32_OFFBIG_LIBS:
    case _CS_XBS5_ILP32_OFFBIG_LINTFLAGS:
    case _CS_XBS5_LPBIG_OFFBIG_CFLAGS:
    case _CS_XBS5_LPBIG_OFFBIG_LDFLAGS:
    case _CS_XBS5_LPBIG_OFFBIG_LIBS:
    case _CS_XBS5_LPBIG_OFFBIG_LINTFLAGS:
    case _CS_POSIX_V6_ILP32_OFF32_CFLAGS:
    case _CS_POSIX_V6_ILP32_OFF32_LDFLAGS:
    case _CS_POSIX_V6_ILP32_OFF32_LIBS:
    case _CS_POSIX_V6_ILP32_OFF32_LINTFLAGS:
    case _CS_POSIX_V6_ILP32_OFFBIG_CFLAGS:
    case _CS_POSIX_V6_ILP32_OFFBIG_LDFLAGS:
    case _CS_POSIX_V6_ILP32_OFFBIG_LIBS:
    case _CS_POSIX_V6_ILP32_OFFBIG_LINTFLAGS:
    case _CS_POSIX_V6_LPBIG_OFFBIG_CFLAGS:
    case _CS_POSIX_V6_LPBIG_OFFBIG_LDFLAGS:
    case _CS_POSIX_V6_LPBIG_OFFBIG_LIBS:
    case _CS_POSIX_V6_LPBIG_OFFBIG_LINTFLAGS:
    case _CS_POSIX_V7_ILP32_OFF32_CFLAGS:
    case _CS_POSIX_V7_ILP32_OFF32_LDFLAGS:
    case _CS_POSIX_V7_ILP32_OFF32_LIBS:
    case _CS_POSIX_V7_ILP32_OFF32_LINTFLAGS:
    case _CS_POSIX_V7_ILP32_OFFBIG_CFLAGS:
    case _CS_POSIX_V7_ILP32_OFFBIG_LDFLAGS:
    case _CS_POSIX_V7_ILP32_OFFBIG_LIBS:
    case _CS_POSIX_V7_ILP32_OFFBIG_LINTFLAGS:
    case _CS_POSIX_V7_LPBIG_OFFBIG_CFLAGS:
    case _CS_POSIX_V7_LPBIG_OFFBIG_LDFLAGS:
    case _CS_POSIX_V7_LPBIG_OFFBIG_LIBS:
    case _CS_POSIX_V7_LPBIG_OFFBIG_LINTFLAGS: return "";

    case _CS_V6_ENV:
    case _CS_V7_ENV: return "POSIXLY_CORRECT=1";
    default: return nullptr;
    }
}

}  // namespace

extern "C" {

size_t confstr(int name, char* buffer, size_t length) noexcept {
    const char* text = configuration_string(name);
    if (text == nullptr) {
        errno = EINVAL;
        return 0;
    }
    size_t size = strlen(text) + 1;
    if (buffer != nullptr && length > 0) {
        size_t copied = size <= length ? size - 1 : length - 1;
        memcpy(buffer, text, copied);
        buffer[copied] = '\0';
    }
    return size;
}

// -D_FORTIFY_SOURCE: `length` must not claim more than the object has.
size_t __confstr_chk(int name, char* buffer, size_t length, size_t object_size) noexcept {
    lwp::libc::require_fit(length <= object_size);
    return confstr(name, buffer, length);
}

}  // extern "C"
