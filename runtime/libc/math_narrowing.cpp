// The narrowing operations: x op y (or sqrt x, or x * y + z) on doubles or
// long doubles, rounded once to float or double in the current rounding mode.
//
// Rounding the wide result of the hardware operation to the narrow type
// would round twice (a wide result just above a narrow halfway point can be
// rounded onto it, and then to even). Instead the operation runs rounded
// toward zero and its last bit is set when that lost anything ("round to
// odd", arch/x86_64/truncating_arithmetic.hpp): the wide type has at least
// two bits more than the narrow one, and a value rounded to odd lies
// strictly between the same two narrow halfway points as the exact result,
// so converting it to the narrow type in the caller's mode is the correct
// rounding, with its flags (inexact, overflow, underflow after rounding, as
// x86 detects tininess). The truncated computation's own flags are dropped:
// whatever it raises, the conversion raises too, except for the exact
// results below.
//
// A NaN, an infinity or a zero coming out of the truncated computation is
// exact (an overflow truncates to the largest finite value, an underflow to
// odd is never zero), so it is computed again in the caller's mode: that
// raises its invalid or divide-by-zero flag and gives a zero the sign the
// caller's rounding direction gives it (x - x is -0 only when rounding down).
//
// errno is set as glibc's libm sets it: EDOM for a NaN from non-NaN operands,
// ERANGE for an infinity from finite ones (division by zero included) and
// for a zero that is not exact; the fused multiply-adds set none.
#include "arch/x86_64/truncating_arithmetic.hpp"
#include "runtime/libc/math_bits.hpp"
#include "runtime/libc/math_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
#include "runtime/libc/math_narrowing.hpp"

