// lwp's math library (runtime/libc/math_*.cpp) against the host's glibc.
//
// Accuracy: each function's error in ulps is measured against glibc's long
// double (x87, 64-bit mantissa) version of it (sinl, powl, ...), whose own
// error is a few units of 2^-63, about 2^-10 of a double ulp or less. So the
// figure measured is the true error to within about 0.002 ulp. Below one ulp
// means error_bound rounding (every result is one of the two doubles around the
// exact value); the bound asserted is 0.51. (glibc's double functions would
// only bound the error to two ulps.) The float variants are measured the same
// way against glibc's double functions. Arguments: special values, then many
// random ones (fixed seeds) spread over each function's whole range, with
// extra weight where functions are hard: huge arguments of sin, cos and tan,
// arguments near multiples of pi/2, pow over its whole exponent range and
// near x = 1, and the neighbourhoods of 0 and 1.
//
// Exact operations (floor, fmod, nextafter, ...) must agree with glibc bit for
// bit, and every function must set errno as glibc does on the special values.
#include <gtest/gtest.h>

#include <cerrno>
#include <cfenv>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_exact.cpp"
#include "runtime/libc/math_exponential.cpp"
#include "runtime/libc/math_exponential_fast.cpp"
#include "runtime/libc/math_fma.cpp"
#include "runtime/libc/math_hyperbolic.cpp"
#include "runtime/libc/math_inverse_trigonometric.cpp"
#include "runtime/libc/math_logarithm.cpp"
#include "runtime/libc/math_logarithm_fast.cpp"
#include "runtime/libc/math_power.cpp"
#include "runtime/libc/math_roots.cpp"
#include "runtime/libc/math_trigonometric.cpp"
#include "runtime/libc/math_trigonometric_fast.cpp"
#include "tests/unit/math_error_measure.hpp"

