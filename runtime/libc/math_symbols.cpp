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
double exp(double x) noexcept { return m::underflow_judged([&] { return m::exp(x); }); }
float expf(float x) noexcept { return m::underflow_judged([&] { return narrow(m::exp(x)); }); }
double exp2(double x) noexcept { return m::underflow_judged([&] { return m::exp2(x); }); }
float exp2f(float x) noexcept { return m::underflow_judged([&] { return narrow(m::exp2(x)); }); }
double expm1(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    return m::underflow_judged([&] { return m::expm1(x); });
}
float expm1f(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::expm1(x)); });
}
double log(double x) noexcept { return m::underflow_judged([&] { return m::log(x); }); }
float logf(float x) noexcept { return m::underflow_judged([&] { return narrow(m::log(x)); }); }
double log2(double x) noexcept { return m::underflow_judged([&] { return m::log2(x); }); }
float log2f(float x) noexcept { return m::underflow_judged([&] { return narrow(m::log2(x)); }); }
double log10(double x) noexcept { return m::underflow_judged([&] { return m::log10(x); }); }
float log10f(float x) noexcept { return m::underflow_judged([&] { return narrow(m::log10(x)); }); }
double log1p(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    return m::underflow_judged([&] { return m::log1p(x); });
}
float log1pf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::log1p(x)); });
}
double pow(double x, double y) noexcept {
    return m::underflow_judged([&] { return m::pow(x, y); });
}
// 10 is exact, so pow's one rounding of the exact power is exp10's too.
// glibc's exp10 reports ERANGE only for a result that is infinite or zero,
// not where a directed rounding stops at the largest double or the least
// subnormal (pow reports those too): errno is the caller's again then.
double exp10(double x) noexcept {
    int caller_errno = errno;
    double result = m::underflow_judged([&] { return m::pow(10.0, x); });
    if (result != 0.0 && __builtin_islessequal(__builtin_fabs(result), 0x1.fffffffffffffp1023))
        errno = caller_errno;
    return result;
}
float exp10f(float x) noexcept {
    return m::underflow_judged([&] { return narrow(m::pow(10.0, x)); });
}
float powf(float x, float y) noexcept {
    if (is_signaling_float(x) || is_signaling_float(y)) return x + y;  // see is_signaling_float
    return m::underflow_judged([&] { return narrow(m::pow(x, y)); });
}
double cbrt(double x) noexcept { return m::underflow_judged([&] { return m::cbrt(x); }); }
float cbrtf(float x) noexcept { return m::underflow_judged([&] { return narrow(m::cbrt(x)); }); }
double hypot(double x, double y) noexcept {
    return m::underflow_judged([&] { return m::hypot(x, y); });
}
float hypotf(float x, float y) noexcept {
    if (is_signaling_float(x) || is_signaling_float(y)) return x + y;
    return m::underflow_judged([&] { return narrow(m::hypot(x, y)); });
}

