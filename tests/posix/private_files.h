/* with_private_files(files, count, body): runs body() in a child process
 * that sees its own contents in place of system files (/etc/hosts,
 * /etc/shadow, /var/log/...), so that the functions that read or write only
 * those fixed paths can be checked on known contents, and nothing real is
 * ever read for the answer or written.
 *
 * The child gets a mount namespace of its own (and a user namespace first,
 * mapping it to root there, when the test does not run as root), makes
 * every mount private to it, and bind-mounts over each path a temporary
 * file holding the given text, or, for a path ending in '/', a temporary
 * directory holding empty files of the names given in `text` (separated by
 * spaces). The temporary files are removed once the child is done.
 *
 * Returns 1 when body ran (a failed CHECK in it fails the test), 0 when this
 * machine gives no namespaces (a container without the rights): the caller
 * then skips those checks. */
#ifndef LWP_POSIX_PRIVATE_FILES_H
#define LWP_POSIX_PRIVATE_FILES_H

#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

struct private_file {
    const char* path; /* the system file, or directory (ending in '/') */
    const char* text; /* its contents, or the empty files of the directory */
};

#define PRIVATE_FILES_SKIP 77

static void private_write_file(const char* path, const char* text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    CHECK(fd >= 0);
    size_t length = strlen(text);
    CHECK_EQ(write(fd, text, length), (long long)length);
    CHECK_EQ(close(fd), 0);
}

/* Maps the user to root in a new user namespace; false if there is none. */
static int private_become_root(void) {
    char map[64];
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (unshare(CLONE_NEWUSER) != 0) return 0;
    int fd = open("/proc/self/setgroups", O_WRONLY);
    if (fd >= 0) {
        CHECK_EQ(write(fd, "deny", 4), 4);
        close(fd);
    }
    snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
    fd = open("/proc/self/uid_map", O_WRONLY);
    if (fd < 0 || write(fd, map, strlen(map)) != (ssize_t)strlen(map)) return 0;
    close(fd);
    snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
    fd = open("/proc/self/gid_map", O_WRONLY);
    if (fd < 0 || write(fd, map, strlen(map)) != (ssize_t)strlen(map)) return 0;
    close(fd);
    return 1;
}

static int with_private_files(const struct private_file* files, int count, void (*body)(void)) {
    char temporary[16][64];
    CHECK(count <= 16);
    for (int i = 0; i < count; ++i) {
        size_t length = strlen(files[i].path);
        snprintf(temporary[i], sizeof temporary[i], "/tmp/lwp-private-XXXXXX");
        if (files[i].path[length - 1] == '/') {
            CHECK(mkdtemp(temporary[i]) != NULL);
            char names[256], *name, *rest;
            snprintf(names, sizeof names, "%s", files[i].text);
            for (name = strtok_r(names, " ", &rest); name; name = strtok_r(NULL, " ", &rest)) {
                char path[256];
                snprintf(path, sizeof path, "%.63s/%.128s", temporary[i], name);
                private_write_file(path, "");
            }
        } else {
            int fd = mkstemp(temporary[i]);
            CHECK(fd >= 0);
            CHECK_EQ(close(fd), 0);
            private_write_file(temporary[i], files[i].text);
        }
    }
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        if (unshare(CLONE_NEWNS) != 0 && !(private_become_root() && unshare(CLONE_NEWNS) == 0))
            _exit(PRIVATE_FILES_SKIP);
        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) _exit(PRIVATE_FILES_SKIP);
        for (int i = 0; i < count; ++i)
            if (mount(temporary[i], files[i].path, NULL, MS_BIND, NULL) != 0) _exit(PRIVATE_FILES_SKIP);
        body();
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    for (int i = 0; i < count; ++i) {
        size_t length = strlen(files[i].path);
        if (files[i].path[length - 1] == '/') {
            char names[256], *name, *rest;
            snprintf(names, sizeof names, "%s", files[i].text);
            for (name = strtok_r(names, " ", &rest); name; name = strtok_r(NULL, " ", &rest)) {
                char path[256];
                snprintf(path, sizeof path, "%.63s/%.128s", temporary[i], name);
                CHECK_EQ(unlink(path), 0);
            }
            CHECK_EQ(rmdir(temporary[i]), 0);
        } else {
            CHECK_EQ(unlink(temporary[i]), 0);
        }
    }
    CHECK(WIFEXITED(status));
    if (WEXITSTATUS(status) == PRIVATE_FILES_SKIP) return 0;
    CHECK_EQ(WEXITSTATUS(status), 0);
    return 1;
}

/* What glibc's lookups need to read only the files (its default may also
 * ask systemd or DNS): put in place of /etc/nsswitch.conf alongside. lwp
 * reads files alone whatever it says. */
#define PRIVATE_FILES_NSSWITCH \
    { "/etc/nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\nhosts: files\nnetworks: files\n" }

#endif
