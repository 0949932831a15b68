// Long-double-double arithmetic: a value carried as the unevaluated sum
// hi + lo of two x87 long doubles with |lo| <= ulp(hi)/2, about 128 bits of
// precision. lwp's long double functions that are not exact
// (math_long_double_*.cpp) are evaluated in it and rounded once, as the
// double functions are in double-double (math_double_double.hpp), so every
// result is within half an ulp and a few units of 2^-120 of the exact value.
//
// The error-free steps hold in the x87's 64-bit precision (the Linux
// default): Knuth's two-sum, and Dekker's product with the split at 32 bits
// (2^32 + 1), valid while operands stay below about 2^16350 and products
// above the subnormal range; callers scale their arguments so. The x87 has
// no fused multiply-add, so nothing can be contracted.
#pragma once

#include "arch/x86_64/x87_math.hpp"

namespace lwp::libc::math {

struct long_double_double {
    long double hi;
    long double lo;
};

inline long_double_double fast_two_sum(long double a, long double b) noexcept {
    long double sum = a + b;
    return {sum, b - (sum - a)};
}

inline long_double_double two_sum(long double a, long double b) noexcept {
    long double sum = a + b;
    long double b_part = sum - a;
    long double a_part = sum - b_part;
    return {sum, (a - a_part) + (b - b_part)};
}

inline long_double_double split(long double a) noexcept {
    long double scaled = a * 4294967297.0L;  // 2^32 + 1
    long double high = scaled - (scaled - a);
    return {high, a - high};
}

inline long_double_double two_product(long double a, long double b) noexcept {
    long double product = a * b;
    long_double_double x = split(a);
    long_double_double y = split(b);
    long double error = ((x.hi * y.hi - product) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo;
    return {product, error};
}

inline long_double_double ldd(long double a) noexcept { return {a, 0.0L}; }

// A stored long double read from its memory. GCC (at -Os, as lwp is built)
// loads a constant that equals pi, ln 2, log2 e, log10 2 or log2 10 rounded
// to nearest with the x87's fldpi, fldln2, ..., which round the constant in
// the current direction: rounding downward, pi's high part from fldpi is an
// ulp below the table's. A volatile read keeps the table's value in every
// mode, for the sums whose directed rounding depends on it.
inline long double as_stored(const long double& constant) noexcept {
    return *static_cast<const volatile long double*>(&constant);
}

inline long_double_double operator-(long_double_double a) noexcept { return {-a.hi, -a.lo}; }

inline long_double_double operator+(long_double_double a, long_double_double b) noexcept {
    long_double_double s = two_sum(a.hi, b.hi);
    long_double_double t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = fast_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return fast_two_sum(s.hi, s.lo);
}

inline long_double_double operator+(long_double_double a, long double b) noexcept {
    long_double_double s = two_sum(a.hi, b);
    s.lo += a.lo;
    return fast_two_sum(s.hi, s.lo);
}

inline long_double_double operator-(long_double_double a, long_double_double b) noexcept {
    return a + (-b);
}
inline long_double_double operator-(long_double_double a, long double b) noexcept {
    return a + (-b);
}

inline long_double_double operator*(long_double_double a, long_double_double b) noexcept {
    long_double_double p = two_product(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return fast_two_sum(p.hi, p.lo);
}

inline long_double_double operator*(long_double_double a, long double b) noexcept {
    long_double_double p = two_product(a.hi, b);
    p.lo += a.lo * b;
    return fast_two_sum(p.hi, p.lo);
}

// a / b: a first quotient and two corrections from the exact remainder.
inline long_double_double operator/(long_double_double a, long_double_double b) noexcept {
    long double q1 = a.hi / b.hi;
    long_double_double r = a - b * q1;
    long double q2 = r.hi / b.hi;
    r = r - b * q2;
    long double q3 = r.hi / b.hi;
    return fast_two_sum(q1, q2) + q3;
}

// sqrt(a) for a > 0: fsqrt and one Newton correction.
inline long_double_double sqrt(long_double_double a) noexcept {
    long double root = lwp::arch::x87::square_root(a.hi);
    long_double_double remainder = a - two_product(root, root);
    return fast_two_sum(root, remainder.hi / (2.0L * root));
}

// a * 2^n for a power of two that keeps both parts normal: exact.
inline long_double_double scale(long_double_double a, long double power_of_two) noexcept {
    return {a.hi * power_of_two, a.lo * power_of_two};
}

inline long_double_double polynomial(long_double_double x, const long_double_double* c,
                                     int count) noexcept {
    long_double_double sum = c[count - 1];
    for (int i = count - 2; i >= 0; --i) sum = sum * x + c[i];
    return sum;
}

}  // namespace lwp::libc::math
