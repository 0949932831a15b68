/* ecvt fcvt gcvt ecvt_r fcvt_r: glibc's digits, point positions and signs,
 * its quirks included (a value rounding up to the next power of ten gives
 * ecvt one digit more; fcvt drops a small value's leading zeros, lowering
 * *decpt; a negative ndigit rounds left of the point; at most 17 digits),
 * fcvt's switch to a larger buffer once a value does not fit its static
 * one, and the _r forms' -1 for a short buffer and EINVAL for a null one.
 * Passes against glibc too. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

struct expected { double value; int ndigit; const char* digits; int decpt; int sign; };

static void check_ecvt(const struct expected* cases, int count) {
    for (int i = 0; i < count; ++i) {
        int decpt = 99, sign = 99;
        char* digits = ecvt(cases[i].value, cases[i].ndigit, &decpt, &sign);
        CHECK_EQ(strcmp(digits, cases[i].digits), 0);
        CHECK_EQ(decpt, cases[i].decpt);
        CHECK_EQ(sign, cases[i].sign);
        char buffer[40];
        CHECK_EQ(ecvt_r(cases[i].value, cases[i].ndigit, &decpt, &sign, buffer, sizeof buffer), 0);
        CHECK_EQ(strcmp(buffer, cases[i].digits), 0);
    }
}

static void check_fcvt(const struct expected* cases, int count) {
    for (int i = 0; i < count; ++i) {
        int decpt = 99, sign = 99;
        char* digits = fcvt(cases[i].value, cases[i].ndigit, &decpt, &sign);
        CHECK_EQ(strcmp(digits, cases[i].digits), 0);
        CHECK_EQ(decpt, cases[i].decpt);
        CHECK_EQ(sign, cases[i].sign);
    }
}

int main(void) {
    static const struct expected ecvt_cases[] = {
        {3.14159, 3, "314", 1, 0},
        {-0.00123456, 4, "1235", -2, 1},
        {9.99, 2, "100", 2, 0},  /* rounds up to 10: three digits */
        {0.0, 3, "000", 1, 0},
        {-0.0, 2, "00", 1, 1},
        {12345.0, 0, "", 5, 0},
        {12345.0, -3, "", 5, 0},
        {1.0 / 3, 30, "33333333333333330", 0, 0},  /* held to 17 digits; scaled by 10 */
        {0x1p-1074, 3, "494", -323, 0},
        {1e300, 5, "100000", 301, 0},  /* 10^300 built by multiplying exceeds 1e300: scaled to 10.0 */
        {INFINITY, 5, "inf", 0, 0},
        {-INFINITY, 5, "-inf", 0, 0},
    };
    check_ecvt(ecvt_cases, sizeof ecvt_cases / sizeof ecvt_cases[0]);

    static const struct expected fcvt_cases[] = {
        {3.14159, 3, "3142", 1, 0},
        {-123.456, 1, "1235", 3, 1},
        {0.001234, 5, "123", -2, 0},
        {0.001234, 2, "", -2, 0},
        {0.0, 3, "0000", 1, 0},
        {0.5, 0, "0", 1, 0},  /* ties to even */
        {1.5, 0, "2", 1, 0},
        {123456.0, -2, "123500", 6, 0},
        {5.0, -2, "5", 1, 0},
        {1.0 / 3, 40, "33333333333333331", 0, 0},
    };
    check_fcvt(fcvt_cases, sizeof fcvt_cases / sizeof fcvt_cases[0]);

    /* fcvt's static buffer holds 20 bytes; a longer text moves it to a larger
     * one, kept for every call after. */
    int decpt, sign;
    char* small = fcvt(1.0, 2, &decpt, &sign);
    char* large = fcvt(1e300, 2, &decpt, &sign);
    CHECK(large != small);
    CHECK_EQ(decpt, 301);
    CHECK_EQ(strlen(large), 303u);
    CHECK(fcvt(1.0, 2, &decpt, &sign) == large);
    CHECK_EQ(strcmp(large, "100"), 0);
    CHECK(ecvt(1.0, 2, &decpt, &sign) == ecvt(2.0, 2, &decpt, &sign));

    /* The _r forms: -1 when the text does not fit, errno untouched. */
    char buffer[8];
    errno = 0;
    CHECK_EQ(fcvt_r(12345.678, 3, &decpt, &sign, buffer, sizeof buffer), -1);
    CHECK_EQ(errno, 0);
    CHECK_EQ(fcvt_r(12345.678, 1, &decpt, &sign, buffer, sizeof buffer), 0);
    CHECK_EQ(strcmp(buffer, "123457"), 0);
    CHECK_EQ(ecvt_r(2.5, 9, &decpt, &sign, buffer, sizeof buffer), -1);
    char* volatile no_buffer = NULL;
    CHECK_EQ(ecvt_r(2.5, 3, &decpt, &sign, no_buffer, 8), -1);
    CHECK_EQ(errno, EINVAL);

    CHECK_EQ(strcmp(gcvt(1234.5678, 6, buffer), "1234.57"), 0);
    CHECK_EQ(strcmp(gcvt(0.0001, 3, buffer), "0.0001"), 0);
    char wide[40];
    CHECK_EQ(strcmp(gcvt(1.0 / 3, 30, wide), "0.33333333333333331"), 0);
    CHECK_EQ(strcmp(gcvt(1e20, 5, wide), "1e+20"), 0);
    return 0;
}
