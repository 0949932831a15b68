/* The lwp read-write lock futex protocol (runtime/sync/rwlock.cpp), modelled
 * for spin.
 *
 * `st` is the state word: bits 0..2 the holders (0 free, 1..2 readers,
 * 7 write-locked), RW (8) readers may sleep on it, WW (16) a writer may sleep
 * on `ticket`. `ticket` is the writers' futex word.
 *   read lock:  take it if no writer holds it (and, writer-preferring, none
 *               waits); else set RW and FUTEX_WAIT(st, the state with RW).
 *   write lock: take it when free, keeping WW if it has slept; else count
 *               itself queued, set WW, read st and ticket in one snapshot,
 *               and if the lock is still held with WW set, FUTEX_WAIT(ticket).
 *               A time-out withdraws: the last queued writer clears WW, bumps
 *               the ticket, wakes every writer, and wakes the readers if the
 *               lock is not write-held.
 *   unlock:     one step gives up the count and, if that leaves the lock
 *               free, clears the bit of those it will wake and bumps the
 *               ticket if a writer may be woken (plan_wake); then only
 *               FUTEX_WAKE calls: one writer or all readers first, the others
 *               if nobody was asleep.
 * The kernel's futex: FUTEX_WAIT compares and queues in one step; FUTEX_WAKE
 * dequeues waiters; a queued thread may leave on its own, by EINTR (then it
 * looks again) or by its deadline (then the lock call fails with ETIMEDOUT).
 * Both are budgeted (one time-out in the whole run, EINTR: see INTERRUPTS),
 * or every sleeper could escape and hide a lost wake-up.
 *
 * Destruction: each thread counts itself out (`done`) at its last step that
 * may touch the lock: the release of its last round, or the return of a last
 * lock call that timed out. The thread that counts out last destroys the lock
 * when it returns, as POSIX allows: nobody holds it and nobody waits. Every
 * access to the lock's memory asserts it is not destroyed yet. FUTEX_WAKE on
 * a destroyed lock is allowed (the kernel only looks the address up).
 *
 * Checked: readers exclude writers and writers each other (assertions); no
 * access after destruction (assertion); every thread finishes all its rounds
 * (a lost wake-up leaves a thread queued for ever: an invalid end state).
 * Run writer-preferring, and reader-preferring with -DREADERS_FIRST.
 *
 * -DMUTANT seeds the protocol as it was before: the unlock gave up its count
 * first and cleared the waiting bit and bumped the ticket in later steps,
 * touching a lock that the next holder may already have destroyed. */

#define NR 2          /* readers: pids 0..NR-1 */
#define NW 2          /* writers: pids NR..N-1 */
#define N (NR + NW)
#define ROUNDS 1

#define WL 7
#define RW 8
#define WW 16
#define HOLDERS(s) ((s) & 7)

#ifdef READERS_FIRST
#define LOCKABLE_FOR_READER(s) (HOLDERS(s) != WL)
#else
#define LOCKABLE_FOR_READER(s) (HOLDERS(s) != WL && ((s) & WW) == 0)
#endif

/* EINTR budget. 0 by default, to keep the search at about 2.5 GB and a
 * minute: an interrupted sleeper only goes round again, as a woken one that
 * finds the lock taken does. -DINTERRUPTS=1 checks it too (about 110 million
 * states, 5 GB, two minutes; it passes). */
#ifndef INTERRUPTS
#define INTERRUPTS 0
#endif

#define NOBODY 0
#define READERS 1
#define WRITER 2

byte st = 0;
byte ticket = 0;
byte queued = 0;       /* queued_writers */
bool on_state[N];      /* asleep on st (readers) */
bool on_ticket[N];     /* asleep on ticket (writers) */
byte readers_in = 0;
byte writers_in = 0;
byte done = 0;
bool destroyed = false;
byte interrupts = INTERRUPTS;
byte timeouts = 1;

inline touch() { assert(!destroyed) }

/* FUTEX_WAKE of every reader asleep on st; woken says how many. */
inline wake_readers(woken) {
    atomic {
        woken = 0;
        k = 0;
        do
        :: k < N -> if :: on_state[k] -> on_state[k] = false; woken++ :: else -> skip fi; k++
        :: else -> break
        od
    }
}

/* FUTEX_WAKE(ticket, 1). */
inline wake_one_writer(woken) {
    atomic {
        woken = 1;
        if
        :: on_ticket[NR] -> on_ticket[NR] = false
        :: on_ticket[NR + 1] -> on_ticket[NR + 1] = false
        :: else -> woken = 0
        fi
    }
}

inline wake_all_writers() {
    atomic { on_ticket[NR] = false; on_ticket[NR + 1] = false }
}

inline wake(whom, woken) {
    if
    :: whom == READERS -> wake_readers(woken)
    :: whom == WRITER -> wake_one_writer(woken)
    fi
}

/* Block until woken, or leave by EINTR or by the deadline (timed_out). */
inline sleep_on_state() {
    if
    :: !on_state[_pid]
    :: atomic { on_state[_pid] && interrupts > 0 -> on_state[_pid] = false; interrupts-- }
    :: atomic { on_state[_pid] && timeouts > 0 -> on_state[_pid] = false; timeouts--; timed_out = true }
    fi
}

