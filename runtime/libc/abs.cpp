// abs labs llabs div ldiv lldiv, and <inttypes.h>'s imaxabs imaxdiv.
// abs(INT_MIN) is undefined in C; here it wraps to INT_MIN rather than
// trapping.
#include <inttypes.h>
#include <stdlib.h>

extern "C" {

int abs(int value) noexcept { return value < 0 ? static_cast<int>(0u - value) : value; }
long labs(long value) noexcept { return value < 0 ? static_cast<long>(0ul - value) : value; }
long long llabs(long long value) noexcept {
    return value < 0 ? static_cast<long long>(0ull - value) : value;
}

div_t div(int numerator, int denominator) noexcept {
    return {numerator / denominator, numerator % denominator};
}
ldiv_t ldiv(long numerator, long denominator) noexcept {
    return {numerator / denominator, numerator % denominator};
}
lldiv_t lldiv(long long numerator, long long denominator) noexcept {
    return {numerator / denominator, numerator % denominator};
}

intmax_t imaxabs(intmax_t value) noexcept {
    return value < 0 ? static_cast<intmax_t>(0ull - static_cast<uintmax_t>(value)) : value;
}
imaxdiv_t imaxdiv(intmax_t numerator, intmax_t denominator) noexcept {
    return {numerator / denominator, numerator % denominator};
}

}  // extern "C"
