/* The stand-in support library for glibc's thread tests, written for lwp:
 * failure reporting, the x* wrappers, timespec arithmetic. Linked into every
 * glibc test program together with lwp alone. */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <limits.h>
#include <mcheck.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "support/blob_repeat.h"
#include "support/check.h"
#include "support/descriptors.h"
#include "support/namespace.h"
#include "support/next_to_fault.h"
#include "support/support.h"
#include "support/temp_file.h"
#include "support/test-driver.h"
#include "support/timespec.h"
#include "support/xthread.h"
#include "support/xsched.h"
#include "support/xtime.h"
#include "support/xunistd.h"

static int failures_recorded;

void support_record_failure(void) { __atomic_store_n(&failures_recorded, 1, __ATOMIC_RELAXED); }
int support_record_failure_is_failed(void) { return __atomic_load_n(&failures_recorded, __ATOMIC_RELAXED); }

static void report(const char* file, int line, const char* format, va_list arguments) {
    fprintf(stderr, "error: %s:%d: ", file, line);
    vfprintf(stderr, format, arguments);
    fputc('\n', stderr);
    fflush(stderr);
}

int support_fail_at(const char* file, int line, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    report(file, line, format, arguments);
    va_end(arguments);
    support_record_failure();
    return 1;
}

void support_fail_exit_at(int status, const char* file, int line, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    report(file, line, format, arguments);
    va_end(arguments);
    fflush(stdout);
    exit(status);
}

void support_verify_failed(const char* file, int line, const char* expression, int exit_now) {
    fprintf(stderr, "error: %s:%d: not true: %s\n", file, line, expression);
    support_record_failure();
    if (exit_now) exit(1);
}

void support_compare_failed(const char* file, int line, const char* left_text, long long left,
                            const char* right_text, long long right) {
    fprintf(stderr, "error: %s:%d: %s == %s failed: %lld != %lld\n", file, line, left_text,
            right_text, left, right);
    support_record_failure();
}

void support_compare_strings(const char* file, int line, const char* left_text, const char* left,
                             const char* right_text, const char* right) {
    if (left == right) return;
    if (left && right && strcmp(left, right) == 0) return;
    fprintf(stderr, "error: %s:%d: %s == %s failed: \"%s\" != \"%s\"\n", file, line, left_text,
            right_text, left ? left : "(null)", right ? right : "(null)");
    support_record_failure();
}

void support_compare_wide_strings(const char* file, int line, const char* left_text,
                                  const wchar_t* left, const char* right_text,
                                  const wchar_t* right) {
    if (left == right) return;
    if (left && right && wcscmp(left, right) == 0) return;
    fprintf(stderr, "error: %s:%d: %s == %s failed: \"%ls\" != \"%ls\"\n", file, line,
            left_text, right_text, left ? left : L"(null)", right ? right : L"(null)");
    support_record_failure();
}

void support_compare_blobs(const char* file, int line, const char* left_text, const void* left,
                           unsigned long left_length, const char* right_text, const void* right,
                           unsigned long right_length) {
    if (left_length == right_length && memcmp(left, right, left_length) == 0) return;
    fprintf(stderr, "error: %s:%d: blobs %s and %s differ\n", file, line, left_text, right_text);
    support_record_failure();
}

void* xmalloc(size_t size) {
    void* pointer = malloc(size);
    if (pointer == NULL && size != 0) support_fail_exit_at(1, __FILE__, __LINE__, "out of memory");
    return pointer;
}

void* xcalloc(size_t count, size_t size) {
    void* pointer = calloc(count, size);
    if (pointer == NULL && count != 0 && size != 0)
        support_fail_exit_at(1, __FILE__, __LINE__, "out of memory");
    return pointer;
}

void* xrealloc(void* pointer, size_t size) {
    void* result = realloc(pointer, size);
    if (result == NULL && size != 0) support_fail_exit_at(1, __FILE__, __LINE__, "out of memory");
    return result;
}

char* xstrdup(const char* text) {
    char* copy = xmalloc(strlen(text) + 1);
    strcpy(copy, text);
    return copy;
}

long xsysconf(int name) {
    errno = 0;
    long value = sysconf(name);
    if (value == -1 && errno != 0) support_fail_exit_at(1, __FILE__, __LINE__, "sysconf(%d) failed", name);
    if (value == -1) support_fail_exit_at(77, __FILE__, __LINE__, "sysconf(%d) unsupported", name);
    return value;
}

void support_need_proc(const char* reason) {
    (void)reason;  /* lwp runs on Linux, where /proc is always there for tests */
}

void write_message(const char* message) { xwrite(STDOUT_FILENO, message, strlen(message)); }

/* Counts the entries of /proc/self/task other than "." and "..", reading the
   directory with getdents64 (lwp's C library has no opendir). */
static int kernel_thread_count(void) {
    int fd = open("/proc/self/task", O_RDONLY | O_DIRECTORY);
    if (fd < 0) support_fail_exit_at(1, __FILE__, __LINE__, "open /proc/self/task: %m");
    int count = 0;
    for (;;) {
        _Alignas(8) char buffer[4096];
        long length = syscall(SYS_getdents64, fd, buffer, sizeof buffer);
        if (length < 0) support_fail_exit_at(1, __FILE__, __LINE__, "getdents64 /proc/self/task: %m");
        if (length == 0) break;
        for (long offset = 0; offset < length;) {
            /* struct linux_dirent64: 8-byte inode, 8-byte offset, 2-byte
               record length, 1-byte type, then the name. */
            unsigned short record;
            memcpy(&record, buffer + offset + 16, sizeof record);
            const char* name = buffer + offset + 19;
            if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) ++count;
            offset += record;
        }
    }
    xclose(fd);
    return count;
}

void support_wait_for_thread_exit(void) {
    while (kernel_thread_count() > 1) {
        struct timespec pause_time = {0, 1000000};
        nanosleep(&pause_time, NULL);
    }
}

static void* exit_after(void* seconds) {
    struct timespec delay = {(time_t)(long)seconds, 0};
    while (nanosleep(&delay, &delay) != 0) {
    }
    /* As in glibc's support library: tests that block for ever on purpose
       (a relocked normal mutex, a barrier nobody else reaches) use this to
       end successfully once the blocking has been shown. */
    exit(0);
}

size_t support_small_thread_stack_size(void) { return 64 * 1024; }

void support_set_small_thread_stack_size(pthread_attr_t* attr) {
    xpthread_attr_setstacksize(attr, support_small_thread_stack_size());
}

static pthread_attr_t small_stack_attribute;
static void make_small_stack_attribute(void) {
    xpthread_attr_init(&small_stack_attribute);
    support_set_small_thread_stack_size(&small_stack_attribute);
}

const pthread_attr_t* support_small_stack_thread_attribute(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    xpthread_once(&once, make_small_stack_attribute);
    return &small_stack_attribute;
}

void delayed_exit(int seconds) {
    pthread_attr_t attr;
    xpthread_attr_init(&attr);
    xpthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    xpthread_create(&attr, exit_after, (void*)(long)seconds);
    xpthread_attr_destroy(&attr);
}

