/* A program built with -O2 -D_FORTIFY_SOURCE=2 (tests/posix/CMakeLists.txt),
 * as distributions build theirs: glibc's headers then route copies, printf
 * and reads into objects of known size through the __*_chk functions, which
 * lwp provides (runtime/libc/fortified_*.cpp).
 *
 * First, calls that fit must behave exactly as the plain functions. Then each
 * kind of overflow, done in a child process, must end that child with
 * SIGABRT and glibc's message on stderr before anything is written past the
 * object. Sizes and lengths come through volatile variables so that the
 * compiler cannot see the overflow (it would refuse to compile the program)
 * nor drop the check.
 *
 * Also built against glibc with the same flags (CHECKING_AGAINST_GLIBC): the
 * messages and outcomes are glibc's. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"
#include "child_process.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations" /* getwd, still called */

#if !defined(_FORTIFY_SOURCE) || _FORTIFY_SOURCE < 2 || !defined(__OPTIMIZE__)
#error "build with -O2 -D_FORTIFY_SOURCE=2: the point is the fortified headers"
#endif

static volatile size_t runtime_length;  /* set before each use */
static volatile int runtime_flags;

static size_t length(size_t value) {
    runtime_length = value;
    return runtime_length;
}

/* A stream holding `text`, written below stdio so that the stream has no
 * orientation yet (glibc's wide reads refuse a byte-oriented stream). */
static FILE* wide_stream_of(const char* text) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK_EQ(write(fileno(file), text, strlen(text)), (ssize_t)strlen(text));
    CHECK_EQ(lseek(fileno(file), 0, SEEK_SET), 0);
    return file;
}

/* A stream holding `text`, read from the start. */
static FILE* stream_of(const char* text) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK(fputs(text, file) >= 0);
    rewind(file);
    return file;
}

static void fitting_calls(void) {
    char small[8];
    const char* source = "abcdefg";

    CHECK(memcpy(small, source, length(8)) == small);
    CHECK_STREQ(small, "abcdefg");
    CHECK(memset(small, 'x', length(7)) == small);
    CHECK_EQ(small[6], 'x');
    memmove(small + 1, small, length(6));
    CHECK(mempcpy(small, "1234567", length(8)) == small + 8);
    CHECK_STREQ(small, "1234567");
    CHECK(strcpy(small, source + length(1)) == small);
    CHECK_STREQ(small, "bcdefg");
    CHECK(stpcpy(small, source + length(2)) == small + 5);
    CHECK(strncpy(small, "ab", length(8)) == small);
    CHECK_EQ(small[7], '\0'); /* padded to the count */
    CHECK(stpncpy(small, "abc", length(5)) == small + 3);
    strcpy(small, "ab");
    CHECK(strcat(small, source + length(2)) == small); /* "ab" + "cdefg": exactly 8 */
    CHECK_STREQ(small, "abcdefg");
    strcpy(small, "ab");
    CHECK(strncat(small, source, length(5)) == small);
    CHECK_STREQ(small, "ababcde");
    explicit_bzero(small, length(8));
    CHECK_EQ(small[3], 0);

    /* sprintf whose output and NUL exactly fill the object; snprintf cut by
       a bound that the object honours. */
    int value = (int)length(1234567);
    CHECK_EQ(sprintf(small, "%d", value), 7);
    CHECK_STREQ(small, "1234567");
    CHECK_EQ(snprintf(small, length(sizeof small), "%d%d", value, value), 14);
    CHECK_STREQ(small, "1234567");

    /* %n in a format that is a literal (read-only) passes the =2 check. */
    int counted = -1;
    CHECK_EQ(snprintf(small, sizeof small, "abc%n", &counted), 3);
    CHECK_EQ(counted, 3);
    char* text = NULL;
    CHECK_EQ(asprintf(&text, "%s-%d", "x", value), 9);
    CHECK_STREQ(text, "x-1234567");
    free(text);

    /* fgets with a count larger than the object: a line that fits is read
       whole (the count is only an upper bound). */
    FILE* file = stream_of("short\nlonger line\n");
    int count = (int)length(100);
    CHECK(fgets(small, count, file) == small);
    CHECK_STREQ(small, "short\n");
    fclose(file);
    /* Seven bytes then end of file: they and the NUL fit exactly. */
    file = stream_of("1234567");
    CHECK(fgets(small, count, file) == small);
    CHECK_STREQ(small, "1234567");
    CHECK(fgets(small, count, file) == NULL);
    fclose(file);

    file = stream_of("0123456789");
    CHECK_EQ(fread(small, 1, length(8), file), 8);
    CHECK_EQ(memcmp(small, "01234567", 8), 0);
    fclose(file);

    int pipe_ends[2];
    CHECK_EQ(pipe(pipe_ends), 0);
    CHECK_EQ(write(pipe_ends[1], "pipe", 4), 4);
    CHECK_EQ(read(pipe_ends[0], small, length(8)), 4);
    CHECK_EQ(memcmp(small, "pipe", 4), 0);
    close(pipe_ends[0]);
    close(pipe_ends[1]);

    char directory[PATH_MAX];
    CHECK(getcwd(directory, length(sizeof directory)) == directory);
    char resolved[PATH_MAX];
    CHECK(realpath(".", resolved) == resolved);
    CHECK_STREQ(resolved, directory);
    char by_getwd[PATH_MAX];
    CHECK(getwd(by_getwd) == by_getwd);
    CHECK_STREQ(by_getwd, directory);

    /* fgetws with a count larger than the array: a line that fits is read. */
    wchar_t wide_line[8];
    CHECK(fgetws(wide_line, (int)length(100), wide_stream_of("abc\n")) == wide_line);
    CHECK(wcscmp(wide_line, L"abc\n") == 0);
    CHECK(fgetws_unlocked(wide_line, (int)length(100), wide_stream_of("xyz\n")) == wide_line);

    /* getlogin_r within its array: the plain function's answer, whatever this
     * machine's login (a name, or ENXIO/ENOENT without one). */
    char login[64], plain_login[64];
    char* volatile plain_buffer = plain_login; /* a size the compiler cannot see */
    int plain_answer = getlogin_r(plain_buffer, 64);
    int answer = getlogin_r(login, length(sizeof login));
    CHECK_EQ(answer, plain_answer);
    if (answer == 0) CHECK_STREQ(login, plain_login);
    CHECK(wcscmp(wide_line, L"xyz\n") == 0);

    fd_set set;
    FD_ZERO(&set);
    int descriptor = (int)length(FD_SETSIZE - 1);
    FD_SET(descriptor, &set);
    CHECK(FD_ISSET(descriptor, &set));

    struct pollfd polled[2] = {{.fd = -1}, {.fd = -1}};
    CHECK_EQ(poll(polled, length(2), 0), 0);

    /* Wide characters: object sizes in wchar_t units. */
    wchar_t wide[8];
    CHECK(wmemcpy(wide, L"abcdefgh", length(8)) == wide);
    CHECK(wcscpy(wide, L"xyz" + length(0)) == wide);
    CHECK_EQ(wcscmp(wide, L"xyz"), 0);
    CHECK(wcsncat(wide, L"!?" + length(0), 1) == wide);
    CHECK_EQ(wcscmp(wide, L"xyz!"), 0);
    CHECK_EQ(mbstowcs(wide, "ab", length(8)), 2);
    CHECK_EQ(wcscmp(wide, L"ab"), 0);
    char narrow[4];
    CHECK_EQ(wcstombs(narrow, L"abc", length(4)), 3);
    CHECK_STREQ(narrow, "abc");

    /* open without O_CREAT needs no mode. */
    runtime_flags = O_RDONLY;
    int opened = open("/dev/null", runtime_flags);
    CHECK(opened >= 0);
    close(opened);
}

