/* The wide scanf family reads whole wide characters: in swscanf's input any
 * wchar_t, from a stream what fgetwc decodes (UTF-8 in C.UTF-8); widths
 * and %n count characters; white space is iswspace's; %lc %ls %l[ store
 * wchar_t, %c %s %[ each character's multibyte bytes (and %s %[ two null
 * bytes after them). Every expected value is glibc 2.36's; also passes
 * built against glibc. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

/* A stream that reads `text`, from a file of its own. */
static FILE* stream_of(const char* text) {
    char name[] = "/tmp/lwp-wide-scanf-XXXXXX";
    int fd = mkstemp(name);
    CHECK(fd >= 0);
    CHECK_EQ(unlink(name), 0);
    CHECK_EQ(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    FILE* file = fdopen(fd, "r");
    CHECK(file != NULL);
    return file;
}

static void in_utf8(void) {
    CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    wchar_t first[16], second[16];
    CHECK_EQ(swscanf(L"h\u00e9llo w\u00f6rld", L"%ls %ls", first, second), 2);
    CHECK(wcscmp(first, L"h\u00e9llo") == 0 && wcscmp(second, L"w\u00f6rld") == 0);

    /* Into bytes: UTF-8, and a second null byte after the terminator. */
    char bytes[16];
    memset(bytes, 'x', sizeof bytes);
    CHECK_EQ(swscanf(L"h\u00e9\u20ac!", L"%s", bytes), 1);
    CHECK(memcmp(bytes, "h\xc3\xa9\xe2\x82\xac!\0\0", 9) == 0);

    /* Widths and %n count characters, not bytes. */
    wchar_t two[3] = {0};
    int consumed = -1;
    CHECK_EQ(swscanf(L"\u00e9\u00e8x", L"%2lc%n", two, &consumed), 1);
    CHECK(two[0] == L'\u00e9' && two[1] == L'\u00e8');
    CHECK_EQ(consumed, 2);
    memset(bytes, 0, sizeof bytes);
    CHECK_EQ(swscanf(L"ab\u20accd;", L"%[a-z\u20ac]%n", bytes, &consumed), 1);
    CHECK(strcmp(bytes, "ab\xe2\x82\xac" "cd") == 0);
    CHECK_EQ(consumed, 5);
    memset(bytes, 0, sizeof bytes);
    CHECK_EQ(swscanf(L"\u00e9\u00e9\u00e9\u00e9", L"%3c", bytes), 1);
    CHECK(memcmp(bytes, "\xc3\xa9\xc3\xa9\xc3\xa9", 6) == 0 && bytes[6] == 0);

    /* U+3000 is white space in C.UTF-8 (iswspace), and a format character
     * beyond ASCII matches itself. */
    int number = 0;
    CHECK_EQ(swscanf(L"\u3000 42", L"%d", &number), 1);
    CHECK_EQ(number, 42);
    CHECK_EQ(swscanf(L"\u20ac17", L"\u20ac%d", &number), 1);
    CHECK_EQ(number, 17);
    CHECK_EQ(swscanf(L"$17", L"\u20ac%d", &number), 0);

    /* %ms allocates the bytes. */
    char* allocated = NULL;
    CHECK_EQ(swscanf(L"\u00fcber", L"%ms", &allocated), 1);
    CHECK(allocated != NULL && strcmp(allocated, "\xc3\xbc" "ber") == 0);
    free(allocated);

    /* From a stream: UTF-8 decoded, the rest left unread. (Each stream is
     * only read, by wide calls, then by byte calls after a rewind: glibc's
     * streams take one orientation, fixed by their first call.) */
    FILE* file = stream_of("\xe2\x82\xac" "42 \xc3\x9f" "rest");
    wchar_t sharp = 0;
    CHECK_EQ(fwscanf(file, L"\u20ac%d %lc", &number, &sharp), 2);
    CHECK_EQ(number, 42);
    CHECK(sharp == L'\u00df');
    wchar_t rest[8] = {0};
    CHECK(fgetws(rest, 8, file) != NULL);
    CHECK(wcscmp(rest, L"rest") == 0);
    fclose(file);
    /* An invalid byte ends the input there, with the error indicator set. */
    file = stream_of("ab\xff");
    wchar_t word[8] = {0};
    CHECK_EQ(fwscanf(file, L"%ls", word), 1);
    CHECK(wcscmp(word, L"ab") == 0);
    CHECK(ferror(file));
    fclose(file);
}

static void in_c(void) {
    CHECK(setlocale(LC_ALL, "C") != NULL);
    /* swscanf's input is any wchar_t: a character past ASCII is matched
     * against the format and stored with %lc, and ends a number. */
    int number = 5;
    CHECK_EQ(swscanf(L"\u00e9", L"%d", &number), 0);
    CHECK_EQ(number, 5);
    wchar_t character = 0;
    CHECK_EQ(swscanf(L"\u00e9", L"%lc", &character), 1);
    CHECK(character == L'\u00e9');
    wchar_t text[8];
    CHECK_EQ(swscanf(L"x\u00e9y z", L"%ls", text), 1);
    CHECK(wcscmp(text, L"x\u00e9y") == 0);
    /* U+3000 is no white space in "C". */
    CHECK_EQ(swscanf(L"\u3000" L"42", L"%d", &number), 0);
    /* Into bytes, a character with no encoding in "C" fails with EILSEQ. */
    char bytes[8];
    errno = 0;
    CHECK_EQ(swscanf(L"\u00e9", L"%c", bytes), EOF);
    CHECK_EQ(errno, EILSEQ);
    errno = 0;
    CHECK_EQ(swscanf(L"a\u00e9", L"%s", bytes), 0);
    CHECK_EQ(errno, EILSEQ);
}

int main(void) {
    in_utf8();
    in_c();
    return 0;
}
