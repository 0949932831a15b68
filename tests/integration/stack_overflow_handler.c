/* Catching a thread's stack overflow and carrying on: a thread created with
 * default attributes (so with lwp's guard page below its stack) installs an
 * alternate signal stack of SIGSTKSZ bytes (sysconf(_SC_SIGSTKSZ) under
 * _GNU_SOURCE), calls sigsetjmp(recovery, 1) and recurses until it runs into
 * the guard page. The SIGSEGV handler, installed with SA_ONSTACK, checks that
 * it runs on the alternate stack and that the fault address lies in that
 * thread's guard page, then siglongjmps back into the thread. The thread
 * finds itself off the alternate stack with SIGSEGV unblocked again (the
 * mask sigsetjmp saved) and returns a value, which main joins and checks.
 * A second thread then does it all again: the process, the first thread's
 * exit and its stack (which lwp's stack cache may hand to the second) are
 * fine after the recovery. Without a working
 * alternate stack the kernel has nowhere to put the handler's frame and the
 * process dies of SIGSEGV instead. */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

/* One overflowing thread at a time: written by it before it recurses, read
 * by its handler. */
static uintptr_t guard_low, guard_high;
static uintptr_t alternate_low, alternate_high;
static sigjmp_buf recovery;
static int faults_caught;

static void on_segv(int signal, siginfo_t* info, void* context) {
    (void)context;
    char local;
    CHECK_EQ(signal, SIGSEGV);
    CHECK((uintptr_t)&local >= alternate_low && (uintptr_t)&local < alternate_high);
    uintptr_t fault = (uintptr_t)info->si_addr;
    CHECK(fault >= guard_low && fault < guard_high);
    stack_t current;
    CHECK_EQ(sigaltstack(NULL, &current), 0);
    CHECK(current.ss_flags & SS_ONSTACK);
    faults_caught++;
    siglongjmp(recovery, 1);
}

/* Never reached: the stack ends first. Volatile, so the compiler cannot
 * prove the recursion endless and drop it. */
static volatile unsigned long depth_limit = ~0UL;

/* 1 KiB of every frame stays live across the call, so the recursion is
 * neither a loop nor a tail call, and each level takes real stack. */
static __attribute__((noinline)) unsigned long recurse(unsigned long depth) {
    volatile char frame[1024];
    frame[0] = (char)depth;
    if (depth == depth_limit) return 0;
    return recurse(depth + 1) + (unsigned long)frame[0];
}

static void* overflow(void* result) {
    pthread_attr_t attributes;
    void* stack_low;
    size_t stack_size, guard_size;
    CHECK_EQ(pthread_getattr_np(pthread_self(), &attributes), 0);
    CHECK_EQ(pthread_attr_getstack(&attributes, &stack_low, &stack_size), 0);
    CHECK_EQ(pthread_attr_getguardsize(&attributes, &guard_size), 0);
    CHECK_EQ(pthread_attr_destroy(&attributes), 0);
    CHECK(guard_size > 0);
    /* The guard sits right below the lowest stack byte. */
    guard_high = (uintptr_t)stack_low;
    guard_low = guard_high - guard_size;

    size_t alternate_size = SIGSTKSZ;
    char* alternate = malloc(alternate_size);
    CHECK(alternate != NULL);
    stack_t stack = {.ss_sp = alternate, .ss_flags = 0, .ss_size = alternate_size};
    CHECK_EQ(sigaltstack(&stack, NULL), 0);
    alternate_low = (uintptr_t)alternate;
    alternate_high = alternate_low + alternate_size;

    if (sigsetjmp(recovery, 1) == 0) {
        recurse(0);
        CHECK(!"the recursion returned");
    }
    sigset_t mask;
    CHECK_EQ(pthread_sigmask(SIG_BLOCK, NULL, &mask), 0);
    CHECK(!sigismember(&mask, SIGSEGV));
    /* The kernel refuses to disable the alternate stack while it is in use. */
    stack_t off = {.ss_flags = SS_DISABLE};
    CHECK_EQ(sigaltstack(&off, NULL), 0);
    free(alternate);
    return result;
}

int main(void) {
    struct sigaction action = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_ONSTACK};
    sigemptyset(&action.sa_mask);
    CHECK_EQ(sigaction(SIGSEGV, &action, NULL), 0);
    static int results[2];
    for (int round = 0; round < 2; round++) {
        pthread_t thread;
        void* value = NULL;
        CHECK_EQ(pthread_create(&thread, NULL, overflow, &results[round]), 0);
        CHECK_EQ(pthread_join(thread, &value), 0);
        CHECK(value == &results[round]);
        CHECK_EQ(faults_caught, round + 1);
    }
    return 0;
}
