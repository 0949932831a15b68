/* The lwp mutex futex protocol (runtime/sync/mutex.cpp, mutex_word.hpp),
 * modelled for spin.
 *
 * One word: 0 free, 1 locked, 2 locked and a thread may sleep on it.
 *   lock:   compare-exchange 0 -> 1; else loop { exchange(2); if it was 0
 *           we own it; else futex_wait(word, 2) }. The model lets the
 *           compare-exchange be tried any number of times first, which also
 *           covers the bounded spin of the relock after a condvar wait.
 *   unlock: exchange(0); if it was 2, futex_wake(word, 1).
 * The kernel's futex is modelled as: FUTEX_WAIT compares and queues in one
 * step; FUTEX_WAKE dequeues one queued thread (any one); a queued thread may
 * also leave on its own (a signal handler ran: EINTR), which the protocol must
 * survive. Such interruptions are budgeted (INTERRUPTS in the whole run): an
 * unbounded supply would let every sleeper escape, hiding lost wake-ups.
 *
 * Checked: mutual exclusion (assertion), and that every thread finishes all
 * its rounds: a lost wake-up leaves a thread queued for ever, which spin
 * reports as an invalid end state.
 *
 * -DMUTANT seeds the classic bug: a woken sleeper retries the fast path and so
 * takes the word as 1 instead of 2; its unlock then wakes nobody, though
 * others still sleep. spin must find it (the CTest checks that too, so this
 * model cannot pass vacuously). */

#define N 3        /* threads */
#define ROUNDS 2   /* lock/unlock pairs per thread */

#define FREE 0
#define LOCKED 1
#define CONTENDED 2

byte word = FREE;
bool queued[N];    /* on the futex wait queue of `word` */
byte in_critical = 0;
byte finished = 0;
#define INTERRUPTS 2
byte interrupts = INTERRUPTS;

/* FUTEX_WAIT(word, expected): compare and queue atomically, then block until
 * dequeued by a wake, or leave early (EINTR). */
inline futex_wait(expected) {
    atomic {
        if
        :: word == expected -> queued[_pid] = true
        :: else -> skip     /* -EAGAIN */
        fi
    }
    if
    :: !queued[_pid]                            /* woken (or never queued) */
    :: atomic { queued[_pid] && interrupts > 0 -> queued[_pid] = false; interrupts-- }  /* EINTR */
    fi
}

/* FUTEX_WAKE(word, 1): dequeue any one queued thread, if there is one. */
inline futex_wake_one() {
    atomic {
        if
        :: queued[0] -> queued[0] = false
        :: queued[1] -> queued[1] = false
        :: queued[2] -> queued[2] = false
        :: else -> skip
        fi
    }
}

active [N] proctype thread() {
    byte round = 0;
    byte old;
    do
    :: round < ROUNDS ->
        /* fast path (and any spin): compare-exchange 0 -> 1, any number
         * of times while it is free, giving up at any point */
retry:
        do
        :: atomic { word == FREE -> word = LOCKED }; goto acquired
        :: break
        od;
        /* sleep loop */
        do
        :: atomic { old = word; word = CONTENDED };
           if
           :: old == FREE -> break
           :: else -> futex_wait(CONTENDED)
#ifdef MUTANT
              ; goto retry
#endif
           fi
        od;
acquired:
        in_critical++;
        assert(in_critical == 1);
        in_critical--;
        /* unlock */
        atomic { old = word; word = FREE };
        if
        :: old == CONTENDED -> futex_wake_one()
        :: else -> skip
        fi;
        round++
    :: else -> break
    od;
    finished++
}
