// The C library's calendar time: gmtime gmtime_r localtime localtime_r
// mktime timelocal timegm difftime strftime asctime asctime_r ctime ctime_r tzset,
// the globals tzname timezone daylight (and glibc's __tzname __timezone
// __daylight, the same objects), clock and times.
//
// The zone comes from TZ the way glibc finds it (time_zone.cpp). tzset,
// localtime, ctime and mktime look at TZ again and reload the zone when its
// value changed; localtime_r and ctime_r load it only the first time, as
// glibc's do, so that they need not read the environment on every call.
// The current zone is guarded by one lock, held only while a conversion
// consults it, and replaced whole on a reload. Abbreviations handed out in
// tm_zone and tzname are copied once into storage that is never freed (as
// glibc keeps them), so a pointer a program holds stays valid across any
// later tzset.
//
// gmtime and localtime share one static struct tm, and asctime and ctime
// one static buffer, as in glibc: the _r forms are the thread-safe ones.
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <time.h>

#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"
#include "calendar.hpp"
#include "errno_result.hpp"
#include "strftime_core.hpp"
#include "time_zone.hpp"

using lwp::libc::time_zone;

extern "C" {
char* tzname[2] = {const_cast<char*>("GMT"), const_cast<char*>("GMT")};
long timezone = 0;
int daylight = 0;
extern char* __tzname[2] __attribute__((alias("tzname")));
extern long __timezone __attribute__((alias("timezone")));
extern int __daylight __attribute__((alias("daylight")));
}

