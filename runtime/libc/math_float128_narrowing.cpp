// The narrowing operations from _Float128 (glibc 2.36's f32addf128 ...
// f64xfmaf128, with f32x the same as f64): x op y, sqrt x or x * y + z on
// binary128 operands, rounded once to float, double or long double (x87's
// 64-bit significand) in the current rounding mode.
//
// As in math_narrowing.cpp, the operation runs in the wide type rounded
// toward zero and its last bit is set when that lost anything (rounded "to
// odd"); binary128 keeps 113 bits, more than two beyond each narrow type's,
// so the conversion of that value (libgcc's __trunctfsf2, __trunctfdf2,
// __trunctfxf2, in the SSE rounding mode, as glibc's) is the one correct
// rounding of the exact result with its flags: inexact, overflow, and
// underflow with x86's tininess after rounding. binary128's range holds
// every narrow one (long double's exponents are the same, its subnormals 49
// bits coarser), so the truncated value never overflows or vanishes where
// the narrow result would not. The wide operations are libgcc's soft-fp ones
// (which read the rounding mode from MXCSR and raise their flags there) and
// lwp's sqrtf128 and fmaf128, which also round in MXCSR's mode; the
// truncated computation's flags are dropped, and a NaN, infinite or zero
// wide result, which is exact, is computed again in the caller's mode for
// its invalid or divide-by-zero flag and the sign of a zero.
//
// errno: set_narrowing_errno's rules, glibc's (none for the fused
// multiply-adds).
#include <math.h>

#include "arch/x86_64/sse_math.hpp"
#include "arch/x86_64/truncating_arithmetic.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_float128_bits.hpp"
#include "runtime/libc/math_narrowing.hpp"

namespace f = lwp::libc::math::f128;
namespace m = lwp::libc::math;

extern "C" {
// libgcc's soft-fp, x the first operand (it decides which of two NaNs comes
// out); the sum and product are declared in math_float128_bits.hpp.
f::real __subtf3(f::real, f::real) noexcept;
f::real __divtf3(f::real, f::real) noexcept;
}

namespace {

using m::narrowing_operation;

f::real compute(narrowing_operation op, f::real x, f::real y) noexcept {
    switch (op) {
    // glibc's compiled x + y passes y first: of two NaNs differing in sign
    // alone, y's comes out.
    case narrowing_operation::add: return f::ordered_sum(y, x);
    case narrowing_operation::subtract: return __subtf3(x, y);
    case narrowing_operation::multiply: return f::ordered_product(x, y);
    default: return __divtf3(x, y);
    }
}

bool nan_infinite_or_zero(f::real x) noexcept { return !f::is_finite(x) || f::is_zero(x); }

f::real with_last_bit_set(f::real x) noexcept { return f::from_bits(f::bits_of(x) | 1); }

// The wide result truncated, with its last bit set when inexact, and
// whether it overflowed. soft-fp raises overflow and underflow in the x87
// status word (libgcc's __sfp_handle_exceptions), the others in MXCSR, so
// both are cleared first and put back after. The computations are
// out-of-line calls (soft-fp's or lwp's), which the compiler does not move
// across the volatile asm that sets the modes.
struct odd_result {
    f::real value;
    bool overflowed;
};

template <typename Computation>
odd_result rounded_to_odd(Computation computation) noexcept {
    std::uint32_t saved_sse = lwp::arch::sse::begin_truncating();
    lwp::arch::x87::saved_state saved_x87 = lwp::arch::x87::begin_truncating();
    f::real truncated = computation();
    constexpr unsigned overflow_flag = 0x08;  // the same bit in both registers
    bool overflowed =
        ((lwp::arch::sse::read_status_control() | lwp::arch::x87::read_status()) & overflow_flag) != 0;
    bool inexact = lwp::arch::x87::end_truncating(saved_x87);
    inexact = lwp::arch::sse::end_truncating(saved_sse) || inexact;
    return {inexact ? with_last_bit_set(truncated) : truncated, overflowed};
}

// The odd value converted, or the exact result computed again in the
// caller's mode. A binary128 overflow is one for every narrow type, but the
// truncated value (binary128's largest) may convert to long double's largest
// without one, rounding down or toward zero: raised here, as glibc keeps the
// flag of its truncated computation.
template <typename Narrow, typename Recompute>
Narrow narrowed(odd_result odd, Recompute recompute) noexcept {
    if (nan_infinite_or_zero(odd.value)) return static_cast<Narrow>(recompute());
    Narrow result = static_cast<Narrow>(odd.value);
    if (odd.overflowed) m::raise_overflow();
    return result;
}

template <typename Narrow>
Narrow narrowing(narrowing_operation op, f::real x, f::real y) noexcept {
    auto exact = [=] { return compute(op, x, y); };
    Narrow result = narrowed<Narrow>(rounded_to_odd(exact), exact);
    m::set_narrowing_errno(op, result, x, y);
    return result;
}

template <typename Narrow>
Narrow narrowing_square_root(f::real x) noexcept {
    auto exact = [=] { return sqrtf128(x); };
    Narrow result = narrowed<Narrow>(rounded_to_odd(exact), exact);
    m::set_narrowing_square_root_errno(result, x);
    return result;
}

template <typename Narrow>
Narrow narrowing_fma(f::real x, f::real y, f::real z) noexcept {
    auto exact = [=] { return fmaf128(x, y, z); };
    return narrowed<Narrow>(rounded_to_odd(exact), exact);
}

constexpr auto add = narrowing_operation::add;
constexpr auto subtract = narrowing_operation::subtract;
constexpr auto multiply = narrowing_operation::multiply;
constexpr auto divide = narrowing_operation::divide;

}  // namespace

