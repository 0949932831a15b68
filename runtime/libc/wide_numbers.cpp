// wcstol wcstoul wcstoll wcstoull wcstoimax wcstoumax wcstod wcstof wcstold:
// numbers read from wide strings. In the "C" locale every character of a
// number is ASCII, so the text's leading ASCII run is narrowed to bytes, the
// byte function reads it, and the end it reports is mapped back: the
// results, errno included, are the byte functions'.
#include <inttypes.h>
#include <stdlib.h>
#include <wchar.h>

namespace {

// Calls `read(narrow, &narrow_end)` on the narrowed ASCII prefix of `text`
// and sets *end to the matching wide position. Long numbers (digits beyond
// the stack buffer) are read from a malloc'd copy; out of memory, only the
// first part is read, which still gives the right answer for any integer
// and any double within a few hundred digits.
template <typename Number, typename Read>
Number read_wide(const wchar_t* text, wchar_t** end, Read read) {
    size_t length = 0;
    while (text[length] > 0 && text[length] < 0x80) ++length;
    char stack_copy[256];
    char* narrow = stack_copy;
    if (length >= sizeof stack_copy) {
        narrow = static_cast<char*>(malloc(length + 1));
        if (narrow == nullptr) {
            narrow = stack_copy;
            length = sizeof stack_copy - 1;
        }
    }
    for (size_t i = 0; i < length; ++i) narrow[i] = static_cast<char>(text[i]);
    narrow[length] = '\0';
    char* narrow_end;
    Number value = read(narrow, &narrow_end);
    if (end != nullptr) *end = const_cast<wchar_t*>(text) + (narrow_end - narrow);
    if (narrow != stack_copy) free(narrow);
    return value;
}

}  // namespace

extern "C" {

long wcstol(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return read_wide<long>(text, end, [base](const char* n, char** e) { return strtol(n, e, base); });
}
unsigned long wcstoul(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return read_wide<unsigned long>(text, end,
                                    [base](const char* n, char** e) { return strtoul(n, e, base); });
}
long long wcstoll(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return read_wide<long long>(text, end,
                                [base](const char* n, char** e) { return strtoll(n, e, base); });
}
unsigned long long wcstoull(const wchar_t* __restrict text, wchar_t** __restrict end,
                            int base) noexcept {
    return read_wide<unsigned long long>(
        text, end, [base](const char* n, char** e) { return strtoull(n, e, base); });
}
intmax_t wcstoimax(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return wcstoll(text, end, base);
}
uintmax_t wcstoumax(const wchar_t* __restrict text, wchar_t** __restrict end, int base) noexcept {
    return wcstoull(text, end, base);
}
double wcstod(const wchar_t* __restrict text, wchar_t** __restrict end) noexcept {
    return read_wide<double>(text, end, [](const char* n, char** e) { return strtod(n, e); });
}
float wcstof(const wchar_t* __restrict text, wchar_t** __restrict end) noexcept {
    return read_wide<float>(text, end, [](const char* n, char** e) { return strtof(n, e); });
}
long double wcstold(const wchar_t* __restrict text, wchar_t** __restrict end) noexcept {
    return read_wide<long double>(text, end, [](const char* n, char** e) { return strtold(n, e); });
}

}  // extern "C"
