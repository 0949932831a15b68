#include <gtest/gtest.h>
#include <lwp/lwp.hpp>
#include <atomic>

TEST(Smoke, CreateJoin) {
    static std::atomic<int> ran{0};
    lwp_t t;
    ASSERT_EQ(0, lwp_create(&t, nullptr, [](void* a) -> void* { ran.fetch_add(1); return a; }, (void*)42));
    void* r = nullptr;
    ASSERT_EQ(0, lwp_join(t, &r));
    EXPECT_EQ((void*)42, r);
    EXPECT_EQ(1, ran.load());
}
