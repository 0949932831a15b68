// sem_* over lwp_sem_*. Unlike the pthread functions these report errors the
// old way, -1 with errno set, as POSIX specifies for semaphores.
#include <semaphore.h>

#include <cerrno>

#include "lwp/lwp.h"

namespace {

lwp_sem_t* as_lwp(sem_t* sem) { return reinterpret_cast<lwp_sem_t*>(sem); }

int posix_result(int error) {
    if (error == 0) return 0;
    errno = error;
    return -1;
}

}  // namespace

extern "C" {

int sem_init(sem_t* sem, int pshared, unsigned int value) noexcept {
    return posix_result(lwp_sem_init(as_lwp(sem), pshared, value));
}
int sem_destroy(sem_t* sem) noexcept { return posix_result(lwp_sem_destroy(as_lwp(sem))); }
int sem_wait(sem_t* sem) { return posix_result(lwp_sem_wait(as_lwp(sem))); }
int sem_trywait(sem_t* sem) noexcept { return posix_result(lwp_sem_trywait(as_lwp(sem))); }
int sem_timedwait(sem_t* sem, const struct timespec* deadline) {
    return posix_result(lwp_sem_timedwait(as_lwp(sem), deadline));
}
int sem_clockwait(sem_t* sem, clockid_t clock, const struct timespec* deadline) {
    return posix_result(lwp_sem_clockwait(as_lwp(sem), clock, deadline));
}
int sem_post(sem_t* sem) noexcept { return posix_result(lwp_sem_post(as_lwp(sem))); }
int sem_getvalue(sem_t* sem, int* value) noexcept { return posix_result(lwp_sem_getvalue(as_lwp(sem), value)); }
}
