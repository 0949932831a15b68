/* %m in a program that never calls strerror or perror, and %#m in one that
 * never calls strerrorname_np: their tables are then not linked (printf
 * reaches both only through weak references), and %m and %#m print errno's
 * value as a signed decimal number instead, with the field's width, flags
 * and precision applied as to %d (what glibc's %#m prints for a code with no
 * name). This program must not mention strerror, perror or strerrorname_np
 * anywhere else, or the fallback it tests would not be the code that runs. */
#define _GNU_SOURCE /* strerrorname_np */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Every reference to strerror in this file is weak, so the test can see that
 * the message table really is absent. */
#pragma weak strerror
#pragma weak strerrorname_np

static char buffer[64];

/* Through a pointer the compiler cannot see into, so that GCC does not fold
 * the call from its own model of glibc's printf. */
static const char* volatile opaque_format;

static int format_opaque(const char* format, ...) {
    opaque_format = format;
    va_list arguments;
    va_start(arguments, format);
    int result = vsnprintf(buffer, sizeof buffer, opaque_format, arguments);
    va_end(arguments);
    return result;
}

int main(void) {
    /* The premise: nothing linked strerror in. */
    CHECK(strerror == NULL);
    CHECK(strerrorname_np == NULL);

    errno = EINVAL; /* 22: its hexadecimal spelling differs */
    CHECK_EQ(format_opaque("%m"), 2);
    CHECK_STREQ(buffer, "22");

    errno = ENOTSUP; /* 95 */
    CHECK_EQ(format_opaque("[%5m|%-4m]"), 12);
    CHECK_STREQ(buffer, "[   95|95  ]");

    /* Other conversions before it do not disturb the number. */
    errno = ERANGE; /* 34 */
    CHECK_EQ(format_opaque("%d %m", 7), 4);
    CHECK_STREQ(buffer, "7 34");

    /* %#m: glibc's name ("EINVAL") needs strerrorname_np's table. */
    errno = EINVAL;
    CHECK_EQ(format_opaque("%#m|%#-4m|%#+.3m|%#05m", 0), 18);
    CHECK_STREQ(buffer, "22|22  |+022|00022");

    /* A negative errno is signed, for %m and %#m alike. */
    errno = -5;
    CHECK_EQ(format_opaque("%m %#m %4m", 0), 10);
    CHECK_STREQ(buffer, "-5 -5   -5");
    return 0;
}
