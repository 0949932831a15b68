/* The rest of the freestanding C library subset, through its C ABI: string
 * functions, strtol and friends with their errno behaviour, getenv, qsort,
 * ctype (both the table macros C uses and the functions), rand_r, strerror,
 * sysconf, resource limits, clocks and sleeping, and the unistd wrappers'
 * errno reporting. */
#define _GNU_SOURCE /* gettid */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* Opaque copies defeat GCC's compile-time evaluation of string builtins, so
 * the library's own functions are what runs. */
static const char* volatile opaque;
static const char* hide(const char* text) {
    opaque = text;
    return opaque;
}

static void strings(void) {
    char buffer[32];
    CHECK_EQ(strlen(hide("")), 0);
    CHECK_EQ(strlen(hide("hello")), 5);
    CHECK_EQ(strnlen(hide("hello"), 3), 3);
    CHECK(strcmp(hide("abc"), hide("abd")) < 0);
    CHECK(strcmp(hide("abc"), hide("abc")) == 0);
    CHECK(strcmp(hide("\xff"), hide("a")) > 0); /* compared as unsigned char */
    CHECK(strncmp(hide("abcX"), hide("abcY"), 3) == 0);
    CHECK(strncmp(hide("abcX"), hide("abcY"), 4) < 0);
    CHECK(strcasecmp(hide("LocalHost"), hide("localhost")) == 0);
    CHECK(strcasecmp(hide("abc"), hide("ABD")) < 0);
    CHECK(strcasecmp(hide("b"), hide("A")) > 0);
    CHECK(strcasecmp(hide("ab"), hide("AB[")) < 0);
    CHECK(strncasecmp(hide("HOSTx"), hide("hosty"), 4) == 0);
    CHECK(strncasecmp(hide("HOSTx"), hide("hosty"), 5) < 0);
    CHECK(strcasecmp(hide("@"), hide("`")) < 0); /* not letters: compared as they are */
    CHECK(memcmp(hide("ab\0c"), hide("ab\0d"), 4) < 0);
    CHECK_STREQ(strcpy(buffer, hide("copy")), "copy");
    CHECK_STREQ(strcat(buffer, hide("+more")), "copy+more");
    memset(buffer, 'x', sizeof buffer);
    strncpy(buffer, hide("ab"), 5);
    CHECK(memcmp(buffer, "ab\0\0\0x", 6) == 0); /* padded with NULs up to n */
    const char* text = hide("find the needle in the haystack");
    CHECK(strchr(text, 'n') == text + 2);
    CHECK(strchr(text, '\0') == text + strlen(text));
    CHECK(strrchr(text, 'e') == text + 21);
    CHECK(strchr(text, 'Q') == NULL);
    CHECK(strstr(text, hide("needle")) == text + 9);
    CHECK(strstr(text, hide("")) == text);
    CHECK(strstr(text, hide("needles")) == NULL);
    CHECK(memchr(text, 'h', 10) == text + 6);

    char overlap[16] = "0123456789";
    memmove(overlap + 2, overlap, 8); /* forward overlap: copies backwards */
    CHECK_STREQ(overlap, "0101234567");
    memmove(overlap, overlap + 2, 9);
    CHECK_STREQ(overlap, "01234567");

    char* copy = strdup(hide("duplicate"));
    CHECK(copy != NULL);
    CHECK_STREQ(copy, "duplicate");
    free(copy);
}

static void numbers(void) {
    char* end;
    CHECK_EQ(atoi(hide("  -123xyz")), -123);
    CHECK_EQ(atol(hide("9000000000")), 9000000000L);
    CHECK_EQ(strtol(hide("0x7f"), &end, 0), 127);
    CHECK_EQ(*end, '\0');
    CHECK_EQ(strtol(hide("0755"), NULL, 0), 493);
    CHECK_EQ(strtol(hide("zz"), NULL, 36), 1295);
    const char* no_digits = hide("  +x");
    CHECK_EQ(strtol(no_digits, &end, 10), 0);
    CHECK(end == no_digits);
    errno = 0;
    CHECK_EQ(strtol(hide("9223372036854775808"), NULL, 10), LONG_MAX);
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK_EQ(strtol(hide("-9223372036854775808"), NULL, 10), LONG_MIN);
    CHECK_EQ(errno, 0);
    errno = 0;
    CHECK(strtoul(hide("-1"), NULL, 10) == ULONG_MAX); /* negated in the unsigned type */
    CHECK_EQ(errno, 0);
    errno = 0;
    CHECK(strtoull(hide("18446744073709551616"), NULL, 10) == ULLONG_MAX);
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK_EQ(strtol(hide("10"), NULL, 1), 0);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(abs(-5), 5);
    CHECK_EQ(labs(-5000000000L), 5000000000L);
}

