// System V shared memory (<sys/shm.h>): shmget shmat shmdt shmctl, thin
// wrappers over the system calls of the same names, -1 (shmat: (void*)-1)
// plus errno on failure. None blocks, and none is a cancellation point.
#include <sys/shm.h>
#include <sys/syscall.h>

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" {

int shmget(key_t key, size_t size, int flags) noexcept {
    return static_cast<int>(system_call(__NR_shmget, key, size, flags));
}

// The kernel returns the address, or -errno: system_call's -1 is then
// (void*)-1, shmat's failure value.
void* shmat(int segment, const void* address, int flags) noexcept {
    return reinterpret_cast<void*>(system_call(__NR_shmat, segment, address, flags));
}

int shmdt(const void* address) noexcept {
    return static_cast<int>(system_call(__NR_shmdt, address));
}

// On x86-64 the kernel's struct shmid64_ds is glibc's struct shmid_ds, and
// it uses that layout without being asked (no IPC_64 bit), so the command
// goes as it is.
int shmctl(int segment, int command, struct shmid_ds* state) noexcept {
    return static_cast<int>(system_call(__NR_shmctl, segment, command, state));
}

}  // extern "C"
