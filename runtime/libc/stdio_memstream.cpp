// open_memstream: a stream whose output builds a buffer in memory, which
// the caller reads through the pointer and size it gave, each time the
// stream is flushed or closed, and frees after fclose.
//
// The bytes live in an anonymous memory file (memfd_create), not in a
// buffer of the stream's own: to the rest of stdio the stream is an
// ordinary file stream on that descriptor, so writing, buffering, locking,
// fseek and ftell are the file streams' (stdio_files.cpp) unchanged, and no
// branch for memory streams sits on the write path every printf takes.
// fflush and fclose then copy the file into the caller's buffer (from
// malloc, grown with realloc, a null byte after the last), and report as
// its size the smaller of the file's length and the stream's position, as
// POSIX asks. What that costs: one descriptor per open stream, and a copy
// of the whole contents at every flush.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/fork_hooks.hpp"
#include "stdio_stream.hpp"

namespace lwp::libc {

struct memory_target {
    char** buffer;      // the caller's: where the buffer's address goes
    std::size_t* size;  // the caller's: where its size goes
    char* contents;     // that buffer, from malloc; the caller's after fclose
    int fork_copy;      // across a fork: the child's copy of the file, or -1
};

}  // namespace lwp::libc

using lwp::libc::memory_target;
using lwp::libc::stream;

namespace {

// Reads [0, length) of fd into `to`, retrying short reads and EINTR. 0 or
// -errno.
long read_all(int fd, char* to, std::size_t length) {
    std::size_t done = 0;
    while (done < length) {
        long got = lwp::arch::syscall4(__NR_pread64, fd, reinterpret_cast<long>(to + done),
                                       static_cast<long>(length - done), static_cast<long>(done));
        if (got == -EINTR) continue;
        if (lwp::sys::failed(got)) return got;
        if (got == 0) return -EIO;  // shorter than fstat said: nobody else truncates it
        done += static_cast<std::size_t>(got);
    }
    return 0;
}

// The file's length and the stream's position: the stream's buffer has
// been written out, so the descriptor's offset is the position.
long measure(int fd, std::size_t& length, std::size_t& position) {
    struct stat status;
    long result = lwp::arch::syscall2(__NR_fstat, fd, reinterpret_cast<long>(&status));
    if (lwp::sys::failed(result)) return result;
    long offset = lwp::arch::syscall3(__NR_lseek, fd, 0, SEEK_CUR);
    if (lwp::sys::failed(offset)) return offset;
    length = static_cast<std::size_t>(status.st_size);
    position = static_cast<std::size_t>(offset);
    return 0;
}

// A new memory file with fd's contents, its offset at fd's; -1 on failure.
// copy_file_range copies inside the kernel, from and to explicit offsets, so
// neither file's offset moves and no buffer is needed.
int copy_of(int fd) {
    std::size_t length = 0, position = 0;
    if (lwp::sys::failed(measure(fd, length, position))) return -1;
    long copy = lwp::arch::syscall2(__NR_memfd_create, reinterpret_cast<long>("lwp-memstream"),
                                    MFD_CLOEXEC);
    if (lwp::sys::failed(copy)) return -1;
    loff_t from = 0, to = 0;
    bool copied = true;
    while (copied && static_cast<std::size_t>(from) < length) {
        long moved = lwp::arch::syscall6(__NR_copy_file_range, fd, reinterpret_cast<long>(&from),
                                         copy, reinterpret_cast<long>(&to),
                                         static_cast<long>(length - from), 0);
        copied = moved > 0 || moved == -EINTR;
    }
    copied = copied && !lwp::sys::failed(lwp::arch::syscall3(
                           __NR_lseek, copy, static_cast<long>(position), SEEK_SET));
    if (copied) return static_cast<int>(copy);
    lwp::arch::syscall1(__NR_close, copy);
    return -1;
}

}  // namespace

extern "C" {

bool lwp_libc_update_memory_target(stream& s) {
    memory_target& target = *s.memory;
    std::size_t length = 0, position = 0;
    long result = measure(s.file_descriptor, length, position);
    char* contents = nullptr;
    if (!lwp::sys::failed(result)) {
        contents = static_cast<char*>(realloc(target.contents, length + 1));
        if (contents == nullptr) result = -ENOMEM;
    }
    if (contents != nullptr) {
        // realloc may have moved it: the caller's pointer follows at once.
        target.contents = contents;
        *target.buffer = contents;
        contents[length] = '\0';
        result = read_all(s.file_descriptor, contents, length);
    }
    if (lwp::sys::failed(result)) {
        // The caller keeps the size the last update gave it.
        errno = static_cast<int>(-result);
        s.glibc_flags |= lwp::libc::glibc_error_flag;
        return false;
    }
    *target.size = position < length ? position : length;
    return true;
}

// fork: parent and child would share the one open file, and each write into
// the other's contents. Before the fork, under the stream's lock (so that no
// thread's bytes go in meanwhile), the parent copies the file into a new
// one, at the same position; the child moves that copy onto the stream's
// descriptor number, and the parent closes it. Should the copy fail (no
// memory or descriptor left), the two go on sharing the file.
void lwp_libc_memory_stream_around_fork(stream& s, lwp::runtime::fork_phase phase) {
    memory_target& target = *s.memory;
    const int fd = s.file_descriptor;
    if (phase == lwp::runtime::fork_phase::prepare) {
        lwp::libc::take_stream_lock(s);
        target.fork_copy = copy_of(fd);
        return;
    }
    if (target.fork_copy >= 0) {
        if (phase == lwp::runtime::fork_phase::child)
            lwp::arch::syscall3(__NR_dup3, target.fork_copy, fd, O_CLOEXEC);
        lwp::arch::syscall1(__NR_close, target.fork_copy);
    }
    // The child's lock word is cleared with every file stream's.
    if (phase == lwp::runtime::fork_phase::parent) lwp::libc::give_back_stream_lock(s);
}

FILE* open_memstream(char** buffer, std::size_t* size) {
    if (buffer == nullptr || size == nullptr) {
        errno = EINVAL;
        return nullptr;
    }
    auto* target = static_cast<memory_target*>(malloc(sizeof(memory_target)));
    char* contents = static_cast<char*>(malloc(1));
    // Close-on-exec: the stream is this process's memory, not a file to pass on.
    long fd = lwp::arch::syscall2(__NR_memfd_create, reinterpret_cast<long>("lwp-memstream"),
                                  MFD_CLOEXEC);
    FILE* file = nullptr;
    if (target != nullptr && contents != nullptr && !lwp::sys::failed(fd))
        file = fdopen(static_cast<int>(fd), "w");  // sets errno itself on failure
    if (file == nullptr) {
        if (target == nullptr || contents == nullptr) errno = ENOMEM;
        else if (lwp::sys::failed(fd)) errno = static_cast<int>(-fd);
        if (!lwp::sys::failed(fd)) lwp::arch::syscall1(__NR_close, fd);
        free(target);
        free(contents);
        return nullptr;
    }
    // The caller's pointer and size are first set by fflush or fclose, as
    // glibc's are (a program may read its old buffer until then).
    contents[0] = '\0';
    *target = {buffer, size, contents, -1};
    lwp::libc::as_stream(file).memory = target;
    // Byte-oriented from the start, as glibc's.
    lwp::libc::as_stream(file).orientation = lwp::libc::byte_use;
    return file;
}

}  // extern "C"
