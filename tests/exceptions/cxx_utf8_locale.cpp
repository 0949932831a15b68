// libstdc++'s locales over lwp's C.UTF-8: std::locale("C.UTF-8") made through
// newlocale, its codecvt<wchar_t, char> converting UTF-8 both ways (through
// the multibyte functions under uselocale), its ctype<wchar_t> classifying
// and mapping beyond ASCII (iswctype_l, towupper_l), and the global locale
// set from it. Also passes built with g++ against glibc. Exit 0 is a pass.
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <locale>
#include <sstream>
#include <string>

namespace {

int failures = 0;

void expect(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "check failed: %s\n", what);
        ++failures;
    }
}

using wide_converter = std::codecvt<wchar_t, char, std::mbstate_t>;

}  // namespace

int main() {
    std::locale utf8("C.UTF-8");
    expect(utf8.name() == "C.UTF-8", "the locale's name");
    const auto& converter = std::use_facet<wide_converter>(utf8);
    expect(converter.max_length() == 6, "max_length is MB_CUR_MAX");
    expect(converter.encoding() == 0, "a variable-length encoding");

    const std::wstring wide = L"caf\u00e9 \u20ac\U0001f600";
    std::string narrow(32, '\0');
    std::mbstate_t state{};
    const wchar_t* wide_next;
    char* narrow_next;
    auto result = converter.out(state, wide.data(), wide.data() + wide.size(), wide_next,
                                &narrow[0], &narrow[0] + narrow.size(), narrow_next);
    narrow.resize(narrow_next - &narrow[0]);
    expect(result == std::codecvt_base::ok, "out: ok");
    expect(narrow == "caf\xc3\xa9 \xe2\x82\xac\xf0\x9f\x98\x80", "out: the UTF-8 bytes");

    std::wstring back(16, L'\0');
    state = std::mbstate_t{};
    const char* narrow_in;
    wchar_t* back_next;
    result = converter.in(state, narrow.data(), narrow.data() + narrow.size(), narrow_in,
                          &back[0], &back[0] + back.size(), back_next);
    back.resize(back_next - &back[0]);
    expect(result == std::codecvt_base::ok && back == wide, "in: the characters back");
    state = std::mbstate_t{};
    expect(converter.length(state, narrow.data(), narrow.data() + narrow.size(), 5) == 6,
           "length: the bytes of five characters");

    // A truncated sequence waits in the state (all consumed, one character
    // made, as glibc's mbsnrtowcs leaves it), a bad one is an error.
    std::string truncated = "a\xe2\x82";
    state = std::mbstate_t{};
    result = converter.in(state, truncated.data(), truncated.data() + truncated.size(),
                          narrow_in, &back[0], &back[0] + 4, back_next);
    expect(result == std::codecvt_base::ok && narrow_in == truncated.data() + 3 &&
               back_next == &back[0] + 1 && !std::mbsinit(&state),
           "in: a truncated sequence waits in the state");
    std::string bad = "a\xff";
    state = std::mbstate_t{};
    result = converter.in(state, bad.data(), bad.data() + bad.size(), narrow_in, &back[0],
                          &back[0] + 4, back_next);
    expect(result == std::codecvt_base::error, "in: a bad byte is an error");

    expect(std::isalpha(L'\u00e9', utf8), "isalpha beyond ASCII");
    expect(std::toupper(L'\u00e9', utf8) == L'\u00c9', "toupper beyond ASCII");
    expect(std::isspace(L'\u3000', utf8), "an ideographic space is a space");
    expect(!std::isalpha(L'\u00e9', std::locale::classic()), "the C locale is ASCII only");

    std::locale::global(utf8);
    expect(std::string(std::setlocale(LC_ALL, nullptr)) == "C.UTF-8", "global sets the C locale");
    expect(MB_CUR_MAX == 6, "MB_CUR_MAX follows");
    std::locale::global(std::locale::classic());
    expect(MB_CUR_MAX == 1, "and back");
    return failures == 0 ? 0 : 1;
}
