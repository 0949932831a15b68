// stdin: a read-only stream of descriptor 0 (stdio_input.cpp reads it).
// Its own file, so that only programs that use stdin carry it.
#include <stdio.h>

#include "../thread/fork_hooks.hpp"
#include "stdio_stream.hpp"

namespace {

constexpr lwp::libc::stream make_stdin() {
    lwp::libc::stream s{};
    s.is_file = true;
    s.readable = true;
    s.file_descriptor = 0;
    s.descriptor = -1;  // not open for writing: output fails with EBADF
    s.mode = lwp::libc::buffering::none;
    return s;
}

constinit lwp::libc::stream stdin_stream = make_stdin();

}  // namespace

// glibc's <stdio.h> declares it as `extern FILE *`.
FILE* stdin = reinterpret_cast<FILE*>(&stdin_stream);

// fork (stdio_stream.cpp): the child, which has no other thread, frees the
// lock, which a thread blocked in a read of stdin may have held.
extern "C" void lwp_libc_stdin_around_fork(lwp::runtime::fork_phase phase) {
    if (phase != lwp::runtime::fork_phase::child) return;
    stdin_stream.lock_word = 0;
    stdin_stream.reentered = 0;
}
