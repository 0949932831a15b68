/* Records what glibc's iconv writes for each code point it cannot represent
 * in a target: the data behind runtime/libc/character_set_transliterations.hpp.
 * Build and run against glibc (not lwp), then turn the output into the table:
 *
 *   gcc tools/observe_transliterations.c -o /tmp/observe_transliterations
 *   /tmp/observe_transliterations ASCII//TRANSLIT > /tmp/transliterations.txt
 *   python3 tools/make_transliteration_table.py /tmp/transliterations.txt \
 *       > runtime/libc/character_set_transliterations.hpp
 *
 * One line per code point whose answer is not a plain '?': the code point in
 * hex, iconv's return value, the errno, and the bytes written. With a second
 * argument, conversions that needed no replacement are left out too. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <sys/types.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s TARGET//TRANSLIT [only-replaced]\n", argv[0]);
        return 2;
    }
    iconv_t converter = iconv_open(argv[1], "WCHAR_T");
    if (converter == (iconv_t)-1) {
        perror("iconv_open");
        return 1;
    }
    for (unsigned code = 0x80; code <= 0x10ffff; code++) {
        if (code >= 0xd800 && code < 0xe000) continue; /* surrogates */
        unsigned input = code;
        char output[64];
        char* in = (char*)&input;
        size_t in_left = sizeof input;
        char* out = output;
        size_t out_left = sizeof output;
        size_t result = iconv(converter, &in, &in_left, &out, &out_left);
        int error = errno;
        iconv(converter, NULL, NULL, NULL, NULL);
        if (result == 1 && out - output == 1 && output[0] == '?') continue;
        if (result == 0 && argc > 2) continue;
        printf("%x r=%zd e=%d :", code, (ssize_t)result, result == (size_t)-1 ? error : 0);
        for (char* byte = output; byte < out; byte++) printf(" %02x", (unsigned char)*byte);
        printf("\n");
    }
    return 0;
}
