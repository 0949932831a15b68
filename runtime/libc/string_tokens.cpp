// strtok strtok_r strsep: splitting a string in place into tokens.
//
// <string.h> is not included, as in string_search.cpp; strspn and strcspn
// are declared here with their C signatures.
#include <cstddef>

extern "C" {

std::size_t strspn(const char* text, const char* accept) noexcept;
std::size_t strcspn(const char* text, const char* reject) noexcept;

// Skips leading delimiters, ends the token at the next one (overwritten
// with a null byte) and remembers where to go on in *saved. As in glibc,
// *saved never goes back to null once a string is given: after the last
// token, and after the null that says none is left, it points at the
// string's terminating null byte, so later calls with a null text go on
// returning null. A null *saved (no scan started) gives null too, where
// glibc would read through the null pointer.
char* strtok_r(char* text, const char* delimiters, char** saved) noexcept {
    if (text == nullptr) text = *saved;
    if (text == nullptr) return nullptr;
    text += strspn(text, delimiters);
    if (*text == '\0') {
        *saved = text;
        return nullptr;
    }
    char* end = text + strcspn(text, delimiters);
    if (*end != '\0') *end++ = '\0';
    *saved = end;
    return text;
}

// glibc's other name for strtok_r, exported for older programs.
char* __strtok_r(char*, const char*, char**) noexcept __attribute__((alias("strtok_r")));

// One position for the whole process, as C has it (not thread-safe:
// threads use strtok_r).
char* strtok(char* text, const char* delimiters) noexcept {
    static char* saved;
    return strtok_r(text, delimiters, &saved);
}

// BSD's: the token up to the next delimiter, empty ones included (two
// delimiters in a row give ""); *text moves past it, null after the last.
char* strsep(char** text, const char* delimiters) noexcept {
    char* token = *text;
    if (token == nullptr) return nullptr;
    char* end = token + strcspn(token, delimiters);
    if (*end == '\0') {
        *text = nullptr;
    } else {
        *end = '\0';
        *text = end + 1;
    }
    return token;
}

// The out-of-line strsep that glibc's old <bits/string2.h> inlines fell
// back on.
char* __strsep_g(char** text, const char* delimiters) noexcept __attribute__((alias("strsep")));

}  // extern "C"
