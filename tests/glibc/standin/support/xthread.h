/* lwp's stand-in for glibc's support/xthread.h: each xpthread_* calls the
 * pthread function and fails the test (exit 1, with the function's name and
 * error) if it returns an error. */
#ifndef LWP_GLIBC_STANDIN_XTHREAD_H
#define LWP_GLIBC_STANDIN_XTHREAD_H

/* As glibc's, not <signal.h>: with _GNU_SOURCE that brings in <unistd.h>
 * (for the sysconf behind SIGSTKSZ), whose sync() clashes with
 * iconv/tst-iconv-mt's barrier named sync. xpthread_sigmask is xsignal.h's. */
#include <pthread.h>
#include <stdbool.h>

void xpthread_check_return(const char* function, int value);

/* Starts a detached thread that ends the process with status 0 after the
 * given number of seconds, for tests whose success is blocking for ever. */
void delayed_exit(int seconds);

pthread_t xpthread_create(pthread_attr_t* attr, void* (*routine)(void*), void* argument);
void* xpthread_join(pthread_t thread);
void xpthread_detach(pthread_t thread);
void xpthread_once(pthread_once_t* once, void (*routine)(void));
void xpthread_kill(pthread_t thread, int signal);
void xpthread_cancel(pthread_t thread);

void xpthread_attr_init(pthread_attr_t* attr);
void xpthread_attr_destroy(pthread_attr_t* attr);
void xpthread_attr_setdetachstate(pthread_attr_t* attr, int state);
void xpthread_attr_setstack(pthread_attr_t* attr, void* address, size_t size);
void xpthread_attr_setstacksize(pthread_attr_t* attr, size_t size);
/* A stack small enough for many threads, large enough for what tests run. */
void support_set_small_thread_stack_size(pthread_attr_t* attr);
/* The size it sets. */
size_t support_small_thread_stack_size(void);
/* An attribute with that stack size, made once. */
const pthread_attr_t* support_small_stack_thread_attribute(void);
void xpthread_attr_setguardsize(pthread_attr_t* attr, size_t size);
void xpthread_attr_setaffinity_np(pthread_attr_t* attr, size_t size, const cpu_set_t* set);

void xpthread_mutexattr_init(pthread_mutexattr_t* attr);
void xpthread_mutexattr_destroy(pthread_mutexattr_t* attr);
void xpthread_mutexattr_settype(pthread_mutexattr_t* attr, int kind);
void xpthread_mutexattr_setpshared(pthread_mutexattr_t* attr, int pshared);
void xpthread_mutexattr_setprotocol(pthread_mutexattr_t* attr, int protocol);
void xpthread_mutexattr_setrobust(pthread_mutexattr_t* attr, int robustness);
void xpthread_mutex_init(pthread_mutex_t* mutex, const pthread_mutexattr_t* attr);
void xpthread_mutex_destroy(pthread_mutex_t* mutex);
void xpthread_mutex_lock(pthread_mutex_t* mutex);
void xpthread_mutex_unlock(pthread_mutex_t* mutex);
void xpthread_mutex_consistent(pthread_mutex_t* mutex);

void xpthread_spin_lock(pthread_spinlock_t* lock);
void xpthread_spin_unlock(pthread_spinlock_t* lock);

void xpthread_cond_wait(pthread_cond_t* cond, pthread_mutex_t* mutex);
void xpthread_cond_signal(pthread_cond_t* cond);

void xpthread_barrierattr_init(pthread_barrierattr_t* attr);
void xpthread_barrierattr_destroy(pthread_barrierattr_t* attr);
void xpthread_barrierattr_setpshared(pthread_barrierattr_t* attr, int pshared);
void xpthread_barrier_init(pthread_barrier_t* barrier, pthread_barrierattr_t* attr, unsigned int count);
void xpthread_barrier_destroy(pthread_barrier_t* barrier);
/* Returns pthread_barrier_wait's result (0 or PTHREAD_BARRIER_SERIAL_THREAD). */
int xpthread_barrier_wait(pthread_barrier_t* barrier);

void xpthread_rwlockattr_init(pthread_rwlockattr_t* attr);
void xpthread_rwlockattr_setkind_np(pthread_rwlockattr_t* attr, int kind);
void xpthread_rwlock_init(pthread_rwlock_t* lock, const pthread_rwlockattr_t* attr);
void xpthread_rwlock_destroy(pthread_rwlock_t* lock);
void xpthread_rwlock_rdlock(pthread_rwlock_t* lock);
void xpthread_rwlock_wrlock(pthread_rwlock_t* lock);
void xpthread_rwlock_unlock(pthread_rwlock_t* lock);

pthread_key_t xpthread_key_create(void (*destructor)(void*));
void xpthread_key_delete(pthread_key_t key);

#endif
