/* strtod, strtof, strtold, atof and scanf's floating conversions, on inputs
 * whose answers are known (the expected values are hexadecimal literals):
 * correct rounding at the halfway points and at the ends of each format's
 * range, ERANGE exactly where glibc sets it, where the end pointer stops,
 * inf and nan, digit strings longer than any double needs, and what %f %lf
 * %Lf %a and their widths consume; the four rounding directions and the
 * exception flags. It passes against glibc too. */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

static int same_double(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }
static int same_float(float a, float b) { return memcmp(&a, &b, sizeof a) == 0; }
static int same_long_double(long double a, long double b) { return memcmp(&a, &b, 10) == 0; }

/* strtod(text) must give `expected`, stop after `length` bytes and leave
 * errno as `error` (0: untouched). */
static void check_double(int line, const char* text, double expected, int length, int error) {
    char* end = NULL;
    errno = 0;
    double value = strtod(text, &end);
    if (!same_double(value, expected) || end != text + length || errno != error) {
        check_failed_at(__FILE__, line, text);
        check_write("\n");
        _exit(1);
    }
}
#define CHECK_DOUBLE(text, expected, length, error) \
    check_double(__LINE__, text, expected, length, error)

static void check_float(int line, const char* text, float expected, int length, int error) {
    char* end = NULL;
    errno = 0;
    float value = strtof(text, &end);
    if (!same_float(value, expected) || end != text + length || errno != error) {
        check_failed_at(__FILE__, line, text);
        check_write("\n");
        _exit(1);
    }
}
#define CHECK_FLOAT(text, expected, length, error) \
    check_float(__LINE__, text, expected, length, error)

static void check_long_double(int line, const char* text, long double expected, int length,
                              int error) {
    char* end = NULL;
    errno = 0;
    long double value = strtold(text, &end);
    if (!same_long_double(value, expected) || end != text + length || errno != error) {
        check_failed_at(__FILE__, line, text);
        check_write("\n");
        _exit(1);
    }
}
#define CHECK_LONG_DOUBLE(text, expected, length, error) \
    check_long_double(__LINE__, text, expected, length, error)

static void grammar(void) {
    CHECK_DOUBLE("1.5", 0x1.8p0, 3, 0);
    CHECK_DOUBLE("  \t-2.5e-3x", -0x1.47ae147ae147bp-9, 10, 0);
    CHECK_DOUBLE("+.5", 0x1p-1, 3, 0);
    CHECK_DOUBLE("7.", 7.0, 2, 0);
    /* An exponent letter without digits is not part of the number. */
    CHECK_DOUBLE("1e", 1.0, 1, 0);
    CHECK_DOUBLE("1e+", 1.0, 1, 0);
    CHECK_DOUBLE("1E-x", 1.0, 1, 0);
    CHECK_DOUBLE("1e+2", 100.0, 4, 0);
    /* No number at all: 0, and the end is the input itself. */
    CHECK_DOUBLE("", 0.0, 0, 0);
    CHECK_DOUBLE("abc", 0.0, 0, 0);
    CHECK_DOUBLE(" -.", 0.0, 0, 0);
    CHECK_DOUBLE("-.e1", 0.0, 0, 0);
    CHECK_DOUBLE("-0", -0.0, 2, 0);
    /* Hexadecimal; "0x" without a digit is the 0 before the x. */
    CHECK_DOUBLE("0x1.8p3", 0x1.8p3, 7, 0);
    CHECK_DOUBLE("-0X1P-2", -0x1p-2, 7, 0);
    CHECK_DOUBLE("0x.8", 0x1p-1, 4, 0);
    CHECK_DOUBLE("0xff", 255.0, 4, 0);
    CHECK_DOUBLE("0x1p", 1.0, 3, 0);
    CHECK_DOUBLE("0x", 0.0, 1, 0);
    CHECK_DOUBLE("-0x.p1", -0.0, 2, 0);
    CHECK_DOUBLE("0xg", 0.0, 1, 0);
    CHECK_DOUBLE("0x1.fffffffffffff8p0", 2.0, 20, 0);
    /* inf, infinity and nan, in any case. */
    CHECK_DOUBLE("inf", HUGE_VAL, 3, 0);
    CHECK_DOUBLE("-INFINITY", -HUGE_VAL, 9, 0);
    CHECK_DOUBLE("Infinit", HUGE_VAL, 3, 0);
    char* end;
    double nan_value = strtod("NaN", &end);
    CHECK(isnan(nan_value) && !signbit(nan_value));
    nan_value = strtod("-nan(0x12)z", &end);
    CHECK(isnan(nan_value) && signbit(nan_value));
    CHECK_EQ(*end, 'z');
    uint64_t bits;
    memcpy(&bits, &nan_value, sizeof bits);
    CHECK_EQ(bits, 0xfff8000000000012ULL);
    nan_value = strtod("nan(a-b)", &end);
    CHECK(isnan(nan_value));
    CHECK_EQ(*end, '(');
    CHECK_EQ(atof(" 12.5e1"), 125);
}

