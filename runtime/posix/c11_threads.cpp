// C11 <threads.h> over lwp's pthread layer (freestanding builds only: in a
// glibc process these names belong to glibc). Going through pthread_* rather
// than lwp_* keeps what a C11 thread shares with a pthread one: the default
// attributes (pthread_setattr_default_np), cleanup handlers and key
// destructors on thrd_exit, and pthread_once's behaviour when the routine
// ends its thread.
//
// C11 reports failure with its own codes, not errno numbers: each wrapper
// maps the few errors that have a C11 name (thrd_busy, thrd_timedout,
// thrd_nomem) and makes everything else thrd_error.
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>

#include <cerrno>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"

// The C11 objects are the pthread ones under another name: glibc sizes mtx_t
// and cnd_t as pthread_mutex_t and pthread_cond_t, thrd_t is a pthread_t and
// once_flag starts at 0 like PTHREAD_ONCE_INIT.
static_assert(sizeof(mtx_t) == sizeof(pthread_mutex_t) && alignof(mtx_t) == alignof(pthread_mutex_t));
static_assert(sizeof(cnd_t) == sizeof(pthread_cond_t) && alignof(cnd_t) == alignof(pthread_cond_t));
static_assert(sizeof(thrd_t) == sizeof(pthread_t));
static_assert(sizeof(tss_t) == sizeof(pthread_key_t));
static_assert(sizeof(once_flag) == sizeof(pthread_once_t) && PTHREAD_ONCE_INIT == 0);

namespace {
pthread_mutex_t* as_pthread(mtx_t* mutex) { return reinterpret_cast<pthread_mutex_t*>(mutex); }
pthread_cond_t* as_pthread(cnd_t* cond) { return reinterpret_cast<pthread_cond_t*>(cond); }

int success_or_error(int error) { return error == 0 ? thrd_success : thrd_error; }

// A C11 start function returns int, a pthread one void*: the new thread
// starts in this adapter, which widens the int into the pointer that
// pthread_join hands back (thrd_join narrows it again). The function and its
// argument are two words and pthread_create passes one, hence the small
// block, freed by the new thread before the function runs. (Handing the
// function itself to pthread_create would call it through the wrong type,
// and the upper half of the register it returns its int in is undefined.)
struct c11_start {
    thrd_start_t function;
    void* argument;
};

void* run_c11_start(void* block) {
    c11_start start = *static_cast<c11_start*>(block);
    free(block);
    return reinterpret_cast<void*>(static_cast<intptr_t>(start.function(start.argument)));
}
}  // namespace

extern "C" {

int thrd_create(thrd_t* thread, thrd_start_t function, void* argument) {
    auto* block = static_cast<c11_start*>(malloc(sizeof(c11_start)));
    if (block == nullptr) return thrd_nomem;
    *block = c11_start{function, argument};
    int error = pthread_create(thread, nullptr, run_c11_start, block);
    if (error == 0) return thrd_success;
    free(block);
    // C11 names one failure, memory; pthread_create's EAGAIN is that (no
    // mapping for the stack, or no free thread slot).
    return error == EAGAIN || error == ENOMEM ? thrd_nomem : thrd_error;
}

int thrd_join(thrd_t thread, int* result) {
    void* value;
    int error = pthread_join(thread, &value);
    if (error == 0 && result != nullptr) *result = static_cast<int>(reinterpret_cast<intptr_t>(value));
    return success_or_error(error);
}

// Widened as run_c11_start widens a returned int, so thrd_join cannot tell
// the two ways of ending apart.
void thrd_exit(int result) { pthread_exit(reinterpret_cast<void*>(static_cast<intptr_t>(result))); }

int thrd_detach(thrd_t thread) { return success_or_error(pthread_detach(thread)); }
thrd_t thrd_current(void) { return pthread_self(); }
int thrd_equal(thrd_t a, thrd_t b) { return a == b; }
void thrd_yield(void) { sched_yield(); }

// C11's results are not errno's: 0 slept the whole time, -1 a signal handler
// interrupted the sleep (the rest in *remaining), any other negative value an
// error. -2 rather than -errno, which would be -1 for EPERM.
int thrd_sleep(const struct timespec* duration, struct timespec* remaining) {
    // A cancellation point, as nanosleep.
    long result = lwp::runtime::cancellation_point_syscall(nullptr, __NR_nanosleep,
                                                           reinterpret_cast<long>(duration),
                                                           reinterpret_cast<long>(remaining));
    if (result == 0) return 0;
    return result == -EINTR ? -1 : -2;
}

// C11 has two independent choices, timed and recursive (mtx_plain is 0, so
// mtx_plain | mtx_recursive is mtx_recursive); pthread has no timed kind
// (every mutex can time out), so only recursion picks the pthread kind. Any
// other bit is not a C11 type.
int mtx_init(mtx_t* mutex, int type) {
    int kind;
    if (type == mtx_plain || type == mtx_timed)
        kind = PTHREAD_MUTEX_NORMAL;
    else if (type == mtx_recursive || type == (mtx_timed | mtx_recursive))
        kind = PTHREAD_MUTEX_RECURSIVE;
    else
        return thrd_error;
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, kind);
    return success_or_error(pthread_mutex_init(as_pthread(mutex), &attr));
}