// Trigonometric functions.
double sin(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    return m::underflow_judged([&] { return m::sin(x); });
}
float sinf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::sin(x)); });
}
double cos(double x) noexcept { return m::underflow_judged([&] { return m::cos(x); }); }
float cosf(float x) noexcept { return m::underflow_judged([&] { return narrow(m::cos(x)); }); }
double tan(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    return m::underflow_judged([&] { return m::tan(x); });
}
float tanf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::tan(x)); });
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
    return m::underflow_judged([&] { return m::asin(x); });
}
float asinf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::asin(x)); });
}
double acos(double x) noexcept { return m::underflow_judged([&] { return m::acos(x); }); }
float acosf(float x) noexcept { return m::underflow_judged([&] { return narrow(m::acos(x)); }); }
double atan(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    return m::underflow_judged([&] { return m::atan(x); });
}
float atanf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::atan(x)); });
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
    return m::underflow_judged([&] { return m::sinh(x); });
}
float sinhf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::sinh(x)); });
}
double cosh(double x) noexcept { return m::underflow_judged([&] { return m::cosh(x); }); }
float coshf(float x) noexcept { return m::underflow_judged([&] { return narrow(m::cosh(x)); }); }
double tanh(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    return m::underflow_judged([&] { return m::tanh(x); });
}
float tanhf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::tanh(x)); });
}
double asinh(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    return m::underflow_judged([&] { return m::asinh(x); });
}
float asinhf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::asinh(x)); });
}
double acosh(double x) noexcept { return m::underflow_judged([&] { return m::acosh(x); }); }
float acoshf(float x) noexcept { return m::underflow_judged([&] { return narrow(m::acosh(x)); }); }
double atanh(double x) noexcept {
    m::underflow_if_subnormal(x, least_normal_double);
    return m::underflow_judged([&] { return m::atanh(x); });
}
float atanhf(float x) noexcept {
    m::underflow_if_subnormal(x, least_normal_float);
    return m::underflow_judged([&] { return narrow(m::atanh(x)); });
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

// Other names of the functions above, as aliases. GCC knows most of those
// functions as built-ins, with attributes (const, leaf) it warns an alias for
// not repeating; an alias is the same function, so the warning is moot here.
#pragma GCC diagnostic ignored "-Wmissing-attributes"

// The _Float32 names glibc exports for these (_Float32 is float), as aliases
// of the same code.
float acosf32(float x) noexcept __attribute__((alias("acosf")));
float acoshf32(float x) noexcept __attribute__((alias("acoshf")));
float asinf32(float x) noexcept __attribute__((alias("asinf")));
float asinhf32(float x) noexcept __attribute__((alias("asinhf")));
float atan2f32(float y, float x) noexcept __attribute__((alias("atan2f")));
float atanf32(float x) noexcept __attribute__((alias("atanf")));
float atanhf32(float x) noexcept __attribute__((alias("atanhf")));
float cbrtf32(float x) noexcept __attribute__((alias("cbrtf")));
float ceilf32(float x) noexcept __attribute__((alias("ceilf")));
float copysignf32(float x, float y) noexcept __attribute__((alias("copysignf")));
float cosf32(float x) noexcept __attribute__((alias("cosf")));
float coshf32(float x) noexcept __attribute__((alias("coshf")));
float exp10f32(float x) noexcept __attribute__((alias("exp10f")));
float exp2f32(float x) noexcept __attribute__((alias("exp2f")));
float expf32(float x) noexcept __attribute__((alias("expf")));
float expm1f32(float x) noexcept __attribute__((alias("expm1f")));
float fabsf32(float x) noexcept __attribute__((alias("fabsf")));
float fdimf32(float x, float y) noexcept __attribute__((alias("fdimf")));
float floorf32(float x) noexcept __attribute__((alias("floorf")));
float fmaf32(float x, float y, float z) noexcept __attribute__((alias("fmaf")));
float fmaxf32(float x, float y) noexcept __attribute__((alias("fmaxf")));
float fminf32(float x, float y) noexcept __attribute__((alias("fminf")));
float fmodf32(float x, float y) noexcept __attribute__((alias("fmodf")));
float frexpf32(float x, int* exponent) noexcept __attribute__((alias("frexpf")));
float hypotf32(float x, float y) noexcept __attribute__((alias("hypotf")));
int ilogbf32(float x) noexcept __attribute__((alias("ilogbf")));
float ldexpf32(float x, int exponent) noexcept __attribute__((alias("ldexpf")));
long long llrintf32(float x) noexcept __attribute__((alias("llrintf")));
long long llroundf32(float x) noexcept __attribute__((alias("llroundf")));
float log10f32(float x) noexcept __attribute__((alias("log10f")));
float log1pf32(float x) noexcept __attribute__((alias("log1pf")));
float log2f32(float x) noexcept __attribute__((alias("log2f")));
float logbf32(float x) noexcept __attribute__((alias("logbf")));
float logf32(float x) noexcept __attribute__((alias("logf")));
long lrintf32(float x) noexcept __attribute__((alias("lrintf")));
long lroundf32(float x) noexcept __attribute__((alias("lroundf")));
float modff32(float x, float* integral) noexcept __attribute__((alias("modff")));
float nanf32(const char* tag) noexcept __attribute__((alias("nanf")));
float nearbyintf32(float x) noexcept __attribute__((alias("nearbyintf")));
float nextafterf32(float x, float y) noexcept __attribute__((alias("nextafterf")));
float powf32(float x, float y) noexcept __attribute__((alias("powf")));
float remainderf32(float x, float y) noexcept __attribute__((alias("remainderf")));
float rintf32(float x) noexcept __attribute__((alias("rintf")));
float roundf32(float x) noexcept __attribute__((alias("roundf")));
float scalblnf32(float x, long exponent) noexcept __attribute__((alias("scalblnf")));
float scalbnf32(float x, int exponent) noexcept __attribute__((alias("scalbnf")));
void sincosf32(float x, float* sine, float* cosine) noexcept __attribute__((alias("sincosf")));
float sinf32(float x) noexcept __attribute__((alias("sinf")));
float sinhf32(float x) noexcept __attribute__((alias("sinhf")));
float sqrtf32(float x) noexcept __attribute__((alias("sqrtf")));
float tanf32(float x) noexcept __attribute__((alias("tanf")));
float tanhf32(float x) noexcept __attribute__((alias("tanhf")));
float truncf32(float x) noexcept __attribute__((alias("truncf")));

// The _Float64 and _Float32x names glibc exports for these (both are double
// on x86-64), as aliases of the same code.
double acosf32x(double x) noexcept __attribute__((alias("acos")));
double acosf64(double x) noexcept __attribute__((alias("acos")));
double acoshf32x(double x) noexcept __attribute__((alias("acosh")));
double acoshf64(double x) noexcept __attribute__((alias("acosh")));
double asinf32x(double x) noexcept __attribute__((alias("asin")));
double asinf64(double x) noexcept __attribute__((alias("asin")));
double asinhf32x(double x) noexcept __attribute__((alias("asinh")));
double asinhf64(double x) noexcept __attribute__((alias("asinh")));
double atan2f32x(double y, double x) noexcept __attribute__((alias("atan2")));
double atan2f64(double y, double x) noexcept __attribute__((alias("atan2")));
double atanf32x(double x) noexcept __attribute__((alias("atan")));
double atanf64(double x) noexcept __attribute__((alias("atan")));
double atanhf32x(double x) noexcept __attribute__((alias("atanh")));
double atanhf64(double x) noexcept __attribute__((alias("atanh")));
double cbrtf32x(double x) noexcept __attribute__((alias("cbrt")));
double cbrtf64(double x) noexcept __attribute__((alias("cbrt")));
double ceilf32x(double x) noexcept __attribute__((alias("ceil")));
double ceilf64(double x) noexcept __attribute__((alias("ceil")));
double copysignf32x(double x, double y) noexcept __attribute__((alias("copysign")));
double copysignf64(double x, double y) noexcept __attribute__((alias("copysign")));
double cosf32x(double x) noexcept __attribute__((alias("cos")));
double cosf64(double x) noexcept __attribute__((alias("cos")));
double coshf32x(double x) noexcept __attribute__((alias("cosh")));
double coshf64(double x) noexcept __attribute__((alias("cosh")));
double exp10f32x(double x) noexcept __attribute__((alias("exp10")));
double exp10f64(double x) noexcept __attribute__((alias("exp10")));
double exp2f32x(double x) noexcept __attribute__((alias("exp2")));
double exp2f64(double x) noexcept __attribute__((alias("exp2")));
double expf32x(double x) noexcept __attribute__((alias("exp")));
double expf64(double x) noexcept __attribute__((alias("exp")));
double expm1f32x(double x) noexcept __attribute__((alias("expm1")));
double expm1f64(double x) noexcept __attribute__((alias("expm1")));
double fabsf32x(double x) noexcept __attribute__((alias("fabs")));
double fabsf64(double x) noexcept __attribute__((alias("fabs")));
double fdimf32x(double x, double y) noexcept __attribute__((alias("fdim")));
double fdimf64(double x, double y) noexcept __attribute__((alias("fdim")));
double floorf32x(double x) noexcept __attribute__((alias("floor")));
double floorf64(double x) noexcept __attribute__((alias("floor")));
double fmaf32x(double x, double y, double z) noexcept __attribute__((alias("fma")));
double fmaf64(double x, double y, double z) noexcept __attribute__((alias("fma")));
double fmaxf32x(double x, double y) noexcept __attribute__((alias("fmax")));
double fmaxf64(double x, double y) noexcept __attribute__((alias("fmax")));
double fminf32x(double x, double y) noexcept __attribute__((alias("fmin")));
double fminf64(double x, double y) noexcept __attribute__((alias("fmin")));
double fmodf32x(double x, double y) noexcept __attribute__((alias("fmod")));
double fmodf64(double x, double y) noexcept __attribute__((alias("fmod")));
double frexpf32x(double x, int* exponent) noexcept __attribute__((alias("frexp")));
double frexpf64(double x, int* exponent) noexcept __attribute__((alias("frexp")));
double hypotf32x(double x, double y) noexcept __attribute__((alias("hypot")));
double hypotf64(double x, double y) noexcept __attribute__((alias("hypot")));
int ilogbf32x(double x) noexcept __attribute__((alias("ilogb")));
int ilogbf64(double x) noexcept __attribute__((alias("ilogb")));
double ldexpf32x(double x, int exponent) noexcept __attribute__((alias("ldexp")));
double ldexpf64(double x, int exponent) noexcept __attribute__((alias("ldexp")));
long long llrintf32x(double x) noexcept __attribute__((alias("llrint")));
long long llrintf64(double x) noexcept __attribute__((alias("llrint")));
long long llroundf32x(double x) noexcept __attribute__((alias("llround")));
long long llroundf64(double x) noexcept __attribute__((alias("llround")));
double log10f32x(double x) noexcept __attribute__((alias("log10")));
double log10f64(double x) noexcept __attribute__((alias("log10")));
double log1pf32x(double x) noexcept __attribute__((alias("log1p")));
double log1pf64(double x) noexcept __attribute__((alias("log1p")));
double log2f32x(double x) noexcept __attribute__((alias("log2")));
double log2f64(double x) noexcept __attribute__((alias("log2")));
double logbf32x(double x) noexcept __attribute__((alias("logb")));
double logbf64(double x) noexcept __attribute__((alias("logb")));
double logf32x(double x) noexcept __attribute__((alias("log")));
double logf64(double x) noexcept __attribute__((alias("log")));
long lrintf32x(double x) noexcept __attribute__((alias("lrint")));
long lrintf64(double x) noexcept __attribute__((alias("lrint")));
long lroundf32x(double x) noexcept __attribute__((alias("lround")));
long lroundf64(double x) noexcept __attribute__((alias("lround")));
double modff32x(double x, double* integral) noexcept __attribute__((alias("modf")));
double modff64(double x, double* integral) noexcept __attribute__((alias("modf")));
double nanf32x(const char* tag) noexcept __attribute__((alias("nan")));
double nanf64(const char* tag) noexcept __attribute__((alias("nan")));
double nearbyintf32x(double x) noexcept __attribute__((alias("nearbyint")));
double nearbyintf64(double x) noexcept __attribute__((alias("nearbyint")));
double nextafterf32x(double x, double y) noexcept __attribute__((alias("nextafter")));
double nextafterf64(double x, double y) noexcept __attribute__((alias("nextafter")));
double powf32x(double x, double y) noexcept __attribute__((alias("pow")));
double powf64(double x, double y) noexcept __attribute__((alias("pow")));
double remainderf32x(double x, double y) noexcept __attribute__((alias("remainder")));
double remainderf64(double x, double y) noexcept __attribute__((alias("remainder")));
double rintf32x(double x) noexcept __attribute__((alias("rint")));
double rintf64(double x) noexcept __attribute__((alias("rint")));
double roundf32x(double x) noexcept __attribute__((alias("round")));
double roundf64(double x) noexcept __attribute__((alias("round")));
double scalblnf32x(double x, long exponent) noexcept __attribute__((alias("scalbln")));
double scalblnf64(double x, long exponent) noexcept __attribute__((alias("scalbln")));
double scalbnf32x(double x, int exponent) noexcept __attribute__((alias("scalbn")));
double scalbnf64(double x, int exponent) noexcept __attribute__((alias("scalbn")));
void sincosf32x(double x, double* sine, double* cosine) noexcept __attribute__((alias("sincos")));
void sincosf64(double x, double* sine, double* cosine) noexcept __attribute__((alias("sincos")));
double sinf32x(double x) noexcept __attribute__((alias("sin")));
double sinf64(double x) noexcept __attribute__((alias("sin")));
double sinhf32x(double x) noexcept __attribute__((alias("sinh")));
double sinhf64(double x) noexcept __attribute__((alias("sinh")));
double sqrtf32x(double x) noexcept __attribute__((alias("sqrt")));
double sqrtf64(double x) noexcept __attribute__((alias("sqrt")));
double tanf32x(double x) noexcept __attribute__((alias("tan")));
double tanf64(double x) noexcept __attribute__((alias("tan")));
double tanhf32x(double x) noexcept __attribute__((alias("tanh")));
double tanhf64(double x) noexcept __attribute__((alias("tanh")));
double truncf32x(double x) noexcept __attribute__((alias("trunc")));
double truncf64(double x) noexcept __attribute__((alias("trunc")));

}  // extern "C"
