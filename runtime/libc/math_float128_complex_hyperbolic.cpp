// csinhf128, ccoshf128, ctanhf128 and the circular csinf128, ccosf128,
// ctanf128: csinhl, ccoshl, ctanhl, ... (math_complex_long_double_hyperbolic.cpp)
// one precision up, on binary128 pairs. sinh and cosh of the real part
// (the kernels of sinhf128 and coshf128) and sin and cos of the imaginary
// part (sincosf128's) multiplied in pairs and each part rounded once in the
// caller's mode, the exponent carried apart (cosh(x) sin(y) may be finite
// where cosh(x) is not); glibc rounds sinh, cosh, sin, cos and then each
// product, so its parts may differ by an ulp or a few. Tiny arguments keep
// their second-order terms relative to the value (t^2/6 would underflow as
// an absolute low part long before t does), so that a directed rounding
// still sees on which side of t or 1 the part lies.
//  - csinh: sinh x cos y + i cosh x sin y; ccosh: cosh x cos y + i sinh x sin y.
//  - ctanh: (sinh x cosh x + i sin y cos y) / (sinh^2 x + cos^2 y), whose
//    denominator is a sum of squares (no cancellation at the poles); beyond
//    |x| = 80, +-1 (on the side of 1 cos 2y gives) + i 4 sin y cos y e^-2|x|.
//  - csin(z) = -i csinh(iz), ccos(z) = ccosh(iz), ctan(z) = -i ctanh(iz), as
//    glibc's: the finite values from the same kernels with the parts
//    exchanged (sin(x + iy) is sinh(y + ix) with its parts exchanged, tan
//    likewise), ccos literally ccosh(-y + ix).
// Special values and flags as glibc's templates (C11 Annex G): a NaN they
// make is the positive default NaN, not the argument's, and their
// classification of the parts raises invalid for a signalling NaN; a part
// below the normal range raises underflow (glibc's forced check), and so
// does a subnormal real part where glibc's sinh meets it. None sets errno:
// glibc's complex f128 functions call the kernels of sinh, cosh and exp,
// which set none.
#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_float128_kernels.hpp"
#include "runtime/libc/math_float128_trigonometric.hpp"

namespace f = lwp::libc::math::f128;
using f::normalized;
using f::pair;
using f::positive_nan;
using f::real;
using f::times_power_of_two;

