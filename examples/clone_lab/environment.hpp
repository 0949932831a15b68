// The parent's state the lab changes, saved at the start and put back after
// every rung: a scratch directory (a marker file to open, a directory to
// chdir into), the working directory, the SIGUSR1 action, the signal mask.
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "parent_tools.hpp"

namespace clone_lab {

inline int count_open_fds() {
    DIR* directory = opendir("/proc/self/fd");
    if (!directory) lab_failure("cannot list /proc/self/fd");
    int count = 0;
    while (dirent* entry = readdir(directory)) {
        if (entry->d_name[0] != '.') ++count;
    }
    closedir(directory);
    return count - 1;  // the directory stream's own fd
}

class lab_environment {
public:
    std::string directory;
    std::string marker_path;
    std::string child_cwd;       // as passed to the child's chdir
    std::string child_cwd_real;  // as getcwd() reports it (symlinks resolved)

    lab_environment() {
        const char* tmp = getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/clone_lab.XXXXXX";
        if (!mkdtemp(pattern.data())) lab_failure("mkdtemp failed");
        directory = pattern;
        marker_path = directory + "/marker";
        child_cwd = directory + "/child_cwd";
        int marker = open(marker_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (marker < 0 || close(marker) != 0) lab_failure("cannot create the marker file");
        if (mkdir(child_cwd.c_str(), 0700) != 0) lab_failure("cannot create child_cwd");
        char real[PATH_MAX];
        if (!realpath(child_cwd.c_str(), real)) lab_failure("realpath failed");
        child_cwd_real = real;

        // O_PATH fd of the starting directory: fchdir back to it even if its
        // name is long or has changed.
        saved_cwd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (saved_cwd < 0) lab_failure("cannot open the working directory");
        if (!getcwd(start_cwd, sizeof start_cwd)) lab_failure("getcwd failed");
        open_fds_at_start = count_open_fds();

        sigaction(SIGUSR1, nullptr, &saved_sigusr1);
        sigaction(SIGCHLD, nullptr, &saved_sigchld);
        // SIGCHLD at its default action: an inherited SIG_IGN would make the
        // kernel reap children itself and send no signal.
        struct sigaction default_action {};
        default_action.sa_handler = SIG_DFL;
        sigaction(SIGCHLD, &default_action, nullptr);
        // Blocked: SIGCHLD stays pending for took_sigchld_from; SIGUSR1 can
        // never run the children's marker handler. Children inherit the mask.
        sigset_t block;
        sigemptyset(&block);
        sigaddset(&block, SIGCHLD);
        sigaddset(&block, SIGUSR1);
        sigprocmask(SIG_BLOCK, &block, &saved_mask);
    }

    ~lab_environment() {
        restore_cwd();
        close(saved_cwd);
        unlink(marker_path.c_str());
        rmdir(child_cwd.c_str());
        rmdir(directory.c_str());
        restore_sigusr1();
        drain_sigchld();
        sigaction(SIGCHLD, &saved_sigchld, nullptr);
        sigprocmask(SIG_SETMASK, &saved_mask, nullptr);
    }
    lab_environment(const lab_environment&) = delete;
    lab_environment& operator=(const lab_environment&) = delete;

    void restore_cwd() {
        if (fchdir(saved_cwd) != 0) lab_failure("cannot return to the starting directory");
    }
    void restore_sigusr1() { sigaction(SIGUSR1, &saved_sigusr1, nullptr); }

    // Everything a rung changed has been put back: same fds open, same
    // directory, same SIGUSR1 action.
    bool state_restored() const {
        char cwd[PATH_MAX];
        struct sigaction usr1;
        sigaction(SIGUSR1, nullptr, &usr1);
        return count_open_fds() == open_fds_at_start && getcwd(cwd, sizeof cwd) &&
               std::string(cwd) == start_cwd && usr1.sa_handler == saved_sigusr1.sa_handler;
    }

private:
    int open_fds_at_start;
    int saved_cwd;
    char start_cwd[PATH_MAX];
    struct sigaction saved_sigusr1, saved_sigchld;
    sigset_t saved_mask;
};

}  // namespace clone_lab
