// lwp's C.UTF-8 character data (runtime/libc/unicode_ctype.cpp) against
// glibc's own C.UTF-8 locale, in this hosted process: every class, both
// case mappings, totitle and wcwidth, for every code point and some values
// beyond (and WEOF).
#include <gtest/gtest.h>

#include <locale.h>
#include <wchar.h>
#include <wctype.h>

#include <cstdio>
#include <string>
#include <vector>

#include "runtime/libc/unicode_ctype.cpp"

namespace {

std::vector<wint_t> every_value() {
    std::vector<wint_t> values;
    for (wint_t c = 0; c < 0x110000 + 0x400; ++c) values.push_back(c);
    for (wint_t c : {0x7ffffffeu, 0x7fffffffu, 0x80000000u, 0xfffffffeu, static_cast<unsigned>(WEOF)})
        values.push_back(c);
    return values;
}

// Switches this process (glibc) to C.UTF-8 for one test.
class UnicodeCtypeAgainstGlibc : public ::testing::Test {
protected:
    void SetUp() override {
        const char* previous = setlocale(LC_ALL, nullptr);
        saved = previous != nullptr ? previous : "C";
        ASSERT_NE(setlocale(LC_ALL, "C.UTF-8"), nullptr) << "glibc has no C.UTF-8 locale";
    }
    void TearDown() override { setlocale(LC_ALL, saved.c_str()); }
    std::string saved;
};

// Counts disagreements, naming the first few.
struct mismatches {
    unsigned count = 0;
    void note(const char* what, wint_t c, long glibc, long lwp) {
        if (++count <= 10)
            ADD_FAILURE() << what << " of U+" << std::hex << c << ": glibc " << std::dec << glibc
                          << ", lwp " << lwp;
    }
};

TEST_F(UnicodeCtypeAgainstGlibc, EveryClassOfEveryCodePointAgrees) {
    struct named_class {
        const char* name;
        unsigned bit;
    };
    const named_class classes[] = {
        {"alnum", _ISalnum},   {"alpha", _ISalpha},   {"blank", _ISblank},
        {"cntrl", _IScntrl},   {"digit", _ISdigit},   {"graph", _ISgraph},
        {"lower", _ISlower},   {"print", _ISprint},   {"punct", _ISpunct},
        {"space", _ISspace},   {"upper", _ISupper},   {"xdigit", _ISxdigit},
        {"combining", lwp::libc::unicode_combining},
        {"combining_level3", lwp::libc::unicode_combining_level3},
    };
    mismatches found;
    unsigned members = 0;
    for (const named_class& each : classes) {
        wctype_t glibc_class = wctype(each.name);
        ASSERT_NE(glibc_class, 0u) << each.name;
        for (wint_t c : every_value()) {
            bool glibc = iswctype(c, glibc_class) != 0;
            bool lwp = (lwp::libc::unicode_classes(c) & each.bit) != 0;
            members += glibc;
            if (glibc != lwp) found.note(each.name, c, glibc, lwp);
        }
    }
    EXPECT_EQ(found.count, 0u);
    EXPECT_GT(members, 500000u);  // the comparison saw real classes
}

TEST_F(UnicodeCtypeAgainstGlibc, EveryCaseMappingAgrees) {
    wctrans_t title = wctrans("totitle");
    ASSERT_NE(title, nullptr);
    mismatches found;
    unsigned mapped = 0;
    for (wint_t c : every_value()) {
        if (towupper(c) != lwp::libc::unicode_to_upper(c))
            found.note("towupper", c, towupper(c), lwp::libc::unicode_to_upper(c));
        if (towlower(c) != lwp::libc::unicode_to_lower(c))
            found.note("towlower", c, towlower(c), lwp::libc::unicode_to_lower(c));
        if (towctrans(c, title) != lwp::libc::unicode_to_title(c))
            found.note("totitle", c, towctrans(c, title), lwp::libc::unicode_to_title(c));
        mapped += towupper(c) != c;
    }
    EXPECT_EQ(found.count, 0u);
    EXPECT_GT(mapped, 1000u);
}

TEST_F(UnicodeCtypeAgainstGlibc, EveryWidthAgrees) {
    mismatches found;
    unsigned wide = 0;
    for (wint_t c : every_value()) {
        int glibc = wcwidth(static_cast<wchar_t>(c));
        int lwp = lwp::libc::unicode_width(c);
        wide += glibc == 2;
        if (glibc != lwp) found.note("wcwidth", c, glibc, lwp);
    }
    EXPECT_EQ(found.count, 0u);
    EXPECT_GT(wide, 100000u);
}

}  // namespace