namespace {

namespace m = lwp::libc::math;
using namespace lwp_math_test;

// Fewer random arguments in unoptimised (Debug + UBSan) builds.
#ifdef NDEBUG
constexpr int random_count = 300000;
#else
constexpr int random_count = 100000;
#endif

using unary = double (*)(double);
using unary_ld = long double (*)(long double);

// Checks one unary function on arguments from `make`, prints the worst case.
double measure_unary(const char* name, unary ours, unary_ld exact,
                     const std::function<double(generator&)>& make, std::uint64_t seed) {
    generator g(seed);
    worst_case worst;
    for (int i = 0; i < random_count; ++i) {
        double x = make(g);
        worst.record(ulp_error(ours(x), exact(x)), text(x));
    }
    std::printf("  %-8s max error %.4f ulp at %s\n", name, worst.error, worst.where.c_str());
    return worst.error;
}

// The contract is faithful rounding, an error below one ulp. The double-double
// evaluation gives about half an ulp (0.5005 at most here, the reference's own
// error included), so the bound asserted is tighter, to catch any loss.
constexpr double error_bound = 0.51;

// Arguments within a few ulps of k pi/2, where sin, cos or tan is near zero.
double near_half_pi_multiple(generator& g) {
    long double k = g.integer(1, 1 << 20);
    if (g.engine() & 1) k = static_cast<long double>(g.engine() >> 11);  // up to 2^53
    double x = static_cast<double>(k * 1.5707963267948966192313216916397514L);
    for (int n = g.integer(-3, 3); n != 0; n += n > 0 ? -1 : 1) x = std::nextafter(x, n > 0 ? INFINITY : 0.0);
    return (g.engine() & 1) ? -x : x;
}

double trig_argument(generator& g) {
    switch (g.integer(0, 3)) {
        case 0: return g.uniform(-10.0, 10.0);
        case 1: return g.log_uniform(-30, 1023, true);
        case 2: return near_half_pi_multiple(g);
        default: return g.log_uniform(-1074 + 52, -20, true);
    }
}

TEST(LibcMath, TrigonometricFunctionsAreFaithful) {
    EXPECT_LT(measure_unary("sin", m::sin, sinl, trig_argument, 1), error_bound);
    EXPECT_LT(measure_unary("cos", m::cos, cosl, trig_argument, 2), error_bound);
    EXPECT_LT(measure_unary("tan", m::tan, tanl, trig_argument, 3), error_bound);
    // sincos gives what sin and cos give.
    generator g(4);
    for (int i = 0; i < random_count / 10; ++i) {
        double x = trig_argument(g);
        double s;
        double c;
        m::sincos(x, &s, &c);
        ASSERT_EQ(bits(s), bits(m::sin(x))) << text(x);
        ASSERT_EQ(bits(c), bits(m::cos(x))) << text(x);
    }
}

TEST(LibcMath, HugeTrigonometricArgumentsAreReducedExactly) {
    // The largest double, 2^1000, 10^22, pi/2 and pi rounded, a few others,
    // and 6381956970095103 * 2^797 (0x1.6ac5b262ca1ffp+849), the double
    // closest of all to a multiple of pi/2, 2^-60.9 away: the reduction must
    // keep every bit.
    for (double x : {DBL_MAX, 0x1.6ac5b262ca1ffp+849, 0x1.921fb54442d18p+0, 0x1.921fb54442d18p+1,
                     1e22, 0x1.0p+1000, 0x1.5fdbbe9bba775p+28, 0x1.9f9cf1ed3bd6dp+30}) {
        EXPECT_LT(ulp_error(m::sin(x), sinl(x)), error_bound) << text(x);
        EXPECT_LT(ulp_error(m::cos(x), cosl(x)), error_bound) << text(x);
        EXPECT_LT(ulp_error(m::tan(x), tanl(x)), error_bound) << text(x);
    }
    // sin(10^22), correctly rounded (mpmath).
    EXPECT_EQ(m::sin(1e22), -0x1.b453ab76bf397p-1);
}

TEST(LibcMath, InverseTrigonometricFunctionsAreFaithful) {
    auto unit = [](generator& g) {
        switch (g.integer(0, 2)) {
            case 0: return g.uniform(-1.0, 1.0);
            case 1: return (g.engine() & 1 ? -1.0 : 1.0) * (1.0 - g.log_uniform(-53, -1));
            default: return g.log_uniform(-1074 + 52, -1, true);
        }
    };
    EXPECT_LT(measure_unary("asin", m::asin, asinl, unit, 5), error_bound);
    EXPECT_LT(measure_unary("acos", m::acos, acosl, unit, 6), error_bound);
    EXPECT_LT(measure_unary("atan", m::atan, atanl,
                            [](generator& g) { return g.any_finite(); }, 7), error_bound);
    generator g(8);
    worst_case worst;
    for (int i = 0; i < random_count; ++i) {
        double y = g.any_finite();
        double x = g.integer(0, 1) ? g.any_finite() : y * g.log_uniform(-70, 70, true);
        worst.record(ulp_error(m::atan2(y, x), atan2l(y, x)), text(y) + ", " + text(x));
    }
    std::printf("  %-8s max error %.4f ulp at %s\n", "atan2", worst.error, worst.where.c_str());
    EXPECT_LT(worst.error, error_bound);
}

TEST(LibcMath, ExponentialsAreFaithful) {
    auto exp_argument = [](generator& g) {
        return g.integer(0, 1) ? g.uniform(-746.0, 710.0) : g.log_uniform(-60, 9, true);
    };
    EXPECT_LT(measure_unary("exp", m::exp, expl, exp_argument, 9), error_bound);
    EXPECT_LT(measure_unary("exp2", m::exp2, exp2l,
                            [](generator& g) {
                                return g.integer(0, 1) ? g.uniform(-1080.0, 1025.0)
                                                       : g.log_uniform(-60, 10, true);
                            }, 10), error_bound);
    EXPECT_LT(measure_unary("expm1", m::expm1, expm1l,
                            [](generator& g) {
                                return g.integer(0, 1) ? g.uniform(-50.0, 710.0)
                                                       : g.log_uniform(-70, 3, true);
                            }, 11), error_bound);
}

TEST(LibcMath, LogarithmsAreFaithful) {
    auto positive = [](generator& g) {
        switch (g.integer(0, 2)) {
            case 0: return g.any_finite(false);
            case 1: return 1.0 + g.log_uniform(-52, -1, true);
            default: return g.uniform(0.0, 4.0);
        }
    };
    EXPECT_LT(measure_unary("log", m::log, logl, positive, 12), error_bound);
    EXPECT_LT(measure_unary("log2", m::log2, log2l, positive, 13), error_bound);
    EXPECT_LT(measure_unary("log10", m::log10, log10l, positive, 14), error_bound);
    EXPECT_LT(measure_unary("log1p", m::log1p, log1pl,
                            [](generator& g) {
                                switch (g.integer(0, 2)) {
                                    case 0: return g.any_finite(false);
                                    case 1: return g.log_uniform(-1074 + 52, -1, true);
                                    default: return g.uniform(-1.0, 2.0);
                                }
                            }, 15), error_bound);
}

// The fast paths (math_*_fast.cpp) must change nothing: each public function
// must give, bit for bit, what its accurate (double-double) path alone gives,
// with the same errno and exception flags, over the whole range and with extra
// weight where the fast paths stop or are hard (range ends, near 1 for log,
// near 0 for exp, the table's interval ends). The count is random_count per
// function, or LWP_MATH_FAST_PATH_COUNT from the environment (a one-off run
// with many millions is in docs/libc.md). Prints the fast paths' hit rates.
using fast_path = bool (*)(double, double*);

long fast_path_count() {
    const char* text_count = std::getenv("LWP_MATH_FAST_PATH_COUNT");
    return text_count != nullptr ? std::atol(text_count) : random_count;
}

void compare_with_accurate_path(const char* name, unary ours, unary accurate, fast_path fast,
                                const std::function<double(generator&)>& make, std::uint64_t seed) {
    long count = fast_path_count();
    generator g(seed);
    long hits = 0;
    long differences = 0;
    for (long i = 0; i < count; ++i) {
        double x = make(g);
        errno = 0;
        std::feclearexcept(FE_ALL_EXCEPT);
        double expected = accurate(x);
        int expected_errno = errno;
        int expected_flags = std::fetestexcept(FE_ALL_EXCEPT);
        errno = 0;
        std::feclearexcept(FE_ALL_EXCEPT);
        double got = ours(x);
        int got_errno = errno;
        int got_flags = std::fetestexcept(FE_ALL_EXCEPT);
        double fast_result;
        if (fast(x, &fast_result)) ++hits;
        if (bits(got) != bits(expected) || got_errno != expected_errno || got_flags != expected_flags) {
            if (++differences <= 5) {
                ADD_FAILURE() << name << "(" << text(x) << "): " << text(got) << " errno " << got_errno
                              << " flags " << got_flags << ", accurate path " << text(expected)
                              << " errno " << expected_errno << " flags " << expected_flags;
            }
        }
    }
    std::printf("  %-6s %ld arguments, %ld differences, fast path hit %.4f%%\n", name, count, differences,
                100.0 * static_cast<double>(hits) / static_cast<double>(count));
    EXPECT_EQ(differences, 0);
}

// Within a few ulps of a, either side.
double around(generator& g, double a) {
    double x = a;
    for (int n = g.integer(-40, 40); n != 0; n += n > 0 ? -1 : 1) x = std::nextafter(x, n > 0 ? INFINITY : -INFINITY);
    return x;
}

TEST(LibcMath, FastPathsGiveTheAccuratePathsResults) {
    compare_with_accurate_path("exp", m::exp, m::exp_accurate, m::exp_fast,
                               [](generator& g) {
                                   switch (g.integer(0, 5)) {
                                       case 0: return g.uniform(-746.0, 710.0);
                                       case 1: return g.log_uniform(-60, 9, true);
                                       case 2: return g.uniform(-1.0, 1.0);
                                       case 3: return around(g, g.coin() ? -708.0 : 709.0);
                                       // Near k log(2)/128, where r is tiny or the interval ends.
                                       case 4: return around(g, g.integer(-130000, 130000) * 0.00541521234812457272982212);
                                       default: return g.any_finite();
                                   }
                               }, 101);
    auto log_argument = [](generator& g) {
        switch (g.integer(0, 6)) {
            case 0: return g.any_finite(g.integer(0, 15) == 0);
            case 1: return 1.0 + g.log_uniform(-60, -1, true);
            case 2: return g.uniform(0.0, 4.0);
            case 3: return g.uniform(0.99, 1.01);
            // The table's interval ends and the fold at 1.4140625.
            case 4: return std::ldexp(around(g, 1.0 + g.integer(0, 256) / 256.0), g.integer(-1022, 1023));
            // Powers of 10 and 2 (exact log10 and log2) and their neighbours.
            case 5: return g.coin() ? around(g, std::pow(10.0, g.integer(-30, 30)))
                                    : std::ldexp(around(g, 1.0), g.integer(-1022, 1023));
            default: return around(g, 1.0);
        }
    };
    compare_with_accurate_path("log", m::log, m::log_accurate, m::log_fast, log_argument, 102);
    compare_with_accurate_path("log2", m::log2, m::log2_accurate, m::log2_fast, log_argument, 106);
    compare_with_accurate_path("log10", m::log10, m::log10_accurate, m::log10_fast, log_argument, 107);
    auto trig_fast_argument = [](generator& g) {
        switch (g.integer(0, 5)) {
            case 0: return g.uniform(-10.0, 10.0);
            case 1: return g.log_uniform(-30, 22, true);  // across the fast range's ends
            case 2: return near_half_pi_multiple(g);
            case 3: return trig_argument(g);
            // Near j/64 + k pi/2, the table's interval ends.
            case 4: return around(g, g.integer(-100, 100) * 1.5707963267948966 + g.integer(-51, 51) / 128.0);
            default: return g.uniform(-1e6, 1e6);
        }
    };
    compare_with_accurate_path("sin", m::sin, m::sin_accurate, m::sin_fast, trig_fast_argument, 103);
    compare_with_accurate_path("cos", m::cos, m::cos_accurate, m::cos_fast, trig_fast_argument, 104);
    // sincos gives what the accurate paths of sin and cos give.
    generator g(105);
    long count = fast_path_count();
    for (long i = 0; i < count; ++i) {
        double x = trig_fast_argument(g);
        double s;
        double c;
        m::sincos(x, &s, &c);
        ASSERT_EQ(bits(s), bits(m::sin_accurate(x))) << text(x);
        ASSERT_EQ(bits(c), bits(m::cos_accurate(x))) << text(x);
    }
}

TEST(LibcMath, PowIsFaithfulOverItsWholeRange) {
    generator g(16);
    worst_case worst;
    for (int i = 0; i < random_count; ++i) {
        double x;
        double y;
        switch (g.integer(0, 3)) {
            case 0: {
                // Any positive x, and y so that x^y lands anywhere from the
                // subnormals to overflow.
                x = g.any_finite(false);
                if (x == 0.0 || x == 1.0) continue;
                y = g.uniform(-1080.0, 1030.0) / std::log2(x);
                break;
            }
            case 1:
                // x near 1 with a large y.
                x = 1.0 + g.log_uniform(-53, -10, true);
                y = g.uniform(-1000.0, 1000.0) / std::log2(x);
                break;
            case 2:
                // Negative x, integer y.
                x = -g.log_uniform(-20, 20);
                y = g.integer(-60, 60);
                break;
            default:
                x = g.uniform(0.0, 100.0);
                y = g.uniform(-100.0, 100.0);
                break;
        }
        worst.record(ulp_error(m::pow(x, y), powl(x, y)), text(x) + ", " + text(y));
    }
    std::printf("  %-8s max error %.4f ulp at %s\n", "pow", worst.error, worst.where.c_str());
    EXPECT_LT(worst.error, error_bound);
    // Exact results stay exact.
    EXPECT_EQ(m::pow(2.0, 10.0), 1024.0);
    EXPECT_EQ(m::pow(-3.0, 3.0), -27.0);
    EXPECT_EQ(m::pow(4.0, 0.5), 2.0);
    EXPECT_EQ(m::pow(10.0, 22.0), 1e22);
    EXPECT_EQ(m::pow(2.0, -1074.0), 0x1p-1074);
    EXPECT_EQ(m::pow(0.5, 1074.0), 0x1p-1074);
}

TEST(LibcMath, RootsAreFaithful) {
    EXPECT_LT(measure_unary("cbrt", m::cbrt, cbrtl,
                            [](generator& g) { return g.any_finite(); }, 17), error_bound);
    generator g(18);
    worst_case worst;
    for (int i = 0; i < random_count; ++i) {
        double x = g.any_finite();
        double y = g.integer(0, 1) ? g.any_finite() : x * g.log_uniform(-40, 40, true);
        worst.record(ulp_error(m::hypot(x, y), hypotl(x, y)), text(x) + ", " + text(y));
    }
    std::printf("  %-8s max error %.4f ulp at %s\n", "hypot", worst.error, worst.where.c_str());
    EXPECT_LT(worst.error, error_bound);
    EXPECT_EQ(m::hypot(3.0, 4.0), 5.0);
    EXPECT_EQ(m::cbrt(-27.0), -3.0);
    EXPECT_EQ(m::cbrt(0x1p-1074), 0x1p-358);
}

TEST(LibcMath, HyperbolicFunctionsAreFaithful) {
    auto wide = [](generator& g) {
        return g.integer(0, 1) ? g.uniform(-711.0, 711.0) : g.log_uniform(-40, 5, true);
    };
    EXPECT_LT(measure_unary("sinh", m::sinh, sinhl, wide, 19), error_bound);
    EXPECT_LT(measure_unary("cosh", m::cosh, coshl, wide, 20), error_bound);
    EXPECT_LT(measure_unary("tanh", m::tanh, tanhl,
                            [](generator& g) {
                                return g.integer(0, 1) ? g.uniform(-25.0, 25.0)
                                                       : g.log_uniform(-40, 2, true);
                            }, 21), error_bound);
    EXPECT_LT(measure_unary("asinh", m::asinh, asinhl,
                            [](generator& g) { return g.any_finite(); }, 22), error_bound);
    EXPECT_LT(measure_unary("acosh", m::acosh, acoshl,
                            [](generator& g) {
                                return g.integer(0, 1) ? 1.0 + g.log_uniform(-52, 3)
                                                       : g.log_uniform(0, 1023);
                            }, 23), error_bound);
    EXPECT_LT(measure_unary("atanh", m::atanh, atanhl,
                            [](generator& g) {
                                switch (g.integer(0, 2)) {
                                    case 0: return g.uniform(-1.0, 1.0);
                                    case 1: return (g.engine() & 1 ? -1.0 : 1.0) * (1.0 - g.log_uniform(-53, -1));
                                    default: return g.log_uniform(-1074 + 52, -1, true);
                                }
                            }, 24), error_bound);
}

// The float functions are the double ones rounded once (m::narrow).
TEST(LibcMath, FloatVariantsAreFaithful) {
    struct entry {
        const char* name;
        unary ours;
        unary exact;
        float low;
        float high;
    };
    const entry entries[] = {
        {"sinf", m::sin, ::sin, -1e6f, 1e6f},       {"cosf", m::cos, ::cos, -1e6f, 1e6f},
        {"tanf", m::tan, ::tan, -1e4f, 1e4f},       {"asinf", m::asin, ::asin, -1.0f, 1.0f},
        {"acosf", m::acos, ::acos, -1.0f, 1.0f},    {"atanf", m::atan, ::atan, -1e3f, 1e3f},
        {"expf", m::exp, ::exp, -104.0f, 89.0f},    {"exp2f", m::exp2, ::exp2, -150.0f, 128.0f},
        {"expm1f", m::expm1, ::expm1, -20.0f, 89.0f}, {"logf", m::log, ::log, 0.0f, 1e30f},
        {"log2f", m::log2, ::log2, 0.0f, 4.0f},     {"log10f", m::log10, ::log10, 0.0f, 1e6f},
        {"log1pf", m::log1p, ::log1p, -1.0f, 10.0f}, {"cbrtf", m::cbrt, ::cbrt, -1e9f, 1e9f},
        {"sinhf", m::sinh, ::sinh, -90.0f, 90.0f},  {"coshf", m::cosh, ::cosh, -90.0f, 90.0f},
        {"tanhf", m::tanh, ::tanh, -10.0f, 10.0f},  {"asinhf", m::asinh, ::asinh, -1e6f, 1e6f},
        {"acoshf", m::acosh, ::acosh, 1.0f, 1e6f},  {"atanhf", m::atanh, ::atanh, -1.0f, 1.0f},
    };
    generator g(25);
    for (const entry& e : entries) {
        worst_case worst;
        for (int i = 0; i < random_count / 10; ++i) {
            float x = static_cast<float>(g.uniform(e.low, e.high));
            if (g.integer(0, 3) == 0) x = static_cast<float>(g.log_uniform(-40, 0)) * (e.low < 0 && (g.engine() & 1) ? -1.0f : 1.0f);
            if (x < e.low || x > e.high) continue;
            worst.record(float_ulp_error(m::narrow(e.ours(x)), e.exact(x)), text(x));
        }
        std::printf("  %-8s max error %.4f float ulp at %s\n", e.name, worst.error, worst.where.c_str());
        EXPECT_LT(worst.error, error_bound) << e.name;
    }
    generator p(26);
    worst_case worst;
    for (int i = 0; i < random_count / 10; ++i) {
        float x = static_cast<float>(p.uniform(0.0, 10.0));
        float y = static_cast<float>(p.uniform(-40.0, 40.0));
        worst.record(float_ulp_error(m::narrow(m::pow(x, y)), ::pow(x, y)), text(x) + ", " + text(y));
    }
    std::printf("  %-8s max error %.4f float ulp at %s\n", "powf", worst.error, worst.where.c_str());
    EXPECT_LT(worst.error, error_bound);
}

// Exact operations: bit for bit what glibc gives, on special and random values.
std::vector<double> exact_arguments(std::uint64_t seed) {
    std::vector<double> values = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                                  0x1.f4f8aa0057a4ap+1023, -0x1.925fc275ae5e3p+1022,
                                  0x1p52, 0x1p52 + 1, -0x1p52 - 1, 0x1.fffffffffffffp51, 1e300,
                                  -1e300, 0x1p-1074, -0x1p-1074, 0x1p-1022, DBL_MAX, INFINITY,
                                  -INFINITY, NAN, 3.0, -7.0, 1e-300};
    generator g(seed);
    for (int i = 0; i < random_count / 4; ++i) {
        values.push_back(g.any_finite());
        values.push_back(g.uniform(-1e6, 1e6));
        values.push_back(std::round(g.uniform(-100.0, 100.0)) * 0.5);
    }
    return values;
}

