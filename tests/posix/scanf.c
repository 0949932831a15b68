/* The scanf family: every integer conversion with its length modifiers,
 * widths and prefixes; %c %s and scansets; %n %p %% and suppression; how
 * matching and input failures end a scan and what it then returns; the
 * allocating m modifier and wide %lc/%ls; fscanf on a file, leaving the
 * stream right after the last byte it consumed, and two threads sharing
 * one; conversions across a stream's reads (fopencookie), the bytes a
 * failing conversion consumes, %l[ and errno at the end as glibc's have
 * them; scanf on stdin through a pipe; positional arguments (%2$d) and
 * glibc's ' and I flags, narrow and wide. It passes against glibc too. The
 * floating-point conversions are in strtod.c. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"
#include "child_process.h"

static void decimal(void) {
    int a = 0, b = 0;
    CHECK_EQ(sscanf("12 -34", "%d %d", &a, &b), 2);
    CHECK_EQ(a, 12);
    CHECK_EQ(b, -34);
    CHECK_EQ(sscanf("  +7", "%d", &a), 1);
    CHECK_EQ(a, 7);
    unsigned u = 0;
    CHECK_EQ(sscanf("4000000000", "%u", &u), 1);
    CHECK_EQ(u, 4000000000u);
    /* A minus sign negates in the unsigned type, as strtoul does. */
    CHECK_EQ(sscanf("-1", "%u", &u), 1);
    CHECK_EQ(u, 4294967295u);
    /* Adjacent conversions: the first stops at the first non-digit. */
    CHECK_EQ(sscanf("12ab", "%d%2s", &a, (char[3]){0}), 2);
}

static void bases(void) {
    int i = 0;
    unsigned x = 0;
    CHECK_EQ(sscanf("0x1F", "%x", &x), 1);
    CHECK_EQ(x, 0x1f);
    CHECK_EQ(sscanf("ff", "%X", &x), 1);
    CHECK_EQ(x, 0xff);
    CHECK_EQ(sscanf("-0x10", "%x", &x), 1);
    CHECK_EQ(x, (unsigned)-16);
    CHECK_EQ(sscanf("777", "%o", &x), 1);
    CHECK_EQ(x, 0777);
    CHECK_EQ(sscanf("0x1f", "%i", &i), 1);
    CHECK_EQ(i, 31);
    CHECK_EQ(sscanf("017", "%i", &i), 1);
    CHECK_EQ(i, 15);
    CHECK_EQ(sscanf("-017", "%i", &i), 1);
    CHECK_EQ(i, -15);
    CHECK_EQ(sscanf("42", "%i", &i), 1);
    CHECK_EQ(i, 42);
    /* Octal stops at 9: 01, then 9 is left. */
    int n = -1;
    CHECK_EQ(sscanf("019", "%i%n", &i, &n), 1);
    CHECK_EQ(i, 1);
    CHECK_EQ(n, 2);
    /* "0x" with no hex digit after it: the 0 is the number, the x is gone
     * (one byte of lookahead cannot give back two). */
    x = 7;
    CHECK_EQ(sscanf("0xg", "%x%n", &x, &n), 1);
    CHECK_EQ(x, 0);
    CHECK_EQ(n, 2);
    CHECK_EQ(sscanf("0xg", "%i%n", &i, &n), 1);
    CHECK_EQ(i, 0);
    CHECK_EQ(n, 2);
    /* Octal's digits end at 8 for %o. */
    CHECK_EQ(sscanf("78", "%o%n", &x, &n), 1);
    CHECK_EQ(x, 7);
    CHECK_EQ(n, 1);
}