static int compare_ints(const void* a, const void* b) {
    int x = *(const int*)a, y = *(const int*)b;
    return (x > y) - (x < y);
}

static void sorting(void) {
    int values[200];
    unsigned state = 12345;
    for (int i = 0; i < 200; ++i) {
        state = state * 1103515245u + 12345u;
        values[i] = (int)(state >> 16) % 1000 - 500;
    }
    long sum_before = 0, sum_after = 0;
    for (int i = 0; i < 200; ++i) sum_before += values[i];
    qsort(values, 200, sizeof values[0], compare_ints);
    for (int i = 0; i < 200; ++i) sum_after += values[i];
    for (int i = 1; i < 200; ++i) CHECK(values[i - 1] <= values[i]);
    CHECK_EQ(sum_after, sum_before);
    qsort(values, 0, sizeof values[0], compare_ints); /* empty: nothing to do */
}

/* rand_r: the seed is the whole state, so equal seeds give equal sequences;
 * results stay in [0, RAND_MAX] and spread over every remainder. */
static void reentrant_random(void) {
    unsigned int first = 42, second = 42;
    int buckets[10] = {0};
    for (int i = 0; i < 10000; i++) {
        int value = rand_r(&first);
        CHECK(value >= 0 && value <= RAND_MAX);
        CHECK_EQ(rand_r(&second), value);
        buckets[value % 10]++;
    }
    CHECK(first != 42);
    for (int i = 0; i < 10; i++) CHECK(buckets[i] > 800 && buckets[i] < 1200);
}

static void characters(void) {
    /* In C these expand to glibc's table lookups (__ctype_b_loc). */
    volatile int digit = '7', letter = 'q', space = '\t', punct = '!', high = 0xe9;
    CHECK(isdigit(digit) && !isdigit(letter));
    CHECK(isalpha(letter) && islower(letter) && !isupper(letter));
    CHECK(isspace(space) && isblank(space) && !isprint(space) && iscntrl(space));
    CHECK(ispunct(punct) && isgraph(punct) && !isalnum(punct));
    CHECK(isxdigit('F') && !isxdigit('g'));
    CHECK(!isalpha(high) && !isprint(high)); /* the "C" locale knows ASCII only */
    CHECK(!isdigit(EOF));
    CHECK_EQ(toupper(letter), 'Q');
    CHECK_EQ(tolower('Q'), 'q');
    CHECK_EQ(toupper('1'), '1');
}

static void environment_and_errors(void) {
    /* The CTest environment always has PATH; a made-up name is absent. */
    CHECK(getenv("PATH") != NULL);
    CHECK(getenv("LWP_SURELY_UNSET_VARIABLE_42") == NULL);
    CHECK(getenv("PATH=") == NULL);
    CHECK_STREQ(strerror(ENOENT), "No such file or directory");
    CHECK_STREQ(strerror(EAGAIN), "Resource temporarily unavailable");
    CHECK_STREQ(strerror(100000), "Unknown error 100000");
    CHECK_STREQ(strerror(-3), "Unknown error -3");
}

