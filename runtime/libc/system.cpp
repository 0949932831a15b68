// system: run a command with /bin/sh -c, and wait for it.
//
// As POSIX asks, while the command runs the caller ignores SIGINT and
// SIGQUIT (they are meant for the command, which gets them at their default
// actions) and blocks SIGCHLD (so that a handler reaping children cannot take
// this one's status). With several threads in system at once, the first in
// sets SIGINT and SIGQUIT to ignored and the last out restores them, under a
// lock: dispositions belong to the whole process. The mask is the calling
// thread's own. The wait is a cancellation point, as waitpid is; a caller
// cancelled there first kills and reaps the command and puts the signals
// back as they were.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../thread/cancellation_point.hpp"
#include "../thread/fork_hooks.hpp"
#include "../thread/internal_lock.hpp"

extern char** environ;

namespace {

lwp::runtime::internal_lock users_lock;
int users = 0;  // threads inside system (under users_lock)
struct sigaction saved_interrupt, saved_quit;

void start_ignoring() {
    lwp::runtime::internal_lock_guard guard(users_lock);
    if (users++ != 0) return;
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ignore, &saved_interrupt);
    sigaction(SIGQUIT, &ignore, &saved_quit);
}

void stop_ignoring() {
    lwp::runtime::internal_lock_guard guard(users_lock);
    if (--users != 0) return;
    sigaction(SIGINT, &saved_interrupt, nullptr);
    sigaction(SIGQUIT, &saved_quit, nullptr);
}

struct running_command {
    pid_t child;
    sigset_t caller_mask;
};

void put_signals_back(const running_command& command) {
    stop_ignoring();
    sigprocmask(SIG_SETMASK, &command.caller_mask, nullptr);
}

// The cancellation undo of the wait (runtime/thread/cancellation_point.hpp).
void end_command_after_cancellation(void* context) {
    const auto& command = *static_cast<const running_command*>(context);
    kill(command.child, SIGKILL);
    lwp::arch::syscall4(__NR_wait4, command.child, 0, 0, 0);
    put_signals_back(command);
}

}  // namespace

namespace lwp::runtime {

// A fork while another thread is in system copies the count of callers too:
// the child's dispositions are copied with it, SIGINT and SIGQUIT ignored, so
// the count stays true there (and the child's first system saves nothing new).
void system_around_fork(fork_phase phase) {
    if (phase == fork_phase::prepare) users_lock.lock();
    else users_lock.unlock();
}

}  // namespace lwp::runtime

extern "C" int system(const char* command) {
    // No command: is there a shell to run one?
    if (command == nullptr) return access("/bin/sh", X_OK) == 0;

    running_command command_state{};
    sigset_t child_signal;
    sigemptyset(&child_signal);
    sigaddset(&child_signal, SIGCHLD);
    sigprocmask(SIG_BLOCK, &child_signal, &command_state.caller_mask);
    start_ignoring();

    // The command gets the caller's mask and the default SIGINT/SIGQUIT,
    // unless the caller itself ignored them (then they stay ignored).
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t to_default;
    sigemptyset(&to_default);
    if (saved_interrupt.sa_handler != SIG_IGN) sigaddset(&to_default, SIGINT);
    if (saved_quit.sa_handler != SIG_IGN) sigaddset(&to_default, SIGQUIT);
    posix_spawnattr_setsigdefault(&attributes, &to_default);
    posix_spawnattr_setsigmask(&attributes, &command_state.caller_mask);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    char shell_name[] = "sh", option[] = "-c";
    char* argv[] = {shell_name, option, const_cast<char*>(command), nullptr};
    int error = posix_spawn(&command_state.child, "/bin/sh", nullptr, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);

    int status = 0;
    if (error == 0) {
        lwp::runtime::cancellation_undo undo{end_command_after_cancellation, &command_state};
        // Retried on EINTR: a handler for another signal may interrupt.
        for (;;) {
            long result = lwp::runtime::cancellation_point_syscall(
                &undo, __NR_wait4, command_state.child, reinterpret_cast<long>(&status), 0, 0);
            if (result != -EINTR) {
                if (result < 0) {
                    errno = static_cast<int>(-result);
                    status = -1;
                }
                break;
            }
        }
    } else {
        // The shell could not be run: as if it had exited with 127.
        status = 127 << 8;
    }
    put_signals_back(command_state);
    return status;
}
