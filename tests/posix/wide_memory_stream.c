/* open_wmemstream: wide output stored as wide characters (any character,
 * in "C" as in C.UTF-8), the caller's pointer and size set by fflush and
 * fclose only, the size in characters, a L'\0' after them; seeking in
 * characters, with glibc's rules: fflush reports the position as the size,
 * fclose cuts the array there, SEEK_END measures from where the last seek
 * or ftell left the position, negative positions are EINVAL. fwide says
 * wide; fputs, fprintf and fwrite fail. The expected values are glibc 2.36's.
 * Checked against glibc too (cc -DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../integration/check.h"

static void same_characters(const wchar_t* actual, const wchar_t* expected, size_t count) {
    for (size_t i = 0; i < count; ++i) CHECK_EQ(actual[i], expected[i]);
}

static void written_and_flushed(void) {
    wchar_t* buffer = (wchar_t*)"untouched";
    size_t size = 99;
    FILE* stream = open_wmemstream(&buffer, &size);
    CHECK(stream != NULL);
    CHECK_EQ(fwide(stream, 0), 1);
    CHECK_EQ(fwide(stream, -1), 1);
    /* Nothing is set before the first flush. */
    CHECK_EQ(size, 99);
    CHECK(buffer == (wchar_t*)"untouched");
    CHECK_EQ(fputwc(L'\u20ac', stream), L'\u20ac');
    CHECK_EQ(fputws(L"a\u00e9\U0001F600", stream), 1);
    CHECK_EQ(fwprintf(stream, L"<%5ls|%d>", L"xy", 42), 10);
    CHECK_EQ(ftell(stream), 14);
    CHECK_EQ(size, 99);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, 14);
    same_characters(buffer, L"\u20aca\u00e9\U0001F600<   xy|42>", 15);
    /* Byte output fails on the wide stream, and stores nothing. */
    CHECK_EQ(fputs("bytes", stream), EOF);
    CHECK_EQ(fprintf(stream, "%d", 7), -1);
    CHECK_EQ(fwrite("abc", 1, 3, stream), 0);
    CHECK_EQ(ftell(stream), 14);
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(size, 14);
    same_characters(buffer, L"\u20aca\u00e9\U0001F600<   xy|42>", 15);
    free(buffer);
}

/* fputc and putc store the byte's value as a wide character (glibc's
 * tst-wmemstream2 writes so); freopen flushes and fails, leaving the stream
 * open for fclose (glibc's tst-wmemstream4). */
static void byte_characters_and_freopen(void) {
    wchar_t old[] = L"old";
    wchar_t* buffer = old;
    size_t size = 99;
    FILE* stream = open_wmemstream(&buffer, &size);
    CHECK(stream != NULL);
    CHECK_EQ(fputc('a', stream), 'a');
    CHECK_EQ(putc(0xe9, stream), 0xe9);
    CHECK_EQ(fputws(L"new", stream), 1);
    CHECK(buffer == old);
    errno = 0;
    CHECK(freopen("/nonexistent/lwp-file", "r", stream) == NULL);
    CHECK_EQ(errno, 0);
    CHECK_EQ(size, 5);
    same_characters(buffer, L"a\u00e9new", 6);
    CHECK_EQ(fputwc(L'!', stream), L'!');
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(size, 6);
    same_characters(buffer, L"a\u00e9new!", 7);
    free(buffer);
}

static void seeking(void) {
    wchar_t* buffer = NULL;
    size_t size = 0;
    FILE* stream = open_wmemstream(&buffer, &size);
    CHECK(stream != NULL);
    CHECK_EQ(fputws(L"hello world", stream), 1);
    CHECK_EQ(fseek(stream, 6, SEEK_SET), 0);
    CHECK_EQ(ftell(stream), 6);
    CHECK_EQ(fputws(L"W", stream), 1);
    /* The size is the position, not the length. */
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, 7);
    same_characters(buffer, L"hello World", 11);
    /* ftell took the position (7) as the end: SEEK_END measures from it. */
    CHECK_EQ(ftell(stream), 7);
    CHECK_EQ(fseek(stream, 0, SEEK_END), 0);
    CHECK_EQ(ftell(stream), 7);
    /* Before the start: EINVAL, the position unchanged. */
    errno = 0;
    CHECK_EQ(fseek(stream, -8, SEEK_CUR), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(ftell(stream), 7);
    /* Past that end: the characters there since before are kept. */
    CHECK_EQ(fseek(stream, 3, SEEK_END), 0);
    CHECK_EQ(ftell(stream), 10);
    CHECK_EQ(fputwc(L'!', stream), L'!');
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, 11);
    same_characters(buffer, L"hello Worl!", 11);
    /* Back to the start: fclose cuts the array at the position. */
    rewind(stream);
    CHECK_EQ(fputws(L"HE", stream), 1);
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(size, 2);
    same_characters(buffer, L"HE", 3);
    free(buffer);
}

/* With nothing written since (the position 0), SEEK_END uses the length the
 * last seek saw. */
static void end_after_rewind(void) {
    wchar_t* buffer = NULL;
    size_t size = 0;
    FILE* stream = open_wmemstream(&buffer, &size);
    CHECK(stream != NULL);
    CHECK_EQ(fputws(L"abcdef", stream), 1);
    CHECK_EQ(fseek(stream, 0, SEEK_SET), 0);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, 0);
    CHECK_EQ(fseek(stream, -2, SEEK_END), 0);
    CHECK_EQ(ftell(stream), 4);
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(size, 4);
    same_characters(buffer, L"abcd", 5);
    free(buffer);
}

/* Growing well past the first array (2048 characters), and fflush at the
 * array's very end. */
static void growing(void) {
    wchar_t* buffer = NULL;
    size_t size = 0;
    FILE* stream = open_wmemstream(&buffer, &size);
    CHECK(stream != NULL);
    for (int i = 0; i < 2048; ++i) CHECK_EQ(fputwc(L'a' + i % 26, stream), L'a' + i % 26);
    CHECK_EQ(fflush(stream), 0);
    CHECK_EQ(size, 2048);
    CHECK_EQ(buffer[2047], L'a' + 2047 % 26);
    CHECK_EQ(buffer[2048], L'\0');
    CHECK_EQ(fwprintf(stream, L"%*d", 5000, 7), 5000);
    CHECK_EQ(fclose(stream), 0);
    CHECK_EQ(size, 7048);
    CHECK_EQ(buffer[7046], L' ');
    CHECK_EQ(buffer[7047], L'7');
    CHECK_EQ(buffer[7048], L'\0');
    CHECK_EQ(wcslen(buffer), 7048);
    free(buffer);
}

int main(void) {
    written_and_flushed();
    seeking();
    end_after_rewind();
    growing();
    byte_characters_and_freopen();
    /* The same in C.UTF-8: characters are stored, not encoded. */
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    written_and_flushed();
    seeking();
    return 0;
}