static void lengths(void) {
    signed char hh = 0;
    short h = 0;
    long l = 0;
    long long ll = 0;
    intmax_t j = 0;
    size_t z = 0;
    ptrdiff_t t = 0;
    long long q = 0, big_l = 0;
    unsigned char uhh = 0;
    unsigned short uh = 0;
    unsigned long ul = 0;
    CHECK_EQ(sscanf("-5 -300 -5000000000 -6000000000 7000000000 8000000000 -9000000000",
                    "%hhd %hd %ld %lld %jd %zu %td", &hh, &h, &l, &ll, &j, &z, &t), 7);
    CHECK_EQ(hh, -5);
    CHECK_EQ(h, -300);
    CHECK_EQ(l, -5000000000L);
    CHECK_EQ(ll, -6000000000LL);
    CHECK_EQ(j, 7000000000LL);
    CHECK_EQ(z, 8000000000ULL);
    CHECK_EQ(t, -9000000000LL);
    CHECK_EQ(sscanf("123456789012 -123456789012", "%qd %Ld", &q, &big_l), 2);
    CHECK_EQ(q, 123456789012LL);
    CHECK_EQ(big_l, -123456789012LL);
    /* Narrow types keep the low bits. */
    CHECK_EQ(sscanf("300 70000 ffffffffff", "%hhu %hu %lx", &uhh, &uh, &ul), 3);
    CHECK_EQ(uhh, 300 & 0xff);
    CHECK_EQ(uh, 70000 & 0xffff);
    CHECK_EQ(ul, 0xffffffffffUL);
}

/* glibc converts with strtol/strtoul (saturating in 64 bits) and then
 * truncates to the argument's type. */
static void overflow(void) {
    int i = 0;
    long l = 0;
    unsigned u = 0;
    unsigned long long ull = 0;
    CHECK_EQ(sscanf("99999999999999999999", "%d", &i), 1);
    CHECK_EQ(i, -1); /* LONG_MAX's low 32 bits */
    CHECK_EQ(sscanf("-99999999999999999999", "%d", &i), 1);
    CHECK_EQ(i, 0); /* LONG_MIN's */
    CHECK_EQ(sscanf("4294967296", "%d", &i), 1);
    CHECK_EQ(i, 0);
    CHECK_EQ(sscanf("99999999999999999999", "%ld", &l), 1);
    CHECK_EQ(l, 9223372036854775807L);
    CHECK_EQ(sscanf("-99999999999999999999", "%ld", &l), 1);
    CHECK(l == -9223372036854775807L - 1);
    CHECK_EQ(sscanf("99999999999999999999", "%u", &u), 1);
    CHECK_EQ(u, 4294967295u);
    CHECK_EQ(sscanf("-99999999999999999999", "%llu", &ull), 1);
    CHECK(ull == 18446744073709551615ULL);
    CHECK_EQ(sscanf("18446744073709551615", "%llu", &ull), 1);
    CHECK(ull == 18446744073709551615ULL);
}

static void widths(void) {
    int a = 0, b = 0, n = 0;
    CHECK_EQ(sscanf("12345", "%2d%3d", &a, &b), 2);
    CHECK_EQ(a, 12);
    CHECK_EQ(b, 345);
    /* The sign counts towards the width. */
    CHECK_EQ(sscanf("-123", "%3d%d", &a, &b), 2);
    CHECK_EQ(a, -12);
    CHECK_EQ(b, 3);
    CHECK_EQ(sscanf("+12", "%1d", &a), 0);
    /* So does a 0x prefix. */
    unsigned x = 7;
    CHECK_EQ(sscanf("0x1f", "%2x%n", &x, &n), 1);
    CHECK_EQ(x, 0);
    CHECK_EQ(n, 2);
    CHECK_EQ(sscanf("0x1f", "%3x", &x), 1);
    CHECK_EQ(x, 1);
    char s[8];
    CHECK_EQ(sscanf("abcdefgh", "%3s%n", s, &n), 1);
    CHECK_STREQ(s, "abc");
    CHECK_EQ(n, 3);
    char c[4] = "---";
    CHECK_EQ(sscanf("xyz", "%2c", c), 1);
    CHECK_STREQ(c, "xy-"); /* %c stores no NUL */
    /* A field that ends early is still a match. */
    memcpy(c, "---", 4);
    CHECK_EQ(sscanf("ab", "%3c", c), 1);
    CHECK_STREQ(c, "ab-");
}

static void characters_and_strings(void) {
    char c = 0, d = 0;
    /* %c skips no white space; a space in the format does. */
    CHECK_EQ(sscanf(" x", "%c", &c), 1);
    CHECK_EQ(c, ' ');
    CHECK_EQ(sscanf(" x  y", " %c %c", &c, &d), 2);
    CHECK_EQ(c, 'x');
    CHECK_EQ(d, 'y');
    char word[16], other[16];
    CHECK_EQ(sscanf("  hello\tworld\n", "%s%s", word, other), 2);
    CHECK_STREQ(word, "hello");
    CHECK_STREQ(other, "world");
}

