/* Offsets into glibc's x86-64 ucontext_t (<sys/ucontext.h>) that the
 * context-switching assembly (user_context_freestanding.S) uses. Plain
 * #defines, shared by the .S file and the C++ that pins each one to the
 * system header with static_assert (runtime/libc/user_context.cpp). */
#ifndef LWP_ARCH_X86_64_USER_CONTEXT_LAYOUT_H
#define LWP_ARCH_X86_64_USER_CONTEXT_LAYOUT_H

/* uc_mcontext.gregs[REG_*]: 8-byte slots from offset 40. */
#define LWP_UC_R8 40
#define LWP_UC_R9 48
#define LWP_UC_R12 72
#define LWP_UC_R13 80
#define LWP_UC_R14 88
#define LWP_UC_R15 96
#define LWP_UC_RDI 104
#define LWP_UC_RSI 112
#define LWP_UC_RBP 120
#define LWP_UC_RBX 128
#define LWP_UC_RDX 136
#define LWP_UC_RCX 152
#define LWP_UC_RSP 160
#define LWP_UC_RIP 168
/* uc_mcontext.fpregs: where the floating-point state is (a pointer). */
#define LWP_UC_FPREGS 224
/* __fpregs_mem: the room getcontext points fpregs at. */
#define LWP_UC_FPREGS_MEM 424
/* In that state (FXSAVE layout): the x87 control word and MXCSR, the two
 * parts a function must leave as it found them (the psABI's callee-saved
 * control bits), and so the two a context carries. */
#define LWP_FP_CONTROL_WORD 0
#define LWP_FP_MXCSR 24

#endif
