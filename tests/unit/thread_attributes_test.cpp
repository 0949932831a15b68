// lwp_attr_* validation: every bad value is refused with EINVAL.
#include <gtest/gtest.h>
#include <lwp/lwp.h>
#include <sys/mman.h>

#include <cerrno>
#include <cstdint>

namespace {

void* do_nothing(void*) { return nullptr; }

TEST(ThreadAttributes, DefaultsAreJoinableWithAOnePageGuard) {
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    int state = -1;
    ASSERT_EQ(0, lwp_attr_getdetachstate(&attr, &state));
    EXPECT_EQ(LWP_CREATE_JOINABLE, state);
    size_t guard = 0;
    ASSERT_EQ(0, lwp_attr_getguardsize(&attr, &guard));
    EXPECT_EQ(4096u, guard);
    size_t stack = 0;
    ASSERT_EQ(0, lwp_attr_getstacksize(&attr, &stack));
    EXPECT_GE(stack, size_t{LWP_STACK_MIN});  // the RLIMIT_STACK default
    void* address = reinterpret_cast<void*>(1);
    ASSERT_EQ(0, lwp_attr_getstack(&attr, &address, &stack));
    EXPECT_EQ(nullptr, address);
    EXPECT_EQ(0, lwp_attr_destroy(&attr));
}

TEST(ThreadAttributes, StackSizesBelowTheMinimumOrAbsurdlyLargeAreInvalid) {
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    EXPECT_EQ(EINVAL, lwp_attr_setstacksize(&attr, 0));
    EXPECT_EQ(EINVAL, lwp_attr_setstacksize(&attr, 1));
    EXPECT_EQ(EINVAL, lwp_attr_setstacksize(&attr, LWP_STACK_MIN - 1));
    EXPECT_EQ(EINVAL, lwp_attr_setstacksize(&attr, SIZE_MAX));
    EXPECT_EQ(0, lwp_attr_setstacksize(&attr, LWP_STACK_MIN));
    EXPECT_EQ(EINVAL, lwp_attr_setguardsize(&attr, SIZE_MAX));
    EXPECT_EQ(0, lwp_attr_setguardsize(&attr, 0));
    EXPECT_EQ(EINVAL, lwp_attr_setdetachstate(&attr, 2));
    EXPECT_EQ(EINVAL, lwp_attr_setdetachstate(&attr, -1));
    lwp_attr_destroy(&attr);
}

TEST(ThreadAttributes, CallerStacksMustBeRealAndLargeEnough) {
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    static char small_stack[LWP_STACK_MIN];
    EXPECT_EQ(EINVAL, lwp_attr_setstack(&attr, nullptr, 1 << 20));
    EXPECT_EQ(EINVAL, lwp_attr_setstack(&attr, small_stack, 1));
    EXPECT_EQ(EINVAL, lwp_attr_setstack(&attr, reinterpret_cast<void*>(UINTPTR_MAX - 4095), 1 << 20));
    lwp_attr_destroy(&attr);
}

TEST(ThreadAttributes, NullOutputsAreInvalid) {
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    EXPECT_EQ(EINVAL, lwp_attr_init(nullptr));
    EXPECT_EQ(EINVAL, lwp_attr_getstacksize(&attr, nullptr));
    EXPECT_EQ(EINVAL, lwp_attr_getguardsize(&attr, nullptr));
    EXPECT_EQ(EINVAL, lwp_attr_getdetachstate(&attr, nullptr));
    EXPECT_EQ(EINVAL, lwp_attr_getstack(&attr, nullptr, nullptr));
    lwp_t thread;
    EXPECT_EQ(EINVAL, lwp_create(nullptr, &attr, do_nothing, nullptr));
    EXPECT_EQ(EINVAL, lwp_create(&thread, &attr, nullptr, nullptr));
    lwp_attr_destroy(&attr);
}

TEST(ThreadAttributes, UninitialisedAndDestroyedAttributesAreRefused) {
    lwp_attr_t never_initialised{};
    lwp_t thread;
    EXPECT_EQ(EINVAL, lwp_create(&thread, &never_initialised, do_nothing, nullptr));
    EXPECT_EQ(EINVAL, lwp_attr_setstacksize(&never_initialised, 1 << 20));
    EXPECT_EQ(EINVAL, lwp_attr_destroy(&never_initialised));

    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    ASSERT_EQ(0, lwp_attr_destroy(&attr));
    EXPECT_EQ(EINVAL, lwp_attr_destroy(&attr));
    EXPECT_EQ(EINVAL, lwp_create(&thread, &attr, do_nothing, nullptr));
    size_t size;
    EXPECT_EQ(EINVAL, lwp_attr_getstacksize(&attr, &size));
}

TEST(ThreadAttributes, AHugeButValidStackSizeFailsAtCreateWithEagain) {
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    // 2^46 bytes (64 TiB) passes the attribute check but no mmap grants it.
    ASSERT_EQ(0, lwp_attr_setstacksize(&attr, size_t{1} << 46));
    lwp_t thread;
    EXPECT_EQ(EAGAIN, lwp_create(&thread, &attr, do_nothing, nullptr));
    lwp_attr_destroy(&attr);
}

TEST(ThreadAttributes, AMinimumSizeCallerStackStillRunsAThread) {
    // lwp's TLS, TCB area and descriptor come out of the top of a supplied
    // stack (as in glibc); what is left of LWP_STACK_MIN must still run code.
    alignas(64) static char stack[LWP_STACK_MIN];
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    ASSERT_EQ(0, lwp_attr_setstack(&attr, stack, sizeof stack));
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, &attr, [](void* a) -> void* { return a; }, stack));
    void* result = nullptr;
    ASSERT_EQ(0, lwp_join(thread, &result));
    EXPECT_EQ(static_cast<void*>(stack), result);
    lwp_attr_destroy(&attr);
}

