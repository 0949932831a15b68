// The freestanding scanf engine (runtime/libc/scanf_core.cpp) compared with
// the host glibc's vsscanf: the same formats on the same inputs must return
// the same count and store the same bytes. The engine lives in namespace
// lwp::libc and defines no C symbol, so it is compiled straight into this
// hosted test, with the floating-point reading it includes.
#include <gtest/gtest.h>

#include <cerrno>
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

TEST(LibcScanf, AgreesWithTheHostOnChosenFloatingCases) {
    const char* cases[][2] = {
        {"1.5", "%f%n"}, {"-2.5e-3x", "%lf%n"}, {"0.1", "%Lf%n"}, {"1e", "%lf%n"},
        {"1e+", "%lf%n"}, {"1e-x", "%lf%n"}, {"1E5", "%le%n"}, {"1.e3", "%lg%n"},
        {"0x", "%lf%n"}, {"-0x", "%lf%n"}, {"0x.", "%lf%n"}, {"0x.p1", "%lf%n"},
        {"0xp1", "%lf%n"}, {"0x1p", "%la%n"}, {"0x1.8p3", "%LA%n"}, {"0X1P-2", "%f%n"},
        {"0x1e+3", "%lf%n"}, {"-", "%lf%n"}, {"+", "%f"}, {".", "%lf%n"}, {"-.", "%lf%n"},
        {".5", "%lf%n"}, {"..5", "%lf%n"}, {"1.5.5", "%lf%n"}, {"1e5e5", "%lf%n"},
        {"1e+-5", "%lf%n"}, {"1p5", "%lf%n"}, {"nan", "%lf%n"}, {"-NaN(1)", "%lf%n"},
        {"na", "%lf%n"}, {"nax", "%lf%n"}, {"inf", "%lf%n"}, {"INFx", "%Lf%n"},
        {"infinity", "%lf%n"}, {"infinit", "%lf%n"}, {"infin", "%lf%n"}, {"infi", "%f%n"},
        {"infinity", "%3lf%n"}, {"infinity", "%4lf%n"}, {"infinity", "%8lf%n"},
        {"-infinity", "%4lf%n"}, {"1.2345", "%3lf%n"}, {"-1", "%1lf%n"}, {"0x10", "%2lf%n"},
        {"0x10", "%3lf%n"}, {"1e10", "%2lf%n"}, {"1e10", "%3lf%n"}, {"", "%lf"}, {"  ", "%f"},
        {"  7.25", "%lf%n"}, {"1.5 2.5", "%*f %lf%n"}, {"1.5", "%hf%n"}, {"1.5", "%hhf%n"},
        {"0.1", "%jf%n"}, {"0.1", "%zf%n"}, {"0.1", "%tf%n"}, {"0.1", "%qf%n"}, {"0.1", "%llf%n"},
        {"1e999", "%lf"}, {"1e-999", "%Lf"}, {"1e39", "%f"}, {"4.9406564584124654e-324", "%lf"},
        {"2.4703282292062327e-324", "%lf"}, {"0x1.fffffffffffff8p1023", "%lf"},
        {"1.18973149535723176502e4932", "%Lf"}, {"1.5x2", "%lfx%lf"}, {"00", "%lf%n"},
        {"0", "%1lf%n"}, {"0x", "%1lf%n"}, {"0x", "%2lf%n"}, {"0x1", "%2lf%n"},
    };
    for (auto& c : cases) expect_same(c[0], c[1]);
}

// Random formats made of the supported pieces, on random inputs drawn from
// the bytes those pieces care about.
//
// A format of 1 to `most` pieces drawn from `pieces`, at most five of them
// taking an argument (suppressed conversions and %% take none).
template <std::size_t count>
std::string random_format(std::mt19937& random, const char* const (&pieces)[count], int most) {
    std::string format;
    int conversions = 0;
    for (int left = 1 + static_cast<int>(random() % most); left > 0; --left) {
        const char* piece = pieces[random() % count];
        bool takes = piece[0] == '%' && piece[1] != '*' && piece[1] != '%';
        if (takes && conversions == 5) continue;
        conversions += takes;
        format += piece;
    }
    return format;
}

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
        std::string format = random_format(random, pieces, 4);
        std::string text;
        for (int length = random() % 24; length > 0; --length)
            text += alphabet[random() % (sizeof alphabet - 1)];
        assigned_somewhere += expect_same(text, format) > 0;
        if (HasFailure()) return;
    }
    // The inputs are not so random that nothing ever matches.
    EXPECT_GT(assigned_somewhere, 50000);
}

