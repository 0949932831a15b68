/* The wide-character stdio in C.UTF-8: fputwc fputws fwprintf write UTF-8
 * (a surrogate or a negative wchar_t as '?', successfully), fgetwc fgetws
 * ungetwc decode it, an invalid sequence is EILSEQ with the error indicator
 * set and its bytes left unread, a sequence the end of the file cuts short
 * is the end or EILSEQ as glibc's wide streams have it, and swprintf's %s
 * decodes UTF-8. Each stream is used with wide calls only (glibc fixes a
 * stream's kind at its first call; lwp has no kinds). Also passes against
 * glibc, in its C.UTF-8 locale. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

/* A new file holding `count` bytes, open for reading from its start; the
 * bytes go in with write(2), so the stream has no kind yet. */
static FILE* file_holding(const char* bytes, size_t count) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK_EQ(write(fileno(file), bytes, count), (ssize_t)count);
    CHECK_EQ(lseek(fileno(file), 0, SEEK_SET), 0);
    return file;
}

/* Reads all of `file` back as bytes (a new stream on the same file, so the
 * wide one's kind does not matter) and compares. */
static void check_contents(FILE* file, const char* expected, size_t count) {
    CHECK_EQ(fflush(file), 0);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(file));
    FILE* reader = fopen(path, "rb");
    CHECK(reader != NULL);
    char bytes[128];
    size_t got = fread(bytes, 1, sizeof bytes, reader);
    fclose(reader);
    CHECK_EQ(got, count);
    CHECK(memcmp(bytes, expected, count) == 0);
}

static void writing(int mode) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    if (mode != _IOFBF) CHECK_EQ(setvbuf(file, NULL, mode, mode == _IONBF ? 0 : 8), 0);
    errno = 0;
    CHECK_EQ(fputwc(L'a', file), (wint_t)L'a');
    CHECK_EQ(fputwc(0xe9, file), (wint_t)0xe9);
    CHECK_EQ(putwc(0x20ac, file), (wint_t)0x20ac);
    CHECK_EQ(fputwc(0x1f600, file), (wint_t)0x1f600);
    CHECK_EQ(fputwc(0x7fffffff, file), (wint_t)0x7fffffff); /* six bytes, as glibc */
    CHECK_EQ(fputwc(0xd800, file), (wint_t)0xd800);         /* no UTF-8: '?' */
    CHECK_EQ(fputwc((wchar_t)0x80000000, file), (wint_t)0x80000000);
    CHECK_EQ(errno, 0);
    CHECK_EQ(fputws(L"\x3b1\x3b2\n", file), 1);
    CHECK_EQ(fwprintf(file, L"<%ls|%s|%3lc>", L"\xfc", "\xc3\xb6", (wint_t)0x4e2d), 9);
    CHECK(!ferror(file));
    static const char expected[] = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xfd\xbf\xbf\xbf\xbf\xbf??"
                                   "\xce\xb1\xce\xb2\n<\xc3\xbc|\xc3\xb6|  \xe4\xb8\xad>";
    check_contents(file, expected, sizeof expected - 1);
    fclose(file);
}

static void reading(void) {
    static const char text[] = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xfd\xbf\xbf\xbf\xbf\xbfz\n"
                               "\xce\xb1\xce\xb2\n";
    FILE* file = file_holding(text, sizeof text - 1);
    CHECK_EQ(fgetwc(file), (wint_t)L'a');
    CHECK_EQ(getwc(file), (wint_t)0xe9);
    CHECK_EQ(fgetwc(file), (wint_t)0x20ac);
    CHECK_EQ(fgetwc(file), (wint_t)0x1f600);
    /* Pushed back and read again. */
    CHECK_EQ(ungetwc(0x1f600, file), (wint_t)0x1f600);
    CHECK_EQ(fgetwc(file), (wint_t)0x1f600);
    /* Several in a row, more than were read: the last pushed comes first. */
    CHECK_EQ(ungetwc(0x3b1, file), (wint_t)0x3b1);
    CHECK_EQ(ungetwc(L'q', file), (wint_t)L'q');
    CHECK_EQ(ungetwc(0x4e2d, file), (wint_t)0x4e2d);
    CHECK_EQ(ungetwc(0x1f600, file), (wint_t)0x1f600);
    CHECK_EQ(ungetwc(0xe9, file), (wint_t)0xe9);
    CHECK_EQ(fgetwc(file), (wint_t)0xe9);
    CHECK_EQ(fgetwc(file), (wint_t)0x1f600);
    CHECK_EQ(fgetwc(file), (wint_t)0x4e2d);
    CHECK_EQ(fgetwc(file), (wint_t)L'q');
    CHECK_EQ(fgetwc(file), (wint_t)0x3b1);
    CHECK_EQ(fgetwc(file), (wint_t)0x7fffffff);
    wchar_t line[8];
    CHECK(fgetws(line, 8, file) == line);
    CHECK(wcscmp(line, L"z\n") == 0);
    CHECK(fgetws(line, 8, file) == line);
    CHECK(wcscmp(line, L"\x3b1\x3b2\n") == 0);
    errno = 0;
    CHECK_EQ(fgetwc(file), WEOF);
    CHECK(feof(file) && !ferror(file));
    CHECK_EQ(errno, 0);
    fclose(file);
}