// glibc's own fmin and fmax return y for equal arguments (fmin(-0, +0) is
// +0); GCC's inline expansion of them need not. Call the library's.
double (*volatile glibc_fmin)(double, double) = ::fmin;
double (*volatile glibc_fmax)(double, double) = ::fmax;

bool same(double a, double b) { return bits(a) == bits(b) || (std::isnan(a) && std::isnan(b)); }

TEST(LibcMath, ExactOperationsMatchGlibc) {
    std::vector<double> values = exact_arguments(27);
    for (double x : values) {
        ASSERT_TRUE(same(m::floor(x), std::floor(x))) << text(x);
        ASSERT_TRUE(same(m::ceil(x), std::ceil(x))) << text(x);
        ASSERT_TRUE(same(m::trunc(x), std::trunc(x))) << text(x);
        ASSERT_TRUE(same(m::round(x), std::round(x))) << text(x);
        ASSERT_TRUE(same(m::rint(x), std::rint(x))) << text(x);
        ASSERT_TRUE(same(m::nearbyint(x), std::nearbyint(x))) << text(x);
        ASSERT_TRUE(same(m::sqrt(x), std::sqrt(x))) << text(x);
        ASSERT_TRUE(same(m::fabs(x), std::fabs(x))) << text(x);
        ASSERT_TRUE(same(m::logb(x), std::logb(x))) << text(x);
        if (!std::isnan(x) && std::fabs(x) < 0x1p62) {
            ASSERT_EQ(m::lrint(x), std::lrint(x)) << text(x);
            ASSERT_EQ(m::lround(x), std::lround(x)) << text(x);
        }
        ASSERT_EQ(m::ilogb(x), std::ilogb(x)) << text(x);
        int e1 = 0;
        int e2 = 0;
        ASSERT_TRUE(same(m::frexp(x, &e1), std::frexp(x, &e2))) << text(x);
        if (std::isfinite(x)) ASSERT_EQ(e1, e2) << text(x);
        double i1;
        double i2;
        ASSERT_TRUE(same(m::modf(x, &i1), std::modf(x, &i2))) << text(x);
        ASSERT_TRUE(same(i1, i2)) << text(x);
        for (long n : {-2000L, -1080L, -1074L, -1000L, -60L, -1L, 0L, 1L, 60L, 1000L, 2100L, LONG_MAX}) {
            ASSERT_TRUE(same(m::ldexp(x, n), std::scalbln(x, n))) << text(x) << " " << n;
        }
    }
    generator g(28);
    for (std::size_t i = 0; i < values.size(); ++i) {
        double x = values[i];
        double y = values[g.integer(0, static_cast<int>(values.size()) - 1)];
        if (g.integer(0, 2) == 0) y = x * g.log_uniform(-60, 60, true);
        ASSERT_TRUE(same(m::fmod(x, y), std::fmod(x, y))) << text(x) << ", " << text(y);
        ASSERT_TRUE(same(m::remainder(x, y), std::remainder(x, y))) << text(x) << ", " << text(y);
        ASSERT_TRUE(same(m::fmin(x, y), glibc_fmin(x, y))) << text(x) << ", " << text(y);
        ASSERT_TRUE(same(m::fmax(x, y), glibc_fmax(x, y))) << text(x) << ", " << text(y);
        ASSERT_TRUE(same(m::fdim(x, y), std::fdim(x, y))) << text(x) << ", " << text(y);
        ASSERT_TRUE(same(m::copysign(x, y), std::copysign(x, y))) << text(x) << ", " << text(y);
        ASSERT_TRUE(same(m::nextafter(x, y), std::nextafter(x, y))) << text(x) << ", " << text(y);
        // Large divisors, where twice the divisor overflows.
        double big = g.log_uniform(1020, 1023, true);
        ASSERT_TRUE(same(m::remainder(x, big), std::remainder(x, big))) << text(x) << ", " << text(big);
        ASSERT_TRUE(same(m::remainder(big * 1.9, big * 0.7), std::remainder(big * 1.9, big * 0.7)))
            << text(big);
        ASSERT_TRUE(same(m::fmod(big * 1.9, big * 0.6), std::fmod(big * 1.9, big * 0.6))) << text(big);
        float fx = static_cast<float>(x);
        float fy = static_cast<float>(y);
        float ours = m::nextafterf(fx, fy);
        float theirs = std::nextafter(fx, fy);
        ASSERT_TRUE(std::memcmp(&ours, &theirs, sizeof ours) == 0 || (ours != ours && theirs != theirs))
            << text(fx) << ", " << text(fy);
    }
}

