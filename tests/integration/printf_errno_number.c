/* %m in a program that never calls strerror or perror: the message table is
 * then not linked (printf reaches strerror only through a weak reference),
 * and %m prints errno's value as a decimal number instead, with the field's
 * width applied. This program must not mention strerror or perror anywhere
 * else, or the fallback it tests would not be the code that runs. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Every reference to strerror in this file is weak, so the test can see that
 * the message table really is absent. */
#pragma weak strerror

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
    return 0;
}
