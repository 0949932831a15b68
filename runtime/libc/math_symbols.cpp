// The C names of lwp's math library (declared by glibc's <math.h>), over the
// algorithms in namespace lwp::libc::math (math_*.cpp). Freestanding only: the
// hosted unit test compiles the algorithms but not this file.
//
// The float functions convert to double, compute there and round once
// (narrow, which also reports a float overflow or underflow to zero as
// ERANGE): a double result within one double ulp is, once rounded, within one
// float ulp, and the exact operations stay exact. Those that are single
// instructions or bit operations on floats are done on floats directly.
// The long double functions have their C names in math_long_double_symbols.cpp.
#include <errno.h>
#include <math.h>

#include <bit>
#include <cstdint>

#include "arch/x86_64/sse_math.hpp"
#include "runtime/libc/math.hpp"
#include "runtime/libc/math_underflow.hpp"
#include "runtime/libc/math_bits.hpp"

namespace m = lwp::libc::math;

namespace {

float narrow(double x) noexcept { return m::narrow(x); }

// The least normal numbers, below which a result is tiny (IEEE 754).
constexpr double least_normal_double = 0x1p-1022;
constexpr double least_normal_float = 0x1p-126;

std::uint32_t float_bits(float x) noexcept { return std::bit_cast<std::uint32_t>(x); }

// A signalling float NaN. Converting it to double quiets it (raising
// invalid), after which the double functions would treat it as a quiet NaN,
// which fmax, hypot and pow pass over: the float forms that do so test first.
bool is_signaling_float(float x) noexcept {
    return (float_bits(x) & 0x7fffffffu) > 0x7f800000u && (float_bits(x) & 0x00400000u) == 0;
}

}  // namespace