// fma and fmaf: correctly rounded, so bit for bit glibc's (whose fma is),
// on random operands and on the hard ones: a product cancelled by z to a few
// bits, results in the subnormals and near overflow.
double (*volatile glibc_fma)(double, double, double) = ::fma;
float (*volatile glibc_fmaf)(float, float, float) = ::fmaf;

TEST(LibcMath, FmaIsCorrectlyRounded) {
    generator g(29);
    const double specials[] = {0.0, -0.0, 1.0, -1.0, 3.0, INFINITY, -INFINITY, NAN, DBL_MAX,
                               -DBL_MAX, 0x1p-1074, -0x1p-1074, 0x1p-1022, 1e308};
    for (double x : specials) {
        for (double y : specials) {
            for (double z : specials) {
                ASSERT_TRUE(same(m::fma(x, y, z), glibc_fma(x, y, z)))
                    << text(x) << ", " << text(y) << ", " << text(z);
            }
        }
    }
    for (int i = 0; i < random_count; ++i) {
        double x;
        double y;
        double z;
        switch (g.integer(0, 4)) {
            case 0: x = g.any_finite(); y = g.any_finite(); z = g.any_finite(); break;
            case 1:
                x = g.log_uniform(-30, 30, true);
                y = g.log_uniform(-30, 30, true);
                z = -(x * y);  // leaves the product's rounding error, or a few ulps of it
                for (int n = g.integer(-2, 2); n != 0; n += n > 0 ? -1 : 1) z = std::nextafter(z, n > 0 ? INFINITY : -INFINITY);
                break;
            case 2:
                x = g.log_uniform(-540, -500, true);
                y = g.log_uniform(-540, -520, true);
                z = g.log_uniform(-1074 + 52, -1000, true);
                break;
            case 3:
                x = g.log_uniform(500, 520, true);
                y = g.log_uniform(490, 510, true);
                z = g.log_uniform(1000, 1023, true);
                break;
            default:
                x = g.log_uniform(-30, 30, true);
                y = g.log_uniform(-30, 30, true);
                z = g.log_uniform(-120, 60, true);
                break;
        }
        ASSERT_TRUE(same(m::fma(x, y, z), glibc_fma(x, y, z))) << text(x) << ", " << text(y) << ", " << text(z);
        float fx = static_cast<float>(x * 0x1p-40);
        float fy = static_cast<float>(y);
        float fz = static_cast<float>(g.integer(0, 1) ? -(static_cast<double>(fx) * fy) : z * 0x1p-40);
        float ours = m::fma_float(fx, fy, fz);
        float theirs = glibc_fmaf(fx, fy, fz);
        ASSERT_TRUE(std::memcmp(&ours, &theirs, sizeof ours) == 0 || (ours != ours && theirs != theirs))
            << text(fx) << ", " << text(fy) << ", " << text(fz);
    }
}

