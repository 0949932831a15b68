// The C names of <complex.h> for double _Complex and float _Complex, over the
// algorithms of math_complex_*.cpp (namespace lwp::libc::math). Freestanding
// only: the hosted unit test compiles the algorithms but not this file.
//
// GCC gives C++ the C _Complex types, so these functions have exactly the C
// calling convention: a double _Complex in xmm0 (real) and xmm1 (imaginary),
// a float _Complex packed in xmm0.
//
// The float forms convert to double, compute there and round each part once:
// the double parts are within a few double ulps, so the float parts are
// within about half a float ulp (plus, for results in the float subnormal
// range, the second rounding). No long double forms (csqrtl, ...): a program
// that calls one fails to link.
//
// errno: glibc's complex functions set it only through the real functions
// they call: cexp (and so cpow) ERANGE when exp of the real part underflows
// to zero, catanh (catan) ERANGE at the poles +-1 (+-i), cabs as hypot and
// carg as atan2. The algorithms keep errno as it was; the wrappers add these.
#include <errno.h>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_complex.hpp"
#include "runtime/libc/math_underflow.hpp"

namespace m = lwp::libc::math;

namespace {

using parts = m::complex_parts;

// The result of an exact operation (conj, cproj), which raises nothing.
inline double _Complex make(parts p) noexcept {
    double _Complex z;
    __real__ z = p.re;
    __imag__ z = p.im;
    return z;
}

inline float _Complex make_float(parts p) noexcept {
    float _Complex z;
    __real__ z = static_cast<float>(p.re);
    __imag__ z = static_cast<float>(p.im);
    return z;
}

// A computed result, with underflow judged by its parts (math_underflow.hpp).
inline double _Complex make(parts p, m::result_decides_underflow& underflow) noexcept {
    underflow.judge_parts(p.re, p.im);
    return make(p);
}

inline float _Complex make_float(parts p, m::result_decides_underflow& underflow) noexcept {
    float _Complex z = make_float(p);
    underflow.judge_parts(__real__ z, __imag__ z);
    return z;
}

}  // namespace

extern "C" {

double creal(double _Complex z) noexcept { return __real__ z; }
float crealf(float _Complex z) noexcept { return __real__ z; }
double cimag(double _Complex z) noexcept { return __imag__ z; }
float cimagf(float _Complex z) noexcept { return __imag__ z; }
double _Complex conj(double _Complex z) noexcept { return make({__real__ z, -__imag__ z}); }
float _Complex conjf(float _Complex z) noexcept {
    float _Complex r;
    __real__ r = __real__ z;
    __imag__ r = -__imag__ z;
    return r;
}

double cabs(double _Complex z) noexcept { return m::hypot(__real__ z, __imag__ z); }
float cabsf(float _Complex z) noexcept { return m::narrow(m::hypot(__real__ z, __imag__ z)); }
double carg(double _Complex z) noexcept { return m::atan2(__imag__ z, __real__ z); }
float cargf(float _Complex z) noexcept { return m::narrow(m::atan2(__imag__ z, __real__ z)); }

double _Complex cproj(double _Complex z) noexcept { return make(m::complex_project(__real__ z, __imag__ z)); }
float _Complex cprojf(float _Complex z) noexcept {
    return make_float(m::complex_project(__real__ z, __imag__ z));
}

double _Complex cexp(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    parts r = m::complex_exp(__real__ z, __imag__ z);
    m::complex_exp_errno({__real__ z, __imag__ z}, false);
    return make(r, underflow);
}
float _Complex cexpf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    parts r = m::complex_exp(__real__ z, __imag__ z);
    m::complex_exp_errno({__real__ z, __imag__ z}, true);
    return make_float(r, underflow);
}

double _Complex clog(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_log(__real__ z, __imag__ z), underflow);
}
float _Complex clogf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_log(__real__ z, __imag__ z), underflow);
}
double _Complex clog10(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_log10(__real__ z, __imag__ z), underflow);
}
float _Complex clog10f(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_log10(__real__ z, __imag__ z), underflow);
}
double _Complex csqrt(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_sqrt(__real__ z, __imag__ z), underflow);
}
float _Complex csqrtf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_sqrt(__real__ z, __imag__ z), underflow);
}

double _Complex cpow(double _Complex z, double _Complex w) noexcept {
    m::result_decides_underflow underflow;
    parts l = m::complex_log(__real__ z, __imag__ z);
    parts p = m::complex_multiply({__real__ w, __imag__ w}, l);
    parts r = m::complex_exp(p.re, p.im);
    m::complex_exp_errno(p, false);
    return make(r, underflow);
}
float _Complex cpowf(float _Complex z, float _Complex w) noexcept {
    m::result_decides_underflow underflow;
    parts l = m::complex_log(__real__ z, __imag__ z);
    parts p = m::complex_multiply({__real__ w, __imag__ w}, l);
    parts r = m::complex_exp(p.re, p.im);
    m::complex_exp_errno(p, true);
    return make_float(r, underflow);
}

