// strtol strtoul strtoll strtoull atoi atol atoll, and <inttypes.h>'s
// strtoimax strtoumax. Out-of-range values clamp and set ERANGE; an invalid
// base sets EINVAL and leaves *end alone (glibc stores nothing there); no
// digits at all leaves *end at the input and returns 0 (errno untouched).
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

#include "integer_parse.hpp"

namespace {

bool valid_base(int base) { return base == 0 || (base >= 2 && base <= 36); }

void store_end(char** end, const char* value) {
    if (end) *end = const_cast<char*>(value);
}

// long and long long are both 64 bits on x86_64, as are their unsigned forms.
static_assert(sizeof(long) == sizeof(long long));

long long parse_signed(const char* text, char** end, int base) {
    if (!valid_base(base)) {  // *end is left as it was, as glibc leaves it
        errno = EINVAL;
        return 0;
    }
    auto parsed = lwp::libc::parse_integer(text, base);
    store_end(end, parsed.end);
    unsigned long long limit = parsed.negative ? 0ULL - LLONG_MIN : LLONG_MAX;
    if (parsed.overflow || parsed.magnitude > limit) {
        errno = ERANGE;
        return parsed.negative ? LLONG_MIN : LLONG_MAX;
    }
    return parsed.negative ? static_cast<long long>(0ULL - parsed.magnitude)
                           : static_cast<long long>(parsed.magnitude);
}

// A minus sign negates in the unsigned type ("-1" is ULLONG_MAX), as C says.
unsigned long long parse_unsigned(const char* text, char** end, int base) {
    if (!valid_base(base)) {  // *end is left as it was, as glibc leaves it
        errno = EINVAL;
        return 0;
    }
    auto parsed = lwp::libc::parse_integer(text, base);
    store_end(end, parsed.end);
    if (parsed.overflow) {
        errno = ERANGE;
        return ULLONG_MAX;
    }
    return parsed.negative ? 0ULL - parsed.magnitude : parsed.magnitude;
}

}  // namespace

extern "C" {

long strtol(const char* __restrict text, char** __restrict end, int base) noexcept {
    return parse_signed(text, end, base);
}
long long strtoll(const char* __restrict text, char** __restrict end, int base) noexcept {
    return parse_signed(text, end, base);
}
unsigned long strtoul(const char* __restrict text, char** __restrict end, int base) noexcept {
    return parse_unsigned(text, end, base);
}
unsigned long long strtoull(const char* __restrict text, char** __restrict end,
                            int base) noexcept {
    return parse_unsigned(text, end, base);
}

// The entry points glibc's headers of the 1990s made strtol and its kin call.
// `group` asks for the locale's thousands separators to be accepted; the C
// locale has none, so it changes nothing, as in glibc under "C".
long __strtol_internal(const char* __restrict text, char** __restrict end, int base,
                       int /*group*/) noexcept {
    return parse_signed(text, end, base);
}
long long __strtoll_internal(const char* __restrict text, char** __restrict end, int base,
                             int /*group*/) noexcept {
    return parse_signed(text, end, base);
}
unsigned long __strtoul_internal(const char* __restrict text, char** __restrict end, int base,
                                 int /*group*/) noexcept {
    return parse_unsigned(text, end, base);
}
unsigned long long __strtoull_internal(const char* __restrict text, char** __restrict end,
                                       int base, int /*group*/) noexcept {
    return parse_unsigned(text, end, base);
}

// BSD's names for the long long forms ("quad"), which glibc also exports.
long long strtoq(const char* __restrict, char** __restrict, int) noexcept
    __attribute__((alias("strtoll")));
unsigned long long strtouq(const char* __restrict, char** __restrict, int) noexcept
    __attribute__((alias("strtoull")));

// atoi's result is undefined when out of range; it truncates here, as glibc's
// (strtol then a cast) does.
int atoi(const char* text) noexcept { return static_cast<int>(parse_signed(text, nullptr, 10)); }
long atol(const char* text) noexcept { return parse_signed(text, nullptr, 10); }
long long atoll(const char* text) noexcept { return parse_signed(text, nullptr, 10); }

// intmax_t and uintmax_t are 64 bits on x86-64, like long long.
static_assert(sizeof(intmax_t) == sizeof(long long) && sizeof(uintmax_t) == sizeof(long long));
intmax_t strtoimax(const char* __restrict text, char** __restrict end, int base) noexcept {
    return parse_signed(text, end, base);
}
uintmax_t strtoumax(const char* __restrict text, char** __restrict end, int base) noexcept {
    return parse_unsigned(text, end, base);
}

}  // extern "C"
