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
        // Quiet comparison (a NaN result raises nothing); widening to long
        // double is exact.
        if (!caller_had_ &&
            __builtin_isgreaterequal(__builtin_fabsl(result),
                                     static_cast<long double>(std::numeric_limits<T>::min())) &&
            fetestexcept(FE_UNDERFLOW))
            feclearexcept(FE_UNDERFLOW);
        return result;
    }

private:
    bool caller_had_;
};

}  // namespace lwp::libc::math
