/* strverscmp (version order), and <inttypes.h>'s strtoimax, strtoumax,
 * imaxabs and imaxdiv.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

static int sign(int value) { return (value > 0) - (value < 0); }

/* Each list is in strictly increasing version order: every pair compares
 * as its positions do. */
static void check_order(const char* const* names, int count) {
    for (int i = 0; i < count; ++i) {
        for (int j = 0; j < count; ++j) {
            int got = sign(strverscmp(names[i], names[j]));
            int expected = (i > j) - (i < j);
            if (got != expected) {
                check_write(names[i]);
                check_write(" <=> ");
                check_write(names[j]);
                check_write("\n");
            }
            CHECK_EQ(got, expected);
        }
    }
}

static void version_order(void) {
    /* GNU's own example: fractions (a leading zero) before integers. */
    static const char* const numbers[] = {"000", "00", "01", "010", "09", "0", "1", "9", "10"};
    check_order(numbers, sizeof numbers / sizeof numbers[0]);
    static const char* const files[] = {"file", "file1", "file2", "file9", "file10", "file11",
                                        "file100", "fileA", "filea"};
    check_order(files, sizeof files / sizeof files[0]);
    static const char* const releases[] = {"1.0", "1.0.1", "1.2", "1.9", "1.10", "1.10a",
                                           "1.10b", "2.0", "10.0"};
    check_order(releases, sizeof releases / sizeof releases[0]);
    static const char* const zeros[] = {"a000b", "a00b", "a01b", "a0b", "a1b"};
    check_order(zeros, sizeof zeros / sizeof zeros[0]);
    CHECK_EQ(strverscmp("", ""), 0);
    CHECK_EQ(strverscmp("same9", "same9"), 0);
    CHECK(strverscmp("", "a") < 0);
    CHECK(strverscmp("abc", "abd") < 0); /* plain strcmp outside numbers */
    CHECK(strverscmp("\xff", "a") > 0);  /* bytes are unsigned */
}

static void intmax_parsing(void) {
    char* end;
    errno = 0;
    CHECK_EQ(strtoimax("  -9223372036854775808xyz", &end, 10), INTMAX_MIN);
    CHECK_EQ(errno, 0);
    CHECK_STREQ(end, "xyz");
    CHECK_EQ(strtoimax("9223372036854775808", &end, 10), INTMAX_MAX);
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK_EQ(strtoimax("-0x7f", &end, 0), -127);
    CHECK_EQ(*end, '\0');
    CHECK_EQ(strtoimax("0777", NULL, 0), 0777);
    CHECK(strtoumax("18446744073709551615", &end, 10) == UINTMAX_MAX);
    CHECK_EQ(errno, 0);
    CHECK(strtoumax("18446744073709551616", &end, 10) == UINTMAX_MAX);
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK(strtoumax("-1", NULL, 10) == UINTMAX_MAX); /* negated in the unsigned type */
    CHECK(strtoumax("zz", &end, 36) == 35 * 36 + 35);
    /* No digits: 0, *end at the start, errno untouched. */
    const char* none = "  +x";
    CHECK_EQ(strtoimax(none, &end, 10), 0);
    CHECK(end == none);
    CHECK_EQ(errno, 0);
    /* A base out of range. */
    CHECK_EQ(strtoimax("12", &end, 1), 0);
    CHECK_EQ(errno, EINVAL);
}

static void intmax_arithmetic(void) {
    CHECK_EQ(imaxabs(-42), 42);
    CHECK_EQ(imaxabs(INTMAX_MAX), INTMAX_MAX);
    CHECK_EQ(imaxabs(-INTMAX_MAX), INTMAX_MAX);
    imaxdiv_t result = imaxdiv(-7, 2);
    CHECK_EQ(result.quot, -3); /* truncated toward zero */
    CHECK_EQ(result.rem, -1);
    result = imaxdiv(INTMAX_MAX, 10);
    CHECK_EQ(result.quot, INTMAX_MAX / 10);
    CHECK_EQ(result.rem, 7);
}

int main(void) {
    version_order();
    intmax_parsing();
    intmax_arithmetic();
    return 0;
}