extern "C" {

// Exact operations.
double fabs(double x) noexcept { return m::fabs(x); }
float fabsf(float x) noexcept { return std::bit_cast<float>(float_bits(x) & 0x7fffffffu); }
double copysign(double x, double y) noexcept { return m::copysign(x, y); }
float copysignf(float x, float y) noexcept {
    return std::bit_cast<float>((float_bits(x) & 0x7fffffffu) | (float_bits(y) & 0x80000000u));
}
double floor(double x) noexcept { return m::floor(x); }
float floorf(float x) noexcept { return static_cast<float>(m::floor(x)); }
double ceil(double x) noexcept { return m::ceil(x); }
float ceilf(float x) noexcept { return static_cast<float>(m::ceil(x)); }
double trunc(double x) noexcept { return m::trunc(x); }
float truncf(float x) noexcept { return static_cast<float>(m::trunc(x)); }
double round(double x) noexcept { return m::round(x); }
float roundf(float x) noexcept { return static_cast<float>(m::round(x)); }
long lround(double x) noexcept { return m::lround(x); }
long lroundf(float x) noexcept { return m::lround(x); }
long long llround(double x) noexcept { return m::lround(x); }
long long llroundf(float x) noexcept { return m::lround(x); }
double rint(double x) noexcept { return m::rint(x); }
float rintf(float x) noexcept { return static_cast<float>(m::rint(x)); }
double nearbyint(double x) noexcept { return m::nearbyint(x); }
float nearbyintf(float x) noexcept { return static_cast<float>(m::nearbyint(x)); }
long lrint(double x) noexcept { return m::lrint(x); }
long lrintf(float x) noexcept { return m::lrint(x); }
long long llrint(double x) noexcept { return m::lrint(x); }
long long llrintf(float x) noexcept { return m::lrint(x); }
double fmod(double x, double y) noexcept { return m::fmod(x, y); }
float fmodf(float x, float y) noexcept { return static_cast<float>(m::fmod(x, y)); }
double remainder(double x, double y) noexcept { return m::remainder(x, y); }
float remainderf(float x, float y) noexcept { return static_cast<float>(m::remainder(x, y)); }
double fmin(double x, double y) noexcept { return m::fmin(x, y); }
float fminf(float x, float y) noexcept {
    if (is_signaling_float(x) || is_signaling_float(y)) return x + y;
    return static_cast<float>(m::fmin(x, y));
}
double fmax(double x, double y) noexcept { return m::fmax(x, y); }
float fmaxf(float x, float y) noexcept {
    if (is_signaling_float(x) || is_signaling_float(y)) return x + y;
    return static_cast<float>(m::fmax(x, y));
}
double fdim(double x, double y) noexcept { return m::fdim(x, y); }
float fdimf(float x, float y) noexcept {
    if (x != x || y != y) return x + y;
    if (!(x > y)) return 0.0f;
    // A float subtraction, rounded once; narrow cannot see that an infinity
    // came from finite operands, so the overflow's ERANGE is set here.
    float difference = x - y;
    if (__builtin_isinf(difference) && __builtin_isfinite(x) && __builtin_isfinite(y)) errno = ERANGE;
    return difference;
}
double frexp(double x, int* exponent) noexcept { return m::frexp(x, exponent); }
float frexpf(float x, int* exponent) noexcept { return static_cast<float>(m::frexp(x, exponent)); }
double ldexp(double x, int exponent) noexcept { return m::ldexp(x, exponent); }
float ldexpf(float x, int exponent) noexcept { return narrow(m::ldexp(x, exponent)); }
double scalbn(double x, int exponent) noexcept { return m::ldexp(x, exponent); }
float scalbnf(float x, int exponent) noexcept { return narrow(m::ldexp(x, exponent)); }
double scalbln(double x, long exponent) noexcept { return m::ldexp(x, exponent); }
float scalblnf(float x, long exponent) noexcept { return narrow(m::ldexp(x, exponent)); }
double modf(double x, double* integral) noexcept { return m::modf(x, integral); }
float modff(float x, float* integral) noexcept {
    double whole;
    double fraction = m::modf(x, &whole);
    *integral = static_cast<float>(whole);
    return static_cast<float>(fraction);
}
int ilogb(double x) noexcept { return m::ilogb(x); }
int ilogbf(float x) noexcept { return m::ilogb(x); }
double logb(double x) noexcept { return m::logb(x); }
float logbf(float x) noexcept { return static_cast<float>(m::logb(x)); }
double nextafter(double x, double y) noexcept { return m::nextafter(x, y); }
float nextafterf(float x, float y) noexcept { return m::nextafterf(x, y); }
double fma(double x, double y, double z) noexcept { return m::fma(x, y, z); }
float fmaf(float x, float y, float z) noexcept { return m::fma_float(x, y, z); }
double nan(const char* tag) noexcept { return m::nan(tag); }
float nanf(const char* tag) noexcept {
    // The same payload, in the float's 22 payload bits.
    std::uint64_t payload = std::bit_cast<std::uint64_t>(m::nan(tag)) & 0x3fffffu;
    return std::bit_cast<float>(0x7fc00000u | static_cast<std::uint32_t>(payload));
}
double sqrt(double x) noexcept { return m::sqrt(x); }
float sqrtf(float x) noexcept {
    if (__builtin_isless(x, 0.0f)) errno = EDOM;  // quiet: NaN raises nothing
    return lwp::arch::sse::square_root(x);
}

// Exponentials, logarithms, powers and roots.
double exp(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::exp(x));
}
float expf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::exp(x)));
}
double exp2(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::exp2(x));
}
float exp2f(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::exp2(x)));
}
double expm1(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::expm1(x));
}
float expm1f(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::expm1(x)));
}
double log(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::log(x));
}
float logf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::log(x)));
}
double log2(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::log2(x));
}
float log2f(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::log2(x)));
}
double log10(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::log10(x));
}
float log10f(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::log10(x)));
}
double log1p(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::log1p(x));
}
float log1pf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::log1p(x)));
}
double pow(double x, double y) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::pow(x, y));
}
// 10 is exact, so pow's one rounding of the exact power is exp10's too.
double exp10(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::pow(10.0, x));
}
float exp10f(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::pow(10.0, x)));
}
float powf(float x, float y) noexcept {
    if (is_signaling_float(x) || is_signaling_float(y)) return x + y;  // see is_signaling_float
    m::result_decides_underflow underflow;
    return underflow(narrow(m::pow(x, y)));
}
double cbrt(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::cbrt(x));
}
float cbrtf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::cbrt(x)));
}
double hypot(double x, double y) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::hypot(x, y));
}
float hypotf(float x, float y) noexcept {
    if (is_signaling_float(x) || is_signaling_float(y)) return x + y;
    m::result_decides_underflow underflow;
    return underflow(narrow(m::hypot(x, y)));
}

