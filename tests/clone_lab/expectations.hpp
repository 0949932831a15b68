// What the kernel must have shown, derived from each experiment's flag bits
// (never from its name), so a lab that measured the wrong thing fails.
#pragma once

#include <linux/sched.h>
#include <signal.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "lab_output.hpp"

namespace clone_lab_check {

inline constexpr unsigned long lwp_thread_flags =
    CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
    CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;

inline const char* const ladder_rungs[] = {"fork",        "vfork",
                                           "vm",          "vm_fs",
                                           "vm_fs_files", "vm_fs_files_sighand",
                                           "thread",      "lwp"};
// The tid-word experiments and refusals are pinned to their exact flag sets:
// they are not a ladder that covers itself, so a changed set would silently
// test something else.
struct tid_experiment {
    const char* key;
    unsigned long flags;
    bool one_word;
};
inline constexpr unsigned long thread_sharing =
    CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
inline constexpr tid_experiment tid_experiments[] = {
    {"lwp", lwp_thread_flags, true},
    {"thread_child_settid", thread_sharing | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID, false},
    {"vm_cleartid", CLONE_VM | CLONE_CHILD_CLEARTID | SIGCHLD, false},
    {"vfork_settid", CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
     false},
    {"fork_settid", CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, false},
    {"fork_cleartid", CLONE_CHILD_CLEARTID | SIGCHLD, false},
};

struct refusal {
    const char* key;
    unsigned long flags;
};
inline constexpr refusal refusals[] = {
    {"sighand_without_vm", CLONE_SIGHAND | SIGCHLD},
    {"thread_without_sighand", CLONE_VM | CLONE_THREAD},
    {"thread_sighand_without_vm", CLONE_SIGHAND | CLONE_THREAD},
};

class verifier {
public:
    explicit verifier(const lab_output& values) : values_(values) {}

    std::vector<std::string> run() {
        check_ladder();
        check_tid_words();
        check_refusals();
        expect_text("lab.state_restored", "1");
        return failures_;
    }

private:
    const lab_output& values_;
    std::vector<std::string> failures_;

    bool lookup(const std::string& key, std::string& value) {
        auto found = values_.find(key);
        if (found == values_.end()) {
            failures_.push_back(key + ": missing");
            return false;
        }
        value = found->second;
        return true;
    }
    bool number(const std::string& key, long& out) {
        std::string text;
        if (!lookup(key, text)) return false;
        char* end = nullptr;
        out = std::strtol(text.c_str(), &end, 0);
        if (text.empty() || *end != '\0') {
            failures_.push_back(key + ": not a number: " + text);
            return false;
        }
        return true;
    }
    void expect_number(const std::string& key, long expected, const char* why) {
        long actual;
        if (number(key, actual) && actual != expected)
            failures_.push_back(key + "=" + std::to_string(actual) + ", expected " +
                                std::to_string(expected) + " (" + why + ")");
    }
    void expect_text(const std::string& key, const std::string& expected) {
        std::string actual;
        if (lookup(key, actual) && actual != expected)
            failures_.push_back(key + "=" + actual + ", expected " + expected);
    }

    void check_ladder() {
        // Each flag must be seen both present and absent, or "exactly when"
        // would be untested.
        unsigned long seen_with = 0, seen_without = 0;
        bool thread_with_exit_signal = false;
        for (const char* rung : ladder_rungs) {
            std::string k = std::string("ladder.") + rung + ".";
            long raw_flags;
            if (!number(k + "flags", raw_flags)) continue;
            unsigned long flags = static_cast<unsigned long>(raw_flags);
            auto has = [&](unsigned long bit) { return (flags & bit) != 0; };
            seen_with |= flags;
            seen_without |= ~flags;
            if (has(CLONE_THREAD) && (flags & 0xff) == SIGCHLD) thread_with_exit_signal = true;

            expect_number(k + "memory_shared", has(CLONE_VM), "memory shared exactly with CLONE_VM");
            expect_number(k + "fd_shared", has(CLONE_FILES), "fds shared exactly with CLONE_FILES");
            expect_number(k + "cwd_shared", has(CLONE_FS), "cwd shared exactly with CLONE_FS");
            expect_number(k + "handler_shared", has(CLONE_SIGHAND),
                          "handlers shared exactly with CLONE_SIGHAND");
            expect_number(k + "same_pid", has(CLONE_THREAD),
                          "one thread group exactly with CLONE_THREAD");
            expect_number(k + "distinct_tid", 1, "every child is its own task");
            long before, during;
            if (number(k + "threads_before", before) && number(k + "threads_during", during)) {
                if (before < 1) failures_.push_back(k + "threads_before < 1");
                if (has(CLONE_VFORK)) {
                    if (during != -1)
                        failures_.push_back(k + "threads_during read while a vfork parent "
                                                "should have been suspended");
                } else if (during - before != (has(CLONE_THREAD) ? 1 : 0)) {
                    failures_.push_back(k + "Threads: grew by " + std::to_string(during - before) +
                                        ", expected " + (has(CLONE_THREAD) ? "1" : "0"));
                }
            }
            expect_number(k + "sigchld", !has(CLONE_THREAD) && (flags & 0xff) == SIGCHLD,
                          "SIGCHLD exactly for non-thread children with it as exit signal");
            expect_number(k + "tp_is_given", has(CLONE_SETTLS), "own %fs exactly with CLONE_SETTLS");
            expect_number(k + "tp_is_parent", !has(CLONE_SETTLS),
                          "parent's %fs exactly without CLONE_SETTLS");
            expect_number(k + "done_at_return", has(CLONE_VFORK) && has(CLONE_VM),
                          "parent resumes after the child exactly with CLONE_VFORK");
        }
        expect_number("ladder.fork.flags", SIGCHLD, "fork-like rung");
        expect_number("ladder.vfork.flags", CLONE_VM | CLONE_VFORK | SIGCHLD, "vfork-like rung");
        expect_number("ladder.lwp.flags", static_cast<long>(lwp_thread_flags), "lwp's own set");
        for (unsigned long bit : {CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND, CLONE_THREAD,
                                  CLONE_VFORK, CLONE_SETTLS}) {
            if (!(seen_with & bit) || !(seen_without & bit))
                failures_.push_back("ladder does not cover flag 0x" + to_hex(bit) +
                                    " both set and clear");
        }
        if (!thread_with_exit_signal)
            failures_.push_back("no CLONE_THREAD rung carries SIGCHLD as exit signal");
    }