/* An invalid sequence: EILSEQ, the error indicator, and the same answer
 * again, its bytes staying unread; the characters before it come first. */
static void invalid_sequences(void) {
    static const char* const inputs[] = {
        "a\xff" "b",          /* no lead byte */
        "a\xc3" "b",          /* a lead byte without its continuation */
        "a\xed\xa0\x80" "b",  /* a surrogate */
        "a\xc0\x80" "b",      /* overlong */
        "a\xe0\x80\x80" "b",  /* overlong, three bytes */
        "a\x80" "b",          /* a continuation byte alone */
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; ++i) {
        FILE* file = file_holding(inputs[i], strlen(inputs[i]));
        CHECK_EQ(fgetwc(file), (wint_t)L'a');
        for (int again = 0; again < 2; ++again) {
            errno = 0;
            CHECK_EQ(fgetwc(file), WEOF);
            CHECK_EQ(errno, EILSEQ);
            CHECK(ferror(file) && !feof(file));
            clearerr(file);
        }
        fclose(file);
    }
    /* fgetws: the characters before it make no line: null, EILSEQ. */
    FILE* file = file_holding("ab\xff", 3);
    wchar_t line[8];
    errno = 0;
    CHECK(fgetws(line, 8, file) == NULL);
    CHECK_EQ(errno, EILSEQ);
    CHECK(ferror(file));
    fclose(file);
}

/* A sequence the end of the file cuts short. After characters read with
 * it, it is the end, errno untouched; as the whole of a read (here the
 * whole file), EILSEQ with the error indicator, and then the end. */
static void truncated_sequences(void) {
    FILE* file = file_holding("a\xe2\x82", 3);
    CHECK_EQ(fgetwc(file), (wint_t)L'a');
    errno = 0;
    CHECK_EQ(fgetwc(file), WEOF);
    CHECK_EQ(errno, 0);
    CHECK(feof(file) && !ferror(file));
    fclose(file);

    file = file_holding("\xf0\x9f\x98", 3);
    errno = 0;
    CHECK_EQ(fgetwc(file), WEOF);
    CHECK_EQ(errno, EILSEQ);
    CHECK(ferror(file) && !feof(file));
    errno = 0;
    CHECK_EQ(fgetwc(file), WEOF);
    CHECK_EQ(errno, 0);
    CHECK(feof(file));
    fclose(file);
}

/* Many characters of every length, so that sequences cross the stream's
 * reads, written and read back. */
static void long_text(void) {
    static const wchar_t samples[] = {L'x', 0xe9, 0x20ac, 0x1f600, 0x10ffff, 0x3ffffff, L'\n'};
    FILE* file = tmpfile();
    CHECK(file != NULL);
    for (int i = 0; i < 20000; ++i) CHECK(fputwc(samples[i % 7], file) != WEOF);
    rewind(file);
    for (int i = 0; i < 20000; ++i) CHECK_EQ(fgetwc(file), (wint_t)samples[i % 7]);
    CHECK_EQ(fgetwc(file), WEOF);
    CHECK(feof(file) && !ferror(file));
    fclose(file);
}

/* swprintf's %s converts through mbrtowc: UTF-8, its precision and width
 * counting characters; an invalid sequence fails the call with EILSEQ. */
static void wide_printf_strings(void) {
    wchar_t out[32];
    CHECK_EQ(swprintf(out, 32, L"[%s]", "\xc3\xa9z"), 4);
    CHECK(wcscmp(out, L"[\xe9z]") == 0);
    CHECK_EQ(swprintf(out, 32, L"[%.1s]", "\xc3\xa9\xff"), 3);
    CHECK(wcscmp(out, L"[\xe9]") == 0);
    CHECK_EQ(swprintf(out, 32, L"[%-3s]", "\xe2\x82\xac"), 5);
    CHECK(wcscmp(out, L"[\x20ac  ]") == 0);
    errno = 0;
    CHECK_EQ(swprintf(out, 32, L"[%s]", "a\xc3"), -1);
    CHECK_EQ(errno, EILSEQ);
    errno = 0;
    CHECK_EQ(swprintf(out, 32, L"[%s]", "a\xed\xa0\x80"), -1);
    CHECK_EQ(errno, EILSEQ);
    /* %c goes through btowc: an ASCII byte is itself in C.UTF-8 too. */
    CHECK_EQ(swprintf(out, 32, L"%c", 'q'), 1);
    CHECK(wcscmp(out, L"q") == 0);
}

int main(void) {
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    writing(_IOFBF);
    writing(_IOLBF);
    writing(_IONBF);
    reading();
    invalid_sequences();
    truncated_sequences();
    long_text();
    wide_printf_strings();
    /* Back in "C", a character from 0x80 up is again no byte. */
    CHECK(setlocale(LC_ALL, "C") != NULL);
    FILE* file = file_holding("\xc3\xa9", 2);
    errno = 0;
    CHECK_EQ(fgetwc(file), WEOF);
    CHECK_EQ(errno, EILSEQ);
    fclose(file);
    wchar_t out[8];
    errno = 0;
    CHECK_EQ(swprintf(out, 8, L"%s", "\xc3\xa9"), -1);
    CHECK_EQ(errno, EILSEQ);
    puts("utf8_wide_stdio: ok");
    return 0;
}
