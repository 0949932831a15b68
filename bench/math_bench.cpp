// The double math functions: lwp's (runtime/libc/math_*.cpp, compiled here
// hosted, as tests/unit/libc_math_test.cpp does) against glibc's libm, on the
// same arguments. Names pair as BM_<function>/lwp (the public function: the
// fast path, falling back on the double-double one), BM_<function>/accurate
// (the double-double path alone, which was the whole function before the
// fast paths) and BM_<function>/glibc. One iteration calls the function on
// 1024 arguments (fixed seed): the time reported is that of 1024 calls,
// items_per_second the calls per second. Run with --benchmark_repetitions=N --benchmark_report_aggregates_only
// for medians.
//
// Arguments: exp uniform on [-700, 700]; log, log2 and log10 positive
// normal doubles, every binade equally likely, and half of them in [0.5, 2);
// sin, cos, sincos uniform on [-100, 100].
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include "runtime/libc/math.hpp"
#include "runtime/libc/math_exact.cpp"
#include "runtime/libc/math_exponential.cpp"
#include "runtime/libc/math_exponential_fast.cpp"
#include "runtime/libc/math_logarithm.cpp"
#include "runtime/libc/math_logarithm_fast.cpp"
#include "runtime/libc/math_trigonometric.cpp"
#include "runtime/libc/math_trigonometric_fast.cpp"

namespace {

namespace m = lwp::libc::math;
constexpr int argument_count = 1024;

std::vector<double> exp_arguments() {
    std::mt19937_64 engine(1);
    std::vector<double> v(argument_count);
    for (double& x : v) x = std::uniform_real_distribution<double>(-700.0, 700.0)(engine);
    return v;
}

std::vector<double> log_arguments() {
    std::mt19937_64 engine(2);
    std::vector<double> v(argument_count);
    for (int i = 0; i < argument_count; ++i) {
        double mantissa = 1.0 + std::ldexp(static_cast<double>(engine() >> 12), -52);
        int e = (i & 1) ? std::uniform_int_distribution<int>(-1022, 1023)(engine)
                        : std::uniform_int_distribution<int>(-1, 0)(engine);
        v[i] = std::ldexp(mantissa, e);
    }
    return v;
}

std::vector<double> trig_arguments() {
    std::mt19937_64 engine(3);
    std::vector<double> v(argument_count);
    for (double& x : v) x = std::uniform_real_distribution<double>(-100.0, 100.0)(engine);
    return v;
}

template <typename Function>
void run(benchmark::State& state, const std::vector<double>& arguments, Function function) {
    for (auto _ : state) {
        double sum = 0.0;
        for (double x : arguments) sum += function(x);
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * argument_count);
}

// glibc's functions through a pointer, so that GCC calls them as a program does.
double (*volatile glibc_exp)(double) = ::exp;
double (*volatile glibc_log)(double) = ::log;
double (*volatile glibc_log2)(double) = ::log2;
double (*volatile glibc_log10)(double) = ::log10;
double (*volatile glibc_sin)(double) = ::sin;
double (*volatile glibc_cos)(double) = ::cos;

#define MATH_BENCH(name, arguments, lwp_call, accurate_call, glibc_call)                         \
    void BM_##name##_lwp(benchmark::State& s) { run(s, arguments(), lwp_call); }               \
    void BM_##name##_accurate(benchmark::State& s) { run(s, arguments(), accurate_call); }     \
    void BM_##name##_glibc(benchmark::State& s) { run(s, arguments(), glibc_call); }           \
    BENCHMARK(BM_##name##_lwp)->Name("BM_" #name "/lwp");                                     \
    BENCHMARK(BM_##name##_accurate)->Name("BM_" #name "/accurate");                           \
    BENCHMARK(BM_##name##_glibc)->Name("BM_" #name "/glibc");

MATH_BENCH(exp, exp_arguments, m::exp, m::exp_accurate, [](double x) { return glibc_exp(x); })
MATH_BENCH(log, log_arguments, m::log, m::log_accurate, [](double x) { return glibc_log(x); })
MATH_BENCH(log2, log_arguments, m::log2, m::log2_accurate, [](double x) { return glibc_log2(x); })
MATH_BENCH(log10, log_arguments, m::log10, m::log10_accurate, [](double x) { return glibc_log10(x); })
MATH_BENCH(sin, trig_arguments, m::sin, m::sin_accurate, [](double x) { return glibc_sin(x); })
MATH_BENCH(cos, trig_arguments, m::cos, m::cos_accurate, [](double x) { return glibc_cos(x); })
// sin + cos of each argument, by one sincos call.
double lwp_sincos(double x) {
    double s;
    double c;
    m::sincos(x, &s, &c);
    return s + c;
}
double accurate_sincos(double x) {
    double s;
    double c;
    m::sincos_accurate(x, &s, &c);
    return s + c;
}
void (*volatile glibc_sincos_pointer)(double, double*, double*) = ::sincos;
double glibc_sincos(double x) {
    double s;
    double c;
    glibc_sincos_pointer(x, &s, &c);
    return s + c;
}
MATH_BENCH(sincos, trig_arguments, lwp_sincos, accurate_sincos, glibc_sincos)

// The share of arguments each fast path takes (the rest fall back), as a
// counter of a trivial benchmark.
void BM_fast_path_hits(benchmark::State& state) {
    auto e = exp_arguments(), l = log_arguments(), t = trig_arguments();
    long hits[6] = {0, 0, 0, 0, 0, 0};
    for (auto _ : state) {
        double r;
        for (int i = 0; i < argument_count; ++i) {
            hits[0] += m::exp_fast(e[i], &r);
            hits[1] += m::log_fast(l[i], &r);
            hits[2] += m::sin_fast(t[i], &r);
            hits[3] += m::cos_fast(t[i], &r);
            hits[4] += m::log2_fast(l[i], &r);
            hits[5] += m::log10_fast(l[i], &r);
        }
    }
    double calls = static_cast<double>(state.iterations()) * argument_count;
    state.counters["exp"] = hits[0] / calls;
    state.counters["log"] = hits[1] / calls;
    state.counters["sin"] = hits[2] / calls;
    state.counters["cos"] = hits[3] / calls;
    state.counters["log2"] = hits[4] / calls;
    state.counters["log10"] = hits[5] / calls;
}
BENCHMARK(BM_fast_path_hits)->Iterations(1);

}  // namespace
