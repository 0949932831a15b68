// TS 18661-1's narrowing arithmetic (math_narrowing.cpp): an operation on
// wider operands whose exact result is rounded once, in the current rounding
// mode, to a narrower type. The C names (fadd, ffmal, dsqrtl, and the
// TS 18661-3 f32addf64 ... aliases) are in math_narrowing_symbols.cpp.
#pragma once

namespace lwp::libc::math {

enum class narrowing_operation { add, subtract, multiply, divide };

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