void xclose(int fd) {
    if (close(fd) != 0) support_fail_exit_at(1, __FILE__, __LINE__, "close(%d) failed", fd);
}

void xwrite(int fd, const void* data, size_t length) {
    const char* bytes = data;
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written <= 0) support_fail_exit_at(1, __FILE__, __LINE__, "write failed");
        bytes += written;
        length -= (size_t)written;
    }
}

void xpipe(int fds[2]) {
    if (pipe(fds) != 0) support_fail_exit_at(1, __FILE__, __LINE__, "pipe failed");
}

pid_t xfork(void) {
    pid_t child = fork();
    if (child < 0) support_fail_exit_at(1, __FILE__, __LINE__, "fork failed: %s", strerror(errno));
    return child;
}

/* The temporary files and directories to remove at exit, newest first, so a
 * directory registered before the files made in it goes after them; remove,
 * not unlink, since tests register directories too. The list only grows and
 * is owned by the process that added the first name (a forked child, exiting,
 * leaves the parent's files alone). */
struct temp_file {
    struct temp_file* next;
    char* name;
};
static struct temp_file* temp_files;
static pid_t temp_files_owner;

static void remove_temp_files(void) {
    if (getpid() != temp_files_owner) return;
    for (struct temp_file* file = temp_files; file; file = file->next) remove(file->name);
}

void add_temp_file(const char* name) {
    struct temp_file* file = xmalloc(sizeof *file);
    file->name = xstrdup(name);
    if (!temp_files) {
        temp_files_owner = getpid();
        if (atexit(remove_temp_files) != 0)
            support_fail_exit_at(1, __FILE__, __LINE__, "atexit failed for add_temp_file");
    }
    file->next = temp_files;
    temp_files = file;
}

int create_temp_file(const char* base, char** name) {
    return create_temp_file_in_dir(base, test_dir, name);
}

/* mtrace and muntrace (<mcheck.h>) are lwp's own (malloc_tracing.cpp): a
 * test that calls them writes a trace only when MALLOC_TRACE is set. */

void* xmmap(void* address, size_t length, int protection, int flags, int fd) {
    void* mapped = mmap(address, length, protection, flags, fd, 0);
    if (mapped == MAP_FAILED)
        support_fail_exit_at(1, __FILE__, __LINE__, "mmap of %zu bytes failed: %s", length, strerror(errno));
    return mapped;
}

void xmunmap(void* address, size_t length) {
    if (munmap(address, length) != 0)
        support_fail_exit_at(1, __FILE__, __LINE__, "munmap of %zu bytes failed: %s", length, strerror(errno));
}

pid_t xwaitpid(pid_t pid, int* status, int options) {
    pid_t waited = waitpid(pid, status, options);
    if (waited < 0) support_fail_exit_at(1, __FILE__, __LINE__, "waitpid(%d) failed: %s", (int)pid, strerror(errno));
    return waited;
}

void xclock_gettime(clockid_t clock, struct timespec* now) {
    if (clock_gettime(clock, now) != 0) support_fail_exit_at(1, __FILE__, __LINE__, "clock_gettime(%d)", (int)clock);
}

struct timespec xclock_now(clockid_t clock) {
    struct timespec now;
    xclock_gettime(clock, &now);
    return now;
}

static struct timespec saturate(long long seconds, long long nanoseconds, int overflowed, int positive) {
    struct timespec result;
    if (overflowed) {
        result.tv_sec = positive ? LLONG_MAX : LLONG_MIN;
        result.tv_nsec = positive ? 999999999 : 0;
        return result;
    }
    result.tv_sec = seconds;
    result.tv_nsec = nanoseconds;
    return result;
}

struct timespec timespec_add(struct timespec left, struct timespec right) {
    long long seconds;
    int overflowed = __builtin_add_overflow((long long)left.tv_sec, (long long)right.tv_sec, &seconds);
    long long nanoseconds = left.tv_nsec + right.tv_nsec;
    if (nanoseconds >= 1000000000) {
        nanoseconds -= 1000000000;
        overflowed |= __builtin_add_overflow(seconds, 1LL, &seconds);
    }
    return saturate(seconds, nanoseconds, overflowed, right.tv_sec >= 0);
}

struct timespec timespec_sub(struct timespec left, struct timespec right) {
    long long seconds;
    int overflowed = __builtin_sub_overflow((long long)left.tv_sec, (long long)right.tv_sec, &seconds);
    long long nanoseconds = left.tv_nsec - right.tv_nsec;
    if (nanoseconds < 0) {
        nanoseconds += 1000000000;
        overflowed |= __builtin_sub_overflow(seconds, 1LL, &seconds);
    }
    return saturate(seconds, nanoseconds, overflowed, right.tv_sec < 0);
}

static int before(struct timespec left, struct timespec right) {
    return left.tv_sec < right.tv_sec || (left.tv_sec == right.tv_sec && left.tv_nsec < right.tv_nsec);
}

void support_timespec_before(const char* file, int line, struct timespec left, struct timespec right) {
    if (before(left, right)) return;
    fprintf(stderr, "error: %s:%d: %lld.%09ld is not before %lld.%09ld\n", file, line,
            (long long)left.tv_sec, left.tv_nsec, (long long)right.tv_sec, right.tv_nsec);
    support_record_failure();
}

void support_timespec_equal_or_after(const char* file, int line, struct timespec left,
                                     struct timespec right) {
    if (!before(left, right)) return;
    fprintf(stderr, "error: %s:%d: %lld.%09ld is before %lld.%09ld\n", file, line,
            (long long)left.tv_sec, left.tv_nsec, (long long)right.tv_sec, right.tv_nsec);
    support_record_failure();
}

void xpthread_check_return(const char* function, int value) {
    if (value != 0) {
        fprintf(stderr, "error: %s: %s (%d)\n", function, strerror(value), value);
        fflush(stderr);
        exit(1);
    }
}

/* Each wrapper: call, and fail the test on an error code. */
#define CHECKED(function, ...) xpthread_check_return(#function, function(__VA_ARGS__))

