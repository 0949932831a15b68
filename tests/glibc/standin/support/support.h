/* lwp's stand-in for glibc's support/support.h: allocation that cannot fail
 * silently, and small helpers. */
#ifndef LWP_GLIBC_STANDIN_SUPPORT_H
#define LWP_GLIBC_STANDIN_SUPPORT_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

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

#ifdef __cplusplus
}
#endif

#endif
