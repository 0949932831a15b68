// The machine's processor counts, as sysconf answers _SC_NPROCESSORS_ONLN and
// _SC_NPROCESSORS_CONF (and so get_nprocs and get_nprocs_conf), counted where
// glibc 2.36 counts them: the kernel's lists of online and of possible CPUs
// in /sys; without /sys, the "cpuN" lines of /proc/stat; without either, the
// calling thread's affinity mask; failing all, 2 (the smallest count that
// still tells a program it may run in parallel).
//
// These count the machine, not what the process may use: a program confined
// by taskset or a cgroup cpuset sees the whole machine here, as under glibc.
// lwp's own uses (condition variables' spinning) read the affinity mask
// instead (lwp::sys::processors_available). The readers take the file's path
// so that tests/unit/libc_processor_count_test.cpp can give them others.
#include "processor_count.hpp"

#include <errno.h>
#include <stdlib.h>

#include "small_system_file.hpp"

namespace {

// The number of CPUs in a kernel CPU list such as "0-3,8,10-11\n", as glibc
// counts them; 0 when the file is missing or does not parse.
long count_cpu_list(const char* path) {
    char text[1024];
    std::size_t length = lwp::libc::read_start_of_system_file(path, text, sizeof text);
    if (length == 0) return 0;
    const char* cursor = text;
    const char* end = text + length;
    long count = 0;
    do {
        char* after;
        unsigned long first = strtoul(cursor, &after, 10);
        if (after == cursor) return 0;
        unsigned long last = first;
        if (*after == '-') {
            cursor = after + 1;
            last = strtoul(cursor, &after, 10);
            if (after == cursor) return 0;
        }
        if (last >= first) count += static_cast<long>(last - first + 1);
        cursor = after;
        if (cursor < end && *cursor == ',') ++cursor;
    } while (cursor < end && *cursor != '\n');
    return count;
}

// The lines of /proc/stat that start with "cpu" and a digit, one per online
// CPU; they come first, so the count stops at the first line that does not
// start with "cpu". Read in pieces: the file's later lines can be long.
long count_proc_stat_cpus(const char* path) {
    long fd = lwp::libc::open_system_file(path);
    if (lwp::sys::failed(fd)) return 0;
    long count = 0;
    int column = 0;  // where the current line is, up to 4
    bool done = false;
    char piece[1024];
    while (!done) {
        long length = lwp::libc::read_system_file(fd, piece, sizeof piece);
        if (length <= 0) break;
        for (long i = 0; i < length && !done; ++i) {
            char c = piece[i];
            if (c == '\n') {
                // A line shorter than "cpu" and a digit ends the list too.
                if (column < 3) done = true;
                column = 0;
                continue;
            }
            if (column < 3) {
                if (c != "cpu"[column]) done = true;
            } else if (column == 3 && c >= '0' && c <= '9') {
                ++count;
            }
            if (column < 4) ++column;
        }
    }
    lwp::libc::close_system_file(fd);
    return count;
}

// The CPUs in the calling thread's affinity mask; a mask of 32768 CPUs, and
// that many assumed when the kernel's is larger. Not inlined: its 4 KiB mask
// stays off the stack of the usual path.
[[gnu::noinline]] long count_affinity_cpus() {
    constexpr long most_cpus = 32768;
    unsigned long mask[most_cpus / (8 * sizeof(unsigned long))];
    long bytes = lwp::sys::sched_getaffinity(0, sizeof mask, mask);
    if (bytes == -EINVAL) return most_cpus;
    if (lwp::sys::failed(bytes)) return 0;
    long count = 0;
    for (long i = 0; i < bytes / static_cast<long>(sizeof mask[0]); ++i)
        count += __builtin_popcountl(mask[i]);
    return count;
}

long count_without_sysfs() {
    long count = count_proc_stat_cpus("/proc/stat");
    if (count == 0) count = count_affinity_cpus();
    return count != 0 ? count : 2;
}

}  // namespace

namespace lwp::libc {

long online_processor_count() noexcept {
    long count = count_cpu_list("/sys/devices/system/cpu/online");
    return count != 0 ? count : count_without_sysfs();
}

long configured_processor_count() noexcept {
    long count = count_cpu_list("/sys/devices/system/cpu/possible");
    return count != 0 ? count : count_without_sysfs();
}

}  // namespace lwp::libc
