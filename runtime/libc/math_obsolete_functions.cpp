// drem scalb significand and their float and long double forms: obsolete
// names glibc's libm still exports, on top of lwp's remainder, scalbn and
// ilogb, with glibc's results and errno:
// - drem(x, y) is remainder(x, y) (dreml, an alias of remainderl, is in
//   math_long_double_symbols.cpp);
// - scalb(x, n) scales by 2^n for an integral double n: NaN and EDOM when
//   n is not integral, overflow or underflow to zero ERANGE; an infinite n
//   scales to infinity or zero without errno (0 by +inf, inf by -inf:
//   NaN, invalid);
// - significand(x) is x scaled into [1, 2) (scalb by -ilogb(x)); ilogb's
//   EDOM for 0, infinity and NaN shows through, as in glibc.
// glibc's x86-64 scalbl and significandl are x87 instructions (fscale,
// fxtract) rather than these formulas; where that shows, lwp's follow them
// (below).
#include <errno.h>
#include <math.h>

#include "arch/x86_64/x87_math.hpp"
#include "runtime/libc/math_long_double_bits.hpp"

namespace {

// scalb without errno: the scaling itself (glibc's internal form).
template <class Real>
Real scale_quietly(Real x, Real n) {
    if (isnan(x)) return x * n;
    if (!isfinite(n)) {
        if (isnan(n) || n > 0) return x * n;
        if (x == 0) return x;
        return x / -n;
    }
    int saved = errno;  // scalbn reports overflow itself; scalb decides below
    Real result;
    if (fabs(n) >= 0x1p31 || static_cast<Real>(static_cast<int>(n)) != n) {
        if (rint(n) != n)
            result = (n - n) / (n - n);  // not integral: NaN, invalid
        else
            result = scalbn(x, n > 0 ? 65000 : -65000);  // far past any range either way
    } else {
        result = scalbn(x, static_cast<int>(n));
    }
    errno = saved;
    return result;
}

template <class Real>
Real scale(Real x, Real n) {
    Real result = scale_quietly(x, n);
    if (isnan(result)) {
        if (!isnan(x) && !isnan(n)) errno = EDOM;
    } else if (isinf(result)) {
        if (!isinf(x) && !isinf(n)) errno = ERANGE;
    } else if (result == 0 && x != 0 && !isinf(n)) {
        errno = ERANGE;
    }
    return result;
}

}  // namespace

extern "C" {

double drem(double x, double y) noexcept { return remainder(x, y); }
float dremf(float x, float y) noexcept { return remainderf(x, y); }

double scalb(double x, double n) noexcept { return scale(x, n); }
float scalbf(float x, float n) noexcept { return scale(x, n); }

// glibc's scalbl agrees with scalb but in two cases.
// - It classifies its arguments as the x87 does (fxam), and to the x87 the
//   invalid encodings of the format (an unnormal: a nonzero exponent with the
//   integer bit clear; pseudo-NaNs and pseudo-infinities among them) are
//   neither NaNs nor infinities: scaled by -inf, such an x gives a zero of
//   its sign, as a finite one does (FE_INVALID from comparing x with 0);
//   scaled by a number, the default NaN (FE_INVALID, and FE_INEXACT when n
//   is not an integer, from rounding it), without errno.
// - A NaN x scaled by -inf gives the one quiet NaN glibc's table holds (a
//   positive double NaN with 0x7fff in its top 16 bits, widened), whatever
//   the NaN was, raising nothing.
long double scalbl(long double x, long double n) noexcept {
    lwp::libc::math::long_double_bits bits = lwp::libc::math::bits_of_long(x);
    bool unnormal = (bits.sign_exponent & 0x7fffu) != 0 &&
                    (bits.mantissa & lwp::libc::math::long_integer_bit) == 0;
    bool minus_infinity = isinf(n) && n < 0;
    if (unnormal) {
        if (minus_infinity) return x != 0 && signbit(x) ? -0.0L : 0.0L;
        if (!isnan(n)) return x * rintl(n);
    }
    if (minus_infinity && isnan(x)) return __builtin_nanl("0x3800000000000000");
    return scale(x, n);
}

double significand(double x) noexcept { return scale_quietly(x, -static_cast<double>(ilogb(x))); }
float significandf(float x) noexcept { return scale_quietly(x, -static_cast<float>(ilogbf(x))); }
// glibc's significandl is fxtract: the same results, but no errno (and
// FE_DIVBYZERO for a zero).
long double significandl(long double x) noexcept {
    return lwp::arch::x87::extract_significand(x);
}

}  // extern "C"
