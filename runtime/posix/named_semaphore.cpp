// sem_open, sem_close, sem_unlink: named semaphores.
//
// A named semaphore is a file /dev/shm/sem.<name> (the place and the prefix
// glibc uses, so the two see each other's semaphores), holding one sem_t
// that every process opening it maps MAP_SHARED and uses as a
// process-shared semaphore (docs/sync.md).
//
// Creation must never let another process map a file whose semaphore is not
// initialised yet. So the creator writes the initialised sem_t into a file of
// its own, under a temporary name, and then links it to the real name: the
// link either succeeds (the whole file appears at once) or fails with EEXIST
// (someone else's appeared first; without O_EXCL, we open theirs).
//
// POSIX asks that opening one semaphore again in the same process, while
// it is open, returns the same address. So each process keeps a list of its
// open semaphores, keyed by the file's identity (device and inode), with a
// count of the sem_open calls not yet matched by sem_close.
//
// These calls use the kernel directly rather than open/close/write, which
// are cancellation points: none of the three is one.
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"
#include "lwp/lwp.h"

namespace {

constexpr char directory[] = "/dev/shm/";
constexpr char prefix[] = "sem.";

struct open_semaphore {
    dev_t device;
    ino_t inode;
    sem_t* address;
    unsigned long opens;  // sem_open calls not yet matched by sem_close
    open_semaphore* next;
};

open_semaphore* open_list = nullptr;
lwp::runtime::internal_lock list_lock;

sem_t* fail(int error) {
    errno = error;
    return SEM_FAILED;
}

// "/name" -> "/dev/shm/sem.name". POSIX leaves a name without the leading
// slash to the implementation; like glibc, lwp takes it as if it had one (a
// program written against glibc may rely on that), and skips extra leading
// slashes. What remains must be non-empty, contain no slash, and fit NAME_MAX
// with the prefix.
int path_of(const char* name, char (&path)[sizeof directory + sizeof prefix + NAME_MAX]) {
    if (name == nullptr) return EINVAL;
    const char* rest = name;
    while (*rest == '/') ++rest;
    std::size_t length = std::strlen(rest);
    if (length == 0 || std::strchr(rest, '/') != nullptr) return EINVAL;
    if (sizeof prefix - 1 + length > NAME_MAX) return ENAMETOOLONG;
    char* end = path;
    std::memcpy(end, directory, sizeof directory - 1);
    end += sizeof directory - 1;
    std::memcpy(end, prefix, sizeof prefix - 1);
    end += sizeof prefix - 1;
    std::memcpy(end, rest, length + 1);
    return 0;
}

long open_file(const char* path, int flags, mode_t mode = 0) {
    return lwp::arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path),
                               flags | O_CLOEXEC | O_NOFOLLOW, mode);
}

void close_file(long fd) { lwp::arch::syscall1(__NR_close, fd); }

// A new file with the initialised semaphore in it, under a temporary name in
// the same directory (so that it can be linked to the real one). Returns the
// open descriptor and leaves the name in `temporary`, or -errno.
long create_initialised(mode_t mode, unsigned int value, char (&temporary)[64]) {
    sem_t initial;
    if (lwp_sem_init(reinterpret_cast<lwp_sem_t*>(&initial), /*pshared=*/1, value) != 0)
        return -EINVAL;
    static unsigned long counter;
    for (int attempt = 0; attempt < 100; ++attempt) {
        unsigned long tag = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED) * 2654435761u ^
                            static_cast<unsigned long>(lwp::sys::getpid()) << 20;
        char* end = temporary;
        std::memcpy(end, directory, sizeof directory - 1);
        end += sizeof directory - 1;
        std::memcpy(end, "sem.lwp-", 8);
        end += 8;
        for (int digit = 0; digit < 16; ++digit, tag >>= 4) *end++ = "0123456789abcdef"[tag & 15];
        *end = '\0';
        long fd = open_file(temporary, O_RDWR | O_CREAT | O_EXCL, mode);
        if (fd == -EEXIST) continue;
        if (lwp::sys::failed(fd)) return fd;
        long written = lwp::arch::syscall3(__NR_write, fd, reinterpret_cast<long>(&initial),
                                           sizeof initial);
        if (written != static_cast<long>(sizeof initial)) {
            close_file(fd);
            lwp::arch::syscall1(__NR_unlink, reinterpret_cast<long>(temporary));
            return lwp::sys::failed(written) ? written : -ENOSPC;
        }
        return fd;
    }
    return -EEXIST;
}

