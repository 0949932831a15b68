/* lwp's stand-in for glibc's support/tty.h. */
#ifndef LWP_GLIBC_STANDIN_TTY_H
#define LWP_GLIBC_STANDIN_TTY_H

struct termios;
struct winsize;

/* openpty, exiting on failure: *outer gets the controlling end, *inner the
 * terminal end, and *name (unless name is null) the terminal's path, from
 * malloc; settings and size are applied if not null. */
void support_openpty(int* outer, int* inner, char** name, const struct termios* settings,
                     const struct winsize* size);

#endif
