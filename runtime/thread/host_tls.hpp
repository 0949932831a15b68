// How much room a hosted lwp thread keeps around its thread pointer for the
// host C library (glibc): code of that library run on an lwp thread reads its
// own descriptor fields above %fs and its modules' static TLS below it.
#pragma once

#include <cstddef>

namespace lwp::runtime {

struct host_tls_sizes {
    std::size_t above_thread_pointer;  // glibc's thread descriptor
    std::size_t below_thread_pointer;  // every initial module's TLS block + the dlopen surplus
};

// The sizes glibc itself uses for each of its own threads, asked of glibc once;
// arch/x86_64/tcb.hpp's fixed figures when it cannot tell.
host_tls_sizes host_tls();

}  // namespace lwp::runtime
