#include "thread_pointer.hpp"

#include <asm/prctl.h>
#include <asm/unistd.h>

#include "syscall.hpp"

namespace lwp::arch {

long set_thread_pointer(void* tcb) {
    return syscall2(__NR_arch_prctl, ARCH_SET_FS, reinterpret_cast<long>(tcb));
}

}  // namespace lwp::arch