namespace {

using complex128 = f::complex;
using sine_cosine = f::signed_sine_cosine;

// The least normal value, glibc's M_MIN: at or below it glibc takes sin y
// = y and cos y = 1 (and ctanh sinh x = x and cosh x = 1) without calling
// the functions, so those values are exact there.
bool at_most_least_normal(real v) noexcept { return f::magnitude(v) <= f::power_of_two(-16382); }

// (t and 2t in glibc's templates: beyond |x| = 11356, e^|x| is not finite;
// ctanh's real part is exactly +-1 beyond |x| = 5678, its imaginary part
// computed alone.)
constexpr int tanh_exact_one = 5678;

// Beyond this |x|, e^-|x| is below 2^-230 of e^|x|: sinh and cosh are both
// e^|x|/2 to that precision, and tanh's real part lies within 2^-228 of 1.
constexpr int hyperbolic_far = 80;
// Beyond this |x|, cosh(x) times the smallest nonzero sine (2^-16494)
// overflows: (16384 + 16494) log 2 is about 22790.
constexpr int hyperbolic_overflow = 23000;
// Beyond this |x|, 4 |sin y cos y| e^-2|x| <= 2 e^-2|x| is below a quarter
// of the least subnormal, 2^-16496: (16497 log 2)/2 is about 5717.5.
constexpr int tanh_imaginary_underflow = 5720;

// Below this, an argument's fourth-order term is below 2^-228 relative:
// sinh t = t (1 + t^2/6), cosh t = 1 + t^2/2, sin t = t (1 - t^2/6),
// cos t = 1 - t^2/2 to the pairs' precision. (Where t^2/6 is near that
// precision, only this form tells reliably on which side of t the value
// lies, which a directed rounding needs.)
constexpr real tiny_argument = 0x1p-57;

pair magnitude_of(pair v) noexcept { return v.hi < 0 ? -v : v; }

// sinh a and cosh a for a finite a >= 0, as values * 2^exponent (both the
// same power), rounding to nearest.
struct hyperbolic_pair {
    pair sinh_value;
    pair cosh_value;
    int exponent;
    bool overflows;  // beyond any finite product but with 0
    bool exact;      // a = 0: 0 and 1
};

hyperbolic_pair hyperbolic_of(real a) noexcept {
    if (f::is_zero(a)) return {f::exact(0), f::exact(1), 0, false, true};
    // sinh a = a, cosh a = 1 to 2^-228 (what ctanh needs; csinh and ccosh
    // keep the second-order terms, tiny_factor).
    if (a < f::power_of_two(-114)) return {f::exact(a), f::exact(1), 0, false, false};
    if (a < hyperbolic_far) {
        // With E = e^a - 1 (expm1's kernel where a is small; e^a is below
        // 2^116 here): sinh a = (E + E/(E + 1))/2, which does not cancel;
        // cosh a = 1 + E^2/(2(E + 1)), or (e^a + e^-a)/2 away from 0.
        pair e;
        if (a <= real(0.35)) {
            e = f::expm1_reduced(f::exact(a));
        } else {
            f::scaled_pair ex = f::exp_split(f::exact(a));
            e = f::scale(ex.value, f::power_of_two(ex.exponent)) - real(1);
        }
        pair one_more = e + real(1);
        pair sh = f::scale(e + e / one_more, real(0.5));
        pair ch = a <= real(0.35) ? f::scale(e * e / one_more, real(0.5)) + real(1)
                                  : f::scale(one_more + f::exact(1) / one_more, real(0.5));
        return {sh, ch, 0, false, false};
    }
    if (a > hyperbolic_overflow) return {f::exact(1), f::exact(1), 0, true, false};
    f::scaled_pair e;
    if (a < 11000) {
        e = f::exp_split(f::exact(a));
    } else {
        // exp_split takes |a| < 11500: e^a = (e^(a/2))^2, a/2 exact.
        f::scaled_pair half = f::exp_split(f::exact(a * real(0.5)));
        e.value = half.value * half.value;
        e.exponent = 2 * half.exponent;
    }
    return {e.value, e.value, e.exponent - 1, false, false};
}

// A result part before its one rounding: value * 2^exponent, the value
// signed with its high part in [1, 2) in magnitude, or a signed zero.
struct unrounded {
    pair value;
    int exponent;
};

unrounded signed_zero(bool negative) noexcept { return {f::exact(negative ? real(-0.0) : real(0)), 0}; }

// |a| |b| 2^exponent with the sign given (in the pairs' arithmetic: run
// rounding to nearest, flags set aside).
unrounded pair_product_of(pair a, pair b, int exponent, bool negative) noexcept {
    if (f::is_zero(a.hi) || f::is_zero(b.hi)) return signed_zero(negative);
    pair p = normalized(magnitude_of(a), &exponent) * normalized(magnitude_of(b), &exponent);
    p = normalized(p, &exponent);
    return {negative ? -p : p, exponent};
}

// The part rounded once in the caller's mode: inexact (and underflow,
// overflow) unless `exact`, where the value is exact unless its pair says
// otherwise (a product of two exact factors). A subnormal result raises
// underflow (with inexact) even when exact, as glibc's forced check of each
// part does.
real rounded(unrounded u, bool exact) noexcept {
    if (f::is_zero(u.value.hi)) return u.value.hi;
    real v = f::round_scaled(u.value, u.exponent, exact ? f::exactness::as_computed : f::exactness::never);
    if (f::biased_exponent(v) == 0 && !f::is_zero(v)) f::raise_underflow();
    return v;
}

struct parts {
    real re;
    real im;
};

// glibc's sinh of a subnormal argument raises underflow even where the
// product it enters is zero.
void sinh_underflow(real x) noexcept {
    if (!f::is_zero(x) && f::biased_exponent(x) == 0) f::raise_underflow();
}

// glibc's templates compute their threshold t, (int) (16383 log 2) or half
// that, at run time (libm is built with -frounding-math, which keeps GCC
// from folding an inexact operation): the conversion raises inexact in every
// call with finite parts, whatever the result.
void threshold_inexact() noexcept { f::raise_inexact(); }

// A factor of a product: value * 2^exponent, the value's high part in
// [1, 2) in magnitude (or zero).
struct factor {
    pair value;
    int exponent;
    real t;  // a tiny argument whose second-order term is c t^2, or 0
    real c;
};

factor factor_of(pair v, int exponent) noexcept {
    if (f::is_zero(v.hi)) return {v, 0, 0, 0};
    v = normalized(magnitude_of(v), &exponent);
    return {v, exponent, 0, 0};
}

// |t| (1 + c t^2) (sinh, sin) or 1 + c t^2 (cosh, cos) for a tiny t, the
// term kept relative to the normalized value: as an absolute low part it
// would underflow for |t| below 2^-5461, relative only below 2^-8191.
factor tiny_factor(real t, bool odd, real c) noexcept {
    int exponent = 0;
    pair m = odd ? normalized(f::exact(f::magnitude(t)), &exponent) : f::exact(1);
    return {{m.hi, m.hi * (c * t * t)}, exponent, t, c};
}

// |a| |b| 2^exponent with the sign given. Where both factors carry a tiny
// argument's term and both terms are below 2^-16000 (lost to underflow in
// the pairs) or cancel in them, the product's side of its high part is the
// sign of c1 t1^2 + c2 t2^2, found with both arguments scaled by one power
// of two; where that is 0 (sinh t sin t, cosh t cos t), the fourth-order
// terms make it negative (-t^4/90, -t^4/6).
unrounded product_of(const factor& a, const factor& b, bool negative) noexcept {
    if (f::is_zero(a.value.hi) || f::is_zero(b.value.hi)) return signed_zero(negative);
    int exponent = a.exponent + b.exponent;
    pair p = normalized(a.value * b.value, &exponent);
    real ta = f::magnitude(a.t);
    real tb = f::magnitude(b.t);
    bool lost = (ta < f::power_of_two(-8000) && tb < f::power_of_two(-8000)) || f::is_zero(p.lo);
    if (!f::is_zero(ta) && !f::is_zero(tb) && lost) {
        int k = 0;
        normalized(f::exact(ta > tb ? ta : tb), &k);
        real sa = times_power_of_two(ta, -k);
        real sb = times_power_of_two(tb, -k);
        real d = a.c * sa * sa + b.c * sb * sb;
        p.lo = f::with_sign_of(p.hi * f::power_of_two(-220), f::is_zero(d) ? real(-1) : d);
    }
    return {negative ? -p : p, exponent};
}

// sinh x cos y + i cosh x sin y (csinh), or cosh x cos y + i sinh x sin y
// (ccosh), for finite x and y.
parts finite_hyperbolic(real x, real y, bool cosh_first) noexcept {
    threshold_inexact();
    unrounded re;
    unrounded im;
    bool exact;
    {
        f::quiet_nearest_scope nearest;
        sine_cosine sc = f::signed_sin_cos_of(y);
        real a = f::magnitude(x);
        hyperbolic_pair h = hyperbolic_of(a);
        exact = sc.exact && h.exact;
        bool x_negative = f::sign_of(x);
        bool re_negative = (sc.cosine.hi < 0) != (!cosh_first && x_negative);
        bool im_negative = f::sign_of(sc.sine.hi) != (cosh_first && x_negative);
        if (h.overflows) {
            // Only a zero sine keeps a part finite (a zero).
            re = {f::exact(re_negative ? -1 : 1), 20000};
            im = f::is_zero(sc.sine.hi) ? signed_zero(im_negative) : unrounded{f::exact(im_negative ? -1 : 1), 20000};
        } else {
            // (A y at most the least normal, whose sin and cos glibc takes
            // for exact, has its terms too unless x = 0: they decide the
            // side of a product that is inexact anyway.)
            bool tiny_x = !h.exact && a < tiny_argument;
            bool tiny_y = !h.exact && !f::is_zero(y) && f::magnitude(y) < tiny_argument;
            factor sinh_factor = tiny_x ? tiny_factor(a, true, real(1) / 6) : factor_of(h.sinh_value, h.exponent);
            factor cosh_factor = tiny_x ? tiny_factor(a, false, real(0.5)) : factor_of(h.cosh_value, h.exponent);
            factor sine = tiny_y ? tiny_factor(y, true, real(-1) / 6) : factor_of(sc.sine, 0);
            factor cosine = tiny_y ? tiny_factor(y, false, real(-0.5)) : factor_of(sc.cosine, 0);
            re = product_of(cosh_first ? cosh_factor : sinh_factor, cosine, re_negative);
            im = product_of(cosh_first ? sinh_factor : cosh_factor, sine, im_negative);
        }
    }
    sinh_underflow(x);
    return {rounded(re, exact), rounded(im, exact)};
}

parts finite_sinh(real x, real y) noexcept { return finite_hyperbolic(x, y, false); }
parts finite_cosh(real x, real y) noexcept { return finite_hyperbolic(x, y, true); }

// A subnormal part as glibc's forced underflow check leaves it: x itself,
// underflow with inexact when it is subnormal.
real tiny_part(real v) noexcept {
    if (!f::is_zero(v) && f::biased_exponent(v) == 0) f::raise_underflow();
    return v;
}

// tanh(x + iy) for finite x and y.
parts finite_tanh(real x, real y) noexcept {
    threshold_inexact();
    // Both parts at most the least normal value: glibc's sinh x = x,
    // cosh x = 1, sin y = y, cos y = 1 make the result x + iy.
    if (at_most_least_normal(x) && at_most_least_normal(y)) return {tiny_part(x), tiny_part(y)};
    real ax = f::magnitude(x);
    bool re_negative = f::sign_of(x);
    unrounded re;
    unrounded im;
    bool re_exact = false;  // glibc's exact +-1
    {
        f::quiet_nearest_scope nearest;
        sine_cosine sc = f::signed_sin_cos_of(y);
        bool im_negative = f::sign_of(sc.sine.hi) != (sc.cosine.hi < 0);
        if (ax > hyperbolic_far) {
            // The real part: |tanh| = 1 - 2 (cos 2y + e^-2|x|) e^-2|x| (1 +
            // O(e^-2|x|)), within 2^-228 of 1, so only its side of 1 matters
            // to the rounding: below it where cos 2y > 0 (e^-2|x| is below
            // the pair's error), above it otherwise (glibc's exactly +-1
            // beyond 5678). The imaginary part 4 sin y cos y e^-2|x|,
            // perhaps subnormal.
            if (ax > tanh_exact_one) {
                re = {f::exact(re_negative ? -1 : 1), 0};
                re_exact = true;
            } else {
                pair cos_2y = (sc.cosine - sc.sine) * (sc.cosine + sc.sine);
                pair near_one = {1, cos_2y.hi > 0 ? -f::power_of_two(-200) : f::power_of_two(-200)};
                re = {re_negative ? -near_one : near_one, 0};
            }
            if (f::is_zero(sc.sine.hi)) {
                im = signed_zero(im_negative);
            } else if (ax > tanh_imaginary_underflow) {
                im = {f::exact(im_negative ? -1 : 1), -20000};
            } else {
                f::scaled_pair e = f::exp_split(f::exact(-2 * ax));
                im = pair_product_of(sc.sine * sc.cosine, e.value, e.exponent + 2, im_negative);
            }
        } else if (ax < tiny_argument && f::magnitude(y) < tiny_argument) {
            // Both parts tiny: tanh(x + iy) = x (1 - x^2/3) (1 + y^2) +
            // i y (1 + y^2/3) (1 - x^2) to about 2^-227, the terms kept relative
            // (product_of). glibc's exact sin y = y, cos y = 1 at or below
            // the least normal drop y's terms, its sinh x = x, cosh x = 1
            // there x's.
            bool x_terms = !at_most_least_normal(x);
            bool y_terms = !sc.exact;
            factor one = {f::exact(1), 0, 0, 0};
            factor re_x = x_terms ? tiny_factor(x, true, real(-1) / 3) : factor_of(f::exact(x), 0);
            factor re_y = y_terms ? tiny_factor(y, false, real(1)) : one;
            factor im_y = y_terms ? tiny_factor(y, true, real(1) / 3) : factor_of(f::exact(y), 0);
            factor im_x = x_terms ? tiny_factor(x, false, real(-1)) : one;
            re = product_of(re_x, re_y, re_negative);
            im = product_of(im_y, im_x, f::sign_of(y));
        } else {
            hyperbolic_pair h = hyperbolic_of(ax);
            // The small factors (sinh x = x, sin y = y when tiny) moved into
            // [1, 2) so that the quotients lose nothing to underflow; the
            // denominator is at least cos^2 y, above 2^-260 for any y.
            pair denominator = h.sinh_value * h.sinh_value + sc.cosine * sc.cosine;
            int re_exponent = 0;
            int im_exponent = 0;
            if (f::is_zero(h.sinh_value.hi)) {
                re = signed_zero(re_negative);
            } else {
                pair sh = normalized(h.sinh_value, &re_exponent);
                pair q = normalized(sh * h.cosh_value / denominator, &re_exponent);
                re = {re_negative ? -q : q, re_exponent};
            }
            if (f::is_zero(sc.sine.hi)) {
                im = signed_zero(im_negative);
            } else {
                pair s = normalized(magnitude_of(sc.sine), &im_exponent);
                pair q = normalized(s * magnitude_of(sc.cosine) / denominator, &im_exponent);
                im = {im_negative ? -q : q, im_exponent};
            }
        }
    }
    return {rounded(re, re_exact), rounded(im, false)};
}

// Whether sin v and cos v have opposite signs (their product's), for a
// finite v: glibc's sincos there, whose inexact it raises.
bool sine_cosine_product_negative(real v) noexcept {
    sine_cosine sc;
    {
        f::quiet_nearest_scope nearest;
        sc = f::signed_sin_cos_of(v);
    }
    f::raise_inexact();
    return f::sign_of(sc.sine.hi) != (sc.cosine.hi < 0);
}

// Infinities of the signs of sin v and cos v (v finite and nonzero),
// raising sincos's inexact unless glibc takes v and 1.
parts infinities_by_sine_cosine(real v) noexcept {
    sine_cosine sc;
    {
        f::quiet_nearest_scope nearest;
        sc = f::signed_sin_cos_of(v);
    }
    if (!sc.exact) f::raise_inexact();
    real infinity = __builtin_inff128();
    return {f::with_sign_of(infinity, sc.sine.hi), f::with_sign_of(infinity, sc.cosine.hi)};
}

complex128 make(parts p) noexcept { return f::make_complex(p.re, p.im); }

// glibc's fpclassify of the parts raises invalid for a signalling NaN in
// either, whatever the branch then does with it.
void classify(real x, real y) noexcept {
    if (f::is_signaling(x) || f::is_signaling(y)) f::raise_invalid();
}

complex128 complex_cosh(real x, real y) noexcept {
    classify(x, y);
    if (f::is_finite(x)) {
        if (f::is_finite(y)) return make(finite_cosh(x, y));
        // An infinite or NaN y: y - y (invalid for an infinity) and a zero
        // imaginary part for x = 0, a NaN otherwise (no invalid of its own).
        real n = y - y;
        return f::make_complex(n, f::is_zero(x) ? real(0) : positive_nan());
    }
    real infinity = __builtin_inff128();
    if (f::is_inf(x)) {
        if (f::is_finite(y) && !f::is_zero(y)) {
            parts signs = infinities_by_sine_cosine(y);
            real im = f::sign_of(x) ? -signs.re : signs.re;
            return f::make_complex(signs.im, im);
        }
        if (f::is_zero(y)) return f::make_complex(infinity, f::sign_of(x) ? -y : y);
        return f::make_complex(infinity, y - y);
    }
    return f::make_complex(positive_nan(), f::is_zero(y) ? y : positive_nan());
}

}  // namespace

