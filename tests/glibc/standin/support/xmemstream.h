/* lwp's stand-in for glibc's support/xmemstream.h: an open_memstream whose
 * failures end the test with a message (gshadow/tst-sgetsgent and
 * tst-fgetsgent_r write their expected text through it). */
#ifndef LWP_GLIBC_STANDIN_XMEMSTREAM_H
#define LWP_GLIBC_STANDIN_XMEMSTREAM_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

struct xmemstream {
    FILE* out;
    char* buffer;
    size_t length;
};

/* errno is kept, so that a %m written to the stream still means what it
 * meant before the call. */
static inline void xopen_memstream(struct xmemstream* stream) {
    int saved = errno;
    stream->buffer = NULL;
    stream->length = 0;
    stream->out = open_memstream(&stream->buffer, &stream->length);
    if (stream->out == NULL) {
        printf("error: open_memstream: %m\n");
        exit(1);
    }
    errno = saved;
}

static inline void xfclose_memstream(struct xmemstream* stream) {
    if (fclose(stream->out) != 0) {
        printf("error: fclose (open_memstream): %m\n");
        exit(1);
    }
    stream->out = NULL;
}

#endif