// Maps the semaphore in `fd` (or finds it already mapped here) and counts
// this open. Closes fd.
sem_t* map_semaphore(long fd) {
    struct stat identity;
    long status = lwp::arch::syscall2(__NR_fstat, fd, reinterpret_cast<long>(&identity));
    if (lwp::sys::failed(status) || identity.st_size < static_cast<off_t>(sizeof(sem_t))) {
        close_file(fd);
        return fail(lwp::sys::failed(status) ? static_cast<int>(-status) : EINVAL);
    }
    lwp::runtime::internal_lock_guard guard(list_lock);
    for (open_semaphore* entry = open_list; entry; entry = entry->next) {
        if (entry->device == identity.st_dev && entry->inode == identity.st_ino) {
            ++entry->opens;
            close_file(fd);
            return entry->address;
        }
    }
    auto* entry = static_cast<open_semaphore*>(std::malloc(sizeof(open_semaphore)));
    long mapped = lwp::sys::mmap(nullptr, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED,
                                 static_cast<int>(fd), 0);
    close_file(fd);  // the mapping keeps the file
    if (entry == nullptr || lwp::sys::failed(mapped)) {
        std::free(entry);
        if (!lwp::sys::failed(mapped)) lwp::sys::munmap(reinterpret_cast<void*>(mapped), sizeof(sem_t));
        return fail(entry == nullptr ? ENOMEM : static_cast<int>(-mapped));
    }
    *entry = {identity.st_dev, identity.st_ino, reinterpret_cast<sem_t*>(mapped), 1, open_list};
    open_list = entry;
    return entry->address;
}

}  // namespace

namespace lwp::runtime {

// The child of fork inherits every MAP_SHARED mapping, so the list stays
// true there.
void named_semaphores_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) list_lock.lock();
    else list_lock.unlock();
}

}  // namespace lwp::runtime

extern "C" {

sem_t* sem_open(const char* name, int flags, ...) noexcept {
    char path[sizeof directory + sizeof prefix + NAME_MAX];
    int error = path_of(name, path);
    if (error) return fail(error);
    mode_t mode = 0;
    unsigned int value = 0;
    if (flags & O_CREAT) {
        va_list arguments;
        va_start(arguments, flags);
        mode = static_cast<mode_t>(va_arg(arguments, unsigned int));
        value = va_arg(arguments, unsigned int);
        va_end(arguments);
        if (value > SEM_VALUE_MAX) return fail(EINVAL);
    }
    bool exclusive = (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL);
    for (;;) {
        if (!exclusive) {
            long fd = open_file(path, O_RDWR);
            if (!lwp::sys::failed(fd)) return map_semaphore(fd);
            if (fd != -ENOENT || !(flags & O_CREAT)) return fail(static_cast<int>(-fd));
        }
        char temporary[64];
        long fd = create_initialised(mode, value, temporary);
        if (lwp::sys::failed(fd)) return fail(static_cast<int>(-fd));
        long linked = lwp::arch::syscall5(__NR_linkat, AT_FDCWD, reinterpret_cast<long>(temporary),
                                          AT_FDCWD, reinterpret_cast<long>(path), 0);
        lwp::arch::syscall1(__NR_unlink, reinterpret_cast<long>(temporary));
        if (!lwp::sys::failed(linked)) return map_semaphore(fd);
        close_file(fd);
        // Someone else's appeared first: theirs, unless we had to create.
        if (linked != -EEXIST || exclusive) return fail(static_cast<int>(-linked));
    }
}

int sem_close(sem_t* sem) noexcept {
    lwp::runtime::internal_lock_guard guard(list_lock);
    for (open_semaphore** link = &open_list; *link; link = &(*link)->next) {
        open_semaphore* entry = *link;
        if (entry->address != sem) continue;
        if (--entry->opens == 0) {
            *link = entry->next;
            lwp::sys::munmap(entry->address, sizeof(sem_t));
            std::free(entry);
        }
        return 0;
    }
    errno = EINVAL;
    return -1;
}

int sem_unlink(const char* name) noexcept {
    char path[sizeof directory + sizeof prefix + NAME_MAX];
    int error = path_of(name, path);
    // POSIX gives sem_unlink no EINVAL: a name no semaphore can have names
    // none (ENOENT, as glibc answers too).
    if (error == EINVAL) error = ENOENT;
    if (error == 0) {
        long result = lwp::arch::syscall1(__NR_unlink, reinterpret_cast<long>(path));
        if (!lwp::sys::failed(result)) return 0;
        error = static_cast<int>(-result);
    }
    errno = error;
    return -1;
}

}  // extern "C"
