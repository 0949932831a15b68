// A Google Benchmark statistic for the least disturbed repetition: on a
// shared machine, bursts of other load only ever add time, so the fastest
// repetition complements the median. Register it with
//   ->ComputeStatistics("min", lwp_bench::fastest)
// bench/report reads the "min" aggregate next to the median.
#pragma once

#include <algorithm>
#include <vector>

namespace lwp_bench {

inline double fastest(const std::vector<double>& values) {
    return *std::min_element(values.begin(), values.end());
}

}  // namespace lwp_bench
