// strverscmp: strcmp for names holding version numbers, so that "file9" <
// "file10" and "1.9" < "1.10".
//
// Outside numbers it is strcmp. Where the first difference falls inside a
// run of digits, that whole run (from its start, which both strings share)
// is compared as a number: the longer run of an integer is the larger
// ("9" < "10"). A run starting with '0' is a fraction instead (as GNU
// defines it: 000 < 00 < 01 < 010 < 09 < 0 < 1 < 9 < 10), compared byte by
// byte, except that where one has a further digit and the other has not,
// after a shared part of only zeros, the one with more zeros is the smaller
// ("00" < "0", "000a" < "00a"; but "01" < "010").
#include <string.h>

#include <cstddef>

namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

int byte_order(unsigned char a, unsigned char b) { return a - b; }

}  // namespace

extern "C" {

int strverscmp(const char* left, const char* right) noexcept {
    const auto* a = reinterpret_cast<const unsigned char*>(left);
    const auto* b = reinterpret_cast<const unsigned char*>(right);
    std::size_t at = 0;
    while (a[at] == b[at]) {
        if (a[at] == '\0') return 0;
        ++at;
    }
    // The start of the run of digits the difference falls in, if any.
    std::size_t start = at;
    while (start > 0 && is_digit(a[start - 1])) --start;
    const bool digit_a = is_digit(a[at]);
    const bool digit_b = is_digit(b[at]);
    if (!digit_a && !digit_b) return byte_order(a[at], b[at]);
    if (start == at && !(digit_a && digit_b)) return byte_order(a[at], b[at]);
    if (start == at) {
        // Both numbers start here. A '0' makes a fraction, smaller than
        // any integer, and '0' is the smallest digit: bytes tell. Two
        // integers: the longer is larger, else the first digit that differs.
        if (a[at] == '0' || b[at] == '0') return byte_order(a[at], b[at]);
    } else if (a[start] == '0') {
        // Two fractions with a shared beginning: bytes tell, except that
        // more leading zeros make a smaller fraction ("000" < "00").
        bool only_zeros = true;
        for (std::size_t i = start; i < at; ++i) only_zeros = only_zeros && a[i] == '0';
        if (only_zeros && digit_a != digit_b) return digit_a ? -1 : 1;
        return byte_order(a[at], b[at]);
    }
    std::size_t end_a = at, end_b = at;
    while (is_digit(a[end_a])) ++end_a;
    while (is_digit(b[end_b])) ++end_b;
    if (end_a != end_b) return end_a < end_b ? -1 : 1;
    return byte_order(a[at], b[at]);
}

int __strverscmp(const char* left, const char* right) noexcept __attribute__((alias("strverscmp"), copy(strverscmp)));

}  // extern "C"
