// The SSE instructions lwp's double and float math functions use directly
// (runtime/libc/math_exact.cpp, math_symbols.cpp): the status and control
// register, the conversion to an integer in the current rounding mode, and
// the square roots, which IEEE 754 defines as correctly rounded and SSE
// computes so. x86-specific, hence under arch/ (all assembly lives here).
#pragma once

#include <cstdint>

namespace lwp::arch::sse {

// MXCSR: the exception flags (bits 0-5), their masks (bits 7-12) and the
// rounding mode.
inline std::uint32_t read_status_control() noexcept {
    std::uint32_t value;
    __asm__ volatile("stmxcsr %0" : "=m"(value));
    return value;
}

inline void write_status_control(std::uint32_t value) noexcept {
    __asm__ volatile("ldmxcsr %0" : : "m"(value));
}

// Runs the scope's arithmetic under round-to-nearest whatever mode the caller
// set, then restores the caller's mode, keeping every exception flag the
// arithmetic raised. For functions whose method relies on nearest rounding
// (adding and subtracting 1.5 * 2^52 to round to an integer, exact error
// terms of sums and products): under a directed mode those steps go wrong by
// far more than an ulp. The result is then the nearest-rounded one, within
// an ulp of the directed one, as glibc's functions that do the same give.
// Costs one stmxcsr in round-to-nearest, two ldmxcsr more otherwise.
class nearest_rounding_scope {
public:
    nearest_rounding_scope() noexcept : caller_(read_status_control()) {
        if (caller_ & rounding_bits) write_status_control(caller_ & ~rounding_bits);
    }
    ~nearest_rounding_scope() {
        if (caller_ & rounding_bits) write_status_control(caller_ | (read_status_control() & flag_bits));
    }
    nearest_rounding_scope(const nearest_rounding_scope&) = delete;
    nearest_rounding_scope& operator=(const nearest_rounding_scope&) = delete;

private:
    static constexpr std::uint32_t rounding_bits = 3u << 13;
    static constexpr std::uint32_t flag_bits = 0x3f;
    std::uint32_t caller_;
};

// The mask bit of the inexact exception: set, an inexact result only raises
// the flag; clear (feenableexcept(FE_INEXACT)), it traps with SIGFPE.
constexpr std::uint32_t inexact_mask = 1u << 12;

// cvtsd2si: x rounded in the current rounding mode; LONG_MIN (the "integer
// indefinite" value, with FE_INVALID) for NaN and out-of-range values, as
// glibc's lrint gives on x86-64.
inline long convert_in_current_rounding(double x) noexcept {
    long result;
    __asm__ volatile("cvtsd2si %1, %0" : "=r"(result) : "x"(x));
    return result;
}

// sqrtsd and sqrtss: the correctly rounded square root; a negative argument
// gives the default NaN with FE_INVALID.
inline double square_root(double x) noexcept {
    double root;
    __asm__("sqrtsd %1, %0" : "=x"(root) : "x"(x));
    return root;
}

inline float square_root(float x) noexcept {
    float root;
    __asm__("sqrtss %1, %0" : "=x"(root) : "x"(x));
    return root;
}

}  // namespace lwp::arch::sse
