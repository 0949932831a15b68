/* Both strerror_r forms glibc's <string.h> can select: the POSIX one
 * (__xpg_strerror_r, what this file gets without _GNU_SOURCE), with its
 * 0 / ERANGE / EINVAL results, and the GNU one (declared by hand below).
 * Neither may overwrite the message an earlier strerror call returned. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "check.h"

/* The GNU form under its real name; <string.h> maps strerror_r to
 * __xpg_strerror_r in this file. */
extern char* gnu_strerror_r(int code, char* buffer, size_t size) __asm__("strerror_r");

static void posix_form(void) {
    char buffer[64];
    CHECK_EQ(strerror_r(ENOENT, buffer, sizeof buffer), 0);
    CHECK_STREQ(buffer, "No such file or directory");

    /* Cut to fit, still terminated: ERANGE. */
    char small[4];
    CHECK_EQ(strerror_r(ENOENT, small, sizeof small), ERANGE);
    CHECK_STREQ(small, "No ");
    CHECK_EQ(strerror_r(ENOENT, small, 0), ERANGE);

    /* A number with no message: EINVAL, and the text is still stored. */
    CHECK_EQ(strerror_r(100000, buffer, sizeof buffer), EINVAL);
    CHECK_STREQ(buffer, "Unknown error 100000");
    CHECK_EQ(strerror_r(41, buffer, sizeof buffer), EINVAL); /* unused by Linux */
    CHECK_STREQ(buffer, "Unknown error 41");
    CHECK_EQ(strerror_r(-5, small, sizeof small), EINVAL); /* EINVAL wins over ERANGE */
    CHECK_STREQ(small, "Unk");
}

static void gnu_form(void) {
    char buffer[64];
    buffer[0] = '\0';
    /* A known code: the library's own text, buffer untouched. */
    CHECK_STREQ(gnu_strerror_r(EAGAIN, buffer, sizeof buffer), "Resource temporarily unavailable");
    CHECK_EQ(buffer[0], '\0');
    CHECK(gnu_strerror_r(123456, buffer, sizeof buffer) == buffer);
    CHECK_STREQ(buffer, "Unknown error 123456");
    char small[8];
    CHECK(gnu_strerror_r(123456, small, sizeof small) == small);
    CHECK_STREQ(small, "Unknown");
}

static void strerror_result_survives(void) {
    const char* earlier = strerror(100001);
    CHECK_STREQ(earlier, "Unknown error 100001");
    char buffer[64];
    CHECK_EQ(strerror_r(100002, buffer, sizeof buffer), EINVAL);
    (void)gnu_strerror_r(100003, buffer, sizeof buffer);
    CHECK_STREQ(earlier, "Unknown error 100001");
}

int main(void) {
    posix_form();
    gnu_form();
    strerror_result_survives();
    return 0;
}
