/* fork, _Fork, vfork, pthread_atfork, waitpid, wait and the exec family.
 *
 * The child of a threaded process must find none of the runtime's locks held
 * by a thread that did not come along: forks are made while other threads
 * allocate, flush stdout, create and join threads, open and close a named
 * semaphore and run system (the malloc arenas, the stdio lock, the handle
 * table, the stack cache, the named-semaphore list, system's count), and
 * every child does each of those once itself. A child that hung on a lock
 * would be caught by the parent's bounded wait.
 *
 * Also: the threads that did not come along (their handles stale in the
 * child, their stacks reused there), the order of the atfork handlers, a fork from a thread other than the
 * first (the child's one thread has the child's pid as its tid, and ending it
 * with pthread_exit ends the process with status 0), _Fork (no handlers), a
 * failing fork (a seccomp filter makes the clone fail: errno, the prepare
 * and parent handlers ran, every lock is free again), thousands of atfork
 * handlers, waitpid's errors, the exec family (this program again,
 * and sh found through PATH), and vfork, from the first thread and another.
 *
 *   fork            the tests
 *   fork exec-child what execv and execl run: exits with status 33
 *   fork exec-env   what execle runs: 35 if its environment is the one given */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

static atomic_int stop_busy;
static char semaphore_name[64];  /* a named semaphore of this run's own */

/* Takes the runtime's locks over and over. */
static void* empty_routine(void* argument) { return argument; }

static void* allocate_and_flush(void* argument) {
    (void)argument;
    while (!atomic_load(&stop_busy)) {
        void* blocks[8];
        for (int i = 0; i < 8; ++i) blocks[i] = malloc((size_t)(16 << i));
        for (int i = 0; i < 8; ++i) free(blocks[i]);
        fflush(stdout);
    }
    return NULL;
}

static void* open_and_close_semaphore(void* argument) {
    (void)argument;
    while (!atomic_load(&stop_busy)) {
        sem_t* sem = sem_open(semaphore_name, O_CREAT, 0600, 0);
        CHECK(sem != SEM_FAILED);
        CHECK_EQ(sem_close(sem), 0);
    }
    return NULL;
}

static void* run_shell(void* argument) {
    (void)argument;
    while (!atomic_load(&stop_busy)) CHECK_EQ(system("exit 0"), 0);
    return NULL;
}

static void* create_and_join(void* argument) {
    (void)argument;
    while (!atomic_load(&stop_busy)) {
        pthread_t thread;
        CHECK_EQ(pthread_create(&thread, NULL, empty_routine, NULL), 0);
        CHECK_EQ(pthread_join(thread, NULL), 0);
    }
    return NULL;
}

/* What every child does: uses each lock once more (system only when the
 * child may create processes). */
static int use_the_runtime_but_system(void) {
    void* block = malloc(1000);
    if (block == NULL) return 10;
    memset(block, 1, 1000);
    free(block);
    if (fflush(stdout) != 0) return 11;
    pthread_t thread;
    if (pthread_create(&thread, NULL, empty_routine, (void*)5) != 0) return 12;
    void* result = NULL;
    if (pthread_join(thread, &result) != 0 || result != (void*)5) return 13;
    sem_t* sem = sem_open(semaphore_name, O_CREAT, 0600, 0);
    if (sem == SEM_FAILED || sem_close(sem) != 0) return 14;
    return 0;
}

static int use_the_runtime(void) {
    int failure = use_the_runtime_but_system();
    if (failure) return failure;
    return system("exit 0") == 0 ? 0 : 15;
}


/* --- atfork handlers: each appends a letter to `handler_log` */
static char handler_log[64];
static void log_letter(char letter) {
    size_t length = strlen(handler_log);
    if (length + 1 < sizeof handler_log) handler_log[length] = letter;
}
static void prepare_a(void) { log_letter('A'); }
static void prepare_b(void) { log_letter('B'); }
static void prepare_c(void) { log_letter('C'); }
static void parent_a(void) { log_letter('a'); }
static void parent_b(void) { log_letter('b'); }
static void parent_c(void) { log_letter('c'); }
static void child_a(void) { log_letter('1'); }
static void child_b(void) { log_letter('2'); }
static void child_c(void) { log_letter('3'); }

/* Threads that did not come along: in the child their handles are stale
 * (ESRCH) and their stacks free, so the child's first new thread runs on one
 * of them instead of a new mapping; yet every one of those stacks is still
 * there to read (more of them than the stack cache's cap holds, at the
 * default 8 MiB stacks), as in any copy of the parent's memory. */