extern "C" {

complex128 csinhf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    classify(x, y);
    bool negative = f::sign_of(x);
    if (f::is_finite(x)) {
        if (f::is_finite(y)) return make(finite_sinh(x, y));
        // An infinite or NaN y: a zero x keeps its zero, else no direction.
        if (f::is_zero(x)) return f::make_complex(x, y - y);
        f::raise_invalid();
        return f::make_complex(positive_nan(), positive_nan());
    }
    real infinity = __builtin_inff128();
    if (f::is_inf(x)) {
        if (f::is_finite(y) && !f::is_zero(y)) {
            parts signs = infinities_by_sine_cosine(y);
            return f::make_complex(negative ? -signs.im : signs.im, signs.re);
        }
        if (f::is_zero(y)) return f::make_complex(x, y);
        return f::make_complex(infinity, y - y);
    }
    return f::make_complex(positive_nan(), f::is_zero(y) ? y : positive_nan());
}

complex128 ccoshf128(complex128 z) noexcept { return complex_cosh(__real__ z, __imag__ z); }

complex128 csinf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    classify(x, y);
    bool negative = f::sign_of(x);
    real infinity = __builtin_inff128();
    if (f::is_finite(y)) {
        if (f::is_finite(x)) {
            // sin(x + iy) = cosh y sin x + i sinh y cos x: sinh(y + ix)
            // with its parts exchanged.
            parts h = finite_sinh(y, x);
            return f::make_complex(h.im, h.re);
        }
        // An infinite or NaN x: a zero y keeps its zero, else no direction.
        // (glibc works on |x|: the NaN loses its sign.)
        if (f::is_zero(y)) return f::make_complex(f::magnitude(x) - f::magnitude(x), y);
        f::raise_invalid();
        return f::make_complex(positive_nan(), positive_nan());
    }
    if (f::is_inf(y)) {
        if (f::is_zero(x)) return f::make_complex(x, y);
        if (f::is_finite(x)) {
            parts signs = infinities_by_sine_cosine(f::magnitude(x));
            real re = negative ? -signs.re : signs.re;
            real im = f::sign_of(y) ? -signs.im : signs.im;
            return f::make_complex(re, im);
        }
        return f::make_complex(f::magnitude(x) - f::magnitude(x), infinity);
    }
    // A NaN y.
    return f::make_complex(f::is_zero(x) ? x : positive_nan(), positive_nan());
}