static void scansets(void) {
    char s[32], t[32];
    int n = 0;
    CHECK_EQ(sscanf("abc123def", "%[a-z]%[0-9]", s, t), 2);
    CHECK_STREQ(s, "abc");
    CHECK_STREQ(t, "123");
    CHECK_EQ(sscanf("key = value;rest", "%[^ =] = %[^;]", s, t), 2);
    CHECK_STREQ(s, "key");
    CHECK_STREQ(t, "value");
    /* ']' first is a member; '-' last is a member. */
    CHECK_EQ(sscanf("]a-b", "%[]a-]%n", s, &n), 1);
    CHECK_STREQ(s, "]a-");
    CHECK_EQ(n, 3);
    CHECK_EQ(sscanf("abc]def", "%[^]]", s), 1);
    CHECK_STREQ(s, "abc");
    /* A scanset skips no white space. */
    CHECK_EQ(sscanf("  ab", "%[ a]", s), 1);
    CHECK_STREQ(s, "  a");
    /* Width. */
    CHECK_EQ(sscanf("aaaaa", "%2[a]%s", s, t), 2);
    CHECK_STREQ(s, "aa");
    CHECK_STREQ(t, "aaa");
    /* Nothing matched is a matching failure. */
    strcpy(s, "old");
    CHECK_EQ(sscanf("123", "%[a-z]", s), 0);
    CHECK_STREQ(s, "old");
}

static void count_pointer_percent(void) {
    int a = 0, n1 = -1, n2 = -1;
    CHECK_EQ(sscanf("  42  rest", "%n%d%n", &n1, &a, &n2), 1);
    CHECK_EQ(n1, 0);
    CHECK_EQ(n2, 4);
    /* %n with length modifiers. */
    signed char nhh = 0;
    long long nll = 0;
    CHECK_EQ(sscanf("abcdef", "abc%hhndef%lln", &nhh, &nll), 0);
    CHECK_EQ(nhh, 3);
    CHECK_EQ(nll, 6);
    /* %n at the end of the input is no input failure. */
    n1 = -1;
    CHECK_EQ(sscanf("", "%n", &n1), 0);
    CHECK_EQ(n1, 0);
    void* p = NULL;
    int object;
    char text[32];
    snprintf(text, sizeof text, "%p", (void*)&object);
    CHECK_EQ(sscanf(text, "%p", &p), 1);
    CHECK(p == (void*)&object);
    CHECK_EQ(sscanf("1f", "%p", &p), 1);
    CHECK(p == (void*)0x1f);
    /* A null pointer round-trips through printf's "(nil)". */
    snprintf(text, sizeof text, "%p", NULL);
    CHECK_STREQ(text, "(nil)");
    CHECK_EQ(sscanf(text, "%p%n", &p, &n1), 1);
    CHECK(p == NULL);
    CHECK_EQ(n1, 5);
    CHECK_EQ(sscanf("50% off", "%d%% off", &a), 1);
    CHECK_EQ(a, 50);
    CHECK_EQ(sscanf("50 % off", "%d%% off", &a), 1); /* %% skips white space */
    CHECK_EQ(sscanf("50 x", "%d%%", &a), 1);         /* and fails after 1 item */
}

static void suppression(void) {
    int a = 0, b = 0;
    char s[8];
    CHECK_EQ(sscanf("1 2 3", "%*d %d %d", &a, &b), 2);
    CHECK_EQ(a, 2);
    CHECK_EQ(b, 3);
    CHECK_EQ(sscanf("skip keep", "%*s %s", s), 1);
    CHECK_STREQ(s, "keep");
    CHECK_EQ(sscanf("abc:5", "%*[a-z]:%d", &a), 1);
    CHECK_EQ(a, 5);
    CHECK_EQ(sscanf("xy7", "%*2c%d", &a), 1);
    CHECK_EQ(a, 7);
    CHECK_EQ(sscanf("9", "%*d"), 0);
}