static void rounding(void) {
    CHECK_DOUBLE("0.1", 0x1.999999999999ap-4, 3, 0);
    /* Halfway between two doubles: to even. */
    CHECK_DOUBLE("9007199254740993", 0x1p53, 16, 0);
    CHECK_DOUBLE("9007199254740995", 0x1.0000000000002p53, 16, 0);
    CHECK_DOUBLE("9007199254740993.000000000000000000000000001", 0x1.0000000000001p53, 44, 0);
    CHECK_DOUBLE("9007199254740992.999999999999999999999999999", 0x1p53, 44, 0);
    CHECK_DOUBLE("1.7976931348623157e308", DBL_MAX, 22, 0);
    CHECK_DOUBLE("1.7976931348623158e308", DBL_MAX, 22, 0);
    CHECK_DOUBLE("1.7976931348623159e308", HUGE_VAL, 22, ERANGE);
    CHECK_DOUBLE("-1e309", -HUGE_VAL, 6, ERANGE);
    CHECK_DOUBLE("1e99999999999999999999", HUGE_VAL, 22, ERANGE);
    CHECK_DOUBLE("0e99999999999999999999", 0.0, 22, 0);
    /* The smallest normal, and just below it: subnormal and inexact. */
    CHECK_DOUBLE("2.2250738585072014e-308", DBL_MIN, 23, 0);
    CHECK_DOUBLE("2.2250738585072011e-308", 0x0.fffffffffffffp-1022, 23, ERANGE);
    CHECK_DOUBLE("0x1p-1074", 0x1p-1074, 9, 0);
    CHECK_DOUBLE("4.9406564584124654e-324", 0x1p-1074, 23, ERANGE);
    CHECK_DOUBLE("2.4703282292062327e-324", 0.0, 23, ERANGE);
    CHECK_DOUBLE("2.4703282292062328e-324", 0x1p-1074, 23, ERANGE);
    CHECK_DOUBLE("1e-400", 0.0, 6, ERANGE);
    CHECK_DOUBLE("0x1.8p-1074", 0x1p-1073, 11, ERANGE);

    CHECK_FLOAT("0.1", 0x1.99999ap-4f, 3, 0);
    CHECK_FLOAT("16777217", 0x1p24f, 8, 0);
    CHECK_FLOAT("3.4028234e38", FLT_MAX, 12, 0);
    CHECK_FLOAT("3.4028236e38", HUGE_VALF, 12, ERANGE);
    CHECK_FLOAT("1.17549435e-38", FLT_MIN, 14, 0);
    CHECK_FLOAT("1e-46", 0.0f, 5, ERANGE);
    CHECK_FLOAT("1.5e-45", 0x1p-149f, 7, ERANGE);

    CHECK_LONG_DOUBLE("0.1", 0xc.ccccccccccccccdp-7L, 3, 0);
    CHECK_LONG_DOUBLE("18446744073709551617", 0x1p64L, 20, 0);
    /* 2^64 + 3, halfway between 2^64 + 2 and the even 2^64 + 4. */
    CHECK_LONG_DOUBLE("18446744073709551619", 0x1.0000000000000004p64L, 20, 0);
    CHECK_LONG_DOUBLE("1.18973149535723176502e4932", LDBL_MAX, 27, 0);
    CHECK_LONG_DOUBLE("1e4933", HUGE_VALL, 6, ERANGE);
    CHECK_LONG_DOUBLE("0x1p-16445", 0x1p-16445L, 10, 0);
    CHECK_LONG_DOUBLE("3.3621031431120935063e-4932", LDBL_MIN, 27, 0);
    CHECK_LONG_DOUBLE("1e-4952", 0.0L, 7, ERANGE);
    CHECK_LONG_DOUBLE("1e-400", 0x9.5fe7e07c91efafap-1332L, 6, 0);
}

