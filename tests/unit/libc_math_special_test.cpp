// lwp's special functions (runtime/libc/math_error_function.cpp,
// math_gamma.cpp, math_bessel*.cpp) and remquo and nexttoward
// (math_remquo.cpp, math_nexttoward.cpp) against the host's glibc, as
// libc_math_test.cpp does for the others: the errors in ulps against glibc's
// long double functions (erfl, lgammal, tgammal, j0l, ... : 64-bit mantissas)
// on random arguments with fixed seeds, the special values' results, signs
// and errno against glibc's double functions, and the exact operations bit
// for bit.
//
// glibc's long double Bessel functions are not accurate near their zeros
// (j1l(16.470628859512232) is 14 double ulps off, y1l near its zero at 172,
// 4.6 * 10^9): there the random comparisons are skipped (where the function
// is below 1/16 of its amplitude, past the first half unit), and the doubles
// nearest the zeros are checked instead against exact values from mpmath
// (libc_math_special_points.hpp, tools/math_coefficients.py).
#include <gtest/gtest.h>

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cfenv>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_bessel.cpp"
#include "runtime/libc/math_bessel_integer_order.cpp"
#include "runtime/libc/math_error_function.cpp"
#include "runtime/libc/math_gamma.cpp"
#include "runtime/libc/math_nexttoward.cpp"
#include "runtime/libc/math_remquo.cpp"
#include "tests/unit/libc_math_special_points.hpp"
#include "tests/unit/math_error_measure.hpp"

// libc_math_test.cpp compiles the other math files (exp, log, the
// trigonometric reduction, the exact operations) into this executable.