namespace lwp::libc::math {

namespace {

using arch::arithmetic;

arithmetic hardware_operation(narrowing_operation op) noexcept {
    switch (op) {
    case narrowing_operation::add: return arithmetic::add;
    case narrowing_operation::subtract: return arithmetic::subtract;
    case narrowing_operation::multiply: return arithmetic::multiply;
    default: return arithmetic::divide;
    }
}

// The computations in the caller's mode, by the same instructions.
double compute_now(arithmetic op, double x, double y) noexcept {
    return arch::sse::compute(op, x, y);
}
long double compute_now(arithmetic op, long double x, long double y) noexcept {
    return arch::x87::compute(op, x, y);
}

double with_last_bit_set(double x) noexcept { return from_bits(bits_of(x) | 1); }
long double with_last_bit_set(long double x) noexcept {
    long_double_bits b = bits_of_long(x);
    return long_from_bits(b.mantissa | 1, b.sign_exponent);
}

// x op y rounded to odd, in the operands' type.
double rounded_to_odd(arithmetic op, double x, double y) noexcept {
    std::uint32_t saved = arch::sse::begin_truncating();
    double truncated = arch::sse::compute(op, x, y);
    bool inexact = arch::sse::end_truncating(saved);
    return inexact ? with_last_bit_set(truncated) : truncated;
}
long double rounded_to_odd(arithmetic op, long double x, long double y) noexcept {
    arch::x87::saved_state saved = arch::x87::begin_truncating();
    long double truncated = arch::x87::compute(op, x, y);
    bool inexact = arch::x87::end_truncating(saved);
    return inexact ? with_last_bit_set(truncated) : truncated;
}

// x * y + z rounded to odd in long double (which holds doubles exactly):
// fmal rounds in the x87's rounding mode and raises FE_INEXACT as it rounds.
long double fma_rounded_to_odd(long double x, long double y, long double z) noexcept {
    arch::x87::saved_state saved = arch::x87::begin_truncating();
    arch::x87::pin(x);
    arch::x87::pin(y);
    arch::x87::pin(z);
    long double truncated = fmal(x, y, z);
    arch::x87::pin(truncated);
    bool inexact = arch::x87::end_truncating(saved);
    return inexact ? with_last_bit_set(truncated) : truncated;
}

// Whether a wide result is one of the exact ones computed again.
bool nan_infinite_or_zero(double x) noexcept { return !is_finite(x) || x == 0.0; }
bool nan_infinite_or_zero(long double x) noexcept { return !long_is_finite(x) || x == 0.0L; }

template <typename Narrow, typename Wide>
Narrow narrowing(narrowing_operation op, Wide x, Wide y) noexcept {
    arithmetic hardware = hardware_operation(op);
    Wide odd = rounded_to_odd(hardware, x, y);
    Narrow result = nan_infinite_or_zero(odd) ? static_cast<Narrow>(compute_now(hardware, x, y))
                                              : static_cast<Narrow>(odd);
    set_narrowing_errno(op, result, x, y);
    return result;
}

template <typename Narrow, typename Wide>
Narrow narrowing_square_root(Wide x) noexcept {
    Wide odd = rounded_to_odd(arithmetic::square_root, x, x);
    Narrow result = nan_infinite_or_zero(odd)
                        ? static_cast<Narrow>(compute_now(arithmetic::square_root, x, x))
                        : static_cast<Narrow>(odd);
    set_narrowing_square_root_errno(result, x);
    return result;
}

// An encoding the x87 does not accept as a number (an "unnormal", or a
// pseudo-infinity or pseudo-NaN): its integer bit clear with a nonzero
// exponent field.
bool invalid_encoding(long double x) noexcept {
    long_double_bits b = bits_of_long(x);
    return (b.sign_exponent & 0x7fffu) != 0 && (b.mantissa & long_integer_bit) == 0;
}

// fmal with an operand the x87 does not accept as a number, answered as
// glibc's fmal answers (then rounded to odd, as ffmal and dfmal round it):
// its special cases come first, in its order, decided on the exponent fields
// and on comparisons (which raise FE_INVALID for such an operand, as
// glibc's do), and some of them compute a number: x * y when it certainly
// overflows, z plus a tiny product; everywhere else the operand reaches x87
// arithmetic, which gives the default NaN with FE_INVALID.
template <typename Narrow>
Narrow fma_with_invalid_encoding(long double x, long double y, long double z) noexcept {
    int ex = static_cast<int>(long_exponent_field(x));
    int ey = static_cast<int>(long_exponent_field(y));
    int ez = static_cast<int>(long_exponent_field(z));
    constexpr int top = 0x7fff;
    constexpr int bias = 16383;
    constexpr int digits = 64;
    bool special = ex + ey >= top + bias - digits || ex >= top - digits || ey >= top - digits ||
                   ez >= top - digits || ex + ey <= bias + digits;
    if (special) {
        if (ez == top && ex != top && ey != top) {
            return static_cast<Narrow>(arch::x87::compute(
                arithmetic::add, arch::x87::compute(arithmetic::add, z, x), y));
        }
        if (z == 0 && x != 0 && y != 0) {
            return static_cast<Narrow>(arch::x87::compute(arithmetic::multiply, x, y));
        }
        if (ex == top || ey == top || ez == top || x == 0 || y == 0) {
            return static_cast<Narrow>(arch::x87::compute(
                arithmetic::add, arch::x87::compute(arithmetic::multiply, x, y), z));
        }
        if (ex + ey > top + bias) {  // certainly overflows (a NaN if x or y is invalid)
            return static_cast<Narrow>(rounded_to_odd(arithmetic::multiply, x, y));
        }
        if (ex + ey < bias - digits - 2 && !invalid_encoding(z)) {
            // The product is below a quarter of the smallest subnormal and
            // stands in as that subnormal, with its sign. Where z is that
            // small too (glibc scales the sum up and back), the sum is
            // nonzero with z's sign and far below float and double: any
            // such value rounded to odd narrows alike.
            long double tiny = long_from_bits(1, long_sign(x) != long_sign(y) ? 0x8000u : 0u);
            if (ez >= 3) return static_cast<Narrow>(rounded_to_odd(arithmetic::add, z, tiny));
            return static_cast<Narrow>(with_last_bit_set(z));
        }
    }
    return static_cast<Narrow>(long_invalid_nan());
}

template <typename Narrow>
Narrow narrowing_fma(long double x, long double y, long double z) noexcept {
    if (invalid_encoding(x) || invalid_encoding(y) || invalid_encoding(z)) {
        return fma_with_invalid_encoding<Narrow>(x, y, z);
    }
    long double odd = fma_rounded_to_odd(x, y, z);
    return static_cast<Narrow>(nan_infinite_or_zero(odd) ? fmal(x, y, z) : odd);
}

bool is_signaling(double x) noexcept {
    return is_nan(x) && (bits_of(x) & (std::uint64_t{1} << 51)) == 0;
}

// glibc's ffma and f32xfmaf64 are the FMA instruction where the processor
// has one, and this is what that gives for NaN operands: y's NaN, else x's,
// else z's, quieted, with FE_INVALID when any of them is signaling (and not
// for 0 * inf + a quiet NaN).
double fma_nan(double x, double y, double z) noexcept {
    double chosen = is_nan(y) ? y : is_nan(x) ? x : z;
    if (is_signaling(x) || is_signaling(y) || is_signaling(z)) {
        volatile double raised = invalid_nan();  // kept: its flag is the point
        (void)raised;
    }
    return from_bits(bits_of(chosen) | (std::uint64_t{1} << 51));
}

}  // namespace

float narrowing_to_float(narrowing_operation op, double x, double y) noexcept {
    return narrowing<float>(op, x, y);
}
float narrowing_to_float(narrowing_operation op, long double x, long double y) noexcept {
    return narrowing<float>(op, x, y);
}
double narrowing_to_double(narrowing_operation op, long double x, long double y) noexcept {
    return narrowing<double>(op, x, y);
}

float narrowing_square_root_to_float(double x) noexcept { return narrowing_square_root<float>(x); }
float narrowing_square_root_to_float(long double x) noexcept {
    return narrowing_square_root<float>(x);
}
double narrowing_square_root_to_double(long double x) noexcept {
    return narrowing_square_root<double>(x);
}

float narrowing_fma_to_float(double x, double y, double z) noexcept {
    if (is_nan(x) || is_nan(y) || is_nan(z)) return static_cast<float>(fma_nan(x, y, z));
    return narrowing_fma<float>(x, y, z);
}
float narrowing_fma_to_float(long double x, long double y, long double z) noexcept {
    return narrowing_fma<float>(x, y, z);
}
double narrowing_fma_to_double(long double x, long double y, long double z) noexcept {
    return narrowing_fma<double>(x, y, z);
}

double same_width(narrowing_operation op, double x, double y) noexcept {
    double result = compute_now(hardware_operation(op), x, y);
    set_narrowing_errno(op, result, x, y);
    return result;
}

// A quiet comparison: a quiet NaN raises no FE_INVALID here.
double same_width_square_root(double x) noexcept {
    if (__builtin_isless(x, 0.0)) errno = EDOM;
    return compute_now(arithmetic::square_root, x, x);
}

// Rounded to odd at long double's 64 bits, then to double's 53.
double same_width_fma(double x, double y, double z) noexcept {
    if (is_nan(x) || is_nan(y) || is_nan(z)) return fma_nan(x, y, z);
    return narrowing_fma<double>(x, y, z);
}

}  // namespace lwp::libc::math