/* Digits past what any format keeps still decide a tie. */
static void long_inputs(void) {
    static char text[3000];
    /* 1, 800 zeros, e-800 */
    text[0] = '1';
    memset(text + 1, '0', 800);
    strcpy(text + 801, "e-800");
    CHECK_DOUBLE(text, 1.0, 806, 0);
    /* 2^53 + 1 followed by 900 zeros and then a 1: just above the tie. */
    strcpy(text, "9007199254740993.");
    memset(text + 17, '0', 900);
    strcpy(text + 917, "1");
    CHECK_DOUBLE(text, 0x1.0000000000001p53, 918, 0);
    text[917] = '\0';
    CHECK_DOUBLE(text, 0x1p53, 917, 0);

    /* 2^-1075, half the smallest subnormal, exactly: 5^1075 * 10^-1075,
     * with the digits of 5^1075 worked out here. */
    static unsigned char digits[800];  /* least significant first */
    int count = 1;
    digits[0] = 1;
    for (int i = 0; i < 1075; ++i) {
        int carry = 0;
        for (int j = 0; j < count; ++j) {
            int product = digits[j] * 5 + carry;
            digits[j] = (unsigned char)(product % 10);
            carry = product / 10;
        }
        if (carry) digits[count++] = (unsigned char)carry;
    }
    int length = snprintf(text, sizeof text, "0.");
    for (int i = 0; i < 1075 - count; ++i) text[length++] = '0';
    for (int i = count; i-- > 0;) text[length++] = (char)('0' + digits[i]);
    text[length] = '\0';
    /* The tie goes to the even 0; a hair more goes to 2^-1074. */
    CHECK_DOUBLE(text, 0.0, length, ERANGE);
    text[length] = '1';
    text[length + 1] = '\0';
    CHECK_DOUBLE(text, 0x1p-1074, length + 1, ERANGE);
}

static void scanf_conversions(void) {
    float f = 0;
    double d = 0;
    long double ld = 0;
    int n = -1;
    CHECK_EQ(sscanf("1.5 -0x1.8p1 0.1", "%f %lf %Lf", &f, &d, &ld), 3);
    CHECK(same_float(f, 1.5f));
    CHECK(same_double(d, -3.0));
    CHECK(same_long_double(ld, 0xc.ccccccccccccccdp-7L));
    CHECK_EQ(sscanf("2.5e1 3E2 1e-1 0x10", "%e %lG %LE %la", &f, &d, &ld, &d), 4);
    CHECK(same_float(f, 25.0f));
    CHECK(same_long_double(ld, 0xc.ccccccccccccccdp-7L));
    CHECK(same_double(d, 16.0));
    /* A width cuts the number. */
    CHECK_EQ(sscanf("1.2345", "%3lf%n", &d, &n), 1);
    CHECK(same_double(d, 1.2));
    CHECK_EQ(n, 3);
    /* glibc's reading: an exponent letter (and sign) without digits is
     * consumed, though the value is that of the digits before it. */
    CHECK_EQ(sscanf("1e", "%lf%n", &d, &n), 1);
    CHECK(same_double(d, 1.0));
    CHECK_EQ(n, 2);
    CHECK_EQ(sscanf("1e+x", "%lf%n", &d, &n), 1);
    CHECK_EQ(n, 3);
    CHECK_EQ(sscanf("0x.", "%lf%n", &d, &n), 1);
    CHECK(same_double(d, 0.0));
    CHECK_EQ(n, 3);
    CHECK_EQ(sscanf("1.5.5", "%lf%n", &d, &n), 1);
    CHECK_EQ(n, 3);
    /* Nothing a number can start with, or only its start: no assignment. */
    d = 42;
    CHECK_EQ(sscanf("0x", "%lf", &d), 0);
    CHECK_EQ(sscanf("-", "%lf", &d), 0);
    CHECK_EQ(sscanf(".", "%lf", &d), 0);
    CHECK_EQ(sscanf("infin", "%lf", &d), 0);
    CHECK_EQ(sscanf("x", "%lf", &d), 0);
    CHECK(same_double(d, 42));
    CHECK_EQ(sscanf("", "%lf", &d), EOF);
    CHECK_EQ(sscanf("  ", "%f", &f), EOF);
    /* inf, infinity, nan; "nan(...)" stops before the parenthesis. */
    CHECK_EQ(sscanf("infinity", "%lf%n", &d, &n), 1);
    CHECK(same_double(d, HUGE_VAL));
    CHECK_EQ(n, 8);
    CHECK_EQ(sscanf("-INFx", "%lf%n", &d, &n), 1);
    CHECK(same_double(d, -HUGE_VAL));
    CHECK_EQ(n, 4);
    CHECK_EQ(sscanf("nan(1)", "%lf%n", &d, &n), 1);
    CHECK(isnan(d));
    CHECK_EQ(n, 3);
    /* Out of range: the value strtod gives, and its errno. */
    errno = 0;
    CHECK_EQ(sscanf("1e999", "%lf", &d), 1);
    CHECK(same_double(d, HUGE_VAL));
    CHECK_EQ(errno, ERANGE);
    /* Suppression. */
    CHECK_EQ(sscanf("1.5 2.5", "%*f %lf", &d), 1);
    CHECK(same_double(d, 2.5));
    CHECK_EQ(sscanf("0.1", "%5LF", &ld), 1);
    CHECK(same_long_double(ld, 0xc.ccccccccccccccdp-7L));

    /* From a stream: the byte after the number stays in it. */
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK(fputs("3.25e0x 0x1p-2,", file) >= 0);
    rewind(file);
    CHECK_EQ(fscanf(file, "%lf", &d), 1);
    CHECK(same_double(d, 3.25));
    CHECK_EQ(fgetc(file), 'x');
    CHECK_EQ(fscanf(file, "%a", &f), 1);
    CHECK(same_float(f, 0.25f));
    CHECK_EQ(fgetc(file), ',');
    fclose(file);
}