namespace {

namespace m = lwp::libc::math;
using namespace lwp_math_test;

// Fewer random arguments in unoptimised (Debug + UBSan) builds. These
// functions cost a few microseconds a call (glibc's long double Bessel
// functions about as much).
#ifdef NDEBUG
constexpr int random_count = 20000;
#else
constexpr int random_count = 3000;
#endif

// What the tests assert: the same 0.51 as libc_math_test.cpp's, which leaves
// room for the reference's own error (the largest measured is 0.5012 ulp).
constexpr double error_bound = 0.51;

using unary = double (*)(double);
using unary_ld = long double (*)(long double);

double measure(const char* name, const std::function<double(double)>& ours, unary_ld exact,
               const std::function<double(generator&)>& make, std::uint64_t seed) {
    generator g(seed);
    worst_case worst;
    for (int i = 0; i < random_count; ++i) {
        double x = make(g);
        worst.record(ulp_error(ours(x), exact(x)), text(x));
    }
    worst.print(name);
    return worst.error;
}

TEST(LibcMathSpecial, ErrorFunctionsAreAccurate) {
    auto erf_argument = [](generator& g) {
        switch (g.integer(0, 2)) {
            case 0: return g.uniform(-6.5, 6.5);
            case 1: return g.log_uniform(-70, 2, true);
            default: return g.log_uniform(-1074 + 52, -60, true);
        }
    };
    EXPECT_LT(measure("erf", m::erf, erfl, erf_argument, 101), error_bound);
    auto erfc_argument = [](generator& g) {
        switch (g.integer(0, 2)) {
            case 0: return g.uniform(-6.5, 27.3);  // to erfc's underflow, subnormals included
            case 1: return g.log_uniform(-70, 2, true);
            default: return g.uniform(26.0, 27.3);
        }
    };
    EXPECT_LT(measure("erfc", m::erfc, erfcl, erfc_argument, 102), error_bound);
}

TEST(LibcMathSpecial, GammaFunctionsAreAccurate) {
    auto lgamma_of = [](double x) {
        int sign;
        return m::lgamma(x, &sign);
    };
    auto positive = [](generator& g) {
        switch (g.integer(0, 3)) {
            case 0: return g.uniform(0.0, 20.0);
            case 1: return g.log_uniform(-1074 + 52, 1014);
            case 2: return g.coin() ? 1.0 + g.log_uniform(-52, -2, true) : 2.0 + g.log_uniform(-51, -2, true);
            default: return g.uniform(0.0, 3.0);
        }
    };
    EXPECT_LT(measure("lgamma+", lgamma_of, lgammal, positive, 103), error_bound);
    auto negative = [](generator& g) {
        switch (g.integer(0, 2)) {
            case 0: return -g.uniform(0.0, 20.0);
            case 1: return -g.log_uniform(-60, 51);
            default: return -g.uniform(2.0, 4.0);  // around the first zeros
        }
    };
    EXPECT_LT(measure("lgamma-", lgamma_of, lgammal, negative, 104), error_bound);
    auto tgamma_argument = [](generator& g) {
        switch (g.integer(0, 2)) {
            case 0: return g.uniform(-190.0, 172.0);
            case 1: return g.uniform(-10.0, 10.0);
            default: return g.log_uniform(-1074 + 52, -1, true);
        }
    };
    EXPECT_LT(measure("tgamma", m::tgamma, tgammal, tgamma_argument, 105), error_bound);
    // Gamma's sign, against glibc's lgamma_r.
    generator g(106);
    for (int i = 0; i < random_count / 10; ++i) {
        double x = g.uniform(-60.0, 60.0);
        int ours;
        int theirs;
        m::lgamma(x, &ours);
        lgamma_r(x, &theirs);
        ASSERT_EQ(ours, theirs) << text(x);
    }
    // Exact values stay exact.
    EXPECT_EQ(m::tgamma(5.0), 24.0);
    EXPECT_EQ(m::tgamma(23.0), 1124000727777607680000.0);
    int sign;
    EXPECT_EQ(bits(m::lgamma(1.0, &sign)), bits(0.0));
    EXPECT_EQ(bits(m::lgamma(2.0, &sign)), bits(0.0));
}

// The amplitude of the Bessel functions' oscillation, about sqrt(2/(pi x)).
double amplitude(double x) { return std::fmin(1.0, std::sqrt(0.6366197723675814 / x)); }

// A comparison with glibc's long double Bessel function, unless the value is
// so near a zero (below 1/16 of the amplitude, in the oscillating part) that
// glibc's own error may exceed a tenth of an ulp.
void record_bessel(worst_case& worst, double ours, long double exact, double x, double oscillation_start,
                   const std::string& where) {
    if (x > oscillation_start && std::fabs(exact) < amplitude(x) / 16) {
        ++worst.skipped;
        return;
    }
    worst.record(ulp_error(ours, exact), where);
}

TEST(LibcMathSpecial, BesselFunctionsOfOrdersZeroAndOneAreAccurate) {
    struct entry {
        const char* name;
        unary ours;
        unary_ld exact;
        bool even_or_odd;  // defined for negative x
    };
    const entry entries[] = {
        {"j0", m::j0, j0l, true},
        {"j1", m::j1, j1l, true},
        {"y0", m::y0, y0l, false},
        {"y1", m::y1, y1l, false},
    };
    std::uint64_t seed = 107;
    for (const entry& e : entries) {
        generator g(seed++);
        worst_case worst;
        for (int i = 0; i < random_count; ++i) {
            double x;
            switch (g.integer(0, 3)) {
                case 0: x = g.uniform(0.0, 50.0); break;  // power series, zeros' series, Hankel's
                case 1: x = g.uniform(0.0, 8.0); break;
                case 2: x = g.log_uniform(5, 1023); break;  // the phase's reductions
                default: x = g.log_uniform(-1074 + 52, 3); break;
            }
            if (e.even_or_odd && g.coin()) x = -x;
            record_bessel(worst, e.ours(x), e.exact(x), std::fabs(x), 0.5, text(x));
        }
        worst.print(e.name);
        EXPECT_LT(worst.error, error_bound) << e.name;
    }
}

TEST(LibcMathSpecial, BesselFunctionsOfIntegerOrderAreAccurate) {
    generator g(111);
    worst_case j_worst;
    worst_case y_worst;
    for (int i = 0; i < random_count; ++i) {
        int n = g.coin() ? g.integer(2, 12) : g.integer(13, 300);
        double x;
        switch (g.integer(0, 3)) {
            case 0: x = g.uniform(0.0, 3.0 * n); break;  // below n: Miller's method
            case 1: x = g.uniform(n, 4.0 * n + 50.0); break;
            case 2: x = g.log_uniform(-40, 3) * n; break;
            default: x = g.log_uniform(5, 1023); break;  // Hankel's expansion of order n, far out
        }
        if (g.integer(0, 3) == 0) n = -n;
        if (g.integer(0, 3) == 0) x = -x;
        std::string where = std::to_string(n) + ", " + text(x);
        record_bessel(j_worst, m::jn(n, x), jnl(n, x), std::fabs(x), std::abs(n), where);
        if (x > 0) record_bessel(y_worst, m::yn(n, x), ynl(n, x), x, std::abs(n), where);
    }
    j_worst.print("jn");
    y_worst.print("yn");
    // glibc's jnl and ynl, themselves recurrences, err by up to 0.02 ulp of a
    // double at large orders: the worst cases found (0.511 at jn(-146,
    // 1246.9), 0.517 at yn(248, 201.1)) are lwp's correctly rounded results
    // (mpmath), at 0.497 and 0.498 ulp.
    EXPECT_LT(j_worst.error, 0.53);
    EXPECT_LT(y_worst.error, 0.53);
}

// Near the zeros, against mpmath's exact values: the orders 0 and 1 and
// lgamma keep their relative precision (lwp's result is the correctly
// rounded one at every one of these points); for jn and yn, whose recurrence
// leaves an error of about 2^-104 of the amplitude, that absolute error is
// what is checked.
TEST(LibcMathSpecial, NearZerosTheResultsAreAccurate) {
    worst_case order_01;
    worst_case gamma;
    double worst_absolute = 0.0;
    double worst_integer_order = 0.0;
    std::string worst_absolute_at;
    for (const special_point& p : special_points) {
        long double exact = static_cast<long double>(p.exact_hi) + p.exact_lo;
        std::string function = p.function;
        std::string where = function + "(" + std::to_string(p.n) + ", " + text(p.x) + ")";
        double ours;
        if (function == "j0") ours = m::j0(p.x);
        else if (function == "j1") ours = m::j1(p.x);
        else if (function == "y0") ours = m::y0(p.x);
        else if (function == "y1") ours = m::y1(p.x);
        else if (function == "jn") ours = m::jn(p.n, p.x);
        else if (function == "yn") ours = m::yn(p.n, p.x);
        else {
            int sign;
            ours = m::lgamma(p.x, &sign);
            gamma.record(ulp_error(ours, exact), where);
            continue;
        }
        if (function == "jn" || function == "yn") {
            double absolute = static_cast<double>(std::fabs(ours - exact)) / amplitude(p.x);
            if (absolute > worst_absolute) {
                worst_absolute = absolute;
                worst_absolute_at = where;
            }
            worst_integer_order = std::fmax(worst_integer_order, ulp_error(ours, exact));
            continue;
        }
        order_01.record(ulp_error(ours, exact), where);
    }
    order_01.print("j0..y1");
    gamma.print("lgamma");
    std::printf("  %-8s max error %.3g of the amplitude (%.1f ulp) at %s\n", "jn yn", worst_absolute,
                worst_integer_order, worst_absolute_at.c_str());
    EXPECT_LT(order_01.error, 0.5001);
    EXPECT_LT(gamma.error, 0.5001);
    EXPECT_LT(worst_absolute, 0x1p-96);
}

// The float functions are the double ones rounded once (m::narrow), measured
// against the long double functions in float ulps.
TEST(LibcMathSpecial, FloatVariantsAreAccurate) {
    struct entry {
        const char* name;
        std::function<double(double)> ours;
        unary_ld exact;
        float low;
        float high;
    };
    const entry entries[] = {
        {"erff", m::erf, erfl, -5.0f, 5.0f},
        {"erfcf", m::erfc, erfcl, -4.0f, 10.5f},
        {"lgammaf", [](double x) { int s; return m::lgamma(x, &s); }, lgammal, -30.0f, 1e6f},
        {"tgammaf", m::tgamma, tgammal, -45.0f, 36.0f},
        {"j0f", m::j0, j0l, -100.0f, 100.0f},
        {"j1f", m::j1, j1l, -100.0f, 100.0f},
        {"y0f", m::y0, y0l, 0.0f, 100.0f},
        {"y1f", m::y1, y1l, 0.0f, 100.0f},
        {"jnf", [](double x) { return m::jn(5, x); }, [](long double x) { return jnl(5, x); }, -60.0f, 60.0f},
        {"ynf", [](double x) { return m::yn(5, x); }, [](long double x) { return ynl(5, x); }, 0.0f, 60.0f},
    };
    generator g(112);
    for (const entry& e : entries) {
        worst_case worst;
        for (int i = 0; i < random_count / 4; ++i) {
            float x = static_cast<float>(g.uniform(e.low, e.high));
            long double exact = e.exact(x);
            // glibc's long double Bessel functions near their zeros, as above
            // (to a float ulp, only far closer to the zero does it matter).
            if (e.name[0] != 'e' && e.name[0] != 'l' && e.name[0] != 't' && std::fabs(x) > 6.0f &&
                std::fabs(exact) < amplitude(std::fabs(x)) * 0x1p-20) {
                ++worst.skipped;
                continue;
            }
            worst.record(float_ulp_error(m::narrow(e.ours(x)), exact), text(x));
        }
        worst.print(e.name, "float ulp");
        EXPECT_LT(worst.error, error_bound) << e.name;
    }
}

// Special values: the same result as glibc's double functions (within the one
// ulp these may be off by), the same sign on zeros and infinities, the same
// errno, and lgamma's sign.
bool matches(double ours, double theirs) {
    if (std::isnan(theirs)) return std::isnan(ours);
    if (theirs == 0.0 || std::isinf(theirs)) return bits(ours) == bits(theirs);
    return ulp_error(ours, theirs) <= 1.0;
}

const double specials[] = {0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 1e-310, -1e-310, 0x1p-1074,
                           -0x1p-1074, 0x1p-1022, 1e-300, 1e300, -1e300, DBL_MAX, -DBL_MAX, INFINITY, -INFINITY,
                           NAN, 0.1, 6.0, -6.0, 26.0, 26.6, 27.2, 27.3, 28.0, -28.0, 40.0, 45.0, 171.5, 171.7,
                           172.0, -170.5, -171.5, -182.5, -183.5, -190.5, -1e10, -0x1p52, -0x1p52 - 1.0,
                           2.55e305, 2.6e305, 1e16, 0x1p-60, 0x1p-61, 1e-20, 0x1.3a7fc9600f86cp+1};

TEST(LibcMathSpecial, SpecialValuesAndErrnoMatchGlibc) {
    // glibc's double functions are off by up to 9 ulps (tgamma(26) by 2):
    // finite nonzero results are compared with the long double functions
    // (unless a Bessel function is near a zero, as above), the others with
    // glibc's double results, sign included.
    struct one {
        const char* name;
        unary ours;
        unary theirs;
        unary_ld exact;
        bool bessel;
    };
    const one unaries[] = {
        {"erf", m::erf, ::erf, erfl, false}, {"erfc", m::erfc, ::erfc, erfcl, false},
        {"tgamma", m::tgamma, ::tgamma, tgammal, false}, {"j0", m::j0, ::j0, j0l, true},
        {"j1", m::j1, ::j1, j1l, true},      {"y0", m::y0, ::y0, y0l, true},
        {"y1", m::y1, ::y1, y1l, true},
    };
    for (const one& f : unaries) {
        for (double x : specials) {
            errno = 0;
            double ours = f.ours(x);
            int our_errno = errno;
            errno = 0;
            double theirs = f.theirs(x);
            int their_errno = errno;
            std::string call = std::string(f.name) + "(" + text(x) + ") = " + text(ours);
            if (std::isfinite(theirs) && theirs != 0.0) {
                long double exact = f.exact(x);
                if (!f.bessel || std::fabs(x) < 0.5 || std::fabs(exact) >= amplitude(std::fabs(x)) / 16) {
                    EXPECT_LT(ulp_error(ours, exact), error_bound) << call;
                }
            } else {
                EXPECT_TRUE(matches(ours, theirs)) << call << ", glibc " << text(theirs);
            }
            EXPECT_EQ(our_errno, their_errno) << f.name << "(" << text(x) << ")";
        }
    }
    for (double x : specials) {
        int our_sign = 0;
        int their_sign = 0;
        errno = 0;
        double ours = m::lgamma(x, &our_sign);
        int our_errno = errno;
        errno = 0;
        double theirs = lgamma_r(x, &their_sign);
        if (std::isfinite(theirs) && theirs != 0.0) {
            EXPECT_LT(ulp_error(ours, lgammal(x)), error_bound) << "lgamma(" << text(x) << ") = " << text(ours);
        } else {
            EXPECT_TRUE(matches(ours, theirs)) << "lgamma(" << text(x) << ") = " << text(ours) << ", glibc "
                                               << text(theirs);
        }
        EXPECT_EQ(our_errno, errno) << "lgamma(" << text(x) << ")";
        EXPECT_EQ(our_sign, their_sign) << "lgamma(" << text(x) << ")";
    }
    // jn and yn. glibc's jn(INT_MIN, x) is NaN (it negates INT_MIN) and its
    // jn(INT_MAX - 1, 2.457) is -0; lwp gives J_n's own values there
    // (docs/libc.md). For the large orders, only the arguments where
    // neither library takes n steps of a recurrence (seconds near 2^31).
    const double few[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, 1e-300, -1e-300, 1e300, DBL_MAX, 2.6e305};
    for (int n : {0, 1, 2, -1, -2, 3, -3, 10, -11, 100, 1000, 100000, INT_MAX - 1, INT_MIN + 1}) {
        bool large = n > 1000 || n < -1000;
        for (double x : large ? std::vector<double>(std::begin(few), std::end(few))
                              : std::vector<double>(std::begin(specials), std::end(specials))) {
            for (bool bessel_y : {false, true}) {
                errno = 0;
                double ours = bessel_y ? m::yn(n, x) : m::jn(n, x);
                int our_errno = errno;
                errno = 0;
                double theirs = bessel_y ? ::yn(n, x) : ::jn(n, x);
                int their_errno = errno;
                std::string call = std::string(bessel_y ? "yn(" : "jn(") + std::to_string(n) + ", " + text(x) + ")";
                // glibc's double jn and yn can be far off in the oscillating
                // range; compare those values with the long double ones.
                if (std::isfinite(theirs) && theirs != 0.0) {
                    long double reference = bessel_y ? ynl(n, x) : jnl(n, x);
                    if (std::fabs(reference) > amplitude(std::fabs(x)) / 16) {
                        EXPECT_LE(ulp_error(ours, reference), error_bound) << call << " = " << text(ours);
                    }
                } else {
                    EXPECT_TRUE(matches(ours, theirs)) << call << " = " << text(ours) << ", glibc " << text(theirs);
                }
                EXPECT_EQ(our_errno, their_errno) << call;
            }
        }
    }
    // Floats: the C names narrow the double results (math_special_symbols.cpp).
    const float float_specials[] = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, 1e-45f, -1e-45f, 1e-39f, FLT_MAX, -FLT_MAX,
                                    INFINITY, -INFINITY, NAN, 10.0f, 10.5f, 36.0f, 35.0f, -42.5f, -45.5f,
                                    -3.0f, 1e37f, 4.5e36f, 2.0f, 2.5f};
    // (glibc's float functions are off by up to 9 float ulps, j0f(2) by 2: the
    // finite results are compared with the long double functions instead.)
    struct one_float {
        const char* name;
        unary ours;
        float (*theirs)(float);
        unary_ld exact;
    };
    const one_float floats[] = {
        {"erff", m::erf, ::erff, erfl},          {"erfcf", m::erfc, ::erfcf, erfcl},
        {"tgammaf", m::tgamma, ::tgammaf, tgammal}, {"j0f", m::j0, ::j0f, j0l},
        {"j1f", m::j1, ::j1f, j1l},              {"y0f", m::y0, ::y0f, y0l},
        {"y1f", m::y1, ::y1f, y1l},
    };
    auto check_float = [](const char* name, float x, float ours, int our_errno, float theirs, int their_errno,
                          long double exact) {
        if (std::isfinite(theirs) && theirs != 0.0f) {
            EXPECT_LT(float_ulp_error(ours, exact), error_bound) << name << "(" << text(x) << ") = " << text(ours);
        } else {
            EXPECT_TRUE(matches(ours, theirs)) << name << "(" << text(x) << ") = " << text(ours) << ", glibc "
                                               << text(theirs);
        }
        EXPECT_EQ(our_errno, their_errno) << name << "(" << text(x) << ")";
    };
    for (const one_float& f : floats) {
        for (float x : float_specials) {
            errno = 0;
            float ours = m::narrow(f.ours(x));
            int our_errno = errno;
            errno = 0;
            float theirs = f.theirs(x);
            int their_errno = errno;
            check_float(f.name, x, ours, our_errno, theirs, their_errno, f.exact(x));
        }
    }
    for (float x : float_specials) {
        int our_sign = 0;
        int their_sign = 0;
        errno = 0;
        float ours = m::narrow(m::lgamma(x, &our_sign));
        int our_errno = errno;
        errno = 0;
        float theirs = lgammaf_r(x, &their_sign);
        check_float("lgammaf", x, ours, our_errno, theirs, errno, lgammal(x));
        EXPECT_EQ(our_sign, their_sign) << "lgammaf(" << text(x) << ")";
        for (int n : {2, 5, -3}) {
            errno = 0;
            ours = m::narrow(m::jn(n, x));
            our_errno = errno;
            errno = 0;
            theirs = ::jnf(n, x);
            check_float("jnf", x, ours, our_errno, theirs, errno, jnl(n, x));
            if (x < 0.0f) continue;
            errno = 0;
            ours = m::narrow(m::yn(n, x));
            our_errno = errno;
            errno = 0;
            theirs = ::ynf(n, x);
            check_float("ynf", x, ours, our_errno, theirs, errno, ynl(n, x));
        }
    }
}