static void failures(void) {
    int a = 11, b = 22;
    /* Matching failures return the items assigned so far. */
    CHECK_EQ(sscanf("x", "%d", &a), 0);
    CHECK_EQ(a, 11);
    CHECK_EQ(sscanf("5 x", "%d %d", &a, &b), 1);
    CHECK_EQ(a, 5);
    CHECK_EQ(b, 22);
    CHECK_EQ(sscanf("-x", "%d", &a), 0);
    CHECK_EQ(sscanf("abd", "abc"), 0);
    CHECK_EQ(sscanf("1,2", "%d;%d", &a, &b), 1);
    /* Input failures before any item: EOF. */
    CHECK_EQ(sscanf("", "%d", &a), EOF);
    CHECK_EQ(sscanf("   ", "%d", &a), EOF);
    CHECK_EQ(sscanf("", "%c", (char[1]){0}), EOF);
    CHECK_EQ(sscanf("   ", "%s", (char[4]){0}), EOF);
    CHECK_EQ(sscanf("", "%[a]", (char[4]){0}), EOF);
    CHECK_EQ(sscanf("ab", "abc"), EOF);
    CHECK_EQ(sscanf("abc", "abc%d", &a), EOF);
    /* glibc: a suppressed conversion assigns nothing, so this is EOF too. */
    CHECK_EQ(sscanf("1", "%*d%d", &a), EOF);
    /* After an item, an input failure returns the count. */
    CHECK_EQ(sscanf("3", "%d %d", &a, &b), 1);
    CHECK_EQ(a, 3);
    /* White space matches none too. */
    CHECK_EQ(sscanf("7", " %d ", &a), 1);
    CHECK_EQ(sscanf("   ", " "), 0);
}

static void allocating_and_wide(void) {
    char* word = NULL;
    char* set = NULL;
    CHECK_EQ(sscanf("a-rather-long-word-of-more-than-thirty-two-bytes 123",
                    "%ms %m[0-9]", &word, &set), 2);
    CHECK_STREQ(word, "a-rather-long-word-of-more-than-thirty-two-bytes");
    CHECK_STREQ(set, "123");
    free(word);
    free(set);
    /* A failed %ms, %mc or %m[ sets its pointer to null, as glibc's, which
       allocates (and stores) the array before it reads (glibc's bug21):
       input failing before the field, nothing matched, no ']'. */
    char sentinel = 0; /* where the pointers point before each call */
    char* failed = &sentinel;
    CHECK_EQ(sscanf(" ", "%ms", &failed), EOF);
    CHECK(failed == NULL);
    failed = &sentinel;
    CHECK_EQ(sscanf("", "%mc", &failed), EOF);
    CHECK(failed == NULL);
    failed = &sentinel;
    CHECK_EQ(sscanf("x", "%m[a]", &failed), 0);
    CHECK(failed == NULL);
    failed = &sentinel;
    const char* volatile unclosed = "%m[a"; /* hidden from -Wformat, deliberately bad */
    CHECK_EQ(sscanf("ab", unclosed, &failed), 0);
    CHECK(failed == NULL);
    /* An earlier item keeps its array; only the failing one is nulled. */
    word = NULL;
    failed = &sentinel;
    CHECK_EQ(sscanf("one", "%ms %ms", &word, &failed), 1);
    CHECK_STREQ(word, "one");
    CHECK(failed == NULL);
    free(word);
    wchar_t wide[8];
    wchar_t wc = 0;
    CHECK_EQ(sscanf("wide x", "%ls %lc", wide, &wc), 2);
    CHECK(wide[0] == L'w' && wide[1] == L'i' && wide[2] == L'd' && wide[3] == L'e' && wide[4] == 0);
    CHECK(wc == L'x');
}

static int through_vsscanf(const char* text, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vsscanf(text, format, arguments);
    va_end(arguments);
    return result;
}

static void variadic_forms(void) {
    int a = 0;
    char s[8];
    CHECK_EQ(through_vsscanf("6 six", "%d %s", &a, s), 2);
    CHECK_EQ(a, 6);
    CHECK_STREQ(s, "six");
}

static int through_vfscanf(FILE* f, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vfscanf(f, format, arguments);
    va_end(arguments);
    return result;
}

