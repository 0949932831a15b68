// lwp's <complex.h> for long double _Complex
// (runtime/libc/math_complex_long_double_*.cpp) against the host's glibc and
// libquadmath.
//
// Special values: each function on every pair of a grid of zeros of both
// signs, subnormals, 1, pi/2, pi, the overflow and underflow thresholds of
// exp, huge values, infinities and NaN must give glibc's cexpl, clogl, ...:
// the same bits where glibc's part is zero or infinite, NaN where it is NaN
// (a NaN's sign and payload are not compared, as glibc's own tests do not),
// and otherwise a finite value of glibc's sign within the accuracy bound of
// libquadmath's value; and errno as glibc sets it.
//
// Accuracy: each part's error in long double ulps against libquadmath's
// __float128 function (cexpq, ...: 113-bit mantissa, its own error far below
// a long double ulp) over random arguments (fixed seeds) weighted toward the
// hard places. This is its own executable: libquadmath changes glibc's
// printf of %Ld (tests/CMakeLists.txt), and the long double real functions'
// sources are compiled in here as in libc_math_long_double_test.cpp.
#include <gtest/gtest.h>
#include <quadmath.h>

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <utility>

#include "runtime/libc/math_complex_long_double.hpp"
#include "runtime/libc/math_long_double_bits.hpp"
// nanl shares nan's tag parser, which is in math_exact.cpp.
#include "runtime/libc/math_exact.cpp"
#include "runtime/libc/math_long_double_exact.cpp"
#include "runtime/libc/math_long_double_exponential.cpp"
#include "runtime/libc/math_long_double_hyperbolic.cpp"
#include "runtime/libc/math_long_double_trigonometric.cpp"
#include "runtime/libc/math_complex_long_double_exponential.cpp"
#include "runtime/libc/math_complex_long_double_hyperbolic.cpp"
#include "runtime/libc/math_complex_long_double_inverse.cpp"

extern "C" {
#define LWP_DECLARE(name) long double _Complex name##l(long double _Complex) noexcept;
LWP_DECLARE(cexp)
LWP_DECLARE(clog)
LWP_DECLARE(clog10)
LWP_DECLARE(csqrt)
LWP_DECLARE(cproj)
LWP_DECLARE(csin)
LWP_DECLARE(ccos)
LWP_DECLARE(ctan)
LWP_DECLARE(csinh)
LWP_DECLARE(ccosh)
LWP_DECLARE(ctanh)
LWP_DECLARE(casin)
LWP_DECLARE(cacos)
LWP_DECLARE(catan)
LWP_DECLARE(casinh)
LWP_DECLARE(cacosh)
LWP_DECLARE(catanh)
#undef LWP_DECLARE
long double _Complex cpowl(long double _Complex, long double _Complex) noexcept;
}

