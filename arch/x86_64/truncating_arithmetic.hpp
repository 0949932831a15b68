// The hardware half of lwp's narrowing arithmetic (fadd, ffmal, daddl, ...:
// runtime/libc/math_narrowing.cpp): single SSE and x87 operations with their
// operands in a fixed order, and a way to run computations rounded toward
// zero, every exception masked, with the caller's environment (rounding mode,
// masks, raised flags) put back afterwards and only "was it inexact?" kept.
//
// A result truncated toward zero whose last bit is forced to 1 when it was
// inexact (rounded "to odd") still tells a later rounding to a format at
// least two bits narrower everything it needs: that rounding is then the one
// correct rounding of the exact result, in any rounding mode.
//
// Everything here is volatile asm, or passes values through volatile asm:
// the compiler does not know that arithmetic reads the rounding mode, and
// could otherwise move it across the instructions that change the mode.
// x86-specific, hence under arch/ (the project keeps all assembly here).
#pragma once

#include <cstdint>

namespace lwp::arch {

enum class arithmetic { add, subtract, multiply, divide, square_root };

namespace sse {

// x op y (the square root: of x) by one SSE instruction in the current mode,
// x its first operand: when both are NaNs, x's is the one that comes out (as
// from glibc's compiled x + y).
inline double compute(arithmetic op, double x, double y) noexcept {
    switch (op) {
    case arithmetic::add: __asm__ volatile("addsd %1, %0" : "+x"(x) : "x"(y)); break;
    case arithmetic::subtract: __asm__ volatile("subsd %1, %0" : "+x"(x) : "x"(y)); break;
    case arithmetic::multiply: __asm__ volatile("mulsd %1, %0" : "+x"(x) : "x"(y)); break;
    case arithmetic::divide: __asm__ volatile("divsd %1, %0" : "+x"(x) : "x"(y)); break;
    case arithmetic::square_root: __asm__ volatile("sqrtsd %0, %0" : "+x"(x)); break;
    }
    return x;
}

// MXCSR's rounding field set to toward zero, its masks all set and its flags
// cleared; the caller's value is returned for end_truncating.
inline std::uint32_t begin_truncating() noexcept {
    std::uint32_t saved;
    __asm__ volatile("stmxcsr %0" : "=m"(saved));
    std::uint32_t truncating = (saved & ~0x3fu) | 0x6000u | 0x1f80u;
    __asm__ volatile("ldmxcsr %0" : : "m"(truncating));
    return saved;
}

// Whether what ran since begin_truncating was inexact; MXCSR as it was before.
inline bool end_truncating(std::uint32_t saved) noexcept {
    std::uint32_t status;
    __asm__ volatile("stmxcsr %0" : "=m"(status));
    __asm__ volatile("ldmxcsr %0" : : "m"(saved));
    return (status & 0x20u) != 0;  // the precision (inexact) flag
}

// A value the compiler must compute before this point and may not know
// after it (so computations on it stay between begin and end).
inline void pin(double& value) noexcept { __asm__ volatile("" : "+x"(value)); }

}  // namespace sse

namespace x87 {

// x op y (the square root: of x) by one x87 instruction in the current mode.
// The destination is st(0), so no reversed AT&T mnemonic is involved.
inline long double compute(arithmetic op, long double x, long double y) noexcept {
    long double result = x;
    switch (op) {
    case arithmetic::add:
        __asm__ volatile("fadd %%st(1), %%st" : "=t"(result) : "0"(x), "u"(y));
        break;
    case arithmetic::subtract:
        __asm__ volatile("fsub %%st(1), %%st" : "=t"(result) : "0"(x), "u"(y));
        break;
    case arithmetic::multiply:
        __asm__ volatile("fmul %%st(1), %%st" : "=t"(result) : "0"(x), "u"(y));
        break;
    case arithmetic::divide:
        __asm__ volatile("fdiv %%st(1), %%st" : "=t"(result) : "0"(x), "u"(y));
        break;
    case arithmetic::square_root:
        __asm__ volatile("fsqrt" : "=t"(result) : "0"(x));
        break;
    }
    return result;
}

// The caller's control word and exception flags, while computations round
// toward zero with every exception masked and the flags cleared.
struct saved_state {
    std::uint16_t control;
    std::uint16_t status;
};

inline saved_state begin_truncating() noexcept {
    saved_state saved;
    __asm__ volatile("fnstcw %0" : "=m"(saved.control));
    __asm__ volatile("fnstsw %0" : "=m"(saved.status));
    std::uint16_t truncating = saved.control | 0x0c3fu;
    __asm__ volatile("fldcw %0\n\tfnclex" : : "m"(truncating));
    return saved;
}

// Whether what ran since begin_truncating was inexact; the control word and
// the flags put back as they were. The flags can only be written with the
// whole environment (fldenv), so it is read and written back in one asm
// statement: the register stack (its top and tags, part of that
// environment) is then the same at both ends, whatever the compiler keeps
// on it around the statement.
inline bool end_truncating(saved_state saved) noexcept {
    struct {
        std::uint16_t control, unused1, status, unused2;
        std::uint32_t rest[5];
    } environment;
    std::uint16_t status;
    __asm__ volatile(
        "fnstsw %[status]\n\t"
        "fnstenv %[environment]\n\t"
        "movw %[control], %[environment]\n\t"
        "movw 4+%[environment], %%ax\n\t"
        "andw $0xff00, %%ax\n\t"  // keeps the top of stack and condition codes
        "orw %[flags], %%ax\n\t"
        "movw %%ax, 4+%[environment]\n\t"
        "fldenv %[environment]"
        : [status] "=m"(status), [environment] "=m"(environment)
        : [control] "r"(saved.control), [flags] "r"(static_cast<std::uint16_t>(saved.status & 0xffu))
        : "ax", "memory");
    return (status & 0x20u) != 0;  // the precision (inexact) flag
}

// The status word: the exception flags raised so far (and the stack top and
// condition codes).
inline std::uint16_t read_status() noexcept {
    std::uint16_t status;
    __asm__ volatile("fnstsw %0" : "=m"(status));
    return status;
}

// As sse::pin, for long doubles (through memory: the x87 register stack
// cannot be named as an asm operand in place).
inline void pin(long double& value) noexcept { __asm__ volatile("" : "+m"(value)); }

}  // namespace x87

}  // namespace lwp::arch