static void from_a_file(void) {
    char path[] = "/tmp/lwp-scanf-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    const char content[] = "alpha 1 0x20\nbeta -2 017\nname=value;tail\n99x";
    CHECK_EQ(write(fd, content, sizeof content - 1), (long long)(sizeof content - 1));
    CHECK_EQ(close(fd), 0);
    FILE* f = fopen(path, "r");
    CHECK(f != NULL);
    char word[16];
    int number = 0, other = 0;
    CHECK_EQ(fscanf(f, "%s %d %i", word, &number, &other), 3);
    CHECK_STREQ(word, "alpha");
    CHECK_EQ(number, 1);
    CHECK_EQ(other, 32);
    /* Left right after the last byte consumed: the newline is next. */
    CHECK_EQ(fgetc(f), '\n');
    CHECK_EQ(through_vfscanf(f, "%s %d %i", word, &number, &other), 3);
    CHECK_STREQ(word, "beta");
    CHECK_EQ(number, -2);
    CHECK_EQ(other, 15);
    char key[16], value[16];
    CHECK_EQ(fscanf(f, " %[^=]=%[^;]", key, value), 2);
    CHECK_STREQ(key, "name");
    CHECK_STREQ(value, "value");
    CHECK_EQ(fgetc(f), ';');
    /* A matching failure leaves the byte that failed to be read next. */
    CHECK_EQ(fscanf(f, "%d", &number), 0);
    CHECK_EQ(fgetc(f), 't');
    CHECK_EQ(fscanf(f, "%*s %d", &number), 1);
    CHECK_EQ(number, 99);
    CHECK_EQ(fgetc(f), 'x');
    CHECK_EQ(fscanf(f, "%d", &number), EOF);
    CHECK(feof(f));
    CHECK(!ferror(f));
    CHECK_EQ(fclose(f), 0);
    CHECK_EQ(remove(path), 0);
}

/* fopencookie's stream: `length` bytes of `fill`, then '\n' and "end", at
 * most `piece` bytes a read, so that conversions span many reads. */
struct made_input {
    size_t length;
    size_t position;
    size_t piece;
    char fill;
};

static ssize_t read_made_input(void* cookie, char* into, size_t size) {
    struct made_input* input = cookie;
    static const char tail[] = "\nend";
    size_t total = input->length + sizeof tail - 1;
    size_t count = size < input->piece ? size : input->piece;
    if (count > total - input->position) count = total - input->position;
    for (size_t i = 0; i < count; ++i, ++input->position)
        into[i] = input->position < input->length ? input->fill
                                                  : tail[input->position - input->length];
    return (ssize_t)count;
}

static FILE* open_made_input(struct made_input* input, size_t length, size_t piece, char fill) {
    input->length = length;
    input->position = 0;
    input->piece = piece;
    input->fill = fill;
    cookie_io_functions_t functions = {.read = read_made_input};
    FILE* f = fopencookie(input, "r", functions);
    CHECK(f != NULL);
    return f;
}

/* Conversions that go on across the stream's refills, whatever size its
 * reads are, stop right after their last byte; the bytes of an ungetc come
 * first; and a long skip reaches the end as glibc's does (its
 * tst-scanf-bz27650 skips 2 GiB so). */
