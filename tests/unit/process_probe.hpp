// Test-side views of the process, read from /proc on the main thread (never
// from inside an lwp thread). Plain open/read into a fixed buffer: reading must
// not itself allocate (a heap mapping appearing mid-test would be counted).
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>

namespace lwp_test {

// Calls `line(text, length)` for each line of a /proc file.
template <class LineFunction>
inline void for_each_proc_line(const char* path, LineFunction line) {
    int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    static char buffer[1 << 16];
    char current[512];
    std::size_t length = 0;
    for (;;) {
        ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0) break;
        for (ssize_t i = 0; i < got; ++i) {
            if (buffer[i] == '\n') {
                current[length] = '\0';
                line(current, length);
                length = 0;
            } else if (length + 1 < sizeof current) {
                current[length++] = buffer[i];
            }
        }
    }
    ::close(fd);
}

inline int mapping_count() {
    int lines = 0;
    for_each_proc_line("/proc/self/maps", [&](const char*, std::size_t) { ++lines; });
    return lines;
}

// The mapping of /proc/self/maps that holds `address`: {low, high}, or {0, 0}.
struct address_range {
    unsigned long low, high;
};
inline address_range mapping_holding(const void* address) {
    auto target = reinterpret_cast<unsigned long>(address);
    address_range found{0, 0};
    for_each_proc_line("/proc/self/maps", [&](const char* text, std::size_t) {
        char* end = nullptr;
        unsigned long low = std::strtoul(text, &end, 16);
        unsigned long high = std::strtoul(end + 1, nullptr, 16);
        if (target >= low && target < high) found = {low, high};
    });
    return found;
}

// Whether `address` lies in a mapping listed in /proc/self/maps.
inline bool is_mapped(const void* address) { return mapping_holding(address).high != 0; }

// Whether the kernel may read the byte at `address` on our behalf: false for
// a guard page, PROT_NONE or a guard marker (write(2) then fails with EFAULT
// instead of faulting us).
inline bool kernel_can_read(const void* address) {
    int pipe_ends[2];
    if (::pipe(pipe_ends) != 0) return false;
    bool readable = ::write(pipe_ends[1], address, 1) == 1;
    ::close(pipe_ends[0]);
    ::close(pipe_ends[1]);
    return readable;
}

}  // namespace lwp_test
