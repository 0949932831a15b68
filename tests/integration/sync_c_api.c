/* lwp's synchronization objects through the C API, in a freestanding
 * program (lwp's own _start, no glibc): N threads x many iterations, each
 * stage checking an invariant that a broken object would violate.
 *
 *   mutex      exact counters (normal and recursive kinds)
 *   condvar    a bounded producer/consumer queue loses and duplicates no item
 *   rwlock     never a writer together with anyone else, for both kinds
 *   barrier    every thread sees the same phase; one serial thread per round
 *   semaphore  units are conserved: what is posted is taken, no more
 *   once       the routine runs exactly once under contention
 *   spinlock   exact counter
 *   keys       destructors run at thread exit for non-null values, with
 *              repeated passes while destructors store new values
 *
 * Thread bodies record what they saw; main checks after joining. */
#include <lwp/lwp.h>

#include <errno.h>
#include <stdatomic.h>

#include "check.h"

enum { threads = 4, iterations = 20000 };

typedef void* (*body_fn)(void*);

static void run_all(body_fn body) {
    lwp_t ids[threads];
    for (long i = 0; i < threads; ++i) CHECK_EQ(lwp_create(&ids[i], 0, body, (void*)i), 0);
    for (int i = 0; i < threads; ++i) CHECK_EQ(lwp_join(ids[i], 0), 0);
}

/* ------------------------------------------------------------------ mutex */

static lwp_mutex_t plain_mutex = LWP_MUTEX_INITIALIZER;
static lwp_mutex_t recursive_mutex = LWP_RECURSIVE_MUTEX_INITIALIZER;
static long plain_count, recursive_count;
static atomic_int mutex_errors;

static void* mutex_body(void* arg) {
    (void)arg;
    for (int i = 0; i < iterations; ++i) {
        if (lwp_mutex_lock(&plain_mutex) != 0) atomic_fetch_add(&mutex_errors, 1);
        ++plain_count;
        if (lwp_mutex_unlock(&plain_mutex) != 0) atomic_fetch_add(&mutex_errors, 1);

        if (lwp_mutex_lock(&recursive_mutex) != 0 || lwp_mutex_lock(&recursive_mutex) != 0)
            atomic_fetch_add(&mutex_errors, 1);
        ++recursive_count;
        if (lwp_mutex_unlock(&recursive_mutex) != 0 || lwp_mutex_unlock(&recursive_mutex) != 0)
            atomic_fetch_add(&mutex_errors, 1);
    }
    return 0;
}

static void check_mutex(void) {
    run_all(mutex_body);
    CHECK_EQ(atomic_load(&mutex_errors), 0);
    CHECK_EQ(plain_count, (long)threads * iterations);
    CHECK_EQ(recursive_count, (long)threads * iterations);
    CHECK_EQ(lwp_mutex_destroy(&plain_mutex), 0);
    CHECK_EQ(lwp_mutex_destroy(&recursive_mutex), 0);
}

/* ---------------------------------------------------- producer / consumer */

enum { queue_size = 8, items_per_producer = 20000, producers = threads / 2 };

static lwp_mutex_t queue_mutex = LWP_MUTEX_INITIALIZER;
static lwp_cond_t not_empty = LWP_COND_INITIALIZER;
static lwp_cond_t not_full = LWP_COND_INITIALIZER;
static long queue[queue_size];
static int queue_head, queue_length;
static int producers_done;
/* Per consumer, written only by it: the sum and count of items taken. */
static long consumed_sum[threads], consumed_count[threads];
/* One bit per item value: set by the consumer that took it. */
static unsigned char seen[producers * items_per_producer];
static atomic_int duplicates;

static void* queue_body(void* arg) {
    long index = (long)arg;
    if (index < producers) {
        for (long i = 0; i < items_per_producer; ++i) {
            long item = index * items_per_producer + i;
            lwp_mutex_lock(&queue_mutex);
            while (queue_length == queue_size) lwp_cond_wait(&not_full, &queue_mutex);
            queue[(queue_head + queue_length) % queue_size] = item;
            ++queue_length;
            lwp_cond_signal(&not_empty);
            lwp_mutex_unlock(&queue_mutex);
        }
        lwp_mutex_lock(&queue_mutex);
        ++producers_done;
        lwp_cond_broadcast(&not_empty);  /* consumers may stop once it is empty */
        lwp_mutex_unlock(&queue_mutex);
        return 0;
    }
    for (;;) {
        lwp_mutex_lock(&queue_mutex);
        while (queue_length == 0 && producers_done < producers)
            lwp_cond_wait(&not_empty, &queue_mutex);
        if (queue_length == 0) {
            lwp_mutex_unlock(&queue_mutex);
            return 0;
        }
        long item = queue[queue_head];
        queue_head = (queue_head + 1) % queue_size;
        --queue_length;
        lwp_cond_signal(&not_full);
        if (seen[item]) atomic_fetch_add(&duplicates, 1);
        seen[item] = 1;
        lwp_mutex_unlock(&queue_mutex);
        consumed_sum[index] += item;
        ++consumed_count[index];
    }
}