static sem_t started, let_go;

struct waiting_thread {
    void* stack;
    const char* note;  /* text on the thread's own stack */
};

static void* stack_of_self(void) {
    pthread_attr_t attributes;
    void* stack = NULL;
    size_t size = 0;
    CHECK_EQ(pthread_getattr_np(pthread_self(), &attributes), 0);
    CHECK_EQ(pthread_attr_getstack(&attributes, &stack, &size), 0);
    CHECK_EQ(pthread_attr_destroy(&attributes), 0);
    return stack;
}

static void* note_stack(void* where) {
    *(void**)where = stack_of_self();
    return where;
}

static void* note_stack_and_wait(void* argument) {
    struct waiting_thread* self = argument;
    char note[32];
    snprintf(note, sizeof note, "left by %p", argument);
    self->stack = stack_of_self();
    self->note = note;
    CHECK_EQ(sem_post(&started), 0);
    while (sem_wait(&let_go) != 0) CHECK_EQ(errno, EINTR);
    return argument;
}

static void other_threads_let_go(void) {
    enum { waiting = 6 };
    pthread_t threads[waiting + 1];
    struct waiting_thread seen[waiting + 1];
    CHECK_EQ(sem_init(&started, 0, 0), 0);
    CHECK_EQ(sem_init(&let_go, 0, 0), 0);
    for (int i = 0; i < waiting; ++i) {
        CHECK_EQ(pthread_create(&threads[i], NULL, note_stack_and_wait, &seen[i]), 0);
        while (sem_wait(&started) != 0) CHECK_EQ(errno, EINTR);
    }
    /* One more that has ended but is not joined yet. */
    seen[waiting].note = NULL;
    CHECK_EQ(pthread_create(&threads[waiting], NULL, note_stack, &seen[waiting].stack), 0);
    struct timespec pause = {0, 20000000};
    nanosleep(&pause, NULL);

    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
#ifndef CHECKING_AGAINST_GLIBC
        /* lwp's stale handles give ESRCH (docs/posix.md, fork); glibc's
         * child has no answer to assert (its join of such a handle returns
         * 0 once, then may crash: POSIX leaves it undefined). */
        for (int i = 0; i <= waiting; ++i)
            if (pthread_join(threads[i], NULL) != ESRCH) _exit(60 + i);
#endif
        char expected[32];
        for (int i = 0; i < waiting; ++i) {
            snprintf(expected, sizeof expected, "left by %p", (void*)&seen[i]);
            if (strcmp(seen[i].note, expected) != 0) _exit(70 + i);
        }
        void* fresh_stack = NULL;
        pthread_t fresh;
        if (pthread_create(&fresh, NULL, note_stack, &fresh_stack) != 0) _exit(80);
        if (pthread_join(fresh, NULL) != 0) _exit(81);
        for (int i = 0; i <= waiting; ++i)
            if (fresh_stack == seen[i].stack) _exit(0);
        _exit(82);
    }
    expect_exit_code(child, 0);
    for (int i = 0; i < waiting; ++i) CHECK_EQ(sem_post(&let_go), 0);
    for (int i = 0; i <= waiting; ++i) {
        void* result = NULL;
        CHECK_EQ(pthread_join(threads[i], &result), 0);
        CHECK(result == (i < waiting ? (void*)&seen[i] : (void*)&seen[i].stack));
    }
}

static void forks_while_busy(void) {
    pthread_t busy[5];
    CHECK_EQ(pthread_create(&busy[0], NULL, allocate_and_flush, NULL), 0);
    CHECK_EQ(pthread_create(&busy[1], NULL, allocate_and_flush, NULL), 0);
    CHECK_EQ(pthread_create(&busy[2], NULL, create_and_join, NULL), 0);
#ifdef CHECKING_AGAINST_GLIBC
    /* glibc's fork neither holds nor resets sem_open's lock: a child forked
     * while a thread is inside sem_open hangs in its own sem_open. lwp holds
     * it across fork (docs/posix.md, fork). */
    (void)open_and_close_semaphore;
    CHECK_EQ(pthread_create(&busy[3], NULL, create_and_join, NULL), 0);
#else
    CHECK_EQ(pthread_create(&busy[3], NULL, open_and_close_semaphore, NULL), 0);
#endif
    CHECK_EQ(pthread_create(&busy[4], NULL, run_shell, NULL), 0);
    for (int round = 0; round < 200; ++round) {
        pid_t child = fork();
        CHECK(child != -1);
        if (child == 0) {
#ifdef CHECKING_AGAINST_GLIBC
            /* Nor does glibc's fork hold or reset system's lock: a child
             * forked while run_shell is between that lock and its unlock
             * hangs in its own system (gdb shows do_system waiting on it). */
            int failure = use_the_runtime_but_system();
#else
            int failure = use_the_runtime();
#endif
            _exit(failure == 0 ? 42 : failure);
        }
        expect_exit_code(child, 42);
    }
    atomic_store(&stop_busy, 1);
    for (int i = 0; i < 5; ++i) CHECK_EQ(pthread_join(busy[i], NULL), 0);
}

