// lwp's calendar time (runtime/libc/calendar.hpp, posix_time_zone_rule.cpp,
// zoneinfo_file.cpp, time_zone.cpp, strftime_core.cpp) against the host
// glibc's gmtime_r, localtime_r, mktime, timegm and strftime: every few
// hours from 1900 to 2100 and around every transition of a dozen zones
// from /usr/share/zoneinfo and of POSIX rule strings, with glibc's zone
// chosen by setenv("TZ") and tzset. The engine defines no C symbols, so it
// is compiled straight into this hosted test. No timing is measured.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "runtime/libc/posix_time_zone_rule.cpp"
#include "runtime/libc/strftime_core.cpp"
#include "runtime/libc/time_zone.cpp"
#include "runtime/libc/zoneinfo_file.cpp"

namespace {

using lwp::libc::time_zone;

constexpr char zoneinfo[] = "/usr/share/zoneinfo";

const char* const file_zones[] = {
    "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata",
    "Pacific/Apia", "America/Sao_Paulo", "Africa/Casablanca", "Europe/Dublin", "America/Nuuk",
    "Asia/Jerusalem", "America/St_Johns", "Antarctica/Troll", ":Europe/London",
};

const char* const rule_zones[] = {
    "EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30", "CET-1CEST,M3.5.0,M10.5.0/3",
    "IST-2IDT,M3.4.4/26,M10.5.0", "AAA3BBB,J60/0,J300/0", "AAA3BBB,59/0,299/0",
    "NZST-12NZDT,M9.5.0,M4.1.0/3", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
    "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "XXX-5:45", "Foo", "Foo/Bar", "UTC0", "",
};

bool zoneinfo_installed() { return access("/usr/share/zoneinfo/America/New_York", R_OK) == 0; }

// glibc's zone, freshly loaded: a different value first, since glibc keeps
// a zone whose TZ value did not change (and the globals it last wrote).
void use_glibc_zone(const char* tz) {
    setenv("TZ", "GMT0", 1);
    tzset();
    setenv("TZ", tz, 1);
    tzset();
}

struct lwp_zone {
    time_zone zone;
    explicit lwp_zone(const char* tz) { lwp::libc::load_time_zone(tz, zoneinfo, zone); }
    ~lwp_zone() { lwp::libc::release_time_zone(zone); }
    lwp_zone(const lwp_zone&) = delete;
    lwp_zone& operator=(const lwp_zone&) = delete;

    bool local(std::int64_t seconds, tm& fields) const {
        lwp::libc::local_time_kind kind = lwp::libc::zone_kind_at(zone, seconds);
        fields = tm{};
        if (!lwp::libc::fields_from_seconds(seconds, kind.offset, fields)) return false;
        fields.tm_isdst = kind.is_daylight;
        fields.tm_gmtoff = kind.offset;
        fields.tm_zone = kind.name;
        return true;
    }

