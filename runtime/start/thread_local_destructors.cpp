#include "thread_local_destructors.hpp"

#include <stdlib.h>

namespace {

struct registered_destructor {
    void (*destroy)(void*);
    void* object;
    registered_destructor* older;
};

// Each thread's own list, newest first. Zero (in .tbss) on every new thread.
thread_local registered_destructor* newest = nullptr;

}  // namespace

extern "C" {

// glibc's name for the registration function. The compiler calls it, through
// __cxa_thread_atexit below, the first time a thread constructs a
// thread_local object with a non-trivial destructor. dso_symbol names the
// module; a static program has only one and never unloads it.
int __cxa_thread_atexit_impl(void (*destroy)(void*), void* object, void* dso_symbol) noexcept {
    (void)dso_symbol;
    // One small allocation per object and thread: a thread may construct any
    // number of thread_local objects, so no fixed table would do.
    auto* entry = static_cast<registered_destructor*>(malloc(sizeof(registered_destructor)));
    if (entry == nullptr) return -1;  // the C++ ABI's failure value
    entry->destroy = destroy;
    entry->object = object;
    entry->older = newest;
    newest = entry;
    return 0;
}

// The name the C++ ABI (and GCC's generated code) uses; libstdc++ forwards it
// to the C library's _impl, so both names must exist without libstdc++.
int __cxa_thread_atexit(void (*destroy)(void*), void* object, void* dso_symbol) noexcept {
    return __cxa_thread_atexit_impl(destroy, object, dso_symbol);
}

void lwp_run_thread_local_destructors() {
    // Unlink before calling: a destructor that touches another thread_local
    // with a destructor registers it, and it then runs next.
    while (registered_destructor* entry = newest) {
        newest = entry->older;
        entry->destroy(entry->object);
        free(entry);
    }
}
}
