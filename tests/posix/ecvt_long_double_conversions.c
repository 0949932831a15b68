/* qecvt qfcvt qgcvt qecvt_r qfcvt_r: glibc's digits, point positions and
 * signs for long double (at most 21 digits; the exact decimal value rounded to
 * nearest, ties to even; qecvt's inexact scaling by powers of ten, so that
 * 1e4000L shows its error in the last digits as glibc's does), qfcvt's switch
 * to a larger buffer for LDBL_MAX's 4,933 digits, the _r forms' -1 for a
 * short buffer and EINVAL for a null one. Passes against glibc too:
 *   gcc -D_GNU_SOURCE -DCHECKING_AGAINST_GLIBC -pthread -I tests/integration \
 *       tests/posix/ecvt_long_double_conversions.c */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

struct expected { long double value; int ndigit; const char* digits; int decpt; int sign; };
struct expected_text { long double value; int ndigit; const char* text; };

int main(void) {
    static const struct expected ecvt_cases[] = {
        {3.14159265358979323846L, 5, "31416", 1, 0},
        {1.0L / 3, 30, "333333333333333333348", 0, 0},  /* held to 21 digits; scaled by 10 */
        {9.99L, 2, "100", 2, 0},                        /* rounds up to 10: three digits */
        {0x1p-16445L, 3, "365", -4950, 0},
        {LDBL_MAX, 5, "11897", 4933, 0},
        {-0.0L, 2, "00", 1, 1},
        {1e4000L, 21, "100000000000000000022", 4001, 0},
        {-0.00123456L, 4, "1235", -2, 1},
    };
    for (size_t i = 0; i < sizeof ecvt_cases / sizeof ecvt_cases[0]; ++i) {
        const struct expected* c = &ecvt_cases[i];
        int decpt = 99, sign = 99;
        char* digits = qecvt(c->value, c->ndigit, &decpt, &sign);
        CHECK_EQ(strcmp(digits, c->digits), 0);
        CHECK_EQ(decpt, c->decpt);
        CHECK_EQ(sign, c->sign);
        char buffer[40];
        CHECK_EQ(qecvt_r(c->value, c->ndigit, &decpt, &sign, buffer, sizeof buffer), 0);
        CHECK_EQ(strcmp(buffer, c->digits), 0);
    }

    static const struct expected fcvt_cases[] = {
        {3.14159265358979323846L, 20, "314159265358979323851", 1, 0},
        {-123.456L, 1, "1235", 3, 1},
        {0.001234L, 5, "123", -2, 0},
        {12345.678L, -2, "12300", 5, 0},
        {0x1p-16445L, 21, "", -21, 0},
        {0.5L, 0, "0", 1, 0},  /* a tie: to even */
        {1.5L, 0, "2", 1, 0},
        {1e25L, 2, "1000000000000000000000000000", 26, 0},
    };
    for (size_t i = 0; i < sizeof fcvt_cases / sizeof fcvt_cases[0]; ++i) {
        const struct expected* c = &fcvt_cases[i];
        int decpt = 99, sign = 99;
        char* digits = qfcvt(c->value, c->ndigit, &decpt, &sign);
        CHECK_EQ(strcmp(digits, c->digits), 0);
        CHECK_EQ(decpt, c->decpt);
        CHECK_EQ(sign, c->sign);
    }
    /* LDBL_MAX's integer digits do not fit the 33-byte static buffer. */
    int decpt = 0, sign = 0;
    char* huge = qfcvt(LDBL_MAX, 0, &decpt, &sign);
    CHECK_EQ(strlen(huge), (size_t)4933);
    CHECK_EQ(decpt, 4933);
    CHECK_EQ(strncmp(huge, "11897314953572317650", 20), 0);

    static const struct expected_text gcvt_cases[] = {
        {1e-5L, 3, "1e-05"},
        {123456.0L, 21, "123456"},
        {0.1L, 25, "0.100000000000000000001"},  /* held to 21 digits */
        {-LDBL_MAX, 4, "-1.19e+4932"},
        {100.0L, 2, "1e+02"},
        {0x1p-16445L, 0, "4e-4951"},
        {0.0001L, 2, "0.0001"},
    };
    for (size_t i = 0; i < sizeof gcvt_cases / sizeof gcvt_cases[0]; ++i) {
        char buffer[64];
        CHECK(qgcvt(gcvt_cases[i].value, gcvt_cases[i].ndigit, buffer) == buffer);
        CHECK_EQ(strcmp(buffer, gcvt_cases[i].text), 0);
    }

    char small[4];
    errno = 0;
    CHECK_EQ(qfcvt_r(123.456L, 2, &decpt, &sign, small, sizeof small), -1);
    CHECK_EQ(qecvt_r(123.456L, 5, &decpt, &sign, small, sizeof small), -1);
    CHECK_EQ(errno, 0);
    char* volatile no_buffer = NULL;
    CHECK_EQ(qfcvt_r(1.0L, 2, &decpt, &sign, no_buffer, 10), -1);
    CHECK_EQ(errno, EINVAL);
    char text[8];
    CHECK_EQ(qecvt_r(-INFINITY, 3, &decpt, &sign, text, sizeof text), 0);
    CHECK_EQ(strcmp(text, "-inf"), 0);
    CHECK_EQ(decpt, 0);
    CHECK_EQ(sign, 0);
    return 0;
}
