/* The second names glibc exports for functions and objects a program may call
 * by either (__libc_malloc, _environ, __sbrk, __poll, __asprintf,
 * __rawmemchr, __strtok_r, __gmtime_r), the entry points older headers made
 * strtol and strtod call (__strtol_internal ...), pvalloc, and the functions
 * behind <math.h>'s issignaling, iseqsig and iscanonical macros. Each second
 * name must behave as the first: the same results and errno. */
#include <errno.h>
#include <fenv.h>
#include <malloc.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

/* Exported by glibc, declared by no current header. */
void* __libc_malloc(size_t);
void __libc_free(void*);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
void* __libc_valloc(size_t);
void* __libc_pvalloc(size_t);
extern char** _environ;
void* __sbrk(intptr_t);
int __poll(struct pollfd*, nfds_t, int);
int __asprintf(char**, const char*, ...);
void* __rawmemchr(const void*, int);
char* __strtok_r(char*, const char*, char**);
struct tm* __gmtime_r(const time_t*, struct tm*);
long __strtol_internal(const char*, char**, int, int);
long long __strtoll_internal(const char*, char**, int, int);
unsigned long __strtoul_internal(const char*, char**, int, int);
unsigned long long __strtoull_internal(const char*, char**, int, int);
double __strtod_internal(const char*, char**, int);
float __strtof_internal(const char*, char**, int);
long double __strtold_internal(const char*, char**, int);

static void check_allocation_names(void) {
    char* block = __libc_malloc(100);
    CHECK(block != NULL);
    memset(block, 'x', 100);
    block = __libc_realloc(block, 5000);
    CHECK(block != NULL && block[99] == 'x');
    __libc_free(block);

    int* zeros = __libc_calloc(1000, sizeof(int));
    CHECK(zeros != NULL);
    for (int i = 0; i < 1000; ++i) CHECK_EQ(zeros[i], 0);
    free(zeros); /* either name frees what either allocated */
    errno = 0;
    CHECK(__libc_calloc(SIZE_MAX / 2, 4) == NULL);
    CHECK_EQ(errno, ENOMEM);

    void* aligned = __libc_memalign(256, 10);
    CHECK(aligned != NULL && (uintptr_t)aligned % 256 == 0);
    free(aligned);
    void* page = __libc_valloc(10);
    CHECK(page != NULL && (uintptr_t)page % 4096 == 0);
    free(page);

    /* pvalloc: page-aligned, and the size rounded up to whole pages. */
    size_t sizes[] = {1, 4095, 4096, 4097, 10000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; ++i) {
        char* pages = i % 2 ? pvalloc(sizes[i]) : __libc_pvalloc(sizes[i]);
        CHECK(pages != NULL && (uintptr_t)pages % 4096 == 0);
        size_t whole = (sizes[i] + 4095) / 4096 * 4096;
        CHECK(malloc_usable_size(pages) >= whole);
        memset(pages, 1, whole);
        free(pages);
    }
    errno = 0;
    CHECK(pvalloc(SIZE_MAX - 10) == NULL);
    CHECK_EQ(errno, ENOMEM);
}

static void check_process_names(void) {
    CHECK(_environ == environ);
    CHECK(setenv("LWP_ALTERNATE_NAMES", "yes", 1) == 0);
    CHECK(_environ == environ); /* the same object, after a change too */
    CHECK(__sbrk(0) == sbrk(0));

    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    struct pollfd watched = {.fd = ends[0], .events = POLLIN};
    CHECK_EQ(__poll(&watched, 1, 0), 0);
    CHECK_EQ(write(ends[1], "a", 1), 1);
    CHECK_EQ(__poll(&watched, 1, -1), 1);
    CHECK(watched.revents & POLLIN);
    close(ends[0]);
    close(ends[1]);
    errno = 0;
    watched.fd = ends[0]; /* closed: POLLNVAL, not an error */
    CHECK_EQ(__poll(&watched, 1, 0), 1);
    CHECK(watched.revents & POLLNVAL);
}

static void check_string_names(void) {
    char* text = NULL;
    CHECK_EQ(__asprintf(&text, "%d-%s", 42, "x"), 4);
    CHECK(strcmp(text, "42-x") == 0);
    CHECK(__rawmemchr(text, '-') == text + 2);
    CHECK(__rawmemchr(text, '\0') == text + 4);
    free(text);

    char line[] = "a,b,,c";
    char* saved;
    CHECK(strcmp(__strtok_r(line, ",", &saved), "a") == 0);
    CHECK(strcmp(__strtok_r(NULL, ",", &saved), "b") == 0);
    CHECK(strcmp(__strtok_r(NULL, ",", &saved), "c") == 0);
    CHECK(__strtok_r(NULL, ",", &saved) == NULL);

    time_t moment = 951782400; /* 2000-02-29 00:00:00 UTC */
    struct tm fields;
    CHECK(__gmtime_r(&moment, &fields) == &fields);
    CHECK(fields.tm_year == 100 && fields.tm_mon == 1 && fields.tm_mday == 29);
}

