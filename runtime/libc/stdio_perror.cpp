// perror: "prefix: message\n" for the current errno, on stderr, in one call.
#include <errno.h>
#include <stdio.h>
#include <string.h>

extern "C" void perror(const char* prefix) {
    const char* message = strerror(errno);  // read before any output changes errno
    if (prefix && *prefix)
        fprintf(stderr, "%s: %s\n", prefix, message);
    else
        fprintf(stderr, "%s\n", message);
}
