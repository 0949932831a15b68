// The maximum and minimum operations of C23 (glibc 2.35's fmaximum,
// fminimum, fmaximum_num, fminimum_num, fmaximum_mag, fminimum_mag,
// fmaximum_mag_num, fminimum_mag_num) and of TS 18661-1 (fmaxmag, fminmag),
// for float, double and long double, with the _Float32, _Float64, _Float32x
// and _Float64x names. They differ from fmax and fmin in two ways: -0 counts
// as less than +0, and a NaN operand is handled by one of three rules:
//   - fmaximum, fminimum and their _mag forms: a NaN in, a NaN out (x + y,
//     which makes a signalling NaN quiet with invalid);
//   - the _num forms: a number wins over any NaN, quiet or signalling, but a
//     signalling one still raises invalid (in the comparison);
//   - fmaxmag and fminmag: a number wins over a quiet NaN only; a signalling
//     NaN gives a NaN, with invalid.
// The comparisons are the quiet ones (isgreater, isless), so a quiet NaN
// raises nothing; for long double they are x87 comparisons, which, as with
// glibc, raise invalid on the encodings the x87 does not support (unnormals,
// pseudo-infinities, pseudo-NaNs) and treat them as NaNs.
#include <math.h>

namespace {

enum class Nan { propagated, loses, loses_unless_signalling };

// |x| in x's own type (a conversion would make a signalling NaN quiet).
float magnitude(float x) noexcept { return __builtin_fabsf(x); }
double magnitude(double x) noexcept { return __builtin_fabs(x); }
long double magnitude(long double x) noexcept { return __builtin_fabsl(x); }

int signalling(float x) noexcept { return __issignalingf(x); }
int signalling(double x) noexcept { return __issignaling(x); }
int signalling(long double x) noexcept { return __issignalingl(x); }

// The sum of two operands, at least one a NaN, with `first` as the first
// operand of the SSE addition, which returns that operand's NaN (made quiet)
// when both are NaNs. Which one glibc's compiled code has first differs by
// function (x for fmaximum, fmaxmag and the like, y for the _num forms, as
// measured), and the compiler may swap the operands of +, so they are fixed
// here. (The x87's addition picks the NaN with the larger significand,
// whichever operand it is.)
float nan_sum(float first, float second) noexcept {
    asm("addss %1, %0" : "+x"(first) : "x"(second));
    return first;
}
double nan_sum(double first, double second) noexcept {
    asm("addsd %1, %0" : "+x"(first) : "x"(second));
    return first;
}
long double nan_sum(long double first, long double second) noexcept { return first + second; }

// The larger (larger == true) or smaller of x and y, by value or by
// magnitude, with the NaN rule given.
template <bool larger, bool by_magnitude, Nan rule, typename Real>
Real pick(Real x, Real y) noexcept {
    Real a = by_magnitude ? magnitude(x) : x;
    Real b = by_magnitude ? magnitude(y) : y;
    if (larger ? __builtin_isgreater(a, b) : __builtin_isless(a, b)) return x;
    if (larger ? __builtin_isless(a, b) : __builtin_isgreater(a, b)) return y;
    if (a == b) {
        if (rule == Nan::loses_unless_signalling) {
            // TS 18661-1's fmaxmag and fminmag: equal magnitudes are
            // decided by fmax and fmin, x > y itself (so +0 and -0, equal,
            // give y).
            if (larger) return x > y ? x : y;
            return x < y ? x : y;
        }
        // Equal values (or magnitudes) differ at most in sign: the maximum
        // is the positive one, the minimum the negative one.
        bool x_negative = __builtin_signbit(x) != 0;
        bool y_negative = __builtin_signbit(y) != 0;
        if (larger) return !x_negative || y_negative ? x : y;
        return x_negative || !y_negative ? x : y;
    }
    // At least one NaN.
    switch (rule) {
    case Nan::propagated:
        return nan_sum(x, y);
    case Nan::loses:
        if (!__builtin_isnan(y)) return y;
        return __builtin_isnan(x) ? nan_sum(y, x) : x;
    case Nan::loses_unless_signalling:
        if (signalling(x) || signalling(y)) return nan_sum(x, y);
        return __builtin_isnan(y) ? x : y;
    }
    return nan_sum(x, y);
}

}  // namespace

// Each name for the three types, and its _FloatN aliases.
#define LWP_MAXIMUM_MINIMUM(name, larger, by_magnitude, rule)                                   \
    double name(double x, double y) noexcept { return pick<larger, by_magnitude, rule>(x, y); } \
    float name##f(float x, float y) noexcept { return pick<larger, by_magnitude, rule>(x, y); } \
    long double name##l(long double x, long double y) noexcept {                                \
        return pick<larger, by_magnitude, rule>(x, y);                                          \
    }                                                                                           \
    double name##f32x(double, double) noexcept __attribute__((alias(#name)));                   \
    double name##f64(double, double) noexcept __attribute__((alias(#name)));                    \
    float name##f32(float, float) noexcept __attribute__((alias(#name "f")));                   \
    long double name##f64x(long double, long double) noexcept __attribute__((alias(#name "l")));

extern "C" {

LWP_MAXIMUM_MINIMUM(fmaximum, true, false, Nan::propagated)
LWP_MAXIMUM_MINIMUM(fminimum, false, false, Nan::propagated)
LWP_MAXIMUM_MINIMUM(fmaximum_num, true, false, Nan::loses)
LWP_MAXIMUM_MINIMUM(fminimum_num, false, false, Nan::loses)
LWP_MAXIMUM_MINIMUM(fmaximum_mag, true, true, Nan::propagated)
LWP_MAXIMUM_MINIMUM(fminimum_mag, false, true, Nan::propagated)
LWP_MAXIMUM_MINIMUM(fmaximum_mag_num, true, true, Nan::loses)
LWP_MAXIMUM_MINIMUM(fminimum_mag_num, false, true, Nan::loses)
LWP_MAXIMUM_MINIMUM(fmaxmag, true, true, Nan::loses_unless_signalling)
LWP_MAXIMUM_MINIMUM(fminmag, false, true, Nan::loses_unless_signalling)

}  // extern "C"