pthread_t xpthread_create(pthread_attr_t* attr, void* (*routine)(void*), void* argument) {
    pthread_t thread;
    CHECKED(pthread_create, &thread, attr, routine, argument);
    return thread;
}
void* xpthread_join(pthread_t thread) {
    void* result;
    CHECKED(pthread_join, thread, &result);
    return result;
}
void xpthread_detach(pthread_t thread) { CHECKED(pthread_detach, thread); }
void xpthread_once(pthread_once_t* once, void (*routine)(void)) { CHECKED(pthread_once, once, routine); }
void xpthread_kill(pthread_t thread, int signal) { CHECKED(pthread_kill, thread, signal); }
void xpthread_cancel(pthread_t thread) { CHECKED(pthread_cancel, thread); }
void xpthread_attr_init(pthread_attr_t* attr) { CHECKED(pthread_attr_init, attr); }
void xpthread_attr_destroy(pthread_attr_t* attr) { CHECKED(pthread_attr_destroy, attr); }
void xpthread_attr_setdetachstate(pthread_attr_t* attr, int state) {
    CHECKED(pthread_attr_setdetachstate, attr, state);
}
void xpthread_attr_setstack(pthread_attr_t* attr, void* address, size_t size) {
    CHECKED(pthread_attr_setstack, attr, address, size);
}
void xpthread_attr_setstacksize(pthread_attr_t* attr, size_t size) {
    CHECKED(pthread_attr_setstacksize, attr, size);
}
void xpthread_attr_setguardsize(pthread_attr_t* attr, size_t size) {
    CHECKED(pthread_attr_setguardsize, attr, size);
}
void xpthread_attr_setaffinity_np(pthread_attr_t* attr, size_t size, const cpu_set_t* set) {
    CHECKED(pthread_attr_setaffinity_np, attr, size, set);
}
void xpthread_mutexattr_init(pthread_mutexattr_t* attr) { CHECKED(pthread_mutexattr_init, attr); }
void xpthread_mutexattr_destroy(pthread_mutexattr_t* attr) { CHECKED(pthread_mutexattr_destroy, attr); }
void xpthread_mutexattr_settype(pthread_mutexattr_t* attr, int kind) {
    CHECKED(pthread_mutexattr_settype, attr, kind);
}
void xpthread_mutexattr_setpshared(pthread_mutexattr_t* attr, int pshared) {
    CHECKED(pthread_mutexattr_setpshared, attr, pshared);
}
void xpthread_mutexattr_setprotocol(pthread_mutexattr_t* attr, int protocol) {
    CHECKED(pthread_mutexattr_setprotocol, attr, protocol);
}
void xpthread_mutexattr_setrobust(pthread_mutexattr_t* attr, int robustness) {
    CHECKED(pthread_mutexattr_setrobust, attr, robustness);
}
void xpthread_mutex_init(pthread_mutex_t* mutex, const pthread_mutexattr_t* attr) {
    CHECKED(pthread_mutex_init, mutex, attr);
}
void xpthread_mutex_destroy(pthread_mutex_t* mutex) { CHECKED(pthread_mutex_destroy, mutex); }
void xpthread_mutex_lock(pthread_mutex_t* mutex) { CHECKED(pthread_mutex_lock, mutex); }
void xpthread_mutex_unlock(pthread_mutex_t* mutex) { CHECKED(pthread_mutex_unlock, mutex); }
void xpthread_mutex_consistent(pthread_mutex_t* mutex) { CHECKED(pthread_mutex_consistent, mutex); }
void xpthread_spin_lock(pthread_spinlock_t* lock) { CHECKED(pthread_spin_lock, lock); }
void xpthread_spin_unlock(pthread_spinlock_t* lock) { CHECKED(pthread_spin_unlock, lock); }
void xpthread_cond_wait(pthread_cond_t* cond, pthread_mutex_t* mutex) { CHECKED(pthread_cond_wait, cond, mutex); }
void xpthread_cond_signal(pthread_cond_t* cond) { CHECKED(pthread_cond_signal, cond); }
void xpthread_barrierattr_init(pthread_barrierattr_t* attr) { CHECKED(pthread_barrierattr_init, attr); }
void xpthread_barrierattr_destroy(pthread_barrierattr_t* attr) { CHECKED(pthread_barrierattr_destroy, attr); }
void xpthread_barrierattr_setpshared(pthread_barrierattr_t* attr, int pshared) {
    CHECKED(pthread_barrierattr_setpshared, attr, pshared);
}
void xpthread_barrier_init(pthread_barrier_t* barrier, pthread_barrierattr_t* attr, unsigned int count) {
    CHECKED(pthread_barrier_init, barrier, attr, count);
}
void xpthread_barrier_destroy(pthread_barrier_t* barrier) { CHECKED(pthread_barrier_destroy, barrier); }
int xpthread_barrier_wait(pthread_barrier_t* barrier) {
    int result = pthread_barrier_wait(barrier);
    if (result != 0 && result != PTHREAD_BARRIER_SERIAL_THREAD)
        xpthread_check_return("pthread_barrier_wait", result);
    return result;
}
void xpthread_rwlockattr_init(pthread_rwlockattr_t* attr) { CHECKED(pthread_rwlockattr_init, attr); }
void xpthread_rwlockattr_setkind_np(pthread_rwlockattr_t* attr, int kind) {
    CHECKED(pthread_rwlockattr_setkind_np, attr, kind);
}
void xpthread_rwlock_init(pthread_rwlock_t* lock, const pthread_rwlockattr_t* attr) {
    CHECKED(pthread_rwlock_init, lock, attr);
}
void xpthread_rwlock_destroy(pthread_rwlock_t* lock) { CHECKED(pthread_rwlock_destroy, lock); }
void xpthread_rwlock_rdlock(pthread_rwlock_t* lock) { CHECKED(pthread_rwlock_rdlock, lock); }
void xpthread_rwlock_wrlock(pthread_rwlock_t* lock) { CHECKED(pthread_rwlock_wrlock, lock); }
void xpthread_rwlock_unlock(pthread_rwlock_t* lock) { CHECKED(pthread_rwlock_unlock, lock); }
pthread_key_t xpthread_key_create(void (*destructor)(void*)) {
    pthread_key_t key;
    CHECKED(pthread_key_create, &key, destructor);
    return key;
}
void xpthread_key_delete(pthread_key_t key) { CHECKED(pthread_key_delete, key); }
void xpthread_sigmask(int how, const sigset_t* set, sigset_t* old_set) {
    CHECKED(pthread_sigmask, how, set, old_set);
}

#include "support/xsignal.h"

void xraise(int signal) {
    if (raise(signal) != 0) support_fail_exit_at(1, __FILE__, __LINE__, "raise(%d) failed", signal);
}

__sighandler_t xsignal(int signal_number, __sighandler_t handler) {
    __sighandler_t previous = signal(signal_number, handler);
    if (previous == SIG_ERR) support_fail_exit_at(1, __FILE__, __LINE__, "signal(%d) failed", signal_number);
    return previous;
}

void xsigaction(int signal, const struct sigaction* action, struct sigaction* old_action) {
    if (sigaction(signal, action, old_action) != 0)
        support_fail_exit_at(1, __FILE__, __LINE__, "sigaction(%d) failed", signal);
}

bool support_mutex_pi_monotonic(void) {
    /* Takes a free private word of our own and gives it back: ENOSYS (or
     * EINVAL from an older kernel that checks the operation) if the kernel
     * lacks the operation. */
    int word = 0;
    if (syscall(SYS_futex, &word, FUTEX_LOCK_PI2 | FUTEX_PRIVATE_FLAG, 0, NULL) != 0) return false;
    syscall(SYS_futex, &word, FUTEX_UNLOCK_PI | FUTEX_PRIVATE_FLAG);
    return true;
}

void xftruncate(int fd, off_t length) {
    if (ftruncate(fd, length) != 0)
        support_fail_exit_at(1, __FILE__, __LINE__, "ftruncate(%d, %lld) failed: %s", fd, (long long)length, strerror(errno));
}

off_t xlseek(int fd, off_t offset, int whence) {
    off_t result = lseek(fd, offset, whence);
    if (result < 0) support_fail_exit_at(1, __FILE__, __LINE__, "lseek(%d) failed: %s", fd, strerror(errno));
    return result;
}

