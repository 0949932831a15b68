/* The lwp condition-variable protocol (runtime/sync/condition_variable.cpp)
 * over the lwp mutex (mutex.pml), modelled for spin, broadcast requeue
 * included.
 *
 * cond->sequence: bit 0 "a waiter may sleep", bits 1.. a wake counter.
 *   wait:      (mutex held) fetch_or(bit 0) reading the word; a hand-off wait (one right after a signal that found a
 *              waiter: either kind, chosen freely here) counts itself in
 *              `watchers`; unlock; a hand-off wait watches the word and ends
 *              if it saw it change, else (or when its spin runs out) it
 *              uncounts itself; FUTEX_WAIT(sequence, value read) unless the
 *              watch ended the wait; relock, as "contended" if the kernel
 *              queued it (a broadcast may have woken it or requeued it, and
 *              others behind it, onto the mutex), else by the fast path.
 *   signal:    bit clear: return. Else add 2; FUTEX_WAKE 1; if nobody woke,
 *              clear the bit if the word is unchanged and then wake all
 *              (stragglers that slept on the value just cleared).
 *   broadcast: bit clear: return. Else add 2 and clear the bit in one CAS;
 *              FUTEX_CMP_REQUEUE(wake one, move the rest onto the mutex
 *              word) if the word is unchanged, else wake all. It never
 *              reads or writes the mutex.
 * Each futex word has its own wait queue; a thread records which one it is
 * on (or none). Requeue moves threads from the condvar queue to the mutex
 * queue, where a mutex unlock's FUTEX_WAKE finds them. A budget of EINTR
 * returns models signal handlers (an unbounded one would hide lost wakes).
 *
 * Scenario: CONSUMERS threads each take one item (wait while none); one
 * producer adds them, each time choosing nondeterministically signal or
 * broadcast, inside or after the critical section. Checked: mutual exclusion
 * on the mutex, items never negative, every thread finishes (a lost wake-up
 * leaves a consumer queued for ever: an invalid end state), and once every
 * consumer is done nobody is counted as watching (destroy would not wait
 * for ever).
 *
 * -DMUTANT seeds a bug: the relock after a wait always takes the fast path,
 * even after the kernel queued the waiter, so a waiter that was moved onto
 * the mutex can be left asleep there. spin must find it. */

#define CONSUMERS 2
#define N (CONSUMERS + 1)   /* the producer is the last process */

#define FREE 0
#define LOCKED 1
#define CONTENDED 2

#define NOWHERE 0
#define ON_COND 1
#define ON_MUTEX 2

byte mword = FREE;        /* mutex->state */
byte seq = 0;             /* cond->sequence (wraps far beyond this run) */
byte where[N];            /* which futex queue a thread sleeps on */
byte in_critical = 0;
byte items = 0;
byte watchers = 0;        /* cond->watchers */
byte finished = 0;
#define INTERRUPTS 1
byte interrupts = INTERRUPTS;

/* Leaves a futex wait: woken (dequeued by someone) or interrupted. */
inline blocked_until_woken() {
    if
    :: where[_pid] == NOWHERE
    :: atomic { where[_pid] != NOWHERE && interrupts > 0 -> where[_pid] = NOWHERE; interrupts-- }
    fi
}

inline wake_one(queue) {
    atomic {
        if
        :: where[0] == queue -> where[0] = NOWHERE
        :: where[1] == queue -> where[1] = NOWHERE
        :: where[2] == queue -> where[2] = NOWHERE
        :: else -> skip
        fi
    }
}

/* FUTEX_WAKE(cond, 1); woke = whether someone was dequeued. */
inline wake_one_on_cond(woke) {
    atomic {
        woke = true;
        if
        :: where[0] == ON_COND -> where[0] = NOWHERE
        :: where[1] == ON_COND -> where[1] = NOWHERE
        :: where[2] == ON_COND -> where[2] = NOWHERE
        :: else -> woke = false
        fi
    }
}

inline wake_all_on_cond() {
    atomic {
        i = 0;
        do
        :: i < N -> if :: where[i] == ON_COND -> where[i] = NOWHERE :: else -> skip fi; i++
        :: else -> break
        od
    }
}

/* ----------------------------------------------------------- the mutex */