    // mktime: the instant, and the fields normalised as mktime leaves them.
    std::int64_t make(tm& fields) const {
        std::int64_t seconds =
            lwp::libc::zone_local_to_utc(zone, lwp::libc::seconds_from_fields(fields), fields.tm_isdst);
        local(seconds, fields);
        return seconds;
    }
};

std::string describe(const tm& fields) {
    char text[160];
    snprintf(text, sizeof text, "%d-%02d-%02d %02d:%02d:%02d wday %d yday %d isdst %d gmtoff %ld zone %s",
             fields.tm_year + 1900, fields.tm_mon + 1, fields.tm_mday, fields.tm_hour, fields.tm_min,
             fields.tm_sec, fields.tm_wday, fields.tm_yday, fields.tm_isdst, fields.tm_gmtoff,
             fields.tm_zone ? fields.tm_zone : "(null)");
    return text;
}

// The fields describe() shows, compared directly: describe() on every
// instant was a third of these tests' time.
bool same_fields(const tm& a, const tm& b) {
    return a.tm_year == b.tm_year && a.tm_mon == b.tm_mon && a.tm_mday == b.tm_mday &&
           a.tm_hour == b.tm_hour && a.tm_min == b.tm_min && a.tm_sec == b.tm_sec &&
           a.tm_wday == b.tm_wday && a.tm_yday == b.tm_yday && a.tm_isdst == b.tm_isdst &&
           a.tm_gmtoff == b.tm_gmtoff &&
           strcmp(a.tm_zone ? a.tm_zone : "(null)", b.tm_zone ? b.tm_zone : "(null)") == 0;
}

// The instants to compare in a zone: a walk through 1900-2100 in steps
// that drift through every hour and minute, and each change of local time
// with the seconds either side of it.
// glibc applies a POSIX rule to the years before 1970 with 1970's dates
// (its compute_change starts every such year at 1970-01-01), so rules are
// compared from 1970 on only.
std::vector<std::int64_t> instants_for(const lwp_zone& zone) {
    std::vector<std::int64_t> instants;
    const std::int64_t first = zone.zone.from_file ? -2208988800LL : 86400;  // 1900 or 1970
    const std::int64_t last = 4133980800LL;                                   // 2101
    for (std::int64_t when = first; when < last; when += 7 * 3600 + 13 * 60 + 17) instants.push_back(when);
    std::int64_t at = first;
    std::int64_t next;
    while (lwp::libc::zone_next_change(zone.zone, at, next) && next < last) {
        for (std::int64_t delta : {-3601, -1, 0, 1, 1799, 3600}) instants.push_back(next + delta);
        at = next;
    }
    return instants;
}

void compare_local_times(const char* tz) {
    lwp_zone ours(tz);
    use_glibc_zone(tz);
    std::vector<std::int64_t> instants = instants_for(ours);
    int mismatches = 0;
    for (std::int64_t when : instants) {
        time_t seconds = when;
        tm theirs{}, mine{};
        ASSERT_TRUE(localtime_r(&seconds, &theirs));
        ASSERT_TRUE(ours.local(when, mine));
        if (!same_fields(theirs, mine) && ++mismatches < 10)
            ADD_FAILURE() << tz << " at " << when << ": glibc " << describe(theirs) << ", lwp "
                          << describe(mine);
    }
    EXPECT_EQ(mismatches, 0) << tz << ": of " << instants.size();
}

TEST(LibcTimeConversion, LocalTimeMatchesGlibcInZoneinfoZones) {
    if (!zoneinfo_installed()) GTEST_SKIP() << "no tzdata in /usr/share/zoneinfo";
    for (const char* tz : file_zones) compare_local_times(tz);
}

TEST(LibcTimeConversion, LocalTimeMatchesGlibcUnderPosixRules) {
    for (const char* tz : rule_zones) compare_local_times(tz);
}

// The instants whose local time in `zone` is `wall`: none in a gap, two in
// an overlap.
std::vector<std::int64_t> readings(const time_zone& zone, std::int64_t wall) {
    std::vector<std::int64_t> found;
    std::int64_t at = wall - 26 * 3600, next;
    for (;;) {
        std::int64_t candidate = wall - lwp::libc::zone_kind_at(zone, at).offset;
        if (lwp::libc::zone_kind_at(zone, candidate).offset == wall - candidate &&
            std::find(found.begin(), found.end(), candidate) == found.end())
            found.push_back(candidate);
        if (!lwp::libc::zone_next_change(zone, at, next) || next > wall + 26 * 3600) break;
        at = next;
    }
    return found;
}

// mktime on glibc's own fields for each instant, with the flag localtime
// gave, the opposite flag and -1. Where the local time happens twice,
// glibc's choice depends on its previous calls: only a flag that one
// reading alone has is compared there.
void compare_mktime(const char* tz) {
    lwp_zone ours(tz);
    use_glibc_zone(tz);
    std::vector<std::int64_t> instants = instants_for(ours);
    int mismatches = 0;
    for (std::size_t i = 0; i < instants.size(); i += 4) {
        time_t seconds = instants[i];
        tm local{};
        ASSERT_TRUE(localtime_r(&seconds, &local));
        std::int64_t wall = lwp::libc::seconds_from_fields(local);
        std::vector<std::int64_t> found = readings(ours.zone, wall);
        for (int flag : {local.tm_isdst, 1 - local.tm_isdst, -1}) {
            // A contradicting flag makes both sides probe up to seven years
            // away: fewer of those.
            if (flag == 1 - local.tm_isdst && i % 40 != 0) continue;
            if (found.size() > 1) {
                int with_flag = 0;
                for (std::int64_t reading : found)
                    with_flag += flag >= 0 && lwp::libc::zone_kind_at(ours.zone, reading).is_daylight == (flag != 0);
                if (with_flag != 1) continue;
            }
            tm theirs = local, mine = local;
            theirs.tm_isdst = mine.tm_isdst = flag;
            time_t expected = mktime(&theirs);
            std::int64_t actual = ours.make(mine);
            if ((expected != actual || !same_fields(theirs, mine)) && ++mismatches < 10)
                ADD_FAILURE() << tz << " mktime of " << describe(local) << " with isdst " << flag
                              << ": glibc " << expected << " " << describe(theirs) << ", lwp " << actual
                              << " " << describe(mine);
        }
    }
    EXPECT_EQ(mismatches, 0) << tz;
}

TEST(LibcTimeConversion, MktimeMatchesGlibc) {
    if (zoneinfo_installed())
        for (const char* tz : file_zones) compare_mktime(tz);
    for (const char* tz : rule_zones) compare_mktime(tz);
}

// Local times the clocks skip, with each tm_isdst: glibc returns a time
// the size of the gap away, on the side whose flag differs from the one
// asked for. Gaps with the same flag on both sides (a change of standard
// time) are left out: glibc's answer there depends on its previous calls,
// and is sometimes -1.
void compare_gaps(const char* tz) {
    lwp_zone ours(tz);
    use_glibc_zone(tz);
    int mismatches = 0, gaps = 0;
    std::int64_t at = ours.zone.from_file ? -2208988800LL : 86400, next;
    while (lwp::libc::zone_next_change(ours.zone, at, next) && next < 4133980800LL) {
        auto before = lwp::libc::zone_kind_at(ours.zone, next - 1);
        auto after = lwp::libc::zone_kind_at(ours.zone, next);
        at = next;
        if (after.offset <= before.offset || after.is_daylight == before.is_daylight) continue;
        ++gaps;
        std::int64_t wall = next + before.offset + (after.offset - before.offset) / 2;
        tm fields{};
        lwp::libc::fields_from_seconds(wall, 0, fields);
        for (int flag : {-1, 0, 1}) {
            tm theirs = fields, mine = fields;
            theirs.tm_isdst = mine.tm_isdst = flag;
            time_t expected = mktime(&theirs);
            std::int64_t actual = ours.make(mine);
            if ((expected != actual || !same_fields(theirs, mine)) && ++mismatches < 10)
                ADD_FAILURE() << tz << " gap at " << next << " isdst " << flag << ": glibc " << expected
                              << " " << describe(theirs) << ", lwp " << actual << " " << describe(mine);
        }
    }
    EXPECT_EQ(mismatches, 0) << tz << ": of " << gaps << " gaps";
}

TEST(LibcTimeConversion, MktimeInGapsMatchesGlibc) {
    if (zoneinfo_installed())
        for (const char* tz : file_zones) compare_gaps(tz);
    for (const char* tz : rule_zones) compare_gaps(tz);
}

TEST(LibcTimeConversion, PublishedNamesMatchGlibcAfterTzset) {
    std::vector<const char*> zones(std::begin(rule_zones), std::end(rule_zones));
    if (zoneinfo_installed()) zones.insert(zones.end(), std::begin(file_zones), std::end(file_zones));
    for (const char* tz : zones) {
        lwp_zone ours(tz);
        use_glibc_zone(tz);
        EXPECT_STREQ(ours.zone.published_names[0], tzname[0]) << tz;
        EXPECT_STREQ(ours.zone.published_names[1], tzname[1]) << tz;
        EXPECT_EQ(ours.zone.seconds_west, timezone) << tz;
        EXPECT_EQ(ours.zone.has_daylight_time, daylight) << tz;
    }
}

TEST(LibcTimeConversion, GmtimeAndTimegmMatchGlibc) {
    std::mt19937_64 random(12345);
    lwp_zone utc("");
    for (int i = 0; i < 200000; ++i) {
        // Instants up to about 35,000 years either way, then anywhere.
        std::int64_t when = static_cast<std::int64_t>(random() % (std::uint64_t{1} << 40)) - (std::int64_t{1} << 39);
        if (i % 10 == 0) when = static_cast<std::int64_t>(random()) >> (random() % 8);
        time_t seconds = when;
        tm theirs{}, mine{};
        bool glibc_ok = gmtime_r(&seconds, &theirs) != nullptr;
        bool lwp_ok = lwp::libc::fields_from_seconds(when, 0, mine);
        ASSERT_EQ(glibc_ok, lwp_ok) << when;
        if (!glibc_ok) continue;
        mine.tm_zone = theirs.tm_zone;  // "GMT", set by calendar_time.cpp
        ASSERT_TRUE(same_fields(theirs, mine)) << when << ": glibc " << describe(theirs) << ", lwp "
                                                << describe(mine);
    }
    // timegm's normalisation of fields out of range, wildly so.
    for (int i = 0; i < 200000; ++i) {
        tm fields{};
        auto field = [&](int range) { return static_cast<int>(random() % (2 * range + 1)) - range; };
        bool wide = i % 4 == 0;
        fields.tm_year = field(wide ? 1000000 : 300);
        fields.tm_mon = field(wide ? 100000 : 30);
        fields.tm_mday = field(wide ? 1000000 : 70);
        fields.tm_hour = field(wide ? 1000000 : 50);
        fields.tm_min = field(wide ? 1000000 : 100);
        fields.tm_sec = field(wide ? 1000000 : 100);
        tm theirs = fields;
        std::int64_t expected = timegm(&theirs);
        ASSERT_EQ(lwp::libc::seconds_from_fields(fields), expected) << describe(fields);
    }
}

// strftime over glibc's own fields, with every conversion, flag and width
// glibc's C locale knows (%z's with a width or flag aside: glibc's output
// for those is erratic).
const char* const formats[] = {
    "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%k|%l|%m|%M|%n|%p|%P|%r|%R|%s|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%",
    "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy|%Ez|%Oz",
    "%_d|%-d|%0e|%-e|%_H|%-H|%_j|%-j|%_m|%-m|%_y|%-y|%_C|%_G|%-g|%_V|%-U|%_W|%-k|%0k|%0l|%_I",
    "%10Y|%_10Y|%-10Y|%010Y|%3d|%_5H|%-5M|%08j|%6s|%_6s|%12c|%012F|%_12T|%20r|%4u|%4w",
    "%^a|%^A|%^b|%^B|%^h|%#a|%#A|%#b|%#B|%#h|%^p|%#p|%^P|%#P|%^Z|%#Z|%^c|%^r|%#c",
    "%10a|%-10a|%010a|%_10B|%^10B|%#12A|%5Z|%05Z|%-5Z|%3p|%03P|%5%|%_5n|%4t",
    "%Q|%+|%:z|%E|%Ok|%i %",
};

std::int64_t epoch_seconds_of(const tm& fields, void* state) {
    tm copy = fields;
    return static_cast<const lwp_zone*>(state)->make(copy);
}

void compare_strftime(const char* tz) {
    lwp_zone ours(tz);
    use_glibc_zone(tz);
    lwp::libc::time_format_context context{epoch_seconds_of, &ours, tzname};
    std::vector<std::int64_t> instants = instants_for(ours);
    int mismatches = 0;
    for (std::size_t i = 0; i < instants.size(); i += 11) {
        time_t seconds = instants[i];
        tm fields{};
        ASSERT_TRUE(localtime_r(&seconds, &fields));
        for (const char* format : formats) {
            char expected[512], actual[512];
            std::size_t expected_length = strftime(expected, sizeof expected, format, &fields);
            std::size_t actual_length = lwp::libc::format_time(actual, sizeof actual, format, fields, context);
            if ((expected_length != actual_length || strcmp(expected, actual) != 0) && ++mismatches < 10)
                ADD_FAILURE() << tz << " " << describe(fields) << " format " << format << "\nglibc ["
                              << expected << "]\nlwp   [" << actual << "]";
        }
    }
    EXPECT_EQ(mismatches, 0) << tz;
}

TEST(LibcTimeConversion, StrftimeMatchesGlibc) {
    if (zoneinfo_installed())
        for (const char* tz : {"America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Africa/Casablanca"})
            compare_strftime(tz);
    for (const char* tz : {"<-02>2<-01>,M3.5.0/-1,M10.5.0/0", "Foo", ""}) compare_strftime(tz);
}

TEST(LibcTimeConversion, StrftimeOnOddFieldsMatchesGlibc) {
    // Fields no conversion produces: negative and huge years (short of
    // where glibc's int arithmetic on tm_year + 1900 overflows), days and
    // months out of range, hours past 23, a null or empty zone.
    lwp_zone ours("America/New_York");
    use_glibc_zone("America/New_York");
    lwp::libc::time_format_context context{epoch_seconds_of, &ours, tzname};
    std::mt19937 random(99);
    const char* format = "%a|%A|%b|%B|%C|%d|%e|%g|%G|%H|%I|%j|%k|%l|%m|%M|%p|%S|%u|%U|%V|%w|%W|%y|%Y|%Z|%05Y|%_7C";
    const int years[] = {-1900 - 100001, -1900 - 101, -1900 - 100, -1900 - 99, -1900 - 1, -1900, -1899,
                         0, 123, 8099, 10000 - 1900, 123456 - 1900, INT32_MAX - 1901, INT32_MIN};
    const char* zones[] = {nullptr, "", "XYZ"};
    for (int i = 0; i < 20000; ++i) {
        tm fields{};
        fields.tm_year = years[random() % std::size(years)];
        fields.tm_mon = static_cast<int>(random() % 16) - 2;
        fields.tm_mday = static_cast<int>(random() % 40) - 4;
        fields.tm_hour = static_cast<int>(random() % 30) - 2;
        fields.tm_min = static_cast<int>(random() % 70);
        fields.tm_sec = static_cast<int>(random() % 70);
        fields.tm_wday = static_cast<int>(random() % 10) - 1;
        fields.tm_yday = static_cast<int>(random() % 368) - 1;
        fields.tm_isdst = static_cast<int>(random() % 4) - 1;
        fields.tm_gmtoff = static_cast<long>(random() % 200000) - 100000;
        fields.tm_zone = zones[random() % 3];
        char expected[512], actual[512];
        std::size_t expected_length = strftime(expected, sizeof expected, format, &fields);
        std::size_t actual_length = lwp::libc::format_time(actual, sizeof actual, format, fields, context);
        ASSERT_STREQ(expected, actual) << describe(fields);
        ASSERT_EQ(expected_length, actual_length) << describe(fields);
    }
}

TEST(LibcTimeConversion, StrftimeReportsOverflowAsGlibcDoes) {
    tm fields{};
    fields.tm_year = 123;
    fields.tm_mday = 1;
    lwp_zone ours("UTC0");
    use_glibc_zone("UTC0");
    lwp::libc::time_format_context context{epoch_seconds_of, &ours, tzname};
    for (const char* format : {"%Y", "%Y-%m-%d", "%c", "abc", "", "%10Y", "%^B", "%300Y", "%_300d",
                                "%300c", "%300B", "%-300H", "%0300s"}) {
        for (std::size_t size = 0; size < 40; ++size) {
            char expected[64], actual[64];
            std::size_t expected_length = strftime(expected, size, format, &fields);
            std::size_t actual_length = lwp::libc::format_time(actual, size, format, fields, context);
            EXPECT_EQ(expected_length, actual_length) << format << " in " << size;
            if (expected_length != 0) EXPECT_STREQ(expected, actual) << format;
        }
    }
}

TEST(LibcTimeConversion, TzifFilesAreReadWithTheirFooterAndMalformedOnesRefused) {
    if (!zoneinfo_installed()) GTEST_SKIP() << "no tzdata in /usr/share/zoneinfo";
    lwp_zone new_york("America/New_York");
    EXPECT_TRUE(new_york.zone.from_file);
    EXPECT_TRUE(new_york.zone.has_rule);
    EXPECT_STREQ(new_york.zone.rule.standard_name, "EST");
    EXPECT_GT(new_york.zone.transition_count, 100u);

    // Truncations and a damaged magic number are refused, never read past.
    std::string path = std::string(zoneinfo) + "/Europe/Berlin";
    std::vector<unsigned char> data;
    {
        FILE* file = fopen(path.c_str(), "rb");
        ASSERT_TRUE(file);
        int c;
        while ((c = fgetc(file)) != EOF) data.push_back(static_cast<unsigned char>(c));
        fclose(file);
    }
    time_zone zone{};
    ASSERT_TRUE(lwp::libc::read_zoneinfo(data.data(), data.size(), zone));
    lwp::libc::release_time_zone(zone);
    for (std::size_t cut = 0; cut + 1 < data.size(); cut += 7) {
        std::vector<unsigned char> part(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(cut));
        time_zone broken{};
        bool read = lwp::libc::read_zoneinfo(part.data(), part.size(), broken);
        lwp::libc::release_time_zone(broken);
        // Only a cut inside the footer may still read (without its rule).
        if (read) EXPECT_GT(cut, data.size() - 40) << cut;
    }
    data[0] = 'X';
    EXPECT_FALSE(lwp::libc::read_zoneinfo(data.data(), data.size(), zone));

    // A name that is no file is read as a rule; a missing TZ value uses
    // /etc/localtime, a missing directory leaves UTC.
    time_zone missing{};
    lwp::libc::load_time_zone("Europe/Berlin", "/nonexistent", missing);
    EXPECT_FALSE(missing.from_file);
    EXPECT_STREQ(missing.rule.standard_name, "Europe");
    lwp::libc::release_time_zone(missing);

    // A set-user-ID program opens nothing outside the directory.
    struct {
        const char* tz;
        bool opened_when_restricted;
    } const paths[] = {
        {"Europe/Berlin", true},
        {"/usr/share/zoneinfo/Europe/Berlin", true},
        {"/etc/localtime", true},
        {"../zoneinfo/Europe/Berlin", false},
        {"/usr/share/zoneinfo/../zoneinfo/Europe/Berlin", false},
        {"/usr/share/zoneinfo-other/x", false},
    };
    for (const auto& path : paths) {
        for (bool restricted : {false, true}) {
            time_zone zone_of_path{};
            lwp::libc::load_time_zone(path.tz, zoneinfo, zone_of_path, restricted);
            bool expected = path.opened_when_restricted || !restricted;
            if (std::string(path.tz).find("zoneinfo-other") != std::string::npos) expected = false;
            EXPECT_EQ(zone_of_path.from_file, expected) << path.tz << (restricted ? " restricted" : "");
            lwp::libc::release_time_zone(zone_of_path);
        }
    }
}

}  // namespace
