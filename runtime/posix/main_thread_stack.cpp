#include "main_thread_stack.hpp"

#include <fcntl.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "../sys/syscalls.hpp"

namespace lwp::posix {

int main_thread_stack(void*& low, std::size_t& size) {
    // /proc/self/maps names the initial stack "[stack]"; its end is fixed and
    // it grows down as far as RLIMIT_STACK allows.
    long fd = arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>("/proc/self/maps"),
                             O_RDONLY | O_CLOEXEC, 0);
    if (sys::failed(fd)) return ENOSYS;
    char buffer[4096];
    char line[512];
    std::size_t line_length = 0;
    unsigned long high = 0;
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
            if (std::strstr(line, "[stack]") == nullptr) continue;
            char* dash = std::strchr(line, '-');
            if (dash) high = std::strtoul(dash + 1, nullptr, 16);
        }
        if (high) break;
    }
    arch::syscall1(__NR_close, fd);
    if (high == 0) return ENOSYS;
    rlimit limit{};
    std::size_t grow = 8u << 20;
    if (!sys::failed(sys::prlimit(RLIMIT_STACK, nullptr, &limit)) && limit.rlim_cur != RLIM_INFINITY)
        grow = static_cast<std::size_t>(limit.rlim_cur);
    size = grow;
    low = reinterpret_cast<void*>(high - grow);
    return 0;
}

}  // namespace lwp::posix