inline sleep_on_ticket() {
    if
    :: !on_ticket[_pid]
    :: atomic { on_ticket[_pid] && interrupts > 0 -> on_ticket[_pid] = false; interrupts-- }
    :: atomic { on_ticket[_pid] && timeouts > 0 -> on_ticket[_pid] = false; timeouts--; timed_out = true }
    fi
}

inline count_out() {
    if :: round == ROUNDS - 1 -> done++ :: else -> skip fi
}

/* plan_wake in rwlock.cpp, for the state `next` an unlock leaves. */
inline plan_wake() {
    first = NOBODY; fallback = NOBODY;
    if
    :: HOLDERS(next) != 0 -> skip
#ifdef READERS_FIRST
    :: HOLDERS(next) == 0 && (next & RW) ->
        next = next & ~RW; first = READERS;
        if :: (next & WW) -> fallback = WRITER :: else -> skip fi
    :: HOLDERS(next) == 0 && !(next & RW) && (next & WW) ->
        next = next & ~WW; first = WRITER
#else
    :: HOLDERS(next) == 0 && (next & WW) ->
        next = next & ~WW; first = WRITER;
        if :: (next & RW) -> fallback = READERS :: else -> skip fi
    :: HOLDERS(next) == 0 && !(next & WW) && (next & RW) ->
        next = next & ~RW; first = READERS
#endif
    :: HOLDERS(next) == 0 && !(next & (RW | WW)) -> skip
    fi
}

inline release(amount) {
#ifndef MUTANT
    atomic {
        touch();
        next = st - amount;
        plan_wake();
        if :: first == WRITER || fallback == WRITER -> ticket++ :: else -> skip fi;
        st = next;
        count_out()
    }
#else
    atomic { touch(); st = st - amount; seen = st; count_out() }
    next = seen;
    plan_wake();
    if
    :: first != NOBODY ->
        atomic { touch(); if :: st == seen -> st = next :: else -> first = NOBODY; fallback = NOBODY fi }
        if :: first == WRITER || fallback == WRITER -> atomic { touch(); ticket++ } :: else -> skip fi
    :: else -> skip
    fi;
#endif
    if
    :: first != NOBODY ->
        wake(first, woken);
        if :: woken == 0 && fallback != NOBODY -> wake(fallback, woken) :: else -> skip fi
    :: else -> skip
    fi;
    if :: done == N -> destroyed = true :: else -> skip fi
}

active [NR] proctype reader() {
    byte round = 0, seen, next, first, fallback, woken, k;
    bool timed_out;
    do
    :: round < ROUNDS ->
        timed_out = false;
try_read:
        atomic {
            touch();
            seen = st;
            if :: LOCKABLE_FOR_READER(seen) -> st = seen + 1; goto reading :: else -> skip fi
        }
        if
        :: !(seen & RW) ->
            atomic { touch(); if :: st == seen -> st = seen | RW; seen = seen | RW :: else -> goto try_read fi }
        :: else -> skip
        fi;
        atomic { touch(); if :: st == seen -> on_state[_pid] = true :: else -> skip fi }
        sleep_on_state();
        if
        :: timed_out -> count_out(); if :: done == N -> destroyed = true :: else -> skip fi; goto next_round
        :: else -> goto try_read
        fi;
reading:
        readers_in++;
        assert(writers_in == 0);
        readers_in--;
        release(1);
next_round:
        round++
    :: else -> break
    od
}

active [NW] proctype writer() {
    byte round = 0, seen, seen_ticket, keep_mark, next, first, fallback, woken, k;
    bool timed_out, counted;
    do
    :: round < ROUNDS ->
        timed_out = false; counted = false; keep_mark = 0;
try_write:
        atomic {
            touch();
            seen = st;
            if
            :: HOLDERS(seen) == 0 ->
                st = seen | WL | keep_mark;
                if :: counted -> queued-- :: else -> skip fi;
                goto writing
            :: else -> skip
            fi
        }
        if :: !counted -> atomic { touch(); queued++ }; counted = true :: else -> skip fi;
        if
        :: !(seen & WW) ->
            atomic { touch(); if :: st == seen -> st = seen | WW :: else -> goto try_write fi }
        :: else -> skip
        fi;
        atomic { touch(); seen = st; seen_ticket = ticket }
        if :: HOLDERS(seen) == 0 || !(seen & WW) -> goto try_write :: else -> skip fi;
        atomic { touch(); if :: ticket == seen_ticket -> on_ticket[_pid] = true :: else -> skip fi }
        sleep_on_ticket();
        keep_mark = WW;
        if
        :: timed_out ->
            /* withdraw_writer */
            atomic { touch(); queued--; k = queued }
            if
            :: k == 0 ->
                atomic { touch(); st = st & ~WW };
                atomic { touch(); ticket++ };
                wake_all_writers();
                atomic {
                    touch();
                    seen = st;
                    if :: (seen & RW) && HOLDERS(seen) != WL -> st = seen & ~RW; first = READERS
                       :: else -> first = NOBODY
                    fi
                }
                if :: first == READERS -> wake_readers(woken) :: else -> skip fi
            :: else -> skip
            fi;
            count_out();
            if :: done == N -> destroyed = true :: else -> skip fi;
            goto next_round
        :: else -> goto try_write
        fi;
writing:
        writers_in++;
        assert(writers_in == 1 && readers_in == 0);
        writers_in--;
        release(WL);
next_round:
        round++
    :: else -> break
    od
}
