/* confstr: every name <unistd.h> knows, with glibc 2.36's answer on x86-64
 * (the whole string, the size returned with its '\0', each truncation,
 * a null buffer, a length of 0), EINVAL for names it does not know, errno
 * untouched otherwise; __confstr_chk (the fortified form) as confstr, and
 * its end on a length larger than the buffer; gnu_get_libc_version and
 * gnu_get_libc_release, and the _CS_GNU_ strings that go with them.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). glibc answers the
 * 32-bit environments' flags ("-m32", ...) where a getconf directory
 * (GETCONF_DIR, /usr/lib/getconf by default) names them, and lwp never:
 * GETCONF_DIR is pointed at a directory that does not exist, so both give
 * the answer of a system without them. gnu_get_libc_release is "stable" in
 * glibc and "lwp" in lwp (docs/libc.md). */
#include <errno.h>
#include <fcntl.h>
#include <gnu/libc-version.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

#define TEXT(x) #x
#define NUMBER(x) TEXT(x)
#define HEADERS_VERSION NUMBER(__GLIBC__) "." NUMBER(__GLIBC_MINOR__)

/* Declared by <bits/unistd.h> only under _FORTIFY_SOURCE. */
extern size_t __confstr_chk(int name, char* buffer, size_t length, size_t object_size);

struct answer {
    int name;
    const char* text;
};

static const struct answer answers[] = {
    {_CS_PATH, "/bin:/usr/bin"},
    {_CS_V6_WIDTH_RESTRICTED_ENVS, "POSIX_V6_LP64_OFF64"},
    {_CS_GNU_LIBC_VERSION, "glibc " HEADERS_VERSION},
    {_CS_GNU_LIBPTHREAD_VERSION, "NPTL " HEADERS_VERSION},
    {_CS_V5_WIDTH_RESTRICTED_ENVS, "XBS5_LP64_OFF64"},
    {_CS_V7_WIDTH_RESTRICTED_ENVS, "POSIX_V7_LP64_OFF64"},
    {_CS_LFS_CFLAGS, ""},
    {_CS_LFS_LDFLAGS, ""},
    {_CS_LFS_LIBS, ""},
    {_CS_LFS_LINTFLAGS, ""},
    {_CS_LFS64_CFLAGS, "-D_LARGEFILE64_SOURCE"},
    {_CS_LFS64_LDFLAGS, ""},
    {_CS_LFS64_LIBS, ""},
    {_CS_LFS64_LINTFLAGS, "-D_LARGEFILE64_SOURCE"},
    {_CS_XBS5_ILP32_OFF32_CFLAGS, ""},
    {_CS_XBS5_ILP32_OFF32_LDFLAGS, ""},
    {_CS_XBS5_ILP32_OFF32_LIBS, ""},
    {_CS_XBS5_ILP32_OFF32_LINTFLAGS, ""},
    {_CS_XBS5_ILP32_OFFBIG_CFLAGS, ""},
    {_CS_XBS5_ILP32_OFFBIG_LDFLAGS, ""},
    {_CS_XBS5_ILP32_OFFBIG_LIBS, ""},
    {_CS_XBS5_ILP32_OFFBIG_LINTFLAGS, ""},
    {_CS_XBS5_LP64_OFF64_CFLAGS, "-m64"},
    {_CS_XBS5_LP64_OFF64_LDFLAGS, "-m64"},
    {_CS_XBS5_LP64_OFF64_LIBS, ""},
    {_CS_XBS5_LP64_OFF64_LINTFLAGS, ""},
    {_CS_XBS5_LPBIG_OFFBIG_CFLAGS, ""},
    {_CS_XBS5_LPBIG_OFFBIG_LDFLAGS, ""},
    {_CS_XBS5_LPBIG_OFFBIG_LIBS, ""},
    {_CS_XBS5_LPBIG_OFFBIG_LINTFLAGS, ""},
    {_CS_POSIX_V6_ILP32_OFF32_CFLAGS, ""},
    {_CS_POSIX_V6_ILP32_OFF32_LDFLAGS, ""},
    {_CS_POSIX_V6_ILP32_OFF32_LIBS, ""},
    {_CS_POSIX_V6_ILP32_OFF32_LINTFLAGS, ""},
    {_CS_POSIX_V6_ILP32_OFFBIG_CFLAGS, ""},
    {_CS_POSIX_V6_ILP32_OFFBIG_LDFLAGS, ""},
    {_CS_POSIX_V6_ILP32_OFFBIG_LIBS, ""},
    {_CS_POSIX_V6_ILP32_OFFBIG_LINTFLAGS, ""},
    {_CS_POSIX_V6_LP64_OFF64_CFLAGS, "-m64"},
    {_CS_POSIX_V6_LP64_OFF64_LDFLAGS, "-m64"},
    {_CS_POSIX_V6_LP64_OFF64_LIBS, ""},
    {_CS_POSIX_V6_LP64_OFF64_LINTFLAGS, ""},
    {_CS_POSIX_V6_LPBIG_OFFBIG_CFLAGS, ""},
    {_CS_POSIX_V6_LPBIG_OFFBIG_LDFLAGS, ""},
    {_CS_POSIX_V6_LPBIG_OFFBIG_LIBS, ""},
    {_CS_POSIX_V6_LPBIG_OFFBIG_LINTFLAGS, ""},
    {_CS_POSIX_V7_ILP32_OFF32_CFLAGS, ""},
    {_CS_POSIX_V7_ILP32_OFF32_LDFLAGS, ""},
    {_CS_POSIX_V7_ILP32_OFF32_LIBS, ""},
    {_CS_POSIX_V7_ILP32_OFF32_LINTFLAGS, ""},
    {_CS_POSIX_V7_ILP32_OFFBIG_CFLAGS, ""},
    {_CS_POSIX_V7_ILP32_OFFBIG_LDFLAGS, ""},
    {_CS_POSIX_V7_ILP32_OFFBIG_LIBS, ""},
    {_CS_POSIX_V7_ILP32_OFFBIG_LINTFLAGS, ""},
    {_CS_POSIX_V7_LP64_OFF64_CFLAGS, "-m64"},
    {_CS_POSIX_V7_LP64_OFF64_LDFLAGS, "-m64"},
    {_CS_POSIX_V7_LP64_OFF64_LIBS, ""},
    {_CS_POSIX_V7_LP64_OFF64_LINTFLAGS, ""},
    {_CS_POSIX_V7_LPBIG_OFFBIG_CFLAGS, ""},
    {_CS_POSIX_V7_LPBIG_OFFBIG_LDFLAGS, ""},
    {_CS_POSIX_V7_LPBIG_OFFBIG_LIBS, ""},
    {_CS_POSIX_V7_LPBIG_OFFBIG_LINTFLAGS, ""},
    {_CS_V6_ENV, "POSIXLY_CORRECT=1"},
    {_CS_V7_ENV, "POSIXLY_CORRECT=1"},
};
enum { answer_count = sizeof answers / sizeof answers[0] };