static void check_number_parsers(void) {
    const char* inputs[] = {"  -123xyz", "0x7fffffffffffffff", "99999999999999999999",
                            "-99999999999999999999", "1,234", "  +077", "", "z"};
    for (int group = 0; group <= 1; ++group) {
        for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; ++i) {
            for (int base = 0; base <= 16; base += 8) {
                char *end_new, *end_old;
                errno = 0;
                long expected = strtol(inputs[i], &end_old, base);
                int expected_errno = errno;
                errno = 0;
                CHECK_EQ(__strtol_internal(inputs[i], &end_new, base, group), expected);
                CHECK(errno == expected_errno && end_new == end_old);
                errno = 0;
                unsigned long long expected_u = strtoull(inputs[i], &end_old, base);
                expected_errno = errno;
                errno = 0;
                CHECK(__strtoull_internal(inputs[i], &end_new, base, group) == expected_u);
                CHECK(errno == expected_errno && end_new == end_old);
                CHECK_EQ(__strtoll_internal(inputs[i], NULL, base, group),
                         strtoll(inputs[i], NULL, base));
                CHECK(__strtoul_internal(inputs[i], NULL, base, group) ==
                      strtoul(inputs[i], NULL, base));
            }
        }
        char* end;
        CHECK(__strtod_internal("1e-3rest", &end, group) == 1e-3 && strcmp(end, "rest") == 0);
        errno = 0;
        CHECK(__strtod_internal("1e999", NULL, group) == HUGE_VAL && errno == ERANGE);
        CHECK(__strtof_internal("0.1", NULL, group) == 0.1f);
        CHECK(__strtold_internal("0.1", NULL, group) == 0.1L);
        /* The C locale has no thousands separator: "1,234" stops at the comma. */
        CHECK(__strtod_internal("1,234", &end, group) == 1.0 && *end == ',');
    }
}

static double double_from_bits(uint64_t bits) {
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

static float float_from_bits(uint32_t bits) {
    float value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

/* An x87 extended value from its significand (integer bit included) and its
 * sign-and-exponent word. */
static long double extended_from_bits(uint64_t significand, uint16_t sign_exponent) {
    long double value = 0;
    memcpy(&value, &significand, 8);
    memcpy((char*)&value + 8, &sign_exponent, 2);
    return value;
}

static void check_classification(void) {
    /* Through volatile, so the compiler decides none of it. */
    volatile double quiet = double_from_bits(0x7ff8000000000000u);
    volatile double signalling = double_from_bits(0x7ff0000000000001u);
    volatile double negative_signalling = double_from_bits(0xfff4000000000000u);
    volatile double infinite = double_from_bits(0x7ff0000000000000u);
    CHECK(!issignaling(quiet) && issignaling(signalling) && issignaling(negative_signalling));
    CHECK(!issignaling(infinite) && !issignaling((double)1.5));

    volatile float quiet_f = float_from_bits(0x7fc00000u);
    volatile float signalling_f = float_from_bits(0x7fa00000u);
    CHECK(!issignaling(quiet_f) && issignaling(signalling_f));
    CHECK(!issignaling(float_from_bits(0x7f800000u)));

    volatile long double quiet_l = extended_from_bits(0xc000000000000000u, 0x7fff);
    volatile long double signalling_l = extended_from_bits(0x8000000000000001u, 0x7fff);
    volatile long double infinite_l = extended_from_bits(0x8000000000000000u, 0x7fff);
    volatile long double pseudo_nan = extended_from_bits(0x4000000000000000u, 0x7fff);
    volatile long double unnormal = extended_from_bits(0x4000000000000000u, 0x3fff);
    volatile long double pseudo_denormal = extended_from_bits(0x8000000000000000u, 0);
    volatile long double subnormal = extended_from_bits(0x0000000000000001u, 0);
    CHECK(!issignaling(quiet_l) && issignaling(signalling_l) && !issignaling(infinite_l));
    /* The x87 traps on these: counted as signalling, as on glibc for x86. */
    CHECK(issignaling(pseudo_nan) && issignaling(unnormal));
    CHECK(!issignaling(pseudo_denormal) && !issignaling(subnormal));
    CHECK(!issignaling((long double)2.5));

    CHECK(iscanonical(quiet_l) && iscanonical(infinite_l) && iscanonical(subnormal));
    CHECK(iscanonical((long double)-3.0) && iscanonical((long double)0.0));
    CHECK(!iscanonical(pseudo_nan) && !iscanonical(unnormal) && !iscanonical(pseudo_denormal));
    CHECK(iscanonical(signalling) && iscanonical(quiet_f));

    volatile double one = 1.0, zero = 0.0, minus_zero = -0.0;
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
    CHECK(iseqsig(one, one) && iseqsig(zero, minus_zero) && !iseqsig(one, zero));
    CHECK_EQ(errno, 0);
    CHECK(!fetestexcept(FE_INVALID));
    CHECK(!iseqsig(quiet, one));
    CHECK_EQ(errno, EDOM);
    CHECK(fetestexcept(FE_INVALID));

    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
    CHECK(iseqsig(quiet_f, quiet_f) == 0 && errno == EDOM && fetestexcept(FE_INVALID));
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
    CHECK(iseqsig((long double)0.5, (long double)one / 2) && errno == 0);
    CHECK(iseqsig(quiet_l, (long double)one) == 0 && errno == EDOM && fetestexcept(FE_INVALID));
    feclearexcept(FE_ALL_EXCEPT);
}

int main(void) {
    check_allocation_names();
    check_process_names();
    check_string_names();
    check_number_parsers();
    check_classification();
    puts("alternate_names: ok");
    return 0;
}
