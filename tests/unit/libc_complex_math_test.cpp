// lwp's <complex.h> (runtime/libc/math_complex_*.cpp) against the host's glibc.
//
// Special values: each function on a grid of arguments made of zeros of both
// signs, subnormals, 1, the overflow thresholds, huge values, infinities and
// NaN (every pair: 24^2 arguments) must give glibc's result: the same bits
// where glibc's part is zero, infinite or exact, NaN where it is NaN (a NaN's
// sign and payload are not compared, as glibc's own tests do not), and
// otherwise a value within the accuracy bound; and errno as glibc sets it.
//
// Accuracy: each part's error in ulps is measured against glibc's long double
// function (cexpl, ...; 64-bit mantissa, so its own error is a few thousandths
// of a double ulp) over random arguments (fixed seeds) weighted toward the
// hard places: the branch cuts and points, |z| near 1, huge and tiny parts,
// the poles of tan and tanh. The float forms are measured against glibc's
// double functions.
#include <gtest/gtest.h>

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "runtime/libc/math_complex.hpp"
#include "runtime/libc/math_complex_exponential.cpp"
#include "runtime/libc/math_complex_hyperbolic.cpp"
#include "runtime/libc/math_complex_inverse.cpp"
#include "tests/unit/math_error_measure.hpp"

extern "C" {
#define LWP_DECLARE(name)                                          \
    double _Complex name(double _Complex) noexcept;                \
    float _Complex name##f(float _Complex) noexcept;               \
    long double _Complex name##l(long double _Complex) noexcept;
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
double _Complex cpow(double _Complex, double _Complex) noexcept;
float _Complex cpowf(float _Complex, float _Complex) noexcept;
long double _Complex cpowl(long double _Complex, long double _Complex) noexcept;
}

