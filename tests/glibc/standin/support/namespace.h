/* lwp's stand-in for the part of glibc's support/namespace.h the tests use:
 * running a function in a subprocess so that what it changes in the
 * process's state stays there. */
#ifndef LWP_GLIBC_STANDIN_NAMESPACE_H
#define LWP_GLIBC_STANDIN_NAMESPACE_H

/* Runs callback(closure) in a child process and waits for it; a child that
 * does not exit with status 0 is a test failure. */
void support_isolate_in_subprocess(void (*callback)(void* closure), void* closure);

#endif
