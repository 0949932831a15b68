// sync syncfs: flushing the file systems' caches to their devices.
// Apart from file_names.cpp's calls, in an object of their own, because a
// static link takes a whole object from the archive: a program that defines
// something named sync itself (glibc's iconv/tst-iconv-mt has a barrier of
// that name; neither ISO C nor a program that never includes <unistd.h>
// reserves it) and calls rename would otherwise get lwp's sync too and fail
// to link, where glibc links it.
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

extern "C" {

void sync(void) noexcept { lwp::arch::syscall0(__NR_sync); }
int syncfs(int fd) noexcept { return lwp::libc::int_errno_result(lwp::arch::syscall1(__NR_syncfs, fd)); }

}  // extern "C"