namespace {

namespace m = lwp::libc::math;
using namespace lwp_math_test;

#ifdef NDEBUG
constexpr int random_count = 100000;
#else
constexpr int random_count = 10000;
#endif

enum class errno_rule { none, exp, atanh_pole, atan_pole };

struct function {
    const char* name;
    m::complex_parts (*ours)(double, double);
    double _Complex (*glibc)(double _Complex);
    float _Complex (*glibc_float)(float _Complex);
    long double _Complex (*exact)(long double _Complex);
    errno_rule rule;
    double bound;  // ulps per part asserted over the random arguments
};

// The same composition as the C wrappers (math_complex_symbols.cpp).
m::complex_parts call(const function& f, double x, double y, bool single) {
    m::complex_parts r = f.ours(x, y);
    switch (f.rule) {
        case errno_rule::exp: m::complex_exp_errno({x, y}, single); break;
        case errno_rule::atanh_pole: m::complex_atanh_pole_errno(x, y); break;
        case errno_rule::atan_pole: m::complex_atanh_pole_errno(y, x); break;
        case errno_rule::none: break;
    }
    return r;
}

const function functions[] = {
    {"cexp", m::complex_exp, cexp, cexpf, cexpl, errno_rule::exp, 1.0},
    {"clog", m::complex_log, clog, clogf, clogl, errno_rule::none, 1.0},
    {"clog10", m::complex_log10, clog10, clog10f, clog10l, errno_rule::none, 1.5},
    {"csqrt", m::complex_sqrt, csqrt, csqrtf, csqrtl, errno_rule::none, 1.0},
    {"cproj", m::complex_project, cproj, cprojf, cprojl, errno_rule::none, 0.0},
    {"csin", m::complex_sin, csin, csinf, csinl, errno_rule::none, 1.0},
    {"ccos", m::complex_cos, ccos, ccosf, ccosl, errno_rule::none, 1.0},
    {"ctan", m::complex_tan, ctan, ctanf, ctanl, errno_rule::none, 1.0},
    {"csinh", m::complex_sinh, csinh, csinhf, csinhl, errno_rule::none, 1.0},
    {"ccosh", m::complex_cosh, ccosh, ccoshf, ccoshl, errno_rule::none, 1.0},
    {"ctanh", m::complex_tanh, ctanh, ctanhf, ctanhl, errno_rule::none, 1.0},
    {"casin", m::complex_asin, casin, casinf, casinl, errno_rule::none, 2.0},
    {"cacos", m::complex_acos, cacos, cacosf, cacosl, errno_rule::none, 2.0},
    {"catan", m::complex_atan, catan, catanf, catanl, errno_rule::atan_pole, 2.0},
    {"casinh", m::complex_asinh, casinh, casinhf, casinhl, errno_rule::none, 2.0},
    {"cacosh", m::complex_acosh, cacosh, cacoshf, cacoshl, errno_rule::none, 2.0},
    {"catanh", m::complex_atanh, catanh, catanhf, catanhl, errno_rule::atanh_pole, 2.0},
};

std::string text2(double x, double y) { return "(" + text(x) + ", " + text(y) + ")"; }

// One part against glibc's on a special argument: the same bits where
// glibc's is zero, infinite or equal to ours, NaN for NaN, else close.
bool same_special(double ours, double theirs, long double exact, double bound, bool single = false) {
    if (std::isnan(theirs)) return std::isnan(ours);
    if (bits(ours) == bits(theirs)) return true;
    // Where glibc's subnormal result is off (csqrt(0.5 + 2^-1074 i) has the
    // imaginary part 0.707 2^-1074, which glibc gives as 0), lwp's correctly
    // rounded value with glibc's sign is accepted.
    double nearest = single ? static_cast<double>(static_cast<float>(exact)) : static_cast<double>(exact);
    if (ours == nearest && std::signbit(ours) == std::signbit(theirs) && std::isfinite(ours)) return true;
    if (theirs == 0.0 || std::isinf(theirs) || ours == 0.0 || std::isinf(ours)) return false;
    if (std::signbit(ours) != std::signbit(theirs)) return false;
    return ulp_error(ours, exact) <= bound + 0.5;
}

const double special_values[] = {
    0.0, -0.0, 0x1p-1074, -0x1p-1074, 0x1p-1022, -1e-300, 1e-20, -1.0, 1.0, 0.5, -2.0,
    1.5707963267948966, 3.141592653589793, 710.0, -745.5, 800.0, 1e20, -1e300, DBL_MAX,
    -DBL_MAX, INFINITY, -INFINITY, NAN, -NAN};

TEST(LibcComplexMath, SpecialValuesAsGlibc) {
    int failures = 0;
    for (const function& f : functions) {
        for (double x : special_values) {
            for (double y : special_values) {
                double _Complex z;
                __real__ z = x;
                __imag__ z = y;
                errno = 0;
                double _Complex g = f.glibc(z);
                int glibc_errno = errno;
                long double _Complex e = f.exact(z);
                errno = 0;
                m::complex_parts r = call(f, x, y, false);
                int our_errno = errno;
                bool ok = same_special(r.re, __real__ g, __real__ e, f.bound) &&
                          same_special(r.im, __imag__ g, __imag__ e, f.bound) &&
                          our_errno == glibc_errno;
                // The float forms against glibc's float forms.
                float _Complex zf;
                __real__ zf = static_cast<float>(x);
                __imag__ zf = static_cast<float>(y);
                errno = 0;
                float _Complex gf = f.glibc_float(zf);
                int glibc_float_errno = errno;
                errno = 0;
                m::complex_parts rf = call(f, __real__ zf, __imag__ zf, true);
                int our_float_errno = errno;
                long double _Complex ef = f.exact(static_cast<long double _Complex>(zf));
                bool float_ok = same_special(static_cast<float>(rf.re), __real__ gf, __real__ ef, 1e9, true) &&
                                same_special(static_cast<float>(rf.im), __imag__ gf, __imag__ ef, 1e9, true) &&
                                our_float_errno == glibc_float_errno;
                if (!ok && failures++ < 400) {
                    ADD_FAILURE() << f.name << text2(x, y) << " = " << text2(r.re, r.im) << " errno "
                                  << our_errno << ", glibc " << text2(__real__ g, __imag__ g)
                                  << " errno " << glibc_errno;
                }
                if (!float_ok && failures++ < 400) {
                    ADD_FAILURE() << f.name << "f" << text2(x, y) << " = "
                                  << text2(static_cast<float>(rf.re), static_cast<float>(rf.im))
                                  << " errno " << our_float_errno << ", glibc "
                                  << text2(__real__ gf, __imag__ gf) << " errno " << glibc_float_errno;
                }
            }
        }
    }
    EXPECT_EQ(failures, 0);
}

// A random double with a random exponent in [low, high] and sign.
double random_exponent(std::mt19937_64& g, int low, int high) {
    std::uniform_int_distribution<int> e(low, high);
    std::uniform_real_distribution<double> mantissa(1.0, 2.0);
    double v = std::ldexp(mantissa(g), e(g));
    return (g() & 1) ? -v : v;
}

// Arguments weighted toward the hard places.
void random_argument(std::mt19937_64& g, double* x, double* y) {
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::uniform_real_distribution<double> angle(-3.2, 3.2);
    switch (g() % 10) {
        case 0:  // anywhere
            *x = random_exponent(g, -1074, 1023);
            *y = random_exponent(g, -1074, 1023);
            break;
        case 1:  // moderate
        case 2:
            *x = 8.0 * unit(g);
            *y = 8.0 * unit(g);
            break;
        case 3: {  // |z| near 1
            double t = angle(g);
            double r = 1.0 + random_exponent(g, -60, -2);
            *x = r * std::cos(t);
            *y = r * std::sin(t);
            break;
        }
        case 4:  // near the real axis (the cuts of the inverse functions)
            *x = 4.0 * unit(g);
            *y = random_exponent(g, -1074, -10);
            break;
        case 5:  // near the imaginary axis
            *x = random_exponent(g, -1074, -10);
            *y = 4.0 * unit(g);
            break;
        case 6:  // near the branch points +-1, +-i
            *x = ((g() & 1) ? 1.0 : -1.0) + random_exponent(g, -60, -3);
            *y = random_exponent(g, -80, -3);
            if (g() & 1) std::swap(*x, *y);
            break;
        case 7:  // one part huge, the other anything
            *x = random_exponent(g, 20, 1023);
            *y = random_exponent(g, -1074, 1023);
            if (g() & 1) std::swap(*x, *y);
            break;
        case 8:  // both tiny
            *x = random_exponent(g, -1074, -20);
            *y = random_exponent(g, -1074, -20);
            break;
        default:  // exp, sinh and tanh near over- and underflow, trig near k pi/2
            *x = 760.0 * unit(g);
            *y = (std::round(40.0 * unit(g)) + random_exponent(g, -50, -1)) * 1.5707963267948966;
            if (g() & 1) std::swap(*x, *y);
            break;
    }
}

TEST(LibcComplexMath, AccuracyAgainstLongDouble) {
    for (const function& f : functions) {
        std::mt19937_64 g(0x5eed + static_cast<unsigned>(std::strlen(f.name)) * 977 + f.name[1]);
        double worst[2] = {0, 0};
        double worst_x[2] = {0, 0};
        double worst_y[2] = {0, 0};
        double worst_float = 0;
        double worst_float_x = 0;
        double worst_float_y = 0;
        for (int i = 0; i < random_count; ++i) {
            double x;
            double y;
            random_argument(g, &x, &y);
            long double _Complex z;
            __real__ z = x;
            __imag__ z = y;
            long double _Complex e = f.exact(z);
            m::complex_parts r = f.ours(x, y);
            double errors[2] = {ulp_error(r.re, __real__ e), ulp_error(r.im, __imag__ e)};
            for (int part = 0; part < 2; ++part) {
                if (errors[part] > worst[part]) {
                    worst[part] = errors[part];
                    worst_x[part] = x;
                    worst_y[part] = y;
                }
            }
            // The float form, against glibc's double function.
            float xf = static_cast<float>(x);
            float yf = static_cast<float>(y);
            double _Complex zd;
            __real__ zd = xf;
            __imag__ zd = yf;
            double _Complex ed = f.glibc(zd);
            m::complex_parts rf = f.ours(xf, yf);
            double ef = std::fmax(float_ulp_error(static_cast<float>(rf.re), __real__ ed),
                                  float_ulp_error(static_cast<float>(rf.im), __imag__ ed));
            if (ef > worst_float) {
                worst_float = ef;
                worst_float_x = xf;
                worst_float_y = yf;
            }
        }
        std::printf("%-7s re %.3f ulp at %s, im %.3f ulp at %s; float %.3f at %s\n", f.name, worst[0],
                    text2(worst_x[0], worst_y[0]).c_str(), worst[1],
                    text2(worst_x[1], worst_y[1]).c_str(), worst_float,
                    text2(worst_float_x, worst_float_y).c_str());
        EXPECT_LE(worst[0], f.bound) << f.name;
        EXPECT_LE(worst[1], f.bound) << f.name;
        EXPECT_LE(worst_float, 1.0) << f.name;
    }
}

// cpow(z, w) = cexp(w clog z), as glibc's, with C's multiplication between
// (Annex G's infinities survive it). Special values: every pair of a grid of
// 13 values for each of the four parts, against glibc: zeros, infinities and
// NaNs where glibc has them, with their signs, and errno.
m::complex_parts our_pow(double zr, double zi, double wr, double wi, bool single) {
    m::complex_parts l = m::complex_log(zr, zi);
    m::complex_parts p = m::complex_multiply({wr, wi}, l);
    m::complex_parts r = m::complex_exp(p.re, p.im);
    m::complex_exp_errno(p, single);
    return r;
}

bool same_kind(double ours, double theirs) {
    if (std::isnan(theirs)) return std::isnan(ours);
    if (theirs == 0.0 || std::isinf(theirs)) return bits(ours) == bits(theirs);
    return std::isfinite(ours) && ours != 0.0 && std::signbit(ours) == std::signbit(theirs);
}

TEST(LibcComplexMath, PowSpecialValuesAsGlibc) {
    const double values[] = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -3.0, 1e300, -1e-300, INFINITY, -INFINITY, NAN, 710.0};
    int failures = 0;
    for (double zr : values)
        for (double zi : values)
            for (double wr : values)
                for (double wi : values) {
                    double _Complex z;
                    __real__ z = zr;
                    __imag__ z = zi;
                    double _Complex w;
                    __real__ w = wr;
                    __imag__ w = wi;
                    errno = 0;
                    double _Complex g = cpow(z, w);
                    int glibc_errno = errno;
                    errno = 0;
                    m::complex_parts r = our_pow(zr, zi, wr, wi, false);
                    int our_errno = errno;
                    bool ok = same_kind(r.re, __real__ g) && same_kind(r.im, __imag__ g) &&
                              our_errno == glibc_errno;
                    if (!ok && failures++ < 40) {
                        ADD_FAILURE() << "cpow(" << text2(zr, zi) << ", " << text2(wr, wi) << ") = "
                                      << text2(r.re, r.im) << " errno " << our_errno << ", glibc "
                                      << text2(__real__ g, __imag__ g) << " errno " << glibc_errno;
                    }
                }
    EXPECT_EQ(failures, 0);
}

