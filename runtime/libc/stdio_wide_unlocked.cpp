// The _unlocked forms of the wide-character stdio calls (<wchar.h> with
// _GNU_SOURCE): fgetwc_unlocked getwc_unlocked getwchar_unlocked
// fputwc_unlocked putwc_unlocked putwchar_unlocked fgetws_unlocked
// fputws_unlocked, and the fortified __fgetws_unlocked_chk. Each calls the
// locked form. That is what it must do here: the wide calls are built on the
// byte calls (stdio_wide_characters.cpp), which take the stream's lock, and
// the lock is recursive, so a caller that holds it (the usual reason to call
// an _unlocked form) passes straight through. A caller that does not hold it
// gets the locking it did not ask for, which only makes the call safer.
#include <stdio.h>
#include <wchar.h>

extern "C" {

wchar_t* __fgetws_chk(wchar_t* __restrict, size_t, int, FILE* __restrict);

wint_t fgetwc_unlocked(FILE* file) { return fgetwc(file); }
wint_t getwc_unlocked(FILE* file) { return fgetwc(file); }
wint_t getwchar_unlocked(void) { return fgetwc(stdin); }
wint_t fputwc_unlocked(wchar_t character, FILE* file) { return fputwc(character, file); }
wint_t putwc_unlocked(wchar_t character, FILE* file) { return fputwc(character, file); }
wint_t putwchar_unlocked(wchar_t character) { return fputwc(character, stdout); }

wchar_t* fgetws_unlocked(wchar_t* __restrict line, int count, FILE* __restrict file) {
    return fgetws(line, count, file);
}

int fputws_unlocked(const wchar_t* __restrict text, FILE* __restrict file) {
    return fputws(text, file);
}

wchar_t* __fgetws_unlocked_chk(wchar_t* __restrict line, size_t capacity, int count,
                               FILE* __restrict file) {
    return __fgetws_chk(line, capacity, count, file);
}

}  // extern "C"
