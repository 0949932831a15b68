/* A buffer passed to printf as one of its own %s arguments (undefined in C;
 * programs do it to append): the answers are glibc's, which empties the
 * buffer first in snprintf, vsnprintf and the checked sprintf
 * (__sprintf_chk, what -D_FORTIFY_SOURCE=2 turns sprintf into), and leaves
 * it alone in plain sprintf and vsprintf, so that they append. glibc's own
 * test of this is libio/tst-sprintf-ub (in the glibc suite); checked
 * against glibc too (tools/check-posix-against-glibc printf_into_own_buffer). */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../integration/check.h"

#pragma GCC diagnostic ignored "-Wrestrict" /* the overlap is the point */

/* glibc's checked entry points, which its headers declare only inside the
 * fortified inline wrappers; called here by name so that the test needs no
 * particular optimisation or fortify level. */
int __sprintf_chk(char*, int, size_t, const char*, ...);
int __vsprintf_chk(char*, int, size_t, const char*, va_list);

/* The format through a volatile pointer, so that GCC neither folds the call
 * nor rewrites it from its model of printf. */
static const char* volatile appending = "%sCD";

static int call_vsprintf(char* buffer, ...) {
    va_list arguments;
    va_start(arguments, buffer);
    int result = vsprintf(buffer, appending, arguments);
    va_end(arguments);
    return result;
}

static int call_vsnprintf(char* buffer, size_t capacity, ...) {
    va_list arguments;
    va_start(arguments, capacity);
    int result = vsnprintf(buffer, capacity, appending, arguments);
    va_end(arguments);
    return result;
}

static int call_vsprintf_chk(char* buffer, size_t object_size, ...) {
    va_list arguments;
    va_start(arguments, object_size);
    int result = __vsprintf_chk(buffer, 1, object_size, appending, arguments);
    va_end(arguments);
    return result;
}

int main(void) {
    char buffer[8];

    strcpy(buffer, "AB");
    CHECK_EQ(sprintf(buffer, appending, buffer), 4);
    CHECK_STREQ(buffer, "ABCD");

    strcpy(buffer, "AB");
    CHECK_EQ(call_vsprintf(buffer, buffer), 4);
    CHECK_STREQ(buffer, "ABCD");

    /* Emptied first: the argument reads "", so only "CD" is formatted,
     * whatever room there is. */
    strcpy(buffer, "AB");
    CHECK_EQ(snprintf(buffer, 3, appending, buffer), 2);
    CHECK_STREQ(buffer, "CD");

    strcpy(buffer, "AB");
    CHECK_EQ(snprintf(buffer, sizeof buffer, appending, buffer), 2);
    CHECK_STREQ(buffer, "CD");

    strcpy(buffer, "AB");
    CHECK_EQ(call_vsnprintf(buffer, 3, buffer), 2);
    CHECK_STREQ(buffer, "CD");

    /* A capacity of 0 writes nothing at all, not even the first NUL. */
    strcpy(buffer, "AB");
    CHECK_EQ(snprintf(buffer, 0, appending, "xy"), 4);
    CHECK_STREQ(buffer, "AB");

    strcpy(buffer, "AB");
    CHECK_EQ(__sprintf_chk(buffer, 1, sizeof buffer, appending, buffer), 2);
    CHECK_STREQ(buffer, "CD");

    strcpy(buffer, "AB");
    CHECK_EQ(call_vsprintf_chk(buffer, sizeof buffer, buffer), 2);
    CHECK_STREQ(buffer, "CD");

    /* Another buffer as the argument is, of course, simply copied. */
    char other[8] = "xy";
    strcpy(buffer, "AB");
    CHECK_EQ(snprintf(buffer, sizeof buffer, appending, other), 4);
    CHECK_STREQ(buffer, "xyCD");
    return 0;
}
