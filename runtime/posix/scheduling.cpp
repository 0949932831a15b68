// <sched.h> functions threaded programs use: CPU sets and affinity, the
// priority range queries, a thread's scheduling, sched_getcpu, getcpu. Errors: -1 with errno.
#include <sched.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "../sys/syscalls.hpp"

namespace {

int result_of(long raw) {
    if (lwp::sys::failed(raw)) {
        errno = static_cast<int>(-raw);
        return -1;
    }
    return static_cast<int>(raw);
}

}  // namespace

extern "C" {

// What CPU_COUNT expands to.
int __sched_cpucount(size_t set_size, const cpu_set_t* set) noexcept {
    const unsigned char* bytes = reinterpret_cast<const unsigned char*>(set);
    int count = 0;
    for (size_t i = 0; i < set_size; ++i) count += __builtin_popcount(bytes[i]);
    return count;
}

// What CPU_ALLOC / CPU_FREE expand to.
cpu_set_t* __sched_cpualloc(size_t count) noexcept {
    return static_cast<cpu_set_t*>(std::calloc(1, CPU_ALLOC_SIZE(count)));
}
void __sched_cpufree(cpu_set_t* set) noexcept { std::free(set); }

int sched_getaffinity(pid_t thread, size_t set_size, cpu_set_t* set) noexcept {
    long raw = lwp::arch::syscall3(__NR_sched_getaffinity, thread, static_cast<long>(set_size),
                                   reinterpret_cast<long>(set));
    if (lwp::sys::failed(raw)) return result_of(raw);
    // The kernel writes only its own mask's bytes: the rest reads as 0.
    if (static_cast<size_t>(raw) < set_size)
        std::memset(reinterpret_cast<char*>(set) + raw, 0, set_size - static_cast<size_t>(raw));
    return 0;
}

int sched_setaffinity(pid_t thread, size_t set_size, const cpu_set_t* set) noexcept {
    return result_of(lwp::arch::syscall3(__NR_sched_setaffinity, thread, static_cast<long>(set_size),
                                         reinterpret_cast<long>(set)));
}

int sched_get_priority_max(int policy) noexcept {
    return result_of(lwp::arch::syscall1(__NR_sched_get_priority_max, policy));
}

int sched_get_priority_min(int policy) noexcept {
    return result_of(lwp::arch::syscall1(__NR_sched_get_priority_min, policy));
}

int sched_getcpu(void) noexcept {
    unsigned int cpu = 0;
    long raw = lwp::arch::syscall3(__NR_getcpu, reinterpret_cast<long>(&cpu), 0, 0);
    return lwp::sys::failed(raw) ? result_of(raw) : static_cast<int>(cpu);
}

// glibc's name for the system call itself: the CPU and its NUMA node (either
// pointer may be null).
int getcpu(unsigned int* cpu, unsigned int* node) noexcept {
    return result_of(lwp::arch::syscall3(__NR_getcpu, reinterpret_cast<long>(cpu),
                                         reinterpret_cast<long>(node), 0));
}
}

extern "C" {

int sched_getparam(pid_t thread, struct sched_param* parameter) noexcept {
    return result_of(lwp::arch::syscall2(__NR_sched_getparam, thread, reinterpret_cast<long>(parameter)));
}

int sched_getscheduler(pid_t thread) noexcept {
    return result_of(lwp::arch::syscall1(__NR_sched_getscheduler, thread));
}

// The system calls themselves, on one thread (0: the caller), as glibc's
// are. They bypass what pthread_setschedparam keeps for a thread raised by a
// priority-ceiling mutex (runtime/sync/base_scheduling.hpp), as glibc's do.
int sched_setscheduler(pid_t thread, int policy, const struct sched_param* parameter) noexcept {
    return result_of(lwp::sys::sched_setscheduler(thread, policy, parameter));
}

int sched_setparam(pid_t thread, const struct sched_param* parameter) noexcept {
    return result_of(lwp::sys::sched_setparam(thread, parameter));
}

int sched_rr_get_interval(pid_t thread, struct timespec* interval) noexcept {
    return result_of(lwp::arch::syscall2(__NR_sched_rr_get_interval, thread,
                                         reinterpret_cast<long>(interval)));
}
}

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __sched_get_priority_max(int) noexcept
    __attribute__((alias("sched_get_priority_max"), copy(sched_get_priority_max)));
int __sched_get_priority_min(int) noexcept
    __attribute__((alias("sched_get_priority_min"), copy(sched_get_priority_min)));
int __sched_getparam(pid_t, struct sched_param*) noexcept
    __attribute__((alias("sched_getparam"), copy(sched_getparam)));
int __sched_getscheduler(pid_t) noexcept
    __attribute__((alias("sched_getscheduler"), copy(sched_getscheduler)));
int __sched_setscheduler(pid_t, int, const struct sched_param*) noexcept
    __attribute__((alias("sched_setscheduler"), copy(sched_setscheduler)));
}  // extern "C"