/* The shared memory's size sits just before it, for the unmapping. */
void* support_shared_allocate(size_t size) {
    size_t total = size + 16;
    char* block = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) support_fail_exit_at(1, __FILE__, __LINE__, "shared mmap of %zu bytes failed", size);
    memcpy(block, &total, sizeof total);
    return block + 16;
}

void support_shared_free(void* memory) {
    char* block = (char*)memory - 16;
    size_t total;
    memcpy(&total, block, sizeof total);
    munmap(block, total);
}

void support_isolate_in_subprocess(void (*callback)(void* closure), void* closure) {
    pid_t child = xfork();
    if (child == 0) {
        callback(closure);
        _exit(0);
    }
    int status;
    xwaitpid(child, &status, 0);
    if (status != 0) support_fail_at(__FILE__, __LINE__, "isolated subprocess failed with status %d", status);
}

struct support_descriptors {
    int count;
    int fds[1024];
};

static void list_descriptors(struct support_descriptors* list) {
    list->count = 0;
    DIR* directory = opendir("/proc/self/fd");
    if (directory == NULL) support_fail_exit_at(1, __FILE__, __LINE__, "cannot list /proc/self/fd");
    struct dirent* entry;
    while ((entry = readdir(directory)) != NULL) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        int fd = atoi(entry->d_name);
        if (fd == dirfd(directory) || list->count == 1024) continue;
        list->fds[list->count++] = fd;
    }
    closedir(directory);
}

struct support_descriptors* support_descriptors_list(void) {
    struct support_descriptors* list = xmalloc(sizeof *list);
    list_descriptors(list);
    return list;
}

void support_descriptors_check(struct support_descriptors* list) {
    struct support_descriptors now;
    list_descriptors(&now);
    for (int i = 0; i < now.count; ++i) {
        int known = 0;
        for (int j = 0; j < list->count; ++j) known |= list->fds[j] == now.fds[i];
        if (!known) support_fail_at(__FILE__, __LINE__, "descriptor %d was left open", now.fds[i]);
    }
}

void support_descriptors_free(struct support_descriptors* list) { free(list); }

/* Below: the rest of glibc's support interface the library tests use (its
 * support.h, xunistd.h, xsignal.h, xtime.h, temp_file.h, namespace.h,
 * capture_subprocess.h, process_state.h, xstdlib.h, xsocket.h and tty.h),
 * written for lwp from the headers' descriptions of what each does. */
#include <poll.h>
#include <pty.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sched.h>

#include "support/capture_subprocess.h"
#include "support/process_state.h"
#include "support/tty.h"
#include "support/xsocket.h"
#include "support/xstdlib.h"

/* A failed call ends the test with its name, its argument and errno's
 * message: the shape of glibc's x* wrappers' messages. */
#define FAIL_CALL(...) support_fail_exit_at(1, __FILE__, __LINE__, __VA_ARGS__)

void ignore_stderr(void) {
    int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd < 0) {
        close(STDERR_FILENO);
        return;
    }
    dup2(null_fd, STDERR_FILENO);
    close(null_fd);
}

void set_fortify_handler(void (*handler)(int signal)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    xsigaction(SIGABRT, &action, NULL);
    ignore_stderr();
}

void oom_error(const char* function, size_t size) {
    FAIL_CALL("%s: allocating %zu bytes failed", function, size);
}

void support_write_file_string(const char* path, const char* contents) {
    int fd = xopen(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    xwrite(fd, contents, strlen(contents));
    xclose(fd);
}

int support_descriptor_supports_holes(int fd) {
    /* A byte at 16 MiB: far enough that a file system without holes would
     * have to allocate thousands of blocks for the gap, while one with
     * holes adds at most a few blocks of indirection (32 sectors of 512
     * bytes allow for two 8 KiB indirect blocks). */
    enum { far_offset = 16 * 1024 * 1024, indirection_sectors = 32 };
    struct stat status;
    xfstat(fd, &status);
    if (!S_ISREG(status.st_mode)) FAIL_CALL("descriptor %d is not a regular file", fd);
    if (status.st_size != 0) FAIL_CALL("descriptor %d is not an empty file", fd);
    const char byte = 'h';
    if (pwrite(fd, &byte, 1, 0) != 1) FAIL_CALL("pwrite at 0 on %d: %m", fd);
    /* fsync, so that delayed allocation has happened before counting. */
    fsync(fd);
    xfstat(fd, &status);
    long long one_byte_sectors = status.st_blocks;
    if (pwrite(fd, &byte, 1, far_offset) != 1) FAIL_CALL("pwrite at %d on %d: %m", far_offset, fd);
    fsync(fd);
    xfstat(fd, &status);
    int keeps_holes = status.st_blocks <= 2 * one_byte_sectors + indirection_sectors;
    xftruncate(fd, 0);
    xlseek(fd, 0, SEEK_SET);
    return keeps_holes;
}

char* xasprintf(const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    char* text;
    int length = vasprintf(&text, format, arguments);
    va_end(arguments);
    if (length < 0) FAIL_CALL("asprintf (\"%s\"): %m", format);
    return text;
}

char* xstrndup(const char* text, size_t length) {
    char* copy = strndup(text, length);
    if (copy == NULL) oom_error("strndup", length);
    return copy;
}

char* xsetlocale(int category, const char* locale) {
    char* name = setlocale(category, locale);
    if (name == NULL) FAIL_CALL("setlocale (%d, \"%s\") failed", category, locale ? locale : "(null)");
    return name;
}

locale_t xnewlocale(int category_mask, const char* locale, locale_t base) {
    locale_t made = newlocale(category_mask, locale, base);
    if (made == (locale_t)0) FAIL_CALL("newlocale (%d, \"%s\"): %m", category_mask, locale);
    return made;
}

locale_t xuselocale(locale_t locale) {
    locale_t previous = uselocale(locale);
    if (previous == (locale_t)0) FAIL_CALL("uselocale: %m");
    return previous;
}

/* Sets path's access and modification times, reads them back and puts the
 * old ones back: whether the file system kept them exactly. */
static bool file_keeps_times(const char* path, const struct timespec wanted[2]) {
    struct stat before;
    if (stat(path, &before) != 0) FAIL_CALL("stat (\"%s\"): %m", path);
    if (utimensat(AT_FDCWD, path, wanted, 0) != 0) return false;
    struct stat after;
    if (stat(path, &after) != 0) FAIL_CALL("stat (\"%s\"): %m", path);
    bool kept = after.st_atim.tv_sec == wanted[0].tv_sec && after.st_atim.tv_nsec == wanted[0].tv_nsec
                && after.st_mtim.tv_sec == wanted[1].tv_sec && after.st_mtim.tv_nsec == wanted[1].tv_nsec;
    const struct timespec old_times[2] = {before.st_atim, before.st_mtim};
    if (utimensat(AT_FDCWD, path, old_times, 0) != 0) FAIL_CALL("utimensat (\"%s\"): %m", path);
    return kept;
}

bool support_path_support_time64_value(const char* path, int64_t access_seconds,
                                       int64_t modification_seconds) {
    const struct timespec wanted[2] = {{(time_t)access_seconds, 0}, {(time_t)modification_seconds, 0}};
    return file_keeps_times(path, wanted);
}

bool support_stat_nanoseconds(const char* path) {
    const struct timespec wanted[2] = {{0, 999999999}, {0, 500000000}};
    return file_keeps_times(path, wanted);
}

static bool descriptor_is_open(int fd) { return fcntl(fd, F_GETFD) != -1 || errno != EBADF; }

int support_open_dev_null_range(int count, int flags, mode_t mode) {
    /* The first run of count free descriptors; F_DUPFD then puts each copy
     * on its place (the lowest free one from there), keeping the open
     * file's flags, and F_DUPFD_CLOEXEC the descriptor's. */
    int first = 0;
    for (int length = 0; length < count; ++first) {
        length = descriptor_is_open(first) ? 0 : length + 1;
        if (length == count) {
            first -= count - 1;
            break;
        }
    }
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) FAIL_CALL("getrlimit (RLIMIT_NOFILE): %m");
    if (limit.rlim_cur < (rlim_t)(first + count)) {
        if (limit.rlim_max < (rlim_t)(first + count))
            FAIL_UNSUPPORTED("RLIMIT_NOFILE of %llu allows no %d more descriptors",
                             (unsigned long long)limit.rlim_max, count);
        limit.rlim_cur = first + count;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0) FAIL_CALL("setrlimit (RLIMIT_NOFILE): %m");
    }
    for (int index = 0; index < count; ++index) {
        int opened = xopen("/dev/null", flags, mode);
        if (opened != first + index) {
            int placed = fcntl(opened, (flags & O_CLOEXEC) ? F_DUPFD_CLOEXEC : F_DUPFD, first + index);
            if (placed != first + index) FAIL_CALL("cannot put /dev/null on descriptor %d: %m", first + index);
            xclose(opened);
        }
    }
    return first;
}

