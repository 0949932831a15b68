// _Float128-pair arithmetic: a value carried as the unevaluated sum hi + lo
// of two binary128 numbers with |lo| <= ulp(hi)/2, about 226 bits of
// precision. The transcendental _Float128 functions are evaluated in it and
// rounded once, as the long double ones are in long-double-double
// (math_long_double_double.hpp), so a result is within half an ulp plus a
// few units of 2^-220 of the exact value.
//
// Every operation is libgcc's soft-fp binary128 arithmetic
// (math_float128_bits.hpp), which rounds in the SSE rounding mode: the
// error-free steps below hold only in round-to-nearest, so callers run them
// inside arch::sse::nearest_rounding_scope and round the final hi + lo in
// the caller's mode. Knuth's two-sum, and Dekker's product with the split at
// 57 bits (2^57 + 1, for 113-bit significands), valid while operands stay
// below about 2^16320 and products above the subnormal range; callers scale
// their arguments so. (fmaf128 would give the product's error in one step,
// but lwp's is a long exact computation; four soft-fp products are cheaper.)
#pragma once

#include <math.h>

#include "runtime/libc/math_float128_bits.hpp"

namespace lwp::libc::math::f128 {

struct pair {
    real hi;
    real lo;
};

// A binary128 from its encoding's high and low 64 bits, at compile time:
// C++ has no binary128 literal. The generated tables
// (math_float128_tables.hpp, math_float128_trigonometric_tables.hpp) are
// written with it.
constexpr real constant(unsigned long long high, unsigned long long low) noexcept {
    return __builtin_bit_cast(real, static_cast<bits>(high) << 64 | low);
}

// |a| >= |b| (or a == 0): the rounded sum and its exact error.
inline pair fast_two_sum(real a, real b) noexcept {
    real sum = a + b;
    return {sum, b - (sum - a)};
}

inline pair two_sum(real a, real b) noexcept {
    real sum = a + b;
    real b_part = sum - a;
    real a_part = sum - b_part;
    return {sum, (a - a_part) + (b - b_part)};
}

// a = high + low, each with at most 56 significant bits, so that the
// products of two halves are exact.
inline pair split(real a) noexcept {
    real scaled = a * real(144115188075855873ull);  // 2^57 + 1
    real high = scaled - (scaled - a);
    return {high, a - high};
}

inline pair two_product(real a, real b) noexcept {
    real product = a * b;
    pair x = split(a);
    pair y = split(b);
    real error = ((x.hi * y.hi - product) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo;
    return {product, error};
}

inline pair operator-(pair a) noexcept { return {-a.hi, -a.lo}; }

inline pair operator+(pair a, pair b) noexcept {
    pair s = two_sum(a.hi, b.hi);
    pair t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = fast_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return fast_two_sum(s.hi, s.lo);
}

inline pair operator+(pair a, real b) noexcept {
    pair s = two_sum(a.hi, b);
    s.lo += a.lo;
    return fast_two_sum(s.hi, s.lo);
}

inline pair operator-(pair a, pair b) noexcept { return a + (-b); }
inline pair operator-(pair a, real b) noexcept { return a + (-b); }

inline pair operator*(pair a, pair b) noexcept {
    pair p = two_product(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return fast_two_sum(p.hi, p.lo);
}

inline pair operator*(pair a, real b) noexcept {
    pair p = two_product(a.hi, b);
    p.lo += a.lo * b;
    return fast_two_sum(p.hi, p.lo);
}

// a / b: a first quotient and two corrections from the exact remainder.
inline pair operator/(pair a, pair b) noexcept {
    real q1 = a.hi / b.hi;
    pair r = a - b * q1;
    real q2 = r.hi / b.hi;
    r = r - b * q2;
    real q3 = r.hi / b.hi;
    return fast_two_sum(q1, q2) + q3;
}

// sqrt(a) for a > 0 with a.hi normal: the rounded root of the high part
// and one Newton step from the exact remainder.
inline pair sqrt_of(pair a) noexcept {
    real root = sqrtf128(a.hi);
    pair remainder = a - two_product(root, root);
    return fast_two_sum(root, remainder.hi / (2 * root));
}

// a * 2^n for a power of two that keeps both parts normal: exact.
inline pair scale(pair a, real power_of_two) noexcept { return {a.hi * power_of_two, a.lo * power_of_two}; }

// A nonzero finite v moved into [1, 2) in magnitude, the power of two taken
// out added to *exponent (a subnormal high part first scaled up exactly).
// In round-to-nearest, as the other operations: the low part may round.
inline pair normalized(pair v, int* exponent) noexcept {
    if (biased_exponent(v.hi) == 0) {
        v = scale(v, power_of_two(113));
        *exponent -= 113;
    }
    int k = biased_exponent(v.hi) - bias;
    *exponent += k;
    if (k == 16383) return scale(scale(v, power_of_two(-16382)), real(0.5));  // 2^-16383 is subnormal
    return scale(v, power_of_two(-k));
}

// c[0] + c[1] x + ... + c[count-1] x^(count-1), by Horner's rule.
inline pair polynomial(pair x, const pair* c, int count) noexcept {
    pair sum = c[count - 1];
    for (int i = count - 2; i >= 0; --i) sum = sum * x + c[i];
    return sum;
}

}  // namespace lwp::libc::math::f128
