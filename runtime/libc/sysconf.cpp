// sysconf for the names threaded programs ask about: page size and processor
// counts. Other names fail with EINVAL (documented), never a made-up value.
#include <errno.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

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
    case _SC_THREADS:
    case _SC_THREAD_SAFE_FUNCTIONS: return 200809L;
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
