// The thread pointer on x86_64 is the %fs segment base. The ABI (variant II
// TLS) puts the TCB at the thread pointer and the static TLS blocks below it.
#pragma once

#include <cstdint>

namespace lwp::arch {

// The first word of the TCB points at itself (ABI requirement), so a plain
// %fs-relative load yields the thread pointer without a syscall.
inline void* thread_pointer() {
    void* self;
    asm("mov %%fs:0, %0" : "=r"(self));
    return self;
}

// Word-sized %fs-relative load, for the ABI fields (canary at 0x28, pointer
// guard at 0x30) that the creating thread passes on to its children.
inline std::uintptr_t thread_word(unsigned long offset) {
    std::uintptr_t value;
    asm("mov %%fs:(%1), %0" : "=r"(value) : "r"(offset));
    return value;
}

// ARCH_SET_FS is the x86_64 way to set the thread pointer for the calling
// thread (used once, for the main thread in freestanding mode; new threads
// get theirs from clone's CLONE_SETTLS).
long set_thread_pointer(void* tcb);

}  // namespace lwp::arch
