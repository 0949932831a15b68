/* The wide printf and scanf families in the "C" locale: swprintf's
 * truncation (-1, errno untouched, the first n - 1 characters and no
 * terminator), numbers exactly as snprintf writes them, %s through mbrtowc
 * (EILSEQ from 0x80 up), %c through btowc (WEOF written, then -1), %lc %ls
 * any wchar_t, %n in wide characters; fwprintf narrowing as fputwc does
 * (ASCII transliterations); swscanf and fwscanf with %S %C %ls %n, a byte
 * from 0x80 up in a stream being EILSEQ and left unread; fwide; a WEOF from
 * %c or %lc on a stream, dropped where glibc's wide buffer has no room (in
 * "C" and C.UTF-8).
 * Checked against glibc too (cc -DCHECKING_AGAINST_GLIBC wide_printf.c),
 * which differs only in fwide (glibc's streams take an orientation). */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

static int wide_equal(const wchar_t* actual, const wchar_t* expected) {
    return wcscmp(actual, expected) == 0;
}

static void array_output_and_truncation(void) {
    wchar_t buffer[16];
    CHECK_EQ(swprintf(buffer, 16, L"%d-%ls-%s", 42, L"wide", "narrow"), 14);
    CHECK(wide_equal(buffer, L"42-wide-narrow"));

    /* Exactly capacity - 1 characters fit, with the terminator. */
    wmemset(buffer, L'#', 16);
    CHECK_EQ(swprintf(buffer, 6, L"hello"), 5);
    CHECK(wmemcmp(buffer, L"hello\0#", 7) == 0);

    /* One more does not: -1, errno untouched, n - 1 characters written and
     * no terminator. */
    wmemset(buffer, L'#', 16);
    errno = 0;
    CHECK_EQ(swprintf(buffer, 5, L"hello"), -1);
    CHECK_EQ(errno, 0);
    CHECK(wmemcmp(buffer, L"hell#", 5) == 0);
    wmemset(buffer, L'#', 16);
    CHECK_EQ(swprintf(buffer, 3, L"%d", 12345), -1);
    CHECK(wmemcmp(buffer, L"12#", 3) == 0);

    /* Capacity 1 holds the terminator only; capacity 0 nothing at all. */
    wmemset(buffer, L'#', 16);
    CHECK_EQ(swprintf(buffer, 1, L"x"), -1);
    CHECK_EQ(buffer[0], L'\0');
    CHECK_EQ(buffer[1], L'#');
    CHECK_EQ(swprintf(buffer, 1, L""), 0);
    wmemset(buffer, L'#', 16);
    CHECK_EQ(swprintf(buffer, 0, L""), -1);
    CHECK_EQ(buffer[0], L'#');

    /* A format cut short: EINVAL, the text before it kept and ended. */
    wmemset(buffer, L'#', 16);
    errno = 0;
    CHECK_EQ(swprintf(buffer, 16, L"ab%"), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK(wide_equal(buffer, L"ab"));
}

/* Every numeric conversion as snprintf writes it. */
static void numbers_as_printf(void) {
    static const struct {
        const wchar_t* wide;
        const char* narrow;
    } formats[] = {
        {L"[%d|%5i|%-5d|%+d|% d|%05d|%.3d|%hhd|%hd]", "[%d|%5i|%-5d|%+d|% d|%05d|%.3d|%hhd|%hd]"},
        {L"[%u|%o|%#o|%x|%#X|%#.0x|%lx|%llu|%zd|%jd|%td]",
         "[%u|%o|%#o|%x|%#X|%#.0x|%lx|%llu|%zd|%jd|%td]"},
        {L"[%f|%.2e|%G|%#g|%a|%10.3A|%-8.1f|%+.0f]", "[%f|%.2e|%G|%#g|%a|%10.3A|%-8.1f|%+.0f]"},
        {L"[%*d|%-*.*d|%.*f|%p|%20p]", "[%*d|%-*.*d|%.*f|%p|%20p]"},
    };
    wchar_t wide[256];
    char narrow[256];
    for (int negative = 0; negative < 2; ++negative) {
        int sign = negative ? -1 : 1;
        int wide_length = swprintf(wide, 256, formats[0].wide, sign * 1234, sign * 56, sign * 7,
                                   sign * 8, sign * 9, sign * 10, sign * 11, sign * 300,
                                   sign * 70000);
        CHECK_EQ(wide_length, snprintf(narrow, 256, formats[0].narrow, sign * 1234, sign * 56,
                                       sign * 7, sign * 8, sign * 9, sign * 10, sign * 11,
                                       sign * 300, sign * 70000));
        for (int i = 0; narrow[i] || wide[i]; ++i) CHECK_EQ(wide[i], (wchar_t)narrow[i]);

        long big = sign * 0x123456789abL;
        wide_length = swprintf(wide, 256, formats[1].wide, 1u, 8u, 8u, 255u, 255u, 0u, big,
                               (unsigned long long)big, (size_t)big, (long)big, (long)big);
        CHECK_EQ(wide_length, snprintf(narrow, 256, formats[1].narrow, 1u, 8u, 8u, 255u, 255u,
                                       0u, big, (unsigned long long)big, (size_t)big, (long)big,
                                       (long)big));
        for (int i = 0; narrow[i] || wide[i]; ++i) CHECK_EQ(wide[i], (wchar_t)narrow[i]);

        double x = sign * 3.14159265358979;
        wide_length = swprintf(wide, 256, formats[2].wide, x, x * 1e10, x / 1e7, x, x, x, x, x);
        CHECK_EQ(wide_length,
                 snprintf(narrow, 256, formats[2].narrow, x, x * 1e10, x / 1e7, x, x, x, x, x));
        for (int i = 0; narrow[i] || wide[i]; ++i) CHECK_EQ(wide[i], (wchar_t)narrow[i]);

        void* pointer = negative ? NULL : (void*)narrow;
        wide_length = swprintf(wide, 256, formats[3].wide, sign * 6, 3, sign * 7, 5, 4, 2, x,
                               pointer, pointer);
        CHECK_EQ(wide_length, snprintf(narrow, 256, formats[3].narrow, sign * 6, 3, sign * 7, 5,
                                       4, 2, x, pointer, pointer));
        for (int i = 0; narrow[i] || wide[i]; ++i) CHECK_EQ(wide[i], (wchar_t)narrow[i]);
    }
}

static void characters_and_strings(void) {
    wchar_t buffer[64];
    /* Any wchar_t goes through %lc, %C, %ls, %S and the format itself. */
    CHECK_EQ(swprintf(buffer, 64, L"\x20ac%lc%C|%ls|%S", (wint_t)0xe9, (wint_t)0x10ffff,
                      L"\x263a x", L"\xff"),
             9);
    CHECK(wide_equal(buffer, L"\x20ac\xe9\x10ffff|\x263a x|\xff"));
    /* Widths and precisions count wide characters. */
    CHECK_EQ(swprintf(buffer, 64, L"[%5.2s|%-4ls|%3c|%-3lc]", "abc", L"\x20ac", 'q', (wint_t)L'r'),
             20);
    CHECK(wide_equal(buffer, L"[   ab|\x20ac   |  q|r  ]"));
    CHECK_EQ(swprintf(buffer, 64, L"%s|%ls|%.3s|%.5ls|", (char*)NULL, (wchar_t*)NULL,
                      (char*)NULL, (wchar_t*)NULL),
             16);
    CHECK(wide_equal(buffer, L"(null)|(null)|||"));
    int count = -1;
    signed char short_count = -1;
    CHECK_EQ(swprintf(buffer, 64, L"\x20ac\x20ac%n%ls%hhn", &count, L"\x263a", &short_count), 3);
    CHECK_EQ(count, 2);
    CHECK_EQ(short_count, 3);
    CHECK_EQ(swprintf(buffer, 64, L"%%|%y|%\x20ac"), 7);  /* unknown: copied through */
    CHECK(wide_equal(buffer, L"%|%y|%\x20ac"));

    /* %s converts through mbrtowc: a byte from 0x80 up is EILSEQ. */
    errno = 0;
    CHECK_EQ(swprintf(buffer, 64, L"[%s]", "a\xe9"), -1);
    CHECK_EQ(errno, EILSEQ);
    CHECK(wide_equal(buffer, L"["));
    /* %c through btowc: such a byte becomes WEOF, written, and the call
     * fails, errno untouched; %lc of WEOF too. */
    errno = 0;
    CHECK_EQ(swprintf(buffer, 64, L"<%c>", 0xe9), -1);
    CHECK_EQ(errno, 0);
    CHECK_EQ(buffer[0], L'<');
    CHECK_EQ(buffer[1], (wchar_t)WEOF);
    CHECK_EQ(buffer[2], L'\0');
    CHECK_EQ(swprintf(buffer, 64, L"%lc", WEOF), -1);
    CHECK_EQ(errno, 0);
    /* btowc takes the argument as an unsigned char. */
    CHECK_EQ(swprintf(buffer, 64, L"%c", 0x141), 1);
    CHECK(wide_equal(buffer, L"A"));
}

static int call_vswprintf(wchar_t* buffer, size_t size, const wchar_t* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vswprintf(buffer, size, format, arguments);
    va_end(arguments);
    return result;
}

static int call_vfwprintf(FILE* file, const wchar_t* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vfwprintf(file, format, arguments);
    va_end(arguments);
    return result;
}

/* A new file, read back as bytes through its descriptor. */
static FILE* temporary_file(char* name) {
    strcpy(name, "/tmp/lwp-wide-printf-XXXXXX");
    int descriptor = mkstemp(name);
    CHECK(descriptor >= 0);
    close(descriptor);
    FILE* file = fopen(name, "w+");
    CHECK(file != NULL);
    return file;
}

static void contents(const char* name, char* into, size_t size) {
    FILE* file = fopen(name, "r");
    CHECK(file != NULL);
    size_t length = fread(into, 1, size - 1, file);
    into[length] = '\0';
    fclose(file);
}

static void stream_output(void) {
    char name[64], text[128];
    FILE* file = temporary_file(name);
    /* Characters from 0x80 up narrow as fputwc narrows them. */
    CHECK_EQ(fwprintf(file, L"%d \x20ac|%ls|%lc|", 7, L"a\xe9", (wint_t)0x201c), 9);
    CHECK_EQ(call_vfwprintf(file, L"%5.1f%%\n", 2.25), 7);
    CHECK_EQ(fflush(file), 0);
    contents(name, text, sizeof text);
    CHECK(strcmp(text, "7 EUR|a?|\"|  2.2%\n") == 0);
    CHECK_EQ(fclose(file), 0);

    file = temporary_file(name);
    errno = 0;
    CHECK_EQ(fwprintf(file, L"[%s]", "\x80"), -1);
    CHECK_EQ(errno, EILSEQ);
    CHECK_EQ(fclose(file), 0);
    contents(name, text, sizeof text);
    CHECK(strcmp(text, "[") == 0);
    CHECK_EQ(unlink(name), 0);

    wchar_t buffer[8];
    CHECK_EQ(call_vswprintf(buffer, 8, L"%x", 48879), 4);
    CHECK(wide_equal(buffer, L"beef"));
}

static int call_vswscanf(const wchar_t* input, const wchar_t* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int result = vswscanf(input, format, arguments);
    va_end(arguments);
    return result;
}

static void scanning(void) {
    int a = 0, b = 0, count = 0;
    char bytes[16];
    wchar_t wide[16], character = 0;
    double x = 0;
    CHECK_EQ(swscanf(L"  12 abc 3.5 xyz !", L"%d %s %lf %S %C%n", &a, bytes, &x, wide, &character,
                     &count),
             5);
    CHECK_EQ(a, 12);
    CHECK(strcmp(bytes, "abc") == 0);
    CHECK(x == 3.5);
    CHECK(wide_equal(wide, L"xyz"));
    CHECK_EQ(character, L'!');
    CHECK_EQ(count, 18);
    CHECK_EQ(swscanf(L"0x1f-9", L"%i%d", &a, &b), 2);
    CHECK_EQ(a, 31);
    CHECK_EQ(b, -9);
    CHECK_EQ(call_vswscanf(L"key=[value]", L"key=[%5l[a-z]]%n", wide, &count), 1);
    CHECK(wide_equal(wide, L"value"));
    CHECK_EQ(count, 11);
    CHECK_EQ(swscanf(L"abc", L"%d", &a), 0);
    CHECK_EQ(swscanf(L"", L"%d", &a), EOF);
    CHECK_EQ(swscanf(L"5%", L"%d%%", &a), 1);

    /* From a stream: a byte from 0x80 up is EILSEQ, left unread, with the
     * error indicator set, as glibc's wide streams read it. */
    char name[64];
    FILE* file = temporary_file(name);
    CHECK(fputs("42 z\xe9w 7", file) >= 0);
    CHECK_EQ(fclose(file), 0);
    file = fopen(name, "r");
    CHECK(file != NULL);
    errno = 0;
    CHECK_EQ(fwscanf(file, L"%d %ls", &a, wide), 2);
    CHECK_EQ(a, 42);
    CHECK(wide_equal(wide, L"z"));
    CHECK_EQ(errno, EILSEQ);
    CHECK(ferror(file));
    CHECK_EQ(fclose(file), 0);

    file = fopen(name, "r");
    CHECK(file != NULL);
    CHECK_EQ(fwscanf(file, L"%d", &a), 1);
    CHECK_EQ(fwscanf(file, L"%*s%n", &count), 0);
    CHECK_EQ(count, 2);  /* " z": the EILSEQ ended the input, %n needs none */
    CHECK_EQ(fclose(file), 0);
    CHECK_EQ(unlink(name), 0);
}

/* fwprintf(file, format, ...) on a new file, closed, and its bytes. */
static int print_to_new_file(const char* setup, char* text, size_t size, const wchar_t* format,
                             ...) {
    char name[64];
    FILE* file = temporary_file(name);
    if (strcmp(setup, "line") == 0) CHECK_EQ(setvbuf(file, NULL, _IOLBF, 0), 0);
    if (strcmp(setup, "none") == 0) CHECK_EQ(setvbuf(file, NULL, _IONBF, 0), 0);
    if (strcmp(setup, "fputwc") == 0) CHECK_EQ(fputwc(L'q', file), L'q');
    va_list arguments;
    va_start(arguments, format);
    errno = 0;
    int result = vfwprintf(file, format, arguments);
    va_end(arguments);
    CHECK_EQ(errno, 0);
    CHECK_EQ(fclose(file), 0);
    contents(name, text, size);
    CHECK_EQ(unlink(name), 0);
    return result;
}

/* A WEOF from %c (a byte from 0x80 up) or %lc is stored and fails the call
 * only where glibc's stream has room in its wide buffer. Where it has none
 * (the first wide character a fully buffered stream takes after opening or
 * a seek, every one of a line-buffered stream) the character is counted,
 * nothing written, and the call goes on; an unbuffered stream fails it
 * unwritten. A stored WEOF reaches the file as '?'. The same in C.UTF-8. */
static void end_of_file_character_on_streams(void) {
    char text[64];
    CHECK_EQ(print_to_new_file("", text, sizeof text, L"%c|", 0xe9), 2);
    CHECK(strcmp(text, "|") == 0);
    CHECK_EQ(print_to_new_file("", text, sizeof text, L"%c%c|", 0x80, 0xff), -1);
    CHECK(strcmp(text, "?") == 0);
    CHECK_EQ(print_to_new_file("", text, sizeof text, L"%lc.", (wint_t)WEOF), 2);
    CHECK(strcmp(text, ".") == 0);
    CHECK_EQ(print_to_new_file("", text, sizeof text, L"%-3c.", 0x1e9), 4);
    CHECK(strcmp(text, "  .") == 0);
    /* Padding before it is the stream's first character. */
    CHECK_EQ(print_to_new_file("", text, sizeof text, L"%3c.", 0xe9), -1);
    CHECK(strcmp(text, "  ?") == 0);
    CHECK_EQ(print_to_new_file("", text, sizeof text, L"a%c", 0xe9), -1);
    CHECK(strcmp(text, "a?") == 0);
    CHECK_EQ(print_to_new_file("fputwc", text, sizeof text, L"%c.", 0xe9), -1);
    CHECK(strcmp(text, "q?") == 0);
    CHECK_EQ(print_to_new_file("line", text, sizeof text, L"a%c%cb", 0xe9, 0xe9), 4);
    CHECK(strcmp(text, "ab") == 0);
    CHECK_EQ(print_to_new_file("none", text, sizeof text, L"a%cb", 0xe9), -1);
    CHECK(strcmp(text, "a") == 0);

    /* The next call's is no longer the first; after a seek or freopen it
     * is again. */
    char name[64];
    FILE* file = temporary_file(name);
    errno = 0;
    CHECK_EQ(fwprintf(file, L"%c", 0xe9), 1);
    CHECK_EQ(fwprintf(file, L"%cx", 0xe9), -1);
    CHECK_EQ(errno, 0);
    rewind(file);
    CHECK_EQ(fwprintf(file, L"%c<", 0xe9), 2);
    CHECK_EQ(fflush(file), 0);
    contents(name, text, sizeof text);
    CHECK(strcmp(text, "<") == 0);
    CHECK_EQ(fwprintf(file, L"%c", 0xe9), -1);
    CHECK(freopen(name, "w", file) == file);
    CHECK_EQ(fwprintf(file, L"%c!", 0xe9), 2);
    CHECK_EQ(fclose(file), 0);
    contents(name, text, sizeof text);
    CHECK(strcmp(text, "!") == 0);
    CHECK_EQ(unlink(name), 0);
}

static void orientation(void) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK_EQ(fwide(file, 0), 0);
    /* The stream takes the orientation asked for, for good. */
    CHECK_EQ(fwide(file, 1), 1);
    CHECK_EQ(fwide(file, -1), 1);
    /* printf refuses a wide-oriented stream. */
    CHECK_EQ(fprintf(file, "x"), -1);
    CHECK(!ferror(file));
    CHECK_EQ(fclose(file), 0);
}

int main(void) {
    array_output_and_truncation();
    numbers_as_printf();
    characters_and_strings();
    stream_output();
    scanning();
    orientation();
    end_of_file_character_on_streams();
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    end_of_file_character_on_streams();
    return 0;
}
