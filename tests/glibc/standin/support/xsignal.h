/* lwp's stand-in for glibc's support/xsignal.h. */
#ifndef LWP_GLIBC_STANDIN_XSIGNAL_H
#define LWP_GLIBC_STANDIN_XSIGNAL_H

#include <signal.h>

void xraise(int signal);
__sighandler_t xsignal(int signal, __sighandler_t handler);
void xsigaction(int signal, const struct sigaction* action, struct sigaction* old_action);
void xpthread_sigmask(int how, const sigset_t* set, sigset_t* old_set);

#endif