static void handler_order(void) {
    memset(handler_log, 0, sizeof handler_log);
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) _exit(strcmp(handler_log, "CBA123") == 0 ? 0 : 1);
    CHECK(strcmp(handler_log, "CBAabc") == 0);
    expect_exit_code(child, 0);
}

static void* fork_from_thread(void* argument) {
    pthread_t self = pthread_self();
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        /* The child's one thread: its tid is the new process's pid. */
        if (syscall(SYS_gettid) != getpid()) _exit(20);
        if (!pthread_equal(pthread_self(), self)) _exit(21);
        if (use_the_runtime() != 0) _exit(22);
        /* The last thread: ending it ends the process, with status 0. */
        pthread_exit(NULL);
    }
    expect_exit_code(child, 0);
    return argument;
}

static void underscore_fork(void) {
    memset(handler_log, 0, sizeof handler_log);
    pid_t child = _Fork();
    CHECK(child != -1);
    if (child == 0) _exit(handler_log[0] == '\0' ? 7 : 8);
    CHECK_EQ(handler_log[0], '\0');
    expect_exit_code(child, 7);
}

/* In a child of its own: after a seccomp filter makes every clone that is
 * not a thread's fail with EAGAIN, fork must fail the same way, having run
 * the prepare and parent handlers, with every runtime lock free again. */
static int failing_fork(void) {
    struct sock_filter program[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 3),
        /* The low half of the flags (x86_64 is little-endian). */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EAGAIN),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog filter = {sizeof program / sizeof program[0], program};
    if (syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return 30;
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &filter) != 0) return 31;
    memset(handler_log, 0, sizeof handler_log);
    errno = 0;
    if (fork() != -1 || errno != EAGAIN) return 32;
    if (strcmp(handler_log, "CBAabc") != 0) return 33;
    if (_Fork() != -1 || errno != EAGAIN) return 34;
    return use_the_runtime_but_system() == 0 ? 0 : 35;
}

/* In a child of its own, as the entries stay: thousands of handlers, past
 * the first block of the table, all run by the next fork: every prepare
 * handler before any parent handler. */
static int calls;
static int lowest;
static void count_prepare(void) {
    if (--calls < lowest) lowest = calls;
}
static void count_parent(void) { ++calls; }

static int many_handlers(void) {
    enum { extra = 5000 };
    for (int i = 0; i < extra; ++i)
        if (pthread_atfork(count_prepare, count_parent, NULL) != 0) return 40;
    calls = lowest = 0;
    pid_t child = fork();
    if (child == -1) return 41;
    if (child == 0) _exit(0);
    expect_exit_code(child, 0);
    return calls == 0 && lowest == -extra ? 0 : 42;
}

static void in_a_child(int (*test)(void)) {
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) _exit(test());
    expect_exit_code(child, 0);
}

static void wait_errors(void) {
    int status;
    errno = 0;
    CHECK_EQ(waitpid(-1, &status, 0), -1);
    CHECK_EQ(errno, ECHILD);
    errno = 0;
    CHECK_EQ(wait(&status), -1);
    CHECK_EQ(errno, ECHILD);
    errno = 0;
    CHECK_EQ(waitpid(-1, &status, 0x100), -1); /* not a wait option */
    CHECK_EQ(errno, EINVAL);
}

