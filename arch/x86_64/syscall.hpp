// The x86_64 `syscall` instruction, and nothing else.
//
// Every wrapper returns the raw kernel result: a value >= 0 on success, or
// -errno in [-4095, -1] on failure. Nothing here reads or writes errno, so the
// same code serves a glibc process (hosted) and a program with no C library.
#pragma once

namespace lwp::arch {

// Kernel ABI: number in rax, arguments in rdi, rsi, rdx, r10, r8, r9.
// The instruction itself overwrites rcx (return rip) and r11 (rflags), so both
// are clobbers; "memory" because the kernel may read or write any user memory
// the arguments point at, and the compiler must not cache it across the call.
inline long syscall0(long number) {
    long result;
    asm volatile("syscall" : "=a"(result) : "a"(number) : "rcx", "r11", "memory");
    return result;
}

inline long syscall1(long number, long a1) {
    long result;
    asm volatile("syscall" : "=a"(result) : "a"(number), "D"(a1) : "rcx", "r11", "memory");
    return result;
}

inline long syscall2(long number, long a1, long a2) {
    long result;
    asm volatile("syscall"
                 : "=a"(result)
                 : "a"(number), "D"(a1), "S"(a2)
                 : "rcx", "r11", "memory");
    return result;
}

inline long syscall3(long number, long a1, long a2, long a3) {
    long result;
    asm volatile("syscall"
                 : "=a"(result)
                 : "a"(number), "D"(a1), "S"(a2), "d"(a3)
                 : "rcx", "r11", "memory");
    return result;
}

inline long syscall4(long number, long a1, long a2, long a3, long a4) {
    long result;
    register long r10 asm("r10") = a4;
    asm volatile("syscall"
                 : "=a"(result)
                 : "a"(number), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
                 : "rcx", "r11", "memory");
    return result;
}

inline long syscall5(long number, long a1, long a2, long a3, long a4, long a5) {
    long result;
    register long r10 asm("r10") = a4;
    register long r8 asm("r8") = a5;
    asm volatile("syscall"
                 : "=a"(result)
                 : "a"(number), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
                 : "rcx", "r11", "memory");
    return result;
}

inline long syscall6(long number, long a1, long a2, long a3, long a4, long a5, long a6) {
    long result;
    register long r10 asm("r10") = a4;
    register long r8 asm("r8") = a5;
    register long r9 asm("r9") = a6;
    asm volatile("syscall"
                 : "=a"(result)
                 : "a"(number), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                 : "rcx", "r11", "memory");
    return result;
}

}  // namespace lwp::arch
