// Underflow as IEEE 754 defines it: raised when the result is tiny (below the
// least normal number of its type) and inexact. The algorithms reach their
// results through double-double and long-double-double steps whose
// intermediate products can underflow (a square of a tiny argument, the low
// part of a split) though the result is far from tiny, leaving the flag
// where glibc's functions do not. A function's C name therefore notes
// whether its caller had the flag already, and once the result is known to be
// normal (or infinite) takes away an underflow the computation raised. Costs
// one look at the flags before and after (fnstsw, stmxcsr), and a clear only
// when there is something to take away.
#pragma once

#include <fenv.h>

#include <limits>

namespace lwp::libc::math {

class result_decides_underflow {
public:
    result_decides_underflow() noexcept : caller_had_(fetestexcept(FE_UNDERFLOW) != 0) {}

    template <class T>
    T operator()(T result) noexcept {
        // Quiet comparisons, and a NaN is never widened (a signalling one
        // would raise invalid); widening a number to long double is exact.
        if (!caller_had_ && result == result &&
            __builtin_isgreaterequal(__builtin_fabsl(result),
                                     static_cast<long double>(std::numeric_limits<T>::min())) &&
            fetestexcept(FE_UNDERFLOW))
            feclearexcept(FE_UNDERFLOW);
        return result;
    }

    // A complex result: underflow belongs to it when a part is tiny and
    // nonzero, and is taken away when both parts are normal, infinite or NaN.
    // A zero part decides nothing: it may be exact (the imaginary part of
    // cexp(x + 0i)) or a tiny value rounded to zero, so the computation's
    // flag stands.
    template <class T>
    void judge_parts(T real, T imaginary) noexcept {
        if (is_subnormal(real) || is_subnormal(imaginary)) {
            if (!fetestexcept(FE_UNDERFLOW)) feraiseexcept(FE_UNDERFLOW);
        } else if (real != 0 && imaginary != 0 && !caller_had_ && fetestexcept(FE_UNDERFLOW)) {
            feclearexcept(FE_UNDERFLOW);
        }
    }

private:
    // Quiet tests only, and no conversion of a NaN (widening a signalling
    // NaN would raise invalid).
    template <class T>
    static bool is_subnormal(T value) noexcept {
        if (value != value || value == 0) return false;
        T magnitude = value < 0 ? -value : value;
        return magnitude < std::numeric_limits<T>::min();
    }

    bool caller_had_;
};

// The usual shape of a function's C name: compute(), its result judged.
template <class Compute>
inline auto underflow_judged(Compute compute) noexcept {
    result_decides_underflow underflow;
    return underflow(compute());
}

}  // namespace lwp::libc::math
