/* getcontext, setcontext, makecontext and swapcontext: resuming a saved
 * context (getcontext returns again), a function started on a stack of its
 * own with eight arguments (six in registers, two on the stack) and a
 * 16-byte-aligned stack, returning through uc_link; two coroutines taking
 * turns many times; the signal mask and the floating-point control state
 * a context carries (never lwp's signal 32); contexts inside threads; and a
 * null uc_link ending the process with exit(0), exit handlers run.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC), but for signal 32. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include <xmmintrin.h>

#include "../integration/check.h"
#include "child_process.h"

enum { stack_size = 64 * 1024 };

/* ---- 1. getcontext returns again each time its context is resumed ---- */

static void resume_saved_context(void) {
    ucontext_t saved;
    volatile int passes = 0;
    CHECK_EQ(getcontext(&saved), 0);
    if (++passes < 3) {
        setcontext(&saved);
        CHECK(!"setcontext returned");
    }
    CHECK_EQ(passes, 3);
}

/* ---- 2. makecontext: arguments, alignment, uc_link ---- */

static ucontext_t caller_context, callee_context;
static long received[8];
static uintptr_t callee_frame;
static uintptr_t callee_local;

static void take_eight(long a, long b, long c, long d, long e, long f, long g, long h) {
    long values[8] = {a, b, c, d, e, f, g, h};
    memcpy(received, values, sizeof values);
    callee_frame = (uintptr_t)__builtin_frame_address(0);
    callee_local = (uintptr_t)&values;
}

static void start_with_arguments(void) {
    static char stack[stack_size] __attribute__((aligned(16)));
    memset(received, 0, sizeof received);
    CHECK_EQ(getcontext(&callee_context), 0);
    callee_context.uc_stack.ss_sp = stack;
    callee_context.uc_stack.ss_size = sizeof stack;
    callee_context.uc_link = &caller_context;
    /* Pointer-sized values, high bits set, so truncation would show. */
    makecontext(&callee_context, (void (*)(void))take_eight, 8, 0x1111111111111111L,
                -2L, 0x3333333333333333L, 4L, (long)&stack, 0x6666666666666666L,
                0x7777777777777777L, -8L);
    CHECK_EQ(swapcontext(&caller_context, &callee_context), 0);
    /* Back through uc_link once take_eight returned. */
    long expected[8] = {0x1111111111111111L, -2L, 0x3333333333333333L, 4L,
                        (long)&stack, 0x6666666666666666L, 0x7777777777777777L, -8L};
    for (int i = 0; i < 8; ++i) CHECK_EQ(received[i], expected[i]);
    /* It ran on its own stack, and a frame pointer is 16-byte aligned (the
     * call-site alignment the psABI promises, which SSE spills rely on). */
    CHECK(callee_local >= (uintptr_t)stack && callee_local < (uintptr_t)(stack + sizeof stack));
    CHECK_EQ(callee_frame % 16, 0);
}

/* Every argument count from 0 to 8 moves the stack arguments and padding. */
static int zero_calls;
static void take_none(void) { ++zero_calls; }
static long sum_of_seven;
static void take_seven(long a, long b, long c, long d, long e, long f, long g) {
    sum_of_seven = a + b + c + d + e + f + g;
    callee_frame = (uintptr_t)__builtin_frame_address(0);
}

static void argument_counts(void) {
    static char stack[stack_size] __attribute__((aligned(16)));
    /* volatile: the swaps below return twice, as setjmp does. */
    for (volatile int odd_top = 0; odd_top < 2; ++odd_top) {
        /* An unaligned stack end too: makecontext aligns down. */
        volatile size_t size = sizeof stack - (odd_top ? 8 : 0);
        CHECK_EQ(getcontext(&callee_context), 0);
        callee_context.uc_stack.ss_sp = stack;
        callee_context.uc_stack.ss_size = size;
        callee_context.uc_link = &caller_context;
        makecontext(&callee_context, take_none, 0);
        CHECK_EQ(swapcontext(&caller_context, &callee_context), 0);

        CHECK_EQ(getcontext(&callee_context), 0);
        callee_context.uc_stack.ss_sp = stack;
        callee_context.uc_stack.ss_size = size;
        callee_context.uc_link = &caller_context;
        makecontext(&callee_context, (void (*)(void))take_seven, 7, 1L, 2L, 3L, 4L, 5L, 6L,
                    100L);
        callee_frame = 1;
        CHECK_EQ(swapcontext(&caller_context, &callee_context), 0);
        CHECK_EQ(sum_of_seven, 121);
        CHECK_EQ(callee_frame % 16, 0);
    }
    CHECK_EQ(zero_calls, 2);
}