int mtx_lock(mtx_t* mutex) { return success_or_error(pthread_mutex_lock(as_pthread(mutex))); }

int mtx_trylock(mtx_t* mutex) {
    int error = pthread_mutex_trylock(as_pthread(mutex));
    return error == EBUSY ? thrd_busy : success_or_error(error);
}

// The deadline is absolute on TIME_UTC, which is CLOCK_REALTIME, the clock
// pthread_mutex_timedlock measures.
int mtx_timedlock(mtx_t* mutex, const struct timespec* deadline) {
    int error = pthread_mutex_timedlock(as_pthread(mutex), deadline);
    return error == ETIMEDOUT ? thrd_timedout : success_or_error(error);
}

int mtx_unlock(mtx_t* mutex) { return success_or_error(pthread_mutex_unlock(as_pthread(mutex))); }
void mtx_destroy(mtx_t* mutex) { pthread_mutex_destroy(as_pthread(mutex)); }

void call_once(once_flag* flag, void (*function)(void)) {
    pthread_once(reinterpret_cast<pthread_once_t*>(flag), function);
}

// A NULL attr: CLOCK_REALTIME, which is TIME_UTC, for cnd_timedwait.
int cnd_init(cnd_t* cond) { return success_or_error(pthread_cond_init(as_pthread(cond), nullptr)); }
int cnd_signal(cnd_t* cond) { return success_or_error(pthread_cond_signal(as_pthread(cond))); }
int cnd_broadcast(cnd_t* cond) { return success_or_error(pthread_cond_broadcast(as_pthread(cond))); }
int cnd_wait(cnd_t* cond, mtx_t* mutex) {
    return success_or_error(pthread_cond_wait(as_pthread(cond), as_pthread(mutex)));
}
int cnd_timedwait(cnd_t* cond, mtx_t* mutex, const struct timespec* deadline) {
    int error = pthread_cond_timedwait(as_pthread(cond), as_pthread(mutex), deadline);
    return error == ETIMEDOUT ? thrd_timedout : success_or_error(error);
}
void cnd_destroy(cnd_t* cond) { pthread_cond_destroy(as_pthread(cond)); }

// Destructors run at thread exit as pthread keys' do, for up to
// PTHREAD_DESTRUCTOR_ITERATIONS passes, the same 4 as TSS_DTOR_ITERATIONS.
int tss_create(tss_t* key, tss_dtor_t destructor) {
    return success_or_error(pthread_key_create(key, destructor));
}
void tss_delete(tss_t key) { pthread_key_delete(key); }
void* tss_get(tss_t key) { return pthread_getspecific(key); }
int tss_set(tss_t key, void* value) { return success_or_error(pthread_setspecific(key, value)); }
}