// Trigonometric functions.
double sin(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::sin(x));
}
float sinf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::sin(x)));
}
double cos(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::cos(x));
}
float cosf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::cos(x)));
}
double tan(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::tan(x));
}
float tanf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::tan(x)));
}
// GCC turns sin(x) and cos(x) of one x into a call of sincos.
void sincos(double x, double* sine, double* cosine) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::sincos(x, sine, cosine);
}
void sincosf(float x, float* sine, float* cosine) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    double s;
    double c;
    m::sincos(x, &s, &c);
    *sine = narrow(s);
    *cosine = narrow(c);
}
double asin(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::asin(x));
}
float asinf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::asin(x)));
}
double acos(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::acos(x));
}
float acosf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::acos(x)));
}
double atan(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::atan(x));
}
float atanf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::atan(x)));
}
// atan2 of a subnormal ratio is that ratio, rounded, never exactly.
double atan2(double y, double x) noexcept {
    m::result_decides_underflow underflow;
    double result = underflow(m::atan2(y, x));
    m::underflow_if_subnormal(result, least_normal_double);
    return result;
}
float atan2f(float y, float x) noexcept {
    m::result_decides_underflow underflow;
    float result = underflow(narrow(m::atan2(y, x)));
    m::underflow_if_subnormal(result, least_normal_float);
    return result;
}

// Hyperbolic functions.
double sinh(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::sinh(x));
}
float sinhf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::sinh(x)));
}
double cosh(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::cosh(x));
}
float coshf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::cosh(x)));
}
double tanh(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::tanh(x));
}
float tanhf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::tanh(x)));
}
double asinh(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::asinh(x));
}
float asinhf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::asinh(x)));
}
double acosh(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::acosh(x));
}
float acoshf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(narrow(m::acosh(x)));
}
double atanh(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    m::result_decides_underflow underflow;
    return underflow(m::atanh(x));
}
float atanhf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    m::result_decides_underflow underflow;
    return underflow(narrow(m::atanh(x)));
}

// Classification helpers <math.h> declares; the fpclassify, isnan, isinf,
// isfinite and signbit macros use compiler built-ins and call none of these,
// but older code calls finite() and the __ names directly.
int __fpclassify(double x) noexcept {
    std::uint64_t bits = std::bit_cast<std::uint64_t>(x) & 0x7fffffffffffffffu;
    if (bits == 0) return FP_ZERO;
    if (bits < 0x0010000000000000u) return FP_SUBNORMAL;
    if (bits < 0x7ff0000000000000u) return FP_NORMAL;
    return bits == 0x7ff0000000000000u ? FP_INFINITE : FP_NAN;
}
int __fpclassifyf(float x) noexcept {
    // On the float's own bits: a subnormal float is a normal double.
    std::uint32_t bits = float_bits(x) & 0x7fffffffu;
    if (bits == 0) return FP_ZERO;
    if (bits < 0x00800000u) return FP_SUBNORMAL;
    if (bits < 0x7f800000u) return FP_NORMAL;
    return bits == 0x7f800000u ? FP_INFINITE : FP_NAN;
}
int __signbit(double x) noexcept { return static_cast<int>(std::bit_cast<std::uint64_t>(x) >> 63); }
int __signbitf(float x) noexcept { return static_cast<int>(float_bits(x) >> 31); }
int __isnan(double x) noexcept { return __fpclassify(x) == FP_NAN; }
int __isnanf(float x) noexcept { return __fpclassifyf(x) == FP_NAN; }
int __isinf(double x) noexcept {
    return __fpclassify(x) == FP_INFINITE ? (__signbit(x) ? -1 : 1) : 0;
}
// The float forms test the float's own bits: widening a signalling NaN to
// double would raise invalid, which classification must not.
int __isinff(float x) noexcept {
    return __fpclassifyf(x) == FP_INFINITE ? (__signbitf(x) ? -1 : 1) : 0;
}
// The functions behind the macros' old names (BSD's isnan and isinf as
// functions, which glibc still exports): the same answers.
int isnan(double x) noexcept __attribute__((alias("__isnan")));
int isnanf(float x) noexcept __attribute__((alias("__isnanf")));
int isinf(double x) noexcept __attribute__((alias("__isinf")));
int isinff(float x) noexcept __attribute__((alias("__isinff")));
int __finite(double x) noexcept { return __fpclassify(x) >= FP_ZERO; }
int __finitef(float x) noexcept { return __fpclassifyf(x) >= FP_ZERO; }
int finite(double x) noexcept { return __finite(x); }
int finitef(float x) noexcept { return __finitef(x); }

}  // extern "C"
