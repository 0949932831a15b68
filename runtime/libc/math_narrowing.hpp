// TS 18661-1's narrowing arithmetic (math_narrowing.cpp): an operation on
// wider operands whose exact result is rounded once, in the current rounding
// mode, to a narrower type. The C names (fadd, ffmal, dsqrtl, and the
// TS 18661-3 f32addf64 ... aliases) are in math_narrowing_symbols.cpp.
#pragma once

#include <errno.h>

namespace lwp::libc::math {

enum class narrowing_operation { add, subtract, multiply, divide };

// errno as glibc's libm sets it after a narrowing x op y (math_narrowing.cpp
// and, with _Float128 operands, math_float128_narrowing.cpp): EDOM for a NaN
// from non-NaN operands, ERANGE for an infinity from finite ones (x / 0, a
// pole, included) and for a zero that the exact result was not.
template <typename Narrow, typename Wide>
void set_narrowing_errno(narrowing_operation op, Narrow result, Wide x, Wide y) noexcept {
    bool domain = false;
    bool range = false;
    if (!__builtin_isfinite(result)) {
        if (__builtin_isnan(result)) {
            domain = !__builtin_isnan(x) && !__builtin_isnan(y);
        } else {
            range = __builtin_isfinite(x) &&
                    (op == narrowing_operation::divide || __builtin_isfinite(y));
        }
    } else if (result == 0) {
        switch (op) {
        case narrowing_operation::add: range = x != -y; break;
        case narrowing_operation::subtract: range = x != y; break;
        case narrowing_operation::multiply: range = x != 0 && y != 0; break;
        case narrowing_operation::divide: range = x != 0 && !__builtin_isinf(y); break;
        }
    }
    if (domain) errno = EDOM;
    if (range) errno = ERANGE;
}

// The same for a narrowing square root: EDOM for a NaN from a non-NaN,
// ERANGE for an infinity from a finite x or a zero from a nonzero one.
template <typename Narrow, typename Wide>
void set_narrowing_square_root_errno(Narrow result, Wide x) noexcept {
    if (__builtin_isnan(result)) {
        if (!__builtin_isnan(x)) errno = EDOM;
    } else if (__builtin_isinf(result) ? __builtin_isfinite(x) : result == 0 && x != 0) {
        errno = ERANGE;
    }
}

// x op y; for fadd ... fdiv (double -> float), faddl ... fdivl
// (long double -> float) and daddl ... ddivl (long double -> double).
float narrowing_to_float(narrowing_operation op, double x, double y) noexcept;
float narrowing_to_float(narrowing_operation op, long double x, long double y) noexcept;
double narrowing_to_double(narrowing_operation op, long double x, long double y) noexcept;

// fsqrt, fsqrtl, dsqrtl.
float narrowing_square_root_to_float(double x) noexcept;
float narrowing_square_root_to_float(long double x) noexcept;
double narrowing_square_root_to_double(long double x) noexcept;

// ffma, ffmal, dfmal: x * y + z.
float narrowing_fma_to_float(double x, double y, double z) noexcept;
float narrowing_fma_to_float(long double x, long double y, long double z) noexcept;
double narrowing_fma_to_double(long double x, long double y, long double z) noexcept;

// TS 18661-3's f32xaddf64 ... f32xfmaf64, whose operands and result are all
// double: the operation in the current mode, with errno as the narrowing
// ones set it, a square root with EDOM below zero (glibc's sqrt), and a fused
// multiply-add that is correctly rounded in every rounding mode.
double same_width(narrowing_operation op, double x, double y) noexcept;
double same_width_square_root(double x) noexcept;
double same_width_fma(double x, double y, double z) noexcept;

}  // namespace lwp::libc::math