namespace {

lwp::runtime::internal_lock zone_lock;
// Under zone_lock: the zone, whether it was ever loaded, and the TZ value it
// was loaded from (a malloc'd copy; null for "unset").
time_zone* current_zone = nullptr;
bool zone_loaded = false;
char* loaded_from = nullptr;

// Abbreviations handed to the program: never freed (see the top).
struct kept_name {
    kept_name* next;
    char text[1];
};
kept_name* kept_names = nullptr;  // under zone_lock

const char* keep_name(const char* name) {
    for (kept_name* each = kept_names; each; each = each->next)
        if (strcmp(each->text, name) == 0) return each->text;
    std::size_t length = strlen(name);
    kept_name* copy = static_cast<kept_name*>(malloc(sizeof(kept_name) + length));
    if (copy == nullptr) return "";
    memcpy(copy->text, name, length + 1);
    copy->next = kept_names;
    kept_names = copy;
    return copy->text;
}

bool same_value(const char* a, const char* b) {
    return a == nullptr ? b == nullptr : b != nullptr && strcmp(a, b) == 0;
}

// With zone_lock held: loads the zone TZ names if it is not the one loaded
// (or, with `only_once`, if none is), and publishes tzname and the rest.
void refresh_zone(bool only_once) {
    if (zone_loaded && only_once) return;
    const char* tz = getenv("TZ");
    if (zone_loaded && same_value(tz, loaded_from)) return;
    time_zone* fresh = static_cast<time_zone*>(malloc(sizeof(time_zone)));
    char* value = tz ? strdup(tz) : nullptr;
    if (fresh == nullptr || (tz && value == nullptr)) {
        // No memory: keep the zone there is (if any), and try again next time.
        free(fresh);
        free(value);
        return;
    }
    // A set-user-ID program (AT_SECURE) ignores TZDIR and opens no file
    // outside the zoneinfo directory, as glibc's does.
    bool restricted = getauxval(AT_SECURE) != 0;
    const char* directory = restricted ? nullptr : getenv("TZDIR");
    lwp::libc::load_time_zone(tz, directory && *directory ? directory : "/usr/share/zoneinfo", *fresh,
                              restricted);
    if (current_zone) {
        lwp::libc::release_time_zone(*current_zone);
        free(current_zone);
    }
    free(loaded_from);
    current_zone = fresh;
    loaded_from = value;
    zone_loaded = true;
    tzname[0] = const_cast<char*>(keep_name(fresh->published_names[0]));
    tzname[1] = const_cast<char*>(keep_name(fresh->published_names[1]));
    timezone = fresh->seconds_west;
    daylight = fresh->has_daylight_time;
}

// UTC when no zone could be loaded at all (no memory).
lwp::libc::local_time_kind kind_at(std::int64_t seconds) {
    if (current_zone == nullptr) return {0, false, "UTC"};
    return lwp::libc::zone_kind_at(*current_zone, seconds);
}

struct tm* fill_fields(std::int64_t seconds, std::int32_t offset, bool is_daylight, const char* name,
                       struct tm* fields) {
    struct tm result;
    if (!lwp::libc::fields_from_seconds(seconds, offset, result)) {
        errno = EOVERFLOW;
        return nullptr;
    }
    result.tm_isdst = is_daylight ? 1 : 0;
    result.tm_gmtoff = offset;
    result.tm_zone = name;
    *fields = result;
    return fields;
}

struct tm* local_fields(const time_t* seconds, struct tm* fields, bool only_once) {
    lwp::libc::local_time_kind kind;
    const char* name;
    {
        lwp::runtime::internal_lock_guard hold(zone_lock);
        refresh_zone(only_once);
        kind = kind_at(*seconds);
        name = keep_name(kind.name);
    }
    return fill_fields(*seconds, kind.offset, kind.is_daylight, name, fields);
}

time_t make_local_time(struct tm* fields) {
    std::int64_t local = lwp::libc::seconds_from_fields(*fields);
    std::int64_t seconds;
    lwp::libc::local_time_kind kind;
    const char* name;
    {
        lwp::runtime::internal_lock_guard hold(zone_lock);
        refresh_zone(false);
        if (current_zone) seconds = lwp::libc::zone_local_to_utc(*current_zone, local, fields->tm_isdst);
        else seconds = local;
        kind = kind_at(seconds);
        name = keep_name(kind.name);
    }
    if (fill_fields(seconds, kind.offset, kind.is_daylight, name, fields) == nullptr) return -1;
    return seconds;
}

// One static struct tm for gmtime and localtime, one buffer for asctime
// and ctime, as in glibc.
struct tm static_fields;
char static_text[64];

constexpr char day_abbreviations[] = "SunMonTueWedThuFriSat";
constexpr char month_abbreviations[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

// Appends `value` with at least `digits` digits (zeros after any sign), or
// right-aligned in `width` columns.
char* put_decimal(char* out, long long value, int digits, int width) {
    char reversed[24];
    int count = 0;
    unsigned long long magnitude = value < 0 ? 0ULL - static_cast<unsigned long long>(value)
                                             : static_cast<unsigned long long>(value);
    do {
        reversed[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (count < digits) reversed[count++] = '0';
    if (value < 0) reversed[count++] = '-';
    for (int spaces = width - count; spaces > 0; --spaces) *out++ = ' ';
    while (count > 0) *out++ = reversed[--count];
    return out;
}

// asctime's text, "Sun Sep 16 01:03:52 1973\n": C's own format, "???" for a
// day or month out of range as glibc writes. `size` bytes at `out`; null
// and EOVERFLOW if it does not fit (or the year overflows an int).
char* format_asctime(const struct tm* fields, char* out, std::size_t size) {
    if (fields->tm_year > INT_MAX - 1900) {
        errno = EOVERFLOW;
        return nullptr;
    }
    char text[96];
    char* cursor = text;
    bool day_known = fields->tm_wday >= 0 && fields->tm_wday <= 6;
    memcpy(cursor, day_known ? day_abbreviations + 3 * fields->tm_wday : "???", 3);
    cursor += 3;
    *cursor++ = ' ';
    bool month_known = fields->tm_mon >= 0 && fields->tm_mon <= 11;
    memcpy(cursor, month_known ? month_abbreviations + 3 * fields->tm_mon : "???", 3);
    cursor += 3;
    cursor = put_decimal(cursor, fields->tm_mday, 1, 3);
    *cursor++ = ' ';
    cursor = put_decimal(cursor, fields->tm_hour, 2, 0);
    *cursor++ = ':';
    cursor = put_decimal(cursor, fields->tm_min, 2, 0);
    *cursor++ = ':';
    cursor = put_decimal(cursor, fields->tm_sec, 2, 0);
    *cursor++ = ' ';
    cursor = put_decimal(cursor, fields->tm_year + 1900LL, 1, 0);
    *cursor++ = '\n';
    std::size_t length = static_cast<std::size_t>(cursor - text);
    if (length + 1 > size) {
        errno = EOVERFLOW;
        return nullptr;
    }
    memcpy(out, text, length);
    out[length] = '\0';
    return out;
}

std::int64_t strftime_epoch_seconds(const struct tm& fields, void*) {
    struct tm copy = fields;
    return make_local_time(&copy);
}

}  // namespace

namespace lwp::runtime {

// fork holds the zone's lock across the clone (fork_hooks.hpp), so the
// child never inherits it taken, or the zone half replaced.
void time_zone_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) zone_lock.lock();
    else zone_lock.unlock();
}

}  // namespace lwp::runtime

extern "C" {

void tzset(void) noexcept {
    lwp::runtime::internal_lock_guard hold(zone_lock);
    refresh_zone(false);
}

struct tm* gmtime_r(const time_t* __restrict seconds, struct tm* __restrict fields) noexcept {
    return fill_fields(*seconds, 0, false, "GMT", fields);
}

// glibc's other name for gmtime_r, exported for older programs.
struct tm* __gmtime_r(const time_t* __restrict, struct tm* __restrict) noexcept
    __attribute__((alias("gmtime_r")));

struct tm* gmtime(const time_t* seconds) noexcept { return gmtime_r(seconds, &static_fields); }

struct tm* localtime_r(const time_t* __restrict seconds, struct tm* __restrict fields) noexcept {
    return local_fields(seconds, fields, true);
}

struct tm* localtime(const time_t* seconds) noexcept { return local_fields(seconds, &static_fields, false); }

time_t mktime(struct tm* fields) noexcept { return make_local_time(fields); }

// glibc's older name for mktime.
time_t timelocal(struct tm* fields) noexcept { return make_local_time(fields); }

time_t timegm(struct tm* fields) noexcept {
    std::int64_t seconds = lwp::libc::seconds_from_fields(*fields);
    if (fill_fields(seconds, 0, false, "GMT", fields) == nullptr) return -1;
    return seconds;
}

// Exact whenever the difference fits a double's 53 bits; otherwise the
// difference of the two values in long double, rounded once more.
double difftime(time_t later, time_t earlier) noexcept {
    long long difference;
    if (!__builtin_sub_overflow(later, earlier, &difference)) return static_cast<double>(difference);
    return static_cast<double>(static_cast<long double>(later) - static_cast<long double>(earlier));
}

size_t strftime(char* __restrict buffer, size_t size, const char* __restrict format,
                const struct tm* __restrict fields) noexcept {
    lwp::libc::time_format_context context{strftime_epoch_seconds, nullptr, tzname};
    return lwp::libc::format_time(buffer, size, format, *fields, context);
}

// C's asctime_r and ctime_r buffers are 26 bytes.
char* asctime_r(const struct tm* __restrict fields, char* __restrict buffer) noexcept {
    return format_asctime(fields, buffer, 26);
}

char* asctime(const struct tm* fields) noexcept {
    return format_asctime(fields, static_text, sizeof static_text);
}

char* ctime_r(const time_t* __restrict seconds, char* __restrict buffer) noexcept {
    struct tm fields;
    return localtime_r(seconds, &fields) ? asctime_r(&fields, buffer) : nullptr;
}

char* ctime(const time_t* seconds) noexcept {
    struct tm* fields = localtime(seconds);
    return fields ? asctime(fields) : nullptr;
}

// The process's processor time (all its threads), in CLOCKS_PER_SEC units:
// microseconds.
clock_t clock(void) noexcept {
    struct timespec used;
    if (lwp::sys::failed(lwp::sys::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &used))) return static_cast<clock_t>(-1);
    return static_cast<clock_t>(used.tv_sec * 1000000 + used.tv_nsec / 1000);
}

clock_t times(struct tms* usage) noexcept {
    long ticks = lwp::arch::syscall1(__NR_times, reinterpret_cast<long>(usage));
    return static_cast<clock_t>(lwp::libc::errno_result(ticks));
}

}  // extern "C"
