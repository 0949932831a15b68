"""The zeros of lgamma below -2, shared by the double and the long double
coefficient generators (math_coefficients.py, math_long_double_coefficients.py).

Two zeros lie in each interval (-n-1, -n), n >= 2, one each side of the
minimum of |Gamma| there, closer to the poles as n grows. Each is found by
bisection on the sign of lgamma, at mpmath's current precision.
"""
import mpmath


def lgamma_zeros(mantissa_bits, edge):
    """(zero, distance to its nearer pole) for every zero in (-40, -2) that
    has at least two ulps of a `mantissa_bits`-bit format between it and the
    pole; `edge` keeps the bisection off the poles themselves."""

    def lg(x):
        return mpmath.re(mpmath.loggamma(x))

    def bisect(lo, hi):
        f_lo = lg(lo) > 0
        for _ in range(400):
            mid = (lo + hi) / 2
            if (lg(mid) > 0) == f_lo:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2

    zeros = []
    for n in range(2, 40):
        a = mpmath.mpf(-n - 1)
        b = mpmath.mpf(-n)
        minimum = mpmath.findroot(lambda x: mpmath.psi(0, x), a + (b - a) / 2)
        for z in (bisect(a + edge, minimum), bisect(minimum, b - edge)):
            pole_distance = min(z - a, b - z)
            ulp = mpmath.mpf(2) ** (int(mpmath.floor(mpmath.log(abs(z), 2))) - (mantissa_bits - 1))
            if pole_distance >= 2 * ulp:
                zeros.append((z, pole_distance))
    zeros.sort(key=lambda item: -item[0])
    return zeros
