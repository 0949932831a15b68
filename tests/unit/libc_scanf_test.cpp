// The freestanding scanf engine (runtime/libc/scanf_core.cpp) compared with
// the host glibc's vsscanf: the same formats on the same inputs must return
// the same count and store the same bytes. The engine lives in namespace
// lwp::libc and defines no C symbol, so it is compiled straight into this
// hosted test. Floating point is left out: the engine does not have it.
#include <gtest/gtest.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "runtime/libc/scanf_core.cpp"

namespace {

struct string_source : lwp::libc::scan_source {
    const unsigned char* cursor;
};

int lwp_vsscanf(const char* text, const char* format, va_list arguments) {
    string_source source;
    source.next = [](lwp::libc::scan_source& self) {
        auto& s = static_cast<string_source&>(self);
        return *s.cursor ? static_cast<int>(*s.cursor++) : EOF;
    };
    source.give_back = [](lwp::libc::scan_source& self, int) {
        --static_cast<string_source&>(self).cursor;
    };
    source.cursor = reinterpret_cast<const unsigned char*>(text);
    return lwp::libc::scan(source, format, arguments);
}

int lwp_sscanf(const char* text, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = lwp_vsscanf(text, format, arguments);
    va_end(arguments);
    return result;
}

int host_sscanf(const char* text, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vsscanf(text, format, arguments);
    va_end(arguments);
    return result;
}

// Every conversion writes through a pointer into one of these; both sides
// start from the same filler, so any byte stored differently shows.
struct targets {
    unsigned char slot[5][48];
    targets() { memset(slot, 0xa5, sizeof slot); }
};

// Returns the host's result.
int expect_same(const std::string& text, const std::string& format) {
    targets host, ours;
    int host_result = host_sscanf(text.c_str(), format.c_str(), host.slot[0], host.slot[1],
                                  host.slot[2], host.slot[3], host.slot[4]);
    int our_result = lwp_sscanf(text.c_str(), format.c_str(), ours.slot[0], ours.slot[1],
                                ours.slot[2], ours.slot[3], ours.slot[4]);
    EXPECT_EQ(our_result, host_result) << "input \"" << text << "\" format \"" << format << '"';
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(memcmp(host.slot[i], ours.slot[i], sizeof host.slot[i]), 0)
            << "argument " << i << ", input \"" << text << "\" format \"" << format << '"';
    }
    return host_result;
}

TEST(LibcScanf, AgreesWithTheHostOnChosenCases) {
    const char* cases[][2] = {
        {"99999999999999999999", "%d"}, {"-99999999999999999999", "%d"},
        {"99999999999999999999", "%ld"}, {"-1", "%u"}, {"0xg", "%x%n"}, {"0x", "%i%n"},
        {"019", "%i%n"}, {"-x", "%d%n"}, {"", "%n"}, {"abc", "abc%n"}, {"1", "%*d%d"},
        {"ab", "abc"}, {"abd", "abc"}, {"  ", "%d"}, {"ab", "%5c"}, {"0x1f", "%2x%n"},
        {"+12", "%1d"}, {"5 %", "%d%%"}, {"]a-b", "%[]a-]%n"}, {"abc]", "%[^]]"},
        {"a-z", "%[z-a]%n"}, {"12 34", "%d%"}, {"1 2", "%d %y"}, {"300 70000", "%hhu %hu"},
        {"-5 -6", "%hhd %hd"}, {"1 2 3 4 5", "%jd %zd %td %qd %Ld"}, {"abc", "%2[abc]%c"},
        {"  x", "%[ ]%n"}, {"7", " %d "}, {"", " "}, {"0X1F", "%X"}, {"-017", "%o"},
        {"(nil)", "%p%n"}, {"(nil)", "%3p%n"}, {"(nil)x", "%5p%n"}, {"(ni", "%p%n"},
        {"(nix)", "%p%n"}, {"(NIL)", "%p%n"}, {" (nil)", "%p%n"}, {"-(nil)", "%p%n"},
        {"(nil)", "%*p%n"},
    };
    for (auto& c : cases) expect_same(c[0], c[1]);
}

// Random formats made of the supported pieces, on random inputs drawn from
// the bytes those pieces care about.
TEST(LibcScanf, AgreesWithTheHostOnRandomFormatsAndInputs) {
    const char* pieces[] = {"%d",  "%i",   "%u",   "%o",    "%x",    "%X",   "%p",   "%3d",
                            "%2i", "%1x",  "%4x",  "%*d",   "%*s",   "%hhd", "%hd",  "%ld",
                            "%lli", "%hhx", "%c",  "%3c",   "%*c",   "%s",   "%2s",  "%[a-f]",
                            "%[^ ]", "%3[0-9x]", "%[^]a]", "%n", "%hhn", "%%",   " ",    "x",
                            "-",   "0",    "%5[+-0-9]", "%lu", "%llo", "%zx", "%0d", "%*[a-f]",
                            "%*3i", "%hn"};
    const char alphabet[] = " \t\n+-0123456789abcdefxX%]^zZ";
    std::mt19937 random(20261127);
    int assigned_somewhere = 0;
    for (int round = 0; round < 200000; ++round) {
        std::string format;
        int conversions = 0;
        for (int count = 1 + random() % 4; count > 0; --count) {
            const char* piece = pieces[random() % (sizeof pieces / sizeof *pieces)];
            // At most five arguments; suppressed ones and %% take none.
            bool takes = piece[0] == '%' && piece[1] != '*' && piece[1] != '%';
            if (takes && conversions == 5) continue;
            conversions += takes;
            format += piece;
        }
        std::string text;
        for (int length = random() % 24; length > 0; --length)
            text += alphabet[random() % (sizeof alphabet - 1)];
        assigned_somewhere += expect_same(text, format) > 0;
        if (HasFailure()) return;
    }
    // The inputs are not so random that nothing ever matches.
    EXPECT_GT(assigned_somewhere, 50000);
}

// Long numbers, for overflow: every integer conversion and length on
// random digit strings of up to 25 digits with a sign and a prefix.
TEST(LibcScanf, AgreesWithTheHostOnLongNumbers) {
    const char* conversions[] = {"%d", "%i", "%u", "%o", "%x", "%hhd", "%hu", "%ld", "%lli",
                                 "%llu", "%jx", "%zo", "%ti", "%p", "%7d", "%12lx"};
    const char* prefixes[] = {"", "-", "+", "0x", "-0x", "0", "-0", " "};
    std::mt19937 random(25);
    for (int round = 0; round < 50000; ++round) {
        std::string text = prefixes[random() % (sizeof prefixes / sizeof *prefixes)];
        for (int length = 1 + random() % 25; length > 0; --length)
            text += "0123456789abcdefABCDEF"[random() % (random() % 2 ? 10 : 22)];
        std::string format = conversions[random() % (sizeof conversions / sizeof *conversions)];
        expect_same(text, format + "%n");
        if (HasFailure()) return;
    }
}

}  // namespace
