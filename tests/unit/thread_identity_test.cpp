// Identity on lwp threads and on threads lwp did not create.
#include <gtest/gtest.h>
#include <lwp/lwp.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <thread>

extern "C" char __libc_single_threaded;

namespace {

struct identity {
    lwp_t self;
    lwp_t self_again;
    int tid;
    long kernel_tid;
};

void* report_identity(void* raw) {
    auto* report = static_cast<identity*>(raw);
    report->self = lwp_self();
    report->self_again = lwp_self();
    report->tid = lwp_gettid();
    report->kernel_tid = syscall(SYS_gettid);  // test-side check only
    return nullptr;
}

TEST(ThreadIdentity, AnLwpThreadKnowsItsOwnHandleAndTid) {
    identity report{};
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, report_identity, &report));
    ASSERT_EQ(0, lwp_join(thread, nullptr));
    EXPECT_EQ(thread, report.self);
    EXPECT_EQ(report.self, report.self_again);
    EXPECT_EQ(report.kernel_tid, report.tid);
    EXPECT_NE(getpid(), report.tid);
    EXPECT_TRUE(lwp_equal(thread, report.self));
}

TEST(ThreadIdentity, ForeignThreadsGetStableDistinctHandles) {
    lwp_t main_handle = lwp_self();
    EXPECT_EQ(main_handle, lwp_self());
    EXPECT_EQ(syscall(SYS_gettid), lwp_gettid());
    identity from_std{};
    std::thread other([&from_std] { report_identity(&from_std); });
    other.join();
    EXPECT_NE(main_handle, from_std.self);
    EXPECT_EQ(from_std.self, from_std.self_again);
    EXPECT_EQ(from_std.kernel_tid, from_std.tid);
    EXPECT_FALSE(lwp_equal(main_handle, from_std.self));
    // A foreign handle can be compared but not joined.
    EXPECT_EQ(ESRCH, lwp_join(from_std.self, nullptr));
}

TEST(ThreadIdentity, TheCLibraryIsToldTheProcessIsMultiThreaded) {
    lwp_t thread;
    ASSERT_EQ(0, lwp_create(&thread, nullptr, [](void*) -> void* { return nullptr; }, nullptr));
    ASSERT_EQ(0, lwp_join(thread, nullptr));
    EXPECT_EQ(0, __libc_single_threaded);
}

}  // namespace
