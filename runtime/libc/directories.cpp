// Reading directories: opendir fdopendir closedir readdir readdir64
// readdir_r rewinddir dirfd telldir seekdir scandir scandirat alphasort; getdents64
// and get_current_dir_name.
//
// A DIR holds the directory's descriptor (close-on-exec) and a buffer of
// entries from getdents64, whose records are laid out as glibc's struct
// dirent is on x86-64 (pinned below), so readdir hands out a pointer into
// the buffer, valid until the next readdir on the same DIR, as POSIX says.
// Each DIR has a lock: threads may share one (each entry goes to one of
// them). None of these is a cancellation point.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <new>

#include "../sys/syscalls.hpp"
#include "../thread/internal_lock.hpp"
#include "errno_result.hpp"

// The kernel's linux_dirent64: d_ino (8 bytes), d_off (8), d_reclen (2),
// d_type (1), then the name.
static_assert(offsetof(struct dirent, d_ino) == 0);
static_assert(offsetof(struct dirent, d_off) == 8);
static_assert(offsetof(struct dirent, d_reclen) == 16);
static_assert(offsetof(struct dirent, d_type) == 18);
static_assert(offsetof(struct dirent, d_name) == 19);
static_assert(sizeof(struct dirent) == sizeof(struct dirent64));

struct __dirstream {
    int fd;
    lwp::runtime::internal_lock lock;
    std::size_t next = 0;    // the next record's offset in buffer
    std::size_t filled = 0;  // bytes of records in buffer
    long position = 0;       // telldir's answer: d_off of the last entry handed out
    alignas(struct dirent) char buffer[32768];
};

namespace {

// The next record, reading more when the buffer is used up; null at the end
// (errno unchanged) or on an error (errno set).
struct dirent* next_entry(DIR* directory) {
    if (directory->next >= directory->filled) {
        long got = lwp::arch::syscall3(__NR_getdents64, directory->fd,
                                       reinterpret_cast<long>(directory->buffer),
                                       sizeof directory->buffer);
        if (lwp::sys::failed(got)) {
            lwp::libc::fail_with_errno(static_cast<int>(-got));
            return nullptr;
        }
        if (got == 0) return nullptr;
        directory->filled = static_cast<std::size_t>(got);
        directory->next = 0;
    }
    auto* entry = reinterpret_cast<struct dirent*>(directory->buffer + directory->next);
    directory->next += entry->d_reclen;
    directory->position = entry->d_off;
    return entry;
}

// scandir's sort: qsort_r's comparison, with the caller's on the side.
using entry_order = int (*)(const struct dirent**, const struct dirent**);
int compare_entries(const void* left, const void* right, void* order) {
    // The array's elements are struct dirent*; the comparison takes them as
    // const struct dirent** (alphasort's type), as glibc passes them.
    auto* a = const_cast<const struct dirent**>(static_cast<struct dirent* const*>(left));
    auto* b = const_cast<const struct dirent**>(static_cast<struct dirent* const*>(right));
    return reinterpret_cast<entry_order>(order)(a, b);
}

}  // namespace

