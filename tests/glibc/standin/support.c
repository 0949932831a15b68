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

#include "support/check.h"
#include "support/descriptors.h"
#include "support/namespace.h"
#include "support/support.h"
#include "support/temp_file.h"
#include "support/test-driver.h"
#include "support/timespec.h"
#include "support/xthread.h"
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

void* xposix_memalign(size_t alignment, size_t size) {
    void* pointer = NULL;
    int error = posix_memalign(&pointer, alignment, size);
    if (error != 0) support_fail_exit_at(1, __FILE__, __LINE__, "posix_memalign: %s", strerror(error));
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

void support_set_small_thread_stack_size(pthread_attr_t* attr) {
    xpthread_attr_setstacksize(attr, 64 * 1024);
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
    size_t size = strlen(test_dir) + 1 + strlen(base) + sizeof "XXXXXX";
    char* path = xmalloc(size);
    snprintf(path, size, "%s/%sXXXXXX", test_dir, base);
    int fd = mkstemp(path);
    if (fd < 0) {
        printf("cannot make a temporary file %s: %s\n", path, strerror(errno));
        free(path);
        return -1;
    }
    add_temp_file(path);
    if (name != NULL) *name = path;
    else free(path);
    return fd;
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
