/* read_caught_signals(): the SigCgt line of /proc/self/status, the signals
 * this process has a handler for (bit n-1 for signal n). Returns 0, or -1 if
 * it cannot be read (callers check that first). */
#ifndef LWP_POSIX_CAUGHT_SIGNALS_H
#define LWP_POSIX_CAUGHT_SIGNALS_H

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int read_caught_signals(unsigned long long* mask) {
    static char status[8192];
    int fd = open("/proc/self/status", O_RDONLY);
    if (fd < 0) return -1;
    ssize_t length = read(fd, status, sizeof status - 1);
    close(fd);
    if (length <= 0) return -1;
    status[length] = '\0';
    const char* line = strstr(status, "\nSigCgt:");
    if (line == NULL) return -1;
    *mask = strtoull(line + strlen("\nSigCgt:"), NULL, 16);
    return 0;
}

#endif
