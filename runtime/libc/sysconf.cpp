// sysconf for the names threaded programs ask about: page size, processor
// counts, thread limits and options, signal stack sizes. Other names fail
// with EINVAL (documented), never a made-up value.
#include <errno.h>
#include <limits.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "../start/auxiliary_vector.hpp"
#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

namespace {

// The smallest alternate signal stack the kernel accepts on any CPU: a fixed
// floor in its sigaltstack, and the constant MINSIGSTKSZ of the x86_64 ABI.
constexpr long kernel_signal_stack_floor = 2048;

// What delivering one signal takes: the frame the kernel pushes, whose size
// follows the CPU's register state (over 11 KiB with AMX). The kernel
// publishes it as AT_MINSIGSTKSZ; one that predates it (x86 before Linux 5.14)
// checks nothing but the floor, so the floor is the answer there. Never below
// the floor, or a stack of this size would fail sigaltstack with ENOMEM.
long minimum_signal_stack_size() {
    unsigned long frame_size = 0;
    lwp::start::find_auxiliary_value(lwp::start::auxiliary_vector, AT_MINSIGSTKSZ, frame_size);
    long size = static_cast<long>(frame_size);
    return size > kernel_signal_stack_floor ? size : kernel_signal_stack_floor;
}

// What a handler should be given: the minimum holds only the kernel's frame,
// and the handler's own calls need room on top, as does a second frame when
// another signal arrives while it runs. At least 4 frames' worth, since the
// frame is what grows with the CPU (the handler's own code rarely does); and
// at least the historical constant 8192, which programs have long sized their
// stacks with and which holds the largest frame of kernels without
// AT_MINSIGSTKSZ (AVX-512's, about 3.5 KiB) with room to spare.
long signal_stack_size() {
    long four_frames = 4 * minimum_signal_stack_size();
    return four_frames > 8192 ? four_frames : 8192;
}

}  // namespace

extern "C" long sysconf(int name) noexcept {
    switch (name) {
    // x86_64 base pages are always 4 KiB (huge pages are an mmap option,
    // not a different base page size).
    case _SC_PAGESIZE: return 4096;
    case _SC_NPROCESSORS_ONLN:
    case _SC_NPROCESSORS_CONF:
        // Counted from the affinity mask (glibc reads /sys; under a
        // restricted mask the two differ, and lwp's answer is the smaller).
        return lwp::sys::processors_available();
    case _SC_CLK_TCK: return 100;  // USER_HZ, fixed by the kernel ABI
    static_assert(_SC_THREAD_STACK_MIN == 75, "the number PTHREAD_STACK_MIN passes");
    // The thread limits lwp implements (<lwp/thread.h>, <lwp/sync.h>). With
    // _GNU_SOURCE, glibc's <limits.h> defines PTHREAD_STACK_MIN as a call to
    // sysconf(__SC_THREAD_STACK_MIN_VALUE).
    case _SC_THREAD_STACK_MIN: return 16384;  // 75, the number the header's macro uses
    case _SC_THREAD_KEYS_MAX: return 1024;
    case _SC_THREAD_DESTRUCTOR_ITERATIONS: return 4;
    case _SC_THREAD_THREADS_MAX: return -1;  // no limit of lwp's own (errno unchanged)
    // The POSIX options lwp implements, as the version of POSIX that
    // defines them (what glibc answers too). An option lwp lacks (robust or
    // priority-ceiling mutexes) is -1.
    case _SC_THREADS:
    case _SC_THREAD_SAFE_FUNCTIONS:
    case _SC_THREAD_ATTR_STACKADDR:
    case _SC_THREAD_ATTR_STACKSIZE:
    case _SC_THREAD_PROCESS_SHARED:
    case _SC_SEMAPHORES:
    case _SC_BARRIERS:
    case _SC_SPIN_LOCKS:
    case _SC_READER_WRITER_LOCKS:
    case _SC_TIMEOUTS:
    case _SC_CLOCK_SELECTION:
    case _SC_MONOTONIC_CLOCK:
    case _SC_MAPPED_FILES:
    case _SC_THREAD_PRIORITY_SCHEDULING:  // explicit scheduling at creation, set/getschedparam
    case _SC_THREAD_PRIO_INHERIT:         // LWP_PRIO_INHERIT mutexes (mutex_pi.cpp)
    case _SC_THREAD_ROBUST_PRIO_INHERIT:  // ... robust ones too (mutex_robust.cpp)
    case _SC_THREAD_PRIO_PROTECT:         // LWP_PRIO_PROTECT mutexes (mutex_ceiling.cpp)
    case _SC_ASYNCHRONOUS_IO:             // aio_* (async_io.cpp)
    case _SC_VERSION: return 200809L;
    case _SC_SEM_NSEMS_MAX: return -1;  // no limit of lwp's own (errno unchanged)
    case _SC_AIO_LISTIO_MAX:
    case _SC_AIO_MAX: return -1;  // no limit of lwp's own: a thread per request
    case _SC_AIO_PRIO_DELTA_MAX: return AIO_PRIO_DELTA_MAX;  // accepted, not acted on
    // A ceiling mutex cannot be robust (lwp_mutex_init: ENOTSUP).
    case _SC_THREAD_ROBUST_PRIO_PROTECT: return -1;  // unsupported (errno unchanged)
    case _SC_SEM_VALUE_MAX: return 2147483647;  // LWP_SEM_VALUE_MAX
    // With _GNU_SOURCE, glibc's <signal.h> makes SIGSTKSZ and MINSIGSTKSZ
    // both sysconf(_SC_SIGSTKSZ).
    case _SC_MINSIGSTKSZ: return minimum_signal_stack_size();
    case _SC_SIGSTKSZ: return signal_stack_size();
    case _SC_OPEN_MAX: {
        rlimit limit;
        if (lwp::sys::failed(lwp::sys::prlimit(RLIMIT_NOFILE, nullptr, &limit))) return -1;
        return static_cast<long>(limit.rlim_cur);
    }
    default: return lwp::libc::fail_with_errno(EINVAL);
    }
}

// glibc's <unistd.h> may route sysconf through its internal name, and
// getpagesize is the BSD spelling of the same question.
extern "C" long __sysconf(int name) noexcept { return sysconf(name); }
extern "C" int getpagesize(void) noexcept { return 4096; }
extern "C" int __getpagesize(void) noexcept { return 4096; }
