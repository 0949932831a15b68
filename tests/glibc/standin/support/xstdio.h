/* lwp's stand-in for glibc's support/xstdio.h: its checked wrappers over
 * file streams that the tests use (xfopen, xfclose), which end the test
 * with a message when the call fails. */
#ifndef LWP_GLIBC_STANDIN_XSTDIO_H
#define LWP_GLIBC_STANDIN_XSTDIO_H

#include <stdio.h>
#include <stdlib.h>

static inline FILE* xfopen(const char* path, const char* mode) {
    FILE* file = fopen(path, mode);
    if (file == NULL) {
        printf("error: fopen (\"%s\", \"%s\"): %m\n", path, mode);
        exit(1);
    }
    return file;
}

static inline void xfclose(FILE* file) {
    if (fclose(file) != 0) {
        printf("error: fclose: %m\n");
        exit(1);
    }
}

/* getline that fails the test on a read error: the line's length, or 0 at
 * the end of the stream. */
static inline size_t xgetline(char** line, size_t* size, FILE* stream) {
    ssize_t length = getline(line, size, stream);
    if (ferror(stream)) {
        printf("error: getline: %m\n");
        exit(1);
    }
    return length < 0 ? 0 : (size_t)length;
}

#endif