double _Complex csin(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_sin(__real__ z, __imag__ z), underflow);
}
float _Complex csinf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_sin(__real__ z, __imag__ z), underflow);
}
double _Complex ccos(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_cos(__real__ z, __imag__ z), underflow);
}
float _Complex ccosf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_cos(__real__ z, __imag__ z), underflow);
}
double _Complex ctan(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_tan(__real__ z, __imag__ z), underflow);
}
float _Complex ctanf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_tan(__real__ z, __imag__ z), underflow);
}
double _Complex csinh(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_sinh(__real__ z, __imag__ z), underflow);
}
float _Complex csinhf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_sinh(__real__ z, __imag__ z), underflow);
}
double _Complex ccosh(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_cosh(__real__ z, __imag__ z), underflow);
}
float _Complex ccoshf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_cosh(__real__ z, __imag__ z), underflow);
}
double _Complex ctanh(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_tanh(__real__ z, __imag__ z), underflow);
}
float _Complex ctanhf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_tanh(__real__ z, __imag__ z), underflow);
}

double _Complex casin(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_asin(__real__ z, __imag__ z), underflow);
}
float _Complex casinf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_asin(__real__ z, __imag__ z), underflow);
}
double _Complex cacos(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_acos(__real__ z, __imag__ z), underflow);
}
float _Complex cacosf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_acos(__real__ z, __imag__ z), underflow);
}
double _Complex catan(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    parts r = m::complex_atan(__real__ z, __imag__ z);
    m::complex_atanh_pole_errno(__imag__ z, __real__ z);
    return make(r, underflow);
}
float _Complex catanf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    parts r = m::complex_atan(__real__ z, __imag__ z);
    m::complex_atanh_pole_errno(__imag__ z, __real__ z);
    return make_float(r, underflow);
}
double _Complex casinh(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_asinh(__real__ z, __imag__ z), underflow);
}
float _Complex casinhf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_asinh(__real__ z, __imag__ z), underflow);
}
double _Complex cacosh(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_acosh(__real__ z, __imag__ z), underflow);
}
float _Complex cacoshf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make_float(m::complex_acosh(__real__ z, __imag__ z), underflow);
}
double _Complex catanh(double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    parts r = m::complex_atanh(__real__ z, __imag__ z);
    m::complex_atanh_pole_errno(__real__ z, __imag__ z);
    return make(r, underflow);
}
float _Complex catanhf(float _Complex z) noexcept {
    m::result_decides_underflow underflow;
    parts r = m::complex_atanh(__real__ z, __imag__ z);
    m::complex_atanh_pole_errno(__real__ z, __imag__ z);
    return make_float(r, underflow);
}

// Other names of the functions above, as aliases. GCC knows most of those
// functions as built-ins, with attributes (const, leaf) it warns an alias for
// not repeating; an alias is the same function, so the warning is moot here.
#pragma GCC diagnostic ignored "-Wmissing-attributes"

// The _Float32 names glibc exports for these (_Float32 is float), as aliases
// of the same code.
float cabsf32(float _Complex z) noexcept __attribute__((alias("cabsf")));
float _Complex cacosf32(float _Complex z) noexcept __attribute__((alias("cacosf")));
float _Complex cacoshf32(float _Complex z) noexcept __attribute__((alias("cacoshf")));
float cargf32(float _Complex z) noexcept __attribute__((alias("cargf")));
float _Complex casinf32(float _Complex z) noexcept __attribute__((alias("casinf")));
float _Complex casinhf32(float _Complex z) noexcept __attribute__((alias("casinhf")));
float _Complex catanf32(float _Complex z) noexcept __attribute__((alias("catanf")));
float _Complex catanhf32(float _Complex z) noexcept __attribute__((alias("catanhf")));
float _Complex ccosf32(float _Complex z) noexcept __attribute__((alias("ccosf")));
float _Complex ccoshf32(float _Complex z) noexcept __attribute__((alias("ccoshf")));
float _Complex cexpf32(float _Complex z) noexcept __attribute__((alias("cexpf")));
float cimagf32(float _Complex z) noexcept __attribute__((alias("cimagf")));
float _Complex clog10f32(float _Complex z) noexcept __attribute__((alias("clog10f")));
float _Complex clogf32(float _Complex z) noexcept __attribute__((alias("clogf")));
float _Complex conjf32(float _Complex z) noexcept __attribute__((alias("conjf")));
float _Complex cpowf32(float _Complex z, float _Complex w) noexcept __attribute__((alias("cpowf")));
float _Complex cprojf32(float _Complex z) noexcept __attribute__((alias("cprojf")));
float crealf32(float _Complex z) noexcept __attribute__((alias("crealf")));
float _Complex csinf32(float _Complex z) noexcept __attribute__((alias("csinf")));
float _Complex csinhf32(float _Complex z) noexcept __attribute__((alias("csinhf")));
float _Complex csqrtf32(float _Complex z) noexcept __attribute__((alias("csqrtf")));
float _Complex ctanf32(float _Complex z) noexcept __attribute__((alias("ctanf")));
float _Complex ctanhf32(float _Complex z) noexcept __attribute__((alias("ctanhf")));