extern "C" {

float f32addf128(__float128 x, __float128 y) noexcept { return narrowing<float>(add, x, y); }
float f32subf128(__float128 x, __float128 y) noexcept { return narrowing<float>(subtract, x, y); }
float f32mulf128(__float128 x, __float128 y) noexcept { return narrowing<float>(multiply, x, y); }
float f32divf128(__float128 x, __float128 y) noexcept { return narrowing<float>(divide, x, y); }
float f32sqrtf128(__float128 x) noexcept { return narrowing_square_root<float>(x); }
float f32fmaf128(__float128 x, __float128 y, __float128 z) noexcept {
    return narrowing_fma<float>(x, y, z);
}

double f64addf128(__float128 x, __float128 y) noexcept { return narrowing<double>(add, x, y); }
double f64subf128(__float128 x, __float128 y) noexcept {
    return narrowing<double>(subtract, x, y);
}
double f64mulf128(__float128 x, __float128 y) noexcept {
    return narrowing<double>(multiply, x, y);
}
double f64divf128(__float128 x, __float128 y) noexcept { return narrowing<double>(divide, x, y); }
double f64sqrtf128(__float128 x) noexcept { return narrowing_square_root<double>(x); }
double f64fmaf128(__float128 x, __float128 y, __float128 z) noexcept {
    return narrowing_fma<double>(x, y, z);
}

// _Float32x is double too: the same functions, as glibc's aliases.
double f32xaddf128(__float128 x, __float128 y) noexcept __attribute__((alias("f64addf128")));
double f32xsubf128(__float128 x, __float128 y) noexcept __attribute__((alias("f64subf128")));
double f32xmulf128(__float128 x, __float128 y) noexcept __attribute__((alias("f64mulf128")));
double f32xdivf128(__float128 x, __float128 y) noexcept __attribute__((alias("f64divf128")));
double f32xsqrtf128(__float128 x) noexcept __attribute__((alias("f64sqrtf128")));
double f32xfmaf128(__float128 x, __float128 y, __float128 z) noexcept
    __attribute__((alias("f64fmaf128")));

long double f64xaddf128(__float128 x, __float128 y) noexcept {
    return narrowing<long double>(add, x, y);
}
long double f64xsubf128(__float128 x, __float128 y) noexcept {
    return narrowing<long double>(subtract, x, y);
}
long double f64xmulf128(__float128 x, __float128 y) noexcept {
    return narrowing<long double>(multiply, x, y);
}
long double f64xdivf128(__float128 x, __float128 y) noexcept {
    return narrowing<long double>(divide, x, y);
}
long double f64xsqrtf128(__float128 x) noexcept { return narrowing_square_root<long double>(x); }
long double f64xfmaf128(__float128 x, __float128 y, __float128 z) noexcept {
    return narrowing_fma<long double>(x, y, z);
}

}  // extern "C"
