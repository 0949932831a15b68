/* lwp's stand-in for glibc's support/xsignal.h. */
#ifndef LWP_GLIBC_STANDIN_XSIGNAL_H
#define LWP_GLIBC_STANDIN_XSIGNAL_H

#include <signal.h>
#include <stddef.h>

void xraise(int signal);
__sighandler_t xsignal(int signal, __sighandler_t handler);
void xsigaction(int signal, const struct sigaction* action, struct sigaction* old_action);
void xpthread_sigmask(int how, const sigset_t* set, sigset_t* old_set);

/* Makes and installs an alternate signal stack of at least size +
 * MINSIGSTKSZ bytes, whole pages between inaccessible guard regions; the
 * cookie returned goes to xfree_sigstack, which uninstalls and frees it. */
void* xalloc_sigstack(size_t size);
void xfree_sigstack(void* stack);
/* The usable stack of such a cookie. */
void xget_sigstack_location(const void* stack, unsigned char** address, size_t* size);

#endif
