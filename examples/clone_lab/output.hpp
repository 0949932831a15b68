// Printing the lab's findings: an aligned table for people, key=value lines
// (--machine) for tests/clone_lab's checker.
#pragma once

#include <sys/utsname.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "flags.hpp"
#include "ladder.hpp"
#include "refusals.hpp"
#include "tid_words.hpp"

namespace clone_lab {

struct findings {
    std::vector<rung_result> ladder;
    std::vector<tid_result> tid_words;
    std::vector<refusal_result> refusals;
    bool state_restored;
};

inline const char* yes_no(bool value) { return value ? "yes" : "no"; }

inline std::string error_name(long result) {
    if (result >= 0) return "accepted";
    const char* name = strerrorname_np(static_cast<int>(-result));
    return name ? name : std::to_string(result);
}

inline std::string kernel_release() {
    utsname name;
    return uname(&name) == 0 ? name.release : "unknown";
}

inline void print_machine(const findings& found) {
    std::printf("lab.kernel=%s\n", kernel_release().c_str());
    for (const rung_result& r : found.ladder) {
        const char* k = r.step->key;
        std::printf("ladder.%s.flags=0x%lx\n", k, r.step->flags);
        std::printf("ladder.%s.flag_names=%s\n", k, flag_names(r.step->flags).c_str());
        std::printf("ladder.%s.memory_shared=%d\n", k, r.memory_shared);
        std::printf("ladder.%s.fd_shared=%d\n", k, r.fd_shared);
        std::printf("ladder.%s.cwd_shared=%d\n", k, r.cwd_shared);
        std::printf("ladder.%s.handler_shared=%d\n", k, r.handler_shared);
        std::printf("ladder.%s.same_pid=%d\n", k, r.same_pid);
        std::printf("ladder.%s.distinct_tid=%d\n", k, r.distinct_tid);
        std::printf("ladder.%s.threads_before=%d\n", k, r.threads_before);
        std::printf("ladder.%s.threads_during=%d\n", k, r.threads_during);
        std::printf("ladder.%s.sigchld=%d\n", k, r.sigchld);
        std::printf("ladder.%s.tp_is_parent=%d\n", k, r.tp_is_parent);
        std::printf("ladder.%s.tp_is_given=%d\n", k, r.tp_is_given);
        std::printf("ladder.%s.done_at_return=%d\n", k, r.done_at_return);
    }
    for (const tid_result& r : found.tid_words) {
        const char* k = r.experiment->key;
        std::printf("tid.%s.flags=0x%lx\n", k, r.experiment->flags);
        std::printf("tid.%s.flag_names=%s\n", k, flag_names(r.experiment->flags).c_str());
        std::printf("tid.%s.one_word=%d\n", k, r.experiment->one_word);
        std::printf("tid.%s.sentinel=%d\n", k, tid_sentinel);
        std::printf("tid.%s.child_tid=%d\n", k, r.child_tid);
        std::printf("tid.%s.child_gettid=%d\n", k, r.child_gettid);
        std::printf("tid.%s.ptid_after_clone=%d\n", k, r.ptid_after_clone);
        if (r.ctid_after_clone)
            std::printf("tid.%s.ctid_after_clone=%d\n", k, *r.ctid_after_clone);
        else
            std::printf("tid.%s.ctid_after_clone=race\n", k);
        std::printf("tid.%s.ctid_at_entry=%d\n", k, r.ctid_at_entry);
        std::printf("tid.%s.ctid_after_exit=%d\n", k, r.ctid_after_exit);
    }
    for (const refusal_result& r : found.refusals) {
        std::printf("refusal.%s.flags=0x%lx\n", r.attempt->key, r.attempt->flags);
        std::printf("refusal.%s.result=%s\n", r.attempt->key, error_name(r.result).c_str());
    }
    std::printf("lab.state_restored=%d\n", found.state_restored);
}

// A tid-word value as a person reads it: "tid", "0", "-1 (untouched)".
inline std::string describe_word(int value, int child_tid) {
    if (value == child_tid) return "tid";
    if (value == tid_sentinel) return "untouched";
    return std::to_string(value);
}

inline void print_table(const findings& found) {
    std::printf("clone lab: what a child made by raw clone(2) shares with its parent"
                " (kernel %s)\n\n", kernel_release().c_str());
    std::printf("flags passed to clone (CLONE_ prefix dropped; low byte = exit signal):\n");
    for (const rung_result& r : found.ladder)
        std::printf("  %-10s %s\n", r.step->title, flag_names(r.step->flags).c_str());

    std::printf("\n%-10s %-6s %-4s %-4s %-7s %-7s %-7s %-8s %-7s %-8s %-6s\n", "rung",
                "memory", "fd", "cwd", "handler", "getpid", "gettid", "Threads", "SIGCHLD",
                "%fs", "vfork");
    std::printf("%-10s %-6s %-4s %-4s %-7s %-7s %-7s %-8s %-7s %-8s %-6s\n", "", "shared",
                "", "", "", "same", "differs", "before>", "to", "child's", "done at");
    std::printf("%-10s %-6s %-4s %-4s %-7s %-7s %-7s %-8s %-7s %-8s %-6s\n", "", "", "", "",
                "", "", "", "during", "parent", "TCB", "return");
    for (const rung_result& r : found.ladder) {
        std::string threads = std::to_string(r.threads_before) + ">" +
                              (r.threads_during < 0 ? std::string("-")
                                                    : std::to_string(r.threads_during));
        const char* tp = r.tp_is_given ? "own" : r.tp_is_parent ? "parent's" : "other";
        std::printf("%-10s %-6s %-4s %-4s %-7s %-7s %-7s %-8s %-7s %-8s %-6s\n",
                    r.step->title, yes_no(r.memory_shared), yes_no(r.fd_shared),
                    yes_no(r.cwd_shared), yes_no(r.handler_shared), yes_no(r.same_pid),
                    yes_no(r.distinct_tid), threads.c_str(), yes_no(r.sigchld), tp,
                    yes_no(r.done_at_return));
    }
    std::printf("\n  memory:  a store by the child is seen by the parent after the child ended\n"
                "  fd:      the fd the child opened refers to the same file in the parent\n"
                "  cwd:     the child's chdir moved the parent too\n"
                "  handler: the SIGUSR1 handler the child installed is the parent's\n"
                "  Threads: /proc/self/status of the parent, before clone > while the child"
                " lives\n"
                "           ('-': the vfork parent is suspended until the child is gone)\n"
                "  vfork done at return: the child had finished before clone returned\n");

    std::printf("\ntid words: what the kernel wrote, where, when (untouched = still -1)\n\n");
    std::printf("%-22s %-11s %-11s %-11s %-11s  %s\n", "experiment", "ptid after", "ctid after",
                "ctid child", "ctid after", "flags");
    std::printf("%-22s %-11s %-11s %-11s %-11s\n", "", "clone", "clone", "sees first",
                "child gone");
    for (const tid_result& r : found.tid_words) {
        bool uses_ptid = has(r.experiment->flags, CLONE_PARENT_SETTID);
        std::string ptid = uses_ptid ? describe_word(r.ptid_after_clone, r.child_tid) : "n/a";
        std::string ctid_clone = r.ctid_after_clone
                                     ? describe_word(*r.ctid_after_clone, r.child_tid)
                                     : "race";
        std::printf("%-22s %-11s %-11s %-11s %-11s  %s%s\n", r.experiment->title, ptid.c_str(),
                    ctid_clone.c_str(), describe_word(r.ctid_at_entry, r.child_tid).c_str(),
                    describe_word(r.ctid_after_exit, r.child_tid).c_str(),
                    flag_names(r.experiment->flags).c_str(),
                    r.experiment->one_word ? " (ptid == ctid)" : "");
    }

    std::printf("\nrefused flag sets:\n");
    for (const refusal_result& r : found.refusals)
        std::printf("  %-36s %-26s -> %s\n", r.attempt->rule,
                    flag_names(r.attempt->flags).c_str(), error_name(r.result).c_str());

    std::printf("\nparent's fds, cwd and SIGUSR1 action restored after the lab: %s\n",
                yes_no(found.state_restored));
}

}  // namespace clone_lab