/* Each overflow below runs in a child whose stderr is a pipe: it must die
   of SIGABRT having printed exactly `message`. */
static void expect_abort(void (*overflow)(void), const char* message) {
    int pipe_ends[2];
    CHECK_EQ(pipe(pipe_ends), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        alarm(10); /* an unchecked overflow may loop instead: end as a failure */
        dup2(pipe_ends[1], 2);
        close(pipe_ends[0]);
        overflow();
        _exit(0); /* not reached when the check works */
    }
    close(pipe_ends[1]);
    char said[200];
    read_to_end(pipe_ends[0], said, sizeof said);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK_STREQ(said, message);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), SIGABRT);
}

static const char overflow_message[] = "*** buffer overflow detected ***: terminated\n";

/* The target objects are locals handed to this afterwards, so that the
   compiler must make the copies into them rather than drop them. */
static __attribute__((noinline)) void keep(void* object) {
    __asm__ volatile("" : : "r"(object) : "memory");
}
static void overflow_memcpy(void) {
    char small[8];
    memcpy(small, "0123456789", length(9));
    keep(small);
}
static void overflow_memset(void) {
    char small[8];
    memset(small, 0, length(9));
    keep(small);
}
static void overflow_strcpy(void) {
    char small[8];
    strcpy(small, "01234567" + length(0));
    keep(small);
}
static void overflow_strcat(void) {
    char small[8] = "abcd";
    strcat(small, "efgh" + length(0));
    keep(small);
}
static void overflow_strncat(void) {
    char small[8] = "abcd";
    strncat(small, "efghij", length(4));
    keep(small);
}
static void overflow_strncpy(void) {
    char small[8];
    strncpy(small, "ab", length(9)); /* the padding alone would overflow */
    keep(small);
}
static void overflow_sprintf(void) {
    char small[8];
    sprintf(small, "%d", (int)length(12345678));
    keep(small);
}
static void overflow_snprintf(void) {
    char small[8];
    snprintf(small, length(9), "%s", "a");
    keep(small);
}
static void overflow_fgets(void) {
    char small[8];
    (void)!fgets(small, (int)length(100), stream_of("12345678\n"));
    keep(small);
}
static void overflow_fread(void) {
    char small[8];
    (void)!fread(small, 3, length(3), stream_of("0123456789"));
    keep(small);
}
static void overflow_wmemcpy(void) {
    wchar_t wide[4];
    wmemcpy(wide, L"abcde", length(5));
    keep(wide);
}
static void overflow_wcscpy(void) {
    wchar_t wide[4];
    wcscpy(wide, L"abcd" + length(0));
    keep(wide);
}
static void overflow_mbstowcs(void) {
    wchar_t wide[4];
    mbstowcs(wide, "ab", length(5)); /* the limit, not the result, must fit */
    keep(wide);
}
static void overflow_read(void) {
    char small[8];
    (void)!read(0, small, length(9));
    keep(small);
}
static void overflow_getwd(void) {
    char small[8];
    CHECK_EQ(chdir("/proc/self/fdinfo"), 0); /* "/proc/<pid>/fdinfo": longer than 7 */
    (void)!getwd(small);
    keep(small);
}
static void overflow_fgetws(void) {
    wchar_t small[4];
    (void)!fgetws(small, (int)length(100), wide_stream_of("abcdef\n"));
    keep(small);
}
static void overflow_fgetws_unlocked(void) {
    wchar_t small[4];
    (void)!fgetws_unlocked(small, (int)length(100), wide_stream_of("abcdef\n"));
    keep(small);
}
static void overflow_getlogin_r(void) {
    char small[4];
    (void)!getlogin_r(small, length(100));
    keep(small);
}
static void overflow_getcwd(void) {
    char small[8];
    (void)!getcwd(small, length(9));
    keep(small);
}
/* The compiler sees this one and warns, as it should. */
#pragma GCC diagnostic ignored "-Wattribute-warning"
static void overflow_realpath(void) {
    char small[PATH_MAX - 1];
    (void)!realpath("." + length(0), small);
    keep(small);
}
static void overflow_poll(void) {
    struct pollfd polled[2] = {{.fd = -1}, {.fd = -1}};
    poll(polled, length(3), 0);
}
static void overflow_fd_set(void) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET((int)length(FD_SETSIZE), &set);
    keep(&set);
}
static void open_create_without_mode(void) {
    runtime_flags = O_WRONLY | O_CREAT;
    open("/nonexistent-directory/file", runtime_flags);
}
/* A format that is not in the program's read-only image. */
static void count_from_writable_format(void) {
    char format[] = "%n";
    int counted;
    printf(format, &counted);
}

