// strcasecmp strncasecmp (<strings.h>): comparison that ignores the case of
// ASCII letters, the only letters in lwp's one locale ("C").
#include <strings.h>

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

}  // extern "C"
