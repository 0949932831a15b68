/* Returning from main flushes what stdio still buffers (stdout to a pipe is
 * fully buffered, so nothing leaves before exit). exit_flushes_stdio.cmake
 * checks that the whole text arrives, unterminated line included. */
#include <stdio.h>

int main(void) {
    printf("first line\n");
    fputs("an unterminated tail", stdout);
    return 0;
}
