// The freestanding printf engine (runtime/libc/printf_core.cpp and
// printf_float.cpp) compared with the host glibc's snprintf over many
// formats and values. The engine lives in namespace lwp::libc and defines no
// C symbol, so it is compiled straight into this hosted test.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <algorithm>
#include <climits>
#include <cstring>
#include <random>
#include <string>

#include "runtime/libc/printf_core.cpp"
#include "runtime/libc/printf_float.cpp"

namespace {

struct string_sink : lwp::libc::format_sink {
    std::string text;
};

struct formatted {
    std::string text;
    int result;
};

formatted lwp_format(const char* format, ...) {
    string_sink sink;
    sink.put = [](lwp::libc::format_sink& self, const char* bytes, std::size_t count) {
        static_cast<string_sink&>(self).text.append(bytes, count);
    };
    va_list arguments;
    va_start(arguments, format);
    int result = lwp::libc::format(sink, format, arguments);
    va_end(arguments);
    return {sink.text, result};
}

// The format strings are data here, on purpose.
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
#pragma GCC diagnostic ignored "-Wformat"

template <class... Arguments>
formatted host_format(const char* format, Arguments... arguments) {
    char buffer[4096];
    int result = std::snprintf(buffer, sizeof buffer, format, arguments...);
    // Compare byte-exactly even when a %c wrote a NUL.
    return {std::string(buffer, result > 0 ? std::min<std::size_t>(result, sizeof buffer - 1) : 0),
            result};
}

template <class... Arguments>
void expect_same(const char* format, Arguments... arguments) {
    formatted expected = host_format(format, arguments...);
    formatted actual = lwp_format(format, arguments...);
    EXPECT_EQ(expected.result, actual.result) << "format " << format;
    EXPECT_EQ(expected.text, actual.text) << "format " << format;
}

// Builds every combination of flags, width and precision for `conversion`.
std::vector<std::string> format_variants(const char* length, char conversion) {
    const char* flag_sets[] = {"", "-", "+", " ", "#", "0", "-+", "+0", " 0", "#0", "-#", "+ "};
    const char* widths[] = {"", "1", "8", "25"};
    const char* precisions[] = {"", ".", ".0", ".1", ".5", ".17", ".30"};
    std::vector<std::string> formats;
    for (auto flags : flag_sets)
        for (auto width : widths)
            for (auto precision : precisions)
                formats.push_back(std::string("[%") + flags + width + precision + length +
                                  conversion + "]");
    return formats;
}

TEST(LibcPrintf, IntegersMatchTheHostForEveryFlagWidthAndPrecision) {
    const int values[] = {0, 1, -1, 7, 42, -42, 255, 4096, 65535, 123456789, INT32_MAX, INT32_MIN};
    for (char conversion : {'d', 'i', 'u', 'x', 'X', 'o'})
        for (const std::string& format : format_variants("", conversion))
            for (int value : values) expect_same(format.c_str(), value);
    const long long wide_values[] = {0, -1, INT64_MAX, INT64_MIN, 0x123456789abcdefLL};
    for (const char* length : {"l", "ll", "j", "z", "Z", "t"})
        for (char conversion : {'d', 'u', 'x', 'o'})
            for (const std::string& format : format_variants(length, conversion))
                for (long long value : wide_values) expect_same(format.c_str(), value);
    for (const char* length : {"hh", "h"})
        for (char conversion : {'d', 'u', 'x'})
            for (int value : {0, 127, 128, 255, 256, -1, 32767, 32768, 65535, 70000})
                expect_same((std::string("%") + length + conversion).c_str(), value);
}

TEST(LibcPrintf, CharactersStringsAndPointersMatchTheHost) {
    for (const char* format : {"%c", "%5c", "%-5c|", "%05c"})
        for (int c : {int{'a'}, int{'Z'}, int{' '}, 0}) expect_same(format, c);
    for (const char* format : {"%s", "%10s|", "%-10s|", "%.3s|", "%10.3s|", "%.0s|", "%.20s|"})
        for (const char* text : {"", "x", "hello", "a longer string than ten"})
            expect_same(format, text);
    expect_same("%s|%.3s|%.6s|%10s", static_cast<char*>(nullptr), static_cast<char*>(nullptr),
                static_cast<char*>(nullptr), static_cast<char*>(nullptr));
    for (const char* format : {"%p", "%20p|", "%-20p|", "%+p", "% p", "%10p|"})
        for (std::uintptr_t address : {std::uintptr_t{0}, std::uintptr_t{0x1000}, ~std::uintptr_t{0}})
            expect_same(format, reinterpret_cast<void*>(address));
    expect_same("%ls|%5ls|%.2ls|%lc", L"wide", L"ab", L"abc", static_cast<wint_t>(L'q'));
    // A null wide string follows the narrow rule: "(null)", or nothing when
    // the precision would cut that word.
    expect_same("[%ls|%.3ls|%.6ls|%8.2ls|%-8ls|%S]", static_cast<wchar_t*>(nullptr),
                static_cast<wchar_t*>(nullptr), static_cast<wchar_t*>(nullptr),
                static_cast<wchar_t*>(nullptr), static_cast<wchar_t*>(nullptr),
                static_cast<wchar_t*>(nullptr));
    expect_same("%% %5% %y %'d", 1234567);
}

TEST(LibcPrintf, StarWidthAndPrecisionMatchTheHost) {
    for (int width : {-12, -1, 0, 1, 12})
        for (int precision : {-3, 0, 2, 9}) {
            expect_same("[%*.*d]", width, precision, 42);
            expect_same("[%*.*s]", width, precision, "string");
            expect_same("[%*.*f]", width, precision, 3.25);
            expect_same("[%*.*e]", width, precision, -0.000125);
        }
}

TEST(LibcPrintf, FloatingPointMatchesTheHostOnSpecialValues) {
    const double values[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.35, 9.5, 99.5,
                             999999.5, 0.1, 1e-5, 1e-4, 9.9999e-5, 1e15, 1e16, 1e17, 1e22,
                             1e23, 1e300, 5e-324, 2.2250738585072014e-308,
                             1.7976931348623157e308, 123456789.125, 0.9999995,
                             HUGE_VAL, -HUGE_VAL, NAN, -NAN};
    for (char conversion : {'f', 'F', 'e', 'E', 'g', 'G', 'a', 'A'})
        for (const std::string& format : format_variants("", conversion)) {
            // glibc drops the zeros %#g must keep when rounding carries into
            // a new power of ten (999999.5 -> "1.e+06"); see the next test.
            bool glibc_alternate_g_carry = (conversion == 'g' || conversion == 'G') &&
                                           format.find('#') != std::string::npos;
            for (double value : values) {
                if (glibc_alternate_g_carry && value == 999999.5) continue;
                expect_same(format.c_str(), value);
            }
        }
}

TEST(LibcPrintf, AlternateGeneralKeepsTrailingZerosAfterARoundingCarry) {
    // C17 7.21.6.1: with '#', %g does not remove trailing zeros.
    EXPECT_EQ("1.00000e+06", lwp_format("%#g", 999999.5).text);
    EXPECT_EQ("10.0000", lwp_format("%#g", 9.999999999).text);
}

TEST(LibcPrintf, FloatingPointMatchesTheHostOnRandomDoubles) {
    std::mt19937_64 random(20240601);
    const char* formats[] = {"%f", "%e", "%g", "%.0f", "%.3e", "%.17g", "%.25f", "%.40e",
                             "%.1g", "%a", "%.3a", "%.15g", "%+.10f", "%.0e", "%G"};
    for (int i = 0; i < 40000; ++i) {
        double value;
        switch (i % 3) {
        case 0: {  // any bit pattern: subnormals, huge, NaN payloads
            std::uint64_t bits = random();
            std::memcpy(&value, &bits, sizeof value);
            break;
        }
        case 1:  // around 1, where most real output lives
            value = std::ldexp(static_cast<double>(random() >> 11), static_cast<int>(random() % 100) - 80);
            break;
        default:  // decimal-looking values, with many exact ties
            value = static_cast<double>(random() % 2000000) / 1000.0;
        }
        const char* format = formats[i % (sizeof formats / sizeof *formats)];
        formatted expected = host_format(format, value);
        formatted actual = lwp_format(format, value);
        ASSERT_EQ(expected.text, actual.text) << "format " << format << " bits "
                                              << std::hexfloat << value;
    }
}

TEST(LibcPrintf, LongDoubleArgumentsAreReadAndPrintedAtDoublePrecision) {
    expect_same("%Lf|%Le|%Lg|%d", 1.5L, 2.5L, 1e10L, 7);
}

// A GNU extension glibc documents and programs use: L on an integer
// conversion is ll.
TEST(LibcPrintf, CapitalLOnIntegerConversionsReadsALongLong) {
    expect_same("%Ld|%Li|%Lu|%Lx|%Lo|%d", LLONG_MIN, 5LL, ULLONG_MAX, 0x123456789abLL, 0x8000000000LL,
                7);
    long long count = -1;
    formatted result = lwp_format("abc%Ln", &count);
    EXPECT_EQ(3, count);  // all 64 bits stored, not just the low 32
}

TEST(LibcPrintf, CountsAndStoresWithPercentN) {
    int count = -1;
    short short_count = -1;
    long long long_count = -1;
    formatted result = lwp_format("ab%ncd%hn%5d%lln", &count, &short_count, 1, &long_count);
    EXPECT_EQ("abcd    1", result.text);
    EXPECT_EQ(2, count);
    EXPECT_EQ(4, short_count);
    EXPECT_EQ(9, long_count);
}

TEST(LibcPrintf, PercentMPrintsTheMessageForErrnoAtEntry) {
    errno = ERANGE;
    formatted result = lwp_format("abc %m|%.5m|%12m");
    EXPECT_EQ(std::string("abc ") + strerror(ERANGE) + "|" + std::string(strerror(ERANGE)).substr(0, 5) +
                  "|" + std::string(12 - std::min<size_t>(12, strlen(strerror(ERANGE))), ' ') +
                  strerror(ERANGE),
              result.text);
}

TEST(LibcPrintf, UnsupportedConversionsFailWithErrnoAfterWritingThePrefix) {
    formatted result = lwp_format("abc%1$d", 1);
    EXPECT_EQ(-1, result.result);
    EXPECT_EQ(ENOTSUP, errno);
    EXPECT_EQ("abc", result.text);
    EXPECT_EQ(-1, lwp_format("%1$d", 1).result);
    EXPECT_EQ(ENOTSUP, errno);
    EXPECT_EQ(-1, lwp_format("50%").result);
    EXPECT_EQ(EINVAL, errno);
    EXPECT_EQ(-1, lwp_format("%ls", L"\u00e9").result);
    EXPECT_EQ(EILSEQ, errno);
}

TEST(LibcPrintf, HugePrecisionIsPaddedWithoutABuffer) {
    formatted result = lwp_format("%.5000f", 1.0);
    ASSERT_EQ(5002, result.result);
    EXPECT_EQ("1.000", result.text.substr(0, 5));
    EXPECT_EQ(std::string::npos, result.text.find_first_not_of('0', 2));
}

// A precision near INT_MAX: the engine's digit arithmetic must not overflow
// int. %g without '#' strips its zeros, so it prints every digit of the
// value's exact expansion and no more; the others (of 1e300, which has 301
// integer digits) are longer than INT_MAX and must fail with EOVERFLOW. The
// sink keeps only the first 4 KiB, and counts the rest without storing it.
formatted counted_format(const char* format, ...) {
    struct head_sink : lwp::libc::format_sink {
        std::string head;
    } sink;
    sink.put = [](lwp::libc::format_sink& self, const char* bytes, std::size_t count) {
        std::string& head = static_cast<head_sink&>(self).head;
        if (head.size() < 4096) head.append(bytes, std::min(count, 4096 - head.size()));
    };
    va_list arguments;
    va_start(arguments, format);
    int result = lwp::libc::format(sink, format, arguments);
    va_end(arguments);
    return {sink.head, result};
}

TEST(LibcPrintf, PrecisionNearIntMaxNeitherOverflowsNorLosesDigits) {
    // A double's exact decimal expansion is under 1000 significant digits,
    // so the host's %.1000g prints all of them, as INT_MAX must. (Stripping
    // INT_MAX zeros takes about a second; one value is enough.)
    formatted expected = host_format("%.1000g", 0.0001);
    formatted general = counted_format("%.2147483647g", 0.0001);
    EXPECT_EQ(expected.result, general.result);
    EXPECT_EQ(expected.text, general.text);
    for (const char* format : {"%.2147483647f", "%.2147483647e", "%#.2147483647g", "%.2147483600f"}) {
        errno = 0;
        EXPECT_EQ(-1, counted_format(format, 1e300).result) << format;
        EXPECT_EQ(EOVERFLOW, errno) << format;
    }
}

}  // namespace
