/* posix_spawn, posix_spawnp, their attributes and file actions, and system:
 * exit statuses, errors reported by the parent (with no child left behind),
 * each file action, signal masks and defaults, process groups, system's
 * SIGINT handling, several threads in system at once, and a thread
 * cancelled while system waits. Runs commands with /bin/sh. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../integration/check.h"

extern char** environ;

/* Runs `script` with sh -c through posix_spawn; returns the wait status. */
static int run_script(const char* script, const posix_spawn_file_actions_t* actions,
                      const posix_spawnattr_t* attributes) {
    char* argv[] = {"sh", "-c", (char*)script, NULL};
    pid_t child;
    CHECK_EQ(posix_spawn(&child, "/bin/sh", actions, attributes, argv, environ), 0);
    int status = 0;
    CHECK_EQ(waitpid(child, &status, 0), child);
    return status;
}

static void no_child_left(void) {
    int status;
    errno = 0;
    CHECK_EQ(waitpid(-1, &status, WNOHANG), -1);
    CHECK_EQ(errno, ECHILD);
}

static void statuses_and_errors(void) {
    int status = run_script("exit 3", NULL, NULL);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);

    char* argv[] = {"sh", "-c", "exit 4", NULL};
    pid_t child;
    CHECK_EQ(posix_spawnp(&child, "sh", NULL, NULL, argv, environ), 0);
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 4);

    /* The exec failing is reported to the caller, and the child reaped. */
    child = 0;
    CHECK_EQ(posix_spawn(&child, "/nonexistent/program", NULL, NULL, argv, environ), ENOENT);
    CHECK_EQ(posix_spawnp(&child, "lwp-no-such-program", NULL, NULL, argv, environ), ENOENT);
    no_child_left();

    /* A name too long for any file: reported, never taken for success. */
    static char long_name[6000];
    memset(long_name, 'x', sizeof long_name - 1);
    CHECK_EQ(posix_spawnp(&child, long_name, NULL, NULL, argv, environ), ENAMETOOLONG);
    no_child_left();

    /* A file the kernel cannot run (a script without "#!"): posix_spawn
     * reports ENOEXEC rather than running it with the shell. */
    char script[] = "/tmp/lwp-spawn-script-XXXXXX";
    int fd = mkstemp(script);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "exit 7\n", 7), 7);
    CHECK_EQ(fchmod(fd, 0700), 0);
    CHECK_EQ(close(fd), 0);
    char* script_argv[] = {script, NULL};
    CHECK_EQ(posix_spawn(&child, script, NULL, NULL, script_argv, environ), ENOEXEC);
    no_child_left();
    CHECK_EQ(unlink(script), 0);

    posix_spawnattr_t attributes;
    CHECK_EQ(posix_spawnattr_init(&attributes), 0);
    CHECK_EQ(posix_spawnattr_setflags(&attributes, 0x4000), EINVAL);
    CHECK_EQ(posix_spawnattr_destroy(&attributes), 0);
    posix_spawn_file_actions_t actions;
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_addclose(&actions, -1), EBADF);
    CHECK_EQ(posix_spawn_file_actions_adddup2(&actions, 1, -2), EBADF);
    /* At or above RLIMIT_NOFILE: no descriptor can be that. */
    CHECK_EQ(posix_spawn_file_actions_addclose(&actions, 1 << 30), EBADF);
    CHECK_EQ(posix_spawn_file_actions_adddup2(&actions, 1 << 30, 1), EBADF);
    CHECK_EQ(posix_spawn_file_actions_addopen(&actions, 1 << 30, "/dev/null", O_RDONLY, 0), EBADF);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
}

