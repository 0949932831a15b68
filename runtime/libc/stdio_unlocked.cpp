// The _unlocked stdio variants, and __overflow, which glibc's <stdio.h>
// inlines of putc_unlocked/putchar_unlocked/fputc_unlocked call when the
// FILE's write pointers say the buffer is full (always, for lwp's streams).
// They take the stream lock like their locked namesakes, which is never
// wrong: for a thread holding the stream (flockfile, stdio_locking.cpp) it
// is already theirs, and one level deeper costs nothing.
#include <stdio.h>

extern "C" {

int __overflow(FILE* file, int character) { return fputc(character, file); }

int fputc_unlocked(int character, FILE* file) { return fputc(character, file); }

int putc_unlocked(int character, FILE* file) { return fputc(character, file); }

int putchar_unlocked(int character) { return fputc(character, stdout); }

int fputs_unlocked(const char* __restrict text, FILE* __restrict file) {
    return fputs(text, file);
}

size_t fwrite_unlocked(const void* __restrict data, size_t size, size_t count,
                       FILE* __restrict file) {
    return fwrite(data, size, count, file);
}

int fflush_unlocked(FILE* file) { return fflush(file); }

}  // extern "C"