static void every_name(void) {
    for (int i = 0; i < answer_count; ++i) {
        const char* text = answers[i].text;
        size_t size = strlen(text) + 1;
        char buffer[64];
        /* The whole string, errno untouched. */
        errno = 12345;
        memset(buffer, '#', sizeof buffer);
        CHECK_EQ(confstr(answers[i].name, buffer, sizeof buffer), size);
        CHECK_STREQ(buffer, text);
        CHECK_EQ(buffer[size], '#'); /* nothing written after the '\0' */
        CHECK_EQ(errno, 12345);
        /* Only the size: a null buffer, or a length of 0 (nothing written). */
        CHECK_EQ(confstr(answers[i].name, NULL, 0), size);
        char* volatile no_buffer = NULL; /* with a length: still only the size */
        CHECK_EQ(confstr(answers[i].name, no_buffer, 10), size);
        memset(buffer, '#', sizeof buffer);
        CHECK_EQ(confstr(answers[i].name, buffer, 0), size);
        CHECK_EQ(buffer[0], '#');
        /* Cut to each shorter length: length - 1 bytes and a '\0'. */
        for (size_t length = 1; length <= size; ++length) {
            memset(buffer, '#', sizeof buffer);
            CHECK_EQ(confstr(answers[i].name, buffer, length), size);
            CHECK_EQ(strncmp(buffer, text, length - 1), 0);
            CHECK_EQ(buffer[length - 1], '\0');
            CHECK_EQ(buffer[length], '#');
        }
        /* The fortified form, with room enough. */
        memset(buffer, '#', sizeof buffer);
        CHECK_EQ(__confstr_chk(answers[i].name, buffer, 5, sizeof buffer), size);
        CHECK_EQ(strncmp(buffer, text, 4), 0);
    }
}

/* Names <bits/confname.h> leaves unused, and far ones: 0 and EINVAL. */
static void unknown_names(void) {
    static const int unknown[] = {-1, 6, 7, 100, 999, 1008, 1099, 1150, 2000, INT_MAX, INT_MIN};
    for (unsigned i = 0; i < sizeof unknown / sizeof unknown[0]; ++i) {
        char buffer[8] = "unset";
        errno = 0;
        CHECK_EQ(confstr(unknown[i], buffer, sizeof buffer), 0);
        CHECK_EQ(errno, EINVAL);
        CHECK_STREQ(buffer, "unset");
    }
    /* And nothing else in the ranges around the known ones. */
    int known = 0;
    for (int name = -16; name < 1300; ++name) {
        errno = 0;
        size_t size = confstr(name, NULL, 0);
        if (size == 0) {
            CHECK_EQ(errno, EINVAL);
            continue;
        }
        ++known;
    }
    CHECK_EQ(known, answer_count);
}

/* The fortified form ends the program when the length claims more than
 * the buffer holds, as glibc's does (SIGABRT). */
static void fortified_overflow(void) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 2); /* the "*** buffer overflow detected ***" message */
        char buffer[4];
        __confstr_chk(_CS_PATH, buffer, 5, sizeof buffer);
        _exit(0);
    }
    expect_killed_by(child, SIGABRT);
}

static void library_version(void) {
    /* The version of the glibc ABI this program was built for, which
     * confstr's _CS_GNU_ strings carry too. */
    CHECK_STREQ(gnu_get_libc_version(), HEADERS_VERSION);
    char text[64];
    CHECK(confstr(_CS_GNU_LIBC_VERSION, text, sizeof text) > 0);
    CHECK_EQ(strncmp(text, "glibc ", 6), 0);
    CHECK_STREQ(text + 6, gnu_get_libc_version());
    CHECK(confstr(_CS_GNU_LIBPTHREAD_VERSION, text, sizeof text) > 0);
    CHECK_EQ(strncmp(text, "NPTL ", 5), 0);
    CHECK_STREQ(text + 5, gnu_get_libc_version());
#ifdef CHECKING_AGAINST_GLIBC
    CHECK_STREQ(gnu_get_libc_release(), "stable");
#else
    CHECK_STREQ(gnu_get_libc_release(), "lwp");
#endif
}

int main(void) {
    CHECK_EQ(setenv("GETCONF_DIR", "/nonexistent-getconf-directory", 1), 0);
    every_name();
    unknown_names();
    fortified_overflow();
    library_version();
    return 0;
}
