// What the two math unit tests (libc_math_test.cpp, libc_math_special_test.cpp)
// measure with: a result's error in ulps against glibc's long double value,
// the worst case seen, and seeded random arguments.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

namespace lwp_math_test {

inline std::uint64_t bits(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

inline double from(std::uint64_t b) {
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

// Exact, for reports and failure messages.
inline std::string text(double x) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%a", x);
    return buffer;
}

// The error of `value` in ulps of the double nearest `exact`; infinity when
// one is infinite or NaN and the other is not the same.
inline double ulp_error(double value, long double exact) {
    double nearest = static_cast<double>(exact);
    if (std::isnan(nearest) || std::isnan(value)) {
        return std::isnan(nearest) && std::isnan(value) ? 0.0 : INFINITY;
    }
    if (std::isinf(nearest) || std::isinf(value)) return value == nearest ? 0.0 : INFINITY;
    int exponent = nearest == 0.0 ? -1022 : std::ilogb(nearest);
    if (exponent < -1022) exponent = -1022;
    long double ulp = std::ldexp(1.0L, exponent - 52);
    return static_cast<double>(std::fabs(static_cast<long double>(value) - exact) / ulp);
}

// The same in float ulps.
inline double float_ulp_error(float value, long double exact) {
    float nearest = static_cast<float>(exact);
    if (std::isnan(nearest) || std::isnan(value)) {
        return std::isnan(nearest) && std::isnan(value) ? 0.0 : INFINITY;
    }
    if (std::isinf(nearest) || std::isinf(value)) return value == nearest ? 0.0 : INFINITY;
    int exponent = nearest == 0.0f ? -126 : std::ilogb(nearest);
    if (exponent < -126) exponent = -126;
    long double ulp = std::ldexp(1.0L, exponent - 23);
    return static_cast<double>(std::fabs(static_cast<long double>(value) - exact) / ulp);
}

struct worst_case {
    double error = 0.0;
    std::string where;
    int skipped = 0;  // arguments left out (near a zero, where the reference fails)
    void record(double e, const std::string& arguments) {
        if (!(e <= error)) {
            error = e;
            where = arguments;
        }
    }
    void print(const char* name, const char* unit = "ulp") const {
        std::printf("  %-8s max error %.4f %s at %s", name, error, unit, where.c_str());
        if (skipped != 0) std::printf(" (%d near zeros left out)", skipped);
        std::printf("\n");
    }
};

// Random doubles: uniform in [low, high], or with a uniformly random
// exponent (every binade equally likely) between 2^low_exp and 2^high_exp.
struct generator {
    std::mt19937_64 engine;
    explicit generator(std::uint64_t seed) : engine(seed) {}
    double uniform(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(engine);
    }
    double log_uniform(int low_exp, int high_exp, bool any_sign = false) {
        int e = std::uniform_int_distribution<int>(low_exp, high_exp)(engine);
        double mantissa = 1.0 + std::ldexp(static_cast<double>(engine() >> 12), -52);
        double x = std::ldexp(mantissa, e);
        if (any_sign && (engine() & 1)) x = -x;
        return x;
    }
    // Any finite double, every binade equally likely (subnormals included).
    double any_finite(bool any_sign = true) {
        for (;;) {
            double x = from(engine());
            if (std::isfinite(x)) return any_sign ? x : std::fabs(x);
        }
    }
    int integer(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine); }
    bool coin() { return (engine() & 1) != 0; }
};

}  // namespace lwp_math_test
