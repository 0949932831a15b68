/* check.h: the one assertion macro of lwp's freestanding integration tests.
 *
 * CHECK(condition) and CHECK_EQ(actual, expected) print `file:line: what` to
 * stderr and end the whole process with status 1 when they fail, from any
 * thread. Passing prints nothing; a test passes by returning 0 from main.
 *
 * Failure reporting uses only write(2) and _exit(2), not stdio or exit: a
 * test of stdio or of exit must not depend on what it tests to report that
 * it failed. */
#ifndef LWP_INTEGRATION_CHECK_H
#define LWP_INTEGRATION_CHECK_H

#include <string.h>
#include <unistd.h>

static inline void check_write(const char* text) { (void)!write(2, text, strlen(text)); }

static inline void check_write_number(long long value) {
    char digits[24];
    int count = 0;
    unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value
                                             : (unsigned long long)value;
    do {
        digits[count++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0) check_write("-");
    while (count > 0) (void)!write(2, &digits[--count], 1);
}

static inline void check_failed_at(const char* file, int line, const char* what) {
    check_write(file);
    check_write(":");
    check_write_number(line);
    check_write(": check failed: ");
    check_write(what);
}

#define CHECK(condition)                                                   \
    do {                                                                   \
        if (!(condition)) {                                                \
            check_failed_at(__FILE__, __LINE__, #condition);               \
            check_write("\n");                                             \
            _exit(1);                                                      \
        }                                                                  \
    } while (0)

/* Integer comparison that also prints both values. */
#define CHECK_EQ(actual, expected)                                         \
    do {                                                                   \
        long long check_actual_ = (long long)(actual);                     \
        long long check_expected_ = (long long)(expected);                 \
        if (check_actual_ != check_expected_) {                            \
            check_failed_at(__FILE__, __LINE__, #actual " == " #expected); \
            check_write(" (got ");                                         \
            check_write_number(check_actual_);                             \
            check_write(", expected ");                                    \
            check_write_number(check_expected_);                           \
            check_write(")\n");                                            \
            _exit(1);                                                      \
        }                                                                  \
    } while (0)

/* String comparison; both sides must be non-null. */
#define CHECK_STREQ(actual, expected)                                      \
    do {                                                                   \
        const char* check_actual_ = (actual);                              \
        const char* check_expected_ = (expected);                          \
        if (check_actual_ == 0 || strcmp(check_actual_, check_expected_)) { \
            check_failed_at(__FILE__, __LINE__, #actual " == " #expected); \
            check_write(" (got \"");                                       \
            check_write(check_actual_ ? check_actual_ : "(null)");         \
            check_write("\", expected \"");                                \
            check_write(check_expected_);                                  \
            check_write("\")\n");                                          \
            _exit(1);                                                      \
        }                                                                  \
    } while (0)

#endif
