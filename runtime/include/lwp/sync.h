/* lwp C API: synchronization objects and thread-specific data.
 * pthread-shaped, under the lwp_ prefix.
 *
 * Every function that can fail returns 0 or an errno code (as pthread
 * functions do); none of them sets errno.
 *
 * Objects work between the threads of one process (lwp threads and threads
 * lwp did not create, such as main and std::thread) on private futexes. One
 * initialised with LWP_PROCESS_SHARED in its attributes (a semaphore: with
 * pshared non-zero) sleeps on shared futexes instead, and works between
 * processes too, placed in memory they share (a MAP_SHARED mapping, before or
 * after a fork, or shared memory mapped by each): a condition variable's
 * broadcast then wakes every waiter rather than requeueing them onto the
 * mutex, which may be at another address in another process. Spinlocks never
 * sleep in the kernel, so every spinlock works across processes.
 *
 * Every object type is plain data with a static initializer, and an all-zero
 * object is a valid default-initialised one (a normal mutex, a CLOCK_REALTIME
 * condition variable, ...), except that an all-zero read-write lock prefers
 * readers, as glibc's does (see lwp_rwlock_t). Sizes are no larger than glibc's matching pthread
 * types, so a pthread layer can place these inside them.
 *
 * Timed waits take an absolute deadline. The lwp_*_timed* forms measure it on
 * CLOCK_REALTIME (condition variables: on the clock chosen in their
 * attributes); the lwp_*_clock* forms take the clock explicitly, and accept
 * CLOCK_REALTIME and CLOCK_MONOTONIC only (anything else: EINVAL). A deadline
 * with tv_nsec outside [0, 1e9) gives EINVAL, checked only when the call would
 * have to wait (as POSIX allows); a deadline already past gives ETIMEDOUT
 * without sleeping. */
