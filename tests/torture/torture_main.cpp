#include <gtest/gtest.h>

#include "figures.hpp"

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    std::printf("torture scale: %s\n", lwp_torture::long_form() ? "long" : "short");
    return RUN_ALL_TESTS();
}