int xopen(const char* path, int flags, mode_t mode) {
    int fd = open(path, flags, mode);
    if (fd < 0) FAIL_CALL("open (\"%s\", 0x%x, 0%o): %m", path, flags, (unsigned)mode);
    return fd;
}

void xdup2(int fd, int new_fd) {
    if (dup2(fd, new_fd) < 0) FAIL_CALL("dup2 (%d, %d): %m", fd, new_fd);
}

void xstat(const char* path, struct stat* status) {
    if (stat(path, status) != 0) FAIL_CALL("stat (\"%s\"): %m", path);
}

void xlstat(const char* path, struct stat* status) {
    if (lstat(path, status) != 0) FAIL_CALL("lstat (\"%s\"): %m", path);
}

void xfstat(int fd, struct stat* status) {
    if (fstat(fd, status) != 0) FAIL_CALL("fstat (%d): %m", fd);
}

void xmkdir(const char* path, mode_t mode) {
    if (mkdir(path, mode) != 0) FAIL_CALL("mkdir (\"%s\", 0%o): %m", path, (unsigned)mode);
}

void xmkdirp(const char* path, mode_t mode) {
    /* Each prefix ending before a slash, then the whole path; the ones
     * there already are fine. */
    char* prefix = xstrdup(path);
    for (char* slash = strchr(prefix + 1, '/');; slash = strchr(slash + 1, '/')) {
        if (slash) *slash = '\0';
        if (mkdir(prefix, mode) != 0 && errno != EEXIST) FAIL_CALL("mkdir (\"%s\", 0%o): %m", prefix, (unsigned)mode);
        if (!slash) break;
        *slash = '/';
    }
    free(prefix);
}

void xchroot(const char* path) {
    if (chroot(path) != 0) FAIL_CALL("chroot (\"%s\"): %m", path);
}

void xchdir(const char* path) {
    if (chdir(path) != 0) FAIL_CALL("chdir (\"%s\"): %m", path);
}

void xunlink(const char* path) {
    if (unlink(path) != 0) FAIL_CALL("unlink (\"%s\"): %m", path);
}

void xsymlink(const char* target, const char* link_path) {
    if (symlink(target, link_path) != 0) FAIL_CALL("symlink (\"%s\", \"%s\"): %m", target, link_path);
}

void xchmod(const char* path, mode_t mode) {
    if (chmod(path, mode) != 0) FAIL_CALL("chmod (\"%s\", 0%o): %m", path, (unsigned)mode);
}

void xfchmod(int fd, mode_t mode) {
    if (fchmod(fd, mode) != 0) FAIL_CALL("fchmod (%d, 0%o): %m", fd, (unsigned)mode);
}

void xmkfifo(const char* path, mode_t mode) {
    if (mkfifo(path, mode) != 0) FAIL_CALL("mkfifo (\"%s\", 0%o): %m", path, (unsigned)mode);
}

void xmprotect(void* address, size_t length, int protection) {
    if (mprotect(address, length, protection) != 0) FAIL_CALL("mprotect (%p, %zu, %d): %m", address, length, protection);
}

char* xreadlink(const char* path) {
    /* Grows the buffer until the target fits with room to spare (readlink
     * does not say whether it cut the target short). */
    for (size_t size = 256;; size *= 2) {
        char* target = xmalloc(size);
        ssize_t length = readlink(path, target, size);
        if (length < 0) FAIL_CALL("readlink (\"%s\"): %m", path);
        if ((size_t)length < size) {
            target[length] = '\0';
            return target;
        }
        free(target);
    }
}

void xclock_settime(clockid_t clock, const struct timespec* time) {
    if (clock_settime(clock, time) != 0) FAIL_CALL("clock_settime (%d): %m", (int)clock);
}

int create_temp_file_in_dir(const char* base, const char* directory, char** name) {
    char* path = xasprintf("%s/%sXXXXXX", directory, base);
    int fd = mkstemp(path);
    if (fd < 0) {
        printf("cannot make a temporary file %s: %m\n", path);
        free(path);
        return -1;
    }
    add_temp_file(path);
    if (name != NULL) *name = path;
    else free(path);
    return fd;
}

char* support_create_temp_directory(const char* base) {
    char* path = xasprintf("%s/%sXXXXXX", test_dir, base);
    if (mkdtemp(path) == NULL) FAIL_CALL("mkdtemp (\"%s\"): %m", path);
    add_temp_file(path);
    return path;
}

/* The chain of directories under a too-long temporary directory: each name
 * is long (NAME_MAX bytes), and there are enough of them for the whole path
 * to pass PATH_MAX. Removed at exit by descending with relative names,
 * since the full paths are too long for the path calls. */
enum { toolong_depth = PATH_MAX / NAME_MAX + 1 };
static char toolong_component[NAME_MAX + 1];
static char* toolong_base;

static void make_toolong_component(void) {
    memset(toolong_component, 'X', NAME_MAX);
    toolong_component[NAME_MAX] = '\0';
}

static void remove_toolong_chain(void) {
    if (toolong_base == NULL || chdir(toolong_base) != 0) return;
    int depth = 0;
    while (depth < toolong_depth && chdir(toolong_component) == 0) ++depth;
    for (; depth > 0; --depth) {
        if (chdir("..") != 0) return;
        rmdir(toolong_component);
    }
    /* Out of the base, which remove_temp_files (registered before this)
     * then removes. */
    chdir("/");
}