static void system_facts(void) {
    CHECK_EQ(sysconf(_SC_PAGESIZE), 4096);
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    CHECK(online >= 1 && online <= 32768);
    /* Configured: the CPUs that may ever be online, as many or more. */
    CHECK(sysconf(_SC_NPROCESSORS_CONF) >= online);
    /* Options: those lwp has, as POSIX 2008; those it lacks, -1 with errno
     * unchanged (the POSIX way of saying "not supported"). */
    CHECK_EQ(sysconf(_SC_MONOTONIC_CLOCK), 200809);
    CHECK_EQ(sysconf(_SC_THREAD_PROCESS_SHARED), 200809);
    CHECK_EQ(sysconf(_SC_SEM_VALUE_MAX), 2147483647);
    CHECK_EQ(sysconf(_SC_VERSION), 200809);
    CHECK_EQ(sysconf(_SC_THREAD_PRIORITY_SCHEDULING), 200809);
    CHECK_EQ(sysconf(_SC_THREAD_PRIO_INHERIT), 200809);
    CHECK_EQ(sysconf(_SC_THREAD_PRIO_PROTECT), 200809);
    errno = 0;
    CHECK_EQ(sysconf(_SC_THREAD_ROBUST_PRIO_PROTECT), -1);
    CHECK_EQ(errno, 0);
    errno = 0;
    CHECK_EQ(sysconf(_SC_SEM_NSEMS_MAX), -1);
    CHECK_EQ(errno, 0);
    errno = 0;
    CHECK_EQ(sysconf(_SC_THREAD_ROBUST_PRIO_INHERIT), 200809);
    CHECK_EQ(errno, 0);
    errno = 0;
    CHECK_EQ(sysconf(_SC_ARG_MAX + 100000), -1);
    CHECK_EQ(errno, EINVAL);
    /* Resource limits: the soft limit lowered and restored, and what the
     * kernel refuses reported through errno. */
    struct rlimit files, lowered;
    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &files), 0);
    CHECK(files.rlim_cur >= 3 && files.rlim_cur <= files.rlim_max);
    lowered = files;
    lowered.rlim_cur = 3;
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &lowered), 0);
    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &lowered), 0);
    CHECK_EQ(lowered.rlim_cur, 3);
    CHECK_EQ(sysconf(_SC_OPEN_MAX), 3);
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &files), 0);
    errno = 0;
    CHECK_EQ(getrlimit(9999, &lowered), -1);
    CHECK_EQ(errno, EINVAL);
    lowered.rlim_cur = files.rlim_max;
    lowered.rlim_max = files.rlim_max - 1; /* soft above hard */
    errno = 0;
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &lowered), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK(getpid() > 0);
    CHECK(gettid() == getpid()); /* main thread */
    CHECK_EQ(sched_yield(), 0);

    errno = 0;
    char byte;
    CHECK_EQ(read(-1, &byte, 1), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(write(12345, "x", 1), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(isatty(-1), 0);
    CHECK_EQ(errno, EBADF);
}

static long long nanoseconds(const struct timespec* t) {
    return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

static void clocks(void) {
    struct timespec before, after, real;
    CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &before), 0);
    CHECK_EQ(usleep(2000), 0);
    struct timespec pause = {0, 1000000};
    CHECK_EQ(nanosleep(&pause, NULL), 0);
    CHECK_EQ(sleep(0), 0u);
    /* clock_nanosleep returns the error number, relative or to a deadline. */
    CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &pause, NULL), 0);
    struct timespec deadline;
    CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &deadline), 0);
    deadline.tv_nsec += 1000000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000;
    }
    CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL), 0);
    CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &after), 0);
    /* Ordering only, no timing bound: the monotonic clock moved forward by
     * at least the 5 ms slept, and past the deadline slept to. */
    CHECK(nanoseconds(&after) - nanoseconds(&before) >= 5000000);
    CHECK(nanoseconds(&after) >= nanoseconds(&deadline));
    errno = 0;
    CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &before, NULL), 0); /* past */
    CHECK_EQ(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &pause, NULL), EINVAL);
    CHECK_EQ(clock_nanosleep((clockid_t)12345, 0, &pause, NULL), EINVAL);
    struct timespec bad = {0, 2000000000};
    CHECK_EQ(clock_nanosleep(CLOCK_REALTIME, 0, &bad, NULL), EINVAL);
    CHECK_EQ(errno, 0); /* the result is the error; errno is left alone */

    CHECK_EQ(clock_gettime(CLOCK_REALTIME, &real), 0);
    time_t now = time(NULL);
    CHECK(now >= real.tv_sec && now > 1600000000); /* after September 2020 */
    struct timeval tv;
    CHECK_EQ(gettimeofday(&tv, NULL), 0);
    CHECK(tv.tv_sec >= real.tv_sec && tv.tv_usec >= 0 && tv.tv_usec < 1000000);

    errno = 0;
    struct timespec invalid = {0, 2000000000};
    CHECK_EQ(nanosleep(&invalid, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(clock_gettime((clockid_t)12345, &real), -1);
    CHECK_EQ(errno, EINVAL);
}

int main(void) {
    strings();
    numbers();
    sorting();
    reentrant_random();
    characters();
    environment_and_errors();
    system_facts();
    clocks();
    return 0;
}
