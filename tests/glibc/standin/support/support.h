/* lwp's stand-in for glibc's support/support.h: allocation that cannot fail
 * silently, and small helpers. */
#ifndef LWP_GLIBC_STANDIN_SUPPORT_H
#define LWP_GLIBC_STANDIN_SUPPORT_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

void* xmalloc(size_t size);
/* posix_memalign; exits on failure. */
void* xposix_memalign(size_t alignment, size_t size);
void* xcalloc(size_t count, size_t size);
void* xrealloc(void* pointer, size_t size);
char* xstrdup(const char* text);
long xsysconf(int name);
void support_need_proc(const char* reason);
/* Writes the whole message to standard output with write(2). */
void write_message(const char* message);
/* Returns once the process has no thread but the caller left, as the kernel
 * sees it (its /proc/self/task directory lists one entry). */
void support_wait_for_thread_exit(void);
/* Whether a priority-inheritance mutex can wait on CLOCK_MONOTONIC: whether
 * the kernel has FUTEX_LOCK_PI2 (Linux 5.14). */
bool support_mutex_pi_monotonic(void);
/* Zeroed memory shared with the processes forked after the call (an
 * anonymous shared mapping); exits on failure. */
void* support_shared_allocate(size_t size);
void support_shared_free(void* memory);

/* Points standard error at /dev/null, for tests whose expected failures
 * print messages (fortify, backtraces). */
void ignore_stderr(void);
/* Catches SIGABRT, the signal a detected buffer overflow raises, with the
 * given handler (which longjmps back), and silences standard error. */
void set_fortify_handler(void (*handler)(int signal));
/* Ends the test: allocating size bytes in function failed. */
void oom_error(const char* function, size_t size) __attribute__((noreturn));

/* Creates or truncates the file at path (mode 0666 less the umask) and
 * writes contents to it; exits on failure. */
void support_write_file_string(const char* path, const char* contents);
/* Whether the regular file fd (open for writing, empty) lives on a file
 * system that keeps holes: writing a byte far past the end allocates no
 * storage for the gap. The file is empty again on return. */
int support_descriptor_supports_holes(int fd);

/* asprintf, strndup and the locale calls; each exits on failure. */
char* xasprintf(const char* format, ...) __attribute__((format(printf, 1, 2)));
char* xstrndup(const char* text, size_t length);
char* xsetlocale(int category, const char* locale);
locale_t xnewlocale(int category_mask, const char* locale, locale_t base);
locale_t xuselocale(locale_t locale);

/* (__inline__, not inline: some tests, nptl/tst-initializers1-c89, are
 * built as C89, which has no inline keyword.)
 * Whether the file system of path keeps timestamps past 2038: sets its
 * access and modification times to the seconds given, reads them back
 * and puts the old ones back. */
bool support_path_support_time64_value(const char* path, int64_t access_seconds,
                                       int64_t modification_seconds);
static __inline__ bool support_path_support_time64(const char* path) {
    /* One and two seconds after the largest 32-bit time_t. */
    return support_path_support_time64_value(path, 0x80000001LL, 0x80000002LL);
}
/* Whether setitimer and getitimer take 64-bit seconds: on x86_64 their
 * struct timeval is the 64-bit one. */
static __inline__ bool support_itimer_support_time64(void) { return sizeof(time_t) == 8; }
/* Whether path's file system keeps nanoseconds in its timestamps (checked
 * as support_path_support_time64_value is). */
bool support_stat_nanoseconds(const char* path);

/* Opens /dev/null count times with flags and mode on consecutive
 * descriptors (raising RLIMIT_NOFILE if needed) and returns the lowest. */
int support_open_dev_null_range(int count, int flags, mode_t mode);

/* The tops of glibc's source and build trees in its own build; here the
 * extracted test tree and a directory of the build tree holding an empty
 * subdirectory per test directory (io/tst-ftw-lnk works in objdir/io), as
 * the build gives them (SUPPORT_SRCDIR_ROOT, SUPPORT_OBJDIR_ROOT). */
extern const char support_srcdir_root[];
extern const char support_objdir_root[];

/* The length bytes at blob as the text of a C string literal (without its
 * quotes): backslashes and both quote characters escaped, other bytes
 * outside printable ASCII as three-digit octal escapes. From malloc. */
char* support_quote_blob(const void* blob, size_t length);

/* Whether select writes the time it did not sleep back to its timeout, and
 * takes a tv_usec of a million or more as whole seconds: Linux's does both. */
bool support_select_modifies_timeout(void);
bool support_select_normalizes_timeout(void);

/* A POSIX timer of the process that raises SIGALRM seconds and nanoseconds
 * from now (and every such period after, if repeat), with callback (or a
 * handler that does nothing, if null) as SIGALRM's handler; ends the test
 * on failure. */
timer_t support_create_timer(uint64_t seconds, long nanoseconds, bool repeat, void (*callback)(int));
void support_delete_timer(timer_t timer);

/* A stack for xclone or sigaltstack: at least size + MINSIGSTKSZ bytes,
 * whole pages, between two inaccessible guard bands of guardsize bytes
 * (1 MiB at least). stack and size are the usable part. Ends the test on
 * failure. */
struct support_stack {
    void* stack;
    size_t size;
    size_t guardsize;
};
struct support_stack support_stack_alloc(size_t size);
void support_stack_free(struct support_stack* stack);

#ifdef __cplusplus
}
#endif

#endif