char* support_create_and_chdir_toolong_temp_directory(const char* base) {
    char* top = support_create_temp_directory(base);
    make_toolong_component();
    toolong_base = xstrdup(top);
    if (atexit(remove_toolong_chain) != 0) FAIL_CALL("atexit failed");
    xchdir(top);
    for (int level = 0; level < toolong_depth; ++level) {
        xmkdir(toolong_component, 0755);
        xchdir(toolong_component);
    }
    return top;
}

void support_chdir_toolong_temp_directory(const char* base) {
    make_toolong_component();
    xchdir(base);
    for (int level = 0; level < toolong_depth; ++level) xchdir(toolong_component);
}

bool support_become_root(void) {
    if (geteuid() == 0) return true;
    /* An unprivileged process may still be root in a user namespace of its
     * own, where its user and group map to 0. */
    uid_t user = getuid();
    gid_t group = getgid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
        printf("warning: cannot become root: unshare (CLONE_NEWUSER): %m\n");
        return false;
    }
    char map[64];
    int fd = open("/proc/self/setgroups", O_WRONLY);
    if (fd >= 0) {
        xwrite(fd, "deny", 4);
        xclose(fd);
    }
    snprintf(map, sizeof map, "0 %u 1\n", (unsigned)user);
    support_write_file_string("/proc/self/uid_map", map);
    snprintf(map, sizeof map, "0 %u 1\n", (unsigned)group);
    support_write_file_string("/proc/self/gid_map", map);
    return true;
}

bool support_can_chroot(void) {
    pid_t child = xfork();
    if (child == 0) _exit(chroot("/") == 0 ? 0 : 1);
    int status;
    xwaitpid(child, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
    printf("warning: this process cannot chroot\n");
    return false;
}

/* The signal stack's cookie: the whole mapping with its guards, the usable
 * part, and the stack that was installed before. */
struct signal_stack {
    void* mapping;
    size_t mapping_size;
    stack_t installed;
    stack_t previous;
};

void* xalloc_sigstack(size_t size) {
    enum { guard_size = 1024 * 1024 };
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t usable = (size + MINSIGSTKSZ + page - 1) / page * page;
    struct signal_stack* stack = xmalloc(sizeof *stack);
    stack->mapping_size = guard_size + usable + guard_size;
    stack->mapping = xmmap(NULL, stack->mapping_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1);
    char* start = (char*)stack->mapping + guard_size;
    xmprotect(start, usable, PROT_READ | PROT_WRITE);
    stack->installed.ss_sp = start;
    stack->installed.ss_size = usable;
    stack->installed.ss_flags = 0;
    if (sigaltstack(&stack->installed, &stack->previous) != 0) FAIL_CALL("sigaltstack: %m");
    return stack;
}

void xfree_sigstack(void* cookie) {
    struct signal_stack* stack = cookie;
    if (sigaltstack(&stack->previous, NULL) != 0) FAIL_CALL("sigaltstack (restoring the previous stack): %m");
    xmunmap(stack->mapping, stack->mapping_size);
    free(stack);
}

void xget_sigstack_location(const void* cookie, unsigned char** address, size_t* size) {
    const struct signal_stack* stack = cookie;
    *address = stack->installed.ss_sp;
    *size = stack->installed.ss_size;
}

void xsystem(const char* command) {
    int status = system(command);
    if (status < 0) FAIL_CALL("system (\"%s\"): %m", command);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        FAIL_CALL("system (\"%s\") ended with status 0x%x", command, status);
}

/* Reads the child's two pipes until both are at end of file, appending
 * what comes to the two memory streams. */
static void drain_pipes(int out_fd, int err_fd, struct support_capture_subprocess* capture) {
    struct pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    FILE* streams[2] = {capture->out.out, capture->err.out};
    int open_count = 2;
    while (open_count > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            FAIL_CALL("poll: %m");
        }
        for (int index = 0; index < 2; ++index) {
            if (fds[index].fd < 0 || fds[index].revents == 0) continue;
            char buffer[4096];
            ssize_t length = read(fds[index].fd, buffer, sizeof buffer);
            if (length < 0 && errno == EINTR) continue;
            if (length < 0) FAIL_CALL("read from the child's pipe: %m");
            if (length == 0) {
                xclose(fds[index].fd);
                fds[index].fd = -1;
                --open_count;
                continue;
            }
            fwrite(buffer, 1, (size_t)length, streams[index]);
        }
    }
}

/* The memory streams keep the addresses of the buffer and length they
 * update, so they are opened on the capture's final place, and the result
 * is copied out only once they are closed. */
static void start_capture(struct support_capture_subprocess* capture, int out_pipe[2], int err_pipe[2]) {
    xpipe(out_pipe);
    xpipe(err_pipe);
    xopen_memstream(&capture->out);
    xopen_memstream(&capture->err);
    capture->status = -1;
}

static void finish_capture(struct support_capture_subprocess* capture, pid_t child, int out_pipe[2],
                           int err_pipe[2]) {
    xclose(out_pipe[1]);
    xclose(err_pipe[1]);
    drain_pipes(out_pipe[0], err_pipe[0], capture);
    xwaitpid(child, &capture->status, 0);
    xfclose_memstream(&capture->out);
    xfclose_memstream(&capture->err);
}

struct support_capture_subprocess support_capture_subprocess(void (*callback)(void* closure),
                                                             void* closure) {
    int out_pipe[2], err_pipe[2];
    struct support_capture_subprocess capture;
    start_capture(&capture, out_pipe, err_pipe);
    /* Nothing the parent buffered may come out a second time from the
     * child. */
    fflush(NULL);
    pid_t child = xfork();
    if (child == 0) {
        xclose(out_pipe[0]);
        xclose(err_pipe[0]);
        xdup2(out_pipe[1], STDOUT_FILENO);
        xdup2(err_pipe[1], STDERR_FILENO);
        xclose(out_pipe[1]);
        xclose(err_pipe[1]);
        callback(closure);
        exit(0);
    }
    finish_capture(&capture, child, out_pipe, err_pipe);
    return capture;
}

extern char** environ;

struct support_capture_subprocess support_capture_subprogram(const char* file, char* const argv[]) {
    int out_pipe[2], err_pipe[2];
    struct support_capture_subprocess capture;
    start_capture(&capture, out_pipe, err_pipe);
    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0
        || posix_spawn_file_actions_addclose(&actions, out_pipe[0]) != 0
        || posix_spawn_file_actions_addclose(&actions, err_pipe[0]) != 0
        || posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO) != 0
        || posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO) != 0)
        FAIL_CALL("posix_spawn_file_actions for %s failed", file);
    pid_t child;
    int error = posix_spawn(&child, file, &actions, NULL, argv, environ);
    if (error != 0) FAIL_CALL("posix_spawn (\"%s\"): %s", file, strerror(error));
    posix_spawn_file_actions_destroy(&actions);
    finish_capture(&capture, child, out_pipe, err_pipe);
    return capture;
}

void support_capture_subprocess_free(struct support_capture_subprocess* capture) {
    free(capture->out.buffer);
    free(capture->err.buffer);
}

