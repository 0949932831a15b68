// strcasecmp strncasecmp (<strings.h>), strcasestr (<string.h>): comparison
// and search that ignore the case of ASCII letters, the only letters among
// bytes in both of lwp's locales ("C" and C.UTF-8, as in glibc).
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

}  // extern "C"
