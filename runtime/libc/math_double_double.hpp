// Double-double arithmetic: a value carried as the unevaluated sum hi + lo of
// two doubles with |lo| <= ulp(hi)/2, about 106 bits of precision. The math
// library (runtime/libc/math_*.cpp) evaluates every function that is not exact
// in this format and rounds once at the end, so the error of the result is the
// final rounding (half an ulp) plus a few units of 2^-100, which keeps every
// result within one ulp without a per-function error analysis.
//
// Products are exact through Dekker's splitting (no fma: the x86-64 baseline
// has none), which is only valid while the operands stay below about 2^995 and
// their products above the subnormal range; callers scale their arguments so.
// Nothing here may be contracted into an fma either: the files that use this
// are compiled with -ffp-contract=off (runtime/freestanding/CMakeLists.txt,
// tests/CMakeLists.txt), which matters where the target has an fma.
#pragma once

namespace lwp::libc::math {

struct double_double {
    double hi;
    double lo;
};

// The sqrtsd instruction: correctly rounded, with no errno (the callers deal
// with negative arguments). Written out so that neither GCC's errno check nor
// a call to the C sqrt is ever emitted from inside the library.
inline double hardware_sqrt(double x) noexcept {
    double root;
    __asm__("sqrtsd %1, %0" : "=x"(root) : "x"(x));
    return root;
}

// a + b exactly, for |a| >= |b| (or a == 0).
inline double_double fast_two_sum(double a, double b) noexcept {
    double sum = a + b;
    return {sum, b - (sum - a)};
}

// a + b exactly, any order (Knuth).
inline double_double two_sum(double a, double b) noexcept {
    double sum = a + b;
    double b_part = sum - a;
    double a_part = sum - b_part;
    return {sum, (a - a_part) + (b - b_part)};
}

// Dekker's split of a into two 26-bit halves whose sum is a.
inline double_double split(double a) noexcept {
    double scaled = a * 134217729.0;  // 2^27 + 1
    double high = scaled - (scaled - a);
    return {high, a - high};
}

// a * b exactly (as long as nothing overflows or underflows).
inline double_double two_product(double a, double b) noexcept {
    double product = a * b;
    double_double x = split(a);
    double_double y = split(b);
    double error = ((x.hi * y.hi - product) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo;
    return {product, error};
}

inline double_double dd(double a) noexcept { return {a, 0.0}; }

inline double_double operator-(double_double a) noexcept { return {-a.hi, -a.lo}; }

inline double_double operator+(double_double a, double_double b) noexcept {
    double_double s = two_sum(a.hi, b.hi);
    double_double t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = fast_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return fast_two_sum(s.hi, s.lo);
}

inline double_double operator+(double_double a, double b) noexcept {
    double_double s = two_sum(a.hi, b);
    s.lo += a.lo;
    return fast_two_sum(s.hi, s.lo);
}

inline double_double operator-(double_double a, double_double b) noexcept { return a + (-b); }
inline double_double operator-(double_double a, double b) noexcept { return a + (-b); }

inline double_double operator*(double_double a, double_double b) noexcept {
    double_double p = two_product(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return fast_two_sum(p.hi, p.lo);
}

inline double_double operator*(double_double a, double b) noexcept {
    double_double p = two_product(a.hi, b);
    p.lo += a.lo * b;
    return fast_two_sum(p.hi, p.lo);
}

// a / b: a first quotient, then two corrections from the exact remainder.
inline double_double operator/(double_double a, double_double b) noexcept {
    double q1 = a.hi / b.hi;
    double_double r = a - b * q1;
    double q2 = r.hi / b.hi;
    r = r - b * q2;
    double q3 = r.hi / b.hi;
    double_double q = fast_two_sum(q1, q2);
    return q + q3;
}

// sqrt(a) for a > 0: the hardware root and one Newton correction.
inline double_double sqrt(double_double a) noexcept {
    double root = hardware_sqrt(a.hi);
    double_double remainder = a - two_product(root, root);
    return fast_two_sum(root, remainder.hi / (2.0 * root));
}

// a * 2^n for a power of two that keeps both parts normal: exact.
inline double_double scale(double_double a, double power_of_two) noexcept {
    return {a.hi * power_of_two, a.lo * power_of_two};
}

// sum c[i] x^i for i = 0 .. count-1, by Horner's rule in double-double.
inline double_double polynomial(double_double x, const double_double* c, int count) noexcept {
    double_double sum = c[count - 1];
    for (int i = count - 2; i >= 0; --i) sum = sum * x + c[i];
    return sum;
}

}  // namespace lwp::libc::math