/* Rounded in the current direction, with glibc's flags: inexact alone for
 * an inexact value, overflow or underflow (with inexact and ERANGE) at the
 * ends of the range, none for an exact one; scanf rounds the same way. */
static void rounding_directions(void) {
    static const int directions[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    /* 0.1 and -0.1 as double, float and long double in each direction. */
    static const double tenth[] = {0x1.999999999999ap-4, 0x1.9999999999999p-4, 0x1.999999999999ap-4,
                                   0x1.9999999999999p-4};
    static const double minus_tenth[] = {-0x1.999999999999ap-4, -0x1.999999999999ap-4, -0x1.9999999999999p-4,
                                         -0x1.9999999999999p-4};
    static const float tenth_float[] = {0x1.99999ap-4f, 0x1.999998p-4f, 0x1.99999ap-4f, 0x1.999998p-4f};
    static const long double tenth_long[] = {0xc.ccccccccccccccdp-7L, 0xc.cccccccccccccccp-7L,
                                             0xc.ccccccccccccccdp-7L, 0xc.cccccccccccccccp-7L};
    /* 1e400: infinity or the largest double; 4e-320: a subnormal either side. */
    static const double huge[] = {HUGE_VAL, DBL_MAX, HUGE_VAL, DBL_MAX};
    static const double tiny[] = {0x0.0000000001fap-1022, 0x0.0000000001fap-1022, 0x0.0000000001fa1p-1022,
                                  0x0.0000000001fap-1022};
    for (int i = 0; i < 4; ++i) {
        CHECK_EQ(fesetround(directions[i]), 0);
        feclearexcept(FE_ALL_EXCEPT);
        errno = 0;
        double value = strtod("0.1", NULL);
        int flags = fetestexcept(FE_ALL_EXCEPT);
        CHECK(same_double(value, tenth[i]));
        CHECK_EQ(flags, FE_INEXACT);
        CHECK_EQ(errno, 0);
        CHECK(same_double(strtod("-0.1", NULL), minus_tenth[i]));
        CHECK(same_float(strtof("0.1", NULL), tenth_float[i]));
        CHECK(same_long_double(strtold("0.1", NULL), tenth_long[i]));

        feclearexcept(FE_ALL_EXCEPT);
        value = strtod("1e400", NULL);
        flags = fetestexcept(FE_ALL_EXCEPT);
        CHECK(same_double(value, huge[i]));
        CHECK_EQ(flags, FE_OVERFLOW | FE_INEXACT);
        CHECK_EQ(errno, ERANGE);

        feclearexcept(FE_ALL_EXCEPT);
        errno = 0;
        value = strtod("4e-320", NULL);
        flags = fetestexcept(FE_ALL_EXCEPT);
        CHECK(same_double(value, tiny[i]));
        CHECK_EQ(flags, FE_UNDERFLOW | FE_INEXACT);
        CHECK_EQ(errno, ERANGE);

        feclearexcept(FE_ALL_EXCEPT);
        errno = 0;
        CHECK(same_double(strtod("1.5", NULL), 1.5));
        CHECK(same_double(strtod("0x1p-1074", NULL), 0x1p-1074));
        CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
        CHECK_EQ(errno, 0);

        double scanned = 0;
        feclearexcept(FE_ALL_EXCEPT);
        CHECK_EQ(sscanf("0.1", "%lf", &scanned), 1);
        CHECK(same_double(scanned, tenth[i]));
        CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);
    }
    fesetround(FE_TONEAREST);
}

int main(void) {
    grammar();
    rounding_directions();
    rounding();
    long_inputs();
    scanf_conversions();
    return 0;
}