static void check_queue(void) {
    run_all(queue_body);
    long total = producers * items_per_producer;
    long sum = 0, count = 0;
    for (int i = 0; i < threads; ++i) {
        sum += consumed_sum[i];
        count += consumed_count[i];
    }
    CHECK_EQ(atomic_load(&duplicates), 0);
    CHECK_EQ(count, total);
    CHECK_EQ(sum, total * (total - 1) / 2);
    for (long i = 0; i < total; ++i) CHECK(seen[i]);
    CHECK_EQ(queue_length, 0);
}

/* ----------------------------------------------------------------- rwlock */

static lwp_rwlock_t rwlock;
static atomic_int readers_in, writers_in, rwlock_violations, rwlock_errors;
static long rwlock_written;

static void* rwlock_body(void* arg) {
    long index = (long)arg;
    for (int i = 0; i < iterations / 2; ++i) {
        if ((i + index) % 4 == 0) {
            if (lwp_rwlock_wrlock(&rwlock) != 0) {
                atomic_fetch_add(&rwlock_errors, 1);
                continue;
            }
            if (atomic_fetch_add(&writers_in, 1) != 0 || atomic_load(&readers_in) != 0)
                atomic_fetch_add(&rwlock_violations, 1);
            ++rwlock_written;
            atomic_fetch_sub(&writers_in, 1);
        } else {
            if (lwp_rwlock_rdlock(&rwlock) != 0) {
                atomic_fetch_add(&rwlock_errors, 1);
                continue;
            }
            atomic_fetch_add(&readers_in, 1);
            if (atomic_load(&writers_in) != 0) atomic_fetch_add(&rwlock_violations, 1);
            atomic_fetch_sub(&readers_in, 1);
        }
        if (lwp_rwlock_unlock(&rwlock) != 0) atomic_fetch_add(&rwlock_errors, 1);
    }
    return 0;
}

static void check_rwlock(int kind) {
    lwp_rwlockattr_t attr;
    CHECK_EQ(lwp_rwlockattr_init(&attr), 0);
    CHECK_EQ(lwp_rwlockattr_setkind(&attr, kind), 0);
    CHECK_EQ(lwp_rwlock_init(&rwlock, &attr), 0);
    rwlock_written = 0;
    run_all(rwlock_body);
    CHECK_EQ(atomic_load(&rwlock_violations), 0);
    CHECK_EQ(atomic_load(&rwlock_errors), 0);
    /* Every thread writes on every fourth of its iterations. */
    CHECK_EQ(rwlock_written, (long)threads * (iterations / 2 / 4));
    CHECK_EQ(lwp_rwlock_destroy(&rwlock), 0);
}

/* ---------------------------------------------------------------- barrier */

enum { rounds = 2000 };

static lwp_barrier_t barrier;
static atomic_int phase;         /* bumped by the serial thread of each round */
static atomic_int serial_count;
static atomic_int phase_errors;

static void* barrier_body(void* arg) {
    (void)arg;
    for (int round = 0; round < rounds; ++round) {
        /* Everyone sees the phase of this round before the first wait... */
        if (atomic_load(&phase) != round) atomic_fetch_add(&phase_errors, 1);
        int result = lwp_barrier_wait(&barrier);
        if (result == LWP_BARRIER_SERIAL_THREAD) {
            atomic_fetch_add(&serial_count, 1);
            atomic_fetch_add(&phase, 1);
        } else if (result != 0) {
            atomic_fetch_add(&phase_errors, 1);
        }
        /* ...and nobody starts the next round before the serial thread has
         * moved the phase on: a second barrier separates the two. */
        result = lwp_barrier_wait(&barrier);
        if (result != 0 && result != LWP_BARRIER_SERIAL_THREAD) atomic_fetch_add(&phase_errors, 1);
    }
    return 0;
}

static void check_barrier(void) {
    CHECK_EQ(lwp_barrier_init(&barrier, 0, threads), 0);
    run_all(barrier_body);
    CHECK_EQ(atomic_load(&phase_errors), 0);
    CHECK_EQ(atomic_load(&serial_count), rounds);
    CHECK_EQ(atomic_load(&phase), rounds);
    CHECK_EQ(lwp_barrier_destroy(&barrier), 0);
}

/* -------------------------------------------------------------- semaphore */

enum { initial_units = 3 };

static lwp_sem_t semaphore;
static atomic_int holders, most_holders, semaphore_errors;
static long units_taken[threads], units_posted[threads];

static void* semaphore_body(void* arg) {
    long index = (long)arg;
    for (int i = 0; i < iterations / 2; ++i) {
        int error = (i % 3 == 0) ? lwp_sem_trywait(&semaphore) : lwp_sem_wait(&semaphore);
        if (error == EAGAIN) continue;
        if (error != 0) {
            atomic_fetch_add(&semaphore_errors, 1);
            continue;
        }
        ++units_taken[index];
        int now = atomic_fetch_add(&holders, 1) + 1;
        int most = atomic_load(&most_holders);
        while (now > most && !atomic_compare_exchange_weak(&most_holders, &most, now)) {
        }
        atomic_fetch_sub(&holders, 1);
        if (lwp_sem_post(&semaphore) != 0) atomic_fetch_add(&semaphore_errors, 1);
        ++units_posted[index];
    }
    return 0;
}

