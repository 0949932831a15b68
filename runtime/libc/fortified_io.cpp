// The fortified reads and queries: what <stdio.h>, <unistd.h>, <fcntl.h>,
// <poll.h>, <sys/socket.h>, <sys/select.h> and friends call in place of the
// plain functions when a program is built with _FORTIFY_SOURCE and the
// compiler knows the size of the buffer being filled. Each checks that the
// length the program asked for fits that buffer, before any byte is read,
// and ends the program (__chk_fail) if not; then it is the plain function.
// open and mq_open are checked for a missing mode argument instead.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fortify_failure.hpp"

namespace {

using lwp::libc::require_fit;

// An fgets bounded by `count` into an object of `object_size` bytes. Where
// the count is larger, a line that fits the object is still read whole: the
// program fails only if the line really needed more room (its next byte
// would have gone at object[object_size - 1], leaving no room for the NUL).
// The caller holds the stream's lock or does not want it taken.
template <char* (*read_line)(char*, int, FILE*), int (*read_byte)(FILE*)>
char* bounded_line(char* buffer, size_t object_size, int count, FILE* file) {
    if (count <= 0) return nullptr;
    if (static_cast<size_t>(count) <= object_size) return read_line(buffer, count, file);
    if (object_size <= 1) {
        // No room for even one byte and its NUL: any byte available is an
        // overflow; none is fgets's end of file.
        if (object_size == 0) return nullptr;
        int byte = read_byte(file);
        require_fit(byte == EOF);
        return nullptr;
    }
    char* line = read_line(buffer, static_cast<int>(object_size), file);
    if (line == nullptr) return nullptr;
    size_t length = strlen(line);
    if (length == object_size - 1 && line[length - 1] != '\n') {
        int next = read_byte(file);
        require_fit(next == EOF);
        // End of file (or an error, which ferror now shows): the line
        // already read is the result, as it would be with a larger buffer.
    }
    return line;
}

inline bool product_fits(size_t size, size_t count, size_t object_size) {
    size_t bytes;
    return !__builtin_mul_overflow(size, count, &bytes) && bytes <= object_size;
}

// O_TMPFILE contains O_DIRECTORY's bit, so it is tested as a whole.
inline bool needs_mode(int flags) {
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
}

}  // namespace

