// pkey_alloc pkey_free pkey_mprotect: memory protection keys (Intel PKU),
// the kernel's calls. Reading and changing a key's rights in this thread is
// pkey_get/pkey_set (arch/x86_64/protection_keys_freestanding.cpp). Without
// PKU, or a kernel that does not enable it, pkey_alloc fails with the
// kernel's errno (ENOSPC from a kernel built with key support, EINVAL from
// one without), passed on as glibc passes it on; pkey_mprotect with key -1
// works everywhere, being mprotect.
#include <sys/mman.h>
#include <sys/syscall.h>

#include "system_call.hpp"

using lwp::libc::system_call;

extern "C" {

int pkey_alloc(unsigned int flags, unsigned int access_rights) noexcept {
    return static_cast<int>(system_call(__NR_pkey_alloc, flags, access_rights));
}

int pkey_free(int key) noexcept { return static_cast<int>(system_call(__NR_pkey_free, key)); }

// Key -1 means "no key": the kernel would treat it so too, but glibc calls
// mprotect then, which also works on kernels older than the call (4.9).
int pkey_mprotect(void* address, size_t length, int protection, int key) noexcept {
    if (key == -1) return mprotect(address, length, protection);
    return static_cast<int>(system_call(__NR_pkey_mprotect, address, length, protection, key));
}

}  // extern "C"
