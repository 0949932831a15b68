// The maximum and minimum operations for _Float128: fmaxf128 fminf128
// (C99: a quiet NaN loses; equal values give x), fmaxmagf128 fminmagf128
// (TS 18661-1, equal magnitudes decided as fmax and fmin would by value),
// C23's fmaximumf128 fminimumf128 fmaximum_numf128 fminimum_numf128 and
// their _mag forms (-0 below +0), and fdimf128. The comparisons are the
// quiet ones, raising invalid for a signalling NaN only; a NaN result comes
// from x + y in that order (soft-fp's choice of operand and invalid for a
// signalling one, as glibc's).
#include <errno.h>
#include <math.h>

#include "runtime/libc/math_float128_bits.hpp"

namespace f = lwp::libc::math::f128;

namespace {

enum class Nan {
    loses_unless_signalling,  // fmax, fmin, fmaxmag, fminmag
    propagated,               // fmaximum, fminimum and their _mag forms
    loses,                    // the _num forms: even a signalling NaN loses
};

// `larger`: the maximum (else the minimum); `by_magnitude`: of |x| and |y|.
template <bool larger, bool by_magnitude, Nan rule, bool signed_zeros_ordered>
__float128 pick(__float128 x, __float128 y) noexcept {
    __float128 a = by_magnitude ? f::magnitude(x) : x;
    __float128 b = by_magnitude ? f::magnitude(y) : y;
    bool x_wins = larger ? __builtin_isgreater(a, b) : __builtin_isless(a, b);
    if (!signed_zeros_ordered && !by_magnitude) {
        // fmax and fmin: a tie goes to x.
        x_wins = larger ? __builtin_isgreaterequal(a, b) : __builtin_islessequal(a, b);
    }
    if (x_wins) return x;
    if (larger ? __builtin_isless(a, b) : __builtin_isgreater(a, b)) return y;
    if (by_magnitude && !signed_zeros_ordered && a == b) {
        // fmaxmag and fminmag: equal magnitudes are decided by value, a tie
        // (+0 and -0, equal) going to y.
        if (larger) return x > y ? x : y;
        return x < y ? x : y;
    }
    if (signed_zeros_ordered && a == b) {
        // Equal values (or magnitudes) differ at most in sign.
        bool x_negative = f::sign_of(x);
        bool y_negative = f::sign_of(y);
        if (larger) return x_negative && !y_negative ? y : x;
        return !x_negative && y_negative ? y : x;
    }
    // At least one NaN.
    switch (rule) {
    case Nan::propagated:
        return f::ordered_sum(x, y);
    case Nan::loses:
        if (!f::is_nan(y)) return y;
        // Two NaNs: glibc's compiled sum has y first here (which matters
        // only when they differ in sign alone).
        return f::is_nan(x) ? f::ordered_sum(y, x) : x;
    default:
        if (f::is_signaling(x) || f::is_signaling(y)) return f::ordered_sum(x, y);
        return f::is_nan(y) ? x : y;
    }
}

}  // namespace

extern "C" {

__float128 fmaxf128(__float128 x, __float128 y) noexcept {
    return pick<true, false, Nan::loses_unless_signalling, false>(x, y);
}
__float128 fminf128(__float128 x, __float128 y) noexcept {
    return pick<false, false, Nan::loses_unless_signalling, false>(x, y);
}
__float128 fmaxmagf128(__float128 x, __float128 y) noexcept {
    return pick<true, true, Nan::loses_unless_signalling, false>(x, y);
}
__float128 fminmagf128(__float128 x, __float128 y) noexcept {
    return pick<false, true, Nan::loses_unless_signalling, false>(x, y);
}
__float128 fmaximumf128(__float128 x, __float128 y) noexcept { return pick<true, false, Nan::propagated, true>(x, y); }
__float128 fminimumf128(__float128 x, __float128 y) noexcept { return pick<false, false, Nan::propagated, true>(x, y); }
__float128 fmaximum_numf128(__float128 x, __float128 y) noexcept { return pick<true, false, Nan::loses, true>(x, y); }
__float128 fminimum_numf128(__float128 x, __float128 y) noexcept { return pick<false, false, Nan::loses, true>(x, y); }
__float128 fmaximum_magf128(__float128 x, __float128 y) noexcept {
    return pick<true, true, Nan::propagated, true>(x, y);
}
__float128 fminimum_magf128(__float128 x, __float128 y) noexcept {
    return pick<false, true, Nan::propagated, true>(x, y);
}
__float128 fmaximum_mag_numf128(__float128 x, __float128 y) noexcept {
    return pick<true, true, Nan::loses, true>(x, y);
}
__float128 fminimum_mag_numf128(__float128 x, __float128 y) noexcept {
    return pick<false, true, Nan::loses, true>(x, y);
}

// x - y when x > y, else +0 (a NaN passes through the subtraction); ERANGE
// when finite operands overflow.
__float128 fdimf128(__float128 x, __float128 y) noexcept {
    if (__builtin_islessequal(x, y)) return 0;
    __float128 difference = x - y;
    if (f::is_inf(difference) && !f::is_inf(x) && !f::is_inf(y)) errno = ERANGE;
    return difference;
}

}  // extern "C"
