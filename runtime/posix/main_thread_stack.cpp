#include "main_thread_stack.hpp"

#include <fcntl.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "../sys/syscalls.hpp"

namespace lwp::posix {

int main_thread_stack(void*& low, std::size_t& size) {
    // /proc/self/maps lists mappings in address order and names the initial
    // stack "[stack]"; its end is fixed and it grows down as far as
    // RLIMIT_STACK allows, but never into the mapping below it.
    long fd = arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>("/proc/self/maps"),
                             O_RDONLY | O_CLOEXEC, 0);
    if (sys::failed(fd)) return ENOSYS;
    char buffer[4096];
    char line[512];
    std::size_t line_length = 0;
    unsigned long high = 0;
    unsigned long below = 0;  // end of the mapping before the current line's
    for (;;) {
        long got = arch::syscall3(__NR_read, fd, reinterpret_cast<long>(buffer), sizeof buffer);
        if (got <= 0) break;
        for (long i = 0; i < got && high == 0; ++i) {
            if (buffer[i] != '\n') {
                if (line_length + 1 < sizeof line) line[line_length++] = buffer[i];
                continue;
            }
            line[line_length] = '\0';
            line_length = 0;
            char* dash = std::strchr(line, '-');
            if (dash == nullptr) continue;
            unsigned long end = std::strtoul(dash + 1, nullptr, 16);
            if (std::strstr(line, "[stack]") == nullptr) {
                below = end;
                continue;
            }
            high = end;
        }
        if (high) break;
    }
    arch::syscall1(__NR_close, fd);
    if (high == 0) return ENOSYS;
    // The kernel grows the stack by whole pages while the mapping stays
    // within the limit, so a limit that is not a page multiple is cut down
    // to one. An unlimited stack (or a limit larger than the room) ends at
    // the mapping below.
    constexpr unsigned long page = 4096;
    unsigned long room = high - below;
    unsigned long grow = room;
    rlimit limit{};
    if (sys::failed(sys::prlimit(RLIMIT_STACK, nullptr, &limit))) {
        grow = 8ul << 20;  // the usual default, should the limit be unreadable
    } else if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < room) {
        grow = static_cast<unsigned long>(limit.rlim_cur) & ~(page - 1);
    }
    if (grow > room) grow = room;
    size = grow;
    low = reinterpret_cast<void*>(high - grow);
    return 0;
}

}  // namespace lwp::posix
