// strtof128 (glibc's <stdlib.h> declares it with _GNU_SOURCE), its _l form
// and the __strtof128_internal entry point: strtold's reading (float_text.hpp:
// hexadecimal, inf, nan(chars), ERANGE for an overflow and for a tiny inexact
// result; every locale reads as "C") into binary128, correctly rounded in the
// current rounding mode, as glibc's strtof128 rounds (where lwp's strtod and
// strtold round to nearest in every mode). The mode is MXCSR's, the one
// _Float128 arithmetic (libgcc's soft-fp) follows. The flags are glibc's:
// inexact for an inexact result, with overflow beyond the largest value and
// with underflow for a tiny one (tiny after rounding, as x86 judges).
#include <errno.h>
#include <locale.h>
#include <stdlib.h>

#include "arch/x86_64/sse_math.hpp"
#include "float_text.hpp"
#include "math_bits.hpp"
#include "math_float128_bits.hpp"

namespace {

lwp::libc::rounding_direction current_direction() noexcept {
    // MXCSR's rounding field: nearest, down, up, toward zero, in the
    // enumeration's order.
    return static_cast<lwp::libc::rounding_direction>(
        (lwp::arch::sse::read_status_control() >> 13) & 3);
}

}  // namespace

extern "C" {

__float128 strtof128(const char* __restrict text, char** __restrict end) noexcept {
    lwp::libc::rounded_float value =
        lwp::libc::read_rounded<__float128>(text, end, current_direction());
    if (value.range_error) errno = ERANGE;
    if (value.overflow) {
        lwp::libc::math::raise_overflow();
    } else if (value.range_error) {
        lwp::libc::math::raise_underflow();
    } else if (value.inexact) {
        lwp::libc::math::f128::raise_inexact();
    }
    return lwp::libc::pack<__float128>(value);
}

__float128 strtof128_l(const char* __restrict text, char** __restrict end, locale_t) noexcept {
    return strtof128(text, end);
}

// `group` (the locale's thousands separators) changes nothing in "C".
__float128 __strtof128_internal(const char* __restrict text, char** __restrict end,
                                int /*group*/) noexcept {
    return strtof128(text, end);
}

}  // extern "C"
