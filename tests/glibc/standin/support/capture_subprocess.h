/* lwp's stand-in for glibc's support/capture_subprocess.h: running a
 * function or a program in a child process and keeping what it wrote to
 * standard output and standard error, and how it ended. */
#ifndef LWP_GLIBC_STANDIN_CAPTURE_SUBPROCESS_H
#define LWP_GLIBC_STANDIN_CAPTURE_SUBPROCESS_H

#include "xmemstream.h"

struct support_capture_subprocess {
    struct xmemstream out; /* out.buffer: standard output, a string */
    struct xmemstream err; /* err.buffer: standard error, a string */
    int status;            /* as waitpid gives it */
};

/* Runs callback(closure) in a forked child that then exits with status 0,
 * and returns what it wrote and its status (out.out and err.out are
 * null). */
struct support_capture_subprocess support_capture_subprocess(void (*callback)(void* closure),
                                                             void* closure);
/* The same for the program file, run with posix_spawn and argv (and the
 * caller's environment). */
struct support_capture_subprocess support_capture_subprogram(const char* file,
                                                             char* const argv[]);
void support_capture_subprocess_free(struct support_capture_subprocess* capture);

/* Which streams may have output, for support_capture_subprocess_check. */
enum support_capture_allow {
    sc_allow_none = 0x01,
    sc_allow_stdout = 0x02,
    sc_allow_stderr = 0x04,
};

/* Records a test failure, with context in the message, unless the child
 * exited with status_or_signal (if it is 0 or more) or was killed by signal
 * -status_or_signal (if it is less), and wrote only to the streams allowed
 * (a combination of the sc_allow_* flags). */
void support_capture_subprocess_check(struct support_capture_subprocess* capture,
                                      const char* context, int status_or_signal, int allowed);

#endif
