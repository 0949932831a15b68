/* lwp's stand-in for glibc's support/xsocket.h: socket calls that end the
 * test with a message when they fail. */
#ifndef LWP_GLIBC_STANDIN_XSOCKET_H
#define LWP_GLIBC_STANDIN_XSOCKET_H

#include <poll.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

int xsocket(int domain, int type, int protocol);
void xsetsockopt(int fd, int level, int name, const void* value, socklen_t length);
void xgetsockname(int fd, struct sockaddr* address, socklen_t* length);
void xconnect(int fd, const struct sockaddr* address, socklen_t length);
void xbind(int fd, const struct sockaddr* address, socklen_t length);
void xlisten(int fd, int backlog);
int xaccept(int fd, struct sockaddr* address, socklen_t* length);
int xaccept4(int fd, struct sockaddr* address, socklen_t* length, int flags);
/* Fails unless the whole buffer went in one datagram. */
void xsendto(int fd, const void* buffer, size_t length, int flags,
             const struct sockaddr* address, socklen_t address_length);
size_t xrecvfrom(int fd, void* buffer, size_t length, int flags, struct sockaddr* address,
                 socklen_t* address_length);
int xpoll(struct pollfd* fds, nfds_t count, int timeout);

#endif
