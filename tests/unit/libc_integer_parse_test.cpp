// The digit-reading core of the freestanding strtol family
// (runtime/libc/integer_parse.hpp) against the host's strtoull.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>

#include "runtime/libc/integer_parse.hpp"

namespace {

TEST(LibcIntegerParse, AgreesWithTheHostOnMagnitudeSignAndEnd) {
    const char* inputs[] = {"0", "42", "  -17", "+9", "\t\n 123abc", "0x1f", "0X1F", "0x", "0xg",
                            "017", "09", "z", "-", "", "   ", "18446744073709551615",
                            "18446744073709551616", "99999999999999999999999", "-0x10",
                            "0b101", "7fffffffffffffff", "ZZZZ", "1e5"};
    for (int base : {0, 2, 8, 10, 16, 36})
        for (const char* input : inputs) {
            char* host_end;
            errno = 0;
            unsigned long long host = std::strtoull(input, &host_end, base);
            bool host_overflow = errno == ERANGE;
            auto parsed = lwp::libc::parse_integer(input, base);
            EXPECT_EQ(host_end, parsed.end) << input << " base " << base;
            EXPECT_EQ(host_overflow, parsed.overflow) << input << " base " << base;
            unsigned long long value = parsed.negative ? 0 - parsed.magnitude : parsed.magnitude;
            if (!host_overflow) EXPECT_EQ(host, value) << input << " base " << base;
        }
}

}  // namespace
