/* lwp's stand-in for glibc's support/xunistd.h. */
#ifndef LWP_GLIBC_STANDIN_XUNISTD_H
#define LWP_GLIBC_STANDIN_XUNISTD_H

#include <stddef.h>
#include <sys/stat.h>
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

/* Each calls the function of its name without the x and exits with a
 * message if it fails. */
int xopen(const char* path, int flags, mode_t mode);
void xdup2(int fd, int new_fd);
void xstat(const char* path, struct stat* status);
void xlstat(const char* path, struct stat* status);
void xfstat(int fd, struct stat* status);
void xmkdir(const char* path, mode_t mode);
/* mkdir -p: the directory and any missing parents. */
void xmkdirp(const char* path, mode_t mode);
void xchroot(const char* path);
void xchdir(const char* path);
void xunlink(const char* path);
void xsymlink(const char* target, const char* link_path);
void xchmod(const char* path, mode_t mode);
void xfchmod(int fd, mode_t mode);
void xmkfifo(const char* path, mode_t mode);
void xmprotect(void* address, size_t length, int protection);
/* The link's target, from malloc. */
char* xreadlink(const char* path);
/* copy_file_range; ends the test if it fails, else returns the count. */
ssize_t xcopy_file_range(int in_fd, loff_t* in_offset, int out_fd, loff_t* out_offset, size_t length,
                         unsigned int flags);

#endif