namespace {

namespace m = lwp::libc::math;

#ifdef NDEBUG
constexpr int random_count = 100000;
#else
constexpr int random_count = 10000;
#endif

// clog10q is missing from libquadmath: clogq times log10(e).
__complex128 clog10_quad(__complex128 z) {
    __complex128 l = clogq(z);
    const __float128 log10_e = 1 / logq(10);
    __complex128 r;
    __real__ r = __real__ l * log10_e;
    __imag__ r = __imag__ l * log10_e;
    return r;
}

struct function {
    const char* name;
    m::complex_long_parts (*ours)(long double, long double);
    long double _Complex (*glibc)(long double _Complex);
    __complex128 (*exact)(__complex128);
    double bound;  // ulps per part asserted over the random arguments
};

const function functions[] = {
    {"cexpl", m::complex_exp_long, cexpl, cexpq, 1.0},
    {"clogl", m::complex_log_long, clogl, clogq, 1.0},
    {"clog10l", m::complex_log10_long, clog10l, clog10_quad, 1.0},
    {"csqrtl", m::complex_sqrt_long, csqrtl, csqrtq, 1.0},
    {"cprojl", m::complex_project_long, cprojl, cprojq, 0.0},
    {"csinl", m::complex_sin_long, csinl, csinq, 1.0},
    {"ccosl", m::complex_cos_long, ccosl, ccosq, 1.0},
    {"ctanl", m::complex_tan_long, ctanl, ctanq, 1.0},
    {"csinhl", m::complex_sinh_long, csinhl, csinhq, 1.0},
    {"ccoshl", m::complex_cosh_long, ccoshl, ccoshq, 1.0},
    {"ctanhl", m::complex_tanh_long, ctanhl, ctanhq, 1.0},
    {"casinl", m::complex_asin_long, casinl, casinq, 2.0},
    {"cacosl", m::complex_acos_long, cacosl, cacosq, 2.0},
    {"catanl", m::complex_atan_long, catanl, catanq, 2.0},
    {"casinhl", m::complex_asinh_long, casinhl, casinhq, 2.0},
    {"cacoshl", m::complex_acosh_long, cacoshl, cacoshq, 2.0},
    {"catanhl", m::complex_atanh_long, catanhl, catanhq, 2.0},
};

std::uint64_t mantissa_of(long double x) { return m::bits_of_long(x).mantissa; }
unsigned sign_exponent_of(long double x) { return m::bits_of_long(x).sign_exponent; }
bool same_bits(long double a, long double b) {
    return mantissa_of(a) == mantissa_of(b) && sign_exponent_of(a) == sign_exponent_of(b);
}

// Exact, for reports and failure messages (%a of the long double through
// libquadmath's formatter, which glibc's %La cannot be trusted next to).
std::string text(long double x) {
    char buffer[64];
    quadmath_snprintf(buffer, sizeof buffer, "%.20Qa", static_cast<__float128>(x));
    return buffer;
}
std::string text2(long double x, long double y) { return "(" + text(x) + ", " + text(y) + ")"; }

// The error of `value` in ulps of the long double nearest `exact`; infinity
// when one is infinite or NaN and the other is not the same.
double ulp_error(long double value, __float128 exact) {
    long double nearest = static_cast<long double>(exact);
    if (std::isnan(nearest) || std::isnan(value)) return std::isnan(nearest) && std::isnan(value) ? 0.0 : INFINITY;
    if (std::isinf(nearest) || std::isinf(value)) return value == nearest ? 0.0 : INFINITY;
    int exponent = nearest == 0.0L ? -16382 : std::ilogb(nearest);
    if (exponent < -16382) exponent = -16382;
    __float128 ulp = scalbnq(1, exponent - 63);
    return static_cast<double>(fabsq(static_cast<__float128>(value) - exact) / ulp);
}

__complex128 quad(long double x, long double y) {
    __complex128 z;
    __real__ z = x;
    __imag__ z = y;
    return z;
}

m::complex_long_parts call(const function& f, long double x, long double y) {
    return f.ours(x, y);
}

// One part against glibc's on a special argument.
bool same_special(long double ours, long double theirs, __float128 exact, double bound) {
    if (std::isnan(theirs)) return std::isnan(ours);
    if (same_bits(ours, theirs)) return true;
    if (theirs == 0.0L || std::isinf(theirs) || ours == 0.0L || std::isinf(ours)) {
        // glibc's part flushed to zero where the correctly rounded value is
        // lwp's subnormal of the same sign is accepted.
        long double nearest = static_cast<long double>(exact);
        return theirs == 0.0L && ours == nearest && std::signbit(ours) == std::signbit(theirs);
    }
    if (std::signbit(ours) != std::signbit(theirs)) return false;
    return ulp_error(ours, exact) <= bound + 0.5;
}

const long double special_values[] = {
    0.0L, -0.0L, 0x1p-16445L, -0x1p-16445L, 0x1p-16382L, -1e-4000L, 1e-20L, -1.0L, 1.0L, 0.5L, -2.0L,
    1.57079632679489661926L, 3.14159265358979323851L, 710.0L, 11357.0L, -11400.0L, 12000.0L,
    -23000.0L, 1e20L, -1e4000L, LDBL_MAX, -LDBL_MAX, INFINITY, -INFINITY, NAN, -NAN};

TEST(LibcComplexLongDouble, SpecialValuesAsGlibc) {
    int failures = 0;
    int cases = 0;
    for (const function& f : functions) {
        for (long double x : special_values) {
            for (long double y : special_values) {
                long double _Complex z;
                __real__ z = x;
                __imag__ z = y;
                errno = 0;
                long double _Complex g = f.glibc(z);
                int glibc_errno = errno;
                __complex128 e = f.exact(quad(x, y));
                errno = 0;
                m::complex_long_parts r = call(f, x, y);
                int our_errno = errno;
                ++cases;
                bool ok = same_special(r.re, __real__ g, __real__ e, f.bound) &&
                          same_special(r.im, __imag__ g, __imag__ e, f.bound) && our_errno == glibc_errno;
                if (!ok && failures++ < 200) {
                    ADD_FAILURE() << f.name << text2(x, y) << " = " << text2(r.re, r.im) << " errno " << our_errno
                                  << ", glibc " << text2(__real__ g, __imag__ g) << " errno " << glibc_errno
                                  << ", quad " << text2(static_cast<long double>(__real__ e),
                                                        static_cast<long double>(__imag__ e));
                }
            }
        }
    }
    std::printf("%d special arguments\n", cases);
    EXPECT_EQ(failures, 0);
}

// A random long double with a random exponent in [low, high] and sign.
long double random_exponent(std::mt19937_64& g, int low, int high) {
    std::uniform_int_distribution<int> e(low, high);
    long double mantissa = 1.0L + static_cast<long double>(g() >> 1) * 0x1p-63L;
    long double v = std::ldexp(mantissa, e(g));
    return (g() & 1) ? -v : v;
}

long double uniform(std::mt19937_64& g, long double scale) {
    return scale * (static_cast<long double>(g()) * 0x1p-63L - 1.0L);
}

// Arguments weighted toward the hard places.
void random_argument(std::mt19937_64& g, long double* x, long double* y) {
    switch (g() % 10) {
        case 0:  // anywhere
            *x = random_exponent(g, -16445, 16383);
            *y = random_exponent(g, -16445, 16383);
            break;
        case 1:  // moderate
        case 2:
            *x = uniform(g, 8.0L);
            *y = uniform(g, 8.0L);
            break;
        case 3: {  // |z| near 1
            long double t = uniform(g, 3.2L);
            long double r = 1.0L + random_exponent(g, -70, -2);
            *x = r * std::cos(t);
            *y = r * std::sin(t);
            break;
        }
        case 4:  // near the real axis
            *x = uniform(g, 4.0L);
            *y = random_exponent(g, -16445, -10);
            break;
        case 5:  // near the imaginary axis
            *x = random_exponent(g, -16445, -10);
            *y = uniform(g, 4.0L);
            break;
        case 6:  // one part huge, the other anything
            *x = random_exponent(g, 20, 16383);
            *y = random_exponent(g, -16445, 16383);
            if (g() & 1) std::swap(*x, *y);
            break;
        case 7:  // both tiny
            *x = random_exponent(g, -16445, -20);
            *y = random_exponent(g, -16445, -20);
            break;
        case 8:  // exp, sinh and tanh near overflow and underflow
            *x = uniform(g, 23500.0L);
            *y = uniform(g, 4.0L);
            if ((g() & 3) == 0) *y = random_exponent(g, -16445, -8000);
            if (g() & 1) std::swap(*x, *y);
            break;
        default:  // trigonometric arguments near k pi/2
            *x = uniform(g, 60.0L);
            *y = (std::round(uniform(g, 40.0L)) + random_exponent(g, -60, -1)) * 1.57079632679489661926L;
            if (g() & 1) std::swap(*x, *y);
            break;
    }
}

TEST(LibcComplexLongDouble, AccuracyAgainstQuad) {
    for (const function& f : functions) {
        std::mt19937_64 g(0x5eed + static_cast<unsigned>(std::strlen(f.name)) * 977 + f.name[1]);
        double worst[2] = {0, 0};
        long double worst_x[2] = {0, 0};
        long double worst_y[2] = {0, 0};
        for (int i = 0; i < random_count; ++i) {
            long double x;
            long double y;
            random_argument(g, &x, &y);
            __complex128 e = f.exact(quad(x, y));
            m::complex_long_parts r = f.ours(x, y);
            double errors[2] = {ulp_error(r.re, __real__ e), ulp_error(r.im, __imag__ e)};
            for (int part = 0; part < 2; ++part) {
                if (errors[part] > worst[part]) {
                    worst[part] = errors[part];
                    worst_x[part] = x;
                    worst_y[part] = y;
                }
            }
        }
        std::printf("%-8s re %.4f ulp at %s, im %.4f ulp at %s\n", f.name, worst[0],
                    text2(worst_x[0], worst_y[0]).c_str(), worst[1], text2(worst_x[1], worst_y[1]).c_str());
        EXPECT_LE(worst[0], f.bound) << f.name;
        EXPECT_LE(worst[1], f.bound) << f.name;
    }
}

// cpowl(z, w) = cexpl(w clogl z), as glibc's, with C's multiplication
// between. Special values: every quadruple of a grid of 13 values against
// glibc: zeros, infinities and NaNs where glibc has them, with their signs,
// and errno.
m::complex_long_parts our_pow(long double zr, long double zi, long double wr, long double wi) {
    return m::complex_pow_long({zr, zi}, {wr, wi});
}

bool same_kind(long double ours, long double theirs) {
    if (std::isnan(theirs)) return std::isnan(ours);
    if (theirs == 0.0L || std::isinf(theirs)) return same_bits(ours, theirs);
    return std::isfinite(ours) && ours != 0.0L && std::signbit(ours) == std::signbit(theirs);
}

TEST(LibcComplexLongDouble, PowSpecialValuesAsGlibc) {
    const long double values[] = {0.0L, -0.0L, 1.0L, -1.0L, 0.5L, 2.0L, -3.0L, 1e4000L, -1e-4000L,
                                  INFINITY, -INFINITY, NAN, 11400.0L};
    int failures = 0;
    for (long double zr : values)
        for (long double zi : values)
            for (long double wr : values)
                for (long double wi : values) {
                    long double _Complex z;
                    __real__ z = zr;
                    __imag__ z = zi;
                    long double _Complex w;
                    __real__ w = wr;
                    __imag__ w = wi;
                    errno = 0;
                    long double _Complex g = cpowl(z, w);
                    int glibc_errno = errno;
                    errno = 0;
                    m::complex_long_parts r = our_pow(zr, zi, wr, wi);
                    int our_errno = errno;

                    // Where w clog z has a part beyond 2^64, the signs of its
                    // sine and cosine depend on the last bit of the logarithm
                    // (glibc's clogl is not correctly rounded): only the
                    // magnitudes are compared.
                    m::complex_long_parts l = m::complex_log_long(zr, zi);
                    m::complex_long_parts p = m::complex_multiply_long({wr, wi}, l);
                    if (std::fabs(p.re) > 0x1p64L || std::fabs(p.im) > 0x1p64L) {
                        r = {std::fabs(r.re), std::fabs(r.im)};
                        __real__ g = std::fabs(__real__ g);
                        __imag__ g = std::fabs(__imag__ g);
                    }
                    bool ok = same_kind(r.re, __real__ g) && same_kind(r.im, __imag__ g) &&
                              our_errno == glibc_errno;
                    if (!ok && failures++ < 40) {
                        ADD_FAILURE() << "cpowl(" << text2(zr, zi) << ", " << text2(wr, wi) << ") = "
                                      << text2(r.re, r.im) << " errno " << our_errno << ", glibc "
                                      << text2(__real__ g, __imag__ g) << " errno " << glibc_errno;
                    }
                }
    EXPECT_EQ(failures, 0);
}

// Accuracy, in ulps of the result's larger part, for moderate arguments
// (|z| in [1/16, 16], |w|'s parts below 4), against libquadmath's cpowq.
TEST(LibcComplexLongDouble, PowAccuracyAgainstQuad) {
    std::mt19937_64 g(0xc0ffee);
    double worst = 0;
    long double wz[4] = {0, 0, 0, 0};
    for (int i = 0; i < random_count / 4; ++i) {
        long double t = uniform(g, 3.14159L);
        long double r = std::exp(uniform(g, 2.77L));
        long double zr = r * std::cos(t);
        long double zi = r * std::sin(t);
        long double wr = uniform(g, 4.0L);
        long double wi = (g() & 3) == 0 ? 0.0L : uniform(g, 4.0L);
        __complex128 e = cpowq(quad(zr, zi), quad(wr, wi));
        m::complex_long_parts ours = our_pow(zr, zi, wr, wi);
        // In ulps of the larger part: a part that nearly vanishes carries the
        // absolute error of the angle, as in every cexp(w clog z).
        __float128 larger = fmaxq(fabsq(__real__ e), fabsq(__imag__ e));
        __float128 ulp = scalbnq(1, ilogbq(larger) - 63);
        double error = static_cast<double>(
            fmaxq(fabsq(ours.re - __real__ e), fabsq(ours.im - __imag__ e)) / ulp);
        if (error > worst) {
            worst = error;
            wz[0] = zr;
            wz[1] = zi;
            wz[2] = wr;
            wz[3] = wi;
        }
    }
    std::printf("cpowl    %.3f ulp at %s ^ %s\n", worst, text2(wz[0], wz[1]).c_str(), text2(wz[2], wz[3]).c_str());
    EXPECT_LE(worst, 64.0);
}

}  // namespace
