/* The descriptor-based mount calls (fsopen fsconfig fsmount fspick open_tree
 * move_mount mount_setattr): with the privilege to mount, a tmpfs is built
 * step by step and used through its mount descriptor alone (never attached
 * anywhere, so nothing outside this process sees it), then made read-only.
 * Without it, each call must fail as the bare system call does. Also passes
 * built against glibc. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../integration/check.h"

/* What the kernel says to the same request made without the wrapper: the
 * answer an unprivileged run must match. */
static int raw_errno(long result) { return result == -1 ? errno : 0; }

static void refusals(void) {
    /* Flags the kernel does not know: EINVAL from every call that takes them. */
    errno = 0;
    CHECK_EQ(fsopen("tmpfs", 0x40000000u), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(open_tree(AT_FDCWD, "/", 0x40000000u), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(fspick(AT_FDCWD, "/", 0x40000000u), -1);
    CHECK_EQ(errno, EINVAL);
    /* A descriptor number that is not open: EBADF (a negative one is
     * EINVAL to fsconfig, which checks that first). */
    int closed = open("/dev/null", O_RDONLY);
    CHECK(closed >= 0);
    CHECK_EQ(close(closed), 0);
    errno = 0;
    CHECK_EQ(fsconfig(closed, FSCONFIG_CMD_CREATE, NULL, NULL, 0), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(fsconfig(-1, FSCONFIG_CMD_CREATE, NULL, NULL, 0), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(fsmount(closed, 0, 0), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(move_mount(closed, "", AT_FDCWD, "/", MOVE_MOUNT_F_EMPTY_PATH), -1);
    CHECK_EQ(errno, EBADF);
    struct mount_attr attributes;
    memset(&attributes, 0, sizeof attributes);
    errno = 0;
    /* A size smaller than the first version of the structure: EINVAL. */
    CHECK_EQ(mount_setattr(AT_FDCWD, "/", 0, &attributes, 4), -1);
    CHECK_EQ(errno, EINVAL);
}

static void without_privilege(int fsopen_error) {
    /* fsopen failed: the same request through syscall() must fail alike. */
    long raw = syscall(SYS_fsopen, "tmpfs", FSOPEN_CLOEXEC);
    CHECK_EQ(raw, -1);
    CHECK_EQ(raw_errno(raw), fsopen_error);
    errno = 0;
    int tree = open_tree(AT_FDCWD, "/", OPEN_TREE_CLONE);
    int tree_error = tree == -1 ? errno : 0;
    if (tree >= 0) close(tree);
    long raw_tree = syscall(SYS_open_tree, AT_FDCWD, "/", OPEN_TREE_CLONE);
    CHECK_EQ(raw_errno(raw_tree), tree_error);
    if (raw_tree >= 0) close((int)raw_tree);
}

static void with_privilege(int context) {
    /* The kernel checks the privilege first: these answers need it. */
    refusals();
    /* A file system type that does not exist: ENODEV from fsopen. */
    errno = 0;
    CHECK_EQ(fsopen("lwp-no-such-file-system", 0), -1);
    CHECK_EQ(errno, ENODEV);

    /* An unknown parameter is refused by fsconfig, and the context lives on. */
    errno = 0;
    CHECK_EQ(fsconfig(context, FSCONFIG_SET_STRING, "lwp-no-such-option", "1", 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(fsconfig(context, FSCONFIG_SET_STRING, "size", "1m", 0), 0);
    CHECK_EQ(fsconfig(context, FSCONFIG_SET_STRING, "mode", "0700", 0), 0);
    /* fsmount before the superblock exists: EINVAL. */
    errno = 0;
    CHECK_EQ(fsmount(context, FSMOUNT_CLOEXEC, 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(fsconfig(context, FSCONFIG_CMD_CREATE, NULL, NULL, 0), 0);
    int mounted = fsmount(context, FSMOUNT_CLOEXEC, MOUNT_ATTR_NODEV);
    CHECK(mounted >= 0);
    CHECK(fcntl(mounted, F_GETFD) & FD_CLOEXEC);

    /* The detached mount is a file system of its own, reached through the
     * descriptor: the mode set above, a file written and read back. */
    struct stat root;
    CHECK_EQ(fstat(mounted, &root), 0);
    CHECK_EQ(root.st_mode & 07777, 0700);
    int file = openat(mounted, "note", O_CREAT | O_RDWR, 0600);
    CHECK(file >= 0);
    CHECK_EQ(write(file, "mounted", 7), 7);
    char text[8] = {0};
    CHECK_EQ(pread(file, text, 7, 0), 7);
    CHECK(strcmp(text, "mounted") == 0);
    CHECK_EQ(close(file), 0);

    /* Read-only from now on: creating a file fails with EROFS, and the
     * file already there still reads. */
    struct mount_attr attributes;
    memset(&attributes, 0, sizeof attributes);
    attributes.attr_set = MOUNT_ATTR_RDONLY;
    CHECK_EQ(mount_setattr(mounted, "", AT_EMPTY_PATH, &attributes, sizeof attributes), 0);
    errno = 0;
    CHECK_EQ(openat(mounted, "second", O_CREAT | O_RDWR, 0600), -1);
    CHECK_EQ(errno, EROFS);
    file = openat(mounted, "note", O_RDONLY);
    CHECK(file >= 0);
    CHECK_EQ(close(file), 0);

    /* A copy of a tree (open_tree with OPEN_TREE_CLONE) of the detached
     * mount sees the same file. */
    int copy = open_tree(mounted, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH);
    CHECK(copy >= 0);
    struct stat note;
    CHECK_EQ(fstatat(copy, "note", &note, 0), 0);
    CHECK_EQ(note.st_size, 7);
    CHECK_EQ(close(copy), 0);

    /* fspick reopens the configuration of a mount's root: of "/" it works,
     * of a directory that is no mount's root it is EINVAL. */
    int picked = fspick(AT_FDCWD, "/", FSPICK_CLOEXEC);
    CHECK(picked >= 0);
    CHECK_EQ(close(picked), 0);
    errno = 0;
    CHECK_EQ(fspick(mounted, "note", 0), -1);
    CHECK(errno == EINVAL || errno == ENOTDIR);

    /* move_mount onto a path that does not exist: ENOENT, nothing attached. */
    errno = 0;
    CHECK_EQ(move_mount(mounted, "", AT_FDCWD, "/nonexistent-lwp-target",
                        MOVE_MOUNT_F_EMPTY_PATH), -1);
    CHECK_EQ(errno, ENOENT);

    CHECK_EQ(close(mounted), 0);
    CHECK_EQ(close(context), 0);
}

int main(void) {
    errno = 0;
    int context = fsopen("tmpfs", FSOPEN_CLOEXEC);
    if (context >= 0) {
        with_privilege(context);
    } else {
        printf("fsopen: %s; checking the calls fail as the system calls do\n", strerror(errno));
        without_privilege(errno);
    }
    return 0;
}
