// strftime's engine: every conversion glibc's strftime has in the "C"
// locale, with glibc's flags (_ - 0 ^ #) and field widths. No C symbols:
// calendar_time.cpp wraps it as strftime, and the hosted unit test
// compiles strftime_core.cpp directly.
#pragma once

#include <time.h>

#include <cstddef>
#include <cstdint>

namespace lwp::libc {

struct time_format_context {
    // %s: the seconds since the epoch the fields name in the local zone
    // (mktime on a copy).
    std::int64_t (*epoch_seconds)(const struct tm& fields, void* state);
    void* state;
    // %Z when tm_zone is null or empty: the zone's tzname entries.
    const char* const* zone_names;
};

// Writes the formatted text and its NUL into `buffer`. The length without
// the NUL, or 0 if it needs `size` bytes or more (the buffer's contents are
// then unspecified, as in C).
std::size_t format_time(char* buffer, std::size_t size, const char* format, const struct tm& fields,
                        const time_format_context& context);

}  // namespace lwp::libc