// Accuracy, in ulps of the result's larger part, for moderate arguments
// (|z| in [1/16, 16], |w| parts below 4),
// where cexp does not amplify the error of w clog z by much: glibc's
// cpowl (the same formula in long double) is then exact to about 2^-58.
TEST(LibcComplexMath, PowAccuracyAgainstLongDouble) {
    std::mt19937_64 g(0xc0ffee);
    std::uniform_real_distribution<double> angle(-3.14159, 3.14159);
    std::uniform_real_distribution<double> log_radius(-2.77, 2.77);
    std::uniform_real_distribution<double> exponent(-4.0, 4.0);
    double worst = 0;
    double wz[4] = {0, 0, 0, 0};
    for (int i = 0; i < random_count / 4; ++i) {
        double t = angle(g);
        double r = std::exp(log_radius(g));
        double zr = r * std::cos(t);
        double zi = r * std::sin(t);
        double wr = exponent(g);
        double wi = (g() & 3) == 0 ? 0.0 : exponent(g);
        long double _Complex z;
        __real__ z = zr;
        __imag__ z = zi;
        long double _Complex w;
        __real__ w = wr;
        __imag__ w = wi;
        long double _Complex e = cpowl(z, w);
        m::complex_parts ours = our_pow(zr, zi, wr, wi, false);
        // In ulps of the larger part: a part that nearly vanishes (the angle
        // of the result near a multiple of pi/2) carries the absolute error
        // of the angle, as in every cexp(w clog z).
        long double larger = std::fmax(std::fabs(__real__ e), std::fabs(__imag__ e));
        long double ulp = std::ldexp(1.0L, std::ilogb(static_cast<double>(larger)) - 52);
        double error = static_cast<double>(
            std::fmax(std::fabs(ours.re - __real__ e), std::fabs(ours.im - __imag__ e)) / ulp);
        if (error > worst) {
            worst = error;
            wz[0] = zr;
            wz[1] = zi;
            wz[2] = wr;
            wz[3] = wi;
        }
    }
    std::printf("cpow    %.3f ulp at %s ^ %s\n", worst, text2(wz[0], wz[1]).c_str(), text2(wz[2], wz[3]).c_str());
    EXPECT_LE(worst, 64.0);
}

}  // namespace