/* ---- 3. Two coroutines taking turns ---- */

enum { turns = 10000 };
static ucontext_t main_context, ping_context, pong_context;
static int trace[2 * turns];
static int trace_length;

static void ping(void) {
    for (int i = 0; i < turns; ++i) {
        trace[trace_length++] = 2 * i;
        CHECK_EQ(swapcontext(&ping_context, &pong_context), 0);
    }
}

static void pong(void) {
    for (int i = 0; i < turns; ++i) {
        trace[trace_length++] = 2 * i + 1;
        CHECK_EQ(swapcontext(&pong_context, &ping_context), 0);
    }
}

static void coroutines(void) {
    char* stacks = malloc(2 * stack_size);
    CHECK(stacks != NULL);
    CHECK_EQ(getcontext(&ping_context), 0);
    ping_context.uc_stack.ss_sp = stacks;
    ping_context.uc_stack.ss_size = stack_size;
    ping_context.uc_link = &main_context; /* ping ends first */
    makecontext(&ping_context, ping, 0);
    CHECK_EQ(getcontext(&pong_context), 0);
    pong_context.uc_stack.ss_sp = stacks + stack_size;
    pong_context.uc_stack.ss_size = stack_size;
    pong_context.uc_link = &main_context;
    makecontext(&pong_context, pong, 0);
    trace_length = 0;
    CHECK_EQ(swapcontext(&main_context, &ping_context), 0);
    /* ping's last swap went to pong, whose last swap went back to ping,
     * which then returned to main: all turns taken, in order. */
    CHECK_EQ(trace_length, 2 * turns);
    for (int i = 0; i < 2 * turns; ++i) CHECK_EQ(trace[i], i);
    free(stacks);
}

/* ---- 4. The signal mask and floating-point control a context carries ---- */

static int usr2_blocked_inside;
static int blocked(int signal_number);
static void note_usr2_blocked(void) { usr2_blocked_inside = blocked(SIGUSR2); }

static int blocked(int signal_number) {
    sigset_t now;
    CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &now), 0);
    return sigismember(&now, signal_number);
}

static void mask_and_float_state(void) {
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    CHECK_EQ(sigprocmask(SIG_BLOCK, &usr1, NULL), 0);
    unsigned saved_mxcsr = _mm_getcsr();
    ucontext_t saved;
    volatile int resumed = 0;
    CHECK_EQ(getcontext(&saved), 0);
    if (!resumed) {
        resumed = 1;
        CHECK_EQ(sigprocmask(SIG_UNBLOCK, &usr1, NULL), 0);
        CHECK(!blocked(SIGUSR1));
        /* Round toward zero, and flush denormals: both in MXCSR. */
        _mm_setcsr((saved_mxcsr & ~0x6000u) | 0x6000u | 0x8000u);
        CHECK(_mm_getcsr() != saved_mxcsr);
        setcontext(&saved);
        CHECK(!"setcontext returned");
    }
    CHECK(blocked(SIGUSR1));
    CHECK_EQ(_mm_getcsr(), saved_mxcsr);

    /* swapcontext hands the masks over: the saved side records the mask it
     * had, the resumed side gets its own. */
    CHECK_EQ(sigprocmask(SIG_UNBLOCK, &usr1, NULL), 0);
    static char stack[stack_size] __attribute__((aligned(16)));
    CHECK_EQ(getcontext(&callee_context), 0);
    sigaddset(&callee_context.uc_sigmask, SIGUSR2);
    callee_context.uc_stack.ss_sp = stack;
    callee_context.uc_stack.ss_size = sizeof stack;
    callee_context.uc_link = &caller_context;
    makecontext(&callee_context, note_usr2_blocked, 0);
    usr2_blocked_inside = -1;
    CHECK_EQ(swapcontext(&caller_context, &callee_context), 0);
    /* The function ran with SIGUSR2 blocked, and returning through uc_link
     * brought back caller_context's mask, without it. */
    CHECK_EQ(usr2_blocked_inside, 1);
    CHECK(!sigismember(&caller_context.uc_sigmask, SIGUSR2));
    CHECK(!blocked(SIGUSR2));
    CHECK(!blocked(SIGUSR1));
}

