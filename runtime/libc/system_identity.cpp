// What the system is: uname gethostname sethostname getdomainname
// setdomainname sysinfo get_nprocs get_nprocs_conf get_phys_pages
// get_avphys_pages, and randomness from the
// kernel: getrandom getentropy.
// -1 with errno on failure.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;
using lwp::libc::fail_with_errno;

extern "C" {

int uname(struct utsname* name) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall1(__NR_uname, reinterpret_cast<long>(name))));
}

// The node name from uname; ENAMETOOLONG when it does not fit with its null
// byte (POSIX leaves truncation open; glibc reports it so).
int gethostname(char* name, size_t size) noexcept {
    struct utsname system;
    if (uname(&system) != 0) return -1;
    size_t length = strlen(system.nodename);
    if (length >= size) return fail_with_errno(ENAMETOOLONG);
    memcpy(name, system.nodename, length + 1);
    return 0;
}

// The NIS domain name. Cut to `size` bytes, unterminated then, and still a
// success when it is longer: glibc's behaviour, which programs written
// against it expect (unlike gethostname, there is no ENAMETOOLONG).
int getdomainname(char* name, size_t size) noexcept {
    struct utsname system;
    if (uname(&system) != 0) return -1;
    size_t length = strlen(system.domainname) + 1;
    memcpy(name, system.domainname, length < size ? length : size);
    return 0;
}

int setdomainname(const char* name, size_t length) noexcept {
    return static_cast<int>(errno_result(
        lwp::arch::syscall2(__NR_setdomainname, reinterpret_cast<long>(name), static_cast<long>(length))));
}

int sethostname(const char* name, size_t length) noexcept {
    return static_cast<int>(errno_result(
        lwp::arch::syscall2(__NR_sethostname, reinterpret_cast<long>(name), static_cast<long>(length))));
}

// The 1, 5 and 15 minute load averages, the first `count` of them (at most
// 3), from /proc/loadavg: the kernel's own text, two decimals each, which is
// where glibc reads them too (sysinfo's fixed-point loads would round
// differently). -1 when /proc is not there; 0 for a count of 0 or less,
// as glibc answers.
int getloadavg(double averages[], int count) noexcept {
    int fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char text[128];
    ssize_t length = read(fd, text, sizeof text - 1);
    close(fd);
    if (length <= 0) return -1;
    text[length] = '\0';
    const char* cursor = text;
    int found = 0;
    for (; found < count && found < 3; ++found) {
        char* end;
        averages[found] = strtod(cursor, &end);
        if (end == cursor) return found > 0 ? found : -1;
        cursor = end;
    }
    return found;
}

int sysinfo(struct sysinfo* information) noexcept {
    return static_cast<int>(
        errno_result(lwp::arch::syscall1(__NR_sysinfo, reinterpret_cast<long>(information))));
}

// The machine's online and configured processors, as sysconf answers
// _SC_NPROCESSORS_ONLN and _SC_NPROCESSORS_CONF (processor_count.cpp says
// where they are counted, as glibc counts them).
int get_nprocs(void) noexcept { return static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)); }
int get_nprocs_conf(void) noexcept { return static_cast<int>(sysconf(_SC_NPROCESSORS_CONF)); }

}  // extern "C"

namespace {

// sysinfo counts memory in units of mem_unit bytes; in pages, computed as
// glibc does (shifting the unit and the page size down together first, so
// that the product cannot overflow for any real machine).
long memory_in_pages(unsigned long units, unsigned int unit_size) {
    unsigned long page = static_cast<unsigned long>(getpagesize());
    while (unit_size > 1 && page > 1) {
        unit_size >>= 1;
        page >>= 1;
    }
    units *= unit_size;
    while (page > 1) {
        page >>= 1;
        units >>= 1;
    }
    return static_cast<long>(units);
}

}  // namespace

extern "C" {

// The machine's memory in pages (the total, and what is free now). sysinfo
// cannot fail with a valid buffer.
long get_phys_pages(void) noexcept {
    struct sysinfo information = {};
    sysinfo(&information);
    return memory_in_pages(information.totalram, information.mem_unit);
}

long get_avphys_pages(void) noexcept {
    struct sysinfo information = {};
    sysinfo(&information);
    return memory_in_pages(information.freeram, information.mem_unit);
}

// May wait for the kernel's pool to be ready (unless GRND_NONBLOCK): a
// cancellation point, as in glibc.
ssize_t getrandom(void* buffer, size_t length, unsigned int flags) {
    return errno_result(lwp::runtime::cancellation_point_syscall(
        nullptr, __NR_getrandom, reinterpret_cast<long>(buffer), static_cast<long>(length),
        flags));
}

// All `length` bytes (at most 256, EIO beyond: OpenBSD's limit, which glibc
// keeps) or -1. A signal's EINTR is retried: the call has no partial result.
int getentropy(void* buffer, size_t length) noexcept {
    if (length > 256) return fail_with_errno(EIO);
    auto* bytes = static_cast<unsigned char*>(buffer);
    while (length) {
        long got = lwp::arch::syscall3(__NR_getrandom, reinterpret_cast<long>(bytes),
                                       static_cast<long>(length), 0);
        if (got == -EINTR) continue;
        if (lwp::sys::failed(got)) return fail_with_errno(static_cast<int>(-got));
        bytes += got;
        length -= static_cast<size_t>(got);
    }
    return 0;
}

}  // extern "C"
