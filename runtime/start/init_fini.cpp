#include "init_fini.hpp"

#include <atomic>

// Bounds of each array. The static linker's default script defines these
// (PROVIDE_HIDDEN) around the matching output sections, empty or not.
extern "C" {
using init_function = void (*)(int, char**, char**);
using fini_function = void (*)();
extern init_function __preinit_array_start[] __attribute__((visibility("hidden")));
extern init_function __preinit_array_end[] __attribute__((visibility("hidden")));
extern init_function __init_array_start[] __attribute__((visibility("hidden")));
extern init_function __init_array_end[] __attribute__((visibility("hidden")));
extern fini_function __fini_array_start[] __attribute__((visibility("hidden")));
extern fini_function __fini_array_end[] __attribute__((visibility("hidden")));
}

namespace lwp::start {

void run_init_arrays(int argc, char** argv, char** envp) {
    // Indices rather than pointer comparisons between distinct arrays, which
    // the compiler may assume never meet.
    long preinit_count = __preinit_array_end - __preinit_array_start;
    for (long i = 0; i < preinit_count; ++i) __preinit_array_start[i](argc, argv, envp);
    long init_count = __init_array_end - __init_array_start;
    for (long i = 0; i < init_count; ++i) __init_array_start[i](argc, argv, envp);
}

void run_fini_array() {
    static std::atomic<bool> done{false};
    // Only one thread ever gets here at a time (exit admits one), but an
    // atexit handler may call exit again; the exchange keeps the destructors
    // from running twice.
    if (done.exchange(true, std::memory_order_relaxed)) return;
    long count = __fini_array_end - __fini_array_start;
    for (long i = count - 1; i >= 0; --i) __fini_array_start[i]();
}

}  // namespace lwp::start
