// pthread_once and thread-specific data over lwp_once and lwp_key_*.
#include <pthread.h>

#include <cerrno>

#include "lwp/lwp.h"

namespace {
void abandon_once(void* control) { lwp_once_abandon(static_cast<lwp_once_t*>(control)); }
}  // namespace

extern "C" {

// lwp_once's steps around the routine, with a cleanup handler pushed for its
// run: a pthread_exit inside the routine gives the control back (as if
// pthread_once had never been called), so the next caller runs the routine
// instead of waiting for ever. Being an ordinary handler, it runs in stack
// order with the others (pthread_exit_cleanup.cpp): after those the routine
// pushed, before those pushed around this call. (lwp builds C++ without
// exceptions, so these are glibc's setjmp-based macros.)
int pthread_once(pthread_once_t* once, void (*routine)(void)) {
    if (once == nullptr || routine == nullptr) return EINVAL;
    lwp_once_t* control = reinterpret_cast<lwp_once_t*>(once);
    if (!lwp_once_begin(control)) return 0;
    pthread_cleanup_push(abandon_once, control);
    routine();
    pthread_cleanup_pop(0);
    lwp_once_commit(control);
    return 0;
}

int pthread_key_create(pthread_key_t* key, void (*destructor)(void*)) noexcept {
    return lwp_key_create(key, destructor);
}
int pthread_key_delete(pthread_key_t key) noexcept { return lwp_key_delete(key); }
void* pthread_getspecific(pthread_key_t key) noexcept { return lwp_getspecific(key); }
// glibc declares the value parameter access(none) (it is stored, never read
// through), which makes GCC 12 warn that forwarding it reads uninitialised
// memory; the pointer value itself is what is stored.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
int pthread_setspecific(pthread_key_t key, const void* value) noexcept { return lwp_setspecific(key, value); }
#pragma GCC diagnostic pop
}

// libstdc++'s gthreads layer decides whether a statically linked program is
// multi-threaded by whether this symbol exists (it is a weak reference in the
// headers); it must resolve to the real key creation.
extern "C" int __pthread_key_create(pthread_key_t* key, void (*destructor)(void*)) noexcept {
    return lwp_key_create(key, destructor);
}
