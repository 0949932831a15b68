// What CLONE_PARENT_SETTID, CLONE_CHILD_SETTID and CLONE_CHILD_CLEARTID write,
// where, and when: the parent's view right after clone returns, the child's
// view at its first instruction, and the parent's view once the child is gone.
//
// The kernel's side: PARENT_SETTID is stored in the parent's memory by
// kernel_clone before the child is first woken; CHILD_SETTID is stored by the
// child itself on its way out of the kernel (schedule_tail), in whatever
// memory the child has; CHILD_CLEARTID is stored (0) and futex-woken at exit by
// mm_release, and only while someone else still uses the address space
// (mm_users > 1).
#pragma once

#include <optional>

#include "child.hpp"
#include "flags.hpp"
#include "parent_tools.hpp"

namespace clone_lab {

struct tid_experiment {
    const char* key;
    const char* title;
    unsigned long flags;
    bool one_word;  // parent_tid and child_tid point at the same word (as in lwp)
};

inline constexpr tid_experiment tid_experiments[] = {
    {"lwp", "lwp's set, one word", lwp_thread_flags, true},
    {"thread_child_settid", "thread + CHILD_SETTID",
     CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_CHILD_SETTID |
         CLONE_CHILD_CLEARTID,
     false},
    {"vm_cleartid", "VM process + CLEARTID", CLONE_VM | CLONE_CHILD_CLEARTID | SIGCHLD, false},
    {"vfork_settid", "vfork + both SETTIDs",
     CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, false},
    {"fork_settid", "fork + both SETTIDs", CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
     false},
    {"fork_cleartid", "fork + CLEARTID", CLONE_CHILD_CLEARTID | SIGCHLD, false},
};

// What a word held before anything wrote it.
inline constexpr int tid_sentinel = -1;

struct tid_result {
    const tid_experiment* experiment;
    int child_tid;          // what clone returned
    int child_gettid;       // what the child's gettid said
    int ptid_after_clone;   // the PARENT_SETTID word, parent's memory
    // The child_tid word, parent's memory, right after clone returned; empty
    // when the answer is a race (CHILD_SETTID into shared memory, written by
    // the child whenever it first runs, and the parent not held back by vfork).
    std::optional<int> ctid_after_clone;
    int ctid_at_entry;      // the child_tid word as the child saw it first
    int ctid_after_exit;    // the child_tid word, parent's memory, child gone
};

inline bool ctid_after_clone_is_a_race(unsigned long flags) {
    return has(flags, CLONE_VM) && has(flags, CLONE_CHILD_SETTID) && !has(flags, CLONE_VFORK);
}

inline tid_result run_tid_experiment(const tid_experiment& experiment) {
    const unsigned long flags = experiment.flags;
    const bool vfork = has(flags, CLONE_VFORK);
    std::atomic<int> memory_word{0}, finished_word{0};
    int parent_word = tid_sentinel;
    int child_word = tid_sentinel;
    int* ptid = &parent_word;
    int* ctid = experiment.one_word ? &parent_word : &child_word;

    pipe_pair report_pipe, go_pipe;
    child_plan plan{report_pipe.write_end, vfork ? -1 : go_pipe.read_end, nullptr, nullptr,
                    /*probe_sharing=*/false, &memory_word, &finished_word, ctid};
    child_stack stack(child_main, &plan);
    std::optional<child_tls> tls;
    if (has(flags, CLONE_SETTLS)) tls.emplace();

    drain_sigchld();
    long tid = lwp_arch_clone(flags, stack.top(), ptid, ctid, tls ? tls->thread_pointer() : 0);
    if (tid < 0) lab_failure("clone failed in a tid-word experiment");

    tid_result result{};
    result.experiment = &experiment;
    result.child_tid = static_cast<int>(tid);
    // Read at once. Unless vfork held us back, the child is alive (it waits
    // for the go byte) so CHILD_CLEARTID cannot have run yet.
    result.ptid_after_clone = __atomic_load_n(ptid, __ATOMIC_ACQUIRE);
    int ctid_now = __atomic_load_n(ctid, __ATOMIC_ACQUIRE);
    if (!ctid_after_clone_is_a_race(flags)) result.ctid_after_clone = ctid_now;

    child_report report;
    read_exactly(report_pipe.read_end, &report, sizeof report);
    result.ctid_at_entry = report.tid_word_at_entry;
    result.child_gettid = report.tid;
    if (!vfork && write(go_pipe.write_end, "g", 1) != 1) lab_failure("cannot release a child");

    if (has(flags, CLONE_THREAD)) {
        join_thread(ctid);  // every thread experiment has CHILD_CLEARTID
    } else {
        int status = reap_process(result.child_tid);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) lab_failure("a child failed");
    }
    result.ctid_after_exit = __atomic_load_n(ctid, __ATOMIC_ACQUIRE);
    drain_sigchld();
    return result;
}

}  // namespace clone_lab
