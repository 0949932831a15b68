// isfdtype (<sys/socket.h>): whether a descriptor's file is of a kind, given
// as an S_IF* value (S_IFSOCK, what the old socket code asked). 1 or 0; -1
// when fstat fails, with errno put back as it was before the call, as glibc
// does (so a caller cannot tell why).
#include <errno.h>
#include <sys/socket.h>
#include <sys/stat.h>

extern "C" int isfdtype(int fd, int kind) noexcept {
    struct stat status;
    int saved_errno = errno;
    int result = fstat(fd, &status);
    errno = saved_errno;
    if (result != 0) return result;
    return (status.st_mode & S_IFMT) == static_cast<mode_t>(kind);
}
