// The C names of lwp's special functions (erf, lgamma, tgamma, the Bessel
// functions) and of remquo and nexttoward, over math_error_function.cpp,
// math_gamma.cpp, math_bessel*.cpp, math_remquo.cpp and math_nexttoward.cpp;
// with signgam. Freestanding only, like math_symbols.cpp, whose conventions
// these follow: the float functions compute in double and round once
// (narrow, which also reports a float overflow or underflow to zero).
#include <errno.h>
#include <math.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_underflow.hpp"

namespace m = lwp::libc::math;

extern "C" {

// The sign of Gamma of the last lgamma, lgammaf, gamma or gammaf. glibc's
// functions set __signgam, of which signgam is a weak alias: a program may
// define a signgam of its own (ISO C does not reserve the name), and then
// lgamma leaves it alone. gamma and gammaf, glibc's older lgamma, set both.
int __signgam = 0;
extern int signgam __attribute__((weak, alias("__signgam")));

double erf(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::erf(x));
}
float erff(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::erf(x)));
}
double erfc(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::erfc(x));
}
float erfcf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::erfc(x)));
}

double lgamma(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::lgamma(x, &__signgam));
}
float lgammaf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::lgamma(x, &__signgam)));
}
double lgamma_r(double x, int* sign) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::lgamma(x, sign));
}
float lgammaf_r(float x, int* sign) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::lgamma(x, sign)));
}
double gamma(double x) noexcept {
    int sign;
    double result = m::lgamma(x, &sign);
    signgam = sign;
    __signgam = sign;
    return result;
}
float gammaf(float x) noexcept {
    int sign;
    float result = m::narrow(m::lgamma(x, &sign));
    signgam = sign;
    __signgam = sign;
    return result;
}
double tgamma(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::tgamma(x));
}
float tgammaf(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::tgamma(x)));
}

double j0(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::j0(x));
}
float j0f(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::j0(x)));
}
double j1(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::j1(x));
}
float j1f(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::j1(x)));
}
double jn(int n, double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::jn(n, x));
}
float jnf(int n, float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::jn(n, x)));
}
double y0(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::y0(x));
}
float y0f(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::y0(x)));
}
double y1(double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::y1(x));
}
float y1f(float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::y1(x)));
}
double yn(int n, double x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::yn(n, x));
}
float ynf(int n, float x) noexcept {
    m::result_decides_underflow underflow;
    return underflow(m::narrow(m::yn(n, x)));
}

double remquo(double x, double y, int* quotient) noexcept { return m::remquo(x, y, quotient); }
// Floats' remainders and quotients are exact in double.
float remquof(float x, float y, int* quotient) noexcept {
    return static_cast<float>(m::remquo(x, y, quotient));
}
double nexttoward(double x, long double y) noexcept { return m::nexttoward(x, y); }
float nexttowardf(float x, long double y) noexcept { return m::nexttowardf(x, y); }

}  // extern "C"
