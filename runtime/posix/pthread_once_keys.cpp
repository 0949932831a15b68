// pthread_once and thread-specific data over lwp_once and lwp_key_*.
#include <pthread.h>

#include <cerrno>

#include "lwp/lwp.h"
#include "running_once.hpp"

extern "C" {

// lwp_once's steps, with the routine's run recorded, so that a pthread_exit
// inside it gives the control back (running_once.hpp).
int pthread_once(pthread_once_t* once, void (*routine)(void)) {
    if (once == nullptr || routine == nullptr) return EINVAL;
    lwp_once_t* control = reinterpret_cast<lwp_once_t*>(once);
    if (!lwp_once_begin(control)) return 0;
    lwp::posix::running_once frame{control, nullptr};
    lwp::posix::enter_running_once(frame);
    routine();
    lwp::posix::leave_running_once(frame);
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
