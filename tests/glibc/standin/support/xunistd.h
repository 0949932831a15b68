/* lwp's stand-in for glibc's support/xunistd.h. */
#ifndef LWP_GLIBC_STANDIN_XUNISTD_H
#define LWP_GLIBC_STANDIN_XUNISTD_H

#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

void xclose(int fd);
void xwrite(int fd, const void* data, size_t length);

#endif
