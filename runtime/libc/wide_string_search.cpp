// The wide searches that return a pointer into their argument: wmemchr
// wcschr wcschrnul wcsrchr wcspbrk wcsstr wcswcs (its old name) wcstok.
//
// <wchar.h> is deliberately not included: for C++ it declares these as
// const-correct overload pairs, which an extern "C" definition cannot
// match; the C signatures are written out here instead, as
// string_search.cpp does for strchr and the rest.
#include <cstddef>

extern "C" {

std::size_t wcslen(const wchar_t* text) noexcept;
std::size_t wcscspn(const wchar_t* text, const wchar_t* rejected) noexcept;
std::size_t wcsspn(const wchar_t* text, const wchar_t* accepted) noexcept;
int wcsncmp(const wchar_t* left, const wchar_t* right, std::size_t limit) noexcept;

wchar_t* wmemchr(const wchar_t* text, wchar_t wanted, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        if (text[i] == wanted) return const_cast<wchar_t*>(text + i);
    return nullptr;
}

// The terminator counts as part of the string: wcschr(s, 0) finds it.
wchar_t* wcschr(const wchar_t* text, wchar_t wanted) noexcept {
    for (;; ++text) {
        if (*text == wanted) return const_cast<wchar_t*>(text);
        if (*text == 0) return nullptr;
    }
}

// GNU's: wcschr that returns the terminator's place rather than null.
wchar_t* wcschrnul(const wchar_t* text, wchar_t wanted) noexcept {
    while (*text != wanted && *text != 0) ++text;
    return const_cast<wchar_t*>(text);
}

wchar_t* wcsrchr(const wchar_t* text, wchar_t wanted) noexcept {
    const wchar_t* last = nullptr;
    for (;; ++text) {
        if (*text == wanted) last = text;
        if (*text == 0) return const_cast<wchar_t*>(last);
    }
}

wchar_t* wcspbrk(const wchar_t* text, const wchar_t* wanted) noexcept {
    text += wcscspn(text, wanted);
    return *text != 0 ? const_cast<wchar_t*>(text) : nullptr;
}

// The first occurrence of `needle`; an empty one is found at the start.
// Quadratic at worst, which is fine for the short strings this is used on.
wchar_t* wcsstr(const wchar_t* haystack, const wchar_t* needle) noexcept {
    std::size_t needle_length = wcslen(needle);
    for (;; ++haystack) {
        if (wcsncmp(haystack, needle, needle_length) == 0) return const_cast<wchar_t*>(haystack);
        if (*haystack == 0) return nullptr;
    }
}
wchar_t* wcswcs(const wchar_t* haystack, const wchar_t* needle) noexcept
    __attribute__((alias("wcsstr")));

// The next token of `text` (null: go on where *saved left off) between
// characters of `separators`; the separator ending it becomes L'\0'. The
// position is the caller's, so this is thread-safe, unlike strtok.
wchar_t* wcstok(wchar_t* __restrict text, const wchar_t* __restrict separators,
                wchar_t** __restrict saved) noexcept {
    if (text == nullptr) text = *saved;
    if (text == nullptr) return nullptr;
    text += wcsspn(text, separators);
    if (*text == 0) {
        *saved = nullptr;
        return nullptr;
    }
    wchar_t* end = text + wcscspn(text, separators);
    if (*end == 0) {
        *saved = nullptr;
    } else {
        *end = 0;
        *saved = end + 1;
    }
    return text;
}

}  // extern "C"
