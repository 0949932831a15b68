/* glibc's second names (__read, __open, __sigaction, __bsd_getpgrp, ...),
 * each the same function as its first name: the same results and errno;
 * __posix_getopt (getopt without permutation); __assert and
 * __assert_perror_fail (their messages, then SIGABRT); __libc_sa_len;
 * __libc_allocate_rtsig (SIGRTMIN/SIGRTMAX narrowed); glibc's old cleanup
 * ABI _pthread_cleanup_push/_pthread_cleanup_pop, run by a cancellation
 * in order with pthread_cleanup_push's handlers; and the variables
 * __fpu_control, re_max_failures, _libc_intl_domainname,
 * _nl_default_dirname, _nl_msg_cat_cntr and _nl_domain_bindings. Also
 * passes built against glibc. */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <fpu_control.h>
#include <libintl.h>
#include <mntent.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

/* Not in glibc's headers (or only under other feature macros). */
void __assert(const char*, const char*, int) __attribute__((noreturn));
void __assert_perror_fail(int, const char*, unsigned int, const char*) __attribute__((noreturn));
int __close(int);
int __connect(int, const struct sockaddr*, socklen_t);
int __dup2(int, int);
int __fcntl(int, int, ...);
pid_t __fork(void);
pid_t __vfork(void);
pid_t __getpid(void);
int __gettimeofday(struct timeval*, void*);
off_t __lseek(int, off_t, int);
int __nanosleep(const struct timespec*, struct timespec*);
int __open(const char*, int, ...);
int __open64(const char*, int, ...);
int __pipe(int[2]);
ssize_t __pread64(int, void*, size_t, off_t);
ssize_t __pwrite64(int, const void*, size_t, off_t);
ssize_t __read(int, void*, size_t);
ssize_t __write(int, const void*, size_t);
int __select(int, fd_set*, fd_set*, fd_set*, struct timeval*);
ssize_t __send(int, const void*, size_t, int);
int __setpgid(pid_t, pid_t);
int __sigaction(int, const struct sigaction*, struct sigaction*);
int __sigsuspend(const sigset_t*);
int __statfs(const char*, struct statfs*);
pid_t __wait(int*);
pid_t __waitpid(pid_t, int*, int);
int __clone(int (*)(void*), void*, int, void*, ...);
int __arch_prctl(int, unsigned long*);
int __adjtimex(struct timex*);
pid_t __bsd_getpgrp(pid_t);
int __sched_get_priority_max(int);
int __sched_get_priority_min(int);
int __sched_getparam(pid_t, struct sched_param*);
int __sched_getscheduler(pid_t);
int __sched_setscheduler(pid_t, int, const struct sched_param*);
int __sched_yield(void);
FILE* __setmntent(const char*, const char*);
struct mntent* __getmntent_r(FILE*, struct mntent*, char*, int);
int __endmntent(FILE*);
int __ffs(int);
unsigned long __getauxval(unsigned long);
int __posix_getopt(int, char* const*, const char*);
int __vsnprintf(char*, size_t, const char*, va_list);
int __vsscanf(const char*, const char*, va_list);
int __vfscanf(FILE*, const char*, va_list);
int __libc_sa_len(sa_family_t);
int __libc_allocate_rtsig(int);
void _pthread_cleanup_push(struct _pthread_cleanup_buffer*, void (*)(void*), void*);
void _pthread_cleanup_pop(struct _pthread_cleanup_buffer*, int);
extern int re_max_failures;
extern const char _libc_intl_domainname[];
extern const char _nl_default_dirname[];
extern int _nl_msg_cat_cntr;
/* glibc's struct binding, which lwp's bindings share. */
struct domain_binding {
    struct domain_binding* next;
    char* dirname;
    char* codeset;
    char domainname[];
};
extern struct domain_binding* _nl_domain_bindings;

static char scratch_name[] = "/tmp/glibc_second_names_XXXXXX";

