/* lwp C API: threads. pthread-shaped, under the lwp_ prefix.
 *
 * Every function that can fail returns 0 or an errno code (as pthread
 * functions do); none of them sets errno. */
#ifndef LWP_THREAD_H
#define LWP_THREAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A thread handle: a slot index plus a generation, so a stale handle (a thread
 * already joined, or a detached thread that has ended) is recognised and gives
 * ESRCH instead of touching freed memory. Handles of threads lwp did not create
 * (the main thread of a glibc process, std::thread) have the top bit set. */
typedef uint64_t lwp_t;

enum {
    LWP_CREATE_JOINABLE = 0,
    LWP_CREATE_DETACHED = 1
};

/* Smallest stack lwp accepts, as glibc's PTHREAD_STACK_MIN. */
#define LWP_STACK_MIN 16384

/* Creation attributes. Initialise with lwp_attr_init before use. */
typedef struct lwp_attr {
    size_t stack_size;   /* usable stack bytes; 0 = the default (RLIMIT_STACK) */
    size_t guard_size;   /* bytes of PROT_NONE guard below the stack */
    void* stack_address; /* lowest byte of a caller-supplied stack, or NULL */
    int detach_state;    /* LWP_CREATE_JOINABLE or LWP_CREATE_DETACHED */
    uint32_t magic;      /* marks an initialised, not destroyed, attr */
} lwp_attr_t;

int lwp_attr_init(lwp_attr_t* attr);
int lwp_attr_destroy(lwp_attr_t* attr);
int lwp_attr_setstacksize(lwp_attr_t* attr, size_t stack_size);
int lwp_attr_getstacksize(const lwp_attr_t* attr, size_t* stack_size);
int lwp_attr_setguardsize(lwp_attr_t* attr, size_t guard_size);
int lwp_attr_getguardsize(const lwp_attr_t* attr, size_t* guard_size);
int lwp_attr_setdetachstate(lwp_attr_t* attr, int detach_state);
int lwp_attr_getdetachstate(const lwp_attr_t* attr, int* detach_state);
/* A caller-supplied stack is never unmapped by lwp. A detached thread on one
 * still runs a few instructions there after joins start to see ESRCH: free it
 * only once the kernel no longer knows the thread (tgkill(pid, tid, 0) fails
 * with ESRCH). */
int lwp_attr_setstack(lwp_attr_t* attr, void* stack_address, size_t stack_size);
int lwp_attr_getstack(const lwp_attr_t* attr, void** stack_address, size_t* stack_size);

/* EAGAIN: no memory for the stack, or clone refused (thread limits).
 * EINVAL: attr not initialised, or a supplied stack too small for lwp's TLS
 * and descriptor. */
int lwp_create(lwp_t* thread, const lwp_attr_t* attr, void* (*start_routine)(void*),
               void* argument);

/* EDEADLK: joining oneself. EINVAL: detached, or another join already claimed
 * it. ESRCH: no such thread (already joined, ended detached, or not created by
 * lwp). */
int lwp_join(lwp_t thread, void** result);
int lwp_detach(lwp_t thread);

/* Ends the calling thread from any call depth; result goes to lwp_join.
 * No C++ unwinding happens: destructors of the abandoned frames do not run. */
__attribute__((noreturn)) void lwp_exit(void* result);

lwp_t lwp_self(void);
int lwp_equal(lwp_t a, lwp_t b);

/* Gives up the processor (sched_yield). Returns 0. */
int lwp_yield(void);

/* Kernel thread id of the calling thread (cached per thread). */
int lwp_gettid(void);

/* The stack cache: mappings of ended threads kept for reuse, up to a byte cap
 * (default 40 MiB). Setting the cap trims the cache to it; 0 disables caching. */
int lwp_stack_cache_set_limit(size_t bytes);
size_t lwp_stack_cache_limit(void);
size_t lwp_stack_cache_size(void);

#ifdef __cplusplus
}
#endif

#endif /* LWP_THREAD_H */
