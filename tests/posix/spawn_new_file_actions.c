/* posix_spawn_file_actions_addclosefrom_np and _addtcsetpgrp_np (glibc 2.34
 * and 2.35): every descriptor from one up closed in the child, and the
 * child's process group made the foreground one of a terminal (a pseudo-
 * terminal the child's new session takes as its controlling terminal).
 * Also passes built against glibc. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

extern char** environ;

static int run(posix_spawn_file_actions_t* actions, posix_spawnattr_t* attributes,
               const char* script) {
    char* argv[] = {"sh", "-c", (char*)script, NULL};
    pid_t child;
    int error = posix_spawn(&child, "/bin/sh", actions, attributes, argv, environ);
    if (error != 0) return -error;
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void close_from(void) {
    /* Descriptors 20 and 21 open in the parent, not close-on-exec. */
    int fd = open("/dev/null", O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(dup2(fd, 20), 20);
    CHECK_EQ(dup2(fd, 21), 21);
    CHECK_EQ(close(fd), 0);

    posix_spawn_file_actions_t actions;
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    /* Without the action both reach the child. */
    CHECK_EQ(run(&actions, NULL, "test -e /proc/self/fd/20 && test -e /proc/self/fd/21"), 0);
    CHECK_EQ(posix_spawn_file_actions_addclosefrom_np(&actions, 21), 0);
    /* From 21 up: 20 stays, 21 goes; the standard descriptors stay. */
    CHECK_EQ(run(&actions, NULL,
                 "test -e /proc/self/fd/20 && ! test -e /proc/self/fd/21 && test -e /proc/self/fd/1"),
             0);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    /* Closing what the earlier actions opened counts too: fd 30 is opened
     * by an action, then closed by the closefrom after it. */
    CHECK_EQ(posix_spawn_file_actions_addopen(&actions, 30, "/dev/null", O_RDONLY, 0), 0);
    CHECK_EQ(posix_spawn_file_actions_addclosefrom_np(&actions, 3), 0);
    CHECK_EQ(run(&actions, NULL, "! test -e /proc/self/fd/30 && ! test -e /proc/self/fd/20"), 0);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);

    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_addclosefrom_np(&actions, -1), EBADF);
    CHECK_EQ(posix_spawn_file_actions_addtcsetpgrp_np(&actions, -1), EBADF);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    close(20);
    close(21);
}

static void foreground_group(void) {
    /* On a descriptor that is no terminal, the action fails the spawn with
     * ENOTTY and no child is left behind. */
    posix_spawn_file_actions_t actions;
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_addopen(&actions, 5, "/dev/null", O_RDONLY, 0), 0);
    CHECK_EQ(posix_spawn_file_actions_addtcsetpgrp_np(&actions, 5), 0);
    CHECK_EQ(run(&actions, NULL, "exit 0"), -ENOTTY);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    errno = 0;
    CHECK_EQ(waitpid(-1, NULL, WNOHANG), -1);
    CHECK_EQ(errno, ECHILD);

    /* A new session whose controlling terminal is a pseudo-terminal opened
     * by an action: the child's group becomes its foreground group, which
     * the child then reads back (`ps` is not needed: /proc/self/stat's 8th
     * field is the terminal's foreground group, the 5th the child's group). */
    int leader = posix_openpt(O_RDWR | O_NOCTTY);
    CHECK(leader >= 0);
    CHECK_EQ(grantpt(leader), 0);
    CHECK_EQ(unlockpt(leader), 0);
    const char* follower = ptsname(leader);
    CHECK(follower != NULL);
    posix_spawnattr_t attributes;
    CHECK_EQ(posix_spawnattr_init(&attributes), 0);
    CHECK_EQ(posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID), 0);
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_addopen(&actions, 5, follower, O_RDWR, 0), 0);
    CHECK_EQ(posix_spawn_file_actions_addtcsetpgrp_np(&actions, 5), 0);
    CHECK_EQ(run(&actions, &attributes,
                 "read -r pid comm state ppid group session tty foreground rest < /proc/self/stat; "
                 "test \"$foreground\" = \"$group\""),
             0);
    /* Without the action the new session's terminal has no foreground group
     * of the child's. */
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_addopen(&actions, 5, follower, O_RDWR | O_NOCTTY, 0), 0);
    CHECK_EQ(run(&actions, &attributes,
                 "read -r pid comm state ppid group session tty foreground rest < /proc/self/stat; "
                 "test \"$foreground\" != \"$group\""),
             0);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    CHECK_EQ(posix_spawnattr_destroy(&attributes), 0);
    CHECK_EQ(close(leader), 0);
}

int main(void) {
    close_from();
    foreground_group();
    return 0;
}