static void exec_this_program(void) {
    pid_t child = fork();
    CHECK(child != -1);
    if (child == 0) {
        char* arguments[] = {"fork", "exec-child", NULL};
        execv("/proc/self/exe", arguments);
        _exit(50);  /* execv returned: it failed */
    }
    expect_exit_code(child, 33);
    char* arguments[] = {"nothing", NULL};
    errno = 0;
    CHECK_EQ(execv("/nonexistent/program", arguments), -1);
    CHECK_EQ(errno, ENOENT);

    /* execl, and execle with an environment of its own. */
    child = fork();
    CHECK(child != -1);
    if (child == 0) {
        execl("/proc/self/exe", "fork", "exec-child", (char*)NULL);
        _exit(51);
    }
    expect_exit_code(child, 33);
    child = fork();
    CHECK(child != -1);
    if (child == 0) {
        char* environment[] = {"LWP_FORK_TEST=from-execle", NULL};
        execle("/proc/self/exe", "fork", "exec-env", (char*)NULL, environment);
        _exit(52);
    }
    expect_exit_code(child, 35);

    /* execlp and execvp search PATH for a name without a slash. */
    child = fork();
    CHECK(child != -1);
    if (child == 0) {
        execlp("sh", "sh", "-c", "exit 34", (char*)NULL);
        _exit(53);
    }
    expect_exit_code(child, 34);
    char* missing[] = {"lwp-no-such-program", NULL};
    errno = 0;
    CHECK_EQ(execvp("lwp-no-such-program", missing), -1);
    CHECK_EQ(errno, ENOENT);
    static char long_name[6000];
    memset(long_name, 'x', sizeof long_name - 1);
    errno = 0;
    CHECK_EQ(execvp(long_name, missing), -1);
    CHECK_EQ(errno, ENAMETOOLONG);

    /* A script without "#!": execvp and execlp run it with /bin/sh. */
    char script[] = "/tmp/lwp-fork-script-XXXXXX";
    int fd = mkstemp(script);
    CHECK(fd >= 0);
    static const char text[] = "test \"$1\" = argument && exit 37; exit 38\n";
    CHECK_EQ(write(fd, text, sizeof text - 1), (long)(sizeof text - 1));
    CHECK_EQ(fchmod(fd, 0700), 0);
    CHECK_EQ(close(fd), 0);
    child = fork();
    CHECK(child != -1);
    if (child == 0) {
        char* script_argv[] = {script, "argument", NULL};
        execvp(script, script_argv);
        _exit(55);
    }
    expect_exit_code(child, 37);
    child = fork();
    CHECK(child != -1);
    if (child == 0) {
        execlp(script, script, "argument", (char*)NULL);
        _exit(56);
    }
    expect_exit_code(child, 37);
    CHECK_EQ(unlink(script), 0);
}

/* vfork: the child borrows our memory and stack until it execs or exits. */
static void* vfork_and_exec(void* argument) {
    pid_t child = vfork();
    CHECK(child != -1);
    if (child == 0) {
        execl("/proc/self/exe", "fork", "exec-child", (char*)NULL);
        _exit(54);
    }
    expect_exit_code(child, 33);
    child = vfork();
    CHECK(child != -1);
    if (child == 0) _exit(9);
    expect_exit_code(child, 9);
    return argument;
}

int main(int argc, char** argv) {
    if (argc == 2 && strcmp(argv[1], "exec-child") == 0) return 33;
    if (argc == 2 && strcmp(argv[1], "exec-env") == 0) {
        const char* value = getenv("LWP_FORK_TEST");
        return value && strcmp(value, "from-execle") == 0 && getenv("PATH") == NULL ? 35 : 36;
    }
    snprintf(semaphore_name, sizeof semaphore_name, "/lwp-fork-test-%d", (int)getpid());
    CHECK_EQ(pthread_atfork(prepare_a, parent_a, child_a), 0);
    CHECK_EQ(pthread_atfork(prepare_b, parent_b, child_b), 0);
    CHECK_EQ(pthread_atfork(prepare_c, parent_c, child_c), 0);

    other_threads_let_go();
    forks_while_busy();
    handler_order();
    pthread_t forker;
    CHECK_EQ(pthread_create(&forker, NULL, fork_from_thread, NULL), 0);
    CHECK_EQ(pthread_join(forker, NULL), 0);
    underscore_fork();
    in_a_child(failing_fork);
    in_a_child(many_handlers);
    wait_errors();
    exec_this_program();
    vfork_and_exec(NULL);
    CHECK_EQ(pthread_create(&forker, NULL, vfork_and_exec, NULL), 0);
    CHECK_EQ(pthread_join(forker, NULL), 0);
    CHECK_EQ(sem_unlink(semaphore_name), 0);
    puts("fork: all checks passed");
    return 0;
}
