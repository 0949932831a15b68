// memchr memrchr rawmemchr memmem strchr strchrnul strrchr strstr strpbrk
// strspn strcspn: searching.
//
// <string.h> is deliberately not included: for C++ it declares these as
// const-correct overload pairs, which a single C definition would clash with.
// The signatures below are the C ones the linker sees.
#include <cstddef>

extern "C" {

void* memchr(const void* area, int value, std::size_t count) noexcept {
    auto* bytes = static_cast<const unsigned char*>(area);
    for (std::size_t i = 0; i < count; ++i)
        if (bytes[i] == static_cast<unsigned char>(value))
            return const_cast<unsigned char*>(bytes + i);
    return nullptr;
}

// The terminating NUL counts as part of the string: strchr(s, 0) finds it.
// From the end: the last byte equal to value among the first count.
void* memrchr(const void* area, int value, std::size_t count) noexcept {
    auto* bytes = static_cast<const unsigned char*>(area);
    while (count--)
        if (bytes[count] == static_cast<unsigned char>(value))
            return const_cast<unsigned char*>(bytes + count);
    return nullptr;
}

// memchr with no bound: the caller knows the byte is there.
void* rawmemchr(const void* area, int value) noexcept {
    auto* bytes = static_cast<const unsigned char*>(area);
    while (*bytes != static_cast<unsigned char>(value)) ++bytes;
    return const_cast<unsigned char*>(bytes);
}

// glibc's other name for rawmemchr, exported for older programs.
void* __rawmemchr(const void*, int) noexcept __attribute__((alias("rawmemchr")));

// The first place the needle's bytes occur in the haystack's; an empty
// needle is found at the start. Quadratic, as strstr below.
void* memmem(const void* haystack, std::size_t haystack_length, const void* needle,
             std::size_t needle_length) noexcept {
    auto* hay = static_cast<const unsigned char*>(haystack);
    auto* pattern = static_cast<const unsigned char*>(needle);
    if (needle_length == 0) return const_cast<unsigned char*>(hay);
    for (; haystack_length >= needle_length; ++hay, --haystack_length) {
        std::size_t i = 0;
        while (i < needle_length && hay[i] == pattern[i]) ++i;
        if (i == needle_length) return const_cast<unsigned char*>(hay);
    }
    return nullptr;
}

// strchr that returns the terminating null instead of a null pointer.
char* strchrnul(const char* text, int value) noexcept {
    while (*text && *text != static_cast<char>(value)) ++text;
    return const_cast<char*>(text);
}

char* strchr(const char* text, int value) noexcept {
    for (;; ++text) {
        if (*text == static_cast<char>(value)) return const_cast<char*>(text);
        if (*text == '\0') return nullptr;
    }
}

char* strrchr(const char* text, int value) noexcept {
    const char* found = nullptr;
    for (;; ++text) {
        if (*text == static_cast<char>(value)) found = text;
        if (*text == '\0') return const_cast<char*>(found);
    }
}

// The BSD names of strchr and strrchr, which <strings.h> still declares.
char* index(const char* text, int value) noexcept { return strchr(text, value); }
char* rindex(const char* text, int value) noexcept { return strrchr(text, value); }

// Plain quadratic search: short needles are the common case here and the
// code stays tiny; Two-Way would bound the worst case at a few hundred bytes.
char* strstr(const char* haystack, const char* needle) noexcept {
    if (*needle == '\0') return const_cast<char*>(haystack);
    for (; *haystack; ++haystack) {
        std::size_t i = 0;
        while (needle[i] && haystack[i] == needle[i]) ++i;
        if (needle[i] == '\0') return const_cast<char*>(haystack);
    }
    return nullptr;
}

std::size_t strspn(const char* text, const char* accept) noexcept {
    std::size_t length = 0;
    for (; text[length]; ++length) {
        const char* a = accept;
        while (*a && *a != text[length]) ++a;
        if (*a == '\0') break;
    }
    return length;
}

std::size_t strcspn(const char* text, const char* reject) noexcept {
    std::size_t length = 0;
    for (; text[length]; ++length) {
        const char* r = reject;
        while (*r && *r != text[length]) ++r;
        if (*r) break;
    }
    return length;
}

char* strpbrk(const char* text, const char* accept) noexcept {
    text += strcspn(text, accept);
    return *text ? const_cast<char*>(text) : nullptr;
}

}  // extern "C"
