// The signal frame size worked out from CPUID (for kernels without
// AT_MINSIGSTKSZ) against the size this kernel publishes: the same frame,
// the estimate short only of what the kernel adds beyond the XSAVE area it
// reports (glibc 2.36 estimates the same way, and as short).
#include <gtest/gtest.h>

#include <sys/auxv.h>

#include "arch/x86_64/signal_frame_size.hpp"

namespace {

TEST(SignalFrameSize, EstimateFromXsaveIsCloseToTheKernelsSize) {
    unsigned long estimate = lwp::arch::signal_frame_size_from_xsave();
    unsigned int a, b, c, d;
    __cpuid(1, a, b, c, d);
    if (!(c & bit_OSXSAVE)) {
        EXPECT_EQ(estimate, 0u);
        return;
    }
    __cpuid_count(0xd, 0, a, b, c, d);
    // 448 bytes of frame and return address, 16-aligned after the 15 the
    // kernel may skip (464), 48 to align the XSAVE area, the area, 4 magic.
    EXPECT_EQ(estimate, 464u + 48u + b + 4u);
    unsigned long published = getauxval(AT_MINSIGSTKSZ);
    if (published == 0) GTEST_SKIP() << "the kernel publishes no AT_MINSIGSTKSZ";
    EXPECT_LE(estimate, published);
    EXPECT_GE(estimate + 1024, published);
}

}  // namespace