static void across_reads(void) {
    struct made_input input;
    int count = -1;
    FILE* f = open_made_input(&input, 3 * BUFSIZ + 7, 1, 'a');
    CHECK_EQ(fscanf(f, "%*[a]%n", &count), 0);
    CHECK_EQ(count, 3 * BUFSIZ + 7);
    CHECK_EQ(fgetc(f), '\n');
    CHECK_EQ(fclose(f), 0);

    f = open_made_input(&input, 20000, 3, 'b');
    char* text = NULL;
    CHECK_EQ(fscanf(f, "%m[b]", &text), 1);
    CHECK_EQ(strlen(text), 20000);
    CHECK_EQ(text[19999], 'b');
    free(text);
    char word[8];
    CHECK_EQ(fscanf(f, "%7s%n", word, &count), 1);
    CHECK_STREQ(word, "end");
    CHECK_EQ(count, 4);  /* the newline skipped, then "end" */
    CHECK_EQ(fscanf(f, "%s", word), EOF);
    CHECK(feof(f));
    CHECK_EQ(fclose(f), 0);

    /* A width ends the field inside a run; an ungetc's byte comes first. */
    f = open_made_input(&input, 2 * BUFSIZ, BUFSIZ, 'c');
    char field[8] = "";
    CHECK_EQ(fscanf(f, "%3[c]", field), 1);
    CHECK_STREQ(field, "ccc");
    CHECK_EQ(ungetc('x', f), 'x');
    CHECK_EQ(fscanf(f, "%5c", field), 1);
    CHECK(memcmp(field, "xcccc", 5) == 0);
    CHECK_EQ(fscanf(f, "%*[c]%c", field), 1);
    CHECK_EQ(field[0], '\n');
    CHECK_EQ(fclose(f), 0);

    /* A field the end of the input ends: 0 and the end flag, then EOF. */
    f = open_made_input(&input, 5 * BUFSIZ, 4096, 'd');
    CHECK_EQ(fscanf(f, "%*[^\n]"), 0);
    CHECK(!feof(f));
    CHECK_EQ(fscanf(f, "%*[^\n]"), 0);  /* the newline matches nothing */
    CHECK_EQ(fgetc(f), '\n');
    CHECK_EQ(fscanf(f, "%*[^\n]"), 0);
    CHECK(feof(f));
    CHECK_EQ(fscanf(f, "%*[^\n]"), EOF);
    CHECK(feof(f));
    CHECK(!ferror(f));
    CHECK_EQ(fclose(f), 0);

    /* A string longer than the pieces sscanf reads it in. */
    static char digits[10001];
    memset(digits, '7', 10000);
    CHECK_EQ(sscanf(digits, "%*[0-9]%n", &count), 0);
    CHECK_EQ(count, 10000);
}

/* The byte that makes a conversion fail is consumed when glibc's has read
 * it before it could tell: a byte that is no character for %ls in the "C"
 * locale, and the letter that breaks "nan" or "inf" for %f. Other failures
 * leave it to be read next. */
static void failing_byte_consumed(void) {
    char text[] = "ab\200cd inx! +nay? 12x";
    FILE* f = fmemopen(text, sizeof text - 1, "r");
    CHECK(f != NULL);
    wchar_t wide[8];
    errno = 0;
    CHECK_EQ(fscanf(f, "%ls", wide), 0);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(fgetc(f), 'c');
    float value;
    CHECK_EQ(fscanf(f, "%*s %f", &value), 0);
    CHECK_EQ(fgetc(f), '!');
    CHECK_EQ(fscanf(f, " %f", &value), 0);
    CHECK_EQ(fgetc(f), '?');
    int number;
    CHECK_EQ(fscanf(f, " %d%d", &number, &number), 1);
    CHECK_EQ(fgetc(f), 'x');
    CHECK_EQ(fclose(f), 0);
    /* %p reads "(nil)" only in a field room for all of it: a narrower one
     * fails at the '(', which stays; a wider one stops at the byte that
     * differs, the ones before it consumed. */
    char pointers[] = "(nil)(nix";
    f = fmemopen(pointers, sizeof pointers - 1, "r");
    CHECK(f != NULL);
    void* pointer = &number;
    CHECK_EQ(fscanf(f, "%4p", &pointer), 0);
    CHECK_EQ(fgetc(f), '(');
    CHECK_EQ(ungetc('(', f), '(');
    CHECK_EQ(fscanf(f, "%5p", &pointer), 1);
    CHECK(pointer == NULL);
    CHECK_EQ(fscanf(f, "%p", &pointer), 0);
    CHECK_EQ(fgetc(f), 'x');
    CHECK_EQ(fclose(f), 0);
    /* A NUL byte is no character for %ls either (glibc's mbrtowc gives 0
     * for it, not 1), and is consumed. */
    char with_nul[] = "a\0b";
    f = fmemopen(with_nul, 3, "r");
    CHECK(f != NULL);
    errno = 0;
    CHECK_EQ(fscanf(f, "%ls", wide), 0);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(fgetc(f), 'b');
    CHECK_EQ(fclose(f), 0);
}

