// lwp's numeric address text (runtime/libc/address_text.cpp, the engine of
// its inet_pton and inet_ntop) against glibc's inet_pton and inet_ntop, which
// this test program links: the same verdict and bytes for every string, the
// same text for every address, and the same smallest buffer that fits.
#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>

#include "runtime/libc/address_text.cpp"

namespace {

void expect_same_parse(const std::string& text) {
    unsigned char ours4[4] = {}, theirs4[4] = {};
    bool ours = lwp::libc::parse_ipv4(text.c_str(), ours4);
    int theirs = inet_pton(AF_INET, text.c_str(), theirs4);
    ASSERT_EQ(ours, theirs == 1) << "IPv4 \"" << text << "\"";
    if (ours) {
        ASSERT_EQ(std::memcmp(ours4, theirs4, 4), 0) << text;
    }
    unsigned char ours6[16] = {}, theirs6[16] = {};
    ours = lwp::libc::parse_ipv6(text.c_str(), ours6);
    theirs = inet_pton(AF_INET6, text.c_str(), theirs6);
    ASSERT_EQ(ours, theirs == 1) << "IPv6 \"" << text << "\"";
    if (ours) {
        ASSERT_EQ(std::memcmp(ours6, theirs6, 16), 0) << text;
    }
}

void expect_same_format(const unsigned char* address, bool six) {
    int family = six ? AF_INET6 : AF_INET;
    char theirs[64];
    ASSERT_NE(inet_ntop(family, address, theirs, sizeof theirs), nullptr);
    char ours[64];
    bool fitted = six ? lwp::libc::format_ipv6(address, ours, sizeof ours)
                      : lwp::libc::format_ipv4(address, ours, sizeof ours);
    ASSERT_TRUE(fitted);
    ASSERT_STREQ(ours, theirs);
    // Every smaller buffer: glibc's and lwp's verdicts agree, so both need
    // exactly the text plus its NUL.
    for (std::size_t size = 0; size <= std::strlen(theirs) + 1; ++size) {
        char small[64];
        bool glibc_fits = inet_ntop(family, address, small, static_cast<socklen_t>(size)) != nullptr;
        bool lwp_fits = six ? lwp::libc::format_ipv6(address, small, size)
                            : lwp::libc::format_ipv4(address, small, size);
        ASSERT_EQ(lwp_fits, glibc_fits) << theirs << " in " << size << " bytes";
    }
}

}  // namespace

TEST(LibcAddressText, ChosenStringsParseAsGlibcParsesThem) {
    const char* cases[] = {
        "", "0.0.0.0", "255.255.255.255", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4",
        "1.2.3.04", "1..2.3", "1.2.3.4 ", " 1.2.3.4", "1.2.3.", "0x1.2.3.4", "127.0.0.1",
        "::", "::1", "1::", ":", ":::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1::2::3", ":1::", "1:",
        ":1", "12345::", "ffff::", "FFFF::AbCd", "::ffff:1.2.3.4", "::1.2.3.4", "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3", "::ffff:01.2.3.4", "::1.2.3.4:1", "1.2.3.4::",
        "fe80::1%eth0", "::ffff:256.1.1.1", "0:0:0:0:0:0:0:0", "00000::", "0000::", "g::",
        "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:6::1.2.3.4", "::0.0.0.0", "2001:db8::8a2e:370:7334",
    };
    for (const char* text : cases) expect_same_parse(text);
}

TEST(LibcAddressText, GeneratedStringsParseAsGlibcParsesThem) {
    std::mt19937 random(20261127);
    const char alphabet[] = "0123456789abcdefABCDEFg:.:::..";
    for (int round = 0; round < 200000; ++round) {
        std::string text;
        int length = static_cast<int>(random() % 42);
        for (int i = 0; i < length; ++i) text += alphabet[random() % (sizeof alphabet - 1)];
        expect_same_parse(text);
    }
    // Valid-looking ones: random groups, a "::" or not, an IPv4 tail or not.
    for (int round = 0; round < 100000; ++round) {
        std::string text;
        int groups = static_cast<int>(random() % 10);
        int gap = static_cast<int>(random() % (groups + 2)) - 1;
        for (int g = 0; g < groups; ++g) {
            if (g == gap) text += "::";
            else if (g != 0) text += ':';
            char group[8];
            std::snprintf(group, sizeof group, "%x", static_cast<unsigned>(random() % 0x10000));
            text += group;
        }
        if (random() % 3 == 0) {
            char tail[20];
            std::snprintf(tail, sizeof tail, ":%u.%u.%u.%u", static_cast<unsigned>(random() % 300),
                          static_cast<unsigned>(random() % 256), static_cast<unsigned>(random() % 256),
                          static_cast<unsigned>(random() % 256));
            text += tail;
        }
        expect_same_parse(text);
    }
}

TEST(LibcAddressText, AddressesFormatAsGlibcFormatsThem) {
    std::mt19937 random(11272026);
    for (int round = 0; round < 50000; ++round) {
        unsigned char address[16];
        // Mostly zero groups, so that runs of every length and place occur;
        // sometimes the IPv4-mapped and -compatible prefixes exactly.
        for (int g = 0; g < 8; ++g) {
            unsigned value = random() % 3 == 0 ? static_cast<unsigned>(random() % 0x10000) : 0;
            if (random() % 7 == 0) value = random() % 2;
            address[2 * g] = static_cast<unsigned char>(value >> 8);
            address[2 * g + 1] = static_cast<unsigned char>(value);
        }
        if (round % 10 == 0) {
            std::memset(address, 0, 10);
            address[10] = address[11] = round % 20 == 0 ? 0xff : 0;
        }
        expect_same_format(address, true);
        expect_same_format(address, false);
    }
}