// A stack size set after a caller-supplied stack resizes that stack around
// its top, as glibc does (it keeps the top): lwp writes its thread data at the
// top, which must stay inside the caller's region, never above it.
TEST(ThreadAttributes, ResizingACallerStackKeepsItsTop) {
    constexpr size_t k = 1024;
    auto* base = static_cast<unsigned char*>(
        mmap(nullptr, 512 * k, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    ASSERT_NE(MAP_FAILED, static_cast<void*>(base));
    unsigned char* top = base + 256 * k;  // the caller's stack ends here; above: untouched
    lwp_attr_t attr;
    ASSERT_EQ(0, lwp_attr_init(&attr));
    ASSERT_EQ(0, lwp_attr_setstack(&attr, base + 128 * k, 128 * k));
    ASSERT_EQ(0, lwp_attr_setstacksize(&attr, 192 * k));
    void* address = nullptr;
    size_t size = 0;
    ASSERT_EQ(0, lwp_attr_getstack(&attr, &address, &size));
    EXPECT_EQ(static_cast<void*>(base + 64 * k), address);
    EXPECT_EQ(192 * k, size);
    // Larger than everything below the top: no such stack.
    EXPECT_EQ(EINVAL, lwp_attr_setstacksize(&attr, reinterpret_cast<std::uintptr_t>(top) + 4096));
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, &attr,
                            [](void*) -> void* { return __builtin_frame_address(0); }, nullptr));
    void* local = nullptr;
    ASSERT_EQ(0, lwp_join(thread, &local));
    EXPECT_GE(local, static_cast<void*>(base + 64 * k));
    EXPECT_LT(local, static_cast<void*>(top));
    bool above_untouched = true;
    for (unsigned char* byte = top; byte < base + 512 * k; ++byte)
        if (*byte != 0) above_untouched = false;
    EXPECT_TRUE(above_untouched) << "lwp wrote above the caller's stack";
    lwp_attr_destroy(&attr);
    munmap(base, 512 * k);
}

}  // namespace