/* glibc's %l[ converts no byte when suppressed, and leaves the element of
 * a byte that is no character unwritten (errno EILSEQ, no failure); %S and
 * %C. GCC warns of %*l[, which glibc reads as %*[. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
static void lenient_wide_scanset(void) {
    wchar_t wide[4] = {L'A', L'A', L'A', L'A'};
    errno = 0;
    CHECK_EQ(sscanf("i\200x", "%l[^0-9]", wide), 1);
    CHECK_EQ(errno, EILSEQ);
    CHECK(wide[0] == L'i' && wide[1] == L'A' && wide[2] == L'x' && wide[3] == 0);
    int count = 0;
    errno = 0;
    CHECK_EQ(sscanf("i\200x1", "%*l[^0-9]%n", &count), 0);
    CHECK_EQ(errno, 0);
    CHECK_EQ(count, 3);
    /* %S and %C are %ls and %lc, as in glibc. */
    wchar_t capital[4] = {0};
    CHECK_EQ(sscanf("ab c", "%S %C", capital, &capital[3]), 2);
    CHECK(wcscmp(capital, L"ab") == 0 && capital[3] == L'c');
}
#pragma GCC diagnostic pop

/* errno as glibc's scanf leaves it at the end of the input: each read past
 * the end gives back the errno of the read that found it, and the white
 * space before a conversion is read with errno 0. */
static void errno_at_the_end(void) {
    int number;
    errno = ENOENT;
    CHECK_EQ(sscanf("", "%d", &number), EOF);
    CHECK_EQ(errno, 0);
    errno = ENOENT;
    CHECK_EQ(sscanf("  ", " %s", (char*)&number), EOF);
    CHECK_EQ(errno, 0);
    errno = ENOENT;  /* the end found by %d's digits, errno ENOENT then */
    CHECK_EQ(sscanf("1", "%d%d", &number, &number), 1);
    CHECK_EQ(errno, ENOENT);
    errno = ENOENT;  /* %c skips no white space */
    CHECK_EQ(sscanf("a", "a%c", (char*)&number), EOF);
    CHECK_EQ(errno, ENOENT);
    errno = ENOENT;  /* nor does the white space at the format's end */
    CHECK_EQ(sscanf("1 ", "%d ", &number), 1);
    CHECK_EQ(errno, ENOENT);
}

/* fscanf holds the stream's lock for the whole call: two threads reading
 * pairs from one stream each get whole pairs, and between them every pair. */
struct pair_reader {
    FILE* f;
    int pairs;
    long long sum;
};

static void* read_pairs(void* argument) {
    struct pair_reader* reader = argument;
    int first, second;
    while (fscanf(reader->f, "%d %d", &first, &second) == 2) {
        CHECK_EQ(first, second);
        reader->pairs++;
        reader->sum += first;
    }
    return NULL;
}

static void threads_share_a_stream(void) {
    char path[] = "/tmp/lwp-scanf-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE* out = fdopen(fd, "w");
    CHECK(out != NULL);
    enum { pairs = 20000 };
    for (int i = 0; i < pairs; ++i) CHECK(fprintf(out, "%d %d\n", i, i) > 0);
    CHECK_EQ(fclose(out), 0);
    FILE* f = fopen(path, "r");
    CHECK(f != NULL);
    struct pair_reader readers[2] = {{f, 0, 0}, {f, 0, 0}};
    pthread_t threads[2];
    for (int i = 0; i < 2; ++i)
        CHECK_EQ(pthread_create(&threads[i], NULL, read_pairs, &readers[i]), 0);
    for (int i = 0; i < 2; ++i) CHECK_EQ(pthread_join(threads[i], NULL), 0);
    CHECK_EQ(readers[0].pairs + readers[1].pairs, pairs);
    CHECK_EQ(readers[0].sum + readers[1].sum, (long long)pairs * (pairs - 1) / 2);
    CHECK_EQ(fclose(f), 0);
    CHECK_EQ(remove(path), 0);
}

static int through_vscanf(const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vscanf(format, arguments);
    va_end(arguments);
    return result;
}

static void from_standard_input(void) {
    int writer;
    pid_t child = fork_reading_a_pipe(&writer);
    if (child == 0) {
        int a = 0, b = 0;
        char word[16];
        CHECK_EQ(scanf("%d,%d", &a, &b), 2);
        CHECK_EQ(a, 10);
        CHECK_EQ(b, 20);
        CHECK_EQ(through_vscanf("%15s", word), 1);
        CHECK_STREQ(word, "piped");
        CHECK_EQ(getchar(), '\n');
        CHECK_EQ(scanf("%d", &a), 1);
        CHECK_EQ(a, -3);
        CHECK_EQ(scanf("%d", &a), EOF);
        CHECK(feof(stdin));
        exit(0);
    }
    const char text[] = "10,20 piped\n  -3\n";
    /* In two pieces, the second in the middle of a number. */
    CHECK_EQ(write(writer, text, 3), 3);
    usleep(10000);
    CHECK_EQ(write(writer, text + 3, sizeof text - 1 - 3), (long long)(sizeof text - 1 - 3));
    CHECK_EQ(close(writer), 0);
    expect_exit_code(child, 0);
}

