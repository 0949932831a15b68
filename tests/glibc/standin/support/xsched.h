/* lwp's stand-in for glibc's support/xsched.h. */
#ifndef LWP_GLIBC_STANDIN_XSCHED_H
#define LWP_GLIBC_STANDIN_XSCHED_H

#include <sched.h>
#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* clone(2) through the C library's clone: the child runs fn(arg) on the
 * stack of stack_size bytes at stack, with the clone flags given; returns
 * its process id, or ends the test if clone fails. */
pid_t xclone(int (*fn)(void* arg), void* arg, void* stack, size_t stack_size, int flags);

#ifdef __cplusplus
}
#endif

#endif
