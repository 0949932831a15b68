/* The _unlocked forms of the wide-character stdio calls: the same characters,
 * results and errors as the locked forms, with the stream's lock held by the
 * caller (their usual use) and without it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

static void write_and_read_back(int hold_lock) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    if (hold_lock) flockfile(file);
    CHECK_EQ(fputwc_unlocked(L'a', file), (wint_t)L'a');
    CHECK_EQ(putwc_unlocked(L'b', file), (wint_t)L'b');
    CHECK_EQ(fputws_unlocked(L"cd\nef\n", file), 1);
    /* A character ASCII has no byte for goes out as its transliteration. */
    CHECK_EQ(fputwc_unlocked(L'\u20ac', file), (wint_t)L'\u20ac');
    CHECK_EQ(fputwc_unlocked(L'\n', file), (wint_t)L'\n');
    if (hold_lock) funlockfile(file);
    rewind(file);

    if (hold_lock) flockfile(file);
    CHECK_EQ(fgetwc_unlocked(file), (wint_t)L'a');
    CHECK_EQ(getwc_unlocked(file), (wint_t)L'b');
    wchar_t line[16];
    CHECK(fgetws_unlocked(line, 16, file) == line);
    CHECK(wcscmp(line, L"cd\n") == 0);
    CHECK(fgetws_unlocked(line, 3, file) == line); /* count - 1 characters */
    CHECK(wcscmp(line, L"ef") == 0);
    CHECK(fgetws_unlocked(line, 16, file) == line);
    CHECK(wcscmp(line, L"\n") == 0);
    CHECK(fgetws_unlocked(line, 16, file) == line);
    CHECK(wcscmp(line, L"EUR\n") == 0);
    CHECK_EQ(fgetwc_unlocked(file), WEOF);
    CHECK(feof(file));
    CHECK(fgetws_unlocked(line, 16, file) == NULL);
    if (hold_lock) funlockfile(file);
    fclose(file);
}

int main(void) {
    write_and_read_back(1);
    write_and_read_back(0);

    /* A byte from 0x80 up is no character of the C locale: WEOF, EILSEQ, and
     * the byte stays unread. */
    FILE* file = tmpfile();
    CHECK(file != NULL);
    /* Written under the stream, which glibc would otherwise make byte-oriented. */
    CHECK_EQ(write(fileno(file), "x\xe9y", 3), 3);
    CHECK_EQ(lseek(fileno(file), 0, SEEK_SET), 0);
    CHECK_EQ(fgetwc_unlocked(file), (wint_t)L'x');
    errno = 0;
    CHECK_EQ(fgetwc_unlocked(file), WEOF);
    CHECK_EQ(errno, EILSEQ);
    CHECK(ferror(file));
    fclose(file);

    /* The standard streams' forms. */
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    CHECK_EQ(write(ends[1], "q", 1), 1);
    close(ends[1]);
    CHECK(freopen("/dev/null", "r", stdin) != NULL);
    CHECK_EQ(dup2(ends[0], 0), 0);
    CHECK_EQ(getwchar_unlocked(), (wint_t)L'q');
    CHECK_EQ(getwchar_unlocked(), WEOF);
    CHECK_EQ(putwchar_unlocked(L'\n'), (wint_t)L'\n');
    return 0;
}
