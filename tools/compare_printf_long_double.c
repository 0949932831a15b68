/* Differential check of printf's floating-point conversions, long double
 * and double, lwp against glibc: build this file once with gcc (glibc) and
 * once with lwp-cc, run both with the same count and seed, and compare the
 * outputs (cmp, or diff for the lines that differ):
 *   gcc -O1 -w tools/compare_printf_long_double.c -o /tmp/pld-glibc
 *   build/bin/lwp-cc -O1 -w tools/compare_printf_long_double.c -o /tmp/pld-lwp
 *   /tmp/pld-glibc 200000 1 > glibc.txt; /tmp/pld-lwp 200000 1 > lwp.txt
 *   cmp glibc.txt lwp.txt
 * Each case is one value and one format: a long double made of random bits
 * (every class: normals, denormals, pseudo-denormals, unnormals, pseudo-
 * infinities and pseudo-NaNs, infinities, NaNs, zeros; half of them with
 * an exponent near 0, where most output is short) or a double of random
 * bits, printed with a random conversion of f F e E g G a A, random flags
 * (- + space # 0), width and precision (each absent, small, or up to a few
 * thousand, given in the format or as *), in a random rounding direction.
 * A third argument "extreme" draws every exponent from the whole range
 * (no bias to 1.0) and every given precision below 100, where printf
 * computes only the top digits of a value of extreme exponent (see
 * printf_float.cpp) and the rounding digit falls at every place of them:
 *   /tmp/pld-glibc 200000 3 extreme > glibc.txt; ...
 * One line per case: the case number, the value's bytes, the format, the
 * rounding direction, snprintf's result and its text. */
#include <fenv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xorshift_random.h"

static long double long_double_of(uint64_t significand, unsigned sign_exponent) {
    long double value;
    memset(&value, 0, sizeof value);
    memcpy(&value, &significand, 8);
    uint16_t top = (uint16_t)sign_exponent;
    memcpy((char*)&value + 8, &top, 2);
    return value;
}

static int extreme;

static unsigned random_exponent_field(unsigned largest) {
    switch (below(extreme ? 3 : 6)) {
    case 0: return 0;
    case 1: return largest;
    case 2: return below(largest + 1);
    default: return (largest >> 1) - 70 + below(140);  // near 1.0
    }
}

static char text[40000];

int main(int argc, char** argv) {
    long count = argc > 1 ? atol(argv[1]) : 10000;
    if (argc > 2) seed_random(strtoull(argv[2], 0, 0));
    extreme = argc > 3 && !strcmp(argv[3], "extreme");
    static const int directions[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char* direction_names[4] = {"nearest", "upward", "downward", "towardzero"};
    for (long n = 0; n < count; ++n) {
        int is_long = below(3) != 0;
        long double long_value = 0;
        double value = 0;
        unsigned char bytes[10];
        if (is_long) {
            uint64_t significand = next_random();
            switch (below(5)) {  // short significands round and print in interesting ways
            case 0: significand &= ~0ull << below(64); break;
            case 1: significand |= 0x8000000000000000ull; break;
            default: break;
            }
            unsigned sign_exponent = random_exponent_field(0x7fff) | (below(2) << 15);
            long_value = long_double_of(significand, sign_exponent);
            memcpy(bytes, &long_value, 10);
        } else {
            uint64_t bits = next_random();
            if (below(2)) bits &= ~0ull << below(53);
            bits = (bits & 0x800fffffffffffffull) | ((uint64_t)random_exponent_field(0x7ff) << 52);
            memcpy(&value, &bits, 8);
            memcpy(bytes, &bits, 8);
        }
        char format[64];
        char* f = format;
        *f++ = '%';
        static const char flag_set[] = "-+ #0";
        for (int i = 0; i < 5; ++i)
            if (below(4) == 0) *f++ = flag_set[i];
        int star_width = 0, star_precision = 0, width = -1, precision = -1;
        switch (below(5)) {
        case 0: width = below(30); break;
        case 1: width = below(3000); break;
        case 2: star_width = 1; width = (int)below(60) - 30; break;
        default: break;
        }
        if (width >= 0 && !star_width) f += sprintf(f, "%d", width);
        if (star_width) *f++ = '*';
        switch (below(6)) {
        case 0: *f++ = '.'; break;
        case 1: case 2: precision = below(25); break;
        case 3: precision = below(5000); break;
        case 4: star_precision = 1; precision = (int)below(50) - 10; break;
        default: break;
        }
        if (extreme && precision >= 100) precision %= 100;
        if (precision >= 0 && !star_precision) f += sprintf(f, ".%d", precision);
        if (star_precision) f += sprintf(f, ".*");
        if (is_long) *f++ = 'L';
        *f++ = "fFeEgGaA"[below(8)];
        *f = '\0';
        int direction = below(4);
        fesetround(directions[direction]);
        int result;
        if (star_width && star_precision)
            result = is_long ? snprintf(text, sizeof text, format, width, precision, long_value)
                             : snprintf(text, sizeof text, format, width, precision, value);
        else if (star_width)
            result = is_long ? snprintf(text, sizeof text, format, width, long_value)
                             : snprintf(text, sizeof text, format, width, value);
        else if (star_precision)
            result = is_long ? snprintf(text, sizeof text, format, precision, long_value)
                             : snprintf(text, sizeof text, format, precision, value);
        else
            result = is_long ? snprintf(text, sizeof text, format, long_value)
                             : snprintf(text, sizeof text, format, value);
        fesetround(FE_TONEAREST);
        printf("%ld ", n);
        for (int i = is_long ? 9 : 7; i >= 0; --i) printf("%02x", bytes[i]);
        if (star_width) printf(" w=%d", width);
        if (star_precision) printf(" p=%d", precision);
        printf(" %s %s %d %s\n", format, direction_names[direction], result, text);
    }
    return 0;
}
