// clone (<sched.h>, _GNU_SOURCE): the C library's face of the clone system
// call, as glibc gives it: the child starts by calling fn(arg) on `stack`
// (the top of the memory the caller gives it; stacks grow down) and ends
// with the exit system call, fn's result its status. lwp's own threads are
// made by the same assembly (arch/x86_64/clone.S); this is it without the
// thread descriptor, TLS block and stack mapping that lwp_create adds.
//
// What the child shares is the caller's to decide through `flags`, as with
// glibc: with CLONE_VM and without CLONE_SETTLS the child runs with the
// caller's thread pointer, so it must not touch what lives there (errno, a
// thread_local, any lwp call that needs "the current thread"); that is the
// reason lwp_create exists.
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <sys/types.h>

#include <cstdint>

#include "../../arch/x86_64/clone.hpp"
#include "../sys/syscalls.hpp"

extern "C" int clone(int (*fn)(void*), void* stack, int flags, void* arg, ...) noexcept {
    if (fn == nullptr || stack == nullptr) {
        errno = EINVAL;
        return -1;
    }
    // The optional arguments, each read only when a flag says it is there
    // (a caller passing none must not have registers read for them); the
    // kernel looks at each only under those flags too.
    pid_t* parent_tid = nullptr;
    void* tls = nullptr;
    pid_t* child_tid = nullptr;
    if (flags & (CLONE_PARENT_SETTID | CLONE_SETTLS | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
                 CLONE_PIDFD)) {
        va_list rest;
        va_start(rest, arg);
        parent_tid = va_arg(rest, pid_t*);
        if (flags & (CLONE_SETTLS | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
            tls = va_arg(rest, void*);
            if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) child_tid = va_arg(rest, pid_t*);
        }
        va_end(rest);
    }
    // clone.S's child pops {entry, argument} from a 16-byte-aligned stack
    // top; any stack the caller gives is rounded down to that. The entry is
    // called from assembly, where an int-returning function and a
    // pointer-returning one are called alike (clone.S takes %eax as the
    // exit status).
    auto top = reinterpret_cast<std::uintptr_t>(stack) & ~(lwp::arch::stack_alignment - 1);
    auto* frame = reinterpret_cast<lwp::arch::start_frame*>(top) - 1;
    frame->entry = reinterpret_cast<void* (*)(void*)>(reinterpret_cast<void (*)()>(fn));
    frame->argument = arg;
    long result = lwp_arch_clone(static_cast<unsigned int>(flags), frame, parent_tid, child_tid,
                                 reinterpret_cast<unsigned long>(tls));
    if (lwp::sys::failed(result)) {
        errno = static_cast<int>(-result);
        return -1;
    }
    return static_cast<int>(result);
}

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
int __clone(int (*)(void*), void*, int, void*, ...) noexcept
    __attribute__((alias("clone"), copy(clone)));
}  // extern "C"
