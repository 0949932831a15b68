/* Calls glibc 2.36 exports that wrap one system call or answer ENOSYS on
 * Linux: strerrorname_np, timespec_getres, isfdtype, adjtime (reading only:
 * a change would move the machine's clock), sigandset sigorset, BSD's
 * sigpause and sigstack, sigreturn, chflags fchflags revoke setlogin gtty
 * stty, readahead, vmsplice, splice/tee/copy_file_range (which are
 * cancellation points, as in glibc), arch_prctl, modify_ldt, pivot_root,
 * process_mrelease, and the -finstrument-functions hooks. Also passes built
 * against glibc. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sgtty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

/* Exported by both libraries without a declaration in their headers. */
int chflags(const char* path, unsigned long flags);
int fchflags(int fd, unsigned long flags);
int arch_prctl(int code, unsigned long* address);
int modify_ldt(int function, void* table, unsigned long size);
int pivot_root(const char* new_root, const char* put_old);
/* BSD's sigpause, which takes a mask: <signal.h> sends "sigpause" to the
 * X/Open form. */
int bsd_sigpause(int mask) __asm__("sigpause");
void __cyg_profile_func_enter(void* function, void* call_site);
void __cyg_profile_func_exit(void* function, void* call_site);

enum { arch_get_fs = 0x1003 }; /* <asm/prctl.h>'s ARCH_GET_FS */

static void error_names(void) {
    CHECK(strcmp(strerrorname_np(0), "0") == 0);
    CHECK(strcmp(strerrorname_np(EPERM), "EPERM") == 0);
    CHECK(strcmp(strerrorname_np(EINVAL), "EINVAL") == 0);
    /* Where two macros share a number, glibc's name. */
    CHECK(strcmp(strerrorname_np(EWOULDBLOCK), "EAGAIN") == 0);
    CHECK(strcmp(strerrorname_np(EDEADLOCK), "EDEADLK") == 0);
    CHECK(strcmp(strerrorname_np(ENOTSUP), "EOPNOTSUPP") == 0);
    CHECK(strcmp(strerrorname_np(EHWPOISON), "EHWPOISON") == 0);
    CHECK(strerrorname_np(41) == NULL);
    CHECK(strerrorname_np(58) == NULL);
    CHECK(strerrorname_np(EHWPOISON + 1) == NULL);
    CHECK(strerrorname_np(-1) == NULL);
    /* Every code with a message has a name, and no other code does. */
    for (int code = 1; code < 200; ++code) {
        const char* name = strerrorname_np(code);
        CHECK((name != NULL) == (strerrordesc_np(code) != NULL));
        if (name != NULL) CHECK(name[0] == 'E');
    }
}