// cos(x + iy) = cosh(i(x + iy)) = cosh(-y + ix), as glibc computes it.
complex128 ccosf128(complex128 z) noexcept { return complex_cosh(-__imag__ z, __real__ z); }

complex128 ctanhf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    classify(x, y);
    if (f::is_finite(x) && f::is_finite(y)) return make(finite_tanh(x, y));
    if (f::is_inf(x)) {
        // +-1 with a zero whose sign is sin 2y's for |y| > 1 (where it is
        // meaningful), y's otherwise.
        real im = f::with_sign_of(0, y);
        if (f::is_finite(y) && f::magnitude(y) > 1) im = sine_cosine_product_negative(y) ? real(-0.0) : real(0);
        return f::make_complex(f::with_sign_of(1, x), im);
    }
    if (f::is_zero(y)) return z;
    if (f::is_inf(y)) f::raise_invalid();
    return f::make_complex(f::is_zero(x) ? x : positive_nan(), positive_nan());
}

complex128 ctanf128(complex128 z) noexcept {
    real x = __real__ z;
    real y = __imag__ z;
    classify(x, y);
    if (f::is_finite(x) && f::is_finite(y)) {
        // tan(x + iy) = -i tanh(-y + ix): tanh(y + ix) with its parts
        // exchanged (its real part is odd in y, its imaginary part even).
        parts h = finite_tanh(y, x);
        return f::make_complex(h.im, h.re);
    }
    if (f::is_inf(y)) {
        real re = f::with_sign_of(0, x);
        if (f::is_finite(x) && f::magnitude(x) > 1) re = sine_cosine_product_negative(x) ? real(-0.0) : real(0);
        return f::make_complex(re, f::with_sign_of(1, y));
    }
    if (f::is_zero(x)) return z;
    if (f::is_inf(x)) f::raise_invalid();
    return f::make_complex(positive_nan(), f::is_zero(y) ? y : positive_nan());
}

}  // extern "C"
