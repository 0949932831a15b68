// setfsuid and setfsgid (<sys/fsuid.h>): the ids the kernel checks file
// access against, which otherwise follow the effective ids. Unlike setuid
// and the rest (runtime/posix/set_identity.cpp), these change the calling
// thread only, as in glibc: file servers set them per thread to act for
// different clients at once. Both return the previous id and never fail in
// the C sense (an id refused leaves it unchanged; calling with -1 reads it).
#include <sys/fsuid.h>
#include <sys/syscall.h>

#include "../../arch/x86_64/syscall.hpp"

extern "C" {

int setfsuid(uid_t id) noexcept { return static_cast<int>(lwp::arch::syscall1(__NR_setfsuid, id)); }
int setfsgid(gid_t id) noexcept { return static_cast<int>(lwp::arch::syscall1(__NR_setfsgid, id)); }

}  // extern "C"
