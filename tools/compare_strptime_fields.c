/* Differential check of strptime's completion of the fields (the week
 * day, the day of the year, the date from %j or a week number), lwp
 * against glibc: build this file once with gcc (glibc) and once with
 * lwp-cc, run both with the same count and seed, and compare:
 *   gcc -O1 -w tools/compare_strptime_fields.c -o /tmp/sp-glibc
 *   build/bin/lwp-cc -O1 -w tools/compare_strptime_fields.c -o /tmp/sp-lwp
 *   /tmp/sp-glibc 100000 1 > glibc.txt; /tmp/sp-lwp 100000 1 > lwp.txt; diff glibc.txt lwp.txt
 * Each case takes one of 20 formats, the text strftime writes with it for
 * a random date, and a struct tm prefilled with random values: years,
 * months (in range and out of it), month days and the week day and day of
 * the year, each possibly INT_MIN, the placeholder getdate puts in the
 * fields a template does not read. One line per case: the characters
 * read and the fields after. Known differences: where the year or the
 * month day stays INT_MIN glibc computes the week day with overflowing
 * int arithmetic, and a %U/%W day before January 1st or after December
 * 31st makes glibc read outside its month table. */
#define _GNU_SOURCE /* strptime */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xorshift_random.h"

static int maybe_placeholder(int value) { return below(4) == 0 ? INT_MIN : value; }

int main(int argc, char** argv) {
    long cases = argc > 1 ? atol(argv[1]) : 100000;
    seed_random(argc > 2 ? strtoull(argv[2], NULL, 10) : 1);
    static const char* const formats[] = {
        "%Y", "%y", "%C", "%C %y", "%d", "%m", "%Y %m", "%j", "%Y %j", "%a",
        "%H", "%Y %d", "%y %d", "%e", "%b", "%Y %U %a", "%U %w", "%m %d", "%D", "%F",
    };
    for (long i = 0; i < cases; ++i) {
        const char* format = formats[below(sizeof formats / sizeof *formats)];
        struct tm date;
        memset(&date, 0, sizeof date);
        date.tm_year = (int)below(300) - 100;
        date.tm_mon = (int)below(12);
        date.tm_mday = 1 + (int)below(28);
        date.tm_wday = (int)below(7);
        date.tm_yday = (int)below(365);
        char text[64];
        strftime(text, sizeof text, format, &date);

        struct tm fields;
        memset(&fields, 0, sizeof fields);
        fields.tm_year = maybe_placeholder((int)below(400) - 150);
        fields.tm_mon = maybe_placeholder(below(2) ? (int)below(12) : (int)below(30) - 15);
        fields.tm_mday = maybe_placeholder((int)below(40) - 5);
        fields.tm_wday = maybe_placeholder((int)below(7));
        fields.tm_yday = maybe_placeholder((int)below(366));
        char* end = strptime(text, format, &fields);
        printf("%ld %s|%s -> %ld y%d m%d d%d wd%d yd%d\n", i, format, text,
               end ? (long)(end - text) : -1L, fields.tm_year, fields.tm_mon, fields.tm_mday,
               fields.tm_wday, fields.tm_yday);
    }
    return 0;
}