// Positional arguments (%3$d) with glibc's flags ' and I, mixed with
// conversions taking the next argument in turn and with literal text: each
// conversion's position, flags, width and letter drawn at random, at most
// five arguments either way.
TEST(LibcScanf, AgreesWithTheHostOnRandomPositionalFormats) {
    const char* letters[] = {"d", "i", "u", "x", "hhd", "ld", "c", "3c", "s", "2s", "[a-f]", "[^ ]",
                             "n", "hn", "lf", "Lf", "e", "p"};
    const char* flag_sets[] = {"", "", "", "*", "'", "I", "*'", "I*", "''"};
    const char* literals[] = {" ", "x", "-", "%%"};
    const char alphabet[] = " \t+-0123456789abcdefx.%";
    std::mt19937 random(20261129);
    int assigned_somewhere = 0;
    for (int round = 0; round < 100000; ++round) {
        std::string format;
        int in_turn = 0;
        for (int left = 1 + static_cast<int>(random() % 4); left > 0; --left) {
            if (random() % 4 == 0) {
                format += literals[random() % (sizeof literals / sizeof *literals)];
                continue;
            }
            unsigned position = random() % 7;  // 0 and 6: the next argument in turn
            std::string flags = flag_sets[random() % (sizeof flag_sets / sizeof *flag_sets)];
            bool suppressed = flags.find('*') != std::string::npos;
            if (position % 6 == 0 && !suppressed && ++in_turn > 5) break;
            format += '%';
            if (position % 6 != 0) format += std::to_string(position) + "$";
            else if (position == 6) format += "0$";  // position 0: in turn, as glibc
            format += flags;
            if (random() % 3 == 0) format += std::to_string(1 + random() % 4);
            format += letters[random() % (sizeof letters / sizeof *letters)];
        }
        std::string text;
        for (int length = random() % 20; length > 0; --length)
            text += alphabet[random() % (sizeof alphabet - 1)];
        assigned_somewhere += expect_same(text, format) > 0;
        if (HasFailure()) return;
    }
    EXPECT_GT(assigned_somewhere, 20000);
}

// A position beyond glibc's NL_ARGMAX (4096) is refused with EINVAL before
// any argument is read: glibc would walk that far through arguments never
// passed. Below it, the position is used.
TEST(LibcScanf, PositionsBeyondNlArgmaxAreRefused) {
    int value = -1;
    errno = 0;
    EXPECT_EQ(lwp_sscanf("5", "%4097$d", &value), 0);
    EXPECT_EQ(errno, EINVAL);
    EXPECT_EQ(lwp_sscanf("5", "%99999999999999999999999$d", &value), 0);
    EXPECT_EQ(errno, EINVAL);
    EXPECT_EQ(value, -1);
    EXPECT_EQ(lwp_sscanf("5", "%1$d", &value), 1);
    EXPECT_EQ(value, 5);
}

// Floating conversions among a few others, on inputs drawn from the bytes
// numbers, their exponents and inf and nan are made of.
TEST(LibcScanf, AgreesWithTheHostOnRandomFloatingFormatsAndInputs) {
    const char* pieces[] = {"%f", "%lf", "%Lf", "%e", "%lg", "%LA", "%a", "%E", "%G", "%LF",
                            "%3f", "%5lf", "%2Le", "%1f", "%7lg", "%*f", "%*3lf", "%n", "%d",
                            "%x", "%s", "%c", " ", "x", "e", ".", "%%", "%4a"};
    const char alphabet[] = " \t+-0123456789.eEpPxXnNaAiIfFtTyY(_)";
    const char* fragments[] = {"inf", "INFINITY", "infin", "in", "nan", "NaN(", "na", "0x",
                               "0X", "e+", "e-", "p-", "P+", "-.", "0x.", "1.5", ".5e"};
    std::mt19937 random(1127);
    int assigned_somewhere = 0;
    for (int round = 0; round < 150000; ++round) {
        std::string format = random_format(random, pieces, 3);
        std::string text;
        for (int length = random() % 16; length > 0; --length) {
            // Digits half the time, so that numbers happen, and now and
            // then a piece of a word or of a prefix.
            switch (random() % 8) {
                case 0: text += fragments[random() % (sizeof fragments / sizeof *fragments)]; break;
                case 1: case 2: case 3: text += alphabet[random() % (sizeof alphabet - 1)]; break;
                default: text += static_cast<char>('0' + random() % 10); break;
            }
        }
        assigned_somewhere += expect_same(text, format) > 0;
        if (HasFailure()) return;
    }
    EXPECT_GT(assigned_somewhere, 50000);
}

// Well-formed numbers of every size through %f, %lf and %Lf: the rounding
// as scanf feeds it digit by digit.
TEST(LibcScanf, AgreesWithTheHostOnRandomFloatingNumbers) {
    const char* conversions[] = {"%f%n", "%lf%n", "%Lf%n", "%la%n", "%40Lf%n"};
    std::mt19937 random(1128);
    for (int round = 0; round < 60000; ++round) {
        std::string text = random() % 3 == 0 ? "-" : "";
        bool hexadecimal = random() % 5 == 0;
        if (hexadecimal) text += "0x";
        const char* digits = hexadecimal ? "0123456789abcdef" : "0123456789";
        unsigned base = hexadecimal ? 16 : 10;
        int count = 1 + random() % (random() % 10 == 0 ? 400 : 30);
        int point = static_cast<int>(random() % (count + 1));
        for (int i = 0; i < count; ++i) {
            if (i == point) text += '.';
            text += digits[random() % base];
        }
        int range = hexadecimal ? 16500 : 4960;
        int power = static_cast<int>(random() % (2 * range + 1)) - range;
        if (random() % 2) text += (hexadecimal ? "p" : "e") + std::to_string(power);
        expect_same(text, conversions[random() % (sizeof conversions / sizeof *conversions)]);
        if (HasFailure()) return;
    }
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
