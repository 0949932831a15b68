// strlen strnlen strcmp strncmp strcpy stpcpy strncpy stpncpy strcat strncat:
// NUL-terminated strings. Byte loops: short strings dominate in the programs
// lwp serves, and each function stays a few instructions long.
#include <string.h>

extern "C" {

size_t strlen(const char* text) noexcept {
    const char* end = text;
    while (*end) ++end;
    return static_cast<size_t>(end - text);
}

size_t strnlen(const char* text, size_t limit) noexcept {
    size_t length = 0;
    while (length < limit && text[length]) ++length;
    return length;
}

// Bytes compare as unsigned char, as the C standard requires.
int strcmp(const char* left, const char* right) noexcept {
    auto* a = reinterpret_cast<const unsigned char*>(left);
    auto* b = reinterpret_cast<const unsigned char*>(right);
    while (*a && *a == *b) ++a, ++b;
    return *a - *b;
}

int strncmp(const char* left, const char* right, size_t limit) noexcept {
    auto* a = reinterpret_cast<const unsigned char*>(left);
    auto* b = reinterpret_cast<const unsigned char*>(right);
    for (; limit; --limit, ++a, ++b)
        if (*a != *b || *a == '\0') return *a - *b;
    return 0;
}

// GCC rewrites some strcpy/strcat sequences into stpcpy, so it must exist.
char* stpcpy(char* __restrict destination, const char* __restrict source) noexcept {
    while ((*destination = *source++)) ++destination;
    return destination;
}

// glibc's internal name, which older programs' headers reached.
char* __stpcpy(char* __restrict destination, const char* __restrict source) noexcept
    __attribute__((alias("stpcpy")));

char* strcpy(char* __restrict destination, const char* __restrict source) noexcept {
    stpcpy(destination, source);
    return destination;
}

// Copies at most `limit` bytes and pads with NULs up to `limit`; the result
// is not terminated when the source is that long (C semantics).
char* strncpy(char* __restrict destination, const char* __restrict source,
              size_t limit) noexcept {
    size_t i = 0;
    for (; i < limit && source[i]; ++i) destination[i] = source[i];
    for (; i < limit; ++i) destination[i] = '\0';
    return destination;
}

// strncpy that returns the end of the copied string (its terminating NUL's
// place, or destination + limit when the source is that long).
char* stpncpy(char* __restrict destination, const char* __restrict source,
              size_t limit) noexcept {
    size_t copied = strnlen(source, limit);
    strncpy(destination, source, limit);
    return destination + copied;
}

char* __stpncpy(char* __restrict destination, const char* __restrict source,
                size_t limit) noexcept __attribute__((alias("stpncpy")));

char* strcat(char* __restrict destination, const char* __restrict source) noexcept {
    stpcpy(destination + strlen(destination), source);
    return destination;
}

char* strncat(char* __restrict destination, const char* __restrict source,
              size_t limit) noexcept {
    char* end = destination + strlen(destination);
    size_t i = 0;
    for (; i < limit && source[i]; ++i) end[i] = source[i];
    end[i] = '\0';
    return destination;
}

}  // extern "C"
