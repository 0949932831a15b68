// mkstemp and mkostemp: create a new file from a name ending in "XXXXXX",
// replacing those six characters until the name is one no file has yet
// (O_EXCL makes that test and the creation one step). -1 with errno on
// failure: EINVAL for a name without the six X's, EEXIST if every name tried
// was taken.
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include <cstdint>

#include "../../arch/x86_64/cycle_counter.hpp"
#include "../../arch/x86_64/syscall.hpp"
#include "errno_result.hpp"

extern "C" {

int mkostemp(char* name, int flags) {
    std::size_t length = strlen(name);
    if (length < 6 || strcmp(name + length - 6, "XXXXXX") != 0)
        return lwp::libc::fail_with_errno(EINVAL);
    char* letters = name + length - 6;
    static constexpr char alphabet[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // Names need to be unlikely to collide, not secret: the cycle counter
    // and the stack address, stirred, vary between processes and calls.
    std::uint64_t state = lwp::arch::cycle_counter() ^ reinterpret_cast<std::uintptr_t>(&length);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        for (int i = 0; i < 6; ++i) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            letters[i] = alphabet[(state >> 33) % (sizeof alphabet - 1)];
        }
        long fd = lwp::arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(name),
                                      (flags & ~O_ACCMODE) | O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd != -EEXIST) return static_cast<int>(lwp::libc::errno_result(fd));
    }
    return lwp::libc::fail_with_errno(EEXIST);
}

int mkstemp(char* name) { return mkostemp(name, 0); }

}  // extern "C"
