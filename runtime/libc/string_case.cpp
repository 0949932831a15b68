// strcasecmp strncasecmp (<strings.h>), strcasestr (<string.h>): comparison
// and search that ignore the case of ASCII letters, the only letters among
// bytes in both of lwp's locales ("C" and C.UTF-8, as in glibc). The _l
// forms (strcasecmp_l strncasecmp_l) therefore fold the same whatever the
// locale; glibc's second names (__strcasecmp __strcasecmp_l
// __strncasecmp_l __strcasestr) are the same functions.
#include <locale.h>
#include <strings.h>

#include <cstddef>

namespace {

int folded(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

}  // namespace

extern "C" {

int strncasecmp(const char* left, const char* right, size_t limit) noexcept {
    auto* a = reinterpret_cast<const unsigned char*>(left);
    auto* b = reinterpret_cast<const unsigned char*>(right);
    for (; limit; --limit, ++a, ++b) {
        int difference = folded(*a) - folded(*b);
        if (difference != 0 || *a == '\0') return difference;
    }
    return 0;
}

int strcasecmp(const char* left, const char* right) noexcept {
    return strncasecmp(left, right, static_cast<size_t>(-1));
}

int strcasecmp_l(const char* left, const char* right, locale_t) noexcept {
    return strncasecmp(left, right, static_cast<size_t>(-1));
}
int strncasecmp_l(const char* left, const char* right, size_t limit, locale_t) noexcept {
    return strncasecmp(left, right, limit);
}

int __strcasecmp(const char* left, const char* right) noexcept __attribute__((alias("strcasecmp"), copy(strcasecmp)));
int __strcasecmp_l(const char* left, const char* right, locale_t) noexcept
    __attribute__((alias("strcasecmp_l"), copy(strcasecmp_l)));
int __strncasecmp_l(const char* left, const char* right, size_t limit, locale_t) noexcept
    __attribute__((alias("strncasecmp_l"), copy(strncasecmp_l)));

// <string.h> is not included (for C++ it declares strcasestr as a
// const-correct pair); this is the C signature the linker sees.
char* strcasestr(const char* haystack, const char* needle) noexcept {
    std::size_t length = 0;
    while (needle[length]) ++length;
    for (;; ++haystack) {
        if (strncasecmp(haystack, needle, length) == 0) return const_cast<char*>(haystack);
        if (*haystack == '\0') return nullptr;
    }
}
char* __strcasestr(const char* haystack, const char* needle) noexcept
    __attribute__((alias("strcasestr")));

}  // extern "C"
