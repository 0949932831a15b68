/* lwp's stand-in for the part of glibc's support/namespace.h the tests use:
 * running a function in a subprocess so that what it changes in the
 * process's state stays there. */
#ifndef LWP_GLIBC_STANDIN_NAMESPACE_H
#define LWP_GLIBC_STANDIN_NAMESPACE_H

/* Runs callback(closure) in a child process and waits for it; a child that
 * does not exit with status 0 is a test failure. */
#include <stdbool.h>

void support_isolate_in_subprocess(void (*callback)(void* closure), void* closure);

/* Whether the process has root's powers over the file system: it runs as
 * root, or could enter a user namespace of its own that maps it to root
 * (which it then stays in). Says why not on standard output. */
bool support_become_root(void);
/* Whether the process could chroot (tried in a child process, so the
 * caller's root stays). */
bool support_can_chroot(void);

#endif