static void file_actions(void) {
    char name[] = "/tmp/lwp-spawn-XXXXXX";
    int fd = mkstemp(name);
    CHECK(fd >= 0);
    CHECK_EQ(close(fd), 0);

    /* open onto stdout, and close of a descriptor that is not open. */
    posix_spawn_file_actions_t actions;
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_addopen(&actions, 1, name, O_WRONLY | O_TRUNC, 0), 0);
    CHECK_EQ(posix_spawn_file_actions_addclose(&actions, 987), 0);
    int status = run_script("echo into-the-file", &actions, NULL);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    char text[64] = {0};
    fd = open(name, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(read(fd, text, sizeof text - 1), 14);
    CHECK(strcmp(text, "into-the-file\n") == 0 || !"the output went elsewhere");
    CHECK_EQ(close(fd), 0);

    /* The open action closes the descriptor it opens onto first (POSIX), so
     * it works with every descriptor in use (glibc's posix/tst-spawn3): the
     * limit is lowered to what is open, plus one, and that one taken. */
    struct rlimit old_limit;
    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &old_limit), 0);
    int filler = open("/dev/null", O_RDONLY);
    CHECK(filler >= 0);
    struct rlimit full = old_limit;
    full.rlim_cur = (rlim_t)filler + 1;
    CHECK_EQ(close(filler), 0);
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &full), 0);
    int taken[64];
    int taken_count = 0;
    while (taken_count < 64 && (taken[taken_count] = open("/dev/null", O_RDONLY)) >= 0) ++taken_count;
    CHECK_EQ(errno, EMFILE);
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_addopen(&actions, 1, name, O_WRONLY | O_TRUNC, 0), 0);
    for (int i = 0; i < taken_count; ++i) CHECK_EQ(posix_spawn_file_actions_addclose(&actions, taken[i]), 0);
    status = run_script("echo at-the-limit", &actions, NULL);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    for (int i = 0; i < taken_count; ++i) CHECK_EQ(close(taken[i]), 0);
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &old_limit), 0);
    memset(text, 0, sizeof text);
    fd = open(name, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(read(fd, text, sizeof text - 1), 13);
    CHECK(strcmp(text, "at-the-limit\n") == 0);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(unlink(name), 0);

    /* dup2 of a pipe onto stdout, the read end closed; chdir. */
    int ends[2];
    CHECK_EQ(pipe(ends), 0);
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_adddup2(&actions, ends[1], 1), 0);
    CHECK_EQ(posix_spawn_file_actions_addclose(&actions, ends[0]), 0);
    CHECK_EQ(posix_spawn_file_actions_addchdir_np(&actions, "/tmp"), 0);
    status = run_script("pwd", &actions, NULL);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    CHECK_EQ(close(ends[1]), 0);
    memset(text, 0, sizeof text);
    CHECK_EQ(read(ends[0], text, sizeof text - 1), 5);
    CHECK(strcmp(text, "/tmp\n") == 0);
    CHECK_EQ(close(ends[0]), 0);

    /* A failing action fails the spawn, with its error; no child is left. */
    CHECK_EQ(posix_spawn_file_actions_init(&actions), 0);
    CHECK_EQ(posix_spawn_file_actions_addopen(&actions, 0, "/nonexistent/input", O_RDONLY, 0), 0);
    char* argv[] = {"sh", "-c", "exit 0", NULL};
    pid_t child;
    CHECK_EQ(posix_spawn(&child, "/bin/sh", &actions, NULL, argv, environ), ENOENT);
    CHECK_EQ(posix_spawn_file_actions_destroy(&actions), 0);
    no_child_left();
}

