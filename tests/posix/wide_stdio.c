/* The wide-character stdio calls of the "C" locale: fputwc putwc putwchar
 * fgetwc getwc ungetwc fputws fgetws, and wcsftime. Written, a character ASCII cannot
 * hold becomes its transliteration ("EUR" for U+20AC, '?' without one);
 * read, a byte from 0x80 up is EILSEQ with the error indicator set, and
 * stays unread. Each stream is used with wide calls only (glibc fixes a
 * stream's kind at its first call; lwp has no kinds). Also passes against
 * glibc. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

/* fputws and fgetws: a string out (1 when all of it went), lines back. */
static void wide_strings(void) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK_EQ(fputws(L"first line\nsecond \x20ac\n", file), 1);
    CHECK_EQ(fputws(L"", file), 1);
    CHECK_EQ(fputws(L"last", file), 1);
    rewind(file);
    wchar_t line[32];
    CHECK(fgetws(line, 32, file) == line);
    CHECK(wcscmp(line, L"first line\n") == 0);
    CHECK(fgetws(line, 5, file) == line); /* four characters and the NUL */
    CHECK(wcscmp(line, L"seco") == 0);
    CHECK(fgetws(line, 32, file) == line);
    CHECK(wcscmp(line, L"nd EUR\n") == 0);
    CHECK(fgetws(line, 32, file) == line); /* the end of the file ends it */
    CHECK(wcscmp(line, L"last") == 0);
    CHECK(fgetws(line, 32, file) == NULL);
    CHECK(feof(file));
    CHECK(fgetws(line, 0, file) == NULL);
    fclose(file);
}

int main(void) {
    wide_strings();
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK_EQ(fputwc(L'a', file), L'a');
    CHECK_EQ(putwc(L'b', file), L'b');
    CHECK_EQ(fputwc(0x20ac, file), 0x20ac); /* the euro sign: "EUR" */
    CHECK_EQ(fputwc(0x201c, file), 0x201c); /* a left double quote: '"' */
    CHECK_EQ(fputwc(0xe9, file), 0xe9);     /* é: no ASCII for it, '?' */
    CHECK(!ferror(file));
    CHECK_EQ(fflush(file), 0);
    char bytes[16] = "";
    CHECK_EQ(pread(fileno(file), bytes, sizeof bytes - 1, 0), 7);
    CHECK_STREQ(bytes, "abEUR\"?");
    fclose(file);

    file = tmpfile();
    CHECK(file != NULL);
    CHECK_EQ(write(fileno(file), "ab\xe9z", 4), 4);
    CHECK_EQ(lseek(fileno(file), 0, SEEK_SET), 0);
    CHECK_EQ(fgetwc(file), L'a');
    CHECK_EQ(ungetwc(L'y', file), L'y');
    CHECK_EQ(getwc(file), L'y');
    CHECK_EQ(ungetwc(WEOF, file), WEOF);
    CHECK_EQ(getwc(file), L'b');
    for (int again = 0; again < 2; ++again) {
        errno = 0;
        CHECK_EQ(getwc(file), WEOF); /* 0xe9, which stays unread */
        CHECK_EQ(errno, EILSEQ);
        CHECK(ferror(file));
        CHECK(!feof(file));
    }
    fclose(file);

    struct tm when = {.tm_year = 124, .tm_mon = 10, .tm_mday = 27, .tm_hour = 9, .tm_wday = 3};
    wchar_t text[64];
    CHECK_EQ(wcsftime(text, 64, L"%A %d %B %Y, %H h", &when), 32);
    CHECK(wcscmp(text, L"Wednesday 27 November 2024, 09 h") == 0);
    CHECK_EQ(wcsftime(text, 5, L"%Y-%m", &when), 0); /* does not fit */
    return 0;
}
