// drem scalb significand and their float forms: obsolete names glibc's
// libm still exports, on top of lwp's remainder, scalbn and ilogb, with
// glibc's results and errno:
// - drem(x, y) is remainder(x, y);
// - scalb(x, n) scales by 2^n for an integral double n: NaN and EDOM when
//   n is not integral, overflow or underflow to zero ERANGE; an infinite n
//   scales to infinity or zero without errno (0 by +inf, inf by -inf:
//   NaN, invalid);
// - significand(x) is x scaled into [1, 2) (scalb by -ilogb(x)); ilogb's
//   EDOM for 0, infinity and NaN shows through, as in glibc.
#include <errno.h>
#include <math.h>

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

double significand(double x) noexcept { return scale_quietly(x, -static_cast<double>(ilogb(x))); }
float significandf(float x) noexcept { return scale_quietly(x, -static_cast<float>(ilogbf(x))); }

}  // extern "C"