static void check_semaphore(void) {
    CHECK_EQ(lwp_sem_init(&semaphore, 0, initial_units), 0);
    run_all(semaphore_body);
    long taken = 0, posted = 0;
    for (int i = 0; i < threads; ++i) {
        taken += units_taken[i];
        posted += units_posted[i];
    }
    CHECK_EQ(atomic_load(&semaphore_errors), 0);
    CHECK_EQ(taken, posted);
    CHECK(taken > 0);
    /* Never more holders than units. */
    CHECK(atomic_load(&most_holders) <= initial_units);
    int value = -1;
    CHECK_EQ(lwp_sem_getvalue(&semaphore, &value), 0);
    CHECK_EQ(value, initial_units);
    CHECK_EQ(lwp_sem_destroy(&semaphore), 0);
}

/* ------------------------------------------------------------ once, spin */

static lwp_once_t once = LWP_ONCE_INIT;
static atomic_int once_runs;
static int once_value;  /* written by the routine, read after lwp_once */
static atomic_int once_errors;

static void once_routine(void) {
    atomic_fetch_add(&once_runs, 1);
    /* Stay in the routine a while, so that others arrive meanwhile. */
    for (int i = 0; i < 100000; ++i) atomic_signal_fence(memory_order_seq_cst);
    once_value = 42;
}

static lwp_spinlock_t spin;
static long spin_count;

static void* once_spin_body(void* arg) {
    (void)arg;
    if (lwp_once(&once, once_routine) != 0 || once_value != 42) atomic_fetch_add(&once_errors, 1);
    for (int i = 0; i < iterations; ++i) {
        lwp_spin_lock(&spin);
        ++spin_count;
        lwp_spin_unlock(&spin);
    }
    return 0;
}

static void check_once_and_spin(void) {
    CHECK_EQ(lwp_spin_init(&spin, LWP_PROCESS_PRIVATE), 0);
    run_all(once_spin_body);
    CHECK_EQ(atomic_load(&once_runs), 1);
    CHECK_EQ(atomic_load(&once_errors), 0);
    CHECK_EQ(spin_count, (long)threads * iterations);
    CHECK_EQ(lwp_spin_destroy(&spin), 0);
}

/* ---------------------------------------------------- thread-specific data */

static lwp_key_t plain_key, again_key;
static atomic_int destroyed[threads];  /* plain_key's destructor, per thread */
static atomic_int again_passes[threads];  /* again_key's destructor, per thread */
static int slots[threads];

static void destroy_plain(void* value) {
    int slot = *(int*)value;
    atomic_fetch_add(&destroyed[slot], 1);
}

/* Stores a value again twice: the destructor must run three passes in all. */
static void destroy_again(void* value) {
    int slot = *(int*)value;
    if (atomic_fetch_add(&again_passes[slot], 1) + 1 < 3) lwp_setspecific(again_key, value);
}

static void* keys_body(void* arg) {
    long index = (long)arg;
    slots[index] = (int)index;
    if (lwp_getspecific(plain_key) != 0) return (void*)1;
    if (lwp_setspecific(plain_key, &slots[index]) != 0) return (void*)1;
    if (lwp_getspecific(plain_key) != &slots[index]) return (void*)1;
    /* Odd threads leave again_key unset: no destructor for them. */
    if (index % 2 == 0 && lwp_setspecific(again_key, &slots[index]) != 0) return (void*)1;
    return 0;
}

static void check_keys(void) {
    CHECK_EQ(lwp_key_create(&plain_key, destroy_plain), 0);
    CHECK_EQ(lwp_key_create(&again_key, destroy_again), 0);
    lwp_t ids[threads];
    for (long i = 0; i < threads; ++i) CHECK_EQ(lwp_create(&ids[i], 0, keys_body, (void*)i), 0);
    for (int i = 0; i < threads; ++i) {
        void* result = (void*)1;
        CHECK_EQ(lwp_join(ids[i], &result), 0);
        CHECK(result == 0);
    }
    for (int i = 0; i < threads; ++i) {
        CHECK_EQ(atomic_load(&destroyed[i]), 1);
        CHECK_EQ(atomic_load(&again_passes[i]), i % 2 == 0 ? 3 : 0);
    }
    CHECK_EQ(lwp_key_delete(plain_key), 0);
    CHECK_EQ(lwp_key_delete(again_key), 0);
}

int main(void) {
    check_mutex();
    check_queue();
    check_rwlock(LWP_RWLOCK_PREFER_WRITER);
    check_rwlock(LWP_RWLOCK_PREFER_READER);
    check_barrier();
    check_semaphore();
    check_once_and_spin();
    check_keys();
    return 0;
}