static void check_capture_stream(const char* context, const char* which, const char* text,
                                 size_t length, int allowed) {
    if (allowed || length == 0) return;
    support_fail_at(__FILE__, __LINE__, "%s: unexpected output on %s:\n%s", context, which, text);
}

void support_capture_subprocess_check(struct support_capture_subprocess* capture,
                                      const char* context, int status_or_signal, int allowed) {
    int status = capture->status;
    if (status_or_signal >= 0) {
        if (!WIFEXITED(status) || WEXITSTATUS(status) != status_or_signal)
            support_fail_at(__FILE__, __LINE__, "%s: expected exit status %d, got wait status 0x%x",
                            context, status_or_signal, status);
    } else if (!WIFSIGNALED(status) || WTERMSIG(status) != -status_or_signal) {
        support_fail_at(__FILE__, __LINE__, "%s: expected termination by signal %d, got wait status 0x%x",
                        context, -status_or_signal, status);
    }
    check_capture_stream(context, "standard output", capture->out.buffer, capture->out.length,
                         allowed & sc_allow_stdout);
    check_capture_stream(context, "standard error", capture->err.buffer, capture->err.length,
                         allowed & sc_allow_stderr);
}

void support_process_state_wait(pid_t pid, enum support_process_state states) {
    /* The letters of /proc/PID/stat's third field, in the enumeration's
     * bit order. */
    static const char letters[] = "RSDTtXZP";
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    for (;;) {
        int fd = xopen(path, O_RDONLY | O_CLOEXEC, 0);
        char text[1024];
        ssize_t length = read(fd, text, sizeof text - 1);
        xclose(fd);
        if (length <= 0) FAIL_CALL("read (\"%s\"): %m", path);
        text[length] = '\0';
        /* The command name, in parentheses, may hold anything: the state
         * follows its last closing parenthesis. */
        const char* name_end = strrchr(text, ')');
        if (name_end && name_end[1] == ' ' && name_end[2] != '\0') {
            const char* letter = strchr(letters, name_end[2]);
            if (letter && (states & (1 << (letter - letters)))) return;
        }
        struct timespec pause_time = {0, 1000000};
        nanosleep(&pause_time, NULL);
    }
}

int xsocket(int domain, int type, int protocol) {
    int fd = socket(domain, type, protocol);
    if (fd < 0) FAIL_CALL("socket (%d, %d, %d): %m", domain, type, protocol);
    return fd;
}

void xsetsockopt(int fd, int level, int name, const void* value, socklen_t length) {
    if (setsockopt(fd, level, name, value, length) != 0) FAIL_CALL("setsockopt (%d, %d, %d): %m", fd, level, name);
}

void xgetsockname(int fd, struct sockaddr* address, socklen_t* length) {
    if (getsockname(fd, address, length) != 0) FAIL_CALL("getsockname (%d): %m", fd);
}

void xconnect(int fd, const struct sockaddr* address, socklen_t length) {
    if (connect(fd, address, length) != 0) FAIL_CALL("connect (%d): %m", fd);
}

void xbind(int fd, const struct sockaddr* address, socklen_t length) {
    if (bind(fd, address, length) != 0) FAIL_CALL("bind (%d): %m", fd);
}

void xlisten(int fd, int backlog) {
    if (listen(fd, backlog) != 0) FAIL_CALL("listen (%d, %d): %m", fd, backlog);
}

int xaccept(int fd, struct sockaddr* address, socklen_t* length) {
    int accepted = accept(fd, address, length);
    if (accepted < 0) FAIL_CALL("accept (%d): %m", fd);
    return accepted;
}

int xaccept4(int fd, struct sockaddr* address, socklen_t* length, int flags) {
    int accepted = accept4(fd, address, length, flags);
    if (accepted < 0) FAIL_CALL("accept4 (%d, 0x%x): %m", fd, flags);
    return accepted;
}

void xsendto(int fd, const void* buffer, size_t length, int flags, const struct sockaddr* address,
             socklen_t address_length) {
    ssize_t sent = sendto(fd, buffer, length, flags, address, address_length);
    if (sent < 0) FAIL_CALL("sendto (%d): %m", fd);
    if ((size_t)sent != length) FAIL_CALL("sendto (%d) sent %zd of %zu bytes", fd, sent, length);
}

size_t xrecvfrom(int fd, void* buffer, size_t length, int flags, struct sockaddr* address,
                 socklen_t* address_length) {
    ssize_t received = recvfrom(fd, buffer, length, flags, address, address_length);
    if (received < 0) FAIL_CALL("recvfrom (%d): %m", fd);
    return (size_t)received;
}

int xpoll(struct pollfd* fds, nfds_t count, int timeout) {
    int ready = poll(fds, count, timeout);
    if (ready < 0) FAIL_CALL("poll: %m");
    return ready;
}

void support_openpty(int* outer, int* inner, char** name, const struct termios* settings,
                     const struct winsize* size) {
    if (openpty(outer, inner, NULL, settings, size) != 0) FAIL_CALL("openpty: %m");
    if (name == NULL) return;
    char path[64];
    int error = ttyname_r(*inner, path, sizeof path);
    if (error != 0) FAIL_CALL("ttyname_r (%d): %s", *inner, strerror(error));
    *name = xstrdup(path);
}

#ifndef SUPPORT_SRCDIR_ROOT
#error "the build gives SUPPORT_SRCDIR_ROOT, the extracted test tree"
#endif
#ifndef SUPPORT_OBJDIR_ROOT
#error "the build gives SUPPORT_OBJDIR_ROOT, a directory for the tests' files"
#endif
const char support_srcdir_root[] = SUPPORT_SRCDIR_ROOT;
const char support_objdir_root[] = SUPPORT_OBJDIR_ROOT;

/* Also of glibc's support interface: xsched.h's xclone, support.h's quoted
 * blobs, select probes, timers and guarded stacks, next_to_fault.h,
 * blob_repeat.h and xunistd.h's xcopy_file_range, for the library tests
 * (misc/tst-select, io/tst-close_range, stdlib/test-bz22786 and others). */

pid_t xclone(int (*fn)(void* arg), void* arg, void* stack, size_t stack_size, int flags) {
    /* The stack grows down on x86_64: the child starts at its top. */
    pid_t child = clone(fn, (char*)stack + stack_size, flags, arg, NULL, NULL, NULL);
    if (child < 0) FAIL_CALL("clone (0x%x): %m", (unsigned)flags);
    return child;
}

char* support_quote_blob(const void* blob, size_t length) {
    const unsigned char* bytes = blob;
    /* At most four characters per byte (an octal escape), and the null. */
    char* quoted = xmalloc(4 * length + 1);
    char* out = quoted;
    for (size_t i = 0; i < length; ++i) {
        unsigned char byte = bytes[i];
        if (byte == '\\' || byte == '"' || byte == '\'') {
            *out++ = '\\';
            *out++ = (char)byte;
        } else if (byte >= 0x20 && byte < 0x7f) {
            *out++ = (char)byte;
        } else {
            /* Three digits always, so that a digit after it stays apart. */
            *out++ = '\\';
            *out++ = (char)('0' + (byte >> 6));
            *out++ = (char)('0' + ((byte >> 3) & 7));
            *out++ = (char)('0' + (byte & 7));
        }
    }
    *out = '\0';
    return quoted;
}

