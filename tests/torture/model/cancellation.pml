/* Deferred cancellation at a blocking cancellation point
 * (runtime/posix/pthread_cancel.cpp, arch/x86_64/cancellable_syscall_freestanding.S),
 * modelled for spin.
 *
 * The target makes two reads in a row, each a cancellation point: the
 * window is the check of the cancel word, then the `syscall` instruction.
 * A read either finds the byte (consumes it and returns: the instruction
 * pointer is then past the window) or sleeps in the kernel until the byte
 * comes or a signal interrupts it; an interrupted read that has not taken
 * effect is rewound to its `syscall` instruction (SA_RESTART), inside the
 * window, before the handler runs.
 *
 * The target counts itself in (in_point) before each read's window and out
 * after the read returns. The canceller may set the request bit, reading
 * the target's state in the same atomic step, and then sends the signal
 * only if the target had cancellation enabled and was counted in (a
 * deferred thread elsewhere finds the bit at its next window's check). The
 * target may start disabled and enable it before its reads (deferred:
 * enabling does not act).
 * The signal handler acts when the request is there and the interrupted
 * instruction is inside the window; acting ends the thread.
 * A writer sends up to two bytes, at any moments.
 *
 * Checked: a read that took a byte from the pipe is never cancelled
 * afterwards (the byte would be lost: the caller never sees it), and the
 * system never comes to rest with the request made and the target asleep
 * in a read (a request that is never acted on). Asleep for ever without a
 * request is the program's own business (nobody wrote), so the target's
 * loop is a valid end state and the request case is asserted explicitly.
 *
 * -DMUTANT seeds a bug: the handler also acts when the instruction pointer
 * is just past the `syscall` instruction, i.e. after the read returned with
 * a byte. spin must find the lost byte. */

#define OUTSIDE 0        /* between reads: not in a cancellation point */
#define WINDOW_CHECK 1   /* about to read the cancel word */
#define AT_SYSCALL 2     /* at the syscall instruction (first time or restarted) */
#define ASLEEP 3         /* in the kernel, waiting for the byte */
#define RETURNED 4       /* just past the window, the byte in hand */
#define FINISHED 5
#define CANCELLED 6

bit requested = 0;
bit disabled = 0;
bit signal_pending = 0;
byte in_pipe = 0;         /* bytes written and not yet read */
byte taken = 0;           /* bytes the reads took from the pipe */
byte delivered = 0;       /* ... and returned to their caller */
byte pc = OUTSIDE;
bit in_point = 0;
byte reads_left = 2;

inline act_if_in_window() {
    if
    :: requested && !disabled && (pc == WINDOW_CHECK || pc == AT_SYSCALL) -> pc = CANCELLED
#ifdef MUTANT
    :: requested && !disabled && pc == RETURNED -> pc = CANCELLED
#endif
    :: else -> skip
    fi
}

active proctype target() {
    if
    :: disabled = 1   /* starts with cancellation disabled ... */
    :: skip
    fi;
    atomic { disabled = 0 };   /* ... and enables it: deferred, so no act here */
end_reading:
    do
    :: pc == OUTSIDE -> atomic { in_point = 1; pc = WINDOW_CHECK }
    :: pc == WINDOW_CHECK ->
        atomic {
            if
            :: requested && !disabled -> pc = CANCELLED
            :: else -> pc = AT_SYSCALL
            fi
        }
    :: pc == AT_SYSCALL ->
        atomic {
            if
            :: in_pipe > 0 -> in_pipe--; taken++; pc = RETURNED
            :: else -> pc = ASLEEP
            fi
        }
    :: pc == ASLEEP && in_pipe > 0 ->
        atomic { in_pipe--; taken++; pc = RETURNED }
    :: pc == RETURNED ->
        atomic {
            delivered = taken;
            in_point = 0;
            reads_left--;
            if
            :: reads_left > 0 -> pc = OUTSIDE
            :: else -> pc = FINISHED
            fi
        }
    :: signal_pending && pc != FINISHED && pc != CANCELLED ->
        atomic {
            signal_pending = 0;
            if
            :: pc == ASLEEP -> pc = AT_SYSCALL   /* interrupted before taking effect: rewound */
            :: else -> skip
            fi;
            act_if_in_window()
        }
    :: pc == FINISHED || pc == CANCELLED -> break
    od;
    /* Every byte a read took reached its caller. (The first read may return
     * one and the thread then be cancelled in the second, which is right.) */
    assert(taken == delivered)
}

active proctype canceller() {
    bit was_disabled, was_in_point;
    if
    :: skip
    :: goto not_at_all
    fi;
    atomic { was_disabled = disabled; was_in_point = in_point; requested = 1 };
    if
    :: !was_disabled && was_in_point -> signal_pending = 1
    :: else -> skip
    fi;
not_at_all:
    skip
}

active proctype writer() {
    do
    :: in_pipe + taken < 2 -> in_pipe++
    :: break
    od
}

/* The system at rest: nobody can move. The target asleep with a request
 * made means the request was lost. */
active proctype at_rest() {
    timeout -> assert(!(requested && pc == ASLEEP))
}
