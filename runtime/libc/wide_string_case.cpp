// wcscasecmp wcsncasecmp and their _l forms (with glibc's __wcscasecmp_l and
// __wcsncasecmp_l): wide comparison that ignores case, folding each
// character with towlower in the calling thread's locale (towlower_l in the
// one given), as glibc does. In "C" only ASCII letters fold; in C.UTF-8
// every Unicode case pair does (E-acute equals e-acute). The answer is the
// difference of the first two folded characters that differ, as unsigned
// wide characters subtracted and taken as an int, glibc's value.
#include <locale.h>
#include <stddef.h>
#include <wchar.h>
#include <wctype.h>

namespace {

// Compares at most `limit` characters; `fold` is the locale's towlower.
template <typename Fold>
int compare_folded(const wchar_t* left, const wchar_t* right, size_t limit, Fold fold) {
    if (left == right) return 0;
    for (; limit != 0; --limit) {
        wint_t a = fold(static_cast<wint_t>(*left++));
        wint_t b = fold(static_cast<wint_t>(*right++));
        if (a != b || a == 0) return static_cast<int>(a - b);
    }
    return 0;
}

}  // namespace

extern "C" {

int wcscasecmp(const wchar_t* left, const wchar_t* right) noexcept {
    return compare_folded(left, right, static_cast<size_t>(-1), [](wint_t c) { return towlower(c); });
}
int wcsncasecmp(const wchar_t* left, const wchar_t* right, size_t limit) noexcept {
    return compare_folded(left, right, limit, [](wint_t c) { return towlower(c); });
}
int wcscasecmp_l(const wchar_t* left, const wchar_t* right, locale_t locale) noexcept {
    return compare_folded(left, right, static_cast<size_t>(-1),
                          [locale](wint_t c) { return towlower_l(c, locale); });
}
int wcsncasecmp_l(const wchar_t* left, const wchar_t* right, size_t limit,
                  locale_t locale) noexcept {
    return compare_folded(left, right, limit, [locale](wint_t c) { return towlower_l(c, locale); });
}

int __wcscasecmp_l(const wchar_t* left, const wchar_t* right, locale_t locale) noexcept
    __attribute__((alias("wcscasecmp_l")));
int __wcsncasecmp_l(const wchar_t* left, const wchar_t* right, size_t limit,
                    locale_t locale) noexcept __attribute__((alias("wcsncasecmp_l")));

}  // extern "C"