#ifndef LWP_SYNC_H
#define LWP_SYNC_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
#define LWP_STATIC_ASSERT(condition, message) static_assert(condition, message)
extern "C" {
#else
#define LWP_STATIC_ASSERT(condition, message) _Static_assert(condition, message)
#endif

/* Clock ids, as int like the kernel's clockid_t (the POSIX type needs feature
 * macros a strict C build may not set). lwp waits on these two only. */
typedef int lwp_clockid_t;
#define LWP_CLOCK_REALTIME 0  /* CLOCK_REALTIME */
#define LWP_CLOCK_MONOTONIC 1 /* CLOCK_MONOTONIC */

/* Process-shared attribute values (glibc's PTHREAD_PROCESS_*). */
enum {
    LWP_PROCESS_PRIVATE = 0,
    LWP_PROCESS_SHARED = 1
};

/* ---------------------------------------------------------------- mutex */

/* Mutex kinds, with glibc's values for PTHREAD_MUTEX_*. */
enum {
    LWP_MUTEX_NORMAL = 0,     /* relock deadlocks; unlock of a free mutex: EPERM */
    LWP_MUTEX_RECURSIVE = 1,  /* the owner may relock; unlocks must match */
    LWP_MUTEX_ERRORCHECK = 2, /* relock: EDEADLK; unlock by a non-owner: EPERM */
    LWP_MUTEX_DEFAULT = LWP_MUTEX_NORMAL
};

typedef struct lwp_mutex {
    int state;          /* futex word: 0 free, 1 locked, 2 locked and maybe sleepers */
    unsigned int count; /* recursion depth (recursive kind) */
    int owner;          /* kernel tid of the holder (recursive and errorcheck kinds;
                           every kind of a robust or priority-inheritance mutex) */
    unsigned int consistency; /* robust mutexes: 0 consistent, 1 its owner died
                                 (EOWNERDEAD), 2 not recoverable */
    int kind;           /* LWP_MUTEX_*, at byte 16 like glibc's __kind; the type is
                           the low two bits, 3 (glibc's ADAPTIVE) acting as NORMAL,
                           plus the LWP_MUTEX_*_FLAG bits */
    int reserved1;
    void* robust_link[2]; /* robust mutexes: previous and next in the holder's
                             list, which the kernel walks when the holder dies */
} lwp_mutex_t;
LWP_STATIC_ASSERT(sizeof(lwp_mutex_t) == 40, "lwp_mutex_t must fit glibc's pthread_mutex_t");
LWP_STATIC_ASSERT(offsetof(lwp_mutex_t, kind) == 16, "mutex kind must sit where glibc keeps it");

/* In a mutex's kind: it was initialised process-shared (glibc's bit for it). */
#define LWP_MUTEX_SHARED_FLAG 128
/* In a mutex's kind: priority inheritance (glibc's bit for it). The owner
   field is then the futex word: the holder's tid, | 0x80000000 while others
   sleep, as the kernel's FUTEX_LOCK_PI expects; state holds 3 for good, so
   the 0/1/2 protocol's compare-exchange never takes such a mutex. */
#define LWP_MUTEX_PRIO_INHERIT_FLAG 32
/* In a mutex's kind: robust (glibc's bit for it). The owner field is the
   futex word here too (the kernel's robust-futex protocol: the holder's tid,
   | 0x80000000 while others sleep, | 0x40000000 once the kernel or lwp has
   found its holder dead), and state holds 3 for good. */
#define LWP_MUTEX_ROBUST_FLAG 16
/* In a mutex's kind: priority protection, a ceiling (glibc's bit for it). The
   ceiling sits in state's bits 19 and up, the 0/1/2 lock in the bits below
   (glibc's layout), so state is never 0 and the plain protocol's
   compare-exchange never takes such a mutex either. */
#define LWP_MUTEX_PRIO_PROTECT_FLAG 64

#define LWP_MUTEX_INITIALIZER { 0, 0, 0, 0, LWP_MUTEX_NORMAL, 0, { 0, 0 } }
#define LWP_RECURSIVE_MUTEX_INITIALIZER { 0, 0, 0, 0, LWP_MUTEX_RECURSIVE, 0, { 0, 0 } }
#define LWP_ERRORCHECK_MUTEX_INITIALIZER { 0, 0, 0, 0, LWP_MUTEX_ERRORCHECK, 0, { 0, 0 } }

/* A mutex's robustness: what a lock finds when the holder ended holding it. */
enum {
    LWP_MUTEX_STALLED = 0, /* nothing: the mutex stays held for ever */
    LWP_MUTEX_ROBUST = 1   /* the next lock gets it with EOWNERDEAD */
};

/* A mutex's protocol: what a holder's priority does while others wait. */
enum {
    LWP_PRIO_NONE = 0,    /* nothing */
    LWP_PRIO_INHERIT = 1, /* the holder runs at the highest waiter's priority */
    LWP_PRIO_PROTECT = 2  /* a priority ceiling: the holder runs at least at the
                             mutex's ceiling, a SCHED_FIFO priority (docs/sync.md) */
};

typedef struct lwp_mutexattr {
    unsigned char kind;     /* LWP_MUTEX_NORMAL, _RECURSIVE or _ERRORCHECK */
    unsigned char protocol; /* LWP_PRIO_NONE, _INHERIT or _PROTECT */
    unsigned char ceiling;  /* LWP_PRIO_PROTECT's ceiling; 0: the lowest SCHED_FIFO
                               priority */
    unsigned char shared : 1;     /* LWP_PROCESS_PRIVATE or LWP_PROCESS_SHARED */
    unsigned char robustness : 1; /* LWP_MUTEX_STALLED or LWP_MUTEX_ROBUST */
} lwp_mutexattr_t;

int lwp_mutexattr_init(lwp_mutexattr_t* attr);
int lwp_mutexattr_destroy(lwp_mutexattr_t* attr);
int lwp_mutexattr_settype(lwp_mutexattr_t* attr, int kind);       /* EINVAL: unknown kind */
int lwp_mutexattr_gettype(const lwp_mutexattr_t* attr, int* kind);
int lwp_mutexattr_setpshared(lwp_mutexattr_t* attr, int pshared); /* EINVAL: other values */
int lwp_mutexattr_getpshared(const lwp_mutexattr_t* attr, int* pshared);
/* EINVAL: other values than LWP_PRIO_NONE, _INHERIT and _PROTECT. */
int lwp_mutexattr_setprotocol(lwp_mutexattr_t* attr, int protocol);
int lwp_mutexattr_getprotocol(const lwp_mutexattr_t* attr, int* protocol);
/* The ceiling an LWP_PRIO_PROTECT mutex starts with. EINVAL: outside the
   SCHED_FIFO priorities (sched_get_priority_min/max). */
int lwp_mutexattr_setprioceiling(lwp_mutexattr_t* attr, int ceiling);
int lwp_mutexattr_getprioceiling(const lwp_mutexattr_t* attr, int* ceiling);
/* EINVAL: other values than LWP_MUTEX_STALLED and LWP_MUTEX_ROBUST. */
int lwp_mutexattr_setrobust(lwp_mutexattr_t* attr, int robustness);
int lwp_mutexattr_getrobust(const lwp_mutexattr_t* attr, int* robustness);

/* attr may be NULL. ENOTSUP: robust and LWP_PRIO_PROTECT together. */
int lwp_mutex_init(lwp_mutex_t* mutex, const lwp_mutexattr_t* attr);
int lwp_mutex_destroy(lwp_mutex_t* mutex); /* EBUSY: locked */
/* EDEADLK: errorcheck relock. EAGAIN: recursion count would overflow.
   Robust mutexes: EOWNERDEAD, the caller now holds a mutex whose previous
   holder ended holding it (make it consistent, or unlock it to make it
   unusable); ENOTRECOVERABLE, it was unlocked that way; ENOTSUP, the calling
   thread's robust list belongs to someone else (a glibc thread in a hosted
   program) or the kernel has none (docs/sync.md). Every lock function, and
   a condition-variable wait's relock, can give these.
   LWP_PRIO_PROTECT mutexes: EINVAL, the caller's own priority is above the
   ceiling; EPERM (or another error of sched_setscheduler), the caller may not
   be raised to it. The mutex is not taken then, except by a condition-variable
   wait's relock, which takes it all the same and reports the error. */
int lwp_mutex_lock(lwp_mutex_t* mutex);
/* EBUSY: held (by anyone, the caller included, except a recursive owner). */
int lwp_mutex_trylock(lwp_mutex_t* mutex);
int lwp_mutex_timedlock(lwp_mutex_t* mutex, const struct timespec* abstime);
int lwp_mutex_clocklock(lwp_mutex_t* mutex, lwp_clockid_t clock, const struct timespec* abstime);
/* EPERM: not held by the caller (recursive/errorcheck, and every kind of a
   robust, priority-inheritance or priority-ceiling mutex), or not locked at
   all. */
int lwp_mutex_unlock(lwp_mutex_t* mutex);
/* An LWP_PRIO_PROTECT mutex's ceiling. Setting it locks the mutex (without
   the ceiling protocol) unless the caller holds it, changes it, and unlocks;
   the old one goes to *old_ceiling if not NULL. EINVAL: not a ceiling mutex,
   or a ceiling outside the SCHED_FIFO priorities. */
int lwp_mutex_getprioceiling(const lwp_mutex_t* mutex, int* ceiling);
int lwp_mutex_setprioceiling(lwp_mutex_t* mutex, int ceiling, int* old_ceiling);
/* After EOWNERDEAD: the holder declares the protected state repaired.
   EINVAL: not robust, not held by the caller, or not inconsistent. */
int lwp_mutex_consistent(lwp_mutex_t* mutex);

/* ----------------------------------------------------- condition variable */

typedef struct lwp_cond {
    unsigned int sequence; /* futex word: bit 0 "someone may sleep", bits 1.. count wake-ups */
    int clock;             /* clock of lwp_cond_timedwait: LWP_CLOCK_REALTIME or _MONOTONIC */
    lwp_mutex_t* mutex;    /* the mutex of the current waiters: broadcast requeues onto it */
    unsigned int watchers; /* waiters still reading `sequence` in user space: destroy waits for 0 */
    unsigned int shared;   /* LWP_PROCESS_SHARED: shared futexes, no requeue */
    void* reserved[3];
} lwp_cond_t;
LWP_STATIC_ASSERT(sizeof(lwp_cond_t) <= 48, "lwp_cond_t must fit glibc's pthread_cond_t");

#define LWP_COND_INITIALIZER { 0, LWP_CLOCK_REALTIME, 0, 0, 0, { 0, 0, 0 } }

typedef struct lwp_condattr {
    unsigned short clock;  /* LWP_CLOCK_REALTIME or LWP_CLOCK_MONOTONIC */
    unsigned short shared; /* LWP_PROCESS_PRIVATE or LWP_PROCESS_SHARED */
} lwp_condattr_t;

int lwp_condattr_init(lwp_condattr_t* attr);
int lwp_condattr_destroy(lwp_condattr_t* attr);
int lwp_condattr_setclock(lwp_condattr_t* attr, lwp_clockid_t clock); /* REALTIME or MONOTONIC */
int lwp_condattr_getclock(const lwp_condattr_t* attr, lwp_clockid_t* clock);
int lwp_condattr_setpshared(lwp_condattr_t* attr, int pshared); /* EINVAL: other values */
int lwp_condattr_getpshared(const lwp_condattr_t* attr, int* pshared);

int lwp_cond_init(lwp_cond_t* cond, const lwp_condattr_t* attr);
/* Once no thread is blocked on it, the object may be destroyed and then freed.
 * A waiter that was woken while it still watched the object in user space
 * (condition_variable.cpp, "Hand-off spin") stops within its spin bound;
 * destroy waits for that, so the memory is free to reuse when it returns. */
int lwp_cond_destroy(lwp_cond_t* cond);
/* The caller must hold mutex. EPERM: a recursive/errorcheck mutex it does not
 * own. A recursive mutex is released fully and relocked to the same depth.
 * Spurious wake-ups are possible, as with pthread: recheck the predicate.
 * A signal handler that runs during the wait is not one: the wait goes on
 * unless a signal or broadcast came meanwhile. */
int lwp_cond_wait(lwp_cond_t* cond, lwp_mutex_t* mutex);
int lwp_cond_timedwait(lwp_cond_t* cond, lwp_mutex_t* mutex, const struct timespec* abstime);
int lwp_cond_clockwait(lwp_cond_t* cond, lwp_mutex_t* mutex, lwp_clockid_t clock,
                       const struct timespec* abstime);
int lwp_cond_signal(lwp_cond_t* cond);
int lwp_cond_broadcast(lwp_cond_t* cond);

/* -------------------------------------------------------- read-write lock */

/* Two kinds, chosen with lwp_rwlockattr_setkind:
 *
 * LWP_RWLOCK_PREFER_WRITER (the default of lwp_rwlock_init, lwp_rwlockattr_init
 * and LWP_RWLOCK_INITIALIZER): once a writer waits, new readers wait too, so
 * a stream of overlapping readers cannot starve writers. Consequence: a thread
 * that takes a read lock it already holds may deadlock if a writer is waiting
 * in between (as glibc's PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP).
 *
 * LWP_RWLOCK_PREFER_READER: a reader gets in whenever no writer holds the
 * lock, waiting writers or not. Recursive read locks never deadlock, and a
 * reader never waits for another reader's progress, but a steady stream of
 * readers can keep writers out for ever. This is glibc's default kind.
 *
 * The values are glibc's PTHREAD_RWLOCK_PREFER_READER_NP and
 * PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP, and `kind` sits where glibc
 * keeps its kind (__flags, byte 48), so glibc's static initializers mean the
 * same here. One consequence: an all-zero lwp_rwlock_t is a valid, unlocked,
 * reader-preferring lock (glibc's PTHREAD_RWLOCK_INITIALIZER), not lwp's
 * default kind; use LWP_RWLOCK_INITIALIZER or lwp_rwlock_init for that. */
enum {
    LWP_RWLOCK_PREFER_READER = 0,
    LWP_RWLOCK_PREFER_WRITER = 2,
    LWP_RWLOCK_DEFAULT = LWP_RWLOCK_PREFER_WRITER
};

typedef struct lwp_rwlock {
    unsigned int state;       /* reader count or write-locked, plus "waiting" bits */
    unsigned int writer_wake; /* futex word writers sleep on; one 8-byte word with state */
    int writer;               /* kernel tid of the write holder */
    unsigned int queued_writers; /* writers between deciding to sleep and leaving */
    void* reserved[4];
    unsigned int kind;        /* LWP_RWLOCK_PREFER_*, at byte 48 like glibc's __flags;
                                 any value but PREFER_WRITER prefers readers */
    unsigned int shared;      /* LWP_PROCESS_SHARED: shared futexes */
} lwp_rwlock_t;
LWP_STATIC_ASSERT(sizeof(lwp_rwlock_t) <= 56, "lwp_rwlock_t must fit glibc's pthread_rwlock_t");
LWP_STATIC_ASSERT(offsetof(lwp_rwlock_t, kind) == 48, "rwlock kind must sit where glibc keeps it");

#define LWP_RWLOCK_INITIALIZER { 0, 0, 0, 0, { 0, 0, 0, 0 }, LWP_RWLOCK_PREFER_WRITER, 0 }
#define LWP_RWLOCK_PREFER_READER_INITIALIZER \
    { 0, 0, 0, 0, { 0, 0, 0, 0 }, LWP_RWLOCK_PREFER_READER, 0 }

typedef struct lwp_rwlockattr {
    int kind;   /* LWP_RWLOCK_PREFER_READER or LWP_RWLOCK_PREFER_WRITER */
    int shared; /* LWP_PROCESS_PRIVATE or LWP_PROCESS_SHARED */
} lwp_rwlockattr_t;

int lwp_rwlockattr_init(lwp_rwlockattr_t* attr);
int lwp_rwlockattr_destroy(lwp_rwlockattr_t* attr);
int lwp_rwlockattr_setpshared(lwp_rwlockattr_t* attr, int pshared); /* EINVAL: other values */
int lwp_rwlockattr_getpshared(const lwp_rwlockattr_t* attr, int* pshared);
int lwp_rwlockattr_setkind(lwp_rwlockattr_t* attr, int kind); /* EINVAL: unknown kind */
int lwp_rwlockattr_getkind(const lwp_rwlockattr_t* attr, int* kind);

int lwp_rwlock_init(lwp_rwlock_t* rwlock, const lwp_rwlockattr_t* attr); /* NULL: PREFER_WRITER */
int lwp_rwlock_destroy(lwp_rwlock_t* rwlock); /* EBUSY: held */
/* EDEADLK: the caller holds it for writing. EAGAIN: too many readers. */
int lwp_rwlock_rdlock(lwp_rwlock_t* rwlock);
/* EBUSY: write-held, or (PREFER_WRITER) a writer waits */
int lwp_rwlock_tryrdlock(lwp_rwlock_t* rwlock);
int lwp_rwlock_timedrdlock(lwp_rwlock_t* rwlock, const struct timespec* abstime);
int lwp_rwlock_clockrdlock(lwp_rwlock_t* rwlock, lwp_clockid_t clock, const struct timespec* abstime);
/* EDEADLK: the caller holds it for writing (a read hold by the caller is not
 * detectable and deadlocks). */
int lwp_rwlock_wrlock(lwp_rwlock_t* rwlock);
int lwp_rwlock_trywrlock(lwp_rwlock_t* rwlock); /* EBUSY: held */
int lwp_rwlock_timedwrlock(lwp_rwlock_t* rwlock, const struct timespec* abstime);
int lwp_rwlock_clockwrlock(lwp_rwlock_t* rwlock, lwp_clockid_t clock, const struct timespec* abstime);
/* EPERM: not locked, or write-held by another thread. Readers are not tracked
 * one by one, so a read unlock by a thread holding no read lock goes unseen. */
int lwp_rwlock_unlock(lwp_rwlock_t* rwlock);

/* ---------------------------------------------------------------- barrier */

/* Returned by lwp_barrier_wait to exactly one caller per round. */
#define LWP_BARRIER_SERIAL_THREAD (-1)

typedef struct lwp_barrier {
    unsigned int count;      /* threads per round */
    unsigned int arrived;    /* arrivals in the current round */
    unsigned int generation; /* futex word: bumped when a round completes */
    unsigned int leaving;    /* released callers yet to return (lwp_barrier_destroy waits) */
    int arrival_lock;        /* futex word: 0 free, 1 held, 2 held and maybe sleepers */
    unsigned int shared;     /* LWP_PROCESS_SHARED: shared futexes */
    unsigned int reserved[2];
} lwp_barrier_t;
LWP_STATIC_ASSERT(sizeof(lwp_barrier_t) <= 32, "lwp_barrier_t must fit glibc's pthread_barrier_t");

typedef struct lwp_barrierattr {
    int shared; /* LWP_PROCESS_PRIVATE or LWP_PROCESS_SHARED */
} lwp_barrierattr_t;

int lwp_barrierattr_init(lwp_barrierattr_t* attr);
int lwp_barrierattr_destroy(lwp_barrierattr_t* attr);
int lwp_barrierattr_setpshared(lwp_barrierattr_t* attr, int pshared); /* EINVAL: other values */
int lwp_barrierattr_getpshared(const lwp_barrierattr_t* attr, int* pshared);

int lwp_barrier_init(lwp_barrier_t* barrier, const lwp_barrierattr_t* attr,
                     unsigned int count); /* EINVAL: count 0 */
/* EBUSY: threads are waiting in an unfinished round. Otherwise waits until the
 * threads released by the last round have left lwp_barrier_wait, so the memory
 * may be freed right after. */
int lwp_barrier_destroy(lwp_barrier_t* barrier);
/* LWP_BARRIER_SERIAL_THREAD for one caller per round, 0 for the others. */
int lwp_barrier_wait(lwp_barrier_t* barrier);

/* -------------------------------------------------------------- semaphore */

#define LWP_SEM_VALUE_MAX 2147483647

typedef struct lwp_sem {
    uint64_t word; /* low half: the value (futex word); high half: sleeping waiters */
    uint32_t shared; /* non-zero (128, as glibc's sem_t has it): process-shared */
    uint32_t reserved_half;
    uint64_t reserved[2];
} lwp_sem_t;
LWP_STATIC_ASSERT(sizeof(lwp_sem_t) <= 32, "lwp_sem_t must fit glibc's sem_t");

/* EINVAL: value > LWP_SEM_VALUE_MAX. pshared non-zero: process-shared. */
int lwp_sem_init(lwp_sem_t* sem, int pshared, unsigned int value);
int lwp_sem_destroy(lwp_sem_t* sem);
/* The waits return EINTR when a signal handler interrupted them, as sem_wait. */
int lwp_sem_wait(lwp_sem_t* sem);
int lwp_sem_trywait(lwp_sem_t* sem); /* EAGAIN: value 0 */
int lwp_sem_timedwait(lwp_sem_t* sem, const struct timespec* abstime);
int lwp_sem_clockwait(lwp_sem_t* sem, lwp_clockid_t clock, const struct timespec* abstime);
/* EOVERFLOW: value already LWP_SEM_VALUE_MAX. Touches the semaphore only in
 * one atomic step, so a waiter may destroy it as soon as it has its unit. */
int lwp_sem_post(lwp_sem_t* sem);
int lwp_sem_getvalue(lwp_sem_t* sem, int* value);

/* --------------------------------------------------------------- spinlock */

typedef struct lwp_spinlock {
    int locked;
} lwp_spinlock_t;

/* pshared may be LWP_PROCESS_SHARED here: a spinlock never sleeps in the
 * kernel, so in shared memory it works across processes as it is. */
int lwp_spin_init(lwp_spinlock_t* lock, int pshared);
int lwp_spin_destroy(lwp_spinlock_t* lock); /* EBUSY: held */
int lwp_spin_lock(lwp_spinlock_t* lock);
int lwp_spin_trylock(lwp_spinlock_t* lock); /* EBUSY: held */
int lwp_spin_unlock(lwp_spinlock_t* lock); /* EPERM: not held */

/* ------------------------------------------------------------------- once */

typedef struct lwp_once {
    int state; /* 0 not run, 1 running, 2 running with sleepers, 3 done */
} lwp_once_t;

#define LWP_ONCE_INIT { 0 }
#define LWP_ONCE_DONE 3 /* the state once the routine has run (an inline fast path may test it) */

/* Runs routine exactly once per flag; every caller returns only after it has
 * finished. EINVAL: null arguments. */
int lwp_once(lwp_once_t* once, void (*routine)(void));

/* The steps of lwp_once, for callers that run the routine themselves (the C++
 * call_once, which must undo the claim when the callable throws).
 * lwp_once_begin returns 1 when the caller must now run the routine and then
 * call lwp_once_commit (success) or lwp_once_abandon (failure: another caller
 * will try); 0 once the routine has run. */
int lwp_once_begin(lwp_once_t* once);
void lwp_once_commit(lwp_once_t* once);
void lwp_once_abandon(lwp_once_t* once);

/* ------------------------------------------------------------------ clock */

/* The current time on clock (CLOCK_REALTIME or CLOCK_MONOTONIC), for turning
 * relative timeouts into the absolute deadlines the waits take. A plain
 * system call: lwp does not use the vDSO. EINVAL: unsupported clock. */
int lwp_clock_now(lwp_clockid_t clock, struct timespec* now);

/* -------------------------------------------------- thread-specific data */

#define LWP_KEYS_MAX 1024
#define LWP_DESTRUCTOR_ITERATIONS 4

typedef unsigned int lwp_key_t;

/* EAGAIN: all LWP_KEYS_MAX keys in use. At the exit of an lwp thread the
 * destructor runs for each non-null value (set to NULL first), repeated up to
 * LWP_DESTRUCTOR_ITERATIONS passes while destructors store new values.
 * Threads lwp did not create (main, std::thread) can get and set values, but
 * lwp runs no destructors for them and their value storage (one lazily mapped
 * block per thread) is not reclaimed when they end. */
int lwp_key_create(lwp_key_t* key, void (*destructor)(void*));
/* EINVAL: not a live key. Values still held by threads are not destroyed;
 * a key created later in the same slot does not see them. */
int lwp_key_delete(lwp_key_t key);
void* lwp_getspecific(lwp_key_t key); /* NULL for an unset or invalid key */
int lwp_setspecific(lwp_key_t key, const void* value); /* EINVAL: bad key. ENOMEM */

#ifdef __cplusplus
}
#endif

#endif /* LWP_SYNC_H */
