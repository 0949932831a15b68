/* Differential check of printf's %b and %B (C23's binary conversions, glibc
 * 2.35's), lwp against glibc: build this file once with gcc (glibc) and
 * once with lwp-cc, run both with the same count and seed, and compare the
 * outputs (cmp, or diff for the lines that differ):
 *   gcc -O1 -w tools/compare_printf_binary.c -o /tmp/pb-glibc
 *   build/bin/lwp-cc -O1 -w tools/compare_printf_binary.c -o /tmp/pb-lwp
 *   /tmp/pb-glibc 1000000 1 > glibc.txt; /tmp/pb-lwp 1000000 1 > lwp.txt
 *   cmp glibc.txt lwp.txt
 * Each case is one format of one to three conversions, each %b or %B (one in
 * four some other integer conversion, d i u o x X, for company) with random
 * flags (- + space # 0 ' in random order, repeated at times), a width and a
 * precision (each absent, small, up to 300, or given as * with a random
 * value, negative ones included), a random length modifier (hh h l ll q j z
 * Z t L or none), and a value of random bits of random length (zero and
 * all-ones often), through snprintf into a buffer of random size (0 to 400
 * bytes) and through swprintf in the same way, the wide format made from
 * the narrow one. One line per call: the case number, the format, the
 * return value and the text written. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "xorshift_random.h"

/* A value with a random number of significant bits; zero and all-ones
 * often. */
static uint64_t random_value(void) {
    switch (below(8)) {
    case 0: return 0;
    case 1: return ~(uint64_t)0;
    case 2: return below(4);
    default: {
        unsigned bits = 1 + below(64);
        uint64_t value = next_random();
        return bits == 64 ? value : value & (((uint64_t)1 << bits) - 1);
    }
    }
}

/* A width or precision: a number written in the format (small or large),
 * or a '*' whose int goes into `stars`. */
static void add_number(char** end, int* stars, int* star_count) {
    switch (below(4)) {
    case 0: *end += sprintf(*end, "%u", below(12)); break;
    case 1: *end += sprintf(*end, "%u", below(300)); break;
    default:
        *(*end)++ = '*';
        stars[(*star_count)++] = (int)below(80) - 20;
        break;
    }
}

struct conversion {
    int stars[2];
    int star_count;
    int length;  // index into `lengths`
    uint64_t value;
};

static const char* const lengths[] = {"", "hh", "h", "l", "ll", "q", "j", "z", "Z", "t", "L"};

int main(int argc, char** argv) {
    long count = argc > 1 ? atol(argv[1]) : 1000;
    if (argc > 2) seed_random(strtoull(argv[2], NULL, 10));
    static char buffer[512];
    static wchar_t wide_buffer[512];
    for (long case_number = 0; case_number < count; ++case_number) {
        char format[256];
        char* end = format;
        struct conversion conversions[3];
        int conversion_count = 1 + (int)below(3);
        for (int c = 0; c < conversion_count; ++c) {
            struct conversion* conversion = &conversions[c];
            conversion->star_count = 0;
            if (below(3) == 0) *end++ = 'a' + (char)below(26);
            *end++ = '%';
            unsigned flag_count = below(5);
            for (unsigned f = 0; f < flag_count; ++f) *end++ = "-+ #0'"[below(6)];
            if (below(3)) add_number(&end, conversion->stars, &conversion->star_count);
            if (below(2)) {
                *end++ = '.';
                if (below(5)) add_number(&end, conversion->stars, &conversion->star_count);
            }
            conversion->length = (int)below(sizeof lengths / sizeof lengths[0]);
            end += sprintf(end, "%s", lengths[conversion->length]);
            *end++ = below(4) ? "bB"[below(2)] : "diuoxX"[below(6)];
            conversion->value = random_value();
        }
        *end = '\0';
        // Every value passed as 64 bits where the length reads 64 bits,
        // else as an int (hh and h included, as the default promotions do).
        long long values[3 * 3];
        int value_count = 0;
        int is_wide[3 * 3];
        for (int c = 0; c < conversion_count; ++c) {
            for (int s = 0; s < conversions[c].star_count; ++s) {
                is_wide[value_count] = 0;
                values[value_count++] = conversions[c].stars[s];
            }
            is_wide[value_count] = conversions[c].length >= 3;
            values[value_count++] = (long long)conversions[c].value;
        }
        // Up to nine arguments, each an int or a long long: spelled out
        // through a switch on the pattern would be long, so each is passed
        // as long long, and an int one has its value sign-extended from 32
        // bits (va_arg(int) reads the low half of the register or slot, on
        // x86-64 as in both libraries).
        for (int i = 0; i < value_count; ++i)
            if (!is_wide[i]) values[i] = (int)values[i];
        size_t size = below(4) == 0 ? below(8) : below(sizeof buffer);
        wchar_t wide_format[256];
        for (size_t i = 0; i <= strlen(format); ++i) wide_format[i] = (unsigned char)format[i];
        memset(buffer, 'Z', sizeof buffer);
        int result = snprintf(buffer, size, format, values[0], values[1], values[2], values[3],
                              values[4], values[5], values[6], values[7], values[8]);
        printf("%ld %s %d [%.*s]\n", case_number, format, result, size ? (int)strlen(buffer) : 0,
               buffer);
        size_t wide_size = below(sizeof wide_buffer / sizeof wide_buffer[0]);
        wmemset(wide_buffer, L'Z', sizeof wide_buffer / sizeof wide_buffer[0]);
        int wide_result = swprintf(wide_buffer, wide_size, wide_format, values[0], values[1],
                                   values[2], values[3], values[4], values[5], values[6],
                                   values[7], values[8]);
        // The characters written: up to the terminator swprintf wrote, or
        // (when the output did not fit, and glibc leaves none) the n - 1
        // characters it may have written.
        size_t shown = 0;
        while (shown + 1 < wide_size && wide_buffer[shown] != L'\0') ++shown;
        printf("%ld w %d [", case_number, wide_result);
        for (size_t i = 0; i < shown; ++i) putchar((int)wide_buffer[i]);
        printf("]\n");
    }
    return 0;
}