static void check_file_calls(void) {
    int fd = mkstemp(scratch_name);
    CHECK(fd >= 0);
    CHECK_EQ(__write(fd, "abcdef", 6), 6);
    CHECK_EQ(__lseek(fd, 1, SEEK_SET), 1);
    char text[8] = {0};
    CHECK_EQ(__read(fd, text, 2), 2);
    CHECK(memcmp(text, "bc", 2) == 0);
    CHECK_EQ(__pwrite64(fd, "XY", 2, 4), 2);
    CHECK_EQ(__pread64(fd, text, 6, 0), 6);
    CHECK(memcmp(text, "abcdXY", 6) == 0);
    CHECK_EQ(__fcntl(fd, F_GETFD), 0);
    CHECK_EQ(__fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
    CHECK_EQ(__fcntl(fd, F_GETFD), FD_CLOEXEC);
    int copy = __dup2(fd, 40);
    CHECK_EQ(copy, 40);
    CHECK_EQ(__close(copy), 0);
    CHECK_EQ(__close(fd), 0);
    errno = 0;
    CHECK_EQ(__close(fd), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(__read(-1, text, 1), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(__lseek(-1, 0, SEEK_SET), -1);
    CHECK_EQ(errno, EBADF);

    fd = __open(scratch_name, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(__read(fd, text, 6), 6);
    CHECK(memcmp(text, "abcdXY", 6) == 0);
    CHECK_EQ(__close(fd), 0);
    fd = __open64(scratch_name, O_WRONLY | O_APPEND);
    CHECK(fd >= 0);
    CHECK_EQ(__close(fd), 0);
    errno = 0;
    CHECK_EQ(__open("/nonexistent/file", O_RDONLY), -1);
    CHECK_EQ(errno, ENOENT);
    int made = __open(scratch_name, O_WRONLY | O_CREAT | O_EXCL, 0600);
    CHECK_EQ(made, -1);
    CHECK_EQ(errno, EEXIST);
    unlink(scratch_name);

    int ends[2];
    CHECK_EQ(__pipe(ends), 0);
    CHECK_EQ(__write(ends[1], "q", 1), 1);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(ends[0], &readable);
    struct timeval no_wait = {0, 0};
    CHECK_EQ(__select(ends[0] + 1, &readable, NULL, NULL, &no_wait), 1);
    CHECK(FD_ISSET(ends[0], &readable));
    close(ends[0]);
    close(ends[1]);

    struct statfs by_second, by_first;
    CHECK_EQ(__statfs("/", &by_second), 0);
    CHECK_EQ(statfs("/", &by_first), 0);
    CHECK_EQ(by_second.f_type, by_first.f_type);
    errno = 0;
    CHECK_EQ(__statfs("/nonexistent/dir", &by_second), -1);
    CHECK_EQ(errno, ENOENT);
}

static void check_sockets(void) {
    int pair[2];
    CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
    CHECK_EQ(__send(pair[0], "hi", 2, 0), 2);
    char text[4];
    CHECK_EQ(__read(pair[1], text, 2), 2);
    CHECK(memcmp(text, "hi", 2) == 0);
    close(pair[0]);
    close(pair[1]);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un nowhere = {.sun_family = AF_UNIX};
    strcpy(nowhere.sun_path, "/nonexistent/socket");
    errno = 0;
    CHECK_EQ(__connect(fd, (struct sockaddr*)&nowhere, sizeof nowhere), -1);
    CHECK_EQ(errno, ENOENT);
    close(fd);

    CHECK_EQ(__libc_sa_len(AF_INET), sizeof(struct sockaddr_in));
    CHECK_EQ(__libc_sa_len(AF_INET6), 28);
    CHECK_EQ(__libc_sa_len(AF_UNIX), 110);
    CHECK_EQ(__libc_sa_len(AF_PACKET), 20);
    CHECK_EQ(__libc_sa_len(AF_APPLETALK), 16);
    CHECK_EQ(__libc_sa_len(AF_AX25), 16);
    CHECK_EQ(__libc_sa_len(AF_IPX), 16);
    CHECK_EQ(__libc_sa_len(AF_ROSE), 28);
    CHECK_EQ(__libc_sa_len(AF_ASH), 32);
    CHECK_EQ(__libc_sa_len(AF_ECONET), 16);
    CHECK_EQ(__libc_sa_len(AF_UNSPEC), 0);
    CHECK_EQ(__libc_sa_len(AF_NETLINK), 0);
    CHECK_EQ(__libc_sa_len(AF_BLUETOOTH), 0);
}

static int clone_child(void* argument) {
    return *(int*)argument;
}

static void check_processes(void) {
    CHECK_EQ(__getpid(), getpid());
    CHECK_EQ(__bsd_getpgrp(0), getpgrp());
    CHECK_EQ(__bsd_getpgrp(getpid()), getpgid(0));
    errno = 0;
    CHECK_EQ(__bsd_getpgrp(-1), -1);
    CHECK_EQ(errno, ESRCH);

    pid_t child = __fork();
    CHECK(child >= 0);
    if (child == 0) {
        /* A group of its own, as setpgid(0, 0) makes it. */
        _exit(__setpgid(0, 0) == 0 && getpgrp() == getpid() ? 7 : 1);
    }
    int status = 0;
    CHECK_EQ(__waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 7);

    child = __vfork();
    CHECK(child >= 0);
    if (child == 0) _exit(9);
    CHECK_EQ(__wait(&status), child);
    CHECK_EQ(WEXITSTATUS(status), 9);
    errno = 0;
    CHECK_EQ(__wait(&status), -1);
    CHECK_EQ(errno, ECHILD);

    static char stack[64 * 1024] __attribute__((aligned(16)));
    int code = 5;
    child = __clone(clone_child, stack + sizeof stack, SIGCHLD, &code);
    CHECK(child > 0);
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK_EQ(WEXITSTATUS(status), 5);
    errno = 0;
    CHECK_EQ(__clone(NULL, stack + sizeof stack, SIGCHLD, NULL), -1);
    CHECK_EQ(errno, EINVAL);
}

static int handled;
static void on_usr1(int signal) { handled = signal; }

static void check_signals_and_time(void) {
    struct sigaction action = {.sa_handler = on_usr1};
    sigemptyset(&action.sa_mask);
    struct sigaction before;
    CHECK_EQ(__sigaction(SIGUSR1, &action, &before), 0);
    CHECK(before.sa_handler == SIG_DFL);
    errno = 0;
    CHECK_EQ(__sigaction(SIGKILL, &action, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(__sigaction(0, &action, NULL), -1);
    CHECK_EQ(errno, EINVAL);

    sigset_t blocked, during;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigprocmask(SIG_BLOCK, &blocked, NULL);
    raise(SIGUSR1);
    CHECK_EQ(handled, 0);
    sigemptyset(&during);
    errno = 0;
    CHECK_EQ(__sigsuspend(&during), -1);
    CHECK_EQ(errno, EINTR);
    CHECK_EQ(handled, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &blocked, NULL);
    signal(SIGUSR1, SIG_DFL);

    struct timeval now;
    CHECK_EQ(__gettimeofday(&now, NULL), 0);
    CHECK(now.tv_sec > 1600000000);
    struct timespec short_nap = {0, 1000};
    CHECK_EQ(__nanosleep(&short_nap, NULL), 0);
    struct timespec bad = {0, 1000000000};
    errno = 0;
    CHECK_EQ(__nanosleep(&bad, NULL), -1);
    CHECK_EQ(errno, EINVAL);
    struct timex reading = {.modes = 0};
    CHECK(__adjtimex(&reading) >= 0);
    unsigned long base = 0;
    CHECK_EQ(__arch_prctl(0x1003 /* ARCH_GET_FS */, &base), 0);
    CHECK(base != 0);
    errno = 0;
    CHECK_EQ(__arch_prctl(0x9999, &base), -1);
    CHECK_EQ(errno, EINVAL);
}

static void check_scheduling(void) {
    CHECK_EQ(__sched_get_priority_max(SCHED_FIFO), 99);
    CHECK_EQ(__sched_get_priority_min(SCHED_FIFO), 1);
    CHECK_EQ(__sched_get_priority_max(SCHED_OTHER), 0);
    errno = 0;
    CHECK_EQ(__sched_get_priority_max(12345), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(__sched_get_priority_min(-1), -1);
    CHECK_EQ(errno, EINVAL);
    struct sched_param parameter = {.sched_priority = 5};
    CHECK_EQ(__sched_getparam(0, &parameter), 0);
    CHECK_EQ(parameter.sched_priority, 0);
    CHECK_EQ(__sched_getscheduler(0), SCHED_OTHER);
    CHECK_EQ(__sched_setscheduler(0, SCHED_OTHER, &parameter), 0);
    errno = 0;
    CHECK_EQ(__sched_setscheduler(0, 12345, &parameter), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(__sched_yield(), 0);
}

static int scan_with(int (*scan)(const char*, const char*, va_list), const char* text,
                     const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = scan(text, format, arguments);
    va_end(arguments);
    return result;
}

static int scan_file_with(FILE* file, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vfscanf(file, format, arguments);
    va_end(arguments);
    return result;
}

static int print_with(char* buffer, size_t size, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = __vsnprintf(buffer, size, format, arguments);
    va_end(arguments);
    return result;
}

static void check_library_functions(void) {
    CHECK_EQ(__ffs(0), 0);
    CHECK_EQ(__ffs(0x50), 5);
    CHECK_EQ(__ffs(INT32_MIN), 32);
    CHECK_EQ(__getauxval(AT_PAGESZ), 4096);
    CHECK_EQ(__getauxval(AT_UID), getuid());
    errno = 0;
    CHECK_EQ(__getauxval(12345), 0);
    CHECK_EQ(errno, ENOENT);

    char buffer[8];
    CHECK_EQ(print_with(buffer, sizeof buffer, "%d-%s", 1234, "abcdef"), 11);
    CHECK(strcmp(buffer, "1234-ab") == 0);
    int number = 0;
    char word[8] = "";
    CHECK_EQ(scan_with(__vsscanf, " 42 xyz", "%d %7s", &number, word), 2);
    CHECK_EQ(number, 42);
    CHECK(strcmp(word, "xyz") == 0);
    CHECK_EQ(scan_with(__vsscanf, "", "%d", &number), EOF);
    FILE* file = fmemopen((char*)"17 rest", 7, "r");
    CHECK(file != NULL);
    CHECK_EQ(scan_file_with(file, "%d", &number), 1);
    CHECK_EQ(number, 17);
    fclose(file);

    FILE* table = __setmntent("/proc/self/mounts", "r");
    CHECK(table != NULL);
    struct mntent entry;
    char text[4096];
    int entries = 0;
    while (__getmntent_r(table, &entry, text, sizeof text) != NULL) {
        CHECK(entry.mnt_dir[0] == '/');
        ++entries;
    }
    CHECK(entries > 0);
    CHECK_EQ(__endmntent(table), 1);
}

static void check_posix_getopt(void) {
    /* getopt permutes "a.c -x" so that -x is found; __posix_getopt stops at
     * the first non-option, as POSIXLY_CORRECT would make getopt. */
    char* arguments[] = {"prog", "file", "-x", NULL};
    optind = 0;
    opterr = 0;
    CHECK_EQ(__posix_getopt(3, arguments, "x"), -1);
    CHECK_EQ(optind, 1);
    CHECK(strcmp(arguments[1], "file") == 0);
    optind = 0;
    CHECK_EQ(getopt(3, arguments, "x"), 'x');
    CHECK_EQ(getopt(3, arguments, "x"), -1);
    CHECK_EQ(optind, 2);
    CHECK(strcmp(arguments[1], "-x") == 0); /* permuted */
    char* options_first[] = {"prog", "-y", "-z", "left", NULL};
    optind = 0;
    CHECK_EQ(__posix_getopt(4, options_first, "yz"), 'y');
    CHECK_EQ(__posix_getopt(4, options_first, "yz"), 'z');
    CHECK_EQ(__posix_getopt(4, options_first, "yz"), -1);
    CHECK_EQ(optind, 3);
    optind = 0;
    CHECK_EQ(__posix_getopt(4, options_first, "y"), 'y');
    CHECK_EQ(__posix_getopt(4, options_first, "y"), '?');
    CHECK_EQ(optopt, 'z');
    opterr = 1;
    optind = 1;
}

/* Runs `body` in a child with stderr on a pipe: the child must die of
 * SIGABRT having written exactly `expected`. */
static void check_aborts_with(void (*body)(void), const char* expected) {
    int reader;
    pid_t child = fork_writing_errors_to_a_pipe(&reader);
    if (child == 0) {
        body();
        _exit(1);
    }
    char text[512];
    read_to_end(reader, text, sizeof text);
    expect_killed_by(child, SIGABRT);
    if (strcmp(text, expected) != 0) {
        check_write("got: ");
        check_write(text);
        check_write("expected: ");
        check_write(expected);
    }
    CHECK(strcmp(text, expected) == 0);
}

static void fail_old_assert(void) { __assert("x == y", "file.c", 12); }
static void fail_perror_assert(void) { __assert_perror_fail(ENOENT, "where.c", 34, "function"); }
static void fail_perror_assert_unnamed(void) { __assert_perror_fail(EACCES, "there.c", 5, NULL); }

static void check_assertions(void) {
    signal(SIGABRT, SIG_DFL);
    char expected[256];
    snprintf(expected, sizeof expected, "%s: file.c:12: Assertion `x == y' failed.\n",
             program_invocation_short_name);
    check_aborts_with(fail_old_assert, expected);
    snprintf(expected, sizeof expected,
             "%s: where.c:34: function: Unexpected error: No such file or directory.\n",
             program_invocation_short_name);
    check_aborts_with(fail_perror_assert, expected);
    snprintf(expected, sizeof expected, "%s: there.c:5: Unexpected error: Permission denied.\n",
             program_invocation_short_name);
    check_aborts_with(fail_perror_assert_unnamed, expected);
}

static void check_realtime_signals(void) {
    int low = SIGRTMIN, high = SIGRTMAX;
    CHECK_EQ(high, 64);
    /* Non-zero takes the lowest signal, zero the highest. */
    CHECK_EQ(__libc_allocate_rtsig(1), low);
    CHECK_EQ(SIGRTMIN, low + 1);
    CHECK_EQ(__libc_allocate_rtsig(0), 64);
    CHECK_EQ(SIGRTMAX, 63);
    int taken = 2;
    while (__libc_allocate_rtsig(taken % 2) != -1) ++taken;
    CHECK_EQ(taken, 64 - low + 1);
    CHECK(SIGRTMIN > SIGRTMAX);
    CHECK_EQ(__libc_allocate_rtsig(1), -1);
    CHECK_EQ(__libc_allocate_rtsig(0), -1);
}

/* Cleanup handlers of both ABIs, in the order they must run. */
static int ran[8];
static int ran_count;
static void record(void* which) { ran[ran_count++] = (int)(long)which; }

static int blocker[2];

static void* cancelled_thread(void* unused) {
    (void)unused;
    struct _pthread_cleanup_buffer outer, inner;
    _pthread_cleanup_push(&outer, record, (void*)1);
    pthread_cleanup_push(record, (void*)2);
    _pthread_cleanup_push(&inner, record, (void*)3);
    char byte;
    (void)!read(blocker[0], &byte, 1); /* a cancellation point that blocks */
    _pthread_cleanup_pop(&inner, 0);
    pthread_cleanup_pop(0);
    _pthread_cleanup_pop(&outer, 0);
    return NULL;
}

static void* popping_thread(void* unused) {
    (void)unused;
    struct _pthread_cleanup_buffer first, second;
    _pthread_cleanup_push(&first, record, (void*)4);
    _pthread_cleanup_push(&second, record, (void*)5);
    _pthread_cleanup_pop(&second, 1); /* runs 5 */
    _pthread_cleanup_pop(&first, 0);  /* 4 does not run */
    _pthread_cleanup_push(&first, record, (void*)6);
    pthread_exit((void*)77); /* runs 6 */
    return NULL;
}

static void check_old_cleanup_abi(void) {
    CHECK_EQ(pipe(blocker), 0);
    pthread_t thread;
    CHECK_EQ(pthread_create(&thread, NULL, cancelled_thread, NULL), 0);
    /* Cancel only once it is blocked: then all three are pushed. */
    struct timespec nap = {0, 20 * 1000 * 1000};
    nanosleep(&nap, NULL);
    CHECK_EQ(pthread_cancel(thread), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(ran_count, 3);
    CHECK_EQ(ran[0], 3);
    CHECK_EQ(ran[1], 2);
    CHECK_EQ(ran[2], 1);
    close(blocker[0]);
    close(blocker[1]);

    ran_count = 0;
    CHECK_EQ(pthread_create(&thread, NULL, popping_thread, NULL), 0);
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == (void*)77);
    CHECK_EQ(ran_count, 2);
    CHECK_EQ(ran[0], 5);
    CHECK_EQ(ran[1], 6);
}

static void check_variables(void) {
    CHECK_EQ(__fpu_control, 0x037f);
    CHECK_EQ(sizeof __fpu_control, 2);
    CHECK_EQ(re_max_failures, 2000);
    CHECK(strcmp(_libc_intl_domainname, "libc") == 0);
    CHECK(strcmp(_nl_default_dirname, "/usr/share/locale") == 0);
    /* A domain never bound answers the default directory. */
    CHECK(strcmp(bindtextdomain("never-bound", NULL), _nl_default_dirname) == 0);

    int count = _nl_msg_cat_cntr;
    CHECK(textdomain("second-names-test") != NULL);
    CHECK_EQ(_nl_msg_cat_cntr, count + 1);
    CHECK(textdomain(NULL) != NULL); /* a question changes nothing */
    CHECK_EQ(_nl_msg_cat_cntr, count + 1);
    CHECK(bindtextdomain("zeta", "/tmp/z") != NULL);
    CHECK_EQ(_nl_msg_cat_cntr, count + 2);
    CHECK(bindtextdomain("alpha", "/tmp/a") != NULL);
    CHECK(bindtextdomain("mid", "/tmp/m") != NULL);
    CHECK_EQ(_nl_msg_cat_cntr, count + 4);
    CHECK(bindtextdomain("mid", "/tmp/m") != NULL); /* the same again */
    CHECK_EQ(_nl_msg_cat_cntr, count + 4);
    CHECK(bind_textdomain_codeset("mid", "UTF-8") != NULL);
    CHECK_EQ(_nl_msg_cat_cntr, count + 5);
    CHECK(bind_textdomain_codeset("mid", "UTF-8") != NULL);
    CHECK_EQ(_nl_msg_cat_cntr, count + 5);
    CHECK(bindtextdomain("mid", NULL) != NULL);
    CHECK_EQ(_nl_msg_cat_cntr, count + 5);
    /* The bindings, sorted by domain name. */
    const char* names[3] = {"alpha", "mid", "zeta"};
    const char* directories[3] = {"/tmp/a", "/tmp/m", "/tmp/z"};
    int seen = 0;
    for (struct domain_binding* each = _nl_domain_bindings; each; each = each->next) {
        CHECK(seen < 3);
        CHECK(strcmp(each->domainname, names[seen]) == 0);
        CHECK(strcmp(each->dirname, directories[seen]) == 0);
        CHECK((each->codeset != NULL) == (seen == 1));
        ++seen;
    }
    CHECK_EQ(seen, 3);
    CHECK(strcmp(_nl_domain_bindings->next->codeset, "UTF-8") == 0);
}

int main(void) {
    check_file_calls();
    check_sockets();
    check_processes();
    check_signals_and_time();
    check_scheduling();
    check_library_functions();
    check_posix_getopt();
    check_assertions();
    check_old_cleanup_abi();
    check_variables();
    check_realtime_signals(); /* last: it leaves no real-time signal */
    return 0;
}
