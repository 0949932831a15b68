// perror: "prefix: message\n" for the current errno, on stderr, in one call.
// psignal: the same for a signal's description ("Unknown signal N" for a
// number without one, the real-time signals included, as glibc prints them).
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

extern "C" {

void perror(const char* prefix) {
    const char* message = strerror(errno);  // read before any output changes errno
    if (prefix && *prefix)
        fprintf(stderr, "%s: %s\n", prefix, message);
    else
        fprintf(stderr, "%s\n", message);
}

void psignal(int signal, const char* prefix) {
    const char* separator = prefix && *prefix ? ": " : "";
    if (!prefix) prefix = "";
    if (const char* description = sigdescr_np(signal))
        fprintf(stderr, "%s%s%s\n", prefix, separator, description);
    else
        fprintf(stderr, "%s%sUnknown signal %d\n", prefix, separator, signal);
}

}  // extern "C"
