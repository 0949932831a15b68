/* Records what glibc's iconv writes for each code point it cannot represent
 * in a target: the data behind runtime/libc/character_set_transliterations.hpp
 * ("C" locale) and runtime/libc/character_set_utf8_transliterations.hpp
 * (C.UTF-8). Build and run against glibc (not lwp), then turn the output into
 * the tables:
 *
 *   gcc tools/observe_transliterations.c -o /tmp/observe_transliterations
 *   /tmp/observe_transliterations ASCII//TRANSLIT > /tmp/transliterations.txt
 *   python3 tools/make_transliteration_table.py /tmp/transliterations.txt \
 *       > runtime/libc/character_set_transliterations.hpp
 *
 *   for target in ASCII LATIN1 UCS-2; do
 *       OBSERVE_LOCALE=C.UTF-8 /tmp/observe_transliterations $target//TRANSLIT \
 *           only-replaced > /tmp/utf8-$target.txt
 *   done
 *   python3 tools/make_transliteration_table.py --utf8 /tmp/utf8-ASCII.txt \
 *       /tmp/utf8-LATIN1.txt /tmp/utf8-UCS-2.txt \
 *       > runtime/libc/character_set_utf8_transliterations.hpp
 *
 * glibc transliterates by the calling thread's LC_CTYPE at the time of each
 * iconv call, so OBSERVE_LOCALE (default "C") is set with setlocale first.
 *
 * One line per code point whose answer is not a plain '?' (or is one that
 * needs more room than it takes): the code point in
 * hex, iconv's return value, the errno, the least output room (bytes) with
 * which the conversion is not E2BIG, and the bytes written with ample room.
 * The room is recorded because glibc tries a locale's candidates in turn
 * with the room there is: a candidate the target cannot represent can still
 * run out of room before that shows, so a character can need more room than
 * its answer takes. With a second argument, conversions that needed no
 * replacement are left out too. */
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

/* One conversion of `code` with `room` bytes of output: the result, its
 * errno (0 on success) and the bytes written. */
static size_t convert(iconv_t converter, unsigned code, size_t room, char* output, size_t* written,
                      int* error) {
    unsigned input = code;
    char* in = (char*)&input;
    size_t in_left = sizeof input;
    char* out = output;
    size_t out_left = room;
    errno = 0;
    size_t result = iconv(converter, &in, &in_left, &out, &out_left);
    *error = result == (size_t)-1 ? errno : 0;
    *written = (size_t)(out - output);
    iconv(converter, NULL, NULL, NULL, NULL);
    return result;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: [OBSERVE_LOCALE=name] %s TARGET//TRANSLIT [only-replaced]\n", argv[0]);
        return 2;
    }
    const char* locale = getenv("OBSERVE_LOCALE");
    if (setlocale(LC_ALL, locale ? locale : "C") == NULL) {
        fprintf(stderr, "no locale %s\n", locale);
        return 1;
    }
    iconv_t converter = iconv_open(argv[1], "WCHAR_T");
    if (converter == (iconv_t)-1) {
        perror("iconv_open");
        return 1;
    }
    for (unsigned code = 0x80; code <= 0x10ffff; code++) {
        if (code >= 0xd800 && code < 0xe000) continue; /* surrogates */
        char output[64];
        size_t written;
        int error;
        size_t result = convert(converter, code, sizeof output, output, &written, &error);
        if (result == 0 && argc > 2) continue;
        size_t least_room = 0;
        char scratch[64];
        size_t scratch_written;
        int scratch_error;
        while (least_room < sizeof scratch &&
               (convert(converter, code, least_room, scratch, &scratch_written, &scratch_error),
                scratch_error == E2BIG))
            least_room++;
        /* A plain '?' (in any target's encoding) is left out unless it
         * needs more room than its own. */
        int question_mark = written >= 1 && output[0] == '?';
        for (size_t index = 1; index < written; index++) question_mark &= output[index] == 0;
        if (result == 1 && question_mark && least_room == written) continue;
        printf("%x r=%zd e=%d room=%zu :", code, (ssize_t)result, error, least_room);
        for (size_t index = 0; index < written; index++) printf(" %02x", (unsigned char)output[index]);
        printf("\n");
    }
    return 0;
}