// erfc's subnormal results set no errno, its zero does, as with glibc.
TEST(LibcMathSpecial, ErfcUnderflowMatchesGlibc) {
    for (double x = 26.0; x < 27.5; x += 0x1p-7) {
        errno = 0;
        double ours = m::erfc(x);
        int our_errno = errno;
        errno = 0;
        double theirs = ::erfc(x);
        EXPECT_LE(ulp_error(ours, erfcl(x)), error_bound) << text(x);
        EXPECT_TRUE(matches(ours, theirs)) << text(x);
        EXPECT_EQ(our_errno, errno) << text(x);
    }
}

// remquo: bit for bit glibc's result and quotient; nexttoward and
// nexttowardf: glibc's result and errno.
float (*volatile glibc_remquof)(float, float, int*) = ::remquof;
double (*volatile glibc_nexttoward)(double, long double) = ::nexttoward;
float (*volatile glibc_nexttowardf)(float, long double) = ::nexttowardf;

TEST(LibcMathSpecial, RemquoAndNexttowardMatchGlibc) {
    generator g(113);
    const double remquo_specials[] = {0.0, -0.0, 1.0, -1.0, 7.6, 8.0, 2.5, 3.5, 0x1p-1074, 0x1p-1022,
                                      0x1p1021, 0x1p1022, 0x1p1023, DBL_MAX, INFINITY, -INFINITY, NAN, 1e300};
    auto check_remquo = [](double x, double y) {
        int ours_quotient = 12345;
        int theirs_quotient = 12345;
        errno = 0;
        double ours = m::remquo(x, y, &ours_quotient);
        int our_errno = errno;
        errno = 0;
        double theirs = ::remquo(x, y, &theirs_quotient);
        std::string call = "remquo(" + text(x) + ", " + text(y) + ")";
        ASSERT_TRUE(std::isnan(theirs) ? std::isnan(ours) : bits(ours) == bits(theirs))
            << call << " = " << text(ours) << ", glibc " << text(theirs);
        ASSERT_EQ(ours_quotient, theirs_quotient) << call;
        ASSERT_EQ(our_errno, errno) << call;
    };
    for (double x : remquo_specials) {
        for (double y : remquo_specials) {
            check_remquo(x, y);
            check_remquo(-x, y);
            check_remquo(x, -y);
        }
    }
    for (int i = 0; i < random_count * 5; ++i) {
        double y = g.log_uniform(-1074 + 52, 1023, true);
        if (g.integer(0, 3) == 0) y = g.log_uniform(-1074, -1020, true);  // subnormal divisors
        double x;
        switch (g.integer(0, 3)) {
            case 0: x = y * g.uniform(-20.0, 20.0); break;
            case 1: x = y * (std::round(g.uniform(-40.0, 40.0)) * 0.5); break;  // ties
            case 2: x = g.log_uniform(-1074 + 52, 1023, true); break;
            default: x = y * g.log_uniform(0, 60, true); break;
        }
        if (!std::isfinite(x)) continue;
        check_remquo(x, y);
        float fx = static_cast<float>(x * 0x1p-40);
        float fy = static_cast<float>(y * 0x1p-40);
        int ours_quotient = 0;
        int theirs_quotient = 0;
        float ours = static_cast<float>(m::remquo(fx, fy, &ours_quotient));
        float theirs = glibc_remquof(fx, fy, &theirs_quotient);
        ASSERT_TRUE(std::memcmp(&ours, &theirs, sizeof ours) == 0 || (ours != ours && theirs != theirs))
            << text(fx) << ", " << text(fy);
        if (ours == ours) ASSERT_EQ(ours_quotient, theirs_quotient) << text(fx) << ", " << text(fy);
    }
    const long double toward[] = {0.0L, -0.0L, 1.0L, -1.0L, 1.0L + 0x1p-60L, 1.0L - 0x1p-60L, 0x1p-1080L,
                                  -0x1p-1080L, 1e400L, -1e400L, DBL_MAX, static_cast<long double>(DBL_MAX) * 2,
                                  static_cast<long double>(FLT_MAX) + 1, INFINITY, -INFINITY, NAN, 0x1p-1074L,
                                  0x1p-1022L, 0x1p-149L, 0x1p-126L, 3.0L};
    const double from[] = {0.0, -0.0, 1.0, -1.0, 0x1p-1074, -0x1p-1074, 0x1p-1022, DBL_MAX, -DBL_MAX,
                           INFINITY, -INFINITY, NAN, 3.0, 0x1p-149, 0x1p-126, FLT_MAX};
    // The overflow and underflow flags too (bug-nexttoward in glibc's tests
    // checks them; it needs nexttowardl, which lwp lacks).
    const int flags = FE_OVERFLOW | FE_UNDERFLOW;
    for (double x : from) {
        for (long double y : toward) {
            errno = 0;
            std::feclearexcept(FE_ALL_EXCEPT);
            double ours = m::nexttoward(x, y);
            int our_errno = errno;
            int our_flags = std::fetestexcept(flags);
            errno = 0;
            std::feclearexcept(FE_ALL_EXCEPT);
            double theirs = glibc_nexttoward(x, y);
            int their_errno = errno;
            int their_flags = std::fetestexcept(flags);
            char y_text[48];
            std::snprintf(y_text, sizeof y_text, "%La", y);
            std::string call = "nexttoward(" + text(x) + ", " + y_text + ")";
            EXPECT_TRUE(std::isnan(theirs) ? std::isnan(ours) : bits(ours) == bits(theirs)) << call;
            EXPECT_EQ(our_errno, their_errno) << call;
            EXPECT_EQ(our_flags, their_flags) << call;
            float fx = static_cast<float>(x);
            errno = 0;
            std::feclearexcept(FE_ALL_EXCEPT);
            float ours_float = m::nexttowardf(fx, y);
            our_errno = errno;
            our_flags = std::fetestexcept(flags);
            errno = 0;
            std::feclearexcept(FE_ALL_EXCEPT);
            float theirs_float = glibc_nexttowardf(fx, y);
            their_errno = errno;
            their_flags = std::fetestexcept(flags);
            EXPECT_TRUE(std::memcmp(&ours_float, &theirs_float, sizeof ours_float) == 0 ||
                        (ours_float != ours_float && theirs_float != theirs_float))
                << "nexttowardf" << call;
            EXPECT_EQ(our_errno, their_errno) << "nexttowardf" << call;
            EXPECT_EQ(our_flags, their_flags) << "nexttowardf" << call;
        }
    }
    for (int i = 0; i < random_count; ++i) {
        double x = g.log_uniform(-1074 + 52, 1023, true);
        long double y = static_cast<long double>(x) * (1.0L + (g.coin() ? 1 : -1) * std::ldexp(1.0L, -g.integer(1, 63)));
        ASSERT_EQ(bits(m::nexttoward(x, y)), bits(::nexttoward(x, y))) << text(x);
    }
}

}  // namespace