TEST(LibcMath, NanTagsGiveGlibcsPayloads) {
    for (const char* tag : {"", "0", "1", "123", "0x7f", "0X1aB", "017", "08", "abc", "12x",
                            "0x", "18446744073709551615", "99999999999999999999", "99999999999999999999x",
                            "0x8000000000000", "0xfffffffffffff"}) {
        EXPECT_EQ(bits(m::nan(tag)), bits(std::nan(tag))) << '"' << tag << '"';
    }
}

// Special values: the same result as glibc (any NaN for a NaN; within the one
// ulp either may be off by, as glibc's double functions are error_bound only: on
// cbrt(2) or sinh(2), say, lwp's result is the correctly rounded one and
// glibc's the other neighbour), the same sign on zeros and infinities, and the
// same errno, for every function.
TEST(LibcMath, SpecialValuesAndErrnoMatchGlibc) {
    const double specials[] = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 1e-310,
                               -1e-310, 0x1p-1074, 1e300, -1e300, 700.0, 710.0, -745.5, -746.0,
                               1024.0, -1075.0, -1080.0, DBL_MAX, -DBL_MAX, INFINITY, -INFINITY,
                               NAN, 0.1, 1.5707963267948966, 1e22};
    struct one {
        const char* name;
        unary ours;
        unary theirs;
    };
    const one unaries[] = {
        {"sin", m::sin, ::sin},       {"cos", m::cos, ::cos},       {"tan", m::tan, ::tan},
        {"asin", m::asin, ::asin},    {"acos", m::acos, ::acos},    {"atan", m::atan, ::atan},
        {"exp", m::exp, ::exp},       {"exp2", m::exp2, ::exp2},    {"expm1", m::expm1, ::expm1},
        {"log", m::log, ::log},       {"log2", m::log2, ::log2},    {"log10", m::log10, ::log10},
        {"log1p", m::log1p, ::log1p}, {"cbrt", m::cbrt, ::cbrt},    {"sinh", m::sinh, ::sinh},
        {"cosh", m::cosh, ::cosh},    {"tanh", m::tanh, ::tanh},    {"asinh", m::asinh, ::asinh},
        {"acosh", m::acosh, ::acosh}, {"atanh", m::atanh, ::atanh}, {"sqrt", m::sqrt, ::sqrt},
    };
    for (const one& f : unaries) {
        for (double x : specials) {
            errno = 0;
            double ours = f.ours(x);
            int our_errno = errno;
            errno = 0;
            double theirs = f.theirs(x);
            int their_errno = errno;
            EXPECT_LE(ulp_error(ours, theirs), 1.0) << f.name << "(" << text(x) << ") = " << text(ours)
                                                     << ", glibc " << text(theirs);
            EXPECT_EQ(our_errno, their_errno) << f.name << "(" << text(x) << ")";
            if (theirs == 0.0 || std::isinf(theirs)) {
                EXPECT_EQ(std::signbit(ours), std::signbit(theirs)) << f.name << "(" << text(x) << ")";
            }
        }
    }
    struct two {
        const char* name;
        double (*ours)(double, double);
        double (*theirs)(double, double);
    };
    const two binaries[] = {
        {"pow", m::pow, ::pow},     {"atan2", m::atan2, ::atan2},        {"hypot", m::hypot, ::hypot},
        {"fmod", m::fmod, ::fmod},  {"remainder", m::remainder, ::remainder}, {"fdim", m::fdim, ::fdim},
        {"nextafter", m::nextafter, ::nextafter},
    };
    for (const two& f : binaries) {
        for (double x : specials) {
            for (double y : specials) {
                errno = 0;
                double ours = f.ours(x, y);
                int our_errno = errno;
                errno = 0;
                double theirs = f.theirs(x, y);
                int their_errno = errno;
                std::string call = std::string(f.name) + "(" + text(x) + ", " + text(y) + ")";
                EXPECT_LE(ulp_error(ours, theirs), 1.0) << call << " = " << text(ours) << ", glibc "
                                                         << text(theirs);
                EXPECT_EQ(our_errno, their_errno) << call;
                if (theirs == 0.0 || std::isinf(theirs)) {
                    EXPECT_EQ(std::signbit(ours), std::signbit(theirs)) << call;
                }
            }
        }
    }
    for (long n : {-2000L, -1070L, 0L, 2000L}) {
        for (double x : specials) {
            errno = 0;
            double ours = m::ldexp(x, n);
            int our_errno = errno;
            errno = 0;
            double theirs = std::ldexp(x, static_cast<int>(n));
            EXPECT_TRUE(same(ours, theirs)) << "ldexp(" << text(x) << ", " << n << ")";
            EXPECT_EQ(our_errno, errno) << "ldexp(" << text(x) << ", " << n << ")";
        }
    }
    for (double x : specials) {
        errno = 0;
        int ours = m::ilogb(x);
        int our_errno = errno;
        errno = 0;
        EXPECT_EQ(ours, std::ilogb(x)) << text(x);
        EXPECT_EQ(our_errno, errno) << "ilogb(" << text(x) << ")";
    }
}

}  // namespace