/* Formats GCC's format checking calls wrong on purpose: mixed positional
 * and in-turn conversions, one argument twice, unknown conversions. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
static void positional(void) {
    int a = -1, b = -1, c = -1;
    /* Each conversion stores through the argument its N$ names. */
    CHECK_EQ(sscanf("10 20", "%2$d %1$d", &a, &b), 2);
    CHECK_EQ(a, 20);
    CHECK_EQ(b, 10);
    /* A conversion without a position takes the next argument in turn,
     * counted apart from the positional ones: the first %d below is a. */
    a = b = c = -1;
    CHECK_EQ(sscanf("5 6 7", "%2$d %d %3$d", &a, &b, &c), 3);
    CHECK_EQ(a, 6);
    CHECK_EQ(b, 5);
    CHECK_EQ(c, 7);
    /* One argument twice: the later conversion's value stays. */
    CHECK_EQ(sscanf("5 6", "%1$d %1$d", &a), 2);
    CHECK_EQ(a, 6);
    /* Flags come after the position: * assigns nothing; ' and I are
     * accepted (no thousands separator, no other digits in this locale). */
    a = b = -1;
    CHECK_EQ(sscanf("10 20", "%2$*d %1$d", &a, &b), 1);
    CHECK_EQ(a, 20);
    CHECK_EQ(b, -1);
    CHECK_EQ(sscanf("1234 56", "%1$'d %2$Id", &a, &b), 2);
    CHECK_EQ(a, 1234);
    CHECK_EQ(b, 56);
    /* Width, m and scansets after a position; %n too. */
    char* word = NULL;
    char letters[8] = {0};
    int count = -1;
    CHECK_EQ(sscanf("12345 hello ab", "%2$3d%3$d %1$ms %4$[a-z]%5$n", &word, &a, &b, letters, &count), 4);
    CHECK_EQ(a, 123);
    CHECK_EQ(b, 45);
    CHECK_STREQ(word, "hello");
    CHECK_STREQ(letters, "ab");
    CHECK_EQ(count, 14);
    free(word);
    /* %0$ is no position: the next argument in turn. */
    a = b = -1;
    CHECK_EQ(sscanf("3 4", "%0$d %d", &a, &b), 2);
    CHECK_EQ(a, 3);
    CHECK_EQ(b, 4);
    /* A flag before the position makes the '$' the conversion: unknown,
     * a matching failure, errno untouched; so is a flag after the width. */
    errno = 0;
    a = -1;
    CHECK_EQ(sscanf("3", "%*1$d", &a), 0);
    CHECK_EQ(sscanf("3", "%1*d", &a), 0);
    CHECK_EQ(sscanf("3", "%y", &a), 0);
    CHECK_EQ(errno, 0);
    CHECK_EQ(a, -1);
    /* The wide functions read positions the same way. */
    a = b = -1;
    CHECK_EQ(swscanf(L"10 20", L"%2$d %1$d", &a, &b), 2);
    CHECK_EQ(a, 20);
    CHECK_EQ(b, 10);
    wchar_t wide_word[8];
    CHECK_EQ(swscanf(L"x 7", L"%2$ls %1$'d", &a, wide_word), 2);
    CHECK_EQ(a, 7);
    CHECK(wcscmp(wide_word, L"x") == 0);
}
#pragma GCC diagnostic pop

int main(void) {
    decimal();
    bases();
    lengths();
    overflow();
    widths();
    characters_and_strings();
    scansets();
    count_pointer_percent();
    suppression();
    failures();
    allocating_and_wide();
    variadic_forms();
    from_a_file();
    across_reads();
    failing_byte_consumed();
    lenient_wide_scanset();
    errno_at_the_end();
    threads_share_a_stream();
    from_standard_input();
    positional();
    return 0;
}