// The _Float64 and _Float32x names glibc exports for these (both are double
// on x86-64), as aliases of the same code.
double cabsf32x(double _Complex z) noexcept __attribute__((alias("cabs")));
double cabsf64(double _Complex z) noexcept __attribute__((alias("cabs")));
double _Complex cacosf32x(double _Complex z) noexcept __attribute__((alias("cacos")));
double _Complex cacosf64(double _Complex z) noexcept __attribute__((alias("cacos")));
double _Complex cacoshf32x(double _Complex z) noexcept __attribute__((alias("cacosh")));
double _Complex cacoshf64(double _Complex z) noexcept __attribute__((alias("cacosh")));
double cargf32x(double _Complex z) noexcept __attribute__((alias("carg")));
double cargf64(double _Complex z) noexcept __attribute__((alias("carg")));
double _Complex casinf32x(double _Complex z) noexcept __attribute__((alias("casin")));
double _Complex casinf64(double _Complex z) noexcept __attribute__((alias("casin")));
double _Complex casinhf32x(double _Complex z) noexcept __attribute__((alias("casinh")));
double _Complex casinhf64(double _Complex z) noexcept __attribute__((alias("casinh")));
double _Complex catanf32x(double _Complex z) noexcept __attribute__((alias("catan")));
double _Complex catanf64(double _Complex z) noexcept __attribute__((alias("catan")));
double _Complex catanhf32x(double _Complex z) noexcept __attribute__((alias("catanh")));
double _Complex catanhf64(double _Complex z) noexcept __attribute__((alias("catanh")));
double _Complex ccosf32x(double _Complex z) noexcept __attribute__((alias("ccos")));
double _Complex ccosf64(double _Complex z) noexcept __attribute__((alias("ccos")));
double _Complex ccoshf32x(double _Complex z) noexcept __attribute__((alias("ccosh")));
double _Complex ccoshf64(double _Complex z) noexcept __attribute__((alias("ccosh")));
double _Complex cexpf32x(double _Complex z) noexcept __attribute__((alias("cexp")));
double _Complex cexpf64(double _Complex z) noexcept __attribute__((alias("cexp")));
double cimagf32x(double _Complex z) noexcept __attribute__((alias("cimag")));
double cimagf64(double _Complex z) noexcept __attribute__((alias("cimag")));
double _Complex clog10f32x(double _Complex z) noexcept __attribute__((alias("clog10")));
double _Complex clog10f64(double _Complex z) noexcept __attribute__((alias("clog10")));
double _Complex clogf32x(double _Complex z) noexcept __attribute__((alias("clog")));
double _Complex clogf64(double _Complex z) noexcept __attribute__((alias("clog")));
double _Complex conjf32x(double _Complex z) noexcept __attribute__((alias("conj")));
double _Complex conjf64(double _Complex z) noexcept __attribute__((alias("conj")));
double _Complex cpowf32x(double _Complex z, double _Complex w) noexcept
    __attribute__((alias("cpow")));
double _Complex cpowf64(double _Complex z, double _Complex w) noexcept
    __attribute__((alias("cpow")));
double _Complex cprojf32x(double _Complex z) noexcept __attribute__((alias("cproj")));
double _Complex cprojf64(double _Complex z) noexcept __attribute__((alias("cproj")));
double crealf32x(double _Complex z) noexcept __attribute__((alias("creal")));
double crealf64(double _Complex z) noexcept __attribute__((alias("creal")));
double _Complex csinf32x(double _Complex z) noexcept __attribute__((alias("csin")));
double _Complex csinf64(double _Complex z) noexcept __attribute__((alias("csin")));
double _Complex csinhf32x(double _Complex z) noexcept __attribute__((alias("csinh")));
double _Complex csinhf64(double _Complex z) noexcept __attribute__((alias("csinh")));
double _Complex csqrtf32x(double _Complex z) noexcept __attribute__((alias("csqrt")));
double _Complex csqrtf64(double _Complex z) noexcept __attribute__((alias("csqrt")));
double _Complex ctanf32x(double _Complex z) noexcept __attribute__((alias("ctan")));
double _Complex ctanf64(double _Complex z) noexcept __attribute__((alias("ctan")));
double _Complex ctanhf32x(double _Complex z) noexcept __attribute__((alias("ctanh")));
double _Complex ctanhf64(double _Complex z) noexcept __attribute__((alias("ctanh")));

// glibc exports clog10 and clog10f under these names as well.
double _Complex __clog10(double _Complex z) noexcept __attribute__((alias("clog10")));
float _Complex __clog10f(float _Complex z) noexcept __attribute__((alias("clog10f")));

}  // extern "C"