static void time_calls(void) {
    struct timespec resolution = {-1, -1};
    struct timespec expected;
    CHECK_EQ(clock_getres(CLOCK_REALTIME, &expected), 0);
    CHECK_EQ(timespec_getres(&resolution, TIME_UTC), TIME_UTC);
    CHECK_EQ(resolution.tv_sec, expected.tv_sec);
    CHECK_EQ(resolution.tv_nsec, expected.tv_nsec);
    CHECK_EQ(timespec_getres(NULL, TIME_UTC), TIME_UTC);
    resolution.tv_sec = -1;
    CHECK_EQ(timespec_getres(&resolution, TIME_UTC + 1), 0);
    CHECK_EQ(resolution.tv_sec, -1); /* untouched */

    /* Reading the correction under way needs no privilege. */
    struct timeval remaining = {-1, -1};
    CHECK_EQ(adjtime(NULL, &remaining), 0);
    CHECK(remaining.tv_usec > -1000000 && remaining.tv_usec < 1000000);
    /* Too large a correction is refused before the kernel is asked. */
    struct timeval too_far = {2146, 0};
    errno = 0;
    CHECK_EQ(adjtime(&too_far, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    too_far.tv_sec = -2146;
    errno = 0;
    CHECK_EQ(adjtime(&too_far, NULL), -1);
    CHECK_EQ(errno, EINVAL);
}

static void descriptor_types(void) {
    int pair[2];
    CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
    CHECK_EQ(isfdtype(pair[0], S_IFSOCK), 1);
    CHECK_EQ(isfdtype(pair[0], S_IFREG), 0);
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    CHECK_EQ(isfdtype(ends[0], S_IFIFO), 1);
    CHECK_EQ(isfdtype(ends[0], S_IFSOCK), 0);
    CHECK_EQ(close(ends[0]), 0);
    /* A descriptor that is not open: -1, with errno as it was. */
    errno = 1234;
    CHECK_EQ(isfdtype(ends[0], S_IFIFO), -1);
    CHECK_EQ(errno, 1234);
    CHECK_EQ(close(ends[1]), 0);
    CHECK_EQ(close(pair[0]), 0);
    CHECK_EQ(close(pair[1]), 0);
}

static volatile sig_atomic_t user_signals;
static void count_signal(int signal) {
    (void)signal;
    ++user_signals;
}

static void signal_calls(void) {
    sigset_t left, right, result;
    sigemptyset(&left);
    sigemptyset(&right);
    sigaddset(&left, SIGINT);
    sigaddset(&left, SIGUSR1);
    sigaddset(&right, SIGUSR1);
    sigaddset(&right, SIGRTMIN);
    CHECK_EQ(sigandset(&result, &left, &right), 0);
    CHECK(!sigismember(&result, SIGINT) && sigismember(&result, SIGUSR1) &&
          !sigismember(&result, SIGRTMIN));
    CHECK_EQ(sigorset(&result, &left, &right), 0);
    CHECK(sigismember(&result, SIGINT) && sigismember(&result, SIGUSR1) &&
          sigismember(&result, SIGRTMIN) && !sigismember(&result, SIGTERM));
    /* The result may be an operand. */
    CHECK_EQ(sigandset(&left, &left, &right), 0);
    CHECK(!sigismember(&left, SIGINT) && sigismember(&left, SIGUSR1));
    /* Declared non-null, hence the calls through pointers; both libraries
     * check all the same. */
    int (*volatile union_of)(sigset_t*, const sigset_t*, const sigset_t*) = sigorset;
    int (*volatile intersection_of)(sigset_t*, const sigset_t*, const sigset_t*) = sigandset;
    errno = 0;
    CHECK_EQ(union_of(NULL, &left, &right), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(intersection_of(&result, NULL, &right), -1);
    CHECK_EQ(errno, EINVAL);

    /* BSD's sigpause(mask): with SIGUSR1 blocked and pending, an empty mask
     * lets it in; the handler runs, the call is -1 EINTR, and the mask is
     * back as it was. */
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_signal;
    CHECK_EQ(sigaction(SIGUSR1, &action, NULL), 0);
    sigset_t usr1, before, after;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    CHECK_EQ(sigprocmask(SIG_BLOCK, &usr1, &before), 0);
    CHECK_EQ(raise(SIGUSR1), 0);
    CHECK_EQ(user_signals, 0);
    errno = 0;
    CHECK_EQ(bsd_sigpause(0), -1);
    CHECK_EQ(errno, EINTR);
    CHECK_EQ(user_signals, 1);
    CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &after), 0);
    CHECK(sigismember(&after, SIGUSR1));
    CHECK_EQ(sigprocmask(SIG_SETMASK, &before, NULL), 0);

    /* sigstack: the stack, given by its top, is passed to the kernel with
     * its top's address as its size (what reaches down to address 0 on a
     * stack growing down). The kernel takes that size from its base, the
     * pointer given, so the memory is placed low enough that the range it
     * believes in misses this thread's stack, or it would count the thread
     * as running on it. */
    enum { alternate_size = 1 << 16 };
    char* alternate = mmap((void*)0x10000000, alternate_size, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK(alternate == (char*)0x10000000);
    struct sigstack given = {alternate + alternate_size, 0};
    struct sigstack previous;
    /* Deprecated in the header, and called on purpose: what is tested is
     * that old programs calling it still work. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    int (*volatile old_style_stack)(struct sigstack*, struct sigstack*) = sigstack;
#pragma GCC diagnostic pop
    CHECK_EQ(old_style_stack(&given, &previous), 0);
    CHECK_EQ(previous.ss_onstack, 0);
    stack_t current;
    CHECK_EQ(sigaltstack(NULL, &current), 0);
    CHECK(current.ss_sp == alternate + alternate_size);
    CHECK(current.ss_size == (size_t)(uintptr_t)(alternate + alternate_size));
    CHECK_EQ(current.ss_flags, 0);
    struct sigstack read_back = {NULL, -1};
    CHECK_EQ(old_style_stack(NULL, &read_back), 0);
    CHECK(read_back.ss_sp == alternate + alternate_size);
    CHECK_EQ(read_back.ss_onstack, 0);
    stack_t off = {.ss_flags = SS_DISABLE};
    CHECK_EQ(sigaltstack(&off, NULL), 0);
    CHECK_EQ(munmap(alternate, alternate_size), 0);

    errno = 0;
    CHECK_EQ(sigreturn(NULL), -1);
    CHECK_EQ(errno, ENOSYS);
}

static void not_on_linux(void) {
    int fd = open("/dev/null", O_RDONLY);
    CHECK(fd >= 0);
    errno = 0;
    CHECK_EQ(chflags("/dev/null", 0), -1);
    CHECK_EQ(errno, ENOSYS);
    errno = 0;
    CHECK_EQ(fchflags(fd, 0), -1);
    CHECK_EQ(errno, ENOSYS);
    errno = 0;
    CHECK_EQ(revoke("/dev/null"), -1);
    CHECK_EQ(errno, ENOSYS);
    errno = 0;
    CHECK_EQ(setlogin("nobody"), -1);
    CHECK_EQ(errno, ENOSYS);
    /* Arguments that can never be valid are EINVAL first. */
    errno = 0;
    CHECK_EQ(chflags(NULL, 0), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(fchflags(-1, 0), -1);
    CHECK_EQ(errno, EINVAL);
    /* <sgtty.h> leaves struct sgttyb incomplete: any memory stands in. */
    long settings[8] = {0};
    errno = 0;
    CHECK_EQ(gtty(fd, (struct sgttyb*)settings), -1);
    CHECK_EQ(errno, ENOSYS);
    errno = 0;
    CHECK_EQ(stty(fd, (const struct sgttyb*)settings), -1);
    CHECK_EQ(errno, ENOSYS);
    errno = 0;
    CHECK_EQ(gtty(fd, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(stty(fd, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(close(fd), 0);
}

static int file_with(const char* text) {
    char name[] = "/tmp/lwp-kernel-calls-XXXXXX";
    int fd = mkstemp(name);
    CHECK(fd >= 0);
    CHECK_EQ(unlink(name), 0);
    CHECK_EQ(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    return fd;
}

static void data_movement(void) {
    int file = file_with("read ahead of time");
    CHECK_EQ(readahead(file, 0, 4096), 0);
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    errno = 0;
    CHECK_EQ(readahead(ends[0], 0, 4096), -1);
    CHECK_EQ(errno, EINVAL);

    /* vmsplice copies user memory into the pipe; splice moves it on into a
     * file, tee duplicates pipe contents. */
    struct iovec pieces[2] = {{"vm", 2}, {"splice", 6}};
    CHECK_EQ(vmsplice(ends[1], pieces, 2, 0), 8);
    int second[2];
    CHECK_EQ(pipe(second), 0);
    CHECK_EQ(tee(ends[0], second[1], 8, 0), 8);
    char text[16] = {0};
    CHECK_EQ(read(second[0], text, sizeof text), 8);
    CHECK(memcmp(text, "vmsplice", 8) == 0);
    loff_t at = 0;
    int out = file_with("");
    CHECK_EQ(splice(ends[0], NULL, out, &at, 8, 0), 8);
    CHECK_EQ(at, 8);
    memset(text, 0, sizeof text);
    CHECK_EQ(pread(out, text, sizeof text, 0), 8);
    CHECK(memcmp(text, "vmsplice", 8) == 0);
    off64_t from = 5, to = 0;
    int copy = file_with("");
    CHECK_EQ(copy_file_range(file, &from, copy, &to, 5, 0), 5);
    memset(text, 0, sizeof text);
    CHECK_EQ(pread(copy, text, sizeof text, 0), 5);
    CHECK(strcmp(text, "ahead") == 0);
    errno = 0;
    CHECK_EQ(vmsplice(file, pieces, 1, 0), -1);
    CHECK_EQ(errno, EBADF); /* not a pipe */
    close(copy);
    close(out);
    close(file);
    close(ends[0]);
    close(ends[1]);
    close(second[0]);
    close(second[1]);
}

/* A thread blocked in splice or vmsplice on an empty pipe can be cancelled
 * there: both are cancellation points. */
static int empty_pipe[2];
static int sink_pipe[2];
static void* splice_forever(void* unused) {
    (void)unused;
    splice(empty_pipe[0], NULL, sink_pipe[1], NULL, 16, 0);
    return NULL;
}
static void* vmsplice_forever(void* unused) {
    (void)unused;
    char buffer[16];
    struct iovec into = {buffer, sizeof buffer};
    vmsplice(empty_pipe[0], &into, 1, 0);
    return NULL;
}
static void cancel_while_blocked(void* (*body)(void*)) {
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, body, NULL), 0);
    struct timespec pause = {0, 20 * 1000 * 1000};
    nanosleep(&pause, NULL);
    CHECK_EQ(pthread_cancel(thread), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
}
static void cancellation_points(void) {
    CHECK_EQ(pipe(empty_pipe), 0);
    CHECK_EQ(pipe(sink_pipe), 0);
    cancel_while_blocked(splice_forever);
    cancel_while_blocked(vmsplice_forever);
    close(empty_pipe[0]);
    close(empty_pipe[1]);
    close(sink_pipe[0]);
    close(sink_pipe[1]);
}

static int raw_errno(long result) { return result == -1 ? errno : 0; }

static void process_calls(void) {
    /* The thread pointer, as the kernel holds it for this thread. */
    unsigned long thread_pointer = 0;
    CHECK_EQ(arch_prctl(arch_get_fs, &thread_pointer), 0);
    CHECK(thread_pointer == (unsigned long)__builtin_thread_pointer());
    errno = 0;
    CHECK_EQ(arch_prctl(0x7777, &thread_pointer), -1);
    CHECK_EQ(errno, EINVAL);

    /* Nothing in the local descriptor table: a read gives 0 bytes. */
    char table[64];
    CHECK_EQ(modify_ldt(0, table, sizeof table), 0);

    /* pivot_root of paths that do not exist: whatever the kernel says (ENOENT
     * with the privilege, EPERM without), the wrapper says too. */
    errno = 0;
    int pivoted = pivot_root("/nonexistent-lwp-root", "/nonexistent-lwp-old");
    int pivot_error = errno;
    CHECK_EQ(pivoted, -1);
    long raw = syscall(SYS_pivot_root, "/nonexistent-lwp-root", "/nonexistent-lwp-old");
    CHECK_EQ(raw, -1);
    CHECK_EQ(raw_errno(raw), pivot_error);

    /* process_mrelease: flags must be 0, and a live process is not dying. */
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        pause();
        _exit(0);
    }
    int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
    CHECK(pidfd >= 0);
    errno = 0;
    CHECK_EQ(process_mrelease(pidfd, 1), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(process_mrelease(pidfd, 0), -1);
    CHECK_EQ(errno, EINVAL);
    int closed = open("/dev/null", O_RDONLY);
    CHECK_EQ(close(closed), 0);
    errno = 0;
    CHECK_EQ(process_mrelease(closed, 0), -1);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(kill(child, SIGKILL), 0);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFSIGNALED(status));
    close(pidfd);
}

int main(void) {
    error_names();
    time_calls();
    descriptor_types();
    signal_calls();
    not_on_linux();
    data_movement();
    cancellation_points();
    process_calls();
    /* The -finstrument-functions hooks exist and do nothing: an instrumented
     * program that defines none links (this call is the link check). */
    __cyg_profile_func_enter((void*)main, NULL);
    __cyg_profile_func_exit((void*)main, NULL);
    return 0;
}
