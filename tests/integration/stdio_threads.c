/* stdio from several threads at once: every printf/fprintf/puts/fputs/
 * fwrite/putchar call is atomic with respect to the others, so each line
 * reaches stdout (a pipe here: fully buffered) and stderr (unbuffered)
 * whole. stdio_threads.cmake matches every output line against the one
 * shape the threads print, which any interleaving inside a line breaks. */
#include <lwp/lwp.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

enum { thread_count = 4, lines_per_thread = 200 };

static int failures[thread_count];

static void* talk(void* argument) {
    int self = (int)(long)argument;
    for (int line = 0; line < lines_per_thread; ++line) {
        int ok;
        switch (line % 4) {
        case 0: ok = printf("thread %d line %d says %s\n", self, line, "hello") > 0; break;
        case 1: {
            char text[64];
            snprintf(text, sizeof text, "thread %d line %d says %s", self, line, "puts");
            ok = puts(text) >= 0;
            break;
        }
        case 2: {
            char text[64];
            int length = snprintf(text, sizeof text, "thread %d line %d says fwrite\n", self, line);
            ok = fwrite(text, 1, (size_t)length, stdout) == (size_t)length;
            break;
        }
        default: ok = fprintf(stdout, "thread %d line %d says %.3f\n", self, line, 0.25) > 0;
        }
        ok = ok && fprintf(stderr, "thread %d error %d\n", self, line) > 0;
        if (!ok) ++failures[self];
    }
    return NULL;
}

int main(void) {
    lwp_t threads[thread_count];
    for (long i = 0; i < thread_count; ++i)
        CHECK_EQ(lwp_create(&threads[i], NULL, talk, (void*)i), 0);
    for (int i = 0; i < thread_count; ++i) CHECK_EQ(lwp_join(threads[i], NULL), 0);
    for (int i = 0; i < thread_count; ++i) CHECK_EQ(failures[i], 0);
    CHECK(fputs("all ", stdout) >= 0);
    CHECK_EQ(putchar('d'), 'd');
    CHECK(printf("%s\n", "one") > 0);
    CHECK_EQ(fflush(stdout), 0);
    CHECK_EQ(ferror(stdout), 0);
    return 0;
}
