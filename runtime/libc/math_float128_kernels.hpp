// The binary128-pair kernels of lwp's transcendental _Float128 functions
// (math_float128_exponential.cpp, math_float128_hyperbolic.cpp): exp, log and
// sqrt to about 220 bits, and the one rounding of such a value to a
// _Float128, built as the long double ones are on long-double-double
// (math_long_double_kernels.hpp).
//
// The kernels run in round-to-nearest with the caller's flags kept aside
// (quiet_nearest_scope): the pair arithmetic's steps are error-free only
// there, and its intermediate roundings raise inexact (and, in soft-fp,
// possibly underflow on tiny low parts) that say nothing of the result. The
// result's own flags come from the final rounding (round_scaled), done after
// the scope in the caller's mode.
#pragma once

#include <errno.h>

#include <cstdint>

#include "arch/x86_64/sse_math.hpp"
#include "arch/x86_64/truncating_arithmetic.hpp"
#include "runtime/libc/math_float128_pair.hpp"

namespace lwp::libc::math::f128 {

// Round to nearest, all exceptions masked, for the scope's lifetime; then
// MXCSR and the x87 control and status words as the caller had them, the
// flags raised meanwhile dropped (soft-fp raises overflow and underflow in
// the x87 status word, the rest in MXCSR). arch::sse::nearest_rounding_scope
// keeps those flags, which is why this one. The x87 meanwhile truncates,
// which only the logarithm's first guess (fyl2x) meets.
class quiet_nearest_scope {
public:
    quiet_nearest_scope() noexcept
        : sse_(lwp::arch::sse::read_status_control()), x87_(lwp::arch::x87::begin_truncating()) {
        lwp::arch::sse::write_status_control((sse_ & ~0x603fu) | 0x1f80u);
    }
    ~quiet_nearest_scope() {
        lwp::arch::x87::end_truncating(x87_);
        lwp::arch::sse::write_status_control(sse_);
    }
    quiet_nearest_scope(const quiet_nearest_scope&) = delete;
    quiet_nearest_scope& operator=(const quiet_nearest_scope&) = delete;

private:
    std::uint32_t sse_;
    lwp::arch::x87::saved_state x87_;
};

inline pair exact(real a) noexcept { return {a, 0}; }

// expm1(r) for |r| <= 0.35, relative error near 2^-218.
pair expm1_reduced(pair r) noexcept;

// exp(z) = value * 2^exponent with value in [0.7, 1.42], for |z.hi| < 11500.
struct scaled_pair {
    pair value;
    int exponent;
};
scaled_pair exp_split(pair z) noexcept;

// log(x * 2^extra_exponent) for a positive finite x with x.hi normal,
// relative error near 2^-218 (absolute near 2^-222 where the result is small).
pair log_of(pair x, int extra_exponent = 0) noexcept;

// log(1 + t) for t > -1, accurate relative to the result however small.
pair log1p_of(pair t) noexcept;

// How the final rounding treats a result's exactness. A pair that should
// hold an exact result (pow(9, 0.5), cbrt(27), log10(100)) holds it give or
// take the evaluation's error, so a low part below 2^-200 of the high one
// is taken for zero there ("snapped"); a genuinely inexact result is that
// close to a binary128 value once in 2^87 or so.
enum class exactness {
    never,            // never exact: inexact even if the low part is 0
    as_computed,      // exact if and only if the low part is 0 (hypot's root)
    snapped,          // snapped, then exact if the low part is 0
    snapped_inexact,  // snapped, but inexact raised anyway, as glibc does
};

// value * 2^exponent rounded once in the current rounding mode (to be called
// outside quiet_nearest_scope), subnormal results included, with the flags of
// that one rounding: inexact, overflow (inf or the largest by the mode and
// sign), underflow (tiny and inexact). |value.hi| within 2^+-60 of 1.
real round_scaled(pair value, int exponent, exactness kind) noexcept;

inline real round_pair(pair value, exactness kind) noexcept { return round_scaled(value, 0, kind); }

// +-inf or +-the largest, by the mode, with overflow and inexact; +-0 or the
// least subnormal likewise with underflow; +-inf with divbyzero.
inline real overflow_value(bool negative) noexcept {
    volatile real huge = power_of_two(16383);
    return (negative ? -huge : huge) * huge;
}
inline real underflow_value(bool negative) noexcept {
    volatile real tiny = power_of_two(-16382);
    return (negative ? -tiny : tiny) * tiny;
}
// x itself for a tiny x where glibc's functions return it: underflow (and
// inexact) for a subnormal x, inexact alone if asked for a nonzero one.
inline real tiny_identity(real x, bool inexact) noexcept {
    if (is_zero(x)) return x;
    if (biased_exponent(x) == 0) {
        volatile real v = x;
        volatile real sink = v * v;
        (void)sink;
    } else if (inexact) {
        raise_inexact();
    }
    return x;
}
inline real pole(bool negative) noexcept {
    volatile real zero = 0;
    return (negative ? real(-1) : real(1)) / zero;
}

// The domain of the functions defined for x > 0 (the logarithms, the Bessel
// functions of the second kind), as glibc's: a NaN for a NaN; for x < 0 and
// -inf EDOM and the default NaN, with invalid; at 0 a pole, -inf with
// divide-by-zero and ERANGE; at +inf `at_infinity`. Otherwise false, and x
// is left to compute.
inline bool positive_domain_special(real x, real at_infinity, real* result) noexcept {
    if (is_nan(x)) {
        *result = x + x;
        return true;
    }
    if (is_zero(x)) {
        errno = ERANGE;
        *result = pole(true);
        return true;
    }
    if (sign_of(x)) {
        errno = EDOM;
        *result = invalid_nan();
        return true;
    }
    if (is_inf(x)) {
        *result = at_infinity;
        return true;
    }
    return false;
}

}  // namespace lwp::libc::math::f128