/* setjmp in a frame that then returns, under a kilobyte of locals: a
   jump back to it from its caller would go down into stack that is no
   longer any frame's. */
static jmp_buf dead_frame_buffer;
static __attribute__((noinline)) int fill_dead_frame(void) {
    volatile char padding[1024];
    padding[0] = 0;
    return setjmp(dead_frame_buffer) + padding[0];
}
static void longjmp_into_dead_frame(void) {
    if (fill_dead_frame() != 0) _exit(3); /* the jump was made */
    longjmp(dead_frame_buffer, 1);
}

static jmp_buf lawful_buffer;
static __attribute__((noinline)) void jump_back_up(void) { longjmp(lawful_buffer, 7); }

int main(void) {
    fitting_calls();

    /* A lawful longjmp (upwards) still works fortified. */
    int returned = setjmp(lawful_buffer);
    if (returned == 0) jump_back_up();
    CHECK_EQ(returned, 7);

    expect_abort(overflow_memcpy, overflow_message);
    expect_abort(overflow_memset, overflow_message);
    expect_abort(overflow_strcpy, overflow_message);
    expect_abort(overflow_strcat, overflow_message);
    expect_abort(overflow_strncat, overflow_message);
    expect_abort(overflow_strncpy, overflow_message);
    expect_abort(overflow_sprintf, overflow_message);
    expect_abort(overflow_snprintf, overflow_message);
    expect_abort(overflow_fgets, overflow_message);
    expect_abort(overflow_fread, overflow_message);
    expect_abort(overflow_read, overflow_message);
    expect_abort(overflow_wmemcpy, overflow_message);
    expect_abort(overflow_wcscpy, overflow_message);
    expect_abort(overflow_mbstowcs, overflow_message);
    expect_abort(overflow_getcwd, overflow_message);
    expect_abort(overflow_getwd, overflow_message);
    expect_abort(overflow_fgetws, overflow_message);
    expect_abort(overflow_fgetws_unlocked, overflow_message);
    expect_abort(overflow_getlogin_r, overflow_message);
    expect_abort(overflow_realpath, overflow_message);
    expect_abort(overflow_poll, overflow_message);
    expect_abort(overflow_fd_set, "*** bit out of range 0 - FD_SETSIZE on fd_set ***: terminated\n");
    expect_abort(open_create_without_mode,
                 "*** invalid open call: O_CREAT or O_TMPFILE without mode ***: terminated\n");
    expect_abort(count_from_writable_format,
                 "*** %n in writable segment detected ***\n");
    expect_abort(longjmp_into_dead_frame,
                 "*** longjmp causes uninitialized stack frame ***: terminated\n");
    return 0;
}
