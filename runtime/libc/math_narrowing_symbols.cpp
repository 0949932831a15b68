// The C names of the narrowing operations (declared by glibc's <math.h> under
// _GNU_SOURCE), over math_narrowing.cpp: TS 18661-1's fadd ... ffma
// (double -> float), faddl ... ffmal (long double -> float) and daddl ...
// dfmal (long double -> double), and TS 18661-3's names for the same
// functions (f32 is float, f32x and f64 double, f64x long double), aliases
// as in glibc, with the f32x-from-f64 ones that do not narrow. Freestanding
// only.
#include <math.h>

#include "runtime/libc/math_narrowing.hpp"

namespace m = lwp::libc::math;

namespace {

constexpr auto add = m::narrowing_operation::add;
constexpr auto subtract = m::narrowing_operation::subtract;
constexpr auto multiply = m::narrowing_operation::multiply;
constexpr auto divide = m::narrowing_operation::divide;

}  // namespace

extern "C" {

float fadd(double x, double y) noexcept { return m::narrowing_to_float(add, x, y); }
float fsub(double x, double y) noexcept { return m::narrowing_to_float(subtract, x, y); }
float fmul(double x, double y) noexcept { return m::narrowing_to_float(multiply, x, y); }
float fdiv(double x, double y) noexcept { return m::narrowing_to_float(divide, x, y); }
float fsqrt(double x) noexcept { return m::narrowing_square_root_to_float(x); }
float ffma(double x, double y, double z) noexcept { return m::narrowing_fma_to_float(x, y, z); }

float faddl(long double x, long double y) noexcept { return m::narrowing_to_float(add, x, y); }
float fsubl(long double x, long double y) noexcept {
    return m::narrowing_to_float(subtract, x, y);
}
float fmull(long double x, long double y) noexcept {
    return m::narrowing_to_float(multiply, x, y);
}
float fdivl(long double x, long double y) noexcept { return m::narrowing_to_float(divide, x, y); }
float fsqrtl(long double x) noexcept { return m::narrowing_square_root_to_float(x); }
float ffmal(long double x, long double y, long double z) noexcept {
    return m::narrowing_fma_to_float(x, y, z);
}

double daddl(long double x, long double y) noexcept { return m::narrowing_to_double(add, x, y); }
double dsubl(long double x, long double y) noexcept {
    return m::narrowing_to_double(subtract, x, y);
}
double dmull(long double x, long double y) noexcept {
    return m::narrowing_to_double(multiply, x, y);
}
double ddivl(long double x, long double y) noexcept {
    return m::narrowing_to_double(divide, x, y);
}
double dsqrtl(long double x) noexcept { return m::narrowing_square_root_to_double(x); }
double dfmal(long double x, long double y, long double z) noexcept {
    return m::narrowing_fma_to_double(x, y, z);
}

// f32 from f32x or f64 (double): fadd's family.
float f32addf32x(double x, double y) noexcept __attribute__((alias("fadd")));
float f32addf64(double x, double y) noexcept __attribute__((alias("fadd")));
float f32subf32x(double x, double y) noexcept __attribute__((alias("fsub")));
float f32subf64(double x, double y) noexcept __attribute__((alias("fsub")));
float f32mulf32x(double x, double y) noexcept __attribute__((alias("fmul")));
float f32mulf64(double x, double y) noexcept __attribute__((alias("fmul")));
float f32divf32x(double x, double y) noexcept __attribute__((alias("fdiv")));
float f32divf64(double x, double y) noexcept __attribute__((alias("fdiv")));
float f32sqrtf32x(double x) noexcept __attribute__((alias("fsqrt")));
float f32sqrtf64(double x) noexcept __attribute__((alias("fsqrt")));
float f32fmaf32x(double x, double y, double z) noexcept __attribute__((alias("ffma")));
float f32fmaf64(double x, double y, double z) noexcept __attribute__((alias("ffma")));

// f32 from f64x (long double): faddl's.
float f32addf64x(long double x, long double y) noexcept __attribute__((alias("faddl")));
float f32subf64x(long double x, long double y) noexcept __attribute__((alias("fsubl")));
float f32mulf64x(long double x, long double y) noexcept __attribute__((alias("fmull")));
float f32divf64x(long double x, long double y) noexcept __attribute__((alias("fdivl")));
float f32sqrtf64x(long double x) noexcept __attribute__((alias("fsqrtl")));
float f32fmaf64x(long double x, long double y, long double z) noexcept
    __attribute__((alias("ffmal")));

// f32x and f64 (double) from f64x: daddl's.
double f32xaddf64x(long double x, long double y) noexcept __attribute__((alias("daddl")));
double f64addf64x(long double x, long double y) noexcept __attribute__((alias("daddl")));
double f32xsubf64x(long double x, long double y) noexcept __attribute__((alias("dsubl")));
double f64subf64x(long double x, long double y) noexcept __attribute__((alias("dsubl")));
double f32xmulf64x(long double x, long double y) noexcept __attribute__((alias("dmull")));
double f64mulf64x(long double x, long double y) noexcept __attribute__((alias("dmull")));
double f32xdivf64x(long double x, long double y) noexcept __attribute__((alias("ddivl")));
double f64divf64x(long double x, long double y) noexcept __attribute__((alias("ddivl")));
double f32xsqrtf64x(long double x) noexcept __attribute__((alias("dsqrtl")));
double f64sqrtf64x(long double x) noexcept __attribute__((alias("dsqrtl")));
double f32xfmaf64x(long double x, long double y, long double z) noexcept
    __attribute__((alias("dfmal")));
double f64fmaf64x(long double x, long double y, long double z) noexcept
    __attribute__((alias("dfmal")));

// f32x from f64 (both double): not narrowing, but the same contract.
double f32xaddf64(double x, double y) noexcept { return m::same_width(add, x, y); }
double f32xsubf64(double x, double y) noexcept { return m::same_width(subtract, x, y); }
double f32xmulf64(double x, double y) noexcept { return m::same_width(multiply, x, y); }
double f32xdivf64(double x, double y) noexcept { return m::same_width(divide, x, y); }
double f32xsqrtf64(double x) noexcept { return m::same_width_square_root(x); }
double f32xfmaf64(double x, double y, double z) noexcept { return m::same_width_fma(x, y, z); }

}  // extern "C"
