// pthread_setname_np / pthread_getname_np through /proc/self/task/<tid>/comm,
// which works for any thread of the process (prctl(PR_SET_NAME) only names the
// caller).
#include <fcntl.h>
#include <pthread.h>

#include <cerrno>
#include <cstring>

#include "../sys/syscalls.hpp"
#include "../thread/thread_query.hpp"

namespace {

// The kernel's TASK_COMM_LEN, terminating zero included.
constexpr std::size_t name_capacity = 16;

// Builds "/proc/self/task/<tid>/comm" without the C library's formatting.
void comm_path(int tid, char (&path)[64]) {
    char digits[16];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + tid % 10);
        tid /= 10;
    } while (tid > 0);
    std::strcpy(path, "/proc/self/task/");
    std::size_t length = std::strlen(path);
    while (count > 0) path[length++] = digits[--count];
    std::strcpy(path + length, "/comm");
}

long open_comm(pthread_t thread, int flags) {
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return -error;
    char path[64];
    comm_path(tid, path);
    return lwp::arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path),
                               flags | O_CLOEXEC, 0);
}

}  // namespace

extern "C" {

int pthread_setname_np(pthread_t thread, const char* name) noexcept {
    std::size_t length = std::strlen(name);
    if (length >= name_capacity) return ERANGE;
    long fd = open_comm(thread, O_WRONLY);
    if (lwp::sys::failed(fd)) return static_cast<int>(-fd);
    long written = lwp::sys::write(static_cast<int>(fd), name, length);
    lwp::arch::syscall1(__NR_close, fd);
    if (lwp::sys::failed(written)) return static_cast<int>(-written);
    return static_cast<std::size_t>(written) == length ? 0 : EIO;
}

int pthread_getname_np(pthread_t thread, char* name, size_t capacity) noexcept {
    if (capacity < name_capacity) return ERANGE;
    long fd = open_comm(thread, O_RDONLY);
    if (lwp::sys::failed(fd)) return static_cast<int>(-fd);
    long got = lwp::arch::syscall3(__NR_read, fd, reinterpret_cast<long>(name),
                                   static_cast<long>(name_capacity));
    lwp::arch::syscall1(__NR_close, fd);
    if (lwp::sys::failed(got)) return static_cast<int>(-got);
    // The file holds the name and a newline.
    std::size_t length = static_cast<std::size_t>(got);
    if (length > 0 && name[length - 1] == '\n') --length;
    name[length] = '\0';
    return 0;
}

int pthread_setaffinity_np(pthread_t thread, size_t size, const cpu_set_t* set) noexcept {
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    long result = lwp::arch::syscall3(__NR_sched_setaffinity, tid, static_cast<long>(size),
                                      reinterpret_cast<long>(set));
    return lwp::sys::failed(result) ? static_cast<int>(-result) : 0;
}

int pthread_getaffinity_np(pthread_t thread, size_t size, cpu_set_t* set) noexcept {
    int tid;
    int error = lwp::runtime::thread_tid_of(thread, tid);
    if (error) return error;
    long result = lwp::arch::syscall3(__NR_sched_getaffinity, tid, static_cast<long>(size),
                                      reinterpret_cast<long>(set));
    if (lwp::sys::failed(result)) return static_cast<int>(-result);
    // The kernel fills only the bytes of its own mask; the rest must read 0.
    if (static_cast<size_t>(result) < size)
        std::memset(reinterpret_cast<char*>(set) + result, 0, size - static_cast<size_t>(result));
    return 0;
}
}
