// ftok (<sys/ipc.h>): the key System V IPC objects are found by, made from a
// file both sides can name and a project number. Built as glibc builds it,
// so that a program using lwp and one using glibc agree on the key: the low
// 16 bits of the file's inode, the low 8 of its device, and the low 8 of the
// project number on top. -1 and stat's errno when the file cannot be read.
#include <sys/ipc.h>
#include <sys/stat.h>

extern "C" key_t ftok(const char* path, int project) noexcept {
    struct stat status;
    if (stat(path, &status) < 0) return -1;
    return static_cast<key_t>((status.st_ino & 0xffff) | ((status.st_dev & 0xff) << 16) |
                              ((static_cast<unsigned>(project) & 0xff) << 24));
}
