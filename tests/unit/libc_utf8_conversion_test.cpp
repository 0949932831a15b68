// The C.UTF-8 converter of the freestanding multibyte functions
// (runtime/libc/utf8_conversion.hpp) against the host glibc's mbrtowc and
// wcrtomb in its C.UTF-8 locale: every character to bytes, and random byte
// sequences to characters, fed in random pieces so that incomplete
// sequences go through the mbstate_t.
#include <gtest/gtest.h>

#include <cerrno>
#include <clocale>
#include <cstring>
#include <cwchar>
#include <random>

#include "runtime/libc/utf8_conversion.hpp"
// The locale state printf_core.cpp and scanf_core.cpp ask (their tests
// compile them in): compiled here once for the whole executable, "C" until
// something changes it, as in a program.
#include "runtime/libc/locale_state.cpp"
// What locale_state.cpp refers to so that a program with iconv gets
// C.UTF-8's //TRANSLIT tables.
#include "runtime/libc/character_set_utf8_transliteration.cpp"

namespace {

namespace utf8 = lwp::libc::utf8;

// The host's C.UTF-8 for this thread while the test runs.
class HostUtf8Locale {
public:
    HostUtf8Locale() : locale_(newlocale(LC_ALL_MASK, "C.UTF-8", nullptr)) {
        if (locale_) previous_ = uselocale(locale_);
    }
    ~HostUtf8Locale() {
        if (!locale_) return;
        uselocale(previous_);
        freelocale(locale_);
    }
    bool installed() const { return locale_ != nullptr; }

private:
    locale_t locale_;
    locale_t previous_ = LC_GLOBAL_LOCALE;
};

void expect_same_encoding(unsigned value) {
    char host_bytes[MB_LEN_MAX], lwp_bytes[utf8::longest_sequence];
    std::mbstate_t host_state{}, lwp_state{};
    errno = 0;
    size_t host = std::wcrtomb(host_bytes, static_cast<wchar_t>(value), &host_state);
    int host_errno = errno;
    errno = 0;
    size_t lwp = utf8::encode(lwp_bytes, static_cast<wchar_t>(value), &lwp_state);
    ASSERT_EQ(host, lwp) << std::hex << value;
    ASSERT_EQ(host_errno, errno) << std::hex << value;
    if (host != utf8::refused) ASSERT_EQ(0, std::memcmp(host_bytes, lwp_bytes, host)) << value;
}

TEST(LibcUtf8Conversion, EveryCharacterToBytesAsTheHost) {
    HostUtf8Locale locale;
    ASSERT_TRUE(locale.installed()) << "the host has no C.UTF-8 locale to compare with";
    for (unsigned value = 0; value <= 0x110000; ++value) expect_same_encoding(value);
    std::mt19937 random(20261128);
    for (int i = 0; i < 1000000; ++i) expect_same_encoding(random());
    for (unsigned value : {0x7fffffffu, 0x80000000u, 0xffffffffu, 0x3ffffffu, 0x4000000u})
        expect_same_encoding(value);
}

// A byte likely to make or break a sequence: ASCII, continuation bytes,
// lead bytes of every length, and the bytes no sequence may hold.
unsigned char random_byte(std::mt19937& random) {
    switch (random() % 8) {
    case 0: return random() % 0x80;
    case 1: case 2: case 3: return 0x80 | random() % 0x40;
    case 4: case 5: case 6: return 0xc0 | random() % 0x40;
    default: return random() % 0x100;
    }
}

TEST(LibcUtf8Conversion, RandomBytesInRandomPiecesAsTheHost) {
    HostUtf8Locale locale;
    ASSERT_TRUE(locale.installed()) << "the host has no C.UTF-8 locale to compare with";
    std::mt19937 random(1128);
    long characters = 0, incomplete = 0, refused = 0;
    for (int round = 0; round < 300000; ++round) {
        unsigned char bytes[16];
        size_t length = 1 + random() % sizeof bytes;
        for (size_t i = 0; i < length; ++i) bytes[i] = random_byte(random);
        std::mbstate_t host_state{}, lwp_state{};
        for (size_t at = 0; at < length;) {
            size_t piece = random() % 4;
            if (piece > length - at) piece = length - at;
            const char* text = reinterpret_cast<const char*>(bytes + at);
            wchar_t host_character = 0, lwp_character = 0;
            errno = 0;
            size_t host = std::mbrtowc(&host_character, text, piece, &host_state);
            int host_errno = errno;
            errno = 0;
            size_t lwp = utf8::decode(&lwp_character, text, piece, &lwp_state);
            ASSERT_EQ(host, lwp) << "round " << round << " at " << at;
            ASSERT_EQ(host_errno, errno) << "round " << round;
            ASSERT_EQ(std::mbsinit(&host_state) != 0, lwp_state.__count == 0) << "round " << round;
            if (host == utf8::refused) {  // start afresh after the bad byte
                ++refused;
                host_state = lwp_state = std::mbstate_t{};
                ++at;
            } else if (host == utf8::incomplete) {
                ++incomplete;
                at += piece;
            } else {
                ++characters;
                ASSERT_EQ(host_character, lwp_character) << "round " << round;
                at += host == 0 ? 1 : host;
            }
        }
    }
    // The mix must have exercised every outcome many times.
    EXPECT_GT(characters, 100000);
    EXPECT_GT(incomplete, 100000);
    EXPECT_GT(refused, 100000);
}

}  // namespace
