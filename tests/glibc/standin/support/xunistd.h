/* lwp's stand-in for glibc's support/xunistd.h. */
#ifndef LWP_GLIBC_STANDIN_XUNISTD_H
#define LWP_GLIBC_STANDIN_XUNISTD_H

#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

void xclose(int fd);
void xwrite(int fd, const void* data, size_t length);
/* fds[0] the read end, fds[1] the write end. */
void xpipe(int fds[2]);
pid_t xfork(void);
/* mmap at offset 0; exits on failure. */
void* xmmap(void* address, size_t length, int protection, int flags, int fd);
void xmunmap(void* address, size_t length);
/* waitpid; exits on failure. */
pid_t xwaitpid(pid_t pid, int* status, int options);
void xftruncate(int fd, off_t length);
/* lseek; exits on failure. */
off_t xlseek(int fd, off_t offset, int whence);

#endif
