// Thin, typed wrappers over the system calls lwp makes.
//
// Rule for this layer: each returns the kernel's result unchanged, a value >= 0
// or -errno. None reads or writes errno and none calls the C library, so the
// core runs the same inside a glibc process and in a freestanding program.
#pragma once

#include <asm/unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sched.h>
#include <signal.h>
#include <time.h>

#include <cstddef>

#include "../../arch/x86_64/syscall.hpp"

namespace lwp::sys {

using arch::syscall1;
using arch::syscall2;
using arch::syscall3;
using arch::syscall4;
using arch::syscall6;

// True when a raw syscall result is an error (-4095..-1).
inline bool failed(long result) { return static_cast<unsigned long>(result) > -4096UL; }

inline long mmap(void* address, std::size_t length, int protection, int flags, int fd = -1,
                 long offset = 0) {
    return syscall6(__NR_mmap, reinterpret_cast<long>(address), static_cast<long>(length),
                    protection, flags, fd, offset);
}

inline long munmap(void* address, std::size_t length) {
    return syscall2(__NR_munmap, reinterpret_cast<long>(address), static_cast<long>(length));
}

inline long mprotect(void* address, std::size_t length, int protection) {
    return syscall3(__NR_mprotect, reinterpret_cast<long>(address), static_cast<long>(length),
                    protection);
}

inline long madvise(void* address, std::size_t length, int advice) {
    return syscall3(__NR_madvise, reinterpret_cast<long>(address), static_cast<long>(length),
                    advice);
}

inline int gettid() { return static_cast<int>(arch::syscall0(__NR_gettid)); }
inline int getpid() { return static_cast<int>(arch::syscall0(__NR_getpid)); }

inline long tgkill(int tgid, int tid, int signal) {
    return syscall3(__NR_tgkill, tgid, tid, signal);
}

inline long sched_yield() { return arch::syscall0(__NR_sched_yield); }

// Ends the calling thread only (not the thread group).
[[noreturn]] inline void exit_thread(int status) {
    for (;;) syscall1(__NR_exit, status);
}

[[noreturn]] inline void exit_group(int status) {
    for (;;) syscall1(__NR_exit_group, status);
}

// set_tid_address(NULL) stops the kernel from clearing (and futex-waking) the
// calling thread's tid word at exit.
inline long set_tid_address(int* tid_word) {
    return syscall1(__NR_set_tid_address, reinterpret_cast<long>(tid_word));
}

// The calling thread's robust-futex list (mutex_robust.cpp): the kernel walks
// it when the thread dies, marking the mutexes it still holds. One per thread;
// a new thread (and a forked child) starts with none.
inline long set_robust_list(void* head, std::size_t head_size) {
    return syscall2(__NR_set_robust_list, reinterpret_cast<long>(head),
                    static_cast<long>(head_size));
}
inline long get_robust_list(int tid, void** head, std::size_t* head_size) {
    return syscall3(__NR_get_robust_list, tid, reinterpret_cast<long>(head),
                    reinterpret_cast<long>(head_size));
}

// The kernel's sigset_t is 8 bytes on x86_64; glibc's is 128, so pass the size
// the kernel checks for explicitly.
inline constexpr long kernel_sigset_size = 8;

inline long sigprocmask(int how, const void* set, void* old_set) {
    return syscall4(__NR_rt_sigprocmask, how, reinterpret_cast<long>(set),
                    reinterpret_cast<long>(old_set), kernel_sigset_size);
}

inline long clock_gettime(clockid_t clock, timespec* now) {
    return syscall2(__NR_clock_gettime, clock, reinterpret_cast<long>(now));
}

inline long prlimit(int resource, const rlimit* new_limit, rlimit* old_limit) {
    return syscall4(__NR_prlimit64, 0, resource, reinterpret_cast<long>(new_limit),
                    reinterpret_cast<long>(old_limit));
}

inline long write(int fd, const void* data, std::size_t length) {
    return syscall3(__NR_write, fd, reinterpret_cast<long>(data), static_cast<long>(length));
}

// ioctl and sched_getaffinity serve runtime/libc; nanosleep, tests.
inline long ioctl(int fd, unsigned long request, void* argument) {
    return syscall3(__NR_ioctl, fd, static_cast<long>(request), reinterpret_cast<long>(argument));
}

inline long nanosleep(const timespec* duration, timespec* remaining) {
    return syscall2(__NR_nanosleep, reinterpret_cast<long>(duration),
                    reinterpret_cast<long>(remaining));
}

// A thread's scheduling, by tid (0: the caller). The policy may carry
// SCHED_RESET_ON_FORK, and passing it back keeps that flag.
inline long sched_getscheduler(int tid) { return syscall1(__NR_sched_getscheduler, tid); }
inline long sched_getparam(int tid, sched_param* parameter) {
    return syscall2(__NR_sched_getparam, tid, reinterpret_cast<long>(parameter));
}
inline long sched_setscheduler(int tid, int policy, const sched_param* parameter) {
    return syscall3(__NR_sched_setscheduler, tid, policy, reinterpret_cast<long>(parameter));
}
inline long sched_setparam(int tid, const sched_param* parameter) {
    return syscall2(__NR_sched_setparam, tid, reinterpret_cast<long>(parameter));
}
inline long sched_get_priority_min(int policy) {
    return syscall1(__NR_sched_get_priority_min, policy);
}
inline long sched_get_priority_max(int policy) {
    return syscall1(__NR_sched_get_priority_max, policy);
}

// Fills `mask` (mask_size bytes) with the CPUs the thread may run on and
// returns the number of bytes the kernel wrote.
inline long sched_getaffinity(int tid, std::size_t mask_size, void* mask) {
    return syscall3(__NR_sched_getaffinity, tid, static_cast<long>(mask_size),
                    reinterpret_cast<long>(mask));
}

// Processors the calling thread may run on, counted from its affinity mask:
// what "online" means to a program sizing a thread pool or deciding whether
// spinning can pay, and it respects taskset and cgroup cpusets. At least 1.
inline long processors_available() {
    unsigned long mask[128];  // 8192 CPUs; the kernel fails with EINVAL if it needs more
    long bytes = sched_getaffinity(0, sizeof mask, mask);
    if (failed(bytes)) return 1;  // cannot happen for ourselves; stay usable
    long count = 0;
    for (long i = 0; i < bytes / static_cast<long>(sizeof mask[0]); ++i)
        count += __builtin_popcountl(mask[i]);
    return count ? count : 1;
}

}  // namespace lwp::sys
