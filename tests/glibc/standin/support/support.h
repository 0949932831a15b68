/* lwp's stand-in for glibc's support/support.h: allocation that cannot fail
 * silently, and small helpers. */
#ifndef LWP_GLIBC_STANDIN_SUPPORT_H
#define LWP_GLIBC_STANDIN_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

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

#ifdef __cplusplus
}
#endif

#endif
