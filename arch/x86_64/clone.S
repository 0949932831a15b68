// lwp_arch_clone: the raw clone(2) system call, with the child's first
// instructions. It lives in assembly because after the syscall the child runs
// on a brand-new stack with no caller frame: it must never return into the C++
// code that called clone.
//
// C signature (see clone.hpp):
//   long lwp_arch_clone(unsigned long flags, void* child_stack,
//                       int* parent_tid, int* child_tid, unsigned long tls);
//
// The creator places a start frame at child_stack: the entry function at
// [child_stack] and its argument at [child_stack + 8]. child_stack must be
// 16-byte aligned, so that after popping those two words %rsp is aligned as
// the SysV ABI requires at a call instruction.

#include "frame_info_section.h"

    .text
    .globl  lwp_arch_clone
    .type   lwp_arch_clone, @function
    .p2align 4
lwp_arch_clone:
    .cfi_startproc
    // x86_64 clone takes (flags, newsp, parent_tid, child_tid, tls) in
    // rdi, rsi, rdx, r10, r8. The C call put child_tid in rcx; the syscall
    // instruction overwrites rcx, so the kernel ABI uses r10 instead.
    mov     %rcx, %r10
    mov     $56, %eax                   // __NR_clone
    syscall
    test    %rax, %rax
    jz      .Lchild
    ret                                 // parent: child tid, or -errno
.Lchild:
    // From here on we are the child on its new stack. Nothing above us is a
    // real frame: tell unwinders and debuggers the chain ends here, and make
    // the frame-pointer chain end too.
    .cfi_undefined rip
    xor     %ebp, %ebp
    pop     %rax                        // entry function
    pop     %rdi                        // its argument
    // %rsp is now 16-byte aligned. `call` (not `jmp`) pushes a return address
    // so the entry function sees the usual misaligned-by-8 entry state.
    call    *%rax
    // Thread exit, with the entry's return value as the status. SYS_exit ends
    // only this task; SYS_exit_group would end the whole process.
    mov     %eax, %edi
    mov     $60, %eax                   // __NR_exit
    syscall
    hlt                                 // unreachable: exit does not return
    .cfi_endproc
    .size   lwp_arch_clone, .-lwp_arch_clone

    .section .note.GNU-stack,"",@progbits