struct support_next_to_fault support_next_to_fault_allocate(size_t size) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t data_pages = (size + page - 1) / page * page;
    struct support_next_to_fault region;
    region.region_size = data_pages + page;
    region.region_start = xmmap(NULL, region.region_size, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1);
    xmprotect((char*)region.region_start + data_pages, page, PROT_NONE);
    /* The buffer's last byte is the last one before the guard page. */
    region.buffer = (char*)region.region_start + data_pages - size;
    region.length = size;
    return region;
}

void support_next_to_fault_free(struct support_next_to_fault* region) {
    xmunmap(region->region_start, region->region_size);
    memset(region, 0, sizeof *region);
}

/* Below this size a blob is simply malloc'ed and filled. */
enum { blob_malloc_limit = 64 << 20 };
/* The repeated unit is at least this long, so that a blob of gigabytes
 * takes thousands of mappings, not millions (the kernel allows about
 * 65,000 per process). */
enum { blob_minimum_unit = 1 << 20 };

static size_t greatest_common_divisor(size_t left, size_t right) {
    while (right != 0) {
        size_t rest = left % right;
        left = right;
        right = rest;
    }
    return left;
}

static struct support_blob_repeat blob_in_malloc(const unsigned char* element, size_t element_size,
                                                 size_t count, size_t total) {
    struct support_blob_repeat blob = {NULL, 0, false};
    unsigned char* start = malloc(total == 0 ? 1 : total);
    if (start == NULL) return blob;
    for (size_t i = 0; i < count; ++i) memcpy(start + i * element_size, element, element_size);
    blob.start = start;
    blob.size = total;
    blob.use_malloc = true;
    return blob;
}

/* A unit of whole pages and whole elements is written once to a memory
 * file, and the blob is that file mapped again and again, side by side:
 * privately (copy on write) or shared. */
static struct support_blob_repeat blob_in_mappings(const unsigned char* element, size_t element_size,
                                                   size_t total, bool shared) {
    struct support_blob_repeat blob = {NULL, 0, false};
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t unit = page / greatest_common_divisor(page, element_size) * element_size;
    if (unit / element_size != page / greatest_common_divisor(page, element_size)) {
        errno = ENOMEM;
        return blob;
    }
    while (unit < blob_minimum_unit && unit * 2 <= total) unit *= 2;
    size_t units = total / unit + (total % unit != 0);
    if (units > SIZE_MAX / unit) {
        errno = ENOMEM;
        return blob;
    }
    int fd = memfd_create("support_blob_repeat", MFD_CLOEXEC);
    if (fd < 0) return blob;
    int saved_errno = 0;
    unsigned char* start = MAP_FAILED;
    unsigned char* first;
    if (ftruncate(fd, (off_t)unit) != 0 ||
        (first = mmap(NULL, unit, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) == MAP_FAILED) {
        saved_errno = errno;
    } else {
        for (size_t offset = 0; offset < unit; offset += element_size) memcpy(first + offset, element, element_size);
        munmap(first, unit);
        /* The address range first, inaccessible, then each unit over it. */
        start = mmap(NULL, units * unit, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (start == MAP_FAILED) saved_errno = errno;
        for (size_t i = 0; start != MAP_FAILED && i < units; ++i) {
            void* placed = mmap(start + i * unit, unit, PROT_READ | PROT_WRITE,
                                MAP_FIXED | (shared ? MAP_SHARED : MAP_PRIVATE), fd, 0);
            if (placed == MAP_FAILED) {
                saved_errno = errno;
                munmap(start, units * unit);
                start = MAP_FAILED;
            }
        }
    }
    close(fd);
    if (start == MAP_FAILED) {
        errno = saved_errno;
        return blob;
    }
    blob.start = start;
    blob.size = units * unit;
    return blob;
}

static struct support_blob_repeat blob_repeat(const void* element, size_t element_size, size_t count,
                                              bool shared) {
    struct support_blob_repeat blob = {NULL, 0, false};
    if (element_size != 0 && count > SIZE_MAX / element_size) {
        errno = EOVERFLOW;
        return blob;
    }
    size_t total = element_size * count;
    if (total < blob_malloc_limit && !shared) return blob_in_malloc(element, element_size, count, total);
    if (element_size == 0) {
        errno = EINVAL;
        return blob;
    }
    return blob_in_mappings(element, element_size, total, shared);
}

struct support_blob_repeat support_blob_repeat_allocate(const void* element, size_t element_size,
                                                        size_t count) {
    return blob_repeat(element, element_size, count, false);
}

struct support_blob_repeat support_blob_repeat_allocate_shared(const void* element, size_t element_size,
                                                               size_t count) {
    return blob_repeat(element, element_size, count, true);
}

void support_blob_repeat_free(struct support_blob_repeat* blob) {
    if (blob->use_malloc) free(blob->start);
    else if (blob->start != NULL) munmap(blob->start, blob->size);
    memset(blob, 0, sizeof *blob);
}

bool support_select_modifies_timeout(void) { return true; }
bool support_select_normalizes_timeout(void) { return true; }

static void ignore_timer_signal(int signal) { (void)signal; }

timer_t support_create_timer(uint64_t seconds, long nanoseconds, bool repeat, void (*callback)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    /* A handler, not SIG_IGN: the signal must interrupt blocking calls. */
    action.sa_handler = callback != NULL ? callback : ignore_timer_signal;
    xsigaction(SIGALRM, &action, NULL);
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGALRM;
    timer_t timer;
    if (timer_create(CLOCK_REALTIME, &event, &timer) != 0) FAIL_CALL("timer_create: %m");
    struct itimerspec when;
    memset(&when, 0, sizeof when);
    when.it_value.tv_sec = (time_t)seconds;
    when.it_value.tv_nsec = nanoseconds;
    if (repeat) when.it_interval = when.it_value;
    if (timer_settime(timer, 0, &when, NULL) != 0) FAIL_CALL("timer_settime: %m");
    return timer;
}

void support_delete_timer(timer_t timer) {
    if (timer_delete(timer) != 0) FAIL_CALL("timer_delete: %m");
}

enum { stack_guard_size = 1 << 20 };

struct support_stack support_stack_alloc(size_t size) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t usable = (size + MINSIGSTKSZ + page - 1) / page * page;
    unsigned char* region = xmmap(NULL, usable + 2 * stack_guard_size, PROT_NONE,
                                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1);
    xmprotect(region + stack_guard_size, usable, PROT_READ | PROT_WRITE);
    struct support_stack stack = {region + stack_guard_size, usable, stack_guard_size};
    return stack;
}

void support_stack_free(struct support_stack* stack) {
    xmunmap((unsigned char*)stack->stack - stack->guardsize, stack->size + 2 * stack->guardsize);
}

ssize_t xcopy_file_range(int in_fd, loff_t* in_offset, int out_fd, loff_t* out_offset, size_t length,
                         unsigned int flags) {
    ssize_t copied = copy_file_range(in_fd, in_offset, out_fd, out_offset, length, flags);
    if (copied < 0) FAIL_CALL("copy_file_range (%d, %d, %zu): %m", in_fd, out_fd, length);
    return copied;
}
