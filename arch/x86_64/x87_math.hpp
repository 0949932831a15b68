// The x87 instructions lwp's long double functions use (runtime/libc/
// math_long_double_*.cpp). On x86-64 `long double` is the x87 80-bit format,
// and these instructions are exact or correctly rounded on it: the square
// root, the rounding to an integer and the partial remainders are defined by
// IEEE 754 to be, and the x87 computes them at its full 64-bit precision
// (the precision control field of the control word is left at its Linux
// default, extended). Everything here is x86-specific, hence this header's
// place under arch/ (the project keeps all assembly there).
#pragma once

#include <cstdint>

namespace lwp::arch::x87 {

// fsqrt: the correctly rounded square root (current rounding mode); a
// negative argument gives the default NaN with FE_INVALID.
inline long double square_root(long double x) noexcept {
    long double root;
    __asm__("fsqrt" : "=t"(root) : "0"(x));
    return root;
}

// frndint: x rounded to an integer in the current rounding mode, raising
// FE_INEXACT when that changed it (rint).
inline long double round_to_integer(long double x) noexcept {
    long double result;
    __asm__ volatile("frndint" : "=t"(result) : "0"(x));
    return result;
}

// frndint with the status flags put back afterwards, so that no FE_INEXACT
// is left behind (nearbyint). fnstenv saves the whole environment (and masks
// every exception, which is why it is put back with fldenv whatever happens).
inline long double round_to_integer_quietly(long double x) noexcept {
    struct {
        std::uint32_t words[7];
    } environment;
    long double result;
    __asm__ volatile("fnstenv %1\n\t"
                     "frndint\n\t"
                     "fldenv %1"
                     : "=t"(result), "+m"(environment)
                     : "0"(x));
    return result;
}

// fistp: x converted to a 64-bit integer in the current rounding mode;
// INT64_MIN (the "integer indefinite") with FE_INVALID for NaN and values out
// of range, as glibc's lrintl gives.
inline std::int64_t to_integer(long double x) noexcept {
    std::int64_t result;
    __asm__ volatile("fistpll %0" : "=m"(result) : "t"(x) : "st");
    return result;
}

// The exact remainder x - n y of fprem (n = x/y truncated) or fprem1 (n =
// x/y rounded to nearest, ties to even), repeated until the instruction
// reports it complete (C2 clear); the low three bits of n, from the last
// round, come back in *quotient_bits (C0 = bit 2, C3 = bit 1, C1 = bit 0).
// y must be finite and nonzero, x finite (the callers deal with the rest).
inline long double partial_remainder_loop(long double x, long double y, bool nearest,
                                          unsigned* quotient_bits) noexcept {
    long double result;
    std::uint16_t status;
    if (nearest) {
        __asm__ volatile("1:\n\t"
                         "fprem1\n\t"
                         "fnstsw %%ax\n\t"
                         "testw $0x400, %%ax\n\t"
                         "jnz 1b"
                         : "=t"(result), "=a"(status)
                         : "0"(x), "u"(y)
                         : "cc");
    } else {
        __asm__ volatile("1:\n\t"
                         "fprem\n\t"
                         "fnstsw %%ax\n\t"
                         "testw $0x400, %%ax\n\t"
                         "jnz 1b"
                         : "=t"(result), "=a"(status)
                         : "0"(x), "u"(y)
                         : "cc");
    }
    if (quotient_bits != nullptr) {
        *quotient_bits = ((status >> 8) & 1u) << 2 | ((status >> 14) & 1u) << 1 | ((status >> 9) & 1u);
    }
    return result;
}

// fyl2x: y * log2(x) for x > 0, within about one ulp (a first guess that the
// logarithm refines).
inline long double scaled_log2(long double x, long double y) noexcept {
    long double result;
    __asm__("fyl2x" : "=t"(result) : "0"(x), "u"(y) : "st(1)");
    return result;
}

// fxtract, keeping the significand: for a finite nonzero x, x scaled into
// [1, 2) with its sign (exact, subnormals included); a zero, an infinity or
// a NaN comes back as it is (a signalling NaN quieted, with FE_INVALID), a
// zero with FE_DIVBYZERO, since the exponent it also computes is -inf
// (glibc's significandl on x86).
inline long double extract_significand(long double x) noexcept {
    long double significand;
    __asm__ volatile("fxtract\n\t"
                     "fstp %%st(1)"
                     : "=t"(significand)
                     : "0"(x));
    return significand;
}

// The rounding direction of the x87 control word (bits 10 and 11): 0 to
// nearest, 1 down, 2 up, 3 toward zero. fesetround sets it together with
// SSE's; fmal, which rounds its exact result in software, follows it.
inline unsigned rounding_control() noexcept {
    std::uint16_t control;
    __asm__ volatile("fnstcw %0" : "=m"(control));
    return (control >> 10) & 3u;
}

// Sets the x87 rounding direction (rounding_control's numbering) for its
// lifetime and then gives the caller's back; the flags raised meanwhile stay.
// The long-double-double steps are exact only rounding to nearest (two_sum),
// so a function whose caller may have chosen another direction computes its
// parts in nearest and rounds their sum once, in the caller's direction,
// after the scope ends (glibc's libm does the same). Costs one fnstcw when
// the direction is already the wanted one, two fldcw more otherwise.
class rounding_scope {
public:
    explicit rounding_scope(unsigned direction) noexcept {
        __asm__ volatile("fnstcw %0" : "=m"(caller_) : : "memory");
        auto wanted = static_cast<std::uint16_t>((caller_ & ~rounding_bits) | (direction << 10));
        if (wanted != caller_) __asm__ volatile("fldcw %0" : : "m"(wanted) : "memory");
        changed_ = wanted != caller_;
    }
    ~rounding_scope() {
        if (changed_) __asm__ volatile("fldcw %0" : : "m"(caller_) : "memory");
    }
    rounding_scope(const rounding_scope&) = delete;
    rounding_scope& operator=(const rounding_scope&) = delete;

    static constexpr unsigned to_nearest = 0;
    static constexpr unsigned toward_zero = 3;

private:
    static constexpr std::uint16_t rounding_bits = 3u << 10;
    std::uint16_t caller_;
    bool changed_;
};

}  // namespace lwp::arch::x87