    void check_tid_words() {
        for (const tid_experiment& experiment : tid_experiments) {
            std::string k = std::string("tid.") + experiment.key + ".";
            expect_number(k + "flags", static_cast<long>(experiment.flags), "the experiment's set");
            expect_number(k + "one_word", experiment.one_word, "the experiment's words");
            long raw_flags, one_word, sentinel, tid;
            if (!number(k + "flags", raw_flags) || !number(k + "one_word", one_word) ||
                !number(k + "sentinel", sentinel) || !number(k + "child_tid", tid))
                continue;
            expect_number(k + "child_gettid", tid, "clone returns the tid the child has");
            if (tid <= 0 || tid == sentinel || sentinel == 0)
                failures_.push_back(k + "child_tid/sentinel cannot tell the writes apart");
            unsigned long flags = static_cast<unsigned long>(raw_flags);
            auto has = [&](unsigned long bit) { return (flags & bit) != 0; };
            const bool vm = has(CLONE_VM);
            const bool parent_settid = has(CLONE_PARENT_SETTID);
            const bool parent_wrote_ctid = one_word && parent_settid;

            if (parent_settid)
                expect_number(k + "ptid_after_clone", tid, "PARENT_SETTID is written before clone returns");
            else if (!one_word)
                expect_number(k + "ptid_after_clone", sentinel, "nothing writes an unused parent_tid");

            expect_number(k + "ctid_at_entry",
                          has(CLONE_CHILD_SETTID) || parent_wrote_ctid ? tid : sentinel,
                          "CHILD_SETTID is written before the child's first instruction");

            if (vm && has(CLONE_CHILD_SETTID) && !has(CLONE_VFORK)) {
                expect_text(k + "ctid_after_clone", "race");
            } else {
                bool written = parent_wrote_ctid || (vm && has(CLONE_VFORK) && has(CLONE_CHILD_SETTID));
                expect_number(k + "ctid_after_clone", written ? tid : sentinel,
                              "CHILD_SETTID lands in the child's memory, and only vfork "
                              "orders it before clone returns");
            }

            long after_exit = sentinel;
            if (vm && has(CLONE_CHILD_CLEARTID))
                after_exit = 0;
            else if ((vm && has(CLONE_CHILD_SETTID)) || parent_wrote_ctid)
                after_exit = tid;
            expect_number(k + "ctid_after_exit", after_exit,
                          "CHILD_CLEARTID clears the word at exit only in shared memory");
        }
    }

    void check_refusals() {
        bool sighand_without_vm = false, thread_without_sighand = false;
        for (const refusal& attempt : refusals) {
            std::string k = std::string("refusal.") + attempt.key + ".";
            expect_number(k + "flags", static_cast<long>(attempt.flags), "the refused set");
            long raw_flags;
            if (!number(k + "flags", raw_flags)) continue;
            unsigned long flags = static_cast<unsigned long>(raw_flags);
            if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM)) sighand_without_vm = true;
            if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND)) thread_without_sighand = true;
            expect_text(k + "result", "EINVAL");
        }
        if (!sighand_without_vm) failures_.push_back("no refusal of CLONE_SIGHAND without CLONE_VM");
        if (!thread_without_sighand)
            failures_.push_back("no refusal of CLONE_THREAD without CLONE_SIGHAND");
    }

    static std::string to_hex(unsigned long value) {
        char text[32];
        std::snprintf(text, sizeof text, "%lx", value);
        return text;
    }
};

inline std::vector<std::string> verify(const lab_output& values) { return verifier(values).run(); }

}  // namespace clone_lab_check
