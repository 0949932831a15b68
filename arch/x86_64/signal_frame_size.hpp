// The size of the frame the kernel pushes to deliver a signal on x86-64,
// worked out from the CPU for kernels that do not publish it (AT_MINSIGSTKSZ
// came with Linux 5.14), as glibc 2.36 works it out.
#pragma once

#include <cpuid.h>

namespace lwp::arch {

// 0 when the CPU cannot say: no XSAVE enabled by the kernel (OSXSAVE), or no
// leaf 0xD. Otherwise the kernel's layout on the signal stack: the return
// address and struct rt_sigframe (448 bytes), aligned to 16 with the 15
// bytes the kernel may skip to align the stack, the padding that aligns the
// XSAVE area to 64, the XSAVE area for the state the kernel enabled (leaf
// 0xD's EBX), and the 4-byte FP_XSTATE_MAGIC2 after it.
inline unsigned long signal_frame_size_from_xsave() {
    unsigned int highest_leaf, b, c, d;
    __cpuid(0, highest_leaf, b, c, d);
    if (highest_leaf < 0xd) return 0;
    unsigned int a;
    __cpuid(1, a, b, c, d);
    if (!(c & bit_OSXSAVE)) return 0;
    unsigned int xsave_size;
    __cpuid_count(0xd, 0, a, xsave_size, c, d);
    constexpr unsigned long frame_and_return_address = 440 + 8;
    unsigned long before_xsave = (frame_and_return_address + 15 + 15) / 16 * 16;
    return before_xsave + (64 - 16) + xsave_size + 4;
}

}  // namespace lwp::arch