extern "C" {

DIR* fdopendir(int fd) noexcept {
    struct stat status;
    if (fstat(fd, &status) != 0) return nullptr;
    if (!S_ISDIR(status.st_mode)) {
        lwp::libc::fail_with_errno(ENOTDIR);
        return nullptr;
    }
    // Reading needs a descriptor open for reading (O_PATH is not).
    long mode = lwp::arch::syscall2(__NR_fcntl, fd, F_GETFL);
    if (lwp::sys::failed(mode) || (mode & O_PATH)) {
        lwp::libc::fail_with_errno(EBADF);
        return nullptr;
    }
    auto* directory = static_cast<DIR*>(malloc(sizeof(DIR)));
    if (directory == nullptr) return nullptr;  // ENOMEM, from malloc
    new (directory) DIR{};
    directory->fd = fd;
    // The descriptor is the stream's now: not handed down to programs this
    // one runs (as glibc marks it).
    lwp::arch::syscall3(__NR_fcntl, fd, F_SETFD, FD_CLOEXEC);
    return directory;
}

DIR* opendir(const char* path) noexcept {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    DIR* directory = fdopendir(fd);
    if (directory == nullptr) {
        int error = errno;
        close(fd);
        errno = error;
    }
    return directory;
}

int closedir(DIR* directory) noexcept {
    int fd = directory->fd;
    directory->~DIR();
    free(directory);
    return static_cast<int>(lwp::libc::errno_result(lwp::arch::syscall1(__NR_close, fd)));
}

struct dirent* readdir(DIR* directory) noexcept {
    lwp::runtime::internal_lock_guard guard(directory->lock);
    return next_entry(directory);
}

struct dirent64* readdir64(DIR* directory) noexcept {
    return reinterpret_cast<struct dirent64*>(readdir(directory));
}

// Deprecated by POSIX for readdir (which is thread-safe per DIR here, as in
// glibc), kept for programs that use it: the entry copied into the
// caller's, *result null at the end; the error number returned.
int readdir_r(DIR* __restrict directory, struct dirent* __restrict entry,
              struct dirent** __restrict result) noexcept {
    lwp::runtime::internal_lock_guard guard(directory->lock);
    int saved = errno;
    errno = 0;
    struct dirent* next = next_entry(directory);
    int error = errno;
    errno = saved;
    if (next == nullptr) {
        *result = nullptr;
        return error;
    }
    memcpy(entry, next, next->d_reclen < sizeof *entry ? next->d_reclen : sizeof *entry);
    *result = entry;
    return 0;
}

void rewinddir(DIR* directory) noexcept { seekdir(directory, 0); }

int dirfd(DIR* directory) noexcept { return directory->fd; }

long telldir(DIR* directory) noexcept {
    lwp::runtime::internal_lock_guard guard(directory->lock);
    return directory->position;
}

// A position telldir gave: the directory's offset, which the kernel
// understands, and an empty buffer so the next readdir starts there.
void seekdir(DIR* directory, long position) noexcept {
    lwp::runtime::internal_lock_guard guard(directory->lock);
    lwp::arch::syscall3(__NR_lseek, directory->fd, position, SEEK_SET);
    directory->next = directory->filled = 0;
    directory->position = position;
}

int alphasort(const struct dirent** left, const struct dirent** right) noexcept {
    return strcmp((*left)->d_name, (*right)->d_name);  // strcoll in the "C" locale
}

}  // extern "C"

namespace {

// scandir's and scandirat's work on the opened directory (closed here):
// every entry `filter` accepts (all, if it is null), each in a malloc'd
// copy, sorted with `compare` when given; the count, or -1 with errno,
// nothing left allocated.
int scan_directory(DIR* directory, struct dirent*** names, int (*filter)(const struct dirent*),
                   int (*compare)(const struct dirent**, const struct dirent**)) {
    struct dirent** list = nullptr;
    std::size_t count = 0, capacity = 0;
    int error = 0;
    int saved = errno;
    for (;;) {
        errno = 0;
        struct dirent* entry = readdir(directory);
        if (entry == nullptr) {
            error = errno;
            break;
        }
        if (filter && !filter(entry)) continue;
        if (count == capacity) {
            capacity = capacity ? 2 * capacity : 16;
            auto* grown = static_cast<struct dirent**>(realloc(list, capacity * sizeof *list));
            if (grown == nullptr) {
                error = ENOMEM;
                break;
            }
            list = grown;
        }
        auto* copy = static_cast<struct dirent*>(malloc(entry->d_reclen));
        if (copy == nullptr) {
            error = ENOMEM;
            break;
        }
        memcpy(copy, entry, entry->d_reclen);
        list[count++] = copy;
    }
    closedir(directory);
    if (error != 0) {
        while (count) free(list[--count]);
        free(list);
        errno = error;
        return -1;
    }
    errno = saved;
    if (compare && count > 1)
        qsort_r(list, count, sizeof *list, compare_entries, reinterpret_cast<void*>(compare));
    *names = list;
    return static_cast<int>(count);
}

}  // namespace

