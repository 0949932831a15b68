// The C names of lwp's long double math functions (declared by glibc's
// <math.h>), over the algorithms in namespace lwp::libc::math
// (math_long_double_*.cpp). Freestanding only: the hosted unit test compiles
// the algorithms but not this file. Each function is in its own section.
#include <math.h>

#include <cstdint>

#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_underflow.hpp"

namespace m = lwp::libc::math;

extern "C" {

extern int __signgam;
extern int signgam;

// Exact operations.
long double fabsl(long double x) noexcept { return m::fabsl(x); }
long double copysignl(long double x, long double y) noexcept { return m::copysignl(x, y); }
long double floorl(long double x) noexcept { return m::floorl(x); }
long double ceill(long double x) noexcept { return m::ceill(x); }
long double truncl(long double x) noexcept { return m::truncl(x); }
long double roundl(long double x) noexcept { return m::roundl(x); }
long lroundl(long double x) noexcept { return m::lroundl(x); }
long long llroundl(long double x) noexcept { return m::lroundl(x); }
long double rintl(long double x) noexcept { return m::rintl(x); }
long double nearbyintl(long double x) noexcept { return m::nearbyintl(x); }
long lrintl(long double x) noexcept { return m::lrintl(x); }
long long llrintl(long double x) noexcept { return m::lrintl(x); }
long double fmodl(long double x, long double y) noexcept { return m::fmodl(x, y); }
long double remainderl(long double x, long double y) noexcept { return m::remainderl(x, y); }
long double remquol(long double x, long double y, int* quotient) noexcept {
    return m::remquol(x, y, quotient);
}
long double sqrtl(long double x) noexcept { return m::sqrtl(x); }
long double fmaxl(long double x, long double y) noexcept { return m::fmaxl(x, y); }
long double fminl(long double x, long double y) noexcept { return m::fminl(x, y); }
long double fdiml(long double x, long double y) noexcept { return m::fdiml(x, y); }
long double frexpl(long double x, int* exponent) noexcept { return m::frexpl(x, exponent); }
long double ldexpl(long double x, int exponent) noexcept { return m::ldexpl(x, exponent); }
long double scalbnl(long double x, int exponent) noexcept { return m::ldexpl(x, exponent); }
long double scalblnl(long double x, long exponent) noexcept { return m::ldexpl(x, exponent); }
long double modfl(long double x, long double* integral) noexcept { return m::modfl(x, integral); }
int ilogbl(long double x) noexcept { return m::ilogbl(x); }
long double logbl(long double x) noexcept { return m::logbl(x); }
long double nextafterl(long double x, long double y) noexcept { return m::nextafterl(x, y); }
long double nexttowardl(long double x, long double y) noexcept { return m::nextafterl(x, y); }
long double nanl(const char* tag) noexcept { return m::nanl(tag); }
long double fmal(long double x, long double y, long double z) noexcept { return m::fmal(x, y, z); }

// Exponentials, logarithms, powers and roots.
long double expl(long double x) noexcept { return m::underflow_judged([&] { return m::expl(x); }); }
long double exp2l(long double x) noexcept {
    return m::underflow_judged([&] { return m::exp2l(x); });
}
long double exp10l(long double x) noexcept {
    return m::underflow_judged([&] { return m::exp10l(x); });
}
long double expm1l(long double x) noexcept {
    return m::underflow_judged([&] { return m::expm1l(x); });
}
long double logl(long double x) noexcept { return m::underflow_judged([&] { return m::logl(x); }); }
long double log2l(long double x) noexcept {
    return m::underflow_judged([&] { return m::log2l(x); });
}
long double log10l(long double x) noexcept {
    return m::underflow_judged([&] { return m::log10l(x); });
}
long double log1pl(long double x) noexcept {
    return m::underflow_judged([&] { return m::log1pl(x); });
}
long double powl(long double x, long double y) noexcept {
    return m::underflow_judged([&] { return m::powl(x, y); });
}
long double cbrtl(long double x) noexcept {
    return m::underflow_judged([&] { return m::cbrtl(x); });
}
long double hypotl(long double x, long double y) noexcept {
    return m::underflow_judged([&] { return m::hypotl(x, y); });
}

// Trigonometric functions.
long double sinl(long double x) noexcept { return m::underflow_judged([&] { return m::sinl(x); }); }
long double cosl(long double x) noexcept { return m::underflow_judged([&] { return m::cosl(x); }); }
long double tanl(long double x) noexcept { return m::underflow_judged([&] { return m::tanl(x); }); }
// GCC turns sinl(x) and cosl(x) of one x into a call of sincosl.
void sincosl(long double x, long double* sine, long double* cosine) noexcept {
    m::sincosl(x, sine, cosine);
}
long double asinl(long double x) noexcept {
    return m::underflow_judged([&] { return m::asinl(x); });
}
long double acosl(long double x) noexcept {
    return m::underflow_judged([&] { return m::acosl(x); });
}
long double atanl(long double x) noexcept {
    return m::underflow_judged([&] { return m::atanl(x); });
}
long double atan2l(long double y, long double x) noexcept {
    return m::underflow_judged([&] { return m::atan2l(y, x); });
}

// Hyperbolic functions.
long double sinhl(long double x) noexcept {
    return m::underflow_judged([&] { return m::sinhl(x); });
}
long double coshl(long double x) noexcept {
    return m::underflow_judged([&] { return m::coshl(x); });
}
long double tanhl(long double x) noexcept {
    return m::underflow_judged([&] { return m::tanhl(x); });
}
long double asinhl(long double x) noexcept {
    return m::underflow_judged([&] { return m::asinhl(x); });
}
long double acoshl(long double x) noexcept {
    return m::underflow_judged([&] { return m::acoshl(x); });
}
long double atanhl(long double x) noexcept {
    return m::underflow_judged([&] { return m::atanhl(x); });
}

// The error function and its complement.
long double erfl(long double x) noexcept { return m::underflow_judged([&] { return m::erfl(x); }); }
long double erfcl(long double x) noexcept {
    return m::underflow_judged([&] { return m::erfcl(x); });
}

// log|Gamma| and Gamma. lgammal and gammal set the sign of Gamma in
// __signgam (math_special_symbols.cpp, of which signgam is a weak alias);
// gammal, glibc's older name, sets signgam too, as gamma does.
long double lgammal(long double x) noexcept {
    return m::underflow_judged([&] { return m::lgammal(x, &__signgam); });
}
long double lgammal_r(long double x, int* sign) noexcept {
    return m::underflow_judged([&] { return m::lgammal(x, sign); });
}
long double gammal(long double x) noexcept {
    int sign;
    long double result = m::lgammal(x, &sign);
    signgam = sign;
    __signgam = sign;
    return result;
}
long double tgammal(long double x) noexcept {
    return m::underflow_judged([&] { return m::tgammal(x); });
}

// The Bessel functions.
long double j0l(long double x) noexcept { return m::underflow_judged([&] { return m::j0l(x); }); }
long double j1l(long double x) noexcept { return m::underflow_judged([&] { return m::j1l(x); }); }
long double jnl(int n, long double x) noexcept {
    return m::underflow_judged([&] { return m::jnl(n, x); });
}
long double y0l(long double x) noexcept { return m::underflow_judged([&] { return m::y0l(x); }); }
long double y1l(long double x) noexcept { return m::underflow_judged([&] { return m::y1l(x); }); }
long double ynl(int n, long double x) noexcept {
    return m::underflow_judged([&] { return m::ynl(n, x); });
}

// Classification helpers <math.h> declares for long double (the macros use
// compiler built-ins; these are for code that calls the names), with glibc's
// view of the x87 format's invalid encodings: an "unnormal" (nonzero
// exponent, integer bit clear), a pseudo-infinity and a pseudo-NaN are NaNs;
// a pseudo-denormal (exponent 0, integer bit set) is normal.
int __fpclassifyl(long double x) noexcept {
    m::long_double_bits b = m::bits_of_long(x);
    unsigned field = b.sign_exponent & 0x7fffu;
    if (field == 0 && b.mantissa == 0) return FP_ZERO;
    if (field == 0 && (b.mantissa & m::long_integer_bit) == 0) return FP_SUBNORMAL;
    if ((b.mantissa & m::long_integer_bit) == 0) return FP_NAN;
    if (field == 0x7fff) return b.mantissa == m::long_integer_bit ? FP_INFINITE : FP_NAN;
    return FP_NORMAL;
}
// Nonzero for a negative sign, as glibc's gives it (the built-in: 512 here).
int __signbitl(long double x) noexcept { return __builtin_signbitl(x); }
// Nonzero for a NaN, with glibc's values: 0xffff for a NaN proper (an
// unnormal with exponent 0x7fff included), 1 for another unnormal.
int __isnanl(long double x) noexcept {
    m::long_double_bits b = m::bits_of_long(x);
    unsigned field = b.sign_exponent & 0x7fffu;
    int unnormal = field != 0 && (b.mantissa & m::long_integer_bit) == 0 ? 1 : 0;
    if (field == 0x7fff && (b.mantissa & ~m::long_integer_bit) != 0) return 0xffff | unnormal;
    return unnormal;
}
int isnanl(long double x) noexcept { return __isnanl(x); }
int __isinfl(long double x) noexcept {
    if (!m::long_is_inf(x)) return 0;
    return m::long_sign(x) ? -1 : 1;
}
int isinfl(long double x) noexcept { return __isinfl(x); }
int __finitel(long double x) noexcept { return m::long_is_finite(x) ? 1 : 0; }
int finitel(long double x) noexcept { return __finitel(x); }

// Other names of the functions above, as aliases. GCC knows most of those
// functions as built-ins, with attributes (const, leaf) it warns an alias for
// not repeating; an alias is the same function, so the warning is moot here.
#pragma GCC diagnostic ignored "-Wmissing-attributes"

// The _Float64x names glibc exports for these (on x86-64 _Float64x is long
// double), as aliases of the same code.
long double acosf64x(long double x) noexcept __attribute__((alias("acosl")));
long double acoshf64x(long double x) noexcept __attribute__((alias("acoshl")));
long double asinf64x(long double x) noexcept __attribute__((alias("asinl")));
long double asinhf64x(long double x) noexcept __attribute__((alias("asinhl")));
long double atan2f64x(long double y, long double x) noexcept __attribute__((alias("atan2l")));
long double atanf64x(long double x) noexcept __attribute__((alias("atanl")));
long double atanhf64x(long double x) noexcept __attribute__((alias("atanhl")));
long double cbrtf64x(long double x) noexcept __attribute__((alias("cbrtl")));
long double ceilf64x(long double x) noexcept __attribute__((alias("ceill")));
long double copysignf64x(long double x, long double y) noexcept __attribute__((alias("copysignl")));
long double cosf64x(long double x) noexcept __attribute__((alias("cosl")));
long double coshf64x(long double x) noexcept __attribute__((alias("coshl")));
long double erfcf64x(long double x) noexcept __attribute__((alias("erfcl")));
long double erff64x(long double x) noexcept __attribute__((alias("erfl")));
long double exp10f64x(long double x) noexcept __attribute__((alias("exp10l")));
long double exp2f64x(long double x) noexcept __attribute__((alias("exp2l")));
long double expf64x(long double x) noexcept __attribute__((alias("expl")));
long double expm1f64x(long double x) noexcept __attribute__((alias("expm1l")));
long double fabsf64x(long double x) noexcept __attribute__((alias("fabsl")));
long double fdimf64x(long double x, long double y) noexcept __attribute__((alias("fdiml")));
long double floorf64x(long double x) noexcept __attribute__((alias("floorl")));
long double fmaf64x(long double x, long double y, long double z) noexcept
    __attribute__((alias("fmal")));
long double fmaxf64x(long double x, long double y) noexcept __attribute__((alias("fmaxl")));
long double fminf64x(long double x, long double y) noexcept __attribute__((alias("fminl")));
long double fmodf64x(long double x, long double y) noexcept __attribute__((alias("fmodl")));
long double frexpf64x(long double x, int* exponent) noexcept __attribute__((alias("frexpl")));
long double hypotf64x(long double x, long double y) noexcept __attribute__((alias("hypotl")));
int ilogbf64x(long double x) noexcept __attribute__((alias("ilogbl")));
long double j0f64x(long double x) noexcept __attribute__((alias("j0l")));
long double j1f64x(long double x) noexcept __attribute__((alias("j1l")));
long double jnf64x(int n, long double x) noexcept __attribute__((alias("jnl")));
long double ldexpf64x(long double x, int exponent) noexcept __attribute__((alias("ldexpl")));
long double lgammaf64x(long double x) noexcept __attribute__((alias("lgammal")));
long double lgammaf64x_r(long double x, int* sign) noexcept __attribute__((alias("lgammal_r")));
long long llrintf64x(long double x) noexcept __attribute__((alias("llrintl")));
long long llroundf64x(long double x) noexcept __attribute__((alias("llroundl")));
long double log10f64x(long double x) noexcept __attribute__((alias("log10l")));
long double log1pf64x(long double x) noexcept __attribute__((alias("log1pl")));
long double log2f64x(long double x) noexcept __attribute__((alias("log2l")));
long double logbf64x(long double x) noexcept __attribute__((alias("logbl")));
long double logf64x(long double x) noexcept __attribute__((alias("logl")));
long lrintf64x(long double x) noexcept __attribute__((alias("lrintl")));
long lroundf64x(long double x) noexcept __attribute__((alias("lroundl")));
long double modff64x(long double x, long double* integral) noexcept __attribute__((alias("modfl")));
long double nanf64x(const char* tag) noexcept __attribute__((alias("nanl")));
long double nearbyintf64x(long double x) noexcept __attribute__((alias("nearbyintl")));
long double nextafterf64x(long double x, long double y) noexcept
    __attribute__((alias("nextafterl")));
long double powf64x(long double x, long double y) noexcept __attribute__((alias("powl")));
long double remainderf64x(long double x, long double y) noexcept
    __attribute__((alias("remainderl")));
long double remquof64x(long double x, long double y, int* quotient) noexcept
    __attribute__((alias("remquol")));
long double rintf64x(long double x) noexcept __attribute__((alias("rintl")));
long double roundf64x(long double x) noexcept __attribute__((alias("roundl")));
long double scalblnf64x(long double x, long exponent) noexcept __attribute__((alias("scalblnl")));
long double scalbnf64x(long double x, int exponent) noexcept __attribute__((alias("scalbnl")));
void sincosf64x(long double x, long double* sine, long double* cosine) noexcept
    __attribute__((alias("sincosl")));
long double sinf64x(long double x) noexcept __attribute__((alias("sinl")));
long double sinhf64x(long double x) noexcept __attribute__((alias("sinhl")));
long double sqrtf64x(long double x) noexcept __attribute__((alias("sqrtl")));
long double tanf64x(long double x) noexcept __attribute__((alias("tanl")));
long double tanhf64x(long double x) noexcept __attribute__((alias("tanhl")));
long double tgammaf64x(long double x) noexcept __attribute__((alias("tgammal")));
long double truncf64x(long double x) noexcept __attribute__((alias("truncl")));
long double y0f64x(long double x) noexcept __attribute__((alias("y0l")));
long double y1f64x(long double x) noexcept __attribute__((alias("y1l")));
long double ynf64x(int n, long double x) noexcept __attribute__((alias("ynl")));

// dreml: glibc's older name of remainderl (drem and dremf are in
// math_obsolete_functions.cpp).
long double dreml(long double x, long double y) noexcept __attribute__((alias("remainderl")));

}  // extern "C"