extern "C" {

char* __fgets_chk(char* __restrict buffer, size_t object_size, int count, FILE* __restrict file) {
    flockfile(file);  // the check's extra byte belongs to the same line
    char* line = bounded_line<fgets_unlocked, getc_unlocked>(buffer, object_size, count, file);
    funlockfile(file);
    return line;
}

char* __fgets_unlocked_chk(char* __restrict buffer, size_t object_size, int count,
                           FILE* __restrict file) {
    return bounded_line<fgets_unlocked, getc_unlocked>(buffer, object_size, count, file);
}

size_t __fread_chk(void* __restrict buffer, size_t object_size, size_t size, size_t count,
                   FILE* __restrict file) {
    require_fit(product_fits(size, count, object_size));
    return fread(buffer, size, count, file);
}

size_t __fread_unlocked_chk(void* __restrict buffer, size_t object_size, size_t size,
                            size_t count, FILE* __restrict file) {
    require_fit(product_fits(size, count, object_size));
    return fread_unlocked(buffer, size, count, file);
}

ssize_t __read_chk(int descriptor, void* buffer, size_t count, size_t object_size) {
    require_fit(count <= object_size);
    return read(descriptor, buffer, count);
}

ssize_t __pread_chk(int descriptor, void* buffer, size_t count, off_t offset,
                    size_t object_size) {
    require_fit(count <= object_size);
    return pread(descriptor, buffer, count, offset);
}

ssize_t __pread64_chk(int descriptor, void* buffer, size_t count, off_t offset,
                      size_t object_size) __attribute__((alias("__pread_chk")));

ssize_t __recv_chk(int socket, void* buffer, size_t count, size_t object_size, int flags) {
    require_fit(count <= object_size);
    return recv(socket, buffer, count, flags);
}

ssize_t __recvfrom_chk(int socket, void* __restrict buffer, size_t count, size_t object_size,
                       int flags, struct sockaddr* __restrict address,
                       socklen_t* __restrict address_length) {
    require_fit(count <= object_size);
    return recvfrom(socket, buffer, count, flags, address, address_length);
}

ssize_t __readlink_chk(const char* __restrict path, char* __restrict buffer, size_t count,
                       size_t object_size) {
    require_fit(count <= object_size);
    return readlink(path, buffer, count);
}

ssize_t __readlinkat_chk(int directory, const char* __restrict path, char* __restrict buffer,
                         size_t count, size_t object_size) {
    require_fit(count <= object_size);
    return readlinkat(directory, path, buffer, count);
}

char* __getcwd_chk(char* buffer, size_t size, size_t object_size) {
    require_fit(size <= object_size);
    return getcwd(buffer, size);
}

// getwd writes up to PATH_MAX bytes; the headers route it here when the
// buffer's size is known: the directory must fit what the buffer holds.
char* __getwd_chk(char* buffer, size_t object_size) {
    char* directory = getcwd(buffer, object_size);
    require_fit(directory != nullptr || errno != ERANGE);
    return directory;
}

// realpath writes up to PATH_MAX bytes whatever the path: the object must
// have them all.
char* __realpath_chk(const char* __restrict path, char* __restrict resolved, size_t object_size) {
    require_fit(object_size >= PATH_MAX);
    return realpath(path, resolved);
}

int __gethostname_chk(char* buffer, size_t size, size_t object_size) {
    require_fit(size <= object_size);
    return gethostname(buffer, size);
}

int __getdomainname_chk(char* buffer, size_t size, size_t object_size) {
    require_fit(size <= object_size);
    return getdomainname(buffer, size);
}

// A negative count is getgroups's own EINVAL, not an overflow.
int __getgroups_chk(int count, gid_t* groups, size_t object_size) {
    if (count > 0) require_fit(static_cast<size_t>(count) * sizeof(gid_t) <= object_size);
    return getgroups(count, groups);
}

int __ttyname_r_chk(int descriptor, char* buffer, size_t size, size_t object_size) {
    require_fit(size <= object_size);
    return ttyname_r(descriptor, buffer, size);
}

int __getlogin_r_chk(char* buffer, size_t size, size_t object_size) {
    require_fit(size <= object_size);
    return getlogin_r(buffer, size);
}

int __ptsname_r_chk(int descriptor, char* buffer, size_t size, size_t object_size) {
    require_fit(size <= object_size);
    return ptsname_r(descriptor, buffer, size);
}

int __poll_chk(struct pollfd* descriptors, nfds_t count, int timeout, size_t object_size) {
    require_fit(object_size / sizeof *descriptors >= count);
    return poll(descriptors, count, timeout);
}

int __ppoll_chk(struct pollfd* descriptors, nfds_t count, const struct timespec* timeout,
                const sigset_t* mask, size_t object_size) {
    require_fit(object_size / sizeof *descriptors >= count);
    return ppoll(descriptors, count, timeout, mask);
}

// FD_SET, FD_CLR and FD_ISSET's index into an fd_set's words: a descriptor
// outside [0, FD_SETSIZE) would touch memory past the set (select cannot
// watch it anyway: poll or epoll can).
long __fdelt_chk(long descriptor) {
    if (descriptor < 0 || descriptor >= FD_SETSIZE)
        lwp::libc::fortify_failure("bit out of range 0 - FD_SETSIZE on fd_set");
    return descriptor / __NFDBITS;
}

long __fdelt_warn(long descriptor) __attribute__((alias("__fdelt_chk")));

// The two-argument open the header calls when it cannot see a mode at
// compile time: creating a file then would give it whatever mode happened
// to be in the third argument's register.
int __open_2(const char* path, int flags) {
    if (needs_mode(flags))
        lwp::libc::fortify_failure("invalid open call: O_CREAT or O_TMPFILE without mode");
    return open(path, flags);
}

int __open64_2(const char* path, int flags) {
    if (needs_mode(flags))
        lwp::libc::fortify_failure("invalid open64 call: O_CREAT or O_TMPFILE without mode");
    return open(path, flags);
}

int __openat_2(int directory, const char* path, int flags) {
    if (needs_mode(flags))
        lwp::libc::fortify_failure("invalid openat call: O_CREAT or O_TMPFILE without mode");
    return openat(directory, path, flags);
}

int __openat64_2(int directory, const char* path, int flags) {
    if (needs_mode(flags))
        lwp::libc::fortify_failure("invalid openat64 call: O_CREAT or O_TMPFILE without mode");
    return openat(directory, path, flags);
}

mqd_t __mq_open_2(const char* name, int flags) {
    if (flags & O_CREAT)
        lwp::libc::fortify_failure("invalid mq_open call: O_CREAT without mode and attr");
    return mq_open(name, flags);
}

}  // extern "C"
