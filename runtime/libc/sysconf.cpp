// sysconf: every name of <bits/confname.h> answered as glibc 2.36 answers it
// on x86-64 Linux (docs/libc.md, "Others", says where lwp differs). Here the
// answers that depend on the process or the machine: resource limits, the
// kernel's settings in /proc, memory and processor counts, the auxiliary
// vector's clock tick and signal frame size. The fixed answers are in
// sysconf_fixed_answers.cpp, the caches' geometry (CPUID) in
// arch/x86_64/cache_geometry_freestanding.cpp. A name that is none of these
// fails with EINVAL.
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "../../arch/x86_64/cache_geometry.hpp"
#include "../../arch/x86_64/signal_frame_size.hpp"
#include "../start/auxiliary_vector.hpp"
#include "../sys/syscalls.hpp"
#include "errno_result.hpp"
#include "processor_count.hpp"
#include "small_system_file.hpp"
#include "sysconf_fixed_answers.hpp"

namespace {

// The smallest alternate signal stack the kernel accepts on any CPU: a fixed
// floor in its sigaltstack, and the constant MINSIGSTKSZ of the x86_64 ABI.
constexpr long kernel_signal_stack_floor = 2048;

// What delivering one signal takes: the frame the kernel pushes, whose size
// follows the CPU's register state (over 11 KiB with AMX). The kernel
// publishes it as AT_MINSIGSTKSZ; for one that predates it (x86 before
// Linux 5.14) it is worked out from the CPU's XSAVE size, as glibc does.
// Never below the kernel's floor, or a stack of this size would fail
// sigaltstack with ENOMEM (glibc passes on a smaller published size).
long minimum_signal_stack_size() {
    unsigned long frame_size = 0;
    if (!lwp::start::find_auxiliary_value(lwp::start::auxiliary_vector, AT_MINSIGSTKSZ,
                                          frame_size) ||
        frame_size == 0)
        frame_size = lwp::arch::signal_frame_size_from_xsave();
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

// A limit of the calling process, or false if the kernel refuses (it cannot
// for these).
bool current_limit(int resource, rlim_t& value) {
    rlimit limit;
    if (lwp::sys::failed(lwp::sys::prlimit(resource, nullptr, &limit))) return false;
    value = limit.rlim_cur;
    return true;
}

// The room execve gives arguments and environment together: a quarter of the
// stack limit (the kernel's rule), at least the historical 128 KiB and at
// most the 6 MiB kernels since 4.13 allow, as glibc computes it.
long argument_space() {
    constexpr unsigned long historical = 131072;
    constexpr unsigned long kernel_ceiling = 6 * 1024 * 1024;
    rlim_t stack;
    if (!current_limit(RLIMIT_STACK, stack)) return historical;
    unsigned long quarter = stack / 4;
    unsigned long space = quarter > historical ? quarter : historical;
    return static_cast<long>(space < kernel_ceiling ? space : kernel_ceiling);
}

// A number alone in a file of /proc/sys (a newline may follow), or false.
bool read_kernel_setting(const char* path, long& value) {
    char text[32];
    if (lwp::libc::read_start_of_system_file(path, text, sizeof text) == 0) return false;
    char* end;
    long number = strtol(text, &end, 10);
    if (end == text || (*end != '\0' && *end != '\n')) return false;
    value = number;
    return true;
}

long open_files_limit() {
    rlim_t files;
    // The historical OPEN_MAX when the limit cannot be read. glibc keeps
    // the limit as an int: RLIM_INFINITY comes back as -1.
    if (!current_limit(RLIMIT_NOFILE, files)) return 256;
    return static_cast<int>(files);
}

}  // namespace

extern "C" long sysconf(int name) noexcept {
    switch (name) {
    // x86_64 base pages are always 4 KiB (huge pages are an mmap option,
    // not a different base page size).
    case _SC_PAGESIZE: return 4096;
    case _SC_CLK_TCK: {
        // USER_HZ, which the kernel passes as AT_CLKTCK; 100 on x86_64.
        unsigned long ticks = 0;
        lwp::start::find_auxiliary_value(lwp::start::auxiliary_vector, AT_CLKTCK, ticks);
        return ticks != 0 ? static_cast<long>(ticks) : 100;
    }
    case _SC_NPROCESSORS_ONLN: return lwp::libc::online_processor_count();
    case _SC_NPROCESSORS_CONF: return lwp::libc::configured_processor_count();
    case _SC_PHYS_PAGES: return get_phys_pages();
    case _SC_AVPHYS_PAGES: return get_avphys_pages();
    case _SC_ARG_MAX: return argument_space();
    case _SC_CHILD_MAX: {
        // Processes of this user: -1 (errno unchanged) when unlimited.
        rlim_t processes;
        if (!current_limit(RLIMIT_NPROC, processes) || processes == RLIM_INFINITY) return -1;
        return static_cast<long>(processes);
    }
    case _SC_OPEN_MAX: return open_files_limit();
    case _SC_NGROUPS_MAX: {
        long groups;
        if (read_kernel_setting("/proc/sys/kernel/ngroups_max", groups)) return groups;
        static_assert(NGROUPS_MAX == 65536, "the kernel's limit since Linux 2.6.4");
        return NGROUPS_MAX;
    }
    case _SC_SIGQUEUE_MAX: {
        // Queued signals of this user (RLIM_INFINITY comes back as -1).
        rlim_t pending;
        if (current_limit(RLIMIT_SIGPENDING, pending)) return static_cast<long>(pending);
        long queued;
        if (read_kernel_setting("/proc/sys/kernel/rtsig-max", queued)) return queued;
        return -1;
    }
    // With _GNU_SOURCE, glibc's <limits.h> defines PTHREAD_STACK_MIN as a
    // call to sysconf(__SC_THREAD_STACK_MIN_VALUE), 75: 16 KiB, or a
    // signal frame if the CPU's is larger (a thread must be able to take a
    // signal).
    case _SC_THREAD_STACK_MIN: {
        static_assert(_SC_THREAD_STACK_MIN == 75, "the number PTHREAD_STACK_MIN passes");
        long frame = minimum_signal_stack_size();
        return frame > 16384 ? frame : 16384;
    }
    // With _GNU_SOURCE, glibc's <signal.h> makes SIGSTKSZ and MINSIGSTKSZ
    // both sysconf(_SC_SIGSTKSZ).
    case _SC_MINSIGSTKSZ: return minimum_signal_stack_size();
    case _SC_SIGSTKSZ: return signal_stack_size();
    default: break;
    }
    if (name >= _SC_LEVEL1_ICACHE_SIZE && name <= _SC_LEVEL4_CACHE_LINESIZE)
        return lwp::arch::cache_geometry(name);
    lwp::libc::sysconf_answer fixed = lwp::libc::fixed_sysconf_answer(name);
    if (!fixed.known) return lwp::libc::fail_with_errno(EINVAL);
    return fixed.value;
}

// glibc's <unistd.h> may route sysconf through its internal name, and
// getpagesize is the BSD spelling of the same question.
extern "C" long __sysconf(int name) noexcept { return sysconf(name); }
extern "C" int getpagesize(void) noexcept { return 4096; }
extern "C" int __getpagesize(void) noexcept { return 4096; }
