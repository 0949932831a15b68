// The ladder: one child per flag set, from fork-like to lwp's own set, and for
// each what the child measurably shares with its parent.
#pragma once

#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <optional>
#include <string>

#include "child.hpp"
#include "environment.hpp"
#include "flags.hpp"
#include "parent_tools.hpp"

namespace clone_lab {

struct rung {
    const char* key;    // machine-readable name
    const char* title;  // table name
    unsigned long flags;
};

// Each rung adds one flag to the one before (vfork aside). The CLONE_THREAD
// rung keeps SIGCHLD in the low byte on purpose: the kernel ignores the exit
// signal of a thread (it sets it to -1), which the SIGCHLD column shows. It
// also carries CLONE_CHILD_CLEARTID, the only way to join a thread (see
// join_thread); that flag shares nothing.
inline constexpr rung ladder[] = {
    {"fork", "fork-like", SIGCHLD},
    {"vfork", "vfork-like", CLONE_VM | CLONE_VFORK | SIGCHLD},
    {"vm", "+VM", CLONE_VM | SIGCHLD},
    {"vm_fs", "+FS", CLONE_VM | CLONE_FS | SIGCHLD},
    {"vm_fs_files", "+FILES", CLONE_VM | CLONE_FS | CLONE_FILES | SIGCHLD},
    {"vm_fs_files_sighand", "+SIGHAND",
     CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | SIGCHLD},
    {"thread", "+THREAD",
     CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_CHILD_CLEARTID |
         SIGCHLD},
    {"lwp", "lwp's set", lwp_thread_flags},
};

struct rung_result {
    const rung* step;
    int child_tid;
    bool memory_shared;
    bool fd_shared;
    bool cwd_shared;
    bool handler_shared;
    bool same_pid;
    bool distinct_tid;
    int threads_before;
    int threads_during;  // -1: could not be read (the parent was suspended)
    bool sigchld;
    bool tp_is_parent;
    bool tp_is_given;
    bool done_at_return;  // the child had finished before clone returned
    int exit_status;      // -1 for a thread (no wait status exists)
};

namespace ladder_detail {
// The words the child writes. Globals, so a fork-like child's copy sits at the
// same address as the parent's original.
inline std::atomic<int> memory_word{0};
inline std::atomic<int> finished_word{0};
}  // namespace ladder_detail

inline bool same_file(int fd, const std::string& path) {
    struct stat opened, expected;
    if (fstat(fd, &opened) != 0 || stat(path.c_str(), &expected) != 0) return false;
    return opened.st_dev == expected.st_dev && opened.st_ino == expected.st_ino;
}

inline rung_result measure_rung(const rung& step, lab_environment& environment) {
    using namespace ladder_detail;
    const bool vfork = has(step.flags, CLONE_VFORK);
    const bool thread = has(step.flags, CLONE_THREAD);
    memory_word.store(0);
    finished_word.store(0);

    pipe_pair report_pipe, go_pipe;
    child_plan plan{report_pipe.write_end,
                    vfork ? -1 : go_pipe.read_end,  // a vfork parent cannot answer
                    environment.marker_path.c_str(),
                    environment.child_cwd.c_str(),
                    /*probe_sharing=*/true,
                    &memory_word,
                    &finished_word,
                    nullptr};
    child_stack stack(child_main, &plan);
    std::optional<child_tls> tls;
    if (has(step.flags, CLONE_SETTLS)) tls.emplace();
    // PARENT_SETTID and CHILD_CLEARTID word. Non-zero before clone, so the
    // join below cannot mistake "not yet written" for "gone".
    int tid_word = -1;

    rung_result result{};
    result.step = &step;
    drain_sigchld();
    result.threads_before = thread_count();

    long tid = lwp_arch_clone(step.flags, stack.top(), &tid_word, &tid_word,
                              tls ? tls->thread_pointer() : 0);
    if (tid < 0) lab_failure("clone failed on a ladder rung");
    result.child_tid = static_cast<int>(tid);
    result.done_at_return = finished_word.load(std::memory_order_acquire) == 1;

    child_report report;
    read_exactly(report_pipe.read_end, &report, sizeof report);
    if (report.opened_fd < 0 || report.chdir_result != 0 || report.sigaction_result != 0)
        lab_failure("a child's open/chdir/rt_sigaction failed");
    result.threads_during = vfork ? -1 : thread_count();
    if (!vfork && write(go_pipe.write_end, "g", 1) != 1) lab_failure("cannot release a child");

    if (thread) {
        join_thread(&tid_word);
        result.exit_status = -1;
    } else {
        int status = reap_process(result.child_tid);
        if (!WIFEXITED(status)) lab_failure("a child did not exit normally");
        result.exit_status = WEXITSTATUS(status);
        if (result.exit_status != 0) lab_failure("a child reported an error");
    }

    // The child is gone; everything below is the parent's view afterwards.
    result.memory_shared = memory_word.load(std::memory_order_acquire) == 1;

    int fd = static_cast<int>(report.opened_fd);
    result.fd_shared = same_file(fd, environment.marker_path);
    if (result.fd_shared) close(fd);  // it is ours now: do not leak it

    char cwd[PATH_MAX];
    result.cwd_shared = getcwd(cwd, sizeof cwd) && environment.child_cwd_real == cwd;
    environment.restore_cwd();

    struct sigaction current;
    sigaction(SIGUSR1, nullptr, &current);
    result.handler_shared = current.sa_handler == clone_lab_marker_handler;
    environment.restore_sigusr1();

    result.same_pid = report.pid == getpid();
    result.distinct_tid = report.tid != static_cast<int>(syscall(SYS_gettid));
    if (report.tid != result.child_tid) lab_failure("clone returned a tid the child denies");
    result.sigchld = took_sigchld_from(result.child_tid);

    std::uintptr_t parent_tp = reinterpret_cast<std::uintptr_t>(lwp::arch::thread_pointer());
    result.tp_is_parent = report.thread_pointer == parent_tp;
    result.tp_is_given = tls && report.thread_pointer == tls->thread_pointer();
    return result;
}

}  // namespace clone_lab