extern "C" {

int scandir(const char* __restrict path, struct dirent*** __restrict names,
            int (*filter)(const struct dirent*),
            int (*compare)(const struct dirent**, const struct dirent**)) {
    DIR* directory = opendir(path);
    if (directory == nullptr) return -1;
    return scan_directory(directory, names, filter, compare);
}

// The same, `path` taken from the directory `dirfd` when relative (AT_FDCWD:
// the working directory), as openat takes it.
int scandirat(int dirfd, const char* __restrict path, struct dirent*** __restrict names,
              int (*filter)(const struct dirent*),
              int (*compare)(const struct dirent**, const struct dirent**)) {
    // Close-on-exec: the descriptor is the scan's alone, closed before the
    // return, but another thread may run a program meanwhile.
    int fd = openat(dirfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    DIR* directory = fdopendir(fd);
    if (directory == nullptr) {
        int error = errno;
        close(fd);
        errno = error;
        return -1;
    }
    return scan_directory(directory, names, filter, compare);
}

// The large-file names (declared with _LARGEFILE64_SOURCE, which _GNU_SOURCE
// implies): on x86-64 every offset is 64 bits already, so they are the same
// functions.
// The system call itself, for programs that read directories without a DIR
// (glibc has had the wrapper since 2.30).
// The kernel's count is an unsigned int, and some of its checks take it as
// an int: a larger size is INT_MAX, as glibc's wrapper makes it, not EINVAL.
ssize_t getdents64(int fd, void* buffer, size_t size) noexcept {
    if (size > static_cast<size_t>(INT_MAX)) size = INT_MAX;
    return lwp::libc::errno_result(lwp::arch::syscall3(__NR_getdents64, fd,
                                                       reinterpret_cast<long>(buffer),
                                                       static_cast<long>(size)));
}

// Directory entries (getdents64's records, which are glibc's struct
// dirent on x86-64) with, in *base, the directory's offset before the read
// (written only when the read succeeds).
ssize_t getdirentries64(int fd, char* buffer, size_t size, off64_t* base) noexcept {
    off64_t before = lseek64(fd, 0, SEEK_CUR);
    ssize_t got = getdents64(fd, buffer, size);
    if (got != -1) *base = before;
    return got;
}
ssize_t getdirentries(int fd, char* buffer, size_t size, off_t* base) noexcept
    __attribute__((alias("getdirentries64")));

// The working directory, malloc'd: $PWD when it names the same directory
// (it keeps the symbolic links the user went through, which getcwd
// resolves), getcwd's answer otherwise.
char* get_current_dir_name(void) noexcept {
    const char* logical = getenv("PWD");
    struct stat by_name, current;
    if (logical != nullptr && logical[0] == '/' && stat(logical, &by_name) == 0 &&
        stat(".", &current) == 0 && by_name.st_dev == current.st_dev &&
        by_name.st_ino == current.st_ino)
        return strdup(logical);
    return getcwd(nullptr, 0);
}

// scandir's comparison in GNU version order (strverscmp: "file9" before
// "file10").
int versionsort(const struct dirent** left, const struct dirent** right) noexcept {
    return strverscmp((*left)->d_name, (*right)->d_name);
}

int readdir64_r(DIR* __restrict directory, struct dirent64* __restrict entry,
                struct dirent64** __restrict result) noexcept __attribute__((alias("readdir_r")));
int versionsort64(const struct dirent64** left, const struct dirent64** right) noexcept
    __attribute__((alias("versionsort")));
int alphasort64(const struct dirent64** left, const struct dirent64** right) noexcept
    __attribute__((alias("alphasort")));
int scandir64(const char* __restrict path, struct dirent64*** __restrict names,
              int (*filter)(const struct dirent64*),
              int (*compare)(const struct dirent64**, const struct dirent64**))
    __attribute__((alias("scandir")));
int scandirat64(int dirfd, const char* __restrict path, struct dirent64*** __restrict names,
                int (*filter)(const struct dirent64*),
                int (*compare)(const struct dirent64**, const struct dirent64**))
    __attribute__((alias("scandirat")));

}  // extern "C"
