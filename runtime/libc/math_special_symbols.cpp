// The C names of lwp's special functions (erf, lgamma, tgamma, the Bessel
// functions) and of remquo and nexttoward, over math_error_function.cpp,
// math_gamma.cpp, math_bessel*.cpp, math_remquo.cpp and math_nexttoward.cpp;
// with signgam. Freestanding only, like math_symbols.cpp, whose conventions
// these follow: the float functions compute in double and round once
// (narrow, which also reports a float overflow or underflow to zero).
#include <errno.h>
#include <math.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_underflow.hpp"

namespace m = lwp::libc::math;

namespace {

// J_n(x) (n != 0) at a nonzero x is never a double or float exactly: a
// subnormal result is tiny and inexact, so underflows, even where the
// rounded result is the exact x/2 (j1(2^-1022) = 2^-1023 in nearest).
double bessel_first_kind_result(double result) noexcept {
    m::underflow_if_subnormal(result, 0x1p-1022);
    return result;
}
float bessel_first_kind_result(float result) noexcept {
    m::underflow_if_subnormal(result, 0x1p-126);
    return result;
}

}  // namespace

extern "C" {

// The sign of Gamma of the last lgamma, lgammaf, gamma or gammaf. glibc's
// functions set __signgam, of which signgam is a weak alias: a program may
// define a signgam of its own (ISO C does not reserve the name), and then
// lgamma leaves it alone. gamma and gammaf, glibc's older lgamma, set both.
int __signgam = 0;
extern int signgam __attribute__((weak, alias("__signgam")));

double erf(double x) noexcept { return m::underflow_judged([&] { return m::erf(x); }); }
float erff(float x) noexcept { return m::underflow_judged([&] { return m::narrow(m::erf(x)); }); }
double erfc(double x) noexcept { return m::underflow_judged([&] { return m::erfc(x); }); }
float erfcf(float x) noexcept { return m::underflow_judged([&] { return m::narrow(m::erfc(x)); }); }

double lgamma(double x) noexcept {
    return m::underflow_judged([&] { return m::lgamma(x, &__signgam); });
}
float lgammaf(float x) noexcept {
    return m::underflow_judged([&] { return m::narrow(m::lgamma(x, &__signgam)); });
}
double lgamma_r(double x, int* sign) noexcept {
    return m::underflow_judged([&] { return m::lgamma(x, sign); });
}
float lgammaf_r(float x, int* sign) noexcept {
    return m::underflow_judged([&] { return m::narrow(m::lgamma(x, sign)); });
}
// gamma and gammaf are lgamma under the older name, so the result decides
// underflow for them as it does for lgamma.
double gamma(double x) noexcept {
    int sign;
    double result = m::underflow_judged([&] { return m::lgamma(x, &sign); });
    signgam = sign;
    __signgam = sign;
    return result;
}
float gammaf(float x) noexcept {
    int sign;
    float result = m::underflow_judged([&] { return m::narrow(m::lgamma(x, &sign)); });
    signgam = sign;
    __signgam = sign;
    return result;
}
double tgamma(double x) noexcept { return m::underflow_judged([&] { return m::tgamma(x); }); }
float tgammaf(float x) noexcept {
    return m::underflow_judged([&] { return m::narrow(m::tgamma(x)); });
}

double j0(double x) noexcept { return m::underflow_judged([&] { return m::j0(x); }); }
float j0f(float x) noexcept { return m::underflow_judged([&] { return m::narrow(m::j0(x)); }); }
double j1(double x) noexcept {
    return bessel_first_kind_result(m::underflow_judged([&] { return m::j1(x); }));
}
float j1f(float x) noexcept {
    return bessel_first_kind_result(m::underflow_judged([&] { return m::narrow(m::j1(x)); }));
}
double jn(int n, double x) noexcept {
    return bessel_first_kind_result(m::underflow_judged([&] { return m::jn(n, x); }));
}
float jnf(int n, float x) noexcept {
    return bessel_first_kind_result(m::underflow_judged([&] { return m::narrow(m::jn(n, x)); }));
}
double y0(double x) noexcept { return m::underflow_judged([&] { return m::y0(x); }); }
float y0f(float x) noexcept { return m::underflow_judged([&] { return m::narrow(m::y0(x)); }); }
double y1(double x) noexcept { return m::underflow_judged([&] { return m::y1(x); }); }
float y1f(float x) noexcept { return m::underflow_judged([&] { return m::narrow(m::y1(x)); }); }
double yn(int n, double x) noexcept { return m::underflow_judged([&] { return m::yn(n, x); }); }
float ynf(int n, float x) noexcept {
    return m::underflow_judged([&] { return m::narrow(m::yn(n, x)); });
}

double remquo(double x, double y, int* quotient) noexcept { return m::remquo(x, y, quotient); }
// Floats' remainders and quotients are exact in double.
float remquof(float x, float y, int* quotient) noexcept {
    return static_cast<float>(m::remquo(x, y, quotient));
}
double nexttoward(double x, long double y) noexcept { return m::nexttoward(x, y); }
float nexttowardf(float x, long double y) noexcept { return m::nexttowardf(x, y); }

// Other names of the functions above, as aliases. GCC knows most of those
// functions as built-ins, with attributes (const, leaf) it warns an alias for
// not repeating; an alias is the same function, so the warning is moot here.
#pragma GCC diagnostic ignored "-Wmissing-attributes"

// The _Float32 names glibc exports for these (_Float32 is float), as aliases
// of the same code.
float erfcf32(float x) noexcept __attribute__((alias("erfcf")));
float erff32(float x) noexcept __attribute__((alias("erff")));
float j0f32(float x) noexcept __attribute__((alias("j0f")));
float j1f32(float x) noexcept __attribute__((alias("j1f")));
float jnf32(int n, float x) noexcept __attribute__((alias("jnf")));
float lgammaf32(float x) noexcept __attribute__((alias("lgammaf")));
float lgammaf32_r(float x, int* sign) noexcept __attribute__((alias("lgammaf_r")));
float remquof32(float x, float y, int* quotient) noexcept __attribute__((alias("remquof")));
float tgammaf32(float x) noexcept __attribute__((alias("tgammaf")));
float y0f32(float x) noexcept __attribute__((alias("y0f")));
float y1f32(float x) noexcept __attribute__((alias("y1f")));
float ynf32(int n, float x) noexcept __attribute__((alias("ynf")));

// The _Float64 and _Float32x names glibc exports for these (both are double
// on x86-64), as aliases of the same code.
double erfcf32x(double x) noexcept __attribute__((alias("erfc")));
double erfcf64(double x) noexcept __attribute__((alias("erfc")));
double erff32x(double x) noexcept __attribute__((alias("erf")));
double erff64(double x) noexcept __attribute__((alias("erf")));
double j0f32x(double x) noexcept __attribute__((alias("j0")));
double j0f64(double x) noexcept __attribute__((alias("j0")));
double j1f32x(double x) noexcept __attribute__((alias("j1")));
double j1f64(double x) noexcept __attribute__((alias("j1")));
double jnf32x(int n, double x) noexcept __attribute__((alias("jn")));
double jnf64(int n, double x) noexcept __attribute__((alias("jn")));
double lgammaf32x(double x) noexcept __attribute__((alias("lgamma")));
double lgammaf32x_r(double x, int* sign) noexcept __attribute__((alias("lgamma_r")));
double lgammaf64(double x) noexcept __attribute__((alias("lgamma")));
double lgammaf64_r(double x, int* sign) noexcept __attribute__((alias("lgamma_r")));
double remquof32x(double x, double y, int* quotient) noexcept __attribute__((alias("remquo")));
double remquof64(double x, double y, int* quotient) noexcept __attribute__((alias("remquo")));
double tgammaf32x(double x) noexcept __attribute__((alias("tgamma")));
double tgammaf64(double x) noexcept __attribute__((alias("tgamma")));
double y0f32x(double x) noexcept __attribute__((alias("y0")));
double y0f64(double x) noexcept __attribute__((alias("y0")));
double y1f32x(double x) noexcept __attribute__((alias("y1")));
double y1f64(double x) noexcept __attribute__((alias("y1")));
double ynf32x(int n, double x) noexcept __attribute__((alias("yn")));
double ynf64(int n, double x) noexcept __attribute__((alias("yn")));

}  // extern "C"