static void signal_attributes(void) {
    /* Without attributes, the command gets SIGUSR1 at its default action. */
    int status = run_script("kill -USR1 $$; exit 7", NULL, NULL);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1);

    /* A mask that blocks it: the signal stays pending, the script goes on. */
    posix_spawnattr_t attributes;
    CHECK_EQ(posix_spawnattr_init(&attributes), 0);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    CHECK_EQ(posix_spawnattr_setsigmask(&attributes, &mask), 0);
    CHECK_EQ(posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK), 0);
    short flags = 0;
    CHECK_EQ(posix_spawnattr_getflags(&attributes, &flags), 0);
    CHECK_EQ(flags, POSIX_SPAWN_SETSIGMASK);
    status = run_script("kill -USR1 $$; exit 7", NULL, &attributes);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);

    /* An ignored signal stays ignored across the spawn, unless the
     * attributes set it back to its default. */
    struct sigaction ignore = {0}, previous;
    ignore.sa_handler = SIG_IGN;
    CHECK_EQ(sigaction(SIGUSR2, &ignore, &previous), 0);
    status = run_script("kill -USR2 $$; exit 8", NULL, NULL);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 8);
    sigset_t to_default;
    sigemptyset(&to_default);
    sigaddset(&to_default, SIGUSR2);
    CHECK_EQ(posix_spawnattr_setsigdefault(&attributes, &to_default), 0);
    CHECK_EQ(posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF), 0);
    status = run_script("kill -USR2 $$; exit 8", NULL, &attributes);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR2);
    CHECK_EQ(sigaction(SIGUSR2, &previous, NULL), 0);

    /* A process group of its own: pgrp (field 5 of /proc/<pid>/stat) is
     * the shell's pid. */
    CHECK_EQ(posix_spawnattr_setpgroup(&attributes, 0), 0);
    CHECK_EQ(posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP), 0);
    status = run_script("read -r pid name state parent group rest < /proc/$$/stat; "
                        "test \"$group\" = \"$$\"",
                        NULL, &attributes);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    status = run_script("read -r pid name state parent group rest < /proc/$$/stat; "
                        "test \"$group\" = \"$$\"",
                        NULL, NULL);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
    CHECK_EQ(posix_spawnattr_destroy(&attributes), 0);
}

static void* run_system(void* argument) {
    int code = (int)(long)argument;
    char command[32] = "exit ";
    command[5] = (char)('0' + code);
    for (int i = 0; i < 10; ++i) {
        int status = system(command);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == code);
    }
    return NULL;
}

static void* system_for_long(void* argument) {
    /* exec: the shell becomes the sleep, so the kill on cancellation ends it
     * (a sleep forked by the shell would outlive the test by 30 s, holding
     * its output open). */
    system("exec sleep 30");
    return argument;
}

static void shell_commands(void) {
    CHECK(system(NULL) != 0);
    int status = system("exit 5");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5);

    /* The caller ignores SIGINT while the command runs; the command does not. */
    status = system("kill -INT $PPID; exit 6");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 6);
    status = system("kill -INT $$; exit 6");
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT);
    struct sigaction now;
    CHECK_EQ(sigaction(SIGINT, NULL, &now), 0);
    CHECK(now.sa_handler == SIG_DFL);

    /* Threads in system at once. */
    pthread_t threads[4];
    for (long i = 0; i < 4; ++i) CHECK_EQ(pthread_create(&threads[i], NULL, run_system, (void*)(i + 1)), 0);
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_join(threads[i], NULL), 0);
    CHECK_EQ(sigaction(SIGINT, NULL, &now), 0);
    CHECK(now.sa_handler == SIG_DFL);

    /* Cancelled while it waits: the command is killed and reaped, and
     * SIGINT is no longer ignored. */
    pthread_t waiter;
    CHECK_EQ(pthread_create(&waiter, NULL, system_for_long, NULL), 0);
    struct timespec pause = {0, 200000000};
    nanosleep(&pause, NULL);
    CHECK_EQ(pthread_cancel(waiter), 0);
    void* result = NULL;
    CHECK_EQ(pthread_join(waiter, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    no_child_left();
    CHECK_EQ(sigaction(SIGINT, NULL, &now), 0);
    CHECK(now.sa_handler == SIG_DFL);
}

int main(void) {
    statuses_and_errors();
    file_actions();
    signal_attributes();
    shell_commands();
    return 0;
}
