// The C names of <complex.h> for long double _Complex, over the algorithms of
// math_complex_long_double_*.cpp (namespace lwp::libc::math). Freestanding
// only: the hosted unit test compiles the algorithms but not this file.
//
// GCC gives C++ the C _Complex types, so these functions have exactly the C
// calling convention: a long double _Complex argument is passed in memory
// (the two x87 values on the stack) and returned in st(0) (real) and st(1)
// (imaginary).
//
// errno: glibc's complex long double functions set none (cexpl's underflow
// to zero included), but cabsl and cargl, which are hypotl and atan2l.
#include "runtime/libc/math_complex_long_double.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_underflow.hpp"

namespace m = lwp::libc::math;

namespace {

using parts = m::complex_long_parts;

// The result of an exact operation (conjl, cprojl), which raises nothing.
inline long double _Complex make(parts p) noexcept {
    long double _Complex z;
    __real__ z = p.re;
    __imag__ z = p.im;
    return z;
}

// A computed result, with underflow judged by its parts (math_underflow.hpp).
inline long double _Complex make(parts p, m::result_decides_underflow& underflow) noexcept {
    underflow.judge_parts(p.re, p.im);
    return make(p);
}

}  // namespace

extern "C" {

long double creall(long double _Complex z) noexcept { return __real__ z; }
long double cimagl(long double _Complex z) noexcept { return __imag__ z; }
long double _Complex conjl(long double _Complex z) noexcept { return make({__real__ z, -__imag__ z}); }

long double cabsl(long double _Complex z) noexcept { return m::hypotl(__real__ z, __imag__ z); }
long double cargl(long double _Complex z) noexcept { return m::atan2l(__imag__ z, __real__ z); }

long double _Complex cprojl(long double _Complex z) noexcept {
    return make(m::complex_project_long(__real__ z, __imag__ z));
}

long double _Complex cexpl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_exp_long(__real__ z, __imag__ z), underflow);
}

long double _Complex clogl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_log_long(__real__ z, __imag__ z), underflow);
}
long double _Complex clog10l(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_log10_long(__real__ z, __imag__ z), underflow);
}
long double _Complex csqrtl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_sqrt_long(__real__ z, __imag__ z), underflow);
}

long double _Complex cpowl(long double _Complex z, long double _Complex w) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_pow_long({__real__ z, __imag__ z}, {__real__ w, __imag__ w}), underflow);
}

long double _Complex csinl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_sin_long(__real__ z, __imag__ z), underflow);
}
long double _Complex ccosl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_cos_long(__real__ z, __imag__ z), underflow);
}
long double _Complex ctanl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_tan_long(__real__ z, __imag__ z), underflow);
}
long double _Complex csinhl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_sinh_long(__real__ z, __imag__ z), underflow);
}
long double _Complex ccoshl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_cosh_long(__real__ z, __imag__ z), underflow);
}
long double _Complex ctanhl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_tanh_long(__real__ z, __imag__ z), underflow);
}

long double _Complex casinl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_asin_long(__real__ z, __imag__ z), underflow);
}
long double _Complex cacosl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_acos_long(__real__ z, __imag__ z), underflow);
}
long double _Complex catanl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_atan_long(__real__ z, __imag__ z), underflow);
}
long double _Complex casinhl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_asinh_long(__real__ z, __imag__ z), underflow);
}
long double _Complex cacoshl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_acosh_long(__real__ z, __imag__ z), underflow);
}
long double _Complex catanhl(long double _Complex z) noexcept {
    m::result_decides_underflow underflow;
    return make(m::complex_atanh_long(__real__ z, __imag__ z), underflow);
}

// Other names of the functions above, as aliases. GCC knows most of those
// functions as built-ins, with attributes (const, leaf) it warns an alias for
// not repeating; an alias is the same function, so the warning is moot here.
#pragma GCC diagnostic ignored "-Wmissing-attributes"

// The _Float64x names glibc exports for these (on x86-64 _Float64x is long
// double), as aliases of the same code.
long double cabsf64x(long double _Complex z) noexcept __attribute__((alias("cabsl")));
long double _Complex cacosf64x(long double _Complex z) noexcept __attribute__((alias("cacosl")));
long double _Complex cacoshf64x(long double _Complex z) noexcept __attribute__((alias("cacoshl")));
long double cargf64x(long double _Complex z) noexcept __attribute__((alias("cargl")));
long double _Complex casinf64x(long double _Complex z) noexcept __attribute__((alias("casinl")));
long double _Complex casinhf64x(long double _Complex z) noexcept __attribute__((alias("casinhl")));
long double _Complex catanf64x(long double _Complex z) noexcept __attribute__((alias("catanl")));
long double _Complex catanhf64x(long double _Complex z) noexcept __attribute__((alias("catanhl")));
long double _Complex ccosf64x(long double _Complex z) noexcept __attribute__((alias("ccosl")));
long double _Complex ccoshf64x(long double _Complex z) noexcept __attribute__((alias("ccoshl")));
long double _Complex cexpf64x(long double _Complex z) noexcept __attribute__((alias("cexpl")));
long double cimagf64x(long double _Complex z) noexcept __attribute__((alias("cimagl")));
long double _Complex clog10f64x(long double _Complex z) noexcept __attribute__((alias("clog10l")));
long double _Complex clogf64x(long double _Complex z) noexcept __attribute__((alias("clogl")));
long double _Complex conjf64x(long double _Complex z) noexcept __attribute__((alias("conjl")));
long double _Complex cpowf64x(long double _Complex z, long double _Complex w) noexcept
    __attribute__((alias("cpowl")));
long double _Complex cprojf64x(long double _Complex z) noexcept __attribute__((alias("cprojl")));
long double crealf64x(long double _Complex z) noexcept __attribute__((alias("creall")));
long double _Complex csinf64x(long double _Complex z) noexcept __attribute__((alias("csinl")));
long double _Complex csinhf64x(long double _Complex z) noexcept __attribute__((alias("csinhl")));
long double _Complex csqrtf64x(long double _Complex z) noexcept __attribute__((alias("csqrtl")));
long double _Complex ctanf64x(long double _Complex z) noexcept __attribute__((alias("ctanl")));
long double _Complex ctanhf64x(long double _Complex z) noexcept __attribute__((alias("ctanhl")));

// glibc exports clog10l under this name as well.
long double _Complex __clog10l(long double _Complex z) noexcept
    __attribute__((alias("clog10l")));

}  // extern "C"
