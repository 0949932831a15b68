// Collation: strcoll strxfrm wcscoll wcsxfrm, their _l forms (and the __
// names glibc also exports, which libstdc++ calls).
//
// The "C" locale collates by the characters' values: strcoll is strcmp
// (bytes as unsigned char), wcscoll is wcscmp (wchar_t as signed, as glibc),
// and the transformation is the identity, so comparing transformed strings
// with strcmp orders them as strcoll does. strxfrm and wcsxfrm copy the
// terminated string when it fits in `size` units; when it does not, they
// copy what fits (unterminated; C leaves the array's contents unspecified
// then) and still return the length, as glibc does.
#include <locale.h>
#include <string.h>
#include <wchar.h>

namespace {

template <typename Character>
size_t transform(Character* out, const Character* text, size_t size) {
    size_t length = 0;
    while (text[length] != 0) ++length;
    size_t copied = length + 1 < size ? length + 1 : size;
    for (size_t i = 0; i < copied; ++i) out[i] = text[i];
    return length;
}

}  // namespace

extern "C" {

int strcoll(const char* left, const char* right) noexcept { return strcmp(left, right); }
int strcoll_l(const char* left, const char* right, locale_t) noexcept {
    return strcmp(left, right);
}

size_t strxfrm(char* __restrict out, const char* __restrict text, size_t size) noexcept {
    return transform(out, text, size);
}
size_t strxfrm_l(char* __restrict out, const char* __restrict text, size_t size,
                 locale_t) noexcept {
    return transform(out, text, size);
}

int wcscoll(const wchar_t* left, const wchar_t* right) noexcept { return wcscmp(left, right); }
int wcscoll_l(const wchar_t* left, const wchar_t* right, locale_t) noexcept {
    return wcscmp(left, right);
}

size_t wcsxfrm(wchar_t* __restrict out, const wchar_t* __restrict text, size_t size) noexcept {
    return transform(out, text, size);
}
size_t wcsxfrm_l(wchar_t* __restrict out, const wchar_t* __restrict text, size_t size,
                 locale_t) noexcept {
    return transform(out, text, size);
}

// glibc's internal names, which libstdc++'s locale code calls. Plain
// functions, not aliases: the public ones carry <string.h>'s attributes.
int __strcoll_l(const char* left, const char* right, locale_t) noexcept {
    return strcmp(left, right);
}
size_t __strxfrm_l(char* out, const char* text, size_t size, locale_t) noexcept {
    return transform(out, text, size);
}
int __wcscoll_l(const wchar_t* left, const wchar_t* right, locale_t) noexcept {
    return wcscmp(left, right);
}
size_t __wcsxfrm_l(wchar_t* out, const wchar_t* text, size_t size, locale_t) noexcept {
    return transform(out, text, size);
}

}  // extern "C"