#ifndef CHECKING_AGAINST_GLIBC
/* Whether the kernel's mask for this thread holds signal 32, lwp's own
 * (sigprocmask never reports it). */
static int signal_32_blocked(void) {
    char path[64], status[4096];
    snprintf(path, sizeof path, "/proc/self/task/%d/status", gettid());
    FILE* file = fopen(path, "r");
    CHECK(file != NULL);
    size_t length = fread(status, 1, sizeof status - 1, file);
    CHECK_EQ(fclose(file), 0);
    status[length] = '\0';
    const char* line = strstr(status, "SigBlk:");
    CHECK(line != NULL);
    unsigned long long mask = strtoull(line + 7, NULL, 16);
    return (mask >> 31) & 1;
}

/* A context whose mask has signal 32's bit set (put there by hand: the
 * sigset functions refuse it) does not block it when resumed. */
static void signal_32_stays_open(void) {
    ucontext_t saved;
    volatile int resumed = 0;
    CHECK_EQ(getcontext(&saved), 0);
    if (!resumed) {
        resumed = 1;
        ((unsigned long*)&saved.uc_sigmask)[0] |= 1UL << 31;
        setcontext(&saved);
        CHECK(!"setcontext returned");
    }
    CHECK(!signal_32_blocked());
}
#endif

/* ---- 5. In threads: each thread's own contexts, its own TLS ---- */

static _Thread_local int thread_number;
static _Thread_local ucontext_t thread_main, thread_worker;
static _Thread_local int seen_number;

static void record_number(void) { seen_number = thread_number; }

static void* thread_with_context(void* argument) {
    thread_number = (int)(intptr_t)argument;
    char* stack = malloc(stack_size);
    CHECK(stack != NULL);
    for (int i = 0; i < 100; ++i) {
        seen_number = -1;
        CHECK_EQ(getcontext(&thread_worker), 0);
        thread_worker.uc_stack.ss_sp = stack;
        thread_worker.uc_stack.ss_size = stack_size;
        thread_worker.uc_link = &thread_main;
        makecontext(&thread_worker, record_number, 0);
        CHECK_EQ(swapcontext(&thread_main, &thread_worker), 0);
        CHECK_EQ(seen_number, thread_number);
    }
    free(stack);
    return (void*)pthread_self();
}

static void contexts_in_threads(void) {
    pthread_t threads[4];
    for (int i = 0; i < 4; ++i)
        CHECK_EQ(pthread_create(&threads[i], NULL, thread_with_context, (void*)(intptr_t)(i + 1)),
                 0);
    for (int i = 0; i < 4; ++i) {
        void* result = NULL;
        CHECK_EQ(pthread_join(threads[i], &result), 0);
        CHECK(result == (void*)threads[i]); /* pthread_self unchanged by the switches */
    }
}

/* ---- 6. A null uc_link: the process exits with status 0 ---- */

static int exit_pipe;
static void report_exit(void) { CHECK_EQ(write(exit_pipe, "exit handler", 12), 12); }
static void last_function(void) {}

static void null_link_exits(void) {
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        exit_pipe = ends[1];
        CHECK_EQ(atexit(report_exit), 0);
        static char stack[stack_size] __attribute__((aligned(16)));
        ucontext_t last;
        CHECK_EQ(getcontext(&last), 0);
        last.uc_stack.ss_sp = stack;
        last.uc_stack.ss_size = sizeof stack;
        last.uc_link = NULL;
        makecontext(&last, last_function, 0);
        setcontext(&last);
        _exit(3); /* not reached */
    }
    CHECK_EQ(close(ends[1]), 0);
    expect_exit_code(child, 0);
    char got[16];
    CHECK_EQ(read(ends[0], got, sizeof got), 12);
    CHECK(memcmp(got, "exit handler", 12) == 0);
    CHECK_EQ(close(ends[0]), 0);
}

int main(void) {
    resume_saved_context();
    start_with_arguments();
    argument_counts();
    coroutines();
    mask_and_float_state();
#ifndef CHECKING_AGAINST_GLIBC
    signal_32_stays_open();
#endif
    contexts_in_threads();
    null_link_exits();
    return 0;
}
