// The torture suite reports what it did as figures, one per line on stdout
// ("FIGURE <name> <value>"), so docs/reliability.md can record them.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace lwp_torture {

inline bool long_form() {
    const char* scale = std::getenv("LWP_TORTURE_SCALE");
    return scale && std::strcmp(scale, "long") == 0;
}

// `short_count` in CI, `long_count` with -DLWP_TORTURE_LONG=ON.
inline long scaled(long short_count, long long_count) { return long_form() ? long_count : short_count; }

inline void figure(const char* name, long value) {
    std::printf("FIGURE %s %ld\n", name, value);
    std::fflush(stdout);
}

}  // namespace lwp_torture