inline mutex_sleep_until_acquired() {
    do
    :: atomic { old = mword; mword = CONTENDED };
       if
       :: old == FREE -> break
       :: else ->
          atomic { if :: mword == CONTENDED -> where[_pid] = ON_MUTEX :: else -> skip fi };
          blocked_until_woken()
       fi
    od
}

inline mutex_lock() {
    atomic { if :: mword == FREE -> mword = LOCKED; fast = true :: else -> fast = false fi };
    if :: !fast -> mutex_sleep_until_acquired() :: else -> skip fi;
    in_critical++;
    assert(in_critical == 1)
}

inline mutex_unlock() {
    in_critical--;
    atomic { old = mword; mword = FREE };
    if
    :: old == CONTENDED -> wake_one(ON_MUTEX)
    :: else -> skip
    fi
}

/* ------------------------------------------------------------ the cond */

inline cond_wait() {
    atomic { seen = seq | 1; seq = seq | 1 };
    if :: handing_off = true :: handing_off = false fi;
    if :: handing_off -> watchers++ :: else -> skip fi;
    mutex_unlock();
    watched = false;
    if
    :: handing_off ->
       /* the spin: a read that sees the word changed ends the wait; the
          spin may also run out before any change, or before it looks */
       if
       :: seq != seen -> watched = true
       :: true -> skip
       fi;
       watchers--
    :: else -> skip
    fi;
    queued = false;
    if
    :: !watched ->
       atomic { if :: seq == seen -> where[_pid] = ON_COND; queued = true :: else -> skip fi };
       blocked_until_woken()
    :: else -> skip
    fi;
#ifdef MUTANT
    queued = false;
#endif
    /* the fast path only for a waiter the kernel never queued */
    fast = false;
    if
    :: !queued -> atomic { if :: mword == FREE -> mword = LOCKED; fast = true :: else -> skip fi }
    :: else -> skip
    fi;
    if :: !fast -> mutex_sleep_until_acquired() :: else -> skip fi;
    in_critical++;
    assert(in_critical == 1)
}

inline cond_signal() {
    if
    :: (seq & 1) == 0 -> skip
    :: else ->
       atomic { seq = seq + 2; bumped = seq };
       wake_one_on_cond(woke);
       if
       :: woke -> skip
       :: else ->
          atomic { cleared = (seq == bumped); if :: cleared -> seq = bumped & 254 :: else -> skip fi };
          if :: cleared -> wake_all_on_cond() :: else -> skip fi
       fi
    fi
}

inline cond_broadcast() {
    atomic {
        if
        :: (seq & 1) == 0 -> next = 255   /* nothing to do */
        :: else -> next = (seq + 2) & 254; seq = next
        fi
    };
    if
    :: next != 255 ->
       atomic {
           if
           :: seq == next ->
              /* wake one sleeper (any: spin explores each), move the rest
                 onto the mutex word */
              woke = false;
              if
              :: where[0] == ON_COND -> where[0] = NOWHERE; woke = true
              :: where[1] == ON_COND -> where[1] = NOWHERE; woke = true
              :: where[2] == ON_COND -> where[2] = NOWHERE; woke = true
              :: else -> skip
              fi;
              i = 0;
              do
              :: i < N -> if :: where[i] == ON_COND -> where[i] = ON_MUTEX :: else -> skip fi; i++
              :: else -> break
              od;
              requeue_failed = false
           :: else -> requeue_failed = true
           fi
       };
       if :: requeue_failed -> wake_all_on_cond() :: else -> skip fi
    :: else -> skip
    fi
}

/* ------------------------------------------------------------ the test */

active [CONSUMERS] proctype consumer() {
    byte old, seen, i;
    bool queued, fast, handing_off, watched;
    mutex_lock();
    do
    :: items == 0 -> cond_wait()
    :: else -> break
    od;
    items--;
    mutex_unlock();
    finished++
}

active proctype producer() {
    byte old, seen, bumped, next, i;
    bool queued, woke, cleared, requeue_failed, fast;
    byte made = 0;
    bool inside;
    do
    :: made < CONSUMERS ->
       mutex_lock();
       items++;
       made++;
       if :: inside = true :: inside = false fi;
       if
       :: inside ->
          if :: true -> cond_signal() :: true -> cond_broadcast() fi;
          mutex_unlock()
       :: else ->
          mutex_unlock();
          if :: true -> cond_signal() :: true -> cond_broadcast() fi
       fi
    :: else -> break
    od;
    finished == CONSUMERS;
    assert(watchers == 0)
}
